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

Two separate quick presses are not a held key: ``ReadFirst`` holds the
button past important advice for a short read time instead.

Dialogs are windows of their own, so each gets a guard of its own
(``qt/dialogs.py``, which every dialog of the app goes through). The guards
share one run (``_RUN``), kept in screen coordinates: the click that opened
a dialog and the second click of the same double click, landing on the
dialog's Yes or Discard, are one run, and the second is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QWidget

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
            return event.isAutoRepeat() and _is_enter(event.key())
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


def _is_enter(key: object) -> bool:
    # Imported here, not at the top: the guard is made before the window's
    # first paint, and the first touch of PySide's ``Qt`` namespace builds
    # all of its ~100 enums (~25 ms, a fifth of a bare window's start-up).
    from PySide6.QtCore import Qt

    return key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)


# StretchGuide's own number, not a standard: long enough that the second of
# two quick Enter presses (a person in a hurry presses them well under a
# second apart) lands while the advice is held, short enough that nobody
# waits for it. docs/ARCHITECTURE.md, "The hurried user".
READ_FIRST_S = 3.0


class ReadFirst(QObject):
    """Holds the button that goes on past important advice for a short read time.

    Two separate presses of Enter (Save, then at once Continue) are not a
    held key, so the guard above lets both through, and the advice ("see a
    doctor", new numbness) went by unread. ``hold`` greys the button out for
    ``READ_FIRST_S`` on the monotonic ``clock``; a timer gives it back, and
    ``ready`` (asked by a key press) gives it back too once the time is up,
    so a late timer never keeps anyone waiting longer.
    """

    def __init__(self, button: QAbstractButton, clock: Callable[[], float] = monotonic) -> None:
        super().__init__(button)
        self.button = button
        self.clock = clock
        self._until = float("-inf")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.ready)

    def hold(self) -> None:
        seconds = READ_FIRST_S  # read when held: tests without the wait set it to 0
        if seconds <= 0:
            return
        self._until = self.clock() + seconds
        self.button.setEnabled(False)
        # Why it is grey, for a pointer resting on it.
        self.button.setToolTip(self.tr("Please read the advice first: this works in a moment."))
        self._timer.start(int(seconds * 1000) + 20)

    def ready(self) -> bool:
        """True once the read time is over (the button is given back then)."""
        left = self._until - self.clock()
        if left > 0:
            self._timer.start(min(int(left * 1000) + 20, int(READ_FIRST_S * 1000) + 20))
            return False
        self.release()
        return True

    def release(self) -> None:
        self._until = float("-inf")
        self._timer.stop()
        self.button.setEnabled(True)
        self.button.setToolTip("")
