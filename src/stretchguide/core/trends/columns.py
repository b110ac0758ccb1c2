"""The trend answers as plain columns a chart plots directly (years of data, cheaply)."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from stretchguide.core.trends.exercises import ExerciseLink, exercises_before_change
from stretchguide.core.trends.records import (
    DONE_STATUSES,
    CheckIn,
    ExerciseResponse,
    HurtEvent,
    SessionRecord,
    SessionStatus,
    StepRecord,
)
from stretchguide.core.trends.series import (
    _EPOCH_ORDINAL,
    DayPain,
    RollingPoint,
    SessionChange,
    Streak,
    daily_series,
    day_number,
    habit_streak,
    rolling_means,
    session_changes,
)
from stretchguide.core.trends.verdict import Verdict, fourteen_day_verdict

# --------------------------------------------------------------------------- columns
# The same answers as the record functions in series, exercises and verdict,
# as plain columns a chart can plot directly. Ten years is ~11,000 points;
# building a frozen record per point cost more than the SQL that computes them.

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
    steps: Iterable[StepRecord],
    responses: Iterable[ExerciseResponse] = (),
    hurts: Iterable[HurtEvent] = (),
    utc_offset: int | None = None,
) -> TrendData:
    """The reference for :meth:`stretchguide.store.history.History.trend_data`
    (``steps``: the sessions' step records, see
    :func:`~stretchguide.core.trends.exercises.worked_exercises`;
    ``utc_offset``: the clock's offset now, see :func:`habit_streak`)."""
    daily = daily_series(checkins)
    return TrendData(
        DailyColumns.of(daily),
        RollingColumns.of(rolling_means(daily)),
        ChangeColumns.of(session_changes(sessions, checkins)),
        session_day_columns(sessions),
        habit_streak(sessions, today, utc_offset=utc_offset),
        tuple(
            exercises_before_change(
                sessions, checkins, steps=steps, responses=responses, hurts=hurts
            )
        ),
        fourteen_day_verdict(checkins, today, utc_offset=utc_offset),
    )
