"""A push button that shows its keyboard key under its label, on a key cap.

A person who learns the app by looking at it never hovers for a tooltip
(they are on a mat, 2-3 m away): the session's buttons show their key
("Space", "←", "H") themselves, on a smaller second line drawn like a key,
so it reads as "press this" and not as part of the label. The key's text
comes from the session's key map (qt/session_keys.py ``button_key``), never
from a list of its own.

The button draws its frame and label through the style (a style sheet's
colours too: the red "This hurts"), and the cap in the label's colour.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QPushButton, QStyle, QStyleOptionButton, QStylePainter, QWidget

# The cap's text against the label's: smaller, but read from the mat.
CAP_SCALE = 0.8


class KeyButton(QPushButton):
    """A QPushButton with its key on a cap under the label (``set_key``)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._key = ""

    # -- what it shows ---------------------------------------------------------
    @property
    def key_text(self) -> str:
        """The key shown on the cap ("" for none)."""
        return self._key

    def set_key(self, text: str) -> None:
        self._key = text
        self.updateGeometry()
        self.update()

    def key_font(self) -> QFont:
        """The cap's font: the label's, four fifths of its size."""
        font = QFont(self.font())
        font.setBold(False)
        if font.pixelSize() > 0:
            font.setPixelSize(max(9, round(font.pixelSize() * CAP_SCALE)))
        else:
            font.setPointSizeF(max(6.0, font.pointSizeF() * CAP_SCALE))
        return font

    # -- geometry ----------------------------------------------------------------
    def _cap_size(self) -> QSize:
        fm = QFontMetrics(self.key_font())
        pad = max(3, fm.height() // 3)
        tall = fm.height() + 2
        # A one-letter key is still a key's shape, not a narrow box round "H".
        return QSize(max(fm.horizontalAdvance(self._key) + 2 * pad, tall * 3 // 2), tall)

    def _gap(self) -> int:
        return max(2, self.fontMetrics().height() // 8)

    def parts(self) -> tuple[QRect, QRect]:
        """(label, cap): where the label and the key cap are drawn. The cap
        is as wide as its text needs, even past the button's edge, so a test
        can tell a cut one (tests/qt/text_fit.py)."""
        line = self.fontMetrics().height()
        if not self._key:
            return self.rect(), QRect()
        cap = self._cap_size()
        gap = self._gap()
        top = (self.height() - (line + gap + cap.height())) // 2
        label = QRect(0, top, self.width(), line)
        x = (self.width() - cap.width()) // 2
        return label, QRect(x, top + line + gap, cap.width(), cap.height())

    def sizeHint(self) -> QSize:
        # QPushButton's minimumSizeHint is its sizeHint: this one, cap and all.
        return self._with_cap(super().sizeHint())

    def _with_cap(self, size: QSize) -> QSize:
        if not self._key:
            return size
        cap = self._cap_size()
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, self)
        # Half the style's padding above and below the two lines: the
        # session's row of buttons takes its height from the figure above it.
        line = self.fontMetrics().height()
        pad = max(4, (size.height() - line) // 2)
        return QSize(
            max(size.width(), cap.width() + 4 * margin),
            max(size.height(), line + self._gap() + cap.height() + pad),
        )

    # -- drawing -----------------------------------------------------------------
    def paintEvent(self, event: Any) -> None:
        if not self._key:
            super().paintEvent(event)
            return
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        text = option.text
        option.text = ""
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)  # frame, no label
        label, cap = self.parts()
        option.text = text
        option.rect = label
        painter.drawControl(QStyle.ControlElement.CE_PushButtonLabel, option)
        colour = QColor(self.palette().color(self.foregroundRole()))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        edge = QColor(colour)
        edge.setAlphaF(0.6)
        painter.setPen(QPen(edge, 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = QRectF(cap).adjusted(0.5, 0.5, -0.5, -0.5)
        radius = cap.height() / 5
        painter.drawRoundedRect(box, radius, radius)
        painter.setPen(colour)
        painter.setFont(self.key_font())
        painter.drawText(cap, int(Qt.AlignmentFlag.AlignCenter), self._key)
