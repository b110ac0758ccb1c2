"""Figures sitting on a chair: hip stretch, piriformis stretch, torso twist."""

from __future__ import annotations

from dataclasses import replace

from stretchguide.core.figures.body import RADIUS
from stretchguide.core.figures.contacts import Reach, on_floor
from stretchguide.core.figures.drawing import Ink, Prop, View
from stretchguide.core.figures.exercise_figure import ExerciseFigure, _sup, _with_reaches
from stretchguide.core.figures.fitting import fit_solved
from stretchguide.core.figures.kinematics import Skeleton, forward
from stretchguide.core.figures.positions import (
    BOTH_FEET,
    CHAIR_SEAT,
    FLOOR,
    LEFT_FOOT,
    MAT,
    ON_SEAT,
    SITTING_FLOOR,
    _figure_four,
    seated_on_chair,
)
from stretchguide.core.figures.vectors import Vec


def _seated_hip_stretch() -> ExerciseFigure:
    start = SITTING_FLOOR.with_(lumbar_flex=-3.0)
    key = start.with_(
        r_hip_flex=110.0,
        r_hip_abd=-18.0,
        r_knee=120.0,
        r_ankle=-15.0,
        thorax_twist=-20.0,
        lumbar_twist=-8.0,
        l_knee=0.0,
        l_ankle=0.0,
    )
    # The right foot crosses over and is planted beside the outside of the
    # long left leg's knee: that crossing is what names the stretch. Both
    # sitting bones, the long leg's heel and the crossed foot rest at once
    # with the trunk upright and the long leg straight ("sit tall"), so
    # settling the pose does not tip it back or bend the long knee to reach.
    rests = on_floor("l_hip", "r_hip", "l_heel", "r_heel", "r_toe")

    def crossed(sk: Skeleton) -> float:
        g = [r.gap(sk) for r in rests]
        m = sum(g) / len(g)
        return (
            10 * sum((x - m) ** 2 for x in g)
            + (sk["r_heel"][1] - sk["l_knee"][1] - 10.0) ** 2
            + (sk["r_heel"][0] - sk["l_knee"][0] + 12.0) ** 2
        )

    key = fit_solved(
        "seated hip stretch",
        key,
        ["r_hip_flex", "r_hip_abd", "r_hip_rot", "r_knee", "r_ankle", "l_ankle"],
        crossed,
        steps=(8.0, 4.0, 2.0, 1.0, 0.5, 0.25, 0.1, 0.05, 0.02),
    )
    # The left arm hugs the crossed knee towards the chest; the right hand
    # holds that shin below the knee (the ankle, planted across the long leg,
    # is out of reach sitting tall).
    hands = (
        Reach("l", "r_knee_front", offset=(0.0, -5.0, 0.0)),
        Reach("r", "r_knee", toward="r_ankle", fraction=0.4, offset=(0.0, -4.0, 0.0)),
    )
    return ExerciseFigure(
        "seated_hip_stretch",
        View.SIDE,
        # The right heel lies on the mat too, but is not held there: it
        # lifts to cross over the long leg (held down, it slid through it).
        start=_sup(
            start.both(shoulder_flex=35.0, elbow=10.0),
            on_floor("l_hip", "r_hip", "l_heel"),
        ),
        key=_with_reaches(key, *hands, rests=rests),
        props=(FLOOR, MAT),
        feel=("buttock", "outer_hip"),
        azimuth=30.0,
    )


def _seated_piriformis() -> ExerciseFigure:
    start = seated_on_chair()
    base = start.with_(pitch=0.0)
    # Leaning forward from the hips keeps the thighs on the seat; far
    # enough that both hands reach the crossed leg with the elbows bent.
    key = _figure_four(
        base.with_(
            pitch=30.0, lumbar_flex=-6.0, neck_flex=-10.0, l_hip_flex=120.0, r_hip_flex=120.0
        ),
        max_flex=126.0,
    )
    # The right palm under the crossed knee; the left holds that shin a
    # third of the way to the ankle, on top: the knee sits out past the
    # right hip, beyond the left arm's reach, and a hand aimed at it hangs
    # in the air.
    under = -(RADIUS["thigh"] * 0.8 + RADIUS["hand"])
    on_top = RADIUS["shin"] + RADIUS["hand"]
    hands = (
        Reach("l", "r_knee", toward="r_ankle", fraction=0.35, offset=(0.0, 0.0, on_top)),
        Reach("r", "r_knee", offset=(0.0, 0.0, under)),
    )
    back_x = forward(start)["pelvis"][0] - 24.0
    return ExerciseFigure(
        "seated_piriformis_stretch",
        View.FRONT,
        start=_sup(start, ON_SEAT + BOTH_FEET),
        key=_with_reaches(key, *hands, rests=ON_SEAT + LEFT_FOOT),
        props=(_floor_area(back_x - 2.0, 46.0, -26.0, 24.0, cut=22.0), *_facing_chair(back_x)),
        feel=("back_of_hip", "buttock"),
        # From the front on the crossed leg's side, a little above (more
        # shows the figure four better but the feet drop lower in the
        # picture and the session draws the figure smaller): the
        # crossed thigh leaves the seat out to the side and its shin lies
        # across the other knee (the figure four), and the glow is on the
        # near buttock. From the side (the blind review of Dec 5) the two
        # thighs lay along each other and the legs read as crossed at the
        # knees; from the standing leg's side the glow sat on the far hip.
        # The chair is the twist's, turned to face forward.
        elevation=8.0,
        azimuth=-30.0,
        mirror_azimuth=True,
    )


CHAIR_BEHIND = -60.0  # chair parts sort behind the body sitting on them


def _side_chair(back_y: float) -> tuple[Prop, ...]:
    """An armless chair with its back along ``y = back_y``, seen from any side.

    The seat is a board (an area seen from above, not a stick), the legs
    stand at its four corners, the back is two uprights and a top rail.
    """
    half, front_y, top = 21.0, back_y + 46.0, CHAIR_SEAT + 44.0

    def part(kind: str, points: tuple[Vec, ...], width: float, ink: Ink = Ink.PROP_DARK) -> Prop:
        return Prop(kind, points=points, width=width, ink=ink, depth_bias=CHAIR_BEHIND)

    seat = part(
        "poly",
        tuple(
            (x, y, CHAIR_SEAT)
            for x, y in ((-half, back_y), (half, back_y), (half, front_y), (-half, front_y))
        ),
        3.0,
        Ink.PROP,
    )
    legs = tuple(
        part("line", ((x, y, CHAIR_SEAT), (x, y, 0.0)), 3.0)
        for x in (-half + 2.0, half - 2.0)
        for y in (back_y + 2.0, front_y - 2.0)
    )
    uprights = tuple(
        part("line", ((x, back_y + 2.0, CHAIR_SEAT), (x, back_y, top)), 3.5)
        for x in (-half + 2.0, half - 2.0)
    )
    rail = part("line", ((-half + 1.0, back_y, top), (half - 1.0, back_y, top)), 5.0)
    return (seat, *legs, *uprights, rail)


def _facing_chair(back_x: float) -> tuple[Prop, ...]:
    """The armless chair of ``_side_chair`` turned to face +x, its back along ``x = back_x``."""
    return tuple(
        replace(p, points=tuple((y, -x, z) for x, y, z in p.points)) for p in _side_chair(back_x)
    )


def _floor_area(x0: float, x1: float, y0: float, y1: float, cut: float = 0.0) -> Prop:
    """The floor under a chair seen from above: an area, not a line.

    ``cut``: that much off the corner at ``(x1, y0)``; the corner nearest a
    camera in front on the ``-y`` side reaches lowest in the picture, and
    the box the session fits grew by it.
    """
    cut_corner = ((x1 - cut, y0), (x1, y0 + cut)) if cut else ((x1, y0),)
    corners = ((x0, y0), *cut_corner, (x1, y1), (x0, y1))
    return Prop(
        "poly",
        points=tuple((x, y, 0.0) for x, y in corners),
        width=0.5,
        ink=Ink.FLOOR_AREA,
        depth_bias=-1e5,
    )


def _chair_torso_twist() -> ExerciseFigure:
    # Sitting sideways on an armless chair, its back at the person's right;
    # both hands hold its top rail, and stay there while the upper body
    # turns towards it (the arms draw it round) and back to the front.
    back_y = -34.0
    rail = CHAIR_SEAT + 44.0
    start = seated_on_chair().with_(lumbar_twist=-4.0, thorax_twist=-12.0)
    key = start.with_(lumbar_twist=-12.0, thorax_twist=-32.0)
    # The arms turn (``elbow_to``): the left elbow forward and down as that
    # hand reaches across in front of the chest, the right elbow back and
    # down beside the body (the one-plane reach stuck it up and out).
    hands = (
        Reach("l", "@world", offset=(17.0, back_y - 1.0, rail + 3.0), elbow_to=(0.43, 0.25, -0.87)),
        Reach("r", "@world", offset=(4.0, back_y - 1.0, rail + 3.0), elbow_to=(-0.5, 0.0, -0.87)),
    )
    # The camera looks down: the floor is an area under the chair and the
    # feet, not a line.
    floor = _floor_area(-30.0, 72.0, -44.0, 22.0)
    return ExerciseFigure(
        "chair_torso_twist",
        View.FRONT,
        start=_with_reaches(start, *hands, rests=ON_SEAT + BOTH_FEET),
        key=_with_reaches(key, *hands, rests=ON_SEAT + BOTH_FEET),
        props=(floor, *_side_chair(back_y)),
        feel=("mid_back", "lower_back"),
        # From the front, on the side away from the chair back, and above:
        # the knees point at the camera while the chest turns away from it
        # towards the chair back (the shoulders against the hips is the
        # twist), the face turns with it, and the left hand is seen crossing
        # the chest to the rail. The turned back's glow shows at the edge of
        # the trunk. From behind, the trunk hid that hand and the twist read
        # as a back and a head turning away.
        elevation=30.0,
        azimuth=45.0,
        mirror_azimuth=True,
    )
