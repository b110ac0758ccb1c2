"""A write that must not wait long for another writer (review s36, finding 9)."""

from __future__ import annotations

import sqlite3

import pytest

from stretchguide.paths import AppPaths
from stretchguide.store.history import History


def _busy_timeout(h: History) -> int:
    return int(h.conn.execute("PRAGMA busy_timeout").fetchone()[0])


def test_waiting_at_most_sets_the_wait_and_puts_the_usual_one_back(tmp_path) -> None:
    with History.open(AppPaths(tmp_path).ensure(), backups=False) as h:
        assert _busy_timeout(h) == 5000
        with h.waiting_at_most(0.05):
            assert _busy_timeout(h) == 50
        assert _busy_timeout(h) == 5000
        with pytest.raises(RuntimeError), h.waiting_at_most(0.0):
            raise RuntimeError("a write that failed")
        assert _busy_timeout(h) == 5000


def test_a_write_inside_fails_as_locked_while_another_writer_holds_the_file(tmp_path) -> None:
    paths = AppPaths(tmp_path).ensure()
    with History.open(paths, backups=False) as h:
        other = sqlite3.connect(paths.database, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # e.g. `stretchguide import` of years of history
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"), h.waiting_at_most(0.0):
                h.record_red_flags({"bladder_bowel": False})
        finally:
            other.execute("ROLLBACK")
            other.close()
        h.record_red_flags({"bladder_bowel": False})  # free again: the write goes through
