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
from pathlib import Path
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
    from stretchguide.core.timeline import SessionOptions, Timeline
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
SAVE_RETRY_MS = 5000  # a failed history write is tried again this often


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
    from stretchguide.core.timeline import SessionOptions, side_options

    mode, affected = side_options(prefs.affected_side, prefs.side_mode)
    return SessionOptions(
        side_mode=mode,
        affected_side=affected,
        prepare_s=prefs.prepare_s,
        first_prepare_s=prefs.first_prepare_s,
        fit_intro=True,
        switch_s=prefs.switch_s,
        rest_between_exercises_s=prefs.rest_s,
    )


def ease_off_offset(timeline: Timeline, index: int, progress: float) -> float:
    """Where to enter a rebuilt, eased-off plan: step ``index`` at ``progress``
    (0..1) of it, moved back to the start of the repetition under way."""
    from stretchguide.core.timeline import StepKind

    step = timeline.steps[index]
    start = timeline.starts[index]
    into = step.duration_s * max(0.0, min(1.0, progress))
    if step.kind is StepKind.REPS and step.rep_period_s > 0:
        return start + (step.rep_at(into) - 1) * step.rep_period_s
    if step.kind is StepKind.HOLD:
        return start + into
    return start


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


def nerve_html(reasons: tuple[str, ...]) -> str:
    """New numbness or weakness: ease off, the safety questions next, when to get help."""
    from stretchguide.core.safety import NERVE_ADVICE, NOT_A_DIAGNOSIS

    return verdict_html("ease_off", f"{NERVE_ADVICE} {NOT_A_DIAGNOSIS}", reasons)


def verdict_html(
    level: str, advice: str, reasons: tuple[str, ...], good: tuple[str, ...] = ()
) -> str:
    colour = {"fine": "#2e7d4f", "acceptable": "#8a6d00", "ease_off": "#b0413e"}.get(
        level, "#555555"
    )
    items = "".join(f"<li>{r}</li>" for r in (*good, *reasons))
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
        self._previous: CheckIn | None = None  # the check-in before the one being judged
        self._ask_flags_next = False  # new nerve signs: the safety questions come next
        self._session_id: int | None = None
        self._session_routine: Routine | None = None
        # Exercises the person actually worked on this session, in order: the
        # after check-in asks about these, not about the ones never reached.
        self._worked: dict[str, None] = {}
        self._session: Any = None  # core.session.Session, imported with the first session
        self._controller: SessionController | None = None
        self._step_base = 0
        # History writes that failed (disk full, database locked): kept in
        # order and retried, never dropped (see _save).
        self._unsaved: list[Callable[[], object]] = []
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(SAVE_RETRY_MS)
        self._retry_timer.timeout.connect(self._flush_unsaved)
        self._work_started: tuple[int, float] | None = None  # (step index, clock time)
        self._hurt_peak = False
        self._morning_session: int | None = None
        self._history_view: Any = None
        self._cue_player: Any = None
        self._guidance: QWidget | None = None
        self._companion: Any = None

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self._build_routines_page()
        self._safety: SafetyGate | None = None
        self._checkin: CheckinPage | None = None
        self._session_view: SessionView | None = None
        self._build_toolbar()
        self.statusBar()
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
        from stretchguide.qt.app import set_theme, sync_color_scheme
        from stretchguide.qt.routine_details import RoutineDetails
        from stretchguide.qt.routine_list import (
            CAUSE_LABELS,
            EQUIPMENT_LABELS,
            POSITION_LABELS,
            RoutineCardDelegate,
            RoutineFilter,
            RoutineListModel,
        )

        if self.ctx.prefs.theme != "system":
            set_theme(self.ctx.prefs.theme)
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
        self.act_sheet = action(
            self.tr("&Print / Save as PDF"), "Ctrl+P", lambda: self.save_sheet()
        )
        self.act_ics = action(
            self.tr("Plan to &calendar"), "Ctrl+Shift+E", lambda: self.export_plan()
        )

    def _connect_signals(self) -> None:
        """Reminders are wired in the companion (qt/tray.py), made on first use."""

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
        from stretchguide.qt.routine_editor import delete_routine

        routine = self.ctx.user_routines.get(routine_id)
        if routine is None:
            return False
        if not self.ask(
            self.tr("Delete this routine?"),
            self.tr("Delete “%1”? Its file is removed; your history keeps past sessions.").replace(
                "%1", routine.name
            ),
        ):
            return False
        try:
            delete_routine(routine_id, self.ctx.paths.routines_dir, self.ctx.catalog.exercises)
        except OSError as err:
            self.inform(self.tr("Could not delete the routine"), str(err))
            return False
        del self.ctx.user_routines[routine_id]
        self.reload_routines()
        self.statusBar().showMessage(self.tr("Deleted “%1”.").replace("%1", routine.name), 5000)
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
            taken_names=[r.name for r in self.ctx.all_routines()],
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
            self._history_view.plan_source = self.companion.plan  # planned vs done
            self._history_view.plan_changes_source = self._plan_changes
            self.stack.addWidget(self._history_view)
        # The report names the painful side as set now, not when the page was made.
        self._history_view.painful_side = self.ctx.prefs.affected_side
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
        self._reminder_was = self.ctx.prefs.reminder_enabled
        dialog.sig_applied.connect(self._on_settings)
        dialog.open()
        self._settings_dialog = dialog

    def _on_settings(self) -> None:
        from stretchguide.qt.app import set_theme

        set_theme(self.ctx.prefs.theme)
        self.reload_routines()
        self._arm_reminder()
        if self.ctx.prefs.reminder_enabled != getattr(self, "_reminder_was", None):
            # Only when the person turned reminders on or off: the login item
            # follows that choice and nothing else.
            try:
                where = self.companion.apply_autostart()
            except OSError as err:
                self.inform(self.tr("Start at login"), str(err))
            else:
                on = self.ctx.prefs.reminder_enabled
                self.statusBar().showMessage(
                    (
                        self.tr("StretchGuide will start in the tray at login (%1).")
                        if on
                        else self.tr("StretchGuide no longer starts at login (%1 removed).")
                    ).replace("%1", str(where)),
                    10000,
                )
            self._reminder_was = self.ctx.prefs.reminder_enabled

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
        """The full-window "this hurts" question; keys 1-4 answer it.

        The overlay's ``choose(key)`` is the hook a voice command can call.
        """
        view = self.session_view
        title = self.tr("This hurts")
        text = self.tr("The session is paused. Sharp or growing pain means stop.")
        choices = [
            ("ease", self.tr("Ease off: shorter holds from here")),
            ("skip", self.tr("Skip this exercise")),
            ("continue", self.tr("Carry on")),
            ("end", self.tr("End the session")),
        ]
        player = self._cue_player
        if player is not None and hasattr(player, "say") and self.ctx.audio:
            line = self.tr(
                "Paused. Sharp or growing pain means stop. Press one to ease off, "
                "two to skip this exercise, three to carry on, four to end the session."
            )
            if self.ctx.prefs.voice_commands:
                # The words the recognizer takes for this question (qt/voice.py);
                # it does not take numbers.
                line += " " + self.tr("Or say ease off, skip, go on, or stop.")
            player.say(line, ("paused",))
        return view.ask_choice(title, text, choices, escape="continue")

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
        if getattr(h, "backup_notice", None):
            self.statusBar().showMessage(h.backup_notice)  # e.g. a full disk
        unfinished = h.unfinished_sessions()
        if unfinished and self.ask(
            self.tr("Unfinished session"),
            (
                self.tr(
                    "A session did not finish last time (perhaps the computer stopped). "
                    "Keep what was done as a partial session?"
                )
                if len(unfinished) == 1
                else self.tr(
                    "%1 sessions did not finish last time (perhaps the computer stopped). "
                    "Keep what was done as partial sessions?"
                ).replace("%1", str(len(unfinished)))
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
        from stretchguide.core.safety import (
            NOT_SEEN_MESSAGE,
            SEEN_DOCTOR_QUESTION,
            urgent_still_open,
        )

        self._pending_routine = routine_id
        self._session_id = None
        self._before = None
        prefs = self.ctx.prefs
        if urgent_still_open(prefs.urgent_at, prefs.seen_doctor_at):
            # An urgent sign stands until a doctor has seen the person; a
            # later "None of these" alone does not lift it.
            if not self.ask(self.tr("Seen by a doctor?"), self.tr(SEEN_DOCTOR_QUESTION)):
                self._pending_routine = None
                self.inform(self.tr("Please get medical help first"), self.tr(NOT_SEEN_MESSAGE))
                return
            prefs.seen_doctor_at = self.ctx.wall()
            prefs.red_flags_checked_at = 0.0  # and the questions again, today
            prefs.sync()
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
        side = self.safety.chosen_side()
        if side:
            self.ctx.prefs.affected_side = side
        self.ctx.prefs.sync()

    def _record_red_flags(self, result: Any) -> None:
        # Each answer with its time, for the clinician report.
        answers = getattr(result, "answers", None)
        if answers:
            self.ctx.history.record_red_flags(answers, at=int(self.ctx.wall()))

    def _on_safety_passed(self, result: Any) -> None:
        self._record_red_flags(result)
        self.ctx.prefs.red_flags_checked_at = self.ctx.wall()
        self.ctx.prefs.sync()
        if self._pending_routine is not None and self._before is not None:
            # Asked because of new nerve signs in the check-in just given.
            self._start_session()
        elif self._pending_routine is not None:
            self._begin_checkin()
        else:
            self.show_page("routines")

    def _on_safety_blocked(self, result: Any) -> None:
        self._record_red_flags(result)
        # Not recorded as checked: the questions come back before the next
        # session, and the urgent answer is remembered until a doctor has
        # seen the person.
        self.ctx.prefs.urgent_at = self.ctx.wall()
        self.ctx.prefs.sync()
        if self._before is not None and self._session_id is None:
            # The check-in that brought the questions up is kept, unlinked:
            # no session follows it.
            self._save_checkin(self._before, None)
        self._pending_routine = None
        self._before = None
        self.show_page("routines")
        self.statusBar().showMessage(
            self.tr("No session was started. Please get medical help first."), 0
        )

    def _begin_checkin(self) -> None:
        from stretchguide.core.trends import CheckInKind

        self._before = None
        prefs = self.ctx.prefs
        self.checkin.start(
            CheckInKind.BEFORE.value,
            side=prefs.affected_side,
            require_side=not prefs.side_known and self._pending_needs_side(),
        )
        if self._pending_routine is not None:
            self.checkin.set_context(self.ctx.routine(self._pending_routine).name)
        self.show_page("checkin")
        # Opening the speech engine blocks the UI for ~1.5 s; paid now, while
        # the person reads the questions, the session itself starts at once.
        # The delay lets the page paint first.
        QTimer.singleShot(WARM_UP_DELAY_MS, self, self._warm_up_audio)

    def _pending_needs_side(self) -> bool:
        """Whether the routine about to start has work for "the painful leg"."""
        from stretchguide.core.catalog import Sides

        if self._pending_routine is None:
            return False
        routine = self.ctx.routine(self._pending_routine)
        return any(item.dose.sides is Sides.AFFECTED for item in routine.items)

    def checkin_now(self) -> None:
        from stretchguide.core.trends import CheckInKind

        self._pending_routine = None
        self.checkin.start(CheckInKind.ANY.value, side=self.ctx.prefs.affected_side)
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
        if answers.side and answers.side != self.ctx.prefs.affected_side:
            self.ctx.prefs.affected_side = answers.side
            self.ctx.prefs.sync()
        h = self.ctx.history
        at = int(self.ctx.wall())
        nerve = self._nerve_signs(answers, at)
        self._ask_flags_next = nerve.any
        if nerve.any:
            # Asked now, not in a week: new numbness or weakness may be the
            # first of the urgent signs.
            self.ctx.prefs.red_flags_checked_at = 0.0
            self.ctx.prefs.sync()
        if kind == CheckInKind.BEFORE.value:
            self._before = answers
            if nerve.any:
                self.checkin.show_verdict(nerve_html(nerve.reasons))
                return
            self._start_session()
            return
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
                previous=self._previous,
            )
            self.checkin.show_verdict(
                verdict_html(verdict.level.value, verdict.advice, verdict.reasons, verdict.good)
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
                previous=self._previous,
            )
            self.checkin.show_verdict(
                verdict_html(verdict.level.value, verdict.advice, verdict.reasons, verdict.good)
                + hurts_html(self._hurt_names(sid))
            )
            return
        self._save_checkin(answers, None)
        if nerve.any:
            self.checkin.show_verdict(nerve_html(nerve.reasons))
            return
        self.checkin.show_verdict("<p><b>" + self.tr("Saved. Thank you.") + "</b></p>")

    def _nerve_signs(self, answers: CheckinAnswers, at: int) -> Any:
        """New or returning numbness/weakness against the check-in before this one."""
        from stretchguide.core.safety import nerve_signs, previous_checkin

        recent = self.ctx.history.checkins(since=at - 90 * 86400)
        self._previous = previous_checkin(recent, at)
        return nerve_signs(checkin_from_answers(answers, at), self._previous)

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
        had_session = self._session_id is not None
        self._session_id = None
        if had_session:
            # Each offer is asked, in one plain line with its reason; never silent.
            self.companion.offer_changes()
        if self._ask_flags_next:
            self._ask_flags_next = False
            self.safety.begin(show_disclaimer=not self.ctx.prefs.disclaimer_accepted)
            self.show_page("safety")
            return
        self.show_history()

    def _start_session(
        self,
        routine: Routine | None = None,
        options: SessionOptions | None = None,
        at: float | None = None,
    ) -> None:
        routine_id = self._pending_routine
        if routine is None:
            if routine_id is None:
                self.show_page("routines")
                return
            # The plan's accepted doses; starts a plan for a new routine.
            routine = self.companion.routine_for_session(self.ctx.routine(routine_id))
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
                    # "both": not known, so both legs were worked.
                    "affected_side": (
                        options.affected_side.value if options.affected_side else "both"
                    ),
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
            self._controller.sig_events.connect(self._on_session_events)
            self._controller.sig_finished.connect(self._on_session_finished)
            self._controller.sig_hurts.connect(self._on_hurts)
        else:
            self._controller.replace_session(session)
            self._make_cue_player(routine)
        self._session = session
        self.show_page("session")
        if at is None and self.ctx.prefs.session_fullscreen and not self.isFullScreen():
            # From the mat nobody reaches for F: a new session fills the screen.
            self.showFullScreen()
        self._controller.start(at)
        self._start_voice()

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
        self._record_step(index, step.duration_s, skipped=False)

    def _record_step(self, index: int, done_s: float, *, skipped: bool) -> None:
        """Store one step as it really went: done in full, cut short or skipped."""
        assert self._session is not None and self._session_id is not None
        step = self._session.timeline.steps[index]
        history, sid, number = self.ctx.history, self._session_id, self._step_base + index
        when = int(self.ctx.wall())  # the time it happened, even if saved later
        self._save(
            lambda: history.record_step(
                sid,
                number,
                step.exercise_id,
                step.kind.value,
                side=step.side.value if step.side is not None else None,
                set_number=step.set_no,
                planned_s=step.duration_s,
                done_s=max(0.0, min(done_s, step.duration_s)),
                skipped=skipped,
                completed_at=when,
            )
        )

    def _on_session_events(self, events: list[Any]) -> None:
        """Notice a work step left before its release (skipped or cut short)."""
        from stretchguide.core.session import EventKind

        for ev in events:
            if ev.kind in (EventKind.HOLD_START, EventKind.REPS_START):
                self._work_started = (ev.step_index, ev.at)
            elif ev.kind is EventKind.RELEASE:
                self._work_started = None  # done in full: _on_step_done records it
            elif ev.kind is EventKind.SKIPPED and self._work_started is not None:
                index, started = self._work_started
                self._work_started = None
                if self._session is not None and self._session_id is not None:
                    self._record_step(index, ev.at - started, skipped=True)

    def _save(self, write: Callable[[], object]) -> bool:
        """Run a history write; if it fails keep it, retry, and say so plainly."""
        self._unsaved.append(write)
        return self._flush_unsaved()

    def _flush_unsaved(self) -> bool:
        import sqlite3

        from stretchguide.store.db import StoreError

        had_failed = self._retry_timer.isActive()
        while self._unsaved:
            try:
                self._unsaved[0]()
            except (sqlite3.Error, OSError, StoreError):
                self._retry_timer.start()
                self._status(
                    self.tr(
                        "%n record(s) could not be saved yet (the disk may be full, or "
                        "another program is using your history). Nothing is lost: they "
                        "are kept and StretchGuide tries again every few seconds.",
                        "",
                        len(self._unsaved),
                    )
                )
                return False
            self._unsaved.pop(0)
        self._retry_timer.stop()
        if had_failed:
            self._status(self.tr("Everything is saved now."))
        return True

    def _status(self, text: str) -> None:
        if self._session_view is not None and self.current_page() == "session":
            self.session_view.set_status(text)
        else:
            self.statusBar().showMessage(text)

    def offer_unsaved(self) -> None:
        """After a session: if records are still unsaved, say so and offer to try again."""
        if (
            self._unsaved
            and self.ask(
                self.tr("Not saved yet"),
                self.tr(
                    "%n record(s) of this session could not be saved yet. They are kept while "
                    "StretchGuide is open and saved as soon as the disk has room or your "
                    "history is free. Try again now?",
                    "",
                    len(self._unsaved),
                ),
            )
            and not self._flush_unsaved()
        ):
            self.inform(
                self.tr("Not saved yet"),
                self.tr(
                    "Still not possible. StretchGuide keeps the records and tries again "
                    "every few seconds while it is open; please free some disk space or "
                    "close other programs that use your history."
                ),
            )

    def _on_hurts(self, index: int) -> None:
        if self._session is None or self._session_id is None or self._controller is None:
            return
        step = self._session.timeline.steps[index]
        self._worked[step.exercise_id] = None
        history, sid, when = self.ctx.history, self._session_id, int(self.ctx.wall())
        number = self._step_base + index
        self._save(lambda: history.record_hurt(sid, step.exercise_id, number, at=when))
        choice = self.ask_hurt()
        if choice == "end":
            self._controller.stop()
        elif choice == "skip":
            self._controller.skip_exercise()
            self._controller.resume()
        elif choice == "ease":
            self._ease_off(index)
        else:
            self._controller.resume()
        self.session_view.setFocus()

    def _ease_off(self, index: int) -> None:
        """Go on from where the person is, with every remaining hold shorter.

        The plan for the rest of the routine is rebuilt with shorter holds
        and entered at the same step of the current exercise, at the start
        of the repetition under way (or the same share of a hold), so what
        is left only ever shrinks; it never starts the exercise again.
        """
        assert self._session is not None and self._session_routine is not None
        old = self._session.timeline
        snap = self._session.snapshot(self.ctx.clock())
        step = old.steps[index]
        first = old.exercise_starts()[step.exercise_index]
        base_routine = self._session_routine
        remaining = replace(base_routine, items=base_routine.items[step.exercise_index :])
        options = session_options(self.ctx.prefs)
        # No second lead-in onto the mat: the person is already there.
        options = replace(options, hold_scale=EASE_OFF_SCALE, first_prepare_s=0.0)
        self._step_base += first
        self._session_routine = remaining
        # The step under way is entered again in the new plan, under the same
        # number, and recorded from there; an index into the old plan must
        # not be recorded against the new one.
        self._work_started = None
        from stretchguide.core.timeline import build_timeline

        new = build_timeline(remaining, self.ctx.catalog.exercises, options)
        k = min(index - first, len(new.steps) - 1)
        at = ease_off_offset(new, k, snap.step_progress if snap.step_index == index else 0.0)
        self._start_session(remaining, options, at=at)
        self.session_view.set_status(self.tr("Eased off: holds are shorter from here on."))
        player = self._cue_player
        if player is not None and hasattr(player, "say") and self.ctx.audio:
            from stretchguide.core.cues import PHRASES

            player.say(PHRASES["eased_off"], ("eased_off",))

    def _on_session_finished(self, status: str) -> None:
        from stretchguide.core.trends import CheckInKind, SessionStatus

        if self._session_id is None:
            return
        final = SessionStatus.COMPLETED if status == "completed" else SessionStatus.STOPPED
        steps = self._session.timeline.steps if self._session is not None else ()
        if steps and final is SessionStatus.STOPPED:
            current = steps[self._session.step_index()]
            if current.is_work:  # stopped mid-hold: that exercise was tried
                self._worked[current.exercise_id] = None
            if self._work_started is not None:  # cut short: stored with the time done
                index, started = self._work_started
                self._record_step(index, self.ctx.clock() - started, skipped=False)
        self._work_started = None
        history, sid, when = self.ctx.history, self._session_id, int(self.ctx.wall())
        self._save(lambda: history.finish_session(sid, final, when))
        self.offer_unsaved()
        exercises = [
            (ex.id, ex.name)
            for ex in map(self.ctx.catalog.exercises.get, self._worked)
            if ex is not None
        ]
        if self._controller is not None:
            self._controller.shutdown()
        self._stop_voice()
        if self.isFullScreen():
            self.showNormal()
        self.checkin.start(CheckInKind.AFTER.value, exercises)
        routine = self._session_routine
        self.checkin.set_context(routine.name if routine is not None else "", self._before)
        self.show_page("checkin")

    # -- voice commands (issue 13) ---------------------------------------------------
    def _start_voice(self) -> None:
        """Listen for spoken commands during the session, when the person opted in."""
        voice = getattr(self, "_voice", None)
        if not self.ctx.prefs.voice_commands or self._controller is None:
            if voice is not None:  # turned off since the last session
                voice[2].hide()
            return
        if voice is None:
            from stretchguide.qt.voice import VoiceListener, VoiceRouter, add_indicator

            controller = self._controller
            listener = VoiceListener(self, device_id=bytes.fromhex(self.ctx.prefs.microphone or ""))
            router = VoiceRouter(
                self.session_view,
                paused=lambda: bool(controller.session.snapshot(controller.clock()).paused),
                muted=lambda: bool(controller.muted),
                parent=self,
            )
            indicator = add_indicator(self.session_view)
            listener.sig_command.connect(router.handle)
            listener.sig_listening.connect(indicator.set_listening)
            listener.sig_unavailable.connect(self.session_view.set_status)
            router.sig_acknowledged.connect(indicator.acknowledge)
            listener.attach_player(self._cue_player)
            voice = self._voice = (listener, router, indicator)
        listener, _router, indicator = voice
        listener.set_device(bytes.fromhex(self.ctx.prefs.microphone or ""))
        indicator.show()
        listener.start()

    def _stop_voice(self, shutdown: bool = False) -> None:
        voice = getattr(self, "_voice", None)
        if voice is None:
            return
        listener, _router, indicator = voice
        if shutdown:
            listener.shutdown()
        else:
            listener.stop()

    # -- reminders -------------------------------------------------------------------
    def _plan_changes(self) -> list[tuple[date, str]]:
        """Every dose change in the saved plan, for the clinician report."""
        state = self.companion.state()
        return [(c.on, c.line) for c in state.changes] if state is not None else []

    @property
    def companion(self) -> Any:
        """Tray, reminders and the plan (qt/tray.py), made on first use."""
        if self._companion is None:
            from stretchguide.qt.tray import Companion

            self._companion = Companion(self)
        return self._companion

    def _arm_reminder(self) -> None:
        self.companion.rearm()
        if self.companion.plan_error:
            self.statusBar().showMessage(self.companion.plan_error, 0)

    def check_reminder(self) -> bool:
        return bool(self.companion.check())

    def _selected_routine(self) -> Routine | None:
        details = getattr(self, "details", None)
        routine = getattr(details, "routine", None)
        if routine is None and self.ctx.history_open:
            rid = self.companion.today_routine_id()
            routine = self.ctx.routine(rid) if rid else None
        return routine

    def _plan_of(self, routine: Routine) -> tuple[date, Any, Routine, tuple[str, ...]]:
        """Today, the routine's plan, the routine with its accepted doses, and
        the plan's changes (none for a routine that is not the planned one)."""
        from stretchguide.core.plan import Plan

        state = self.companion.state()
        today = datetime.fromtimestamp(self.ctx.wall()).date()
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
        from PySide6.QtWidgets import QFileDialog

        from stretchguide.qt.sheet import write_pdf

        routine = self._selected_routine()
        if routine is None:
            self.inform(self.tr("Print"), self.tr("Choose a routine in the list first."))
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the routine as PDF"), f"{routine.id}.pdf", "PDF (*.pdf)"
            )
            if not path:
                return None
        today, plan, shown, changes = self._plan_of(routine)
        try:
            write_pdf(
                Path(path), shown, self.ctx.catalog.exercises, plan, today=today, changes=changes
            )
        except OSError as err:
            self.inform(self.tr("The PDF could not be saved"), f"{path}: {err.strerror or err}")
            return None
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 8000)
        if self.ask(self.tr("Saved"), self.tr("Open the PDF to print it?")):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return Path(path)

    def export_plan(self, path: str | None = None) -> Path | None:
        """The plan as an .ics file with alarms, for a phone's calendar."""
        from datetime import UTC

        from PySide6.QtWidgets import QFileDialog

        from stretchguide.core.ics import plan_to_ics
        from stretchguide.core.timeline import build_timeline

        routine = self._selected_routine()
        if routine is None:
            self.inform(self.tr("Calendar"), self.tr("Choose a routine in the list first."))
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the plan"), "stretchguide-plan.ics", "iCalendar (*.ics)"
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
        try:
            Path(path).write_text(text, encoding="utf-8", newline="")
        except OSError as err:
            self.inform(self.tr("The calendar could not be saved"), f"{path}: {err}")
            return None
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 8000)
        return Path(path)

    # -- geometry ----------------------------------------------------------------------
    def restore_geometry(self) -> None:
        geo = self.ctx.prefs.qsettings.value("window/geometry")
        if isinstance(geo, QByteArray) and not geo.isEmpty():
            self.restoreGeometry(geo)
        else:
            self.resize(1180, 760)
        self.fit_to_screen()

    def fit_to_screen(self) -> None:
        """Never larger than the screen's free area (a 1280x720 laptop, a
        taskbar): buttons at the bottom edge must stay reachable."""
        screen = self.screen()
        if screen is None:
            return
        free = screen.availableGeometry()
        # The frame (title bar, borders) is not known before the first show;
        # leave room for a typical one.
        w = min(self.width(), free.width() - 16)
        h = min(self.height(), free.height() - 48)
        if (w, h) != (self.width(), self.height()):
            self.resize(max(w, 480), max(h, 360))
        if not free.contains(self.frameGeometry().topLeft()):
            self.move(free.topLeft())

    def closeEvent(self, event: Any) -> None:
        companion = self._companion
        if companion is not None and companion.keeps_running() and not companion.quitting:
            # Reminders are on: closing the window leaves the tray running.
            if self._controller is not None and self.current_page() == "session":
                self._controller.stop()
            self.ctx.prefs.qsettings.setValue("window/geometry", self.saveGeometry())
            self.ctx.prefs.sync()
            event.ignore()
            self.hide()
            return
        if self._controller is not None and self.current_page() == "session":
            self._controller.stop()
        if self._controller is not None:
            self._controller.shutdown()
        self._stop_voice(shutdown=True)
        self.ctx.prefs.qsettings.setValue("window/geometry", self.saveGeometry())
        self.ctx.prefs.sync()
        super().closeEvent(event)
