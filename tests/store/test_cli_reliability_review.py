"""The review of Dec 4 (s36), through the command line: what a person types
and reads when the clock was set back, two imports share a second, the data
folder's path is too long, or the folder is read-only. Each test failed
before its fix."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.support import FakeClock

from stretchguide.__main__ import main
from stretchguide.core.catalog import Dose, Routine, RoutineItem, Schedule
from stretchguide.paths import AppPaths
from stretchguide.store import files
from stretchguide.store.history import History

from .conftest import T0
from .test_reliability_review import SQLITE_LIMIT, _as_if_read_only, _folder_of

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


def test_a_data_folder_too_long_for_the_database_is_named_in_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder_of(tmp_path, SQLITE_LIMIT + 27)
    folder.mkdir(parents=True)
    assert main(["--data-dir", str(folder), "stats"]) == 2
    err = capsys.readouterr().err
    assert str(folder) in err and "too long" in err
    assert "OperationalError" not in err and "Traceback" not in err
    assert list(folder.iterdir()) == []


def test_stats_and_export_read_a_read_only_folder_and_import_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = AppPaths(tmp_path / "d")
    with History.open(data) as h:
        h.add_checkin("any", 2, 3, "thigh")
    _as_if_read_only(monkeypatch, data.data_dir)
    capsys.readouterr()
    assert main(["--data-dir", str(data.data_dir), "stats"]) == 0
    said = capsys.readouterr()
    assert "Sessions this week" in said.out and "reading only" in said.err
    out = tmp_path / "x.json"
    assert main(["--data-dir", str(data.data_dir), "export", "--json", str(out)]) == 0
    assert json.loads(out.read_text())["checkins"]
    assert main(["--data-dir", str(data.data_dir), "import", str(out)]) == 2
    err = capsys.readouterr().err
    assert "read-only file system" in err and "permission" not in err


@pytest.fixture
def read_only_mount(tmp_path: Path) -> Iterator[Path]:
    """A real tmpfs, remounted read-only by the test (needs root and mount)."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a file system needs root")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mnt)]).returncode:
        pytest.skip("no permission to mount here")
    try:
        yield mnt
    finally:
        if subprocess.run(["umount", str(mnt)]).returncode:
            subprocess.run(["umount", "-l", str(mnt)], check=True)
            pytest.fail("a file on the read-only mount was left open")


def test_on_a_real_read_only_file_system_stats_and_export_work(
    tmp_path: Path, read_only_mount: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = AppPaths(read_only_mount / "data")
    with History.open(data) as h:
        for _ in range(3):
            h.add_checkin("any", 2, 3, "thigh")
    # history.db alone, as copied to a stick: no backups folder can be made.
    shutil.rmtree(data.backups_dir)
    shutil.rmtree(data.routines_dir)
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_mount)], check=True)
    capsys.readouterr()
    assert main(["--data-dir", str(data.data_dir), "stats"]) == 0
    assert "read-only file system" in capsys.readouterr().err
    out = tmp_path / "rescued.json"
    assert main(["--data-dir", str(data.data_dir), "export", "--json", str(out)]) == 0
    assert len(json.loads(out.read_text())["checkins"]) == 3
    assert main(["--data-dir", str(data.data_dir), "import", str(out)]) == 2
    assert "read-only file system" in capsys.readouterr().err
