"""What a body point rests on (floor, seat, wall, ball) and where a hand reaches."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Final

from stretchguide.core.figures.kinematics import _SURFACE_POINTS, Skeleton
from stretchguide.core.figures.vectors import Vec, _add, _norm, _scale, _sub


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
    # A world direction the elbow swings towards (the arm turns about its
    # axis); None keeps the arm in one plane (see ``kinematics.reach``).
    elbow_to: Vec | None = None
    # With ``elbow_to``: the elbow rests at this height (a forearm on the
    # mat), on the side of its circle ``elbow_to`` points to.
    elbow_z: float | None = None

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
