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

Dialogs are windows of their own and keep Qt's usual behaviour.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QWidget

_PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)


class InputGuard(QObject):
    """Drops clicks and key repeats meant for what a page just replaced."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._first: QWidget | None = None  # what the first click of a run pressed
        self._at = QPoint()
        self._last_ms = -1  # the run's last press or release
        self._dropping = False  # the press was dropped: so is its release
        handle = window.windowHandle()
        if handle is not None:  # shown (MainWindow installs it on its first show)
            handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return event.isAutoRepeat() and _is_enter(event.key())
        if kind in _PRESSES and isinstance(event, QMouseEvent):
            return self._press(event)
        if kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            self._last_ms = event.timestamp()
            dropped, self._dropping = self._dropping, False
            return dropped
        return False

    def _press(self, event: QMouseEvent) -> bool:
        hints = QGuiApplication.styleHints()
        at = event.position().toPoint()
        target = self._window.childAt(at)
        ms = event.timestamp()
        in_run = (
            self._last_ms >= 0
            and 0 <= ms - self._last_ms <= hints.mouseDoubleClickInterval()
            and (at - self._at).manhattanLength() <= hints.startDragDistance()
        )
        self._last_ms = ms
        if in_run and target is not self._first:
            self._dropping = True
            return True
        if not in_run:
            self._first, self._at = target, at
        self._dropping = False
        return False


def _is_enter(key: object) -> bool:
    # Imported here, not at the top: the guard is made before the window's
    # first paint, and the first touch of PySide's ``Qt`` namespace builds
    # all of its ~100 enums (~25 ms, a fifth of a bare window's start-up).
    from PySide6.QtCore import Qt

    return key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
