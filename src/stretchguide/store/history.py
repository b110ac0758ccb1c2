"""The one API the app uses to read and write history.

Synchronous and single-connection by design: every call is a few
milliseconds, so the Qt main thread can call it directly, and each write is
its own committed transaction (a crash loses at most the step in progress).
Everything returned is a frozen record from :mod:`stretchguide.core.trends`.

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

import json
import sqlite3
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta, tzinfo
from datetime import time as dtime
from pathlib import Path
from types import TracebackType

from stretchguide.core.catalog import Routine
from stretchguide.core.safety import professional_advice
from stretchguide.core.trends import (
    DONE_STATUSES,
    CheckIn,
    CheckInKind,
    ExerciseResponse,
    Extent,
    HurtEvent,
    Response,
    RoutineSnapshot,
    SessionRecord,
    SessionStatus,
    SnapshotItem,
    StepRecord,
    Streak,
    Verdict,
    fourteen_day_verdict,
    habit_streak,
    local_day,
)
from stretchguide.paths import AppPaths
from stretchguide.store import db
from stretchguide.store.db import DamageReport, StoreError

_SESSION_COLS = "id, uuid, routine_id, routine_snapshot, started_at, ended_at, status, options"
_CHECKIN_COLS = (
    "id, uuid, at, kind, back, leg, extent, tingling, numbness, weakness, note, session_id"
)
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


@dataclass(frozen=True)
class Summary:
    """What ``stretchguide stats`` and the home screen show."""

    sessions_this_week: int  # completed or partial, Monday to today
    streak: Streak
    verdict: Verdict
    advice: str | None  # "see a professional" text when due


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
    ) -> None:
        self.paths = paths
        self.conn = result.conn
        self.damage: DamageReport | None = result.damage
        self.created = result.created
        self.migrated = result.migrated
        self.backup_made = result.backup_made
        self._clock = clock
        self._started_here: set[int] = set()
        self._snapshots: dict[str, RoutineSnapshot] = {}

    @classmethod
    def open(
        cls,
        paths: AppPaths,
        *,
        clock: Callable[[], float] = time.time,
        backups: bool = True,
    ) -> History:
        """Open the history in ``paths`` (see :func:`db.open_database`)."""
        return cls(paths, db.open_database(paths, now=clock, backups=backups), clock)

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

    # ------------------------------------------------------------------ sessions

    def _snapshot(self, text: str) -> RoutineSnapshot:
        # Sessions of the same routine share one snapshot text; parsing each
        # once keeps ten years of sessions fast to load.
        snap = self._snapshots.get(text)
        if snap is None:
            snap = self._snapshots[text] = snapshot_from_json(text)
        return snap

    def _session_row(self, row: tuple[object, ...]) -> SessionRecord:
        sid, uid, rid, snap, started, ended, status, options = row
        return SessionRecord(
            int(sid),  # type: ignore[call-overload]
            str(uid),
            str(rid),
            self._snapshot(str(snap)),
            int(started),  # type: ignore[call-overload]
            None if ended is None else int(ended),  # type: ignore[call-overload]
            SessionStatus(str(status)),
            json.loads(str(options)) if options != "{}" else {},
        )

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
        with db.transaction(self.conn):
            cur = self.conn.execute(
                "INSERT INTO sessions (uuid, routine_id, routine_snapshot, started_at, "
                "status, options) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    new_uuid(),
                    routine_id,
                    snapshot_to_json(snapshot),
                    self._now() if started_at is None else int(started_at),
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
        when = self._now() if completed_at is None else int(completed_at)
        values = (
            session_id,
            int(step_index),
            exercise_id,
            kind,
            side,
            int(set_number),
            float(planned_s),
            float(done_s),
            1 if skipped else 0,
            when,
        )
        with db.transaction(self.conn):
            self.conn.execute(
                f"INSERT INTO steps ({_STEP_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (session_id, step_index) DO UPDATE SET "
                "exercise_id = excluded.exercise_id, kind = excluded.kind, "
                "side = excluded.side, set_number = excluded.set_number, "
                "planned_s = excluded.planned_s, done_s = excluded.done_s, "
                "skipped = excluded.skipped, completed_at = excluded.completed_at",
                values,
            )
        return StepRecord(
            session_id,
            int(step_index),
            exercise_id,
            kind,
            side,
            int(set_number),
            float(planned_s),
            float(done_s),
            bool(skipped),
            when,
        )

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
        with db.transaction(self.conn):
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
        record = CheckIn(
            at=self._now() if at is None else int(at),
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
        )
        with db.transaction(self.conn):
            cur = self.conn.execute(
                f"INSERT INTO checkins ({_CHECKIN_COLS}) VALUES "
                "(NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                ),
            )
        return CheckIn(**{**asdict(record), "id": int(cur.lastrowid or 0)})

    def checkins(self, since: int | None = None, until: int | None = None) -> list[CheckIn]:
        """Check-ins made in [since, until), oldest first."""
        rows = self.conn.execute(
            f"SELECT {_CHECKIN_COLS} FROM checkins WHERE at >= ? AND at < ? ORDER BY at, id",
            (since if since is not None else -(2**62), until if until is not None else 2**62),
        ).fetchall()
        kinds = {k.value: k for k in CheckInKind}
        extents = {e.value: e for e in Extent}
        return [
            CheckIn(
                r[2],
                kinds[r[3]],
                r[4],
                r[5],
                extents[r[6]],
                bool(r[7]),
                bool(r[8]),
                bool(r[9]),
                r[10],
                r[11],
                r[0],
                r[1],
            )
            for r in rows
        ]

    def checkins_for_session(self, session_id: int) -> list[CheckIn]:
        return self._checkins_where("session_id = ?", (session_id,))

    def _checkins_where(self, where: str, params: tuple[object, ...]) -> list[CheckIn]:
        rows = self.conn.execute(
            f"SELECT {_CHECKIN_COLS} FROM checkins WHERE {where} ORDER BY at, id", params
        ).fetchall()
        return [
            CheckIn(
                r[2],
                CheckInKind(r[3]),
                r[4],
                r[5],
                Extent(r[6]),
                bool(r[7]),
                bool(r[8]),
                bool(r[9]),
                r[10],
                r[11],
                r[0],
                r[1],
            )
            for r in rows
        ]

    # ------------------------------------------------------------------ responses

    def set_response(
        self, session_id: int, exercise_id: str, response: Response | str
    ) -> ExerciseResponse:
        """How one exercise felt in a session; answering again replaces the answer."""
        value = Response(response)
        with db.transaction(self.conn):
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
        with db.transaction(self.conn):
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

    # ------------------------------------------------------------------ backups

    def newest_backup(self) -> Path | None:
        return db.newest_backup(self.paths.backups_dir)

    def backups(self) -> list[Path]:
        """Every backup, newest first."""
        return db.all_backups(self.paths.backups_dir)

    def backup_now(self, label: str = "manual") -> Path:
        dest = self.paths.backups_dir / f"history-{label}-{db.utc_stamp(self._clock())}.db"
        return db.backup_to(self.conn, dest)

    def restore_backup(self, backup: Path) -> Path:
        """Replace the current history with ``backup``.

        The current file is first moved aside as ``history.db.replaced-<stamp>``
        (never deleted), then the backup is copied in with the backup API and
        opened (and migrated, if it is older). Returns the moved-aside path.
        Raises :class:`StoreError` if the backup itself is unusable, leaving
        the current history open and unchanged.
        """
        backup = Path(backup)
        version = db.read_header_version(backup) if backup.is_file() else None
        if version is None:
            raise StoreError(f"{backup}: not a database", "That backup file cannot be read.")
        if version > db.SCHEMA_VERSION:
            raise db.NewerSchemaError(backup, version, db.SCHEMA_VERSION)
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
            moved_to, _ = db.move_aside(self.paths.database, "replaced", self._clock())
            db.create_private_file(self.paths.database)
            dest = sqlite3.connect(self.paths.database)
            try:
                src.backup(dest)
            finally:
                dest.close()
        finally:
            src.close()
        result = db.open_database(self.paths, now=self._clock, backups=False)
        self.conn = result.conn
        self.migrated = result.migrated
        self._started_here.clear()
        return moved_to

    # ------------------------------------------------------------------ summary

    def summary(self, today: date | None = None, tz: tzinfo | None = None) -> Summary:
        today = today or local_day(self._clock(), tz)
        sessions = self.sessions()
        monday = today - timedelta(days=today.weekday())
        this_week = sum(
            1
            for s in sessions
            if s.status in DONE_STATUSES and monday <= local_day(s.started_at, tz) <= today
        )
        start = datetime.combine(today - timedelta(days=15), dtime(), tz)
        since = int(start.timestamp())
        verdict = fourteen_day_verdict(self.checkins(since=since), today, tz=tz)
        return Summary(
            this_week, habit_streak(sessions, today, tz=tz), verdict, professional_advice(verdict)
        )
