"""The review of Dec 4 (s36) on time, concurrency and the machine underneath,
as it reached the store: a wall clock set back mid-session or set a year
ahead, two imports at once, a path too long for SQLite, a read-only folder.
Each test failed before its fix."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from tests.support import FakeClock

from stretchguide.core.catalog import Dose, Routine, RoutineItem, Schedule
from stretchguide.paths import AppPaths
from stretchguide.store import db, errors, exchange, files, schema
from stretchguide.store.history import History

from .conftest import T0, sha256

ROUTINE = Routine(
    "r", "Review routine", "", (RoutineItem("bridge", Dose(hold_s=30)),), Schedule(7, "")
)
DAY = 86_400
# SQLite's unix VFS opens paths of up to 504 bytes (MAX_PATHNAME less "-journal").
SQLITE_LIMIT = 504


def _session_with_the_clock_set_back(h: History, clock: FakeClock) -> int:
    """A session during which NTP steps the wall clock back an hour, written
    as the app writes it (times from the clock, or passed from it)."""
    s = h.start_session(ROUTINE)
    clock.advance(300)
    h.record_step(s.id, 0, "bridge", "hold", planned_s=30, done_s=30)
    clock.advance(-3600)
    h.record_step(s.id, 1, "bridge", "hold", planned_s=30, done_s=30)
    h.record_step(s.id, 2, "bridge", "hold", done_s=30, completed_at=int(clock()))
    h.record_hurt(s.id, "bridge", 2)
    clock.advance(60)
    h.finish_session(s.id, "completed", int(clock()))
    return s.id


# --------------------------------------------------------------------------- 1: clock set back


def test_no_time_in_a_session_is_stored_before_its_start(paths: AppPaths) -> None:
    clock = FakeClock(T0)
    with History.open(paths, clock=clock) as h:
        sid = _session_with_the_clock_set_back(h, clock)
        s = h.session(sid)
        assert s.ended_at == s.started_at == T0
        assert [st.completed_at for st in h.steps(sid)] == [T0 + 300, T0, T0]
        assert [e.at for e in h.hurts(sid)] == [T0]
        # The unfinished-session path: its end is its last step, never before the start.
        other = h.start_session(ROUTINE, started_at=T0 + DAY)
        h.record_step(other.id, 0, "bridge", "hold", completed_at=T0)
        assert h.close_as_partial(other.id).ended_at == T0 + DAY
        assert h.aggregates_ok()


def test_the_export_of_a_session_with_the_clock_set_back_imports_and_round_trips(
    tmp_path: Path, paths: AppPaths
) -> None:
    clock = FakeClock(T0)
    with History.open(paths, clock=clock) as h:
        for day in range(3):
            s = h.start_session(ROUTINE, started_at=T0 - (day + 1) * DAY)
            h.finish_session(s.id, "completed", T0 - (day + 1) * DAY + 600)
        _session_with_the_clock_set_back(h, clock)
        exchange.export_json(h, tmp_path / "first.json")
    with History.open(AppPaths(tmp_path / "new"), clock=clock) as other:
        report = exchange.import_json(other, tmp_path / "first.json")
        assert report.sessions_added == 4
        exchange.export_json(other, tmp_path / "second.json")
    assert (tmp_path / "first.json").read_bytes() == (tmp_path / "second.json").read_bytes()


def test_an_end_before_the_start_in_a_file_is_kept_at_the_start(
    tmp_path: Path, paths: AppPaths
) -> None:
    # What an older StretchGuide wrote on a clock set back: the whole backup
    # was refused ("sessions[0].ended: before the session started").
    with History.open(AppPaths(tmp_path / "src"), clock=FakeClock(T0)) as h:
        s = h.start_session(ROUTINE)
        h.record_step(s.id, 0, "bridge", "hold", done_s=30, completed_at=T0 + 30)
        h.record_hurt(s.id, "bridge", 0, at=T0 + 20)
        h.finish_session(s.id, "completed", T0 + 60)
        h.add_checkin("after", 2, 3, "thigh", session_id=s.id, at=T0 + 70)
        exchange.export_json(h, tmp_path / "good.json")
    doc = json.loads((tmp_path / "good.json").read_text())
    session = doc["sessions"][0]
    session["ended"] = "2026-01-01T09:55:00+00:00"  # T0 - 5 min
    session["steps"][0]["completed"] = "2026-01-01T09:54:00+00:00"
    session["hurts"][0]["at"] = "1999-01-01T00:00:00+00:00"
    old = tmp_path / "old.json"
    old.write_text(json.dumps(doc))
    with History.open(paths) as h:
        report = exchange.import_json(h, old)
        assert (report.sessions_added, report.checkins_added) == (1, 1)
        (stored,) = h.sessions()
        assert stored.ended_at == stored.started_at == T0
        assert [st.completed_at for st in h.steps()] == [T0]
        assert [e.at for e in h.hurts()] == [T0]
        exchange.export_json(h, tmp_path / "again.json")
    with History.open(AppPaths(tmp_path / "third")) as h:
        assert exchange.import_json(h, tmp_path / "again.json").sessions_added == 1


def _v6_file_with_times_before_the_start(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, target=6)
    with schema.transaction(conn):
        conn.execute(
            "INSERT INTO routine_snapshots (id, snapshot) VALUES (1, ?)",
            ('{"items": [], "name": "r"}',),
        )
        rows = [
            # id, started, ended: set back / fine / an impossible raw end
            (1, T0, T0 - 3000),
            (2, T0 + DAY, T0 + DAY + 600),
            (3, T0 + 2 * DAY, -(2**40)),
        ]
        for sid, start, end in rows:
            conn.execute(
                "INSERT INTO sessions (id, uuid, routine_id, snapshot_id, started_at, "
                "utc_offset, ended_at, status) VALUES (?, ?, 'r', 1, ?, 0, ?, 'completed')",
                (sid, f"00000000-0000-4000-8000-00000000000{sid}", start, end),
            )
            for i, at in enumerate((start + 30, start - 3500)):
                conn.execute(
                    "INSERT INTO steps (session_id, step_index, exercise_id, kind, "
                    "completed_at) VALUES (?, ?, 'bridge', 'hold', ?)",
                    (sid, i, at),
                )
            conn.execute(
                "INSERT INTO hurt_events (uuid, session_id, exercise_id, step_index, at) "
                "VALUES (?, ?, 'bridge', 1, ?)",
                (f"10000000-0000-4000-8000-00000000000{sid}", sid, start - 3400),
            )
    conn.close()


def test_schema_7_moves_times_stored_before_the_start_to_the_start(
    paths: AppPaths, clock: FakeClock
) -> None:
    paths.ensure()
    _v6_file_with_times_before_the_start(paths.database)
    with History.open(paths, clock=clock) as h:
        assert h.migrated == (7,)
        ends = {s.id: s.ended_at for s in h.sessions()}
        assert ends == {1: T0, 2: T0 + DAY + 600, 3: -(2**40)}  # the impossible one kept raw
        for s in h.sessions():
            assert [st.completed_at for st in h.steps(s.id)] == [s.started_at + 30, s.started_at]
            assert [e.at for e in h.hurts(s.id)] == [s.started_at]
        assert h.aggregates_ok()
    (pre,) = paths.backups_dir.glob("history-pre-v7-*.db")
    kept = sqlite3.connect(pre)
    assert kept.execute("SELECT ended_at FROM sessions WHERE id = 1").fetchone() == (T0 - 3000,)
    kept.close()


# --------------------------------------------------------------------------- 5: backups


def test_a_week_with_the_clock_a_year_ahead_does_not_stop_daily_backups(
    paths: AppPaths,
) -> None:
    clock = FakeClock(T0 + 365 * DAY)  # 2027-01-01
    for _day in range(7):
        History.open(paths, clock=clock).close()
        clock.advance(DAY)
    clock.now = T0 + 10 * DAY  # corrected: 2026-01-11
    for day in range(10):
        History.open(paths, clock=clock).close()
        # Today's backup is kept the day it is made (it was deleted at once).
        assert (paths.backups_dir / f"history-2026-01-{11 + day:02d}.db").exists()
        clock.advance(DAY)
    names = [p.name for p in files.daily_backups(paths.backups_dir)]
    assert names == [f"history-2026-01-{d:02d}.db" for d in range(14, 21)]


def test_on_damage_the_real_newest_backup_is_offered_not_one_from_a_clock_ahead(
    paths: AppPaths,
) -> None:
    clock = FakeClock(T0)
    with History.open(paths, clock=clock, backups=False) as h:
        h.add_checkin("any", 2, 2, "none")
        ahead = h.backup_now("manual")  # named for T0; the file time is set below
        h.add_checkin("any", 3, 3, "none")
    paths.backups_dir.joinpath("history-2027-01-01.db").write_bytes(ahead.read_bytes())
    clock.now = T0 + 3 * DAY
    with History.open(paths, clock=clock) as h:
        real = h.backup_made
    assert real is not None and real.name == "history-2026-01-04.db"
    # The clock-ahead copies: dated (and made, by the file time) a year later.
    ahead_time = T0 + 365 * DAY
    for p in (ahead, paths.backups_dir / "history-2027-01-01.db"):
        os.utime(p, (ahead_time, ahead_time))
    os.utime(real, (clock.now, clock.now))
    shutil.copy(paths.backups_dir / "history-2027-01-01.db", paths.backups_dir / "x")
    os.replace(paths.backups_dir / "x", paths.backups_dir / "history-manual-20270101T000000Z.db")
    os.utime(paths.backups_dir / "history-manual-20270101T000000Z.db", (T0, T0))  # named ahead
    paths.database.write_bytes(os.urandom(8192))
    for suffix in ("-wal", "-shm"):
        Path(f"{paths.database}{suffix}").unlink(missing_ok=True)
    with History.open(paths, clock=clock, backups=False) as h:
        assert h.damage is not None and h.damage.newest_backup == real
        assert h.backups()[0] == real
        h.restore_backup(real)
        assert len(h.checkins()) == 2


def test_two_backups_in_the_same_second_never_replace_each_other(paths: AppPaths) -> None:
    clock = FakeClock(T0)
    with History.open(paths, clock=clock, backups=False) as h:
        h.add_checkin("any", 1, 1, "none", note="before the first")
        first = h.backup_now("pre-import")
        before = sha256(first)
        h.add_checkin("any", 2, 2, "none", note="before the second")
        second = h.backup_now("pre-import")
    assert first != second and second.name == first.name.replace(".db", "-2.db")
    assert sha256(first) == before
    assert [p.name for p in files.all_backups(paths.backups_dir, T0)].count(second.name) == 1
    assert not [p for p in paths.backups_dir.iterdir() if p.name.startswith(".")]


# --------------------------------------------------------------------------- 12: two imports


def test_an_import_that_finishes_while_another_checks_makes_the_second_add_nothing(
    tmp_path: Path, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    with History.open(AppPaths(tmp_path / "src"), clock=FakeClock(T0)) as h:
        s = h.start_session(ROUTINE)
        h.record_hurt(s.id, "bridge", 0)
        h.finish_session(s.id, "completed", T0 + 60)
        h.add_checkin("after", 2, 2, "none", session_id=s.id, at=T0 + 70)
        exchange.export_json(h, tmp_path / "x.json")
    with History.open(paths) as mine:
        mine.add_checkin("any", 1, 1, "none")
    first, second = History.open(paths), History.open(paths)
    real_backup = History.backup_now

    def the_other_import_runs_now(self: History, label: str = "manual") -> object:
        # Between the second import's check of the file and its writing: the
        # first one runs start to finish (as two processes can).
        if self is second:
            exchange.import_json(first, tmp_path / "x.json")
        return real_backup(self, label)

    monkeypatch.setattr(History, "backup_now", the_other_import_runs_now)
    try:
        report = exchange.import_json(second, tmp_path / "x.json")
    finally:
        first.close()
        second.close()
    assert (report.sessions_added, report.checkins_added) == (0, 0)
    assert (report.sessions_skipped, report.checkins_skipped) == (1, 1)
    with History.open(paths) as h:
        assert len(h.sessions()) == 1 and len(h.checkins()) == 2 and len(h.hurts()) == 1


# --------------------------------------------------------------------------- 7: long paths


def _folder_of(tmp_path: Path, size: int) -> Path:
    """A data folder whose history.db path is ``size`` bytes, in CJK names
    (three bytes a character), as the review found them."""
    folder = tmp_path
    while size - len(os.fsencode(folder)) - len("/history.db") > 100:
        folder = folder / ("文件夹" * 10)
    rest = size - len(os.fsencode(folder)) - len("/history.db") - 1
    return folder / ("d" * rest)


def test_a_data_folder_too_long_for_sqlite_is_refused_with_a_sentence(tmp_path: Path) -> None:
    folder = _folder_of(tmp_path, SQLITE_LIMIT + 1)
    assert len(os.fsencode(folder / "history.db")) == SQLITE_LIMIT + 1
    with pytest.raises(errors.UnusableFileError) as err:
        History.open(AppPaths(folder))
    text = err.value.user_message
    assert str(folder) in text and "too long" in text and str(SQLITE_LIMIT) in text
    assert not folder.exists(), "nothing was created"
    # At the limit it opens.
    at_limit = _folder_of(tmp_path / "b", SQLITE_LIMIT)
    History.open(AppPaths(at_limit), backups=False).close()


def test_backups_whose_path_is_too_long_say_so_not_that_the_disk_is_full(
    tmp_path: Path,
) -> None:
    folder = _folder_of(tmp_path, SQLITE_LIMIT - 10)
    with History.open(AppPaths(folder)) as h:
        h.add_checkin("any", 1, 1, "none")
        assert h.backup_made is None and h.backup_notice is not None
        assert "too long" in h.backup_notice and "disk" not in h.backup_notice
        with pytest.raises(errors.UnusableFileError, match="too long"):
            h.backup_now("pre-import")
    assert list(AppPaths(folder).backups_dir.iterdir()) == []
    # The check is SQLite's own limit, no stricter: a daily backup's copy
    # (backups/.history-2026-01-01.<8>.partial) at 504 bytes is still made.
    fits = _folder_of(tmp_path / "fits", SQLITE_LIMIT - 34)
    with History.open(AppPaths(fits), clock=FakeClock(T0)) as h:
        assert h.backup_notice is None and h.backup_made is not None
    one_more = _folder_of(tmp_path / "one_more", SQLITE_LIMIT - 33)
    with History.open(AppPaths(one_more), clock=FakeClock(T0)) as h:
        assert h.backup_notice is not None and "too long" in h.backup_notice


def test_an_sqlite_error_while_opening_is_a_store_error_with_a_sentence(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The app catches StoreError at start-up; a raw OperationalError left
    # the window open with nothing working and nothing said.
    def fails(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(db, "open_database", fails)
    with pytest.raises(errors.StoreError) as err:
        History.open(paths)
    assert str(paths.database) in err.value.user_message


# --------------------------------------------------------------------------- 14: read-only


def _as_if_read_only(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    """The data folder as a read-only file system shows it to os.access and
    statvfs (a real one: tests/store/test_cli_reliability_review.py)."""
    real_access = os.access

    def access(path: object, mode: int, **kwargs: object) -> bool:
        if mode & os.W_OK and str(path).startswith(str(data_dir)):
            return False
        return real_access(path, mode)  # type: ignore[arg-type]

    real_statvfs = os.statvfs

    class ReadOnlyMount:
        f_flag = os.ST_RDONLY

    def statvfs(path: object) -> object:
        return ReadOnlyMount() if str(path).startswith(str(data_dir)) else real_statvfs(path)  # type: ignore[arg-type]

    monkeypatch.setattr(files.os, "access", access)
    monkeypatch.setattr(files.os, "statvfs", statvfs)


def test_a_read_only_folder_is_named_and_can_still_be_read(
    tmp_path: Path, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    with History.open(paths, clock=FakeClock(T0)) as h:
        h.add_checkin("any", 2, 3, "thigh", note="keep me")
    listing = sorted(p.name for p in paths.backups_dir.iterdir())
    before = sha256(paths.database)
    _as_if_read_only(monkeypatch, paths.data_dir)
    with pytest.raises(errors.UnusableFileError) as err:
        History.open(paths)
    assert "read-only file system" in err.value.user_message
    assert "permission" not in err.value.user_message
    with History.open(paths, read_only_ok=True) as h:
        assert h.read_only and h.damage is None and h.backup_made is None
        assert h.backup_notice is not None and "reading only" in h.backup_notice
        assert [c.note for c in h.checkins()] == ["keep me"]
        h.summary()
        exchange.export_json(h, tmp_path / "rescued.json")
    assert sha256(paths.database) == before
    assert sorted(p.name for p in paths.backups_dir.iterdir()) == listing
    with History.open(AppPaths(tmp_path / "elsewhere")) as h:
        assert exchange.import_json(h, tmp_path / "rescued.json").checkins_added == 1


def test_reading_only_refuses_what_it_cannot_read_whole(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An older file would need its migration, which writes.
    paths.ensure()
    shutil.copy(Path(__file__).parent / "fixtures" / "history_v6.db", paths.database)
    _as_if_read_only(monkeypatch, paths.data_dir)
    with pytest.raises(errors.ReadOnlyError):
        History.open(paths, read_only_ok=True)
