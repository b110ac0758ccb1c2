"""The details pane: a routine's exercises in order with doses, steps and
cautions, and the buttons that act on it."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from stretchguide.core.catalog import Exercise, Routine, describe_dose
from stretchguide.qt.i18n import QT_TRANSLATE_NOOP
from stretchguide.qt.routine_list import (
    EQUIPMENT_LABELS,
    POSITION_LABELS,
    format_duration,
    label_text,
)

# Cautions read at 4.5:1 or better: #b35c00 is 4.7:1 on the light page and
# 3.8:1 on the dark one, where #ffa94d is 9:1.
CAUTION_LIGHT = "#b35c00"
CAUTION_DARK = "#ffa94d"


def routine_html(
    routine: Routine,
    exercises: Mapping[str, Exercise],
    duration_s: float,
    tr: Callable[[str], str] | None,
    caution_colour: str = CAUTION_LIGHT,
) -> str:
    """The routine as simple HTML (scales with the font, readable by screen readers)."""
    t: Callable[[str], str] = tr if tr is not None else str
    e = html.escape
    parts = [f"<h2>{e(routine.name)}</h2>"]
    if routine.description:
        parts.append(f"<p>{e(routine.description)}</p>")
    time_word = t(QT_TRANSLATE_NOOP("RoutineDetails", "Time"))
    how_often = t(QT_TRANSLATE_NOOP("RoutineDetails", "How often"))
    you_need = t(QT_TRANSLATE_NOOP("RoutineDetails", "You need"))
    unknown = t(QT_TRANSLATE_NOOP("RoutineDetails", "unknown exercise"))
    facts = [
        f"<b>{e(time_word)}:</b> {e(format_duration(duration_s))}",
        f"<b>{e(how_often)}:</b> {e(routine.schedule.text)}",
    ]
    needed = sorted(
        {
            q
            for i in routine.items
            if i.exercise_id in exercises
            for q in exercises[i.exercise_id].equipment
        }
    )
    if needed:
        facts.append(
            f"<b>{e(you_need)}:</b> "
            + e(", ".join(label_text(EQUIPMENT_LABELS[q]) for q in needed))
        )
    parts.append("<p>" + "<br>".join(facts) + "</p>")
    parts.append("<ol>")
    for item in routine.items:
        ex = exercises.get(item.exercise_id)
        if ex is None:
            parts.append(f"<li>{e(item.exercise_id)} ({e(unknown)})</li>")
            continue
        parts.append(
            f"<li><b>{e(ex.name)}</b> &mdash; {e(describe_dose(item.dose))}"
            f" <i>({e(label_text(POSITION_LABELS[ex.position]))})</i>"
        )
        if item.note:
            parts.append(f"<br><i>{e(item.note)}</i>")
        if ex.steps:
            parts.append("<ul>" + "".join(f"<li>{e(s)}</li>" for s in ex.steps) + "</ul>")
        for caution in ex.cautions:
            parts.append(f"<p style='color:{caution_colour}'>&#9888; {e(caution)}</p>")
        parts.append("</li>")
    parts.append("</ol>")
    return "".join(parts)


class RoutineDetails(QWidget):
    sig_start = Signal(str)
    """Start the routine with this id."""
    sig_edit = Signal(str)
    """Edit (a user routine) or copy (a built-in) the routine with this id."""
    sig_new = Signal()
    """Create a new routine."""
    sig_delete = Signal(str)
    """Delete the person's own routine with this id (after asking)."""
    sig_clear_filters = Signal()
    """Show every routine again (from the "No routine matches" state)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._routine: Routine | None = None
        self._shown: tuple[Mapping[str, Exercise], float] = ({}, 0.0)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(self.tr("Routine details"))
        self.empty = QLabel(self.tr("Pick a routine on the left to see its exercises."))
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.clear_filters_button = QPushButton(self.tr("C&lear filters"))
        self.clear_filters_button.setAccessibleName(self.tr("Clear filters and show every routine"))
        self.clear_filters_button.hide()
        layout.addWidget(self.clear_filters_button)
        layout.addWidget(self.browser, 1)
        # Takes the room only while the browser is hidden, so the empty-state
        # text and its button stay together at the top.
        layout.addStretch(0)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New routine"))
        self.new_button.setAccessibleName(self.tr("Create a new routine"))
        self.edit_button = QPushButton(self.tr("&Edit"))
        self.edit_button.setAccessibleName(self.tr("Edit or copy this routine"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete this routine of yours"))
        self.start_button = QPushButton(self.tr("&Start"))
        self.start_button.setAccessibleName(self.tr("Start this routine"))
        self.start_button.setDefault(True)
        for b in (
            self.clear_filters_button,
            self.new_button,
            self.edit_button,
            self.delete_button,
        ):
            b.setAutoDefault(True)  # Enter presses the focused one, as Space does
        font = self.start_button.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.start_button.setFont(font)
        self.start_button.setMinimumHeight(48)
        row.addWidget(self.new_button)
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        row.addStretch()
        row.addWidget(self.start_button)
        layout.addLayout(row)
        self._connect_signals()
        self.show_routine(None, {}, 0.0)

    def _connect_signals(self) -> None:
        self.start_button.clicked.connect(self._start)
        self.edit_button.clicked.connect(self._edit)
        self.delete_button.clicked.connect(self._delete)
        self.new_button.clicked.connect(self.sig_new.emit)
        self.clear_filters_button.clicked.connect(self.sig_clear_filters.emit)

    def _start(self) -> None:
        if self._routine is not None:
            self.sig_start.emit(self._routine.id)

    def _delete(self) -> None:
        if self._routine is not None and not self._routine.builtin:
            self.sig_delete.emit(self._routine.id)

    def _edit(self) -> None:
        if self._routine is not None:
            self.sig_edit.emit(self._routine.id)

    @property
    def routine(self) -> Routine | None:
        return self._routine

    def show_routine(
        self, routine: Routine | None, exercises: Mapping[str, Exercise], duration_s: float
    ) -> None:
        self._routine = routine
        has = routine is not None
        self.empty.setText(self.tr("Pick a routine on the left to see its exercises."))
        self.clear_filters_button.hide()
        self.empty.setVisible(not has)
        self.browser.setVisible(has)
        self.start_button.setEnabled(has)
        self.edit_button.setEnabled(has)
        # Built-in routines cannot be deleted; only the person's own.
        self.delete_button.setVisible(has and routine is not None and not routine.builtin)
        if routine is None:
            self.browser.clear()
            return
        self.edit_button.setText(self.tr("&Copy and edit") if routine.builtin else self.tr("&Edit"))
        self._shown = (exercises, duration_s)
        # This widget's palette, not the browser's: on a theme change this
        # one hears of it first, before its children take the new colours.
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        colour = CAUTION_DARK if dark else CAUTION_LIGHT
        self.browser.setHtml(routine_html(routine, exercises, duration_s, self.tr, colour))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        # The theme changed: the cautions take its colour.
        themes = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if event.type() in themes and self._routine is not None:
            self.show_routine(self._routine, *self._shown)

    def show_no_match(self) -> None:
        """The filters hide every routine: say so, offer to clear them, no Start."""
        self.show_routine(None, {}, 0.0)
        self.empty.setText(
            "<h2>"
            + self.tr("No routine matches")
            + "</h2><p>"
            + self.tr("No routine fits all the filters you chose.")
            + "</p>"
        )
        self.clear_filters_button.show()
