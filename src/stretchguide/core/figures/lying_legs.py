"""Figures lying on the back, moving a leg: knees to chest, hamstring, piriformis, glides."""

from __future__ import annotations

from typing import Final

from stretchguide.core.figures.body import RADIUS, Pose
from stretchguide.core.figures.contacts import SURFACE_RADIUS, Reach, Support, rests_on
from stretchguide.core.figures.drawing import Ink, Prop, View
from stretchguide.core.figures.exercise_figure import (
    ExerciseFigure,
    _sup,
    _with_reaches,
    rest_fit,
)
from stretchguide.core.figures.fitting import fit_lsq
from stretchguide.core.figures.kinematics import Skeleton, forward, grounded
from stretchguide.core.figures.positions import (
    FLOOR,
    HOOK,
    LEFT_FOOT,
    LEFT_LONG,
    LONG_LEGS,
    LYING,
    LYING_BACK,
    MAT,
    _arms_by_side,
    _figure_four,
    hook_lying,
    mat_area,
)
from stretchguide.core.figures.vectors import _add, _mv


def _knees_to_chest() -> ExerciseFigure:
    start = _arms_by_side(hook_lying())
    # The knees come in over the chest, not to a table-top: past the hips'
    # own range the low back rounds and the pelvis rolls back off its curve
    # (a blind review read 118 degrees of hip with the pelvis flat as holding
    # the knees up). The shins stay about level.
    key = start.both(hip_flex=125.0, knee=135.0, ankle=-20.0).with_(lumbar_flex=15.0)
    # Hands hold just below the knees, on the shins, so the arms carry the legs.
    knees = (
        Reach("l", "l_knee_front", offset=(0.0, 3.0, 0.0), toward="l_ankle", fraction=0.22),
        Reach("r", "r_knee_front", offset=(0.0, -3.0, 0.0), toward="r_ankle", fraction=0.22),
    )
    return ExerciseFigure(
        "knees_to_chest",
        View.SIDE,
        start=_sup(start, HOOK),
        key=_with_reaches(key, *knees, rests=LYING_BACK),
        neutral=_sup(_arms_by_side(LYING), LONG_LEGS),
        props=(FLOOR, MAT),
        feel=("lower_back", "glutes"),
        sided=False,
    )


def _single_knee_to_chest() -> ExerciseFigure:
    start = _arms_by_side(LYING)
    # The knee comes in over the chest (see knees to chest); the low back
    # rounds a little and the long leg's hip opens as much, so it stays flat
    # on the mat instead of bending up with the pelvis.
    key = start.with_(r_hip_flex=130.0, r_knee=130.0, r_ankle=-20.0, lumbar_flex=10.0)
    key = key.with_(l_hip_flex=-10.0)
    # Both hands round the shin just below the knee (article 002: "hug it
    # towards your chest, holding onto your shin").
    knee = (
        Reach("l", "r_knee_front", offset=(0.0, 3.0, 0.0), toward="r_ankle", fraction=0.22),
        Reach("r", "r_knee_front", offset=(0.0, -3.0, 0.0), toward="r_ankle", fraction=0.22),
    )
    return ExerciseFigure(
        "single_knee_to_chest",
        View.SIDE,
        start=_sup(start, LONG_LEGS),
        key=_with_reaches(key, *knee, rests=LEFT_LONG),
        props=(FLOOR, MAT),
        feel=("lower_back", "buttock"),
    )


def _supine_hamstring() -> ExerciseFigure:
    start = _arms_by_side(hook_lying())
    key = start.with_(r_hip_flex=80.0, r_knee=3.0, r_ankle=0.0)
    hands = (
        Reach("l", "r_thigh_back", offset=(0.0, 4.0, 0.0), toward="r_knee", fraction=0.35),
        Reach("r", "r_thigh_back", offset=(0.0, -4.0, 0.0), toward="r_knee", fraction=0.35),
    )
    return ExerciseFigure(
        "supine_hamstring_stretch",
        View.SIDE,
        start=_sup(start, HOOK),
        key=_with_reaches(key, *hands, rests=LYING_BACK + LEFT_FOOT),
        props=(FLOOR, MAT),
        feel=("back_of_thigh",),
    )


def _strap(*anchors: str) -> Prop:
    return Prop("line", anchors=anchors, width=1.6, ink=Ink.STRAP, depth_bias=40.0)


def _strap_leg_raise() -> ExerciseFigure:
    base = LYING.both(ankle=0.0)
    start = base.both(shoulder_flex=40.0, elbow=60.0)
    key = base.with_(r_hip_flex=48.0, r_hip_abd=20.0)
    hands = (
        Reach("l", "l_shoulder", toward="r_toe", fraction=0.45),
        Reach("r", "r_shoulder", toward="r_toe", fraction=0.45),
    )
    # The soles press against the wall (that is what the wall is for): the
    # heels touch it, the left one all through the raise.
    s = forward(grounded(base))
    wall_x = max(s["l_heel"][0], s["r_heel"][0]) + SURFACE_RADIUS["l_heel"]
    wall_support = Support("wall", at=wall_x, name="wall")
    # The wall stands across the whole mat (seen from above, a post in the
    # middle of the mat would not read as a wall).
    wall = Prop(
        "poly",
        points=tuple((wall_x + 3, y, z) for y, z in ((-50, 0), (50, 0), (50, 95), (-50, 95))),
        width=6.0,
        ink=Ink.WALL,
        depth_bias=-1e5,
    )
    # Seen from the side the leg going out to the side went straight at the
    # camera and did not show: from a little above, the raised leg's shadow
    # on the mat leaves the resting leg at an angle, out towards the viewer,
    # while the leg itself still shows its rise.
    shadow = Prop(
        "shadow",
        anchors=("r_hip", "r_knee", "r_ankle", "r_toe"),
        width=RADIUS["thigh"] * 2,
        ink=Ink.SHADOW,
        depth_bias=-9e4,
    )
    soles = rests_on(wall_support, "l_heel")
    return ExerciseFigure(
        "strap_leg_raise",
        View.SIDE,
        start=_with_reaches(
            start, *hands, rests=LONG_LEGS + soles + rests_on(wall_support, "r_heel")
        ),
        key=_with_reaches(key, *hands, rests=LEFT_LONG + soles),
        props=(mat_area(-95.0, wall_x, 50.0), shadow, wall, _strap("l_hand", "r_toe", "r_hand")),
        feel=("back_of_thigh", "outer_hip"),
        elevation=25.0,
    )


def _supine_piriformis() -> ExerciseFigure:
    start = _arms_by_side(hook_lying())
    key = _figure_four(start)
    return ExerciseFigure(
        "supine_piriformis_stretch",
        View.SIDE,
        start=_sup(start, HOOK),
        key=_sup(key, LYING_BACK + LEFT_FOOT),
        props=(FLOOR, MAT),
        feel=("buttock", "back_of_hip"),
        azimuth=25.0,
    )


def _ankle_over_thigh(p: Pose) -> Pose:
    """The right ankle laid across the front of the raised left thigh, just above the knee.

    The foot hangs past the outside of that thigh and the crossed knee falls
    open to the side as far as the hip turns out (``positions._figure_four``
    is the same contact with the foot still on the floor).
    """
    # Where the ankle goes, in the thigh's own frame: in front of it, 8 cm
    # from the knee towards the hip and just past its outer edge, so the
    # shin lies across the thigh and the legs are drawn as crossed
    # (``drawing._legs_crossed``: thigh and shin depth-sorted apart).
    spot = (RADIUS["thigh"] + SURFACE_RADIUS["r_ankle"], 9.0, 3.0)

    def residuals(sk: Skeleton) -> list[float]:
        target = _add(sk["l_knee"], _mv(sk.frames["l_thigh"], spot))
        gap = [a - b for a, b in zip(sk["r_ankle"], target, strict=True)]
        # The knee out to the side as far as the hip's turn allows (lightly:
        # the ankle's place comes first), never above the ankle it carries.
        out = 0.05 * (sk["r_knee"][1] - sk["r_hip"][1] + 30.0)
        return [*gap, out, max(0.0, sk["r_knee"][2] - sk["r_ankle"][2] + 4.0)]

    return fit_lsq(
        p.with_(r_hip_flex=100.0, r_hip_abd=30.0, r_hip_rot=60.0, r_knee=110.0),
        ["r_hip_flex", "r_hip_abd", "r_hip_rot", "r_knee"],
        residuals,
        iterations=80,
    )


# Both palms round the back of the raised left thigh, between the knee and
# the middle of the hamstrings: the right hand between the legs, on the
# side the camera sees, the left round the outside. Nearer the knee is out
# of the arms' reach with the shoulders on the mat.
_BEHIND_THIGH: Final = (
    Reach(
        "l",
        "l_thigh_back",
        toward="l_knee",
        fraction=0.3,
        offset=(-2.0, 9.0, 0.0),
    ),
    Reach(
        "r",
        "l_thigh_back",
        toward="l_knee",
        fraction=0.3,
        offset=(-2.0, -9.0, 0.0),
    ),
)


def _advanced_piriformis() -> ExerciseFigure:
    start = _figure_four(_arms_by_side(hook_lying()))
    # The left foot leaves the mat and that thigh comes in towards the chest
    # (its shin level), carrying the crossed ankle with it.
    pulled = _ankle_over_thigh(start.with_(l_hip_flex=95.0, l_knee=90.0, l_ankle=-5.0))
    return ExerciseFigure(
        "advanced_piriformis_stretch",
        View.SIDE,
        start=_sup(start, LYING_BACK + LEFT_FOOT),
        key=_with_reaches(pulled, *_BEHIND_THIGH, rests=LYING_BACK),
        props=(mat_area(-88.0, 72.0, 32.0),),
        feel=("buttock", "back_of_hip"),
        # From the crossed leg's side, towards the feet and from above: the
        # crossed leg nearest, its shin across the raised thigh and its
        # buttock (where the stretch is felt, and the glow) in view. From the
        # other side the crossed leg was half hidden behind four limbs and
        # the glow sat on the far hip; level, the shin across pointed at
        # the camera.
        azimuth=40.0,
        elevation=30.0,
    )


def _nerve_glide_knee() -> ExerciseFigure:
    base = _arms_by_side(LYING.both(ankle=0.0))
    start = base.with_(r_hip_flex=90.0, r_knee=90.0, r_ankle=-10.0)
    key = base.with_(r_hip_flex=90.0, r_knee=15.0, r_ankle=5.0)
    hands = (
        Reach("l", "r_thigh_back", offset=(0.0, 4.0, 0.0), toward="r_knee", fraction=0.3),
        Reach("r", "r_thigh_back", offset=(0.0, -4.0, 0.0), toward="r_knee", fraction=0.3),
    )
    return ExerciseFigure(
        "nerve_glide_knee",
        View.SIDE,
        start=_with_reaches(start, *hands, rests=LEFT_LONG),
        key=_with_reaches(key, *hands, rests=LEFT_LONG),
        neutral=_sup(base, LONG_LEGS),
        props=(FLOOR, MAT),
        feel=("back_of_leg",),
        ghost=True,
    )


def _nerve_glide_ankle() -> ExerciseFigure:
    base = _arms_by_side(LYING.both(ankle=-10.0)).with_(r_hip_flex=38.0, r_knee=0.0)
    start = base.with_(r_ankle=-40.0)
    key = base.with_(r_ankle=22.0)
    # The heel rests on the block while the foot pumps: the block's top is
    # a support and the block stands still (drawn from the heel, it rose and
    # fell 6 cm with every pump). Getting into position it still rises with
    # the heel: standing there, it would cut through the leg lying long.
    heel = forward(_sup(start, LEFT_LONG).body)["r_heel"]
    block = Support("plane", at=heel[2] - SURFACE_RADIUS["r_heel"], name="block")
    on_block = (*LEFT_LONG, *rests_on(block, "r_heel"))
    # The knee stays locked straight (the steps say so): the hip lowers the
    # leg as the foot is drawn back on its heel.
    key = rest_fit(grounded(key), on_block, ["r_hip_flex"])
    rest = Prop(
        "pedestal",
        points=((heel[0], heel[1], block.at),),
        anchors=("r_heel",),
        offset=(0.0, 0.0, -RADIUS["foot"]),
        radius=14.0,
        width=1.0,
        ink=Ink.PROP,
        depth_bias=-40.0,
    )
    return ExerciseFigure(
        "nerve_glide_ankle",
        View.SIDE,
        start=_sup(start, on_block),
        key=_sup(key, on_block),
        neutral=_sup(_arms_by_side(LYING), LONG_LEGS),
        props=(FLOOR, MAT, rest),
        feel=("back_of_leg",),
        ghost=True,
    )


def _strap_nerve_stretch() -> ExerciseFigure:
    base = LYING.both(ankle=-10.0)
    start = base.with_(r_hip_flex=40.0, r_knee=0.0, r_ankle=0.0)
    # The foot drawn back hard (toes towards the face) is what tells this
    # apart from the strap leg raise; the leg goes higher, with no wall.
    key = base.with_(r_hip_flex=75.0, r_knee=0.0, r_ankle=30.0)
    hands = (
        Reach("l", "l_shoulder", toward="r_toe", fraction=0.5),
        Reach("r", "r_shoulder", toward="r_toe", fraction=0.5),
    )
    return ExerciseFigure(
        "strap_nerve_stretch",
        View.SIDE,
        start=_with_reaches(start, *hands, rests=LEFT_LONG),
        key=_with_reaches(key, *hands, rests=LEFT_LONG),
        neutral=_sup(_arms_by_side(LYING), LONG_LEGS),
        props=(FLOOR, MAT, _strap("l_hand", "r_toe", "r_hand")),
        feel=("back_of_leg",),
    )
