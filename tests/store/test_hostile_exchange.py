"""Hostile and unlucky input to export and import (issue 14).

Every case ends either in a usable result or in a clear, listed refusal;
never a traceback, never a half-written file, never a changed history.
"""

from __future__ import annotations

import copy
import csv
import errno
import json
import os
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stretchguide.__main__ import main
from stretchguide.core.catalog import Dose, Routine, RoutineItem, Schedule
from stretchguide.paths import AppPaths
from stretchguide.store import exchange
from stretchguide.store.history import History

from .conftest import T0, sha256

ROUTINE = Routine(
    "r", "=cmd|' /C calc'!A0", "", (RoutineItem("bridge", Dose(hold_s=5)),), Schedule(7, "")
)


def _small_history(h: History) -> None:
    s = h.start_session(ROUTINE, started_at=T0)
    h.record_step(s.id, 0, "bridge", "hold", planned_s=5, done_s=5, completed_at=T0 + 5)
    h.finish_session(s.id, "completed", T0 + 10)
    h.add_checkin("after", 2, 3, "thigh", session_id=s.id, at=T0 + 20, note="+1 fine")


def _doc(tmp_path: Path) -> dict[str, Any]:
    with History.open(AppPaths(tmp_path / "src"), backups=False) as h:
        _small_history(h)
        exchange.export_json(h, tmp_path / "valid.json")
    return json.loads((tmp_path / "valid.json").read_text())


def _state(h: History) -> tuple[Any, ...]:
    return (
        [(s.uuid, s.status) for s in h.sessions()],
        [c.uuid for c in h.checkins()],
        h.conn.execute("SELECT COUNT(*) FROM steps").fetchone()[0],
        h.aggregates_ok(),
    )


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "when",
    [
        "0001-01-01T00:30:00+01:00",
        "9999-12-31T23:30:00-01:00",
        "1969-12-31T23:59:59+00:00",
        "2200-01-01T00:00:00+00:00",
        "2026-01-01T10:00:00+23:59",
        "2026-01-01T10:00:00.5+00:00",
    ],
)
def test_an_impossible_date_is_refused_on_import(
    tmp_path: Path, paths: AppPaths, when: str
) -> None:
    doc = _doc(tmp_path)
    doc["checkins"][0]["at"] = when
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    with History.open(paths) as h:
        with pytest.raises(exchange.ImportValidationError) as err:
            exchange.import_json(h, bad)
        assert any("checkins[0].at" in p for p in err.value.problems)
        assert h.checkins() == []


@pytest.mark.parametrize("at", [-62135596800 - 3600, 253402300799 + 3600, 2**62, -(2**62)])
def test_export_survives_any_stored_time(tmp_path: Path, paths: AppPaths, at: int) -> None:
    with History.open(paths) as h:
        _small_history(h)
        # As an import before the date check (or a hand edit) could leave it.
        h.conn.execute("UPDATE checkins SET at = ?", (at,))
        h.conn.execute("UPDATE sessions SET ended_at = ?", (at,))
        h.conn.execute("UPDATE steps SET completed_at = 'soon'")
        exchange.export_json(h, tmp_path / "all.json")
        exchange.export_csv(h, tmp_path / "csv")
        data = json.loads((tmp_path / "all.json").read_text())
        assert str(at) in data["checkins"][0]["at"], "the raw value is kept, not lost"
        # Importing that export refuses the bad row by name, keeping the rest untouched.
        with History.open(AppPaths(tmp_path / "other")) as other:
            with pytest.raises(exchange.ImportValidationError) as err:
                exchange.import_json(other, tmp_path / "all.json")
            assert any(".at:" in p or ".ended:" in p for p in err.value.problems)


# --------------------------------------------------------------------------- malformed files

MALFORMED: dict[str, str] = {
    "deep nesting": '{"format": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "deep nesting in a record": '{"sessions": [' + "[" * 50_000 + "]" * 50_000 + "]}",
    "huge integer": '{"format_version": ' + "9" * 5000 + "}",
    "309-digit number": '{"format_version": 1' + "0" * 309 + ".0}",
    "NaN": '{"format_version": NaN}',
    "Infinity": '{"format_version": Infinity}',
    "-Infinity": '{"checkins": [{"back": -Infinity}]}',
    "1e999": '{"format_version": 1e999}',
    "duplicate key": '{"format": "stretchguide-history", "format": "x"}',
    "duplicate key in a record": '{"checkins": [{"uuid": "a", "uuid": "b"}]}',
    "empty file": "",
    "only whitespace": "  \n ",
    "a list": "[1, 2]",
    "a string": '"stretchguide-history"',
    "trailing garbage": '{"format": "stretchguide-history"} {"x": 1}',
    "truncated": '{"format": "stretchguide-history", "sessions": [{"uuid": ',
    "no comma": '{"sessions": [] "checkins": []}',
    "lone surrogate": '{"format": "stretchguide-history", "format_version": 1, "sessions": [], '
    '"checkins": [{"uuid": "00000000-0000-4000-8000-000000000001", '
    '"at": "2026-01-01T10:00:00+00:00", "kind": "any", "back": 1, "leg": 1, '
    '"extent": "none", "tingling": false, "numbness": false, "weakness": false, '
    '"note": "\\ud800", "session": null}]}',
    "sessions not a list": '{"format": "stretchguide-history", "format_version": 1, '
    '"sessions": {}, "checkins": []}',
}


@pytest.mark.parametrize("name", list(MALFORMED), ids=list(MALFORMED))
def test_a_malformed_file_gives_a_list_of_problems(
    tmp_path: Path, paths: AppPaths, name: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(MALFORMED[name], encoding="utf-8", errors="surrogatepass")
    with History.open(paths) as h:
        _small_history(h)
        before = _state(h)
        with pytest.raises(exchange.ImportValidationError) as err:
            exchange.import_json(h, bad)
        assert err.value.problems and all(isinstance(p, str) for p in err.value.problems)
        assert len(str(err.value)) < 10_000, "the message stays readable"
        assert _state(h) == before


def test_duplicate_ids_in_a_file_are_listed(tmp_path: Path, paths: AppPaths) -> None:
    doc = _doc(tmp_path)
    doc["checkins"].append(dict(doc["checkins"][0]))
    doc["sessions"][0]["hurts"] = [
        {
            "uuid": str(uuid.UUID(int=7)),
            "exercise_id": "b",
            "step_index": 0,
            "at": "2026-01-01T10:00:00+00:00",
        }
    ] * 2
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    with History.open(paths) as h, pytest.raises(exchange.ImportValidationError) as err:
        exchange.import_json(h, bad)
    text = "\n".join(err.value.problems)
    assert "checkins[1].uuid: appears twice" in text
    assert "hurts[1].uuid: appears twice" in text


@pytest.mark.parametrize("kind", ["fifo", "folder", "dev_zero", "missing"])
def test_import_refuses_what_is_not_a_regular_file(
    tmp_path: Path, paths: AppPaths, kind: str
) -> None:
    target = tmp_path / "in.json"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    elif kind == "dev_zero":
        target = Path("/dev/zero")
    with History.open(paths) as h, pytest.raises(exchange.ImportValidationError) as err:
        exchange.import_json(h, target)  # a FIFO must not hang, /dev/zero not be read
    assert err.value.problems


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_mutation_of_a_valid_file_is_imported_whole_or_refused_whole(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    tmp = tmp_path_factory.mktemp("mut")
    doc = _doc(tmp)
    mutated = copy.deepcopy(doc)
    # Replace one value somewhere in the document with anything JSON-ish.
    node: Any = mutated
    path: list[Any] = []
    while isinstance(node, (dict, list)) and node and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(list(node) if isinstance(node, dict) else range(len(node))))
        path.append(key)
        node = node[key]
    if path:
        parent = mutated
        for key in path[:-1]:
            parent = parent[key]
        parent[path[-1]] = data.draw(_json_values)
    f = tmp / "m.json"
    text = json.dumps(mutated)
    if data.draw(st.booleans()):
        cut = data.draw(st.integers(0, len(text)))
        text = text[:cut] + data.draw(st.text(max_size=5)) + text[cut:]
    f.write_text(text, encoding="utf-8", errors="surrogatepass")
    with History.open(AppPaths(tmp / "dst"), backups=False) as h:
        try:
            report = exchange.import_json(h, f)
        except exchange.ImportValidationError as exc:
            assert exc.problems
            assert h.sessions() == [] and h.checkins() == []
        else:
            assert report.sessions_added == len(h.sessions())
            assert report.checkins_added == len(h.checkins())
            assert h.aggregates_ok()
            # Whatever went in comes out again.
            exchange.export_json(h, tmp / "again.json")
            json.loads((tmp / "again.json").read_text())


# --------------------------------------------------------------------------- scale


def test_imports_are_linear_even_with_thousands_of_checkins_on_one_day(
    tmp_path: Path, paths: AppPaths
) -> None:
    n = 20_000
    rows = [
        {
            "uuid": str(uuid.UUID(int=i + 1)),
            "at": exchange.iso_local(T0 + i, 3600),
            "kind": "any",
            "back": i % 11,
            "leg": (i * 7) % 11,
            "extent": "thigh",
            "tingling": False,
            "numbness": False,
            "weakness": False,
            "note": "",
            "session": None,
        }
        for i in range(n)
    ]
    f = tmp_path / "many.json"
    f.write_text(
        json.dumps(
            {"format": exchange.FORMAT, "format_version": 1, "sessions": [], "checkins": rows}
        )
    )
    seen: list[tuple[int, int]] = []
    with History.open(paths) as h:
        start = time.perf_counter()
        report = exchange.import_json(h, f, progress=lambda d, t: seen.append((d, t)))
        elapsed = time.perf_counter() - start
        assert report.checkins_added == n
        assert h.aggregates_ok()
        # Before: every row recomputed its whole day (4,000 rows took 43 s).
        assert elapsed < 20, elapsed
        assert (
            h.conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE type='trigger'").fetchone()[0]
            == 9  # six on check-ins and sessions (schema 4), three on steps (6)
        ), "the aggregate triggers are back after the import"
    assert seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


# --------------------------------------------------------------------------- exports


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(
    tmp_path: Path, paths: AppPaths
) -> None:
    notes = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", "fine", "a\rb,c\nd"]
    with History.open(paths) as h:
        _small_history(h)
        for i, note in enumerate(notes):
            h.add_checkin("any", 1, 1, "none", note=note, at=T0 + 100 + i)
        exchange.export_csv(h, tmp_path / "csv")
    with open(tmp_path / "csv" / "checkins.csv", newline="", encoding="utf-8") as fh:
        got = [r["note"] for r in csv.DictReader(fh)]
    assert got[1:] == ["'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd", "'\tx", "'\rx", "fine", "a\rb,c\nd"]
    assert got[0] == "'+1 fine"
    with open(tmp_path / "csv" / "sessions.csv", newline="", encoding="utf-8") as fh:
        assert next(csv.DictReader(fh))["routine_name"].startswith("'=")
    # A CR alone never ends a row: every physical row has all its columns.
    raw = (tmp_path / "csv" / "checkins.csv").read_bytes()
    assert b'"a\rb,c\nd"' in raw


def test_a_planted_partial_symlink_is_never_written_through(
    tmp_path: Path, paths: AppPaths
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    out = tmp_path / "out"
    out.mkdir()
    (out / ".all.json.partial").symlink_to(victim)
    (out / "all.json").symlink_to(victim)
    with History.open(paths) as h:
        _small_history(h)
        exchange.export_json(h, out / "all.json")
    assert victim.read_text() == "precious"
    assert not (out / "all.json").is_symlink()
    assert json.loads((out / "all.json").read_text())["format"] == exchange.FORMAT
    assert (out / "all.json").stat().st_mode & 0o777 == 0o600


def test_export_target_errors_are_clear(tmp_path: Path, paths: AppPaths) -> None:
    (tmp_path / "adir").mkdir()
    (tmp_path / "afile").write_text("x")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with History.open(paths) as h:
        _small_history(h)
        with pytest.raises(exchange.ExportError, match="folder"):
            exchange.export_json(h, tmp_path / "adir")
        with pytest.raises(exchange.ExportError, match="file"):
            exchange.export_csv(h, tmp_path / "afile")
        with pytest.raises(exchange.ExportError, match="already exists"):
            exchange.export_json(h, tmp_path / "afile", overwrite=False)
        if os.geteuid() != 0:
            with pytest.raises(exchange.ExportError) as err:
                exchange.export_json(h, locked / "x.json")
            assert str(locked) in err.value.user_message
    assert (tmp_path / "afile").read_text() == "x"


def test_a_full_disk_during_export_leaves_the_old_file_and_no_debris(
    tmp_path: Path, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "all.json"
    old.write_text("yesterday's export")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with History.open(paths) as h:
        _small_history(h)
        monkeypatch.setattr(os, "fsync", full)
        with pytest.raises(exchange.ExportError) as err:
            exchange.export_json(h, old)
        assert "the disk is full" in err.value.user_message
        with pytest.raises(exchange.ExportError):
            exchange.export_csv(h, tmp_path / "csv")
    assert old.read_text() == "yesterday's export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.json", "csv"]
    assert list((tmp_path / "csv").iterdir()) == []


def test_cli_export_needs_force_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    with History.open(AppPaths(data)) as h:
        _small_history(h)
    out = tmp_path / "x.json"
    out.write_text("keep me")
    assert main(["--data-dir", str(data), "export", "--json", str(out)]) == 1
    assert "--force" in capsys.readouterr().err
    assert out.read_text() == "keep me"
    assert main(["--data-dir", str(data), "export", "--json", str(out), "--force"]) == 0
    assert json.loads(out.read_text())["format"] == exchange.FORMAT
    assert main(["--data-dir", str(data), "export", "--json", str(tmp_path)]) == 1
    assert "folder" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text('{"format_version": NaN}')
    before = sha256(data / "history.db")
    assert main(["--data-dir", str(data), "import", str(bad)]) == 1
    assert "NaN" in capsys.readouterr().err
    assert sha256(data / "history.db") == before


def test_trends_survive_any_stored_time(paths: AppPaths) -> None:
    with History.open(paths, clock=lambda: T0) as h:
        _small_history(h)
        for at in (-62135596800 - 3600, 253402300799 + 3600):
            h.add_checkin("any", 2, 2, "none", at=at)
            s = h.start_session(ROUTINE, started_at=at)
            h.finish_session(s.id, "completed", at)
        data = h.trend_data()
        assert len(data.daily.day) == 1, "the drawable day is kept, the impossible ones skipped"
        h.daily_series()
        h.session_days()
        h.session_changes()
        assert h.summary().streak.current >= 0


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_sigkill_mid_import_leaves_all_or_nothing_and_the_triggers(
    tmp_path: Path, paths: AppPaths
) -> None:
    import random
    import signal

    n = 3000
    rows = [
        {
            "uuid": str(uuid.UUID(int=i + 1)),
            "at": exchange.iso_local(T0 + i * 60, 0),
            "kind": "any",
            "back": i % 11,
            "leg": 1,
            "extent": "none",
            "tingling": False,
            "numbness": False,
            "weakness": False,
            "note": "",
            "session": None,
        }
        for i in range(n)
    ]
    f = tmp_path / "in.json"
    f.write_text(
        json.dumps(
            {"format": exchange.FORMAT, "format_version": 1, "sessions": [], "checkins": rows}
        )
    )
    with History.open(paths, backups=False) as h:
        _small_history(h)
    rng = random.Random(14)
    for _ in range(12):
        pid = os.fork()
        if pid == 0:
            try:
                with History.open(paths, backups=False) as child:
                    exchange.import_json(child, f)
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0.0, 0.8))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        with History.open(paths, backups=False) as h:
            count = len(h.checkins())
            assert count in (1, n + 1), count  # the one already there, plus all or none
            assert h.aggregates_ok()
            triggers = h.conn.execute(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'"
            ).fetchone()[0]
            assert triggers == 9  # schema 4: six, schema 6: three
            assert h.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_write_failing_mid_import_leaves_the_history_as_it_was(
    tmp_path: Path, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The second check-in's write fails (a disk error): the first, already
    # added inside the same import, must go too, and the aggregate triggers
    # the bulk load dropped must be back.
    doc = _doc(tmp_path)
    doc["sessions"] = []
    one = doc["checkins"][0]
    doc["checkins"] = [
        {**one, "session": None, "uuid": str(uuid.UUID(int=i + 1))} for i in range(2)
    ]
    (tmp_path / "in.json").write_text(json.dumps(doc))
    from stretchguide.store.history import Importer

    real = Importer.add_checkin
    calls: list[int] = []

    def failing(self: Importer, *args: Any) -> None:
        calls.append(1)
        if len(calls) == 2:
            raise OSError(errno.EIO, "input/output error")
        real(self, *args)

    monkeypatch.setattr(Importer, "add_checkin", failing)
    with History.open(paths, backups=False) as h:
        _small_history(h)
        before = sorted(c.uuid for c in h.checkins())
        with pytest.raises(OSError):
            exchange.import_json(h, tmp_path / "in.json")
        assert len(calls) == 2  # the first one was written before the failure
        assert sorted(c.uuid for c in h.checkins()) == before
        assert h.aggregates_ok()
        triggers = h.conn.execute(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'"
        ).fetchone()[0]
        assert triggers == 9  # schema 4: six, schema 6: three
