"""Standing figures: hip abduction, extension, side bend, the dangling-leg side stretch."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from typing import Final

from stretchguide.core.figures.body import LIMITS, Pose
from stretchguide.core.figures.contacts import Reach
from stretchguide.core.figures.drawing import Ink, Prop, View
from stretchguide.core.figures.exercise_figure import ExerciseFigure, _sup, _with_reaches
from stretchguide.core.figures.fitting import _plus, fit, near
from stretchguide.core.figures.kinematics import Skeleton, forward
from stretchguide.core.figures.positions import BOTH_FEET, FLOOR, LEFT_FOOT, standing


def _band_anchor_post(x: float, y: float) -> tuple[Prop, ...]:
    return (
        Prop(
            "line",
            points=((x, y, 0.0), (x, y, 110.0)),
            width=5.0,
            ink=Ink.PROP_DARK,
            depth_bias=-20.0,
        ),
    )


# How much of the upper trunk's sideways lean the head keeps in a side bend:
# a person bending sideways keeps the eyes nearer level and looks ahead,
# the neck bending back against the trunk (a drawing choice: the articles
# say nothing of the head). Carried rigidly on the trunk, the head of the
# one-leg stretch hung out level with the high shoulder.
HEAD_LEAN_SHARE: Final = 1.0 / 3.0


def _head_nearer_upright(p: Pose) -> Pose:
    """``p`` with the neck bent sideways so the head leans a third as far as the chest."""
    r2 = forward(p).frames["thorax"]
    lean = math.degrees(math.atan2(r2[5], r2[8]))  # the chest's up axis towards +y
    lo, hi = LIMITS["neck_side"]
    return p.with_(neck_side=max(lo, min(hi, -(1.0 - HEAD_LEAN_SHARE) * lean)))


def _standing_hip_abduction() -> ExerciseFigure:
    post_y = 45.0
    base = standing().with_(lumbar_side=3.0)
    start = base
    key = base.with_(r_hip_abd=32.0, lumbar_side=8.0)
    hold = Reach("l", "@world", offset=(0.0, post_y, 95.0))
    band = Prop(
        "line",
        anchors=("r_ankle",),
        points=((0.0, post_y, 12.0),),
        width=1.6,
        ink=Ink.BAND,
        depth_bias=30.0,
    )
    return ExerciseFigure(
        "standing_hip_abduction",
        View.FRONT,
        start=_with_reaches(start.with_(r_shoulder_abd=8.0), hold, rests=BOTH_FEET),
        key=_with_reaches(key.with_(r_shoulder_abd=20.0, r_elbow=10.0), hold, rests=LEFT_FOOT),
        props=(FLOOR, *_band_anchor_post(0.0, post_y + 4.0), band),
        feel=("outer_hip",),
    )


def _feet_flat_standing(p: Pose) -> Pose:
    """Ankles set so heels and toes of both feet rest on the floor."""

    def cost(sk: Skeleton) -> float:
        g = [r.gap(sk) for r in BOTH_FEET]
        return sum((x - g[0]) ** 2 for x in g[1:])

    return fit(p, ["l_ankle", "r_ankle"], cost, steps=(4.0, 2.0, 1.0, 0.5, 0.2, 0.1, 0.05, 0.02))


def _standing_extension() -> ExerciseFigure:
    # The bend is in the low back: the lumbar spine arches back (a rigid
    # trunk tilted back would read as a stoop from across the room). Hips
    # pushed forward of the feet, the chest back over them, eyes a little up.
    # The articles give no angle ("gently arch backward", "as much as you
    # can comfortably manage", no pain): the trunk leans back about 25
    # degrees, a gentle range for someone with sciatica. (It leaned 34, the
    # chest 38 and the head 63: the blind review read that as too much.)
    key = _feet_flat_standing(
        standing(pitch=0.0, lumbar_flex=-25.0, thorax_flex=-1.0, neck_flex=-15.0).both(
            hip_flex=-4.0, knee=4.0
        )
    )

    def palms_on_low_back(p: Pose) -> Pose:
        # Solved per pose rather than with ``Reach``: the planar reach would
        # swing the hands round to the belly once the shoulder hits its limit,
        # and hands on the belly make a back bend read as a forward bend.
        # Palms on the sacrum and the top of the buttocks, fingers down, the
        # wrists just behind the back: aimed at the waist's sides, the wrists
        # sat inside the body's outline in the side view, mid-trunk.
        p = p.both(shoulder_flex=-60.0, shoulder_abd=-18.0, elbow=86.0, wrist=-60.0)
        for s, k in (("l", 1.0), ("r", -1.0)):
            p = fit(
                p,
                [f"{s}_shoulder_flex", f"{s}_shoulder_abd", f"{s}_elbow", f"{s}_wrist"],
                _plus(
                    near(f"{s}_hand", "lower_back", (-4.0, k * 6.0, -9.0)),
                    near(f"{s}_wrist", "lower_back", (-6.0, k * 7.0, 0.0)),
                ),
            )
        return p

    start = palms_on_low_back(standing())
    key = palms_on_low_back(key)
    # The feet stay where they stood: the hips travel forward over them and
    # the shoulders back, which the faint upright start makes plain.
    # (Sliding the settled pose along the floor keeps every contact.)
    start_frame, key_frame = _sup(start, BOTH_FEET), _sup(key, BOTH_FEET)
    shift = forward(start_frame.body)["r_heel"][0] - forward(key_frame.body)["r_heel"][0]
    key_frame = replace(key_frame, body=key_frame.body.with_(x=key_frame.body["x"] + shift))
    return ExerciseFigure(
        "standing_extension",
        View.SIDE,
        start=start_frame,
        key=key_frame,
        neutral=_sup(standing(), BOTH_FEET),
        props=(FLOOR,),
        feel=("lower_back",),
        sided=False,
        ghost=True,
    )


def _standing_side_bend() -> ExerciseFigure:
    start = standing().both(shoulder_abd=6.0)
    key = _head_nearer_upright(standing(lumbar_side=-14.0, thorax_side=-14.0))
    hands = (
        Reach("l", "l_outer_hip", offset=(0.0, 4.0, 4.0)),
        Reach("r", "r_knee", offset=(0.0, -8.0, 14.0)),
    )
    return ExerciseFigure(
        "standing_side_bend",
        View.FRONT,
        start=_sup(start, BOTH_FEET),
        key=_with_reaches(key, *hands, rests=BOTH_FEET),
        props=(FLOOR,),
        feel=("side_of_back",),
        feel_other_side=True,
    )


def _side_stretch_dangle() -> ExerciseFigure:
    # Right leg painful: stand on the left leg beside a support on the left,
    # lean the trunk over to the left, and the right hip rises so the right
    # leg hangs free, loose at the knee, toes dropping. Seen from the front,
    # so the lean and the gap under the hanging foot are both in the picture.
    post_y = 48.0
    start = standing().both(shoulder_abd=8.0)
    key = standing(roll=-34.0, lumbar_side=7.0, thorax_side=7.0, neck_flex=5.0).with_(
        r_knee=38.0, r_hip_flex=18.0, r_ankle=0.0, l_ankle=0.0, r_shoulder_abd=-30.0, r_elbow=12.0
    )

    def vertical(s: str) -> Callable[[Skeleton], float]:
        return lambda sk: (sk[f"{s}_ankle"][1] - sk[f"{s}_hip"][1]) ** 2

    key = fit(key, ["l_hip_abd", "r_hip_abd"], _plus(vertical("l"), vertical("r")))
    key = _head_nearer_upright(key)
    # The palm stays on the post, sliding down it as the body leans over it.
    # The one-plane reach fell 16 cm short of the leaning grip and drew the
    # hand 20 cm past the post; the arm turns instead (``elbow_to``): the
    # elbow out and back beside the post, then back and down as the body
    # comes over the hand. Both ends swing the elbow, so in between the hand
    # travels down the post, not through the air, and the shoulder stays in
    # its range.
    grip_start = Reach("l", "@world", offset=(0.0, post_y - 2.0, 100.0), elbow_to=(-0.6, 0.8, -0.6))
    grip = Reach("l", "@world", offset=(0.0, post_y - 2.0, 70.0), elbow_to=(-1.0, 0.5, -1.0))
    return ExerciseFigure(
        "side_stretch_dangle",
        View.FRONT,
        start=_with_reaches(start, grip_start, rests=BOTH_FEET),
        key=_with_reaches(key, grip, rests=LEFT_FOOT),
        props=(FLOOR, *_band_anchor_post(0.0, post_y)),
        feel=("side_of_back",),
    )
