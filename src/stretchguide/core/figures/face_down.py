"""Figures on all fours or face down: cat stretch, press-up, forearm extension."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from typing import Final

from stretchguide.core.figures.body import FOREARM, UPPER_ARM, Ground, Pose
from stretchguide.core.figures.contacts import SURFACE_RADIUS, Reach, on_floor
from stretchguide.core.figures.drawing import View
from stretchguide.core.figures.exercise_figure import ExerciseFigure, _sup, _with_reaches
from stretchguide.core.figures.fitting import _bisect
from stretchguide.core.figures.frames import Frame, resolve
from stretchguide.core.figures.kinematics import forward, grounded, reach
from stretchguide.core.figures.positions import FLOOR, MAT, PRONE, PRONE_LEGS
from stretchguide.core.figures.settle import settle
from stretchguide.core.figures.vectors import Vec, _norm, _scale, _sub

# (pitch, hip flexion, shoulder flexion, knee) per spine rounding, found once
# by a slow search that also kept each thigh and arm upright (hands under
# shoulders, knees under hips); settling then puts every support down
# exactly, and the contact test holds them to it.
_ALL_FOURS_SOLVED: Final[Mapping[float, tuple[float, float, float, float]]] = {
    0.0: (77.33, 80.23, 78.29, 89.99),
    64.0: (33.0, 35.91, 94.66, 90.0),
    -44.0: (107.29, 108.19, 64.44, 87.99),
}


def _all_fours(spine: float = 0.0) -> Pose:
    """Hands under shoulders, knees under hips; ``spine`` > 0 rounds the back.

    Knees, shins and hands all rest on the mat, whatever the spine does.
    """
    pitch, hip, shoulder, knee = _ALL_FOURS_SOLVED[spine]
    p = (
        Pose()
        .with_(
            pitch=pitch,
            lumbar_flex=spine * 0.5,
            thorax_flex=spine * 0.5,
            neck_flex=10.0 + spine * 0.6,
        )
        .both(hip_flex=hip, knee=knee, ankle=-70.0, shoulder_flex=shoulder, elbow=0.0, wrist=-75.0)
    )
    return settle(grounded(p), ALL_FOURS)


ALL_FOURS: Final = on_floor("l_hand", "r_hand", "l_knee", "r_knee", "l_ankle", "r_ankle")


def _cat_stretch() -> ExerciseFigure:
    neutral = _all_fours(0.0)
    arch = _all_fours(64.0).with_(neck_flex=45.0)
    hollow = _all_fours(-44.0).with_(neck_flex=-30.0)
    return ExerciseFigure(
        "cat_stretch",
        View.SIDE,
        start=_sup(neutral, ALL_FOURS),
        key=_sup(arch, ALL_FOURS),
        stages={"arch": _sup(arch, ALL_FOURS), "hollow": _sup(hollow, ALL_FOURS)},
        props=(FLOOR, MAT),
        feel=("lower_back", "mid_back"),
        sided=False,
        breath=0.0,
    )


PALMS: Final = on_floor("l_hand", "r_hand", "l_wrist", "r_wrist")
FOREARMS: Final = on_floor("l_elbow", "r_elbow")


def _on_legs(p: Pose) -> Pose:
    """Placed by the legs and pelvis alone: the arms are placed later by reaches."""
    return settle(replace(p, ground=Ground.FIXED), PRONE_LEGS)


# How far the press-up extends at the top: the lumbar spine at its limit, the
# rest shared by the upper back and by the pelvis rolling forward on the mat
# (the hips extend so the thighs stay down), as a press-up does.
_PRESS_TOP: Final = 70.0


def _press_pose(ext: float) -> Pose:
    tilt = ext * 0.2
    return _on_legs(
        PRONE.with_(
            pitch=PRONE["pitch"] - tilt,
            lumbar_flex=-ext * 0.5,
            thorax_flex=-ext * 0.3,
            neck_flex=-15.0 + ext * 0.2,
        ).both(hip_flex=PRONE["r_hip_flex"] - tilt)
    )


def _elbow_way(pose: Pose, side: str, palm: Vec) -> Vec:
    """Which way the one-plane arm (``reach``) bends the elbow off the shoulder-palm line.

    Given as ``Reach.elbow_to``, the arm takes the same shape; an end of a
    movement whose other end swings the elbow needs it, so the elbow's way
    blends from one end to the other.
    """
    q = forward(reach(pose, side, palm, True))
    sh = q[f"{side}_shoulder"]
    line, off = _sub(palm, sh), _sub(q[f"{side}_elbow"], sh)
    n = _norm(line)
    along = sum(a * b for a, b in zip(off, line, strict=True)) / (n * n)
    perp = _sub(off, _scale(line, along))
    return _scale(perp, 1.2 / max(1e-9, _norm(perp)))


def _prone_press_up() -> ExerciseFigure:
    # A McKenzie press-up: the palms stay planted on the mat, the arms
    # straighten and lift the chest while the pelvis and legs stay down (a
    # plank would lift them). The top is the telling moment, arms straight
    # (the figure's trunk is short against its arms, so the straight arms
    # slope forward a little to the palms). The bottom lies flat, chest on the
    # mat, palms beside the shoulders and the elbows bent up and back (the
    # arm turns about its axis for that: ``Reach.elbow_to``); from the side
    # the palms stay where they are, they only come in a little towards the
    # body as the arms straighten.
    sk = forward(_press_pose(_PRESS_TOP))
    arm = (UPPER_ARM + FOREARM) * 0.998

    def palm(s: str) -> tuple[float, float, float]:
        x, y, z = sk[f"{s}_shoulder"]
        py, pz = y * 1.2, SURFACE_RADIUS["r_wrist"]
        return (x + math.sqrt(arm**2 - (z - pz) ** 2 - (y - py) ** 2), py, pz)

    top = _press_pose(_PRESS_TOP)

    hands = tuple(
        Reach(s, "@world", offset=palm(s), flat=True, elbow_to=_elbow_way(top, s, palm(s)))
        for s in ("l", "r")
    )
    low_hands = tuple(
        # The elbows point up, back and out; the palm lies flat, fingers in.
        Reach(s, "@world", offset=(x, y * 1.4, z), flat=True, elbow_to=(-0.5, y / 34.0, 1.0))
        for s, (x, y, z) in ((s, palm(s)) for s in ("l", "r"))
    )
    low = _press_pose(0.0)
    rests = PRONE_LEGS + PALMS
    return ExerciseFigure(
        "prone_press_up",
        View.SIDE,
        start=_with_reaches(low, *low_hands, rests=rests),
        key=_with_reaches(top, *hands, rests=rests),
        props=(FLOOR, MAT),
        feel=("lower_back",),
        sided=False,
        breath=0.0,
    )


def _sphinx(ext: float) -> Pose:
    return _on_legs(
        PRONE.with_(lumbar_flex=-ext * 0.7, thorax_flex=-ext * 0.3, neck_flex=-10.0 + ext * 0.3)
    )


def _prone_forearm_extension() -> ExerciseFigure:
    # Up on the forearms: upper arms upright, elbows under the shoulders and
    # the forearms flat on the mat; pelvis and legs stay down. Each rep
    # starts lying flat, chest on the mat: the elbows are planted where they
    # hold the chest up (seen from the side they never move), out to the
    # sides with the forearms forward, as the upper arms must lie when the
    # shoulders are down at the mat; the elbows draw in under the shoulders
    # as the chest rises, resting on the mat all the way (``Reach.elbow_z``).
    def shoulder_height(ext: float) -> float:
        return forward(_sphinx(ext))["r_shoulder"][2]

    elbow_z = SURFACE_RADIUS["r_elbow"]
    wrist_z = SURFACE_RADIUS["r_wrist"]
    target = UPPER_ARM + elbow_z
    up = _sphinx(_bisect(lambda ext: shoulder_height(ext) - target, 0.0, 50.0))
    sk = forward(up)

    def palm_up(s: str) -> Vec:
        x, y, _ = sk[f"{s}_shoulder"]
        return (x + FOREARM - 1.0, y * 0.9, wrist_z)

    hands = tuple(
        Reach(
            s,
            "@world",
            offset=palm_up(s),
            flat=True,
            elbow_to=_elbow_way(up, s, palm_up(s)),
            elbow_z=elbow_z,
        )
        for s in ("l", "r")
    )
    up = resolve(Frame(up, reaches=hands)).body
    down = _sphinx(0.0)
    flat = forward(down)

    def low_hand(s: str) -> Reach:
        # The elbow straight out from the shoulder at the up pose's x, on the
        # mat, the forearm forward and a little in towards the head.
        elbow = forward(up)[f"{s}_elbow"]
        sh = flat[f"{s}_shoulder"]
        dx, dz = elbow[0] - sh[0], elbow_z - sh[2]
        out = math.copysign(math.sqrt(max(0.0, UPPER_ARM**2 - dx * dx - dz * dz)), sh[1])
        e = (elbow[0], sh[1] + out, elbow_z)
        fx, fy = FOREARM * 0.94, -math.copysign(FOREARM * 0.34, sh[1])
        return Reach(
            s,
            "@world",
            offset=(e[0] + fx, e[1] + fy, wrist_z),
            flat=True,
            elbow_to=_sub(e, sh),
            elbow_z=elbow_z,
        )

    low_hands = tuple(low_hand(s) for s in ("l", "r"))
    rests = PRONE_LEGS + PALMS + FOREARMS
    return ExerciseFigure(
        "prone_forearm_extension",
        View.SIDE,
        start=_with_reaches(down, *low_hands, rests=rests),
        key=_with_reaches(up, *hands, rests=rests),
        props=(FLOOR, MAT),
        feel=("lower_back",),
        sided=False,
        breath=0.0,
    )
