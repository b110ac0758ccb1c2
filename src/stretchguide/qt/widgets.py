"""Small drawing widgets shared by the session and check-in views.

Sizes are derived from the widget's own height so the text scales with the
window (readable from a mat two or three metres away) and stays crisp on
high-DPI screens (QPainter works in device-independent pixels).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

# Calm, high-contrast accents that read on light and dark backgrounds.
HOLD_COLOUR = QColor("#2f7dd1")
REST_COLOUR = QColor("#3a9d6a")
PREPARE_COLOUR = QColor("#c28a1e")
PAUSED_COLOUR = QColor("#8a8f98")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


class CountdownDial(QWidget):
    """The big countdown: digits inside a ring that empties as time runs out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._seconds = 0
        self._fraction = 0.0  # of the step already done
        self._colour = HOLD_COLOUR
        self._caption = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Countdown"))

    def set_state(self, seconds: int, fraction_done: float, colour: QColor, caption: str) -> None:
        fraction_done = max(0.0, min(1.0, fraction_done))
        if (seconds, round(fraction_done, 3), colour.rgb(), caption) == (
            self._seconds,
            round(self._fraction, 3),
            self._colour.rgb(),
            self._caption,
        ):
            return
        self._seconds, self._fraction, self._colour, self._caption = (
            seconds,
            fraction_done,
            colour,
            caption,
        )
        self.setAccessibleDescription(self.tr("%n seconds left", "", seconds))
        self.update()

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
        text = str(self._seconds)
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
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(self._seconds))
        if self._caption:
            cap = QFont(self.font())
            cap.setPixelSize(max(10, int(rect.height() * 0.075)))
            p.setFont(cap)
            below = QRectF(
                rect.left(),
                rect.center().y() + rect.height() * 0.25,
                rect.width(),
                rect.height() * 0.15,
            )
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

    def set_text(self, text: str, colour: QColor | None = None) -> None:
        self._text = text
        if colour is not None:
            self._colour = colour
        self.setAccessibleName(text)
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
