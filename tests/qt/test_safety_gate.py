"""The safety questions' page: what it says and what each button means."""

from __future__ import annotations

from PySide6.QtCore import Qt
from tests.qt.test_flow import ROUTINE, app_window

__all__ = ["app_window"]  # the fixture, used by name


def test_the_missing_answer_message_goes_once_every_question_is_answered(qtbot, app_window):
    window, *_ = app_window
    window.start_routine(ROUTINE)
    gate = window.safety
    qtbot.mouseClick(gate.accept_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(gate.check_button, Qt.MouseButton.LeftButton)
    assert gate.question_error.text()
    qtbot.mouseClick(gate.all_no_button, Qt.MouseButton.LeftButton)
    assert gate.question_error.text() == ""


def test_a_see_a_doctor_soon_result_says_which_button_starts_nothing(qtbot, app_window):
    window, *_ = app_window
    window.start_routine(ROUTINE)
    gate = window.safety
    qtbot.mouseClick(gate.accept_button, Qt.MouseButton.LeftButton)
    gate.answer_all_no()
    gate.set_answer("fever", True)
    qtbot.mouseClick(gate.check_button, Qt.MouseButton.LeftButton)
    assert gate.continue_anyway.isVisible()
    assert gate.ack_button.text().replace("&", "") == "Stop for today"
    qtbot.mouseClick(gate.ack_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "routines"
    # An urgent answer has one button, and it is not a choice.
    window.start_routine(ROUTINE)
    gate.answer_all_no()
    gate.set_answer("bladder_bowel", True)
    qtbot.mouseClick(gate.check_button, Qt.MouseButton.LeftButton)
    assert not gate.continue_anyway.isVisible()
    assert gate.ack_button.text().replace("&", "") == "I understand"


def test_enter_answers_no_to_a_yes_or_no_question(qtbot, app_window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    window, *_ = app_window
    seen: list[str] = []

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.defaultButton().text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(50, window, press_enter)
    assert window._ask("Seen by a doctor?", "Have you been seen by a doctor since then?") is False
    assert seen and "No" in seen[0]


def test_having_said_both_legs_the_questions_say_which_one_it_concerns(qtbot, app_window):
    window, *_ = app_window
    window.start_routine(ROUTINE)
    gate = window.safety
    gate.side_row.buttons[2].click()  # "Both legs" on the first-run page
    qtbot.mouseClick(gate.accept_button, Qt.MouseButton.LeftButton)
    assert gate.currentWidget() is gate.questions_page
    assert gate.both_legs_hint.isVisible()
    assert "first question" in gate.both_legs_hint.text()
    # A named leg: no such line.
    window.ctx.prefs.affected_side = "left"
    window.ctx.prefs.red_flags_checked_at = 0.0
    window.start_routine(ROUTINE)
    assert window.current_page() == "safety" and not gate.both_legs_hint.isVisible()


def test_the_questions_open_on_the_first_question_and_enter_answers_nothing(qtbot, app_window):
    window, *_ = app_window
    window.show()
    window.start_routine(ROUTINE)
    gate = window.safety
    qtbot.mouseClick(gate.accept_button, Qt.MouseButton.LeftButton)
    first = next(iter(gate.answers.values()))
    focused = window.focusWidget() or gate.focusWidget()
    assert focused is first.buttons()[0]
    # With the focus on "None of these", Enter answered every question No.
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert all(g.checkedId() < 0 for g in gate.answers.values())
    assert not gate.asked_now_hint.isVisible()  # a routine check, not after a check-in
