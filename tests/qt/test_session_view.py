from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from tests.support import FakeClock, tiny_exercises, tiny_routine

from stretchguide.core.catalog import Side
from stretchguide.core.session import EventKind, Phase, Session
from stretchguide.core.timeline import SessionOptions, build_timeline
from stretchguide.qt.session_controller import SessionController
from stretchguide.qt.session_view import SessionView


def tiny_session(clock: Callable[[], float]) -> Session:
    """The tiny routine with a 5 s get-ready and side switch, on ``clock``."""
    options = SessionOptions(prepare_s=5, switch_s=5)
    timeline = build_timeline(tiny_routine(), tiny_exercises(), options)
    return Session(timeline, clock)


@pytest.fixture
def running(qtbot):
    clock = FakeClock()
    session = tiny_session(clock)
    view = SessionView()
    view.confirm_stop = lambda: True
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    controller = SessionController(session, view, clock)
    events: list = []
    controller.sig_events.connect(events.extend)
    controller.start()
    controller.timer.stop()  # the test drives ticks with the fake clock
    return clock, session, view, controller, events


def step(clock, controller, seconds, dt=0.5):
    t = 0.0
    while t < seconds:
        clock.advance(dt)
        controller.tick()
        t += dt


def test_view_shows_exercise_countdown_and_progress_while_holding(running):
    clock, session, view, controller, _ = running
    step(clock, controller, 7)  # past the 5 s get-ready, 2 s into a 10 s hold
    snap = session.snapshot(clock())
    assert snap.phase is Phase.HOLD
    assert view.name.text() == "Knees to chest"
    assert view.dial.seconds == 8
    assert view.progress.value() > 0
    assert "left" in view.time_left.text()


def test_countdown_digits_are_at_least_a_fifth_of_the_window_height(running, qtbot):
    _, _, view, _, _ = running
    for h in (600, 800, 1000):
        view.window().resize(1200, h)
        qtbot.wait(1)
        view.show_snapshot(view_snapshot := running[1].snapshot(running[0]()))
        del view_snapshot
        assert view.dial.digit_pixel_height() >= view.window().height() / 5 * 0.99


def test_space_pauses_and_resumes_without_losing_hold_time(running, qtbot):
    clock, session, view, controller, _ = running
    step(clock, controller, 7)
    before = session.snapshot(clock()).remaining_s
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert session.snapshot(clock()).paused
    assert view.pause_button.text() == "Resume"
    assert view.paused_badge.text() == "PAUSED"
    clock.advance(60)
    controller.tick()
    assert session.snapshot(clock()).remaining_s == pytest.approx(before)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    step(clock, controller, 4)  # the 3 s get-ready after resuming, then 1 s
    assert session.snapshot(clock()).remaining_s == pytest.approx(before - 1, abs=0.51)


def test_right_and_left_arrows_move_between_steps(running, qtbot):
    clock, session, view, controller, _ = running
    start = session.snapshot(clock()).step_index
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert session.snapshot(clock()).step_index == start + 1
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert session.snapshot(clock()).step_index == start + 2
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert session.snapshot(clock()).step_index == start + 1


def test_side_badge_names_the_side_being_worked(running):
    clock, session, view, controller, _ = running
    controller.skip_exercise()  # to the chair twist, done each side
    seen = set()
    for _ in range(200):
        step(clock, controller, 0.5)
        snap = session.snapshot(clock())
        if snap.phase is Phase.HOLD and snap.side is not None:
            seen.add((snap.side, view.side.text()))
        if session.done:
            break
    assert (Side.LEFT, "LEFT") in seen and (Side.RIGHT, "RIGHT") in seen


def test_escape_stops_after_confirmation_and_reports_stopped(running, qtbot):
    clock, session, view, controller, _ = running
    with qtbot.waitSignal(controller.sig_finished) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert blocker.args == ["stopped"]
    assert session.done


def test_escape_without_confirmation_keeps_the_session_running(running, qtbot):
    clock, session, view, controller, _ = running
    view.confirm_stop = lambda: False
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not session.done


def test_this_hurts_pauses_and_reports_the_step(running, qtbot):
    clock, session, view, controller, _ = running
    step(clock, controller, 7)
    with qtbot.waitSignal(controller.sig_hurts) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_H)
    assert blocker.args == [session.snapshot(clock()).step_index]
    assert session.snapshot(clock()).paused


def test_running_to_the_end_reports_completed_and_each_work_step(running, qtbot):
    clock, session, view, controller, events = running
    done_steps: list[int] = []
    controller.sig_step_done.connect(done_steps.append)
    finished: list[str] = []
    controller.sig_finished.connect(finished.append)
    step(clock, controller, session.timeline.total_s + 2)
    assert finished == ["completed"]
    work = [i for i, s in enumerate(session.timeline.steps) if s.is_work]
    assert done_steps == work
    assert any(e.kind is EventKind.SESSION_COMPLETE for e in events)


def test_a_long_clock_jump_pauses_and_says_why(running):
    clock, session, view, controller, _ = running
    step(clock, controller, 7)
    clock.advance(600)
    controller.tick()
    assert session.snapshot(clock()).stalled
    assert "asleep" in view.status.text()
    assert view.paused_badge.text() == "PAUSED"


def test_a_clock_set_back_pauses_and_says_the_clock_changed(running):
    clock, session, view, controller, _ = running
    step(clock, controller, 7)
    clock.now -= 3600  # the clock is set back an hour
    controller.tick()
    assert session.snapshot(clock()).stalled
    status = view.status.text()
    assert "clock changed" in status and "paused" in status
    # Nothing was asleep, and the hour is not time that passed.
    assert "asleep" not in status and "1:00:00" not in status and "60:00" not in status
    assert view.paused_badge.text() == "PAUSED"


def test_m_toggles_mute_on_the_cue_player(running, qtbot):
    _, _, view, controller, _ = running

    class Player:
        muted = None

        def handle(self, events):
            pass

        def set_muted(self, m):
            self.muted = m

    controller.cue_player = Player()
    qtbot.keyClick(view, Qt.Key.Key_M)
    assert controller.cue_player.muted is True
    assert view.mute_button.text() == "Unmute"


class ShiftedClock:
    """Real monotonic time plus an offset, so real timers and the clock agree."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.monotonic() + self.offset


@pytest.fixture
def real_time(qtbot):
    clock = ShiftedClock()
    session = tiny_session(clock)
    view = SessionView()
    qtbot.addWidget(view)
    controller = SessionController(session, view, clock)
    controller.start()
    controller.timer.stop()  # no 50 ms tick: only the deadline timer can deliver
    return clock, session, controller


def test_a_cue_is_delivered_by_its_deadline_timer_within_a_few_ms(real_time, qtbot):
    clock, session, controller = real_time
    deadline = session.next_deadline()
    assert deadline is not None
    clock.offset += deadline - clock() - 0.010  # the next cue is now 10 ms away
    controller.tick()
    assert controller.deadline_timer.isActive()
    lateness: list[float] = []
    controller.sig_events.connect(lambda evs: lateness.extend(clock() - e.at for e in evs))
    started = time.monotonic()
    with qtbot.waitSignal(controller.sig_events, timeout=1000):
        pass
    waited = time.monotonic() - started
    assert lateness and all(0.0 <= late < 0.030 for late in lateness)
    assert waited < 0.030  # well inside one 50 ms tick
    assert session.next_deadline() > deadline  # and the timer is armed for the next
    assert controller.deadline_timer.isActive()


def test_pause_and_stop_cancel_the_deadline_timer(real_time, qtbot):
    clock, session, controller = real_time
    assert controller.deadline_timer.isActive()
    controller.toggle_pause()
    assert session.snapshot().paused and not controller.deadline_timer.isActive()
    controller.toggle_pause()  # resuming: armed for the end of the get-ready
    assert controller.deadline_timer.isActive()
    assert controller.deadline_timer.remainingTime() > 2000
    controller.stop()
    assert not controller.deadline_timer.isActive()
    qtbot.wait(20)
    assert not controller.deadline_timer.isActive()


def test_the_screen_shows_cautions_the_note_and_the_leg(qtbot):
    from stretchguide.core.catalog import load_builtin

    catalog = load_builtin()
    routine = catalog.routines["cause_piriformis_syndrome"]
    clock = FakeClock()
    options = SessionOptions(prepare_s=5, switch_s=5, affected_side=Side.RIGHT)
    session = Session(build_timeline(routine, catalog.exercises, options), clock)
    view = SessionView()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    controller = SessionController(session, view, clock)
    controller.start()
    controller.timer.stop()
    step(clock, controller, 7)  # into the ball release hold
    assert session.snapshot(clock()).phase is Phase.HOLD
    assert "nerve" in view.caution.text()  # "keep the ball off the nerve"
    assert routine.items[0].note in view.caution.text()
    assert view.caution.isVisibleTo(view)
    assert view.side.text() == "RIGHT LEG"


def test_a_breath_paced_hold_shows_a_breath_counter(qtbot):
    from tests.support import numbered, timeline_of

    from stretchguide.core.catalog import Dose

    clock = FakeClock()
    tl = timeline_of(*numbered([Dose(breaths=6)]), options=SessionOptions(prepare_s=5))
    session = Session(tl, clock)
    view = SessionView()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    controller = SessionController(session, view, clock)
    controller.start()
    controller.timer.stop()
    step(clock, controller, 5 + 11)  # 11 s into the hold: the third 5 s breath
    assert "breath 3 of 6" in view.reps.text()
