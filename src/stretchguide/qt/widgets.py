"""Small drawing widgets shared by the session and check-in views.

Sizes are derived from the widget's own height so the text scales with the
window (readable from a mat two or three metres away) and stays crisp on
high-DPI screens (QPainter works in device-independent pixels).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
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
    QScrollArea,
    QSizePolicy,
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


def show_from_top(area: QScrollArea, widget: QWidget, margin: int) -> None:
    """Scroll ``area`` so ``widget`` shows, from its first line if it is
    taller than the view. ensureWidgetVisible centres such a widget: at
    twice the text size the check-in's advice began mid-sentence, its
    heading scrolled away above."""
    if widget.height() + margin <= area.viewport().height():
        area.ensureWidgetVisible(widget, 0, margin)
        return
    content = area.widget()
    if content is not None:
        top = widget.mapTo(content, widget.rect().topLeft()).y()
        area.verticalScrollBar().setValue(top - margin // 5)
