"""The routines page: filters, the list of routine cards, the details beside it.

``RoutinesPage`` shows the built-in and the person's routines and starts,
edits or deletes one through the window (``host``): the window owns the
dialogs and the flow. Before the first paint the page is a "Loading
routines…" label; ``populate`` builds the filters and the list and fills
them right after (the catalog, the list model and the
details pull in the domain, which the first frame does not need: see
PERFORMANCE.md). That is why the domain is imported inside methods here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from stretchguide.core.catalog import Equipment, Routine
    from stretchguide.qt.host import RoutinesHost
    from stretchguide.qt.routine_details import RoutineDetails
    from stretchguide.qt.routine_editor import RoutineEditor
    from stretchguide.qt.routine_list import RoutineFilter, RoutineListModel


class RoutinesPage(QWidget):
    sig_start = Signal(str)
    """Start this routine (Start in the details, or Enter on a card)."""
    sig_thumbnails_loaded = Signal()
    """Every routine card has its picture (or none exists)."""

    def __init__(self, host: RoutinesHost) -> None:
        super().__init__()
        self.host = host
        self.ctx = host.ctx
        self.populated = False
        self._focus_list = False
        self._editor: RoutineEditor | None = None
        layout = QVBoxLayout(self)
        # The first frame shows only this: the filters and the list are built
        # with their contents right after the first paint (``populate``), so
        # their PySide classes and layout cost nothing before it (~15 ms).
        # Rich text centres it without touching PySide's ``Qt`` namespace,
        # whose enums cost ~22 ms to materialise before the first paint.
        # (A plain label centred by ``setProperty("alignment", ...)`` costs
        # the same by the end of the paint, the text engine's start-up moving
        # into the paint, and draws it 1 px lower.)
        self._loading = QLabel("<center>" + self.tr("Loading routines…") + "</center>")
        layout.addWidget(self._loading, 1)

    def populate(self) -> None:
        """Load the catalog and fill the page (once; the window calls it after
        the first paint)."""
        if self.populated:
            return
        self.populated = True
        from stretchguide.core.catalog import Cause, Equipment, Position
        from stretchguide.qt.routine_details import RoutineDetails
        from stretchguide.qt.routine_list import (
            CAUSE_LABELS,
            EQUIPMENT_LABELS,
            POSITION_LABELS,
            RoutineCardDelegate,
            RoutineFilter,
            RoutineListModel,
            label_text,
        )

        self._build()
        self.ctx.catalog  # noqa: B018 - loads it (and the user's routines) now
        for cause in Cause:
            self.cause_filter.addItem(label_text(CAUSE_LABELS[cause]), cause)
        for pos in Position:
            self.position_filter.addItem(label_text(POSITION_LABELS[pos]).capitalize(), pos)
        menu = self.equipment_button.menu()
        for eq in Equipment:
            act = menu.addAction(label_text(EQUIPMENT_LABELS[eq]).capitalize())
            act.setCheckable(True)
            act.setChecked(True)
            self.equipment_actions[eq] = act
        self.model: RoutineListModel = RoutineListModel(thumbnail_for=self._thumbnail, parent=self)
        self.proxy: RoutineFilter = RoutineFilter(self)
        self.proxy.setSourceModel(self.model)
        self.list_view.setModel(self.proxy)
        self.list_view.setItemDelegate(RoutineCardDelegate(self.list_view))
        self.details: RoutineDetails = RoutineDetails()
        self.splitter.replaceWidget(1, self.details)
        self._details_placeholder.deleteLater()
        # At least two fifths for the list: at 1.5x text in German the
        # details' first size hint took all but 165 px, and the cards were
        # squeezed into a column, their names over their badges.
        width = self.splitter.width()
        if self.splitter.sizes()[0] < width * 2 // 5:
            self.splitter.setSizes([width * 2 // 5, width - width * 2 // 5])
        self._connect_routine_signals()
        self.reload_routines()
        errors = self.ctx.routine_errors
        if errors:
            self.host.statusBar().showMessage(
                (
                    self.tr("1 routine file could not be loaded: ")
                    if len(errors) == 1
                    else self.tr("%1 routine files could not be loaded: ").replace(
                        "%1", str(len(errors))
                    )
                )
                + str(errors[0]),
                0,
            )
        if self._focus_list:
            self.list_view.setFocus()
        # One thumbnail per event-loop turn, after this paints. The page is
        # the timer's context, so a closed window's chain stops instead of
        # calling into a deleted model.
        QTimer.singleShot(50, self, self._load_thumbnails)

    def focus_list(self) -> None:
        """Keyboard focus to the routine list (once it is built)."""
        if self.populated:
            self.list_view.setFocus()
        else:
            self._focus_list = True

    def _build(self) -> None:
        """The filters and an empty list, in place of the loading label."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import (
            QCheckBox,
            QComboBox,
            QListView,
            QMenu,
            QSplitter,
            QToolButton,
        )

        from stretchguide.qt.routine_list import MenuButton

        page = self.layout()
        assert isinstance(page, QVBoxLayout)
        page.removeWidget(self._loading)
        self._loading.deleteLater()
        # Built in a parentless body, shown at once below: a widget added to a
        # visible page's layout is only shown by a queued call, one turn later.
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        from stretchguide.qt.flow_layout import FlowLayout, flow_box

        # The filters wrap onto a second line when the width runs out: in
        # one row they asked for 1,160-1,250 px at twice the text size in
        # German, Spanish and French, wider than a 1,024 px screen.
        filter_row = QWidget()
        filters = FlowLayout(filter_row)
        self.cause_filter = QComboBox()
        self.cause_filter.setAccessibleName(self.tr("Filter by cause"))
        self.cause_filter.addItem(self.tr("Any cause"), None)
        self.position_filter = QComboBox()
        self.position_filter.setAccessibleName(self.tr("Filter by position"))
        self.position_filter.addItem(self.tr("Any position"), None)
        # As wide as its longest choice: at 1024 pixels "Lying face down" was cut.
        for combo in (self.cause_filter, self.position_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.no_floor = QCheckBox(self.tr("No &floor work"))
        self.no_floor.setAccessibleName(self.tr("Only routines without floor work"))
        self.equipment_button = MenuButton()
        self.equipment_button.setText(self.tr("Equipment I have ▾"))
        self.equipment_button.setAccessibleName(self.tr("Choose the equipment you have"))
        self.equipment_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.equipment_button.setMenu(QMenu(self.equipment_button))
        self.equipment_actions: dict[Equipment, QAction] = {}
        # Each filter under a label of its own: on Linux Qt gives a screen
        # reader a combo box's current item as its name ("Any cause", "seated")
        # and its set name not at all; Orca names it by the label it is the
        # buddy of (the "labelled by" relation).
        for text, combo in (
            (self.tr("Cause:"), self.cause_filter),
            (self.tr("Position:"), self.position_filter),
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            filters.addWidget(flow_box(label, combo))  # a label never parts from its combo
        filters.addWidget(self.equipment_button)
        filters.addWidget(self.no_floor)
        layout.addWidget(filter_row)

        self.list_view = QListView()
        self.list_view.setAccessibleName(self.tr("Routines"))
        # Cards grow with their wrapped names and badges (RoutineCardDelegate),
        # so their heights differ and follow the list's width.
        self.list_view.setResizeMode(QListView.ResizeMode.Adjust)
        # A top-to-bottom QListView lays its items out again on a change of
        # height only, unless it wraps text: a narrower list (the splitter
        # settling, the scroll bar appearing) kept the old heights, and in
        # French and German a card's last row of badges lay over the next name.
        self.list_view.setWordWrap(True)
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.list_view)
        # The splitter is sized with this small placeholder beside the list
        # (``activate`` below, on a shown page), as the page always was: the
        # details' own size hint would squeeze the list.
        self._details_placeholder = QLabel("<center>" + self.tr("Loading routines…") + "</center>")
        self.splitter.addWidget(self._details_placeholder)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout.addWidget(self.splitter, 1)
        page.addWidget(body, 1)
        body.show()
        page.activate()
        # Each filter sizes to its "Any ..." entry, as when the frame was shown
        # before it was filled (AdjustToContentsOnFirstShow keeps the first hint).
        self.cause_filter.sizeHint()
        self.position_filter.sizeHint()

    def _connect_routine_signals(self) -> None:
        self.list_view.selectionModel().currentChanged.connect(self._on_current)
        self.list_view.activated.connect(self._on_activated)
        self.details.sig_start.connect(self.sig_start)
        self.details.sig_edit.connect(self.edit_routine)
        self.details.sig_new.connect(lambda: self.edit_routine(None))
        self.cause_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_cause(self.cause_filter.currentData())
        )
        self.position_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_position(self.position_filter.currentData())
        )
        self.no_floor.toggled.connect(self.proxy.set_no_floor_work)
        for act in self.equipment_actions.values():
            act.toggled.connect(self._on_equipment)
        # The details and Start always belong to a routine the list shows.
        for sig in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            sig.connect(self._follow_filter)
        self.details.sig_clear_filters.connect(self.clear_filters)
        self.details.sig_delete.connect(self.delete_routine)

    def delete_routine(self, routine_id: str) -> bool:
        """Delete one of the person's routines, after asking; True if it went."""
        from stretchguide.routine_files import RoutineChangedError, delete_routine

        routine = self.ctx.user_routines.get(routine_id)
        if routine is None:
            return False
        if not self.host.ask(
            self.tr("Delete this routine?"),
            self.tr("Delete “%1”? Its file is removed; your history keeps past sessions.").replace(
                "%1", routine.name
            ),
        ):
            return False
        try:
            delete_routine(routine, self.ctx.paths.routines_dir, self.ctx.catalog.exercises)
        except RoutineChangedError as err:
            self._reload_changed(routine_id)
            self.host.inform(
                self.tr("Not deleted"),
                self.tr(
                    "“%1” was changed by another program while StretchGuide was open, so it "
                    "was not deleted. The list now shows the new version from %2."
                )
                .replace("%1", routine.name)
                .replace("%2", str(err.path)),
            )
            return False
        except OSError as err:
            # A read-only folder: the reason in words with the file, not
            # Python's "[Errno 30] …: '…'".
            from stretchguide.core.os_reasons import os_reason_text

            where = err.filename or self.ctx.paths.routines_dir
            text = self.tr("%1 could not be removed (%2).").replace("%1", str(where))
            self.host.inform(
                self.tr("Could not delete the routine"),
                text.replace("%2", os_reason_text(err)),
            )
            return False
        del self.ctx.user_routines[routine_id]
        self.reload_routines()
        self.host.statusBar().showMessage(
            self.tr("Deleted “%1”.").replace("%1", routine.name), 5000
        )
        return True

    def _follow_filter(self, *_args: Any) -> None:
        """Keep the selection, details and Start on a routine the list shows."""
        from stretchguide.qt.routine_list import Role

        empty = self.proxy.rowCount() == 0
        self._list_empty_label().setVisible(empty)
        if empty:
            self.list_view.setCurrentIndex(self.proxy.index(-1, 0))
            self.details.show_no_match()
            return
        current = self.list_view.currentIndex()
        shown = self.details.routine
        if current.isValid() and shown is not None and current.data(Role.ROUTINE_ID) == shown.id:
            return
        first = self.proxy.index(0, 0)
        self.list_view.setCurrentIndex(first)
        self._show_details(str(first.data(Role.ROUTINE_ID)))

    def _list_empty_label(self) -> QLabel:
        label = getattr(self, "_list_empty", None)
        if label is None:
            label = QLabel("<h2>" + self.tr("No routine matches") + "</h2>", self.list_view)
            label.setAccessibleName(self.tr("No routine matches"))
            label.move(24, 24)
            label.resize(label.sizeHint())
            self._list_empty = label
        return label

    def clear_filters(self) -> None:
        """Every filter back to "show everything"."""
        self.cause_filter.setCurrentIndex(0)
        self.position_filter.setCurrentIndex(0)
        self.no_floor.setChecked(False)
        for act in self.equipment_actions.values():
            act.setChecked(True)

    def _load_thumbnails(self) -> None:
        if self.model.load_next_thumbnail():
            QTimer.singleShot(0, self, self._load_thumbnails)
        else:
            self.sig_thumbnails_loaded.emit()

    def thumbnails_loaded(self) -> bool:
        return self.populated and self.model.thumbnails_pending() == 0

    def _thumbnail(self, exercise_id: str) -> QPixmap | None:
        """A shipped PNG when there is one (cheap), else draw the key pose."""
        from stretchguide.qt.assets import MissingAssetError, asset_path

        for name in (f"images/thumbs/{exercise_id}.png", f"images/{exercise_id}.png"):
            try:
                pm = QPixmap(str(asset_path(name)))
            except MissingAssetError:
                continue
            if not pm.isNull():
                return pm
        try:
            from stretchguide.qt.figure_view import render_pose_image

            ratio = self.devicePixelRatioF()
            image = render_pose_image(exercise_id, int(96 * ratio))
            image.setDevicePixelRatio(ratio)
            return QPixmap.fromImage(image)
        except Exception:  # noqa: BLE001 - no figure for it: the card has no picture
            return None

    def duration_of(self, routine: Routine) -> float:
        from stretchguide.core.timeline import build_timeline
        from stretchguide.qt.session_rules import session_options

        try:
            return build_timeline(
                routine, self.ctx.catalog.exercises, session_options(self.ctx.prefs)
            ).total_s
        except (KeyError, ValueError):
            return 0.0

    def reload_routines(self) -> None:
        if not self.populated:
            self.host.ensure_routines()
            return
        from stretchguide.qt.routine_list import make_rows

        current = self.details.routine.id if self.details.routine is not None else None
        rows = make_rows(self.ctx.all_routines(), self.ctx.catalog.exercises, self.duration_of)
        self.model.set_rows(rows)
        row = self.model.row_of(current) if current else 0
        if rows:
            self.select_routine(rows[max(0, row)].routine.id)

    def select_routine(self, routine_id: str) -> None:
        self.host.ensure_routines()
        row = self.model.row_of(routine_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.list_view.setCurrentIndex(index)
        self._show_details(routine_id)

    def _on_current(self, index: Any, _prev: Any = None) -> None:
        from stretchguide.qt.routine_list import Role

        if index.isValid():
            self._show_details(str(index.data(Role.ROUTINE_ID)))

    def _on_activated(self, index: Any) -> None:
        from stretchguide.qt.routine_list import Role

        if index.isValid():
            self.sig_start.emit(str(index.data(Role.ROUTINE_ID)))

    def _show_details(self, routine_id: str) -> None:
        routine = self.ctx.routine(routine_id)
        self.details.show_routine(routine, self.ctx.catalog.exercises, self.duration_of(routine))

    def _on_equipment(self) -> None:
        self.proxy.set_available_equipment(
            eq for eq, act in self.equipment_actions.items() if act.isChecked()
        )

    def edit_routine(self, routine_id: str | None) -> None:
        from stretchguide.qt.dialogs import open_window_modal
        from stretchguide.qt.routine_editor import RoutineEditor

        base = self.ctx.routine(routine_id) if routine_id else None
        editor = RoutineEditor(
            self.ctx.catalog.exercises,
            self.ctx.paths.routines_dir,
            base=base,
            taken_ids=set(self.ctx.catalog.routines) | set(self.ctx.user_routines),
            parent=self.host.window(),
            taken_names=[r.name for r in self.ctx.all_routines()],
        )
        editor.sig_saved.connect(self._on_routine_saved)
        editor.sig_changed_outside.connect(self._on_changed_outside)
        open_window_modal(editor)
        self._editor = editor

    def may_close(self) -> bool:
        """The window is closing: an open routine editor closes first, and
        with unsaved edits it asks (False: the person went back to them)."""
        editor = self._editor
        return editor is None or not editor.isVisible() or editor.close()

    def _reload_changed(self, routine_id: str) -> None:
        """Show what the file of ``routine_id`` holds now (gone if nothing)."""
        from stretchguide.core.catalog import load_routine_file
        from stretchguide.routine_files import routine_file

        folder, exercises = self.ctx.paths.routines_dir, self.ctx.catalog.exercises
        path = routine_file(routine_id, folder, exercises)
        if path is None:
            self.ctx.user_routines.pop(routine_id, None)
        else:
            self.ctx.user_routines[routine_id] = load_routine_file(path, exercises)
        self.reload_routines()

    def _on_changed_outside(self, routine_id: str) -> None:
        old = self.ctx.user_routines.get(routine_id)
        self._reload_changed(routine_id)
        self.host.inform(
            self.tr("Saved as a new routine"),
            self.tr(
                "The file of “%1” was changed by another program while StretchGuide was "
                "open. It was left as it is, and your changes were saved as a routine of "
                "their own: both are in the list."
            ).replace("%1", old.name if old is not None else routine_id),
        )

    def _on_routine_saved(self, routine: Routine) -> None:
        self.ctx.user_routines[routine.id] = routine
        self.reload_routines()
        self.select_routine(routine.id)
        self.host.statusBar().showMessage(self.tr("Saved “%1”.").replace("%1", routine.name), 5000)
