"""The plan and the evening reminder across time zones (left from s37's
travel rules): the companion takes today from the history's rule
(``AppContext.today`` -> ``History.today_at``), on the injected wall
clock, with the machine's zone changed as the person flies.

After a flight west from Tokyo to Honolulu, Tuesday morning's session in
Tokyo was done at Monday 13:00 on Honolulu's clock. Before the fix the
companion's today was Monday: the evening reminder asked for a session
"planned for today" that the History page showed done, and a plan begun on
Tuesday in Tokyo was "dated after today" and moved to Monday, with a
message blaming the computer's clock."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone

import pytest
from PySide6.QtWidgets import QApplication
from tests.qt.test_tray import ROUTINE, FakeBus
from tests.support import FakeClock

from stretchguide import paths
from stretchguide.core.trends import CheckInKind, SessionStatus
from stretchguide.qt.app import build_window
from stretchguide.qt.tray import Companion

HOUR = 3600
TOKYO, HONOLULU = 9 * HOUR, -10 * HOUR
ZONES = {TOKYO: "Asia/Tokyo", HONOLULU: "Pacific/Honolulu"}
SAT = date(2026, 1, 3)
SUN, MON, TUE, WED = (SAT + timedelta(days=n) for n in (1, 2, 3, 4))
EVENING = "Time for your stretches"


def stamp(day: date, hour: int, minute: int, offset: int) -> float:
    zone = timezone(timedelta(seconds=offset))
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone).timestamp()


@pytest.fixture
def trip(qtbot, _private_data_dir, tmp_path, monkeypatch):
    """A window on a fake wall clock; ``fly(offset)`` sets the machine's zone."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))

    def fly(offset: int) -> None:
        monkeypatch.setenv("TZ", ZONES[offset])
        time.tzset()

    fly(TOKYO)
    wall = FakeClock(stamp(SAT, 7, 0, TOKYO))
    window = build_window(paths.resolve(str(_private_data_dir)), clock=FakeClock(5000.0), wall=wall)
    window.ctx.audio = False
    qtbot.addWidget(window)
    bus = FakeBus()
    window._companion = Companion(window, bus=bus, tray=None)
    window._companion.autostart_path = tmp_path / "autostart" / "sg.desktop"
    prefs = window.ctx.prefs
    prefs.reminder_enabled = True
    prefs.reminder_time = "18:00"
    prefs.disclaimer_accepted = True
    window.ctx.history  # noqa: B018 - open it
    yield window, wall, bus, fly
    window.ctx.history.close()
    QApplication.instance().setQuitOnLastWindowClosed(True)  # reminders on turned it off
    monkeypatch.undo()
    time.tzset()


def session(window, wall: FakeClock, when: float) -> None:
    """A session as the app records one: the plan first (it starts a plan
    on the person's today when there is none), then the records."""
    wall.now = when
    h = window.ctx.history
    routine = window.companion.routine_for_session(window.ctx.routine(ROUTINE))
    s = h.start_session(routine)
    h.add_checkin(CheckInKind.BEFORE, 2, 2, "none", session_id=s.id)
    wall.now = when + 600
    h.finish_session(s.id, SessionStatus.COMPLETED)
    h.add_checkin(CheckInKind.AFTER, 2, 2, "none", session_id=s.id)


def evenings(bus: FakeBus) -> int:
    return sum(1 for summary, _body, _actions in bus.sent if summary == EVENING)


def test_a_plan_begun_on_tuesday_in_tokyo_is_not_dated_after_monday_in_honolulu(trip) -> None:
    window, wall, bus, fly = trip
    session(window, wall, stamp(TUE, 8, 0, TOKYO))
    assert window.companion.state().start == TUE
    fly(HONOLULU)
    wall.now = stamp(MON, 18, 0, HONOLULU)
    window.companion._state_loaded = False  # read the file again, as at a start
    assert window.companion.today() == TUE  # was Monday
    assert window.companion.state().start == TUE  # was moved to Monday
    assert "dated after today" not in window.statusBar().currentMessage()
    assert not window.check_reminder()  # Tuesday's session is done
    assert evenings(bus) == 0


def test_monday_evening_in_honolulu_asks_nothing_until_wednesday(trip) -> None:
    """Saturday, Sunday and Tuesday mornings in Tokyo, Monday missed; then
    Honolulu, where it is Monday again. By the history it is Tuesday,
    done, until Tuesday ends on Honolulu's clock."""
    window, wall, bus, fly = trip
    for day in (SAT, SUN, TUE):
        session(window, wall, stamp(day, 8, 0, TOKYO))
    fly(HONOLULU)
    c = window.companion
    for day, hour, minute in ((MON, 18, 0), (MON, 23, 55), (TUE, 0, 5), (TUE, 18, 0)):
        wall.now = stamp(day, hour, minute, HONOLULU)
        assert c.today() == TUE
        window.check_reminder()
        assert evenings(bus) == 0, (day, hour, minute)  # was 1 from Monday 18:00
    wall.now = stamp(MON, 23, 55, HONOLULU)
    now = datetime.fromtimestamp(wall.now)
    assert c.next_due(now) == datetime(2026, 1, 7, 18, 0)  # Wednesday; was now
    wall.now = stamp(WED, 0, 5, HONOLULU)
    assert c.today() == WED
    wall.now = stamp(WED, 18, 0, HONOLULU)
    window.check_reminder()
    assert evenings(bus) == 1


def test_the_reminder_shown_on_monday_evening_is_tuesdays(trip) -> None:
    """Tuesday morning in Tokyo was only a check-in: Tuesday is today but
    not done. The reminder comes once, at 18:00 Monday on Honolulu's clock,
    and not again at 18:00 Tuesday, the same day for the history."""
    window, wall, bus, fly = trip
    for day in (SAT, SUN):
        session(window, wall, stamp(day, 8, 0, TOKYO))
    wall.now = stamp(TUE, 7, 30, TOKYO)
    window.ctx.history.add_checkin(CheckInKind.ANY, 3, 3, "none")
    fly(HONOLULU)
    wall.now = stamp(MON, 18, 0, HONOLULU)
    assert window.companion.today() == TUE
    assert window.check_reminder()
    assert evenings(bus) == 1
    assert window.ctx.prefs.qsettings.value("reminder/shown_on") == TUE.isoformat()
    wall.now = stamp(TUE, 18, 0, HONOLULU)
    window.check_reminder()
    assert evenings(bus) == 1


def test_after_a_flight_east_wednesday_in_tokyo_is_reminded_at_18_00(trip) -> None:
    """Honolulu to Tokyo over the date line: Tuesday passed in the air. The
    day is the clock's, as before; the reminder comes at 18:00 Tokyo time
    and is not due at 17:59 or just after midnight."""
    window, wall, bus, fly = trip
    fly(HONOLULU)
    for day in (SAT, SUN, MON):
        session(window, wall, stamp(day, 8, 0, HONOLULU))
    fly(TOKYO)
    wall.now = stamp(WED, 0, 5, TOKYO)
    assert window.companion.today() == WED
    window.check_reminder()
    wall.now = stamp(WED, 17, 59, TOKYO)
    window.check_reminder()
    assert evenings(bus) == 0
    wall.now = stamp(WED, 18, 0, TOKYO)
    window.check_reminder()
    assert evenings(bus) == 1
    wall.now = stamp(WED, 23, 55, TOKYO)
    window.check_reminder()
    assert evenings(bus) == 1


def test_the_history_page_keeps_the_plans_streak_across_the_day_spent_in_the_air(trip) -> None:
    """Thursday to Monday mornings in Honolulu, then Tokyo on Wednesday
    morning. The plan's streak broke on Tuesday and planned vs done
    counted it missed (5 of 6); nobody lived that Tuesday."""
    window, wall, _bus, fly = trip
    fly(HONOLULU)
    for n in range(5):
        session(window, wall, stamp(MON - timedelta(days=4 - n), 8, 0, HONOLULU))
    fly(TOKYO)
    wall.now = stamp(WED, 6, 30, TOKYO)
    view = window._ensure_history()
    window.show_history()
    assert view.today() == WED
    text = view.streak_label.text()
    assert "<b>5</b> planned days kept in a row" in text  # was "5 days in a row"
    assert "Planned vs done, last 4 weeks: 5 of 5 planned days" in text  # was 5 of 6
    assert TUE not in view.streak.planned


def test_the_apps_sheet_and_calendar_take_the_history_pages_day(trip) -> None:
    """A routine with no plan yet is printed, and put in the calendar, from
    the person's today (was Monday, the clock's date, in Honolulu)."""
    window, wall, _bus, fly = trip
    session(window, wall, stamp(TUE, 8, 0, TOKYO))
    fly(HONOLULU)
    wall.now = stamp(MON, 23, 55, HONOLULU)
    today, plan, _shown, _changes = window._plan_of(window.ctx.routine("article_000_basics"))
    assert today == TUE
    assert plan.start == TUE
