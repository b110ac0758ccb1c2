"""Open the history database safely: checks, pragmas, migrations, backups.

Everything here exists so that a person's pain diary is never lost:

* A file written by a newer stretchguide is refused *before* SQLite opens it
  for writing, so it stays byte-for-byte as it was (:class:`NewerSchemaError`).
* A damaged or non-database file is renamed aside to
  ``history.db.damaged-<UTC timestamp>`` together with its ``-wal`` and
  ``-shm`` files, a fresh database is started, and the caller gets a
  :class:`DamageReport` naming the moved file and the newest backup to offer.
  Nothing is deleted or overwritten.
* Schema changes are numbered ``migrate_to_N`` functions, each run inside one
  ``BEGIN IMMEDIATE ... COMMIT`` together with the new ``user_version``, after
  a pre-migration backup copy.
* A daily online backup (SQLite backup API) keeps the last seven days.

The durability choices are explained in docs/RELIABILITY.md.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from stretchguide.paths import AppPaths

SCHEMA_VERSION = 5
SQLITE_MAGIC = b"SQLite format 3\x00"
FILE_MODE = 0o600
DAILY_BACKUPS_KEPT = 7
DAILY_PREFIX = "history-"  # history-YYYY-MM-DD.db; other backups never match DAILY_GLOB
DAILY_GLOB = "history-????-??-??.db"
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
# PRAGMA application_id (header bytes 68-71): "StGd". It tells our history
# apart from any other SQLite file someone puts at history.db.
APPLICATION_ID = int.from_bytes(b"StGd", "big")
OUR_TABLES = frozenset({"sessions", "steps", "checkins", "routine_snapshots"})


class StoreError(Exception):
    """Base for problems the UI should show to the person.

    ``user_message`` is a plain sentence meant for a dialog; ``str()`` keeps
    the technical detail for logs.
    """

    def __init__(self, message: str, user_message: str) -> None:
        super().__init__(message)
        self.user_message = user_message


class NewerSchemaError(StoreError):
    """The file was written by a newer stretchguide; it was not touched."""

    def __init__(self, path: Path, found: int, known: int) -> None:
        self.path = path
        self.found = found
        self.known = known
        super().__init__(
            f"{path}: schema version {found} is newer than {known}, the newest this "
            "version understands; the file was left untouched",
            f"Your history at {path} was saved by a newer version of stretchguide. "
            "Please update stretchguide to open it. The file has not been changed.",
        )


class UnusableFileError(StoreError):
    """Something at one of our paths cannot be used; it was left as it is."""

    def __init__(self, path: Path, problem: str, advice: str = "") -> None:
        self.path = path
        super().__init__(
            f"{path}: {problem}",
            f"StretchGuide cannot use {path}: {problem}. "
            + (advice or "Nothing was changed; please move it out of the way or fix it."),
        )


class ForeignDatabaseError(UnusableFileError):
    """history.db is another program's SQLite database; it was not touched."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            path,
            f"it is a database of another program ({detail})",
            "StretchGuide did not change it. Move it elsewhere to start a new history here.",
        )


@dataclass(frozen=True)
class DamageReport:
    """What happened to a file that could not be used as the history database."""

    reason: str  # technical: "not a database", "integrity check failed: ...", ...
    moved_to: Path  # the damaged file's new name (its -wal/-shm follow it)
    moved_files: tuple[Path, ...]  # every file that was renamed, main file first
    newest_backup: Path | None  # offer this to restore, if any
    missing: bool = False  # no file at all, though backups show there was a history

    @property
    def user_message(self) -> str:
        if self.missing:
            return (
                f"Your history file {self.moved_to} was missing, so stretchguide started a "
                f"new, empty history. A backup from {_backup_label(self.newest_backup)} "
                "can be restored."
            )
        text = (
            "Your history file could not be read, so stretchguide set it aside "
            f"as {self.moved_to.name} (nothing was deleted) and started a new, empty history."
        )
        if self.newest_backup is not None:
            text += f" A backup from {_backup_label(self.newest_backup)} can be restored."
        else:
            text += " No backup was found."
        return text


def _backup_label(path: Path | None) -> str:
    try:
        stamp = time.localtime(path.stat().st_mtime) if path is not None else None
    except OSError:
        stamp = None
    if stamp is None:
        return "an earlier day"
    return time.strftime("%Y-%m-%d %H:%M", stamp)


# --------------------------------------------------------------------------- files


def utc_stamp(now: float) -> str:
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now))


def make_private(path: Path) -> None:
    """chmod 0600 without ever following a symlink (O_NOFOLLOW + fchmod).

    A planted link at one of our names must not make us change the mode of
    whatever it points to (as root that could be /etc/passwd).
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return  # missing, a symlink (ELOOP), or not ours to open
    try:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            os.fchmod(fd, FILE_MODE)
    except OSError:
        pass
    finally:
        os.close(fd)


def create_private_file(path: Path) -> None:
    """Create an empty file with mode 0600 regardless of the umask.

    SQLite gives ``-wal``/``-shm`` files the mode of the main file, so
    creating the main file privately keeps them private too.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)


def side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + s) for s in SIDE_SUFFIXES]


def _free_name(base: Path) -> Path:
    candidate, n = base, 1
    while os.path.lexists(candidate) or any(os.path.lexists(p) for p in side_files(candidate)):
        candidate = base.with_name(f"{base.name}-{n}")
        n += 1
    return candidate


def move_aside(path: Path, label: str, now: float) -> tuple[Path, tuple[Path, ...]]:
    """Rename ``path`` and its side files to ``<name>.<label>-<stamp>``.

    The side files keep SQLite's naming (``X-wal`` beside ``X``) so the moved
    set can still be opened together by a recovery tool.
    """
    target = _free_name(path.with_name(f"{path.name}.{label}-{utc_stamp(now)}"))
    moved: list[Path] = []
    if os.path.lexists(path):
        os.replace(path, target)
        make_private(target)
        moved.append(target)
    for suffix in SIDE_SUFFIXES:
        side = path.with_name(path.name + suffix)
        if os.path.lexists(side):
            dest = target.with_name(target.name + suffix)
            os.replace(side, dest)
            make_private(dest)
            moved.append(dest)
    fsync_dir(path.parent)
    return target, tuple(moved)


def fsync_dir(folder: Path) -> None:
    # A rename is only durable once the directory entry is on disk.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def read_header_version(path: Path) -> int | None:
    """``user_version`` from the file header, or None if it is not SQLite.

    Reading the bytes directly (offset 60, big-endian) lets us refuse a newer
    file without letting SQLite open it read-write.
    """
    with open(path, "rb") as fh:
        header = fh.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return None
    return int.from_bytes(header[60:64], "big")


def read_header_application_id(path: Path) -> int:
    with open(path, "rb") as fh:
        header = fh.read(100)
    return int.from_bytes(header[68:72], "big") if len(header) == 100 else 0


def check_usable(path: Path, *, folder: bool = False) -> None:
    """Refuse, naming the path, anything at one of our names that is not a
    plain file (or folder) of this user. A symlink is refused rather than
    followed: we chmod, create and rename at these names."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise UnusableFileError(path, exc.strerror or str(exc)) from exc
    if stat.S_ISLNK(st.st_mode):
        raise UnusableFileError(path, "it is a symbolic link, which stretchguide does not follow")
    if folder and not stat.S_ISDIR(st.st_mode):
        raise UnusableFileError(path, "it should be a folder but is a file")
    if not folder and stat.S_ISDIR(st.st_mode):
        raise UnusableFileError(path, "it should be a file but is a folder")
    if not folder and not stat.S_ISREG(st.st_mode):
        raise UnusableFileError(path, "it is not a regular file (perhaps a pipe or a device)")
    if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
        raise UnusableFileError(path, "it belongs to another user")
    if not os.access(path, os.R_OK | os.W_OK | (os.X_OK if folder else 0)):
        raise UnusableFileError(path, "you do not have permission to read and change it")


# --------------------------------------------------------------------------- migrations


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
_RANK = (
    "CASE {col} WHEN 'none' THEN 0 WHEN 'buttock' THEN 1 WHEN 'thigh' THEN 2 "
    "WHEN 'below_knee' THEN 3 ELSE 4 END"
)
_CHECKIN_DAY_SELECT = (
    "SELECT (at + utc_offset) / 86400 AS d, COUNT(*), SUM(back), SUM(leg), "
    f"MAX({_RANK.format(col='extent')}) FROM checkins {{where}} GROUP BY d"
)
_SESSION_DAY_SELECT = (
    "SELECT (started_at + utc_offset) / 86400 AS d, "
    "SUM(status IN ('completed', 'partial')), SUM(status = 'stopped') FROM sessions "
    # IN rather than != 'in_progress': the trigger's one-day lookup then
    # seeks the sessions_day index instead of scanning every session.
    "WHERE status IN ('completed', 'partial', 'stopped') {where} GROUP BY d"
)
# The pairing rule of core.trends.session_changes: the last linked "before"
# and the first linked "after" check-in, by (at, id).
_CHANGE_SELECT = (
    "SELECT s.id, s.started_at, b.back, b.leg, "
    f"{_RANK.format(col='b.extent')}, a.back, a.leg, {_RANK.format(col='a.extent')} "
    "FROM sessions s "
    "JOIN checkins b ON b.id = (SELECT id FROM checkins WHERE session_id = s.id "
    "  AND kind = 'before' ORDER BY at DESC, id DESC LIMIT 1) "
    "JOIN checkins a ON a.id = (SELECT id FROM checkins WHERE session_id = s.id "
    "  AND kind = 'after' ORDER BY at, id LIMIT 1) {where}"
)
AGGREGATE_TABLES = {
    "agg_checkin_days": _CHECKIN_DAY_SELECT.format(where=""),
    "agg_session_days": _SESSION_DAY_SELECT.format(where=""),
    "agg_session_changes": _CHANGE_SELECT.format(where=""),
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
    *(f"INSERT INTO {table} {select}" for table, select in AGGREGATE_TABLES.items()),
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


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: migrate_to_1,
    2: migrate_to_2,
    3: migrate_to_3,
    4: migrate_to_4,
    5: migrate_to_5,
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


def apply_pragmas(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL: fsync the WAL on every commit, so a completed step survives a
    # power cut, not just a crash (NORMAL in WAL mode may lose the last
    # commits). One fsync per step is cheap at our write rate.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")


# --------------------------------------------------------------------------- backups


def daily_backups(backups_dir: Path) -> list[Path]:
    """The rotating daily backups, oldest first (names sort by date)."""
    if not backups_dir.is_dir():
        return []
    return sorted(backups_dir.glob(DAILY_GLOB))


def all_backups(backups_dir: Path) -> list[Path]:
    """Every backup (daily, pre-migration, pre-import, ...), newest first."""
    if not backups_dir.is_dir():
        return []
    found = [
        p for p in backups_dir.glob("history-*.db") if p.is_file() and not p.name.startswith(".")
    ]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def newest_backup(backups_dir: Path) -> Path | None:
    backups = all_backups(backups_dir)
    return backups[0] if backups else None


def backup_to(conn: sqlite3.Connection, dest: Path) -> Path:
    """Copy the live database to ``dest`` with the online backup API.

    Written to a hidden temporary name and renamed, so a crash never leaves a
    half-written file under a backup's name. The copy is switched to a
    rollback journal so it is one self-contained file.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.partial")
    if os.path.lexists(tmp):
        # A leftover from an interrupted backup is not a backup; keep it aside.
        move_aside(tmp, "interrupted", time.time())
    create_private_file(tmp)
    target = sqlite3.connect(tmp)
    try:
        conn.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")
        target.commit()
    finally:
        target.close()
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dest)
    make_private(dest)
    fsync_dir(dest.parent)
    return dest


def backup_if_due(conn: sqlite3.Connection, backups_dir: Path, now: float) -> Path | None:
    """Make today's daily backup if there is none yet; keep the newest seven."""
    name = f"{DAILY_PREFIX}{time.strftime('%Y-%m-%d', time.gmtime(now))}.db"
    dest = backups_dir / name
    made: Path | None = None
    if not dest.exists():
        made = backup_to(conn, dest)
    for old in daily_backups(backups_dir)[:-DAILY_BACKUPS_KEPT]:
        # Rotation is the documented policy; these are copies, never the
        # person's only record.
        old.unlink()
    return made


# --------------------------------------------------------------------------- open


@dataclass(frozen=True)
class OpenResult:
    conn: sqlite3.Connection
    created: bool  # a new, empty history was started
    migrated: tuple[int, ...]  # versions applied on this open
    damage: DamageReport | None
    backup_made: Path | None
    backup_notice: str | None = None  # why today's backup was skipped


class _DamagedError(Exception):
    pass


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves, so every write
    # is explicit and nothing sits in an implicit open transaction.
    return sqlite3.connect(path, isolation_level=None, timeout=5.0)


def _check_version_readonly(path: Path) -> int | None:
    """Read user_version through SQLite without writing (for a live -wal)."""
    try:
        ro = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        return user_version(ro)
    except sqlite3.Error:
        return None
    finally:
        ro.close()


def _probe(path: Path) -> sqlite3.Connection:
    """Connect and prove the file is a healthy database, or raise _DamagedError."""
    conn = _connect(path)
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise _DamagedError(str(exc)) from exc
    if [tuple(r) for r in rows] != [("ok",)]:
        conn.close()
        detail = "; ".join(str(r[0]) for r in rows[:3])
        raise _DamagedError(f"integrity check failed: {detail}")
    return conn


def _in_use(path: Path) -> bool:
    """Whether another process has the database open right now.

    Every SQLite connection in WAL mode holds a shared lock on byte 128 of
    the ``-shm`` file (its "dead man switch"); F_GETLK reports it without
    taking a lock. Anything unexpected counts as in use, so a live WAL is
    never touched.
    """
    try:
        import fcntl
        import struct
    except ImportError:  # pragma: no cover - not POSIX
        return True
    shm = path.with_name(path.name + "-shm")
    try:
        fd = os.open(shm, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    try:
        probe = struct.pack("hhqqi", fcntl.F_WRLCK, os.SEEK_SET, 128, 1, 0)
        probe += b"\0" * 8
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, probe)
        return bool(struct.unpack_from("h", answer)[0] != fcntl.F_UNLCK)
    except OSError:
        return True
    finally:
        os.close(fd)


_RECORD_TABLES = ("sessions", "steps", "checkins", "exercise_responses", "hurt_events")


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        if [tuple(r) for r in conn.execute("PRAGMA quick_check")] != [("ok",)]:
            raise sqlite3.DatabaseError("quick_check failed")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return {
            t: int(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0])
            for t in _RECORD_TABLES
            if t in tables
        }
    finally:
        conn.close()


def stale_wal(path: Path) -> str | None:
    """Why the ``-wal`` beside ``path`` must not be replayed into it, or None.

    SQLite replays any WAL whose own checksums hold, even one left by another
    copy of the file (a backup copied over history.db after a crash), and
    that can wipe pages of the real history. Our history only ever grows, so
    the WAL is replayed into a scratch copy first: if the result is damaged,
    or holds fewer records than the file alone, the WAL is not this file's.
    A WAL another process is using is never examined or moved.
    """
    import shutil
    import tempfile

    wal = path.with_name(path.name + "-wal")
    try:
        if os.lstat(wal).st_size < 32:
            return None
    except OSError:
        return None
    with open(wal, "rb") as fh:
        wal_header = fh.read(32)
    with open(path, "rb") as fh:
        header = fh.read(100)
    db_page = int.from_bytes(header[16:18], "big")
    db_page = 65536 if db_page == 1 else db_page
    if _in_use(path):
        return None
    if int.from_bytes(wal_header[8:12], "big") != db_page:
        return "page-size"
    try:
        with tempfile.TemporaryDirectory(prefix=".walcheck-", dir=path.parent) as tmp:
            alone = Path(tmp) / "alone.db"
            shutil.copyfile(path, alone)
            before = _counts(alone)
            shutil.copyfile(path, Path(tmp) / "both.db")
            shutil.copyfile(wal, Path(tmp) / "both.db-wal")
            try:
                after = _counts(Path(tmp) / "both.db")
            except sqlite3.DatabaseError:
                return "damaging"
    except (OSError, sqlite3.Error):
        return None  # cannot check (e.g. a full disk): SQLite's own replay as before
    if any(after.get(t, 0) < n for t, n in before.items()):
        return "foreign"
    return None


def _identify(path: Path) -> None:
    """Raise :class:`ForeignDatabaseError` unless ``path`` is our history (or empty).

    Read-only, so a foreign file is left byte-for-byte as it was. Files from
    before schema 4 carry no application_id; they are recognised by our tables.
    """
    app_id = read_header_application_id(path)
    if app_id not in (0, APPLICATION_ID):
        raise ForeignDatabaseError(path, f"application id {app_id:#x}")
    try:
        ro = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return  # not readable as a database: the damage path decides
    try:
        app_id = int(ro.execute("PRAGMA application_id").fetchone()[0])
        tables = {r[0] for r in ro.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        version = user_version(ro)
    except sqlite3.Error:
        return
    finally:
        ro.close()
    if app_id == APPLICATION_ID or (app_id == 0 and not tables and version == 0):
        return
    if app_id != 0:
        raise ForeignDatabaseError(path, f"application id {app_id:#x}")
    if version == 0 or not tables >= OUR_TABLES:
        shown = ", ".join(sorted(tables)[:5]) or "no tables"
        raise ForeignDatabaseError(path, f"tables: {shown}")


def _try_backup(make: Callable[[], Path | None]) -> tuple[Path | None, str | None]:
    """A backup that fails (full disk, read-only folder) is skipped with a notice:
    reading and exporting the history must still work."""
    try:
        return make(), None
    except (OSError, sqlite3.Error) as exc:
        return None, (
            f"Today's backup could not be written ({exc}); your history is unchanged "
            "and can still be read and exported. Free some disk space to resume backups."
        )


def open_database(
    paths: AppPaths,
    *,
    now: Callable[[], float] = time.time,
    backups: bool = True,
) -> OpenResult:
    """Open (creating or repairing as documented) the history database.

    Raises :class:`NewerSchemaError` for a file from a newer version,
    :class:`UnusableFileError` (with :class:`ForeignDatabaseError`) for
    something at our paths we must not touch; in every other case returns a
    usable connection, with ``damage`` set if the old file had to be moved
    aside or was missing while backups exist.
    """
    for folder in (paths.data_dir, paths.backups_dir, paths.routines_dir):
        check_usable(folder, folder=True)
    try:
        paths.ensure()
    except OSError as exc:
        where = Path(exc.filename) if exc.filename else paths.data_dir
        raise UnusableFileError(where, exc.strerror or str(exc)) from exc
    path = paths.database
    for f in (path, *side_files(path)):
        check_usable(f)
    damage: DamageReport | None = None
    created = False

    def set_aside(reason: str) -> None:
        nonlocal damage
        moved_to, moved = move_aside(path, "damaged", now())
        damage = DamageReport(reason, moved_to, moved, newest_backup(paths.backups_dir))

    if not path.exists():
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            # A WAL without its database must not be replayed into a new file.
            move_aside(path, "orphaned", now())
        found_backup = newest_backup(paths.backups_dir)
        if found_backup is not None:
            # There was a history here: say so and offer the newest backup.
            damage = DamageReport("history file missing", path, (), found_backup, missing=True)
        create_private_file(path)
        created = True
    else:
        size = path.stat().st_size
        wal = path.with_name(path.name + "-wal")
        wal_size = wal.stat().st_size if wal.exists() else 0
        if size == 0:
            # Zero length: SQLite's own state before the first write. Only
            # when history existed before (a backup, or a WAL holding pages)
            # is it a sign of loss and treated as damage.
            if wal_size > 0 or newest_backup(paths.backups_dir) is not None:
                set_aside("empty file where a history database used to be")
                create_private_file(path)
            created = True
        else:
            version = read_header_version(path)
            if version is None:
                set_aside("not a database")
                create_private_file(path)
                created = True
            else:
                stale = stale_wal(path)
                if stale:
                    move_aside(wal, f"stale-{stale}", now())
                    wal_size = 0
                app_id = read_header_application_id(path)
                if app_id not in (0, APPLICATION_ID):
                    raise ForeignDatabaseError(path, f"application id {app_id:#x}")
                if wal_size > 0:
                    # The newest header may still sit in the WAL.
                    version = max(version, _check_version_readonly(path) or 0)
                if version > SCHEMA_VERSION:
                    raise NewerSchemaError(path, version, SCHEMA_VERSION)
                _identify(path)

    try:
        conn = _probe(path)
    except _DamagedError as exc:
        set_aside(str(exc))
        create_private_file(path)
        created = True
        conn = _probe(path)

    found = user_version(conn)
    if found > SCHEMA_VERSION:  # pragma: no cover - caught from the header above
        conn.close()
        raise NewerSchemaError(path, found, SCHEMA_VERSION)
    apply_pragmas(conn)
    for f in (path, *side_files(path)):
        make_private(f)

    notice: str | None = None
    if 0 < found < SCHEMA_VERSION and backups:
        stamp = utc_stamp(now())
        pre, notice = _try_backup(
            lambda: backup_to(conn, paths.backups_dir / f"history-pre-v{SCHEMA_VERSION}-{stamp}.db")
        )
        if pre is None:
            conn.close()
            raise StoreError(
                f"{path}: pre-migration backup failed: {notice}",
                f"StretchGuide needs to update your history at {path} but could not first "
                "write a safety copy (is the disk full?). Nothing was changed; free some "
                "space and start again.",
            )
    migrated = tuple(migrate(conn))
    if int(conn.execute("PRAGMA application_id").fetchone()[0]) != APPLICATION_ID:
        with contextlib.suppress(sqlite3.Error):
            # Marks the file as ours; a full disk only postpones it.
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for f in (path, *side_files(path)):
        make_private(f)

    made = None
    if backups:
        made, notice = _try_backup(lambda: backup_if_due(conn, paths.backups_dir, now()))
    return OpenResult(conn, created, migrated, damage, made, notice)
