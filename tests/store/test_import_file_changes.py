"""An import file that changes while it is imported (a sync tool or an
editor saves it). The import reads the file twice, checking every record
first and writing them second; the second pass trusted the first, so a
file saved in between put a NULL into a NOT NULL column and raised
sqlite3.IntegrityError out of the import, and a file cut short said a
JSON error about a file the person had not changed. Now either is
refused as "the file changed while it was being imported", with nothing
written."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from stretchguide.core.catalog import Dose, Routine, RoutineItem, Schedule
from stretchguide.paths import AppPaths
from stretchguide.store import exchange
from stretchguide.store.exchange import importing
from stretchguide.store.history import History

from .conftest import T0

ROUTINE = Routine(
    id="r",
    name="Mine",
    description="",
    schedule=Schedule(sessions_per_week=7, text="daily"),
    items=(RoutineItem("bridge", Dose(hold_s=5)),),
    builtin=False,
)


@pytest.fixture
def backup(tmp_path: Path) -> tuple[Path, str]:
    with History.open(AppPaths(tmp_path / "a"), backups=False) as h:
        s = h.start_session(ROUTINE, started_at=T0)
        h.finish_session(s.id, "completed", T0 + 10)
        h.add_checkin("any", 1, 1, "none", note="x", at=T0 + 100)
        exchange.export_json(h, tmp_path / "all.json")
    return tmp_path / "all.json", (tmp_path / "all.json").read_text(encoding="utf-8")


def _bad(good: str) -> str:
    doc = json.loads(good)
    doc["sessions"][0]["uuid"] = None  # NOT NULL in the history
    return json.dumps(doc)


def _refused(tmp_path: Path, file: Path) -> str:
    paths = AppPaths(tmp_path / "b")
    with History.open(paths, backups=False) as h:
        with pytest.raises(exchange.ImportValidationError) as err:
            exchange.import_json(h, file)
        assert h.record_count() == 0  # nothing written
    return err.value.user_report()


@pytest.mark.parametrize("after", [_bad, lambda good: good[: len(good) // 2]])
def test_a_file_saved_between_the_two_passes_is_refused(
    tmp_path: Path, backup: tuple[Path, str], monkeypatch: pytest.MonkeyPatch, after: Any
) -> None:
    file, good = backup
    check = importing._check_file

    def then_saved(*args: Any) -> Any:
        problems = check(*args)
        file.write_text(after(good), encoding="utf-8")
        return problems

    monkeypatch.setattr(importing, "_check_file", then_saved)
    said = _refused(tmp_path, file)
    assert "changed while it was being imported" in said and str(file) in said, said


def test_a_file_saved_during_the_second_pass_is_refused(
    tmp_path: Path, backup: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    file, good = backup
    records = importing._records
    calls = 0

    def saved_on_second_read(*args: Any) -> Iterator[Any]:
        nonlocal calls
        calls += 1
        if calls == 2:
            file.write_text(_bad(good), encoding="utf-8")
        return records(*args)

    monkeypatch.setattr(importing, "_records", saved_on_second_read)
    said = _refused(tmp_path, file)
    assert "changed while it was being imported" in said, said


def test_an_unchanged_file_still_imports(tmp_path: Path, backup: tuple[Path, str]) -> None:
    with History.open(AppPaths(tmp_path / "b"), backups=False) as h:
        report = exchange.import_json(h, backup[0])
    assert report.sessions_added == 1 and report.checkins_added == 1
