"""Open the history database safely: checks, recovery, then migrations.

Everything here exists so that a person's pain diary is never lost:

* A file written by a newer stretchguide is refused *before* SQLite opens it
  for writing, so it stays byte-for-byte as it was (:class:`NewerSchemaError`).
* A damaged or non-database file is renamed aside to
  ``history.db.damaged-<UTC timestamp>`` together with its ``-wal`` and
  ``-shm`` files, a fresh database is started, and the caller gets a
  :class:`DamageReport` naming the moved file and the newest backup to offer.
  Nothing is deleted or overwritten.
* An older file is copied aside, then migrated (:mod:`stretchguide.store.schema`).
* A daily online backup (:mod:`stretchguide.store.files`) keeps the last seven days.

The schema lives in :mod:`.schema`, the file handling and backups in
:mod:`.files`, the errors in :mod:`.errors`. The durability choices are
explained in docs/RELIABILITY.md.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from stretchguide.core.i18n import _, format_datetime
from stretchguide.core.messages import Message, said
from stretchguide.core.os_reasons import os_reason
from stretchguide.paths import AppPaths
from stretchguide.store.errors import (
    ForeignDatabaseError,
    NewerSchemaError,
    ReadOnlyError,
    StoreError,
    UnusableFileError,
)
from stretchguide.store.files import (
    backup_if_due,
    backup_to,
    check_sqlite_path,
    check_usable,
    create_private_file,
    make_private_while_open,
    move_aside,
    newest_backup,
    partial_name,
    read_header_application_id,
    read_header_version,
    side_files,
    utc_stamp,
)
from stretchguide.store.schema import (
    APPLICATION_ID,
    OUR_TABLES,
    SCHEMA_VERSION,
    apply_pragmas,
    migrate,
    user_version,
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
            return _(
                "Your history file {path} was missing, so stretchguide started a new, "
                "empty history. A backup from {when} can be restored."
            ).format(path=self.moved_to, when=_backup_label(self.newest_backup))
        text = _(
            "Your history file could not be read, so stretchguide set it aside as {name} "
            "(nothing was deleted) and started a new, empty history."
        ).format(name=self.moved_to.name)
        if self.newest_backup is not None:
            more = _("A backup from {when} can be restored.").format(
                when=_backup_label(self.newest_backup)
            )
        else:
            more = _("No backup was found.")
        return f"{text} {more}"


def _backup_label(path: Path | None) -> str:
    try:
        stamp = time.localtime(path.stat().st_mtime) if path is not None else None
    except OSError:
        stamp = None
    if stamp is None:
        return _("an earlier day")
    s = stamp
    return format_datetime(datetime(s.tm_year, s.tm_mon, s.tm_mday, s.tm_hour, s.tm_min))


# --------------------------------------------------------------------------- open


@dataclass(frozen=True)
class OpenResult:
    conn: sqlite3.Connection
    created: bool  # a new, empty history was started
    migrated: tuple[int, ...]  # versions applied on this open
    damage: DamageReport | None
    backup_made: Path | None
    backup_notice: str | None = None  # why today's backup was skipped
    read_only: bool = False  # opened for reading alone (open_read_only)


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


def _application_id(app_id: int) -> Message:
    return said("application id {id}", id=f"{app_id:#x}")


def _identify(path: Path) -> None:
    """Raise :class:`ForeignDatabaseError` unless ``path`` is our history (or empty).

    Read-only, so a foreign file is left byte-for-byte as it was. Files from
    before schema 4 carry no application_id; they are recognised by our tables.
    """
    app_id = read_header_application_id(path)
    if app_id not in (0, APPLICATION_ID):
        raise ForeignDatabaseError(path, _application_id(app_id))
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
        raise ForeignDatabaseError(path, _application_id(app_id))
    if version == 0 or not tables >= OUR_TABLES:
        if not tables:
            raise ForeignDatabaseError(path, said("no tables"))
        shown = ", ".join(sorted(tables)[:5])
        raise ForeignDatabaseError(path, said("tables: {names}", names=shown))


def _try_backup(make: Callable[[], Path | None]) -> tuple[Path | None, str | None]:
    """A backup that fails (full disk, read-only folder) is skipped with a notice:
    reading and exporting the history must still work."""
    try:
        return make(), None
    except StoreError as exc:  # e.g. a path too long: said as it is, not as a full disk
        return None, _("Today's backup could not be written. {reason}").format(
            reason=exc.user_message
        )
    except (OSError, sqlite3.Error) as exc:
        return None, _(
            "Today's backup could not be written ({error}); your history is unchanged "
            "and can still be read and exported. Free some disk space to resume backups."
        ).format(error=exc)


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
    # Before anything is created: SQLite would only say "unable to open".
    check_sqlite_path(paths.database, paths.data_dir)
    for folder in (paths.data_dir, paths.backups_dir, paths.routines_dir):
        check_usable(folder, folder=True)
    try:
        paths.ensure()
    except OSError as exc:
        where = Path(exc.filename) if exc.filename else paths.data_dir
        raise UnusableFileError(where, os_reason(exc)) from exc
    path = paths.database
    for f in (path, *side_files(path)):
        check_usable(f)
    damage: DamageReport | None = None
    created = False

    def set_aside(reason: str) -> None:
        nonlocal damage
        moved_to, moved = move_aside(path, "damaged", now())
        damage = DamageReport(reason, moved_to, moved, newest_backup(paths.backups_dir, now()))

    if not path.exists():
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            # A WAL without its database must not be replayed into a new file.
            move_aside(path, "orphaned", now())
        found_backup = newest_backup(paths.backups_dir, now())
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
                    raise ForeignDatabaseError(path, _application_id(app_id))
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
        make_private_while_open(f)  # never make_private: its close drops SQLite's locks

    notice: str | None = None
    if 0 < found < SCHEMA_VERSION and backups:
        pre_dest = paths.backups_dir / f"history-pre-v{SCHEMA_VERSION}-{utc_stamp(now())}.db"
        pre, notice = _try_backup(lambda: backup_to(conn, pre_dest))
        if pre is None:
            conn.close()
            # A path too long for the copy is said as such, not as a full disk.
            check_sqlite_path(partial_name(pre_dest), paths.backups_dir)
            raise StoreError(
                f"{path}: pre-migration backup failed: {notice}",
                _(
                    "StretchGuide needs to update your history at {path} but could not first "
                    "write a safety copy (is the disk full?). Nothing was changed; free some "
                    "space and start again."
                ).format(path=path),
            )
    migrated = tuple(migrate(conn))
    if int(conn.execute("PRAGMA application_id").fetchone()[0]) != APPLICATION_ID:
        with contextlib.suppress(sqlite3.Error):
            # Marks the file as ours; a full disk only postpones it.
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for f in (path, *side_files(path)):
        make_private_while_open(f)

    made = None
    if backups:
        made, notice = _try_backup(lambda: backup_if_due(conn, paths.backups_dir, now()))
    return OpenResult(conn, created, migrated, damage, made, notice)


def open_read_only(paths: AppPaths, why: ReadOnlyError) -> OpenResult:
    """Open an existing history for reading alone, when its folder cannot be
    written (``why``): a read-only file system is exactly where someone wants
    to rescue their data with ``stats`` or ``export``.

    Nothing is created, moved, migrated or backed up. Anything that would
    need a write to be read correctly (a missing, damaged or older file; a
    ``-wal`` whose index cannot be read) raises ``why`` itself.
    """
    path = paths.database
    for f in (path, *side_files(path)):
        with contextlib.suppress(ReadOnlyError):
            check_usable(f)  # no symlink, folder, FIFO or another user's file
    try:
        version = read_header_version(path)
    except OSError:
        version = None
    if version is None:
        raise why
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(path, version, SCHEMA_VERSION)
    _identify(path)
    conn = _connect_read_only(path, why)
    try:
        found = user_version(conn)
        ok = [tuple(r) for r in conn.execute("PRAGMA quick_check")] == [("ok",)]
    except sqlite3.Error:
        found, ok = -1, False
    if found > SCHEMA_VERSION:
        conn.close()
        raise NewerSchemaError(path, found, SCHEMA_VERSION)
    if found != SCHEMA_VERSION or not ok:
        conn.close()  # an update or a repair would have to write
        raise why
    notice = _(
        "Your history was opened for reading only, because StretchGuide cannot write to "
        "{path}: {problem}. No backup was made."
    ).format(path=why.path, problem=why.user_problem)
    return OpenResult(conn, False, (), None, None, notice, read_only=True)


def _connect_read_only(path: Path, why: ReadOnlyError) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.Error:
            conn.close()  # an open file would keep a read-only disk from unmounting
    except sqlite3.Error:
        pass
    # A WAL database opens read-only only with a -shm SQLite can map. With no
    # -wal at all, no connection has the file open (SQLite removes it at the
    # last close) and the main file is the whole history: "immutable" reads
    # it as it is. A -wal would be skipped by it, with whatever it holds.
    if os.path.lexists(path.with_name(path.name + "-wal")):
        raise why
    try:
        return sqlite3.connect(f"{path.as_uri()}?immutable=1", uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise why from exc
