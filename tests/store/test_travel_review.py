"""Travel across time zones, as the store answers it (left from the time
review of Dec 4, built in s37): "today", this week, the streak and the
14-day verdict after a flight west and a flight east over the date line,
with an injected clock and zone. The travel tests failed before the fix;
the hostile ones (a clock ahead, a record two days ahead, summer time, an
empty history) guard its limits and fail with the limit taken out."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from tests.support import FakeClock

from stretchguide.core import trends
from stretchguide.core.catalog import Dose, Routine, RoutineItem, Schedule
from stretchguide.core.trends import VerdictKind
from stretchguide.paths import AppPaths
from stretchguide.store.history import History

ROUTINE = Routine(
    "r", "Travel routine", "", (RoutineItem("bridge", Dose(hold_s=30)),), Schedule(7, "")
)
HOUR = 3600
DAY = 86_400
TOKYO = 9 * HOUR
HONOLULU = -10 * HOUR


class Zone:
    """The machine's time zone, changed by hand as the person flies."""

    def __init__(self, offset: int) -> None:
        self.offset = offset

    def __call__(self, _ts: float) -> int:
        return self.offset


def at(day: date, hour: int, minute: int, offset: int) -> int:
    """UTC seconds of a wall-clock time in the zone ``offset``."""
    zone = timezone(timedelta(seconds=offset))
    return int(datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone).timestamp())


def session(h: History, clock: FakeClock, when: int) -> None:
    clock.now = when
    s = h.start_session(ROUTINE)
    h.finish_session(s.id, "completed", when + 600)


MON = date(2026, 1, 5)  # a Monday


def _flown_west(paths: AppPaths) -> tuple[History, FakeClock, Zone]:
    """Sessions each morning in Tokyo, Saturday to Tuesday, then a flight
    to Honolulu: it is Monday evening there when the person opens the app."""
    clock, zone = FakeClock(0), Zone(TOKYO)
    h = History.open(paths, clock=clock, utc_offset=zone)
    for d in range(-2, 2):
        session(h, clock, at(MON + timedelta(days=d), 8, 0, TOKYO))
    zone.offset = HONOLULU
    clock.now = at(MON, 22, 30, HONOLULU)  # Tuesday 17:30 in Tokyo
    return h, clock, zone


def test_after_a_flight_west_the_mornings_session_counts_today(paths: AppPaths) -> None:
    h, _clock, _zone = _flown_west(paths)
    with h:
        # Tuesday's session is done, so Tuesday has come (was Monday: the
        # session fell on "tomorrow").
        assert h.today() == MON + timedelta(days=1)
        summary = h.summary()
        assert summary.sessions_this_week == 2  # was 1
        assert summary.streak.current == 4  # was 3
        assert h.trend_data().streak.current == 4


def test_after_a_flight_west_the_verdict_keeps_the_mornings_check_in(paths: AppPaths) -> None:
    clock, zone = FakeClock(0), Zone(TOKYO)
    tue = MON + timedelta(days=1)
    with History.open(paths, clock=clock, utc_offset=zone) as h:
        # Three days in each half of the two weeks ending Tuesday; the
        # third of the second half is Tuesday morning's, in Tokyo.
        for d in (-12, -11, -10, -2, -1, 0):
            h.add_checkin("any", 3, 6, "thigh", at=at(tue + timedelta(days=d), 7, 30, TOKYO))
        zone.offset = HONOLULU
        clock.now = at(MON, 22, 30, HONOLULU)
        assert h.verdict().kind is not VerdictKind.NOT_ENOUGH_DATA  # was: one day short
        assert h.verdict().kind is VerdictKind.NO_CHANGE


def test_today_holds_after_a_later_session_on_the_local_date(paths: AppPaths) -> None:
    """The Honolulu session that evening is on Monday: Tuesday stays today
    (the newest record alone would send today back to Monday)."""
    h, clock, _zone = _flown_west(paths)
    with h:
        session(h, clock, at(MON, 21, 0, HONOLULU))
        clock.now = at(MON, 23, 55, HONOLULU)
        assert h.today() == MON + timedelta(days=1)
        assert h.summary().sessions_this_week == 3
        clock.now = at(MON + timedelta(days=1), 0, 5, HONOLULU)
        assert h.today() == MON + timedelta(days=1)  # the local date has caught up


def _flown_east(paths: AppPaths) -> tuple[History, FakeClock, Zone]:
    """Sessions each morning in Honolulu, Thursday to Monday, then a flight
    to Tokyo over the date line: Tuesday there passes in the air and on
    arrival, and it is Wednesday morning when the person opens the app."""
    clock, zone = FakeClock(0), Zone(HONOLULU)
    h = History.open(paths, clock=clock, utc_offset=zone)
    for d in range(-4, 1):
        session(h, clock, at(MON + timedelta(days=d), 8, 0, HONOLULU))
    zone.offset = TOKYO
    clock.now = at(MON + timedelta(days=2), 6, 30, TOKYO)  # 22 hours after the last one
    return h, clock, zone


def test_after_a_flight_east_over_the_date_line_the_streak_goes_on(paths: AppPaths) -> None:
    h, clock, _zone = _flown_east(paths)
    with h:
        assert h.today() == MON + timedelta(days=2)
        assert h.streak().current == 5  # was 0: Monday is "two days ago"
        session(h, clock, at(MON + timedelta(days=2), 7, 0, TOKYO))
        streak = h.summary().streak
        assert (streak.current, streak.best) == (6, 6)  # was (1, 5)
        assert h.trend_data().streak == streak


def test_a_day_missed_after_the_flight_east_still_breaks_the_streak(paths: AppPaths) -> None:
    h, clock, _zone = _flown_east(paths)
    with h:
        clock.now = at(MON + timedelta(days=3), 6, 30, TOKYO)  # Thursday: Wednesday missed
        assert h.streak().current == 0
        session(h, clock, at(MON + timedelta(days=3), 7, 0, TOKYO))
        assert h.streak().current == 1


def test_the_store_and_core_agree_on_the_travellers_trends(paths: AppPaths) -> None:
    h, clock, zone = _flown_east(paths)
    with h:
        session(h, clock, at(MON + timedelta(days=2), 7, 0, TOKYO))
        today = h.today()
        reference = trends.trend_data(
            h.sessions(), h.checkins(), today, steps=h.steps(), utc_offset=zone.offset
        )
        h._trend_cache = None
        assert h.trend_data(today) == reference


# --------------------------------------------------------------------------- hostile


def test_a_record_stamped_while_the_clock_was_ahead_does_not_move_today(
    paths: AppPaths,
) -> None:
    """The clock ran five hours fast at 21:00 (the session is stamped 02:00
    tomorrow), then was put right: a wrong clock, not a journey. The same
    for a clock a year ahead."""
    clock, zone = FakeClock(0), Zone(TOKYO)
    with History.open(paths, clock=clock, utc_offset=zone) as h:
        session(h, clock, at(MON + timedelta(days=1), 2, 0, TOKYO))
        session(h, clock, at(MON + timedelta(days=365), 8, 0, TOKYO))
        clock.now = at(MON, 21, 30, TOKYO)
        assert h.today() == MON
        assert h.summary().sessions_this_week == 0


def test_a_record_two_days_ahead_does_not_move_today(paths: AppPaths) -> None:
    """A record made by now can be dated two days ahead only by a zone 25
    hours or more from now's within the hour: a wrong zone, not a flight."""
    clock, zone = FakeClock(0), Zone(14 * HOUR)
    with History.open(paths, clock=clock, utc_offset=zone) as h:
        now = at(MON, 23, 30, -12 * HOUR)
        h.add_checkin("any", 2, 2, "none", at=now - HOUR)  # Wednesday 00:30 at +14
        zone.offset = -12 * HOUR
        clock.now = now
        assert h.checkins()[0].utc_offset == 14 * HOUR
        assert h.today() == MON


def test_summer_time_moves_neither_today_nor_the_streak(paths: AppPaths) -> None:
    """At home through a change of clock: an evening session before the
    clocks go back stays yesterday's, and a day missed is missed."""
    clock, zone = FakeClock(0), Zone(2 * HOUR)
    sat, mon = date(2026, 10, 24), date(2026, 10, 26)
    with History.open(paths, clock=clock, utc_offset=zone) as h:
        session(h, clock, at(sat - timedelta(days=1), 20, 0, 2 * HOUR))
        session(h, clock, at(sat, 23, 40, 2 * HOUR))
        zone.offset = HOUR  # Sunday 03:00 becomes 02:00
        clock.now = at(mon, 0, 30, HOUR)
        assert h.today() == mon
        assert h.streak().current == 0  # Sunday missed
        session(h, clock, at(mon, 19, 0, HOUR))
        assert h.streak().current == 1


def test_an_empty_history_has_the_local_date_and_no_streak(paths: AppPaths) -> None:
    clock = FakeClock(at(MON, 23, 55, HONOLULU))
    with History.open(paths, clock=clock, utc_offset=Zone(HONOLULU)) as h:
        assert h.today() == MON
        assert h.summary().streak.current == 0
        assert h.summary().sessions_this_week == 0


def test_at_23_55_a_record_from_an_hour_east_already_made_is_tomorrows(
    paths: AppPaths,
) -> None:
    """The 23:55 rule of the History page's tests: a check-in at 23:50 at
    home leaves today alone; one made half an hour ago an hour east (00:25
    on its own clock) has made tomorrow come."""
    clock, zone = FakeClock(0), Zone(HOUR)
    with History.open(paths, clock=clock, utc_offset=zone) as h:
        zone.offset = 0
        h.add_checkin("any", 2, 2, "none", at=at(MON, 23, 50, 0))
        clock.now = at(MON, 23, 55, 0)
        assert h.today() == MON
        zone.offset = HOUR
        h.add_checkin("any", 2, 2, "none", at=at(MON, 23, 25, 0))
        zone.offset = 0
        assert h.today() == MON + timedelta(days=1)
        assert h.today_at(at(MON, 23, 20, 0)) == MON  # before it was made
