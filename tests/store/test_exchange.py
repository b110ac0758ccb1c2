"""CSV / JSON export, validated all-or-nothing import, and the round trip."""

from __future__ import annotations

import csv
import json
import os
import time
from pathlib import Path

import pytest
from tests.support import FakeClock

from stretchguide.__main__ import main
from stretchguide.core.catalog import Dose, Routine, RoutineItem, Schedule
from stretchguide.paths import AppPaths
from stretchguide.store import exchange
from stretchguide.store.history import History

from .conftest import T0, mode

ROUTINE = Routine(
    "gentle",
    'Gentle, with "quotes", commas and ünïcode',
    "",
    (RoutineItem("bridge", Dose(hold_s=5, reps=10, rep_s=2)),),
    Schedule(7, "daily"),
)


def _fill(paths: AppPaths) -> None:
    clock = FakeClock(T0)
    offsets = iter([3600, 3600, 7200, -18000] * 10)
    with History.open(paths, clock=clock, utc_offset=lambda ts: next(offsets)) as h:
        for day in range(3):
            clock.now = T0 + day * 86400
            s = h.start_session(ROUTINE, options={"sides": "left"})
            h.add_checkin("before", 4, 6, "thigh", session_id=s.id, note="line one\nline two")
            clock.now += 30
            h.record_step(s.id, 0, "bridge", "reps", side="left", planned_s=70, done_s=70.5)
            h.record_hurt(s.id, "bridge", 0)
            h.set_response(s.id, "bridge", "better")
            h.finish_session(s.id, "completed" if day else "stopped")
            h.add_checkin("after", 3, 4, "buttock", tingling=True, session_id=s.id)
        h.start_session(ROUTINE)  # still in progress: exported too
        h.add_checkin("any", 2, 2, "none", note='a, b; "c"')


def _export_all(paths: AppPaths, out: Path) -> dict[str, bytes]:
    with History.open(paths, backups=False) as h:
        exchange.export_json(h, out / "all.json")
        exchange.export_csv(h, out / "csv")
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_export_import_export_gives_identical_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = AppPaths(tmp_path / "a"), AppPaths(tmp_path / "b")
    _fill(first)
    files = _export_all(first, tmp_path / "out1")
    assert set(files) == {"all.json", *(f"csv/{n}" for n in exchange.CSV_COLUMNS)}
    # A different machine time zone must not change what is exported.
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    try:
        with History.open(second) as h:
            report = exchange.import_json(h, tmp_path / "out1" / "all.json")
        assert (report.sessions_added, report.checkins_added) == (4, 7)
        assert _export_all(second, tmp_path / "out2") == files
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_exports_use_local_time_with_offset_and_are_private(
    paths: AppPaths, tmp_path: Path
) -> None:
    _fill(paths)
    _export_all(paths, tmp_path)
    with open(tmp_path / "csv" / "sessions.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [c for c, _ in exchange.CSV_COLUMNS["sessions.csv"]] == list(rows[0])
    # T0 is 10:00 UTC; the first session was recorded at UTC+01:00.
    assert rows[0]["started"] == "2026-01-01T11:00:00+01:00"
    assert rows[0]["status"] == "stopped" and rows[0]["steps_done"] == "1"
    assert rows[-1]["ended"] == "" and rows[-1]["status"] == "in_progress"
    with open(tmp_path / "csv" / "checkins.csv", newline="") as fh:
        checkins = list(csv.DictReader(fh))
    assert checkins[0]["note"] == "line one\nline two"
    assert {c["session_uuid"] for c in checkins[:2]} == {rows[0]["session_uuid"]}
    for f in tmp_path.rglob("*"):
        if f.is_file():
            assert mode(f) == 0o600, f


def test_reimporting_the_same_file_adds_nothing(paths: AppPaths, tmp_path: Path) -> None:
    _fill(paths)
    with History.open(paths) as h:
        exchange.export_json(h, tmp_path / "all.json")
        before = (len(h.sessions()), len(h.checkins()), len(h.hurts()), len(h.responses()))
        report = exchange.import_json(h, tmp_path / "all.json")
        assert (report.sessions_added, report.checkins_added) == (0, 0)
        assert (report.sessions_skipped, report.checkins_skipped) == (4, 7)
        assert (len(h.sessions()), len(h.checkins()), len(h.hurts()), len(h.responses())) == before
        assert report.backup is not None and report.backup.exists()


def _valid_doc(paths: AppPaths, tmp_path: Path) -> dict:
    _fill(paths)
    with History.open(paths) as h:
        exchange.export_json(h, tmp_path / "all.json")
    return json.loads((tmp_path / "all.json").read_text())


BREAKAGES = {
    "wrong format name": lambda d: d.update(format="something-else"),
    "pain above 10": lambda d: d["checkins"][0].update(back=11),
    "pain as true": lambda d: d["checkins"][0].update(leg=True),
    "unknown extent": lambda d: d["checkins"][1].update(extent="knee"),
    "time without offset": lambda d: d["checkins"][2].update(at="2026-01-01T10:00:00"),
    "bad status": lambda d: d["sessions"][1].update(status="finished"),
    "missing uuid": lambda d: d["sessions"][2].pop("uuid"),
    "duplicate session": lambda d: d["sessions"].append(dict(d["sessions"][0])),
    "duplicate step index": lambda d: d["sessions"][0]["steps"].append(
        dict(d["sessions"][0]["steps"][0])
    ),
    "negative seconds": lambda d: d["sessions"][0]["steps"][0].update(done_s=-1),
    "bad response": lambda d: d["sessions"][0]["responses"][0].update(response="meh"),
    "unknown session link": lambda d: d["checkins"][0].update(
        session="99999999-9999-4999-8999-999999999999"
    ),
    "routine not an object": lambda d: d["sessions"][0].update(routine=[1, 2]),
}


@pytest.mark.parametrize("breakage", list(BREAKAGES), ids=list(BREAKAGES))
def test_an_invalid_file_is_rejected_whole_and_nothing_is_written(
    breakage: str, tmp_path: Path
) -> None:
    doc = _valid_doc(AppPaths(tmp_path / "source"), tmp_path)
    BREAKAGES[breakage](doc)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    target = AppPaths(tmp_path / "target")
    with History.open(target) as h:
        h.add_checkin("any", 1, 1, "none", note="already here")
        with pytest.raises(exchange.ImportValidationError) as err:
            exchange.import_json(h, bad)
        assert err.value.problems, "the error lists what is wrong"
        assert "not changed" in err.value.user_message
        assert h.sessions() == []
        assert [c.note for c in h.checkins()] == ["already here"]


def test_a_file_that_is_not_json_is_rejected(paths: AppPaths, tmp_path: Path) -> None:
    bad = tmp_path / "notes.json"
    bad.write_text("back 4 leg 6")
    with History.open(paths) as h, pytest.raises(exchange.ImportValidationError):
        exchange.import_json(h, bad)


def test_cli_export_import_and_stats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, target = tmp_path / "a", tmp_path / "b"
    _fill(AppPaths(source))
    assert main(["--data-dir", str(source), "export", "--json", str(tmp_path / "x.json")]) == 0
    assert main(["--data-dir", str(source), "export", "--csv", str(tmp_path / "csv")]) == 0
    assert (tmp_path / "csv" / "steps.csv").exists()
    assert main(["--data-dir", str(target), "import", str(tmp_path / "x.json")]) == 0
    assert "Imported 4 sessions and 7 check-ins" in capsys.readouterr().out
    assert main(["--data-dir", str(target), "stats"]) == 0
    out = capsys.readouterr().out
    assert "Sessions this week:" in out and "Streak:" in out and "Last 14 days:" in out
    (tmp_path / "broken.json").write_text("{}")
    assert main(["--data-dir", str(target), "import", str(tmp_path / "broken.json")]) == 1
    assert "nothing was imported" in capsys.readouterr().err


def test_cli_stats_refuses_a_newer_database_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    data = AppPaths(tmp_path / "d").ensure()
    conn = sqlite3.connect(data.database)
    conn.execute("PRAGMA user_version = 99")
    conn.execute("CREATE TABLE x (y)")
    conn.commit()
    conn.close()
    assert main(["--data-dir", str(data.data_dir), "stats"]) == 2
    assert "newer version of stretchguide" in capsys.readouterr().err
    assert os.path.getsize(data.database) > 0


def test_a_skipped_and_a_cut_short_step_keep_what_really_happened(tmp_path: Path) -> None:
    # The record says what the person did, not what was planned: an export
    # and an import into another history must carry both as they were.
    first, second = AppPaths(tmp_path / "a"), AppPaths(tmp_path / "b")
    with History.open(first, clock=FakeClock(T0)) as h:
        s = h.start_session(ROUTINE)
        h.record_step(s.id, 0, "bridge", "reps", planned_s=70, done_s=70)
        h.record_step(s.id, 1, "bridge", "reps", planned_s=70, done_s=12.5, skipped=True)
        h.record_step(s.id, 2, "bridge", "reps", planned_s=70, done_s=31)
        h.finish_session(s.id, "stopped")
        exchange.export_json(h, tmp_path / "all.json")
        exchange.export_csv(h, tmp_path / "csv")
    with open(tmp_path / "csv" / "steps.csv", newline="", encoding="utf-8") as fh:
        rows = [(r["done_s"], r["skipped"]) for r in csv.DictReader(fh)]
    assert rows == [("70.0", "0"), ("12.5", "1"), ("31.0", "0")]
    with History.open(second, clock=FakeClock(T0)) as h:
        exchange.import_json(h, tmp_path / "all.json")
        [record] = h.sessions()
        got = [(st.planned_s, st.done_s, st.skipped) for st in h.steps(record.id)]
    assert got == [(70.0, 70.0, False), (70.0, 12.5, True), (70.0, 31.0, False)]
