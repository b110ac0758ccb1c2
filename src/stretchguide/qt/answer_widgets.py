"""The answer widgets of the questions pages: a 0-10 pain scale and a row
of large toggle buttons (check-in, safety questions). Big targets, keys as
well as clicks, one accessible name per answer."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from stretchguide.qt.flow_layout import FlowLayout


class PainScale(QWidget):
    """0..10 as eleven big buttons with labelled ends.

    The arrows choose, as in a radio group: Right and Up one more, Left and
    Down one less, and the focus goes with the choice, so what a screen
    reader announces is what is chosen. Space toggles the focused number.
    """

    STEPS = {
        Qt.Key.Key_Right: 1,
        Qt.Key.Key_Up: 1,
        Qt.Key.Key_Left: -1,
        Qt.Key.Key_Down: -1,
    }

    sig_changed = Signal(int)
    """The chosen value changed."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(title)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._title = title
        self.heading = heading = QLabel(f"<b>{title}</b>")
        layout.addWidget(heading, 0, 0, 1, 11)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        for n in range(11):
            button = QPushButton(str(n))
            button.setCheckable(True)
            button.setMinimumSize(44, 44)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setAccessibleName(
                self.tr("%1: %2 out of 10").replace("%1", title).replace("%2", str(n))
            )
            # One handler for all four arrows: QPushButton moved only the
            # focus on Left/Right (and chose only once something was chosen)
            # while Up/Down reached the scale and changed the number behind
            # a focus left where it was, unheard.
            button.installEventFilter(self)
            self.group.addButton(button, n)
            layout.addWidget(button, 1, n)
        low = QLabel(self.tr("0 = no pain"))
        high = QLabel(self.tr("10 = worst pain imaginable"))
        high.setAlignment(Qt.AlignmentFlag.AlignRight)
        # Wraps rather than widen the scale: on one line at twice the text
        # size (German) it made the page scroll sideways, "10" out of view.
        high.setWordWrap(True)
        layout.addWidget(low, 2, 0, 1, 5)
        layout.addWidget(high, 2, 6, 1, 5)
        self.group.idToggled.connect(self._on_toggled)
        # A chosen number must be obvious at a glance, in light and dark.
        self.setStyleSheet(
            "QPushButton:checked { background-color: #2f7dd1; color: white;"
            " font-weight: bold; border: 2px solid #1d5a9e; border-radius: 4px; }"
        )

    def _on_toggled(self, n: int, checked: bool) -> None:
        if checked:
            self.sig_changed.emit(n)

    def set_before(self, n: int | None) -> None:
        """Show the value given before the session beside the title (None: hide)."""
        text = f"<b>{self._title}</b>"
        if n is not None:
            text += "&nbsp;&nbsp;&nbsp;" + self.tr("(before the session: %1)").replace("%1", str(n))
        self.heading.setText(text)

    def value(self) -> int | None:
        v = self.group.checkedId()
        return None if v < 0 else v

    def set_value(self, n: int) -> None:
        button = self.group.button(n)
        if button is not None:
            button.setChecked(True)

    def _step_to(self, n: int) -> None:
        """Choose ``n`` (kept within 0-10) and put the focus on it."""
        n = max(0, min(10, n))
        self.set_value(n)
        button = self.group.button(n)
        if button is not None:
            button.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = self.STEPS.get(Qt.Key(event.key()))
            n = self.group.id(watched) if isinstance(watched, QAbstractButton) else -1
            if step is not None and n >= 0:
                self._step_to(n + step)
                return True
        return False

    def keyPressEvent(self, event: object) -> None:
        assert isinstance(event, QKeyEvent)
        step = self.STEPS.get(Qt.Key(event.key()))
        if step is None:
            super().keyPressEvent(event)
            return
        current = self.value()
        # Nothing chosen yet: either way the first step lands on 0.
        self._step_to((-1 if step > 0 else 1) if current is None else current + step)


# Checked toggles must read at a glance from the floor, in light and dark.
TOGGLE_STYLE = (
    "QPushButton { padding: 6px 14px; }"
    "QPushButton:checked { background-color: #2f7dd1; color: white;"
    " font-weight: bold; border: 2px solid #1d5a9e; border-radius: 4px; }"
)
TOGGLE_HEIGHT = 52


class Toggle(QPushButton):
    """A toggle button as wide as its label in bold: TOGGLE_STYLE draws a
    checked one bold, and "Gesäß" chosen at twice the text size was cut at
    both ends in the width its regular label had asked for. Bold whether
    checked or not, so a row does not re-wrap under a finger.
    """

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        bold = QFont(self.font())
        bold.setBold(True)
        text = self.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        wider = QFontMetricsF(bold).horizontalAdvance(text) - QFontMetricsF(
            self.font()
        ).horizontalAdvance(text)
        return QSize(hint.width() + max(0, math.ceil(wider)), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()


class ChoiceRow(QWidget):
    """A row of big toggle buttons (exclusive: one choice; else any number).

    Tab reaches each button, Space toggles it; in an exclusive row the arrow
    keys move the choice, as on the 0-10 scale.
    """

    def __init__(
        self,
        labels: list[str],
        accessible: list[str],
        *,
        exclusive: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # A flow, not one row: at twice the text size in German the five
        # "how far down the leg" answers asked ~1,000 px, more than a 1024
        # px window's page, which then scrolled sideways to "Bis in den Fuß".
        row = FlowLayout(self, fill=True)
        self.group = QButtonGroup(self)
        self.group.setExclusive(exclusive)
        self.buttons: list[QPushButton] = []
        for i, (text, name) in enumerate(zip(labels, accessible, strict=True)):
            button = Toggle(text)
            button.setCheckable(True)
            button.setMinimumHeight(TOGGLE_HEIGHT)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setAccessibleName(name)
            if exclusive:
                # Not in a group otherwise: Qt takes Tab focus from all but
                # one checkable button of any QButtonGroup, exclusive or not,
                # and its arrow keys skip them too, so Numbness and Weakness
                # could not be reached from the keyboard.
                self.group.addButton(button, i)
            self.buttons.append(button)
            row.addWidget(button)
        self.setStyleSheet(TOGGLE_STYLE)

    def clear(self) -> None:
        exclusive = self.group.exclusive()
        self.group.setExclusive(False)
        for b in self.buttons:
            b.setChecked(False)
        self.group.setExclusive(exclusive)

    def keyPressEvent(self, event: object) -> None:
        from PySide6.QtGui import QKeyEvent

        assert isinstance(event, QKeyEvent)
        if not self.group.exclusive() or event.key() not in (
            Qt.Key.Key_Right,
            Qt.Key.Key_Left,
        ):
            super().keyPressEvent(event)
            return
        current = self.group.checkedId()
        step = 1 if event.key() == Qt.Key.Key_Right else -1
        if current < 0:
            current = 0 if step > 0 else len(self.buttons) - 1
        else:
            current = max(0, min(len(self.buttons) - 1, current + step))
        self.buttons[current].setChecked(True)
        self.buttons[current].setFocus()


class AnswerLock(QObject):
    """Saved answers: shown as they are, in their own colours, but fixed.

    Disabled, they were drawn grey on grey (1.6:1) beside the advice that
    quotes them, and Tab skipped them. Locked, they keep their colours and
    the focus (a screen reader can go over them), while clicks, Space, the
    arrows and the Alt-letter keys no longer change them.
    """

    KEYS = frozenset(
        {
            Qt.Key.Key_Space,
            Qt.Key.Key_Select,
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
            Qt.Key.Key_Left,
            Qt.Key.Key_Right,
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
        }
    )
    EVENTS = frozenset(
        {
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.Shortcut,
        }
    )

    def set_locked(self, widgets: tuple[QWidget, ...], locked: bool) -> None:
        for widget in widgets:
            buttons = widget.findChildren(QAbstractButton)
            if isinstance(widget, QAbstractButton):
                buttons.append(widget)
            for b in buttons:
                b.removeEventFilter(self)
                if locked:
                    b.installEventFilter(self)
                    b.setCursor(Qt.CursorShape.ForbiddenCursor)
                else:
                    b.unsetCursor()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in self.EVENTS:
            return True
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return isinstance(event, QKeyEvent) and event.key() in self.KEYS
        return False
