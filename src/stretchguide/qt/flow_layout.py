"""A row of widgets that wraps onto more lines when the width runs out.

A row of buttons in one QHBoxLayout asks for the sum of their widths as the
window's minimum: at twice the text size the History page's buttons asked
for ~1,280 px and a 1,024 px window could not be made. Here the minimum is
the widest single item, and the height follows the width
(``heightForWidth``), so the page above and below still gets the rest.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget


class FlowLayout(QLayout):
    """Items left to right, a new line when the next one does not fit.

    ``push_right``: when every item fits on one line, the items from this
    index on stand at its right end (the History page's export buttons,
    as before); once the row wraps they start their line on the left.
    An item wider than the whole row gets the row's width and the height it
    asks for at that width (a nested FlowLayout wraps inside it).
    """

    def __init__(
        self, parent: QWidget | None = None, push_right: int | None = None, fill: bool = False
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.push_right = push_right
        self.fill = fill
        """Each line's items widened to fill it, all as wide as the widest
        where that fits (as a QHBoxLayout of Expanding buttons draws them)."""
        self.setContentsMargins(0, 0, 0, 0)

    # -- QLayout's item list -------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # -- sizes ---------------------------------------------------------------
    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._place(QRect(0, 0, width, 0), move=False)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # All on one line.
        m = self.contentsMargins()
        w = sum(i.sizeHint().width() for i in self._visible())
        w += self._gap() * max(0, len(self._visible()) - 1)
        h = max((i.sizeHint().height() for i in self._visible()), default=0)
        return QSize(w + m.left() + m.right(), h + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        # The widest item alone: the row may take as many lines as it needs.
        m = self.contentsMargins()
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        return size.grownBy(QMargins(m.left(), m.top(), m.right(), m.bottom()))

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._place(rect, move=True)

    # -- placing -------------------------------------------------------------
    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _gap(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget()
        style = parent.style() if parent is not None else None
        if style is None:
            return 6
        return style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing, None, parent)

    def lines(self, width: int) -> list[list[QLayoutItem]]:
        """The items line by line at ``width`` (margins included)."""
        m = self.contentsMargins()
        room = width - m.left() - m.right()
        gap = self._gap()
        out: list[list[QLayoutItem]] = []
        used = 0
        for item in self._visible():
            w = min(item.sizeHint().width(), room)
            if out and used + gap + w <= room:
                out[-1].append(item)
                used += gap + w
            else:
                out.append([item])
                used = w
        return out

    def _place(self, rect: QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.marginsRemoved(m)
        gap = self._gap()
        lines = self.lines(rect.width())
        one_line = len(lines) == 1
        y = area.y()
        for line in lines:
            widths = [min(i.sizeHint().width(), area.width()) for i in line]
            if self.fill:
                widths = self._filled(widths, area.width() - gap * (len(line) - 1))
            heights = [
                i.heightForWidth(w) if i.hasHeightForWidth() else i.sizeHint().height()
                for i, w in zip(line, widths, strict=True)
            ]
            line_h = max(heights)
            if move:
                x = area.x()
                for n, (item, w) in enumerate(zip(line, widths, strict=True)):
                    if one_line and self.push_right is not None and n == self.push_right:
                        rest = sum(widths[n:]) + gap * (len(line) - n - 1)
                        x = max(x, area.right() + 1 - rest)
                    h = line_h if item.hasHeightForWidth() else item.sizeHint().height()
                    # Centred in its line, as a QHBoxLayout would: a label
                    # beside a taller combo box sat above its text.
                    item.setGeometry(QRect(QPoint(x, y + (line_h - h) // 2), QSize(w, h)))
                    x += w + gap
            y += line_h + (self._vgap() if line is not lines[-1] else 0)
        return y - area.y() + m.top() + m.bottom()

    @staticmethod
    def _filled(widths: list[int], room: int) -> list[int]:
        """``widths`` grown to share ``room``: equal if the widest allows."""
        n = len(widths)
        if max(widths) * n <= room:
            return [room // n + (1 if i < room % n else 0) for i in range(n)]
        extra = max(0, room - sum(widths))
        return [w + extra // n + (1 if i < extra % n else 0) for i, w in enumerate(widths)]

    def _vgap(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget()
        if parent is None:
            return 6
        return parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutVerticalSpacing, None, parent)


def flow_box(*widgets: QWidget, push_right: int | None = None) -> QWidget:
    """A plain widget holding ``widgets`` in a FlowLayout: one item of an
    outer flow, so a group (the range buttons) wraps as one before its
    buttons part."""
    box = QWidget()
    flow = FlowLayout(box, push_right=push_right)
    for w in widgets:
        flow.addWidget(w)
    box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    return box
