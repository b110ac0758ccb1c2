"""Every dialog of the app opens through here, with the main window's input guard.

A dialog is a window of its own, and it opens under the pointer: the
second click of a double click on "Delete", "Close" or "Quit" landed on
the question's own button and answered it unread. ``guarded`` gives the
dialog an ``InputGuard`` (qt/input_guard.py) that shares the main
window's run of clicks, so that second click is dropped; a click of its
own counts. A held Enter that opened the dialog does not answer it either.

Questions default to the answer that changes nothing (No, Cancel): Enter
pressed to get past one never says yes. tests/qt/test_structure.py checks
that no module shows a QMessageBox or runs a dialog any other way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # QMessageBox costs startup time: imported when a dialog opens
    from PySide6.QtWidgets import QDialog, QWidget


def guarded(dialog: QWidget) -> QWidget:
    """``dialog`` with a click and key guard on its window (made now, before it shows)."""
    from stretchguide.qt.input_guard import InputGuard

    dialog.winId()  # creates its QWindow, where the guard listens
    InputGuard(dialog)
    return dialog


def run(dialog: QDialog) -> int:
    """Show ``dialog`` modally, guarded, and return its result."""
    guarded(dialog)
    return dialog.exec()


def open_window_modal(dialog: QDialog) -> None:
    """Open ``dialog`` over its window without waiting for it, guarded."""
    guarded(dialog)
    dialog.open()


def ask(parent: QWidget | None, title: str, text: str, discard: bool = False) -> bool:
    """A Yes/No question (Discard/Cancel with ``discard``); True for Yes or
    Discard. No or Cancel is the default button: Enter answers it."""
    from PySide6.QtWidgets import QMessageBox

    b = QMessageBox.StandardButton
    yes, no = (b.Discard, b.Cancel) if discard else (b.Yes, b.No)
    box = QMessageBox(QMessageBox.Icon.Question, title, text, yes | no, parent)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    return run(box) == yes


def tell(parent: QWidget | None, title: str, text: str, warning: bool = False) -> None:
    """A message with one OK button."""
    from PySide6.QtWidgets import QMessageBox

    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    run(QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent))
