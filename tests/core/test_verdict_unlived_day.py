"""The 14-day verdict takes fourteen days the person lived: a date a flight
east over the date line passed over is not one of them (it took a place
in the window, and the check-ins of the fourteenth day lived fell out)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from stretchguide.core.trends import (
    CheckIn,
    CheckInKind,
    Extent,
    VerdictKind,
    fourteen_day_verdict,
    unlived_days,
)

HOUR = 3600
TOKYO, HONOLULU = 9 * HOUR, -10 * HOUR
MON = date(2026, 1, 5)
TUE, WED = MON + timedelta(days=1), MON + timedelta(days=2)


def made(day: date, hour: int, offset: int, leg: int = 5) -> CheckIn:
    zone = timezone(timedelta(seconds=offset))
    at = int(datetime(day.year, day.month, day.day, hour, 0, tzinfo=zone).timestamp())
    return CheckIn(at, CheckInKind.ANY, 2, leg, Extent.THIGH, utc_offset=offset)


def _trip(first_week: tuple[int, ...]) -> list[CheckIn]:
    """Check-ins in Honolulu (days from Monday), then Wednesday in Tokyo."""
    home = [made(MON + timedelta(days=d), 7, HONOLULU) for d in (*first_week, -1, 0)]
    return [*home, made(WED, 7, TOKYO)]


def test_the_fourteenth_day_lived_is_in_the_window() -> None:
    # Wednesday two weeks back (Monday - 12) is the fourteenth day lived.
    verdict = fourteen_day_verdict(_trip((-12, -11, -10)), WED)
    assert verdict.kind is VerdictKind.NO_CHANGE  # was NOT_ENOUGH_DATA: "found 2 and 3"


def test_a_day_missed_at_home_still_takes_its_place() -> None:
    # The same check-ins with no flight: Tuesday was lived, and had none.
    home = [made(MON + timedelta(days=d), 7, HONOLULU) for d in (-12, -11, -10, -1, 0, 2)]
    verdict = fourteen_day_verdict(home, WED)
    assert verdict.kind is VerdictKind.NOT_ENOUGH_DATA


def test_the_day_up_to_today_is_read_on_the_clock_now() -> None:
    # No check-in in Tokyo yet: Monday's in Honolulu was yesterday on the
    # clock now, so Tuesday was never lived.
    checkins = [made(MON + timedelta(days=d), 7, HONOLULU) for d in (-12, -11, -10, -2, -1, 0)]
    assert fourteen_day_verdict(checkins, WED, utc_offset=TOKYO).kind is VerdictKind.NO_CHANGE
    assert unlived_days(((c.at, c.utc_offset) for c in checkins), WED, TOKYO) == {TUE}
    # On the clock of home, Monday is two days back: a day missed.
    assert unlived_days(((c.at, c.utc_offset) for c in checkins), WED, HONOLULU) == set()


@given(
    st.lists(st.integers(0, 40 * 86400), max_size=40),
    st.sampled_from((HONOLULU, 0, TOKYO, 14 * HOUR)),
    st.integers(0, 45),
)
def test_on_one_clock_every_date_was_lived(times, offset, today_n) -> None:
    start = 1_767_225_600  # 2026-01-01 UTC
    made_at = [(start + t, offset) for t in times]
    today = date(2026, 1, 1) + timedelta(days=today_n)
    assert unlived_days(made_at, today, offset) == set()
