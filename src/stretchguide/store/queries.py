"""Reading the history's trends (no writes): the read API of the store.

:class:`HistoryReader` adds the trend queries to the record reads of
:class:`~stretchguide.store.records.RecordReader`;
:class:`~stretchguide.store.history.History` adds the writes on top, so
every method here only SELECTs and the one writer to the database stays
``History``. Everything returned is a frozen record from
:mod:`stretchguide.core.trends`; :meth:`HistoryReader.trend_data` returns
columns a chart plots directly.

The trend answers are the same as the functions in core.trends, computed
mostly in SQL so ten years of history stays well inside a frame's time
budget (see bench/bench_store.py); tests/store/test_history.py checks that
both paths agree.
"""

from __future__ import annotations

import bisect
import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from stretchguide.core.catalog import Schedule
from stretchguide.core.trends import (
    HABIT_DAYS,
    VERDICT_LOOK_BACK_DAYS,
    Adherence,
    ChangeColumns,
    DailyColumns,
    DayPain,
    ExerciseLink,
    Extent,
    Response,
    RollingColumns,
    SessionChange,
    SessionDay,
    SessionDayColumns,
    Streak,
    TrendData,
    Verdict,
    day_from_number,
    exercise_links,
    fourteen_day_verdict,
    gap_days,
    joined_days,
    rolling_columns,
    streak_from_day_numbers,
)
from stretchguide.core.verdict_words import professional_advice
from stretchguide.store.records import RecordReader
from stretchguide.store.rows import (
    DAY_MAX,
    DAY_MIN,
    DAY_OK,
    TIME_MAX,
    TIME_MIN,
    day_no,
)
from stretchguide.store.schema import DONE_STATUSES_SQL, EXTENT_RANK_SQL, aggregates_match


@dataclass(frozen=True)
class Summary:
    """What ``stretchguide stats`` and the home screen show."""

    sessions_this_week: int  # completed or partial, Monday to today
    streak: Streak
    verdict: Verdict
    advice: str | None  # "see a professional" text when due


class HistoryReader(RecordReader):
    """Read everything in :class:`RecordReader`, and the trends."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        clock: Callable[[], float],
        utc_offset: Callable[[float], int],
    ) -> None:
        super().__init__(conn, clock, utc_offset)
        self._trend_cache: tuple[tuple[object, ...], TrendData] | None = None

    # ------------------------------------------------------------------ trends
    # The same answers as the functions in core.trends, computed mostly in
    # SQL so ten years of history stays well inside a frame's time budget
    # (see bench/bench_store.py). tests/store/test_history.py checks
    # that both paths agree.

    def daily_series(self) -> list[DayPain]:
        rank = EXTENT_RANK_SQL.format(col="extent")
        rows = self.conn.execute(
            "SELECT (at + utc_offset) / 86400 AS d, AVG(back), AVG(leg), COUNT(*), "
            f"MAX({rank}) FROM checkins GROUP BY d HAVING {DAY_OK.format(col='d')} ORDER BY d"
        ).fetchall()
        order = tuple(Extent)
        return [DayPain(day_from_number(d), b, leg, n, order[r]) for d, b, leg, n, r in rows]

    def session_days(self) -> set[date]:
        rows = self.conn.execute(
            "SELECT DISTINCT (started_at + utc_offset) / 86400 AS d FROM sessions "
            f"WHERE status IN {DONE_STATUSES_SQL} "
            f"AND {DAY_OK.format(col='(started_at + utc_offset) / 86400')}"
        ).fetchall()
        return {day_from_number(r[0]) for r in rows}

    def _session_day_numbers(self) -> list[int]:
        rows = self.conn.execute(
            "SELECT DISTINCT (started_at + utc_offset) / 86400 AS d FROM sessions "
            f"WHERE status IN {DONE_STATUSES_SQL} "
            f"AND {DAY_OK.format(col='(started_at + utc_offset) / 86400')} ORDER BY d"
        ).fetchall()
        return [r[0] for r in rows]

    def streak(self, today: date | None = None, goal: int = HABIT_DAYS) -> Streak:
        return self._streak(self._session_day_numbers(), day_no(today or self.today()), goal)

    def _streak(self, days: Sequence[int], today: int, goal: int = HABIT_DAYS) -> Streak:
        return streak_from_day_numbers(days, today, goal=goal, joined=self._joined(days, today))

    def _joined(self, days: Sequence[int], today: int) -> frozenset[int]:
        """Of the session days ``days``, those only a change of clock parted
        from the session day before them, and ``today`` when only one parted
        it from the last (:func:`core.trends.joined_days`)."""
        wanted = gap_days(days, today)
        if not wanted:
            return frozenset()
        # Only the days on either side of a short gap: ~1 ms, not the ~12 ms
        # of every session in ten years. In chunks, as SQLite limits the
        # number of parameters.
        day = "(started_at + utc_offset) / 86400"
        wanted_days, rows = sorted(wanted), []
        for i in range(0, len(wanted_days), 500):
            chunk = wanted_days[i : i + 500]
            rows += self.conn.execute(
                f"SELECT {day} AS d, MIN(started_at), MAX(started_at), "
                "GROUP_CONCAT(DISTINCT utc_offset) FROM sessions "
                f"WHERE status IN {DONE_STATUSES_SQL} "
                f"AND {day} IN ({', '.join('?' * len(chunk))}) GROUP BY d",
                chunk,
            ).fetchall()
        clocks = {
            d: SessionDay(d, first, last, tuple(int(o) for o in offsets.split(",")))
            for d, first, last, offsets in rows
        }
        return joined_days(days, clocks, today, self._offset(self._now()))

    def _done_between(self, first: date, last: date) -> int:
        row = self.conn.execute(
            f"SELECT COUNT(*) FROM sessions WHERE status IN {DONE_STATUSES_SQL} "
            "AND (started_at + utc_offset) / 86400 BETWEEN ? AND ?",
            (day_no(first), day_no(last)),
        ).fetchone()
        return int(row[0])

    def adherence(self, schedule: Schedule, today: date | None = None, weeks: int = 4) -> Adherence:
        today = today or self.today()
        done = self._done_between(today - timedelta(days=7 * weeks - 1), today)
        return Adherence(done, schedule.sessions_per_week * weeks, weeks)

    def _change_rows(self, since: int | None = None) -> list[tuple[int, ...]]:
        """(session id, start, back, leg, extent rank before, the same after),
        ordered by start: the pairing rule of :func:`core.trends.session_changes`."""
        # Read from the pairs the schema 4 triggers keep (schema.AGGREGATE_TABLES).
        out: list[tuple[int, ...]] = self.conn.execute(
            "SELECT * FROM agg_session_changes WHERE started_at >= ? AND started_at < ?",
            (max(since, TIME_MIN) if since is not None else TIME_MIN, TIME_MAX),
        ).fetchall()
        # Sorting here is cheaper than an index that every write would update.
        out.sort(key=lambda r: (r[1], r[0]))
        return out

    def session_changes(self, since: int | None = None) -> list[SessionChange]:
        """Before -> after for each session with both check-ins linked to it
        (the last linked "before" and the first linked "after")."""
        order = tuple(Extent)
        return [
            SessionChange(sid, t, bb, bl, order[be], ab, al, order[ae])
            for sid, t, bb, bl, be, ab, al, ae in self._change_rows(since)
        ]

    def change_columns(self, since: int | None = None) -> ChangeColumns:
        """:meth:`session_changes` as columns (see :class:`ChangeColumns`),
        for sessions started at or after ``since`` (a timestamp) when given."""
        rows = self._change_rows(since)
        return ChangeColumns(*zip(*rows, strict=True)) if rows else ChangeColumns()

    def daily_columns(self, since_day: int | None = None) -> DailyColumns:
        """:meth:`daily_series` as columns (see :class:`DailyColumns`), from
        day number ``since_day`` on when given."""
        # From the per-day sums the schema 4 triggers keep: one row per day
        # instead of every check-in (the same averages as AVG()). A range
        # reads only its days (the day is the table's key).
        rows = self.conn.execute(
            "SELECT day, CAST(back_sum AS REAL) / n, CAST(leg_sum AS REAL) / n, n, extent_max "
            "FROM agg_checkin_days WHERE day BETWEEN ? AND ? ORDER BY day",
            (max(since_day, DAY_MIN) if since_day is not None else DAY_MIN, DAY_MAX),
        ).fetchall()
        return DailyColumns(*zip(*rows, strict=True)) if rows else DailyColumns()

    def session_day_columns(self, since_day: int | None = None) -> SessionDayColumns:
        """Finished sessions per local day: done (completed or partial) and
        stopped, from day number ``since_day`` on when given."""
        rows = self.conn.execute(
            "SELECT day, done, stopped FROM agg_session_days WHERE day BETWEEN ? AND ? "
            "ORDER BY day",
            (max(since_day, DAY_MIN) if since_day is not None else DAY_MIN, DAY_MAX),
        ).fetchall()
        return SessionDayColumns(*zip(*rows, strict=True)) if rows else SessionDayColumns()

    def trend_data(self, today: date | None = None, since_day: int | None = None) -> TrendData:
        """Everything the history view draws, over the whole history, as
        columns a chart plots directly (same answers as
        :func:`core.trends.trend_data`).

        Cached until the data changes: ``total_changes`` counts this
        connection's writes and ``PRAGMA data_version`` another's, so a
        redraw without new data costs nothing.

        With ``since_day`` (a day number, see :func:`day_from_number`) the
        chart's series start at that day, so a view of the last weeks costs
        those weeks whatever the length of the history; ``exercises`` is
        then empty (it sums the whole history) and the streak and the
        verdict are still the whole answer. When the whole history is
        cached, or nothing precedes ``since_day``, the whole answer comes
        back instead (see :meth:`trend_cached`).
        """
        today = today or self.today()
        key = self._trend_key(today)
        if self._trend_cache is not None and self._trend_cache[0] == key:
            return self._trend_cache[1]
        if since_day is not None and self._first_day() < since_day:
            return self._trend_since(today, since_day)
        daily = self.daily_columns()
        per_day = self.session_day_columns()
        # The streak's days come from the same pass over sessions.
        done_days = [d for d, n in zip(per_day.day, per_day.done, strict=True) if n]
        data = TrendData(
            daily,
            rolling_columns(daily),
            self.change_columns(),
            per_day,
            self._streak(done_days, day_no(today)),
            tuple(self.exercise_links()),
            self.verdict(today),
        )
        self._trend_cache = (key, data)
        return data

    def trend_cached(self, today: date | None = None) -> bool:
        """Whether :meth:`trend_data` holds the whole history for ``today``
        without reading the database again."""
        key = self._trend_key(today or self.today())
        return self._trend_cache is not None and self._trend_cache[0] == key

    def _trend_key(self, today: date) -> tuple[object, ...]:
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        return (today, self.conn.total_changes, version)

    def _first_day(self) -> int:
        """The earliest local day with a check-in or a finished session."""
        row = self.conn.execute(
            "SELECT MIN(d) FROM (SELECT MIN(day) AS d FROM agg_checkin_days WHERE day >= ? "
            "UNION ALL SELECT MIN(day) FROM agg_session_days WHERE day >= ?)",
            (DAY_MIN, DAY_MIN),
        ).fetchone()
        return int(row[0]) if row[0] is not None else DAY_MAX

    def _trend_since(self, today: date, since_day: int) -> TrendData:
        # The 7-day means need the six days before the first one drawn.
        daily = self.daily_columns(since_day - 6)
        rolling = rolling_columns(daily)
        cut = bisect.bisect_left(daily.day, since_day)
        daily = DailyColumns(
            daily.day[cut:], daily.back[cut:], daily.leg[cut:], daily.count[cut:],
            daily.furthest[cut:],
        )  # fmt: skip
        cut = max(0, since_day - rolling.first_day)
        rolling = RollingColumns(
            rolling.first_day + cut, rolling.back[cut:], rolling.leg[cut:],
            rolling.days_with_data[cut:],
        )  # fmt: skip
        # The streak counts back over the whole history: one small column.
        done_days = [
            r[0]
            for r in self.conn.execute(
                "SELECT day FROM agg_session_days WHERE day BETWEEN ? AND ? AND done > 0 "
                "ORDER BY day",
                (DAY_MIN, DAY_MAX),
            )
        ]
        # Sessions are filed under their local day; a day of margin covers any offset.
        return TrendData(
            daily,
            rolling,
            self.change_columns((since_day - 1) * 86400),
            self.session_day_columns(since_day),
            self._streak(done_days, day_no(today)),
            (),
            self.verdict(today),
        )

    def exercise_links(self, min_change: int = 1) -> list[ExerciseLink]:
        """Per exercise: how often it came before a better or worse next
        check-in, the person's own better/same/worse answers, and their
        "this hurts" presses (see
        :func:`stretchguide.core.trends.exercises_before_change`).

        A session's next-check-in result goes to the exercises worked in it,
        read from the trigger-kept ``agg_session_worked`` (schema 6): one
        group per set of worked exercises, so the ~220,000 steps of ten
        years are not read here (docs/PERFORMANCE.md)."""
        rb, ra = EXTENT_RANK_SQL.format(col="cb.extent"), EXTENT_RANK_SQL.format(col="ca.extent")
        rows = self.conn.execute(
            "WITH pairs AS (SELECT s.id AS sid, "
            "  (SELECT id FROM checkins WHERE at <= s.started_at "
            "   ORDER BY at DESC, id DESC LIMIT 1) AS before_id, "
            "  (SELECT id FROM checkins WHERE at > COALESCE(s.ended_at, s.started_at) "
            "   ORDER BY at, id LIMIT 1) AS after_id "
            f"  FROM sessions s WHERE s.status IN {DONE_STATUSES_SQL}), "
            "cmp AS (SELECT w.exercises AS worked, "
            f"  ({ra}) - ({rb}) AS spread, "
            "  MAX(ca.back, ca.leg) - MAX(cb.back, cb.leg) AS delta, "
            # A nerve sign the check-in before did not have (core's compare).
            "  (ca.tingling > cb.tingling OR ca.numbness > cb.numbness "
            "   OR ca.weakness > cb.weakness) AS new_sign "
            "  FROM pairs p JOIN checkins cb ON cb.id = p.before_id "
            "  JOIN checkins ca ON ca.id = p.after_id "
            "  JOIN agg_session_worked w ON w.session_id = p.sid) "
            "SELECT worked, CASE WHEN spread > 0 OR new_sign OR delta >= :m THEN 'worse' "
            "  WHEN spread < 0 OR delta <= -:m THEN 'better' ELSE 'same' END AS result, "
            "  COUNT(*) FROM cmp GROUP BY worked, result",
            {"m": int(min_change)},
        ).fetchall()
        # One group per exercise with the answers summed in the same pass,
        # read in order from the covering index exercise_responses_exercise
        # (schema 3): ~3 ms for ten years' 22,000 answers instead of ~8 ms
        # spent sorting them (see docs/PERFORMANCE.md).
        felt = self.conn.execute(
            "SELECT exercise_id, SUM(response = 'better'), COUNT(*), SUM(response = 'worse'), "
            "0 FROM exercise_responses GROUP BY exercise_id "
            "UNION ALL SELECT exercise_id, 0, 0, 0, COUNT(*) FROM hurt_events "
            "GROUP BY exercise_id"
        ).fetchall()
        return exercise_links(
            ((json.loads(worked), Response(result), n) for worked, result, n in rows),
            responses=(
                (ex, answer, n)
                for ex, better, total, worse, _ in felt
                for answer, n in (
                    (Response.BETTER, better),
                    (Response.SAME, total - better - worse),
                    (Response.WORSE, worse),
                )
                if n
            ),
            hurts=((ex, n) for ex, *_, n in felt if n),
        )

    def verdict(self, today: date | None = None) -> Verdict:
        today = today or self.today()
        # As far back as core looks for dates nobody lived, and a day of
        # margin either side for any UTC offset; core picks exact days.
        since = (day_no(today) - VERDICT_LOOK_BACK_DAYS - 1) * 86400
        until = (day_no(today) + 2) * 86400
        offset = self._offset(self._now())
        # Urgent signs answered yes: any after the look-back, a date past
        # today too (answered while the clock was ahead); core keeps the
        # window's and the urgent ones.
        first = today - timedelta(days=VERDICT_LOOK_BACK_DAYS + 1)
        yes = [(day, flag) for day, flag, said in self.red_flag_days(first, date.max) if said]
        return fourteen_day_verdict(
            self.checkins(since, until), today, utc_offset=offset, urgent_answers=yes
        )

    def summary(self, today: date | None = None) -> Summary:
        today = today or self.today()
        verdict = self.verdict(today)
        return Summary(
            self._done_between(today - timedelta(days=today.weekday()), today),
            self.streak(today),
            verdict,
            professional_advice(verdict),
        )

    def aggregates_ok(self) -> bool:
        """Whether the derived trend aggregates equal a full recomputation."""
        return aggregates_match(self.conn)
