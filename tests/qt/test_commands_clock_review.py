"""`stretchguide sheet`, `plan` and `stats` on an injected wall clock
(left from s37's travel rules). The sheet and the calendar read
``time.time()`` themselves, so a test at 23:55 could not pin the day, and
after a flight west they dated the sheet and started a new plan on the
clock's date, a day behind the History page. Now the day is the History
page's (``History.today_at``), read from the history without touching it.
The clock and travel tests failed before the fix; the untouched-history
one fails with the history opened as `stats` opens it (a backup is made)."""

from __future__ import annotations

import shutil
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from tests.qt.test_sheet import pdf_text
from tests.store.test_travel_review import ROUTINE, Zone
from tests.support import FakeClock

from stretchguide import paths
from stretchguide.__main__ import build_parser
from stretchguide.commands.sheet import run_plan, run_sheet
from stretchguide.core import ics
from stretchguide.core.i18n import format_date
from stretchguide.store.history import History

HOUR = 3600
TOKYO, HONOLULU, BERLIN = 9 * HOUR, -10 * HOUR, HOUR
ZONES = {TOKYO: "Asia/Tokyo", HONOLULU: "Pacific/Honolulu", BERLIN: "Europe/Berlin"}
MON = date(2026, 1, 5)
TUE = MON + timedelta(days=1)
RID = "article_001_seven_best"
needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("pdftotext")), reason="needs poppler-utils"
)


def stamp(day: date, hour: int, minute: int, offset: int) -> float:
    zone = timezone(timedelta(seconds=offset))
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone).timestamp()


@pytest.fixture
def zone(monkeypatch):
    """Sets the machine's zone (as the person flies); put back after."""

    def fly(offset: int) -> None:
        monkeypatch.setenv("TZ", ZONES[offset])
        time.tzset()

    yield fly
    monkeypatch.undo()
    time.tzset()


def plan_starts(data: Path, target: Path, wall: FakeClock) -> date:
    args = build_parser().parse_args(
        ["--data-dir", str(data), "plan", RID, "--ics", str(target), "--force"]
    )
    assert run_plan(args, paths.resolve(str(data)), wall=wall) == 0
    first = ics.parse(target.read_text(encoding="utf-8"))[0]
    return datetime.strptime(str(first["DTSTART"])[:8], "%Y%m%d").date()


def printed_on(data: Path, target: Path, wall: FakeClock) -> str:
    args = build_parser().parse_args(
        ["--data-dir", str(data), "sheet", RID, "--pdf", str(target), "--force"]
    )
    assert run_sheet(args, paths.resolve(str(data)), wall=wall) == 0
    return pdf_text(target)


def flown_west(data: Path, fly) -> FakeClock:
    """Tuesday 08:00 a session in Tokyo, then Honolulu, where it is Monday."""
    fly(TOKYO)
    clock = FakeClock(stamp(TUE, 8, 0, TOKYO))
    with History.open(paths.resolve(str(data)).ensure(), clock=clock, utc_offset=Zone(TOKYO)) as h:
        s = h.start_session(ROUTINE)
        h.finish_session(s.id, "completed", int(clock.now) + 600)
    fly(HONOLULU)
    return FakeClock(stamp(MON, 23, 55, HONOLULU))


def test_a_new_plans_calendar_starts_on_the_injected_clocks_day_at_23_55_and_00_05(
    tmp_path: Path, zone
) -> None:
    zone(BERLIN)
    wall = FakeClock(stamp(MON, 23, 55, BERLIN))
    assert plan_starts(tmp_path / "d", tmp_path / "p.ics", wall) == MON  # was the real date
    stamped = ics.parse((tmp_path / "p.ics").read_text(encoding="utf-8"))[0]["DTSTAMP"]
    assert stamped == "20260105T225500Z"  # the same clock, in UTC
    wall.now = stamp(TUE, 0, 5, BERLIN)
    assert plan_starts(tmp_path / "d", tmp_path / "p.ics", wall) == TUE


def test_after_a_flight_west_a_new_plan_starts_on_the_history_pages_day(
    tmp_path: Path, zone
) -> None:
    data = tmp_path / "d"
    wall = flown_west(data, zone)
    assert plan_starts(data, tmp_path / "p.ics", wall) == TUE  # was Monday


@needs_poppler
def test_the_sheet_is_dated_by_the_injected_clock_at_23_55_and_00_05(
    qapp, tmp_path: Path, zone
) -> None:
    zone(BERLIN)
    wall = FakeClock(stamp(MON, 23, 55, BERLIN))
    assert f"Printed {format_date(MON)}" in printed_on(tmp_path / "d", tmp_path / "s.pdf", wall)
    wall.now = stamp(TUE, 0, 5, BERLIN)
    assert f"Printed {format_date(TUE)}" in printed_on(tmp_path / "d", tmp_path / "s.pdf", wall)


@needs_poppler
def test_after_a_flight_west_the_sheet_is_dated_by_the_history_pages_day(
    qapp, tmp_path: Path, zone
) -> None:
    data = tmp_path / "d"
    wall = flown_west(data, zone)
    text = printed_on(data, tmp_path / "s.pdf", wall)
    assert f"Printed {format_date(TUE)}" in text  # was Monday's date


def test_reading_the_day_leaves_the_history_as_it_was(tmp_path: Path, zone) -> None:
    """The calendar needs only the day: no -wal or -shm is left beside the
    history, no backup made, and a file that is no history is neither moved
    aside nor changed (the clock's date is used)."""
    data = tmp_path / "d"
    wall = flown_west(data, zone)
    before = sorted(p.name for p in data.rglob("*"))
    assert plan_starts(data, tmp_path / "p.ics", wall) == TUE
    assert sorted(p.name for p in data.rglob("*")) == before
    db = paths.resolve(str(data)).database
    db.write_bytes(b"not a history" * 100)
    assert plan_starts(data, tmp_path / "p.ics", wall) == MON
    assert db.read_bytes() == b"not a history" * 100
    assert sorted(p.name for p in data.rglob("*")) == before


def test_stats_counts_the_week_by_the_injected_clock(tmp_path: Path, zone, capsys) -> None:
    """A session at 23:50 on Monday: this week's at 23:55 and at 00:05."""
    from stretchguide.commands.history import run_stats

    zone(BERLIN)
    data = tmp_path / "d"
    clock = FakeClock(stamp(MON, 23, 50, BERLIN))
    with History.open(paths.resolve(str(data)).ensure(), clock=clock) as h:
        s = h.start_session(ROUTINE)
        h.finish_session(s.id, "completed", int(clock.now) + 240)
    args = build_parser().parse_args(["--data-dir", str(data), "stats"])
    for when in (stamp(MON, 23, 55, BERLIN), stamp(TUE, 0, 5, BERLIN)):
        assert run_stats(args, paths.resolve(str(data)), wall=FakeClock(when)) == 0
        out = capsys.readouterr().out
        assert "Sessions this week: 1" in out  # the real clock's week had none
        assert "Streak: 1 day in a row" in out
