"""The one API the app uses to read and write history.

About 560 lines on purpose: the one writer keeps every write together, so
one file shows every way the record can change.

Synchronous and single-connection by design: every call is a few
milliseconds, so the Qt main thread can call it directly, and each write is
its own committed transaction (a crash loses at most the step in progress).
:class:`History` is the store's only writer to the database: it adds the
writes, the backups and the import to the reads of
:class:`~stretchguide.store.queries.HistoryReader`.

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

import contextlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict, astuple
from pathlib import Path
from types import TracebackType

from stretchguide.core.catalog import Routine
from stretchguide.core.i18n import _
from stretchguide.core.trends import (
    CheckIn,
    CheckInKind,
    ExerciseResponse,
    Extent,
    HurtEvent,
    Response,
    RoutineSnapshot,
    SessionRecord,
    SessionStatus,
    StepRecord,
)
from stretchguide.paths import AppPaths
from stretchguide.store import db, errors, files, schema
from stretchguide.store.db import DamageReport
from stretchguide.store.errors import StoreError
from stretchguide.store.queries import HistoryReader
from stretchguide.store.rows import (
    CHECKIN_COLS,
    SESSION_COLS,
    STEP_COLS,
    check_scale,
    local_utc_offset,
    new_uuid,
    snapshot_to_json,
)


class History(HistoryReader):
    """Read (see :class:`HistoryReader`) and write sessions, steps,
    check-ins, responses, hurt events and red-flag answers."""

    def __init__(
        self,
        paths: AppPaths,
        result: db.OpenResult,
        clock: Callable[[], float] = time.time,
        utc_offset: Callable[[float], int] = local_utc_offset,
    ) -> None:
        super().__init__(result.conn, clock, utc_offset)
        self.paths = paths
        self.damage: DamageReport | None = result.damage
        self.created = result.created
        self.migrated = result.migrated
        self.backup_made = result.backup_made
        self.backup_notice: str | None = result.backup_notice
        self.read_only = result.read_only
        # Sessions this object started: not "unfinished by an earlier run".
        self._started_here: set[int] = set()

    @classmethod
    def open(
        cls,
        paths: AppPaths,
        *,
        clock: Callable[[], float] = time.time,
        utc_offset: Callable[[float], int] = local_utc_offset,
        backups: bool = True,
        read_only_ok: bool = False,
    ) -> History:
        """Open the history in ``paths`` (see :func:`db.open_database`).

        ``clock`` and ``utc_offset`` are injectable so tests control time.
        With ``read_only_ok`` a folder that cannot be written is opened for
        reading alone (:func:`db.open_read_only`; ``read_only`` is then set).
        Every failure is a :class:`StoreError` with a sentence: an SQLite
        error while opening is not left for the person to decode.
        """
        try:
            try:
                result = db.open_database(paths, now=clock, backups=backups)
            except errors.ReadOnlyError as exc:
                if not read_only_ok:
                    raise
                result = db.open_read_only(paths, exc)
        except sqlite3.Error as exc:
            raise StoreError(
                f"{paths.database}: {exc}",
                _(
                    "StretchGuide could not open your history at {path} ({error}). Nothing "
                    "was changed; please try again."
                ).format(path=paths.database, error=exc),
            ) from exc
        return cls(paths, result, clock, utc_offset)

    def close(self) -> None:
        self.conn.close()

    @contextlib.contextmanager
    def waiting_at_most(self, seconds: float) -> Iterator[None]:
        """Writes inside wait at most ``seconds`` (not 5 s) for another
        process's write to end, then raise ``sqlite3.OperationalError``
        ("database is locked"). For a caller on a thread that must not
        freeze, which keeps the write and tries it again later."""
        # PRAGMA takes no parameters; the value is our own int.
        self.conn.execute(f"PRAGMA busy_timeout = {max(0, round(seconds * 1000))}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {schema.BUSY_TIMEOUT_MS}")

    def __enter__(self) -> History:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------------ sessions

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
        with schema.transaction(self.conn):
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
                self._not_before_start(session_id, when),
            )
            values = astuple(record)  # the columns of STEP_COLS, in order
            self.conn.execute(
                f"INSERT INTO steps ({STEP_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (session_id, step_index) DO UPDATE SET "
                "exercise_id = excluded.exercise_id, kind = excluded.kind, "
                "side = excluded.side, set_number = excluded.set_number, "
                "planned_s = excluded.planned_s, done_s = excluded.done_s, "
                "skipped = excluded.skipped, completed_at = excluded.completed_at",
                values,
            )
        return record

    def finish_session(
        self, session_id: int, status: SessionStatus | str, ended_at: int | None = None
    ) -> SessionRecord:
        status = SessionStatus(status)
        if status is SessionStatus.IN_PROGRESS:
            raise ValueError("a finished session needs an end status")
        when = self._now() if ended_at is None else int(ended_at)
        with schema.transaction(self.conn):
            cur = self.conn.execute(
                "UPDATE sessions SET status = ?, ended_at = ? WHERE id = ?",
                (status.value, self._not_before_start(session_id, when), session_id),
            )
            if cur.rowcount != 1:
                raise KeyError(f"no session {session_id}")
        self._started_here.discard(session_id)
        return self.session(session_id)

    def _not_before_start(self, session_id: int, when: int) -> int:
        """``when``, or the session's start if ``when`` is earlier.

        The app stamps ends, steps and hurts with the wall clock, which NTP
        may step back mid-session: stored as they came, the session would
        end before it started, and its export would not import.
        """
        row = self.conn.execute(
            "SELECT started_at FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
        return max(when, row[0]) if row is not None and type(row[0]) is int else when

    def unfinished_sessions(self) -> list[SessionRecord]:
        """Sessions left in progress by an earlier run (a crash or power cut).

        Sessions started through this object are not included.
        """
        rows = self.conn.execute(
            f"SELECT {SESSION_COLS} FROM sessions WHERE status = ? ORDER BY started_at",
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
            back=check_scale("back pain", back),
            leg=check_scale("leg pain", leg),
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
                f"INSERT INTO checkins ({CHECKIN_COLS}) VALUES "
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

    def record_hurt(
        self, session_id: int, exercise_id: str, step_index: int, at: int | None = None
    ) -> HurtEvent:
        """The person pressed "this hurts" (committed at once)."""
        when = self._now() if at is None else int(at)
        with schema.transaction(self.conn):
            event = HurtEvent(
                session_id,
                exercise_id,
                int(step_index),
                self._not_before_start(session_id, when),
                new_uuid(),
            )
            self.conn.execute(
                "INSERT INTO hurt_events (uuid, session_id, exercise_id, step_index, at) "
                "VALUES (?, ?, ?, ?, ?)",
                (event.uuid, session_id, exercise_id, event.step_index, event.at),
            )
        return event

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

    # ------------------------------------------------------------------ import

    @contextlib.contextmanager
    def importing(self) -> Iterator[Importer]:
        """One all-or-nothing import: every row added through the
        :class:`Importer` commits together, or none does (an exception, or a
        crash, rolls back the whole import). The trend aggregates are
        recomputed once at the end instead of per row (:func:`schema.bulk_load`).
        """
        with schema.transaction(self.conn), schema.bulk_load(self.conn):
            yield Importer(self)

    # ------------------------------------------------------------------ backups

    def newest_backup(self) -> Path | None:
        return files.newest_backup(self.paths.backups_dir, self._clock())

    def backups(self) -> list[Path]:
        """Every backup, newest first (one from a clock set ahead last)."""
        return files.all_backups(self.paths.backups_dir, self._clock())

    def backup_now(self, label: str = "manual") -> Path:
        """A backup now; a second one in the same second gets its own name."""
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
            raise StoreError(f"{backup}: not a database", _("That backup file cannot be read."))
        if version > schema.SCHEMA_VERSION:
            raise errors.NewerSchemaError(backup, version, schema.SCHEMA_VERSION)
        src = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
        try:
            ok = src.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        except sqlite3.DatabaseError:
            ok = False
        if not ok:
            src.close()
            raise StoreError(f"{backup}: integrity check failed", _("That backup is damaged."))
        try:
            self.conn.close()
            moved_to, _moved = files.move_aside(self.paths.database, "replaced", self._clock())
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

    # ------------------------------------------------------------------ aggregates

    def rebuild_aggregates(self) -> None:
        """Recompute the derived trend aggregates from the record.

        Safe at any time: they are never the record, only a faster way to
        read it (see docs/RELIABILITY.md).
        """
        schema.rebuild_aggregates(self.conn)


StepRow = tuple[int, str, str, str | None, int, float, float, bool, int]
"""(step_index, exercise_id, kind, side, set_number, planned_s, done_s, skipped, completed_at)."""


class Importer:
    """Adds checked records inside :meth:`History.importing` (and nowhere else).

    The caller has already checked every value (store.exchange does);
    records keep the uuids, times and offsets they came with.
    """

    def __init__(self, history: History) -> None:
        self._history = history
        self._conn = history.conn
        self._snapshot_ids: dict[RoutineSnapshot, int] = {}

    def add_session(
        self,
        uuid: str,
        routine_id: str,
        snapshot: RoutineSnapshot,
        started: tuple[int, int],
        ended_at: int | None,
        status: str,
        options: Mapping[str, str],
        steps: Iterable[StepRow],
        responses: Iterable[tuple[str, str]],
        hurts: Iterable[tuple[str, str, int, int]],
    ) -> int:
        """Add one session with its steps, answers and hurts (uuid, exercise,
        step, time); ``started`` is (time, UTC offset). Returns its row id.

        An end, step or hurt before the start (an older StretchGuide on a
        clock set back) is stored at the start, as the live writes do.
        """
        start = started[0]
        snap = self._snapshot_ids.get(snapshot)
        if snap is None:
            snap = self._snapshot_ids[snapshot] = self._history.snapshot_id(snapshot)
        cur = self._conn.execute(
            "INSERT INTO sessions (uuid, routine_id, snapshot_id, started_at, utc_offset, "
            "ended_at, status, options) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                uuid,
                routine_id,
                snap,
                start,
                started[1],
                None if ended_at is None else max(ended_at, start),
                status,
                json.dumps(dict(options), sort_keys=True),
            ),
        )
        sid = int(cur.lastrowid or 0)
        self._conn.executemany(
            f"INSERT INTO steps ({STEP_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(sid, *st[:7], int(st[7]), max(st[8], start)) for st in steps],
        )
        self._conn.executemany(
            "INSERT INTO exercise_responses (session_id, exercise_id, response) VALUES (?, ?, ?)",
            [(sid, ex, resp) for ex, resp in responses],
        )
        self._conn.executemany(
            "INSERT INTO hurt_events (uuid, session_id, exercise_id, step_index, at) "
            "VALUES (?, ?, ?, ?, ?)",
            [(hid, sid, ex, step, max(at, start)) for hid, ex, step, at in hurts],
        )
        return sid

    def add_checkin(
        self,
        uuid: str,
        at: tuple[int, int],
        kind: str,
        back: int,
        leg: int,
        extent: str,
        tingling: bool,
        numbness: bool,
        weakness: bool,
        note: str,
        session_id: int | None,
    ) -> None:
        """Add one check-in; ``at`` is (time, UTC offset)."""
        self._conn.execute(
            "INSERT INTO checkins (uuid, at, utc_offset, kind, back, leg, extent, tingling, "
            "numbness, weakness, note, session_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                uuid,
                at[0],
                at[1],
                kind,
                back,
                leg,
                extent,
                int(tingling),
                int(numbness),
                int(weakness),
                note,
                session_id,
            ),
        )
