"""The help-or-hurt table's columns shared out to fit its width, at any
text size (``FittedTable``), and its count cells on one line or stacked
(``StackedCounts``). Split from ``history_table``, which holds the model
and the box around the table.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

_Index = QModelIndex | QPersistentModelIndex


def _advance(font: QFont, text: str) -> int:
    """The whole pixels ``text`` takes as Qt lays it out: QFontMetrics
    rounds to the nearest, and a bold "perjudica" of 126.4 px given its
    rounded 126 was elided to "perjudi…" (Spanish, twice the text size)."""
    return math.ceil(QFontMetricsF(font).horizontalAdvance(text))


COUNTS_ROLE = Qt.ItemDataRole.UserRole + 1
"""A count column's three numbers (better, the same, worse), for StackedCounts."""


class StackedCounts(QStyledItemDelegate):
    """A count cell as "105 · 135 · 125" on one line, or, in the columns
    the table names (``stacked``), one count a line after its own symbol
    ("✓ 105", "= 135", "⚠ 125"): narrow enough for twice the text size,
    and still read without the header's symbol line."""

    SYMBOLS = ("\u2713", "=", "\u26a0")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stacked: frozenset[int] = frozenset()

    def lines(self, index: _Index) -> list[str]:
        counts = index.data(COUNTS_ROLE) or ()
        return [f"{mark} {n}" for mark, n in zip(self.SYMBOLS, counts, strict=False)]

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:  # noqa: N802 - Qt override
        super().initStyleOption(option, index)
        if index.column() in self.stacked:
            option.text = "\u2028".join(self.lines(index))  # Qt's line separator


class FittedTable(QTableView):
    """The exercise table, its columns shared out to fit its width.

    With the count columns sized to their headers ("besser · gleich ·
    schlechter") and the name column left to stretch into what remained, a
    German or French table at 1024 pixels kept a name column two letters
    wide. Here the names come first: the count columns shrink to their
    numbers, their headers wrap onto more lines. Where even that leaves
    too little (twice the text size, its share of a 1024 px window), the
    columns go tight, the widest saving first: headers take a third line
    and a "Tends to" cell puts its word under its symbol; then the names
    narrow to ten characters (never below their longest word's width, up to
    sixteen); then a count column stacks its counts, each after its symbol,
    its header without the symbol line. Its minimum width is the tight
    layout's, so the page never squeezes it into scrolling sideways.
    """

    NAME_CHARS = 16
    """The name column's minimum, in average characters (less if every
    name is shorter); names longer than that wrap."""
    NAME_CHARS_TIGHT = 10
    """The same when nothing else is left to narrow (never below the longest
    word of a name, up to NAME_CHARS)."""

    COUNTS = (2, 4)
    LEAN = 1
    least_rows = 2
    """The rows always in view (1 on a page too short for 2: VerticalScroll)."""

    sig_least_changed = Signal()
    """The least width the table can fit its columns in changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self.counts = StackedCounts(self)
        for col in self.COUNTS:
            self.setItemDelegateForColumn(col, self.counts)
        self._least = 0  # the tight layout's width (minimumSizeHint)
        self._fitting = False

    def setModel(self, model: Any) -> None:  # noqa: N802 - Qt override
        super().setModel(model)
        model.modelReset.connect(self.fit_columns)
        model.headerDataChanged.connect(self.fit_columns)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        # Called for the viewport's size (a scroll bar coming or going too).
        super().resizeEvent(event)
        self.fit_columns()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_columns()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        if self._least:
            bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
            hint.setWidth(max(hint.width(), self._least + 2 * self.frameWidth() + bar))
        return hint

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # No taller than its least (its header and least_rows rows): the
        # box's layout gives it any height to spare, and Qt's 192 px default
        # made the box ask more than a short page had (VerticalScroll).
        hint = super().sizeHint()
        if self.minimumHeight():
            hint.setHeight(self.minimumHeight())
        return hint

    HEADER_LINES = 2
    """The most lines a header wraps onto (four or five were a wall of words)."""
    HEADER_LINES_TIGHT = 3

    def _header_lines(self, text: str, width: int) -> int:
        """How many lines ``text`` takes as a header ``width`` pixels wide."""
        fm = self.horizontalHeader().fontMetrics()
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
        flags = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        box = QRect(0, 0, max(1, width - 4 * margin), 10_000)
        return round(fm.boundingRect(box, flags, text).height() / max(1, fm.lineSpacing()))

    def _header_word_width(self, col: int, lines: int = HEADER_LINES, plain: bool = False) -> int:
        """The narrowest a column's header can be and still wrap onto at most
        ``lines`` lines (and never split a word), with its margins."""
        model: Any = self.model()  # a HelpsHurtsModel
        text = model.header_text(col, plain)
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
        font = self.horizontalHeader().font()
        lo = max((_advance(font, w) for w in text.split()), default=0) + 4 * margin
        hi = max((_advance(font, line) for line in text.split("\n")), default=0)
        hi = max(lo, hi + 4 * margin)
        while lo < hi:  # the least width that keeps to ``lines``
            mid = (lo + hi) // 2
            if self._header_lines(text, mid) <= lines:
                hi = mid
            else:
                lo = mid + 1
        return lo

    def _cell_width(self, col: int, pieces: Any) -> int:
        """The width a cell of ``col`` needs for the widest of ``pieces(row)``
        (texts that each take a line), in its row's font, with the margins
        the style and the grid add (as ``sizeHintForColumn`` counts them)."""
        model = self.model()
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self)
        widest = 0
        for row in range(model.rowCount()):
            index = model.index(row, col)
            font = index.data(Qt.ItemDataRole.FontRole)
            font = font.resolve(self.font()) if isinstance(font, QFont) else self.font()
            widest = max([widest, *(_advance(font, p) for p in pieces(index))])
        return widest + 2 * (margin + 1) + int(self.showGrid())

    def _tight(self, col: int, content: int) -> tuple[int, int]:
        """(on a line, stacked): the narrowest ``col`` can be with its
        header on up to HEADER_LINES_TIGHT lines, its cells as they are
        (a "Tends to" cell's word under its symbol), and with its counts
        stacked (a count column only; else as wide as on a line)."""
        header = self._header_word_width(col, self.HEADER_LINES_TIGHT)
        if col == self.LEAN:
            words = self._cell_width(col, lambda i: str(i.data() or "").split())
            return max(words, header), max(words, header)
        line = max(content, header)
        if col not in self.COUNTS:
            return line, line
        stacked = max(
            self._cell_width(col, self.counts.lines),
            self._header_word_width(col, self.HEADER_LINES_TIGHT, plain=True),
        )
        return line, min(line, stacked)

    def _header_height(self) -> int:
        """The height the headers need, wrapped to their columns' widths
        (Qt sizes a header for its unwrapped lines and cut the rest off)."""
        header = self.horizontalHeader()
        fm = header.fontMetrics()
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
        flags = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        tallest = 0
        for c in range(self.model().columnCount()):
            text = str(self.model().headerData(c, Qt.Orientation.Horizontal) or "")
            box = QRect(0, 0, max(1, self.columnWidth(c) - 4 * margin), 10_000)
            tallest = max(tallest, fm.boundingRect(box, flags, text).height())
        return tallest + 4 * margin

    def fit_columns(self) -> None:
        if self._fitting:  # the header's own change, below
            return
        self._fitting = True
        try:
            self._fit_columns()
        finally:
            self._fitting = False

    def _fit_columns(self) -> None:
        model: Any = self.model()  # a HelpsHurtsModel
        if model is None or model.columnCount() == 0:
            return
        header = self.horizontalHeader()
        # Measured as laid out normally: counts on a line, symbols in the headers.
        self.counts.stacked = frozenset()
        model.set_plain_headers(frozenset())
        cols = range(1, model.columnCount())
        content = {c: self.sizeHintForColumn(c) for c in cols}
        natural = [max(content[c], header.sectionSizeHint(c)) for c in cols]
        compact = [max(content[c], self._header_word_width(c)) for c in cols]
        avg = self.fontMetrics().averageCharWidth()
        longest = max(self.sizeHintForColumn(0), header.sectionSizeHint(0))
        name_min = min(longest, self.NAME_CHARS * avg)
        words = self._cell_width(0, lambda i: str(i.data() or "").split())
        name_tight = min(name_min, max(words, self.NAME_CHARS_TIGHT * avg))
        tight = {c: self._tight(c, content[c]) for c in cols}
        least = name_tight + sum(stacked for _line, stacked in tight.values())
        if least != self._least:
            self._least = least
            self.updateGeometry()
            self.sig_least_changed.emit()
        room = self.viewport().width()
        stacked: set[int] = set()
        if room - sum(natural) >= name_min:
            widths = natural
        elif room - sum(compact) >= name_min:
            # The names first (whole, if they fit beside the numbers), then
            # what is left widens the count columns back towards one-line
            # headers.
            name = max(name_min, min(longest, room - sum(compact)))
            spare = max(0, room - name - sum(compact))
            want = sum(natural) - sum(compact)
            widths = [
                lo + (hi - lo) * min(spare, want) // max(1, want)
                for lo, hi in zip(compact, natural, strict=True)
            ]
        else:
            # Tight, one column at a time (the one that saves most first)
            # until the names keep their NAME_CHARS: headers on a third
            # line, then names down to NAME_CHARS_TIGHT, then stacked counts.
            chosen = dict(zip(cols, compact, strict=True))

            def short() -> bool:
                return room - sum(chosen.values()) < name_min

            for c in sorted(cols, key=lambda c: tight[c][0] - chosen[c]):
                if not short():
                    break
                chosen[c] = min(chosen[c], tight[c][0])
            if short():
                name_min = name_tight
            for c in sorted(self.COUNTS, key=lambda c: tight[c][1] - chosen[c]):
                if not short():
                    break
                if tight[c][1] < chosen[c]:
                    chosen[c] = tight[c][1]
                    stacked.add(c)
            widths = [chosen[c] for c in cols]
        self.counts.stacked = frozenset(stacked)
        model.set_plain_headers(frozenset(stacked))
        for c, w in zip(cols, widths, strict=True):
            self.setColumnWidth(c, w)
        self.setColumnWidth(0, max(name_min, room - sum(widths)))
        header.setMinimumHeight(self._header_height())
        self.resizeRowsToContents()
        # Never shorter than its header and two rows (one where the page
        # is too short: VerticalScroll.fold), the rest scrolling inside.
        rows = sum(self.rowHeight(r) for r in range(min(self.least_rows, model.rowCount())))
        self.setMinimumHeight(header.minimumHeight() + rows + 2 * self.frameWidth())
        self.viewport().update()
