"""Nerve signs through the real window: what follows a check-in that has
them, and that nothing is ever started or saved that the person did not ask
for (a clinical review's findings, each once wrong)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from tests.qt.test_flow import (
    ROUTINE,
    app_window,
    fill_checkin,
    pass_safety_gate,
    run_to_end,
)

from stretchguide.core.trends import CheckInKind

__all__ = ["app_window"]  # the fixture, used by name


def one_session(qtbot, window, clock, before_extent="thigh", after_extent="thigh", **after):
    window.start_routine(ROUTINE)
    if window.current_page() == "safety":
        pass_safety_gate(qtbot, window)
    page = window.checkin
    fill_checkin(qtbot, page, back=1, leg=2, extent=before_extent)
    if page.side_row.group.checkedId() < 0:
        page.set_side("left")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "session"
    run_to_end(window, clock)
    fill_checkin(qtbot, page, back=1, leg=2, extent=after_extent)
    for symptom, on in after.items():
        getattr(page, symptom).setChecked(on)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    return page.verdict.text()


def test_safety_questions_after_a_session_never_start_it_again(qtbot, app_window):
    window, clock, wall, _, _ = app_window
    one_session(qtbot, window, clock, numbness=True)
    qtbot.mouseClick(window.checkin.continue_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "safety"
    # Says why it is asked now, not a routine check to click through.
    assert window.safety.asked_now_hint.isVisibleTo(window.safety)
    wall.advance(60)
    pass_safety_gate(qtbot, window)
    # Once, the same routine started again here, with the first session's
    # "before" answers saved a second time under the new time.
    assert window.current_page() not in ("session", "checkin")
    h = window.ctx.history
    assert len(h.sessions()) == 1
    kinds = sorted(c.kind.value for c in h.checkins())
    assert kinds == [CheckInKind.AFTER.value, CheckInKind.BEFORE.value]
    assert window.flow.controller is None or not window.flow.controller.timer.isActive()


def test_both_legs_brings_the_safety_questions_before_the_session(qtbot, app_window):
    window, clock, wall, _, _ = app_window
    window.start_routine(ROUTINE)
    pass_safety_gate(qtbot, window)
    page = window.checkin
    fill_checkin(qtbot, page, back=3, leg=6, extent="below_knee")
    page.set_side("both")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "checkin"  # not straight into the session
    text = page.verdict.text()
    assert "both legs" in text
    # Its own words lead, not another sign's (the tingling advice did once).
    assert "tingling" not in text.lower() and text.index("both legs") < text.index("<ul>")
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "safety"
    assert window.safety.currentWidget() is window.safety.questions_page
    pass_safety_gate(qtbot, window)
    assert window.current_page() == "session"
    assert window.ctx.prefs.affected_side == "both"
    window.flow.controller.timer.stop()


def test_not_sure_which_leg_goes_straight_into_the_session(qtbot, app_window):
    window, clock, wall, _, _ = app_window
    window.start_routine(ROUTINE)
    pass_safety_gate(qtbot, window)
    page = window.checkin
    fill_checkin(qtbot, page, back=2, leg=3)
    page.set_side("unsure")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "session"
    assert window.ctx.prefs.affected_side == "unsure"
    # Both legs are worked, as for "both": the side is never guessed.
    from stretchguide.qt.session_rules import session_options

    assert session_options(window.ctx.prefs).affected_side is None
    window.flow.controller.timer.stop()


def test_new_tingling_after_a_session_is_never_fine(qtbot, app_window):
    window, clock, wall, _, _ = app_window
    text = one_session(qtbot, window, clock, tingling=True)
    assert "That looks fine" not in text
    assert "tingling" in text.lower()
    qtbot.mouseClick(window.checkin.continue_button, Qt.MouseButton.LeftButton)
    assert window.current_page() != "session"


def test_numbness_from_a_session_still_there_next_morning_is_never_fine(qtbot, app_window):
    window, clock, wall, _, _ = app_window
    one_session(qtbot, window, clock, numbness=True)
    qtbot.mouseClick(window.checkin.continue_button, Qt.MouseButton.LeftButton)
    pass_safety_gate(qtbot, window)
    wall.advance(14 * 3600)
    window.flow.begin_morning_checkin(window.ctx.history.sessions()[-1].id)
    page = window.checkin
    fill_checkin(qtbot, page, back=1, leg=2)
    page.numbness.setChecked(True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    text = page.verdict.text()
    # Compared with the after check-in, the morning once called it "fine";
    # against before the session it is new numbness.
    assert "That looks fine" not in text
    assert "numbness" in text.lower()
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "safety"


def test_symptoms_further_down_than_last_time_are_said_before_the_session(qtbot, app_window):
    window, clock, wall, _, _ = app_window
    one_session(qtbot, window, clock, before_extent="buttock", after_extent="buttock")
    qtbot.mouseClick(window.checkin.continue_button, Qt.MouseButton.LeftButton)
    wall.advance(86400)
    window.start_routine(ROUTINE)
    page = window.checkin
    fill_checkin(qtbot, page, back=1, leg=2, extent="foot")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "checkin"  # said first
    text = page.verdict.text()
    assert "further down the leg" in text and "That looks fine" not in text
    # Not one of the urgent signs: no questions, the session follows.
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "session"
    window.flow.controller.timer.stop()


def test_an_any_time_check_in_further_down_the_leg_is_not_just_saved(qtbot, app_window):
    window, clock, wall, _, _ = app_window
    window.checkin_now()
    page = window.checkin
    fill_checkin(qtbot, page, back=1, leg=2, extent="thigh")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "Saved. Thank you." in page.verdict.text()
    wall.advance(86400)
    window.checkin_now()
    fill_checkin(qtbot, page, back=1, leg=2, extent="below_knee")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "further down the leg" in page.verdict.text()


def test_this_hurts_while_getting_down_does_not_ask_about_an_exercise_not_begun(qtbot, app_window):
    from tests.qt.test_flow import start_session

    window, clock, *_ = app_window
    start_session(qtbot, window)
    assert not window.flow.session.snapshot(clock()).step.is_work  # the get-down
    window.ask_hurt = lambda: "end"
    qtbot.keyClick(window.session_view, Qt.Key.Key_H)
    assert window.checkin.kind == "after"
    # The press is kept, but no exercise was tried: none is asked about.
    assert len(window.ctx.history.hurts(window.ctx.history.sessions()[0].id)) == 1
    assert window.checkin.response_groups == {}


def test_a_new_session_does_not_start_with_the_last_ones_status(qtbot, app_window):
    from tests.qt.test_flow import start_session

    window, clock, *_ = app_window
    start_session(qtbot, window)
    window.session_view.set_status("Eased off: holds are shorter from here on.")
    window.statusBar().showMessage("No session was started. Please get medical help first.", 0)
    window.session_view.confirm_stop = lambda: True
    qtbot.keyClick(window.session_view, Qt.Key.Key_Escape)
    qtbot.mouseClick(window.checkin.skip_button, Qt.MouseButton.LeftButton)
    start_session(qtbot, window)
    assert "Eased off" not in window.session_view.status.text()
    assert window.statusBar().currentMessage() == ""
    window.flow.controller.timer.stop()


def test_ease_off_is_offered_only_while_a_hold_is_to_come(qtbot, app_window):
    window, clock, *_ = app_window
    offered: list[list[str]] = []
    view = window.session_view

    def ask_choice(title, text, choices, escape=""):
        offered.append([key for key, _ in choices])
        return "continue"

    view.ask_choice = ask_choice
    # Holds to come: offered first, as key 1.
    window.start_routine(ROUTINE)
    pass_safety_gate(qtbot, window)
    qtbot.mouseClick(window.checkin.skip_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(view, Qt.Key.Key_H)
    assert offered[-1] == ["ease", "skip", "continue", "end"]
    window.flow.controller.timer.stop()
    # A routine of repetitions alone: "ease off" would change nothing.
    window.flow.controller.stop()
    qtbot.mouseClick(window.checkin.skip_button, Qt.MouseButton.LeftButton)
    window.start_routine("cause_gentle_movements")
    qtbot.mouseClick(window.checkin.skip_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "session"
    qtbot.keyClick(view, Qt.Key.Key_H)
    assert offered[-1] == ["skip", "continue", "end"]
    window.flow.controller.timer.stop()


def test_symptoms_that_eased_during_the_last_session_are_no_spread_the_next_day(qtbot, app_window):
    # Re-review N1: thigh before, buttock just after, thigh again the next
    # day was "further down than last time" before every session.
    window, clock, wall, _, _ = app_window
    one_session(qtbot, window, clock, before_extent="thigh", after_extent="buttock")
    qtbot.mouseClick(window.checkin.continue_button, Qt.MouseButton.LeftButton)
    wall.advance(86400)
    window.start_routine(ROUTINE)
    page = window.checkin
    fill_checkin(qtbot, page, back=1, leg=2, extent="thigh")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "session"
    window.flow.controller.timer.stop()


def test_numbness_first_reported_yesterday_is_still_said_the_next_day(qtbot, app_window):
    """Numbness a session brought on is new that day; the next day it is in
    the check-in before as well, so it was no longer new and each check-in
    after that said "fine". Until two weeks have passed it is recent."""
    window, clock, wall, _, _ = app_window
    one_session(qtbot, window, clock, numbness=True)
    qtbot.mouseClick(window.checkin.continue_button, Qt.MouseButton.LeftButton)
    pass_safety_gate(qtbot, window)
    wall.advance(86400)
    window.start_routine(ROUTINE)
    if window.current_page() == "safety":
        pass_safety_gate(qtbot, window)
    page = window.checkin
    fill_checkin(qtbot, page, back=1, leg=2)
    page.numbness.setChecked(True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "checkin"  # said before the session starts
    text = page.verdict.text()
    assert "shown it for less than two weeks" in text
    assert "doctor or physiotherapist" in text
    # Known since yesterday's questions: not asked again, the session follows.
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "session"
    run_to_end(window, clock)
    fill_checkin(qtbot, page, back=1, leg=2)
    page.numbness.setChecked(True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    after = page.verdict.text()
    assert "That looks fine" not in after
    assert "shown it for less than two weeks" in after


def test_numbness_reported_for_over_two_weeks_is_the_persons_usual(qtbot, app_window):
    window, clock, wall, _, _ = app_window
    for _day in range(16):
        window.checkin_now()
        page = window.checkin
        fill_checkin(qtbot, page, back=1, leg=2)
        page.numbness.setChecked(True)
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        if window.current_page() == "checkin" and page.continue_button.isVisible():
            qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
        if window.current_page() == "safety":
            pass_safety_gate(qtbot, window)
        wall.advance(86400)
    window.checkin_now()
    fill_checkin(qtbot, window.checkin, back=1, leg=2)
    window.checkin.numbness.setChecked(True)
    qtbot.mouseClick(window.checkin.save_button, Qt.MouseButton.LeftButton)
    assert "Saved. Thank you." in window.checkin.verdict.text()


def test_symptoms_that_stayed_where_they_spread_are_said_the_days_after(qtbot, app_window):
    """The spread's own advice says to see a professional if the pain stays
    there; the check-ins after it said nothing once it had."""
    window, clock, wall, _, _ = app_window
    text = one_session(qtbot, window, clock, before_extent="below_knee", after_extent="foot")
    assert "further down the leg" in text
    qtbot.mouseClick(window.checkin.continue_button, Qt.MouseButton.LeftButton)
    for day in (1, 2):
        wall.advance(86400)
        window.start_routine(ROUTINE)
        if window.current_page() == "safety":
            pass_safety_gate(qtbot, window)
        page = window.checkin
        fill_checkin(qtbot, page, back=1, leg=2, extent="foot")
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        assert window.current_page() == "checkin", day  # said before the session
        said = page.verdict.text()
        assert "That looks fine" not in said
        if day == 2:
            # Day 1 compares with before the last session (below the knee):
            # a spread. Day 2's compared check-in is already the foot.
            assert "as when they spread there" in said
            assert "doctor or physiotherapist" in said
        qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
        assert window.current_page() == "session"
        run_to_end(window, clock)
        fill_checkin(qtbot, page, back=1, leg=2, extent="foot")
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        assert "That looks fine" not in page.verdict.text()
        qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)


def test_severe_pain_is_said_before_a_session_and_on_its_own(qtbot, app_window):
    """Leg pain of 9 started the session without a word, and a check-in on
    its own answered "Saved. Thank you."."""
    window, clock, wall, _, _ = app_window
    window.start_routine(ROUTINE)
    pass_safety_gate(qtbot, window)
    page = window.checkin
    fill_checkin(qtbot, page, back=3, leg=9)
    page.set_side("left")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "checkin"  # said first
    text = page.verdict.text()
    assert "severe" in text and "contact a doctor" in text
    assert "StretchGuide's line for severe pain" in text  # whose the number is
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "session"  # the person's choice to go on
    window.flow.controller.timer.stop()
    window.checkin_now()
    fill_checkin(qtbot, page, back=8, leg=2)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "severe" in page.verdict.text() and "Saved. Thank you." not in page.verdict.text()
    # Under the line but above the session limit: said as well (it once
    # read "Saved. Thank you."; tests/qt/test_flow_clinical_scenarios.py).
    window.checkin_now()
    fill_checkin(qtbot, page, back=7, leg=7)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "Saved. Thank you." not in page.verdict.text()
    assert "severe" not in page.verdict.text()


def test_numbness_again_after_weeks_without_a_check_in_is_said(qtbot, app_window):
    """Numbness on three days, five weeks without a check-in, numbness
    again: read as the person's usual, it was "Saved. Thank you."."""
    window, clock, wall, _, _ = app_window
    for _day in range(3):
        window.checkin_now()
        page = window.checkin
        fill_checkin(qtbot, page, back=1, leg=2, extent="foot")
        page.numbness.setChecked(True)
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        if page.continue_button.isVisible():
            qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
        if window.current_page() == "safety":
            pass_safety_gate(qtbot, window)
        wall.advance(86400)
    wall.advance(35 * 86400)
    window.checkin_now()
    fill_checkin(qtbot, window.checkin, back=1, leg=2, extent="foot")
    window.checkin.numbness.setChecked(True)
    qtbot.mouseClick(window.checkin.save_button, Qt.MouseButton.LeftButton)
    text = window.checkin.verdict.text()
    assert "Saved. Thank you." not in text
    assert "shown it for less than two weeks" in text and "book a visit" in text
