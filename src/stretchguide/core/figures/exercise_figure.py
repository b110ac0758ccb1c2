"""``ExerciseFigure``: one exercise's keyframes, props and camera; helpers to place them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from stretchguide.core.catalog import Side
from stretchguide.core.figures.body import Ground, Pose
from stretchguide.core.figures.contacts import Reach, Rest
from stretchguide.core.figures.drawing import Camera, Prop, View
from stretchguide.core.figures.fitting import fit_lsq
from stretchguide.core.figures.frames import Frame, mirrored_frame
from stretchguide.core.figures.kinematics import Skeleton, grounded
from stretchguide.core.figures.positions import FLOOR
from stretchguide.core.figures.settle import rests_to_settle, settle


def mirrored_prop(prop: Prop) -> Prop:
    """The prop on the other side of the body (a post held by the other hand)."""

    def swap(name: str) -> str:
        if name[:2] in ("l_", "r_"):
            return ("r_" if name[0] == "l" else "l_") + name[2:]
        return name

    return replace(
        prop,
        points=tuple((p[0], -p[1], p[2]) for p in prop.points),
        anchors=tuple(swap(a) for a in prop.anchors),
        helper_anchors=tuple(swap(a) for a in prop.helper_anchors),
        offset=(prop.offset[0], -prop.offset[1], prop.offset[2]),
    )


# --- the figure of one exercise -------------------------------------------------


@dataclass(frozen=True)
class ExerciseFigure:
    id: str
    view: View
    start: Frame  # where each repetition starts and the rest pose
    key: Frame  # the held stretch, or the far end of a repetition
    neutral: Frame | None = None  # where "get into position" starts from
    stages: Mapping[str, Frame] = field(default_factory=dict)
    rep_path: tuple[Frame, ...] = ()  # a loop instead of start -> key -> start
    # A hold that moves (the ball release's circles): once at ``key``, the
    # hold goes round ``rep_path`` (which starts at ``key``), one round in
    # this many seconds, instead of breathing. 0: the hold breathes.
    hold_loop_s: float = 0.0
    props: tuple[Prop, ...] = (FLOOR,)
    # Drawn over ``props`` only while the movement is worked (the hold and
    # the repetitions) and in the still: a cue such as "press down here"
    # would say the wrong thing while getting into position or resting.
    cue_props: tuple[Prop, ...] = ()
    feel: tuple[str, ...] = ()  # catalog Area values, used when the catalog gives none
    sided: bool = True
    feel_other_side: bool = False  # a side bend to the right is felt on the left
    breath: float = 1.0
    elevation: float = 0.0  # look down on it a little (front views of lying poses)
    azimuth: float = 0.0  # turn the camera towards the person's front (crossed legs)
    # A front camera turned round to the side (the clam's) would see the
    # left side's mirrored body from behind: turn it the other way on that
    # side, so the left is drawn as the mirror image of the right.
    mirror_azimuth: bool = False
    # The still image also shows where the movement starts, faintly: a
    # glide or a clam is its movement, not its end pose.
    ghost: bool = False
    # Side view from the resting side: for a limb held by both hands, the
    # hands and that limb are nearest while the working leg lies behind them.
    from_resting_side: bool = False
    # Limbs drawn in the accent inks ("r_leg", "l_arm", "r_foot"), authored
    # for the right side: what tells this figure from a near-duplicate
    # (``accents.ACCENTS`` fills it in).
    accent: tuple[str, ...] = ()
    # A thumbnail framed on these body points (named for the right side)
    # instead of the whole figure: where what tells the exercise is small
    # (the ball release's 7 cm ball was 4 px across in a 128 px image of the
    # whole lying body), the image shows that part larger, at its true size
    # against the body round it.
    thumb_points: tuple[str, ...] = ()

    def stage_frame(self, stage: str) -> Frame:
        """The frame of a named stage ("Arch up" finds "arch"), else the key pose."""
        wanted = stage.lower()
        for name, frame in self.stages.items():
            if name in wanted:
                return frame
        return self.key

    def frame_for(self, frame: Frame, side: Side | None) -> Frame:
        return mirrored_frame(frame) if side is Side.LEFT and self.sided else frame

    def props_for(self, side: Side | None, cues: bool = True) -> tuple[Prop, ...]:
        """The props to draw; ``cues``: with ``cue_props`` (the movement is worked)."""
        props = (*self.props, *self.cue_props) if cues else self.props
        if side is Side.LEFT and self.sided:
            return tuple(mirrored_prop(p) for p in props)
        return props

    def accent_for(self, side: Side | None) -> tuple[str, ...]:
        if side is Side.LEFT and self.sided:
            return tuple(("r_" if a[0] == "l" else "l_") + a[2:] for a in self.accent)
        return self.accent

    def camera(self, side: Side | None, alternating: bool = False) -> Camera:
        if alternating:
            # One camera for both sides, so the figure does not jump each rep.
            from_left = self.view is View.SIDE and self.from_resting_side
        else:
            from_left = (
                self.view is View.SIDE
                and self.sided
                and (side is Side.LEFT) != self.from_resting_side
            )
        azimuth = self.azimuth
        if self.mirror_azimuth and self.sided and side is Side.LEFT and not alternating:
            azimuth = -azimuth
        return Camera(self.view, from_left=from_left, azimuth=azimuth, elevation=self.elevation)

    def all_frames(self) -> list[Frame]:
        fr = [self.start, self.key, *self.stages.values(), *self.rep_path]
        if self.neutral is not None:
            fr.append(self.neutral)
        return fr


def _placed(pose: Pose, rests: tuple[Rest, ...], reaches: Sequence[Reach] = ()) -> Pose:
    return settle(grounded(pose), rests_to_settle(rests, reaches)) if rests else grounded(pose)


def _sup(pose: Pose, rests: tuple[Rest, ...] = ()) -> Frame:
    return Frame(_placed(pose, rests), rests=rests)


def _with_reaches(
    pose: Pose,
    *reaches: Reach,
    helper: Pose | None = None,
    helper_reaches: tuple[Reach, ...] = (),
    rests: tuple[Rest, ...] = (),
) -> Frame:
    return Frame(
        _placed(pose, rests, reaches),
        helper=grounded(helper) if helper is not None else None,
        reaches=tuple(reaches),
        helper_reaches=helper_reaches,
        rests=rests,
    )


def rest_fit(pose: Pose, rests: Sequence[Rest], dofs: Sequence[str]) -> Pose:
    """Adjust ``dofs`` until every rest touches its support at once."""
    floor = pose.ground is Ground.FLOOR

    def residuals(sk: Skeleton) -> list[float]:
        g = [r.gap(sk) for r in rests]
        m = sum(g) / len(g)
        # On the floor the figure is lowered onto its lowest point: a rest
        # above zero means some other part is lower, sinking into the mat.
        sunk = [x for x, r in zip(g, rests, strict=True) if floor and r.on.kind == "floor"]
        return [x - m for x in g] + sunk

    return settle(fit_lsq(pose, dofs, residuals), rests)
