"""The one API the app uses to read and write history.

Synchronous and single-connection by design: every call is a few
milliseconds, so the Qt main thread can call it directly, and each write is
its own committed transaction (a crash loses at most the step in progress).
Everything returned is a frozen record from :mod:`stretchguide.core.trends`;
:meth:`History.trend_data` returns columns a chart plots directly.

Typical use::

    history = History.open(paths)            # may raise NewerSchemaError
    if history.damage:                       # old file was moved aside
        show(history.damage.user_message)    # offer history.damage.newest_backup
    for s in history.unfinished_sessions():  # crashed last time
        history.close_as_partial(s.id)
    s = history.start_session(routine, options={"sides": "both"})
    history.record_step(s.id, 0, "bridge", "hold", planned_s=30, done_s=30)
    history.finish_session(s.id, SessionStatus.COMPLETED)
"""

from __future__ import annotations

import bisect
import json
import sqlite3
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import asdict, astuple, dataclass
from datetime import date, timedelta
from pathlib import Path
from types import MappingProxyType, TracebackType
from typing import Any

from stretchguide.core.catalog import Routine, Schedule
from stretchguide.core.safety import professional_advice
from stretchguide.core.trends import (
    HABIT_DAYS,
    VERDICT_DAYS,
    Adherence,
    ChangeColumns,
    CheckIn,
    CheckInKind,
    DailyColumns,
    DayPain,
    ExerciseLink,
    ExerciseResponse,
    Extent,
    HurtEvent,
    Response,
    RollingColumns,
    RoutineSnapshot,
    SessionChange,
    SessionDayColumns,
    SessionRecord,
    SessionStatus,
    SnapshotItem,
    StepRecord,
    Streak,
    TrendData,
    Verdict,
    day_from_number,
    exercise_links,
    fourteen_day_verdict,
    local_day,
    rolling_columns,
    streak_from_day_numbers,
)
from stretchguide.paths import AppPaths
from stretchguide.store import db, errors, files, schema
from stretchguide.store.db import DamageReport
from stretchguide.store.errors import StoreError
from stretchguide.store.schema import DONE_STATUSES_SQL as _DONE_SQL
from stretchguide.store.schema import EXTENT_RANK_SQL

_SESSION_COLS = (
    "id, uuid, routine_id, snapshot_id, started_at, ended_at, status, options, utc_offset"
)
_CHECKIN_COLS = (
    "id, uuid, at, kind, back, leg, extent, tingling, numbness, weakness, note, session_id, "
    "utc_offset"
)
# Days the charts can draw: 1900 to 2200. A row outside (an import before
# dates were checked, a hand edit) stays in the record and in exports, but
# the trend views skip it instead of failing on a year no calendar has.
_DAY_MIN = -25_567  # 1900-01-01
_DAY_MAX = 84_006  # 2200-01-01
_TIME_MIN = _DAY_MIN * 86400
_TIME_MAX = _DAY_MAX * 86400
_DAY_OK = f"{{col}} BETWEEN {_DAY_MIN} AND {_DAY_MAX}"
_STEP_COLS = (
    "session_id, step_index, exercise_id, kind, side, set_number, planned_s, done_s, "
    "skipped, completed_at"
)


def _item(raw: Mapping[str, object]) -> SnapshotItem:
    # Coerce so 30 and 30.0 store the same text: export -> import -> export
    # must give identical files.
    return SnapshotItem(
        exercise_id=str(raw["exercise_id"]),
        hold_s=float(raw.get("hold_s", 0.0)),  # type: ignore[arg-type]
        reps=int(raw.get("reps", 1)),  # type: ignore[call-overload]
        rep_s=float(raw.get("rep_s", 0.0)),  # type: ignore[arg-type]
        sets=int(raw.get("sets", 1)),  # type: ignore[call-overload]
        sides=str(raw.get("sides", "none")),
        rest_s=float(raw.get("rest_s", 0.0)),  # type: ignore[arg-type]
    )


def snapshot_to_json(snapshot: RoutineSnapshot) -> str:
    clean = RoutineSnapshot(str(snapshot.name), tuple(_item(asdict(i)) for i in snapshot.items))
    return json.dumps(asdict(clean), sort_keys=True, separators=(",", ":"))


def snapshot_from_json(text: str) -> RoutineSnapshot:
    raw = json.loads(text)
    if not isinstance(raw, dict) or not isinstance(raw.get("items", []), list):
        raise ValueError("a routine snapshot is an object with a name and a list of items")
    return RoutineSnapshot(str(raw["name"]), tuple(_item(item) for item in raw.get("items", ())))


def new_uuid() -> str:
    return str(uuid.uuid4())


def local_utc_offset(ts: float) -> int:
    """Seconds east of UTC of this machine's clock at ``ts`` (DST-aware)."""
    return int(time.localtime(ts).tm_gmtoff)


@dataclass(frozen=True)
class Summary:
    """What ``stretchguide stats`` and the home screen show."""

    sessions_this_week: int  # completed or partial, Monday to today
    streak: Streak
    verdict: Verdict
    advice: str | None  # "see a professional" text when due


_STATUS = {s.value: s for s in SessionStatus}
_KIND = {k.value: k for k in CheckInKind}
_EXTENT = {e.value: e for e in Extent}


def _check_scale(name: str, value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise ValueError(f"{name} must be a whole number from 0 to 10, got {value!r}")
    return value


class History:
    """Read and write sessions, steps, check-ins, responses and hurt events."""

    def __init__(
        self,
        paths: AppPaths,
        result: db.OpenResult,
        clock: Callable[[], float] = time.time,
        utc_offset: Callable[[float], int] = local_utc_offset,
    ) -> None:
        self.paths = paths
        self.conn = result.conn
        self.damage: DamageReport | None = result.damage
        self.created = result.created
        self.migrated = result.migrated
        self.backup_made = result.backup_made
        self.backup_notice: str | None = result.backup_notice
        self._clock = clock
        self._offset = utc_offset
        self._started_here: set[int] = set()
        self._snapshots: dict[int, RoutineSnapshot] = {}
        self._options: dict[str, Mapping[str, str]] = {}
        self._trend_cache: tuple[tuple[object, ...], TrendData] | None = None

    @classmethod
    def open(
        cls,
        paths: AppPaths,
        *,
        clock: Callable[[], float] = time.time,
        utc_offset: Callable[[float], int] = local_utc_offset,
        backups: bool = True,
    ) -> History:
        """Open the history in ``paths`` (see :func:`db.open_database`).

        ``clock`` and ``utc_offset`` are injectable so tests control time.
        """
        return cls(paths, db.open_database(paths, now=clock, backups=backups), clock, utc_offset)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> History:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _now(self) -> int:
        return int(self._clock())

    def today(self) -> date:
        """The person's current local date."""
        now = self._now()
        return local_day(now, self._offset(now))

    # ------------------------------------------------------------------ sessions

    def _snapshot(self, snapshot_id: int) -> RoutineSnapshot:
        # Snapshots never change once written, so each is parsed once.
        snap = self._snapshots.get(snapshot_id)
        if snap is None:
            row = self.conn.execute(
                "SELECT snapshot FROM routine_snapshots WHERE id = ?", (snapshot_id,)
            ).fetchone()
            snap = self._snapshots[snapshot_id] = snapshot_from_json(row[0])
        return snap

    def _opts(self, text: str) -> Mapping[str, str]:
        opts = self._options.get(text)
        if opts is None:
            opts = self._options[text] = MappingProxyType(json.loads(text))
        return opts

    def _session_row(self, row: tuple[Any, ...]) -> SessionRecord:
        sid, uid, rid, snap, started, ended, status, options, offset = row
        return SessionRecord(
            sid, uid, rid, self._snapshot(snap), started, ended, _STATUS[status],
            self._opts(options), offset,
        )  # fmt: skip

    def snapshot_id(self, snapshot: RoutineSnapshot) -> int:
        """The row holding this snapshot, added if new (call inside a transaction)."""
        text = snapshot_to_json(snapshot)
        self.conn.execute(
            "INSERT INTO routine_snapshots (snapshot) VALUES (?) ON CONFLICT (snapshot) DO NOTHING",
            (text,),
        )
        row = self.conn.execute(
            "SELECT id FROM routine_snapshots WHERE snapshot = ?", (text,)
        ).fetchone()
        return int(row[0])

    def start_session(
        self,
        routine: Routine | None = None,
        *,
        routine_id: str | None = None,
        snapshot: RoutineSnapshot | None = None,
        options: Mapping[str, str] | None = None,
        started_at: int | None = None,
    ) -> SessionRecord:
        """Record the start of a session (committed at once)."""
        if routine is not None:
            routine_id = routine.id
            snapshot = RoutineSnapshot.of(routine)
        if routine_id is None or snapshot is None:
            raise ValueError("give a routine, or both routine_id and snapshot")
        opts = {str(k): str(v) for k, v in (options or {}).items()}
        start = self._now() if started_at is None else int(started_at)
        with schema.transaction(self.conn):
            cur = self.conn.execute(
                "INSERT INTO sessions (uuid, routine_id, snapshot_id, started_at, utc_offset, "
                "status, options) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    new_uuid(),
                    routine_id,
                    self.snapshot_id(snapshot),
                    start,
                    self._offset(start),
                    SessionStatus.IN_PROGRESS.value,
                    json.dumps(opts, sort_keys=True),
                ),
            )
        sid = int(cur.lastrowid or 0)
        self._started_here.add(sid)
        return self.session(sid)

    def session(self, session_id: int) -> SessionRecord:
        row = self.conn.execute(
            f"SELECT {_SESSION_COLS} FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
        if row is None:
            raise KeyError(f"no session {session_id}")
        return self._session_row(row)

    def sessions(self, since: int | None = None, until: int | None = None) -> list[SessionRecord]:
        """Sessions started in [since, until), oldest first."""
        rows = self.conn.execute(
            f"SELECT {_SESSION_COLS} FROM sessions WHERE started_at >= ? AND started_at < ? "
            "ORDER BY started_at, id",
            (since if since is not None else -(2**62), until if until is not None else 2**62),
        ).fetchall()
        return [self._session_row(r) for r in rows]

    def record_step(
        self,
        session_id: int,
        step_index: int,
        exercise_id: str,
        kind: str,
        *,
        side: str | None = None,
        set_number: int = 1,
        planned_s: float = 0.0,
        done_s: float = 0.0,
        skipped: bool = False,
        completed_at: int | None = None,
    ) -> StepRecord:
        """Record one finished step, committed (and fsynced) before returning.

        Doing a step again (the person went back) updates its record.
        """
        record = StepRecord(
            session_id,
            int(step_index),
            exercise_id,
            kind,
            side,
            int(set_number),
            float(planned_s),
            float(done_s),
            bool(skipped),
            self._now() if completed_at is None else int(completed_at),
        )
        values = astuple(record)  # the columns of _STEP_COLS, in order
        with schema.transaction(self.conn):
            self.conn.execute(
                f"INSERT INTO steps ({_STEP_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (session_id, step_index) DO UPDATE SET "
                "exercise_id = excluded.exercise_id, kind = excluded.kind, "
                "side = excluded.side, set_number = excluded.set_number, "
                "planned_s = excluded.planned_s, done_s = excluded.done_s, "
                "skipped = excluded.skipped, completed_at = excluded.completed_at",
                values,
            )
        return record

    def steps(self, session_id: int) -> list[StepRecord]:
        rows = self.conn.execute(
            f"SELECT {_STEP_COLS} FROM steps WHERE session_id = ? ORDER BY step_index",
            (session_id,),
        ).fetchall()
        return [
            StepRecord(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8]), r[9])
            for r in rows
        ]

    def finish_session(
        self, session_id: int, status: SessionStatus | str, ended_at: int | None = None
    ) -> SessionRecord:
        status = SessionStatus(status)
        if status is SessionStatus.IN_PROGRESS:
            raise ValueError("a finished session needs an end status")
        with schema.transaction(self.conn):
            cur = self.conn.execute(
                "UPDATE sessions SET status = ?, ended_at = ? WHERE id = ?",
                (status.value, self._now() if ended_at is None else int(ended_at), session_id),
            )
            if cur.rowcount != 1:
                raise KeyError(f"no session {session_id}")
        self._started_here.discard(session_id)
        return self.session(session_id)

    def unfinished_sessions(self) -> list[SessionRecord]:
        """Sessions left in progress by an earlier run (a crash or power cut).

        Sessions started through this object are not included.
        """
        rows = self.conn.execute(
            f"SELECT {_SESSION_COLS} FROM sessions WHERE status = ? ORDER BY started_at",
            (SessionStatus.IN_PROGRESS.value,),
        ).fetchall()
        return [r for r in map(self._session_row, rows) if r.id not in self._started_here]

    def close_as_partial(self, session_id: int) -> SessionRecord:
        """Close an unfinished session as partial, ending it at its last step."""
        row = self.conn.execute(
            "SELECT MAX(completed_at) FROM steps WHERE session_id = ?", (session_id,)
        ).fetchone()
        ended = row[0] if row and row[0] is not None else self.session(session_id).started_at
        return self.finish_session(session_id, SessionStatus.PARTIAL, ended)

    # ------------------------------------------------------------------ check-ins

    def add_checkin(
        self,
        kind: CheckInKind | str,
        back: int,
        leg: int,
        extent: Extent | str,
        *,
        tingling: bool = False,
        numbness: bool = False,
        weakness: bool = False,
        note: str = "",
        session_id: int | None = None,
        at: int | None = None,
    ) -> CheckIn:
        when = self._now() if at is None else int(at)
        record = CheckIn(
            at=when,
            kind=CheckInKind(kind),
            back=_check_scale("back pain", back),
            leg=_check_scale("leg pain", leg),
            extent=Extent(extent),
            tingling=bool(tingling),
            numbness=bool(numbness),
            weakness=bool(weakness),
            note=str(note),
            session_id=session_id,
            uuid=new_uuid(),
            utc_offset=self._offset(when),
        )
        with schema.transaction(self.conn):
            cur = self.conn.execute(
                f"INSERT INTO checkins ({_CHECKIN_COLS}) VALUES "
                "(NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    record.uuid,
                    record.at,
                    record.kind.value,
                    record.back,
                    record.leg,
                    record.extent.value,
                    int(record.tingling),
                    int(record.numbness),
                    int(record.weakness),
                    record.note,
                    record.session_id,
                    record.utc_offset,
                ),
            )
        return CheckIn(**{**asdict(record), "id": int(cur.lastrowid or 0)})

    def checkins(self, since: int | None = None, until: int | None = None) -> list[CheckIn]:
        """Check-ins made in [since, until), oldest first."""
        return self._checkins_where(
            "at >= ? AND at < ?",
            (since if since is not None else -(2**62), until if until is not None else 2**62),
        )

    def checkins_for_session(self, session_id: int) -> list[CheckIn]:
        return self._checkins_where("session_id = ?", (session_id,))

    def _checkins_where(self, where: str, params: tuple[object, ...]) -> list[CheckIn]:
        rows = self.conn.execute(
            f"SELECT {_CHECKIN_COLS} FROM checkins WHERE {where} ORDER BY at, id", params
        ).fetchall()
        kinds, extents = _KIND, _EXTENT
        return [
            CheckIn(
                r[2], kinds[r[3]], r[4], r[5], extents[r[6]], bool(r[7]), bool(r[8]),
                bool(r[9]), r[10], r[11], r[0], r[1], r[12],
            )
            for r in rows
        ]  # fmt: skip

    # ------------------------------------------------------------------ responses

    def set_response(
        self, session_id: int, exercise_id: str, response: Response | str
    ) -> ExerciseResponse:
        """How one exercise felt in a session; answering again replaces the answer."""
        value = Response(response)
        with schema.transaction(self.conn):
            self.conn.execute(
                "INSERT INTO exercise_responses (session_id, exercise_id, response) "
                "VALUES (?, ?, ?) ON CONFLICT (session_id, exercise_id) "
                "DO UPDATE SET response = excluded.response",
                (session_id, exercise_id, value.value),
            )
        return ExerciseResponse(session_id, exercise_id, value)

    def responses(self, session_id: int | None = None) -> list[ExerciseResponse]:
        sql = "SELECT session_id, exercise_id, response FROM exercise_responses"
        params: tuple[object, ...] = ()
        if session_id is not None:
            sql += " WHERE session_id = ?"
            params = (session_id,)
        rows = self.conn.execute(sql + " ORDER BY session_id, id", params).fetchall()
        return [ExerciseResponse(r[0], r[1], Response(r[2])) for r in rows]

    def record_hurt(
        self, session_id: int, exercise_id: str, step_index: int, at: int | None = None
    ) -> HurtEvent:
        """The person pressed "this hurts" (committed at once)."""
        event = HurtEvent(
            session_id,
            exercise_id,
            int(step_index),
            self._now() if at is None else int(at),
            new_uuid(),
        )
        with schema.transaction(self.conn):
            self.conn.execute(
                "INSERT INTO hurt_events (uuid, session_id, exercise_id, step_index, at) "
                "VALUES (?, ?, ?, ?, ?)",
                (event.uuid, session_id, exercise_id, event.step_index, event.at),
            )
        return event

    def hurts(self, session_id: int | None = None) -> list[HurtEvent]:
        sql = "SELECT session_id, exercise_id, step_index, at, uuid FROM hurt_events"
        params: tuple[object, ...] = ()
        if session_id is not None:
            sql += " WHERE session_id = ?"
            params = (session_id,)
        rows = self.conn.execute(sql + " ORDER BY at, id", params).fetchall()
        return [HurtEvent(*r) for r in rows]

    def record_red_flags(self, answers: Mapping[str, bool], at: int | None = None) -> None:
        """Keep one round of red-flag answers, yes and no, with their time
        (committed at once; unknown flag ids raise ``KeyError``)."""
        from stretchguide.core.safety import RED_FLAGS_BY_ID

        when = self._now() if at is None else int(at)
        offset = self._offset(when)
        rows = [
            (when, offset, flag_id, int(bool(yes)), RED_FLAGS_BY_ID[flag_id].urgency.value)
            for flag_id, yes in answers.items()
        ]
        with schema.transaction(self.conn):
            self.conn.executemany(
                "INSERT INTO red_flag_answers (at, utc_offset, flag_id, answer, urgency) "
                "VALUES (?, ?, ?, ?, ?)",
                rows,
            )

    def red_flag_answers(self, since: int | None = None) -> list[tuple[int, str, bool, str]]:
        """(time, flag id, answered yes, urgency), oldest first."""
        rows = self.conn.execute(
            "SELECT at, flag_id, answer, urgency FROM red_flag_answers WHERE at >= ? "
            "ORDER BY at, id",
            (since if since is not None else -(2**62),),
        ).fetchall()
        return [(int(at), str(f), bool(a), str(u)) for at, f, a, u in rows]

    # ------------------------------------------------------------------ backups

    def newest_backup(self) -> Path | None:
        return files.newest_backup(self.paths.backups_dir)

    def backups(self) -> list[Path]:
        """Every backup, newest first."""
        return files.all_backups(self.paths.backups_dir)

    def backup_now(self, label: str = "manual") -> Path:
        dest = self.paths.backups_dir / f"history-{label}-{files.utc_stamp(self._clock())}.db"
        return files.backup_to(self.conn, dest)

    def restore_backup(self, backup: Path) -> Path:
        """Replace the current history with ``backup``.

        The current file is first moved aside as ``history.db.replaced-<stamp>``
        (never deleted), then the backup is copied in with the backup API and
        opened (and migrated, if it is older). Returns the moved-aside path.
        Raises :class:`StoreError` if the backup itself is unusable, leaving
        the current history open and unchanged.
        """
        backup = Path(backup)
        version = files.read_header_version(backup) if backup.is_file() else None
        if version is None:
            raise StoreError(f"{backup}: not a database", "That backup file cannot be read.")
        if version > schema.SCHEMA_VERSION:
            raise errors.NewerSchemaError(backup, version, schema.SCHEMA_VERSION)
        src = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
        try:
            ok = src.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        except sqlite3.DatabaseError:
            ok = False
        if not ok:
            src.close()
            raise StoreError(f"{backup}: integrity check failed", "That backup is damaged.")
        try:
            self.conn.close()
            moved_to, _ = files.move_aside(self.paths.database, "replaced", self._clock())
            files.create_private_file(self.paths.database)
            dest = sqlite3.connect(self.paths.database)
            try:
                src.backup(dest)
            finally:
                dest.close()
        finally:
            src.close()
        result = db.open_database(self.paths, now=self._clock, backups=False)
        self.conn = result.conn
        # A new connection restarts the change counters the cache is keyed on.
        self._trend_cache = None
        self.migrated = result.migrated
        self._started_here.clear()
        return moved_to

    # ------------------------------------------------------------------ trends
    # The same answers as the functions in core.trends, computed mostly in
    # SQL so ten years of history stays well inside a frame's time budget
    # (see bench/bench_store.py). tests/store/test_history.py checks
    # that both paths agree.

    def daily_series(self) -> list[DayPain]:
        rank = EXTENT_RANK_SQL.format(col="extent")
        rows = self.conn.execute(
            "SELECT (at + utc_offset) / 86400 AS d, AVG(back), AVG(leg), COUNT(*), "
            f"MAX({rank}) FROM checkins GROUP BY d HAVING {_DAY_OK.format(col='d')} ORDER BY d"
        ).fetchall()
        order = tuple(Extent)
        return [DayPain(day_from_number(d), b, leg, n, order[r]) for d, b, leg, n, r in rows]

    def session_days(self) -> set[date]:
        rows = self.conn.execute(
            "SELECT DISTINCT (started_at + utc_offset) / 86400 AS d FROM sessions "
            f"WHERE status IN {_DONE_SQL} "
            f"AND {_DAY_OK.format(col='(started_at + utc_offset) / 86400')}"
        ).fetchall()
        return {day_from_number(r[0]) for r in rows}

    def _session_day_numbers(self) -> list[int]:
        rows = self.conn.execute(
            "SELECT DISTINCT (started_at + utc_offset) / 86400 AS d FROM sessions "
            f"WHERE status IN {_DONE_SQL} "
            f"AND {_DAY_OK.format(col='(started_at + utc_offset) / 86400')} ORDER BY d"
        ).fetchall()
        return [r[0] for r in rows]

    def streak(self, today: date | None = None, goal: int = HABIT_DAYS) -> Streak:
        day = _day_no(today or self.today())
        return streak_from_day_numbers(self._session_day_numbers(), day, goal=goal)

    def _done_between(self, first: date, last: date) -> int:
        row = self.conn.execute(
            f"SELECT COUNT(*) FROM sessions WHERE status IN {_DONE_SQL} "
            "AND (started_at + utc_offset) / 86400 BETWEEN ? AND ?",
            (_day_no(first), _day_no(last)),
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
            (max(since, _TIME_MIN) if since is not None else _TIME_MIN, _TIME_MAX),
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
            (max(since_day, _DAY_MIN) if since_day is not None else _DAY_MIN, _DAY_MAX),
        ).fetchall()
        return DailyColumns(*zip(*rows, strict=True)) if rows else DailyColumns()

    def session_day_columns(self, since_day: int | None = None) -> SessionDayColumns:
        """Finished sessions per local day: done (completed or partial) and
        stopped, from day number ``since_day`` on when given."""
        rows = self.conn.execute(
            "SELECT day, done, stopped FROM agg_session_days WHERE day BETWEEN ? AND ? "
            "ORDER BY day",
            (max(since_day, _DAY_MIN) if since_day is not None else _DAY_MIN, _DAY_MAX),
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
            streak_from_day_numbers(done_days, _day_no(today)),
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
            (_DAY_MIN, _DAY_MIN),
        ).fetchone()
        return int(row[0]) if row[0] is not None else _DAY_MAX

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
                (_DAY_MIN, _DAY_MAX),
            )
        ]
        # Sessions are filed under their local day; a day of margin covers any offset.
        return TrendData(
            daily,
            rolling,
            self.change_columns((since_day - 1) * 86400),
            self.session_day_columns(since_day),
            streak_from_day_numbers(done_days, _day_no(today)),
            (),
            self.verdict(today),
        )

    def exercise_links(self, min_change: int = 1) -> list[ExerciseLink]:
        """Per exercise: how often it came before a better or worse next
        check-in, the person's own better/same/worse answers, and their
        "this hurts" presses (see
        :func:`stretchguide.core.trends.exercises_before_change`)."""
        rb, ra = EXTENT_RANK_SQL.format(col="cb.extent"), EXTENT_RANK_SQL.format(col="ca.extent")
        rows = self.conn.execute(
            "WITH pairs AS (SELECT s.snapshot_id AS snap, "
            "  (SELECT id FROM checkins WHERE at <= s.started_at "
            "   ORDER BY at DESC, id DESC LIMIT 1) AS before_id, "
            "  (SELECT id FROM checkins WHERE at > COALESCE(s.ended_at, s.started_at) "
            "   ORDER BY at, id LIMIT 1) AS after_id "
            f"  FROM sessions s WHERE s.status IN {_DONE_SQL}), "
            "cmp AS (SELECT p.snap AS snap, "
            f"  ({ra}) - ({rb}) AS spread, "
            "  MAX(ca.back, ca.leg) - MAX(cb.back, cb.leg) AS delta "
            "  FROM pairs p JOIN checkins cb ON cb.id = p.before_id "
            "  JOIN checkins ca ON ca.id = p.after_id) "
            "SELECT snap, CASE WHEN spread > 0 OR delta >= :m THEN 'worse' "
            "  WHEN spread < 0 OR delta <= -:m THEN 'better' ELSE 'same' END AS result, "
            "  COUNT(*) FROM cmp GROUP BY snap, result",
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
            ((self._snapshot(snap).exercise_ids, Response(result), n) for snap, result, n in rows),
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

    # ------------------------------------------------------------------ aggregates

    def aggregates_ok(self) -> bool:
        """Whether the derived trend aggregates equal a full recomputation."""
        return schema.aggregates_match(self.conn)

    def rebuild_aggregates(self) -> None:
        """Recompute the derived trend aggregates from the record.

        Safe at any time: they are never the record, only a faster way to
        read it (see docs/RELIABILITY.md).
        """
        schema.rebuild_aggregates(self.conn)

    def verdict(self, today: date | None = None) -> Verdict:
        today = today or self.today()
        # A day of margin either side covers any UTC offset; core picks exact days.
        since = (_day_no(today) - VERDICT_DAYS) * 86400
        until = (_day_no(today) + 2) * 86400
        return fourteen_day_verdict(self.checkins(since, until), today)

    def summary(self, today: date | None = None) -> Summary:
        today = today or self.today()
        verdict = self.verdict(today)
        return Summary(
            self._done_between(today - timedelta(days=today.weekday()), today),
            self.streak(today),
            verdict,
            professional_advice(verdict),
        )


def _day_no(d: date) -> int:
    return d.toordinal() - _EPOCH_DAY


_EPOCH_DAY = date(1970, 1, 1).toordinal()
