"""Every dialog of the app opens through here, with the main window's input guard.

A dialog is a window of its own, and it opens under the pointer: the
second click of a double click on "Delete", "Close" or "Quit" landed on
the question's own button and answered it unread. ``guarded`` gives the
dialog an ``InputGuard`` (qt/input_guard.py) that shares the main
window's run of clicks, so that second click is dropped; a click of its
own counts. A held Enter that opened the dialog does not answer it either.

Questions default to the answer that changes nothing (No, Cancel): Enter
pressed to get past one never says yes. tests/qt/test_structure.py checks
that no module shows a QMessageBox or runs a dialog any other way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # QMessageBox costs startup time: imported when a dialog opens
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QDialog, QFileDialog, QHeaderView, QWidget


def guarded(dialog: QWidget) -> QWidget:
    """``dialog`` with a click and key guard on its window (made now, before it shows)."""
    from stretchguide.qt.input_guard import InputGuard

    dialog.winId()  # creates its QWindow, where the guard listens
    InputGuard(dialog)
    return dialog


def run(dialog: QDialog) -> int:
    """Show ``dialog`` modally, guarded, and return its result."""
    guarded(dialog)
    return dialog.exec()


def open_window_modal(dialog: QDialog) -> None:
    """Open ``dialog`` over its window without waiting for it, guarded."""
    guarded(dialog)
    dialog.open()


def ask(parent: QWidget | None, title: str, text: str, discard: bool = False) -> bool:
    """A Yes/No question (Discard/Cancel with ``discard``); True for Yes or
    Discard. No or Cancel is the default button: Enter answers it."""
    from PySide6.QtWidgets import QMessageBox

    b = QMessageBox.StandardButton
    yes, no = (b.Discard, b.Cancel) if discard else (b.Yes, b.No)
    box = QMessageBox(QMessageBox.Icon.Question, title, text, yes | no, parent)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    return run(box) == yes


def tell(parent: QWidget | None, title: str, text: str, warning: bool = False) -> None:
    """A message with one OK button."""
    from PySide6.QtWidgets import QMessageBox

    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    run(QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent))


# -- files ---------------------------------------------------------------------
# Qt's own file dialog (where the desktop offers none of its own) opened at a
# fixed small size with columns sized for the normal text: at twice the text
# its headers read "Größ", "Änderung" and the places beside it "C..". Each
# file dialog opens through these, sized to what it shows.
def save_file_name(
    parent: QWidget | None, title: str, start: str, pattern: str, confirm_overwrite: bool = True
) -> str:
    """A path to save to, or "" if the person cancelled."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, title, start, pattern)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, not confirm_overwrite)
    return _chosen(dialog)


def existing_directory(parent: QWidget | None, title: str, start: str) -> str:
    """A folder that exists, or "" if the person cancelled."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, title, start)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    return _chosen(dialog)


def _chosen(dialog: QFileDialog) -> str:
    from PySide6.QtWidgets import QDialog

    fit_file_dialog(dialog)
    try:
        if run(dialog) != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return ""
        return dialog.selectedFiles()[0]
    finally:
        dialog.deleteLater()


def fit_file_dialog(dialog: QFileDialog, room: QRect | None = None) -> None:
    """Size Qt's own file dialog to what it shows at the current text size:
    every column's header and its widest size, type and date whole, the
    places beside the list named, within ``room`` (the screen's free area
    unless given). File names take what is left. A desktop's own dialog
    has no widgets here and keeps its own size."""
    from PySide6.QtWidgets import QHeaderView, QListView, QSplitter, QStyle, QTreeView

    if room is None:
        room = (dialog.parentWidget() or dialog).screen().availableGeometry()
    # A window frame and title bar around the dialog, inside the room.
    width_room, height_room = room.width() - 24, room.height() - 64
    tree = dialog.findChild(QTreeView, "treeView")
    places = dialog.findChild(QListView, "sidebar")
    splitter = dialog.findChild(QSplitter, "splitter")
    layout = dialog.layout()
    if tree is None or places is None or splitter is None or layout is None:
        return
    fm = dialog.fontMetrics()
    char = fm.averageCharWidth()
    style = dialog.style()
    header = tree.header()
    # The header's margins and a sort mark: any column sorts when clicked.
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    pad = 3 * margin + style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    texts = _column_texts(header, dialog.nameFilters())
    columns = [max(fm.horizontalAdvance(t) for t in column) + pad for column in texts]
    model = places.model()
    side = 2 * fm.height() + max(
        (
            fm.horizontalAdvance(str(model.index(r, 0).data() or ""))
            for r in range(model.rowCount())
        ),
        default=8 * char,
    )
    frame = 2 * style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, tree)
    scroll = style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, tree)
    margins = layout.contentsMargins()
    around = margins.left() + margins.right() + splitter.handleWidth() + 2 * frame + scroll
    names = 28 * char  # a file name before it is shortened in its middle
    width = around + side + names + sum(columns[1:])
    width = min(max(width, dialog.minimumSizeHint().width()), width_room)
    height = min(max(dialog.sizeHint().height(), 22 * fm.height()), height_room)
    dialog.resize(width, height)
    splitter.setSizes([side, width - side])
    header.setStretchLastSection(False)
    for c, need in enumerate(columns[1:], 1):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(c, need)
    # The names take the rest, never less than their header.
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(min(columns))


def _column_texts(header: QHeaderView, patterns: list[str]) -> list[list[str]]:
    """Each column of Qt's file list: its header and, for size, type and
    date, the widest it writes (Qt's own words and formats, translated):
    the type of a file the dialog lists is its MIME type's description
    ("PDF document", "document PDF")."""
    import re

    from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QMimeDatabase

    def kind(text: str, disambiguation: str | None = None) -> str:
        return QCoreApplication.translate("QAbstractFileIconProvider", text, disambiguation)

    mime = QMimeDatabase()
    by_name = QMimeDatabase.MatchMode.MatchExtension
    suffixes = {m for pattern in patterns for m in re.findall(r"\*\.(\w+)", pattern)}
    kinds = [mime.mimeTypeForFile(f"x.{suffix}", by_name).comment() for suffix in suffixes]
    system = QLocale.system()  # as QFileSystemModel writes sizes and dates
    latest = QDateTime.fromString("2026-12-28T23:58:58", "yyyy-MM-ddTHH:mm:ss")
    widest = [
        [],
        [system.formattedDataSize(999_900_000_000), system.formattedDataSize(1023)],
        [kind("Folder", "All other platforms"), kind("Drive"), *kinds],
        [system.toString(latest, QLocale.FormatType.ShortFormat)],
    ]
    model = header.model()
    out = []
    for c in range(header.count()):
        title = str(model.headerData(c, header.orientation()) or "") if model else ""
        out.append([title, *(widest[c] if c < len(widest) else [])])
    return out
