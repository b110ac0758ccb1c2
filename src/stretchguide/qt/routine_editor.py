"""Create, copy and edit routines; saved as the person's own routine files.

Validation is the catalog loader's own: the edited routine is written out
with ``dump_routine_toml`` and read back with ``parse_routine_text`` before
anything touches the disk, so the editor can never save a file the app would
refuse to load. The first problem is shown inline, beside the item it names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from stretchguide.core.catalog import (
    MAX_ROUTINE_ITEMS,
    TEXT_LIMITS,
    CatalogError,
    Cause,
    Exercise,
    Routine,
    Schedule,
    Sides,
    load_routine_file,
    whole_range,
)
from stretchguide.core.os_reasons import os_reason_text
from stretchguide.qt.accessible import MessageLabel, role
from stretchguide.qt.dialogs import ask
from stretchguide.qt.routine_items import RoutineItemsModel, error_item
from stretchguide.routine_files import (
    RoutineLinkError,
    free_id,
    name_taken,
    save_routine,
    slugify,
    validate,
)


def whole_sessions(per_week: float) -> int:
    """A file's sessions a week as the editor's whole number (3.5 shows as 4)."""
    lo, hi = whole_range("sessions_per_week")
    return min(hi, max(lo, int(per_week + 0.5)))


class RoutineEditor(QDialog):
    sig_saved = Signal(object)
    """The routine was validated and saved (the Routine, as loaded back)."""
    sig_changed_outside = Signal(str)
    """The id of the routine edited, whose file another program had changed:
    the edit was saved as a new routine, and that file left as it is."""

    def __init__(
        self,
        exercises: Mapping[str, Exercise],
        folder: Path,
        base: Routine | None = None,
        taken_ids: Iterable[str] = (),
        parent: QWidget | None = None,
        taken_names: Iterable[str] = (),
    ) -> None:
        super().__init__(parent)
        self.exercises = exercises
        self.folder = folder
        self.taken = set(taken_ids)
        # Names of every other routine: two routines must never look alike
        # in the list. The routine being edited may keep its own name.
        own = base.name if base is not None and not base.builtin else None
        self.taken_names = [n for n in taken_names if n != own]
        self.editing_own = base is not None and not base.builtin
        self.base = base
        self.setWindowTitle(self.tr("Edit routine") if self.editing_own else self.tr("New routine"))
        self.resize(820, 620)

        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Routine name"))
        self.description = QLineEdit()
        self.description.setAccessibleName(self.tr("Description"))
        self.schedule = QLineEdit()
        self.schedule.setAccessibleName(self.tr("How often"))
        # The loader's limits: 500 characters pasted into the name were
        # refused at Save as "Please give the routine a name".
        for field, key in ((self.name, "name"), (self.description, "description")):
            field.setMaxLength(TEXT_LIMITS[key])
        self.schedule.setMaxLength(TEXT_LIMITS["schedule"])
        # Sessions are counted: a QDoubleSpinBox showed 7 as "7,0" in de/es/fr.
        self.per_week = QSpinBox()
        # Every range below is the loader's (LIMITS), never written again here.
        self.per_week.setRange(*whole_range("sessions_per_week"))
        self._file_per_week = 0.0  # as the routine file says (3.5: every other day)
        self.per_week.setAccessibleName(self.tr("Sessions per week"))
        self.name_error = MessageLabel(error=True)
        head = QFormLayout()
        head.addRow(self.tr("&Name"), self.name)
        head.addRow("", self.name_error)
        head.addRow(self.tr("&Description"), self.description)
        head.addRow(self.tr("How &often"), self.schedule)
        head.addRow(self.tr("Sessions a &week"), self.per_week)

        self.model = RoutineItemsModel(exercises, self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Exercises in this routine"))
        # Long lines wrap: a name with its dose was cut off at the list's
        # edge behind a sideways scroll bar.
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.add_combo = QComboBox()
        self.add_combo.setAccessibleName(self.tr("Exercise to add"))
        for ex in sorted(exercises.values(), key=lambda e: e.name):
            self.add_combo.addItem(ex.name, ex.id)
        # Not as wide as the longest name: at twice the text size that one
        # combo box, beside the dose form, made the dialog 1,221-1,593 px
        # wide and put Save off a 1024 px screen. It grows with the dialog.
        self.add_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.add_combo.setMinimumContentsLength(12)
        self.add_button = QPushButton(self.tr("&Add"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            b.setAccessibleName(b.text().replace("&", ""))
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_combo, 1)
        add_row.addWidget(self.add_button)
        move_row = QHBoxLayout()
        move_row.addWidget(self.up_button)
        move_row.addWidget(self.down_button)
        move_row.addWidget(self.remove_button)

        self.dose_box = QGroupBox(self.tr("Dose of the selected exercise"))
        dose = QFormLayout(self.dose_box)
        # A label over its field where the two do not fit side by side
        # (German and French at twice the text size).
        dose.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.hold = self._spin("hold_s", self.tr("Hold in seconds"))
        self.reps = QSpinBox()
        self.reps.setRange(*whole_range("reps"))
        self.reps.setAccessibleName(self.tr("Repetitions"))
        self.rep_s = self._spin("rep_s", self.tr("Seconds per repetition"))
        self.sets = QSpinBox()
        self.sets.setRange(*whole_range("sets"))
        self.sets.setAccessibleName(self.tr("Sets"))
        self.sides = QComboBox()
        self.sides.setAccessibleName(self.tr("Sides"))
        for key, label in (
            (Sides.NONE, self.tr("Both legs together")),
            (Sides.EACH, self.tr("Each side in turn")),
            (Sides.ALTERNATING, self.tr("Alternate sides")),
            (Sides.AFFECTED, self.tr("Painful side only")),
        ):
            self.sides.addItem(label, key)
        self.rest = self._spin("rest_s", self.tr("Rest between sets in seconds"))
        dose.addRow(self.tr("&Hold, seconds"), self.hold)
        dose.addRow(self.tr("Re&petitions"), self.reps)
        dose.addRow(self.tr("Seconds per re&p"), self.rep_s)
        dose.addRow(self.tr("S&ets"), self.sets)
        dose.addRow(self.tr("Si&des"), self.sides)
        dose.addRow(self.tr("Res&t between sets, seconds"), self.rest)
        self.item_error = MessageLabel(error=True)
        role(self.item_error, self.tr("Problem with this routine"))

        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        for b in (self.save_button, self.cancel_button):
            b.setAccessibleName(b.text().replace("&", ""))

        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(move_row)
        right = QVBoxLayout()
        right.addWidget(self.dose_box)
        right.addWidget(self.item_error)
        right.addStretch()
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        # The whole width for the exercise names (the longest ~530 px at
        # twice the text size), not the list's share beside the dose.
        layout.addLayout(add_row)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)

        self._loading = False
        self._load(base)
        # Closing with changes asks first (Esc, Cancel, the window's close
        # button, the main window closing): replaceable in tests.
        self.confirm_discard: Callable[[], bool] = self._confirm_discard
        self._as_loaded = self._state()
        self._connect_signals()
        self._on_selection()

    def _spin(self, field: str, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(*whole_range(field))
        spin.setDecimals(0)
        spin.setAccessibleName(name)
        return spin

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self.add_current)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.list.selectionModel().currentChanged.connect(self._on_selection)
        for w in (self.hold, self.rep_s, self.rest):
            w.valueChanged.connect(self._dose_edited)
        for s in (self.reps, self.sets):
            s.valueChanged.connect(self._dose_edited)
        self.sides.currentIndexChanged.connect(self._dose_edited)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        # A message about the name goes as soon as the name changes.
        self.name.textChanged.connect(self.name_error.clear)

    def _clear_item_error(self, *_args: Any) -> None:
        self.item_error.clear()
        self.model.set_error_row(None)

    def _load(self, base: Routine | None) -> None:
        if base is None:
            self.name.setText("")
            self.schedule.setText(self.tr("Once a day"))
            self.per_week.setValue(7)
            self.model.set_items([])
            return
        name = base.name if self.editing_own else self.tr("My %1").replace("%1", base.name)
        self.name.setText(name[:60])
        self.description.setText(base.description)
        self.schedule.setText(base.schedule.text)
        # From their start: setText leaves the cursor at the end, and a
        # long description showed mid-sentence ("...hintere Oberschenkel").
        self.description.setCursorPosition(0)
        self.schedule.setCursorPosition(0)
        self._file_per_week = base.schedule.sessions_per_week
        self.per_week.setValue(whole_sessions(base.schedule.sessions_per_week))
        self.model.set_items(base.items)

    # -- item editing -------------------------------------------------------------
    def _per_week(self) -> float:
        # A file's fraction is kept unless the person changed the count shown for it.
        kept, shown = self._file_per_week, self.per_week.value()
        return kept if kept and whole_sessions(kept) == shown else float(shown)

    def current_row(self) -> int:
        idx = self.list.currentIndex()
        return idx.row() if idx.isValid() else -1

    def select_row(self, row: int) -> None:
        self.list.setCurrentIndex(self.model.index(row))

    def add_current(self) -> None:
        if self.model.rowCount() >= MAX_ROUTINE_ITEMS:
            self.item_error.setText(self._too_many())
            return
        row = self.model.append(str(self.add_combo.currentData()))
        self._clear_item_error()
        self.select_row(row)

    def remove_selected(self) -> None:
        row = self.current_row()
        self.model.remove(row)
        if self.model.rowCount():
            self.select_row(min(row, self.model.rowCount() - 1))
        self._on_selection()

    def move_selected(self, delta: int) -> None:
        row = self.current_row()
        if row >= 0:
            self.select_row(self.model.move(row, delta))

    def _on_selection(self, *args: Any) -> None:
        row = self.current_row()
        self.dose_box.setEnabled(row >= 0)
        if row < 0:
            return
        d = self.model.items[row].dose
        self._loading = True
        self.hold.setValue(d.hold_s)
        self.reps.setValue(d.reps)
        self.rep_s.setValue(d.rep_s)
        self.sets.setValue(d.sets)
        self.sides.setCurrentIndex(max(0, self.sides.findData(d.sides)))
        self.rest.setValue(d.rest_s)
        self._loading = False

    def _dose_edited(self, *args: Any) -> None:
        row = self.current_row()
        if self._loading or row < 0:
            return
        old = self.model.items[row].dose
        self._clear_item_error()
        self.model.set_dose(
            row,
            replace(
                old,
                hold_s=self.hold.value(),
                reps=self.reps.value(),
                rep_s=self.rep_s.value(),
                sets=self.sets.value(),
                sides=Sides(self.sides.currentData()),
                rest_s=self.rest.value(),
            ),
        )

    # -- saving ---------------------------------------------------------------------
    def routine(self) -> Routine:
        name = self.name.text().strip()
        if self.editing_own and self.base is not None:
            rid = self.base.id
        else:
            rid = free_id(slugify(name), self.taken)
        base = self.base
        return Routine(
            id=rid,
            name=name,
            description=self.description.text().strip(),
            items=tuple(self.model.items),
            schedule=Schedule(self._per_week(), self.schedule.text().strip() or "As you like"),
            causes=base.causes if base is not None else frozenset({Cause.GENERAL}),
            sources=base.sources if base is not None else (),
            builtin=False,
            tags=base.tags if base is not None else (),
        )

    def show_error(self, err: CatalogError | None) -> None:
        self.name_error.clear()
        self.item_error.clear()
        self.model.set_error_row(None)
        if err is None:
            return
        text = self.tr("Expected %1").replace("%1", err.expected)
        if err.got is not None:
            text += self.tr(", got %1").replace("%1", err.got)
        if err.field == "name":
            self.name_error.setText(self._name_problem())
            self.name.setFocus()
            return
        row = error_item(err)
        if row is not None:
            self.model.set_error_row(row)
            self.select_row(row)
            field = err.field.split(".")[-1].replace("_s", "").replace("_", " ")
            self.item_error.setText(
                self.tr("Exercise %1, %2: ").replace("%1", str(row + 1)).replace("%2", field) + text
            )
        elif err.field == "items":
            if not self.model.items:
                self.item_error.setText(self.tr("Add at least one exercise."))
            elif len(self.model.items) > MAX_ROUTINE_ITEMS:
                self.item_error.setText(self._too_many())
            else:  # the whole routine (its length): the loader's own words
                self.item_error.setText(text)
        else:
            self.item_error.setText(f"{err.field}: {text}")

    def _name_problem(self) -> str:
        """Why the loader refused the name, in words."""
        name = self.name.text().strip()
        if not name:
            return self.tr("Please give the routine a name.")
        # Direction marks and zero-width spaces do not show: two names could
        # then look the same. (Joined emoji are fine: core/catalog/errors.py.)
        return self.tr(
            "The name holds characters that do not show (such as a direction mark "
            "or a zero-width space). Please type it without them."
        )

    def _too_many(self) -> str:
        return self.tr(
            "A routine holds at most %n exercises. Please remove some.", "", MAX_ROUTINE_ITEMS
        )

    def _state(self) -> tuple[object, ...]:
        return (
            self.name.text(),
            self.description.text(),
            self.schedule.text(),
            self.per_week.value(),
            tuple(self.model.items),
        )

    def has_changes(self) -> bool:
        """Anything edited since the editor opened (or was last saved)."""
        return self._state() != self._as_loaded

    def _confirm_discard(self) -> bool:
        return ask(  # Enter (the default, Cancel) keeps the work
            self,
            self.tr("Discard your changes?"),
            self.tr("Your changes to this routine are not saved. Close without saving them?"),
            discard=True,
        )

    def reject(self) -> None:
        if self.isVisible() and self.has_changes() and not self.confirm_discard():
            return  # stays open, edits kept
        super().reject()

    def _not_saved(self, err: OSError | CatalogError) -> str:
        if isinstance(err, RoutineLinkError) and err.target is None:
            text = self.tr(
                "Not saved: %1 is a link that leads to no file. Nothing was written; "
                "fix or remove the link and save again."
            )
        elif isinstance(err, RoutineLinkError):
            text = self.tr(
                "Not saved: %1 is a link to %2, which is not a file of yours. StretchGuide "
                "writes through a link only into a file you own; nothing was written."
            ).replace("%2", str(err.target))
        else:
            reason = os_reason_text(err) if isinstance(err, OSError) else str(err)
            text = self.tr("Not saved: %1 could not be written (%2).")
            text = text.replace("%2", reason)
        where = getattr(err, "path", None) or getattr(err, "filename", None) or self.folder
        return text.replace("%1", str(where))

    def save(self) -> Path | None:
        routine = self.routine()
        err = validate(routine, self.exercises)
        self.show_error(err)
        if err is not None:
            return None
        if name_taken(routine.name, self.taken_names):
            self.name_error.setText(
                self.tr(
                    "There is already a routine called “%1”. Please pick another name."
                ).replace("%1", routine.name)
            )
            self.name.setFocus()
            return None
        known = self.base if self.editing_own else None
        try:
            path = save_routine(routine, self.folder, self.exercises, known=known)
            saved = load_routine_file(path, self.exercises)
        except (OSError, CatalogError) as failed:
            # A read-only or full folder, a link the app will not follow:
            # said beside the routine, which stays open with the edits kept.
            self.item_error.setText(self._not_saved(failed))
            return None
        self._as_loaded = self._state()  # saved: nothing left to lose
        self.sig_saved.emit(saved)
        if known is not None and saved.id != known.id:
            # Its file holds another version now (changed outside the app):
            # that one stays, and this edit is a routine of its own.
            self.sig_changed_outside.emit(known.id)
        self.accept()
        return path
