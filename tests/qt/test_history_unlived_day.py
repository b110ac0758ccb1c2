"""A date nobody lived (a flight east over the date line: Tuesday passed in
the air) is not a missed day on the History page: the 21-day strip leaves
it out (it showed an empty square there, a day without a session), and
the 14-day verdict takes fourteen days lived (the date took a place in
its window, and the fourteenth day lived fell out)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tests.store.test_travel_review import HONOLULU, MON, TOKYO, Zone, at, session
from tests.support import FakeClock

from stretchguide.core.trends import HABIT_DAYS, VerdictKind
from stretchguide.paths import AppPaths
from stretchguide.qt.history_streak import StreakRow
from stretchguide.store.history import History

TUE, WED = MON + timedelta(days=1), MON + timedelta(days=2)


@pytest.fixture
def flown_east(tmp_path):
    """Sessions and check-ins each morning in Honolulu for two weeks up to
    Monday, then Tokyo: Wednesday morning there, Tuesday never lived."""
    clock, zone = FakeClock(0), Zone(HONOLULU)
    h = History.open(AppPaths(tmp_path / "d").ensure(), clock=clock, utc_offset=zone)
    for d in range(-13, 1):
        session(h, clock, at(MON + timedelta(days=d), 8, 0, HONOLULU))
        h.add_checkin("any", 2, 5, "thigh", at=at(MON + timedelta(days=d), 7, 30, HONOLULU))
    zone.offset = TOKYO
    clock.now = at(WED, 6, 30, TOKYO)
    yield h, clock
    h.close()


def test_the_strip_leaves_out_the_day_nobody_lived(qtbot, flown_east) -> None:
    h, clock = flown_east
    session(h, clock, at(WED, 7, 0, TOKYO))
    today = h.today()
    assert today == WED
    row = StreakRow()
    qtbot.addWidget(row)
    row.show_streak(h.trend_data(today), None, today)
    shown = [d for d, _ in row.strip.days]
    assert TUE not in shown  # was an empty square between two full ones
    assert len(shown) == HABIT_DAYS and shown[-1] == WED
    assert shown[-2] == MON and all(done for _, done in row.strip.days[-15:])
    # Reaching a day further back instead: 21 days lived, 15 of them done.
    assert shown[0] == WED - timedelta(days=HABIT_DAYS)
    assert row.strip.accessibleDescription().startswith("15 of the last 21 days")


def test_a_day_missed_at_home_stays_on_the_strip(qtbot, tmp_path) -> None:
    clock, zone = FakeClock(0), Zone(HONOLULU)
    with History.open(AppPaths(tmp_path / "d").ensure(), clock=clock, utc_offset=zone) as h:
        for d in (-2, 0):  # Saturday, Monday: Sunday missed, one clock
            session(h, clock, at(MON + timedelta(days=d), 8, 0, HONOLULU))
        clock.now = at(MON, 20, 0, HONOLULU)
        row = StreakRow()
        qtbot.addWidget(row)
        row.show_streak(h.trend_data(MON), None, MON)
        days = dict(row.strip.days)
        assert days[MON - timedelta(days=1)] is False  # shown, empty: really missed


def test_the_verdict_asks_nothing_of_the_day_nobody_lived(flown_east) -> None:
    """The verdict counts days with check-ins (3 of each week at least),
    never days without: no reason speaks of a day missed."""
    h, clock = flown_east
    h.add_checkin("any", 2, 5, "thigh", at=at(WED, 7, 0, TOKYO))
    verdict = h.verdict(WED)
    assert verdict.kind is VerdictKind.NO_CHANGE  # enough days: a real verdict
    assert not any("day" in r and "miss" in r for r in verdict.reasons)


def test_three_lived_days_are_enough_in_the_week_holding_the_day_nobody_lived(
    tmp_path,
) -> None:
    clock, zone = FakeClock(0), Zone(HONOLULU)
    with History.open(AppPaths(tmp_path / "d").ensure(), clock=clock, utc_offset=zone) as h:
        for d in (-12, -11, -10, -1, 0):  # the first week; Sunday and Monday
            h.add_checkin("any", 2, 5, "thigh", at=at(MON + timedelta(days=d), 7, 30, HONOLULU))
        zone.offset = TOKYO
        h.add_checkin("any", 2, 5, "thigh", at=at(WED, 7, 0, TOKYO))
        clock.now = at(WED, 8, 0, TOKYO)
        assert h.today() == WED
        assert h.verdict().kind is VerdictKind.NO_CHANGE  # not "not enough data"
