"""Three small defects: the History table's name column squeezed to two
letters in German and French at 1024 pixels, the chart's hover readout
printing "0.7" in German, and the 0-10 scale's arrows changing the number
behind a focus that stayed put (Up/Down) or moving the focus without the
number (Left/Right).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from stretchguide.core.catalog.reader import load_builtin
from stretchguide.core.trends.exercises import ExerciseLink
from stretchguide.qt.history_data import ChartData


def help_hurt_box(qtbot):
    """The help-or-hurt table with eight exercises' counts, at its share of
    the History page in a 1024 x 600 window, shown."""
    from stretchguide.qt.history_table import HelpsHurtsBox

    exercises = load_builtin().exercises
    box = HelpsHurtsBox(exercises)
    qtbot.addWidget(box)
    ids = list(exercises)[:8]
    box.model.set_links([ExerciseLink(x, 104, 70, 171, 105, 135, 125, hurts=18) for x in ids])
    box.resize(500, 330)
    box.show()
    qtbot.waitExposed(box)
    return box


@pytest.mark.parametrize("lang", ["en", "de", "es", "fr"])
def test_the_exercise_names_get_room_beside_the_counts_at_1024_pixels(qtbot, language, lang):
    language(lang)
    box = help_hurt_box(qtbot)
    table = box.table
    avg = table.fontMetrics().averageCharWidth()
    assert table.columnWidth(0) >= 12 * avg
    # Everything fits across: no sideways scrolling to reach a count.
    total = sum(table.columnWidth(c) for c in range(box.model.columnCount()))
    assert total <= table.viewport().width()
    # The counts keep their whole numbers ("105 · 135 · 125"), not "1…".
    for col in (2, 4):
        assert table.columnWidth(col) >= table.sizeHintForColumn(col)
    # The wrapped headers (two lines) are not cut off below.
    header = table.horizontalHeader()
    fm = header.fontMetrics()
    assert header.height() >= 2 * fm.height()


def _chart_data(back: float, leg: float) -> ChartData:
    from datetime import datetime

    x = datetime(2026, 3, 11, 12).timestamp()
    return ChartData([x], [back], [x], [leg], [], [], [], [], [], [])


@pytest.mark.parametrize(("lang", "mark"), [("de", ","), ("fr", ","), ("es", ","), ("en", ".")])
def test_the_hover_readout_writes_numbers_the_local_way(qtbot, language, lang, mark):
    from PySide6.QtGui import QGuiApplication

    from stretchguide.qt.history_chart import PainChart

    language(lang)
    chart = PainChart(QGuiApplication.palette())
    qtbot.addWidget(chart)
    chart.data = _chart_data(0.66, 3.0)
    text = chart.readout_at(chart.data.back_x[0])
    other = "." if mark == "," else ","
    assert f" 0{mark}7" in text and f"0{other}7" not in text, text
    # Whole numbers stay whole: "3", not "3,0".
    assert " 3 " in text and f"3{mark}0" not in text, text


def _scale(qtbot):
    from stretchguide.qt.answer_widgets import PainScale

    scale = PainScale("Back pain")
    qtbot.addWidget(scale)
    scale.show()
    qtbot.waitExposed(scale)
    scale.activateWindow()
    return scale


def _press(qtbot, key):
    from PySide6.QtWidgets import QApplication

    qtbot.keyClick(QApplication.focusWidget(), key)


def test_every_arrow_moves_the_choice_and_the_focus_together(qtbot):
    scale = _scale(qtbot)
    scale.group.button(0).setFocus()
    qtbot.waitUntil(lambda: scale.group.button(0).hasFocus())

    for key, want in (
        (Qt.Key.Key_Up, 1),
        (Qt.Key.Key_Up, 2),
        (Qt.Key.Key_Right, 3),
        (Qt.Key.Key_Down, 2),
        (Qt.Key.Key_Left, 1),
    ):
        _press(qtbot, key)
        assert scale.value() == want
        # What has the focus (and is announced) is what is chosen.
        assert scale.group.button(want).hasFocus(), key


def test_the_first_arrow_chooses_from_the_focused_number_and_stops_at_the_ends(qtbot):
    scale = _scale(qtbot)
    scale.group.button(9).setFocus()
    qtbot.waitUntil(lambda: scale.group.button(9).hasFocus())
    _press(qtbot, Qt.Key.Key_Right)  # nothing chosen: Left/Right once moved focus only
    assert scale.value() == 10 and scale.group.button(10).hasFocus()
    _press(qtbot, Qt.Key.Key_Up)
    assert scale.value() == 10 and scale.group.button(10).hasFocus()
    for _ in range(12):
        _press(qtbot, Qt.Key.Key_Down)
    assert scale.value() == 0 and scale.group.button(0).hasFocus()


def test_a_locked_scale_still_ignores_the_arrows(qtbot):
    from stretchguide.qt.answer_widgets import AnswerLock

    scale = _scale(qtbot)
    scale.set_value(4)
    scale.group.button(4).setFocus()
    qtbot.waitUntil(lambda: scale.group.button(4).hasFocus())
    lock = AnswerLock(scale)
    lock.set_locked((scale,), True)
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left):
        _press(qtbot, key)
    assert scale.value() == 4 and scale.group.button(4).hasFocus()
