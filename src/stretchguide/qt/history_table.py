"""The History page's table of exercises that tend to help or hurt.

The counts come from core.trends (by_concern puts the exercises that seem
to hurt on top); this module shows them, in words and symbols as well as
colour.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette, QResizeEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QStyle, QTableView, QVBoxLayout, QWidget

from stretchguide.core.catalog import Exercise
from stretchguide.core.trends import ExerciseLink, Response, by_concern
from stretchguide.qt.i18n import QT_TRANSLATE_NOOP

_Index = QModelIndex | QPersistentModelIndex


class HelpsHurtsModel(QAbstractTableModel):
    """Per exercise: what the person said about it, how often they pressed
    "this hurts", and what their next check-in did, with the exercises that
    seem to hurt on top (core.trends.by_concern)."""

    # The counts' order in symbols, explained under the table (KEY) and in
    # words to a screen reader (SPOKEN_HEADERS): "besser · gleich ·
    # schlechter" under a German header took it to five lines at 1024 px.
    HEADERS = (
        QT_TRANSLATE_NOOP("HelpsHurtsModel", "Exercise"),
        QT_TRANSLATE_NOOP("HelpsHurtsModel", "Tends to"),
        QT_TRANSLATE_NOOP("HelpsHurtsModel", "You said\n\u2713 \u00b7 = \u00b7 \u26a0"),
        QT_TRANSLATE_NOOP("HelpsHurtsModel", '"This\nhurts"'),
        QT_TRANSLATE_NOOP("HelpsHurtsModel", "Next check-in\n\u2713 \u00b7 = \u00b7 \u26a0"),
    )
    SPOKEN_HEADERS = (
        "",
        "",
        QT_TRANSLATE_NOOP("HelpsHurtsModel", "You said: better, the same, worse"),
        "",
        QT_TRANSLATE_NOOP("HelpsHurtsModel", "Next check-in: better, the same, worse"),
    )
    KEY = QT_TRANSLATE_NOOP(
        "HelpsHurtsModel", "Counts: \u2713 better \u00b7 = the same \u00b7 \u26a0 worse"
    )
    TIPS = (
        "",
        QT_TRANSLATE_NOOP(
            "HelpsHurtsModel",
            "Hurt: your worse answers and “this hurts” presses outnumber your better answers."
            " Help: your better answers outnumber them.",
        ),
        QT_TRANSLATE_NOOP(
            "HelpsHurtsModel", "Your own answers after each session: better, the same, or worse."
        ),
        QT_TRANSLATE_NOOP(
            "HelpsHurtsModel", "How many times you pressed “this hurts” during this exercise."
        ),
        QT_TRANSLATE_NOOP(
            "HelpsHurtsModel",
            "How the next check-in compared with the one before, after sessions in which you"
            " did this exercise (skipped or not reached: not counted). Shared by every exercise"
            " done in that session: it shows what came after, not what caused it.",
        ),
    )

    def __init__(self, exercises: Mapping[str, Exercise], parent: Any = None) -> None:
        super().__init__(parent)
        self._names = {k: e.name for k, e in exercises.items()}
        self._rows: list[ExerciseLink] = []

    def set_links(self, links: Sequence[ExerciseLink]) -> None:
        self.beginResetModel()
        self._rows = by_concern(links)
        self.endResetModel()

    def link(self, row: int) -> ExerciseLink:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        if role == Qt.ItemDataRole.AccessibleTextRole and self.SPOKEN_HEADERS[section]:
            return self.tr(self.SPOKEN_HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole and self.TIPS[section]:
            return self.tr(self.TIPS[section])
        return None

    def lean_text(self, r: ExerciseLink) -> str:
        # Words and a symbol, so the meaning never rests on colour alone.
        if r.lean is Response.WORSE:
            return self.tr("\u26a0 hurt")
        if r.lean is Response.BETTER:
            return self.tr("\u2713 help")
        return self.tr("unclear") if r.answers or r.hurts else "\u2013"

    def spoken(self, r: ExerciseLink, col: int) -> str:
        """A cell as a sentence, for screen readers and tooltips."""
        name = self._names.get(r.exercise_id, r.exercise_id)
        if col == 0:
            return name
        if col == 1:
            if r.lean is Response.WORSE:
                return self.tr("%1 tends to hurt").replace("%1", name)
            if r.lean is Response.BETTER:
                return self.tr("%1 tends to help").replace("%1", name)
            return self.tr("No clear lean for %1").replace("%1", name)
        if col == 2:
            return (
                self.tr("You said better %1, the same %2, worse %3 times")
                .replace("%1", str(r.felt_better))
                .replace("%2", str(r.felt_same))
                .replace("%3", str(r.felt_worse))
            )
        if col == 3:
            return self.tr("\u201cThis hurts\u201d pressed %1 times").replace("%1", str(r.hurts))
        return (
            self.tr("Next check-in better %1, the same %2, worse %3 times")
            .replace("%1", str(r.better))
            .replace("%2", str(r.same))
            .replace("%3", str(r.worse))
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self._names.get(r.exercise_id, r.exercise_id),
                self.lean_text(r),
                f"{r.felt_better} · {r.felt_same} · {r.felt_worse}",
                str(r.hurts),
                f"{r.better} · {r.same} · {r.worse}",
            )[col]
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self.spoken(r, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 1:
            return int(Qt.AlignmentFlag.AlignCenter)
        dark = _is_dark()
        if role == Qt.ItemDataRole.ForegroundRole and col in (0, 1):
            if r.lean is Response.WORSE:
                return QColor("#ff8a80" if dark else "#a8322d")
            if r.lean is Response.BETTER:
                return QColor("#7fd1a0" if dark else "#2e7d4f")
        if role == Qt.ItemDataRole.BackgroundRole and r.lean is Response.WORSE:
            # A tint, not a fill: the text keeps the theme's contrast.
            return QColor(230, 70, 60, 60 if dark else 38)
        if role == Qt.ItemDataRole.FontRole and col in (0, 1) and r.lean is Response.WORSE:
            bold = QFont()
            bold.setBold(True)
            return bold
        return None


def _is_dark() -> bool:
    base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
    return base.lightness() < 128


class FittedTable(QTableView):
    """The exercise table, its columns shared out to fit its width.

    With the count columns sized to their headers ("besser · gleich ·
    schlechter") and the name column left to stretch into what remained, a
    German or French table at 1024 pixels kept a name column two letters
    wide. Here the names come first: the count columns shrink to their
    numbers, their headers wrap onto more lines, and only when even that
    leaves too little does the table scroll sideways.
    """

    NAME_CHARS = 16
    """The name column's minimum, in average characters (less if every
    name is shorter); names longer than that wrap."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)

    def setModel(self, model: Any) -> None:  # noqa: N802 - Qt override
        super().setModel(model)
        model.modelReset.connect(self.fit_columns)
        model.headerDataChanged.connect(self.fit_columns)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        # Called for the viewport's size (a scroll bar coming or going too).
        super().resizeEvent(event)
        self.fit_columns()

    HEADER_LINES = 2
    """The most lines a header wraps onto (four or five were a wall of words)."""

    def _header_lines(self, text: str, width: int) -> int:
        """How many lines ``text`` takes as a header ``width`` pixels wide."""
        fm = self.horizontalHeader().fontMetrics()
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
        flags = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        box = QRect(0, 0, max(1, width - 4 * margin), 10_000)
        return round(fm.boundingRect(box, flags, text).height() / max(1, fm.lineSpacing()))

    def _header_word_width(self, col: int) -> int:
        """The narrowest a column's header can be and still wrap onto at most
        HEADER_LINES lines (and never split a word), with its margins."""
        text = str(self.model().headerData(col, Qt.Orientation.Horizontal) or "")
        fm = self.horizontalHeader().fontMetrics()
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
        lo = max((fm.horizontalAdvance(w) for w in text.split()), default=0) + 4 * margin
        hi = max((fm.horizontalAdvance(line) for line in text.split("\n")), default=0)
        hi = max(lo, hi + 4 * margin)
        while lo < hi:  # the least width that keeps to HEADER_LINES
            mid = (lo + hi) // 2
            if self._header_lines(text, mid) <= self.HEADER_LINES:
                hi = mid
            else:
                lo = mid + 1
        return lo

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
        model = self.model()
        if model is None or model.columnCount() == 0:
            return
        header = self.horizontalHeader()
        cols = range(1, model.columnCount())
        content = {c: self.sizeHintForColumn(c) for c in cols}
        natural = [max(content[c], header.sectionSizeHint(c)) for c in cols]
        compact = [max(content[c], self._header_word_width(c)) for c in cols]
        avg = self.fontMetrics().averageCharWidth()
        longest = max(self.sizeHintForColumn(0), header.sectionSizeHint(0))
        name_min = min(longest, self.NAME_CHARS * avg)
        room = self.viewport().width()
        if room - sum(natural) >= name_min:
            widths = natural
        else:
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
        for c, w in zip(cols, widths, strict=True):
            self.setColumnWidth(c, w)
        self.setColumnWidth(0, max(name_min, room - sum(widths)))
        header.setMinimumHeight(self._header_height())
        self.resizeRowsToContents()


class HelpsHurtsBox(QWidget):
    """The table under its heading, with a note on how to read it."""

    def __init__(self, exercises: Mapping[str, Exercise], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = HelpsHurtsModel(exercises, self)
        self.table = FittedTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Exercises that tend to help or hurt"))
        # Tab leaves the table (the arrows move between its cells): with Qt's
        # default it went from cell to cell for ever, a keyboard trap.
        self.table.setTabKeyNavigation(False)
        # Names wrap onto a second line rather than end in "…" (FittedTable
        # gives them the room to).
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        tl = QVBoxLayout(self)
        tl.setContentsMargins(0, 0, 0, 0)
        title = self.tr("Exercises that tend to help or hurt")
        tl.addWidget(QLabel(f"<b>{title}</b>"))
        tl.addWidget(self.table)
        self.note = QLabel(
            self.tr(
                "\u26a0 hurt: your worse answers and \u201cthis hurts\u201d presses "
                "outnumber your better answers \u2014 consider easing off it or leaving it "
                "out, and mention it to your clinician. The next check-in counts are shared "
                "by every exercise done in a session: they show what came after, not what "
                "caused it."
            )
        )
        self.note.setWordWrap(True)
        small = QFont(self.note.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.note.setFont(small)
        # What the symbols in the count headers stand for.
        self.key = QLabel(self.model.tr(HelpsHurtsModel.KEY))
        self.key.setWordWrap(True)
        tl.addWidget(self.key)
        tl.addWidget(self.note)
