"""A posed instant (``Frame``), blending between frames, keyframes, clips and breathing."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from stretchguide.core.figures.body import SIDES, Pose, mirrored
from stretchguide.core.figures.contacts import Reach, Rest
from stretchguide.core.figures.easing import Easing, ease, lerp_pose
from stretchguide.core.figures.kinematics import forward, reach
from stretchguide.core.figures.settle import common_rests, rests_to_settle, settled_between
from stretchguide.core.figures.vectors import Vec, _add, _scale, _sub


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
            None if r.elbow_to is None else (r.elbow_to[0], -r.elbow_to[1], r.elbow_to[2]),
            r.elbow_z,
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
        body = reach(body, r.side, r.target(src), r.flat, r.elbow_to, r.elbow_z)
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
        _mid_reaches(a.reaches, b.reaches, t),
        b.helper_reaches if t >= 0.5 else a.helper_reaches,
        rests,
    )


_ARM_DOFS: Final = ("shoulder_flex", "shoulder_abd", "shoulder_rot", "elbow", "wrist")


def _swung(a: Reach, b: Reach, t: float) -> Reach | None:
    """Between two palms on the floor whose elbows swing (``elbow_to``): the reach itself.

    The palm travels straight between the two points; the elbow swings over
    from one end's direction to the other's. The blended frame carries this
    reach, so resolving it again keeps the hand.
    """
    if a.elbow_to is None or b.elbow_to is None or a.anchor != "@world" or b.anchor != "@world":
        return None
    if a == b:
        return a
    hint = _add(a.elbow_to, _scale(_sub(b.elbow_to, a.elbow_to), t))
    hint = _add(hint, (0.0, 0.0, 1.5 * t * (1.0 - t)))
    aim = _add(a.offset, _scale(_sub(b.offset, a.offset), t))
    # Elbows resting on the mat at both ends stay on it all the way.
    on = a.elbow_z if a.elbow_z is not None and a.elbow_z == b.elbow_z else None
    return Reach(
        a.side, "@world", offset=aim, flat=(b if t >= 0.5 else a).flat, elbow_to=hint, elbow_z=on
    )


def _mid_reaches(a: Sequence[Reach], b: Sequence[Reach], t: float) -> tuple[Reach, ...]:
    """The reaches a blended frame carries: an end's, or the swung one between."""
    ends = tuple(b if t >= 0.5 else a)
    b_by = {r.side: r for r in b}
    out = []
    for r in a:
        other = b_by.get(r.side)
        swung = _swung(r, other, t) if other is not None else None
        out.append(swung)
    if all(x is None for x in out):
        return ends
    by = {x.side: x for x in out if x is not None}
    return tuple(by.get(r.side, r) for r in ends)


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
            swung = _swung(ra, rb, t)
            if swung is not None:
                out = reach(out, side, swung.offset, swung.flat, swung.elbow_to, swung.elbow_z)
                continue
            aim = _add(ta, _scale(_sub(tb, ta), t))
            # An elbow turned out at both ends (hands under the head) stays
            # turned out between them: the one-plane reach swung it over the face.
            hint = None
            if ra.elbow_to is not None and rb.elbow_to is not None:
                hint = _add(ra.elbow_to, _scale(_sub(rb.elbow_to, ra.elbow_to), t))
            out = reach(out, side, aim, (rb if t >= 0.5 else ra).flat, hint)
        elif ra is not None or rb is not None:
            r = ra if ra is not None else rb
            assert r is not None
            aim_one = target(r)
            if aim_one is None:
                continue
            w = 1.0 - t if ra is not None else t
            placed = reach(body, side, aim_one, r.flat, r.elbow_to, r.elbow_z)
            out = out.with_(
                {
                    f"{side}_{d}": body[f"{side}_{d}"]
                    + (placed[f"{side}_{d}"] - body[f"{side}_{d}"]) * w
                    for d in _ARM_DOFS
                }
            )
    return out


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
