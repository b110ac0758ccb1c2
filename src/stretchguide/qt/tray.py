# Why this file stays whole (~500 lines): it is one class, Companion: the tray
# icon, its menu and the reminder timer are one state (what is due next, what
# was shown today, what was snoozed). The decisions are already in core.plan.
"""The companion between sessions: tray icon, reminders and the plan.

``Companion`` belongs to the main window and keeps StretchGuide useful while
the window is closed: a tray icon with a menu (start today's routine, check
in, open, quit), the evening reminder and the morning check-in reminder on
the days the plan asks for, and the plan's dose offers after a session.

Idle costs nothing: one single-shot timer is armed for the next moment
something is due (from :func:`stretchguide.core.plan.next_reminder`), capped
at an hour so a suspended laptop or a changed clock is caught up with soon.
The decisions live in ``core.plan``; this class only asks and shows.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections import Counter
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from stretchguide.qt.notify import CHECK_IN, LATER, START_NOW, NotificationBus, Notifier

if TYPE_CHECKING:
    from pathlib import Path

    from stretchguide.core.catalog import Routine
    from stretchguide.core.plan import Offer, Plan, PlanState, SessionEvidence
    from stretchguide.qt.main_window import MainWindow

SNOOZE = timedelta(minutes=30)
MAX_SLEEP_MS = 3_600_000  # re-check at least hourly (suspend, clock changes)
MORNING_DEFAULT = "09:00"


def _hhmm(text: str, default: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError:
        return time.fromisoformat(default)


def default_bus() -> NotificationBus | None:
    """The session bus's notification server, on desktops that have one."""
    if sys.platform.startswith(("win", "darwin")) or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return None
    from stretchguide.qt.notify import QtDBusBus

    return QtDBusBus()


class Companion(QObject):
    def __init__(
        self,
        window: MainWindow,
        *,
        bus: NotificationBus | None | str = "auto",
        tray: QSystemTrayIcon | None | str = "auto",
    ) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self._bus_choice = bus
        self._tray_choice = tray
        self.tray: QSystemTrayIcon | None = None
        self.notifier: Notifier | None = None
        self._state: PlanState | None = None
        self._state_loaded = False
        self.plan_error = ""
        # None: the platform's own place (autostart.autostart_path); tests set a tmp path.
        self.autostart_path: Any = None

    # -- set-up, on first need -------------------------------------------------
    def _ensure_tray(self) -> None:
        if self.notifier is not None:
            return
        tray = self._tray_choice
        if tray == "auto":
            tray = self._make_tray() if QSystemTrayIcon.isSystemTrayAvailable() else None
        self.tray = tray if isinstance(tray, QSystemTrayIcon) else None
        if self.tray is not None and self.tray.contextMenu() is None:
            self.tray.setContextMenu(self.build_menu())
        bus = default_bus() if self._bus_choice == "auto" else self._bus_choice
        self.notifier = Notifier(bus if not isinstance(bus, str) else None, self.tray, parent=self)
        self.notifier.sig_action.connect(self.on_action)
        if self.tray is not None:
            self.tray.activated.connect(self._on_tray_activated)

    def _make_tray(self) -> QSystemTrayIcon:
        from PySide6.QtGui import QIcon

        from stretchguide.qt.assets import MissingAssetError, asset_path

        try:
            icon = QIcon(str(asset_path("images/icon-64.png")))
        except MissingAssetError:
            icon = self.window.windowIcon()
        tray = QSystemTrayIcon(icon, self)
        tray.setToolTip(self.tr("StretchGuide"))
        tray.setContextMenu(self.build_menu())
        return tray

    def build_menu(self) -> QMenu:
        menu = QMenu(self.window)
        self.act_start = QAction(self.tr("Start today's routine"), menu)
        self.act_checkin = QAction(self.tr("Check in"), menu)
        self.act_open = QAction(self.tr("Open StretchGuide"), menu)
        self.act_quit = QAction(self.tr("Quit"), menu)
        self.act_start.triggered.connect(self.start_today)
        self.act_checkin.triggered.connect(self.check_in)
        self.act_open.triggered.connect(self.open_window)
        self.act_quit.triggered.connect(self.quit)
        for act in (self.act_start, self.act_checkin, self.act_open):
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(self.act_quit)
        menu.aboutToShow.connect(self._refresh_menu)
        self.menu = menu
        return menu

    def _refresh_menu(self) -> None:
        rid = self.today_routine_id()
        name = self._routine_name(rid)
        if name:
            self.act_start.setText(self.tr("Start today's routine: %1").replace("%1", name))

    def _on_tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.open_window()

    # -- the plan -------------------------------------------------------------
    @property
    def plan_path(self) -> Path:
        from stretchguide.core.plan import PLAN_FILE

        return self.ctx.paths.data_dir / PLAN_FILE

    def state(self) -> PlanState | None:
        if not self._state_loaded:
            from stretchguide.core.plan import PlanFileError, load_state

            self._state_loaded = True
            try:
                self._state = load_state(self.plan_path)
            except PlanFileError as err:
                # Say it once; the old file stays as it is for the person to see.
                self.plan_error = err.user_message
                self._state = None
        if self._state is not None:
            self._state = self._not_ahead(self._state)
        return self._state

    def _not_ahead(self, state: PlanState) -> PlanState:
        """The plan with nothing dated after today (``PlanState.not_after``):
        written while the clock was ahead, it planned no day until the clock
        caught up. Saved, and said once when the start moves."""
        fixed = state.not_after(self.today(), self.ctx.wall())
        if fixed is state:
            return state
        with contextlib.suppress(OSError):  # kept in memory; the next save writes it
            self._save(fixed)
        if fixed.start != state.start:
            self.window.statusBar().showMessage(
                self.tr(
                    "Your plan was dated after today, probably because the computer's "
                    "clock was ahead. It now starts today."
                ),
                0,
            )
        return fixed

    def _save(self, state: PlanState) -> None:
        from stretchguide.core.plan import save_state

        save_state(self.plan_path, state)
        self._state = state

    def today(self) -> date:
        # The History page's day (AppContext.today): the plan, its start and
        # the evening reminder follow a traveller as the history does.
        return self.ctx.today()

    def plan(self) -> Plan | None:
        state = self.state()
        if state is None:
            return None
        try:
            routine = self.ctx.routine(state.routine_id)
        except KeyError:
            return None
        return state.plan(routine)

    def today_routine_id(self) -> str | None:
        state = self.state()
        if state is not None:
            try:
                self.ctx.routine(state.routine_id)
                return state.routine_id
            except KeyError:
                pass
        if not self.ctx.history_open:
            return None
        sessions = self.ctx.history.sessions()
        return sessions[-1].routine_id if sessions else None

    def _routine_name(self, rid: str | None) -> str:
        if rid is None:
            return ""
        try:
            return self.ctx.routine(rid).name
        except KeyError:
            return ""

    def routine_for_session(self, routine: Routine) -> Routine:
        """The routine with the doses the person accepted; starts a plan for
        it when there is none, or when they chose another routine."""
        from stretchguide.core.plan import PlanState

        state = self.state()
        if state is None and self.plan_error:
            return routine  # never overwrite a plan file we could not read
        if state is None or state.routine_id != routine.id:
            state = PlanState(routine.id, self.today(), {}, state.changes if state else ())
            try:
                self._save(state)
            except OSError as err:
                from stretchguide.core.os_reasons import os_reason_text

                self.window.statusBar().showMessage(
                    self.tr("The plan could not be saved: %1").replace("%1", os_reason_text(err)),
                    0,
                )
                return routine
        return state.apply(routine)

    def done_days(self) -> set[date]:
        return self.ctx.history.session_days() if self.ctx.history_open else set()

    def evidence(self, routine_id: str) -> dict[str, list[SessionEvidence]]:
        """Each exercise's sessions since its last dose change, oldest first."""
        from stretchguide.core import plan as P  # noqa: N812
        from stretchguide.core.safety import baseline_checkin, numbness_since, spread_since
        from stretchguide.core.trends import CheckInKind, SessionStatus, by_kind, local_day

        state = self.state()
        h = self.ctx.history
        since = int(self.ctx.wall()) - 60 * 86400
        sessions = [
            s
            for s in h.sessions(since=since)
            if s.routine_id == routine_id and s.status is not SessionStatus.IN_PROGRESS
        ][-12:]
        out: dict[str, list[SessionEvidence]] = {}
        thresholds = self.ctx.prefs.pain_thresholds
        recent = h.checkins(since=since - 30 * 86400)
        for s in sessions:
            cis = by_kind(h.checkins_for_session(s.id))
            before = cis.get(CheckInKind.BEFORE)
            # The check-in before this session's own: a spread between
            # sessions once went unseen, and the plan offered more.
            # Without it, the last one between sessions before the session
            # started: the ground for its next morning, as in its verdict.
            previous = (
                baseline_checkin(recent, before.at, exclude_id=before.id, made_before_id=before.id)
                if before is not None
                else baseline_checkin((c for c in recent if c.session_id != s.id), s.started_at)
            )

            after, morning = cis.get(CheckInKind.AFTER), cis.get(CheckInKind.NEXT_MORNING)
            latest = morning or after
            # Numbness or a spread still recent after it: no step up yet
            # (CLINICAL.md 2).
            numbness_from = spread_from = None
            if latest is not None:
                numbness_from = numbness_since(recent, latest, made_before_id=latest.id)
                spread_from = spread_since(recent, latest, made_before_id=latest.id)
            hurts = Counter(e.exercise_id for e in h.hurts(s.id))
            day = local_day(s.started_at, s.utc_offset)
            # Only what was actually worked on: a session stopped in its first
            # exercise says nothing about the ones never reached, and one
            # whose every step was skipped says nothing about any of them.
            # Only a session with no steps recorded at all (kept before steps
            # were) counts every exercise.
            steps = h.steps(s.id)
            worked = {st.exercise_id for st in steps if st.done_s > 0 and not st.skipped}
            worked |= {r.exercise_id for r in h.responses(s.id)} | set(hurts)
            for ex_id in s.exercise_ids:
                if (steps or worked) and ex_id not in worked:
                    continue
                # A session counts for the dose it ran with: one that started
                # before the last change, even earlier the same day, does not.
                if state is not None and state.ran_before_last_change(ex_id, s.started_at, day):
                    continue
                out.setdefault(ex_id, []).append(
                    P.evidence(
                        before=before,
                        after=after,
                        next_morning=morning,
                        hurts=hurts.get(ex_id, 0),
                        thresholds=thresholds,
                        previous=previous,
                        numbness_from=numbness_from,
                        spread_from=spread_from,
                        session_hurts=hurts.total(),
                    )
                )
        return out

    def offers(self) -> list[Offer]:
        from stretchguide.core.checkin_now import FLARE_S, USUAL_S
        from stretchguide.core.plan import (
            flare_holds_step_up,
            holds_step_up,
            nerve_exercises,
            offers_for,
        )

        state = self.state()
        if state is None:
            return []
        try:
            routine = self.ctx.routine(state.routine_id)
        except KeyError:
            return []
        names = {k: e.name for k, e in self.ctx.catalog.exercises.items()}
        # No step up while the 14-day verdict sends the person to a professional
        # for things getting worse, nor in the week after a flare (CLINICAL.md 8).
        h, now = self.ctx.history, int(self.ctx.wall())
        recent = h.checkins(since=now - FLARE_S - USUAL_S)
        hold = holds_step_up(h.verdict(self.today())) or flare_holds_step_up(
            recent, now, self.ctx.prefs.pain_thresholds
        )
        return offers_for(
            routine,
            state,
            self.evidence(routine.id),
            names,
            hold_up=hold,
            nerve_ids=nerve_exercises(self.ctx.catalog),
        )

    def offer_changes(self) -> list[Offer]:
        """Ask about the offers together, one plain line each; returns those accepted."""
        from stretchguide.core.plan import Direction

        offers = self.offers()
        if not offers:
            return []
        if all(o.direction is Direction.DOWN for o in offers):
            title = self.tr("Go gentler next time?")
        elif all(o.direction is Direction.UP for o in offers):
            title = self.tr("Ready for a little more?")
        else:
            title = self.tr("Changes to your plan")
        intro = self.tr(
            "StretchGuide suggests these changes for your next session. Untick any you do not want."
        )
        chosen = self.window.choose(title, intro, [o.line for o in offers])
        accepted: list[Offer] = []
        for offer, yes in zip(offers, chosen, strict=True):
            if not yes:
                continue
            state = self.state()
            assert state is not None
            try:
                self._save(state.accept(offer, self.today(), self.ctx.wall()))
            except OSError as err:
                from stretchguide.core.os_reasons import os_reason_text

                self.window.inform(self.tr("The plan could not be saved"), os_reason_text(err))
                break
            accepted.append(offer)
        return accepted

    # -- reminders ------------------------------------------------------------
    def _setting(self, key: str, default: str = "") -> str:
        return str(self.ctx.prefs.qsettings.value(key, default))

    def _snoozed_until(self) -> datetime | None:
        raw = self._setting("reminder/snoozed_until")
        try:
            return datetime.fromtimestamp(float(raw)) if raw else None
        except ValueError:
            return None

    def _shown_on(self, key: str) -> date | None:
        try:
            return date.fromisoformat(self._setting(key))
        except ValueError:
            return None

    def keeps_running(self) -> bool:
        """Closing the window leaves StretchGuide in the tray."""
        return bool(self.ctx.prefs.reminder_enabled and self.tray is not None)

    def rearm(self) -> None:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if isinstance(app, QApplication):
            # With reminders on, closing the window must not end the program.
            app.setQuitOnLastWindowClosed(not self.ctx.prefs.reminder_enabled)
        if not self.ctx.prefs.reminder_enabled:
            self.timer.stop()
            if self.tray is not None:
                self.tray.hide()
            return
        self._ensure_tray()
        if self.tray is not None:
            self.tray.show()
        self.timer.start(self.sleep_ms())

    def next_due(self, now: datetime) -> datetime:
        from stretchguide.core.plan import next_reminder

        at = _hhmm(self.ctx.prefs.reminder_time, "18:00")
        moment = next_reminder(
            self.plan(),
            self.done_days(),
            now,
            at,
            self._shown_on("reminder/shown_on"),
            self._snoozed_until(),
            self.today(),
        )
        morning = datetime.combine(now.date(), self.morning_time())
        if morning > now and self._shown_on("reminder/morning_shown_on") != now.date():
            moment = min(moment, morning)
        return moment

    def morning_time(self) -> time:
        return _hhmm(self.ctx.prefs.morning_reminder_time, MORNING_DEFAULT)

    def sleep_ms(self) -> int:
        now = datetime.fromtimestamp(self.ctx.wall())
        wait = (self.next_due(now) - now).total_seconds()
        return int(min(MAX_SLEEP_MS, max(1000, wait * 1000)))

    def check(self) -> bool:
        """Show what is due now; re-arm for the next. True if something showed."""
        shown = False
        in_session = self.window.current_page() == "session"
        try:
            if self.ctx.prefs.reminder_enabled and not in_session:
                shown = self._check_morning() or self._check_evening()
        finally:
            if self.ctx.prefs.reminder_enabled:
                # Mid-session a due reminder waits; look again in a minute, not every second.
                self.timer.start(60_000 if in_session else self.sleep_ms())
        return shown

    def _check_evening(self) -> bool:
        from stretchguide.core.plan import reminder_due

        now = datetime.fromtimestamp(self.ctx.wall())
        at = _hhmm(self.ctx.prefs.reminder_time, "18:00")
        today = self.today()
        if not reminder_due(
            self.plan(),
            self.done_days(),
            now,
            at,
            self._shown_on("reminder/shown_on"),
            self._snoozed_until(),
            today,
        ):
            return False
        prefs = self.ctx.prefs
        # The person's day it was shown for, which reminder_due compares.
        prefs.qsettings.setValue("reminder/shown_on", today.isoformat())
        prefs.qsettings.remove("reminder/snoozed_until")
        prefs.sync()
        name = self._routine_name(self.today_routine_id())
        body = (
            self.tr("%1 is planned for today.").replace("%1", name)
            if name
            else self.tr("Pick a routine and take a few minutes for your back.")
        )
        self._ensure_tray()
        assert self.notifier is not None
        self.window.statusBar().showMessage(self.tr("Time for your stretches."), 0)
        return self.notifier.notify(
            self.tr("Time for your stretches"),
            body,
            [(START_NOW, self.tr("Start now")), (LATER, self.tr("Later"))],
        )

    def _check_morning(self) -> bool:
        from stretchguide.qt.session_rules import morning_checkin_due

        now = datetime.fromtimestamp(self.ctx.wall())
        if now.time() < self.morning_time():
            return False
        if self._shown_on("reminder/morning_shown_on") == now.date():
            return False
        if not self.ctx.history_open:
            return False
        sid = morning_checkin_due(
            self.ctx.history, now.timestamp(), self.ctx.prefs.morning_checkin_offered_on
        )
        if sid is None:
            return False
        self.ctx.prefs.qsettings.setValue("reminder/morning_shown_on", now.date().isoformat())
        self.ctx.prefs.sync()
        self._morning_session = sid
        self._ensure_tray()
        assert self.notifier is not None
        return self.notifier.notify(
            self.tr("Good morning"),
            self.tr("How is your back after yesterday's session? A quick check-in helps."),
            [(CHECK_IN, self.tr("Check in")), (LATER, self.tr("Later"))],
        )

    def on_action(self, key: str) -> None:
        if key == START_NOW:
            self.start_today()
        elif key == CHECK_IN:
            self.morning_check_in()
        elif key == LATER:
            until = datetime.fromtimestamp(self.ctx.wall()) + SNOOZE
            self.ctx.prefs.qsettings.setValue("reminder/snoozed_until", until.timestamp())
            self.ctx.prefs.sync()
            self.rearm()

    # -- menu actions ------------------------------------------------------------
    def open_window(self) -> None:
        w = self.window
        if w.isMinimized():
            w.showNormal()
        w.show()
        from PySide6.QtGui import QGuiApplication

        if QGuiApplication.platformName() != "offscreen":  # it has no stacking order
            w.raise_()
            w.activateWindow()

    def start_today(self) -> None:
        self.open_window()
        rid = self.today_routine_id()
        if rid is None or self.window.current_page() == "session":
            self.window.show_page("routines" if rid is None else self.window.current_page())
            return
        # The usual way in: safety questions when due, then the pre-check-in.
        self.window.start_routine(rid)

    def check_in(self) -> None:
        self.open_window()
        if self.window.current_page() != "session":
            self.window.checkin_now()

    def morning_check_in(self) -> None:
        self.open_window()
        sid = getattr(self, "_morning_session", None)
        if sid is None or self.window.current_page() == "session":
            self.check_in()
            return
        # The clock's date, as morning_checkin_due reads it (the next-morning
        # check-in keeps the clock's own date; RELIABILITY.md, travel).
        local = datetime.fromtimestamp(self.ctx.wall()).date()
        self.ctx.prefs.morning_checkin_offered_on = local.isoformat()
        self.window.flow.begin_morning_checkin(sid)

    def quit(self) -> None:
        from PySide6.QtWidgets import QApplication

        self._quitting = True
        if not self.window.close():
            # The person chose to stay (records not saved yet): Quit is not
            # a way round that question.
            self._quitting = False
            return
        QApplication.quit()

    @property
    def quitting(self) -> bool:
        return bool(getattr(self, "_quitting", False))

    # -- start at login -------------------------------------------------------------
    def apply_autostart(self) -> Any:
        """Write or remove the login item to match the reminder setting."""
        from stretchguide import autostart

        on = self.ctx.prefs.reminder_enabled
        return autostart.set_enabled(
            on, autostart.launch_command(self.ctx.paths.data_dir), path=self.autostart_path
        )

    def start_minimised(self) -> bool:
        """At login: stay in the tray. False (and the window shows) when
        there is no tray to come back from."""
        self.rearm()
        if self.tray is None:
            self.open_window()
            return False
        return True
