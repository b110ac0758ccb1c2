"""Qt's own file dialog at large text (a new person's walk, round 2).

Where the desktop offers no file dialog of its own, Qt draws one. At twice
the text size it opened 692 px wide with columns sized for normal text: its
headers read "Größ", "Änderung", the places beside the list "C..", "roo".
Every file dialog the app opens now comes through qt/dialogs.py, which sizes
it to what it shows and to the screen.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSettings, QStandardPaths, qVersion
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QListView, QStyle, QTreeView
from tests.qt.test_large_text_layout import installed, text_scale
from tests.qt.text_fit import cut_texts

from stretchguide.qt import dialogs

__all__ = ["installed", "text_scale"]  # fixtures, used by name

SCREEN = QRect(0, 0, 1024, 768)


@pytest.fixture(autouse=True)
def qt_settings_in_tmp(tmp_path):
    """Qt's file dialog keeps its columns and places in QtProject.conf under
    the user's config folder: here, under the test's own folder."""
    fmt, scope = QSettings.Format.NativeFormat, QSettings.Scope.UserScope
    QSettings.setPath(fmt, scope, str(tmp_path / "config"))
    yield
    # A dialog writes them when it is deleted: before the path goes back.
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QFileDialog):
            widget.close()
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    home = QStandardPaths.StandardLocation.GenericConfigLocation
    QSettings.setPath(fmt, scope, QStandardPaths.writableLocation(home))


def qt_dialog(qtbot, tmp_path) -> QFileDialog:
    (tmp_path / "a routine for the morning.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "folder").mkdir(exist_ok=True)
    dialog = QFileDialog(None, "Save", str(tmp_path), "PDF (*.pdf)")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as offscreen
    qtbot.addWidget(dialog)
    return dialog


def problems(qtbot, dialog: QFileDialog, rows: int = 2) -> list[str]:
    """What is cut or off the screen in ``dialog`` as shown, once it lists
    ``rows`` files (qt_dialog's folder and PDF)."""
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(50)
    # The folder's path is shortened in its middle by the dialog itself, as
    # the file names are: a path can be any length.
    found = [c for c in cut_texts(dialog) if not c.startswith("QComboBox(lookInCombo)")]
    if dialog.width() > SCREEN.width() or dialog.height() > SCREEN.height():
        found.append(f"the dialog is {dialog.size()}, the screen {SCREEN.size()}")
    # The size, type and date of each file whole (the names are shortened
    # in their middle by the dialog: any length is possible).
    tree = dialog.findChild(QTreeView, "treeView")
    model, root = tree.model(), tree.rootIndex()
    qtbot.waitUntil(lambda: model.rowCount(root) >= rows)
    fm = tree.fontMetrics()
    margin = 2 * (tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
    for row in range(model.rowCount(root)):
        for c in range(1, model.columnCount(root)):
            text = str(model.index(row, c, root).data() or "")
            room = tree.columnWidth(c) - margin
            if fm.horizontalAdvance(text) > room:
                found.append(f"cell {text!r} needs {fm.horizontalAdvance(text)} px, has {room}")
    places = dialog.findChild(QListView, "sidebar")
    fm = places.fontMetrics()
    for row in range(places.model().rowCount()):
        index = places.model().index(row, 0)
        text = str(index.data())
        rect = places.visualRect(index)  # as wide as its text, even past the view
        shown = min(rect.right(), places.viewport().width()) - rect.left()
        room = shown - places.iconSize().width() - 8
        if fm.horizontalAdvance(text) > room:
            found.append(f"place {text!r} needs {fm.horizontalAdvance(text)} px, has {room}")
    return found


@pytest.mark.parametrize("lang", ["en", "de", "es", "fr"])
def test_qt_file_dialog_fits_its_headers_and_places_at_twice_the_text(
    qtbot, tmp_path, text_scale, installed, lang
):
    text_scale(2.0)
    dialog = qt_dialog(qtbot, tmp_path)
    dialogs.fit_file_dialog(dialog, SCREEN)
    assert problems(qtbot, dialog) == [], lang
    # Room left for the file names: at least 12 characters.
    view = dialog.findChild(QTreeView, "treeView")
    assert view.header().sectionSize(0) >= 12 * view.fontMetrics().averageCharWidth(), lang
    # A folder's type in the interface's language (Qt's Spanish and French
    # catalogues lack it: qt.i18n.QT_CATALOGUE_GAPS).
    model, root = view.model(), view.rootIndex()
    types = {str(model.index(r, 2, root).data()) for r in range(model.rowCount(root))}
    folder = {"en": "Folder", "de": "Verzeichnis", "es": "Carpeta", "fr": "Dossier"}[lang]
    assert folder in types, (lang, types)


def test_unfitted_the_same_dialog_is_cut(qtbot, tmp_path, text_scale):
    # What the person saw before: the check above would have said so.
    text_scale(2.0)
    dialog = qt_dialog(qtbot, tmp_path)
    assert any("scrolls sideways" in p for p in problems(qtbot, dialog))


def test_a_narrow_place_list_kept_from_an_earlier_time_is_widened(qtbot, tmp_path, text_scale):
    # Qt keeps the dialog's layout from its last use (at normal text, say):
    # the places read "C..", "roo" at twice the text.
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.setValue("FileDialog/sidebarWidth", 70)
    settings.setValue("FileDialog/qtVersion", qVersion())  # else Qt reads none of it
    settings.setValue("FileDialog/shortcuts", ["file:", f"file://{tmp_path}"])
    settings.sync()
    text_scale(2.0)
    kept = qt_dialog(qtbot, tmp_path)
    assert any(p.startswith("place") for p in problems(qtbot, kept))
    kept.close()
    dialog = qt_dialog(qtbot, tmp_path)
    dialogs.fit_file_dialog(dialog, SCREEN)
    assert problems(qtbot, dialog) == []


def test_at_normal_text_the_dialog_is_not_made_larger_than_qt_makes_it_need(qtbot, tmp_path):
    dialog = qt_dialog(qtbot, tmp_path)
    dialogs.fit_file_dialog(dialog, SCREEN)
    assert problems(qtbot, dialog) == []
    assert dialog.width() <= 0.8 * SCREEN.width()


def test_a_small_screen_keeps_the_dialog_on_it(qtbot, tmp_path, text_scale):
    text_scale(2.0)
    dialog = qt_dialog(qtbot, tmp_path)
    small = QRect(0, 0, 800, 600)
    dialogs.fit_file_dialog(dialog, small)
    assert dialog.width() <= small.width() and dialog.height() <= small.height()


@pytest.mark.parametrize("export", ["png", "pdf", "csv", "sheet", "ics"])
def test_every_file_dialog_the_app_opens_is_fitted(
    qtbot, monkeypatch, window_clock, text_scale, export
):
    window, _clock = window_clock
    text_scale(2.0)  # the dialog, made now, takes the larger text
    opened: list[tuple[QFileDialog, list[str]]] = []

    def run(dialog):  # as the person sees it, then Cancel
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        opened.append((dialog, problems(qtbot, dialog, rows=0)))  # the home folder
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(dialogs, "run", run)
    fitted: list[QFileDialog] = []
    fit = dialogs.fit_file_dialog
    monkeypatch.setattr(
        dialogs, "fit_file_dialog", lambda d, room=None: (fitted.append(d), fit(d, SCREEN))
    )
    if export in ("sheet", "ics"):
        window.ensure_routines()
        window.routines.select_routine(next(iter(window.ctx.catalog.routines)))
        result = window.save_sheet() if export == "sheet" else window.export_plan()
    else:
        window.show_history()
        page = window._history_view
        result = {"png": page.export_png, "pdf": page.export_pdf, "csv": page.export_csv}[export]()
    assert not result  # cancelled: nothing written
    assert len(opened) == 1 and fitted == [opened[0][0]], export
    assert opened[0][1] == [], export
