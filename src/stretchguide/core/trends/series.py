"""Trend maths over records: days, daily series, rolling means, comparisons, adherence, streaks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from stretchguide.core.catalog import Schedule
from stretchguide.core.trends.records import (
    _EXTENT_ORDER,
    DONE_STATUSES,
    CheckIn,
    CheckInKind,
    Extent,
    Response,
    SessionRecord,
)

# --------------------------------------------------------------------------- days


_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def day_number(ts: int, utc_offset: int) -> int:
    """Days since 1970-01-01 on the person's clock (what the SQL also computes)."""
    return (int(ts) + int(utc_offset)) // 86400


def local_day(ts: int, utc_offset: int) -> date:
    return date.fromordinal(_EPOCH_ORDINAL + day_number(ts, utc_offset))


def day_from_number(n: int) -> date:
    return date.fromordinal(_EPOCH_ORDINAL + n)


@dataclass(frozen=True)
class DayPain:
    day: date
    back: float  # mean of the day's check-ins
    leg: float
    count: int
    furthest: Extent  # the furthest extent reported that day


def daily_series(checkins: Iterable[CheckIn]) -> list[DayPain]:
    """One point per day that has check-ins, oldest first."""
    sums: dict[date, list[int]] = {}
    for c in checkins:
        d = local_day(c.at, c.utc_offset)
        acc = sums.get(d)
        rank = c.extent.rank
        if acc is None:
            sums[d] = [c.back, c.leg, 1, rank]
        else:
            acc[0] += c.back
            acc[1] += c.leg
            acc[2] += 1
            if rank > acc[3]:
                acc[3] = rank
    return [
        DayPain(d, b / n, leg / n, n, _EXTENT_ORDER[r])
        for d, (b, leg, n, r) in sorted(sums.items())
    ]


@dataclass(frozen=True)
class RollingPoint:
    day: date
    back: float | None  # None when no day in the window has data
    leg: float | None
    days_with_data: int


def rolling_means(series: Sequence[DayPain], window: int = 7) -> list[RollingPoint]:
    """For every calendar day from the first to the last point, the mean of the
    daily means over the ``window`` days ending that day.

    Each day weighs the same however many check-ins it had, so a day with
    three entries does not outvote a day with one.
    """
    if window < 1:
        raise ValueError("window must be at least 1 day")
    if not series:
        return []
    by_day = {p.day.toordinal(): p for p in series}
    first, last = series[0].day.toordinal(), series[-1].day.toordinal()
    out: list[RollingPoint] = []
    in_window: list[tuple[int, float, float]] = []
    back_sum = leg_sum = 0.0
    for day in range(first, last + 1):
        p = by_day.get(day)
        if p is not None:
            in_window.append((day, p.back, p.leg))
            back_sum += p.back
            leg_sum += p.leg
        while in_window and in_window[0][0] <= day - window:
            _, b, leg = in_window.pop(0)
            back_sum -= b
            leg_sum -= leg
        n = len(in_window)
        if n == 0:
            back_sum = leg_sum = 0.0  # no drift from float subtraction
        out.append(
            RollingPoint(
                date.fromordinal(day), back_sum / n if n else None, leg_sum / n if n else None, n
            )
        )
    return out


# --------------------------------------------------------------------------- comparing


def compare(earlier: CheckIn, later: CheckIn, min_change: int = 1) -> Response:
    """Whether ``later`` is better, the same or worse than ``earlier``.

    Worse: symptoms reach further down the leg, or the worse of back/leg pain
    rose by at least ``min_change``. Better: not worse, and symptoms retreated
    up the leg or the worse pain fell by at least ``min_change``.
    """
    spread = later.extent.rank - earlier.extent.rank
    delta = later.worst - earlier.worst
    if spread > 0 or delta >= min_change:
        return Response.WORSE
    if spread < 0 or delta <= -min_change:
        return Response.BETTER
    return Response.SAME


@dataclass(frozen=True)
class SessionChange:
    """Before -> after one session. Positive changes mean worse."""

    session_id: int
    started_at: int
    back_before: int
    leg_before: int
    extent_before: Extent
    back_after: int
    leg_after: int
    extent_after: Extent

    @property
    def back_change(self) -> int:
        return self.back_after - self.back_before

    @property
    def leg_change(self) -> int:
        return self.leg_after - self.leg_before

    @property
    def extent_change(self) -> int:
        """Positive: symptoms spread further down the leg."""
        return self.extent_after.rank - self.extent_before.rank


def session_changes(
    sessions: Iterable[SessionRecord], checkins: Iterable[CheckIn]
) -> list[SessionChange]:
    """Pair each session with the before and after check-ins linked to it.

    The app links the check-ins it asks for around a session to that session
    (``session_id``); if several are linked, the last "before" and the first
    "after" count. Sessions without both are left out.
    """
    before: dict[int, CheckIn] = {}
    after: dict[int, CheckIn] = {}
    for c in sorted(checkins, key=lambda c: (c.at, c.id)):
        if c.session_id is None:
            continue
        if c.kind is CheckInKind.BEFORE:
            before[c.session_id] = c
        elif c.kind is CheckInKind.AFTER:
            after.setdefault(c.session_id, c)
    out: list[SessionChange] = []
    for s in sessions:
        b, a = before.get(s.id), after.get(s.id)
        if b is not None and a is not None:
            out.append(
                SessionChange(s.id, s.started_at, b.back, b.leg, b.extent, a.back, a.leg, a.extent)
            )
    out.sort(key=lambda ch: (ch.started_at, ch.session_id))
    return out


# --------------------------------------------------------------------------- habit


@dataclass(frozen=True)
class Adherence:
    done: int  # completed or partial sessions in the period
    expected: float  # sessions_per_week x weeks
    weeks: int

    @property
    def ratio(self) -> float | None:
        """done / expected (may exceed 1); None when nothing was scheduled."""
        return self.done / self.expected if self.expected > 0 else None


def adherence(
    sessions: Iterable[SessionRecord],
    schedule: Schedule,
    today: date,
    *,
    weeks: int = 4,
) -> Adherence:
    """Sessions done in the ``weeks`` x 7 days ending ``today`` against the
    routine's ``sessions_per_week``."""
    start = today - timedelta(days=7 * weeks - 1)
    done = sum(
        1
        for s in sessions
        if s.status in DONE_STATUSES and start <= local_day(s.started_at, s.utc_offset) <= today
    )
    return Adherence(done, schedule.sessions_per_week * weeks, weeks)


HABIT_DAYS = 21  # article 001: a daily routine for 21 days to form the habit


@dataclass(frozen=True)
class Streak:
    current: int  # consecutive days with a session, up to today
    best: int
    goal: int = HABIT_DAYS

    @property
    def reached(self) -> bool:
        return self.current >= self.goal

    @property
    def days_to_goal(self) -> int:
        return max(0, self.goal - self.current)


def session_days(sessions: Iterable[SessionRecord]) -> set[date]:
    """Local days with at least one completed or partial session."""
    return {local_day(s.started_at, s.utc_offset) for s in sessions if s.status in DONE_STATUSES}


def habit_streak(
    sessions: Iterable[SessionRecord], today: date, *, goal: int = HABIT_DAYS
) -> Streak:
    """The run of consecutive days with a session (completed or partial).

    A streak that reached yesterday is still current today, because today's
    session may simply not have happened yet.
    """
    return streak_from_days(session_days(sessions), today, goal=goal)


def streak_from_days(days: set[date], today: date, *, goal: int = HABIT_DAYS) -> Streak:
    """:func:`habit_streak` from the set of days that had a session."""
    current = 0
    day = today if today in days else today - timedelta(days=1)
    while day in days:
        current += 1
        day -= timedelta(days=1)
    best = run = 0
    prev: date | None = None
    for d in sorted(days):
        run = run + 1 if prev is not None and d - prev == timedelta(days=1) else 1
        best = max(best, run)
        prev = d
    return Streak(current, best, goal)
