"""CSV cells a spreadsheet would run as a formula are guarded, and the
guard can be taken off again to give back exactly what was typed.

The apostrophe the export put before "=", "+", "-", "@", TAB or CR was
ambiguous: a note typed as "'=1" left as "'=1", the same cell as the one
written for "=1", so nothing reading the CSV could tell the two apart. Now
a cell of apostrophes before such a character gets one more, and
``exchange.csv_value`` (the inverse) takes exactly one off. The JSON
export, which the import reads, carries the text unguarded both ways.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from stretchguide.core.catalog import Dose, Routine, RoutineItem, Schedule
from stretchguide.paths import AppPaths
from stretchguide.store import exchange
from stretchguide.store.history import History

from .conftest import T0

TYPED = [
    "=1+1",
    "+SUM(A1)",
    "-2 after the bridge",
    "@cmd",
    "\tx",
    "\rx",
    "'=1+1",  # typed with its own apostrophe: was exported the same as "=1+1"
    "''+x",
    "'tis fine",  # an apostrophe before plain text: left alone
    "'",
    '=HYPERLINK("http://x","y")',
    "a\rb,c\nd",
    "plain",
    "",
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NAME = "=cmd|' /C calc'!A0"


def _routine() -> Routine:
    return Routine(
        id="r",
        name=NAME,
        description="",
        schedule=Schedule(sessions_per_week=7, text="daily"),
        items=(RoutineItem("bridge", Dose(hold_s=5)),),
        builtin=False,
    )


def _history(h: History) -> None:
    s = h.start_session(_routine(), started_at=T0)
    h.finish_session(s.id, "completed", T0 + 10)
    for i, note in enumerate(TYPED):
        h.add_checkin("any", 1, 1, "none", note=note, at=T0 + 100 + i)


def _cells(path: Path, column: str) -> list[str]:
    with open(path, newline="", encoding="utf-8") as fh:
        return [row[column] for row in csv.DictReader(fh)]


def test_csv_cells_are_inert_and_give_back_what_was_typed(tmp_path: Path) -> None:
    with History.open(AppPaths(tmp_path / "mine"), backups=False) as h:
        _history(h)
        exchange.export_csv(h, tmp_path / "csv")
    notes = _cells(tmp_path / "csv" / "checkins.csv", "note")
    names = _cells(tmp_path / "csv" / "sessions.csv", "routine_name")
    for cell in notes + names:
        assert not cell.startswith(FORMULA_START), cell
    assert [exchange.csv_value(c) for c in notes] == TYPED
    assert [exchange.csv_value(c) for c in names] == [NAME]
    # Told apart in the file, not only after csv_value.
    assert notes[0] == "'=1+1" and notes[6] == "''=1+1" and notes[8] == "'tis fine"


def test_the_json_export_and_import_keep_the_typed_text_exactly(tmp_path: Path) -> None:
    with History.open(AppPaths(tmp_path / "mine"), backups=False) as h:
        _history(h)
        exchange.export_json(h, tmp_path / "all.json")
    with History.open(AppPaths(tmp_path / "other"), backups=False) as h:
        exchange.import_json(h, tmp_path / "all.json")
        notes = [c.note for c in h.stored_checkins()]
        names = [json.loads(s.snapshot)["name"] for s in h.stored_sessions()]
    assert sorted(notes) == sorted(TYPED) and names == [NAME]


@given(st.text())
def test_the_guard_and_its_inverse_agree_on_any_text(text: str) -> None:
    cell = exchange.csv_cell(text)
    assert not cell.startswith(FORMULA_START)
    assert exchange.csv_value(cell) == text
