"""What the blind review of Dec 5 (animated, session size and thumbnail) changed.

Each test holds a geometric property of the pose that the misreading
violates; each fails on the figure as it was.
"""

from __future__ import annotations

import math

import pytest
from tests.core.test_figures_floor_review import _shown, _to_segment

from stretchguide.core import figures as pl
from stretchguide.core.catalog import Side
from stretchguide.core.figures import Ink, Shape
from stretchguide.core.figures.body import RADIUS
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


@pytest.mark.parametrize("side", [Side.RIGHT, Side.LEFT])
def test_seated_piriformis_shows_the_ankle_across_the_other_knee(side: Side) -> None:
    # Blind review: seen from the side, the crossed thigh lay along the
    # other thigh in the image (4 degrees apart) and the shin ran on past
    # the knee: legs crossed at the knees, not an ankle on the knee. Seen
    # from the front on the crossed leg's side, the crossed thigh leaves
    # the other at an angle, its shin lies across the standing shin, both
    # in view (the accent ink on top), and the glow is on the working hip.
    ex = "seated_piriformis_stretch"
    fig = pl.figure(ex)
    cam = fig.camera(side)
    sk = forward(resolve(fig.frame_for(fig.key, side)).body)
    w, o = ("r", "l") if side is Side.RIGHT else ("l", "r")

    def uv(p: str) -> tuple[float, float]:
        u, v, _ = cam.project(sk[p])
        return (u, v)

    def apart(a: tuple[str, str], b: tuple[str, str]) -> float:
        (p, q), (r, s) = (tuple(uv(x) for x in a), tuple(uv(x) for x in b))
        d1, d2 = (q[0] - p[0], q[1] - p[1]), (s[0] - r[0], s[1] - r[1])
        cos = abs(d1[0] * d2[0] + d1[1] * d2[1]) / math.hypot(*d1) / math.hypot(*d2)
        return math.degrees(math.acos(min(1.0, cos)))

    assert apart((f"{w}_hip", f"{w}_knee"), (f"{o}_hip", f"{o}_knee")) >= 45.0
    assert apart((f"{w}_knee", f"{w}_ankle"), (f"{o}_knee", f"{o}_ankle")) >= 70.0
    assert math.dist(uv(f"{w}_ankle"), uv(f"{o}_knee")) <= 15.0
    d, _ = pl.key_drawing(ex, side)

    def gold(s: Shape) -> bool:
        return Ink.ACCENT in (s.fill, s.stroke)

    assert _shown(d, uv(f"{w}_hip"), uv(f"{w}_knee"), gold) >= 0.4, "the crossed thigh"
    assert _shown(d, uv(f"{w}_knee"), uv(f"{w}_ankle"), gold) >= 0.7, "the crossed shin"
    glows = [s.points[0] for s in d.shapes if s.kind == "glow"]
    assert glows
    assert all(math.dist(g, uv(f"{w}_hip")) < math.dist(g, uv(f"{o}_hip")) for g in glows)


def test_heel_supported_glide_pumps_the_foot_on_a_block_that_stands_still() -> None:
    # Blind review: the block was drawn up to the heel, and the heel moved
    # 6 cm up and down as the ankle turned about its joint, so the block
    # rose and fell with every pump. The heel now rests on the block's top
    # (a support), the knee stays locked straight (the steps say so) and
    # the block drawn is the same in every frame of the repetitions.
    ex = "nerve_glide_ankle"
    a = pl.Animator(ex, Side.RIGHT)
    a.set_phase("prepare")
    a.frame(pl.MOVE_S + 1.0)
    a.set_phase("reps", rep_s=3.0)
    corners: list[list[tuple[float, float]]] = []
    for i in range(13):
        t = i * 0.25
        frame = resolve(a.frame(t))
        assert frame.body["r_knee"] <= 3.0, t
        d = a.drawing(t)
        (block,) = [s for s in d.shapes if s.kind == "poly" and s.fill is Ink.PROP]
        corners.append(list(block.points))
        sk = forward(frame.body)
        top = max(v for _, v in block.points)
        heel = pl.figure(ex).camera(Side.RIGHT).project(sk["r_heel"])[1]
        assert 0.0 <= heel - top <= RADIUS["foot"] + 0.2, t
    # Within the contacts' tolerance (it moved 6 cm before).
    for i in range(4):
        for k in (0, 1):
            spread = max(c[i][k] for c in corners) - min(c[i][k] for c in corners)
            assert spread <= 0.3, ("the block stands still", i, k, spread)
