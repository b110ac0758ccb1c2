"""Opening the database: permissions, migrations, refusal, damage, backups."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from tests.support import FakeClock

from stretchguide.core import trends
from stretchguide.paths import AppPaths
from stretchguide.store import errors, files, schema
from stretchguide.store.history import History

from .conftest import FIXTURES, mode, sha256

FIXTURE_VERSIONS = sorted(int(p.stem.split("_v")[1]) for p in FIXTURES.glob("history_v*.db"))


def test_there_is_a_fixture_for_every_schema_version() -> None:
    assert list(range(1, schema.SCHEMA_VERSION + 1)) == FIXTURE_VERSIONS


def test_new_database_is_private_and_in_wal_mode(paths: AppPaths, clock: FakeClock) -> None:
    os.umask(0o022)
    with History.open(paths, clock=clock) as h:
        h.add_checkin("any", 1, 1, "none")
        assert h.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert h.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert h.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert schema.user_version(h.conn) == schema.SCHEMA_VERSION
        for suffix in ("", "-wal", "-shm"):
            f = Path(str(paths.database) + suffix)
            assert f.exists()
            assert mode(f) == 0o600, suffix
    assert mode(paths.data_dir) == 0o700
    backups = list(paths.backups_dir.iterdir())
    assert backups and all(mode(b) == 0o600 for b in backups)


@pytest.mark.parametrize("version", FIXTURE_VERSIONS)
def test_each_fixture_version_migrates_to_current_keeping_its_data(
    version: int, paths: AppPaths, clock: FakeClock
) -> None:
    paths.ensure()
    shutil.copy(FIXTURES / f"history_v{version}.db", paths.database)
    with History.open(paths, clock=clock) as h:
        assert schema.user_version(h.conn) == schema.SCHEMA_VERSION
        assert h.migrated == tuple(range(version + 1, schema.SCHEMA_VERSION + 1))
        sessions = h.sessions()
        assert [s.uuid[:8] for s in sessions] == ["11111111", "22222222"]
        assert sessions[0].routine.name == "Fixture routine"
        assert sessions[0].options == {"sides": "both"}
        assert [st.step_index for st in h.steps(sessions[0].id)] == [0, 1, 5][: 2 + (version >= 6)]
        assert [u.uuid[:8] for u in h.unfinished_sessions()] == ["22222222"]
        checkin, *later = h.checkins()
        assert (checkin.back, checkin.leg, checkin.note) == (4, 6, "stiff morning")
        assert checkin.utc_offset == 3600
        assert [c.note for c in later] == (["looser"] if version >= 4 else [])
        # Schema 4's aggregates are filled from the rows already there.
        assert h.aggregates_ok()
        assert h.conn.execute("SELECT COUNT(*) FROM agg_checkin_days").fetchone()[0] == 1
        # Schema 6's worked exercises too: fixture 6's skipped cat_stretch hold is not one.
        assert h.conn.execute("SELECT * FROM agg_session_worked").fetchall() == [
            (1, '["bridge"]'),
            (2, '["bridge"]'),
        ]
        assert h.trend_data() == trends.trend_data(
            h.sessions(),
            h.checkins(),
            h.today(),
            steps=h.steps(),
            responses=h.responses(),
            hurts=h.hurts(),
        )
        if version >= 2:
            assert [(r.exercise_id, r.response) for r in h.responses()] == [("bridge", "better")]
            assert [(e.exercise_id, e.step_index) for e in h.hurts()] == [("bridge", 1)]
        # The migrated file accepts every kind of current write.
        h.set_response(sessions[0].id, "bridge", "same")
        h.record_hurt(sessions[0].id, "bridge", 0)
        h.add_checkin("after", 2, 2, "none", session_id=sessions[0].id)
        h.close_as_partial(sessions[1].id)
        h.record_step(sessions[0].id, 9, "cat_stretch", "reps", done_s=3.0)
        assert h.aggregates_ok()
        assert h.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert h.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    if version < schema.SCHEMA_VERSION:
        pre = list(paths.backups_dir.glob(f"history-pre-v{schema.SCHEMA_VERSION}-*.db"))
        assert len(pre) == 1
        assert files.read_header_version(pre[0]) == version


def _all_rows(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    # Table names come from the file's own catalogue, not from input.
    return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}


@pytest.mark.parametrize("version", FIXTURE_VERSIONS)
def test_migrating_a_fixture_keeps_every_row_of_every_table_unchanged(
    version: int, paths: AppPaths, clock: FakeClock
) -> None:
    fixture = sqlite3.connect(f"{(FIXTURES / f'history_v{version}.db').as_uri()}?mode=ro", uri=True)
    before = _all_rows(fixture)
    fixture.close()
    assert sum(map(len, before.values())) > 0
    paths.ensure()
    shutil.copy(FIXTURES / f"history_v{version}.db", paths.database)
    with History.open(paths, clock=clock) as h:
        after = _all_rows(h.conn)
    if version < 7:
        # The one change schema 7 makes: a time stored before its session's
        # start moves to the start (fixtures 1-6 hold one, session 2's step).
        starts = {r[0]: r[4] for r in before["sessions"]}
        before["steps"] = [(*r[:-1], max(r[-1], starts[r[1]])) for r in before["steps"]]
        if "hurt_events" in before:
            before["hurt_events"] = [
                (*r[:-1], max(r[-1], starts[r[2]])) for r in before["hurt_events"]
            ]
    assert {t: after[t] for t in before} == before


def test_answers_per_exercise_are_read_in_order_from_an_index_after_migration(
    paths: AppPaths, clock: FakeClock
) -> None:
    # The trend query groups every answer by exercise; without a covering
    # index SQLite sorts all of them on each cold query (docs/PERFORMANCE.md).
    paths.ensure()
    shutil.copy(FIXTURES / f"history_v{min(FIXTURE_VERSIONS)}.db", paths.database)
    with History.open(paths, clock=clock) as h:
        plan = " | ".join(
            str(r[3])
            for r in h.conn.execute(
                "EXPLAIN QUERY PLAN SELECT exercise_id, SUM(response = 'better'), COUNT(*), "
                "SUM(response = 'worse') FROM exercise_responses GROUP BY exercise_id"
            )
        )
    assert "COVERING INDEX exercise_responses_exercise" in plan
    assert "TEMP B-TREE" not in plan


def test_a_failing_migration_leaves_the_previous_version_intact(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths.ensure()
    shutil.copy(FIXTURES / "history_v1.db", paths.database)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("power cut")

    monkeypatch.setitem(schema.MIGRATIONS, 2, broken)
    with pytest.raises(RuntimeError):
        History.open(paths)
    conn = sqlite3.connect(paths.database)
    assert schema.user_version(conn) == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "half_done" not in tables
    conn.close()


def _newer_file(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


def test_newer_schema_is_refused_and_left_byte_for_byte(paths: AppPaths) -> None:
    paths.ensure()
    _newer_file(paths.database)
    before = sha256(paths.database)
    listing = sorted(p.name for p in paths.data_dir.iterdir())
    with pytest.raises(errors.NewerSchemaError) as err:
        History.open(paths)
    assert "newer version" in err.value.user_message
    assert sha256(paths.database) == before
    assert sorted(p.name for p in paths.data_dir.iterdir()) == listing  # no -wal, no move


def test_newer_schema_waiting_in_the_wal_is_also_refused(paths: AppPaths) -> None:
    paths.ensure()
    conn = sqlite3.connect(paths.database)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 5}")
    conn.commit()
    # Copy the files while the WAL is live, as a crash would leave them.
    snapshot = paths.data_dir / "snap"
    snapshot.mkdir()
    for suffix in ("", "-wal", "-shm"):
        shutil.copy(str(paths.database) + suffix, str(snapshot / "history.db") + suffix)
    conn.close()
    for suffix in ("", "-wal", "-shm"):
        os.replace(str(snapshot / "history.db") + suffix, str(paths.database) + suffix)
    before = sha256(paths.database)
    with pytest.raises(errors.NewerSchemaError):
        History.open(paths)
    assert sha256(paths.database) == before


def _truncated(path: Path) -> None:
    shutil.copy(FIXTURES / f"history_v{schema.SCHEMA_VERSION}.db", path)
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size // 2 + 100)


def _random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(8192))


def _text_file(path: Path) -> None:
    path.write_text("Monday: back 4, leg 6\nTuesday: better\n")


def _corrupt_pages(path: Path) -> None:
    # A valid header but scrambled b-tree pages: only the integrity check sees it.
    shutil.copy(FIXTURES / f"history_v{schema.SCHEMA_VERSION}.db", path)
    data = bytearray(path.read_bytes())
    for page in range(1, len(data) // 4096):
        start = page * 4096
        data[start : start + 64] = os.urandom(64)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "damage", [_truncated, _random_bytes, _text_file, _corrupt_pages], ids=lambda f: f.__name__
)
def test_damaged_file_is_moved_aside_whole_and_a_new_history_starts(
    damage, paths: AppPaths, clock: FakeClock
) -> None:
    paths.ensure()
    damage(paths.database)
    original = sha256(paths.database)
    with History.open(paths, clock=clock) as h:
        report = h.damage
        assert report is not None
        assert report.moved_to.name == "history.db.damaged-20260101T100000Z"
        assert sha256(report.moved_to) == original  # moved, not rewritten
        assert mode(report.moved_to) == 0o600
        assert "set it aside" in report.user_message
        assert h.sessions() == [] and h.checkins() == []
        h.add_checkin("any", 2, 2, "none")  # the new history works
    assert report.newest_backup is None


def test_damage_offers_the_newest_backup_which_restores_the_data(
    paths: AppPaths, clock: FakeClock
) -> None:
    with History.open(paths, clock=clock) as h:
        h.add_checkin("any", 3, 7, "foot", note="before the damage")
        h.backup_now()
    clock.now += 60
    _random_bytes(paths.database)
    for suffix in ("-wal", "-shm"):
        Path(str(paths.database) + suffix).unlink(missing_ok=True)
    with History.open(paths, clock=clock) as h:
        assert h.damage is not None and h.damage.newest_backup is not None
        assert "can be restored" in h.damage.user_message
        h.add_checkin("any", 1, 1, "none", note="after the damage")
        moved = h.restore_backup(h.damage.newest_backup)
        assert [c.note for c in h.checkins()] == ["before the damage"]
        assert moved.name.startswith("history.db.replaced-")
        # The history started after the damage was moved aside, not lost.
        kept = sqlite3.connect(moved)
        assert kept.execute("SELECT note FROM checkins").fetchall() == [("after the damage",)]
        kept.close()
        assert mode(paths.database) == 0o600


def test_restoring_a_damaged_backup_is_refused_and_changes_nothing(
    paths: AppPaths, clock: FakeClock, tmp_path: Path
) -> None:
    bad = tmp_path / "history-bad.db"
    _corrupt_pages(bad)
    with History.open(paths, clock=clock) as h:
        h.add_checkin("any", 2, 2, "none", note="keep me")
        with pytest.raises(errors.StoreError):
            h.restore_backup(bad)
        assert [c.note for c in h.checkins()] == ["keep me"]


def test_zero_length_file_without_any_history_is_started_fresh(paths: AppPaths) -> None:
    paths.ensure()
    paths.database.touch()
    with History.open(paths) as h:
        assert h.damage is None
        assert h.created
        assert schema.user_version(h.conn) == schema.SCHEMA_VERSION
    assert not list(paths.data_dir.glob("history.db.damaged-*"))


def test_zero_length_file_where_history_used_to_be_counts_as_damage(
    paths: AppPaths, clock: FakeClock
) -> None:
    with History.open(paths, clock=clock) as h:
        h.add_checkin("any", 5, 5, "thigh")
    for suffix in ("-wal", "-shm"):
        Path(str(paths.database) + suffix).unlink(missing_ok=True)
    paths.database.write_bytes(b"")
    with History.open(paths, clock=clock) as h:
        assert h.damage is not None
        assert h.damage.moved_to.stat().st_size == 0
        assert h.damage.newest_backup is not None


def test_daily_backup_is_made_once_a_day_and_seven_are_kept(
    paths: AppPaths, clock: FakeClock
) -> None:
    for day in range(10):
        clock.now = 1_767_261_600 + day * 86400
        for _ in range(2):  # a second start the same day adds nothing
            History.open(paths, clock=clock).close()
    daily = files.daily_backups(paths.backups_dir)
    assert [p.name for p in daily] == [f"history-2026-01-{d:02d}.db" for d in range(4, 11)]
    for p in daily:
        assert mode(p) == 0o600
        conn = sqlite3.connect(f"{p.as_uri()}?mode=ro", uri=True)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        conn.close()


def test_other_backups_are_never_rotated_away(paths: AppPaths, clock: FakeClock) -> None:
    with History.open(paths, clock=clock) as h:
        manual = h.backup_now("manual")
    for _day in range(1, 12):
        clock.now += 86400
        History.open(paths, clock=clock).close()
    assert manual.exists()


def test_orphaned_wal_is_moved_aside_not_replayed_into_a_new_file(paths: AppPaths) -> None:
    paths.ensure()
    orphan = Path(str(paths.database) + "-wal")
    orphan.write_bytes(b"\x37\x7f\x06\x82" + os.urandom(60))
    with History.open(paths) as h:
        assert h.checkins() == []
    assert not orphan.exists()
    assert list(paths.data_dir.glob("history.db.orphaned-*-wal"))


def test_the_one_extent_rank_sql_follows_the_extent_order() -> None:
    # Frozen inside the schema 4 triggers, so it is written out there once;
    # this keeps it equal to core's order (further down the leg = larger).
    conn = sqlite3.connect(":memory:")
    rank = schema.EXTENT_RANK_SQL.format(col="?")
    got = [conn.execute(f"SELECT {rank}", (e.value,)).fetchone()[0] for e in trends.Extent]
    assert got == list(range(len(trends.Extent)))
