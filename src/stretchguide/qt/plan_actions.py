"""The plan's side of the main window: the tray companion and its reminders,
the printable routine sheet and the calendar export.

A mixin of :class:`~stretchguide.qt.main_window.MainWindow` (``self`` is the
window): these share the selected routine, the saved plan and the window's
dialogs, and moved here so the window keeps to its pages and frame.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    # datetime is imported where used: the window imports this module before
    # its first paint, which needs no date (~2.5 ms of CPU there).
    from datetime import date

    from stretchguide.core.catalog import Routine
    from stretchguide.qt.context import AppContext
    from stretchguide.qt.main_window import MainWindow
    from stretchguide.qt.routines_page import RoutinesPage
    from stretchguide.qt.tray import Companion


class PlanActions(QMainWindow):
    """Reminders, the sheet and the calendar for the window that mixes this in."""

    # Set by MainWindow.__init__.
    ctx: AppContext
    routines: RoutinesPage
    ask: Callable[[str, str], bool]
    inform: Callable[[str, str], None]
    _companion: Companion | None

    def _plan_changes(self) -> list[tuple[date, str]]:
        """Every dose change in the saved plan, for the clinician report."""
        state = self.companion.state()
        return [(c.on, c.line) for c in state.changes] if state is not None else []

    @property
    def companion(self) -> Companion:
        """Tray, reminders and the plan (qt/tray.py), made on first use."""
        if self._companion is None:
            from stretchguide.qt.tray import Companion

            # Only MainWindow mixes this in.
            self._companion = Companion(cast("MainWindow", self))
        return self._companion

    def arm_reminder(self) -> None:
        self.companion.rearm()
        if self.companion.plan_error:
            self.statusBar().showMessage(self.companion.plan_error, 0)

    def check_reminder(self) -> bool:
        return bool(self.companion.check())

    def _selected_routine(self) -> Routine | None:
        details = self.routines.details if self.routines.populated else None
        routine = details.routine if details is not None else None
        if routine is None and self.ctx.history_open:
            rid = self.companion.today_routine_id()
            routine = self.ctx.routine(rid) if rid else None
        return routine

    def _plan_of(self, routine: Routine) -> tuple[date, Any, Routine, tuple[str, ...]]:
        """Today, the routine's plan, the routine with its accepted doses, and
        the plan's changes (none for a routine that is not the planned one)."""
        from stretchguide.core.plan import Plan

        state = self.companion.state()
        # The History page's day (after a flight west, a session already done
        # on its own clock's date makes that day today): a new plan starts
        # on it and the sheet is dated with it.
        today = self.companion.today()
        if state is None or state.routine_id != routine.id:
            return today, Plan.for_routine(routine, today), routine, ()
        return (
            today,
            state.plan(routine),
            state.apply(routine),
            tuple(c.line for c in state.changes),
        )

    def save_sheet(self, path: str | None = None) -> Path | None:
        """The selected routine as a printable PDF; opened in the system's
        viewer to print (QtPrintSupport is not in the bundle)."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from stretchguide.qt.dialogs import save_file_name
        from stretchguide.qt.sheet import write_pdf

        routine = self._selected_routine()
        if routine is None:
            self.inform(self.tr("Print"), self.tr("Choose a routine in the list first."))
            return None
        if path is None:
            path = save_file_name(
                self,
                self.tr("Save the routine as PDF"),
                str(Path.home() / f"{routine.id}.pdf"),
                "PDF (*.pdf)",
            )
            if not path:
                return None
        today, plan, shown, changes = self._plan_of(routine)
        try:
            write_pdf(
                Path(path), shown, self.ctx.catalog.exercises, plan, today=today, changes=changes
            )
        except OSError as err:
            from stretchguide.qt.save_file import failed_text

            self.inform(self.tr("The PDF could not be saved"), failed_text(path, err))
            return None
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 8000)
        if self.ask(self.tr("Saved"), self.tr("Open the PDF to print it?")):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return Path(path)

    def export_plan(self, path: str | None = None) -> Path | None:
        """The plan as an .ics file with alarms, for a phone's calendar."""
        from datetime import UTC, datetime

        from stretchguide.core.ics import plan_to_ics
        from stretchguide.core.timeline import build_timeline
        from stretchguide.qt.dialogs import save_file_name

        routine = self._selected_routine()
        if routine is None:
            self.inform(self.tr("Calendar"), self.tr("Choose a routine in the list first."))
            return None
        if path is None:
            path = save_file_name(
                self,
                self.tr("Export the plan"),
                str(Path.home() / "stretchguide-plan.ics"),
                "iCalendar (*.ics)",
            )
            if not path:
                return None
        today, plan, _shown, _changes = self._plan_of(routine)
        at = datetime.strptime(self.ctx.prefs.reminder_time, "%H:%M").time()
        minutes = round(build_timeline(routine, self.ctx.catalog.exercises).total_s / 60)
        text = plan_to_ics(
            plan,
            title=self.tr("Stretches: %1").replace("%1", routine.name),
            at=at,
            minutes=minutes,
            now_utc=datetime.fromtimestamp(self.ctx.wall(), UTC).replace(tzinfo=None),
            description=routine.schedule.text,
        )
        from stretchguide.core.atomic import write_text_atomically
        from stretchguide.qt.save_file import failed_text

        try:
            # In one step: written in place, a full disk left half a
            # calendar under the name, and a device was replaced.
            write_text_atomically(Path(path), text, prefix=None)
        except OSError as err:
            self.inform(self.tr("The calendar could not be saved"), failed_text(path, err))
            return None
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 8000)
        return Path(path)
