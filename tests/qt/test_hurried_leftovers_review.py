"""A hurried person in pain at the windows: what earlier reviews left (Dec 5, gui39).

Advice passed by two quick presses of Enter, a double click landing on a
dialog's button, and a count shown as a decimal.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
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


# -- a double click that opened a dialog does not answer it ----------------------------


def _click_at(handle, local, global_at, ms):
    """One press and release through a window's QWindow, as the platform sends
    them (Qt itself adds the double click event after a second press)."""
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, buttons in (
        (QEvent.Type.MouseButtonPress, left),
        (QEvent.Type.MouseButtonRelease, none),
    ):
        event = QMouseEvent(
            kind, QPointF(local), QPointF(global_at), left, buttons, Qt.KeyboardModifier.NoModifier
        )
        event.setTimestamp(ms)
        QApplication.sendEvent(handle, event)
        ms += 5


@pytest.mark.parametrize("answer_by", ["ask", "main window"])
def test_the_second_click_of_a_double_click_does_not_answer_the_question_it_opened(
    qtbot, answer_by
):
    # The question opens under the pointer, with Yes where "Delete" was.
    from stretchguide.qt.dialogs import ask
    from stretchguide.qt.input_guard import InputGuard
    from stretchguide.qt.main_window import MainWindow

    parent = QWidget()
    qtbot.addWidget(parent)
    delete = QPushButton("Delete", parent)
    parent.setGeometry(300, 300, 400, 300)
    parent.show()
    qtbot.waitExposed(parent)
    InputGuard(parent)  # as the main window has, from its first show
    spot = delete.rect().center()
    on_screen = delete.mapToGlobal(spot)
    answers, seen = [], []
    if answer_by == "ask":
        delete.clicked.connect(lambda: answers.append(ask(parent, "Delete?", "Delete it?")))
    else:  # the main window's own question, as every page asks through it
        asked = lambda: MainWindow._ask(parent, "Delete?", "Delete it?")  # noqa: E731
        delete.clicked.connect(lambda: answers.append(asked()))

    def second_click_then_a_click_of_its_own():
        box = QApplication.activeModalWidget()
        QTest.qWaitForWindowExposed(box)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.move(box.pos() + on_screen - yes.mapToGlobal(yes.rect().center()))
        here = box.mapFromGlobal(on_screen)
        assert box.childAt(here) is yes
        _click_at(box.windowHandle(), here, on_screen, 100_100)
        seen.append(box.isVisible())
        later = 100_100 + QGuiApplication.styleHints().mouseDoubleClickInterval() + 200
        _click_at(box.windowHandle(), here, on_screen, later)  # read, then clicked
        if box.isVisible():
            box.reject()  # never left waiting if the click of its own missed

    QTimer.singleShot(0, second_click_then_a_click_of_its_own)
    _click_at(parent.windowHandle(), delete.mapTo(parent, spot), on_screen, 100_000)
    assert seen == [True]  # the double click left the question open
    assert answers == [True]  # the later click answered it
