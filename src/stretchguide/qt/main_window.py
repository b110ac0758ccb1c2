"""The main window and the flow of one session.

Pages live in a stack: routines (list + details), safety questions,
check-in, session, history, guidance. ``MainWindow`` wires them together and
drives the flow  routine -> (safety questions when due) -> check-in ->
session -> check-out -> verdict -> history. Every decision with a condition
in it either comes from core (safety, trends, timeline) or from a small
function here that tests call without a window.

Dialogs that would block a test are reached through replaceable callables
(``ask``, ``inform``, ``ask_hurt``).
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stretchguide.paths import AppPaths
from stretchguide.qt.preferences import Preferences

# The domain (catalog, timeline, trends) and the routine list's model are
# imported after the first paint: the window frame does not need them, and
# their dataclasses, enums and TOML parsing were most of the start-up time.
if TYPE_CHECKING:
    from stretchguide.core.catalog import Catalog, Equipment, Routine
    from stretchguide.core.timeline import SessionOptions
    from stretchguide.core.trends import CheckIn
    from stretchguide.qt.checkin import CheckinAnswers, CheckinPage
    from stretchguide.qt.routine_details import RoutineDetails
    from stretchguide.qt.routine_list import RoutineFilter, RoutineListModel
    from stretchguide.qt.safety_gate import SafetyGate
    from stretchguide.qt.session_view import SessionController, SessionView
    from stretchguide.store.history import History

EASE_OFF_SCALE = 0.6  # "ease off" shortens every remaining hold to 60 %
# Long enough for the check-in page to be painted before the speech engine's
# blocking start; short enough that it is done before most people answer.
WARM_UP_DELAY_MS = 300


@dataclass
class AppContext:
    paths: AppPaths
    prefs: Preferences
    # A catalog, or a callable that loads (catalog, user routines, their
    # errors): the window paints its frame first and loads right after.
    catalog_source: Catalog | Callable[[], tuple[Catalog, list[Routine], list[Any]]]
    # A History, or a callable that opens one: the window paints first and
    # opens the database on first use (startup_checks, right after the paint).
    history_source: History | Callable[[], History]
    user_routines: dict[str, Routine] = field(default_factory=dict)
    routine_errors: list[Any] = field(default_factory=list)
    clock: Callable[[], float] = time.monotonic  # the session's clock
    wall: Callable[[], float] = time.time  # for "today", reminders
    audio: bool = True  # False: silent cues (tests, --self-test)
    speech_engine: str | None = None  # CuePlayer's choice: None = best available

    _opened: History | None = None
    _catalog: Catalog | None = None

    @property
    def catalog(self) -> Catalog:
        """Loaded on first use (built-in content plus the user's routine files)."""
        if self._catalog is None:
            source = self.catalog_source
            if callable(source):
                catalog, user, errors = source()
                self.user_routines.update({r.id: r for r in user})
                self.routine_errors.extend(errors)
            else:
                catalog = source
            self._catalog = catalog
        return self._catalog

    @property
    def catalog_loaded(self) -> bool:
        return self._catalog is not None

    @property
    def history(self) -> History:
        """Opened on first use; raises StoreError (e.g. a newer schema)."""
        if self._opened is None:
            source = self.history_source
            self._opened = source() if callable(source) else source
        return self._opened

    @property
    def history_open(self) -> bool:
        return self._opened is not None

    def routine(self, routine_id: str) -> Routine:
        if routine_id in self.user_routines:
            return self.user_routines[routine_id]
        return self.catalog.routines[routine_id]

    def all_routines(self) -> list[Routine]:
        return list(self.catalog.routines.values()) + list(self.user_routines.values())


def session_options(prefs: Preferences) -> SessionOptions:
    from stretchguide.core.catalog import Side
    from stretchguide.core.timeline import SessionOptions, SideMode

    affected = prefs.affected_side
    mode = SideMode(prefs.side_mode) if affected != "none" else SideMode.BOTH
    return SessionOptions(
        side_mode=mode,
        affected_side=Side(affected) if affected != "none" else Side.LEFT,
        prepare_s=prefs.prepare_s,
        switch_s=prefs.switch_s,
        rest_between_exercises_s=prefs.rest_s,
    )


def checkin_from_answers(a: CheckinAnswers, at: int) -> CheckIn:
    from stretchguide.core.trends import CheckIn, CheckInKind, Extent

    return CheckIn(
        at=at,
        kind=CheckInKind(a.kind),
        back=a.back_pain,
        leg=a.leg_pain,
        extent=Extent(a.extent),
        tingling=a.tingling,
        numbness=a.numbness,
        weakness=a.weakness,
        note=a.note,
    )


def morning_checkin_due(history: History, today: date, offered_on: str) -> int | None:
    """The session to follow up with a next-morning check-in, if one is due.

    Due when a session was done yesterday, no next-morning check-in exists
    yet today, and the offer was not already made today.
    """
    from stretchguide.core.trends import CheckInKind, SessionStatus

    if offered_on == today.isoformat():
        return None
    start_today = int(datetime.combine(today, datetime.min.time()).timestamp())
    start_yesterday = int(
        datetime.combine(today - timedelta(days=1), datetime.min.time()).timestamp()
    )
    done = [
        s
        for s in history.sessions(since=start_yesterday, until=start_today)
        if s.status in (SessionStatus.COMPLETED, SessionStatus.PARTIAL, SessionStatus.STOPPED)
    ]
    if not done:
        return None
    if any(c.kind is CheckInKind.NEXT_MORNING for c in history.checkins(since=start_today)):
        return None
    return done[-1].id


def reminder_due(now: datetime, at: str, shown_on: str) -> bool:
    """True once a day, from the reminder time on."""
    if shown_on == now.date().isoformat():
        return False
    hh, mm = (int(x) for x in at.split(":"))
    return (now.hour, now.minute) >= (hh, mm)


def verdict_html(level: str, advice: str, reasons: tuple[str, ...]) -> str:
    colour = {"fine": "#2e7d4f", "acceptable": "#8a6d00", "ease_off": "#b0413e"}.get(
        level, "#555555"
    )
    items = "".join(f"<li>{r}</li>" for r in reasons)
    return (
        f"<div style='border-left: 6px solid {colour}; padding-left: 8px'>"
        f"<p style='font-size: large'><b>{advice}</b></p><ul>{items}</ul></div>"
    )


def hurts_html(exercise_names: list[str]) -> str:
    """The session's "this hurts" presses in plain words, shown beside the verdict.

    The pain-response rule takes a pain number felt during the session
    (``during_peak``); a press records no number, so it is not fed in as
    one. It is reported next to the verdict instead.
    """
    if not exercise_names:
        return ""
    counts: dict[str, int] = {}
    for name in exercise_names:
        counts[name] = counts.get(name, 0) + 1
    where = ", ".join(f"{n} ({c}×)" if c > 1 else n for n, c in counts.items())
    total = len(exercise_names)
    times = "once" if total == 1 else f"{total} times"
    return (
        "<div style='border-left: 6px solid #b0413e; padding-left: 8px'>"
        f"<p><b>You pressed “This hurts” {times} during this session: "
        f"{html.escape(where)}.</b></p>"
        "<p>Whatever the numbers say, pain that sharpens or spreads during an "
        "exercise is a reason to go gentler with it next time (a shorter hold, "
        "less range) or leave it out, and to mention it to your clinician.</p></div>"
    )


class MainWindow(QMainWindow):
    sig_page_changed = Signal(str)
    """A different page is showing (its name)."""
    sig_thumbnails_loaded = Signal()
    """Every routine card has its picture (or none exists)."""

    PAGES = ("routines", "safety", "checkin", "session", "history", "guidance")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        # Set before anything can send an event to ``event()``.
        self._populated = False
        self._populate_scheduled = False
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("StretchGuide"))
        self.ask: Callable[[str, str], bool] = self._ask
        self.inform: Callable[[str, str], None] = self._inform
        self.ask_hurt: Callable[[], str] = self._ask_hurt
        self._pending_routine: str | None = None
        self._before: CheckinAnswers | None = None
        self._session_id: int | None = None
        self._session_routine: Routine | None = None
        # Exercises the person actually worked on this session, in order: the
        # after check-in asks about these, not about the ones never reached.
        self._worked: dict[str, None] = {}
        self._session: Any = None  # core.session.Session, imported with the first session
        self._controller: SessionController | None = None
        self._step_base = 0
        self._hurt_peak = False
        self._morning_session: int | None = None
        self._history_view: Any = None
        self._cue_player: Any = None
        self._guidance: QWidget | None = None

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self._build_routines_page()
        self._safety: SafetyGate | None = None
        self._checkin: CheckinPage | None = None
        self._session_view: SessionView | None = None
        self._build_toolbar()
        self.statusBar()
        self.reminder_timer = QTimer(self)
        self.reminder_timer.setInterval(30_000)
        self._connect_signals()
        self.restore_geometry()
        self.show_page("routines")
        if ctx.catalog_loaded:
            self.ensure_routines()

    # -- building ------------------------------------------------------------
    def _build_routines_page(self) -> None:
        """The frame of the routines page: filters, an empty list, a placeholder
        for the details. ``ensure_routines`` fills it after the first paint."""
        page = QWidget()
        layout = QVBoxLayout(page)
        filters = QHBoxLayout()
        self.cause_filter = QComboBox()
        self.cause_filter.setAccessibleName(self.tr("Filter by cause"))
        self.cause_filter.addItem(self.tr("Any cause"), None)
        self.position_filter = QComboBox()
        self.position_filter.setAccessibleName(self.tr("Filter by position"))
        self.position_filter.addItem(self.tr("Any position"), None)
        self.no_floor = QCheckBox(self.tr("No &floor work"))
        self.no_floor.setAccessibleName(self.tr("Only routines without floor work"))
        self.equipment_button = QToolButton()
        self.equipment_button.setText(self.tr("Equipment I have ▾"))
        self.equipment_button.setAccessibleName(self.tr("Choose the equipment you have"))
        self.equipment_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.equipment_button.setMenu(QMenu(self.equipment_button))
        self.equipment_actions: dict[Equipment, QAction] = {}
        label = QLabel(self.tr("Show:"))
        filters.addWidget(label)
        filters.addWidget(self.cause_filter)
        filters.addWidget(self.position_filter)
        filters.addWidget(self.equipment_button)
        filters.addWidget(self.no_floor)
        filters.addStretch()
        layout.addLayout(filters)

        self.list_view = QListView()
        self.list_view.setAccessibleName(self.tr("Routines"))
        self.list_view.setUniformItemSizes(True)
        # Rich text centres it without touching PySide's ``Qt`` namespace,
        # whose enums cost ~22 ms to materialise before the first paint.
        self._details_placeholder = QLabel("<center>" + self.tr("Loading routines…") + "</center>")
        self.splitter = QSplitter()
        self.splitter.addWidget(self.list_view)
        self.splitter.addWidget(self._details_placeholder)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout.addWidget(self.splitter, 1)
        self.routines_page = page
        self.stack.addWidget(page)

    def event(self, event: QEvent) -> bool:
        if (
            not self._populate_scheduled
            and event.type() == QEvent.Type.Paint
            and not self._populated
        ):
            # The frame is on screen: load the catalog in the next turn.
            self._populate_scheduled = True
            QTimer.singleShot(0, self, self.ensure_routines)
        return super().event(event)

    def ensure_routines(self) -> None:
        """Load the catalog and fill the routines page (once; cheap after that)."""
        if self._populated:
            return
        self._populated = True
        from stretchguide.core.catalog import Cause, Equipment, Position
        from stretchguide.qt.app import sync_color_scheme
        from stretchguide.qt.routine_details import RoutineDetails
        from stretchguide.qt.routine_list import (
            CAUSE_LABELS,
            EQUIPMENT_LABELS,
            POSITION_LABELS,
            RoutineCardDelegate,
            RoutineFilter,
            RoutineListModel,
        )

        sync_color_scheme()
        from PySide6.QtCore import Qt

        self.nav.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.ctx.catalog  # noqa: B018 - loads it (and the user's routines) now
        for cause in Cause:
            self.cause_filter.addItem(self.tr(CAUSE_LABELS[cause]), cause)
        for pos in Position:
            self.position_filter.addItem(self.tr(POSITION_LABELS[pos]).capitalize(), pos)
        menu = self.equipment_button.menu()
        for eq in Equipment:
            act = menu.addAction(self.tr(EQUIPMENT_LABELS[eq]).capitalize())
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
        self._connect_routine_signals()
        self.reload_routines()
        errors = self.ctx.routine_errors
        if errors:
            self.statusBar().showMessage(
                self.tr("%n routine file(s) could not be loaded: ", "", len(errors))
                + str(errors[0]),
                0,
            )
        # One thumbnail per event-loop turn, after this paints. The window is
        # the timer's context, so a closed window's chain stops instead of
        # calling into a deleted model.
        QTimer.singleShot(50, self, self._load_thumbnails)

    def _build_toolbar(self) -> None:
        bar = self.addToolBar(self.tr("Navigation"))
        bar.setObjectName("navigation")
        bar.setMovable(False)
        # Icon-less actions already show their text; ToolButtonTextOnly is set
        # after the first paint (ensure_routines), see _details_placeholder.
        self.nav = bar

        def action(text: str, shortcut: str, slot: Callable[[], None]) -> QAction:
            act = QAction(text, self)
            # setShortcuts([...]), not setShortcut(...): the latter's overload
            # resolution materialises PySide's whole Qt namespace (~22 ms)
            # before the first paint.
            act.setShortcuts([QKeySequence(shortcut)])
            act.setToolTip(f"{text.replace('&', '')} ({QKeySequence(shortcut).toString()})")
            act.triggered.connect(slot)
            bar.addAction(act)
            return act

        self.act_routines = action(
            self.tr("&Routines"), "Ctrl+1", lambda: self.show_page("routines")
        )
        self.act_history = action(self.tr("&History"), "Ctrl+2", self.show_history)
        self.act_guidance = action(self.tr("&Guidance"), "Ctrl+3", self.show_guidance)
        self.act_checkin = action(self.tr("&Check in"), "Ctrl+K", self.checkin_now)
        self.act_settings = action(self.tr("&Settings"), "Ctrl+,", self.open_settings)
        self.act_safety = action(self.tr("Safety &questions"), "Ctrl+Shift+Q", self.ask_safety_now)

    def _connect_signals(self) -> None:
        self.reminder_timer.timeout.connect(self.check_reminder)

    def _connect_routine_signals(self) -> None:
        self.list_view.selectionModel().currentChanged.connect(self._on_current)
        self.list_view.activated.connect(self._on_activated)
        self.details.sig_start.connect(self.start_routine)
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

    @property
    def safety(self) -> SafetyGate:
        if self._safety is None:
            from stretchguide.qt.safety_gate import SafetyGate

            gate = SafetyGate()
            gate.sig_passed.connect(self._on_safety_passed)
            gate.sig_blocked.connect(self._on_safety_blocked)
            gate.sig_disclaimer_accepted.connect(self._on_disclaimer)
            self.stack.addWidget(gate)
            self._safety = gate
        return self._safety

    @property
    def checkin(self) -> CheckinPage:
        if self._checkin is None:
            from stretchguide.qt.checkin import CheckinPage

            page = CheckinPage()
            page.sig_submitted.connect(self._on_checkin)
            page.sig_skipped.connect(self._on_checkin_skipped)
            page.continue_button.clicked.connect(self._after_verdict)
            self.stack.addWidget(page)
            self._checkin = page
        return self._checkin

    @property
    def session_view(self) -> SessionView:
        """Built on first use: its figure pulls in the pose library, which the
        routine list does not need to paint."""
        if self._session_view is None:
            from stretchguide.qt.session_view import SessionView

            self._session_view = SessionView()
            self._session_view.sig_toggle_fullscreen.connect(self.toggle_fullscreen)
            self.stack.addWidget(self._session_view)
        return self._session_view

    def _load_thumbnails(self) -> None:
        if self.model.load_next_thumbnail():
            QTimer.singleShot(0, self, self._load_thumbnails)
        else:
            self.sig_thumbnails_loaded.emit()

    def thumbnails_loaded(self) -> bool:
        return self._populated and self.model.thumbnails_pending() == 0

    # -- routines --------------------------------------------------------------
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

        try:
            return build_timeline(
                routine, self.ctx.catalog.exercises, session_options(self.ctx.prefs)
            ).total_s
        except (KeyError, ValueError):
            return 0.0

    def reload_routines(self) -> None:
        if not self._populated:
            self.ensure_routines()
            return
        from stretchguide.qt.routine_list import make_rows

        current = self.details.routine.id if self.details.routine is not None else None
        rows = make_rows(self.ctx.all_routines(), self.ctx.catalog.exercises, self.duration_of)
        self.model.set_rows(rows)
        row = self.model.row_of(current) if current else 0
        if rows:
            self.select_routine(rows[max(0, row)].routine.id)

    def select_routine(self, routine_id: str) -> None:
        self.ensure_routines()
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
            self.start_routine(str(index.data(Role.ROUTINE_ID)))

    def _show_details(self, routine_id: str) -> None:
        routine = self.ctx.routine(routine_id)
        self.details.show_routine(routine, self.ctx.catalog.exercises, self.duration_of(routine))

    def _on_equipment(self) -> None:
        self.proxy.set_available_equipment(
            eq for eq, act in self.equipment_actions.items() if act.isChecked()
        )

    def edit_routine(self, routine_id: str | None) -> None:
        from stretchguide.qt.routine_editor import RoutineEditor

        base = self.ctx.routine(routine_id) if routine_id else None
        editor = RoutineEditor(
            self.ctx.catalog.exercises,
            self.ctx.paths.routines_dir,
            base=base,
            taken_ids=set(self.ctx.catalog.routines) | set(self.ctx.user_routines),
            parent=self,
        )
        editor.sig_saved.connect(self._on_routine_saved)
        editor.open()
        self._editor = editor

    def _on_routine_saved(self, routine: Routine) -> None:
        self.ctx.user_routines[routine.id] = routine
        self.reload_routines()
        self.select_routine(routine.id)
        self.statusBar().showMessage(self.tr("Saved “%1”.").replace("%1", routine.name), 5000)

    # -- pages ------------------------------------------------------------------
    def show_page(self, name: str) -> None:
        widget = {
            "routines": self.routines_page,
        }.get(name)
        if name == "session":
            widget = self.session_view
        elif name == "safety":
            widget = self.safety
        elif name == "checkin":
            widget = self.checkin
        if name == "history":
            widget = self._ensure_history()
        elif name == "guidance":
            widget = self._ensure_guidance()
        assert widget is not None
        self.stack.setCurrentWidget(widget)
        in_session = name == "session"
        self.nav.setVisible(not in_session)
        for act in self.nav.actions():
            act.setEnabled(not in_session and name not in ("safety",))
        if name == "routines":
            self.list_view.setFocus()
        self.sig_page_changed.emit(name)

    def current_page(self) -> str:
        w = self.stack.currentWidget()
        for name, page in (
            ("routines", self.routines_page),
            ("safety", self._safety),
            ("checkin", self._checkin),
            ("session", self._session_view),
            ("history", self._history_view),
            ("guidance", self._guidance),
        ):
            if page is not None and w is page:
                return name
        return ""

    def _ensure_history(self) -> QWidget:
        if self._history_view is None:
            from stretchguide.qt.history_view import HistoryView

            self._history_view = HistoryView(
                self.ctx.history, self.ctx.catalog.exercises, wall=self.ctx.wall
            )
            self.stack.addWidget(self._history_view)
        return self._history_view  # type: ignore[no-any-return]

    def _ensure_guidance(self) -> QWidget:
        if self._guidance is None:
            from stretchguide.qt.guidance import GuidancePage

            self._guidance = GuidancePage(self.ctx.catalog.guidance)
            self.stack.addWidget(self._guidance)
        return self._guidance

    def show_history(self) -> None:
        self.show_page("history")
        self._history_view.refresh()

    def show_guidance(self) -> None:
        self.show_page("guidance")

    def open_settings(self) -> None:
        from stretchguide.qt.settings import SettingsDialog

        dialog = SettingsDialog(self.ctx.prefs, self)
        dialog.sig_applied.connect(self._on_settings)
        dialog.open()
        self._settings_dialog = dialog

    def _on_settings(self) -> None:
        self.reload_routines()
        self._arm_reminder()

    def toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    # -- dialogs (replaceable in tests) ---------------------------------------------
    def _ask(self, title: str, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def _inform(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self, title, text)

    def _ask_hurt(self) -> str:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setWindowTitle(self.tr("This hurts"))
        box.setText(
            self.tr(
                "The session is paused. Sharp or growing pain means stop. "
                "What would you like to do?"
            )
        )
        ease = box.addButton(
            self.tr("&Ease off (shorter holds)"), QMessageBox.ButtonRole.AcceptRole
        )
        skip = box.addButton(self.tr("&Skip this exercise"), QMessageBox.ButtonRole.AcceptRole)
        end = box.addButton(self.tr("E&nd the session"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("&Carry on"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        return {id(ease): "ease", id(skip): "skip", id(end): "end"}.get(id(clicked), "continue")

    # -- start-up checks ------------------------------------------------------------
    def startup_checks(self) -> None:
        """Open the history; damaged database, unfinished sessions, morning check-in."""
        from stretchguide.core.trends import CheckInKind
        from stretchguide.store.db import StoreError

        try:
            h = self.ctx.history
        except StoreError as err:
            # E.g. written by a newer version: say so and close, touching nothing.
            self.inform(self.tr("StretchGuide cannot open your history"), err.user_message)
            self.close()
            return
        if h.damage is not None:
            backup = h.damage.newest_backup
            if backup is not None and self.ask(
                self.tr("Your history could not be read"),
                h.damage.user_message + "\n\n" + self.tr("Restore the newest backup now?"),
            ):
                try:
                    h.restore_backup(backup)
                except Exception as err:  # noqa: BLE001 - tell the person, keep running
                    self.inform(self.tr("Restore failed"), getattr(err, "user_message", str(err)))
            elif backup is None:
                self.inform(self.tr("Your history could not be read"), h.damage.user_message)
        unfinished = h.unfinished_sessions()
        if unfinished and self.ask(
            self.tr("Unfinished session"),
            self.tr(
                "%n session(s) did not finish last time (perhaps the computer stopped). "
                "Keep what was done as a partial session?",
                "",
                len(unfinished),
            ),
        ):
            for s in unfinished:
                h.close_as_partial(s.id)
        today = datetime.fromtimestamp(self.ctx.wall()).date()
        sid = morning_checkin_due(h, today, self.ctx.prefs.morning_checkin_offered_on)
        if sid is not None:
            self.ctx.prefs.morning_checkin_offered_on = today.isoformat()
            if self.ask(
                self.tr("Good morning"),
                self.tr(
                    "How are you after yesterday's session? A quick check-in helps "
                    "tell whether the exercises suit you."
                ),
            ):
                self._morning_session = sid
                self.checkin.start(CheckInKind.NEXT_MORNING.value)
                self.show_page("checkin")
                return
        if not self.ctx.prefs.disclaimer_accepted:
            self.safety.begin(show_disclaimer=True)
            self.show_page("safety")
        self._arm_reminder()

    # -- the session flow -----------------------------------------------------------
    def start_routine(self, routine_id: str) -> None:
        self._pending_routine = routine_id
        self._session_id = None
        prefs = self.ctx.prefs
        if not prefs.disclaimer_accepted or prefs.red_flags_due(self.ctx.wall()):
            self.safety.begin(show_disclaimer=not prefs.disclaimer_accepted)
            self.show_page("safety")
            return
        self._begin_checkin()

    def ask_safety_now(self) -> None:
        self._pending_routine = None
        self.safety.begin(show_disclaimer=not self.ctx.prefs.disclaimer_accepted)
        self.show_page("safety")

    def _on_disclaimer(self) -> None:
        self.ctx.prefs.disclaimer_accepted = True
        self.ctx.prefs.sync()

    def _on_safety_passed(self, result: Any) -> None:
        del result
        self.ctx.prefs.red_flags_checked_at = self.ctx.wall()
        self.ctx.prefs.sync()
        if self._pending_routine is not None:
            self._begin_checkin()
        else:
            self.show_page("routines")

    def _on_safety_blocked(self, result: Any) -> None:
        del result
        # Not recorded as checked: the questions come back before the next session.
        self._pending_routine = None
        self.show_page("routines")
        self.statusBar().showMessage(
            self.tr("No session was started. Please get medical help first."), 0
        )

    def _begin_checkin(self) -> None:
        from stretchguide.core.trends import CheckInKind

        self._before = None
        self.checkin.start(CheckInKind.BEFORE.value)
        self.show_page("checkin")
        # Opening the speech engine blocks the UI for ~1.5 s; paid now, while
        # the person reads the questions, the session itself starts at once.
        # The delay lets the page paint first.
        QTimer.singleShot(WARM_UP_DELAY_MS, self, self._warm_up_audio)

    def checkin_now(self) -> None:
        from stretchguide.core.trends import CheckInKind

        self._pending_routine = None
        self.checkin.start(CheckInKind.ANY.value)
        self.show_page("checkin")

    def _on_checkin_skipped(self) -> None:
        from stretchguide.core.trends import CheckInKind

        kind = self.checkin.kind
        if kind == CheckInKind.BEFORE.value:
            self._start_session()
        elif kind == CheckInKind.AFTER.value:
            self._after_verdict()
        else:
            self.show_page("routines")

    def _on_checkin(self, answers: CheckinAnswers) -> None:
        from stretchguide.core.safety import pain_response
        from stretchguide.core.trends import CheckInKind

        kind = answers.kind
        if kind == CheckInKind.BEFORE.value:
            self._before = answers
            self._start_session()
            return
        h = self.ctx.history
        at = int(self.ctx.wall())
        if kind == CheckInKind.AFTER.value and self._session_id is not None:
            self._save_checkin(answers, self._session_id)
            for ex_id, response in answers.responses.items():
                h.set_response(self._session_id, ex_id, response)
            before = self._before_record(self._session_id)
            verdict = pain_response(
                before=before,
                after=checkin_from_answers(answers, at),
                during_peak=None,
                thresholds=self.ctx.prefs.pain_thresholds,
            )
            self.checkin.show_verdict(
                verdict_html(verdict.level.value, verdict.advice, verdict.reasons)
                + hurts_html(self._hurt_names(self._session_id))
            )
            return
        if kind == CheckInKind.NEXT_MORNING.value and self._morning_session is not None:
            sid = self._morning_session
            self._morning_session = None
            self._save_checkin(answers, sid)
            cis = h.checkins_for_session(sid)
            before = next((c for c in cis if c.kind is CheckInKind.BEFORE), None)
            after = next((c for c in cis if c.kind is CheckInKind.AFTER), None)
            verdict = pain_response(
                before=before,
                after=after,
                next_morning=checkin_from_answers(answers, at),
                thresholds=self.ctx.prefs.pain_thresholds,
            )
            self.checkin.show_verdict(
                verdict_html(verdict.level.value, verdict.advice, verdict.reasons)
                + hurts_html(self._hurt_names(sid))
            )
            return
        self._save_checkin(answers, None)
        self.checkin.show_verdict("<p><b>" + self.tr("Saved. Thank you.") + "</b></p>")

    def _hurt_names(self, session_id: int) -> list[str]:
        exercises = self.ctx.catalog.exercises
        return [
            exercises[e.exercise_id].name if e.exercise_id in exercises else e.exercise_id
            for e in self.ctx.history.hurts(session_id)
        ]

    def _before_record(self, session_id: int) -> CheckIn | None:
        from stretchguide.core.trends import CheckInKind

        return next(
            (
                c
                for c in self.ctx.history.checkins_for_session(session_id)
                if c.kind is CheckInKind.BEFORE
            ),
            None,
        )

    def _save_checkin(self, a: CheckinAnswers, session_id: int | None) -> None:
        self.ctx.history.add_checkin(
            a.kind,
            a.back_pain,
            a.leg_pain,
            a.extent,
            tingling=a.tingling,
            numbness=a.numbness,
            weakness=a.weakness,
            note=a.note,
            session_id=session_id,
        )

    def _after_verdict(self) -> None:
        self._session_id = None
        self.show_history()

    def _start_session(
        self, routine: Routine | None = None, options: SessionOptions | None = None
    ) -> None:
        routine_id = self._pending_routine
        if routine is None:
            if routine_id is None:
                self.show_page("routines")
                return
            routine = self.ctx.routine(routine_id)
        options = options or session_options(self.ctx.prefs)
        from stretchguide.core.session import Session
        from stretchguide.core.timeline import build_timeline

        timeline = build_timeline(routine, self.ctx.catalog.exercises, options)
        session = Session(timeline, self.ctx.clock)
        if self._session_id is None:
            record = self.ctx.history.start_session(
                routine,
                options={
                    "side_mode": options.side_mode.value,
                    "affected_side": options.affected_side.value,
                },
            )
            self._session_id = record.id
            self._session_routine = routine
            self._worked = {}
            self._step_base = 0
            if self._before is not None:
                self._save_checkin(self._before, record.id)
        if self._controller is None:
            from stretchguide.qt.session_view import SessionController

            self._controller = SessionController(
                session,
                self.session_view,
                self.ctx.clock,
                cue_player=self._make_cue_player(routine),
            )
            self._controller.sig_step_done.connect(self._on_step_done)
            self._controller.sig_finished.connect(self._on_session_finished)
            self._controller.sig_hurts.connect(self._on_hurts)
        else:
            self._controller.replace_session(session)
            self._make_cue_player(routine)
        self._session = session
        self.show_page("session")
        self._controller.start()

    def _cue_player_with_prefs(self) -> Any:
        """The one CuePlayer (created on first use) with the current preferences."""
        if not self.ctx.audio:
            return None
        if self._cue_player is None:
            try:
                from stretchguide.qt.audio import CuePlayer

                self._cue_player = CuePlayer(self, speech_engine=self.ctx.speech_engine)
            except Exception:  # noqa: BLE001 - the session runs on with visual cues
                self.ctx.audio = False
                return None
        player = self._cue_player
        prefs = self.ctx.prefs
        player.set_voice_enabled(prefs.voice)
        player.set_beeps_enabled(prefs.beeps)
        player.set_volume(prefs.volume / 100)
        return player

    def _warm_up_audio(self) -> None:
        # Voice off: no speech engine is wanted, and beeps alone open quickly
        # at session start.
        if not self.ctx.audio or not self.ctx.prefs.voice:
            return
        if self.current_page() != "checkin":
            return  # skipped straight into the session: prepare() did it
        player = self._cue_player_with_prefs()
        if player is not None:
            player.warm_up()

    def _make_cue_player(self, routine: Routine) -> Any:
        """The audio engineer's CuePlayer, set up for this routine; None = silent cues."""
        player = self._cue_player_with_prefs()
        if player is None:
            return None
        player.prepare(
            {i.exercise_id: self.ctx.catalog.exercises[i.exercise_id] for i in routine.items}
        )
        return player

    def _on_step_done(self, index: int) -> None:
        if self._session is None or self._session_id is None:
            return
        step = self._session.timeline.steps[index]
        if step.is_work:
            self._worked[step.exercise_id] = None
        self.ctx.history.record_step(
            self._session_id,
            self._step_base + index,
            step.exercise_id,
            step.kind.value,
            side=step.side.value if step.side is not None else None,
            set_number=step.set_no,
            planned_s=step.duration_s,
            done_s=step.duration_s,
        )

    def _on_hurts(self, index: int) -> None:
        if self._session is None or self._session_id is None or self._controller is None:
            return
        step = self._session.timeline.steps[index]
        self._worked[step.exercise_id] = None
        self.ctx.history.record_hurt(self._session_id, step.exercise_id, self._step_base + index)
        choice = self.ask_hurt()
        if choice == "end":
            self._controller.stop()
        elif choice == "skip":
            self._controller.skip_exercise()
        elif choice == "ease":
            self._ease_off(step.exercise_index)
        self.session_view.setFocus()

    def _ease_off(self, exercise_index: int) -> None:
        """Restart the current exercise and everything after it with shorter holds."""
        assert self._session is not None and self._session_routine is not None
        base_routine = self._session_routine
        remaining = replace(base_routine, items=base_routine.items[exercise_index:])
        options = session_options(self.ctx.prefs)
        options = replace(options, hold_scale=EASE_OFF_SCALE)
        self._step_base += len(self._session.timeline.steps)
        self._session_routine = remaining
        self._start_session(remaining, options)
        self.session_view.set_status(self.tr("Eased off: holds are shorter from here on."))

    def _on_session_finished(self, status: str) -> None:
        from stretchguide.core.trends import CheckInKind, SessionStatus

        if self._session_id is None:
            return
        final = SessionStatus.COMPLETED if status == "completed" else SessionStatus.STOPPED
        self.ctx.history.finish_session(self._session_id, final)
        steps = self._session.timeline.steps if self._session is not None else ()
        if steps and final is SessionStatus.STOPPED:
            current = steps[self._session.step_index()]
            if current.is_work:  # stopped mid-hold: that exercise was tried
                self._worked[current.exercise_id] = None
        exercises = [
            (ex.id, ex.name)
            for ex in map(self.ctx.catalog.exercises.get, self._worked)
            if ex is not None
        ]
        if self._controller is not None:
            self._controller.shutdown()
        if self.isFullScreen():
            self.showNormal()
        self.checkin.start(CheckInKind.AFTER.value, exercises)
        self.show_page("checkin")

    # -- reminders -------------------------------------------------------------------
    def _arm_reminder(self) -> None:
        if self.ctx.prefs.reminder_enabled:
            self.reminder_timer.start()
        else:
            self.reminder_timer.stop()

    def check_reminder(self) -> bool:
        prefs = self.ctx.prefs
        now = datetime.fromtimestamp(self.ctx.wall())
        shown = str(prefs.qsettings.value("reminder/shown_on", ""))
        if not prefs.reminder_enabled or not reminder_due(now, prefs.reminder_time, shown):
            return False
        if self.current_page() == "session":
            return False
        prefs.qsettings.setValue("reminder/shown_on", now.date().isoformat())
        text = self.tr("Time for your stretches.")
        tray = getattr(self, "_tray", None)
        from PySide6.QtWidgets import QSystemTrayIcon

        if tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            tray = QSystemTrayIcon(self.windowIcon(), self)
            tray.setToolTip(self.tr("StretchGuide"))
            tray.show()
            self._tray = tray
        if tray is not None:
            tray.showMessage(self.tr("StretchGuide"), text)
        self.statusBar().showMessage(text, 0)
        return True

    # -- geometry ----------------------------------------------------------------------
    def restore_geometry(self) -> None:
        geo = self.ctx.prefs.qsettings.value("window/geometry")
        if isinstance(geo, QByteArray) and not geo.isEmpty():
            self.restoreGeometry(geo)
        else:
            self.resize(1180, 760)

    def closeEvent(self, event: Any) -> None:
        if self._controller is not None and self.current_page() == "session":
            self._controller.stop()
        if self._controller is not None:
            self._controller.shutdown()
        self.ctx.prefs.qsettings.setValue("window/geometry", self.saveGeometry())
        self.ctx.prefs.sync()
        super().closeEvent(event)
