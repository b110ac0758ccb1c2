"""A hurried person in pain at the windows: what earlier reviews left (Dec 5, gui39).

Advice passed by two quick presses of Enter, a double click landing on a
dialog's button, and a count shown as a decimal.
"""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from tests.qt.test_clumsy_hands_review import ROUTINE, begin, checked_and_due
from tests.qt.test_history_layout_review import NOW, _fill
from tests.support import FakeClock, tiny_exercises, tiny_routine

from stretchguide import paths
from stretchguide.core.catalog import Schedule, load_routine_file
from stretchguide.qt import input_guard
from stretchguide.qt.app import build_window
from stretchguide.qt.input_guard import READ_FIRST_S
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


# -- important advice is read before Continue takes a press ----------------------------


def after_the_session(qtbot, window, clock, back, leg, weakness=False):
    """A session run with its before check-in skipped, and the after
    check-in answered and saved with Enter on Save."""
    begin(qtbot, window, clock)
    window.flow.controller.stop()
    page = window.checkin
    assert page.kind == "after"
    page.back.set_value(back)
    page.leg.set_value(leg)
    page.set_extent("thigh")
    page.weakness.setChecked(weakness)
    page.save_button.setFocus()
    qtbot.keyClick(page.save_button, Qt.Key.Key_Return)
    assert page.verdict.isVisible()
    return page


def enter(qtbot):
    """A fresh press of Enter (not a repeat), wherever the focus is."""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


@pytest.mark.read_first
def test_a_second_quick_enter_does_not_pass_advice_to_get_help(qtbot, window_clock):
    # Enter on Save, Enter again at once: the weakness warning went by unread.
    window, clock = window_clock
    page = after_the_session(qtbot, window, clock, back=3, leg=4, weakness=True)
    assert "weakness" in page.verdict.text().lower()
    enter(qtbot)
    clock.advance(READ_FIRST_S - 0.5)
    enter(qtbot)
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "checkin" and page.verdict.isVisible()
    assert not page.continue_button.isEnabled()
    clock.advance(0.5)  # read: the keyboard goes on
    enter(qtbot)
    assert window.current_page() == "safety"


@pytest.mark.read_first
def test_advice_before_a_session_is_held_as_well(qtbot, window_clock):
    # Severe pain before a session: "ease off" and Continue starts the session.
    window, clock = window_clock
    checked_and_due(window)
    window.start_routine(ROUTINE)
    page = window.checkin
    page.back.set_value(9)
    page.leg.set_value(9)
    page.set_extent("thigh")
    page.save_button.setFocus()
    enter(qtbot)
    assert page.verdict.isVisible()
    enter(qtbot)
    assert window.current_page() == "checkin"
    clock.advance(READ_FIRST_S)
    enter(qtbot)
    assert window.current_page() != "checkin"


@pytest.mark.read_first
@pytest.mark.realtime
def test_continue_comes_back_by_itself_for_a_mouse(qtbot, window_clock, monkeypatch):
    # Never held for good: no key needs pressing for the button to return.
    window, clock = window_clock
    page = after_the_session(qtbot, window, clock, back=3, leg=4, weakness=True)
    monkeypatch.setattr(input_guard, "READ_FIRST_S", 0.3)
    page.read_first.clock = time.monotonic
    page.read_first.hold()
    assert not page.continue_button.isEnabled()
    qtbot.waitUntil(page.continue_button.isEnabled, timeout=2000)
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "safety"


@pytest.mark.read_first
def test_a_plain_saved_or_fine_answer_does_not_wait(qtbot, window_clock):
    window, clock = window_clock
    page = after_the_session(qtbot, window, clock, back=1, leg=1)
    assert page.continue_button.isEnabled()
    enter(qtbot)
    assert window.current_page() != "checkin"


# -- History at twice the text size in a 1024x768 window --------------------------------


@pytest.fixture
def big_text_window(qtbot, qapp, _private_data_dir, request):
    """The main window in ``request.param``'s language at twice the text
    size, 1024x768, a month of sessions in its history, on History."""
    from stretchguide.qt import i18n

    lang = request.param
    font = qapp.font()
    i18n.install_language(qapp, lang, {})
    big = type(font)(font)
    big.setPointSizeF(font.pointSizeF() * 2.0)
    qapp.setFont(big)
    window = build_window(paths.resolve(str(_private_data_dir)), wall=FakeClock(NOW))
    window.ctx.audio = False
    window.inform = lambda title, text: None
    qtbot.addWidget(window)
    _fill(window.ctx.history, days=30)
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    window.show_history()
    qtbot.waitUntil(lambda: window._history_view.whole)
    window.resize(1024, 768)
    qtbot.wait(50)
    yield window, lang
    window.ctx.history.close()
    qapp.setFont(font)
    i18n.install_language(qapp, "en", {})


def scroll_bars_showing(page):
    """Scroll areas on ``page`` (not the table's own) whose contents scroll."""
    from PySide6.QtWidgets import QAbstractScrollArea, QTableView

    return [
        type(a).__name__
        for a in page.findChildren(QAbstractScrollArea)
        if not isinstance(a, QTableView)
        and a.isVisible()
        and a.verticalScrollBar().maximum() > 0
        and a.metaObject().className() != "QGraphicsView"
        and type(a).__name__ != "PainChart"
    ]


@pytest.mark.parametrize("big_text_window", ["en", "de", "es", "fr"], indirect=True)
def test_history_at_twice_the_text_size_fits_a_768_pixel_window_unscrolled(qtbot, big_text_window):
    # The exercise box scrolled as a whole: its note and two rows asked for
    # ~490-570 px where the page had ~320-360.
    window, lang = big_text_window
    page = window._history_view
    assert window.size().toTuple() == (1024, 768)
    assert scroll_bars_showing(page) == [], lang
    box = page.table_box
    # The verdict and the whole chart in view; the table's header and first row too.
    for part in (page.banner, page.chart_stack, box.table):
        top = part.mapTo(page, part.rect().topLeft())
        assert top.y() >= 0 and top.y() + part.height() <= page.height(), (lang, part)
    table = box.table
    assert table.viewport().height() >= table.rowHeight(0), lang
    # The note, when folded, is one key press away.
    if not box.note.isVisible():
        assert box.about_button.isVisible()
        box.about_button.setFocus()
        qtbot.keyClick(box.about_button, Qt.Key.Key_Space)
        assert box.note.isVisible()
