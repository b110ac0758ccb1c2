"""Small drawing widgets shared by the session and check-in views.

Sizes are derived from the widget's own height so the text scales with the
window (readable from a mat two or three metres away) and stays crisp on
high-DPI screens (QPainter works in device-independent pixels).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from stretchguide.core.catalog import Side
from stretchguide.qt.accessible import announce

# Calm, high-contrast accents that read on light and dark backgrounds.
HOLD_COLOUR = QColor("#2f7dd1")
REST_COLOUR = QColor("#3a9d6a")
PREPARE_COLOUR = QColor("#c28a1e")
PAUSED_COLOUR = QColor("#8a8f98")


ELLIPSIS = "\u2026"


def wrapped_lines(text: str, font: QFont, width: float) -> list[tuple[int, int]]:
    """(start, length) of each line ``text`` wraps into at ``width``, as a
    word-wrapped QLabel breaks it."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    lines: list[tuple[int, int]] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(1.0, width))
        lines.append((line.textStart(), line.textLength()))
    layout.endLayout()
    return lines


def elide_to_lines(text: str, font: QFont, width: float, max_lines: int) -> str:
    """``text`` cut to its first ``max_lines`` wrapped lines, the last ending
    in a whole word and a visible "…"; unchanged when it already fits."""
    lines = wrapped_lines(text, font, width)
    if len(lines) <= max_lines:
        return text
    if max_lines < 1:
        return ELLIPSIS
    start, length = lines[max_lines - 1]
    head, last = text[:start], text[start : start + length].rstrip()
    fm = QFontMetricsF(font)
    words = last.split(" ")
    # Drop whole words until the "…" fits on the line: never half a word.
    while len(words) > 1 and fm.horizontalAdvance(" ".join(words) + ELLIPSIS) > width:
        words.pop()
    tail = " ".join(words).rstrip(" ,;:.-")
    return head + tail + ELLIPSIS


class CountdownDial(QWidget):
    """The big countdown: digits inside a ring that empties as time runs out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._seconds = 0
        self._fraction = 0.0  # of the step already done
        self._colour = HOLD_COLOUR
        self._caption = ""
        self._text = "0"  # what the big digits say: seconds, or the repetition
        self._sub = ""  # a smaller line under the digits ("of 10")
        self._phase: object = None  # the last one announced
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Countdown"))

    def set_state(
        self,
        seconds: int,
        fraction_done: float,
        colour: QColor,
        caption: str,
        *,
        text: str | None = None,
        sub: str = "",
    ) -> None:
        """Draw ``seconds`` (or ``text``, e.g. the repetition) in the ring."""
        fraction_done = max(0.0, min(1.0, fraction_done))
        shown = str(seconds) if text is None else text
        if (seconds, round(fraction_done, 3), colour.rgb(), caption, shown, sub) == (
            self._seconds,
            round(self._fraction, 3),
            self._colour.rgb(),
            self._caption,
            self._text,
            self._sub,
        ):
            return
        self._seconds, self._fraction, self._colour, self._caption = (
            seconds,
            fraction_done,
            colour,
            caption,
        )
        self._text, self._sub = shown, sub
        # What is done now with the number ("Hold, 12 seconds left"): the
        # digits alone did not say whether to hold, rest or get ready.
        number = self.tr("%n seconds left", "", seconds) if text is None else f"{text} {sub}"
        self.setAccessibleDescription(", ".join(w for w in (caption, number.strip()) if w))
        self.update()

    def announce_phase(self, phase: object) -> None:
        """A screen reader says the description once, as ``phase`` (a hold,
        a rest) begins: the seconds tick in it unspoken, read when asked for."""
        if phase != self._phase:
            self._phase = phase
            announce(self, self.accessibleDescription())

    @property
    def text(self) -> str:
        """What the big digits show."""
        return self._text

    @property
    def sub(self) -> str:
        return self._sub

    @property
    def caption(self) -> str:
        return self._caption

    @property
    def seconds(self) -> int:
        return self._seconds

    def digit_pixel_height(self) -> float:
        """Height of the drawn digits, for the readability test."""
        return QFontMetricsF(self._digit_font()).capHeight()

    def _ring_rect(self) -> QRectF:
        side = min(self.width(), self.height()) - 8
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def _digit_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        side = self._ring_rect().height()
        # Two digits at 0.55 of the ring still fit inside it; longer numbers
        # shrink to fit rather than spill over the ring.
        font.setPixelSize(max(12, int(side * 0.55)))
        text = self._text
        room = side * 0.72
        width = QFontMetricsF(font).horizontalAdvance(text)
        if width > room:
            font.setPixelSize(max(12, int(side * 0.55 * room / width)))
        return font

    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    def paintEvent(self, event: object) -> None:
        del event
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self._ring_rect()
        width = max(6.0, rect.width() * 0.06)
        inner = rect.adjusted(width / 2, width / 2, -width / 2, -width / 2)
        track = QColor(self.palette().color(QPalette.ColorRole.WindowText))
        track.setAlphaF(0.12)
        p.setPen(QPen(track, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        p.drawEllipse(inner)
        remaining = 1.0 - self._fraction
        if remaining > 0:
            p.setPen(QPen(self._colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            p.drawArc(inner, 90 * 16, int(remaining * 360 * 16))
        p.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        p.setFont(self._digit_font())
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._text)
        above = QRectF(
            rect.left(), rect.top() + rect.height() * 0.13, rect.width(), rect.height() * 0.13
        )
        below = QRectF(
            rect.left(),
            rect.center().y() + rect.height() * 0.25,
            rect.width(),
            rect.height() * 0.15,
        )
        small = QFont(self.font())
        small.setPixelSize(max(10, int(rect.height() * 0.075)))
        if self._sub:
            # A repetition: "Move" over the number, "of 10" under it.
            bold = QFont(small)
            bold.setBold(True)
            p.setFont(bold)
            p.drawText(below, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self._sub)
            if self._caption:
                p.setFont(small)
                p.drawText(above, Qt.AlignmentFlag.AlignCenter, self._caption)
        elif self._caption:
            p.setFont(small)
            p.drawText(
                below, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self._caption
            )
        p.end()


class Badge(QWidget):
    """A rounded pill with large bold text (LEFT / RIGHT, PAUSED)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._colour = HOLD_COLOUR
        self._scale = 1.0
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_text(self, text: str, colour: QColor | None = None, spoken: str = "") -> None:
        """Show ``text``; a screen reader is given ``spoken`` ("Left leg"), the
        same in words as the capitals on screen ("LEFT LEG")."""
        self._text = text
        if colour is not None:
            self._colour = colour
        # The name only: the badge's description ("Side") says what it is.
        self.setAccessibleName(spoken or text)
        self.setVisible(bool(text))
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        return self._text

    def set_scale(self, scale: float) -> None:
        self._scale = scale
        self.updateGeometry()

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(max(10.0, font.pointSizeF() * 1.8 * self._scale))
        return font

    def sizeHint(self) -> QSize:
        fm = QFontMetricsF(self._font())
        return QSize(
            int(fm.horizontalAdvance(self._text) + fm.height() * 1.4), int(fm.height() * 1.5)
        )

    def paintEvent(self, event: object) -> None:
        del event
        if not self._text:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self._colour)
        p.drawRoundedRect(r, r.height() / 2, r.height() / 2)
        p.setPen(QColor("white"))
        p.setFont(self._font())
        p.drawText(r, Qt.AlignmentFlag.AlignCenter, self._text)
        p.end()


class SideBadge(Badge):
    """The side being worked: "LEFT LEG" on screen, "Left leg" to a screen reader."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleDescription(self.tr("Side"))

    def show_side(self, side: Side | None, leg: bool) -> None:
        if side is Side.LEFT:
            self.set_text(
                self.tr("LEFT LEG") if leg else self.tr("LEFT"),
                HOLD_COLOUR,
                spoken=self.tr("Left leg") if leg else self.tr("Left side"),
            )
        elif side is Side.RIGHT:
            self.set_text(
                self.tr("RIGHT LEG") if leg else self.tr("RIGHT"),
                QColor("#7a4fb5"),
                spoken=self.tr("Right leg") if leg else self.tr("Right side"),
            )
        else:
            self.set_text("")


# The Esc answer that is none of the question's answers: Esc means stop all
# through a session, so a question with no stop answer of its own (this
# hurts) hands it on to the stop question rather than resuming unasked.
ASK_STOP = "ask_stop"


class ChoiceOverlay(QWidget):
    """A full-window question with big numbered answers, readable from the mat.

    Covers its parent while shown. Keys 1, 2, 3... pick the answers in
    order; Escape picks the ``escape`` answer, or ``ASK_STOP``, which is
    none of them (the caller then asks whether to stop). ``choose(key)`` is the
    hook anything else (a click, a test, later a voice command) uses to
    answer; it emits ``sig_chosen`` once and hides the overlay. Tab and
    Shift+Tab stay inside it while it shows (``focusNextPrevChild``).
    """

    sig_chosen = Signal(str)
    """The key of the answer picked."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._buttons_box = QVBoxLayout()
        self._buttons_box.setSpacing(14)
        # What the keys do, on screen: Esc is not one of the numbered answers.
        self.keys_hint = QLabel()
        self.keys_hint.setWordWrap(True)
        self.keys_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addSpacing(20)
        layout.addLayout(self._buttons_box)
        layout.addSpacing(10)
        layout.addWidget(self.keys_hint)
        layout.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        self._keys: list[str] = []
        self._escape = ""
        self._result = ""
        self.hide()

    def ask(self, title: str, text: str, choices: list[tuple[str, str]], escape: str = "") -> None:
        """Show the question; ``choices`` are (key, label) in the order of keys 1, 2, 3;
        what Esc does is shown under them."""
        self.title.setText(title)
        self.body.setText(text)
        self.setAccessibleName(title)
        self.setAccessibleDescription(text)
        for b in self.buttons.values():
            # Hidden now: deleteLater() waits for the event loop it was called
            # from, and the question that follows runs in a nested one, so the
            # old answers would stay on screen under the new (finding 1).
            self._buttons_box.removeWidget(b)
            b.hide()
            b.deleteLater()
        self.buttons = {}
        self._keys = [k for k, _ in choices]
        self._escape = escape
        self._result = ""
        for n, (key, label) in enumerate(choices, start=1):
            b = QPushButton(f"{n}   {label}")
            b.setAccessibleName(label)
            b.setToolTip(self.tr("Press %1").replace("%1", str(n)))
            b.setAutoDefault(True)  # Enter presses the focused answer, as Space does
            b.clicked.connect(lambda _=False, k=key: self.choose(k))
            self._buttons_box.addWidget(b)
            self.buttons[key] = b
        says = dict(choices).get(escape, "")
        if escape == ASK_STOP:
            says = self.tr("Stop the session (you are asked first)")
        self.keys_hint.setText(self.tr("Esc: %1").replace("%1", says) if escape and says else "")
        self.keys_hint.setVisible(bool(self.keys_hint.text()))
        self._apply_scale()
        parent = self.parentWidget()
        if parent is not None:  # always, from __init__; the check is for mypy
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.setFocus()

    @property
    def result(self) -> str:
        return self._result

    def choose(self, key: str) -> None:
        if not self.isVisible() or (key not in self._keys and key != self._escape):
            return
        self._result = key
        self.hide()
        self.sig_chosen.emit(key)

    def cancel(self) -> None:
        """Close without a person's answer (the page went away): the Escape answer."""
        if self.isVisible():
            self.choose(self._escape or (self._keys[-1] if self._keys else ""))

    def run(self) -> str:
        """Block (in a local event loop) until an answer; returns its key."""
        from PySide6.QtCore import QEventLoop

        if not self.isVisible():
            return self._result
        loop = QEventLoop(self)
        self.sig_chosen.connect(loop.quit)
        try:
            loop.exec()
        finally:
            self.sig_chosen.disconnect(loop.quit)
        return self._result

    def keyPressEvent(self, event: Any) -> None:
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            n = key - Qt.Key.Key_1
            if n < len(self._keys):
                self.choose(self._keys[n])
                return
        if key == Qt.Key.Key_Escape and self._escape:
            self.choose(self._escape)
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt override
        # A focus trap: the session's keys are off while the question is
        # open, so a focus that slipped out behind it (one Shift+Tab) left
        # 1-4 and Esc doing nothing, and nothing on screen said why.
        if not self.isVisible():
            return super().focusNextPrevChild(next)
        stops: list[QWidget] = [self, *(b for b in self.buttons.values() if b.isVisible())]
        focus = QApplication.focusWidget()
        at = stops.index(focus) if focus in stops else 0
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        stops[(at + (1 if next else -1)) % len(stops)].setFocus(reason)
        return True

    def focusInEvent(self, event: Any) -> None:
        super().focusInEvent(event)
        self.update()  # the ring

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if not self.hasFocus():
            return
        # The question itself has the focus (as it opens): a ring round it
        # in the highlight colour, as on any focused control.
        p = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight))
        pen.setWidthF(6)
        p.setPen(pen)
        p.drawRect(QRectF(self.rect()).adjusted(3, 3, -3, -3))
        p.end()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._apply_scale()

    def _apply_scale(self) -> None:
        # Sized from the window, like the session text: ~54 px titles and
        # ~40 px answers at 1080p.
        parent = self.parentWidget()
        h = max(400, parent.height() if parent is not None else self.height())
        for label, share, bold in (
            (self.title, 0.05, True),
            (self.body, 0.037, False),
            (self.keys_hint, 0.03, False),
        ):
            f = QFont(self.font())
            f.setPixelSize(max(18, int(h * share)))
            f.setBold(bold)
            label.setFont(f)
        bf = QFont(self.font())
        bf.setPixelSize(max(18, int(h * 0.037)))
        bf.setBold(True)
        for b in self.buttons.values():
            b.setFont(bf)
            b.setMinimumHeight(max(48, int(h * 0.085)))
