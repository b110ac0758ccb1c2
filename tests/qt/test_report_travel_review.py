"""The clinician report's tables after a flight (left from s37's travel
rules): each record is dated on the clock it was made with, as the History
page dates it, not by the zone of the machine making the report. Tuesday
in Tokyo, the report made in Honolulu: before the fix Tuesday's morning
check-in and session fell on Monday (out of a report of Tuesday), the day
was split in two in the pain table, and notes showed Honolulu's time."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta

import pytest
from tests.store.test_travel_review import HONOLULU, ROUTINE, TOKYO, Zone, at
from tests.support import FakeClock

from stretchguide import paths
from stretchguide.core.catalog import load_builtin
from stretchguide.core.safety import RED_FLAGS
from stretchguide.qt.report_data import DayPainPoint, assemble_report, first_record_day
from stretchguide.store.history import History

MON = date(2026, 1, 5)
TUE = MON + timedelta(days=1)


@pytest.fixture
def tuesday_in_tokyo(_private_data_dir, monkeypatch):
    """Monday night and Tuesday in Tokyo; then the machine is in Honolulu,
    where it is still Tuesday morning when the report is made."""
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    clock, zone = FakeClock(at(MON, 23, 30, TOKYO)), Zone(TOKYO)
    h = History.open(paths.resolve(str(_private_data_dir)).ensure(), clock=clock, utc_offset=zone)
    h.add_checkin("any", 8, 8, "foot")  # Monday 23:30, Tokyo
    h.add_checkin("any", 2, 4, "thigh", note="stiff on waking", at=at(TUE, 7, 30, TOKYO))
    h.record_red_flags({f.id: f.id == "fever" for f in RED_FLAGS}, at=at(TUE, 7, 45, TOKYO))
    clock.now = at(TUE, 8, 0, TOKYO)
    s = h.start_session(ROUTINE)
    h.finish_session(s.id, "completed", int(clock.now) + 600)
    h.add_checkin("any", 4, 6, "thigh", at=at(TUE, 21, 0, TOKYO))
    monkeypatch.setenv("TZ", "Pacific/Honolulu")
    time.tzset()
    zone.offset = HONOLULU
    clock.now = at(TUE, 9, 0, HONOLULU)
    yield h
    h.close()
    monkeypatch.undo()
    time.tzset()


def test_a_report_of_tuesday_holds_tuesday_in_tokyo(tuesday_in_tokyo) -> None:
    h = tuesday_in_tokyo
    assert h.today() == TUE
    r = assemble_report(h, load_builtin().exercises, TUE, TUE)
    assert r.checkin_count == 2  # was 1: the morning's fell on Monday
    assert r.pain == [DayPainPoint(TUE, 3.0, 5.0)]  # was Tuesday's evening alone
    assert r.sessions_done == 1  # was 0
    assert [(u.first, u.last) for u in r.routines] == [(TUE, TUE)]
    assert [(w.week_of, w.checkins) for w in r.symptoms] == [(MON, 2)]
    assert r.notes == [(datetime(2026, 1, 6, 7, 30), "stiff on waking")]  # Tokyo's 07:30
    assert r.red_flag_days == [TUE]  # was none
    assert [d for d, _text in r.red_flags] == [TUE]


def test_a_report_of_monday_holds_only_mondays_records(tuesday_in_tokyo) -> None:
    r = assemble_report(tuesday_in_tokyo, load_builtin().exercises, TUE, MON, MON)
    # Was 2 check-ins, 1 session and a fever on Monday: Tuesday morning
    # in Tokyo is Monday afternoon in Honolulu.
    assert r.checkin_count == 1
    assert r.pain == [DayPainPoint(MON, 8.0, 8.0)]
    assert r.sessions_done == 0 and r.red_flag_days == []


def test_the_whole_history_starts_on_the_first_records_own_day(
    _private_data_dir, monkeypatch
) -> None:
    monkeypatch.setenv("TZ", "Pacific/Honolulu")
    time.tzset()
    try:
        clock = FakeClock(at(TUE, 7, 30, TOKYO))
        with History.open(
            paths.resolve(str(_private_data_dir)).ensure(), clock=clock, utc_offset=Zone(TOKYO)
        ) as h:
            h.add_checkin("any", 2, 4, "thigh")
            assert first_record_day(h) == TUE  # was Monday, Honolulu's date
    finally:
        monkeypatch.undo()
        time.tzset()
