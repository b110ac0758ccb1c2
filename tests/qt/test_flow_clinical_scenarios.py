"""Clinical scenarios through the real window: the flow passes the rules
what they need (tests/core/test_clinical_scenarios.py has the rules over
whole diaries)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from tests.qt.test_flow import (
    ROUTINE,
    app_window,
    fill_checkin,
    pass_safety_gate,
    run_to_end,
    start_session,
)

__all__ = ["app_window"]  # the fixture, used by name

HOUR = 3600
DAY = 86400


def test_this_hurts_then_low_pain_is_not_fine(qtbot, app_window):
    window, clock, *_ = app_window
    start_session(qtbot, window)
    window.flow.controller.timer.stop()
    clock.advance(8)
    window.flow.controller.tick()
    window.ask_hurt = lambda: "continue"
    qtbot.keyClick(window.session_view, Qt.Key.Key_H)
    qtbot.keyClick(window.session_view, Qt.Key.Key_H)
    run_to_end(window, clock)
    page = window.checkin
    assert page.kind == "after"
    fill_checkin(qtbot, page, back=1, leg=1, extent="none")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    text = page.verdict.text()
    # Once "That looks fine. Carry on with the routine as planned." beside
    # the two presses.
    assert "That looks fine" not in text and "Ease off next time" in text
    # The presses are said once, with the exercise's name (the verdict's
    # own "You reported pain 2 times" stood just above the same fact).
    assert "This hurts\u201d 2 times" in text and "reported pain 2 times" not in text


def test_worse_morning_after_a_skipped_before_check_in_is_not_fine(qtbot, app_window):
    window, clock, wall, *_ = app_window
    window.flow.checkin_now()
    page = window.checkin
    if window.ctx.prefs.affected_side in (None, ""):
        page.set_side("left")
    fill_checkin(qtbot, page, back=1, leg=2, extent="thigh")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wall.advance(HOUR)
    start_session(qtbot, window)  # the before check-in skipped
    run_to_end(window, clock)
    fill_checkin(qtbot, page, back=1, leg=2, extent="thigh")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    wall.advance(16 * HOUR)
    window.flow.begin_morning_checkin(window.ctx.history.sessions()[-1].id)
    fill_checkin(qtbot, page, back=2, leg=9, extent="thigh")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    text = page.verdict.text()
    # Once "Pain stayed low: 2 out of 10 at most." from the after check-in.
    assert "That looks fine" not in text and "Pain stayed low" not in text
    assert "last check-in before the session (2 out of 10)" in text


def test_see_a_doctor_soon_and_stop_for_today_is_not_remembered_as_urgent(qtbot, app_window):
    window, clock, wall, asked, _ = app_window
    window.start_routine(ROUTINE)
    gate = window.safety
    qtbot.mouseClick(gate.accept_button, Qt.MouseButton.LeftButton)
    gate.answer_all_no()
    gate.set_answer("fever", True)
    qtbot.mouseClick(gate.check_button, Qt.MouseButton.LeftButton)
    assert gate.continue_anyway.isVisibleTo(gate)
    qtbot.mouseClick(gate.ack_button, Qt.MouseButton.LeftButton)  # "Stop for today"
    assert window.current_page() == "routines"
    wall.advance(24 * HOUR)
    asked.clear()
    window.start_routine(ROUTINE)
    # Once: "You reported a sign that needed medical help today..." and, on
    # "no", an emergency department, for a fever.
    assert "Seen by a doctor?" not in asked
    # The questions come back, as they should after any sign.
    assert window.current_page() == "safety"


def test_urgent_yes_then_none_a_day_later_still_asks_seen_by_a_doctor(qtbot, app_window):
    """Judged correct: an urgent answer stands until a doctor has seen the
    person, whatever the questions say a day later."""
    window, clock, wall, asked, _ = app_window
    window.start_routine(ROUTINE)
    gate = window.safety
    qtbot.mouseClick(gate.accept_button, Qt.MouseButton.LeftButton)
    gate.answer_all_no()
    gate.set_answer("saddle_numbness", True)
    qtbot.mouseClick(gate.check_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(gate.ack_button, Qt.MouseButton.LeftButton)
    wall.advance(24 * HOUR)
    window.flow.ask_safety_now()
    pass_safety_gate(qtbot, window)  # "None of these" a day later
    asked.clear()
    window.ask = lambda title, text: asked.append(title) or False  # not seen
    window.start_routine(ROUTINE)
    assert asked == ["Seen by a doctor?"]
    assert window.current_page() != "session" and window.ctx.history.sessions() == []


def test_two_spreads_in_a_row_with_before_check_ins_skipped_send_to_a_professional(
    qtbot, app_window
):
    window, clock, wall, *_ = app_window
    page = window.checkin
    window.flow.checkin_now()
    if window.ctx.prefs.affected_side in (None, ""):
        page.set_side("left")
    fill_checkin(qtbot, page, back=1, leg=2, extent="thigh")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    texts = []
    for _ in range(2):
        wall.advance(HOUR)
        window.show_page("routines")
        start_session(qtbot, window)  # the before check-in skipped
        run_to_end(window, clock)
        fill_checkin(qtbot, page, back=1, leg=2, extent="foot")
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        texts.append(page.verdict.text())
        qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
        wall.advance(DAY)
    assert "two sessions in a row" not in texts[0]
    # Once only the first session's spread was seen: its before check-in
    # was skipped, so "after the session before this one too" never came.
    assert "two sessions in a row" in texts[1]


def _any_time(qtbot, window, back, leg, extent="thigh"):
    window.checkin_now()
    page = window.checkin
    if window.ctx.prefs.affected_side in (None, ""):
        page.set_side("left")
    fill_checkin(qtbot, page, back=back, leg=leg, extent=extent)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    return page.verdict.text()


def test_a_check_in_on_its_own_higher_than_usual_says_what_to_do(qtbot, app_window):
    """Leg pain of 7 on its own, when the usual is 2-3, once read only
    "Saved. Thank you."; after a session the same answers read "ease off"."""
    window, clock, wall, *_ = app_window
    for leg in (2, 3, 2):
        assert "Saved. Thank you." in _any_time(qtbot, window, 1, leg)
        wall.advance(DAY)
    text = _any_time(qtbot, window, 1, 7)
    assert "Saved. Thank you." not in text
    assert "higher than usual" in text and "usual is about 2.3" in text
    # The point at which to see a professional.
    assert "within two weeks, see a doctor or physiotherapist" in text
    assert "not a diagnosis" in text
    # Pain above the session limit, with nothing usual to compare (no
    # check-in in 90 days): the limit is said, and whose it is.
    wall.advance(91 * DAY)
    text = _any_time(qtbot, window, 1, 6)
    assert "more than the 5 that is all right" in text and "Settings" in text
    assert "above what is all right for exercising" in text
    # Further down than usual (the last check-in between sessions), with
    # pain as usual: the nerve sign, from the same rule as after a session.
    wall.advance(DAY)
    text = _any_time(qtbot, window, 1, 5, extent="foot")
    assert "further down the leg" in text and "Saved. Thank you." not in text


def test_a_check_in_before_a_session_higher_than_usual_is_said_first(qtbot, app_window):
    window, clock, wall, *_ = app_window
    for leg in (2, 2, 2):
        _any_time(qtbot, window, 1, leg)
        wall.advance(DAY)
    window.show_page("routines")
    window.start_routine(ROUTINE)
    if window.current_page() == "safety":
        pass_safety_gate(qtbot, window)
    page = window.checkin
    fill_checkin(qtbot, page, back=1, leg=6)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "checkin"  # said before the session starts
    assert "higher than usual" in page.verdict.text()
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "session"  # the person's choice to go on
    window.flow.controller.timer.stop()


def test_this_hurts_in_three_sessions_in_a_row_sends_to_a_professional(qtbot, app_window):
    """Each session alone said "Ease off next time"; pain in session after
    session said nothing more."""
    window, clock, wall, *_ = app_window
    texts = []
    for _day in range(3):
        window.show_page("routines")
        start_session(qtbot, window)
        window.flow.controller.timer.stop()
        clock.advance(8)
        window.flow.controller.tick()
        window.ask_hurt = lambda: "continue"
        qtbot.keyClick(window.session_view, Qt.Key.Key_H)
        run_to_end(window, clock)
        page = window.checkin
        fill_checkin(qtbot, page, back=1, leg=1, extent="none")
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        texts.append(page.verdict.text())
        qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
        wall.advance(DAY)
    assert all("Ease off next time" in t for t in texts)
    assert "session after session" not in texts[1]
    assert "session after session" in texts[2] and "3 sessions in a row" in texts[2]


def test_a_severe_next_morning_as_bad_as_before_the_session_is_not_fine(qtbot, app_window):
    """Leg pain of 9 before the session and 9 the next morning, the after
    check-in skipped: "No increase by the next morning." and "That looks
    fine. Carry on with the routine as planned."."""
    window, clock, wall, *_ = app_window
    window.start_routine(ROUTINE)
    pass_safety_gate(qtbot, window)
    page = window.checkin
    fill_checkin(qtbot, page, back=2, leg=9)
    page.set_side("left")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)  # severe, said
    run_to_end(window, clock)
    qtbot.mouseClick(page.skip_button, Qt.MouseButton.LeftButton)
    wall.advance(16 * HOUR)
    window.flow.begin_morning_checkin(window.ctx.history.sessions()[-1].id)
    fill_checkin(qtbot, page, back=2, leg=9)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    text = page.verdict.text()
    assert "That looks fine" not in text and "No increase" not in text
    assert "severe" in text and "contact a doctor" in text


def test_a_painful_leg_never_named_is_not_stored_or_exported_as_both_legs(qtbot, app_window):
    """A person who never says which leg hurts: the session works both legs,
    and its record said "affected_side": "both", which an export or a
    clinician reads as pain in both legs (an urgent sign). "Not sure" was
    stored the same way. The record keeps the person's own answer."""
    from stretchguide.store.exchange.export import export_data

    window, clock, *_ = app_window
    assert window.ctx.prefs.affected_side == ""
    start_session(qtbot, window)
    run_to_end(window, clock)
    window.ctx.prefs.affected_side = "unsure"
    qtbot.mouseClick(window.checkin.skip_button, Qt.MouseButton.LeftButton)
    start_session(qtbot, window)
    h = window.ctx.history
    first, second = sorted(h.sessions(), key=lambda s: s.id)
    assert first.options["affected_side"] == "not_given"
    assert second.options["affected_side"] == "unsure"
    exported = [s["options"]["affected_side"] for s in export_data(h)["sessions"]]
    assert sorted(exported) == ["not_given", "unsure"]


def test_this_hurts_again_after_easing_off_does_not_offer_to_ease_off_again(qtbot, app_window):
    """ "This hurts" pressed again after "Ease off": a second ease-off rebuilt
    the same 60 % holds, and said "Eased off: holds are shorter from here
    on." while nothing got shorter. Once eased, the question says the holds
    are already shorter and offers skip, carry on or end (article 004: ease
    off at pain; pain again after easing off is for skipping or stopping)."""
    window, clock, *_ = app_window
    view = window.session_view
    asked: list[tuple[str, list[str]]] = []
    answers = iter(["ease", "continue"])

    def ask_choice(title, text, choices, escape=""):
        asked.append((text, [key for key, _ in choices]))
        return next(answers)

    view.ask_choice = ask_choice
    start_session(qtbot, window)
    clock.advance(8)
    window.flow.controller.tick()
    qtbot.keyClick(view, Qt.Key.Key_H)
    eased_total = window.flow.session.timeline.total_s
    assert window.flow.session.timeline.has_hold_from(window.flow.session.step_index())
    qtbot.keyClick(view, Qt.Key.Key_H)
    window.flow.controller.timer.stop()
    (first_text, first), (again_text, again) = asked
    assert first[0] == "ease" and "ease" not in again
    assert again == ["skip", "continue", "end"]
    assert "already shorter" in again_text and "already shorter" not in first_text
    assert window.flow.session.timeline.total_s <= eased_total


def test_this_hurts_twice_on_one_exercise_says_to_skip_it(qtbot, app_window):
    """ "This hurts" and "Carry on", then "this hurts" again on the same
    exercise: the question read the same both times. The second time it
    says the exercise hurt before and to skip it or end the session; on
    the next exercise the first press reads as a first press again."""
    window, clock, *_ = app_window
    view = window.session_view
    asked: list[str] = []

    def ask_choice(title, text, choices, escape=""):
        asked.append(text)
        return "continue"

    view.ask_choice = ask_choice
    start_session(qtbot, window)
    clock.advance(8)
    window.flow.controller.tick()
    qtbot.keyClick(view, Qt.Key.Key_H)
    qtbot.keyClick(view, Qt.Key.Key_H)
    window.flow.controller.skip_exercise()
    clock.advance(8)
    window.flow.controller.tick()
    qtbot.keyClick(view, Qt.Key.Key_H)
    window.flow.controller.timer.stop()
    first, again, other = asked
    assert "hurt before" not in first and "hurt before" in again and "skip it" in again
    assert "hurt before" not in other


def test_the_painful_leg_changing_sides_asks_whether_the_first_still_hurts(qtbot, app_window):
    """Left for days, then "right": it read only "From now on, exercises
    for the painful leg are done on your right leg.", and before a session
    nothing at all. The left leg may still hurt too, and symptoms in both
    legs need help the same day (NHS): the app asks."""
    window, clock, wall, *_ = app_window
    window.ctx.prefs.affected_side = "left"
    for _ in range(2):
        assert "Saved. Thank you." in _any_time(qtbot, window, 1, 2)
        wall.advance(DAY)
    window.checkin_now()
    page = window.checkin
    page.set_side("right")
    fill_checkin(qtbot, page, back=1, leg=2)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    text = page.verdict.text()
    assert "your right leg" in text
    assert "If the left leg still has pain, numbness or weakness" in text
    assert "Both legs" in text and "same day" in text
    # Back to the left before a session: said before it starts, and the
    # session follows when the person goes on.
    wall.advance(DAY)
    window.show_page("routines")
    window.start_routine(ROUTINE)
    if window.current_page() == "safety":
        pass_safety_gate(qtbot, window)
    page = window.checkin
    page.set_side("left")
    fill_checkin(qtbot, page, back=1, leg=2)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "checkin"
    assert "If the right leg still has pain" in page.verdict.text()
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "session"
    window.flow.controller.timer.stop()
