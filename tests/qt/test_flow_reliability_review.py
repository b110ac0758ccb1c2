"""The check-in flow against a wall clock that was wrong and a disk that is
full (the s36 review of time and the machine underneath): nerve signs are
judged against the check-in made last, answers stamped "in the future" do
not skip the safety questions, "Good morning" waits for a morning, and
advice reaches the person even when nothing can be saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from tests.qt.test_flow import app_window, fill_checkin, pass_safety_gate, run_to_end

from stretchguide.core.trends import CheckInKind

__all__ = ["app_window"]  # the fixture, used by name

ROUTINE = "flare_up_gentle"
HOUR = 3600
DAY = 86400


def check_in_now(qtbot, window, back=3, leg=4, extent="thigh", **signs) -> str:
    """A check-in on its own (tray or menu); returns what the page says."""
    window.flow.checkin_now()
    page = window.checkin
    fill_checkin(qtbot, page, back, leg, extent)
    if page.side_row.group.checkedId() < 0:
        page.set_side("left")
    for name, on in signs.items():
        getattr(page, name).setChecked(on)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    return page.verdict.text()


def leave_verdict(qtbot, window) -> None:
    if window.current_page() == "checkin" and window.checkin.continue_button.isVisible():
        qtbot.mouseClick(window.checkin.continue_button, Qt.MouseButton.LeftButton)
    if window.current_page() == "safety":
        pass_safety_gate(qtbot, window)


# --------------------------------------------------------------- finding 2


def test_numbness_back_after_the_clock_was_put_back_warns_and_asks(qtbot, app_window):
    window, clock, wall, asked, _ = app_window
    window.flow.ask_safety_now()
    pass_safety_gate(qtbot, window)
    check_in_now(qtbot, window, numbness=True)
    leave_verdict(qtbot, window)
    wall.advance(2 * HOUR)  # the clock is an hour fast by now
    check_in_now(qtbot, window, numbness=False)
    leave_verdict(qtbot, window)
    wall.advance(30 * 60 - HOUR)  # put right, 30 minutes later
    text = check_in_now(qtbot, window, numbness=True)
    assert "Saved. Thank you." not in text
    assert "numbness" in text.lower()
    qtbot.mouseClick(window.checkin.continue_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "safety"


def test_the_morning_after_a_clock_correction_is_judged_against_before_the_session(
    qtbot, app_window
):
    # A check-in without numbness made while the clock was two hours fast;
    # the clock is put right; a session with no before check-in, numbness
    # after it and still the next morning. The morning is compared with
    # the check-in made before the session, which had none: new numbness.
    window, clock, wall, *_ = app_window
    window.flow.ask_safety_now()
    pass_safety_gate(qtbot, window)
    check_in_now(qtbot, window, numbness=True)  # days ago, with numbness
    leave_verdict(qtbot, window)
    wall.advance(DAY + 2 * HOUR)
    check_in_now(qtbot, window, numbness=False)  # stamped with the clock fast
    leave_verdict(qtbot, window)
    wall.advance(-2 * HOUR + 10 * 60)  # put right
    window.start_routine(ROUTINE)
    if window.current_page() == "safety":
        pass_safety_gate(qtbot, window)
    qtbot.mouseClick(window.checkin.skip_button, Qt.MouseButton.LeftButton)
    run_to_end(window, clock)
    page = window.checkin
    assert page.kind == CheckInKind.AFTER.value
    fill_checkin(qtbot, page, 1, 2)
    page.numbness.setChecked(True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    leave_verdict(qtbot, window)
    wall.advance(14 * HOUR)
    window.flow.begin_morning_checkin(window.ctx.history.sessions()[-1].id)
    fill_checkin(qtbot, page, 1, 2)
    page.numbness.setChecked(True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    text = page.verdict.text()
    assert "That looks fine" not in text
    assert "numbness" in text.lower()


def test_spreading_after_the_session_made_before_counts_whatever_its_stamp(qtbot, app_window):
    # Session 1 ran with the clock two hours fast and symptoms spread after
    # it; the clock is put right and session 2 starts "before" it by the
    # stamps. It still follows session 1: two spreads in a row.
    window, clock, wall, *_ = app_window
    h = window.ctx.history
    routine = window.ctx.routine(ROUTINE)
    now = int(wall())

    def session(start: int, after_extent: str) -> int:
        s = h.start_session(routine, started_at=start)
        h.add_checkin(CheckInKind.BEFORE, 2, 2, "thigh", session_id=s.id, at=start)
        h.finish_session(s.id, "completed", start + 600)
        h.add_checkin(CheckInKind.AFTER, 2, 2, after_extent, session_id=s.id, at=start + 700)
        return s.id

    session(now + 2 * HOUR, "foot")
    second = session(now, "foot")
    assert window.flow._spread_last_time(second, now + 800)
    # And with the clock right all along, the order by time is kept.
    third = session(now + 3 * HOUR, "thigh")
    assert window.flow._spread_last_time(third, now + 4 * HOUR)


# --------------------------------------------------------------- finding 4

YEAR = 365 * DAY


def test_answers_given_while_the_clock_was_a_year_ahead_do_not_skip_the_questions(
    qtbot, app_window
):
    window, clock, wall, asked, _ = app_window
    right = wall()
    wall.now = right + YEAR  # the clock a year fast
    window.start_routine(ROUTINE)
    assert window.current_page() == "safety"
    pass_safety_gate(qtbot, window)
    qtbot.mouseClick(window.checkin.skip_button, Qt.MouseButton.LeftButton)
    run_to_end(window, clock)
    qtbot.mouseClick(window.checkin.skip_button, Qt.MouseButton.LeftButton)
    window.show_page("routines")
    companion = window.companion
    assert companion.state().start == companion.today()
    wall.now = right + 8 * DAY  # put right, and more than a week on
    window.start_routine(ROUTINE)
    assert window.current_page() == "safety"
    # The plan made "a year ahead" starts today: it plans days, so reminders come.
    state = companion.state()
    assert state.start == companion.today()
    assert companion.plan().is_planned(companion.today())
    assert "clock was ahead" in window.statusBar().currentMessage()


def test_seen_by_a_doctor_lifts_an_urgent_answer_stamped_in_the_future(qtbot, app_window):
    window, clock, wall, asked, _ = app_window
    prefs = window.ctx.prefs
    prefs.disclaimer_accepted = True
    prefs.urgent_at = wall() + YEAR  # answered while the clock was a year fast
    window.start_routine(ROUTINE)
    assert asked == ["Seen by a doctor?"]
    assert window.current_page() == "safety"  # and the questions again
    pass_safety_gate(qtbot, window)
    window.show_page("routines")
    asked.clear()
    wall.advance(HOUR)
    window.start_routine(ROUTINE)
    assert "Seen by a doctor?" not in asked  # "yes" was not forgotten
    assert window.current_page() == "checkin"


# --------------------------------------------------------------- finding 11


def test_no_good_morning_just_after_midnight_and_the_morning_still_asks(qtbot, app_window):
    from datetime import datetime, timedelta

    window, clock, wall, asked, _ = app_window
    evening = datetime.fromtimestamp(wall()).replace(hour=23, minute=30, second=0)
    wall.now = evening.timestamp()
    window.start_routine(ROUTINE)
    pass_safety_gate(qtbot, window)
    qtbot.mouseClick(window.checkin.skip_button, Qt.MouseButton.LeftButton)
    run_to_end(window, clock)
    qtbot.mouseClick(window.checkin.skip_button, Qt.MouseButton.LeftButton)
    window.show_page("routines")
    next_day = evening + timedelta(days=1)
    asked.clear()
    wall.now = next_day.replace(hour=0, minute=24).timestamp()  # the app opened again
    window.startup_checks()
    assert "Good morning" not in asked
    assert window.current_page() != "checkin"
    assert window.ctx.prefs.morning_checkin_offered_on == ""  # the morning is not used up
    wall.now = next_day.replace(hour=7, minute=0).timestamp()
    window.startup_checks()
    assert "Good morning" in asked
    assert window.checkin.kind == CheckInKind.NEXT_MORNING.value
    # The tray asks at the morning reminder too, from the same rule.
    from stretchguide.qt.session_rules import morning_checkin_due

    h = window.ctx.history
    sid = h.sessions()[-1].id
    assert morning_checkin_due(h, next_day.replace(hour=0, minute=24).timestamp(), "") is None
    assert morning_checkin_due(h, next_day.replace(hour=9).timestamp(), "") == sid


# --------------------------------------------------------------- finding 3

WRITES = ("start_session", "add_checkin", "set_response", "record_red_flags")


def disk_full(monkeypatch, history, names=WRITES) -> None:
    """Every one of these history writes fails as SQLite does on a full disk."""
    import sqlite3

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    for name in names:
        monkeypatch.setattr(history, name, full)


def test_full_disk_after_a_session_still_warns_asks_and_keeps_the_answers(
    qtbot, app_window, monkeypatch
):
    window, clock, wall, asked, _ = app_window
    window.start_routine(ROUTINE)
    pass_safety_gate(qtbot, window)
    qtbot.mouseClick(window.checkin.skip_button, Qt.MouseButton.LeftButton)
    h = window.ctx.history
    disk_full(monkeypatch, h, ("add_checkin", "set_response", "record_red_flags"))
    run_to_end(window, clock)
    page = window.checkin
    fill_checkin(qtbot, page, 1, 2)
    page.numbness.setChecked(True)
    first = next(iter(page.response_groups))
    page.set_response(first, "worse")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    text = page.verdict.text()
    assert "numbness" in text.lower()  # the advice, from the answers on screen
    assert "Not saved yet" in text and "the disk is full" in text
    assert "could not be saved yet" in window.statusBar().currentMessage()
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "safety"  # the questions, all the same
    pass_safety_gate(qtbot, window)
    assert window.flow.writes.pending  # check-in, answer, red flags: kept
    monkeypatch.undo()  # space is freed
    window.flow.writes.retry_timer.timeout.emit()
    assert window.flow.writes.pending == []
    [session] = h.sessions()
    [after] = h.checkins_for_session(session.id)
    assert after.numbness and after.kind is CheckInKind.AFTER
    assert [r.response.value for r in h.responses(session.id)] == ["worse"]
    assert h.red_flag_answers()  # the questions' answers were kept too


def test_full_disk_at_start_runs_the_session_and_saves_it_all_later(qtbot, app_window, monkeypatch):
    window, clock, wall, asked, _ = app_window
    h = window.ctx.history
    window.start_routine(ROUTINE)
    pass_safety_gate(qtbot, window)
    disk_full(monkeypatch, h, (*WRITES, "record_step", "finish_session"))
    page = window.checkin
    fill_checkin(qtbot, page, 1, 2, "thigh")
    page.set_side("left")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "session"
    assert "the disk is full" in window.session_view.status.text()
    run_to_end(window, clock)
    fill_checkin(qtbot, page, 1, 2, "foot")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    # Judged against the before check-in as answered, though never saved.
    assert "further down the leg" in page.verdict.text()
    assert h.sessions() == []
    monkeypatch.undo()
    window.flow.writes.flush()
    [session] = h.sessions()
    assert session.status.value == "completed"
    kinds = [c.kind for c in h.checkins_for_session(session.id)]
    assert kinds == [CheckInKind.BEFORE, CheckInKind.AFTER]
    assert h.steps(session.id)


def test_full_disk_check_in_on_its_own_says_it_is_not_saved(qtbot, app_window, monkeypatch):
    window, clock, wall, asked, _ = app_window
    window.flow.ask_safety_now()
    pass_safety_gate(qtbot, window)
    h = window.ctx.history
    check_in_now(qtbot, window, 2, 3, numbness=True)  # saved, before the disk fills
    leave_verdict(qtbot, window)
    disk_full(monkeypatch, h)
    text = check_in_now(qtbot, window, 4, 6, "below_knee", weakness=True)
    assert "weakness" in text.lower() and "Not saved yet" in text
    leave_verdict(qtbot, window)
    text = check_in_now(qtbot, window, 2, 2)
    assert "Saved. Thank you." not in text
    assert "Not saved yet" in text and "the disk is full" in text
    leave_verdict(qtbot, window)
    # Numbness again: compared with the check-in made just before, which is
    # not saved and had none, it is new (against the saved one, "known").
    text = check_in_now(qtbot, window, 2, 2, numbness=True)
    assert "numbness you did not report last time" in text.lower()
    # Closing now would lose them: asked first.
    asked.clear()
    assert window.flow.may_close()  # the test's ask says yes
    assert asked == ["Not saved yet"]
    monkeypatch.undo()
    assert window.flow.may_close() and len(h.checkins()) == 4
