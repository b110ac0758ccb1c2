"""Trend maths over records: days, daily series, rolling means, comparisons, adherence, streaks."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Container, Iterable, Mapping, Sequence
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


_EPOCH_DATE = date(1970, 1, 1)
_EPOCH_ORDINAL = _EPOCH_DATE.toordinal()


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

    Worse: symptoms reach further down the leg, tingling, numbness or
    weakness that ``earlier`` did not have, or the worse of back/leg pain
    rose by at least ``min_change``. Better: not worse, and symptoms retreated
    up the leg or the worse pain fell by at least ``min_change``.
    """
    spread = later.extent.rank - earlier.extent.rank
    delta = later.worst - earlier.worst
    # A new nerve sign is never "better" (docs/CLINICAL.md, section 2): pain
    # from 5 to 2 with numbness new after the session counted as better.
    new_sign = (
        (later.tingling and not earlier.tingling)
        or (later.numbness and not earlier.numbness)
        or (later.weakness and not earlier.weakness)
    )
    if spread > 0 or new_sign or delta >= min_change:
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
    # The dates a gap a change of clock made passed over (after a flight
    # east over the date line, the day spent in the air): never lived, so
    # never missed. The plan's streak and its planned vs done skip them.
    skipped_by_clock: frozenset[date] = frozenset()

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
    sessions: Iterable[SessionRecord],
    today: date,
    *,
    goal: int = HABIT_DAYS,
    utc_offset: int | None = None,
) -> Streak:
    """The run of consecutive days with a session (completed or partial).

    A streak that reached yesterday is still current today, because today's
    session may simply not have happened yet. A gap that only a change of
    clock made (travel, a change to or from summer time) does not break it
    (:func:`joined_days`); ``utc_offset`` is the offset of the clock now,
    for the gap between the last session and ``today``.
    """
    done = [s for s in sessions if s.status in DONE_STATUSES]
    clocks = {d.day: d for d in session_clock_days((s.started_at, s.utc_offset) for s in done)}
    days, today_no = sorted(clocks), (today - _EPOCH_DATE).days
    return streak_from_day_numbers(
        days, today_no, goal=goal, joined=joined_days(days, clocks, today_no, utc_offset)
    )


def streak_from_days(
    days: set[date], today: date, *, goal: int = HABIT_DAYS, joined: Container[date] = ()
) -> Streak:
    """:func:`habit_streak` from the set of days that had a session."""
    numbers = sorted((d - _EPOCH_DATE).days for d in days)
    joined_no = {n for n in numbers if day_from_number(n) in joined}
    if today not in days and today in joined:
        joined_no.add((today - _EPOCH_DATE).days)
    return streak_from_day_numbers(numbers, (today - _EPOCH_DATE).days, goal=goal, joined=joined_no)


def streak_from_day_numbers(
    days: Sequence[int], today: int, *, goal: int = HABIT_DAYS, joined: Container[int] = ()
) -> Streak:
    """:func:`habit_streak` from ascending, distinct day numbers.

    ``joined``: days whose gap from the session day before them a change of
    clock made, so the run goes on across it (:func:`joined_days`); it may
    hold ``today`` without a session, when the gap from the last session
    day to today was made so. The days a gap skipped are not counted; the
    result names them (``skipped_by_clock``).
    """
    best = run = 0
    prev: int | None = None
    skipped: set[int] = set()
    for d in days:
        if prev is not None and d - prev > 1 and d in joined:
            skipped.update(range(prev + 1, d))
        run = run + 1 if prev is not None and (d - prev == 1 or d in joined) else 1
        if run > best:
            best = run
        prev = d
    current = 0
    i = bisect.bisect_right(days, today) - 1
    if i >= 0 and days[i] < today and today in joined:
        skipped.update(range(days[i] + 1, today))
    if i >= 0 and (days[i] >= today - 1 or today in joined):
        current = 1
        while i > 0 and (days[i - 1] == days[i] - 1 or days[i] in joined):
            current += 1
            i -= 1
    return Streak(current, best, goal, frozenset(day_from_number(n) for n in skipped))


# --------------------------------------------------------------------------- travel
# Every record keeps the day of the clock it was made on (a session at 08:00
# in Tokyo is on Tokyo's date), and "today" is the date on the clock now. A
# flight changes the clock between the two, so a day can seem to come
# twice (west) or be skipped (east, over the date line). The rules below
# read such days as the traveller lived them; docs/RELIABILITY.md, "Travel
# across time zones".

# The most a record's own day may be ahead of the local date and still move
# "today": a flight west puts a morning's session on "tomorrow", one day at
# most. Further ahead is a wrong clock or a wrong zone, not a journey.
AHEAD_DAYS_MAX = 1

# The widest gap, in day numbers, a change of clock alone can open between
# two session days: offsets run from -12 to +14 hours, so two days can be
# skipped at most (day d, then d + 3). A wider gap is a real break.
CLOCK_GAP_MAX = 3


def current_day(now: float, utc_offset: int, recent: Iterable[tuple[int, int]]) -> date:
    """Today, for the trends: the date on the clock now (``now`` with
    ``utc_offset``), or the next day when a record already made, with a
    time not after ``now``, is dated on its own clock that next day.

    ``recent``: ``(time, utc_offset)`` of the records made lately (a day
    and a bit back is enough: only an offset more than ``now - time``
    ahead of the current one can put a record on the next day).

    After a flight west the morning's session, on the clock of the place it
    was done, is on the day after the date where the person now is; it was
    done, so that day has come, and "today" is that day until the local
    date catches up. A record stamped after ``now`` was made while the
    clock was ahead (``core/clock_rules.py``), and one two or more days
    ahead is a wrong clock or zone: neither moves today.
    """
    n = int(now)
    local = day_number(n, utc_offset)
    ahead = [
        day
        for at, off in recent
        if at <= n and 0 < (day := day_number(at, off)) - local <= AHEAD_DAYS_MAX
    ]
    return day_from_number(max(ahead, default=local))


@dataclass(frozen=True)
class SessionDay:
    """The sessions of one day, enough to tell a gap a journey made from a
    day missed."""

    day: int  # day number on the sessions' own clocks
    first: int  # the earliest start that day (UTC seconds)
    last: int  # the latest start that day
    offsets: tuple[int, ...]  # the UTC offsets the day's sessions were made with


def session_clock_days(starts: Iterable[tuple[int, int]]) -> list[SessionDay]:
    """``(start, utc_offset)`` of done sessions as one :class:`SessionDay`
    per day, oldest first."""
    by_day: dict[int, list[tuple[int, int]]] = {}
    for at, off in starts:
        by_day.setdefault(day_number(at, off), []).append((at, off))
    return [
        SessionDay(
            d,
            min(at for at, _ in items),
            max(at for at, _ in items),
            tuple(sorted({off for _, off in items})),
        )
        for d, items in sorted(by_day.items())
    ]


def clock_made_gap(earlier: SessionDay, later: SessionDay) -> bool:
    """Whether the days between two session days were skipped only by a
    change of clock: on one of the clocks the two days' sessions were made
    with, they fall on the same or consecutive days.

    A day missed at home has one clock, on which the gap stays. A change
    to summer time can also close a gap, but only for sessions within an
    hour of midnight on both sides: under a day apart, and on one clock
    consecutive days, which is what the rule asks.
    """
    if not 2 <= later.day - earlier.day <= CLOCK_GAP_MAX:
        return False
    return any(
        day_number(later.first, off) - day_number(earlier.last, off) <= 1
        for off in {*earlier.offsets, *later.offsets}
    )


def unlived_days(
    made: Iterable[tuple[int, int]], today: date, utc_offset: int | None = None
) -> frozenset[date]:
    """The dates only a change of clock passed over (after a flight east over
    the date line, the day spent in the air), read from the clocks records
    were made on (``(time, utc_offset)``), as :func:`habit_streak` reads
    sessions: between two days with records, and between the last of them
    and ``today`` on the clock now (``utc_offset``)."""
    clocks = {d.day: d for d in session_clock_days(made)}
    days, today_no = sorted(clocks), (today - _EPOCH_DATE).days
    joined = joined_days(days, clocks, today_no, utc_offset)
    return streak_from_day_numbers(days, today_no, joined=joined).skipped_by_clock


def gap_days(days: Sequence[int], today: int) -> set[int]:
    """The days :func:`joined_days` reads the clocks of: both sides of each
    gap a change of clock could have made, and the last session day
    before ``today`` when today has none and such a gap lies between."""
    out: set[int] = set()
    for a, b in itertools.pairwise(days):
        if 2 <= b - a <= CLOCK_GAP_MAX:
            out |= {a, b}
    i = bisect.bisect_right(days, today) - 1
    if i >= 0 and 2 <= today - days[i] <= CLOCK_GAP_MAX:
        out.add(days[i])
    return out


def joined_days(
    days: Sequence[int],
    clocks: Mapping[int, SessionDay],
    today: int,
    utc_offset: int | None,
) -> frozenset[int]:
    """The days whose gap from the session day before them only a change of
    clock made (:func:`clock_made_gap`), for :func:`streak_from_day_numbers`.

    ``days``: every session day, ascending; ``clocks``: at least the
    :func:`gap_days` among them. With ``utc_offset`` (the clock's now) it
    also holds ``today`` when today has no session yet and the last
    session, read on today's clock, was yesterday or today: after a flight
    east over the date line the last session's own date is two days back,
    but the person has lived one day since.
    """
    out = {
        b
        for a, b in itertools.pairwise(days)
        if 2 <= b - a <= CLOCK_GAP_MAX and clock_made_gap(clocks[a], clocks[b])
    }
    i = bisect.bisect_right(days, today) - 1
    if (
        utc_offset is not None
        and i >= 0
        and 2 <= today - days[i] <= CLOCK_GAP_MAX
        and today - day_number(clocks[days[i]].last, utc_offset) <= 1
    ):
        out.add(today)
    return frozenset(out)
