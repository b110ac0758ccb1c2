"""What a screen reader (Orca, through Qt's accessibility) gets from the
app's own texts: labels that expose what they show, messages the keyboard
focus is moved to, and spoken announcements of a change.

Qt exposes a QLabel's text as its accessible name only while the label has
no accessible name of its own (``QAccessibleDisplay::text``), and sends the
NameChanged event on ``setText`` only then too. A role word set as the name
("Caution", "Advice") therefore hid the label's text from Orca and silenced
its changes: on a label the role word goes in the description (``role``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QColor,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

# An error reads at 4.5:1 or better on the window colour: #c0392b is 4.7:1
# on the light window and 2.96:1 on the dark one, where #ff8a80 is 7:1.
ERROR_LIGHT = "#c0392b"
ERROR_DARK = "#ff8a80"


def is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def error_colour(widget: QWidget) -> QColor:
    """The error text colour that reads on ``widget``'s window colour."""
    return QColor(ERROR_DARK if is_dark(widget) else ERROR_LIGHT)


def role(label: QLabel, words: str) -> None:
    """Say what ``label`` is ("Caution") without hiding what it shows.

    The text stays the label's accessible name, so it is read and its
    changes are sent; the role word is the description, read after it.
    """
    label.setAccessibleName("")
    label.setAccessibleDescription(words)


def _send(event: Any) -> None:
    """Hand an event to the accessibility bridge (a seam for the tests: Qt
    offers Python no way to watch what it sends)."""
    QAccessible.updateAccessibility(event)


def announce(source: QObject, text: str, *, assertive: bool = False) -> None:
    """Have a screen reader speak ``text`` now, wherever the focus is.

    For a change the person did not cause with the focused control (the
    session's status line). Qt 6.8 and later send it as an AT-SPI
    announcement, which Orca speaks; older bridges ignore it.
    """
    if not text:
        return
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if assertive
        else QAccessible.AnnouncementPoliteness.Polite
    )
    _send(event)


class _EnterClicks(QObject):
    """Return and Enter press the focused button, as Space does."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.isAutoRepeat()
            and isinstance(watched, QAbstractButton)
            and watched.isEnabled()
        ):
            watched.animateClick()
            return True
        return False


def enter_clicks(button: QAbstractButton) -> None:
    """Make Return and Enter press ``button`` while it has the focus.

    A QPushButton outside a dialog, and any QToolButton, answer only Space:
    someone who knows Enter from other programs pressed it and nothing
    happened. (A push button's own ``setAutoDefault`` does the same; a
    tool button has none.)
    """
    filt = button.findChild(_EnterClicks)
    if filt is None:
        button.installEventFilter(_EnterClicks(button))


class MessageLabel(QLabel):
    """A message the keyboard focus goes to so that it is read at once: the
    urgent advice, the verdict after a check-in, a form's error.

    Focusable (Tab reaches it) only while it says something, so an empty
    one is never an invisible Tab stop; a ring shows when it has the focus.
    ``error=True`` draws the text in the error colour of the theme.
    """

    RING = 3

    def __init__(self, *, error: bool = False, ring: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._error = error
        self._ring = QColor(ring) if ring else None
        self.setWordWrap(True)
        self.setMargin(self.RING + 2)  # room for the ring outside the text
        if error:
            font = self.font()
            font.setBold(True)
            self.setFont(font)
            self._apply_colour()
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if text else Qt.FocusPolicy.NoFocus)

    def clear(self) -> None:
        self.setText("")

    def show_and_focus(self, text: str) -> None:
        """Say ``text`` and move the keyboard focus to it (a screen reader reads it)."""
        self.setText(text)
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if self._error and event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
        ):
            self._apply_colour()  # the theme changed: the error colour follows

    def _apply_colour(self) -> None:
        colour = error_colour(self)
        pal = self.palette()
        if pal.color(QPalette.ColorRole.WindowText) != colour:
            pal.setColor(QPalette.ColorRole.WindowText, colour)
            self.setPalette(pal)

    def paintEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self.hasFocus():
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = self._ring or self.palette().color(QPalette.ColorRole.Highlight)
        pen = QPen(colour)
        pen.setWidthF(self.RING)
        p.setPen(pen)
        half = self.RING / 2
        p.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 4, 4)
        p.end()
