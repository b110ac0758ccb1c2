"""Figures lying on the back, moving a leg: knees to chest, hamstring, piriformis, glides."""

from __future__ import annotations

import math

from stretchguide.core.figures.body import RADIUS, Pose
from stretchguide.core.figures.contacts import SURFACE_RADIUS, Reach, Support, rests_on
from stretchguide.core.figures.drawing import Ink, Prop, View
from stretchguide.core.figures.exercise_figure import ExerciseFigure, _sup, _with_reaches
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
)
from stretchguide.core.figures.vectors import Vec


def _knees_to_chest() -> ExerciseFigure:
    start = _arms_by_side(hook_lying())
    key = start.both(hip_flex=118.0, knee=125.0, ankle=-20.0)
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
    key = start.with_(r_hip_flex=120.0, r_knee=125.0, r_ankle=-20.0)
    knee = (
        Reach("l", "r_knee_front", offset=(3.0, 3.0, -4.0)),
        Reach("r", "r_knee_front", offset=(4.0, -3.0, -4.0)),
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
    key = base.with_(r_hip_flex=45.0, r_hip_abd=15.0)
    hands = (
        Reach("l", "l_shoulder", toward="r_toe", fraction=0.45),
        Reach("r", "r_shoulder", toward="r_toe", fraction=0.45),
    )
    # The soles press against the wall (that is what the wall is for): the
    # heels touch it, the left one all through the raise.
    s = forward(grounded(base))
    wall_x = max(s["l_heel"][0], s["r_heel"][0]) + SURFACE_RADIUS["l_heel"]
    wall_support = Support("wall", at=wall_x, name="wall")
    wall = Prop(
        "line",
        points=((wall_x + 3, 0.0, 0.0), (wall_x + 3, 0.0, 95.0)),
        width=6.0,
        ink=Ink.WALL,
        depth_bias=-1e5,
    )
    soles = rests_on(wall_support, "l_heel")
    return ExerciseFigure(
        "strap_leg_raise",
        View.SIDE,
        start=_with_reaches(
            start, *hands, rests=LONG_LEGS + soles + rests_on(wall_support, "r_heel")
        ),
        key=_with_reaches(key, *hands, rests=LEFT_LONG + soles),
        props=(FLOOR, MAT, wall, _strap("l_hand", "r_toe", "r_hand")),
        feel=("back_of_thigh", "outer_hip"),
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


def _hold_behind_thigh(p: Pose, leg: str) -> Pose:
    """Both palms behind ``leg``'s thigh just above the knee, elbows up and out.

    Solved per pose rather than with ``Reach``: a planar reach keeps the upper
    arm on the mat and brings the forearm up the front of the thigh, which
    reads as pushing the knee away instead of drawing it in.
    """
    p = grounded(p)
    sk = forward(p)
    knee, back = sk[f"{leg}_knee"], sk[f"{leg}_thigh_back"]
    # Two fifths of the way from the knee to the middle of the hamstrings,
    # a little beyond the skin so the hands show past the thigh's edge.
    grip = tuple(k + 0.4 * (b - k) for k, b in zip(knee, back, strict=True))
    lateral = 1.0 if leg == "l" else -1.0
    for s, k in (("l", 1.0), ("r", -1.0)):
        target = (grip[0] + 6.0, grip[1] + k * lateral * 4.0, grip[2] + 4.0)

        def residuals(q: Skeleton, s: str = s, target: Vec = target) -> list[float]:
            palm = [(w + h) / 2 for w, h in zip(q[f"{s}_wrist"], q[f"{s}_hand"], strict=True)]
            return [a - b for a, b in zip(palm, target, strict=True)] + [
                math.sqrt(0.3) * max(0.0, 35.0 - q[f"{s}_elbow"][2])
            ]

        p = fit_lsq(
            p.with_({f"{s}_shoulder_flex": 60.0, f"{s}_shoulder_abd": 20.0, f"{s}_elbow": 60.0}),
            [f"{s}_shoulder_flex", f"{s}_shoulder_abd", f"{s}_shoulder_rot", f"{s}_elbow"],
            residuals,
        )
    return p


def _advanced_piriformis() -> ExerciseFigure:
    # Seen from the resting (left) side: the hands and the thigh they draw
    # in are nearest, and the crossed right foot shows above that knee.
    start = _figure_four(_arms_by_side(hook_lying()))
    pulled = start.with_(l_hip_flex=125.0, l_knee=105.0, l_ankle=-5.0, neck_flex=12.0)
    pulled = _figure_four(pulled, max_flex=140.0, ankle_at=(0.0, 4.0, 3.0))
    return ExerciseFigure(
        "advanced_piriformis_stretch",
        View.SIDE,
        start=_sup(start, LYING_BACK + LEFT_FOOT),
        key=_sup(_hold_behind_thigh(pulled, "l"), LYING_BACK),
        props=(FLOOR, MAT),
        feel=("buttock", "back_of_hip"),
        azimuth=-20.0,
        from_resting_side=True,
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
    rest = Prop(
        "pedestal",
        anchors=("r_heel",),
        radius=14.0,
        width=1.0,
        ink=Ink.PROP,
        offset=(0.0, 0.0, -RADIUS["foot"]),
        depth_bias=-40.0,
    )
    return ExerciseFigure(
        "nerve_glide_ankle",
        View.SIDE,
        start=_sup(start, LEFT_LONG),
        key=_sup(key, LEFT_LONG),
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
