"""The session as seen from the mat, three metres away (issue 17).

Real main window, fake clocks: nothing here waits on real time.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton
from tests.qt.test_flow import pass_safety_gate, tick_until

from stretchguide.core.session import Phase
from stretchguide.core.timeline import StepKind, intro_speech_s

ROUTINE = "flare_up_gentle"


def begin(qtbot, window):
    window.start_routine(ROUTINE)
    pass_safety_gate(qtbot, window)
    qtbot.mouseClick(window.checkin.skip_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "session"
    window.flow.controller.timer.stop()  # the fake clock drives the ticks


def snap(window):
    return window.flow.session.snapshot(window.ctx.clock())


def run_until(window, clock, done, limit_s=400.0):
    tick_until(window, clock, done, limit_s, dt=0.25)
    assert done(), "the session never got there"


def test_a_session_starts_full_screen_unless_turned_off(qtbot, window_clock):
    window, _ = window_clock
    begin(qtbot, window)
    assert window.isFullScreen()
    window.flow.controller.stop()
    assert not window.isFullScreen()  # the check-out is back in the window

    window.ctx.prefs.session_fullscreen = False
    window.show_page("routines")
    window.flow.recording.session_id = None
    begin(qtbot, window)
    assert not window.isFullScreen()


def test_the_first_get_ready_leaves_time_to_get_onto_the_mat(qtbot, window_clock):
    window, _ = window_clock
    begin(qtbot, window)
    first = window.flow.session.timeline.steps[0]
    assert first.kind is StepKind.PREPARE
    assert first.duration_s >= window.ctx.prefs.first_prepare_s == 15
    later = [s for s in window.flow.session.timeline.steps[1:] if s.kind is StepKind.PREPARE]
    assert later and all(s.duration_s < first.duration_s for s in later)

    window.flow.controller.stop()
    window.ctx.prefs.first_prepare_s = 40
    window.show_page("routines")
    window.flow.recording.session_id = None
    begin(qtbot, window)
    assert window.flow.session.timeline.steps[0].duration_s == 40


def test_every_get_ready_outlasts_its_spoken_intro_and_the_count(qtbot, window_clock):
    window, _ = window_clock
    window.ctx.prefs.prepare_s = 2  # far too short for any intro
    begin(qtbot, window)
    exercises = window.ctx.catalog.exercises
    intros = [s for s in window.flow.session.timeline.steps if s.intro]
    assert len(intros) == window.flow.session.timeline.exercise_count
    for step in intros:
        needed = intro_speech_s(exercises[step.exercise_id], step.side) + 3.0
        assert step.duration_s >= needed, step.exercise_id


def test_during_repetitions_the_big_number_is_the_repetition(qtbot, window_clock):
    window, clock = window_clock
    begin(qtbot, window)
    view = window.session_view
    run_until(window, clock, lambda: snap(window).phase is Phase.REPS and snap(window).rep == 2)
    s = snap(window)
    assert view.dial.text == "2"
    assert view.dial.sub == f"of {s.reps}"
    assert view.dial.caption in ("Move", "Hold")
    # The ring keeps the repetition's rhythm: it restarts at each repetition.
    period = s.step.rep_period_s
    tick_until(window, clock, lambda: False, period - (s.step_elapsed_s % period) + 0.1, dt=0.1)
    assert view.dial.text == "3"


def test_a_rest_shows_the_next_exercise_and_its_first_position(qtbot, window_clock):
    window, clock = window_clock
    begin(qtbot, window)
    view = window.session_view
    timeline = window.flow.session.timeline
    run_until(
        window,
        clock,
        lambda: (
            snap(window).phase is Phase.REST
            and window.flow.controller.upcoming(snap(window).step_index) is not None
        ),
    )
    s = snap(window)
    nxt = timeline.steps[s.step_index + 1]
    assert nxt.exercise_index == s.step.exercise_index + 1
    assert view.name.text() == f"Next: {nxt.exercise_name}"
    assert view.instruction.text() == nxt.instruction
    figure = view.figure
    shown = getattr(figure, "_key", None) or (getattr(figure, "_exercise_id", None),)
    assert shown[0] == nxt.exercise_id


def test_session_text_is_readable_from_three_metres_at_1080p(qtbot, window_clock):
    window, _ = window_clock
    begin(qtbot, window)
    view = window.session_view
    view.resize(1920, 1080)
    view._apply_scale()
    for label in (view.name, view.instruction, view.next_up, view.time_left, view.status):
        assert label.font().pixelSize() >= 40, label.accessibleName()
    window.flow.controller.toggle_mute()
    assert view.mute_badge.text() == "SOUND OFF"
    assert view.mute_badge.sizeHint().height() >= 40


def press_after(qtbot, widget, key):
    """Press ``key`` on ``widget`` once the modal question is up."""
    QTimer.singleShot(0, widget, lambda: qtbot.keyClick(widget, key))


def test_this_hurts_is_a_full_window_question_answered_with_keys(qtbot, window_clock):
    window, clock = window_clock
    begin(qtbot, window)
    run_until(window, clock, lambda: snap(window).phase is Phase.REPS)
    overlay = window.session_view.overlay
    seen = []
    QTimer.singleShot(
        0,
        overlay,
        lambda: (
            seen.append(
                (
                    overlay.isVisible(),
                    overlay.geometry() == window.session_view.rect(),
                    snap(window).paused,
                )
            ),
            qtbot.keyClick(overlay, Qt.Key.Key_3),
        ),
    )
    qtbot.keyClick(window.session_view, Qt.Key.Key_H)
    visible, covers_the_view, paused = seen[0]
    assert visible and paused and covers_the_view
    assert not overlay.isVisible()
    # "Carry on" goes on by itself after a short get-ready.
    assert snap(window).phase is Phase.RESUMING
    run_until(window, clock, lambda: not snap(window).paused, limit_s=10)


def test_carry_on_and_skip_resume_by_themselves(qtbot, window_clock):
    window, clock = window_clock
    begin(qtbot, window)
    run_until(window, clock, lambda: snap(window).phase is Phase.REPS)
    first = snap(window).step.exercise_index
    window.ask_hurt = lambda: "skip"
    qtbot.keyClick(window.session_view, Qt.Key.Key_H)
    assert snap(window).phase is Phase.RESUMING
    assert snap(window).step.exercise_index == first + 1
    run_until(window, clock, lambda: not snap(window).paused, limit_s=10)


def test_ease_off_shortens_what_is_left_instead_of_starting_over(qtbot, window_clock):
    window, clock = window_clock
    begin(qtbot, window)
    # Into the pelvic tilt's eight repetitions (each ends in a hold), at 7.
    run_until(
        window,
        clock,
        lambda: (
            snap(window).phase is Phase.REPS
            and snap(window).step.exercise_id == "posterior_pelvic_tilt"
            and snap(window).rep == 7
        ),
    )
    before = snap(window)
    exercise = before.step.exercise_id
    left_in_exercise = (
        window.flow.session.timeline.end_of(
            window.flow.session.timeline.exercise_range(before.step.exercise_index)[-1]
        )
        - before.elapsed_s
    )
    window.ask_hurt = lambda: "ease"
    qtbot.keyClick(window.session_view, Qt.Key.Key_H)
    after = snap(window)
    assert after.phase is Phase.RESUMING  # a short get-ready, then on
    assert after.step.exercise_id == exercise
    assert after.rep == 7, "it must not start the exercise again from repetition 1"
    new = window.flow.session.timeline
    left_now = new.end_of(new.exercise_range(after.step.exercise_index)[-1]) - after.elapsed_s
    assert left_now < left_in_exercise
    run_until(window, clock, lambda: not snap(window).paused, limit_s=10)
    assert snap(window).rep == 7


def test_the_stop_question_pauses_the_session_while_it_is_open(qtbot, window_clock):
    window, clock = window_clock
    begin(qtbot, window)
    run_until(window, clock, lambda: snap(window).phase is Phase.REPS)
    view = window.session_view
    seen = []

    def answer_no():
        seen.append(snap(window).paused)
        clock.advance(30)  # reading the question takes a while
        window.flow.controller.tick()
        seen.append(snap(window).elapsed_s)
        qtbot.keyClick(view.overlay, Qt.Key.Key_2)

    elapsed = snap(window).elapsed_s
    QTimer.singleShot(0, view.overlay, answer_no)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert seen[0] is True
    assert seen[1] == pytest.approx(elapsed)  # no plan time passed behind it
    assert window.current_page() == "session"
    assert snap(window).phase is Phase.RESUMING

    QTimer.singleShot(0, view.overlay, lambda: qtbot.keyClick(view.overlay, Qt.Key.Key_1))
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.current_page() == "checkin"


def test_the_first_frame_of_the_session_shows_the_figure(qtbot, window_clock):
    window, _ = window_clock
    begin(qtbot, window)
    figure = window.session_view.figure
    inner = getattr(figure, "figure", figure)
    drawing = getattr(inner, "current_drawing", lambda: object())()
    assert drawing is not None


def test_closing_the_window_answers_an_open_question_so_nothing_hangs(qtbot, window_clock):
    window, clock = window_clock
    begin(qtbot, window)
    view = window.session_view
    QTimer.singleShot(0, view.overlay, window.close)
    qtbot.keyClick(view, Qt.Key.Key_H)  # returns: the close answered it
    assert not view.overlay.isVisible()
    assert window.ctx.history.sessions()[0].status.value == "stopped"


def test_the_stop_question_after_this_hurts_shows_only_its_own_answers(qtbot, window_clock):
    # Finding 1 of the walk-through: "This hurts", then Esc, showed the hurt
    # answers under the stop answers (two buttons numbered 1, dead buttons over
    # the title); the old buttons waited for a deletion the nested loop never ran.
    window, clock = window_clock
    begin(qtbot, window)
    run_until(window, clock, lambda: snap(window).phase is Phase.REPS)
    view = window.session_view
    overlay = view.overlay
    press_after(qtbot, overlay, Qt.Key.Key_3)  # "This hurts", then carry on
    qtbot.keyClick(view, Qt.Key.Key_H)
    assert not overlay.isVisible()

    seen: list[list[str]] = []

    def look_then_answer_no():
        seen.append(
            [
                b.text()
                for b in overlay.findChildren(QPushButton)
                if b.isVisibleTo(overlay) and b.geometry().intersects(overlay.rect())
            ]
        )
        qtbot.keyClick(overlay, Qt.Key.Key_2)

    QTimer.singleShot(0, overlay, look_then_answer_no)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert seen == [[f"1   {view.tr('Yes, end the session')}", f"2   {view.tr('No, carry on')}"]]
    assert window.current_page() == "session"
