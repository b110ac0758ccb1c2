"""Forward kinematics (joint angles to world points) and reaching a hand to a point."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from stretchguide.core.figures.body import (
    _INDEX,
    ANKLE_H,
    DOFS,
    FOOT_FWD,
    FOREARM,
    HAND,
    HEAD_R,
    HEEL_BACK,
    HIP_DROP,
    HIP_HALF,
    LIMB_DOFS,
    LIMITS,
    LUMBAR,
    NECK,
    RADIUS,
    SHIN,
    SHOULDER_DROP,
    SHOULDER_HALF,
    SIDES,
    THIGH,
    THORAX,
    UPPER_ARM,
    Ground,
    Pose,
)
from stretchguide.core.figures.vectors import (
    Mat,
    Vec,
    _add,
    _mm,
    _mtv,
    _mv,
    _norm,
    _rx,
    _ry,
    _rz,
    _scale,
    _sub,
)

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
    r3 = _turn_x(_turn_y(r2, p["neck_flex"]), -p["neck_side"])
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


def reach(
    pose: Pose,
    side: str,
    target: Vec,
    flat: bool = False,
    elbow_to: Vec | None = None,
    elbow_z: float | None = None,
) -> Pose:
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
    if elbow_to is not None:
        on = None if elbow_z is None else elbow_z - shoulder[2]
        return _reach_swivel(pose, skel.frames["thorax"], side, d, a, b, flat, elbow_to, on)
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


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _reach_swivel(
    pose: Pose,
    thorax: Mat,
    side: str,
    d: Vec,
    a: float,
    b: float,
    flat: bool,
    elbow_to: Vec,
    elbow_dz: float | None = None,
) -> Pose:
    """``reach`` with the elbow swung towards the world direction ``elbow_to``.

    The arm turns about its own axis (shoulder rotation), so the elbow can
    point up and back while the palm is flat beside the chest (a press-up
    lying down), which the one-plane arm of ``reach`` cannot do.
    """
    k = 1.0 if side == "l" else -1.0
    dist = max(1e-6, min(_norm(d), a + b - 1e-6))
    n = _scale(d, 1.0 / max(1e-9, _norm(d)))
    # The elbow lies on a circle round the shoulder-to-target line.
    c = (a * a - b * b + dist * dist) / (2 * dist)
    r = math.sqrt(max(0.0, a * a - c * c))
    h = _mtv(thorax, elbow_to)
    h = _sub(h, _scale(n, _dot(h, n)))
    hn = _norm(h)
    h = _scale(h, 1.0 / hn) if hn > 1e-9 else (0.0, 0.0, 0.0)
    e_pt = _add(_scale(n, c), _scale(h, r))
    if elbow_dz is not None and hn > 1e-9:
        # The elbow rests on the mat: of the circle's points at the height
        # ``elbow_dz`` below the shoulder, the one nearest ``elbow_to``.
        h2 = (n[1] * h[2] - n[2] * h[1], n[2] * h[0] - n[0] * h[2], n[0] * h[1] - n[1] * h[0])
        up = _mtv(thorax, (0.0, 0.0, 1.0))
        ca, cb = _dot(up, h) * r, _dot(up, h2) * r
        span = math.hypot(ca, cb)
        if span > 1e-9:
            q = max(-1.0, min(1.0, (elbow_dz - c * _dot(up, n)) / span))
            phi, alpha = math.atan2(cb, ca), math.acos(q)
            th = min(
                (phi + alpha, phi - alpha),
                key=lambda x: abs((x + math.pi) % (2 * math.pi) - math.pi),
            )
            e_pt = _add(
                _scale(n, c), _add(_scale(h, r * math.cos(th)), _scale(h2, r * math.sin(th)))
            )
    u = _scale(e_pt, 1.0 / a)
    w = _sub(_scale(n, dist), e_pt)
    cos_e = _dot(u, w) / max(1e-9, _norm(w))
    elbow = min(math.degrees(math.acos(max(-1.0, min(1.0, cos_e)))), LIMITS["elbow"][1])
    # Upper arm u = Ry(-flex) Rx(k abd) (0, 0, -1) in the thorax's frame; the
    # same turn has two sets of angles, keep the one inside the joints' range.
    phi = math.degrees(math.asin(max(-1.0, min(1.0, u[1]))))
    theta = math.degrees(math.atan2(-u[0], -u[2]))
    best: tuple[float, float, float, float] | None = None
    for th, ph in ((theta, phi), (theta + 180.0, 180.0 - phi)):
        flex = (-th + 180.0) % 360.0 - 180.0
        if flex < LIMITS["shoulder_flex"][0]:
            flex += 360.0
        abd = k * ((ph + 180.0) % 360.0 - 180.0)
        m = _mm(_ry(-flex), _rx(k * abd))
        g = _mtv(m, w)
        rot = (k * math.degrees(math.atan2(g[1], g[0])) + 180.0) % 360.0 - 180.0
        over = sum(
            max(0.0, LIMITS[j][0] - v, v - LIMITS[j][1])
            for j, v in (("shoulder_flex", flex), ("shoulder_abd", abd), ("shoulder_rot", rot))
        )
        if best is None or over < best[0]:
            best = (over, flex, abd, rot)
    assert best is not None
    _, flex, abd, rot = best
    lo, hi = LIMITS["shoulder_rot"]
    rot = min(hi, max(lo, rot))
    m = _mm(_mm(_ry(-flex), _rx(k * abd)), _rz(k * rot))
    wrist = _flat_wrist_m(_mm(thorax, m), elbow) if flat else 0.0
    return pose.with_(
        {
            f"{side}_shoulder_flex": flex,
            f"{side}_shoulder_abd": abd,
            f"{side}_shoulder_rot": rot,
            f"{side}_elbow": elbow,
            f"{side}_wrist": wrist,
        }
    )


def _flat_wrist(thorax: Mat, flex: float, abd: float, k: float, elbow: float) -> float:
    """The wrist angle that lays the hand level with the floor, fingers ahead.

    The fingertip's surface is a little thinner than the wrist's, so the hand
    tips down just enough for both to rest on the floor together.
    """
    return _flat_wrist_m(_mm(thorax, _mm(_ry(-flex), _rx(k * abd))), elbow)


def _flat_wrist_m(m: Mat, elbow: float) -> float:
    """``_flat_wrist`` for the upper arm's frame ``m`` in the world."""
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
