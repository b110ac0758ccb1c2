"""The session engine: walks a :class:`Timeline` on an injected monotonic clock.

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
``stall_threshold_s`` between two ticks (a suspended laptop, a hung UI), the
session pauses itself where the stall began instead of racing through the
holds nobody did.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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
    EXERCISE_INTRO = "exercise_intro"  # exercise, text = first instruction
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
    NEXT_UP = "next_up"  # next_name; at the start of a rest between exercises
    SESSION_COMPLETE = "session_complete"
    PAUSED = "paused"  # by the person
    STALLED = "stalled"  # paused by the engine: the clock jumped; seconds = the gap
    RESUMED = "resumed"  # seconds = the get-ready before the step continues
    CONTINUE = "continue"  # get-ready over; seconds = time left in the step
    SKIPPED = "skipped"  # next/previous/restart moved to step_index
    STOPPED = "stopped"


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


class Session:
    """Drive a timeline. All control methods take an optional ``now``."""

    def __init__(
        self,
        timeline: Timeline,
        clock: Clock,
        *,
        resume_prepare_s: float = 3.0,
        stall_threshold_s: float = 30.0,
    ) -> None:
        raise NotImplementedError("being written: see issue 2 part 3")
