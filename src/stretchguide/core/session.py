"""The session engine: walks a :class:`Timeline` on an injected monotonic clock.

Over 500 lines on purpose: one state machine; its events and transitions read in order here.

A plain state machine (DESIGN.md convention 1). The app calls
``tick(clock())`` from one QTimer; tests call it with whatever times they
like. Nothing here sleeps, starts a thread or imports Qt.

Timing model (see docs/ENGINE.md): while running, the position in the plan is
``now - origin``; every cue point of the plan has a fixed offset, so its
deadline on the clock is ``origin + offset``. ``tick(now)`` returns each event
whose deadline is ``<= now`` exactly once, in deadline order, however late or
irregular the ticks are. Pausing freezes the position; resuming adds a short
get-ready and then moves ``origin`` so the interrupted step continues with
exactly the time it had left. If the clock jumps by more than
``stall_threshold_s`` (5 s) between two ticks (a suspended laptop, a hung
UI), the session pauses itself where the stall began instead of racing
through the holds nobody did. The app's clock counts time suspended
(``core/clock.py``), so a suspend is such a gap.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum

from stretchguide.core.catalog import Side
from stretchguide.core.timeline import Step, StepKind, Timeline

Clock = Callable[[], float]


class Phase(StrEnum):
    IDLE = "idle"  # built, not started
    PREPARE = "prepare"
    HOLD = "hold"
    REPS = "reps"  # moving through repetitions
    SWITCH = "switch"
    REST = "rest"
    PAUSED = "paused"
    RESUMING = "resuming"  # the short get-ready after a pause
    FINISHED = "finished"  # ran to the end
    STOPPED = "stopped"  # ended early by the person


PHASE_OF_STEP: dict[StepKind, Phase] = {
    StepKind.PREPARE: Phase.PREPARE,
    StepKind.HOLD: Phase.HOLD,
    StepKind.REPS: Phase.REPS,
    StepKind.SWITCH: Phase.SWITCH,
    StepKind.REST: Phase.REST,
}


class EventKind(StrEnum):
    """Every cue point. Payload fields used by each kind are listed."""

    SESSION_START = "session_start"  # seconds = total length
    EXERCISE_INTRO = "exercise_intro"  # exercise, text = first instruction, stage = caution
    PREPARE = "prepare"  # seconds, side
    HOLD_START = "hold_start"  # seconds, side, stage, set_no/sets
    HALFWAY = "halfway"  # holds of 20 s or more (see _step_cues)
    TEN_LEFT = "ten_left"  # holds longer than 15 s
    COUNTDOWN = "countdown"  # seconds = 3, 2, 1 before the end of a timed step
    RELEASE = "release"  # end of a hold or a block of repetitions
    REPS_START = "reps_start"  # reps = N, seconds = whole block, side
    REP = "rep"  # rep = n, reps = N, side (alternating: this repetition's side)
    REP_HOLD = "rep_hold"  # hold at the end of one repetition: seconds, rep, reps
    SWITCH_SIDE = "switch_side"  # side = the side to switch TO, seconds
    REST = "rest"  # seconds, next_name (the next exercise, or this one between sets)
    BREATH = "breath"  # a breath-paced hold: rep = this breath, reps = breaths
    NEXT_UP = "next_up"  # next_name; at the start of a rest between exercises
    SESSION_COMPLETE = "session_complete"
    PAUSED = "paused"  # by the person
    STALLED = "stalled"  # paused by the engine: no tick for a while, or the clock
    # stepped back; seconds = the gap. The plan froze at the last tick before it.
    RESUMED = "resumed"  # seconds = the get-ready before the step continues
    CONTINUE = "continue"  # get-ready over; seconds = time left in the step
    SKIPPED = "skipped"  # next/previous/restart moved to step_index; seconds = how
    # long the step left had run (pauses excluded), so a hold left early is
    # stored with the time really done
    STOPPED = "stopped"


class StallReason(StrEnum):
    """Why the engine paused a session (a STALLED event's ``reason``)."""

    GAP = "gap"  # no tick for longer than the stall threshold: asleep or busy
    CLOCK_BACK = "clock_back"  # the clock stepped backwards (set by hand or synced)


@dataclass(frozen=True)
class Event:
    """One cue. ``at`` is its deadline on the session's clock."""

    kind: EventKind
    at: float
    step_index: int
    step_kind: StepKind | None = None
    exercise_id: str = ""
    exercise_name: str = ""
    side: Side | None = None
    rep: int = 0
    reps: int = 0
    set_no: int = 0
    sets: int = 0
    seconds: float = 0.0
    stage: str = ""
    text: str = ""
    next_name: str = ""
    reason: StallReason | None = None  # STALLED only


@dataclass(frozen=True)
class SessionSnapshot:
    """Everything a view needs to draw the session at one instant."""

    phase: Phase
    step_index: int
    step: Step | None
    remaining_s: float  # left in the current step (frozen while paused)
    step_elapsed_s: float
    elapsed_s: float  # session position: time of the plan done so far
    total_s: float
    rep: int  # 1-based current repetition (0 outside REPS)
    reps: int
    side: Side | None  # the side being worked now (alternating: this repetition's)
    set_no: int
    sets: int
    step_progress: float  # 0..1
    session_progress: float  # 0..1
    next_name: str  # the next exercise's name ("" on the last)
    paused: bool  # PAUSED or RESUMING: the plan's clock is not running
    resume_left_s: float = 0.0  # RESUMING: seconds of get-ready left
    stalled: bool = False  # the pause was the engine's, after a clock jump


# Halfway and ten-seconds-left calls only make sense on longer holds, and two
# calls within a couple of seconds of each other just talk over each other.
HALFWAY_MIN_S = 20.0
TEN_LEFT_MIN_S = 15.0  # exclusive: a 15 s hold gets no "10 s left"
_MIN_CUE_GAP_S = 2.0
# A clock stepping back by less than this is waited out (a frozen second is
# invisible); more pauses the session with a STALLED event.
CLOCK_BACK_TOLERANCE_S = 1.0
# A longer gap between two ticks pauses the session (StretchGuide's number).
# The app ticks every 50 ms, and more often near a cue; the longest gap
# measured on a real session was 0.28 s, on 2 cores at a load of 5 with the
# history written at every release. A computer that slept, or a screen
# frozen this long, has left the person without guidance: carrying on would
# fire at once every cue due in the gap and record a hold nobody was told
# to finish. 30 s let a 25 s freeze do exactly that.
STALL_THRESHOLD_S = 5.0
COUNTDOWN_FROM = 3
_COUNTDOWN_MIN_S = 4.0  # a step shorter than this is over before a countdown helps
# "Back" in a step's first seconds goes to the step before, as a media
# player's does: pressed twice, it goes further. Three seconds, not two: a
# spoken "back" is heard only once the app's own line at the step's start
# is over, and some 0.3 s after it is said.
BACK_GRACE_S = 3.0


@dataclass(frozen=True)
class _Cue:
    offset: float  # seconds from the start of the plan
    event: Event  # ``at`` filled in when it fires


def _step_event(kind: EventKind, index: int, step: Step, **fields: object) -> Event:
    base = Event(
        kind,
        0.0,
        index,
        step_kind=step.kind,
        exercise_id=step.exercise_id,
        exercise_name=step.exercise_name,
        side=step.side,
        set_no=step.set_no,
        sets=step.sets,
        reps=step.reps,
        stage=step.stage,
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def _step_cues(timeline: Timeline, index: int, intro: bool) -> list[tuple[float, Event]]:
    """Cue points of one step, as (seconds into the step, event), in order."""
    step = timeline.steps[index]
    d = step.duration_s
    out: list[tuple[float, Event]] = []

    def add(rel: float, kind: EventKind, **fields: object) -> None:
        out.append((rel, _step_event(kind, index, step, **fields)))

    if intro:
        add(0.0, EventKind.EXERCISE_INTRO, text=step.spoken or step.instruction, stage=step.say)
    kind = step.kind
    if kind is StepKind.PREPARE:
        add(0.0, EventKind.PREPARE, seconds=d, text=step.instruction)
    elif kind is StepKind.SWITCH:
        add(0.0, EventKind.SWITCH_SIDE, seconds=d, text=step.instruction)
    elif kind is StepKind.REST:
        add(0.0, EventKind.REST, seconds=d, next_name=step.next_name)
        following = timeline.steps[index + 1] if index + 1 < len(timeline.steps) else None
        if following is not None and following.exercise_index != step.exercise_index:
            add(0.0, EventKind.NEXT_UP, next_name=step.next_name, seconds=d)
    elif kind is StepKind.HOLD and step.breaths:
        # Paced by breaths: the count is the timing, so no halfway, no
        # seconds left and no countdown talking over the breathing.
        add(0.0, EventKind.HOLD_START, seconds=d, text=step.instruction, reps=step.breaths)
        for n in range(step.breaths):
            add(n * step.breath_s, EventKind.BREATH, rep=n + 1, reps=step.breaths)
        return out
    elif kind is StepKind.HOLD:
        add(0.0, EventKind.HOLD_START, seconds=d, text=step.instruction)
        ten_left = d > TEN_LEFT_MIN_S
        if d >= HALFWAY_MIN_S and not (ten_left and abs(d / 2 - (d - 10)) < _MIN_CUE_GAP_S):
            add(d / 2, EventKind.HALFWAY, seconds=d / 2)
        if ten_left:
            add(d - 10.0, EventKind.TEN_LEFT, seconds=10.0)
    elif kind is StepKind.REPS:
        add(0.0, EventKind.REPS_START, seconds=d, text=step.instruction)
        for n, rel in enumerate(step.rep_offsets(), start=1):
            add(rel, EventKind.REP, rep=n, side=step.rep_side(n))
            if step.hold_s > 0:
                add(
                    rel + step.rep_s,
                    EventKind.REP_HOLD,
                    rep=n,
                    side=step.rep_side(n),
                    seconds=step.hold_s,
                )

    if kind is not StepKind.REPS and d >= _COUNTDOWN_MIN_S and step.countdown:
        for n in range(COUNTDOWN_FROM, 0, -1):
            add(d - n, EventKind.COUNTDOWN, seconds=float(n))
    if step.is_work and not _stage_continues(timeline, index):
        add(d, EventKind.RELEASE)
    return out


def _stage_continues(timeline: Timeline, index: int) -> bool:
    """True when the next step is the next named stage of the same hold."""
    step = timeline.steps[index]
    if not step.stage or index + 1 >= len(timeline.steps):
        return False
    nxt = timeline.steps[index + 1]
    return (
        nxt.kind is StepKind.HOLD
        and bool(nxt.stage)
        and nxt.exercise_index == step.exercise_index
        and nxt.side == step.side
        and nxt.set_no == step.set_no
    )


def build_cues(timeline: Timeline) -> tuple[_Cue, ...]:
    """Every cue of the plan with its offset, in firing order."""
    cues: list[_Cue] = []
    n = len(timeline.steps)
    cues.append(_Cue(0.0, Event(EventKind.SESSION_START, 0.0, 0, seconds=timeline.total_s)))
    intros = set(timeline.exercise_starts())
    for i in range(n):
        start = timeline.starts[i]
        for rel, event in _step_cues(timeline, i, i in intros):
            cues.append(_Cue(start + rel, event))
    cues.append(_Cue(timeline.total_s, Event(EventKind.SESSION_COMPLETE, 0.0, max(0, n - 1))))
    # Stable sort: same-offset cues keep their construction order, and a
    # step's end (its RELEASE) stays before the next step's start.
    order = sorted(range(len(cues)), key=lambda k: (cues[k].offset, cues[k].event.step_index, k))
    return tuple(cues[k] for k in order)


class _State(StrEnum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    RESUMING = "resuming"
    FINISHED = "finished"
    STOPPED = "stopped"


class Session:
    """Drive a timeline on ``clock`` (seconds, monotonic).

    Every control method takes an optional ``now`` (default ``clock()``),
    first delivers whatever was already due (as ``tick(now)`` would) and
    returns those events followed by the ones the action itself causes, so
    no event is ever lost between a tick and a button press.
    """

    def __init__(
        self,
        timeline: Timeline,
        clock: Clock,
        *,
        resume_prepare_s: float = 3.0,
        stall_threshold_s: float = STALL_THRESHOLD_S,
    ) -> None:
        if resume_prepare_s < 0:
            raise ValueError("resume_prepare_s must not be negative")
        if stall_threshold_s <= 0:
            raise ValueError("stall_threshold_s must be positive")
        self.timeline = timeline
        self.clock = clock
        self.resume_prepare_s = resume_prepare_s
        self.stall_threshold_s = stall_threshold_s
        self._cues = build_cues(timeline)
        self._first_cue_of_step = self._index_first_cues()
        self._state = _State.IDLE
        self._origin = 0.0  # clock time at which the plan's offset 0 lies
        self._frozen = 0.0  # plan position while not running
        self._cursor = 0  # next cue to fire
        self._last_tick: float | None = None
        self._resume_end = 0.0
        self._stalled = False

    # -- queries -----------------------------------------------------------

    @property
    def phase(self) -> Phase:
        return self._phase(self._position(self.clock()))

    @property
    def running(self) -> bool:
        return self._state is _State.RUNNING

    @property
    def done(self) -> bool:
        return self._state in (_State.FINISHED, _State.STOPPED)

    def position(self, now: float | None = None) -> float:
        """Seconds of the plan done at ``now`` (pauses excluded)."""
        return self._position(self._now(now))

    def step_index(self, now: float | None = None) -> int:
        return self.timeline.step_index_at(self.position(now))

    def deadline_of(self, offset: float) -> float | None:
        """Clock time at which plan ``offset`` is (or was) reached, if running."""
        if self._state is not _State.RUNNING:
            return None
        return self._origin + offset

    def next_deadline(self) -> float | None:
        """Clock time at which ``tick`` will next have something to return.

        While running: the deadline of the next pending cue. While getting
        ready after a pause: the end of the get-ready (its CONTINUE event).
        None when idle, paused, finished or stopped, since nothing is due
        until someone presses a control. Lets the caller schedule a tick at
        exactly the right moment instead of polling.
        """
        if self._state is _State.RESUMING:
            return self._resume_end
        if self._state is not _State.RUNNING or self._cursor >= len(self._cues):
            return None
        return self._origin + self._cues[self._cursor].offset

    def snapshot(self, now: float | None = None) -> SessionSnapshot:
        """The state at ``now``; fires no events and changes nothing."""
        now = self._now(now)
        tl = self.timeline
        pos = self._position(now)
        if not tl.steps:
            return SessionSnapshot(
                self._phase(pos),
                0,
                None,
                0.0,
                0.0,
                0.0,
                0.0,
                0,
                0,
                None,
                0,
                0,
                0.0,
                1.0 if self.done else 0.0,
                "",
                False,
            )
        k = tl.step_index_at(pos)
        step = tl.steps[k]
        into = min(step.duration_s, max(0.0, pos - tl.starts[k]))
        rep = step.rep_at(into) if step.kind is StepKind.REPS else 0
        side = step.rep_side(rep) if rep else step.side
        if step.breaths:
            rep = step.breath_at(into)  # the breath counter on screen
        next_name = step.next_name if step.kind is StepKind.REST else tl.next_exercise_name(k)
        return SessionSnapshot(
            phase=self._phase(pos),
            step_index=k,
            step=step,
            remaining_s=step.duration_s - into,
            step_elapsed_s=into,
            elapsed_s=pos,
            total_s=tl.total_s,
            rep=rep,
            reps=step.breaths or step.reps,
            side=side,
            set_no=step.set_no,
            sets=step.sets,
            step_progress=into / step.duration_s,
            session_progress=pos / tl.total_s if tl.total_s > 0 else 1.0,
            next_name=next_name,
            paused=self._state in (_State.PAUSED, _State.RESUMING),
            resume_left_s=(
                max(0.0, self._resume_end - now) if self._state is _State.RESUMING else 0.0
            ),
            stalled=self._stalled and self._state is _State.PAUSED,
        )

    # -- driving -----------------------------------------------------------

    def start(self, now: float | None = None) -> list[Event]:
        """Begin at the first step; a second call does nothing."""
        now = self._now(now)
        if self._state is not _State.IDLE:
            return []
        self._state = _State.RUNNING
        self._origin = now
        self._last_tick = now
        return self._drain(now)

    def start_at(self, offset: float, now: float | None = None) -> list[Event]:
        """Begin part-way into the plan, after the usual get-ready.

        For a plan rebuilt mid-session ("ease off"): cues before ``offset``
        are never delivered, those at or after it are, and the session first
        spends ``resume_prepare_s`` getting ready (a RESUMED event, then
        CONTINUE), exactly as after a pause. A second call does nothing.
        """
        now = self._now(now)
        if self._state is not _State.IDLE:
            return []
        offset = max(0.0, min(self.timeline.total_s, offset))
        offsets = [c.offset for c in self._cues]
        self._cursor = bisect.bisect_left(offsets, offset - 1e-9)
        self._frozen = offset
        self._last_tick = now
        self._state = _State.PAUSED
        return self.resume(now)

    def tick(self, now: float | None = None) -> list[Event]:
        """Events whose deadlines are ``<= now`` and have not fired, in order."""
        now = self._now(now)
        last = self._last_tick
        if self._state in (_State.IDLE, _State.FINISHED, _State.STOPPED):
            return []
        self._last_tick = now
        if self._state is _State.PAUSED:
            return []
        if last is not None and now < last:
            if now >= last - CLOCK_BACK_TOLERANCE_S:
                self._last_tick = last
                return []  # jitter: wait the moment until it catches up
            # A clock that steps back (or a suspend seen as a jump): waiting
            # for it to catch up froze the session silently for the whole
            # gap, so pause where the last good tick left it and say so.
            return [self._stall(last, now, StallReason.CLOCK_BACK)]
        if last is not None and now - last > self.stall_threshold_s:
            return [self._stall(last, now, StallReason.GAP)]
        out: list[Event] = []
        if self._state is _State.RESUMING:
            if now < self._resume_end:
                return out
            out.append(self._continue(self._resume_end))
        out.extend(self._drain(now))
        return out

    def pause(self, now: float | None = None) -> list[Event]:
        now = self._now(now)
        out = self.tick(now)
        if self._state is _State.RUNNING:
            self._frozen = self._position(now)
        if self._state in (_State.RUNNING, _State.RESUMING):
            self._state = _State.PAUSED
            self._stalled = False
            out.append(self._control_event(EventKind.PAUSED, now))
        return out

    def resume(self, now: float | None = None) -> list[Event]:
        """Continue after a pause, with ``resume_prepare_s`` to get ready first."""
        now = self._now(now)
        out = self.tick(now)
        if self._state is not _State.PAUSED:
            return out
        self._stalled = False
        self._last_tick = now
        out.append(self._control_event(EventKind.RESUMED, now, seconds=self.resume_prepare_s))
        if self.resume_prepare_s > 0:
            self._state = _State.RESUMING
            self._resume_end = now + self.resume_prepare_s
        else:
            out.append(self._continue(now))
            out.extend(self._drain(now))
        return out

    def toggle_pause(self, now: float | None = None) -> list[Event]:
        if self._state is _State.PAUSED:
            return self.resume(now)
        return self.pause(now)

    def jump_to(self, index: int, now: float | None = None) -> list[Event]:
        """Go to the start of step ``index``; past the last step finishes.

        Running (or getting ready after a pause): the step starts now, with
        its start cues. Paused: the session stays paused at the new step.
        """
        now = self._now(now)
        out = self.tick(now)
        out.extend(self._jump(index, now))
        return out

    def _jump(
        self, index: int, now: float, into: float = 0.0, from_there: bool = False
    ) -> list[Event]:
        """Go ``into`` seconds into step ``index``, its start cues at once
        (``from_there``: only the cues from ``into`` on, e.g. a repetition's)."""
        out: list[Event] = []
        if self._state not in (_State.RUNNING, _State.PAUSED, _State.RESUMING):
            return out
        n = len(self.timeline.steps)
        index = max(0, index)
        left = self._position(now)
        ran = left - self.timeline.starts[self.timeline.step_index_at(left)] if n else 0.0
        if index >= n:
            self._origin = now - self.timeline.total_s
            self._state = _State.RUNNING
            self._cursor = len(self._cues) - 1  # only "session complete" left
            out.append(
                self._control_event(EventKind.SKIPPED, now, step_index=max(0, n - 1), seconds=ran)
            )
            out.extend(self._drain(now))
            return out
        pos = self.timeline.starts[index] + into
        self._cursor = self._first_cue_of_step[index]
        if from_there:
            while self._cursor < len(self._cues) and self._cues[self._cursor].offset < pos - 1e-9:
                self._cursor += 1
        out.append(self._control_event(EventKind.SKIPPED, now, step_index=index, seconds=ran))
        if self._state is _State.PAUSED:
            self._frozen = pos
            return out
        self._state = _State.RUNNING
        self._origin = now - pos
        out.extend(self._drain(now))
        return out

    def back(self, now: float | None = None) -> list[Event]:
        """What "back" does (the Left arrow, the spoken "back" or "repeat").

        The step under way starts again. In its first ``BACK_GRACE_S``
        seconds, or in a rest (there is nothing in a rest to repeat), it is
        the step before that starts again. The session's first get-ready,
        where the person got down onto the mat, is never gone back to once
        it is over: there the step under way starts again instead. In that
        get-ready itself, the intro is said again with the time left, or
        the exercise's own get-ready if less is left: never the lead-in. In
        a set of repetitions it is the repetition under way that starts
        again (in its first seconds, the one before): the ones done count.
        """
        now = self._now(now)
        out = self.tick(now)
        tl = self.timeline
        if self._state not in (_State.RUNNING, _State.PAUSED, _State.RESUMING) or not tl.steps:
            return out
        pos = self._position(now)
        k = tl.step_index_at(pos)
        into = pos - tl.starts[k]
        target = k
        if k > 0 and (into < BACK_GRACE_S or tl.steps[k].kind is StepKind.REST):
            target = k - 1
        first = tl.steps[0]
        if target == 0 and first.get_down:
            if k > 0:
                target = k  # on the mat already: this step again, not the get-down
            else:
                lead_in = max(0.0, first.duration_s - first.ready_s)
                out.extend(self._jump(0, now, into=min(pos, lead_in)))
                return out
        step = tl.steps[target]
        if target == k and step.kind is StepKind.REPS:
            # A set is one step, but what a person repeats is the repetition:
            # this one again (in its first seconds, the one before), never
            # the repetitions already done.
            starts = step.rep_offsets()
            n = max(i for i, rel in enumerate(starts) if rel <= into + 1e-9)
            # A short repetition (2 s) would be all grace: half of it at most.
            if n > 0 and into - starts[n] < min(BACK_GRACE_S, step.rep_period_s / 2):
                n -= 1
            out.extend(self._jump(k, now, into=starts[n], from_there=True))
            return out
        out.extend(self._jump(target, now))
        return out

    def next(self, now: float | None = None) -> list[Event]:
        now = self._now(now)
        return self.jump_to(self._current_index(now) + 1, now)

    def previous(self, now: float | None = None) -> list[Event]:
        now = self._now(now)
        return self.jump_to(self._current_index(now) - 1, now)

    def restart_step(self, now: float | None = None) -> list[Event]:
        now = self._now(now)
        return self.jump_to(self._current_index(now), now)

    def next_exercise(self, now: float | None = None) -> list[Event]:
        now = self._now(now)
        k = self._current_index(now)
        later = [i for i in self.timeline.exercise_starts() if i > k]
        return self.jump_to(later[0] if later else len(self.timeline.steps), now)

    def previous_exercise(self, now: float | None = None) -> list[Event]:
        """Back to the start of the exercise before the current one."""
        now = self._now(now)
        k = self._current_index(now)
        firsts = self.timeline.exercise_starts()
        pos = bisect.bisect_right(firsts, k) - 1  # the current exercise
        return self.jump_to(firsts[max(0, pos - 1)] if firsts else 0, now)

    def stop(self, now: float | None = None) -> list[Event]:
        now = self._now(now)
        out = self.tick(now)
        if self._state in (_State.RUNNING, _State.PAUSED, _State.RESUMING):
            if self._state is _State.RUNNING:
                self._frozen = self._position(now)
            out.append(self._control_event(EventKind.STOPPED, now))
            self._state = _State.STOPPED
        return out

    # -- internals ---------------------------------------------------------

    def _now(self, now: float | None) -> float:
        return self.clock() if now is None else now

    def _index_first_cues(self) -> tuple[int, ...]:
        firsts: list[int] = []
        c = 0
        for i in range(len(self.timeline.steps)):
            while c < len(self._cues) and self._cues[c].event.step_index < i:
                c += 1
            firsts.append(c)
        return tuple(firsts)

    def _position(self, now: float) -> float:
        if self._state is _State.RUNNING:
            # Never behind a cue already delivered: ``origin + offset <= now``
            # does not imply ``now - origin >= offset`` in floating point, and
            # a pause must not freeze in a step whose release was announced.
            fired = self._cues[self._cursor - 1].offset if self._cursor else 0.0
            return min(self.timeline.total_s, max(fired, now - self._origin))
        if self._state is _State.FINISHED:
            return self.timeline.total_s
        return self._frozen if self._state is not _State.IDLE else 0.0

    def _current_index(self, now: float) -> int:
        return self.timeline.step_index_at(self._position(now))

    def _phase(self, pos: float) -> Phase:
        state = self._state
        if state is _State.RUNNING:
            if not self.timeline.steps:
                return Phase.FINISHED
            return PHASE_OF_STEP[self.timeline.steps[self.timeline.step_index_at(pos)].kind]
        return {
            _State.IDLE: Phase.IDLE,
            _State.PAUSED: Phase.PAUSED,
            _State.RESUMING: Phase.RESUMING,
            _State.FINISHED: Phase.FINISHED,
            _State.STOPPED: Phase.STOPPED,
        }[state]

    def _drain(self, now: float) -> list[Event]:
        out: list[Event] = []
        cues = self._cues
        while self._cursor < len(cues):
            at = self._origin + cues[self._cursor].offset
            if at > now:
                break
            out.append(replace(cues[self._cursor].event, at=at))
            self._cursor += 1
        if self._cursor >= len(cues):
            self._state = _State.FINISHED
        return out

    def _control_event(self, kind: EventKind, at: float, **fields: object) -> Event:
        tl = self.timeline
        index = fields.pop("step_index", None)
        if not isinstance(index, int):
            index = tl.step_index_at(self._position(at))
        if not tl.steps:
            return replace(Event(kind, at, 0), **fields)  # type: ignore[arg-type]
        return replace(_step_event(kind, index, tl.steps[index]), at=at, **fields)  # type: ignore[arg-type]

    def _stall(self, since: float, now: float, reason: StallReason) -> Event:
        # The person was not exercising through the gap: freeze the plan
        # where the last healthy tick left it.
        if self._state is _State.RUNNING:
            self._frozen = self._position(since)
        self._state = _State.PAUSED
        self._stalled = True
        return self._control_event(
            EventKind.STALLED, since, seconds=abs(now - since), reason=reason
        )

    def _continue(self, at: float) -> Event:
        self._state = _State.RUNNING
        self._origin = at - self._frozen
        k = self.timeline.step_index_at(self._frozen)
        left = self.timeline.end_of(k) - self._frozen if self.timeline.steps else 0.0
        return self._control_event(EventKind.CONTINUE, at, seconds=left)
