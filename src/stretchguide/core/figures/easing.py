"""Easing curves and the blend of two poses."""

from __future__ import annotations

import math
from enum import StrEnum

from stretchguide.core.figures.body import Pose

# --- keyframes, easing and interpolation ------------------------------------


class Easing(StrEnum):
    LINEAR = "linear"
    IN_OUT = "in_out"  # slow start, slow finish: a calm, controlled movement
    OUT = "out"


def ease(kind: Easing, t: float) -> float:
    t = min(1.0, max(0.0, t))
    if kind is Easing.LINEAR:
        return t
    if kind is Easing.OUT:
        return 1.0 - (1.0 - t) * (1.0 - t)
    return 0.5 - 0.5 * math.cos(math.pi * t)


def lerp_pose(a: Pose, b: Pose, t: float) -> Pose:
    """Blend two poses; t=0 gives exactly ``a`` and t=1 exactly ``b``."""
    if t <= 0.0:
        return a
    if t >= 1.0:
        return b
    vals = tuple(x + (y - x) * t for x, y in zip(a.values, b.values, strict=True))
    return Pose(values=vals, ground=a.ground if t < 0.5 else b.ground)
