"""The history's files on disk: private modes, moving aside, headers, backups.

Nothing here deletes or overwrites a person's data: a file we cannot use is
renamed aside with its ``-wal``/``-shm``, and backups are written to a
hidden name and renamed into place. The durability choices are explained in
docs/RELIABILITY.md.
"""

from __future__ import annotations

import calendar
import contextlib
import os
import re
import sqlite3
import stat
import tempfile
import time
from pathlib import Path

from stretchguide.core.messages import said
from stretchguide.core.os_reasons import os_reason
from stretchguide.store.errors import PathTooLongError, ReadOnlyError, UnusableFileError

SQLITE_MAGIC = b"SQLite format 3\x00"
FILE_MODE = 0o600
DAILY_BACKUPS_KEPT = 7
DAILY_PREFIX = "history-"  # history-YYYY-MM-DD.db; other backups never match DAILY_GLOB
DAILY_GLOB = "history-????-??-??.db"
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
# The longest path SQLite's unix VFS opens: MAX_PATHNAME (512) less room for
# the "-journal" it appends. Measured: 504 bytes open, 505 do not. Linux
# itself allows 4096, so a deep folder reaches this first.
SQLITE_PATH_LIMIT = 504
# A backup whose name or time is more than this after "now" was made by a
# clock set ahead (a wrong year for a week).
FUTURE_MARGIN_S = 86_400


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


def make_private_while_open(path: Path) -> None:
    """chmod 0600 a file SQLite has open, without opening it here.

    Closing any descriptor of a file drops every POSIX lock this process
    holds on it, SQLite's among them: its shared lock on ``-shm`` (the WAL's
    "dead man switch") went at :func:`make_private`'s close, and the next
    program to open and close the history took itself for the last user
    and deleted the ``-wal`` and ``-shm`` the app still wrote to. So the
    mode is read with ``lstat`` and set by name, only when it is not 0600
    already (SQLite gives the side files the main file's mode, so normally
    never). A symlink is left alone; one swapped in between the two calls
    needs someone who can write into the person's 0700 folder.
    """
    try:
        st = os.lstat(path)
        if stat.S_ISREG(st.st_mode) and stat.S_IMODE(st.st_mode) != FILE_MODE:
            os.chmod(path, FILE_MODE)
    except OSError:
        pass


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


def fresh_private_file(path: Path) -> None:
    """An empty private file at ``path``, made anew: whatever stood there (a
    leftover temporary file, or a symlink planted to be written through) is
    removed, never opened."""
    if os.path.lexists(path):
        os.unlink(path)
    create_private_file(path)


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
        raise UnusableFileError(path, os_reason(exc)) from exc
    if stat.S_ISLNK(st.st_mode):
        raise UnusableFileError(
            path, said("it is a symbolic link, which stretchguide does not follow")
        )
    if folder and not stat.S_ISDIR(st.st_mode):
        raise UnusableFileError(path, said("it should be a folder but is a file"))
    if not folder and stat.S_ISDIR(st.st_mode):
        raise UnusableFileError(path, said("it should be a file but is a folder"))
    if not folder and not stat.S_ISREG(st.st_mode):
        raise UnusableFileError(path, said("it is not a regular file (perhaps a pipe or a device)"))
    if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
        raise UnusableFileError(path, said("it belongs to another user"))
    readable = os.access(path, os.R_OK | (os.X_OK if folder else 0))
    if readable and not os.access(path, os.W_OK):
        raise ReadOnlyError(path, on_read_only_fs(path))
    if not readable:
        raise UnusableFileError(path, said("you do not have permission to read and change it"))


def on_read_only_fs(path: Path) -> bool:
    """Whether ``path`` is on a file system mounted read-only (a backup
    disk, or one the kernel remounted read-only after errors)."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # AttributeError: no statvfs (Windows)
        return False


def check_sqlite_path(path: Path, folder: Path) -> None:
    """Refuse, naming ``folder``, a ``path`` too long for SQLite to open.

    SQLite only says "unable to open database file", which names neither
    the path nor the cause.
    """
    if os.name == "nt":  # the Windows VFS has its own, longer limit
        return
    size = len(os.fsencode(os.path.abspath(path)))
    if size > SQLITE_PATH_LIMIT:
        raise PathTooLongError(folder, size, SQLITE_PATH_LIMIT)


# --------------------------------------------------------------------------- backups


def daily_backups(backups_dir: Path) -> list[Path]:
    """The rotating daily backups, by the date in their names (oldest first)."""
    if not backups_dir.is_dir():
        return []
    return sorted(backups_dir.glob(DAILY_GLOB))


_STAMP = re.compile(r"(\d{4}-\d\d-\d\d)\.db$|-(\d{8}T\d{6}Z)(?:-\d+)?\.db$")


def _name_time(path: Path) -> float | None:
    """The UTC time written in a backup's name, if it has one."""
    found = _STAMP.search(path.name)
    if found is None:
        return None
    try:
        if found.group(1):
            return float(calendar.timegm(time.strptime(found.group(1), "%Y-%m-%d")))
        return float(calendar.timegm(time.strptime(found.group(2), "%Y%m%dT%H%M%SZ")))
    except (ValueError, OverflowError):
        return None


def _from_a_clock_ahead(path: Path, mtime: float, now: float) -> bool:
    named = _name_time(path)
    late = now + FUTURE_MARGIN_S
    return mtime > late or (named is not None and named > late)


def all_backups(backups_dir: Path, now: float | None = None) -> list[Path]:
    """Every backup (daily, pre-migration, pre-import, ...), newest first.

    Newest by modification time, except that one dated after ``now`` (by its
    name or its time) was made while the clock was set ahead: it sorts after
    every other, so the backup offered after damage is the real newest.
    """
    if not backups_dir.is_dir():
        return []
    now = time.time() if now is None else now
    keyed = []
    for p in backups_dir.glob("history-*.db"):
        try:
            st = os.stat(p)
        except OSError:
            continue
        if p.name.startswith(".") or not stat.S_ISREG(st.st_mode):
            continue
        keyed.append(((not _from_a_clock_ahead(p, st.st_mtime, now), st.st_mtime, p.name), p))
    return [p for _key, p in sorted(keyed, key=lambda kp: kp[0], reverse=True)]


def newest_backup(backups_dir: Path, now: float | None = None) -> Path | None:
    backups = all_backups(backups_dir, now)
    return backups[0] if backups else None


def _place(tmp: Path, dest: Path) -> bool:
    """Give the finished copy ``tmp`` the name ``dest`` unless that name is
    taken; never replace a file. Returns whether it was placed."""
    try:
        # A hard link fails if dest exists: a rename that cannot replace.
        os.link(tmp, dest)
    except FileExistsError:
        return False
    except OSError:
        # No hard links on this file system (FAT, some shares): check, then
        # rename (a rename on Windows also refuses to replace).
        if os.path.lexists(dest):
            return False
        try:
            os.rename(tmp, dest)
        except FileExistsError:
            return False
        return True
    os.unlink(tmp)
    return True


def partial_name(dest: Path) -> Path:
    """As long as the temporary copy's name: the longest path a backup to
    ``dest`` asks SQLite to open (mkstemp adds eight characters)."""
    return dest.with_name(f".{dest.stem}.abcdefgh.partial")


def backup_to(conn: sqlite3.Connection, dest: Path, *, another_name: bool = True) -> Path:
    """Copy the live database to ``dest`` with the online backup API.

    Written to a new hidden temporary file and then given its name, so a
    crash never leaves a half-written file under a backup's name. An
    existing backup is never replaced: if ``dest`` is taken (two imports in
    the same second), the copy goes to ``<name>-2.db``, ``-3``...; with
    ``another_name=False`` (a daily backup another process has just made)
    the existing one is kept and returned. The copy is switched to a
    rollback journal so it is one self-contained file.
    """
    check_sqlite_path(partial_name(dest), dest.parent)
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{dest.stem}.", suffix=".partial", dir=dest.parent)
    os.close(fd)  # mkstemp: O_EXCL|O_NOFOLLOW, mode 0600
    tmp = Path(name)
    try:
        target = sqlite3.connect(tmp)
        try:
            conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
            target.commit()
        finally:
            target.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        placed, n = dest, 1
        while not _place(tmp, placed):
            if not another_name:
                tmp.unlink()
                return dest
            n += 1
            placed = dest.with_name(f"{dest.stem}-{n}{dest.suffix}")
    except BaseException:
        # A copy that failed (a full disk) is no copy: not left behind, one
        # more empty file per attempt.
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    make_private(placed)
    fsync_dir(dest.parent)
    return placed


def backup_if_due(conn: sqlite3.Connection, backups_dir: Path, now: float) -> Path | None:
    """Make today's daily backup if there is none yet; keep the newest seven.

    "Newest" by the date in the name, except that a name dated after today
    was written while the clock was set ahead: it counts as the oldest, so
    a week with the wrong year cannot keep every correct backup from
    staying (each was deleted as soon as it was made), and it is rotated
    out as correct ones come.
    """
    today = time.strftime("%Y-%m-%d", time.gmtime(now))
    dest = backups_dir / f"{DAILY_PREFIX}{today}.db"
    made: Path | None = None
    if not dest.exists():
        made = backup_to(conn, dest, another_name=False)
    daily = daily_backups(backups_dir)
    ahead = [p for p in daily if p.name > dest.name]
    ordered = ahead + [p for p in daily if p.name <= dest.name]
    for old in ordered[:-DAILY_BACKUPS_KEPT]:
        # Rotation is the documented policy; these are copies, never the
        # person's only record. Today's is never among them.
        if old.name != dest.name:
            old.unlink()
    return made
