"""The history against its environment (s38): other processes opening the
same folder while StretchGuide has it open."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from stretchguide.core.trends import CheckInKind, Extent
from stretchguide.paths import AppPaths
from stretchguide.store.history import History

OTHER_READER = (
    "import sqlite3, sys\n"
    "c = sqlite3.connect(sys.argv[1])\n"
    "print(c.execute('SELECT COUNT(*) FROM checkins').fetchone()[0])\n"
    "c.close()\n"
)


def _count_elsewhere(db: Path) -> int:
    """What a second process (``stretchguide stats`` while the window is open)
    reads: it opens the file, reads and closes it."""
    out = subprocess.run(
        [sys.executable, "-c", OTHER_READER, str(db)], capture_output=True, text=True, check=True
    )
    return int(out.stdout)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX advisory locks")
def test_another_process_opening_the_history_leaves_its_wal_to_the_open_app(
    paths: AppPaths, clock
) -> None:
    # The store made its files private by opening each one and closing it,
    # after SQLite had opened them. Closing any descriptor of a file drops
    # every POSIX lock the process holds on it: SQLite's own locks, the WAL's
    # "dead man switch" among them. The next program to open and close the
    # history (a `stats` while the window was open) then took itself for the
    # last user and deleted the -wal and -shm under the app, whose records
    # from then on went to a deleted file: lost at a crash, and unseen by
    # (or clashing with) every other process.
    history = History.open(paths, clock=clock)
    try:
        wal = paths.database.with_name("history.db-wal")
        assert _count_elsewhere(paths.database) == 0
        assert wal.exists(), "another reader deleted the app's WAL"
        history.add_checkin(CheckInKind.ANY, 2, 3, Extent.THIGH)
        assert _count_elsewhere(paths.database) == 1, "a saved check-in is not in the file"
        assert wal.exists()
    finally:
        history.close()
    assert _count_elsewhere(paths.database) == 1


def test_the_history_s_files_are_still_made_private(paths: AppPaths, clock) -> None:
    # The files are still 0600 under a umask that would make them readable
    # by everyone, although nothing opens them behind SQLite's back any more.
    old = os.umask(0)
    try:
        history = History.open(paths, clock=clock)
        history.add_checkin(CheckInKind.ANY, 2, 3, Extent.THIGH)
        for f in paths.data_dir.glob("history.db*"):
            assert f.stat().st_mode & 0o777 == 0o600, f
        history.close()
    finally:
        os.umask(old)
    conn = sqlite3.connect(paths.database)
    assert conn.execute("SELECT COUNT(*) FROM checkins").fetchone()[0] == 1
    conn.close()
