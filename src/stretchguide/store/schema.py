"""The history's schema: tables, migrations, trigger-kept aggregates, transactions.

The one owner of what the tables hold and how SQL ranks and groups them:
queries and writers elsewhere in the store use the names here instead of
spelling the same SQL again. Schema changes are numbered ``migrate_to_N``
functions, each run inside one ``BEGIN IMMEDIATE ... COMMIT`` together with
the new ``user_version`` (docs/RELIABILITY.md).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator

SCHEMA_VERSION = 7
# PRAGMA application_id (header bytes 68-71): "StGd". It tells our history
# apart from any other SQLite file someone puts at history.db.
APPLICATION_ID = int.from_bytes(b"StGd", "big")
OUR_TABLES = frozenset({"sessions", "steps", "checkins", "routine_snapshots"})
# Extent order for SQL comparisons (further down the leg = larger), the
# order of core.trends.Extent: format with the column, e.g.
# EXTENT_RANK_SQL.format(col="extent").
EXTENT_RANK_SQL = (
    "CASE {col} WHEN 'none' THEN 0 WHEN 'buttock' THEN 1 WHEN 'thigh' THEN 2 "
    "WHEN 'below_knee' THEN 3 ELSE 4 END"
)
# Sessions that count as done for streaks, adherence and trends.
DONE_STATUSES_SQL = "('completed', 'partial')"
# The step kinds in which an exercise is worked (core.trends.WORK_STEP_KINDS).
WORK_STEPS_SQL = "kind IN ('hold', 'reps') AND skipped = 0"


_V1 = (
    # Snapshots are immutable and shared: a routine run a thousand times with
    # the same doses is stored once, and editing the routine adds a new row.
    """CREATE TABLE routine_snapshots (
        id INTEGER PRIMARY KEY,
        snapshot TEXT NOT NULL UNIQUE
    )""",
    """CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        routine_id TEXT NOT NULL,
        snapshot_id INTEGER NOT NULL REFERENCES routine_snapshots(id) ON DELETE RESTRICT,
        started_at INTEGER NOT NULL,
        utc_offset INTEGER NOT NULL DEFAULT 0,
        ended_at INTEGER,
        status TEXT NOT NULL
            CHECK (status IN ('in_progress', 'completed', 'partial', 'stopped')),
        options TEXT NOT NULL DEFAULT '{}'
    )""",
    "CREATE INDEX sessions_started ON sessions(started_at)",
    "CREATE INDEX sessions_status ON sessions(status)",
    """CREATE TABLE steps (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE RESTRICT,
        step_index INTEGER NOT NULL CHECK (step_index >= 0),
        exercise_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        side TEXT,
        set_number INTEGER NOT NULL DEFAULT 1,
        planned_s REAL NOT NULL DEFAULT 0,
        done_s REAL NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
        completed_at INTEGER NOT NULL,
        UNIQUE (session_id, step_index)
    )""",
    """CREATE TABLE checkins (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        at INTEGER NOT NULL,
        utc_offset INTEGER NOT NULL DEFAULT 0,
        kind TEXT NOT NULL CHECK (kind IN ('before', 'after', 'next_morning', 'any')),
        back INTEGER NOT NULL CHECK (back BETWEEN 0 AND 10),
        leg INTEGER NOT NULL CHECK (leg BETWEEN 0 AND 10),
        extent TEXT NOT NULL
            CHECK (extent IN ('none', 'buttock', 'thigh', 'below_knee', 'foot')),
        tingling INTEGER NOT NULL DEFAULT 0 CHECK (tingling IN (0, 1)),
        numbness INTEGER NOT NULL DEFAULT 0 CHECK (numbness IN (0, 1)),
        weakness INTEGER NOT NULL DEFAULT 0 CHECK (weakness IN (0, 1)),
        note TEXT NOT NULL DEFAULT '',
        session_id INTEGER REFERENCES sessions(id) ON DELETE RESTRICT
    )""",
    "CREATE INDEX checkins_at ON checkins(at)",
)

_V2 = (
    """CREATE TABLE exercise_responses (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE RESTRICT,
        exercise_id TEXT NOT NULL,
        response TEXT NOT NULL CHECK (response IN ('better', 'same', 'worse')),
        UNIQUE (session_id, exercise_id)
    )""",
    """CREATE TABLE hurt_events (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE RESTRICT,
        exercise_id TEXT NOT NULL,
        step_index INTEGER NOT NULL,
        at INTEGER NOT NULL
    )""",
    "CREATE INDEX hurt_events_session ON hurt_events(session_id)",
    "CREATE INDEX checkins_session ON checkins(session_id)",
    # Covering indexes on the person's local day keep ten-year trend
    # queries to an index scan (see docs/PERFORMANCE.md).
    "CREATE INDEX checkins_day ON checkins((at + utc_offset) / 86400, back, leg, extent)",
    "CREATE INDEX sessions_day ON sessions(status, (started_at + utc_offset) / 86400)",
)

_V3 = (
    # The per-exercise answers in History.exercise_links() group ~22,000 rows
    # of ten years by exercise; without this index SQLite sorts them all on
    # every cold trend query. EXPLAIN QUERY PLAN showed no other trend query
    # that a new index measurably speeds up (see docs/PERFORMANCE.md).
    "CREATE INDEX exercise_responses_exercise ON exercise_responses(exercise_id, response)",
)


# Schema 4: per-day aggregates for the cold trend query (docs/PERFORMANCE.md).
# They are derived data, never the record: SQLite triggers keep them equal to
# the base tables inside the writing transaction, and rebuild_aggregates()
# recomputes them from scratch. "Local day" is exactly the expression the
# trend queries and the day indexes use, (t + utc_offset) / 86400 with each
# row's own stored offset (SQLite integer division).
_CHECKIN_DAY_SELECT = (
    "SELECT (at + utc_offset) / 86400 AS d, COUNT(*), SUM(back), SUM(leg), "
    f"MAX({EXTENT_RANK_SQL.format(col='extent')}) FROM checkins {{where}} GROUP BY d"
)
_SESSION_DAY_SELECT = (
    "SELECT (started_at + utc_offset) / 86400 AS d, "
    f"SUM(status IN {DONE_STATUSES_SQL}), SUM(status = 'stopped') FROM sessions "
    # IN rather than != 'in_progress': the trigger's one-day lookup then
    # seeks the sessions_day index instead of scanning every session.
    "WHERE status IN ('completed', 'partial', 'stopped') {where} GROUP BY d"
)
# The pairing rule of core.trends.session_changes: the last linked "before"
# and the first linked "after" check-in, by (at, id).
_CHANGE_SELECT = (
    "SELECT s.id, s.started_at, b.back, b.leg, "
    f"{EXTENT_RANK_SQL.format(col='b.extent')}, a.back, a.leg, "
    f"{EXTENT_RANK_SQL.format(col='a.extent')} "
    "FROM sessions s "
    "JOIN checkins b ON b.id = (SELECT id FROM checkins WHERE session_id = s.id "
    "  AND kind = 'before' ORDER BY at DESC, id DESC LIMIT 1) "
    "JOIN checkins a ON a.id = (SELECT id FROM checkins WHERE session_id = s.id "
    "  AND kind = 'after' ORDER BY at, id LIMIT 1) {where}"
)
# Schema 6: per session, the exercises actually worked (a hold or reps step
# recorded and not skipped), as a JSON array sorted by id. The trend query
# groups sessions by this text, so ten years of steps are never read on a
# trend query (docs/PERFORMANCE.md).
_WORKED_SELECT = (
    "SELECT session_id, json_group_array(exercise_id) FROM (SELECT DISTINCT session_id, "
    f"exercise_id FROM steps WHERE {WORK_STEPS_SQL} {{where}} ORDER BY session_id, exercise_id) "
    "GROUP BY session_id"
)
AGGREGATE_TABLES = {
    "agg_checkin_days": _CHECKIN_DAY_SELECT.format(where=""),
    "agg_session_days": _SESSION_DAY_SELECT.format(where=""),
    "agg_session_changes": _CHANGE_SELECT.format(where=""),
    "agg_session_worked": _WORKED_SELECT.format(where=""),
}


def _checkin_day(row: str) -> tuple[str, ...]:
    day = f"({row}.at + {row}.utc_offset) / 86400"
    return (
        f"DELETE FROM agg_checkin_days WHERE day = {day};",
        "INSERT INTO agg_checkin_days "
        + _CHECKIN_DAY_SELECT.format(where=f"WHERE (at + utc_offset) / 86400 = {day}")
        + ";",
    )


def _session_day(row: str) -> tuple[str, ...]:
    day = f"({row}.started_at + {row}.utc_offset) / 86400"
    return (
        f"DELETE FROM agg_session_days WHERE day = {day};",
        "INSERT INTO agg_session_days "
        + _SESSION_DAY_SELECT.format(where=f"AND (started_at + utc_offset) / 86400 = {day}")
        + ";",
    )


def _change(session_id: str) -> tuple[str, ...]:
    return (
        f"DELETE FROM agg_session_changes WHERE session_id = {session_id};",
        "INSERT INTO agg_session_changes "
        + _CHANGE_SELECT.format(where=f"WHERE s.id = {session_id}")
        + ";",
    )


def _worked(session_id: str) -> tuple[str, ...]:
    return (
        f"DELETE FROM agg_session_worked WHERE session_id = {session_id};",
        "INSERT INTO agg_session_worked "
        + _WORKED_SELECT.format(where=f"AND session_id = {session_id}")
        + ";",
    )


def _trigger(name: str, event: str, table: str, body: tuple[str, ...]) -> str:
    return f"CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN {' '.join(body)} END"


_V4 = (
    """CREATE TABLE agg_checkin_days (
        day INTEGER PRIMARY KEY,
        n INTEGER NOT NULL,
        back_sum INTEGER NOT NULL,
        leg_sum INTEGER NOT NULL,
        extent_max INTEGER NOT NULL
    )""",
    """CREATE TABLE agg_session_days (
        day INTEGER PRIMARY KEY,
        done INTEGER NOT NULL,
        stopped INTEGER NOT NULL
    )""",
    """CREATE TABLE agg_session_changes (
        session_id INTEGER PRIMARY KEY,
        started_at INTEGER NOT NULL,
        before_back INTEGER NOT NULL,
        before_leg INTEGER NOT NULL,
        before_extent INTEGER NOT NULL,
        after_back INTEGER NOT NULL,
        after_leg INTEGER NOT NULL,
        after_extent INTEGER NOT NULL
    )""",
    # Each trigger recomputes the few rows of the affected day or session
    # rather than adjusting counts, so a delete (a lower maximum) or a moved
    # row needs no special case.
    _trigger(
        "agg_checkins_ins", "INSERT", "checkins", (*_checkin_day("NEW"), *_change("NEW.session_id"))
    ),
    _trigger(
        "agg_checkins_upd",
        "UPDATE",
        "checkins",
        (
            *_checkin_day("OLD"),
            *_checkin_day("NEW"),
            *_change("OLD.session_id"),
            *_change("NEW.session_id"),
        ),
    ),
    _trigger(
        "agg_checkins_del", "DELETE", "checkins", (*_checkin_day("OLD"), *_change("OLD.session_id"))
    ),
    _trigger("agg_sessions_ins", "INSERT", "sessions", (*_session_day("NEW"), *_change("NEW.id"))),
    _trigger(
        "agg_sessions_upd",
        "UPDATE",
        "sessions",
        (*_session_day("OLD"), *_session_day("NEW"), *_change("OLD.id"), *_change("NEW.id")),
    ),
    _trigger("agg_sessions_del", "DELETE", "sessions", (*_session_day("OLD"), *_change("OLD.id"))),
    # Only version 4's own tables: later versions fill theirs.
    *(
        f"INSERT INTO {table} {AGGREGATE_TABLES[table]}"
        for table in ("agg_checkin_days", "agg_session_days", "agg_session_changes")
    ),
)


_V5 = (
    # Every red-flag answer, yes or no, with its time: the clinician report
    # shows what was asked and answered, and when.
    """CREATE TABLE red_flag_answers (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        utc_offset INTEGER NOT NULL DEFAULT 0,
        flag_id TEXT NOT NULL,
        answer INTEGER NOT NULL CHECK (answer IN (0, 1)),
        urgency TEXT NOT NULL
    )""",
    "CREATE INDEX red_flag_answers_at ON red_flag_answers (at)",
)


_V6 = (
    """CREATE TABLE agg_session_worked (
        session_id INTEGER PRIMARY KEY,
        exercises TEXT NOT NULL
    )""",
    # A step is written once and seldom changed, so recomputing the
    # session's few dozen steps on each write costs little.
    _trigger("agg_steps_ins", "INSERT", "steps", _worked("NEW.session_id")),
    _trigger(
        "agg_steps_upd", "UPDATE", "steps", (*_worked("OLD.session_id"), *_worked("NEW.session_id"))
    ),
    _trigger("agg_steps_del", "DELETE", "steps", _worked("OLD.session_id")),
    "INSERT INTO agg_session_worked " + _WORKED_SELECT.format(where=""),
)


# Schema 7 changes no table: it repairs times stored before the session's
# start. Older versions stamped a session's end, steps and hurts with a wall
# clock that NTP could step back mid-session, so the session ended before it
# started and its export did not import. The store now never writes such a
# time (History._not_before_start); this sets those already stored to the
# start. Only times that are real dates (1970-2200, as export and import
# accept) are touched: an impossible raw value stays as it was, and the
# pre-migration backup keeps every original.
_SANE = "typeof({col}) = 'integer' AND {col} BETWEEN 0 AND 7258118399"
_START_OF = (
    "(SELECT s.started_at FROM sessions s WHERE s.id = {table}.session_id "
    f"AND {_SANE.format(col='s.started_at')})"
)
_V7 = (
    "UPDATE sessions SET ended_at = started_at WHERE ended_at < started_at "
    f"AND {_SANE.format(col='ended_at')} AND {_SANE.format(col='started_at')}",
    f"UPDATE steps SET completed_at = {_START_OF.format(table='steps')} "
    f"WHERE {_SANE.format(col='completed_at')} "
    f"AND completed_at < {_START_OF.format(table='steps')}",
    f"UPDATE hurt_events SET at = {_START_OF.format(table='hurt_events')} "
    f"WHERE {_SANE.format(col='at')} AND at < {_START_OF.format(table='hurt_events')}",
)


def _run(conn: sqlite3.Connection, statements: tuple[str, ...]) -> None:
    for sql in statements:
        conn.execute(sql)


def migrate_to_1(conn: sqlite3.Connection) -> None:
    """Version 1: sessions, their steps, and pain check-ins."""
    _run(conn, _V1)


def migrate_to_2(conn: sqlite3.Connection) -> None:
    """Version 2: per-exercise responses, "this hurts" events, day indexes."""
    _run(conn, _V2)


def migrate_to_3(conn: sqlite3.Connection) -> None:
    """Version 3: a covering index for the per-exercise answers in trends."""
    _run(conn, _V3)


def migrate_to_4(conn: sqlite3.Connection) -> None:
    """Version 4: per-day trend aggregates kept by triggers, filled from existing rows."""
    _run(conn, _V4)


def migrate_to_5(conn: sqlite3.Connection) -> None:
    """Version 5: red-flag answers with their time."""
    _run(conn, _V5)


def migrate_to_6(conn: sqlite3.Connection) -> None:
    """Version 6: the exercises worked in each session, kept by triggers on steps."""
    _run(conn, _V6)


def migrate_to_7(conn: sqlite3.Connection) -> None:
    """Version 7: no session time stored before the session's start."""
    _run(conn, _V7)


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: migrate_to_1,
    2: migrate_to_2,
    3: migrate_to_3,
    4: migrate_to_4,
    5: migrate_to_5,
    6: migrate_to_6,
    7: migrate_to_7,
}


def aggregates_match(conn: sqlite3.Connection) -> bool:
    """Whether every aggregate table equals a full recomputation from the record."""
    for table, select in AGGREGATE_TABLES.items():
        kept = conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
        fresh = conn.execute(f"SELECT * FROM ({select}) ORDER BY 1").fetchall()
        if kept != fresh:
            return False
    return True


def rebuild_aggregates(conn: sqlite3.Connection) -> None:
    """Recompute the derived aggregate tables from the record in one transaction.

    Only the aggregates are written; sessions, check-ins and the rest are read.
    """
    with transaction(conn):
        for table, select in AGGREGATE_TABLES.items():
            conn.execute(f"DELETE FROM {table}")
            conn.execute(f"INSERT INTO {table} {select}")


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction; rolled back whole on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextlib.contextmanager
def bulk_load(conn: sqlite3.Connection) -> Iterator[None]:
    """Inside a transaction: many inserts at linear cost.

    The aggregate triggers recompute a whole day per inserted row, so 4,000
    check-ins on one day cost 4,000 day scans each. Here they are dropped,
    the rows go in, the aggregates are recomputed once and the triggers are
    recreated, all in the caller's transaction: a failure or crash rolls
    every part back together.
    """
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'agg_%'"
    ).fetchall()
    for name, _ in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    yield
    for table, select in AGGREGATE_TABLES.items():
        conn.execute(f"DELETE FROM {table}")
        conn.execute(f"INSERT INTO {table} {select}")
    for _, sql in triggers:
        conn.execute(sql)


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> list[int]:
    """Run each missing ``migrate_to_N`` in order, each in its own transaction.

    ``PRAGMA user_version`` is transactional, so a crash mid-migration leaves
    the previous version intact and the step is simply re-run next time.
    """
    done: list[int] = []
    current = user_version(conn)
    for version in range(current + 1, target + 1):
        with transaction(conn):
            MIGRATIONS[version](conn)
            # PRAGMA cannot take a parameter; version is our own int.
            conn.execute(f"PRAGMA user_version = {int(version)}")
        done.append(version)
    return done


# How long a write waits for another process's write transaction to end
# before it fails with "database is locked".
BUSY_TIMEOUT_MS = 5000


def apply_pragmas(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL: fsync the WAL on every commit, so a completed step survives a
    # power cut, not just a crash (NORMAL in WAL mode may lose the last
    # commits). One fsync per step is cheap at our write rate.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
