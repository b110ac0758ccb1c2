"""``Animator``: which frame of an exercise figure to show some seconds into a timeline step."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from stretchguide.core.catalog import Side
from stretchguide.core.figures.drawing import Camera, Drawing, drawing
from stretchguide.core.figures.easing import Easing
from stretchguide.core.figures.frames import Clip, Frame, Keyframe, breathing, resolve
from stretchguide.core.figures.library import _glow_side, feel_areas, figure, session_bounds

# --- playing it back -----------------------------------------------------------------

MOVE_S: Final = 2.0  # how long getting from one pose to the next takes


class Animator:
    """Which frame to show ``t`` seconds into a step; the widget calls it.

    No Qt and no clock: its only state is the step and the frame it returned
    last, which the next step moves on from."""

    def __init__(
        self,
        exercise_id: str,
        side: Side | None = None,
        feel: Iterable[str] = (),
        from_frame: Frame | None = None,
    ) -> None:
        """``feel``: the catalog's areas for the exercise (see ``library.feel_areas``).

        ``from_frame``: the frame last shown (the other side's held pose at
        a switch of sides); the first step moves on from it, not from a jump.
        """
        self.exercise_id = exercise_id
        self.fig = figure(exercise_id)
        self.side = side if self.fig.sided else None
        if self.fig.sided and self.side is None:
            self.side = Side.RIGHT
        self.areas = feel_areas(exercise_id, feel)
        self.phase = "prepare"
        self.duration = 0.0
        self.rep_s = 0.0
        self.hold_s = 0.0
        self.alternating = False
        self.stage = ""
        # The frame last shown: each new step moves on from it. Without it,
        # a rest snapped to the starting pose in one frame (a bridge's hips
        # dropped, both knees fell from the chest) and a hold began from the
        # start pose whatever was showing.
        self._shown: Frame | None = from_frame
        self._clip = self._prepare_clip()
        # What plays once ``_clip`` ends: a hold's round (the ball's
        # circles), else None and the pose breathes.
        self._loop: Clip | None = None

    def set_phase(
        self,
        phase: str,
        *,
        duration: float = 0.0,
        rep_s: float = 0.0,
        hold_s: float = 0.0,
        side: Side | None = None,
        alternating: bool = False,
        stage: str = "",
    ) -> None:
        self.phase = str(phase)
        self.duration = duration
        self.rep_s = rep_s
        self.hold_s = hold_s
        self.alternating = alternating and self.fig.sided
        self.stage = stage
        if side is not None and self.fig.sided:
            self.side = side
        start = self._f(self.fig.start)
        shown = self._shown
        self._loop = None
        if self.phase in ("prepare", "switch"):
            self._clip = self._prepare_clip()
        elif self.phase == "hold":
            target = self.fig.stage_frame(stage)
            first = shown if shown is not None else start
            self._clip = Clip((Keyframe(first, 0.0), Keyframe(self._f(target), MOVE_S)))
            if self.fig.hold_loop_s > 0 and self.fig.rep_path:
                self._loop = self._hold_loop()
        elif self.phase == "reps":
            self._clip = self._rep_clip(self.side)
        elif shown is not None:  # rest, idle, complete: back to the start, then breathing
            self._clip = Clip((Keyframe(shown, 0.0), Keyframe(start, MOVE_S)))
        else:
            self._clip = Clip((Keyframe(start, 0.0),))

    def _f(self, frame: Frame, side: Side | None = None) -> Frame:
        return self.fig.frame_for(frame, side or self.side)

    def _prepare_clip(self) -> Clip:
        # From what is showing (a second set, the other side), else from
        # lying or standing at ease into the starting position.
        first = (
            self._shown if self._shown is not None else self._f(self.fig.neutral or self.fig.start)
        )
        return Clip((Keyframe(first, 0.0), Keyframe(self._f(self.fig.start), MOVE_S)))

    def _rep_clip(self, side: Side | None) -> Clip:
        period = max(0.5, (self.rep_s or 3.0) + self.hold_s)
        move = max(0.25, (self.rep_s or 3.0) / 2)
        if self.fig.rep_path:
            path = [self._f(f, side) for f in self.fig.rep_path]
            step = period / len(path)
            keys = [Keyframe(path[0], 0.0)]
            keys += [Keyframe(f, step, Easing.LINEAR) for f in path[1:]]
            keys.append(Keyframe(path[0], step, Easing.LINEAR))
            return Clip(tuple(keys), loop=True)
        a, b = self._f(self.fig.start, side), self._f(self.fig.key, side)
        return Clip(
            (Keyframe(a, 0.0), Keyframe(b, move), Keyframe(b, self.hold_s), Keyframe(a, move)),
            loop=True,
        )

    def _hold_loop(self) -> Clip:
        # The loop starts where the hold's way in ends (``rep_path`` starts
        # at ``key``) and goes round at an even pace.
        path = [self._f(f) for f in self.fig.rep_path]
        step = self.fig.hold_loop_s / len(path)
        keys = [Keyframe(path[0], 0.0)]
        keys += [Keyframe(f, step, Easing.LINEAR) for f in (*path[1:], path[0])]
        return Clip(tuple(keys), loop=True)

    def last_shown(self) -> Frame | None:
        """The frame ``frame`` returned last (None before the first)."""
        return self._shown

    def side_at(self, t: float) -> Side | None:
        if self.phase == "reps" and self.alternating and self.side is not None:
            period = max(0.5, (self.rep_s or 3.0) + self.hold_s)
            return self.side if int(max(0.0, t) // period) % 2 == 0 else self.side.other
        return self.side

    def moving(self, t: float) -> bool:
        """True while the figure travels between poses (the widget animates at 60 fps)."""
        if self.phase == "reps":
            return True
        return t < self._clip.length

    def frame(self, t: float) -> Frame:
        if self.phase == "reps":
            side = self.side_at(t)
            clip = self._rep_clip(side) if side is not self.side else self._clip
            self._shown = clip.sample(t)
            return self._shown
        fr = self._clip.sample(t)
        if t >= self._clip.length:
            if self._loop is not None:
                fr = self._loop.sample(t - self._clip.length)
            else:
                fr = breathing(fr, t - self._clip.length, self.fig.breath)
        self._shown = resolve(fr) if fr.reaches or fr.helper_reaches else fr
        return self._shown

    def camera(self) -> Camera:
        return self.fig.camera(self.side, self.alternating)

    def bounds(self) -> tuple[float, float, float, float]:
        return session_bounds(self.exercise_id, self.side, self.alternating)

    def drawing(self, t: float) -> Drawing:
        side = self.side_at(t)
        worked = self.phase in ("hold", "reps")
        glow = 1.0 if worked else 0.6
        return drawing(
            self.frame(t),
            self.camera(),
            self.fig.props_for(side, cues=worked),
            self.areas,
            _glow_side(self.fig, side),
            glow,
            accent=self.fig.accent_for(side),
        )
