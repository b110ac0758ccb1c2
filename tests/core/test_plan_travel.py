"""The evening reminder across time zones (left from s37's travel rules):
its day is the person's day the history has (``core.trends.current_day``),
not the date on the clock. After a flight west from Tokyo to Honolulu,
Tuesday morning's session in Tokyo is done at Monday 13:00 on Honolulu's
clock; Monday evening there is Tuesday for the history, and the reminder
must not ask for the session already done. And the plan's streak and its
planned vs done skip a day a flight east over the date line passed over,
as the history's streak does. These failed before the fix
(``reminder_due`` and ``next_reminder`` took no day of the person's;
``Streak`` named no day skipped by the clock)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from stretchguide.core import plan as P  # noqa: N812
from stretchguide.core.catalog import load_builtin
from stretchguide.core.trends import (
    RoutineSnapshot,
    SessionRecord,
    SessionStatus,
    current_day,
    habit_streak,
)

HOUR = 3600
TOKYO, HONOLULU = 9 * HOUR, -10 * HOUR
SAT = date(2026, 1, 3)
MON, TUE, WED = (SAT + timedelta(days=n) for n in (2, 3, 4))
AT = time(18, 0)


def stamp(day: date, hour: int, minute: int, offset: int) -> int:
    zone = timezone(timedelta(seconds=offset))
    return int(datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone).timestamp())


def on_clock(day: date, hour: int, minute: int) -> datetime:
    """A time on the clock where the person is now (naive, as the tray has it)."""
    return datetime.combine(day, time(hour, minute))


# Every day planned; Saturday, Sunday and Tuesday morning done in Tokyo.
PLAN = P.Plan.for_routine(load_builtin().routines["article_001_seven_best"], SAT)
DONE = {SAT, SAT + timedelta(days=1), TUE}
TUESDAY_IN_TOKYO = (stamp(TUE, 8, 0, TOKYO), TOKYO)


def today_in_honolulu(day: date, hour: int, minute: int) -> date:
    return current_day(stamp(day, hour, minute, HONOLULU), HONOLULU, [TUESDAY_IN_TOKYO])


def test_monday_evening_in_honolulu_asks_nothing_after_tuesdays_session_in_tokyo() -> None:
    today = today_in_honolulu(MON, 18, 0)
    assert today == TUE
    evening = on_clock(MON, 18, 0)
    assert not P.reminder_due(PLAN, DONE, evening, AT, None, today=today)
    assert P.reminder_due(PLAN, DONE, evening, AT, None)  # the clock's Monday: not done


def test_at_23_55_and_00_05_on_the_clock_the_day_done_stays_quiet() -> None:
    for day, hour, minute in ((MON, 23, 55), (TUE, 0, 5), (TUE, 18, 0), (TUE, 23, 55)):
        today = today_in_honolulu(day, hour, minute)
        assert today == TUE
        assert not P.reminder_due(PLAN, DONE, on_clock(day, hour, minute), AT, None, today=today)
    today = today_in_honolulu(WED, 0, 5)
    assert today == WED
    assert not P.reminder_due(PLAN, DONE, on_clock(WED, 0, 5), AT, None, today=today)
    assert P.reminder_due(PLAN, DONE, on_clock(WED, 18, 0), AT, None, today=WED)


def test_the_next_reminder_skips_both_clock_dates_of_the_day_done() -> None:
    # 14:00 in Honolulu, an hour after the session (09:00 on Tuesday in Tokyo).
    now = on_clock(MON, 14, 0)
    today = today_in_honolulu(MON, 14, 0)
    assert today == TUE
    # Monday and Tuesday on the clock are both the person's Tuesday, done.
    assert P.next_reminder(PLAN, DONE, now, AT, None, today=today) == on_clock(WED, 18, 0)
    assert P.next_reminder(PLAN, DONE, now, AT, None) == on_clock(MON, 18, 0)  # the old answer


def test_a_reminder_shown_for_the_persons_day_is_not_shown_again_the_next_clock_date() -> None:
    """Tuesday's morning in Tokyo was only a check-in: Tuesday is today but
    not done, and the reminder comes at 18:00 Monday on the clock. Once
    shown (for Tuesday), Tuesday on the clock is the same day."""
    done = {SAT, SAT + timedelta(days=1)}
    today = TUE
    assert P.reminder_due(PLAN, done, on_clock(MON, 18, 0), AT, None, today=today)
    assert not P.reminder_due(PLAN, done, on_clock(TUE, 18, 0), AT, TUE, today=today)
    nxt = P.next_reminder(PLAN, done, on_clock(MON, 18, 5), AT, TUE, today=today)
    assert nxt == on_clock(WED, 18, 0)
    # Not shown yet: due now, and at 17:00 on the clock, at 18:00 that day.
    assert P.next_reminder(PLAN, done, on_clock(MON, 17, 0), AT, None, today=today) == (
        on_clock(MON, 18, 0)
    )


def test_a_snooze_on_the_clocks_date_still_comes_while_today_is_ahead() -> None:
    done = {SAT, SAT + timedelta(days=1)}
    later = on_clock(MON, 18, 30)
    assert not P.reminder_due(PLAN, done, on_clock(MON, 18, 29), AT, TUE, later, today=TUE)
    assert P.reminder_due(PLAN, done, later, AT, TUE, later, today=TUE)
    assert P.next_reminder(PLAN, done, on_clock(MON, 18, 1), AT, TUE, later, today=TUE) == later


def test_after_a_flight_east_the_day_is_the_clocks() -> None:
    """Monday morning's session in Honolulu, then Tokyo: Tuesday passed in
    the air, and Wednesday's reminder comes at 18:00 Tokyo time."""
    monday = (stamp(MON, 8, 0, HONOLULU), HONOLULU)
    today = current_day(stamp(WED, 6, 30, TOKYO), TOKYO, [monday])
    assert today == WED
    done = {MON}
    assert not P.reminder_due(PLAN, done, on_clock(WED, 17, 59), AT, None, today=today)
    assert P.reminder_due(PLAN, done, on_clock(WED, 18, 0), AT, None, today=today)
    assert P.next_reminder(PLAN, done, on_clock(WED, 6, 30), AT, None, today=today) == (
        on_clock(WED, 18, 0)
    )


# --------------------------------------------------------------------------- the plan's streak


def test_the_day_a_flight_east_passed_over_neither_breaks_nor_misses_the_plan() -> None:
    """Thursday to Monday mornings in Honolulu, then Tokyo on Wednesday:
    Tuesday was spent in the air. The history's streak goes on across it
    (s37); the plan's streak and its planned vs done now do too."""
    thu = MON - timedelta(days=4)
    plan = P.Plan.for_routine(load_builtin().routines["article_001_seven_best"], thu)
    starts = [(stamp(thu + timedelta(days=n), 8, 0, HONOLULU), HONOLULU) for n in range(5)]
    streak = habit_streak(sessions(starts), WED, utc_offset=TOKYO)
    assert streak.current == 5
    assert streak.skipped_by_clock == {TUE}
    done = {thu + timedelta(days=n) for n in range(5)}
    skipped = streak.skipped_by_clock
    assert P.plan_streak(plan, done, WED, skipped=skipped).current == 5
    assert P.plan_streak(plan, done, WED).current == 0  # Tuesday "missed": the old answer
    kept = P.plan_adherence(plan, done, WED, skipped=skipped)
    assert (kept.planned, kept.kept) == (5, 5)  # was 6 planned
    # A day missed after landing is missed.
    thursday = WED + timedelta(days=1)
    assert P.plan_streak(plan, done, thursday, skipped=skipped).current == 0


def test_a_day_missed_at_home_is_not_skipped_by_the_clock() -> None:
    days = [MON - timedelta(days=2), MON]  # Saturday, Monday: Sunday missed
    starts = [(stamp(d, 8, 0, TOKYO), TOKYO) for d in days]
    streak = habit_streak(sessions(starts), MON, utc_offset=TOKYO)
    assert streak.skipped_by_clock == frozenset()
    assert streak.current == 1


def sessions(starts: list[tuple[float, int]]) -> list[SessionRecord]:
    snap = RoutineSnapshot("r", ())
    return [
        SessionRecord(i, f"u{i}", "r", snap, int(t), int(t) + 600, SessionStatus.COMPLETED, {}, off)
        for i, (t, off) in enumerate(starts, 1)
    ]
