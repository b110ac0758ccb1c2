"""The routine list: an item model, a filter proxy, and a delegate that draws
each routine as a card (name, duration, exercise count, schedule, badges).

The model and the proxy hold no widgets, so tests reach them without a view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionToolButton,
    QStyleOptionViewItem,
    QStylePainter,
    QToolButton,
)

from stretchguide.core.catalog import Cause, Equipment, Exercise, Position, Routine
from stretchguide.qt.i18n import QT_TRANSLATE_NOOP

_Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    ROUTINE = Qt.ItemDataRole.UserRole + 1
    ROUTINE_ID = Qt.ItemDataRole.UserRole + 2
    DURATION_S = Qt.ItemDataRole.UserRole + 3
    EXERCISE_COUNT = Qt.ItemDataRole.UserRole + 4
    SCHEDULE = Qt.ItemDataRole.UserRole + 5
    EQUIPMENT = Qt.ItemDataRole.UserRole + 6  # frozenset[Equipment]
    POSITIONS = Qt.ItemDataRole.UserRole + 7  # frozenset[Position]
    NEEDS_FLOOR = Qt.ItemDataRole.UserRole + 8
    CAUSES = Qt.ItemDataRole.UserRole + 9
    SUMMARY = Qt.ItemDataRole.UserRole + 10  # "12 min · 6 exercises · daily"
    BADGES = Qt.ItemDataRole.UserRole + 11  # list[str]
    BUILTIN = Qt.ItemDataRole.UserRole + 12
    POSITION_BADGES = Qt.ItemDataRole.UserRole + 13  # list[str], the positions it asks for


# Shared by the list, the details, the filters and the guidance: one
# translation context ("labels") whichever widget shows them; label_text()
# translates one.
EQUIPMENT_LABELS = {
    Equipment.MAT: QT_TRANSLATE_NOOP("labels", "mat"),
    Equipment.CHAIR: QT_TRANSLATE_NOOP("labels", "chair"),
    Equipment.WALL: QT_TRANSLATE_NOOP("labels", "wall"),
    Equipment.STRAP: QT_TRANSLATE_NOOP("labels", "strap"),
    Equipment.BAND: QT_TRANSLATE_NOOP("labels", "band"),
    Equipment.SMALL_BALL: QT_TRANSLATE_NOOP("labels", "small ball"),
    Equipment.EXERCISE_BALL: QT_TRANSLATE_NOOP("labels", "exercise ball"),
    Equipment.SUPPORT: QT_TRANSLATE_NOOP("labels", "sturdy support"),
    Equipment.HELPER: QT_TRANSLATE_NOOP("labels", "helper"),
}
POSITION_LABELS = {
    Position.SUPINE: QT_TRANSLATE_NOOP("labels", "lying on back"),
    Position.PRONE: QT_TRANSLATE_NOOP("labels", "lying face down"),
    Position.SIDE_LYING: QT_TRANSLATE_NOOP("labels", "lying on side"),
    Position.SEATED: QT_TRANSLATE_NOOP("labels", "seated"),
    Position.STANDING: QT_TRANSLATE_NOOP("labels", "standing"),
    Position.ALL_FOURS: QT_TRANSLATE_NOOP("labels", "hands and knees"),
}
CAUSE_LABELS = {
    Cause.GENERAL: QT_TRANSLATE_NOOP("labels", "General"),
    Cause.FORAMINAL_STENOSIS: QT_TRANSLATE_NOOP("labels", "Foraminal stenosis"),
    Cause.DISC_BULGE: QT_TRANSLATE_NOOP("labels", "Disc bulge"),
    Cause.PIRIFORMIS: QT_TRANSLATE_NOOP("labels", "Piriformis syndrome"),
    Cause.IRRITATED_NERVE: QT_TRANSLATE_NOOP("labels", "Irritated sciatic nerve"),
}


def label_text(label: str) -> str:
    """A label from the tables above in the interface language."""
    return QCoreApplication.translate("labels", label)


def format_duration(seconds: float) -> str:
    minutes = round(seconds / 60)
    if seconds < 90:
        return f"{round(seconds)} s"
    return f"{minutes} min"


@dataclass(frozen=True)
class RoutineRow:
    routine: Routine
    duration_s: float
    equipment: frozenset[Equipment]
    positions: frozenset[Position]
    needs_floor: bool
    thumbnail: str | None  # exercise id whose picture stands for the routine


# Tags of the routine to start with: labelled and listed first.
STARTER_TAGS = frozenset({"flare-up", "beginner"})


def is_starter(routine: Routine) -> bool:
    """A routine meant for beginners and flare-ups."""
    return routine.builtin and bool(STARTER_TAGS.intersection(routine.tags))


def make_rows(
    routines: Iterable[Routine],
    exercises: Mapping[str, Exercise],
    duration_of: Callable[[Routine], float],
) -> list[RoutineRow]:
    """One row per routine; the routine for beginners and flare-ups first."""
    routines = sorted(routines, key=lambda r: not is_starter(r))
    rows = []
    for r in routines:
        exs = [exercises[i.exercise_id] for i in r.items if i.exercise_id in exercises]
        equipment = frozenset().union(*(e.equipment for e in exs)) if exs else frozenset()
        rows.append(
            RoutineRow(
                routine=r,
                duration_s=duration_of(r),
                equipment=equipment,
                positions=frozenset(e.position for e in exs),
                needs_floor=any(e.needs_floor for e in exs),
                thumbnail=exs[0].id if exs else None,
            )
        )
    return rows


class RoutineListModel(QAbstractListModel):
    def __init__(
        self,
        rows: list[RoutineRow] | None = None,
        thumbnail_for: Callable[[str], QPixmap | None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._rows: list[RoutineRow] = list(rows or [])
        self._thumbnail_for = thumbnail_for
        self._thumbs: dict[str, QPixmap | None] = {}

    def set_rows(self, rows: list[RoutineRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[RoutineRow]:
        return list(self._rows)

    def row_of(self, routine_id: str) -> int:
        for n, row in enumerate(self._rows):
            if row.routine.id == routine_id:
                return n
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def _thumb(self, exercise_id: str | None) -> QPixmap | None:
        # Never computed while painting: drawing a pose costs ~0.1 s, so
        # thumbnails arrive afterwards through load_next_thumbnail().
        if exercise_id is None:
            return None
        return self._thumbs.get(exercise_id)

    def thumbnails_pending(self) -> int:
        """How many routine pictures are still to be made."""
        wanted = {r.thumbnail for r in self._rows if r.thumbnail is not None}
        return len(wanted - self._thumbs.keys())

    def load_next_thumbnail(self) -> bool:
        """Make one missing thumbnail; False when there is nothing left to do."""
        if self._thumbnail_for is None:
            return False
        for n, row in enumerate(self._rows):
            ex = row.thumbnail
            if ex is not None and ex not in self._thumbs:
                self._thumbs[ex] = self._thumbnail_for(ex)
                for m in range(n, len(self._rows)):
                    if self._rows[m].thumbnail == ex:
                        idx = self.index(m, 0)
                        self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])
                return True
        return False

    def summary(self, row: RoutineRow) -> str:
        count = len(row.routine.items)
        parts = [
            format_duration(row.duration_s),
            self.tr("%n exercise(s)", "", count),
            row.routine.schedule.text,
        ]
        return " · ".join(p for p in parts if p)

    def badges(self, row: RoutineRow) -> list[str]:
        out = [label_text(EQUIPMENT_LABELS[e]) for e in sorted(row.equipment)]
        if not row.needs_floor:
            out.insert(0, self.tr("no floor work"))
        if not row.routine.builtin:
            out.insert(0, self.tr("my routine"))
        if is_starter(row.routine):
            out.insert(0, self.tr("start here: beginners and flare-ups"))
        return out

    def position_badges(self, row: RoutineRow) -> list[str]:
        """The positions the routine asks for, in the catalog's order (back, front, ...)."""
        return [label_text(label) for p, label in POSITION_LABELS.items() if p in row.positions]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        r = row.routine
        if role == Qt.ItemDataRole.DisplayRole:
            return r.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{r.name}\n{self.summary(row)}\n{r.description}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{r.name}, {self.summary(row)}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumb(row.thumbnail)
        if role == Role.ROUTINE:
            return r
        if role == Role.ROUTINE_ID:
            return r.id
        if role == Role.DURATION_S:
            return row.duration_s
        if role == Role.EXERCISE_COUNT:
            return len(r.items)
        if role == Role.SCHEDULE:
            return r.schedule.text
        if role == Role.EQUIPMENT:
            return row.equipment
        if role == Role.POSITIONS:
            return row.positions
        if role == Role.NEEDS_FLOOR:
            return row.needs_floor
        if role == Role.CAUSES:
            return r.causes
        if role == Role.SUMMARY:
            return self.summary(row)
        if role == Role.BADGES:
            return self.badges(row)
        if role == Role.POSITION_BADGES:
            return self.position_badges(row)
        if role == Role.BUILTIN:
            return r.builtin
        return None


class RoutineFilter(QSortFilterProxyModel):
    """Cause, the equipment the person has, and whether floor work is possible."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cause: Cause | None = None
        self._have: frozenset[Equipment] = frozenset(Equipment)
        self._no_floor = False
        self._position: Position | None = None

    def _begin_change(self) -> None:
        # Qt 6.10 replaced invalidateFilter() with a begin/end pair.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()

    def _end_change(self) -> None:
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def set_cause(self, cause: Cause | None) -> None:
        self._begin_change()
        self._cause = cause
        self._end_change()

    def set_available_equipment(self, have: Iterable[Equipment]) -> None:
        self._begin_change()
        self._have = frozenset(have)
        self._end_change()

    def set_no_floor_work(self, on: bool) -> None:
        self._begin_change()
        self._no_floor = on
        self._end_change()

    def set_position(self, position: Position | None) -> None:
        """Only routines that use this position somewhere."""
        self._begin_change()
        self._position = position
        self._end_change()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._cause is not None and self._cause not in model.data(index, Role.CAUSES):
            return False
        if not model.data(index, Role.EQUIPMENT) <= self._have:
            return False
        if self._no_floor and model.data(index, Role.NEEDS_FLOOR):
            return False
        return self._position is None or self._position in model.data(index, Role.POSITIONS)


@dataclass
class CardLayout:
    """Where a card's parts go, for a given width: the name and the badges
    wrap onto more lines rather than being cut, and the card grows."""

    height: int
    thumb: QRect
    title: QRect  # the name, wrapped
    summary: QRect  # one line, shortened with "…"
    pills: list[tuple[QRect, str, bool]]  # (where, text, outlined)
    title_font: QFont | None = None
    """The name's font: smaller for a name with a word wider than the card
    (German at twice the text size: "Eingeklemmter" was cut at the card's
    edge, "Eingeklemm"), down to the badges' size."""
    title_flags: int = int(Qt.TextFlag.TextWordWrap)
    """Word wrap; wrap anywhere if the word is still too wide at that size."""


class RoutineCardDelegate(QStyledItemDelegate):
    """Thumbnail on the left, name in bold, a summary line, then badges.

    Each card is as tall as its wrapped name and badge rows need at the
    list's width: with large text (twice the font) a fixed height cut the
    name and dropped every badge after the first.
    """

    PAD = 6
    GAP = 10

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        title.setPointSizeF(option.font.pointSizeF() * 1.25)
        body = QFont(option.font)
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.9)
        return title, body, small

    def card_layout(self, option: QStyleOptionViewItem, index: _Index, rect: QRect) -> CardLayout:
        """The card's parts inside ``rect`` (its top, left and width count)."""
        fonts = self._fonts(option)
        title_fm, body_fm, small_fm = (QFontMetrics(f) for f in fonts)
        inner = rect.adjusted(8, self.PAD, -8, -self.PAD)
        one_line = title_fm.height() + body_fm.height() + int(small_fm.height() * 1.6) + 8
        # The picture keeps the size of a one-line card and at most a fifth
        # of the width: the words get the rest.
        side = max(24, min(one_line, inner.width() // 5))
        thumb = QRect(inner.left(), inner.top(), side, side)
        x = inner.left() + side + self.GAP
        width = max(40, inner.right() - x)
        wrap = int(Qt.TextFlag.TextWordWrap)
        name = str(index.data())
        title_font = QFont(fonts[0])
        words = name.split()
        fm = title_fm
        while (
            max((fm.horizontalAdvance(w) for w in words), default=0) >= width
            and title_font.pointSizeF() > fonts[2].pointSizeF()
        ):
            title_font.setPointSizeF(max(fonts[2].pointSizeF(), title_font.pointSizeF() * 0.9))
            fm = QFontMetrics(title_font)
        longest = max((fm.horizontalAdvance(w) for w in words), default=0)
        title_flags = wrap if longest < width else int(Qt.TextFlag.TextWrapAnywhere)
        title_h = fm.boundingRect(0, 0, width, 10_000, title_flags, name).height()
        title = QRect(x, inner.top(), width, title_h)
        summary = QRect(x, title.bottom() + 1, width, body_fm.height())
        y = summary.bottom() + 1 + 4
        pill_h = int(small_fm.height() * 1.3)
        pills: list[tuple[QRect, str, bool]] = []
        # Positions as outlined pills, then what to have at hand as filled
        # ones: "lying on back" and "mat" answer different questions.
        items = [(b, True) for b in index.data(Role.POSITION_BADGES) or []]
        items += [(b, False) for b in index.data(Role.BADGES) or []]
        bx, row_h = x, pill_h
        for badge, outlined in items:
            w = small_fm.horizontalAdvance(badge) + 12
            h = pill_h
            if w > width:  # a badge wider than the card wraps inside its pill
                w = width
                text_h = small_fm.boundingRect(0, 0, w - 12, 10_000, wrap, badge).height()
                h = text_h + pill_h - small_fm.height()
            if bx > x and bx + w > x + width:
                bx, y, row_h = x, y + row_h + 4, pill_h  # on to the next row
            pills.append((QRect(bx, y, w, h), badge, outlined))
            row_h = max(row_h, h)
            bx += w + 6
        bottom = y + row_h if pills else y
        height = max(thumb.bottom(), bottom) - rect.top() + self.PAD + 1
        return CardLayout(max(height, 72), thumb, title, summary, pills, title_font, title_flags)

    def _width(self, option: QStyleOptionViewItem) -> int:
        view = option.widget
        if isinstance(view, QAbstractItemView):
            return view.viewport().width()
        return max(320, option.rect.width())

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        width = self._width(option)
        return QSize(width, self.card_layout(option, index, QRect(0, 0, width, 0)).height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        style = option.widget.style() if option.widget is not None else None
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = type(opt.icon)()
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = self.card_layout(option, index, option.rect)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        fg = option.palette.color(text_role)
        thumb = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(thumb, QPixmap) and not thumb.isNull():
            scaled = thumb.scaled(
                card.thumb.size() * thumb.devicePixelRatio(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            scaled.setDevicePixelRatio(thumb.devicePixelRatio())
            painter.drawPixmap(card.thumb.topLeft(), scaled)
        title, body, small = self._fonts(option)
        painter.setPen(fg)
        painter.setFont(card.title_font or title)
        top_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        painter.drawText(card.title, int(top_left) | card.title_flags, str(index.data()))
        painter.setFont(body)
        muted = QColor(fg)
        if not selected:
            muted.setAlphaF(0.75)
        painter.setPen(muted)
        summary = QFontMetrics(body).elidedText(
            str(index.data(Role.SUMMARY)), Qt.TextElideMode.ElideRight, card.summary.width()
        )
        painter.drawText(card.summary, int(top_left), summary)
        painter.setFont(small)
        fm = QFontMetrics(small)
        fill = QColor(fg)
        fill.setAlphaF(0.12)
        outline = QColor(fg)
        outline.setAlphaF(0.45)
        for pill, badge, outlined in card.pills:
            if outlined:
                painter.setPen(outline)
                painter.setBrush(Qt.BrushStyle.NoBrush)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(fill)
            radius = min(pill.height(), fm.height() * 1.3) / 2
            painter.drawRoundedRect(pill, radius, radius)
            painter.setPen(fg)
            if pill.height() > fm.height() * 1.3 + 1:  # wrapped (card_layout)
                flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
                painter.drawText(pill.adjusted(6, 0, -6, 0), int(flags), badge)
            else:
                painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, badge)
        painter.restore()


class MenuButton(QToolButton):
    """A button that opens its menu, drawn without the style's menu arrow.

    Its text ends in "▾" in every language; the style's arrow drew a second
    one over the last letters. It was hidden with a style sheet, which made
    the button keep the palette of the theme it was built in: white on the
    dark theme (or dark on the light one) after a switch.
    """

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        del event
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        option.features &= ~QStyleOptionToolButton.ToolButtonFeature.HasMenu
        QStylePainter(self).drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option)
