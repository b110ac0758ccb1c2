"""Saving what the History page shows: the chart as PNG, the data as CSV,
and the report for a clinician as PDF, each asking before it replaces a
file and saying where it went.

A mixin of HistoryView: it reads the page's history, exercises, range and
clock, and its replaceable dialogs (pick_path, confirm_overwrite,
announce_saved), which tests swap for plain functions.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from stretchguide.core.catalog import Exercise
from stretchguide.qt.i18n import format_date
from stretchguide.store.history import History

if TYPE_CHECKING:
    from stretchguide.qt.history_chart import PainChart


class HistoryExports(QWidget):
    """The export half of the History page (see HistoryView)."""

    sig_exported = Signal(str)
    """A file was written (its path)."""

    # Set by HistoryView.
    history: History
    exercises: Mapping[str, Exercise]
    range_days: int
    painful_side: str
    red_flags: list[tuple[date, str]]
    report_pages: int
    plan_changes_source: Any
    pick_path: Any
    confirm_overwrite: Any
    announce_saved: Any
    plots: PainChart

    def today(self) -> date:
        raise NotImplementedError

    def visible_range(self) -> tuple[float, float]:
        raise NotImplementedError

    def _pick_path(self, title: str, suggested: str, pattern: str) -> str:
        from stretchguide.qt.dialogs import save_file_name

        # Overwriting is asked about once, by confirm_overwrite (testable).
        return save_file_name(
            self, title, str(Path.home() / suggested), pattern, confirm_overwrite=False
        )

    def _confirm_overwrite(self, paths: Sequence[Path]) -> bool:
        from stretchguide.qt.dialogs import ask

        names = ", ".join(p.name for p in paths[:3]) + ("…" if len(paths) > 3 else "")
        return ask(
            self,
            self.tr("Replace the file?"),
            self.tr("%1 already exists. Replace it?").replace("%1", names),
        )

    def _announce_saved(self, path: Path) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QMessageBox

        from stretchguide.qt.dialogs import run

        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Saved"))
        box.setText(self.tr("Saved to %1").replace("%1", str(path)))
        open_folder = box.addButton(self.tr("&Open folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Ok)
        run(box)
        if box.clickedButton() is open_folder:
            folder = path if path.is_dir() else path.parent
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _may_write(self, paths: Sequence[Path]) -> bool:
        # lexists: a link counts as a file (it is replaced, not followed), and
        # a name too long for the disk is no file rather than an error here
        # (Path.exists raised, past every message); the write then says why.
        existing = [p for p in paths if os.path.lexists(p)]
        return not existing or bool(self.confirm_overwrite(existing))

    def _save_failed(self, path: str | Path, err: OSError) -> None:
        from stretchguide.qt.save_file import failed_text

        self.report_error(failed_text(path, err))

    def chart_range(self) -> tuple[date, date]:
        """The first and last day the chart shows now."""
        x0, x1 = self.visible_range()
        first = datetime.fromtimestamp(max(0.0, x0)).date()
        last = datetime.fromtimestamp(max(0.0, x1 - 1)).date()
        return first, min(last, self.today())

    def chart_image(self, width: int = 1200) -> QImage:
        """The chart as shown, with a title that names what and when."""
        first, last = self.chart_range()
        title = (
            self.tr("StretchGuide: pain over time, %1 to %2")
            .replace("%1", format_date(first, "long"))
            .replace("%2", format_date(last, "long"))
        )
        return self.plots.image(title, width)

    def export_png(self, path: str | None = None) -> Path | None:
        path = path or self.pick_path(self.tr("Save chart"), "pain-chart.png", "PNG (*.png)")
        if not path or not self._may_write([Path(path)]):
            return None
        from stretchguide.qt.save_file import image_to

        try:
            # QImage.save's answer was not read: a full disk, a folder or one
            # that cannot be written all said "Saved".
            image_to(Path(path), self.chart_image())
        except OSError as err:
            self._save_failed(path, err)
            return None
        self.sig_exported.emit(path)
        self.announce_saved(Path(path))
        return Path(path)

    def export_csv(self, folder: str | None = None) -> list[Path]:
        from stretchguide.store.exchange import CSV_COLUMNS, ExportError, export_csv

        if folder is None:
            # From the home folder, as the other exports: the default was
            # the process's working folder (a source checkout, say).
            from stretchguide.qt.dialogs import existing_directory

            folder = existing_directory(self, self.tr("Export data to folder"), str(Path.home()))
        if not folder:
            return []
        if not self._may_write([Path(folder) / name for name in CSV_COLUMNS]):
            return []
        progress = self._export_progress()
        try:
            written = export_csv(self.history, Path(folder), progress=progress)
        except ExportError as err:
            self.report_error(err.user_message)
            return []
        finally:
            progress.close()
        self.sig_exported.emit(str(folder))
        self.announce_saved(Path(folder))
        return written

    def report_error(self, text: str) -> None:
        from stretchguide.qt.dialogs import tell

        tell(self, self.tr("Export failed"), text, warning=True)

    def _export_progress(self) -> Any:
        """A progress dialog that appears only if the export takes over a second."""
        from PySide6.QtWidgets import QApplication, QProgressDialog

        dialog = QProgressDialog(self.tr("Exporting your history..."), "", 0, 100, self)
        dialog.setCancelButton(None)
        dialog.setMinimumDuration(1000)
        dialog.setWindowTitle(self.tr("Export"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)

        def update(done: int, total: int) -> None:
            dialog.setValue(int(100 * done / total) if total else 100)
            QApplication.processEvents()

        class _Progress:
            def __call__(self, done: int, total: int) -> None:
                update(done, total)

            def close(self) -> None:
                dialog.close()
                dialog.deleteLater()

        return _Progress()

    def export_pdf(self, path: str | None = None) -> Path | None:
        from stretchguide.qt.report import export_report

        path = path or self.pick_path(
            self.tr("Save report"), "stretchguide-report.pdf", "PDF (*.pdf)"
        )
        if not path or not self._may_write([Path(path)]):
            return None
        try:
            self.report_pages = export_report(
                Path(path),
                self.history,
                self.exercises,
                self.today(),
                self.range_days,
                painful_side=self.painful_side,
                red_flags=self.red_flags,
                plan_changes=list(self.plan_changes_source()) if self.plan_changes_source else [],
            )
        except OSError as err:
            self._save_failed(path, err)
            return None
        self.sig_exported.emit(path)
        self.announce_saved(Path(path))
        return Path(path)
