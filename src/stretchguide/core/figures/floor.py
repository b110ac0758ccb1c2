"""Figures on the floor, sitting or on one side: pigeon, hip rotator, clam shell, long sit."""

from __future__ import annotations

from functools import cache
from typing import Final

from stretchguide.core.figures.body import Pose
from stretchguide.core.figures.contacts import SURFACE_RADIUS, Reach, on_floor
from stretchguide.core.figures.drawing import Ink, Prop, View
from stretchguide.core.figures.exercise_figure import ExerciseFigure, _with_reaches
from stretchguide.core.figures.fitting import _plus, fit, fit_solved, near
from stretchguide.core.figures.kinematics import Skeleton, forward, grounded
from stretchguide.core.figures.positions import FLOOR, MAT, PIGEON, SITTING_FLOOR, mat_area
from stretchguide.core.figures.settle import settle

# Where the upright pigeon's front ankle lies from the pelvis (cm): ahead of
# it and past the midline, so the shin crosses in front of the body.
SHIN_AHEAD: Final = 28.0
SHIN_ACROSS: Final = 10.0


def shin_across(sk: Skeleton) -> float:
    """How far (squared, cm²) the front ankle is from ahead of and across the pelvis."""
    ankle, pelvis = sk["r_ankle"], sk["pelvis"]
    return (ankle[0] - pelvis[0] - SHIN_AHEAD) ** 2 + (ankle[1] - pelvis[1] - SHIN_ACROSS) ** 2


@cache  # the two hip rotator poses share their fit; so do the floor piriformis's
def _pigeon(lean: float, across: bool = False, **twist: float) -> Pose:
    """Right shin in front, left leg long behind; ``lean`` folds forward.

    The pelvis tips well forward so the back thigh can lie flat, and the
    lower back extends to bring the chest up again, as it does on the mat.
    The shin lies under the front of the pelvis, the heel tucked in (the
    floor piriformis folds forward over it and is seen square to it); with
    ``across`` the pelvis rolls onto the front leg's buttock, which with the
    hip turned out lays the shin across the mat ahead of the pelvis, the foot
    in front of the other hip (the upright pigeon, seen from above: with the
    heel tucked, its knee bent 151 degrees, thigh and shin lay along each
    other in the image, one stub).
    """
    legs = (
        {
            "roll": 18.0,
            "r_hip_flex": 134.0,
            "r_hip_abd": 24.0,
            "r_hip_rot": 70.0,
            "r_knee": 127.0,
            "r_ankle": -54.0,
            "l_hip_flex": -28.0,
            "l_knee": 11.0,
            "l_ankle": -67.0,
        }
        if across
        else {
            "r_hip_flex": 135.0,
            "r_hip_abd": 35.0,
            "r_hip_rot": 60.0,
            "r_knee": 110.0,
            "r_ankle": -30.0,
            "l_hip_flex": -28.0,
            "l_knee": 3.0,
            "l_ankle": -65.0,
        }
    )
    trunk = {
        "pitch": 47.0 if across else 55.0,
        "lumbar_flex": -33.0 + lean,
        "thorax_flex": -12.0 + lean * 0.5,
        "neck_flex": -5.0,
    }
    p = Pose().with_(trunk).with_(twist).with_(legs)

    def cost(sk: Skeleton) -> float:
        # Heights relative to the resting parts: the floor takes the lowest.
        g = [r.gap(sk) for r in PIGEON]
        m = sum(g) / len(g)
        return (
            sum((x - m) ** 2 for x in g) * 4
            + sum(x * x for x in g)
            + 0.5 * (sk["l_hip"][2] - m - 16.0) ** 2
            + (shin_across(sk) if across else 0.0)
        )

    # A coarse search finds the shape (the contacts pull against each other
    # through the pelvis); Gauss-Newton then puts them down exactly.
    p = fit_solved(
        "pigeon",
        p,
        [
            "pitch",
            "r_hip_flex",
            "r_knee",
            "r_hip_abd",
            "l_hip_flex",
            "l_knee",
            "r_ankle",
            "l_ankle",
        ],
        cost,
        bounds={"pitch": (40.0, 70.0), "r_hip_flex": (100.0, 145.0)},
        steps=(8.0, 4.0, 2.0, 1.0),
    )
    return settle(p, PIGEON)


def _hip_rotator() -> ExerciseFigure:
    # Shown in its finishing pigeon: settle in upright, then sink forwards.
    # (Travelling from all fours would float the body mid-way, since poses
    # blend joint angles rather than simulate weight.)
    upright = _pigeon(0.0, across=True)
    sunk = _pigeon(8.0, across=True)
    # Held: sitting tall, a palm on the mat beside each hip, so the arms
    # frame the trunk and leave the front leg's V of thigh and shin in view
    # (ahead of the hips the far arm lay over the shin).
    # (Placed from the knees on the mat, so they go where the body goes.)
    down = SURFACE_RADIUS["r_wrist"] - SURFACE_RADIUS["r_knee"]
    far_hands = (
        Reach("l", "l_knee", offset=(36.0, 22.0, down), flat=True),
        Reach("r", "r_knee", offset=(-46.0, -4.0, down), flat=True),
    )
    return ExerciseFigure(
        "hip_rotator_energy_stretch",
        View.SIDE,
        start=_with_reaches(upright, *far_hands, rests=PIGEON),
        key=_with_reaches(sunk, *far_hands, rests=PIGEON),
        props=(mat_area(-115.0, 65.0, 45.0),),
        feel=("buttock", "back_of_hip"),
        # From the working side, high up: the face in profile (from behind
        # it was a back and no person), the leg long behind along its
        # length, the front shin folded ahead of the hip where looking
        # down separates it from the trunk, the glow on the near buttock.
        # The floor piriformis (folded forward) keeps a low camera.
        azimuth=10.0,
        elevation=55.0,
        breath=0.0,
    )


SIDE_LYING: Final = on_floor("l_shoulder", "l_hip", "l_knee", "l_ankle")


def _side_lying_base() -> Pose:
    """On the left side, head to the right of the picture, facing the camera.

    Hips and knees bent, the lower arm under the head. The shoulder, hip,
    knee and ankle of the lower side all rest on the mat.
    """
    p = (
        Pose()
        .with_(yaw=-90.0, roll=-90.0, neck_flex=0.0)
        .both(hip_flex=45.0, knee=90.0, ankle=-10.0)
    )
    p = p.with_(l_shoulder_flex=170.0, l_elbow=30.0, r_shoulder_flex=40.0, r_elbow=60.0)

    def cost(sk: Skeleton) -> float:
        g = [r.gap(sk) for r in SIDE_LYING]
        return sum((x - g[0]) ** 2 for x in g[1:])

    p = fit(
        p,
        ["lumbar_side", "l_hip_abd", "r_hip_abd", "l_hip_rot", "pitch"],
        cost,
        steps=(4.0, 2.0, 1.0, 0.5, 0.25, 0.1, 0.05, 0.02, 0.01),
    )
    return p


def _clam_shell() -> ExerciseFigure:
    # Seen from the front and a little above: the feet stay together and the
    # top knee opens upwards, both knees clearly bent; the mat is the floor.
    start = _side_lying_base()
    start = fit(start, ["r_hip_rot", "r_hip_abd"], near("r_heel", "l_heel", (0.0, 0.0, 9.0)))
    key = fit(
        start.with_(r_hip_abd=30.0, r_hip_rot=25.0),
        ["r_hip_rot", "r_hip_abd"],
        _plus(
            near("r_heel", "l_heel", (0.0, 0.0, 9.0), weight=1.0),
            lambda sk: (sk["r_knee"][2] - sk["l_knee"][2] - 30.0) ** 2,
        ),
    )
    # The optional band loops round both thighs just above the knees. Drawn
    # 3 cm wide (a loop band is about 5): at 1.8 it was a 1 px hair at 128 px.
    band = Prop(
        "loop", anchors=("l_above_knee", "r_above_knee"), width=3.0, ink=Ink.BAND, depth_bias=60.0
    )
    hand = Reach("r", "r_hip_front", offset=(0.0, -10.0, 2.0))
    sk = forward(grounded(start))
    x0 = min(sk["l_knee"][0], sk["l_toe"][0]) - 25.0
    x1 = sk["head"][0] + 25.0
    mat = Prop(
        "poly",
        points=((x1, -40.0, 0.0), (x0, -40.0, 0.0), (x0, 40.0, 0.0), (x1, 40.0, 0.0)),
        width=0.5,
        ink=Ink.MAT_AREA,
        depth_bias=-1e5,
    )
    return ExerciseFigure(
        "clam_shell",
        View.FRONT,
        start=_with_reaches(start, hand, rests=SIDE_LYING),
        key=_with_reaches(key, hand, rests=SIDE_LYING),
        props=(mat, band),
        feel=("outer_hip", "back_of_hip"),
        azimuth=-90.0,
        mirror_azimuth=True,  # both sides seen from the front, the face in view
        elevation=30.0,
        ghost=True,
    )


def _long_sit_lean(lean: float) -> Pose:
    p = SITTING_FLOOR.with_(pitch=lean, lumbar_flex=-5.0).with_(
        r_hip_flex=90.0 + lean,
        r_knee=3.0,
        r_ankle=10.0,
        l_hip_flex=70.0 + lean,
        l_hip_abd=55.0,
        l_hip_rot=55.0,
        l_knee=140.0,
        l_ankle=-20.0,
    )
    return fit(
        p,
        ["l_hip_abd", "l_hip_rot", "l_knee", "l_hip_flex"],
        near("l_heel", "r_knee", (-20.0, 11.0, -2.0)),
    )


def _seated_hamstring() -> ExerciseFigure:
    start = _long_sit_lean(0.0)
    key = _long_sit_lean(28.0)
    hands = (
        Reach("l", "r_knee", offset=(12.0, 5.0, 3.0)),
        Reach("r", "r_knee", offset=(14.0, -5.0, 3.0)),
    )
    hands0 = (
        Reach("l", "r_thigh_front", offset=(0.0, 6.0, 0.0)),
        Reach("r", "r_thigh_front", offset=(0.0, -4.0, 0.0)),
    )
    return ExerciseFigure(
        "seated_hamstring_stretch",
        View.SIDE,
        start=_with_reaches(start, *hands0, rests=on_floor("l_hip", "r_hip", "r_heel")),
        key=_with_reaches(key, *hands, rests=on_floor("l_hip", "r_hip", "r_heel")),
        props=(FLOOR, MAT),
        feel=("back_of_thigh",),
    )


def _floor_piriformis_stretch() -> ExerciseFigure:
    # Sitting with the right shin across in front and the left leg behind,
    # folding forwards so the left shoulder travels towards the right knee.
    start = _pigeon(0.0).with_(thorax_twist=0.0)
    # Folded well forward and turned: the chest goes down over the front
    # shin, which is what sets it apart from the upright pigeon.
    key = _pigeon(30.0, thorax_twist=-25.0, lumbar_twist=-8.0)
    hands0 = (
        Reach("l", "r_knee", offset=(14.0, 14.0, -8.0)),
        Reach("r", "r_knee", offset=(14.0, -10.0, -8.0)),
    )
    # The left palm flat on the mat ahead of the front knee (the opposite
    # shoulder comes towards that knee); the right hand on the knee.
    down = SURFACE_RADIUS["r_wrist"] - SURFACE_RADIUS["r_knee"]
    hands = (
        Reach("l", "r_knee", offset=(4.0, 8.0, down), flat=True),
        Reach("r", "r_knee", offset=(0.0, -3.0, 7.0)),
    )
    return ExerciseFigure(
        "floor_piriformis_stretch",
        View.SIDE,
        start=_with_reaches(start, *hands0, rests=PIGEON),
        key=_with_reaches(key, *hands, rests=PIGEON + on_floor("l_hand", "l_wrist")),
        props=(mat_area(-115.0, 65.0, 45.0),),
        feel=("back_of_hip", "buttock"),
        # From the working side, a little behind and above: the front shin
        # runs across the mat ahead of the pelvis, square to this view, and
        # the back leg lies long behind. From the front-side and level (35,
        # 0) the shin pointed at the camera, a stub under the hip that read
        # as kneeling.
        azimuth=-30.0,
        elevation=30.0,
    )
