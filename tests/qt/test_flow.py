"""End-to-end flows through the real main window on fake clocks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from tests.support import FakeClock

from stretchguide import paths
from stretchguide.core.trends import CheckInKind, SessionStatus
from stretchguide.qt.app import build_window

ROUTINE = "flare_up_gentle"


@pytest.fixture
def app_window(qtbot, _private_data_dir):
    clock = FakeClock(5000.0)
    wall = FakeClock(1_760_000_000.0)  # a fixed date for "today"
    window = build_window(paths.resolve(str(_private_data_dir)), clock=clock, wall=wall)
    window.ctx.audio = False
    asked: list[str] = []
    informed: list[str] = []

    def ask(title, text):
        asked.append(title)
        return True

    window.ask = ask
    window.choose = lambda title, intro, lines: [ask(title, line) for line in lines]
    window.inform = lambda title, text: informed.append(text)
    window.session_view.confirm_stop = lambda: True
    qtbot.addWidget(window)
    window.show()
    yield window, clock, wall, asked, informed
    window.ctx.history.close()


def pass_safety_gate(qtbot, window):
    gate = window.safety
    if gate.currentWidget() is gate.disclaimer_page:
        qtbot.mouseClick(gate.accept_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(gate.all_no_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(gate.check_button, Qt.MouseButton.LeftButton)


def fill_checkin(qtbot, page, back, leg, extent="thigh"):
    page.back.set_value(back)
    page.leg.set_value(leg)
    page.set_extent(extent)


def tick_until(window, clock, done, limit_s=600.0, dt=0.5):
    """Advance the fake clock and tick the session until ``done()`` or the limit."""
    t = 0.0
    while not done() and t < limit_s:
        clock.advance(dt)
        window.flow.controller.tick()
        t += dt


def run_to_end(window, clock, dt=1.0):
    window.flow.controller.timer.stop()  # the fake clock drives the ticks
    total = window.flow.session.timeline.total_s
    tick_until(window, clock, lambda: window.current_page() != "session", total + 30, dt)


def test_full_session_flow_from_list_to_chart(qtbot, app_window):
    window, clock, wall, asked, _ = app_window
    window.routines.select_routine(ROUTINE)
    qtbot.mouseClick(window.routines.details.start_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "safety"
    pass_safety_gate(qtbot, window)
    assert window.ctx.prefs.disclaimer_accepted
    assert window.current_page() == "checkin"
    assert window.checkin.kind == "before"

    fill_checkin(qtbot, window.checkin, back=5, leg=6, extent="thigh")
    qtbot.mouseClick(window.checkin.save_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "session"
    assert window.session_view.name.text()  # an exercise is showing

    run_to_end(window, clock)
    assert window.current_page() == "checkin"
    assert window.checkin.kind == "after"
    ex_ids = list(window.checkin.response_groups)
    assert ex_ids, "the after check-in asks about each exercise"
    fill_checkin(qtbot, window.checkin, back=3, leg=4, extent="buttock")
    window.checkin.set_response(ex_ids[0], "better")
    qtbot.mouseClick(window.checkin.save_button, Qt.MouseButton.LeftButton)
    assert window.checkin.verdict.isVisibleTo(window)
    assert "not a diagnosis" in window.checkin.verdict.text()

    qtbot.mouseClick(window.checkin.continue_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "history"

    h = window.ctx.history
    [session] = h.sessions()
    assert session.status is SessionStatus.COMPLETED
    assert session.routine_id == ROUTINE
    kinds = sorted(c.kind for c in h.checkins_for_session(session.id))
    assert kinds == sorted([CheckInKind.BEFORE, CheckInKind.AFTER])
    work_steps = [s for s in window.flow.session.timeline.steps if s.is_work]
    assert len(h.steps(session.id)) == len(work_steps)
    assert [r.response.value for r in h.responses(session.id)] == ["better"]

    view = window._history_view
    assert view.data is not None and not view.data.empty
    assert view.data.pairs == [(float(session.started_at), 6, 4)]
    assert sum(view.data.bar_h) == 1
    assert view.chart_stack.currentWidget() is view.plots


def test_urgent_red_flag_blocks_the_session_until_acknowledged(qtbot, app_window):
    window, *_ = app_window
    window.start_routine(ROUTINE)
    gate = window.safety
    qtbot.mouseClick(gate.accept_button, Qt.MouseButton.LeftButton)
    gate.answer_all_no()
    gate.set_answer("bladder_bowel", True)
    qtbot.mouseClick(gate.check_button, Qt.MouseButton.LeftButton)
    assert gate.currentWidget() is gate.result_page
    assert "urgent" in gate.result_title.text().lower()
    assert not gate.continue_anyway.isVisibleTo(gate)
    qtbot.mouseClick(gate.ack_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "routines"
    assert window.ctx.history.sessions() == []
    # Not marked as checked: the questions come back before the next session.
    assert window.ctx.prefs.red_flags_due(window.ctx.wall())
    window.start_routine(ROUTINE)
    assert window.current_page() == "safety"


def test_unanswered_safety_questions_are_refused(qtbot, app_window):
    window, *_ = app_window
    window.start_routine(ROUTINE)
    gate = window.safety
    qtbot.mouseClick(gate.accept_button, Qt.MouseButton.LeftButton)
    gate.set_answer("fever", False)
    qtbot.mouseClick(gate.check_button, Qt.MouseButton.LeftButton)
    assert gate.currentWidget() is gate.questions_page
    assert gate.question_error.text()


def test_safety_questions_return_after_the_interval(qtbot, app_window):
    window, _, wall, *_ = app_window
    window.start_routine(ROUTINE)
    pass_safety_gate(qtbot, window)
    window.show_page("routines")
    window.start_routine(ROUTINE)
    assert window.current_page() == "checkin"  # asked recently: straight to check-in
    wall.advance(8 * 86400)
    window.start_routine(ROUTINE)
    assert window.current_page() == "safety"


def start_session(qtbot, window):
    window.start_routine(ROUTINE)
    pass_safety_gate(qtbot, window)
    qtbot.mouseClick(window.checkin.skip_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "session"
    window.flow.controller.timer.stop()


def test_this_hurts_records_the_event_and_can_end_the_session(qtbot, app_window):
    window, clock, *_ = app_window
    start_session(qtbot, window)
    clock.advance(8)
    window.flow.controller.tick()
    window.ask_hurt = lambda: "end"
    qtbot.keyClick(window.session_view, Qt.Key.Key_H)
    h = window.ctx.history
    [session] = h.sessions()
    assert len(h.hurts(session.id)) == 1
    assert session.status is SessionStatus.STOPPED
    assert window.current_page() == "checkin"


def test_after_session_verdict_names_the_this_hurts_presses(qtbot, app_window):
    window, clock, *_ = app_window
    start_session(qtbot, window)
    clock.advance(8)
    window.flow.controller.tick()
    hurt_in = window.flow.session.snapshot().step.exercise_name
    window.ask_hurt = lambda: "end"
    qtbot.keyClick(window.session_view, Qt.Key.Key_H)
    assert window.checkin.kind == "after"
    fill_checkin(qtbot, window.checkin, back=2, leg=2, extent="none")
    qtbot.mouseClick(window.checkin.save_button, Qt.MouseButton.LeftButton)
    verdict = window.checkin.verdict.text()
    assert "This hurts" in verdict and "1 time " in verdict and hurt_in in verdict


def test_stopping_mid_hold_asks_about_that_exercise_only(qtbot, app_window):
    window, clock, *_ = app_window
    start_session(qtbot, window)
    session = window.flow.session
    first = session.timeline.steps[0].exercise_id
    tick_until(window, clock, lambda: session.snapshot(clock()).step.is_work)
    qtbot.keyClick(window.session_view, Qt.Key.Key_Escape)
    assert window.checkin.kind == "after"
    assert list(window.checkin.response_groups) == [first]


def test_stopping_before_the_next_exercise_starts_does_not_ask_about_it(qtbot, app_window):
    window, clock, *_ = app_window
    start_session(qtbot, window)
    session = window.flow.session
    steps = session.timeline.steps
    first = steps[0].exercise_id
    second = steps[session.timeline.exercise_starts()[1]].exercise_id
    tick_until(window, clock, lambda: session.snapshot(clock()).step.exercise_id == second)
    assert not session.snapshot(clock()).step.is_work  # its get-ready
    qtbot.keyClick(window.session_view, Qt.Key.Key_Escape)
    assert list(window.checkin.response_groups) == [first]


def test_after_session_verdict_uses_the_pain_limits_from_settings(qtbot, app_window):
    from stretchguide.core.safety import EASE_OFF_ADVICE, FINE_ADVICE, PainThresholds

    window, clock, *_ = app_window
    for limits, advice in ((None, EASE_OFF_ADVICE), (PainThresholds(6, 8), FINE_ADVICE)):
        if limits is not None:
            window.ctx.prefs.pain_thresholds = limits
        start_session(qtbot, window)
        qtbot.keyClick(window.session_view, Qt.Key.Key_Escape)
        fill_checkin(qtbot, window.checkin, back=6, leg=6, extent="none")
        qtbot.mouseClick(window.checkin.save_button, Qt.MouseButton.LeftButton)
        assert advice.split(":")[0].split(".")[0] in window.checkin.verdict.text()
        qtbot.mouseClick(window.checkin.continue_button, Qt.MouseButton.LeftButton)


def test_hurts_html_counts_presses_per_exercise_in_plain_words():
    from stretchguide.qt.verdict_text import hurts_html

    assert hurts_html([]) == ""
    text = hurts_html(["Bridge", "Clam shell", "Bridge"])
    assert "3 times" in text and "Bridge (2×)" in text and "Clam shell" in text


def test_this_hurts_ease_off_shortens_the_remaining_holds(qtbot, app_window):
    window, clock, *_ = app_window
    start_session(qtbot, window)
    before_total = window.flow.session.timeline.total_s
    window.ask_hurt = lambda: "ease"
    qtbot.keyClick(window.session_view, Qt.Key.Key_H)
    assert window.current_page() == "session"
    assert window.flow.session.timeline.total_s < before_total
    assert len(window.ctx.history.sessions()) == 1  # the same session goes on


def test_this_hurts_skip_moves_to_the_next_exercise(qtbot, app_window):
    window, clock, *_ = app_window
    start_session(qtbot, window)
    first = window.flow.session.snapshot(clock()).step.exercise_index
    window.ask_hurt = lambda: "skip"
    qtbot.keyClick(window.session_view, Qt.Key.Key_H)
    assert window.flow.session.snapshot(clock()).step.exercise_index == first + 1


def test_damaged_database_is_reported_at_start(qtbot, _private_data_dir):
    app_paths = paths.resolve(str(_private_data_dir)).ensure()
    app_paths.database.write_bytes(b"this is not a database at all" * 50)
    window = build_window(app_paths)
    qtbot.addWidget(window)
    messages: list[str] = []
    window.inform = lambda title, text: messages.append(text)
    window.ask = lambda title, text: False
    window.startup_checks()
    assert messages and "set it aside" in messages[0]
    assert list(app_paths.data_dir.glob("history.db.damaged-*"))
    window.ctx.history.close()


def test_unfinished_session_is_offered_and_closed_as_partial(qtbot, _private_data_dir):
    from stretchguide.core.catalog import load_builtin
    from stretchguide.store.history import History

    app_paths = paths.resolve(str(_private_data_dir)).ensure()
    h = History.open(app_paths)
    h.start_session(load_builtin().routines[ROUTINE])
    h.close()
    window = build_window(app_paths)
    qtbot.addWidget(window)
    asked: list[str] = []
    window.ask = lambda title, text: asked.append(title) or True
    window.startup_checks()
    assert "Unfinished session" in asked
    [s] = window.ctx.history.sessions()
    assert s.status is SessionStatus.PARTIAL
    window.ctx.history.close()


def test_next_morning_checkin_is_offered_after_yesterdays_session(qtbot, app_window):
    window, clock, wall, asked, _ = app_window
    window.ctx.prefs.disclaimer_accepted = True
    start_session(qtbot, window)
    run_to_end(window, clock)
    qtbot.mouseClick(window.checkin.skip_button, Qt.MouseButton.LeftButton)
    wall.advance(86400)
    window.startup_checks()
    assert "Good morning" in asked
    assert window.current_page() == "checkin"
    assert window.checkin.kind == "next_morning"
    fill_checkin(qtbot, window.checkin, 2, 2, "none")
    qtbot.mouseClick(window.checkin.save_button, Qt.MouseButton.LeftButton)
    assert window.checkin.verdict.text()
    asked.clear()
    window.startup_checks()
    assert "Good morning" not in asked  # offered once a day


def test_session_keys_work_wherever_focus_is_in_the_window(qtbot, app_window):
    window, clock, *_ = app_window
    start_session(qtbot, window)
    session = window.flow.session
    # Focus is not on the session view: the key goes to the window itself.
    window.session_view.clearFocus()
    from PySide6.QtTest import QTest

    # With its text given, QTest does not warn about a key with no ASCII.
    QTest.sendKeyEvent(
        QTest.KeyAction.Click,
        window,
        Qt.Key.Key_MediaTogglePlayPause,
        "",
        Qt.KeyboardModifier.NoModifier,
    )
    assert session.snapshot(clock()).paused
    qtbot.keyClick(window.session_view.pause_button, Qt.Key.Key_Space)
    clock.advance(4)  # past the resume count-in
    window.flow.controller.tick()
    assert not session.snapshot(clock()).paused
    step = session.snapshot(clock()).step_index
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert session.snapshot(clock()).step_index > step


def test_session_keys_are_inactive_when_the_session_page_is_not_showing(qtbot, app_window):
    window, clock, *_ = app_window
    start_session(qtbot, window)
    session = window.flow.session
    window.show_page("routines")
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not session.snapshot(clock()).paused
    assert not any(sc.isEnabled() for sc in window.session_view.shortcuts)


def test_the_first_session_with_painful_leg_work_asks_which_leg(qtbot, app_window):
    from stretchguide.core.catalog import Side

    window, clock, wall, asked, _ = app_window
    assert not window.ctx.prefs.side_known
    window.routines.select_routine("cause_irritated_nerve")
    qtbot.mouseClick(window.routines.details.start_button, Qt.MouseButton.LeftButton)
    pass_safety_gate(qtbot, window)
    page = window.checkin
    assert page.side_row.isVisibleTo(page) and page.require_side
    fill_checkin(qtbot, page, back=2, leg=5)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "checkin"  # not started without an answer
    assert "which leg" in page.error.text().lower()
    page.set_side("right")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "session"
    assert window.ctx.prefs.affected_side == "right"
    sides = {s.side for s in window.flow.session.timeline.steps if s.is_work}
    assert sides == {Side.RIGHT}
    window.flow.controller.timer.stop()


def test_a_skipped_side_question_works_both_legs(qtbot, app_window):
    from stretchguide.core.catalog import Side

    window, clock, wall, asked, _ = app_window
    window.routines.select_routine("cause_irritated_nerve")
    qtbot.mouseClick(window.routines.details.start_button, Qt.MouseButton.LeftButton)
    pass_safety_gate(qtbot, window)
    qtbot.mouseClick(window.checkin.skip_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "session"
    sides = {s.side for s in window.flow.session.timeline.steps if s.is_work}
    assert sides == {Side.LEFT, Side.RIGHT}
    assert not window.ctx.prefs.side_known  # asked again next time
    window.flow.controller.timer.stop()


def test_new_numbness_before_a_session_brings_the_safety_questions_first(qtbot, app_window):
    window, clock, wall, asked, _ = app_window
    window.start_routine(ROUTINE)
    pass_safety_gate(qtbot, window)
    page = window.checkin
    fill_checkin(qtbot, page, back=2, leg=3)
    page.numbness.setChecked(True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "checkin"  # not straight into the session
    text = page.verdict.text()
    assert "numbness" in text.lower() and "fine" not in text.lower()
    assert "today" in text  # when to get help
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "safety"
    assert window.safety.currentWidget() is window.safety.questions_page
    pass_safety_gate(qtbot, window)
    assert window.current_page() == "session"  # the check-in is not asked twice
    window.flow.controller.timer.stop()


def test_new_weakness_after_a_session_is_never_fine(qtbot, app_window):
    window, clock, wall, asked, _ = app_window
    window.start_routine(ROUTINE)
    pass_safety_gate(qtbot, window)
    fill_checkin(qtbot, window.checkin, back=2, leg=2)
    qtbot.mouseClick(window.checkin.save_button, Qt.MouseButton.LeftButton)
    run_to_end(window, clock)
    page = window.checkin
    fill_checkin(qtbot, page, back=1, leg=1)
    page.weakness.setChecked(True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    text = page.verdict.text()
    assert "That looks fine" not in text
    assert "weakness" in text.lower()
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "safety"


def test_an_urgent_answer_is_remembered_until_a_doctor_has_seen_the_person(qtbot, app_window):
    window, clock, wall, asked, informed = app_window
    window.start_routine(ROUTINE)
    gate = window.safety
    qtbot.mouseClick(gate.accept_button, Qt.MouseButton.LeftButton)
    gate.answer_all_no()
    gate.set_answer("bladder_start", True)
    qtbot.mouseClick(gate.check_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(gate.ack_button, Qt.MouseButton.LeftButton)
    kept = window.ctx.history.red_flag_answers()
    assert (int(wall()), "bladder_start", True, "urgent") in kept  # with its time
    # Later the same day, "no" to "seen a doctor since?": nothing starts,
    # and no "None of these" is even offered.
    wall.advance(3 * 3600)
    window.ask = lambda title, text: asked.append(title) or False
    window.start_routine(ROUTINE)
    assert asked[-1] == "Seen by a doctor?"
    assert window.current_page() == "routines"
    assert "medical help" in informed[-1]
    # Seen by a doctor: the questions are asked again, then the session may run.
    window.ask = lambda title, text: asked.append(title) or True
    window.start_routine(ROUTINE)
    assert window.current_page() == "safety"
    pass_safety_gate(qtbot, window)
    assert window.current_page() == "checkin"
    window.start_routine(ROUTINE)  # answered once: not asked again
    assert asked.count("Seen by a doctor?") == 2


def test_pain_spreading_after_two_sessions_in_a_row_sends_to_a_professional(qtbot, app_window):
    window, clock, wall, *_ = app_window

    def session(after_extent: str) -> str:
        window.start_routine(ROUTINE)
        if window.current_page() == "safety":
            pass_safety_gate(qtbot, window)
        fill_checkin(qtbot, window.checkin, back=2, leg=3, extent="thigh")
        qtbot.mouseClick(window.checkin.save_button, Qt.MouseButton.LeftButton)
        run_to_end(window, clock)
        fill_checkin(qtbot, window.checkin, back=2, leg=3, extent=after_extent)
        qtbot.mouseClick(window.checkin.save_button, Qt.MouseButton.LeftButton)
        text = window.checkin.verdict.text()
        qtbot.mouseClick(window.checkin.continue_button, Qt.MouseButton.LeftButton)
        wall.advance(86400)
        return text

    first = session("below_knee")
    assert "nerve sign" in first and "two sessions in a row" not in first
    second = session("below_knee")
    assert "two sessions in a row" in second
    assert "see a doctor or physiotherapist before you go on" in second
    third = session("thigh")  # it did not spread this time
    assert "two sessions in a row" not in third


def test_a_check_in_that_changes_the_painful_leg_says_so(qtbot, app_window):
    window, *_ = app_window
    window.ctx.prefs.disclaimer_accepted = True
    window.ctx.prefs.affected_side = "left"
    window.checkin_now()
    page = window.checkin
    fill_checkin(qtbot, page, back=2, leg=3, extent="thigh")
    page.side_row.buttons[1].setChecked(True)  # right
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert window.ctx.prefs.affected_side == "right"
    assert "done on your right leg" in page.verdict.text()
    # The same leg again: nothing more than "Saved".
    window.checkin_now()
    fill_checkin(qtbot, page, back=2, leg=3, extent="thigh")
    page.side_row.buttons[1].setChecked(True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "Saved" in page.verdict.text() and "From now on" not in page.verdict.text()


def test_the_first_run_page_asks_which_leg_hurts(qtbot, app_window):
    window, *_ = app_window
    window.start_routine("cause_irritated_nerve")
    gate = window.safety
    assert gate.currentWidget() is gate.disclaimer_page
    gate.side_row.buttons[1].setChecked(True)  # right
    qtbot.mouseClick(gate.accept_button, Qt.MouseButton.LeftButton)
    assert window.ctx.prefs.affected_side == "right"
    pass_safety_gate(qtbot, window)
    assert not window.checkin.require_side  # known: not asked again


def test_the_routines_are_timed_again_once_the_painful_leg_is_known(qtbot, app_window):
    # The irritated-nerve routine's glides are dosed for the painful side:
    # with the leg known they are done on it alone, and the list and the
    # routine shown say the shorter time at once, not after a restart.
    from stretchguide.qt.routine_list import Role

    window, *_ = app_window
    routine = "cause_irritated_nerve"
    window.routines.select_routine(routine)
    model = window.routines.model

    def listed() -> float:
        return model.index(model.row_of(routine), 0).data(Role.DURATION_S)

    both_legs = listed()
    shown = window.routines.details.browser.toPlainText()
    window.start_routine(routine)
    gate = window.safety
    gate.side_row.buttons[0].setChecked(True)  # left
    qtbot.mouseClick(gate.accept_button, Qt.MouseButton.LeftButton)
    assert window.ctx.prefs.affected_side == "left"
    one_leg = listed()
    assert 0 < one_leg < both_legs
    assert window.routines.details.browser.toPlainText() != shown


def test_a_checkin_that_leads_to_an_urgent_answer_is_kept(qtbot, app_window):
    window, *_ = app_window
    window.start_routine(ROUTINE)
    pass_safety_gate(qtbot, window)
    page = window.checkin
    fill_checkin(qtbot, page, back=3, leg=6)
    page.weakness.setChecked(True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    gate = window.safety
    gate.answer_all_no()
    gate.set_answer("worsening_weakness", True)
    qtbot.mouseClick(gate.check_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(gate.ack_button, Qt.MouseButton.LeftButton)
    h = window.ctx.history
    assert h.sessions() == []
    [kept] = h.checkins()
    assert kept.weakness and kept.session_id is None
