"""Files around the history that are not what they seem (issue 14)."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from stretchguide.__main__ import main
from stretchguide.core.catalog import Dose, Routine, RoutineItem, Schedule
from stretchguide.paths import AppPaths
from stretchguide.store import errors, exchange, files, schema
from stretchguide.store.history import History

from .conftest import T0, mode, sha256

ROUTINE = Routine("r", "R", "", (RoutineItem("bridge", Dose(hold_s=5)),), Schedule(7, ""))


def _steps(h: History, n: int) -> int:
    s = h.start_session(ROUTINE, started_at=T0)
    for i in range(n):
        h.record_step(s.id, i, "bridge", "hold", planned_s=5, done_s=5, completed_at=T0 + i)
    return s.id


def _count_steps(paths: AppPaths) -> int:
    with History.open(paths, backups=False) as h:
        return int(h.conn.execute("SELECT COUNT(*) FROM steps").fetchone()[0])


# --------------------------------------------------------------------------- full disk


def test_a_full_disk_skips_the_backup_with_a_notice_and_still_exports(
    paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with History.open(paths, clock=lambda: T0) as h:
        _steps(h, 3)

    def full(*_a: object, **_k: object) -> Path:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files, "backup_to", full)
    # A new day: a backup is due and cannot be written.
    with History.open(paths, clock=lambda: T0 + 86400) as h:
        assert h.backup_made is None
        assert h.backup_notice and "could not be written" in h.backup_notice
        exchange.export_json(h, tmp_path / "out.json")
        assert h.summary() is not None
    assert main(["--data-dir", str(paths.data_dir), "stats"]) == 0


def test_cli_says_the_backup_was_skipped(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(*_a: object, **_k: object) -> Path:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(files, "backup_to", full)
    assert main(["--data-dir", str(paths.data_dir), "stats"]) == 0
    assert "backup could not be written" in capsys.readouterr().err


# --------------------------------------------------------------------------- foreign files


def test_another_programs_sqlite_file_is_refused_untouched(paths: AppPaths) -> None:
    paths.ensure()
    other = sqlite3.connect(paths.database)
    other.execute("CREATE TABLE sessions (cookie TEXT)")
    other.execute("INSERT INTO sessions VALUES ('browser')")
    other.commit()
    other.close()
    before = sha256(paths.database)
    listing = sorted(p.name for p in paths.data_dir.iterdir())
    with pytest.raises(errors.ForeignDatabaseError) as err:
        History.open(paths)
    assert str(paths.database) in err.value.user_message
    assert sha256(paths.database) == before
    assert sorted(p.name for p in paths.data_dir.iterdir()) == listing
    assert main(["--data-dir", str(paths.data_dir), "stats"]) == 2


def test_a_file_with_another_application_id_is_refused(paths: AppPaths) -> None:
    paths.ensure()
    other = sqlite3.connect(paths.database)
    other.execute("PRAGMA application_id = 1234")
    other.execute("CREATE TABLE t (x)")
    other.commit()
    other.close()
    before = sha256(paths.database)
    with pytest.raises(errors.ForeignDatabaseError):
        History.open(paths)
    assert sha256(paths.database) == before


def test_our_history_is_marked_with_the_application_id(paths: AppPaths) -> None:
    with History.open(paths) as h:
        _steps(h, 1)
    assert files.read_header_application_id(paths.database) == schema.APPLICATION_ID


# --------------------------------------------------------------------------- stale WAL

_WRITER = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from stretchguide.paths import AppPaths
    from stretchguide.store.history import History
    from stretchguide.core.catalog import Dose, Routine, RoutineItem, Schedule
    r = Routine("r", "R", "", (RoutineItem("bridge", Dose(hold_s=5)),), Schedule(7, ""))
    h = History.open(AppPaths(Path(sys.argv[1])), backups=False)
    h.conn.execute("PRAGMA wal_autocheckpoint = 0")
    s = h.start_session(r)
    for i in range(int(sys.argv[2])):
        h.record_step(s.id, i, "bridge", "hold", planned_s=5, done_s=5)
    os._exit(0)  # like a crash: the WAL is left behind
    """
)


def test_a_wal_from_another_copy_is_set_aside_not_replayed(paths: AppPaths) -> None:
    with History.open(paths, backups=False) as h:
        _steps(h, 5)
    backup = paths.data_dir / "copy.db"
    shutil.copyfile(paths.database, backup)
    # The app runs on and crashes with 240 steps only in the WAL.
    subprocess.run([sys.executable, "-c", _WRITER, str(paths.data_dir), "240"], check=True)
    wal = paths.database.with_name("history.db-wal")
    assert wal.stat().st_size > 0
    # The person "restores" by copying an older copy over history.db by hand...
    c = sqlite3.connect(backup, isolation_level=None)
    c.execute("PRAGMA journal_mode = DELETE")
    # ...and that copy had seen other changes since (a different file).
    c.execute("UPDATE checkins SET note = 'x'")
    c.execute("VACUUM")
    c.close()
    shutil.copyfile(backup, paths.database)
    wal_bytes = wal.read_bytes()
    with History.open(paths, backups=False) as h:
        assert h.aggregates_ok()
        assert h.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert h.conn.execute("SELECT COUNT(*) FROM steps").fetchone()[0] == 5
        assert {c.note for c in h.checkins()} <= {"x"}
    aside = [p for p in paths.data_dir.iterdir() if ".stale-" in p.name]
    assert aside and aside[0].read_bytes() == wal_bytes, "the WAL is kept, set aside"


def test_the_wal_of_a_crash_is_still_replayed(paths: AppPaths) -> None:
    with History.open(paths, backups=False) as h:
        _steps(h, 2)
    subprocess.run([sys.executable, "-c", _WRITER, str(paths.data_dir), "30"], check=True)
    assert _count_steps(paths) == 32
    assert not [p for p in paths.data_dir.iterdir() if ".stale-" in p.name]


# --------------------------------------------------------------------------- odd paths


def test_chmod_never_follows_a_symlinked_side_file(paths: AppPaths, tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("x")
    victim.chmod(0o644)
    paths.ensure()
    (paths.data_dir / "history.db-journal").symlink_to(victim)
    with pytest.raises(errors.UnusableFileError):
        History.open(paths)
    files.make_private(paths.data_dir / "history.db-journal")
    assert mode(victim) == 0o644


@pytest.mark.parametrize(
    "kind", ["folder", "fifo", "dangling symlink", "symlink", "backups is a file"]
)
def test_odd_things_at_our_paths_get_a_clear_message(
    paths: AppPaths, tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    named = paths.database
    if kind == "folder":
        paths.database.mkdir()
    elif kind == "fifo":
        os.mkfifo(paths.database)
    elif kind == "dangling symlink":
        paths.database.symlink_to(tmp_path / "nowhere.db")
    elif kind == "symlink":
        (tmp_path / "real.db").write_bytes(b"")
        paths.database.symlink_to(tmp_path / "real.db")
    else:
        named = paths.backups_dir
        paths.backups_dir.write_text("not a folder")
    with pytest.raises(errors.UnusableFileError) as err:
        History.open(paths)
    assert str(named) in err.value.user_message
    assert main(["--data-dir", str(paths.data_dir), "export", "--json", str(tmp_path / "x")]) == 2
    assert str(named) in capsys.readouterr().err


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give a file to another user")
def test_another_users_history_is_refused(paths: AppPaths) -> None:
    with History.open(paths) as h:
        _steps(h, 1)
    os.chown(paths.database, 12345, 12345)
    with pytest.raises(errors.UnusableFileError, match="another user"):
        History.open(paths)


def test_a_missing_history_with_backups_offers_the_newest(paths: AppPaths) -> None:
    with History.open(paths, clock=lambda: T0) as h:
        _steps(h, 4)
    History.open(paths, clock=lambda: T0 + 86400).close()  # the next day's backup
    assert files.newest_backup(paths.backups_dir) is not None
    paths.database.unlink()
    with History.open(paths, clock=lambda: T0 + 86410) as h:
        assert h.damage is not None and h.damage.missing
        assert "missing" in h.damage.user_message
        backup = h.damage.newest_backup
        assert backup is not None
        h.restore_backup(backup)
        assert len(h.steps(1)) == 4


def test_everything_we_create_is_private_even_under_umask_000(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        paths = AppPaths(tmp_path / "data")
        with History.open(paths, clock=lambda: T0) as h:
            _steps(h, 2)
            exchange.export_json(h, tmp_path / "data" / "x.json")
            h.backup_now()
        from stretchguide.qt.preferences import Preferences

        prefs = Preferences(paths.settings_file)
        prefs.qsettings.setValue("probe", "1")
        prefs.qsettings.sync()
    finally:
        os.umask(old)
    for p in paths.data_dir.rglob("*"):
        want = 0o700 if p.is_dir() else 0o600
        assert mode(p) == want, p
    assert mode(paths.data_dir) == 0o700
