"""The main window: the page stack, the toolbar, the dialogs, the exports.

Pages live in a stack: routines (qt/routines_page.py), safety questions,
check-in, session, history, guidance; each is made on first use.
``MainWindow`` shows them and owns what every page shares: the toolbar,
the dialogs, settings, the tray companion, the printable sheet and the
calendar export, and the window's size. The flow of a session (check-in ->
session -> check-out -> verdict) is ``self.flow`` (qt/session_flow.py), the
only qt code that writes to the history.

Dialogs that would block a test are reached through replaceable callables
(``ask``, ``inform``, ``ask_hurt``): this class is their one place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QStackedWidget,
    QWidget,
)

from stretchguide.qt.context import AppContext
from stretchguide.qt.enums import HurtChoice, Page
from stretchguide.qt.plan_actions import PlanActions
from stretchguide.qt.routines_page import RoutinesPage
from stretchguide.qt.theme import Theme, set_theme, sync_color_scheme

# Imports inside methods below are lazy on purpose: the window paints its frame
# first (see PERFORMANCE.md). The pages and the domain (catalog, timeline,
# trends; their dataclasses, enums and TOML parsing) were most of the start-up
# time (settings alone ~350 ms); even the dialog classes cost ~11 ms, as PySide
# builds a class's enums on first import, Qt's namespace ~22 ms, ``flow`` ~3 ms.
if TYPE_CHECKING:
    from PySide6.QtGui import QScreen

    from stretchguide.qt.checkin import CheckinPage
    from stretchguide.qt.history_view import HistoryView
    from stretchguide.qt.nav_overflow import NavOverflow
    from stretchguide.qt.safety_gate import SafetyGate
    from stretchguide.qt.session_flow import SessionFlow
    from stretchguide.qt.session_view import SessionView
    from stretchguide.qt.settings_guard import SetAside
    from stretchguide.qt.tray import Companion


class MainWindow(PlanActions):
    sig_page_changed = Signal(str)
    """A different page is showing (its name)."""

    nav_overflow: NavOverflow | None = None  # made after the first paint

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
        self.choose: Callable[[str, str, list[str]], list[bool]] = self._choose
        self._history_view: HistoryView | None = None
        self._guidance: QWidget | None = None
        self._companion: Companion | None = None
        self.terminating = False  # ending on a signal: close, ask nothing (qt/terminate.py)

        self._flow: SessionFlow | None = None
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.routines = RoutinesPage(self)
        self.routines.sig_start.connect(self.start_routine)
        self.stack.addWidget(self.routines)
        self._safety: SafetyGate | None = None
        self._checkin: CheckinPage | None = None
        self._session_view: SessionView | None = None
        self._input_guard: QObject | None = None
        self._build_toolbar()
        self.statusBar()
        ctx.prefs.on_set_aside = self._settings_set_aside
        self.restore_geometry()
        self.show_page(Page.ROUTINES)
        if ctx.catalog_loaded:
            self.ensure_routines()

    # -- building ------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._input_guard is None:  # on its QWindow, which exists from the first show
            from stretchguide.qt.input_guard import InputGuard

            self._input_guard = InputGuard(self)

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
        self._finish_toolbar()
        from PySide6.QtWidgets import QApplication

        from stretchguide.qt.style import install_focus_ring

        # Before the theme (setStyle may reset a palette) and before the page's
        # widgets exist (they are polished once, by the final style).
        install_focus_ring(QApplication.instance())
        if self.ctx.prefs.theme != Theme.SYSTEM:
            set_theme(self.ctx.prefs.theme)
        sync_color_scheme()
        from PySide6.QtCore import Qt

        self.nav.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        from stretchguide.qt.nav_overflow import NavOverflow

        self.nav_overflow = NavOverflow(self.nav, self.nav_actions, self)
        self.routines.populate()

    def _build_toolbar(self) -> None:
        bar = self.addToolBar(self.tr("Navigation"))
        bar.setObjectName("navigation")
        bar.setMovable(False)
        # Text-only buttons are set after the first paint (RoutinesPage._build).
        self.nav = bar

        # Shortcuts and tooltips after the first paint (``_finish_toolbar``):
        # QKeySequence's PySide class with its enums cost ~3 ms before it.
        self._shortcuts: list[tuple[QAction, str]] = []
        self.nav_actions: list[QAction] = []  # on the bar, or under "More" (NavOverflow)

        def action(text: str, shortcut: str, slot: Callable[[], object]) -> QAction:
            # QAction(parent) + setText, not QAction(text, parent): PySide's
            # overload resolution for the latter cost ~2.5 ms before the paint.
            act = QAction(self)
            act.setText(text)
            act.triggered.connect(slot)
            bar.addAction(act)
            self.nav_actions.append(act)
            self._shortcuts.append((act, shortcut))
            return act

        self.act_routines = action(
            self.tr("&Routines"), "Ctrl+1", lambda: self.show_page(Page.ROUTINES)
        )
        self.act_history = action(self.tr("&History"), "Ctrl+2", self.show_history)
        self.act_guidance = action(self.tr("&Guidance"), "Ctrl+3", self.show_guidance)
        self.act_checkin = action(self.tr("&Check in"), "Ctrl+K", self.checkin_now)
        self.act_settings = action(self.tr("&Settings"), "Ctrl+,", self.open_settings)
        self.act_safety = action(
            self.tr("Safety &questions"), "Ctrl+Shift+Q", lambda: self.flow.ask_safety_now()
        )
        self.act_sheet = action(
            self.tr("&Print / Save as PDF"), "Ctrl+P", lambda: self.save_sheet()
        )
        self.act_ics = action(
            self.tr("Plan to &calendar"), "Ctrl+Shift+E", lambda: self.export_plan()
        )

    def _finish_toolbar(self) -> None:
        """Each toolbar action's shortcut, and a tooltip that names it (once);
        the toolbar's buttons join the Tab order."""
        from PySide6.QtGui import QKeySequence

        from stretchguide.qt.nav_overflow import ready_for_keys

        for act, shortcut in self._shortcuts:
            keys = QKeySequence(shortcut)
            # setShortcuts([...]), not setShortcut(...): the latter's overload
            # resolution materialises PySide's whole Qt namespace (~22 ms).
            act.setShortcuts([keys])
            # The keys as the platform names them, in the interface's
            # language ("Strg+2", "Ctrl+Maj+Q"), as the "More" menu shows them.
            native = keys.toString(QKeySequence.SequenceFormat.NativeText)
            act.setToolTip(f"{act.text().replace('&', '')} ({native})")
            ready_for_keys(self.nav.widgetForAction(act))  # Tab reaches it, Enter presses it
        self._shortcuts = []

    @property
    def flow(self) -> SessionFlow:
        if self._flow is None:
            from stretchguide.qt.session_flow import SessionFlow

            self._flow = SessionFlow(self)
        return self._flow

    @property
    def safety(self) -> SafetyGate:
        if self._safety is None:
            from stretchguide.qt.safety_gate import SafetyGate

            gate = SafetyGate()
            gate.sig_passed.connect(self.flow.on_safety_passed)
            gate.sig_blocked.connect(self.flow.on_safety_blocked)
            gate.sig_disclaimer_accepted.connect(self.flow.on_disclaimer)
            self.stack.addWidget(gate)
            self._safety = gate
        return self._safety

    @property
    def checkin(self) -> CheckinPage:
        if self._checkin is None:
            from stretchguide.qt.checkin import CheckinPage

            page = CheckinPage()
            page.read_first.clock = self.ctx.clock  # monotonic; a fake one in tests
            page.sig_submitted.connect(self.flow.on_checkin)
            page.sig_skipped.connect(self.flow.on_checkin_skipped)
            page.continue_button.clicked.connect(self.flow.after_verdict)
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
            self._session_view.sig_stop_asked.connect(self.flow.sound.say_stop_question)
            self.stack.addWidget(self._session_view)
        return self._session_view

    # -- pages ------------------------------------------------------------------
    def show_page(self, name: str) -> None:
        page = Page(name)
        widget: QWidget | None = {
            Page.ROUTINES: lambda: self.routines,
            Page.SESSION: lambda: self.session_view,
            Page.SAFETY: lambda: self.safety,
            Page.CHECKIN: lambda: self.checkin,
            Page.HISTORY: self._ensure_history,
            Page.GUIDANCE: self._ensure_guidance,
        }[page]()
        assert widget is not None
        self.stack.setCurrentWidget(widget)
        in_session = page is Page.SESSION
        self.nav.setVisible(not in_session)
        for act in self.nav_actions:
            act.setEnabled(not in_session and page is not Page.SAFETY)
        if self.nav_overflow is not None:
            self.nav_overflow.sync_enabled()
        if page is Page.ROUTINES:
            self.routines.focus_list()
        self.sig_page_changed.emit(page.value)

    def current_page(self) -> Page:
        w = self.stack.currentWidget()
        for page, widget in (
            (Page.ROUTINES, self.routines),
            (Page.SAFETY, self._safety),
            (Page.CHECKIN, self._checkin),
            (Page.SESSION, self._session_view),
            (Page.HISTORY, self._history_view),
            (Page.GUIDANCE, self._guidance),
        ):
            if widget is not None and w is widget:
                return page
        return Page.NONE

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
        return self._history_view

    def _ensure_guidance(self) -> QWidget:
        if self._guidance is None:
            from stretchguide.qt.guidance import GuidancePage

            self._guidance = GuidancePage(self.ctx.catalog.guidance)
            self.stack.addWidget(self._guidance)
        return self._guidance

    def show_history(self) -> None:
        self.show_page(Page.HISTORY)
        view = self._history_view
        assert view is not None  # show_page built it
        view.refresh()

    def show_guidance(self) -> None:
        self.show_page(Page.GUIDANCE)

    def open_settings(self) -> None:
        from stretchguide.qt.dialogs import open_window_modal
        from stretchguide.qt.settings import SettingsDialog

        dialog = SettingsDialog(self.ctx.prefs, self)
        self._reminder_was = self.ctx.prefs.reminder_enabled
        dialog.sig_applied.connect(self._on_settings)
        open_window_modal(dialog)
        self._settings_dialog = dialog

    def retime_routines(self) -> None:
        """The routines' times again, after a setting they depend on changed
        (a list not filled yet is timed when it is)."""
        if self.routines.populated:
            self.routines.reload_routines()

    def _on_settings(self) -> None:
        set_theme(self.ctx.prefs.theme)
        self.routines.reload_routines()
        self.arm_reminder()
        if self.ctx.prefs.reminder_enabled != getattr(self, "_reminder_was", None):
            # Only when the person turned reminders on or off: the login item
            # follows that choice and nothing else.
            try:
                where = self.companion.apply_autostart()
            except OSError as err:  # e.g. XDG_CONFIG_HOME names a file
                from stretchguide.qt.save_file import failed_text

                self.inform(self.tr("Start at login"), failed_text(err.filename or "", err))
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

    # -- the session flow (qt/session_flow.py) ----------------------------------------
    def start_routine(self, routine_id: str) -> None:
        self.flow.start_routine(routine_id)

    def checkin_now(self) -> None:
        self.flow.checkin_now()

    def startup_checks(self) -> None:
        self.flow.startup_checks()

    # -- dialogs (replaceable in tests) ---------------------------------------------
    def _ask(self, title: str, text: str) -> bool:
        from stretchguide.qt.dialogs import ask

        return ask(self, title, text)  # Enter answers No, and a double click nothing

    def _inform(self, title: str, text: str) -> None:
        from stretchguide.qt.dialogs import tell

        tell(self, title, text)

    def _choose(self, title: str, intro: str, lines: list[str]) -> list[bool]:
        from stretchguide.qt.plan_offers import choose_offers

        return choose_offers(self, title, intro, lines)

    def _ask_hurt(self) -> str:
        """The full-window "this hurts" question: keys 1-4 answer, Esc asks whether to stop.

        The overlay's ``choose(key)`` is the hook a voice command can call.
        """
        view = self.session_view
        title = self.tr("This hurts")
        text = self.flow.hurt_again_note() or self.tr(
            "The session is paused. Sharp or growing pain means stop."
        )
        can_ease = self.flow.can_ease_off()  # only while it would shorten a hold
        if view.voice_listening:  # what may be said, shown as well as spoken
            text += "\n\n" + (
                self.tr("Or say “ease off”, “skip”, “go on” or “stop”.")
                if can_ease
                else self.tr("Or say “skip”, “go on” or “stop”.")
            )
        ease = [(HurtChoice.EASE.value, self.tr("Ease off: shorter holds from here"))]
        choices = [
            *(ease if can_ease else []),
            (HurtChoice.SKIP.value, self.tr("Skip this exercise")),
            (HurtChoice.CONTINUE.value, self.tr("Carry on")),
            (HurtChoice.END.value, self.tr("End the session")),
        ]
        self.flow.sound.say_hurt_question(self.flow.hurt_message(), can_ease=can_ease)
        from stretchguide.qt.choice_overlay import ASK_STOP

        while True:
            answer = view.ask_choice(title, text, choices, escape=ASK_STOP)
            if answer != ASK_STOP:
                return answer
            # Esc: stop, as everywhere in a session, with the stop question's
            # confirmation. It used to mean "Carry on": the exercise started
            # again for someone who had just said it hurt and pressed Esc.
            if not view.isVisible():
                return HurtChoice.CONTINUE.value  # the page went away: as before
            # "No" to stopping is not "carry on": back to the choices, so a
            # second Esc never puts the person into the exercise that hurt.
            # The answer (and the Esc line under it) says so.
            view.stop_no_label = self.tr("No, back to the choices")
            try:
                if view.confirm_stop():
                    return HurtChoice.END.value
            finally:
                view.stop_no_label = ""

    def _settings_set_aside(self, aside: SetAside) -> None:
        """Another program left the settings file unreadable while the app ran."""
        from stretchguide.qt.settings_guard import set_aside_message

        text = set_aside_message(aside)
        self.statusBar().showMessage(text, 0)
        if self.current_page() is Page.SESSION:
            self.session_view.set_status(text)  # where the person is looking

    # -- geometry ----------------------------------------------------------------------
    def restore_geometry(self) -> None:
        geo = self.ctx.prefs.qsettings.value("window/geometry")
        restored = isinstance(geo, QByteArray) and not geo.isEmpty() and self.restoreGeometry(geo)
        # Unreadable (left at 537 x 104) or hand-edited to 1 x 1: start as new.
        if not restored or self.width() < 480 or self.height() < 360:
            self.resize(1180, 760)
        self.fit_to_screen()

    def fit_to_screen(self) -> None:
        """Never larger than the screen's free area (a 1280x720 laptop, a
        taskbar): buttons at the bottom edge must stay reachable."""
        screen: QScreen | None = self.screen()  # None with no display; the stubs omit it
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
        if not self.routines.may_close():  # a routine editor with unsaved edits
            event.ignore()
            return
        companion = self._companion
        keep = companion is not None and companion.keeps_running() and not companion.quitting
        if keep and not self.terminating:
            # Reminders are on: closing the window leaves the tray running.
            if self.flow.controller is not None and self.current_page() is Page.SESSION:
                self.flow.controller.stop()
            self.ctx.prefs.qsettings.setValue("window/geometry", self.saveGeometry())
            self.ctx.prefs.sync()
            event.ignore()
            self.hide()
            return
        if self.flow.controller is not None and self.current_page() is Page.SESSION:
            self.flow.controller.stop()
        if not self.terminating and not self.flow.may_close():  # records only in memory: asked
            event.ignore()
            return
        self.flow.shutdown()
        self.ctx.prefs.qsettings.setValue("window/geometry", self.saveGeometry())
        self.ctx.prefs.sync()
        super().closeEvent(event)
