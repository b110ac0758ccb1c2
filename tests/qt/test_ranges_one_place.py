"""A number field's range is written once: the routine editor's spin boxes
take theirs from the loader's LIMITS, the Settings page's from the ranges
Preferences clamps a read value to, and plan.json's dose bounds from the
loader too. Each was written out twice (sessions a week 1-21 in the
editor and 0.1-21 in the loader), so a change to one would let the editor
offer a number the loader refuses, or the page one the next read changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.support import tiny_exercises

from stretchguide.core import catalog
from stretchguide.core.catalog import LIMITS, whole_range
from stretchguide.core.plan import plan_file
from stretchguide.qt import preferences
from stretchguide.qt.preferences import RANGES, Preferences
from stretchguide.qt.routine_editor import RoutineEditor, whole_sessions
from stretchguide.qt.settings import SettingsDialog

EDITOR_FIELDS = {
    "per_week": "sessions_per_week",
    "hold": "hold_s",
    "reps": "reps",
    "rep_s": "rep_s",
    "sets": "sets",
    "rest": "rest_s",
}

SETTINGS_FIELDS = {
    "rest": "session/rest_s",
    "red_flag_days": "safety/red_flag_interval_days",
    "prepare": "session/prepare_s",
    "switch": "session/switch_s",
    "first_prepare": "session/first_prepare_s",
}


def _editor_ranges(qtbot, tmp_path: Path) -> dict[str, tuple[float, float]]:
    editor = RoutineEditor(tiny_exercises(), tmp_path)
    qtbot.addWidget(editor)
    return {
        field: (getattr(editor, w).minimum(), getattr(editor, w).maximum())
        for w, field in EDITOR_FIELDS.items()
    }


def test_the_editor_and_the_loader_agree(qtbot, tmp_path: Path) -> None:
    for field, (lo, hi) in _editor_ranges(qtbot, tmp_path).items():
        low, high = LIMITS[field]
        assert (lo, hi) == whole_range(field), field
        assert low <= lo and hi <= high, field  # never a number the loader refuses


def test_the_editor_follows_a_changed_loader_limit(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(catalog.LIMITS, "sessions_per_week", (0.5, 14))
    monkeypatch.setitem(catalog.LIMITS, "sets", (1, 8))
    ranges = _editor_ranges(qtbot, tmp_path)
    assert ranges["sessions_per_week"] == (1, 14)
    assert ranges["sets"] == (1, 8)
    assert whole_sessions(20) == 14 and whole_sessions(0.2) == 1


def test_the_plan_takes_its_dose_bounds_from_the_loader() -> None:
    for field, bounds in plan_file.DOSE_LIMITS.items():
        assert bounds == whole_range(field)


def test_the_settings_page_and_preferences_agree(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(preferences.RANGES, "session/rest_s", (0, 90))
    monkeypatch.setitem(preferences.RANGES, "safety/red_flag_interval_days", (1, 30))
    prefs = Preferences(tmp_path / "s.ini")
    dialog = SettingsDialog(prefs)
    qtbot.addWidget(dialog)
    for widget, key in SETTINGS_FIELDS.items():
        spin = getattr(dialog, widget)
        assert (spin.minimum(), spin.maximum()) == RANGES[key], key
    prefs.qsettings.setValue("session/rest_s", 500)
    assert prefs.rest_s == 90  # the read clamps to the same range
