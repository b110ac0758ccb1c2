"""The History page's table of exercises that tend to help or hurt.

The counts come from core.trends (by_concern puts the exercises that seem
to hurt on top); this module shows them, in words and symbols as well as
colour. How its columns share the width is ``history_columns``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stretchguide.core.catalog import Exercise
from stretchguide.core.trends import ExerciseLink, Response, by_concern
from stretchguide.qt.history_columns import COUNTS_ROLE, FittedTable
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
        # Count columns whose header leaves out its "✓ · = · ⚠" line: their
        # cells carry the symbols themselves (StackedCounts).
        self.plain_headers: frozenset[int] = frozenset()

    def set_plain_headers(self, columns: frozenset[int]) -> None:
        if columns != self.plain_headers:
            self.plain_headers = columns
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)

    def header_text(self, section: int, plain: bool = False) -> str:
        text = self.tr(self.HEADERS[section])
        return text.split("\n")[0] if plain else text

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
            return self.header_text(section, section in self.plain_headers)
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
        if role == COUNTS_ROLE and col in (2, 4):
            if col == 2:
                return (r.felt_better, r.felt_same, r.felt_worse)
            return (r.better, r.same, r.worse)
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
        self._column = tl = QVBoxLayout(self)
        tl.setContentsMargins(0, 0, 0, 0)
        self.folded = False  # the note behind the "?" button (fold)
        self.title = title = QLabel(
            "<b>{}</b>".format(self.tr("Exercises that tend to help or hurt"))
        )
        # Wrapped: on one line at twice the text size it made the box wider
        # than its share of a 1024 px window.
        title.setWordWrap(True)
        # Where the page is short the note below folds away behind this
        # button, beside the title (VerticalScroll.fold).
        self.about_button = QToolButton()
        self.about_button.setText("?")
        self.about_button.setCheckable(True)
        about = self.tr("How to read this table")
        self.about_button.setAccessibleName(about)
        self.about_button.setToolTip(about)
        self.about_button.hide()
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(self.about_button, 0, Qt.AlignmentFlag.AlignTop)
        tl.addLayout(head)
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
        self.about_button.toggled.connect(lambda on: self.note.setVisible(on or not self.folded))

    def fold(self, level: int) -> None:
        """0: all shown; 1: the note behind the "?" button; 2: that, and
        one table row always in view instead of two."""
        self.folded = level > 0
        self.about_button.setVisible(self.folded)
        self.note.setVisible(not self.folded or self.about_button.isChecked())
        rows = 1 if level > 1 else 2
        if rows != self.table.least_rows:
            self.table.least_rows = rows
            self.table.fit_columns()

    def heights(self, width: int) -> tuple[int, int, int]:
        """The box's least height at ``width`` at each fold level."""
        gap = max(0, self._column.spacing())
        table = self.table
        rows = [table.rowHeight(r) for r in range(min(2, self.model.rowCount()))]
        least = table.horizontalHeader().minimumHeight() + 2 * table.frameWidth()
        button = self.about_button.sizeHint()
        title = self.title.heightForWidth(width)
        title_folded = max(self.title.heightForWidth(width - button.width() - gap), button.height())
        key = self.key.heightForWidth(width)
        note = self.note.heightForWidth(width)
        full = title + least + sum(rows) + key + note + 3 * gap
        folded = title_folded + least + sum(rows) + key + 2 * gap
        return full, folded, folded - (rows[1] if len(rows) > 1 else 0)


class VerticalScroll(QScrollArea):
    """The table box in the History page: where the page is short (twice
    the text size in a 768 px window left the table 60 px, less than its
    header) the box scrolls up and down as a whole, the table keeping its
    header and two rows with the key and the note under them. Never
    narrower than the box's least width (FittedTable.minimumSizeHint), so
    nothing is cut at its right edge."""

    def __init__(self, box: HelpsHurtsBox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = box
        self.setWidget(box)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        box.table.sig_least_changed.connect(self.updateGeometry)
        self._fold_timer = QTimer(self)
        self._fold_timer.setSingleShot(True)
        self._fold_timer.timeout.connect(self.fold)
        box.model.modelReset.connect(self._fold_timer.start)
        # Rows re-wrapped to a new width, a header taller: measured again.
        box.table.verticalHeader().sectionResized.connect(self._fold_timer.start)
        box.table.horizontalHeader().geometriesChanged.connect(self._fold_timer.start)
        self._level = 0

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fold_timer.start(0)  # once the table has fitted its rows to the width

    def fold(self) -> None:
        """Fold the box (HelpsHurtsBox.fold) as little as lets it fit the
        page's height unscrolled: at twice the text size in a 768 px
        window the note, then the second row, gave the page a scroll bar.
        Measured as if the scroll bar showed (a little narrower, so lines a
        little taller), and unfolded only with two lines to spare: the rows
        re-wrap when the bar comes or goes, and must not flip the fold back."""
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        needs = self.box.heights(self.width() - bar)
        spare = 2 * self.fontMetrics().lineSpacing()
        level = next(
            (
                i
                for i, need in enumerate(needs)
                if need + (spare if i < self._level else 0) <= self.height()
            ),
            2,
        )
        self._level = level
        self.box.fold(level)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        box = self.widget()
        if box is not None:
            bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
            hint.setWidth(max(hint.width(), box.minimumSizeHint().width() + bar))
        return hint
