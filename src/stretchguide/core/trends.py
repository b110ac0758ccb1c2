"""Pain diary records and the maths over them: series, means, streaks, verdict.

Pure Python (standard library only): the store turns database rows into the
frozen records defined here, and every function below takes plain records and
returns plain records, so all of it is testable without SQLite or Qt.

Times are UTC epoch seconds. Each record also keeps the UTC offset of the
person's clock when it was made, so "a day" is the calendar day as the person
lived it (a check-in at 23:30 while travelling stays on that evening), and
the grouping never depends on the time zone of the machine reading it.

Scales: back and leg pain are 0-10 numeric ratings. ``Extent`` says how far
down the leg symptoms reach; further down is worse, retreating toward the
back is better, whatever the numbers do.
"""

from __future__ import annotations

import bisect
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from stretchguide.core.catalog import Routine, Schedule

# --------------------------------------------------------------------------- records


class CheckInKind(StrEnum):
    BEFORE = "before"  # just before a session
    AFTER = "after"  # just after a session
    NEXT_MORNING = "next_morning"
    ANY = "any"  # any time of day


class Extent(StrEnum):
    """How far down the leg symptoms reach, from the back outwards."""

    NONE = "none"
    BUTTOCK = "buttock"
    THIGH = "thigh"
    BELOW_KNEE = "below_knee"
    FOOT = "foot"

    @property
    def rank(self) -> int:
        return _EXTENT_ORDER.index(self)


_EXTENT_ORDER = tuple(Extent)


class SessionStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    PARTIAL = "partial"  # ended early, or found unfinished after a crash
    STOPPED = "stopped"  # the person stopped it (e.g. because it hurt)


class Response(StrEnum):
    BETTER = "better"
    SAME = "same"
    WORSE = "worse"


DONE_STATUSES = frozenset({SessionStatus.COMPLETED, SessionStatus.PARTIAL})


@dataclass(frozen=True)
class SnapshotItem:
    """One routine item as it was when the session ran."""

    exercise_id: str
    hold_s: float = 0.0
    reps: int = 1
    rep_s: float = 0.0
    sets: int = 1
    sides: str = "none"
    rest_s: float = 0.0


@dataclass(frozen=True)
class RoutineSnapshot:
    """A routine's name and doses frozen at session start, so later edits to
    the routine never rewrite what was actually done."""

    name: str
    items: tuple[SnapshotItem, ...] = ()

    @classmethod
    def of(cls, routine: Routine) -> RoutineSnapshot:
        return cls(
            routine.name,
            tuple(
                SnapshotItem(
                    i.exercise_id,
                    i.dose.hold_s,
                    i.dose.reps,
                    i.dose.rep_s,
                    i.dose.sets,
                    str(i.dose.sides),
                    i.dose.rest_s,
                )
                for i in routine.items
            ),
        )

    @property
    def exercise_ids(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for item in self.items:
            seen.setdefault(item.exercise_id, None)
        return tuple(seen)


@dataclass(frozen=True)
class SessionRecord:
    id: int
    uuid: str
    routine_id: str
    routine: RoutineSnapshot
    started_at: int
    ended_at: int | None
    status: SessionStatus
    options: Mapping[str, str] = field(default_factory=dict, hash=False)
    utc_offset: int = 0  # seconds east of UTC on the person's clock at the start

    @property
    def exercise_ids(self) -> tuple[str, ...]:
        return self.routine.exercise_ids

    @property
    def finished_at(self) -> int:
        return self.ended_at if self.ended_at is not None else self.started_at


@dataclass(frozen=True)
class StepRecord:
    session_id: int
    step_index: int
    exercise_id: str
    kind: str  # the engine's step kind: prepare, hold, reps, switch, rest
    side: str | None
    set_number: int
    planned_s: float
    done_s: float
    skipped: bool
    completed_at: int


@dataclass(frozen=True)
class CheckIn:
    at: int
    kind: CheckInKind
    back: int
    leg: int
    extent: Extent
    tingling: bool = False
    numbness: bool = False
    weakness: bool = False
    note: str = ""
    session_id: int | None = None
    id: int = 0
    uuid: str = ""
    utc_offset: int = 0  # seconds east of UTC on the person's clock

    @property
    def worst(self) -> int:
        """The higher of back and leg pain: what the rules compare."""
        return max(self.back, self.leg)


@dataclass(frozen=True)
class ExerciseResponse:
    session_id: int
    exercise_id: str
    response: Response


@dataclass(frozen=True)
class HurtEvent:
    """The person pressed "this hurts" during a session."""

    session_id: int
    exercise_id: str
    step_index: int
    at: int
    uuid: str = ""


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


# --------------------------------------------------------------------------- exercises


@dataclass(frozen=True)
class ExerciseLink:
    """What the history says about one exercise.

    ``better``/``same``/``worse``: how often sessions containing it came
    before a better, an unchanged or a worse next check-in. That is shared by
    every exercise of a session, so it shows association, not cause.

    ``felt_*`` and ``hurts`` are about this exercise alone: the person's own
    better/same/worse answers after sessions, and their "this hurts" presses
    during it.
    """

    exercise_id: str
    better: int
    same: int
    worse: int
    felt_better: int = 0
    felt_same: int = 0
    felt_worse: int = 0
    hurts: int = 0

    @property
    def total(self) -> int:
        return self.better + self.same + self.worse

    @property
    def answers(self) -> int:
        return self.felt_better + self.felt_same + self.felt_worse

    @property
    def concern(self) -> int:
        """Worse answers plus "this hurts" presses."""
        return self.felt_worse + self.hurts

    @property
    def lean(self) -> Response | None:
        """WORSE when worse answers and hurt presses together outnumber
        better answers, BETTER when better answers outnumber them, None when
        they balance (or the person never said).

        Only the person's own word about this exercise counts here: the
        next-check-in counts are shared by the whole routine.
        """
        if self.concern > self.felt_better:
            return Response.WORSE
        if self.felt_better > self.concern:
            return Response.BETTER
        return None


def exercises_before_change(
    sessions: Iterable[SessionRecord],
    checkins: Sequence[CheckIn],
    *,
    min_change: int = 1,
    responses: Iterable[ExerciseResponse] = (),
    hurts: Iterable[HurtEvent] = (),
) -> list[ExerciseLink]:
    """For each done session, compare the last check-in at or before its start
    with the first check-in after its end (see :func:`compare`), and credit
    the result to every exercise in the session. Every per-exercise answer
    and every "this hurts" press counts too, whatever became of its session.

    Sorted with the exercises most often followed by "better" first; read the
    list from the end for those most often followed by "worse"
    (:func:`by_concern` orders by the person's own answers instead). The
    next-check-in counts show association only, not cause.
    """
    ordered = sorted(checkins, key=lambda c: (c.at, c.id))
    times = [c.at for c in ordered]
    outcomes: list[tuple[tuple[str, ...], Response, int]] = []
    for s in sessions:
        if s.status not in DONE_STATUSES:
            continue
        i = bisect.bisect_right(times, s.started_at) - 1
        j = bisect.bisect_right(times, s.finished_at)
        if i < 0 or j >= len(ordered):
            continue
        outcomes.append((s.exercise_ids, compare(ordered[i], ordered[j], min_change), 1))
    return exercise_links(
        outcomes,
        responses=((r.exercise_id, r.response, 1) for r in responses),
        hurts=((h.exercise_id, 1) for h in hurts),
    )


_RESPONSE_SLOT = {Response.BETTER: 0, Response.SAME: 1, Response.WORSE: 2}


def exercise_links(
    outcomes: Iterable[tuple[Sequence[str], Response, int]],
    *,
    responses: Iterable[tuple[str, Response, int]] = (),
    hurts: Iterable[tuple[str, int]] = (),
) -> list[ExerciseLink]:
    """Credit each (exercises of a session, result, how many sessions) to every
    exercise; add (exercise, answer, how many) answers and (exercise, how
    many) hurt presses; sort as :func:`exercises_before_change` describes."""
    counts: dict[str, list[int]] = {}
    for exercise_ids, result, n in outcomes:
        slot = _RESPONSE_SLOT[result]
        for ex in exercise_ids:
            counts.setdefault(ex, [0] * 7)[slot] += n
    for ex, answer, n in responses:
        counts.setdefault(ex, [0] * 7)[3 + _RESPONSE_SLOT[answer]] += n
    for ex, n in hurts:
        counts.setdefault(ex, [0] * 7)[6] += n
    links = [ExerciseLink(ex, *c) for ex, c in counts.items()]
    links.sort(key=lambda link: (-(link.better - link.worse), -link.better, link.exercise_id))
    return links


def by_concern(links: Iterable[ExerciseLink]) -> list[ExerciseLink]:
    """Exercises that seem to hurt first, those that seem to help last.

    The key is worse answers plus hurt presses minus better answers, so every
    exercise whose :attr:`ExerciseLink.lean` is WORSE comes before every one
    that is not; ties go to the one with more worrying reports, then to the
    one more often followed by a worse next check-in, then by id.
    """
    return sorted(
        links,
        key=lambda link: (
            link.felt_better - link.concern,
            -link.concern,
            link.better - link.worse,
            link.exercise_id,
        ),
    )


# --------------------------------------------------------------------------- verdict


class VerdictKind(StrEnum):
    IMPROVING = "improving"
    SETTLED = "settled"  # leg pain low and not below the knee: keep going
    NO_CHANGE = "no_change"
    WORSE = "worse"
    NOT_ENOUGH_DATA = "not_enough_data"


# StretchGuide's choices, not the articles' (docs/CLINICAL.md): two points on
# a 0-10 scale is a commonly used smallest change that matters to a person.
MEANINGFUL_CHANGE = 2.0
VERDICT_DAYS = 14  # article 004: no better after two weeks -> see a professional
MIN_DAYS_PER_HALF = 3
# The start and the latest state are each the mean of this many days with
# check-ins: one day is too noisy, a whole week hides a steady change.
ENDS_DAYS = 3
# "Mild": leg and back pain at most this, and symptoms not below the knee.
MILD_MAX = 2.0


@dataclass(frozen=True)
class Verdict:
    kind: VerdictKind
    # "earlier" is the start of the window, "later" the latest days.
    earlier_back: float | None = None
    earlier_leg: float | None = None
    later_back: float | None = None
    later_leg: float | None = None
    earlier_extent: Extent | None = None
    later_extent: Extent | None = None
    reasons: tuple[str, ...] = ()
    # New or persisting numbness/weakness in the window: a professional's job.
    nerve: tuple[str, ...] = ()

    @property
    def see_professional(self) -> bool:
        """Two weeks without improvement, getting worse (article 004), or
        numbness or weakness that is new or keeps coming back."""
        return self.kind in (VerdictKind.NO_CHANGE, VerdictKind.WORSE) or bool(self.nerve)


def _typical_extent(days: Sequence[DayPain]) -> Extent:
    ranks = sorted(d.furthest.rank for d in days)
    return _EXTENT_ORDER[ranks[len(ranks) // 2]]


def _mean(values: Iterable[float]) -> float:
    vals = list(values)
    return sum(vals) / len(vals)


def _nerve_in_window(window: Sequence[CheckIn], start_days: set[date]) -> tuple[str, ...]:
    """Numbness or weakness that started after the window's start, or
    weakness reported on more than one day."""
    out: list[str] = []
    at_start = [c for c in window if local_day(c.at, c.utc_offset) in start_days]
    later = [c for c in window if local_day(c.at, c.utc_offset) not in start_days]
    if any(c.numbness for c in later) and not any(c.numbness for c in at_start):
        out.append("Numbness has started in the last two weeks.")
    if any(c.weakness for c in later) and not any(c.weakness for c in at_start):
        out.append("Weakness has started in the last two weeks.")
    elif len(weak_days := {local_day(c.at, c.utc_offset) for c in window if c.weakness}) > 1:
        out.append(f"Weakness was reported on {len(weak_days)} days.")
    return tuple(out)


def fourteen_day_verdict(
    checkins: Iterable[CheckIn],
    today: date,
    *,
    meaningful: float = MEANINGFUL_CHANGE,
    min_days: int = MIN_DAYS_PER_HALF,
    days: int = VERDICT_DAYS,
) -> Verdict:
    """The 14-day verdict. It judges the **leg** (article 004's rule is about
    pain down the leg and how far down it reaches), against the start:

    1. Take the ``days`` (14) local days ending ``today``. Each half (days
       1-7 and 8-14) needs check-ins on at least ``min_days`` (3) different
       days, otherwise NOT_ENOUGH_DATA.
    2. The *start* is the first ``ENDS_DAYS`` (3) days with check-ins, the
       *latest* the last 3: for each, the mean leg pain and back pain (mean
       of daily means) and the typical extent (the middle of each day's
       furthest extent). Comparing the ends, not week with week, lets a
       steady slow change count.
    3. WORSE if leg pain rose by ``meaningful`` (2) points or more, or the
       typical extent moved further down the leg.
    4. Otherwise SETTLED if the latest leg and back pain are both at most
       ``MILD_MAX`` (2) and symptoms stay above the knee: nothing to send
       anyone to a doctor for; keep going.
    5. Otherwise IMPROVING if leg pain fell by 2 points or more, or the
       typical extent moved back up the leg.
    6. Otherwise NO_CHANGE. Back pain moving on its own is reported in the
       reasons but does not make the leg better or worse.

    NO_CHANGE and WORSE set ``see_professional``; so does numbness or
    weakness that started in the window or weakness on more than one day.
    """
    start = today - timedelta(days=days - 1)
    split = today - timedelta(days=days // 2 - 1)
    window = [c for c in checkins if start <= local_day(c.at, c.utc_offset) <= today]
    series = daily_series(window)
    first_half = [d for d in series if d.day < split]
    second_half = [d for d in series if d.day >= split]
    if len(first_half) < min_days or len(second_half) < min_days:
        return Verdict(
            VerdictKind.NOT_ENOUGH_DATA,
            reasons=(
                f"Needs check-ins on at least {min_days} days in each of the last two weeks "
                f"(found {len(first_half)} and {len(second_half)}).",
            ),
        )
    n = min(ENDS_DAYS, len(first_half), len(second_half))
    begin, latest = series[:n], series[-n:]
    eb, el = _mean(d.back for d in begin), _mean(d.leg for d in begin)
    lb, ll = _mean(d.back for d in latest), _mean(d.leg for d in latest)
    ee, le = _typical_extent(begin), _typical_extent(latest)
    nerve = _nerve_in_window(window, {d.day for d in begin})
    back_note: list[str] = []
    if lb - eb >= meaningful:
        back_note.append(f"Back pain went up from {eb:.1f} to {lb:.1f}.")
    elif eb - lb >= meaningful:
        back_note.append(f"Back pain went down from {eb:.1f} to {lb:.1f}.")
    reasons: list[str] = []
    if ll - el >= meaningful or le.rank > ee.rank:
        kind = VerdictKind.WORSE
        if ll - el >= meaningful:
            reasons.append(f"Leg pain went up from {el:.1f} to {ll:.1f}.")
        if le.rank > ee.rank:
            reasons.append("Symptoms reach further down the leg than at the start.")
    elif ll <= MILD_MAX and lb <= MILD_MAX and le.rank < Extent.BELOW_KNEE.rank:
        kind = VerdictKind.SETTLED
        reasons.append(
            f"Leg pain is low ({ll:.1f} out of 10) and stays above the knee."
            if ll > 0 or lb > 0
            else "No leg or back pain in the latest check-ins."
        )
    elif el - ll >= meaningful or le.rank < ee.rank:
        kind = VerdictKind.IMPROVING
        if el - ll >= meaningful:
            reasons.append(f"Leg pain went down from {el:.1f} to {ll:.1f}.")
        if le.rank < ee.rank:
            reasons.append("Symptoms have moved back up the leg, toward the back.")
    else:
        kind = VerdictKind.NO_CHANGE
        reasons.append(
            f"Leg pain changed by less than {meaningful:g} points "
            f"({el:.1f} at the start, {ll:.1f} lately), and reaches as far down the leg."
        )
    return Verdict(kind, eb, el, lb, ll, ee, le, (*reasons, *back_note, *nerve), nerve)


# --------------------------------------------------------------------------- columns
# The same answers as the record functions above, as plain columns a chart
# can plot directly. Ten years is ~11,000 points; building a frozen record
# per point cost more than the SQL that computes them.

# One shared NaN object: tuples compare items by identity before ==, so
# columns holding this very object compare equal, while float("nan") != itself.
NAN = float("nan")


@dataclass(frozen=True)
class DailyColumns:
    """:func:`daily_series` as columns, oldest first."""

    day: tuple[int, ...] = ()  # day number: days since 1970-01-01 on the person's clock
    back: tuple[float, ...] = ()
    leg: tuple[float, ...] = ()
    count: tuple[int, ...] = ()
    furthest: tuple[int, ...] = ()  # Extent.rank of the furthest extent that day

    @classmethod
    def of(cls, series: Sequence[DayPain]) -> DailyColumns:
        return cls(
            tuple(p.day.toordinal() - _EPOCH_ORDINAL for p in series),
            tuple(p.back for p in series),
            tuple(p.leg for p in series),
            tuple(p.count for p in series),
            tuple(p.furthest.rank for p in series),
        )


@dataclass(frozen=True)
class RollingColumns:
    """:func:`rolling_means` as columns: point ``i`` is day ``first_day + i``;
    :data:`NAN` where no day in the window has data (a gap in a line plot)."""

    first_day: int = 0
    back: tuple[float, ...] = ()
    leg: tuple[float, ...] = ()
    days_with_data: tuple[int, ...] = ()

    @property
    def days(self) -> range:
        return range(self.first_day, self.first_day + len(self.back))

    @classmethod
    def of(cls, points: Sequence[RollingPoint]) -> RollingColumns:
        if not points:
            return cls()
        return cls(
            points[0].day.toordinal() - _EPOCH_ORDINAL,
            tuple(NAN if p.back is None else p.back for p in points),
            tuple(NAN if p.leg is None else p.leg for p in points),
            tuple(p.days_with_data for p in points),
        )


def rolling_columns(daily: DailyColumns, window: int = 7) -> RollingColumns:
    """:func:`rolling_means` over columns, with the very same float operations
    in the same order, so both give identical numbers."""
    if window < 1:
        raise ValueError("window must be at least 1 day")
    days = daily.day
    if not days:
        return RollingColumns()
    backs, legs = daily.back, daily.leg
    out_back: list[float] = []
    out_leg: list[float] = []
    out_n: list[int] = []
    in_window: deque[tuple[int, float, float]] = deque()
    back_sum = leg_sum = 0.0
    i, total = 0, len(days)
    for day in range(days[0], days[-1] + 1):
        if i < total and days[i] == day:
            b, leg = backs[i], legs[i]
            in_window.append((day, b, leg))
            back_sum += b
            leg_sum += leg
            i += 1
        while in_window and in_window[0][0] <= day - window:
            _, b, leg = in_window.popleft()
            back_sum -= b
            leg_sum -= leg
        n = len(in_window)
        if n:
            out_back.append(back_sum / n)
            out_leg.append(leg_sum / n)
        else:
            back_sum = leg_sum = 0.0
            out_back.append(NAN)
            out_leg.append(NAN)
        out_n.append(n)
    return RollingColumns(days[0], tuple(out_back), tuple(out_leg), tuple(out_n))


@dataclass(frozen=True)
class ChangeColumns:
    """:func:`session_changes` as columns, ordered by session start."""

    session_id: tuple[int, ...] = ()
    started_at: tuple[int, ...] = ()
    back_before: tuple[int, ...] = ()
    leg_before: tuple[int, ...] = ()
    extent_before: tuple[int, ...] = ()  # Extent.rank
    back_after: tuple[int, ...] = ()
    leg_after: tuple[int, ...] = ()
    extent_after: tuple[int, ...] = ()

    @classmethod
    def of(cls, changes: Sequence[SessionChange]) -> ChangeColumns:
        return cls(
            tuple(c.session_id for c in changes),
            tuple(c.started_at for c in changes),
            tuple(c.back_before for c in changes),
            tuple(c.leg_before for c in changes),
            tuple(c.extent_before.rank for c in changes),
            tuple(c.back_after for c in changes),
            tuple(c.leg_after for c in changes),
            tuple(c.extent_after.rank for c in changes),
        )


@dataclass(frozen=True)
class SessionDayColumns:
    """Sessions per local day (days with any finished session), oldest first."""

    day: tuple[int, ...] = ()
    done: tuple[int, ...] = ()  # completed or partial
    stopped: tuple[int, ...] = ()


def session_day_columns(sessions: Iterable[SessionRecord]) -> SessionDayColumns:
    counts: dict[int, list[int]] = {}
    for s in sessions:
        if s.status is SessionStatus.IN_PROGRESS:
            continue
        slot = counts.setdefault(day_number(s.started_at, s.utc_offset), [0, 0])
        slot[0 if s.status in DONE_STATUSES else 1] += 1
    days = sorted(counts)
    return SessionDayColumns(
        tuple(days), tuple(counts[d][0] for d in days), tuple(counts[d][1] for d in days)
    )


def streak_from_day_numbers(days: Sequence[int], today: int, *, goal: int = HABIT_DAYS) -> Streak:
    """:func:`streak_from_days` from ascending, distinct day numbers."""
    best = run = 0
    prev: int | None = None
    for d in days:
        run = run + 1 if prev is not None and d - prev == 1 else 1
        if run > best:
            best = run
        prev = d
    current = 0
    i = bisect.bisect_right(days, today) - 1
    if i >= 0 and days[i] >= today - 1:
        current = 1
        while i > 0 and days[i - 1] == days[i] - 1:
            current += 1
            i -= 1
    return Streak(current, best, goal)


@dataclass(frozen=True)
class TrendData:
    """Everything the history view shows, over the whole history."""

    daily: DailyColumns
    rolling: RollingColumns  # 7-day rolling means of the daily means
    changes: ChangeColumns
    sessions: SessionDayColumns
    streak: Streak
    exercises: tuple[ExerciseLink, ...]
    verdict: Verdict


def trend_data(
    sessions: Sequence[SessionRecord],
    checkins: Sequence[CheckIn],
    today: date,
    *,
    responses: Iterable[ExerciseResponse] = (),
    hurts: Iterable[HurtEvent] = (),
) -> TrendData:
    """The reference for :meth:`stretchguide.store.history.History.trend_data`."""
    daily = daily_series(checkins)
    return TrendData(
        DailyColumns.of(daily),
        RollingColumns.of(rolling_means(daily)),
        ChangeColumns.of(session_changes(sessions, checkins)),
        session_day_columns(sessions),
        habit_streak(sessions, today),
        tuple(exercises_before_change(sessions, checkins, responses=responses, hurts=hurts)),
        fourteen_day_verdict(checkins, today),
    )
