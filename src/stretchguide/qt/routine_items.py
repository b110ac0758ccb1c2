"""The routine editor's list of exercises, as a Qt item model (tested
without a view), and which item a loader error names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from stretchguide.core.catalog import CatalogError, Dose, Exercise, RoutineItem, describe_dose

_Index = QModelIndex | QPersistentModelIndex
_ITEM_FIELD = re.compile(r"^items\[(\d+)\]")


def error_item(err: CatalogError) -> int | None:
    """Which routine item (0-based) an error is about, if any."""
    m = _ITEM_FIELD.match(err.field or "")
    return int(m.group(1)) if m else None


class RoutineItemsModel(QAbstractListModel):
    """The routine's items in order; edits keep the model the single truth."""

    def __init__(self, exercises: Mapping[str, Exercise], parent: Any = None) -> None:
        super().__init__(parent)
        self.exercises = exercises
        self.items: list[RoutineItem] = []
        self.error_row: int | None = None

    def set_items(self, items: Iterable[RoutineItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.error_row = None
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        ex = self.exercises.get(item.exercise_id)
        name = ex.name if ex is not None else item.exercise_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            mark = "⚠ " if index.row() == self.error_row else ""
            return f"{mark}{index.row() + 1}. {name} — {describe_dose(item.dose)}"
        if role == Qt.ItemDataRole.UserRole:
            return item
        return None

    def append(self, exercise_id: str) -> int:
        ex = self.exercises[exercise_id]
        row = len(self.items)
        self.beginInsertRows(QModelIndex(), row, row)
        self.items.append(RoutineItem(exercise_id, ex.dose))
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.items[row]
            self.endRemoveRows()

    def move(self, row: int, delta: int) -> int:
        dest = row + delta
        if not (0 <= row < len(self.items) and 0 <= dest < len(self.items)):
            return row
        # beginMoveRows wants the destination *before* which the row lands.
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), dest + 1 if delta > 0 else dest)
        self.items.insert(dest, self.items.pop(row))
        self.endMoveRows()
        return dest

    def set_dose(self, row: int, dose: Dose) -> None:
        self.items[row] = replace(self.items[row], dose=dose)
        idx = self.index(row)
        self.dataChanged.emit(idx, idx)

    def set_error_row(self, row: int | None) -> None:
        old, self.error_row = self.error_row, row
        for r in (old, row):
            if r is not None and 0 <= r < len(self.items):
                self.dataChanged.emit(self.index(r), self.index(r))
