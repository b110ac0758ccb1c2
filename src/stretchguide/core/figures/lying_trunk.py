"""Figures lying on the back, moving the pelvis or trunk.

Bridge, pelvic tilts, breathing, lumbar rotation.
"""

from __future__ import annotations

from typing import Final

from stretchguide.core.figures.body import RADIUS, Pose, limit_for
from stretchguide.core.figures.contacts import SURFACE_RADIUS, Reach, on_floor
from stretchguide.core.figures.drawing import Ink, Prop, View
from stretchguide.core.figures.exercise_figure import ExerciseFigure, _sup, _with_reaches, rest_fit
from stretchguide.core.figures.fitting import _bisect, fit
from stretchguide.core.figures.frames import Frame, resolve
from stretchguide.core.figures.kinematics import Skeleton, forward, grounded
from stretchguide.core.figures.positions import (
    BOTH_FEET,
    FLOOR,
    HOOK,
    LYING,
    LYING_BACK,
    MAT,
    _arms_by_side,
    hook_lying,
    mat_area,
)
from stretchguide.core.figures.vectors import Vec

ARMS_DOWN: Final = on_floor("l_hand", "r_hand")


def _bridge() -> ExerciseFigure:
    # Arms long on the mat beside the body (they steady the lift), feet flat,
    # shoulders and head down; the pelvis rises in a straight line.
    start = _arms_by_side(LYING.both(hip_flex=60.0, knee=100.0, ankle=-30.0))
    start_rests = LYING_BACK + on_floor("head") + BOTH_FEET + ARMS_DOWN
    start = rest_fit(
        start,
        start_rests,
        [
            "neck_flex",
            "l_knee",
            "r_knee",
            "l_ankle",
            "r_ankle",
            "l_shoulder_flex",
            "r_shoulder_flex",
        ],
    )
    up = start.with_(pitch=-118.0, neck_flex=30.0).both(hip_flex=8.0, knee=95.0, ankle=-20.0)
    up_rests = on_floor("neck", "head") + BOTH_FEET + ARMS_DOWN
    up = up.both(shoulder_flex=-up["pitch"] - 90.0 + 28.0, shoulder_abd=10.0, elbow=0.0)
    # Pitch stays as set: left free, the fit lowers the pelvis to ease the
    # contacts and the bridge sags into a half-lift.
    up = rest_fit(
        up,
        up_rests,
        [
            "l_knee",
            "r_knee",
            "l_ankle",
            "r_ankle",
            "neck_flex",
            "l_hip_flex",
            "r_hip_flex",
            "l_shoulder_flex",
            "r_shoulder_flex",
        ],
    )
    return ExerciseFigure(
        "bridge",
        View.SIDE,
        start=_sup(start, start_rests),
        key=_sup(up, up_rests),
        props=(FLOOR, MAT),
        feel=("glutes", "hip_flexors"),
        sided=False,
        breath=0.0,
    )


def _tilt(p: Pose, deg: float, rise: float | None = None) -> Pose:
    """Rock the pelvis: + tilts it back (flat low back), - forwards (arched).

    ``rise`` is how steeply the lumbar spine climbs from the pelvis (degrees):
    0 lies flat on the mat; a forward tilt lifts it into an arch with a gap
    under the waist, and the chest tips back down so the shoulders stay on
    the mat.
    """
    if rise is None:
        rise = max(0.0, -deg) * 0.5
    return p.with_(
        pitch=p["pitch"] - deg,
        lumbar_flex=p["lumbar_flex"] + deg + rise,
        thorax_flex=p["thorax_flex"] - 2.2 * rise,
        l_hip_flex=p["l_hip_flex"] - deg,
        r_hip_flex=p["r_hip_flex"] - deg,
    )


def press_arrow(at: Vec, length: float = 26.0, gap: float = 4.0) -> tuple[Prop, Prop]:
    """A bold arrow pointing straight down at ``at``: "press this into the mat".

    Amber (the band's ink) rather than the glow's orange, so it stands out
    over the glow it points into, on a light or a dark background.
    """
    x, y, z = at
    tip = z + gap
    head = 8.0
    shaft = Prop(
        "line",
        points=((x, y, tip + head * 0.8), (x, y, tip + length)),
        width=3.6,
        ink=Ink.BAND,
        depth_bias=3e6,
    )
    point = Prop(
        "poly",
        points=((x - head * 0.65, y, tip + head), (x + head * 0.65, y, tip + head), (x, y, tip)),
        width=0.8,
        ink=Ink.BAND,
        depth_bias=3e6,
    )
    return shaft, point


def lift_arrow(at: Vec, length: float = 18.0, gap: float = 1.0) -> tuple[Prop, Prop]:
    """A bold arrow pointing straight up at ``at`` from under the mat: "this lifts off it".

    The back-flat tilt's arrow turned over, in the same ink: the arched
    tilt's low back rises off the mat where the other presses into it.
    """
    x, y, z = at
    tip = z - gap
    head = 7.0
    shaft = Prop(
        "line",
        points=((x, y, tip - head * 0.8), (x, y, tip - length)),
        width=3.6,
        ink=Ink.BAND,
        depth_bias=3e6,
    )
    point = Prop(
        "poly",
        points=((x - head * 0.65, y, tip - head), (x + head * 0.65, y, tip - head), (x, y, tip)),
        width=0.8,
        ink=Ink.BAND,
        depth_bias=3e6,
    )
    return shaft, point


def _posterior_tilt() -> ExerciseFigure:
    # From the low back's natural curve, a gap of about 2 cm under the waist
    # (with 1 cm the movement read as none at all)...
    start = _arms_by_side(_tilt(hook_lying(), -10.0, rise=6.0))
    # ...to flat: the pelvis rolls back until the low back lies along the mat.
    key = _arms_by_side(_tilt(hook_lying(), 12.0, rise=0.0))
    key_frame = _sup(key, HOOK)
    # Lying flat with the knees up is also plain hook-lying; what this one
    # asks is to press the low back down, so an arrow says so over the belly.
    belly = forward(key_frame.body)["abdomen"]
    return ExerciseFigure(
        "posterior_pelvic_tilt",
        View.SIDE,
        start=_sup(start, on_floor("pelvis", "neck") + BOTH_FEET),
        key=key_frame,
        props=(FLOOR, MAT),
        cue_props=press_arrow(belly),  # only while the tilt is worked
        feel=("abdomen", "lower_back"),
        sided=False,
        breath=0.0,
    )


def _under_the_arch(p: Pose) -> Vec:
    """The underside of the low back where it stands highest off the mat."""
    sk = forward(grounded(p))
    a, b = sk["pelvis"], sk["mid_back"]
    best = max(
        (tuple(x + (y - x) * t for x, y in zip(a, b, strict=True)) for t in (0.5, 0.6, 0.7, 0.8)),
        key=lambda q: q[2],
    )
    return (best[0], best[1], best[2] - RADIUS["trunk"])


def _anterior_tilt() -> ExerciseFigure:
    # The hands under the back of the head, the elbows out to the sides on
    # the mat: a drawing choice (the articles say nothing of the arms). With
    # the arms down by the sides its start was the back-flat tilt's start,
    # and the near arm lay across the waist where the arch shows; out on the
    # mat by the head, the arm seen end-on put its hand on the face. (The
    # arms start out to the sides; the reaches below place them.)
    out = {"shoulder_flex": 0.0, "shoulder_abd": 88.0, "elbow": 5.0}
    start = _tilt(hook_lying(), -6.0, rise=3.0).both(**out)
    key = _tilt(hook_lying(), -24.0, rise=15.0).both(**out)
    # The pelvis stays on the mat (a lifted pelvis is a bridge): the tailbone
    # and the upper back rest, and the arch opens a gap under the waist.
    rests = on_floor("pelvis", "head") + BOTH_FEET
    legs = ["pitch", "thorax_flex", "neck_flex", "l_hip_flex", "r_hip_flex", "l_ankle", "r_ankle"]
    start = rest_fit(start, rests, legs)
    key = rest_fit(key, rests, legs)
    # Palms under the back of the head, on the mat; each elbow swings out
    # level with the shoulders (lower, the forearm pressed into the mat).
    hands = tuple(
        Reach(s, "head", offset=(-3.0, y, -7.0), elbow_to=(0.0, y, 0.0))
        for s, y in (("r", -5.0), ("l", 5.0))
    )
    return ExerciseFigure(
        "anterior_pelvic_tilt",
        View.SIDE,
        start=_with_reaches(start, *hands, rests=rests),
        key=_with_reaches(key, *hands, rests=rests),
        props=(FLOOR, MAT),
        # Only while worked, like the back-flat tilt's: an arrow up into the
        # gap under the waist, which at 128 px is a sliver under the glow.
        cue_props=lift_arrow(_under_the_arch(key)),
        feel=("lower_back",),
        sided=False,
        breath=0.0,
    )


def _palm_on_belly(p: Pose) -> Reach:
    """The right palm flat on the belly, as far along it as lets the elbow just rest.

    The arm stays in one plane: a wrist near the ribs bends the elbow down
    through the mat, one near the pelvis lifts it off; in between it rests.
    """

    def at(dx: float) -> Reach:
        return Reach("r", "abdomen", offset=(dx, -4.0, SURFACE_RADIUS["r_wrist"]), flat=True)

    def clear(dx: float) -> float:
        sk = forward(resolve(Frame(grounded(p), reaches=(at(dx),))).body)
        return sk["r_elbow"][2] - SURFACE_RADIUS["r_elbow"] - sk["pelvis"][2] + RADIUS["trunk"]

    return at(_bisect(clear, -12.0, 14.0) + 0.3)


def _core_breathing() -> ExerciseFigure:
    start = _arms_by_side(hook_lying())
    start = start.with_(l_shoulder_flex=0.0, l_elbow=0.0)
    # The palm flat on the belly (a hand carried on the forearm's line
    # stood up off it), the elbow resting on the mat beside the body.
    belly = (_palm_on_belly(start),)
    exhale = _tilt(start, 6.0).with_(thorax_flex=4.0)
    return ExerciseFigure(
        "core_breathing",
        View.SIDE,
        start=_with_reaches(start, *belly, rests=HOOK),
        key=_with_reaches(exhale, *belly, rests=HOOK),
        props=(FLOOR, MAT),
        feel=("abdomen",),
        sided=False,
        breath=1.6,
    )


def _knees_to_right(start: Pose, roll: float) -> Pose:
    """Both bent knees lowered to the right together, shoulders left flat.

    The pelvis rolls ``roll`` degrees and the spine twists back by as much, so
    the chest stays square to the mat; the hips then lay the lower knee close
    to the floor with the upper knee stacked on it. Hip and knee keep their
    bend, so the thighs and shins, nearly in the floor plane, show a clear V.
    """
    twist = limit_for("lumbar_twist")
    lumbar = min(roll / 2, twist[1] if twist else roll / 2)
    p = start.with_(
        spin=-roll, lumbar_twist=lumbar, thorax_twist=roll - lumbar, r_hip_abd=20.0, l_hip_abd=-20.0
    )
    low_knee = RADIUS["thigh"] * 0.8
    stack = RADIUS["thigh"] * 1.75

    def cost(sk: Skeleton) -> float:
        rk, lk, ra, la = sk["r_knee"], sk["l_knee"], sk["r_ankle"], sk["l_ankle"]
        c = (rk[2] - low_knee) ** 2
        c += 0.5 * (
            (lk[0] - rk[0]) ** 2 + 0.3 * (lk[1] - rk[1]) ** 2 + (lk[2] - rk[2] - stack) ** 2
        )
        c += 0.3 * ((la[0] - ra[0]) ** 2 + (la[2] - ra[2] - stack * 0.8) ** 2)
        return c

    return fit(p, ["r_hip_abd", "l_hip_abd", "r_hip_rot", "l_hip_rot"], cost)


def _lumbar_rotation() -> ExerciseFigure:
    # Seen from above and from the corner beyond the feet: the bent knees
    # stand up as an arch, then fold down beside the body as a V on the mat
    # while the shoulders and outspread arms stay flat. A plain side view saw
    # the fallen legs end-on (they read as straight legs); straight from the
    # feet the standing knees hid their bend. A 45 degree pelvic roll: more
    # lifts the back off the mat, as the model's hip joint meets the floor.
    # Arms spread wide on the mat (a T): with both shoulders flat that is
    # what says "on the back, twisting", where side-lying stacks them.
    start = hook_lying().both(shoulder_abd=80.0, elbow=5.0)
    key = _knees_to_right(start, 45.0)
    return ExerciseFigure(
        "lumbar_rotation",
        View.SIDE,
        start=_sup(start, on_floor("mid_back", "l_hand", "r_hand") + BOTH_FEET),
        key=_sup(key, on_floor("neck", "r_hip", "l_hand", "r_hand")),
        props=(mat_area(-100.0, 75.0, 60.0),),  # the spread arms lie on it
        feel=("lower_back", "side_of_back"),
        feel_other_side=True,  # knees to the right open the left side of the back
        elevation=30.0,
        azimuth=45.0,
        breath=0.0,
        ghost=True,  # the knees' arch, faint, shows where they fell from
    )
