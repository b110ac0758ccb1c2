"""A hurried person in pain at the windows: what earlier reviews left (Dec 5, gui39).

Advice passed by two quick presses of Enter, a double click landing on a
dialog's button, and a count shown as a decimal.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.support import tiny_exercises, tiny_routine

from stretchguide.core.catalog import Schedule, load_routine_file
from stretchguide.qt.routine_editor import RoutineEditor

# -- counts are whole numbers -------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "de", "es", "fr"])
def test_sessions_a_week_shows_as_a_whole_number_in_every_language(qtbot, tmp_path, language, lang):
    # "7,0" in German, Spanish and French: sessions are counted.
    language(lang)
    editor = RoutineEditor(tiny_exercises(), tmp_path, base=tiny_routine())
    qtbot.addWidget(editor)
    assert editor.per_week.text() == "7"
    editor.per_week.setValue(3)
    assert editor.per_week.text() == "3"
    assert editor.save() is not None
    [path] = tmp_path.glob("*.toml")
    assert load_routine_file(path, tiny_exercises()).schedule.sessions_per_week == 3


def test_a_fraction_from_a_routine_file_is_kept_unless_the_count_is_changed(qtbot, tmp_path):
    # A file may say 3.5 a week (every other day): shown as 4, kept as 3.5
    # when the person edits something else; a new count is the count.
    every_other_day = replace(
        tiny_routine("mine", builtin=False), schedule=Schedule(3.5, "Every other day")
    )
    editor = RoutineEditor(tiny_exercises(), tmp_path, base=every_other_day)
    qtbot.addWidget(editor)
    assert editor.per_week.text() == "4"
    assert editor.routine().schedule.sessions_per_week == 3.5
    editor.per_week.setValue(5)
    assert editor.routine().schedule.sessions_per_week == 5
