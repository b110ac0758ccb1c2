"""The controller that drives the session screen.

``SessionController`` owns a parented 50 ms QTimer: every tick it calls
``session.tick(clock())``, hands the events to the cue player, and shows
``session.snapshot()`` on the ``SessionView``. A second, single-shot timer
is armed for ``session.next_deadline()`` after every tick so a cue is
delivered within a few ms of its deadline rather than up to a whole tick
late; it calls the same tick. The engine owns time; nothing here counts
ticks. It holds the live session: the flow (qt/session_flow.py) reads it
from here.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject, Qt, QTimer, Signal, SignalInstance

from stretchguide.core.session import Event, EventKind, Phase, Session, StallReason
from stretchguide.core.timeline import Step, StepKind
from stretchguide.qt.enums import EndStatus
from stretchguide.qt.inhibit import ScreenSleepInhibitor
from stretchguide.qt.session_view import SessionView, format_clock

TICK_MS = 50  # 20 Hz: smooth ring, cheap CPU; event timing comes from deadlines
# The deadline timer fires this long after the deadline so the tick it causes
# is never a hair early (a timer can wake fractionally before its interval).
DEADLINE_SLACK_MS = 1


def _gap_text(seconds: float) -> str:
    """How long the computer was away: "0:42", or "9:12:05" after a night asleep."""
    whole = math.ceil(seconds)
    if whole < 3600:
        return format_clock(whole)
    return f"{whole // 3600}:{format_clock(whole % 3600).zfill(5)}"


class CueSink(Protocol):
    """What the controller hands each tick's events to: audio.CuePlayer, or a
    test's stand-in that only records them."""

    def handle(self, events: Iterable[Event]) -> None: ...


@runtime_checkable
class Mutable(CueSink, Protocol):
    """A cue sink the mute key silences (CuePlayer is; a recorder need not be)."""

    def set_muted(self, muted: bool) -> None: ...


@runtime_checkable
class ReportsStatus(CueSink, Protocol):
    """A cue sink with a line for the status bar (CuePlayer: "no sound output")."""

    sig_status: SignalInstance


class SessionController(QObject):
    """Runs one session: the timer, the cues, the screen inhibitor."""

    sig_step_done = Signal(int)
    """A work step (hold or repetitions) ran to its end; the step index."""
    sig_finished = Signal(str)
    """The session ended: an ``EndStatus`` value ('completed' or 'stopped')."""
    sig_hurts = Signal(int)
    """'This hurts' was pressed during this step index (the session is paused)."""
    sig_events = Signal(list)
    """The events of one tick (for the cue player and tests)."""

    def __init__(
        self,
        session: Session,
        view: SessionView,
        clock: Callable[[], float],
        cue_player: CueSink | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else view)
        self.session = session
        self.view = view
        self.clock = clock
        self.cue_player = cue_player
        self.muted = False
        self.inhibitor = ScreenSleepInhibitor()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.deadline_timer = QTimer(self)
        self.deadline_timer.setSingleShot(True)
        self.deadline_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._last_index = -1
        self._finished = False
        self._resume_after_question = False
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.timer.timeout.connect(self.tick)
        self.deadline_timer.timeout.connect(self.tick)
        v = self.view
        v.sig_toggle_pause.connect(self.toggle_pause)
        v.sig_next.connect(self.next)
        v.sig_previous.connect(self.previous)
        v.sig_stop.connect(self.stop)
        v.sig_hurts.connect(self.hurts)
        v.sig_toggle_mute.connect(self.toggle_mute)
        v.sig_question_open.connect(self.hold_for_question)
        v.sig_question_closed.connect(self.question_answered)
        if isinstance(self.cue_player, ReportsStatus):
            self.cue_player.sig_status.connect(self.view.set_status)

    def replace_session(self, session: Session) -> None:
        """Drive a new session with the same view (ease off, the next routine)."""
        self.timer.stop()
        self.deadline_timer.stop()
        self.session = session
        self._finished = False

    def start(self, at: float | None = None) -> None:
        """Start the session; ``at``: part-way into its plan, after a get-ready."""
        self.inhibitor.inhibit(self.tr("A guided stretching session is running"))
        self.timer.start()
        if at is None:
            self._handle(self.session.start(self.clock()))
        else:
            self._handle(self.session.start_at(at, self.clock()))
        self.tick()
        self.view.setFocus()

    def tick(self) -> None:
        if self._finished:
            return
        now = self.clock()
        events = self.session.tick(now)
        self._handle(events)
        if not self._finished:
            snap = self.session.snapshot(now)
            self.view.show_snapshot(snap, self.upcoming(snap.step_index))
            self._arm_deadline(now)

    def upcoming(self, index: int) -> Step | None:
        """The next exercise's first step, when step ``index`` is the rest before it."""
        steps = self.session.timeline.steps
        if not 0 <= index < len(steps) - 1:
            return None
        step, nxt = steps[index], steps[index + 1]
        if step.kind is StepKind.REST and nxt.exercise_index != step.exercise_index:
            return nxt
        return None

    def _arm_deadline(self, now: float) -> None:
        # Every control ends in tick(), so this runs after every state change.
        deadline = self.session.next_deadline()
        if deadline is None:
            self.deadline_timer.stop()
            return
        ms = max(0, math.ceil((deadline - now) * 1000)) + DEADLINE_SLACK_MS
        self.deadline_timer.start(ms)

    def _handle(self, events: list[Event]) -> None:
        if events:
            self.sig_events.emit(events)
            if self.cue_player is not None:
                self.cue_player.handle(events)
        for ev in events:
            if ev.kind is EventKind.RELEASE and ev.step_kind in (StepKind.HOLD, StepKind.REPS):
                self.sig_step_done.emit(ev.step_index)
            elif ev.kind is EventKind.STALLED and ev.reason is StallReason.CLOCK_BACK:
                # The gap is how far the clock moved, not time that passed:
                # naming it as a duration would mislead.
                self.view.set_status(
                    self.tr(
                        "Paused: the computer's clock changed, so the session is paused "
                        "where you were. Press Space when you are ready."
                    )
                )
            elif ev.kind is EventKind.STALLED:
                self.view.set_status(
                    self.tr(
                        "Paused: the computer was asleep or busy for %1. "
                        "Press Space when you are ready."
                    ).replace("%1", _gap_text(ev.seconds))
                )
        if any(ev.kind is EventKind.SESSION_COMPLETE for ev in events):
            self._end(EndStatus.COMPLETED)

    def _end(self, status: EndStatus) -> None:
        if self._finished:
            return
        self._finished = True
        self.timer.stop()
        self.deadline_timer.stop()
        self.inhibitor.release()
        self.view.show_snapshot(self.session.snapshot(self.clock()))
        self.sig_finished.emit(status)

    @property
    def paused(self) -> bool:
        """Paused and waiting for the person. Not in the get-ready after a
        resume: Space there pauses again, and "go on" changes nothing."""
        return self.session.snapshot(self.clock()).phase is Phase.PAUSED

    @property
    def under_way(self) -> bool:
        """Started and not ended: the session's keys act (after its end they
        do nothing, and a spoken command says so: qt/voice_screen.py)."""
        return not self._finished and not self.session.done

    # -- controls ------------------------------------------------------------
    def toggle_pause(self) -> None:
        if self._finished:
            return
        # Paused: resume. Running, or in the get-ready after a resume: pause
        # (the snapshot's ``paused`` is true in that get-ready too, and
        # resuming a resume did nothing: Space seemed dead).
        self._handle(self.session.toggle_pause(self.clock()))
        self.tick()
        self._pause_hint()

    def _pause_hint(self) -> None:
        """While paused by the person, the status line says how to go on (a
        new user found nothing on the paused screen that did); it goes when
        the session does, unless another line has replaced it."""
        hint = self.tr("Paused. Press Space or Resume to carry on.")
        paused = self.session.snapshot(self.clock()).phase is Phase.PAUSED
        if paused:
            self.view.set_status(hint)
        elif self.view.status.text() == hint:
            self.view.set_status("")

    def next(self) -> None:
        if not self._finished:
            self._handle(self.session.next(self.clock()))
            self.tick()

    def previous(self) -> None:
        """Back (the Left arrow, "back", "repeat"): the engine's rule,
        ``Session.back``: this step again, never the get-down onto the mat."""
        if not self._finished:
            self._handle(self.session.back(self.clock()))
            self.tick()

    def stop(self) -> None:
        if not self._finished:
            self._handle(self.session.stop(self.clock()))
            self._end(EndStatus.STOPPED)

    def hold_for_question(self) -> None:
        """Pause while a full-window question is open (resumed on the answer)."""
        if self._finished:
            return
        snap = self.session.snapshot(self.clock())
        self._resume_after_question = not snap.paused
        if not snap.paused:
            self._handle(self.session.pause(self.clock()))
        self.tick()

    def question_answered(self, key: str) -> None:
        if key == "stop" or self._finished:
            return
        if self._resume_after_question:
            self._resume_after_question = False
            self.resume()

    def resume(self) -> None:
        """Go on after a pause, with the engine's short get-ready first."""
        if self._finished:
            return
        if self.session.snapshot(self.clock()).paused:
            self._handle(self.session.resume(self.clock()))
        self.tick()
        self._pause_hint()

    def hurts(self) -> None:
        if self._finished:
            return
        snap = self.session.snapshot(self.clock())
        if not snap.paused:
            self._handle(self.session.pause(self.clock()))
        self.tick()
        self.sig_hurts.emit(snap.step_index)

    def skip_exercise(self) -> None:
        """Move to the first step of the next exercise (paused stays paused)."""
        if self._finished:
            return
        self._handle(self.session.next_exercise(self.clock()))
        self.tick()

    def toggle_mute(self) -> None:
        self.muted = not self.muted
        if isinstance(self.cue_player, Mutable):
            self.cue_player.set_muted(self.muted)
        self.view.set_muted(self.muted)
        self.view.set_status(self.tr("Sound off") if self.muted else self.tr("Sound on"))

    def shutdown(self) -> None:
        self.timer.stop()
        self.deadline_timer.stop()
        self.inhibitor.release()
