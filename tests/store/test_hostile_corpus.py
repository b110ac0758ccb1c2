"""Generated corpora of hostile history imports, into a history that has rows.

The earlier mutation test imported into an empty history and changed one
JSON value; these start from a person's real export and change bytes
(cut at every point, flipped, doubled, other encodings, NUL), values
(NaN, infinity, huge and negative numbers, deep nesting, repeated keys)
and whole records, into a history that already holds sessions. Every file
is either imported whole or refused whole with a problem naming the file
and its place, and a refused file leaves every row as it was.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.damaged_bytes import damaged

from stretchguide.core.catalog import Dose, Routine, RoutineItem, Schedule
from stretchguide.core.trends import Response
from stretchguide.paths import AppPaths
from stretchguide.store import exchange
from stretchguide.store.history import History

from .conftest import T0

ROUTINE = Routine("r", "Morning", "", (RoutineItem("bridge", Dose(hold_s=5)),), Schedule(7, ""))

CAREFUL = settings(
    max_examples=250,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _fill(h: History, t: int, note: str) -> None:
    s = h.start_session(ROUTINE, started_at=t)
    h.record_step(s.id, 0, "bridge", "hold", planned_s=5, done_s=5, completed_at=t + 5)
    h.record_hurt(s.id, "bridge", 0, at=t + 6)
    h.finish_session(s.id, "completed", t + 10)
    h.add_checkin("after", 2, 3, "thigh", session_id=s.id, at=t + 20, note=note)


def _rows(db: Path) -> str:
    """Every row of every table, hashed: what "unchanged" means."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY 1'):  # noqa: S608
                digest.update(repr((table, row)).encode())
        return digest.hexdigest()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A person's history (one session) and an export of another's (two more)."""
    base = tmp_path_factory.mktemp("corpus")
    with History.open(AppPaths(base / "other"), backups=False) as h:
        _fill(h, T0, "fine")
        _fill(h, T0 + 86_400, "Tag 2: gut, café")
        exchange.export_json(h, base / "export.json")
    return base, (base / "export.json").read_bytes()


def _person(tmp: Path) -> AppPaths:
    paths = AppPaths(tmp / "mine")
    with History.open(paths, backups=False) as h:
        _fill(h, T0 - 86_400, "mine")
    return paths


def _import(paths: AppPaths, file: Path) -> None:
    before = _rows(paths.database)
    with History.open(paths, backups=False) as h:
        try:
            report = exchange.import_json(h, file)
        except exchange.ImportValidationError as exc:
            assert exc.problems and exc.user_problems
            message = exc.user_report()
            assert str(file) in message or file.name in message, message
            assert "Traceback" not in message
            refused = True
        else:
            assert h.aggregates_ok()
            assert report.sessions_added + report.sessions_skipped >= 0
            refused = False
    if refused:
        assert _rows(paths.database) == before, "a refused import changed the history"


@CAREFUL
@given(
    data=st.data(),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32", "latin-1"]),
)
def test_any_cut_flip_or_encoding_of_an_export_is_whole_or_refused_with_history_unchanged(
    tmp_path_factory: pytest.TempPathFactory,
    corpus: tuple[Path, bytes],
    data: st.DataObject,
    encoding: str,
) -> None:
    tmp = tmp_path_factory.mktemp("bytes")
    body = corpus[1].decode().encode(encoding, errors="replace")
    body = damaged(data, body, ["cut", "flip", "insert", "double", "nul", "keep"])
    file = tmp / "backup.json"
    file.write_bytes(body)
    _import(_person(tmp), file)


_values = st.sampled_from(
    [
        "NaN",
        "Infinity",
        "-Infinity",
        "1e999",
        "-1",
        "-0.0",
        "1e308",
        "123456789012345678901234567890",
        "9" * 5000,
        "0.1",
        "true",
        "null",
        '""',
        '"\\u0000"',
        '"\\ud800"',
        '"\\u001b[2J"',
        '"' + "x" * 100_000 + '"',
        "[" * 3000 + "]" * 3000,
        "{}",
        '{"a": 1, "a": 2}',
        '"1970-01-01T00:00:00+00:00"',
        '"2200-01-01T00:00:00+00:00"',
        '"9999-12-31T23:59:59+14:00"',
        '"2026-02-30T08:00:00+01:00"',
        '"2026-01-01T08:00:00.5+01:00"',
    ]
)


def _leaf_paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _leaf_paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _leaf_paths(value, (*prefix, i))
    return found


@CAREFUL
@given(data=st.data())
def test_any_value_written_as_raw_json_is_whole_or_refused_with_history_unchanged(
    tmp_path_factory: pytest.TempPathFactory, corpus: tuple[Path, bytes], data: st.DataObject
) -> None:
    tmp = tmp_path_factory.mktemp("value")
    doc = json.loads(corpus[1])
    where = data.draw(st.sampled_from(_leaf_paths(doc)), label="field")
    raw = data.draw(_values, label="raw")
    marker = "@@HOSTILE@@"
    node: Any = doc
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = marker
    text = json.dumps(doc, indent=1).replace(json.dumps(marker), raw)
    file = tmp / "backup.json"
    file.write_text(text, encoding="utf-8", errors="surrogatepass")
    _import(_person(tmp), file)


@CAREFUL
@given(data=st.data())
def test_records_repeated_dropped_or_swapped_are_whole_or_refused(
    tmp_path_factory: pytest.TempPathFactory, corpus: tuple[Path, bytes], data: st.DataObject
) -> None:
    tmp = tmp_path_factory.mktemp("records")
    doc = json.loads(corpus[1])
    key = data.draw(st.sampled_from(["sessions", "checkins"]))
    other = "checkins" if key == "sessions" else "sessions"
    how = data.draw(st.sampled_from(["repeat", "drop", "swap", "move", "empty_uuid"]))
    records = doc[key]
    if how == "repeat":
        records.append(copy.deepcopy(records[0]))
    elif how == "drop":
        records.pop(0)  # a check-in may now name a session in neither place
    elif how == "swap":
        doc[key], doc[other] = doc[other], doc[key]
    elif how == "move":
        doc[other].append(records.pop())
    else:
        records[0]["uuid"] = ""
    file = tmp / "backup.json"
    file.write_text(json.dumps(doc), encoding="utf-8")
    _import(_person(tmp), file)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "latin-1"])
def test_a_backup_in_another_encoding_is_named_as_such_with_its_line(
    tmp_path: Path, corpus: tuple[Path, bytes], encoding: str
) -> None:
    text = corpus[1].decode()
    file = tmp_path / "backup.json"
    file.write_bytes(text.encode(encoding))
    with (
        History.open(AppPaths(tmp_path / "mine"), backups=False) as h,
        pytest.raises(exchange.ImportValidationError) as err,
    ):
        exchange.import_json(h, file)
    (problem,) = err.value.problems
    if encoding == "latin-1":
        line = text[: text.index("é")].count("\n") + 1
        assert f"line {line}" in problem and "0xe9" in problem, problem
    else:
        assert encoding[:6].upper() in problem, problem
    assert "UTF-8" in problem


def test_import_on_a_sample_of_the_corpus_fails_in_one_plain_message(
    tmp_path: Path, corpus: tuple[Path, bytes]
) -> None:
    good = corpus[1]
    cases = {
        "cut.json": good[: len(good) // 2],
        "utf16.json": good.decode().encode("utf-16"),
        "nan.json": good.replace(b'"back": 2', b'"back": NaN', 1),
        "deep.json": good.replace(b'"options": {}', b'"options": ' + b"[" * 50_000, 1),
        "nul.json": good[:40] + b"\x00" + good[40:],
        "latin1.json": good.decode().encode("latin-1"),
        "empty.json": b"",
    }
    data_dir = tmp_path / "data"
    _person_dir = AppPaths(data_dir)
    with History.open(_person_dir, backups=False) as h:
        _fill(h, T0 - 86_400, "mine")
    before = _rows(_person_dir.database)
    for name, body in cases.items():
        (tmp_path / name).write_bytes(body)
        done = subprocess.run(
            [sys.executable, "-m", "stretchguide", "import", str(tmp_path / name)],
            capture_output=True,
            text=True,
            env={
                **os.environ,
                "STRETCHGUIDE_DATA_DIR": str(data_dir),
                "STRETCHGUIDE_LANGUAGE": "en",
            },
            timeout=60,
        )
        assert done.returncode != 0, (name, done.stdout)
        assert "Traceback" not in done.stderr and name in done.stderr, (name, done.stderr)
        assert "Error:" not in done.stderr, (name, done.stderr)  # the last line of defence
        assert _rows(_person_dir.database) == before, name


# --------------------------------------------------------------------------- the database itself

_CELLS = {
    "checkins": ["at", "utc_offset", "back", "leg", "extent", "note", "uuid", "kind", "tingling"],
    "sessions": ["started_at", "ended_at", "utc_offset", "status", "options", "routine_id"],
    "steps": ["planned_s", "done_s", "completed_at", "kind", "side", "exercise_id", "set_number"],
    "routine_snapshots": ["snapshot"],
    "hurt_events": ["at", "exercise_id", "step_index"],
    "exercise_responses": ["response", "exercise_id"],
}
_SQL_VALUES = st.sampled_from(
    [
        "'abc'",
        "''",
        "-1",
        "-9223372036854775808",
        "9223372036854775807",
        "1e300",
        "-1e300",
        "0.5",
        "x'00'",
        "x'ff00'",
        "x'7b7d'",
        "CAST(x'ff' AS TEXT)",
        "CAST(x'c3' AS TEXT)",
        "'not json'",
        "'[1]'",
        '\'{"name": 5, "items": 3}\'',
        "'\x1b[2J'",
        "NULL",
    ]
)


@pytest.fixture(scope="module")
def person_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("person")
    with History.open(AppPaths(folder), backups=False) as h:
        _fill(h, T0, "fine")
        _fill(h, T0 + 86_400, "Tag 2")
        h.set_response(1, "bridge", Response.BETTER)
    return folder


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_a_value_another_program_stored_never_stops_stats_or_the_rescuing_export(
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    person_db: Path,
    data: st.DataObject,
) -> None:
    import shutil
    import sqlite3

    from stretchguide.__main__ import main

    table = data.draw(st.sampled_from(sorted(_CELLS)), label="table")
    column = data.draw(st.sampled_from(_CELLS[table]), label="column")
    value = data.draw(_SQL_VALUES, label="value")
    folder = tmp_path_factory.mktemp("edited") / "d"
    shutil.copytree(person_db, folder)
    conn = sqlite3.connect(folder / "history.db")
    try:
        conn.execute("PRAGMA ignore_check_constraints = 1")
        conn.execute(f'UPDATE "{table}" SET "{column}" = {value} WHERE rowid = 1')  # noqa: S608
        conn.commit()
    except sqlite3.Error:
        return  # NOT NULL, a trigger's own check: SQLite itself refuses it
    finally:
        conn.close()
    for argv in (["stats"], ["export", "--json", str(folder / "out.json")]):
        code = main(["--data-dir", str(folder), *argv])
        out, err = capsys.readouterr()
        assert "Traceback" not in err and "Error:" not in err, (argv, err)
        assert code in (0, 1, 2), (argv, code)
    # The export is what rescues the rest: it is written, and it is JSON.
    json.loads((folder / "out.json").read_text(encoding="utf-8"))


def test_a_csv_backup_given_to_import_is_said_to_be_one(tmp_path: Path) -> None:
    paths = _person(tmp_path)
    with History.open(paths, backups=False) as h:
        exchange.export_csv(h, tmp_path / "csv")
    before = _rows(paths.database)
    for target in [tmp_path / "csv", *sorted((tmp_path / "csv").iterdir())]:
        with (
            History.open(paths, backups=False) as h,
            pytest.raises(exchange.ImportValidationError) as err,
        ):
            exchange.import_json(h, target)
        (problem,) = err.value.problems
        # Was "not a regular file", and "expected '{' at line 1, column 1".
        assert "stretchguide export --json" in problem, (target.name, problem)
        assert ("CSV" in problem) == target.is_file(), problem
    assert _rows(paths.database) == before
