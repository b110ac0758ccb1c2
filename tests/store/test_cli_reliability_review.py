"""The review of Dec 4 (s36), through the command line: what a person types
and reads when the clock was set back, two imports share a second, the data
folder's path is too long, or the folder is read-only. Each test failed
before its fix."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from tests.support import FakeClock

from stretchguide.__main__ import main
from stretchguide.core.catalog import Dose, Routine, RoutineItem, Schedule
from stretchguide.paths import AppPaths
from stretchguide.store import files
from stretchguide.store.history import History

from .conftest import T0

ROUTINE = Routine(
    "r", "Review routine", "", (RoutineItem("bridge", Dose(hold_s=30)),), Schedule(7, "")
)


def test_a_session_with_the_clock_set_back_exports_and_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = FakeClock(T0)
    data = AppPaths(tmp_path / "a")
    with History.open(data, clock=clock) as h:
        s = h.start_session(ROUTINE)
        h.add_checkin("before", 3, 4, "thigh", session_id=s.id)
        clock.advance(300)
        h.record_step(s.id, 0, "bridge", "hold", done_s=30, completed_at=int(clock()))
        clock.advance(-3600)  # NTP steps the clock back
        h.finish_session(s.id, "completed", int(clock()))
        h.add_checkin("after", 2, 3, "thigh", session_id=s.id)
    out = tmp_path / "all.json"
    assert main(["--data-dir", str(data.data_dir), "export", "--json", str(out)]) == 0
    assert main(["--data-dir", str(tmp_path / "b"), "import", str(out)]) == 0
    said = capsys.readouterr()
    assert "Imported 1 session and 2 check-ins" in said.out, said


def test_two_imports_in_the_same_second_keep_both_safety_copies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    own = AppPaths(tmp_path / "own")
    with History.open(own) as h:
        h.add_checkin("any", 1, 1, "none", note="own")
    for name in ("a", "b"):
        with History.open(AppPaths(tmp_path / name)) as h:
            h.add_checkin("any", 2, 2, "none", note=name)
        assert (
            main(
                ["--data-dir", str(tmp_path / name), "export", "--json", f"{tmp_path / name}.json"]
            )
            == 0
        )
    monkeypatch.setattr(files, "utc_stamp", lambda now: "20261204T100000Z")
    capsys.readouterr()
    for name in ("a", "b"):
        assert main(["--data-dir", str(own.data_dir), "import", f"{tmp_path / name}.json"]) == 0
    told = [
        line.rsplit(" ", 1)[1] for line in capsys.readouterr().out.splitlines() if "copy" in line
    ]
    assert len(told) == 2 and told[0] != told[1]
    notes = []
    for path in told:
        conn = sqlite3.connect(path)
        notes.append(sorted(r[0] for r in conn.execute("SELECT note FROM checkins")))
        conn.close()
    assert notes == [["own"], ["a", "own"]]
