"""Keeping resting points on their supports while a pose moves: the contact solver."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Final

from stretchguide.core.figures.body import Ground, Pose, limit_for
from stretchguide.core.figures.contacts import Reach, Rest
from stretchguide.core.figures.easing import lerp_pose
from stretchguide.core.figures.kinematics import _SURFACE_POINTS, _fk_raw


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
        # A pelvis on a ball rolls over it, about the lying body's length
        # (spin); "roll" would swing a lying body round on the mat, feet and all.
        dofs.append("spin")
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
