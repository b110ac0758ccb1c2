"""The Left arrow ("back") during a session's first exercise, in the real
window on fake clocks: it repeats what the person is in and never sends them
through the get-down onto the mat again (a new user's walk-through)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from tests.qt.test_flow import pass_safety_gate, tick_until

from stretchguide.core.session import Phase
from stretchguide.core.timeline import StepKind

# Its first exercise has a get-ready, sets with rests between them, a switch.
ROUTINE = "article_003_piriformis"


@pytest.fixture
def window_clock(window_clock):
    """The shared window (tests/qt/conftest.py), in a window and slow to
    get down onto the mat."""
    window, clock = window_clock
    window.ctx.prefs.session_fullscreen = False
    window.ctx.prefs.first_prepare_s = 40  # a slow way down onto the mat
    return window, clock


def begin(qtbot, window):
    window.start_routine(ROUTINE)
    pass_safety_gate(qtbot, window)
    qtbot.mouseClick(window.checkin.skip_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "session"
    window.flow.controller.timer.stop()  # the fake clock drives the ticks


def snap(window):
    return window.flow.session.snapshot(window.ctx.clock())


def run_to_step(window, clock, index, into):
    """Tick the session until ``into`` seconds into step ``index``."""
    start = window.flow.session.timeline.starts[index]
    tick_until(window, clock, lambda: snap(window).elapsed_s >= start + into, limit_s=600, dt=0.25)
    assert snap(window).step_index == index


def press_left(qtbot, window):
    qtbot.keyClick(window.session_view, Qt.Key.Key_Left)


def test_left_in_the_first_seconds_of_the_first_hold_repeats_the_hold(qtbot, window_clock):
    window, clock = window_clock
    begin(qtbot, window)
    timeline = window.flow.session.timeline
    assert timeline.steps[0].duration_s == 40 and timeline.steps[1].kind is StepKind.HOLD
    run_to_step(window, clock, 1, 1.0)
    press_left(qtbot, window)
    s = snap(window)
    # Before: the 40 s get-down again, with its intro.
    assert s.step_index == 1 and s.phase is Phase.HOLD
    assert s.remaining_s == pytest.approx(timeline.steps[1].duration_s)
    assert window.session_view.dial.caption == "Hold"


def test_left_in_a_rest_between_sets_repeats_the_set_just_done(qtbot, window_clock):
    window, clock = window_clock
    begin(qtbot, window)
    timeline = window.flow.session.timeline
    rest = next(i for i, s in enumerate(timeline.steps) if s.kind is StepKind.REST)
    run_to_step(window, clock, rest, 4.0)
    press_left(qtbot, window)
    s = snap(window)
    assert s.step_index == rest - 1 and s.phase is Phase.HOLD  # before: the rest again
    assert s.remaining_s == pytest.approx(timeline.steps[rest - 1].duration_s)


def test_left_late_in_the_get_down_gives_the_exercise_get_ready_not_the_get_down(
    qtbot, window_clock
):
    window, clock = window_clock
    begin(qtbot, window)
    first = window.flow.session.timeline.steps[0]
    run_to_step(window, clock, 0, 35.0)
    press_left(qtbot, window)
    s = snap(window)
    assert s.step_index == 0 and s.phase is Phase.PREPARE
    assert s.remaining_s == pytest.approx(first.ready_s)  # before: 40 s again
    assert first.ready_s < 20
    assert window.session_view.dial.text == str(int(first.ready_s))


def test_the_back_button_says_what_it_does(qtbot, window_clock):
    window, _ = window_clock
    view = window.session_view
    assert "Repeat" in view.prev_button.toolTip()
    assert view.prev_button.accessibleName() == view.prev_button.toolTip()
