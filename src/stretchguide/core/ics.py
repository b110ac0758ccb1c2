"""The plan as an iCalendar file (RFC 5545) for a phone's calendar.

Written by hand with the standard library: one recurring event per plan
phase, in floating local time (the reminder is "18:00 wherever I am"), each
with a display alarm at the start. :func:`parse` reads back what
:func:`plan_to_ics` writes; the tests use it, and it keeps the writer honest.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Final

from stretchguide.core.plan import Plan

PRODID: Final = "-//StretchGuide//Plan//EN"
WEEKDAYS: Final = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _unescape(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for ch in line:
        b = ch.encode("utf-8")
        if len(current) + len(b) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += b
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _stamp(dt: datetime) -> str:
    return dt.strftime("%Y%m%dT%H%M%S")


def plan_to_ics(
    plan: Plan,
    *,
    title: str,
    at: time,
    minutes: int,
    now_utc: datetime,
    description: str = "",
) -> str:
    """The plan's sessions as events at ``at`` lasting ``minutes``.

    ``now_utc`` (an injected clock) gives DTSTAMP, so the output is
    reproducible in tests.
    """
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    for n, phase in enumerate(plan.phases):
        first = plan.start + timedelta(days=phase.first_day)
        start = datetime.combine(first, at)
        if phase.days_per_week >= 7:
            rule = "FREQ=DAILY"
        else:
            # The same spread as Phase.planned, named as weekdays.
            cycle = sorted({i * 7 // phase.days_per_week for i in range(phase.days_per_week)})
            byday = ",".join(WEEKDAYS[(first + timedelta(days=d)).weekday()] for d in cycle)
            rule = f"FREQ=WEEKLY;BYDAY={byday}"
        if phase.last_day is not None:
            until = datetime.combine(plan.start + timedelta(days=phase.last_day), at)
            rule += f";UNTIL={_stamp(until)}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{plan.routine_id}-{plan.start.isoformat()}-{n}@stretchguide",
            f"DTSTAMP:{_stamp(now_utc)}Z",
            f"DTSTART:{_stamp(start)}",
            f"DURATION:PT{max(1, minutes)}M",
            f"RRULE:{rule}",
            f"SUMMARY:{_escape(title)}",
            f"DESCRIPTION:{_escape((phase.text + '. ' + description).strip())}",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{_escape(title)}",
            "TRIGGER:PT0M",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


# --------------------------------------------------------------------------- reading


class IcsError(ValueError):
    pass


def parse(text: str) -> list[dict[str, object]]:
    """The events of an iCalendar text: properties by name, alarms as a list.

    Enough of RFC 5545 to read back what this module writes (and simple
    files like it): unfolding, escapes, nested components.
    """
    unfolded: list[str] = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        if raw.startswith((" ", "\t")) and unfolded:
            unfolded[-1] += raw[1:]
        elif raw:
            unfolded.append(raw)
    events: list[dict[str, object]] = []
    stack: list[dict[str, object]] = []
    names: list[str] = []
    for n, line in enumerate(unfolded, 1):
        if ":" not in line:
            raise IcsError(f"line {n}: no ':' in {line!r}")
        key, value = line.split(":", 1)
        name = key.split(";", 1)[0].upper()
        if name == "BEGIN":
            names.append(value.upper())
            stack.append({"alarms": []} if value.upper() == "VEVENT" else {})
        elif name == "END":
            if not names or names[-1] != value.upper():
                raise IcsError(f"line {n}: END:{value} does not close {names[-1:]}")
            names.pop()
            comp = stack.pop()
            if value.upper() == "VEVENT":
                events.append(comp)
            elif value.upper() == "VALARM" and stack and "alarms" in stack[-1]:
                alarms = stack[-1]["alarms"]
                assert isinstance(alarms, list)
                alarms.append(comp)
        elif stack:
            stack[-1][name] = _unescape(value)
    if names:
        raise IcsError(f"unclosed {names[-1]}")
    return events


def expand(event: dict[str, object], first: date, last: date) -> list[datetime]:
    """The occurrences of one event between two days (DAILY / WEEKLY rules)."""
    start = datetime.strptime(str(event["DTSTART"]), "%Y%m%dT%H%M%S")
    rule = dict(p.split("=", 1) for p in str(event.get("RRULE", "FREQ=DAILY;COUNT=1")).split(";"))
    until = datetime.strptime(rule["UNTIL"], "%Y%m%dT%H%M%S") if "UNTIL" in rule else None
    byday = rule.get("BYDAY")
    out: list[datetime] = []
    day = max(first, start.date())
    while day <= last:
        moment = datetime.combine(day, start.time())
        if until is not None and moment > until:
            break
        if rule["FREQ"] == "DAILY" or (byday and WEEKDAYS[day.weekday()] in byday.split(",")):
            out.append(moment)
        day += timedelta(days=1)
    return out
