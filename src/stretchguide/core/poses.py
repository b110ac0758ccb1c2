"""The exercise figure as maths: a skeleton, joint angles, keyframes, drawing.

The figure is a small 3D skeleton posed by anatomical joint angles (hip
flexion, knee flexion, ...) and drawn in 2D by an orthographic camera from the
side, the front or above. Working in joint angles keeps the data readable
("hip 90, knee 90") and makes the checks meaningful: a knee can be tested for
bending backwards and a heel for going through the floor, whatever the view.

Conventions
-----------
* World: ``x`` forward for a person standing at the origin, ``y`` to their
  left, ``z`` up; the floor is ``z = 0``; units are centimetres.
* Angles are degrees. Flexion is positive (hip and shoulder forward, knee and
  elbow bent, spine rounded forward, ankle toes-up). Abduction is positive
  away from the midline, hip/shoulder rotation positive outwards, and spinal
  side bend and twist positive towards the person's left.
* ``mirrored`` swaps the two sides and reflects ``y``; because lateral angles
  are defined per side, forward kinematics of a mirrored pose is the exact
  reflection of the original (a test holds it to that).

Nothing here imports Qt: ``drawing`` turns a posed scene into plain shapes
(lines, discs, polygons, glows) in view coordinates, and the Qt widget and
the SVG writer only paint those shapes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache
from typing import Final

Vec = tuple[float, float, float]
Mat = tuple[float, float, float, float, float, float, float, float, float]

# --- vector maths (tiny, so the core stays free of numpy) -------------------


def _add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def _sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _scale(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k, a[2] * k)


def _norm(a: Vec) -> float:
    return math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2])


def _mv(m: Mat, v: Vec) -> Vec:
    return (
        m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
        m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
        m[6] * v[0] + m[7] * v[1] + m[8] * v[2],
    )


def _mtv(m: Mat, v: Vec) -> Vec:
    """Transpose times vector: a world direction in the frame ``m``."""
    return (
        m[0] * v[0] + m[3] * v[1] + m[6] * v[2],
        m[1] * v[0] + m[4] * v[1] + m[7] * v[2],
        m[2] * v[0] + m[5] * v[1] + m[8] * v[2],
    )


def _mm(a: Mat, b: Mat) -> Mat:
    return (
        a[0] * b[0] + a[1] * b[3] + a[2] * b[6],
        a[0] * b[1] + a[1] * b[4] + a[2] * b[7],
        a[0] * b[2] + a[1] * b[5] + a[2] * b[8],
        a[3] * b[0] + a[4] * b[3] + a[5] * b[6],
        a[3] * b[1] + a[4] * b[4] + a[5] * b[7],
        a[3] * b[2] + a[4] * b[5] + a[5] * b[8],
        a[6] * b[0] + a[7] * b[3] + a[8] * b[6],
        a[6] * b[1] + a[7] * b[4] + a[8] * b[7],
        a[6] * b[2] + a[7] * b[5] + a[8] * b[8],
    )


def _rx(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return (1.0, 0.0, 0.0, 0.0, c, -s, 0.0, s, c)


def _ry(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return (c, 0.0, s, 0.0, 1.0, 0.0, -s, 0.0, c)


def _rz(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return (c, -s, 0.0, s, c, 0.0, 0.0, 0.0, 1.0)


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
    {"y", "yaw", "roll", "spin", "lumbar_side", "lumbar_twist", "thorax_side", "thorax_twist"}
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


# --- forward kinematics ------------------------------------------------------


@dataclass(frozen=True)
class Skeleton:
    """World positions of joints and surface anchors, and segment frames."""

    points: Mapping[str, Vec]
    frames: Mapping[str, Mat]

    def __getitem__(self, name: str) -> Vec:
        return self.points[name]

    def lowest(self) -> float:
        """Height of the lowest body surface (0 means resting on the floor)."""
        return min(self.points[p][2] - r for p, r in _SURFACE_POINTS)


def _surface_points() -> tuple[tuple[str, float], ...]:
    pts: list[tuple[str, float]] = [
        ("pelvis", RADIUS["trunk"]),
        ("mid_back", RADIUS["trunk"]),
        ("neck", RADIUS["trunk"] * 0.9),
        ("head", HEAD_R),
    ]
    for s in SIDES:
        pts += [
            (f"{s}_hip", RADIUS["thigh"]),
            (f"{s}_knee", RADIUS["thigh"] * 0.8),
            (f"{s}_ankle", RADIUS["shin"] * 0.7),
            (f"{s}_heel", RADIUS["foot"]),
            (f"{s}_toe", RADIUS["foot"] * 0.6),
            (f"{s}_shoulder", RADIUS["upper_arm"]),
            (f"{s}_elbow", RADIUS["upper_arm"] * 0.8),
            (f"{s}_wrist", RADIUS["forearm"] * 0.8),
            (f"{s}_hand", RADIUS["hand"]),
        ]
    return tuple(pts)


_SURFACE_POINTS: Final = _surface_points()


# An eye in the head's frame: forward, to the left, a little above centre.
_EYE: Final = (HEAD_R * 0.5, HEAD_R * 0.36, HEAD_R * 0.22)


# The hair crescent in the head's sagittal plane: (radius, forward shift,
# angles from the face direction), outer arc over the back, inner arc back.
_HAIR: Final = (
    (1.0, 0.0, tuple(math.radians(a) for a in range(70, 236, 11))),
    (0.72, 1.5, tuple(math.radians(a) for a in range(230, 64, -11))),
)


# Each joint turns its parent's frame about one axis. Multiplying by a full
# rotation matrix costs 27 products, most of them by 0 or 1; these do only
# the ones that count, and skip a joint at 0 degrees. The results are the
# same floating-point numbers as the full product (adding 0 or multiplying by
# 1 is exact), so figures do not move; the kinematics runs about twice as
# fast, and authoring a figure evaluates it thousands of times.


def _turn_y(a: Mat, deg: float) -> Mat:
    """``_mm(a, _ry(deg))``."""
    if deg == 0.0:
        return a
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return (
        a[0] * c - a[2] * s,
        a[1],
        a[0] * s + a[2] * c,
        a[3] * c - a[5] * s,
        a[4],
        a[3] * s + a[5] * c,
        a[6] * c - a[8] * s,
        a[7],
        a[6] * s + a[8] * c,
    )


def _turn_x(a: Mat, deg: float) -> Mat:
    """``_mm(a, _rx(deg))``."""
    if deg == 0.0:
        return a
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return (
        a[0],
        a[1] * c + a[2] * s,
        a[2] * c - a[1] * s,
        a[3],
        a[4] * c + a[5] * s,
        a[5] * c - a[4] * s,
        a[6],
        a[7] * c + a[8] * s,
        a[8] * c - a[7] * s,
    )


def _turn_z(a: Mat, deg: float) -> Mat:
    """``_mm(a, _rz(deg))``."""
    if deg == 0.0:
        return a
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return (
        a[0] * c + a[1] * s,
        a[1] * c - a[0] * s,
        a[2],
        a[3] * c + a[4] * s,
        a[4] * c - a[3] * s,
        a[5],
        a[6] * c + a[7] * s,
        a[7] * c - a[6] * s,
        a[8],
    )


_IDENTITY: Final[Mat] = (1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0)


def _down(base: Vec, m: Mat, length: float) -> Vec:
    """``_add(base, _mv(m, (0, 0, -length)))``: the next joint along a limb."""
    return (base[0] - m[2] * length, base[1] - m[5] * length, base[2] - m[8] * length)


_SIDE_POINTS: Final = (
    "hip",
    "knee",
    "ankle",
    "toe",
    "heel",
    "shoulder",
    "elbow",
    "wrist",
    "hand",
    "buttock",
    "outer_hip",
    "hip_front",
    "thigh_back",
    "thigh_front",
    "calf",
    "hamstring",
    "knee_front",
    "above_knee",
    "side_back",
)
_SIDE_FRAMES: Final = ("thigh", "shin", "foot", "upper_arm", "forearm")
# Per side: its mirror sign, where its limb angles start in ``Pose.values``,
# and the names its points and frames go by (formatted once, not per call).
_SIDE_LAYOUT: Final = tuple(
    (
        1.0 if s == "l" else -1.0,
        _INDEX[f"{s}_hip_flex"],
        tuple(f"{s}_{n}" for n in _SIDE_POINTS),
        tuple(f"{s}_{n}" for n in _SIDE_FRAMES),
    )
    for s in SIDES
)


def _fk_raw(pose: Pose) -> Skeleton:
    v = pose.values
    p = dict(zip(DOFS, v, strict=True))  # the trunk's angles, by name
    pts: dict[str, Vec] = {}
    frames: dict[str, Mat] = {}
    r0 = _turn_z(_turn_x(_turn_y(_turn_z(_IDENTITY, p["yaw"]), p["pitch"]), p["roll"]), p["spin"])
    pelvis: Vec = (p["x"], p["y"], p["z"])
    r1 = _turn_z(_turn_x(_turn_y(r0, p["lumbar_flex"]), -p["lumbar_side"]), p["lumbar_twist"])
    mid = _down(pelvis, r1, -LUMBAR)
    r2 = _turn_z(_turn_x(_turn_y(r1, p["thorax_flex"]), -p["thorax_side"]), p["thorax_twist"])
    neck = _down(mid, r2, -THORAX)
    r3 = _turn_y(r2, p["neck_flex"])
    head_base = _down(neck, r3, -NECK)
    head = _add(head_base, _mv(r3, (1.5, 0.0, HEAD_R)))
    nose = _add(head, _mv(r3, (HEAD_R * 0.98, 0.0, -1.5)))
    pts.update(
        pelvis=pelvis,
        mid_back=mid,
        neck=neck,
        head_base=head_base,
        head=head,
        nose=nose,
        l_eye=_add(head, _mv(r3, _EYE)),
        r_eye=_add(head, _mv(r3, (_EYE[0], -_EYE[1], _EYE[2]))),
    )
    frames.update(pelvis=r0, lumbar=r1, thorax=r2, head=r3)
    # Surfaces the highlights and props attach to.
    low_mid = _scale(_add(pelvis, mid), 0.5)
    pts["lower_back"] = _add(low_mid, _mv(r1, (-RADIUS["trunk"], 0.0, 0.0)))
    pts["abdomen"] = _add(low_mid, _mv(r1, (RADIUS["trunk"] * 0.9, 0.0, 0.0)))
    pts["upper_back"] = _add(_scale(_add(mid, neck), 0.5), _mv(r2, (-RADIUS["trunk"], 0.0, 0.0)))
    pts["chest"] = _add(_scale(_add(mid, neck), 0.5), _mv(r2, (RADIUS["trunk"], 0.0, 0.0)))
    for k, i, point_names, frame_names in _SIDE_LAYOUT:
        hip_flex, hip_abd, hip_rot, knee_a, ankle_a, sh_flex, sh_abd, sh_rot, elb, wri = v[
            i : i + len(LIMB_DOFS)
        ]
        hip = _add(pelvis, _mv(r0, (0.0, k * HIP_HALF, -HIP_DROP)))
        rt = _turn_z(
            _turn_x(_turn_y(r0, -hip_flex), k * hip_abd),
            k * hip_rot,
        )
        knee = _down(hip, rt, THIGH)
        rs = _turn_y(rt, knee_a)
        ankle = _down(knee, rs, SHIN)
        rf = _turn_y(rs, -ankle_a)
        toe = _add(ankle, _mv(rf, (FOOT_FWD, 0.0, -ANKLE_H * 0.75)))
        heel = _add(ankle, _mv(rf, (-HEEL_BACK, 0.0, -ANKLE_H * 0.75)))
        shoulder = _add(neck, _mv(r2, (0.0, k * SHOULDER_HALF, -SHOULDER_DROP)))
        ra = _turn_z(
            _turn_x(_turn_y(r2, -sh_flex), k * sh_abd),
            k * sh_rot,
        )
        elbow = _down(shoulder, ra, UPPER_ARM)
        rfa = _turn_y(ra, -elb)
        wrist = _down(elbow, rfa, FOREARM)
        rh = _turn_y(rfa, -wri)
        hand = _down(wrist, rh, HAND)
        mid_thigh = _scale(_add(hip, knee), 0.5)
        mid_shin = _scale(_add(knee, ankle), 0.5)
        values: tuple[Vec, ...] = (
            hip,
            knee,
            ankle,
            toe,
            heel,
            shoulder,
            elbow,
            wrist,
            hand,
            _add(hip, _mv(r0, (-RADIUS["trunk"] * 0.8, k * 2.0, 1.0))),
            _add(hip, _mv(r0, (0.0, k * RADIUS["thigh"], 3.0))),
            _add(hip, _mv(r0, (RADIUS["thigh"], 0.0, 3.0))),
            _add(mid_thigh, _mv(rt, (-RADIUS["thigh"], 0.0, 0.0))),
            _add(mid_thigh, _mv(rt, (RADIUS["thigh"], 0.0, 0.0))),
            _add(mid_shin, _mv(rs, (-RADIUS["shin"] * 0.5, 0.0, 0.0))),
            # Inside the thigh's back half: a glow on the skin's edge sits
            # on the floor under a long-sitting leg, not on the muscle.
            _add(mid_thigh, _mv(rt, (-RADIUS["thigh"] * 0.45, 0.0, 0.0))),
            _add(knee, _mv(rt, (RADIUS["thigh"], 0.0, 0.0))),
            _add(hip, _scale(_sub(knee, hip), 0.8)),
            _add(low_mid, _mv(r1, (0.0, k * RADIUS["trunk"] * 1.1, 0.0))),
        )
        pts.update(zip(point_names, values, strict=True))
        frames.update(zip(frame_names, (rt, rs, rf, ra, rfa), strict=True))
    return Skeleton(points=pts, frames=frames)


def forward(pose: Pose) -> Skeleton:
    """Joint positions in the world; a FLOOR pose is lowered onto the floor."""
    skel = _fk_raw(pose)
    if pose.ground is Ground.FLOOR:
        dz = -skel.lowest()
        if abs(dz) > 1e-9:
            skel = Skeleton(
                points={k: (v[0], v[1], v[2] + dz) for k, v in skel.points.items()},
                frames=skel.frames,
            )
    return skel


def grounded(pose: Pose) -> Pose:
    """The pose with its root height set so that FK needs no correction."""
    if pose.ground is not Ground.FLOOR:
        return pose
    return pose.with_(z=pose["z"] - _fk_raw(pose).lowest())


# --- reaching: put a hand on a point (analytic two-link arm) -----------------


def reach(pose: Pose, side: str, target: Vec, flat: bool = False) -> Pose:
    """Bend shoulder and elbow of ``side`` so the palm lands on ``target``.

    The arm stays in one plane (no shoulder rotation), which is how the
    exercises hold a knee, a shin, a strap or a chair. Out-of-reach targets
    leave the arm pointing straight at them. ``flat`` puts the wrist on the
    target and lays the hand flat from it (a palm pressing on the floor: a
    hand carrying on the forearm's line would dig into the floor).
    """
    skel = forward(pose)
    k = 1.0 if side == "l" else -1.0
    shoulder = skel[f"{side}_shoulder"]
    d = _mtv(skel.frames["thorax"], _sub(target, shoulder))
    a, b = UPPER_ARM, (FOREARM if flat else FOREARM + HAND * 0.5)
    dist = max(1e-6, min(_norm(d), a + b - 1e-6))
    cos_e = (dist * dist - a * a - b * b) / (2 * a * b)
    elbow = math.degrees(math.acos(max(-1.0, min(1.0, cos_e))))
    elbow = min(elbow, LIMITS["elbow"][1])
    er = math.radians(elbow)
    wx, wz = b * math.sin(er), -a - b * math.cos(er)
    sin_t = max(-1.0, min(1.0, -d[1] / wz)) if abs(wz) > 1e-9 else 0.0
    t = math.asin(sin_t)
    # A hand reaching far across the body would need an impossible sideways
    # swing; stop at the joint's range and let the hand fall a little short.
    lo, hi = LIMITS["shoulder_abd"]
    t = k * math.radians(min(hi, max(lo, k * math.degrees(t))))
    flex = math.degrees(math.atan2(d[2], d[0]) - math.atan2(wz * math.cos(t), wx))
    flex = (flex + 180.0) % 360.0 - 180.0
    lo, hi = LIMITS["shoulder_flex"]
    if flex < lo and flex + 360.0 <= hi + 60.0:
        flex += 360.0
    flex = min(hi, max(lo, flex))
    abd = k * math.degrees(t)
    wrist = _flat_wrist(skel.frames["thorax"], flex, abd, k, elbow) if flat else 0.0
    return pose.with_(
        {
            f"{side}_shoulder_flex": flex,
            f"{side}_shoulder_abd": abd,
            f"{side}_shoulder_rot": 0.0,
            f"{side}_elbow": elbow,
            f"{side}_wrist": wrist,
        }
    )


def _flat_wrist(thorax: Mat, flex: float, abd: float, k: float, elbow: float) -> float:
    """The wrist angle that lays the hand level with the floor, fingers ahead.

    The fingertip's surface is a little thinner than the wrist's, so the hand
    tips down just enough for both to rest on the floor together.
    """
    m = _mm(thorax, _mm(_ry(-flex), _rx(k * abd)))
    lo, hi = LIMITS["wrist"]
    drop = -(RADIUS["forearm"] * 0.8 - RADIUS["hand"]) / HAND
    best, best_err = 0.0, math.inf
    for step in range(int(lo), int(hi) + 1, 2):
        # The hand's direction: the forearm's frame turned by elbow + wrist.
        th = math.radians(elbow + step)
        dz = m[6] * math.sin(th) - m[8] * math.cos(th)
        dx = m[0] * math.sin(th) - m[2] * math.cos(th)
        err = abs(dz - drop) + (0.0 if dx >= 0 else 10.0)
        if err < best_err:
            best, best_err = float(step), err
    # Refine between the coarse steps (secant on the height error).
    for _ in range(2):
        th = math.radians(elbow + best)
        dz = m[6] * math.sin(th) - m[8] * math.cos(th)
        slope = m[6] * math.cos(th) + m[8] * math.sin(th)
        if abs(slope) < 1e-6:
            break
        best = min(hi, max(lo, best - math.degrees((dz - drop) / slope)))
    return best


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


@dataclass(frozen=True)
class Reach:
    """Keep a hand on a point of the body (``"r_knee_front"``) or of the helper."""

    side: str
    anchor: str  # a skeleton point name, or "@world" for ``offset`` itself
    on_helper: bool = False
    offset: Vec = (0.0, 0.0, 0.0)
    toward: str = ""  # optional second point: aim ``fraction`` of the way there
    fraction: float = 0.0
    flat: bool = False  # palm flat on the floor: the wrist goes to the target

    def target(self, skel: Skeleton) -> Vec:
        if self.anchor == "@world":
            return self.offset
        base = skel[self.anchor]
        if self.toward:
            base = _add(base, _scale(_sub(skel[self.toward], base), self.fraction))
        return _add(base, self.offset)


# --- resting contacts: what lies on the floor, a ball, a seat, a wall -------


# How far each named point sits inside the body's surface: a point at the
# centre of a limb rests when it is this far above its support. Anchors that
# already sit on the skin (a buttock, the low back) have no entry: 0.
SURFACE_RADIUS: Final[Mapping[str, float]] = dict(_SURFACE_POINTS)


@dataclass(frozen=True)
class Support:
    """A surface the body can rest on.

    ``floor``: ``z = 0``; ``plane``: a horizontal top at height ``at`` (a
    chair seat, a block); ``wall``: the plane ``x = at`` with the body on its
    ``-x`` side; ``ball``: a sphere at ``centre`` of ``radius``.
    """

    kind: str = "floor"
    at: float = 0.0
    centre: Vec = (0.0, 0.0, 0.0)
    radius: float = 0.0
    name: str = "floor"

    def gap(self, p: Vec, r: float) -> float:
        """Distance from a body surface of radius ``r`` round ``p`` to this support."""
        if self.kind == "floor":
            return p[2] - r
        if self.kind == "plane":
            return p[2] - r - self.at
        if self.kind == "wall":
            return self.at - p[0] - r
        return _norm(_sub(p, self.centre)) - r - self.radius

    def mirrored(self) -> Support:
        return replace(self, centre=(self.centre[0], -self.centre[1], self.centre[2]))


FLOOR_SUPPORT: Final = Support()


@dataclass(frozen=True)
class Rest:
    """A body point that rests on a support in a frame (and keeps resting)."""

    point: str
    on: Support = FLOOR_SUPPORT

    def gap(self, skel: Skeleton) -> float:
        return self.on.gap(skel[self.point], SURFACE_RADIUS.get(self.point, 0.0))

    def mirrored(self) -> Rest:
        return Rest(_swap_side(self.point), self.on.mirrored())


def rests_on(support: Support, *points: str) -> tuple[Rest, ...]:
    return tuple(Rest(p, support) for p in points)


def on_floor(*points: str) -> tuple[Rest, ...]:
    return rests_on(FLOOR_SUPPORT, *points)


def _swap_side(name: str) -> str:
    if name[:2] in ("l_", "r_"):
        return ("r_" if name[0] == "l" else "l_") + name[2:]
    return name


@dataclass(frozen=True)
class Frame:
    """Everything posed at one instant: the person, a helper, hand contacts.

    ``rests`` name the body points that lie on a support in this frame; a
    movement between two frames keeps the points both of them rest resting
    (the pose is rocked back onto them, see :func:`settle`).
    """

    body: Pose
    helper: Pose | None = None
    reaches: tuple[Reach, ...] = ()
    helper_reaches: tuple[Reach, ...] = ()
    rests: tuple[Rest, ...] = ()


def mirrored_frame(frame: Frame) -> Frame:
    def swap(name: str) -> str:
        if name[:2] in ("l_", "r_"):
            return ("r_" if name[0] == "l" else "l_") + name[2:]
        return name

    def flip(r: Reach) -> Reach:
        side = "r" if r.side == "l" else "l"
        return Reach(
            side,
            swap(r.anchor),
            r.on_helper,
            (r.offset[0], -r.offset[1], r.offset[2]),
            swap(r.toward),
            r.fraction,
            r.flat,
        )

    return Frame(
        body=mirrored(frame.body),
        helper=mirrored(frame.helper) if frame.helper is not None else None,
        reaches=tuple(flip(r) for r in frame.reaches),
        helper_reaches=tuple(flip(r) for r in frame.helper_reaches),
        rests=tuple(r.mirrored() for r in frame.rests),
    )


def _apply_reaches(
    body: Pose, reaches: Sequence[Reach], helper: Pose | None, other: Pose | None
) -> Pose:
    """Resolve hand contacts of ``body``; ``other`` is the figure 'on_helper' names."""
    if not reaches:
        return body
    own = forward(body)
    oth = forward(other) if other is not None else None
    for r in reaches:
        src = oth if r.on_helper else own
        if src is None:
            continue
        body = reach(body, r.side, r.target(src), r.flat)
    return body


def resolve(frame: Frame) -> Frame:
    """The frame with every hand placed on its contact point."""
    body = _apply_reaches(frame.body, frame.reaches, frame.helper, frame.helper)
    helper = frame.helper
    if helper is not None and frame.helper_reaches:
        # The helper's hands name points on the person (``on_helper`` means
        # "the other figure" from the helper's point of view).
        helper = _apply_reaches(helper, frame.helper_reaches, None, body)
    return Frame(body, helper, frame.reaches, frame.helper_reaches, frame.rests)


def lerp_frame(a: Frame, b: Frame, t: float) -> Frame:
    """Blend two frames, hands blended between each end's resolved contact."""
    if t <= 0.0:
        return resolve(a)
    if t >= 1.0:
        return resolve(b)
    rests = common_rests(a.rests, b.rests)
    raw_body = settled_between(a.body, b.body, rests_to_settle(rests, a.reaches, b.reaches), t)
    raw_helper = (
        lerp_pose(a.helper, b.helper, t) if a.helper is not None and b.helper is not None else None
    )
    body = _blend_reaches(raw_body, a.reaches, b.reaches, t, raw_helper)
    helper = raw_helper
    if raw_helper is not None and (a.helper_reaches or b.helper_reaches):
        ha = _apply_reaches(raw_helper, a.helper_reaches, None, body)
        hb = _apply_reaches(raw_helper, b.helper_reaches, None, body)
        helper = lerp_pose(ha, hb, t)
    return Frame(
        body,
        helper,
        b.reaches if t >= 0.5 else a.reaches,
        b.helper_reaches if t >= 0.5 else a.helper_reaches,
        rests,
    )


_ARM_DOFS: Final = ("shoulder_flex", "shoulder_abd", "shoulder_rot", "elbow", "wrist")


def _blend_reaches(
    body: Pose, a: Sequence[Reach], b: Sequence[Reach], t: float, other: Pose | None
) -> Pose:
    """Hands between two contacts: the contact point itself travels.

    Blending the two ends' arm angles instead would swing a hand off the
    floor (or through it) mid-way, even though both ends rest on it.
    """
    if not a and not b:
        return body
    own = forward(body)
    oth = forward(other) if other is not None else None

    def target(r: Reach) -> Vec | None:
        src = oth if r.on_helper else own
        return r.target(src) if src is not None else None

    a_by, b_by = {r.side: r for r in a}, {r.side: r for r in b}
    out = body
    for side in SIDES:
        ra, rb = a_by.get(side), b_by.get(side)
        if ra is not None and rb is not None:
            ta, tb = target(ra), target(rb)
            if ta is None or tb is None:
                continue
            aim = _add(ta, _scale(_sub(tb, ta), t))
            out = reach(out, side, aim, (rb if t >= 0.5 else ra).flat)
        elif ra is not None or rb is not None:
            r = ra if ra is not None else rb
            assert r is not None
            aim_one = target(r)
            if aim_one is None:
                continue
            w = 1.0 - t if ra is not None else t
            placed = reach(body, side, aim_one, r.flat)
            out = out.with_(
                {
                    f"{side}_{d}": body[f"{side}_{d}"]
                    + (placed[f"{side}_{d}"] - body[f"{side}_{d}"]) * w
                    for d in _ARM_DOFS
                }
            )
    return out


def common_rests(a: Sequence[Rest], b: Sequence[Rest]) -> tuple[Rest, ...]:
    """The contacts both ends of a movement share: they hold all the way."""
    if not a or not b:
        return ()
    other = set(b)
    return tuple(r for r in a if r in other)


_ARM_POINTS: Final = ("shoulder", "elbow", "wrist", "hand")


def rests_to_settle(rests: tuple[Rest, ...], *reach_sets: Sequence[Reach]) -> tuple[Rest, ...]:
    """Rests the body's root can keep; a hand placed by a reach keeps itself."""
    placed = {r.side for reaches in reach_sets for r in reaches}
    return tuple(
        r
        for r in rests
        if not (
            r.point[:2] in ("l_", "r_") and r.point[0] in placed and r.point[2:] in _ARM_POINTS[1:]
        )
    )


# Which joint lets each resting part follow its support: a heel stays down
# by bending ankle and knee, a knee by the hip, a hand by the shoulder.
_FOLLOW: Final[Mapping[str, tuple[str, ...]]] = {
    "heel": ("ankle", "knee"),
    "toe": ("ankle", "knee"),
    "ankle": ("knee",),
    "knee": ("hip_flex",),
    "hand": ("shoulder_flex",),
    "wrist": ("shoulder_flex",),
    "elbow": ("shoulder_flex",),
}


def settle_dofs(rests: Sequence[Rest]) -> tuple[str, ...]:
    """The angles :func:`settle` may adjust: pitch, then the joints the rests name."""
    dofs = ["pitch"]
    for r in rests:
        if r.point == "head":
            extra: tuple[str, ...] = ("neck_flex",)
        elif r.point[:2] in ("l_", "r_"):
            extra = tuple(f"{r.point[:2]}{d}" for d in _FOLLOW.get(r.point[2:], ()))
        else:
            extra = ()
        dofs += [d for d in extra if d not in dofs]
    if any(r.on.kind == "ball" for r in rests):
        dofs.append("roll")  # a pelvis on a ball rolls over it
    return tuple(dofs)


def _residuals(pose: Pose, rests: Sequence[Rest]) -> tuple[list[float], float]:
    sk = _fk_raw(pose)
    gaps = [r.gap(sk) for r in rests]
    mean = sum(gaps) / len(gaps)
    return [g - mean for g in gaps], mean


def solve_linear(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (tiny, dense systems)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        piv = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[piv] = m[piv], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            for k in range(c, n + 1):
                m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        acc = m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))
        x[r] = acc / m[r][r] if abs(m[r][r]) > 1e-12 else 0.0
    return x


def _jacobian(
    pose: Pose, rests: Sequence[Rest], dofs: Sequence[str], base: list[float]
) -> list[list[float]]:
    h = 0.25
    cols = []
    for d in dofs:
        res, _ = _residuals(pose.with_({d: pose[d] + h}), rests)
        cols.append([(x - y) / h for x, y in zip(res, base, strict=True)])
    return cols  # one column per dof


# A Jacobian (one column per angle) that a run of settles can share and renew.
JacobianBox = list[list[list[float]] | None]


def settle(
    pose: Pose,
    rests: Sequence[Rest],
    iterations: int = 8,
    jac: JacobianBox | None = None,
    dofs: Sequence[str] | None = None,
) -> Pose:
    """Put every rest on its support: rock the body, bend the joints that carry them.

    Interpolating joint angles between two poses that both rest on, say,
    hands and knees lifts one end mid-way; tipping the body about the pelvis
    (pitch), bending the joint above each resting part a little and setting
    the height puts them all back down, as the floor would. Damped
    Gauss-Newton on the spread of the gaps; joint limits hold. ``dofs``
    overrides which angles may move (authoring a pose onto its contacts).
    """
    if not rests:
        return pose
    if dofs is None:
        dofs = settle_dofs(rests) if len({r.point for r in rests}) > 1 else ()
    rests = list(rests)
    box: JacobianBox = jac if jac is not None else [None]
    for _ in range(3):
        pose, mean = _settle_once(pose, rests, dofs, iterations, box)
        if pose.ground is not Ground.FLOOR:
            break
        # Rolling contact: a part that would dip below the rests (the back
        # as the pelvis lifts) rests too, so the floor carries it instead.
        sk = _fk_raw(pose)
        # (Arms are left out: a hand still waiting for its reach hangs anywhere.)
        low, point = min(
            (sk[p][2] - r, p) for p, r in _SURFACE_POINTS if p[2:] not in _ARM_POINTS[1:]
        )
        if low >= mean - 0.05 or any(r.point == point for r in rests):
            break
        rests.append(Rest(point))
        box = [None]  # one more row: the shared Jacobian no longer fits
    return pose.with_(z=pose["z"] - mean)


def _settle_once(
    pose: Pose, rests: Sequence[Rest], dofs: Sequence[str], iterations: int, jac: JacobianBox
) -> tuple[Pose, float]:
    res, mean = _residuals(pose, rests)
    err = sum(x * x for x in res)
    fresh = False
    for _ in range(iterations if dofs else 0):
        if err < 1e-6:  # every rest within 0.001 cm
            break
        cols = jac[0]
        if cols is None:
            cols = jac[0] = _jacobian(pose, rests, dofs, res)
            fresh = True
        n = len(dofs)
        jtj = [
            [
                sum(a * b for a, b in zip(cols[i], cols[k], strict=True))
                + (1e-3 if i == k else 0.0)
                for k in range(n)
            ]
            for i in range(n)
        ]
        jtr = [-math.fsum(a * b for a, b in zip(cols[i], res, strict=True)) for i in range(n)]
        step = solve_linear(jtj, jtr)
        scale = 1.0
        for _halving in range(4):  # backtrack: a joint limit can spoil a full step
            changes = {}
            for d, dx in zip(dofs, step, strict=True):
                val = pose[d] + max(-15.0, min(15.0, dx * scale))
                lim = limit_for(d)
                changes[d] = min(lim[1], max(lim[0], val)) if lim else val
            cand = pose.with_(changes)
            cres, cmean = _residuals(cand, rests)
            cerr = sum(x * x for x in cres)
            if cerr < err or not fresh:
                break
            scale *= 0.5
        if cerr >= err:
            if fresh:
                break
            jac[0] = None  # a borrowed Jacobian went stale: measure a fresh one
            continue
        pose, res, mean, err = cand, cres, cmean, cerr
    return pose, mean


_SETTLE_GRID: Final = 12


class _SettleTable:
    """Corrections (settle dofs, then z) on a grid of ``t``, filled as frames ask.

    Settling costs a few kinematics evaluations per grid point when the
    Jacobian of one point serves the next (the poses differ little), so the
    grid is filled outwards from whichever end a frame is nearer, one point
    at a time: the first frames of a movement settle two grid points, not
    thirteen, and a movement that plays to its end has filled the table.
    """

    def __init__(self, a: Pose, b: Pose, rests: tuple[Rest, ...]) -> None:
        self.a, self.b, self.rests = a, b, rests
        self.dofs = settle_dofs(rests) if len({r.point for r in rests}) > 1 else ()
        self.rows: dict[int, tuple[float, ...]] = {}
        self.lo, self.hi = 0, _SETTLE_GRID  # next grid point to fill from each end
        self.jac_lo: JacobianBox = [None]
        self.jac_hi: JacobianBox = [None]

    def _fill(self, i: int, jac: JacobianBox) -> None:
        raw = (
            lerp_pose(self.a, self.b, i / _SETTLE_GRID)
            if 0 < i < _SETTLE_GRID
            else (
                self.a,
                self.b,
            )[i > 0]
        )
        fixed = settle(raw, self.rests, jac=jac)
        self.rows[i] = tuple(fixed[d] - raw[d] for d in self.dofs) + (fixed["z"] - raw["z"],)

    def row(self, i: int) -> tuple[float, ...]:
        while i not in self.rows:
            if i - self.lo <= self.hi - i:
                self._fill(self.lo, self.jac_lo)
                self.lo += 1
            else:
                self._fill(self.hi, self.jac_hi)
                self.hi -= 1
        return self.rows[i]


@lru_cache(maxsize=512)
def _settle_table(a: Pose, b: Pose, rests: tuple[Rest, ...]) -> _SettleTable:
    return _SettleTable(a, b, rests)


def settled_between(a: Pose, b: Pose, rests: tuple[Rest, ...], t: float) -> Pose:
    """``lerp_pose(a, b, t)`` put back on the rests both ends share."""
    raw = lerp_pose(a, b, t)
    if not rests or t <= 0.0 or t >= 1.0:
        return raw
    # One table serves a movement and its way back.
    if a.values > b.values:
        table = _settle_table(b, a, rests)
        x = (1.0 - t) * _SETTLE_GRID
    else:
        table = _settle_table(a, b, rests)
        x = t * _SETTLE_GRID
    i = min(_SETTLE_GRID - 1, int(x))
    f = x - i
    lo, hi = table.row(i), table.row(i + 1)
    fix = [p + (q - p) * f for p, q in zip(lo, hi, strict=True)]
    changes = {d: raw[d] + c for d, c in zip(table.dofs, fix, strict=False)}
    changes["z"] = raw["z"] + fix[-1]
    return raw.with_(changes)


@dataclass(frozen=True)
class Keyframe:
    """Arrive at ``frame`` ``duration`` seconds after the previous keyframe."""

    frame: Frame
    duration: float = 1.0
    easing: Easing = Easing.IN_OUT


@dataclass(frozen=True)
class Clip:
    keyframes: tuple[Keyframe, ...]
    loop: bool = False

    def __post_init__(self) -> None:
        if not self.keyframes:
            raise ValueError("a clip needs at least one keyframe")
        if any(k.duration < 0 for k in self.keyframes):
            raise ValueError("keyframe durations must not be negative")

    @property
    def length(self) -> float:
        return sum(k.duration for k in self.keyframes[1:])

    def sample(self, t: float) -> Frame:
        ks = self.keyframes
        total = self.length
        if len(ks) == 1 or total <= 0:
            return resolve(ks[0].frame) if t <= 0 or len(ks) == 1 else resolve(ks[-1].frame)
        if self.loop:
            t = t % total
        if t <= 0:
            return resolve(ks[0].frame)
        for prev, nxt in zip(ks, ks[1:], strict=False):
            if t <= nxt.duration:
                u = t / nxt.duration if nxt.duration > 0 else 1.0
                return lerp_frame(prev.frame, nxt.frame, ease(nxt.easing, u))
            t -= nxt.duration
        return resolve(ks[-1].frame)


def breathing(frame: Frame, t: float, depth: float = 1.0) -> Frame:
    """A calm breath (about 12 a minute) laid over a held frame."""
    phase = 0.5 - 0.5 * math.cos(2 * math.pi * t / 5.0)
    body = frame.body
    # Standing or kneeling, the chest lifts by extending a little; lying on
    # the back that would press the upper back into the mat, so there the
    # breath rounds the chest up off it instead.
    on_back = any(r.point == "mid_back" for r in frame.rests)
    sign = 1.0 if on_back else -1.0
    inhaled = body.with_(
        thorax_flex=body["thorax_flex"] + sign * 2.0 * depth,
        neck_flex=body["neck_flex"] - sign * 1.0 * depth,
    )
    # The breath is a movement like any other: what rests keeps resting.
    body = settled_between(body, inhaled, rests_to_settle(frame.rests, frame.reaches), phase)
    return Frame(body, frame.helper, frame.reaches, frame.helper_reaches, frame.rests)


# --- cameras and 2D drawing ----------------------------------------------------


class View(StrEnum):
    SIDE = "side"  # from the person's right (or left, when the left side works)
    FRONT = "front"  # facing the person (for a lying person: from their feet)
    TOP = "top"  # from above


@dataclass(frozen=True)
class Camera:
    """An orthographic camera: a base view, turned and tilted a little if asked.

    ``azimuth`` swings a side camera towards the person's front (or a front
    camera towards their left) so a limb crossing the body is not seen
    end-on; ``elevation`` lifts it to look down. Both in degrees.
    """

    view: View
    from_left: bool = False  # side view from the person's left (image flipped)
    azimuth: float = 0.0
    elevation: float = 0.0

    def _basis(self) -> tuple[Vec, Vec, Vec]:
        if self.view is View.TOP:
            return (1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)
        a = math.radians(self.azimuth)
        if self.view is View.SIDE:
            sign = -1.0 if self.from_left else 1.0
            d = (math.sin(a), -sign * math.cos(a), 0.0)
            u = (sign * math.cos(a), math.sin(a), 0.0)
        else:
            d = (math.cos(a), math.sin(a), 0.0)
            u = (-math.sin(a), math.cos(a), 0.0)
        e = math.radians(self.elevation)
        ce, se = math.cos(e), math.sin(e)
        depth = (d[0] * ce, d[1] * ce, se)
        up = (-d[0] * se, -d[1] * se, ce)
        return u, up, depth

    def project(self, p: Vec) -> tuple[float, float, float]:
        """World point -> (u right, v up, depth towards the viewer)."""
        u, v, d = self._basis()
        return (
            p[0] * u[0] + p[1] * u[1] + p[2] * u[2],
            p[0] * v[0] + p[1] * v[1] + p[2] * v[2],
            p[0] * d[0] + p[1] * d[1] + p[2] * d[2],
        )

    @property
    def shows_floor_line(self) -> bool:
        return self.view is not View.TOP and not self.elevation


class Ink(StrEnum):
    """Colour roles; the palette (Qt and SVG alike) maps these to colours."""

    BODY = "body"
    BODY_FAR = "body_far"
    OUTLINE = "outline"
    HELPER = "helper"
    HELPER_FAR = "helper_far"
    HELPER_OUTLINE = "helper_outline"
    PROP = "prop"
    PROP_DARK = "prop_dark"
    MAT = "mat"
    MAT_AREA = "mat_area"  # a mat seen from above, under the body
    BAND = "band"
    STRAP = "strap"
    FLOOR = "floor"
    WALL = "wall"
    GLOW = "glow"
    GHOST = "ghost"  # where a movement starts, faint behind the still image
    GHOST_OUTLINE = "ghost_outline"


PALETTE: Final[Mapping[Ink, str]] = {
    # Mid-tone fills with a dark outline read on white and on near-black.
    Ink.BODY: "#3f7fcf",
    Ink.BODY_FAR: "#8db4e4",
    Ink.OUTLINE: "#1d3557",
    Ink.HELPER: "#6b9e78",
    Ink.HELPER_FAR: "#a9cdb1",
    Ink.HELPER_OUTLINE: "#29473a",
    Ink.PROP: "#a89a86",
    Ink.PROP_DARK: "#6f6455",
    Ink.MAT: "#5fb3a9",
    Ink.MAT_AREA: "#d3ebe7",
    Ink.BAND: "#e0a030",
    Ink.STRAP: "#c0504d",
    Ink.FLOOR: "#8a8f98",
    Ink.WALL: "#b9b2a6",
    Ink.GLOW: "#ff6a3d",
    # Light enough to sit behind the figure on white, dark enough on black.
    Ink.GHOST: "#b7c3d3",
    Ink.GHOST_OUTLINE: "#8593a6",
}


@dataclass(frozen=True)
class Shape:
    """One thing to paint, in view units (cm, v up)."""

    kind: str  # "chain" (rounded limb), "poly", "disc", "glow", "line"
    points: tuple[tuple[float, float], ...]
    widths: tuple[float, ...] = ()  # chain: one per segment; line: one
    fill: Ink | None = None
    stroke: Ink | None = None
    radius: float = 0.0  # disc, glow
    depth: float = 0.0


@dataclass(frozen=True)
class Drawing:
    shapes: tuple[Shape, ...]

    def bounds(self) -> tuple[float, float, float, float]:
        """(min_u, min_v, max_u, max_v) including line widths and radii."""
        xs: list[float] = []
        ys: list[float] = []
        for s in self.shapes:
            pad = max([s.radius, *(w / 2 for w in s.widths), 0.0])
            for u, v in s.points:
                xs += [u - pad, u + pad]
                ys += [v - pad, v + pad]
        if not xs:
            return (0.0, 0.0, 1.0, 1.0)
        return (min(xs), min(ys), max(xs), max(ys))


# Props are 3D shapes so every camera draws them consistently.


@dataclass(frozen=True)
class Prop:
    kind: str  # "line" (thick polyline), "poly" (filled), "ball", "floor"
    points: tuple[Vec, ...] = ()
    anchors: tuple[str, ...] = ()  # body anchors appended to the points (strap, band)
    helper_anchors: tuple[str, ...] = ()
    width: float = 3.0
    radius: float = 0.0
    ink: Ink = Ink.PROP
    depth_bias: float = 0.0
    offset: Vec = (0.0, 0.0, 0.0)  # added to every anchored point


def mirrored_prop(prop: Prop) -> Prop:
    """The prop on the other side of the body (a post held by the other hand)."""

    def swap(name: str) -> str:
        if name[:2] in ("l_", "r_"):
            return ("r_" if name[0] == "l" else "l_") + name[2:]
        return name

    return replace(
        prop,
        points=tuple((p[0], -p[1], p[2]) for p in prop.points),
        anchors=tuple(swap(a) for a in prop.anchors),
        helper_anchors=tuple(swap(a) for a in prop.helper_anchors),
        offset=(prop.offset[0], -prop.offset[1], prop.offset[2]),
    )


def _chain(
    cam: Camera, pts: Sequence[Vec], widths: Sequence[float], fill: Ink, stroke: Ink, bias: float
) -> Shape:
    proj = [cam.project(p) for p in pts]
    depth = sum(p[2] for p in proj) / len(proj) + bias
    return Shape(
        "chain", tuple((p[0], p[1]) for p in proj), tuple(widths), fill, stroke, depth=depth
    )


def figure_shapes(
    skel: Skeleton, cam: Camera, helper: bool = False, ghost: bool = False
) -> list[Shape]:
    """The body as rounded chains, sorted later by depth."""
    ink, far, outline = (
        (Ink.HELPER, Ink.HELPER_FAR, Ink.HELPER_OUTLINE)
        if helper
        else (Ink.BODY, Ink.BODY_FAR, Ink.OUTLINE)
    )
    if ghost:
        ink, far, outline = Ink.GHOST, Ink.GHOST, Ink.GHOST_OUTLINE
    out: list[Shape] = []
    centre = cam.project(skel["pelvis"])[2]
    lateral = cam.view is View.SIDE or (
        cam.view is View.TOP
        and abs(cam.project(skel["l_hip"])[2] - cam.project(skel["r_hip"])[2]) > HIP_HALF
    )
    for s in SIDES:
        leg = [skel[f"{s}_hip"], skel[f"{s}_knee"], skel[f"{s}_ankle"]]
        foot = [skel[f"{s}_heel"], skel[f"{s}_toe"]]
        arm = [skel[f"{s}_shoulder"], skel[f"{s}_elbow"], skel[f"{s}_wrist"], skel[f"{s}_hand"]]
        # Which side of the body a leg hangs from decides near or far; the
        # feet would not: with a turned camera a far leg flexed towards the
        # head or a near foot planted far down the mat reads the wrong way.
        is_far = lateral and cam.project(skel[f"{s}_hip"])[2] < centre - 1.0
        arm_depth = cam.project(skel[f"{s}_shoulder"])[2]
        arm_far = lateral and arm_depth < cam.project(skel["neck"])[2] - 1.0
        w = RADIUS
        out.append(
            _chain(
                cam,
                leg + [skel[f"{s}_ankle"]],
                (w["thigh"] * 2, w["shin"] * 2, w["shin"] * 2),
                far if is_far else ink,
                outline,
                -0.5,
            )
        )
        out.append(_chain(cam, foot, (w["foot"] * 2,), far if is_far else ink, outline, -0.4))
        out.append(
            _chain(
                cam,
                arm,
                (w["upper_arm"] * 2, w["forearm"] * 2, w["hand"] * 2),
                far if arm_far else ink,
                outline,
                0.6,
            )
        )
    # Trunk: the outline of hips, waist and shoulders, so it reads as a
    # rounded band from the side and as a torso from the front.
    trunk_pts: list[Vec] = []
    r1 = skel.frames["lumbar"]
    waist_half = 12.0
    trunk_pts.append(skel["l_hip"])
    trunk_pts.append(_add(skel["mid_back"], _mv(r1, (0.0, waist_half, 0.0))))
    trunk_pts.append(skel["l_shoulder"])
    trunk_pts.append(skel["r_shoulder"])
    trunk_pts.append(_add(skel["mid_back"], _mv(r1, (0.0, -waist_half, 0.0))))
    trunk_pts.append(skel["r_hip"])
    proj = [cam.project(p) for p in trunk_pts]
    out.append(
        Shape(
            "poly",
            tuple((p[0], p[1]) for p in proj),
            (RADIUS["trunk"] * 2,),
            ink,
            outline,
            depth=centre,
        )
    )
    out.append(
        _chain(cam, [skel["neck"], skel["head_base"]], (RADIUS["neck"] * 2,), ink, outline, 0.2)
    )
    hu, hv, hd = cam.project(skel["head"])
    nu, nv, nd = cam.project(skel["nose"])
    # A bare circle cannot say which way a person faces, and a back bend read
    # from behind is a forward bend: a nose in profile and the eyes that face
    # the camera settle it.
    profile = math.hypot(nu - hu, nv - hv) > HEAD_R * 0.5
    if profile:
        out.append(Shape("disc", ((nu, nv),), (), ink, outline, radius=3.2, depth=hd + 0.25))
    out.append(Shape("disc", ((hu, hv),), (), ink, outline, radius=HEAD_R, depth=hd + 0.3))
    if profile:
        # Hair on the back of the head: the cue that still reads in a thumbnail.
        r3, head = skel.frames["head"], skel["head"]
        cap = [
            _add(head, _mv(r3, (math.cos(a) * r * HEAD_R + dx, 0.0, math.sin(a) * r * HEAD_R)))
            for r, dx, angles in _HAIR
            for a in angles
        ]
        out.append(
            Shape(
                "poly", tuple(cam.project(q)[:2] for q in cap), (), outline, None, depth=hd + 0.305
            )
        )
    for s in SIDES:
        eu, ev, ed = cam.project(skel[f"{s}_eye"])
        if ed - hd > HEAD_R * 0.2:
            out.append(Shape("disc", ((eu, ev),), (), outline, None, radius=1.7, depth=hd + 0.31))
    return out


_AREA_ANCHORS: Final[Mapping[str, tuple[tuple[str, float], ...]]] = {
    # area -> (anchor, glow radius); "*" is the working side.
    "lower_back": (("lower_back", 12.0),),
    "mid_back": (("upper_back", 13.0),),
    "side_of_back": (("*_side_back", 11.0),),
    "buttock": (("*_buttock", 11.0),),
    "glutes": (("l_buttock", 10.0), ("r_buttock", 10.0)),
    "back_of_hip": (("*_buttock", 10.0),),
    "outer_hip": (("*_outer_hip", 10.0),),
    "back_of_thigh": (("*_hamstring", 13.0),),
    "back_of_leg": (("*_hamstring", 11.0), ("*_calf", 10.0)),
    "hip_flexors": (("*_hip_front", 10.0),),
    "abdomen": (("abdomen", 12.0),),
}


def highlight_points(
    skel: Skeleton, areas: Iterable[str], side: str | None
) -> list[tuple[Vec, float]]:
    """Where to glow for each area; both sides when no side is worked."""
    out: list[tuple[Vec, float]] = []
    for area in areas:
        for anchor, radius in _AREA_ANCHORS.get(str(area), ()):
            if anchor.startswith("*"):
                sides = (side,) if side else SIDES
                out += [(skel[s + anchor[1:]], radius) for s in sides]
            else:
                out.append((skel[anchor], radius))
    return out


def drawing(
    frame: Frame,
    cam: Camera,
    props: Sequence[Prop] = (),
    areas: Iterable[str] = (),
    side: str | None = None,
    glow: float = 1.0,
    ghost: Frame | None = None,
) -> Drawing:
    """Everything to paint for one frame, far to near.

    ``ghost`` (a still image of a movement) draws where the movement starts,
    faint and behind the figure, so the picture shows the travel.
    """
    body = forward(frame.body)
    helper = forward(frame.helper) if frame.helper is not None else None
    shapes: list[Shape] = figure_shapes(body, cam)
    if ghost is not None:
        shapes += [
            replace(g, depth=g.depth - GHOST_BEHIND)
            for g in figure_shapes(forward(ghost.body), cam, ghost=True)
        ]
    if helper is not None:
        shapes += figure_shapes(helper, cam, helper=True)
    for prop in props:
        shapes.extend(_prop_shapes(prop, cam, body, helper))
    if glow > 0:
        for centre, radius in highlight_points(body, areas, side):
            u, v, _ = cam.project(centre)
            shapes.append(
                Shape("glow", ((u, v),), (), Ink.GLOW, radius=radius * glow, depth=GLOW_DEPTH)
            )
    shapes.sort(key=lambda s: s.depth)
    return Drawing(tuple(shapes))


# Glows lie over the body; a prop with a larger depth bias (the ball under a
# buttock) is drawn over its glow so the glow never hides it.
GLOW_DEPTH: Final = 1e6
GHOST_BEHIND: Final = 1e4  # behind every part of the figure, in front of floor and mat


def _prop_shapes(prop: Prop, cam: Camera, body: Skeleton, helper: Skeleton | None) -> list[Shape]:
    pts = list(prop.points) + [_add(body[a], prop.offset) for a in prop.anchors]
    if helper is not None:
        pts += [_add(helper[a], prop.offset) for a in prop.helper_anchors]
    if prop.kind == "pedestal" and pts:
        # A box from the floor up to just under the anchored point (a heel rest).
        top = pts[-1]
        half = prop.radius
        pts = [
            (top[0] - half, top[1], 0.0),
            (top[0] + half, top[1], 0.0),
            (top[0] + half, top[1], top[2]),
            (top[0] - half, top[1], top[2]),
        ]
        proj = [cam.project(p) for p in pts]
        return [
            Shape(
                "poly",
                tuple((p[0], p[1]) for p in proj),
                (prop.width,),
                prop.ink,
                prop.ink,
                depth=sum(p[2] for p in proj) / 4 + prop.depth_bias,
            )
        ]
    if prop.kind == "floor":
        if not cam.shows_floor_line:
            return []
        # A floor line under everything, as wide as the figure needs.
        return [Shape("line", ((-1e4, -0.8), (1e4, -0.8)), (1.6,), stroke=Ink.FLOOR, depth=-1e6)]
    proj = [cam.project(p) for p in pts]
    depth = (sum(p[2] for p in proj) / len(proj) if proj else 0.0) + prop.depth_bias
    flat = tuple((p[0], p[1]) for p in proj)
    if prop.kind == "loop" and len(pts) == 2:
        # A band round two limbs: it runs past each one by a limb's thickness.
        a, b = pts
        d = _sub(b, a)
        n = max(1e-6, _norm(d))
        ext = _scale(d, RADIUS["thigh"] / n)
        ends = [cam.project(_sub(a, ext)), cam.project(_add(b, ext))]
        return [
            Shape(
                "line",
                tuple((p[0], p[1]) for p in ends),
                (prop.width,),
                stroke=prop.ink,
                depth=depth,
            )
        ]
    if prop.kind == "ball":
        return [
            Shape("disc", flat[:1], (), prop.ink, Ink.PROP_DARK, radius=prop.radius, depth=depth)
        ]
    if prop.kind == "poly":
        return [Shape("poly", flat, (prop.width,), prop.ink, prop.ink, depth=depth)]
    return [Shape("line", flat, (prop.width,), stroke=prop.ink, depth=depth)]


def frame_bounds(
    frames: Iterable[Frame], cam: Camera, props: Sequence[Prop] = (), margin: float = 8.0
) -> tuple[float, float, float, float]:
    """A box that holds every frame, so the figure never jumps or zooms."""
    box = [math.inf, math.inf, -math.inf, -math.inf]
    for fr in frames:
        d = drawing(resolve(fr), cam, props)
        bx = Drawing(tuple(s for s in d.shapes if abs(s.points[0][0]) < 1e3)).bounds()
        box = [min(box[0], bx[0]), min(box[1], bx[1]), max(box[2], bx[2]), max(box[3], bx[3])]
    return (box[0] - margin, min(box[1], 0.0) - margin, box[2] + margin, box[3] + margin)


# --- SVG ---------------------------------------------------------------------------


def _n(x: float) -> str:
    """Short, stable number text, so regenerated SVGs compare byte for byte."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def svg_document(
    drawing_: Drawing,
    bounds: tuple[float, float, float, float],
    width: int,
    height: int,
    background: str | None = None,
    corner: float = 0.0,
    outline_cm: float = 1.3,
) -> str:
    """The drawing as a standalone SVG, laid out exactly like the Qt painter does."""
    pad = max(2.0, min(width, height) * 0.04)
    rw, rh = width - 2 * pad, height - 2 * pad
    bw = max(1e-6, bounds[2] - bounds[0])
    bh = max(1e-6, bounds[3] - bounds[1])
    k = min(rw / bw, rh / bh)
    ox = pad + (rw - bw * k) / 2 - bounds[0] * k
    oy = pad + (rh + bh * k) / 2 + bounds[1] * k
    ow = outline_cm * k

    def pt(uv: tuple[float, float]) -> tuple[float, float]:
        return (ox + uv[0] * k, oy - uv[1] * k)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">'
    ]
    if background is not None:
        out.append(
            f'<rect width="{width}" height="{height}" rx="{_n(corner)}" fill="{background}"/>'
        )
    defs: list[str] = []
    body: list[str] = []
    for i, s in enumerate(drawing_.shapes):
        pts = [pt(p) for p in s.points]
        if s.kind == "chain" and s.fill is not None and s.stroke is not None:
            for ink, extra in ((s.stroke, 2 * ow), (s.fill, 0.0)):
                for j, w in enumerate(s.widths):
                    (x1, y1), (x2, y2) = pts[j], pts[j + 1]
                    body.append(
                        f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
                        f'stroke="{PALETTE[ink]}" stroke-width="{_n(w * k + extra)}" '
                        f'stroke-linecap="round"/>'
                    )
        elif s.kind == "poly":
            fill = s.fill or Ink.PROP
            w = (s.widths[0] if s.widths else 0.0) * k
            coords = " ".join(f"{_n(x)},{_n(y)}" for x, y in pts)
            if s.stroke is not None and s.stroke is not fill:
                body.append(
                    f'<polygon points="{coords}" fill="{PALETTE[fill]}" '
                    f'stroke="{PALETTE[s.stroke]}" stroke-width="{_n(w + 2 * ow)}" '
                    f'stroke-linejoin="round"/>'
                )
            body.append(
                f'<polygon points="{coords}" fill="{PALETTE[fill]}" '
                f'stroke="{PALETTE[fill]}" stroke-width="{_n(max(w, 0.5))}" '
                f'stroke-linejoin="round"/>'
            )
        elif s.kind == "disc":
            (x, y) = pts[0]
            stroke = (
                f' stroke="{PALETTE[s.stroke]}" stroke-width="{_n(ow * 2)}"' if s.stroke else ""
            )
            body.append(
                f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(s.radius * k)}" '
                f'fill="{PALETTE[s.fill or Ink.PROP]}"{stroke}/>'
            )
        elif s.kind == "glow":
            (x, y) = pts[0]
            c = PALETTE[Ink.GLOW]
            defs.append(
                f'<radialGradient id="g{i}"><stop offset="0" stop-color="{c}" '
                f'stop-opacity="0.78"/><stop offset="0.55" stop-color="{c}" '
                f'stop-opacity="0.47"/><stop offset="1" stop-color="{c}" '
                f'stop-opacity="0"/></radialGradient>'
            )
            body.append(
                f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(s.radius * k)}" fill="url(#g{i})"/>'
            )
        elif s.kind == "line" and s.stroke is not None:
            clipped = [(min(max(x, 0.0), float(width)), y) for x, y in pts]
            coords = " ".join(f"{_n(x)},{_n(y)}" for x, y in clipped)
            w = (s.widths[0] if s.widths else 1.0) * k
            body.append(
                f'<polyline points="{coords}" fill="none" stroke="{PALETTE[s.stroke]}" '
                f'stroke-width="{_n(max(w, 0.5))}" stroke-linecap="round" '
                f'stroke-linejoin="round"/>'
            )
    if defs:
        out.append("<defs>" + "".join(defs) + "</defs>")
    out.extend(body)
    out.append("</svg>")
    return "\n".join(out) + "\n"
