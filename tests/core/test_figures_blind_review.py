"""What the blind review of Dec 5 (animated, session size and thumbnail) changed.

Each test holds a geometric property of the pose that the misreading
violates; each fails on the figure as it was.
"""

from __future__ import annotations

import math

import pytest
from tests.core.test_figures_floor_review import _to_segment

from stretchguide.core import figures as pl
from stretchguide.core.figures.frames import resolve
from stretchguide.core.figures.kinematics import Skeleton, forward


def _held(exercise_id: str) -> Skeleton:
    """The pose the session shows a second into the hold."""
    a = pl.Animator(exercise_id, None)
    a.set_phase("hold", duration=30.0)
    return forward(resolve(a.frame(pl.MOVE_S + 1.0)).body)


def _past_vertical(sk: Skeleton, s: str) -> float:
    """How far the thigh leans from straight up towards the head, in degrees."""
    hip, knee, neck = sk[f"{s}_hip"], sk[f"{s}_knee"], sk["neck"]
    up = knee[2] - hip[2]
    # Towards the head: the way the neck lies from the hip along the mat.
    head_way = math.copysign(1.0, neck[0] - hip[0])
    return math.degrees(math.atan2((knee[0] - hip[0]) * head_way, up))


@pytest.mark.parametrize(
    ("exercise_id", "drawn_in"),
    [("knees_to_chest", ("l", "r")), ("single_knee_to_chest", ("r",))],
)
def test_knees_to_chest_draw_the_knee_in_over_the_chest(
    exercise_id: str, drawn_in: tuple[str, ...]
) -> None:
    # Blind review: held with the thigh 28-30 degrees past upright and the
    # pelvis flat, the shins level, both figures read as lying holding the
    # knees up (a table-top), not as a knee pulled to the chest. The
    # articles pull the knee "to your chest" (001), "hug it towards your
    # chest, holding onto your shin" (002): the thigh leans well past
    # upright, the knee comes over the chest, the hands hold the shin.
    sk = _held(exercise_id)
    for s in drawn_in:
        lean = _past_vertical(sk, s)
        assert lean >= 40.0, f"{s} thigh {lean:.0f} degrees past upright"
        near = math.dist(sk[f"{s}_knee"], sk["chest"])
        assert near <= 25.0, f"{s} knee {near:.0f} cm from the chest"
    for h in ("l_hand", "r_hand"):
        shin = min(_to_segment(sk[h], sk[f"{s}_knee"], sk[f"{s}_ankle"]) for s in drawn_in)
        assert shin <= 6.0, f"{h} {shin:.1f} cm off the shin"


def test_single_knee_to_chest_keeps_the_other_leg_long() -> None:
    # Rounding the low back rolls the pelvis back; the long leg's hip opens
    # as much, so that leg stays straight on the mat instead of bending up.
    sk = _held("single_knee_to_chest")
    fig = pl.figure("single_knee_to_chest")
    body = resolve(fig.frame_for(fig.key, None)).body
    assert body["l_knee"] <= 8.0
    assert sk["l_knee"][2] - sk["l_ankle"][2] <= 6.0
