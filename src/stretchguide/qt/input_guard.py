"""What a hurried hand does twice must not press what the page put there next.

The main window swaps whole pages, and the new page's buttons often sit
exactly where the old one's were: Start is where the check-in's Save
appears, that Save is where the session's Stop appears, and after a
session Save turns into Continue in the same place. A double click on
Start pressed Save on an empty form; on the check-in after a session it
went past the advice unread. A held Enter did the same from the keyboard:
its repeat pressed Continue.

``InputGuard`` watches the window's own ``QWindow``, where the platform's
mouse and key events arrive before any widget sees them:

- the later clicks of a double or triple click (the same spot, each within
  the double-click interval of the one before) go only to the widget the
  first click pressed; on anything else they are dropped, press and
  release alike. Quick clicks on different controls are in different
  places and pass.
- an auto-repeated Enter or Return is dropped: one press, one answer.

Dialogs are windows of their own, so each gets a guard of its own
(``qt/dialogs.py``, which every dialog of the app goes through). The guards
share one run (``_RUN``), kept in screen coordinates: the click that opened
a dialog and the second click of the same double click, landing on the
dialog's Yes or Discard, are one run, and the second is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QWidget

_HELD_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)


class _Run:
    """The clicks of one double or triple click, in whichever window they land."""

    def __init__(self) -> None:
        self.first: QWidget | None = None  # what the first click of the run pressed
        self.at = QPoint()  # where, on the screen
        self.last_ms = -1  # the run's last press or release
        self.dropping = False  # the press was dropped: so is its release


_RUN = _Run()  # one pointer, one run: shared by the guards of all windows


class InputGuard(QObject):
    """Drops clicks and key repeats meant for what a page just replaced."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        handle = window.windowHandle()
        if handle is not None:  # shown (MainWindow installs it on its first show)
            handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return event.isAutoRepeat() and event.key() in _HELD_KEYS
        if kind in _PRESSES and isinstance(event, QMouseEvent):
            return self._press(event)
        if kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            _RUN.last_ms = event.timestamp()
            dropped, _RUN.dropping = _RUN.dropping, False
            return dropped
        return False

    def _press(self, event: QMouseEvent) -> bool:
        hints = QGuiApplication.styleHints()
        target = self._window.childAt(event.position().toPoint())
        at = event.globalPosition().toPoint()
        ms = event.timestamp()
        run = _RUN
        in_run = (
            run.last_ms >= 0
            and 0 <= ms - run.last_ms <= hints.mouseDoubleClickInterval()
            and (at - run.at).manhattanLength() <= hints.startDragDistance()
        )
        run.last_ms = ms
        if in_run and target is not run.first:
            run.dropping = True
            return True
        if not in_run:
            run.first, run.at = target, at
        run.dropping = False
        return False
