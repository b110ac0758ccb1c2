"""Base positions, props and shared contacts the exercise figures start from."""

from __future__ import annotations

from functools import cache
from typing import Final

from stretchguide.core.figures.body import STANDING, Ground, Pose
from stretchguide.core.figures.contacts import Support, on_floor, rests_on
from stretchguide.core.figures.drawing import Ink, Prop
from stretchguide.core.figures.fitting import _plus, feet_flat, fit, fit_solved, near
from stretchguide.core.figures.kinematics import Skeleton
from stretchguide.core.figures.vectors import Vec

# --- base positions (right side working) ---------------------------------------

FLOOR = Prop("floor")
MAT = Prop(
    "line", points=((-95.0, 0.0, 0.5), (95.0, 0.0, 0.5)), width=1.6, ink=Ink.MAT, depth_bias=-1e5
)


def mat_area(x0: float, x1: float, half: float) -> Prop:
    """The mat as a flat rectangle, for cameras that look down on the floor."""
    return Prop(
        "poly",
        points=((x0, -half, 0.0), (x1, -half, 0.0), (x1, half, 0.0), (x0, half, 0.0)),
        width=0.5,
        ink=Ink.MAT_AREA,
        depth_bias=-1e5,
    )


LYING = Pose().with_(pitch=-90.0, neck_flex=5.0).both(ankle=-20.0)
"""On the back, legs long, head to the left of a right-side view."""


# Poses several figures start from are solved once (a Pose is immutable).
@cache
def hook_lying() -> Pose:
    p = LYING.both(hip_flex=45.0, knee=95.0, ankle=-35.0)
    return feet_flat(p, ("l", "r"))


PRONE_LEGS: Final = on_floor("pelvis", "l_knee", "r_knee", "l_toe", "r_toe")


def _prone(p: Pose) -> Pose:
    """Lying on the front with the pelvis, thighs, knees and toes all on the mat."""

    def cost(sk: Skeleton) -> float:
        g = {r.point: r.gap(sk) for r in PRONE_LEGS}
        return (g["r_knee"] - g["pelvis"]) ** 2 + (g["r_toe"] - g["pelvis"]) ** 2

    p = fit(
        p,
        ["r_hip_flex", "r_ankle", "r_knee"],
        cost,
        steps=(4.0, 2.0, 1.0, 0.5, 0.25, 0.1, 0.05, 0.02, 0.01),
    )
    return p.with_(l_hip_flex=p["r_hip_flex"], l_ankle=p["r_ankle"], l_knee=p["r_knee"])


PRONE = _prone(Pose().with_(pitch=90.0, neck_flex=-10.0).both(ankle=-60.0, shoulder_abd=10.0))
SITTING_FLOOR = Pose().both(hip_flex=90.0, knee=5.0, ankle=5.0).with_(lumbar_flex=5.0)
CHAIR_SEAT = 46.0


def chair_props(x: float, facing: float = 1.0, back: bool = True) -> tuple[Prop, ...]:
    """A plain chair seen from the side; ``facing`` +1 when the sitter faces +x."""
    seat_front, seat_back = x + facing * 20.0, x - facing * 22.0
    parts = [
        Prop(
            "line",
            points=((seat_back, 0.0, CHAIR_SEAT), (seat_front, 0.0, CHAIR_SEAT)),
            width=4.0,
            ink=Ink.PROP_DARK,
            depth_bias=-60.0,
        ),
        Prop(
            "line",
            points=(
                (seat_front - facing * 2, 0.0, CHAIR_SEAT),
                (seat_front - facing * 2, 0.0, 0.0),
            ),
            width=3.0,
            ink=Ink.PROP_DARK,
            depth_bias=-60.0,
        ),
        Prop(
            "line",
            points=((seat_back + facing * 2, 0.0, CHAIR_SEAT), (seat_back + facing * 2, 0.0, 0.0)),
            width=3.0,
            ink=Ink.PROP_DARK,
            depth_bias=-60.0,
        ),
    ]
    if back:
        parts.append(
            Prop(
                "line",
                points=(
                    (seat_back + facing * 2, 0.0, CHAIR_SEAT),
                    (seat_back - facing * 3, 0.0, CHAIR_SEAT + 45.0),
                ),
                width=4.0,
                ink=Ink.PROP_DARK,
                depth_bias=-60.0,
            )
        )
    return tuple(parts)


# The top of the drawn seat (its line is 4 cm thick round CHAIR_SEAT).
SEAT: Final = Support("plane", at=CHAIR_SEAT + 2.0, name="seat")
ON_SEAT: Final = rests_on(SEAT, "l_hip", "r_hip")


def seated_on_chair(**kw: float) -> Pose:
    p = (
        Pose(ground=Ground.FIXED)
        .with_(z=CHAIR_SEAT + 9.0, lumbar_flex=0.0)
        .both(hip_flex=90.0, knee=90.0, ankle=0.0, shoulder_flex=10.0, elbow=20.0)
    )
    p = p.with_(kw)
    return p


def standing(**kw: float) -> Pose:
    return STANDING.with_(kw)


# The contacts the figures share, named once (right side working).
LYING_BACK: Final = on_floor("pelvis", "mid_back")
BOTH_FEET: Final = on_floor("l_heel", "l_toe", "r_heel", "r_toe")
LEFT_FOOT: Final = on_floor("l_heel", "l_toe")
HOOK: Final = LYING_BACK + BOTH_FEET
LONG_LEGS: Final = LYING_BACK + on_floor("l_heel", "r_heel")
LEFT_LONG: Final = LYING_BACK + on_floor("l_heel")
PIGEON: Final = on_floor("r_knee", "r_ankle", "r_toe", "l_knee", "l_toe")


# Figure-four: right ankle resting just above the left knee.
def _figure_four(base: Pose, max_flex: float = 100.0, ankle_at: Vec = (0.0, -6.0, 4.0)) -> Pose:
    p = base.with_(
        r_hip_flex=min(80.0, max_flex), r_hip_abd=35.0, r_hip_rot=45.0, r_knee=100.0, r_ankle=0.0
    )

    def knee_low(sk: Skeleton) -> float:
        # The crossed knee falls open; it never rides above the resting ankle.
        return max(0.0, sk["r_knee"][2] - sk["r_ankle"][2] + 4.0) ** 2 * 0.2

    cost = _plus(near("r_ankle", "l_knee_front", ankle_at), knee_low)
    return fit_solved(
        f"figure four, ankle at {ankle_at}",
        p,
        ["r_hip_flex", "r_hip_abd", "r_hip_rot", "r_knee"],
        cost,
        bounds={"r_hip_flex": (30.0, max_flex)},
    )


def _arms_by_side(p: Pose) -> Pose:
    return p.both(shoulder_flex=0.0, shoulder_abd=12.0, elbow=5.0)
