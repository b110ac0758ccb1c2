"""Figures with a massage ball or a helper.

Ball release and decompression, traction by a helper, the helper's nerve floss.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from typing import Final

from stretchguide.core.figures.body import RADIUS, Ground, Pose
from stretchguide.core.figures.contacts import Reach, Rest, Support, on_floor
from stretchguide.core.figures.drawing import Ink, Prop, View
from stretchguide.core.figures.exercise_figure import ExerciseFigure, _with_reaches
from stretchguide.core.figures.fitting import fit, fit_lsq, touching
from stretchguide.core.figures.frames import Frame
from stretchguide.core.figures.kinematics import Skeleton, forward, grounded
from stretchguide.core.figures.positions import (
    FLOOR,
    LEFT_LONG,
    LONG_LEGS,
    LYING,
    MAT,
    _arms_by_side,
    hook_lying,
)
from stretchguide.core.figures.settle import settle

# The ball's true size: article 003 uses a lacrosse or tennis ball (6.3-6.9
# cm across), 004 a massage ball (commonly 6-8 cm). It was drawn 10 cm across;
# it reads by its colour, outline and seam, not by being too big.
BALL_R: Final = 3.5
CIRCLE_CM: Final = 2.0  # the circles' radius, round the ball's top (small ball, small circles)


def circling_arrow(x: float, y: float) -> tuple[Prop, Prop]:
    """A flat loop with an arrowhead under the mat line at ``x``: "circle here".

    Seen from the side, circles over the ball are a 3 cm to-and-fro (the
    sideways half goes straight at the camera); the loop is drawn as a
    horizontal circle seen from a little above, its near half lower, going
    the way the pelvis goes round (towards the head, near, towards the
    feet, far). Only while worked, in the arrows' ink.
    """
    big, small, below = 11.0, 4.0, -8.0
    # Image angles from the head end (180 degrees) on round, leaving a gap
    # for the arrowhead: counterclockwise seen from the camera's side.
    steps = 22
    arc = [math.radians(180.0 + 290.0 * i / steps) for i in range(steps + 1)]
    ring = tuple((x + big * math.cos(a), y, below + small * math.sin(a)) for a in arc)
    end, before = ring[-1], ring[-2]
    tx, tz = end[0] - before[0], end[2] - before[2]
    n = math.hypot(tx, tz)
    tx, tz = tx / n, tz / n
    head = 6.0
    tip = (end[0] + tx * head, y, end[2] + tz * head)
    wing = ((-tz) * head * 0.6, tx * head * 0.6)
    point = Prop(
        "poly",
        points=(
            (end[0] + wing[0], y, end[2] + wing[1]),
            (end[0] - wing[0], y, end[2] - wing[1]),
            tip,
        ),
        width=0.8,
        ink=Ink.BAND,
        depth_bias=3e6,
    )
    loop = Prop("line", points=ring, width=2.6, ink=Ink.BAND, depth_bias=3e6)
    return loop, point


def _ball_piriformis_release() -> ExerciseFigure:
    # The right buttock rests on top of a small ball on the mat: the pelvis
    # tips up on that side over it (it used to lie flat, the ball touching
    # the side of the buttock), the feet and upper back stay down. Seen from
    # the right, the ball is nearest and drawn over the glow on the buttock.
    base = grounded(
        _arms_by_side(hook_lying()).with_(spin=22.0, lumbar_twist=-18.0, thorax_twist=-8.0)
    )
    b = forward(base)["r_buttock"]
    base = base.with_(z=base["z"] + 2 * BALL_R - b[2])  # lifted to the ball's top
    ball = Support("ball", centre=(b[0], b[1], BALL_R), radius=BALL_R, name="ball")
    rests = (Rest("r_buttock", ball), *on_floor("mid_back", "l_heel", "l_toe", "r_heel", "r_toe"))
    legs = ("l_knee", "r_knee", "l_ankle", "r_ankle", "l_hip_flex", "r_hip_flex")

    def on_ball(
        p: Pose, dofs: tuple[str, ...], extra: Callable[[Skeleton], list[float]], steps: int = 40
    ) -> Pose:
        def residuals(sk: Skeleton) -> list[float]:
            gaps = [3.0 * r.gap(sk) for r in rests]
            return [*gaps, math.sqrt(10.0) * min(0.0, sk.lowest()), *extra(sk)]

        fixed = replace(p, ground=Ground.FIXED)
        return fit_lsq(fixed, (*dofs, *legs), residuals, iterations=steps)

    def buttock_at(sk: Skeleton, dx: float, dy: float) -> list[float]:
        """The buttock ``dx``, ``dy`` cm from the ball's top."""
        bx, by = sk["r_buttock"][0], sk["r_buttock"][1]
        return [bx - ball.centre[0] - dx, by - ball.centre[1] - dy]

    start = on_ball(base, ("z", "spin", "pitch", "lumbar_flex"), lambda sk: buttock_at(sk, 0, 0))
    here = forward(start)

    def circled(angle: float) -> Pose:
        """``angle`` round a circle: the legs push the pelvis round over the
        ball, the buttock ``CIRCLE_CM`` from the ball's top; the feet stay
        where they are (the hips turn in and out a little)."""
        dx, dy = -CIRCLE_CM * math.cos(angle), -CIRCLE_CM * math.sin(angle)

        def feet_and_buttock(sk: Skeleton) -> list[float]:
            feet = [sk[h][k] - here[h][k] for h in ("l_heel", "r_heel") for k in (0, 1)]
            return [*buttock_at(sk, dx, dy), *feet]

        dofs = ("x", "y", "z", "spin", "l_hip_abd", "r_hip_abd")
        # Four steps from the centre pose find it to 0.01 cm (a figure
        # builds while a session starts: see docs/PERFORMANCE.md).
        return on_ball(start, dofs, feet_and_buttock, steps=4)

    # Eight points round the circle, the first the still image: a hold goes
    # to it and then round (``hold_loop_s``), as do repetitions. (With
    # four, the straight way between two points cut 0.5 cm into the ball,
    # and putting the buttock back on it shuffled the feet 1.5 cm; with
    # eight they stay within half a centimetre.)
    path = tuple(Frame(circled(math.pi / 4 * k), rests=rests) for k in range(8))
    prop = Prop("ball", points=(ball.centre,), radius=BALL_R, ink=Ink.BALL, depth_bias=2e6)
    return ExerciseFigure(
        "ball_piriformis_release",
        View.SIDE,
        start=Frame(start, rests=rests),
        key=path[0],
        rep_path=path,
        # "Small, slow circles": one round in eight seconds.
        hold_loop_s=8.0,
        props=(FLOOR, MAT, prop),
        cue_props=circling_arrow(ball.centre[0], ball.centre[1]),
        feel=("buttock",),
        # The thumbnail shows the low back, the ball and the bent legs.
        thumb_points=("mid_back", "r_knee", "r_toe"),
    )


def _ball_decompression() -> ExerciseFigure:
    ball_r = 33.0
    p = (
        Pose(ground=Ground.FIXED)
        .with_(pitch=95.0, lumbar_flex=25.0, thorax_flex=20.0, neck_flex=10.0)
        .both(hip_flex=55.0, knee=10.0, ankle=-40.0, shoulder_flex=80.0, elbow=5.0, wrist=-60.0)
    )

    def cost(sk: Skeleton) -> float:
        return (
            (sk["abdomen"][2] - 2 * ball_r) ** 2 * 4
            + (sk["l_toe"][2] - RADIUS["foot"] * 0.6) ** 2
            + (sk["r_toe"][2] - RADIUS["foot"] * 0.6) ** 2
            + (sk["r_hand"][2] - RADIUS["hand"]) ** 2
            + (sk["l_hand"][2] - RADIUS["hand"]) ** 2
        )

    p = p.with_(z=80.0)
    p = fit(
        p,
        [
            "z",
            "pitch",
            "l_hip_flex",
            "r_hip_flex",
            "lumbar_flex",
            "l_shoulder_flex",
            "r_shoulder_flex",
        ],
        cost,
        steps=(8.0, 4.0, 2.0, 1.0, 0.5, 0.25, 0.1),
    )
    # The ball sits on the floor; the belly rests on it, hands and toes on
    # the floor (it used to hang from the belly, wherever that went).
    centre = forward(p)["abdomen"]
    support = Support("ball", centre=(centre[0], centre[1], ball_r), radius=ball_r, name="ball")
    ball = Prop("ball", points=(support.centre,), radius=ball_r, ink=Ink.PROP, depth_bias=-30.0)
    rests = (Rest("abdomen", support), *on_floor("l_toe", "r_toe", "l_hand", "r_hand"))
    frame = Frame(settle(p, rests), rests=rests)
    return ExerciseFigure(
        "ball_decompression",
        View.SIDE,
        start=frame,
        key=frame,
        props=(FLOOR, ball),
        feel=("lower_back",),
        sided=False,
        breath=0.0,
    )


def _sitting_back_helper(x: float, lean: float) -> Pose:
    """A helper kneeling sitting back towards the heels, facing the person, leaning in.

    The knees and the tops of the feet rest on the mat however far the
    trunk leans (the hips turn back by as much as the pelvis tips). It is
    placed once on the floor and then fixed there, so hands reaching low
    for the person's ankles cannot lift it.
    """
    p = (
        Pose()
        .with_(x=x, yaw=180.0, pitch=lean)
        .both(hip_flex=lean + 60.0, knee=150.0, ankle=-60.0, shoulder_flex=40.0, elbow=30.0)
    )
    # Grounded with the arms raised: hanging, they would reach lower than the knees.
    z = grounded(p.both(shoulder_flex=180.0))["z"]
    return replace(p.with_(z=z), ground=Ground.FIXED)


def _helper_decompression() -> ExerciseFigure:
    # The person lies long, legs straight on the mat; the helper kneels just
    # past the feet and holds both ankles, then sits back a little to pull
    # along the legs (the person slides 2 cm towards the helper). The
    # helper's left hand holds the person's right ankle (they face each other).
    body = _arms_by_side(LYING.both(ankle=-10.0))
    sk = forward(grounded(body))
    hx = sk["r_toe"][0] + 50.0  # the helper's knees clear the person's toes
    helper = _sitting_back_helper(hx, lean=52.0)
    pulled = _sitting_back_helper(hx, lean=45.0)
    # Before: kneeling upright, hands resting on the thighs.
    upright = _sitting_back_helper(hx, lean=15.0)
    on_thighs = (
        Reach("l", "l_above_knee", offset=(0.0, 0.0, 7.0)),
        Reach("r", "r_above_knee", offset=(0.0, 0.0, 7.0)),
    )
    grip = (
        Reach("l", "r_ankle", on_helper=True, offset=(1.0, -1.0, 2.0)),
        Reach("r", "l_ankle", on_helper=True, offset=(1.0, 1.0, 2.0)),
    )
    return ExerciseFigure(
        "helper_decompression",
        View.SIDE,
        start=_with_reaches(body, helper=helper, helper_reaches=grip, rests=LONG_LEGS),
        key=_with_reaches(body.with_(x=2.0), helper=pulled, helper_reaches=grip, rests=LONG_LEGS),
        neutral=_with_reaches(
            _arms_by_side(LYING), helper=upright, helper_reaches=on_thighs, rests=LONG_LEGS
        ),
        props=(FLOOR, MAT),
        feel=("lower_back",),
        sided=False,
    )


def _kneeling_helper(x: float, y: float, yaw: float) -> Pose:
    """A helper kneeling up on both knees, the tops of the feet on the mat.

    Placed once on the floor and then fixed there (``_leaning`` turns it
    about those contacts), so its knees never slide as the person's leg
    goes up and down.
    """
    helper = Pose().with_(x=x, y=y, yaw=yaw, pitch=5.0).both(hip_flex=-5.0, knee=95.0, ankle=-60.0)
    helper = fit(
        helper,
        ["pitch", "l_ankle", "r_ankle"],
        touching(
            ("l_knee", RADIUS["thigh"] * 0.8),
            ("r_knee", RADIUS["thigh"] * 0.8),
            ("l_toe", RADIUS["foot"] * 0.6),
            ("r_toe", RADIUS["foot"] * 0.6),
        ),
        steps=(8.0, 4.0, 2.0, 1.0, 0.5, 0.25, 0.1, 0.05),
    )
    return replace(grounded(helper), ground=Ground.FIXED)


def _leaning(helper: Pose, hips: float, spine: float, twist: float) -> Pose:
    """The helper leaning in: ``hips`` forward at the hips over legs that stay
    where they are, ``spine`` more in the low back, the shoulders turned
    ``twist`` towards the person's leg."""
    knee = forward(helper)["l_knee"]
    leant = helper.with_(
        pitch=helper["pitch"] + hips,
        l_hip_flex=helper["l_hip_flex"] + hips,
        r_hip_flex=helper["r_hip_flex"] + hips,
        lumbar_flex=spine,
        thorax_twist=twist,
    )
    # Tipping the pelvis swings the legs round it a little: put the knees
    # back where they kneel.
    moved = forward(leant)["l_knee"]
    return leant.with_(
        x=leant["x"] - (moved[0] - knee[0]),
        y=leant["y"] - (moved[1] - knee[1]),
        z=leant["z"] - (moved[2] - knee[2]),
    )


def _lifted_leg(hip: float, ankle: float) -> Pose:
    return _arms_by_side(LYING).with_(r_hip_flex=hip, r_knee=0.0, r_ankle=ankle, l_ankle=-10.0)


def _nerve_floss_helper() -> ExerciseFigure:
    high_body, low_body = _lifted_leg(70.0, -35.0), _lifted_leg(55.0, 20.0)
    # The helper kneels past the person's feet, facing them and turned a
    # little towards the lifted leg, and leans in further as the leg goes
    # up. Kneeling beside the legs, as it did, its knee came down on the
    # resting shin in the side view (blind review: "the helper seems to
    # kneel on the shin"); and it slid 19 cm along the mat each repetition.
    toe = forward(grounded(low_body))["l_toe"][0]
    kneeling = _kneeling_helper(toe + 19.0, 28.0, 200.0)
    low_helper = _leaning(kneeling, hips=10.0, spine=20.0, twist=30.0)
    high_helper = _leaning(kneeling, hips=20.0, spine=30.0, twist=30.0)
    # One hand under the heel, the other round the shin above the ankle
    # (the knee is out of reach from past the feet; the person keeps it
    # straight).
    grip = (
        Reach("l", "r_heel", on_helper=True, offset=(0.0, 4.0, -3.0)),
        Reach(
            "r", "r_ankle", on_helper=True, toward="r_knee", fraction=0.3, offset=(0.0, 4.0, 0.0)
        ),
    )
    return ExerciseFigure(
        "nerve_floss_helper",
        View.SIDE,
        start=_with_reaches(low_body, helper=low_helper, helper_reaches=grip, rests=LEFT_LONG),
        key=_with_reaches(high_body, helper=high_helper, helper_reaches=grip, rests=LEFT_LONG),
        neutral=_with_reaches(_arms_by_side(LYING), helper=kneeling, rests=LONG_LEGS),
        props=(FLOOR, MAT),
        feel=("back_of_leg",),
        ghost=True,
    )
