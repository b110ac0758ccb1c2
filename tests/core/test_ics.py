"""The plan's .ics: parses back, recurrence matches the plan, alarms at the time."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from stretchguide.core import ics
from stretchguide.core.catalog import load_builtin
from stretchguide.core.plan import Plan

START = date(2026, 3, 4)  # a Wednesday, so weekly days are not simply Mon-based
NOW = datetime(2026, 3, 1, 12, 0)


def plan_for(rid: str) -> Plan:
    return Plan.for_routine(load_builtin().routines[rid], START)


def occurrences(text: str, first: date, last: date) -> list[datetime]:
    found: list[datetime] = []
    for event in ics.parse(text):
        found += ics.expand(event, first, last)
    return sorted(found)


def test_article_001_calendar_matches_the_plan_day_for_day_across_the_step_down():
    plan = plan_for("article_001_seven_best")
    text = ics.plan_to_ics(plan, title="Stretches", at=time(18, 30), minutes=20, now_utc=NOW)
    last = START + timedelta(days=90)
    got = occurrences(text, START, last)
    want = [datetime.combine(d, time(18, 30)) for d in plan.planned_days(START, last)]
    assert got == want
    events = ics.parse(text)
    assert len(events) == 2
    assert events[0]["RRULE"].startswith("FREQ=DAILY;UNTIL=")
    assert events[1]["RRULE"].startswith("FREQ=WEEKLY;BYDAY=")


def test_every_event_has_a_display_alarm_at_its_start():
    text = ics.plan_to_ics(
        plan_for("article_000_basics"),
        title="Stretch, now",
        at=time(7, 5),
        minutes=12,
        now_utc=NOW,
    )
    (event,) = ics.parse(text)
    assert event["SUMMARY"] == "Stretch, now"  # the comma survives escaping
    assert event["DTSTART"] == "20260304T070500"
    assert event["DURATION"] == "PT12M"
    (alarm,) = event["alarms"]
    assert alarm["ACTION"] == "DISPLAY" and alarm["TRIGGER"] == "PT0M"


def test_output_is_crlf_and_long_lines_fold_and_unfold_intact():
    long = "A very long description; " * 10
    text = ics.plan_to_ics(
        plan_for("article_000_basics"),
        title="S",
        at=time(9, 0),
        minutes=5,
        now_utc=NOW,
        description=long,
    )
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    (event,) = ics.parse(text)
    assert long.strip() in str(event["DESCRIPTION"])


def test_a_broken_calendar_is_refused_with_the_line():
    with pytest.raises(ics.IcsError, match="line 3: END:VCALENDAR does not close"):
        ics.parse("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n")
