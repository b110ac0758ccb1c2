"""The body model: measurements, joint angles (degrees of freedom), their limits, and ``Pose``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Final

# --- body measurements (cm), roughly a 172 cm adult --------------------------

HIP_HALF: Final = 8.5
HIP_DROP: Final = 4.0
LUMBAR: Final = 22.0
THORAX: Final = 26.0
SHOULDER_HALF: Final = 17.0
SHOULDER_DROP: Final = 4.0
NECK: Final = 8.0
HEAD_R: Final = 10.5
THIGH: Final = 43.0
SHIN: Final = 42.0
ANKLE_H: Final = 6.0
FOOT_FWD: Final = 16.0
HEEL_BACK: Final = 5.0
UPPER_ARM: Final = 29.0
FOREARM: Final = 25.0
HAND: Final = 9.0

# Half thickness of each body part, for the floor check and for drawing.
RADIUS: Final[Mapping[str, float]] = {
    "trunk": 11.0,
    "head": HEAD_R,
    "neck": 4.5,
    "thigh": 7.5,
    "shin": 5.5,
    "foot": 3.0,
    "upper_arm": 5.0,
    "forearm": 4.0,
    "hand": 3.0,
}

SIDES: Final = ("l", "r")

ROOT_DOFS: Final = ("x", "y", "z", "yaw", "pitch", "roll", "spin")
SPINE_DOFS: Final = (
    "lumbar_flex",
    "lumbar_side",
    "lumbar_twist",
    "thorax_flex",
    "thorax_side",
    "thorax_twist",
    "neck_flex",
    "neck_side",
)
LIMB_DOFS: Final = (
    "hip_flex",
    "hip_abd",
    "hip_rot",
    "knee",
    "ankle",
    "shoulder_flex",
    "shoulder_abd",
    "shoulder_rot",
    "elbow",
    "wrist",
)
DOFS: Final = ROOT_DOFS + SPINE_DOFS + tuple(f"{s}_{d}" for s in SIDES for d in LIMB_DOFS)
_INDEX: Final = {name: i for i, name in enumerate(DOFS)}

# Anatomical ranges (degrees), generous enough for stretching but never
# impossible: a knee or elbow cannot bend backwards, a hip cannot fold flat.
LIMITS: Final[Mapping[str, tuple[float, float]]] = {
    "lumbar_flex": (-35.0, 60.0),
    "lumbar_side": (-35.0, 35.0),
    "lumbar_twist": (-30.0, 30.0),
    "thorax_flex": (-30.0, 50.0),
    "thorax_side": (-30.0, 30.0),
    "thorax_twist": (-45.0, 45.0),
    "neck_flex": (-50.0, 60.0),
    # Sideways, towards a shoulder: about 45 degrees is the usual range.
    "neck_side": (-40.0, 40.0),
    "hip_flex": (-30.0, 145.0),
    "hip_abd": (-35.0, 70.0),
    "hip_rot": (-45.0, 70.0),
    "knee": (0.0, 155.0),
    "ankle": (-70.0, 30.0),
    "shoulder_flex": (-60.0, 185.0),
    "shoulder_abd": (-60.0, 180.0),
    "shoulder_rot": (-90.0, 90.0),
    "elbow": (0.0, 150.0),
    "wrist": (-80.0, 80.0),
}

# Angles that change sign when the body is mirrored left <-> right.
_LATERAL: Final = frozenset(
    {
        "y",
        "yaw",
        "roll",
        "spin",
        "lumbar_side",
        "lumbar_twist",
        "thorax_side",
        "thorax_twist",
        "neck_side",
    }
)


def limit_for(dof: str) -> tuple[float, float] | None:
    """The allowed range of a joint angle, or None for the root placement."""
    key = dof[2:] if dof[:2] in ("l_", "r_") else dof
    return LIMITS.get(key)


class Ground(StrEnum):
    FLOOR = "floor"  # lowered until its lowest point rests on the floor
    FIXED = "fixed"  # placed where ``z`` says (on a chair, over a ball)


@dataclass(frozen=True)
class Pose:
    """Joint angles plus where the pelvis is; immutable, cheap to copy."""

    values: tuple[float, ...] = field(default=(0.0,) * len(DOFS))
    ground: Ground = Ground.FLOOR

    def __post_init__(self) -> None:
        if len(self.values) != len(DOFS):
            raise ValueError(f"a pose has {len(DOFS)} values, got {len(self.values)}")

    def __getitem__(self, dof: str) -> float:
        return self.values[_INDEX[dof]]

    def with_(self, changes: Mapping[str, float] | None = None, **kw: float) -> Pose:
        vals = list(self.values)
        for key, val in {**(changes or {}), **kw}.items():
            vals[_INDEX[key]] = float(val)
        return replace(self, values=tuple(vals))

    def both(self, **kw: float) -> Pose:
        """Set the same limb angle on both sides: ``both(knee=90)``."""
        return self.with_({f"{s}_{k}": v for s in SIDES for k, v in kw.items()})

    def as_dict(self) -> dict[str, float]:
        return dict(zip(DOFS, self.values, strict=True))


STANDING: Final = Pose().with_(z=HIP_DROP + THIGH + SHIN + ANKLE_H)


def mirrored(pose: Pose) -> Pose:
    """The same pose on the other side of the body."""
    out: dict[str, float] = {}
    for name in DOFS:
        if name[:2] in ("l_", "r_"):
            other = ("r_" if name[0] == "l" else "l_") + name[2:]
            out[name] = pose[other]
        elif name in _LATERAL:
            out[name] = -pose[name]
        else:
            out[name] = pose[name]
    return pose.with_(out)


def limit_violations(pose: Pose) -> list[str]:
    """Joint angles outside their anatomical range, described for a person."""
    problems = []
    for name in DOFS:
        lim = limit_for(name)
        if lim is None:
            continue
        val = pose[name]
        if not lim[0] - 1e-6 <= val <= lim[1] + 1e-6:
            problems.append(f"{name}={val:.1f} outside {lim[0]:.0f}..{lim[1]:.0f}")
    return problems
