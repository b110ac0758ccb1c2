"""Today and the streak across time zones, in core.trends (no store): the
rules docs/RELIABILITY.md states under "Travel across time zones". The
travel tests failed before the fix; the limits' tests fail with the limit
taken out (checked by hand)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from stretchguide.core.trends import (
    RoutineSnapshot,
    SessionDay,
    SessionRecord,
    SessionStatus,
    clock_made_gap,
    current_day,
    day_number,
    habit_streak,
    joined_days,
    session_clock_days,
    streak_from_days,
)

HOUR = 3600
TOKYO, HONOLULU, BERLIN = 9 * HOUR, -10 * HOUR, HOUR
MON = date(2026, 1, 5)


def at(day: date, hour: int, minute: int, offset: int) -> int:
    zone = timezone(timedelta(seconds=offset))
    return int(datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone).timestamp())


def sessions(*starts: tuple[int, int]) -> list[SessionRecord]:
    snap = RoutineSnapshot("r", ())
    return [
        SessionRecord(i, f"u{i}", "r", snap, t, t + 600, SessionStatus.COMPLETED, {}, off)
        for i, (t, off) in enumerate(starts, 1)
    ]


# --------------------------------------------------------------------------- today


def test_today_is_the_local_date_with_nothing_ahead() -> None:
    now = at(MON, 23, 55, BERLIN)
    assert current_day(now, BERLIN, []) == MON
    assert current_day(now, BERLIN, [(at(MON, 23, 50, BERLIN), BERLIN)]) == MON


def test_a_session_already_done_on_tomorrows_date_makes_today_tomorrow() -> None:
    """Tuesday 08:00 in Tokyo is Monday 13:00 in Honolulu, where it is
    Monday evening now."""
    morning = (at(MON + timedelta(days=1), 8, 0, TOKYO), TOKYO)
    assert current_day(at(MON, 22, 30, HONOLULU), HONOLULU, [morning]) == MON + timedelta(days=1)


def test_a_record_stamped_after_now_does_not_move_today() -> None:
    """A clock five hours fast stamped 02:00 tomorrow; it was put right."""
    ahead = (at(MON + timedelta(days=1), 2, 0, TOKYO), TOKYO)
    assert current_day(at(MON, 21, 30, TOKYO), TOKYO, [ahead]) == MON


def test_a_record_two_days_ahead_does_not_move_today() -> None:
    now = at(MON, 23, 30, -12 * HOUR)
    wrong = (now - HOUR, 14 * HOUR)  # Wednesday 00:30 on its own clock
    assert day_number(*wrong) - day_number(now, -12 * HOUR) == 2
    assert current_day(now, -12 * HOUR, [wrong]) == MON


# --------------------------------------------------------------------------- streak


def test_a_gap_the_date_line_made_does_not_break_the_streak() -> None:
    """Monday 08:00 in Honolulu, then Wednesday 07:00 in Tokyo: 23 hours
    later, Tuesday spent in the air."""
    done = sessions(
        *((at(MON + timedelta(days=d), 8, 0, HONOLULU), HONOLULU) for d in range(-4, 1)),
        (at(MON + timedelta(days=2), 7, 0, TOKYO), TOKYO),
    )
    streak = habit_streak(done, MON + timedelta(days=2), utc_offset=TOKYO)
    assert (streak.current, streak.best) == (6, 6)  # was (1, 5)


def test_the_streak_waits_for_todays_session_after_the_date_line() -> None:
    done = sessions(
        *((at(MON + timedelta(days=d), 8, 0, HONOLULU), HONOLULU) for d in range(-4, 1))
    )
    wed = MON + timedelta(days=2)
    assert habit_streak(done, wed, utc_offset=TOKYO).current == 5  # was 0
    # Without the clock of now, or on Thursday, the gap stands.
    assert habit_streak(done, wed).current == 0
    assert habit_streak(done, wed + timedelta(days=1), utc_offset=TOKYO).current == 0


def test_a_day_missed_at_home_breaks_the_streak_whatever_the_zone() -> None:
    done = sessions(
        (at(MON, 20, 0, BERLIN), BERLIN), (at(MON + timedelta(days=2), 8, 0, BERLIN), BERLIN)
    )
    streak = habit_streak(done, MON + timedelta(days=2), utc_offset=BERLIN)
    assert (streak.current, streak.best) == (1, 1)


def test_a_summer_time_change_closes_a_gap_only_for_sessions_either_side_of_midnight() -> None:
    """Sessions at 23:45 on Saturday and 00:10 on Monday, the clocks going
    forward an hour in between, are 23 hours 25 minutes apart and on
    consecutive days of the winter clock: the rule joins them. Evening
    sessions either side of a missed Sunday stay two days apart."""
    sat, mon = date(2026, 3, 28), date(2026, 3, 30)
    near = session_clock_days([(at(sat, 23, 45, HOUR), HOUR), (at(mon, 0, 10, 2 * HOUR), 2 * HOUR)])
    assert clock_made_gap(near[0], near[1])
    far = session_clock_days([(at(sat, 20, 0, HOUR), HOUR), (at(mon, 20, 0, 2 * HOUR), 2 * HOUR)])
    assert not clock_made_gap(far[0], far[1])


def test_no_gap_wider_than_the_zones_can_make_is_joined() -> None:
    """Offsets run from -12 to +14 hours: day d, then d + 3 at most. A
    session an hour after another, stored with a made-up offset of four
    days, is on the same day on the first one's clock, but its own date is
    four days on: a week's gap is not joined by it."""
    a = SessionDay(100, 100 * 86400, 100 * 86400, (0,))
    b = SessionDay(104, 100 * 86400 + HOUR, 100 * 86400 + HOUR, (4 * 86400,))
    assert not clock_made_gap(a, b)
    assert joined_days([100, 104], {100: a, 104: b}, 105, 0) == frozenset()


def test_streak_from_days_takes_the_joined_days() -> None:
    days = {MON, MON + timedelta(days=2)}
    assert streak_from_days(days, MON + timedelta(days=2)).current == 1
    joined = {MON + timedelta(days=2)}
    assert streak_from_days(days, MON + timedelta(days=2), joined=joined).current == 2
    # Today without a session, joined to Monday.
    assert streak_from_days({MON}, MON + timedelta(days=2), joined=joined).current == 1
