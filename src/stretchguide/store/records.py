"""Reading the history's records (no writes): sessions, steps, check-ins,
answers, and every record as stored for an export.

:class:`RecordReader` is the base of :class:`~stretchguide.store.queries.HistoryReader`
(which adds the trend queries) and so of
:class:`~stretchguide.store.history.History` (which adds the writes).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

from stretchguide.core.trends import (
    CheckIn,
    ExerciseResponse,
    HurtEvent,
    Response,
    RoutineSnapshot,
    SessionRecord,
    StepRecord,
    current_day,
    day_from_number,
)
from stretchguide.store.rows import (
    CHECKIN_COLS,
    EXTENT,
    KIND,
    SESSION_COLS,
    STATUS,
    STEP_COLS,
    StoredCheckIn,
    StoredSession,
    day_no,
    local_utc_offset,
    snapshot_from_json,
)


def _stored_text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


class RecordReader:
    """Read sessions, steps, check-ins, responses, hurt events and red-flag
    answers as records, and every record as stored for export."""

    conn: sqlite3.Connection

    def __init__(
        self,
        conn: sqlite3.Connection,
        clock: Callable[[], float],
        utc_offset: Callable[[float], int],
    ) -> None:
        self.conn = conn
        # Text another program stored that is not UTF-8 (the sqlite3 shell
        # takes any bytes) is read with the bad bytes replaced: the default
        # raised OperationalError at the row, and stopped the export that
        # would rescue the rest.
        conn.text_factory = _stored_text
        self._clock = clock
        self._offset = utc_offset
        self._snapshots: dict[int, RoutineSnapshot] = {}
        self._options: dict[str, Mapping[str, str]] = {}

    def _now(self) -> int:
        return int(self._clock())

    def today(self) -> date:
        """Today for the trends, by the injected clock (:meth:`today_at`)."""
        return self.today_at(self._clock())

    def today_at(self, now: float) -> date:
        """Today for the trends at ``now``: the local date, or the next day
        when a session or check-in made by ``now`` is dated that day on its
        own clock (after a flight west; :func:`core.trends.current_day`)."""
        at = int(now)
        # An offset at most 26 hours ahead of now's can put a record made by
        # now on the next day, so two days back holds every such record.
        recent = self.conn.execute(
            "SELECT started_at, utc_offset FROM sessions WHERE started_at BETWEEN ? AND ? "
            "UNION ALL SELECT at, utc_offset FROM checkins WHERE at BETWEEN ? AND ?",
            (at - 2 * 86400, at, at - 2 * 86400, at),
        ).fetchall()
        return current_day(at, self._offset(at), recent)

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
            sid, uid, rid, self._snapshot(snap), started, ended, STATUS[status],
            self._opts(options), offset,
        )  # fmt: skip

    def session(self, session_id: int) -> SessionRecord:
        row = self.conn.execute(
            f"SELECT {SESSION_COLS} FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
        if row is None:
            raise KeyError(f"no session {session_id}")
        return self._session_row(row)

    def sessions(self, since: int | None = None, until: int | None = None) -> list[SessionRecord]:
        """Sessions started in [since, until), oldest first."""
        rows = self.conn.execute(
            f"SELECT {SESSION_COLS} FROM sessions WHERE started_at >= ? AND started_at < ? "
            "ORDER BY started_at, id",
            (since if since is not None else -(2**62), until if until is not None else 2**62),
        ).fetchall()
        return [self._session_row(r) for r in rows]

    def steps(self, session_id: int | None = None) -> list[StepRecord]:
        """The steps of one session in order, or of every session (by session)."""
        if session_id is None:
            rows = self.conn.execute(
                f"SELECT {STEP_COLS} FROM steps ORDER BY session_id, step_index"
            ).fetchall()
        else:
            rows = self.conn.execute(
                f"SELECT {STEP_COLS} FROM steps WHERE session_id = ? ORDER BY step_index",
                (session_id,),
            ).fetchall()
        return [
            StepRecord(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8]), r[9])
            for r in rows
        ]

    # ------------------------------------------------------------------ check-ins

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
            f"SELECT {CHECKIN_COLS} FROM checkins WHERE {where} ORDER BY at, id", params
        ).fetchall()
        kinds, extents = KIND, EXTENT
        return [
            CheckIn(
                r[2], kinds[r[3]], r[4], r[5], extents[r[6]], bool(r[7]), bool(r[8]),
                bool(r[9]), r[10], r[11], r[0], r[1], r[12],
            )
            for r in rows
        ]  # fmt: skip

    # ------------------------------------------------------------------ responses

    def responses(self, session_id: int | None = None) -> list[ExerciseResponse]:
        sql = "SELECT session_id, exercise_id, response FROM exercise_responses"
        params: tuple[object, ...] = ()
        if session_id is not None:
            sql += " WHERE session_id = ?"
            params = (session_id,)
        rows = self.conn.execute(sql + " ORDER BY session_id, id", params).fetchall()
        return [ExerciseResponse(r[0], r[1], Response(r[2])) for r in rows]

    def hurts(self, session_id: int | None = None) -> list[HurtEvent]:
        sql = "SELECT session_id, exercise_id, step_index, at, uuid FROM hurt_events"
        params: tuple[object, ...] = ()
        if session_id is not None:
            sql += " WHERE session_id = ?"
            params = (session_id,)
        rows = self.conn.execute(sql + " ORDER BY at, id", params).fetchall()
        return [HurtEvent(*r) for r in rows]

    def red_flag_answers(self, since: int | None = None) -> list[tuple[int, str, bool, str]]:
        """(time, flag id, answered yes, urgency), oldest first."""
        rows = self.conn.execute(
            "SELECT at, flag_id, answer, urgency FROM red_flag_answers WHERE at >= ? "
            "ORDER BY at, id",
            (since if since is not None else -(2**62),),
        ).fetchall()
        return [(int(at), str(f), bool(a), str(u)) for at, f, a, u in rows]

    def red_flag_days(self, first: date, last: date) -> list[tuple[date, str, bool]]:
        """(day, flag id, answered yes) of the answers made from ``first`` to
        ``last`` (inclusive), oldest first; each dated on the clock it was
        made with, as the trends date every record."""
        rows = self.conn.execute(
            "SELECT (at + utc_offset) / 86400, flag_id, answer FROM red_flag_answers "
            "WHERE (at + utc_offset) / 86400 BETWEEN ? AND ? ORDER BY at, id",
            (day_no(first), day_no(last)),
        ).fetchall()
        return [(day_from_number(d), str(f), bool(a)) for d, f, a in rows]

    # ------------------------------------------------------------------ export
    # Every record as stored, for store.exchange to write out: streamed one
    # at a time so an export's memory stays flat at any history length.

    def stored_sessions(self) -> Iterator[StoredSession]:
        """Every session, oldest first (ties by uuid), one at a time."""
        rows = self.conn.cursor().execute(
            "SELECT s.id, s.uuid, s.routine_id, r.snapshot, s.started_at, s.ended_at, s.status, "
            "s.options, s.utc_offset FROM sessions s LEFT JOIN routine_snapshots r "
            "ON r.id = s.snapshot_id ORDER BY s.started_at, s.uuid"
        )
        for sid, uid, rid, snap, started, ended, status, options, offset in rows:
            yield StoredSession(
                uid,
                rid,
                snap,
                started,
                ended,
                status,
                options,
                offset,
                steps=self.conn.execute(
                    "SELECT step_index, exercise_id, kind, side, set_number, planned_s, "
                    "done_s, skipped, completed_at FROM steps WHERE session_id = ? "
                    "ORDER BY step_index",
                    (sid,),
                ).fetchall(),
                responses=self.conn.execute(
                    "SELECT exercise_id, response FROM exercise_responses WHERE session_id = ? "
                    "ORDER BY exercise_id",
                    (sid,),
                ).fetchall(),
                hurts=self.conn.execute(
                    "SELECT uuid, exercise_id, step_index, at FROM hurt_events "
                    "WHERE session_id = ? ORDER BY at, uuid",
                    (sid,),
                ).fetchall(),
            )

    def stored_checkins(self) -> Iterator[StoredCheckIn]:
        """Every check-in, oldest first (ties by uuid), one at a time."""
        uuid_of = dict(self.conn.execute("SELECT id, uuid FROM sessions").fetchall())
        for r in self.conn.cursor().execute(
            "SELECT uuid, at, kind, back, leg, extent, tingling, numbness, weakness, note, "
            "session_id, utc_offset FROM checkins ORDER BY at, uuid"
        ):
            yield StoredCheckIn(
                r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9],
                None if r[10] is None else uuid_of.get(r[10]), r[11],
            )  # fmt: skip

    def record_count(self) -> int:
        """Sessions plus check-ins: what an export's progress counts."""
        row = self.conn.execute(
            "SELECT (SELECT COUNT(*) FROM sessions) + (SELECT COUNT(*) FROM checkins)"
        ).fetchone()
        return int(row[0])

    def has_records(self) -> bool:
        """Whether any session or check-in is stored."""
        row = self.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM sessions UNION ALL SELECT 1 FROM checkins)"
        ).fetchone()
        return bool(row[0])

    def session_ids_by_uuid(self) -> dict[str, int]:
        return {u: i for i, u in self.conn.execute("SELECT id, uuid FROM sessions")}

    def checkin_uuids(self) -> set[str]:
        return {u for (u,) in self.conn.execute("SELECT uuid FROM checkins")}

    def hurt_uuids(self) -> set[str]:
        return {u for (u,) in self.conn.execute("SELECT uuid FROM hurt_events")}


def today_in(
    database: Path, now: float, utc_offset: Callable[[float], int] = local_utc_offset
) -> date | None:
    """:meth:`RecordReader.today_at` of the history file ``database``, read
    without changing anything: for a command that needs only the day
    (``stretchguide sheet`` and ``plan``), which must not migrate, repair,
    back up or move aside a history it does not otherwise touch. None when
    there is no history or it cannot be read so (an older schema, a damaged
    or foreign file); the caller then has the clock's date.
    """
    if not database.is_file():
        return None
    # A -wal means a writer has it open (or stopped mid-way): read it as
    # SQLite does, through the -shm. Without one the main file is the whole
    # history, and "immutable" reads it creating no -wal or -shm beside it
    # (a read-only connection would leave both behind).
    wal = os.path.lexists(database.with_name(database.name + "-wal"))
    mode = "mode=ro" if wal else "immutable=1"
    try:
        conn = sqlite3.connect(f"{database.as_uri()}?{mode}", uri=True, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        return RecordReader(conn, lambda: now, utc_offset).today_at(now)
    except sqlite3.Error:
        return None
    finally:
        conn.close()
