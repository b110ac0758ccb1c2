"""What the next pass after the Dec 4 review changed, held to what a viewer sees.

Each test looks at the drawn still (the painter's order decides what is in
view, as in ``test_figures_floor_review``) or at the projected joints, and
fails on the pose or camera the figure had before.
"""

from __future__ import annotations

import math

import pytest
from tests.core.test_figures_floor_review import _on_top, _to_segment

from stretchguide.core import figures as pl
from stretchguide.core.catalog import Side
from stretchguide.core.figures import Ink
from stretchguide.core.figures.frames import resolve
from stretchguide.core.figures.kinematics import forward

SIDES = [Side.RIGHT, Side.LEFT]


# --- chair torso twist -------------------------------------------------------------


@pytest.mark.parametrize("side", SIDES)
def test_chair_twist_shows_the_hand_crossing_the_chest_and_the_face(side: Side) -> None:
    # Next-pass list: "from behind it shows mostly as the back turning and
    # the head turning away, the left hand hidden". The hand that reaches
    # across the chest to the chair back is in view over the trunk, the
    # face looks out of the picture, and the knees point at the camera
    # while the shoulders turn away from it.
    fig = pl.figure("chair_torso_twist")
    cam = fig.camera(side)
    sk = forward(resolve(fig.frame_for(fig.key, side)).body)
    d, _ = pl.key_drawing("chair_torso_twist", side)
    across = "l" if side is Side.RIGHT else "r"  # the hand crossing the chest
    hand = cam.project(sk[f"{across}_hand"])[:2]
    for joint in (f"{across}_hand", f"{across}_wrist"):
        u, v, _ = cam.project(sk[joint])
        top = _on_top(d, (u, v))
        # The crossing arm is the shape in view there (its chain ends at the hand).
        assert top is not None and top.kind == "chain", joint
        assert math.dist(top.points[-1], hand) < 1e-6, joint
    eyes = [s for s in d.shapes if s.kind == "disc" and s.radius == 1.7]
    assert eyes, "the face looks out of the picture"
    knees = [cam.project(sk[p])[2] for p in ("l_knee", "r_knee")]
    assert min(knees) > cam.project(sk["pelvis"])[2], "the knees point at the camera"


# --- strap leg raise ---------------------------------------------------------------


@pytest.mark.parametrize("side", SIDES)
def test_strap_leg_raise_shows_the_leg_going_out_to_the_side(side: Side) -> None:
    # Next-pass list: "out sideways invisible from the side". Seen from a
    # little above, the sideways part moves the raised foot across the
    # image (it went straight at the side camera), and the raised leg's
    # shadow on the mat leaves the resting leg at an angle.
    fig = pl.figure("strap_leg_raise")
    cam = fig.camera(side)
    body = fig.frame_for(fig.key, side).body
    sk = forward(body)
    w, o = ("r", "l") if side is Side.RIGHT else ("l", "r")
    straight_up = forward(body.with_(**{f"{w}_hip_abd": 0.0}))
    moved = math.dist(cam.project(sk[f"{w}_toe"])[:2], cam.project(straight_up[f"{w}_toe"])[:2])
    assert moved >= 10.0, f"the sideways part moves the foot {moved:.1f} cm in the image"
    d, _ = pl.key_drawing("strap_leg_raise", side)
    shadows = [s for s in d.shapes if s.stroke is Ink.SHADOW]
    assert len(shadows) == 1, "the raised leg casts a shadow on the mat"
    toe_x, toe_y, _ = sk[f"{w}_toe"]
    under_toe = cam.project((toe_x, toe_y, 0.0))[:2]
    assert math.dist(shadows[0].points[-1], under_toe) < 1e-6
    hip, heel = (cam.project(sk[p])[:2] for p in (f"{o}_hip", f"{o}_heel"))
    assert _to_segment(under_toe, hip, heel) >= 12.0, "the shadow leaves the resting leg"


# --- the lying starts: pelvic tilts and core breathing ---------------------------

LYING_STARTS = ("posterior_pelvic_tilt", "anterior_pelvic_tilt", "core_breathing")


def test_the_two_pelvic_tilts_and_core_breathing_start_from_poses_that_differ() -> None:
    # Next-pass list: "three lying starts look alike". Getting into position
    # ends in hook lying for all three; what the viewer sees apart is the
    # arms: down by the sides (back flat), out on the mat (arched), a palm
    # on the belly (breathing). Each pair puts a hand at least 10 cm apart
    # in the image.
    def hands(exercise_id: str) -> list[tuple[float, float]]:
        fig = pl.figure(exercise_id)
        a = pl.Animator(exercise_id, None)
        a.set_phase("prepare", duration=10.0)
        sk = forward(resolve(a.frame(pl.MOVE_S + 1.0)).body)
        return [fig.camera(None).project(sk[h])[:2] for h in ("l_hand", "r_hand")]

    seen = {e: hands(e) for e in LYING_STARTS}
    for i, a in enumerate(LYING_STARTS):
        for b in LYING_STARTS[i + 1 :]:
            apart = max(math.dist(p, q) for p, q in zip(seen[a], seen[b], strict=True))
            assert apart >= 10.0, (a, b, apart)


def test_arched_tilt_points_an_arrow_up_into_the_gap_under_the_waist() -> None:
    # The arch's gap is a sliver at 128 px, under the glow: an arrow from
    # under the mat points up at the low back where it stands off the mat,
    # while the tilt is worked (not getting into position or resting).
    ex_id = "anterior_pelvic_tilt"
    fig = pl.figure(ex_id)
    sk = forward(resolve(fig.key).body)
    heads = [p for p in fig.props_for(None) if p.kind == "poly" and p.ink is Ink.BAND]
    assert len(heads) == 1
    tip = max(heads[0].points, key=lambda q: q[2])
    assert all(q[2] < tip[2] - 4.0 for q in heads[0].points if q is not tip), "it points up"
    waist = sk["lower_back"]
    assert abs(tip[0] - waist[0]) < 8.0 and 0.0 < tip[2] < sk["mid_back"][2]
    assert min(q[2] for q in heads[0].points) < 0.0, "it comes from under the mat"

    def arrow(d: pl.Drawing) -> bool:
        return any(Ink.BAND in (s.fill, s.stroke) for s in d.shapes)

    assert arrow(pl.key_drawing(ex_id)[0])
    for phase, shown in (("prepare", False), ("reps", True), ("rest", False)):
        a = pl.Animator(ex_id, None)
        a.set_phase(phase, rep_s=4.0, duration=10.0)
        assert arrow(a.drawing(pl.MOVE_S + 0.5)) is shown, phase


# --- ball release ------------------------------------------------------------------


def test_ball_release_draws_a_loop_round_the_ball_while_the_circles_play() -> None:
    # Next-pass list: "the circles read mostly as a to-and-fro in the side
    # view" (their sideways half goes at the camera). A flat loop with an
    # arrowhead under the ball says "circle here": it goes most of the way
    # round the ball's spot, wider than it is tall (a circle on the floor
    # seen from a little above), in the hold, the repetitions and the still,
    # not while getting into position or resting.
    ex_id = "ball_piriformis_release"
    for side in SIDES:
        d, _ = pl.key_drawing(ex_id, side)
        ball = next(s for s in d.shapes if s.kind == "disc" and s.fill is Ink.BALL)
        (bx, by), r = ball.points[0], ball.radius
        loops = [s for s in d.shapes if s.kind == "line" and s.stroke is Ink.BAND]
        assert len(loops) == 1
        pts = loops[0].points
        us, vs = [p[0] for p in pts], [p[1] for p in pts]
        cu, cv = (min(us) + max(us)) / 2, (min(vs) + max(vs)) / 2
        turned = abs(
            sum(
                (math.atan2(q[1] - cv, q[0] - cu) - math.atan2(p[1] - cv, p[0] - cu) + math.pi)
                % (2 * math.pi)
                - math.pi
                for p, q in zip(pts, pts[1:], strict=False)
            )
        )
        assert turned > math.radians(250), "it goes most of the way round"
        assert min(us) < bx - r < bx + r < max(us), "round the ball's spot"
        assert max(vs) <= by - r + 0.5, "under the ball, where the mat is"
        assert max(us) - min(us) > 2 * (max(vs) - min(vs)), "flat: a circle on the floor"
        assert any(s.kind == "poly" and s.fill is Ink.BAND for s in d.shapes), "an arrowhead"

    def loop(drawing: pl.Drawing) -> bool:
        return any(s.kind == "line" and s.stroke is Ink.BAND for s in drawing.shapes)

    for phase, shown in (("prepare", False), ("hold", True), ("rest", False)):
        a = pl.Animator(ex_id, Side.RIGHT)
        a.set_phase(phase, duration=30.0)
        assert loop(a.drawing(pl.MOVE_S + 0.5)) is shown, phase
