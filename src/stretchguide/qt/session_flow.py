# Why this file stays whole (~800 lines): it is the qt layer's one writer of
# the history (tests/qt/test_structure.py holds it to that), and the flow's
# steps hand one Recording and one queue of pending writes to each other.
# What is not the flow already lives beside it: session_rules.py (decisions,
# and which stored records a check-in is compared with), pending_writes.py
# (the write queue), session_sound.py (cues, voice commands), verdict_text.py
# (the verdict's HTML).
"""The flow of one session, and the only qt code that writes to the history.

``SessionFlow`` drives routine -> (safety questions when due) -> check-in
-> session -> check-out -> verdict -> history: "this hurts", ease off, every
step as it really went, the red-flag answers, the start-up checks and the
next-morning follow-up. The window owns the pages and the dialogs (``ask``,
``inform``, ``ask_hurt``: replaceable in tests); the flow asks it to show
them. Every history write in the qt layer is here
(tests/qt/test_structure.py checks), and a session's records go through
``PendingWrites``, so a full disk or a locked database keeps them and
retries instead of losing them.

The live session has one owner, ``SessionController.session``
(``SessionFlow.session`` reads it). What is being recorded about it lives
in one ``Recording``, made when the session starts and dropped after the
verdict (or when another routine is started).

The domain (core.session, core.timeline, core.trends, core.safety) is
imported inside the methods that need it, on purpose: the window makes this
object before its first paint, and those modules were most of the start-up
time (see PERFORMANCE.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from stretchguide.qt.enums import EndStatus, HurtChoice, Page
from stretchguide.qt.pending_writes import PendingWrites
from stretchguide.qt.session_rules import (
    EASE_OFF_SCALE,
    RecentCheckins,
    checkin_before_session,
    checkin_from_answers,
    compared_checkins,
    ease_off_offset,
    hurts_sessions_before,
    morning_checkin_due,
    numbness_first_reported,
    session_options,
    spread_last_time,
    spread_reached,
    usual_now,
)
from stretchguide.qt.session_sound import SessionSound

if TYPE_CHECKING:
    from stretchguide.core.catalog import Routine
    from stretchguide.core.safety import PainResponse, RedFlagResult
    from stretchguide.core.session import Session
    from stretchguide.core.timeline import SessionOptions
    from stretchguide.core.trends import CheckIn
    from stretchguide.qt.checkin import CheckinAnswers
    from stretchguide.qt.host import FlowHost
    from stretchguide.qt.session_controller import SessionController

# Long enough for the check-in page to be painted before the speech engine's
# blocking start; short enough that it is done before most people answer.
WARM_UP_DELAY_MS = 300
# How long a queued write waits for another program writing the history
# (a `stretchguide import`, 74 s for 30 years) before it is kept for the next
# try: no longer than one tick of the session's timer (50 ms), so the
# countdown and the cues go on. The store's usual 5 s froze the session
# screen 5 s at every try.
SAVE_WAIT_S = 0.05


@dataclass
class Recording:
    """What is being recorded about the session under way (one object, so a
    new session cannot inherit the last one's numbers)."""

    routine: Routine  # what is left of it after an ease-off
    # Set once the start is saved: a full disk keeps the start (and every
    # record after it) queued, and the session runs all the same.
    session_id: int | None = None
    # The check-in before the session as answered, saved or not: the after
    # check-in is judged against it.
    before: CheckIn | None = None
    hurts: list[str] = field(default_factory=list)  # "this hurts", by exercise id
    # Exercises the person actually worked on, in order: the after check-in
    # asks about these, not about the ones never reached.
    worked: dict[str, None] = field(default_factory=dict)
    # Added to the plan's step index: an ease-off rebuilds the plan, and the
    # history keeps one session with its steps numbered on.
    step_base: int = 0
    work_started: int | None = None  # the index of the work step under way
    # Eased off once: the holds are at EASE_OFF_SCALE of the routine's, and a
    # second ease-off rebuilt the same holds while saying they got shorter.
    eased: bool = False

    def sid(self) -> int:
        """The stored session's id, for a queued write: the queue runs in
        order, so the start's write has run before any write that needs it."""
        if self.session_id is None:
            raise RuntimeError("the session's start is not saved yet")
        return self.session_id


class SessionFlow(QObject):
    """Check-in -> session -> check-out -> verdict, for one window."""

    def __init__(self, window: FlowHost) -> None:
        super().__init__(window.window())
        self.window = window
        self.ctx = window.ctx
        self.controller: SessionController | None = None
        self.recording: Recording | None = None
        self.sound = SessionSound(window)
        self.writes = PendingWrites(
            self._status, self, lambda: self.ctx.history.waiting_at_most(SAVE_WAIT_S)
        )
        # Between pages: the routine chosen, the check-in before it, and
        # what the verdict needs.
        self._pending_routine: str | None = None
        self._before: CheckinAnswers | None = None
        self._previous: CheckIn | None = None  # the check-in before the one being judged
        self._baseline: CheckIn | None = None  # ... and the last one between sessions
        self._ask_flags_next = False  # new nerve signs: the safety questions come next
        self._morning_session: int | None = None
        # Check-ins queued but not saved yet (a full disk), oldest first: the
        # next check-in is compared with the last of them.
        self._unsaved_checkins: list[CheckIn] = []

    @property
    def session(self) -> Session | None:
        """The live session (the controller's: one owner)."""
        return self.controller.session if self.controller is not None else None

    def begin_morning_checkin(self, session_id: int) -> None:
        """The next-morning check-in for ``session_id`` (from start-up or the tray)."""
        from stretchguide.core.trends import CheckInKind

        self._morning_session = session_id
        self._pending_routine = None  # a morning check-in never starts a session
        self._before = None
        self.window.checkin.start(CheckInKind.NEXT_MORNING)
        self.window.show_page(Page.CHECKIN)

    def shutdown(self) -> None:
        """The window is closing for good: stop the session's timers and the microphone."""
        if self.controller is not None:
            self.controller.shutdown()
        self.sound.stop_voice(shutdown=True)

    def startup_checks(self) -> None:
        """Open the history; damaged database, unfinished sessions, morning check-in."""
        from stretchguide.store.errors import StoreError

        try:
            h = self.ctx.history
        except StoreError as err:
            # E.g. written by a newer version: say so and close, touching nothing.
            self.window.inform(self.tr("StretchGuide cannot open your history"), err.user_message)
            self.window.close()
            return
        if h.damage is not None:
            backup = h.damage.newest_backup
            if backup is not None and self.window.ask(
                self.tr("Your history could not be read"),
                h.damage.user_message + "\n\n" + self.tr("Restore the newest backup now?"),
            ):
                try:
                    h.restore_backup(backup)
                except Exception as err:  # noqa: BLE001 - tell the person, keep running
                    from stretchguide.core.errors import message_for

                    self.window.inform(self.tr("Restore failed"), message_for(err))
            elif backup is None:
                self.window.inform(self.tr("Your history could not be read"), h.damage.user_message)
        if h.backup_notice:
            self.window.statusBar().showMessage(h.backup_notice)  # e.g. a full disk
        aside = self.ctx.prefs.set_aside
        if aside is not None:
            from stretchguide.qt.settings_guard import set_aside_message

            self.window.statusBar().showMessage(set_aside_message(aside), 0)
        unfinished = h.unfinished_sessions()
        if unfinished and self.window.ask(
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
                self._save(partial(h.close_as_partial, s.id))
        now = self.ctx.wall()
        today = datetime.fromtimestamp(now).date()
        sid = morning_checkin_due(h, now, self.ctx.prefs.morning_checkin_offered_on)
        if sid is not None:
            self.ctx.prefs.morning_checkin_offered_on = today.isoformat()
            if self.window.ask(
                self.tr("Good morning"),
                self.tr(
                    "How are you after yesterday's session? A quick check-in helps "
                    "tell whether the exercises suit you."
                ),
            ):
                self.begin_morning_checkin(sid)
                return
        if not self.ctx.prefs.disclaimer_accepted:
            self._begin_safety(show_disclaimer=True)
            self.window.show_page(Page.SAFETY)
        self.window.arm_reminder()

    def start_routine(self, routine_id: str) -> None:
        from stretchguide.core.i18n import _
        from stretchguide.core.safety import (
            NOT_SEEN_MESSAGE,
            SEEN_DOCTOR_QUESTION,
            urgent_still_open,
        )

        self._pending_routine = routine_id
        self.recording = None
        self._before = None
        # A line left from before (e.g. "No session was started...") is not
        # about this session.
        self.window.statusBar().clearMessage()
        prefs = self.ctx.prefs
        if urgent_still_open(prefs.urgent_at, prefs.seen_doctor_at):
            # An urgent sign stands until a doctor has seen the person; a
            # later "None of these" alone does not lift it.
            if not self.window.ask(self.tr("Seen by a doctor?"), _(SEEN_DOCTOR_QUESTION)):
                self._pending_routine = None
                self.window.inform(self.tr("Please get medical help first"), _(NOT_SEEN_MESSAGE))
                return
            # Never before the urgent answer, even if that was stamped while
            # the clock was ahead: "seen since" must lift it, or the question
            # came back before every session until the clock caught up.
            prefs.seen_doctor_at = max(self.ctx.wall(), prefs.urgent_at)
            prefs.red_flags_checked_at = 0.0  # and the questions again, today
            prefs.sync()
        if not prefs.disclaimer_accepted or prefs.red_flags_due(self.ctx.wall()):
            self._begin_safety(show_disclaimer=not prefs.disclaimer_accepted)
            self.window.show_page(Page.SAFETY)
            return
        self._begin_checkin()

    def ask_safety_now(self) -> None:
        self._pending_routine = None
        self._begin_safety(show_disclaimer=not self.ctx.prefs.disclaimer_accepted)
        self.window.show_page(Page.SAFETY)

    def on_disclaimer(self) -> None:
        self.ctx.prefs.disclaimer_accepted = True
        side = self.window.safety.chosen_side()
        if side:
            self._set_painful_side(side)
        self.ctx.prefs.sync()

    def _set_painful_side(self, side: str) -> bool:
        """Record the painful leg, and show the routines' times for it;
        False when it was that leg already.

        A known leg changes a routine's length (the doses meant for the
        painful side are done on that side only), so the list and the
        routine shown are timed again; before, they kept the times for both
        legs until the app was restarted.
        """
        if side == self.ctx.prefs.affected_side:
            return False
        self.ctx.prefs.affected_side = side
        self.window.retime_routines()
        return True

    def _record_red_flags(self, result: RedFlagResult) -> None:
        # Each answer with its time, for the clinician report; queued like the
        # rest, so a full disk never stops the result being shown.
        if result.answers:
            history, answers, at = self.ctx.history, dict(result.answers), int(self.ctx.wall())
            self._save(lambda: history.record_red_flags(answers, at=at))

    def on_safety_passed(self, result: RedFlagResult) -> None:
        self._record_red_flags(result)
        self.ctx.prefs.red_flags_checked_at = self.ctx.wall()
        self.ctx.prefs.sync()
        if self._pending_routine is not None and self._before is not None:
            # Asked because of new nerve signs in the check-in just given.
            self._start_session()
        elif self._pending_routine is not None:
            self._begin_checkin()
        else:
            self.window.show_page(Page.ROUTINES)

    def on_safety_blocked(self, result: RedFlagResult) -> None:
        self._record_red_flags(result)
        # Not recorded as checked: the questions come back before the next
        # session, and an urgent answer is remembered until a doctor has
        # seen the person. A "see a doctor soon" sign (fever, cancer in the
        # past) with "Stop for today" is not urgent: remembered as such, it
        # sent the person to an emergency department before every session.
        from stretchguide.core.safety import Urgency

        if result.urgency is Urgency.URGENT:
            self.ctx.prefs.urgent_at = self.ctx.wall()
        self.ctx.prefs.sync()
        if self._before is not None and self.recording is None:
            # The check-in that brought the questions up is kept, unlinked:
            # no session follows it.
            self._save_checkin(self._before, None, int(self.ctx.wall()))
        self._pending_routine = None
        self._before = None
        self.window.show_page(Page.ROUTINES)
        self.window.statusBar().showMessage(
            self.tr("No session was started. Please get medical help first."), 0
        )

    def _begin_checkin(self) -> None:
        from stretchguide.core.trends import CheckInKind

        self._before = None
        prefs = self.ctx.prefs
        self.window.checkin.start(
            CheckInKind.BEFORE,
            side=prefs.affected_side,
            require_side=not prefs.side_known and self._pending_needs_side(),
        )
        if self._pending_routine is not None:
            self.window.checkin.set_context(self.ctx.routine(self._pending_routine).name)
        self.window.show_page(Page.CHECKIN)
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

        page = self.window.checkin
        after = self.recording is not None and page.kind == CheckInKind.AFTER
        if after and not page.save_button.isHidden():
            # The check-in after a session, left for another page: back to it
            # as it was. A new form here lost its answers, and the session
            # never had its after check-in.
            self.window.show_page(Page.CHECKIN)
            return
        self._pending_routine = None
        self._before = None
        self.window.checkin.start(CheckInKind.ANY, side=self.ctx.prefs.affected_side)
        self.window.show_page(Page.CHECKIN)

    def on_checkin_skipped(self) -> None:
        from stretchguide.core.trends import CheckInKind

        kind = self.window.checkin.kind
        if kind == CheckInKind.BEFORE:
            self._start_session()
        elif kind == CheckInKind.AFTER:
            self.after_verdict()
        else:
            self.window.show_page(Page.ROUTINES)

    def on_checkin(self, answers: CheckinAnswers) -> None:
        """Judge a check-in from the answers on screen, then save it.

        The advice, the nerve-sign warning and the safety questions come
        from the answers themselves, never from what was saved: the save is
        queued (``PendingWrites``), and when it cannot be done yet (a full
        disk, a history in use) the page says so under the advice.
        """
        from stretchguide.core.checkin_now import other_leg_note, respond
        from stretchguide.core.safety import pain_response
        from stretchguide.core.trends import CheckInKind, by_kind
        from stretchguide.qt.verdict_text import now_html

        kind = answers.kind
        side_before = self.ctx.prefs.affected_side
        side_changed = bool(answers.side) and self._set_painful_side(answers.side)
        # The other leg than before: ask whether the first one still hurts
        # too (core.checkin_now.other_leg_note); said before a session too.
        switched = other_leg_note(side_before, answers.side) if side_changed else None
        if side_changed:
            self.ctx.prefs.sync()
        h = self.ctx.history
        at = int(self.ctx.wall())
        # One check-in as made now, and when its numbness and extent began:
        # the nerve signs and the session's verdict both judge it.
        now = checkin_from_answers(answers, at)
        # The stored check-ins it is judged against, read once for every rule.
        recent = RecentCheckins(h, at, self._unsaved_checkins)
        numbness_from, spread_from = self._runs(recent, now)
        nerve = self._nerve_signs(recent, now, numbness_from, spread_from)
        # Pain in both legs is one of the urgent signs: said, it brings the
        # safety questions up now (once, when the answer becomes "both").
        both_legs = side_changed and answers.side == "both"
        self._ask_flags(nerve.any or both_legs)
        # Both legs is one of the urgent signs: its line leads unless new
        # numbness or weakness (which also asks the questions) does.
        headline = self._both_legs_line() if both_legs and not nerve.any else ""
        extra = (
            ((self._both_legs_line(),) if both_legs and nerve.any else ())
            + ((self._side_line(answers.side),) if side_changed else ())
            + ((switched,) if switched else ())
        )
        # Before a session or on its own: what the after and morning
        # check-ins would say of the same answers (nerve signs, severe pain,
        # pain above the limit or higher than usual) is said now, not met
        # with a silent start or "Saved" (core/checkin_now.py).
        said_now = respond(
            now,
            nerve,
            usual_now(recent, at, self._unsaved_checkins),
            self.ctx.prefs.pain_thresholds,
            before_session=kind == CheckInKind.BEFORE,
        )
        if switched and not (headline or said_now.ease_off):
            headline, extra = switched, extra[:-1]
        if kind == CheckInKind.BEFORE:
            self._before = answers
            if said_now.ease_off or both_legs or switched:
                # Continue goes on to the questions (if asked), then the session.
                self.window.checkin.show_verdict(
                    now_html(said_now, extra, headline), read_first=True
                )
                return
            self._start_session()
            return
        rec = self.recording
        if kind == CheckInKind.AFTER and rec is not None:
            verdict = pain_response(
                before=rec.before,
                after=now,
                during_peak=None,
                thresholds=self.ctx.prefs.pain_thresholds,
                previous=self._previous,
                spread_last_time=self._spread_last_time(rec.session_id, at),
                numbness_from=numbness_from,
                spread_from=spread_from,
                baseline=self._baseline,
                hurts=len(rec.hurts),
                hurts_before=hurts_sessions_before(h, rec.session_id, at),
            )
            self._save_checkin(answers, rec, at)
            for ex_id, response in answers.responses.items():
                self._save(partial(self._set_response, rec, ex_id, response))
            self._ask_flags(verdict.ask_red_flags or both_legs)
            self._show_verdict(verdict, rec.hurts)
            return
        if kind == CheckInKind.NEXT_MORNING and self._morning_session is not None:
            sid = self._morning_session
            self._morning_session = None
            cis = by_kind(h.checkins_for_session(sid))
            hurt = [e.exercise_id for e in h.hurts(sid)]
            verdict = pain_response(
                before=cis.get(CheckInKind.BEFORE),
                after=cis.get(CheckInKind.AFTER),
                next_morning=now,
                thresholds=self.ctx.prefs.pain_thresholds,
                previous=self._before_session(sid),
                spread_last_time=self._spread_last_time(sid, at),
                numbness_from=numbness_from,
                spread_from=spread_from,
                baseline=checkin_before_session(h, sid, between=True),
                hurts=len(hurt),
                hurts_before=hurts_sessions_before(h, sid, at),
            )
            self._save_checkin(answers, sid, at)
            self._ask_flags(verdict.ask_red_flags)  # against before the session
            self._show_verdict(verdict, hurt)
            return
        self._save_checkin(answers, None, at)
        if said_now.ease_off or both_legs:
            self.window.checkin.show_verdict(
                now_html(said_now, extra, headline) + self._unsaved_html(), read_first=True
            )
            return
        if self.writes.pending:
            said = self._unsaved_html()
        else:
            said = "<p><b>" + self.tr("Saved. Thank you.") + "</b></p>"
        if side_changed:
            # A changed leg changes every session from now on: said, so that
            # a slip of the finger is seen where it was made.
            said += "<p>" + self._side_line(answers.side) + "</p>"
        if switched:
            from html import escape

            said += "<p><b>" + escape(switched) + "</b></p>"
        self.window.checkin.show_verdict(said)

    def _set_response(self, rec: Recording, exercise_id: str, response: str) -> None:
        self.ctx.history.set_response(rec.sid(), exercise_id, response)

    def _unsaved_html(self) -> str:
        """Under the advice: that the answers are not saved yet, and why;
        "" when everything is saved."""
        if not self.writes.pending:
            return ""
        from html import escape

        return (
            "<p><b>"
            + escape(self.tr("Not saved yet"))
            + "</b><br>"
            + escape(self.writes.waiting_text())
            + " "
            + escape(
                self.tr(
                    "Please keep StretchGuide open until it says everything is saved: "
                    "what is not saved is lost when it closes."
                )
            )
            + "</p>"
        )

    def _begin_safety(self, show_disclaimer: bool, after_checkin: bool = False) -> None:
        self.window.safety.begin(show_disclaimer=show_disclaimer, after_checkin=after_checkin)
        self.window.safety.set_both_legs(self.ctx.prefs.affected_side == "both")

    def _ask_flags(self, now: bool) -> None:
        """Whether the safety questions follow this check-in's verdict.
        Asked now, not in a week: new numbness or weakness, or both legs,
        may be the first of the urgent signs."""
        self._ask_flags_next = now
        if now:
            self.ctx.prefs.red_flags_checked_at = 0.0
            self.ctx.prefs.sync()

    def _both_legs_line(self) -> str:
        return self.tr(
            "Pain in both legs can be a sign that needs urgent medical help. "
            "Please answer the safety questions now."
        )

    def _side_line(self, side: str) -> str:
        if side == "left":
            return self.tr("From now on, exercises for the painful leg are done on your left leg.")
        if side == "right":
            return self.tr("From now on, exercises for the painful leg are done on your right leg.")
        return self.tr("From now on, exercises for the painful leg are done on both legs.")

    def _nerve_signs(
        self,
        recent: RecentCheckins,
        current: CheckIn,
        numbness_from: int | None,
        spread_from: int | None,
    ) -> Any:
        """Nerve signs against the check-in made before this one (saved or
        not): new numbness, weakness or tingling, weakness again, symptoms
        further down the leg (``session_rules.compared_checkins``)."""
        from stretchguide.core.safety import nerve_signs

        previous, baseline = compared_checkins(recent, current.at, self._unsaved_checkins)
        self._previous, self._baseline = previous, baseline
        return nerve_signs(
            current, previous, baseline, numbness_from=numbness_from, spread_from=spread_from
        )

    def _runs(self, recent: RecentCheckins, current: CheckIn) -> tuple[int | None, int | None]:
        """When the numbness in ``current``, and its symptoms as far down the
        leg, began: the ``numbness_from`` and ``spread_from`` of the nerve rules."""
        unsaved = self._unsaved_checkins
        return (
            numbness_first_reported(recent, current, unsaved),
            spread_reached(recent, current, unsaved),
        )

    def _before_session(self, session_id: int) -> Any:
        return checkin_before_session(self.ctx.history, session_id)

    def _spread_last_time(self, session_id: int | None, at: int) -> bool:
        return spread_last_time(self.ctx.history, session_id, at)

    def _show_verdict(self, verdict: PainResponse, hurts: list[str]) -> None:
        """The check-in page's verdict, with the session's "this hurts" presses
        (exercise ids, as pressed: saved or not) and what is not saved yet."""
        from stretchguide.core.pain_now import hurts_reason
        from stretchguide.qt.verdict_text import hurts_html, must_be_read, verdict_html

        exercises = self.ctx.catalog.exercises
        names = [exercises[e].name if e in exercises else e for e in hurts]
        # The presses are said below with the exercises' names: not twice.
        said = hurts_reason(len(hurts)) if hurts else None
        reasons = tuple(r for r in verdict.reasons if r != said)
        self.window.checkin.show_verdict(
            verdict_html(verdict.level.value, verdict.advice, reasons, verdict.good)
            + hurts_html(names)
            + self._unsaved_html(),
            read_first=must_be_read(verdict, len(hurts)),
        )

    def _save_checkin(self, a: CheckinAnswers, session: Recording | int | None, at: int) -> CheckIn:
        """Queue a check-in, stamped when it was answered; linked to ``session``
        (a Recording's id is read when the write runs, after its start's).
        Returns it as made, saved or not."""
        history = self.ctx.history
        made = checkin_from_answers(a, at)
        unsaved = self._unsaved_checkins
        unsaved.append(made)

        def write() -> None:
            sid = session.sid() if isinstance(session, Recording) else session
            history.add_checkin(
                a.kind,
                a.back_pain,
                a.leg_pain,
                a.extent,
                tingling=a.tingling,
                numbness=a.numbness,
                weakness=a.weakness,
                note=a.note,
                session_id=sid,
                at=at,
            )
            unsaved.remove(made)

        self._save(write)
        return made

    def after_verdict(self) -> None:
        had_session = self.recording is not None
        self.recording = None
        if had_session:
            # Each offer is asked, in one plain line with its reason; never silent.
            self.window.companion.offer_changes()
        if self._ask_flags_next:
            self._ask_flags_next = False
            self._begin_safety(
                show_disclaimer=not self.ctx.prefs.disclaimer_accepted, after_checkin=True
            )
            self.window.show_page(Page.SAFETY)
            return
        if self._pending_routine is not None and self._before is not None:
            # A check-in before a session, with a warning read: on to it.
            self._start_session()
            return
        self.window.show_history()

    def _start_session(
        self,
        routine: Routine | None = None,
        options: SessionOptions | None = None,
        at: float | None = None,
    ) -> None:
        routine_id = self._pending_routine
        if routine is None:
            if routine_id is None:
                self.window.show_page(Page.ROUTINES)
                return
            # The plan's accepted doses; starts a plan for a new routine.
            routine = self.window.companion.routine_for_session(self.ctx.routine(routine_id))
        options = options or session_options(self.ctx.prefs)
        from stretchguide.core.session import Session
        from stretchguide.core.timeline import build_timeline

        timeline = build_timeline(routine, self.ctx.catalog.exercises, options)
        session = Session(timeline, self.ctx.clock)
        if self.recording is None:
            self._record_start(routine, options)
        if self.controller is None:
            from stretchguide.qt.session_controller import SessionController

            self.controller = SessionController(
                session,
                self.window.session_view,
                self.ctx.clock,
                cue_player=self.sound.prepare(routine),
            )
            self.controller.sig_step_done.connect(self._on_step_done)
            self.controller.sig_events.connect(self._on_session_events)
            self.controller.sig_finished.connect(self._on_session_finished)
            self.controller.sig_hurts.connect(self._on_hurts)
        else:
            self.controller.replace_session(session)
            self.sound.prepare(routine)
        self.window.show_page(Page.SESSION)
        if at is None:
            # A new session: the last one's "Eased off" must not greet it,
            # but a start not saved yet is said where the person looks.
            self.window.session_view.set_status("")
            self.writes.remind()
        if at is None and self.ctx.prefs.session_fullscreen and not self.window.isFullScreen():
            # From the mat nobody reaches for F: a new session fills the screen.
            self.window.showFullScreen()
        self.controller.start(at)
        self.sound.start_voice(self.controller)

    def _record_start(self, routine: Routine, options: SessionOptions) -> None:
        """Queue the session's start and its before check-in. The session
        runs even when they cannot be saved yet (a full disk): its steps
        queue behind them, and the before check-in is kept in memory for
        the after check-in's verdict."""
        history, started = self.ctx.history, int(self.ctx.wall())
        rec = self.recording = Recording(routine=routine)
        opts = {
            "side_mode": options.side_mode.value,
            # The person's own answer. "both" once stood for a leg never named
            # (and for "not sure"), and an export read it as pain in both legs,
            # an urgent sign (docs/CLINICAL.md, section 1).
            "affected_side": self.ctx.prefs.affected_side or "not_given",
        }

        def start() -> None:
            rec.session_id = history.start_session(routine, options=opts, started_at=started).id

        self._save(start)
        if self._before is not None:
            rec.before = self._save_checkin(self._before, rec, started)

    def _warm_up_audio(self) -> None:
        if self.window.current_page() is not Page.CHECKIN:
            return  # skipped straight into the session: prepare() did it
        self.sound.warm_up()

    def _on_step_done(self, index: int) -> None:
        if self.session is None or self.recording is None:
            return
        step = self.session.timeline.steps[index]
        if step.is_work:
            self.recording.worked[step.exercise_id] = None
        self._record_step(index, step.duration_s, skipped=False)

    def _record_step(self, index: int, done_s: float, *, skipped: bool) -> None:
        """Store one step as it really went: done in full, cut short or skipped."""
        rec = self.recording
        assert self.session is not None and rec is not None
        step = self.session.timeline.steps[index]
        history, number = self.ctx.history, rec.step_base + index
        when = int(self.ctx.wall())  # the time it happened, even if saved later
        self._save(
            lambda: history.record_step(
                rec.sid(),
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

        rec = self.recording
        if rec is None:
            return
        for ev in events:
            if ev.kind in (EventKind.HOLD_START, EventKind.REPS_START):
                rec.work_started = ev.step_index
            elif ev.kind is EventKind.RELEASE:
                rec.work_started = None  # done in full: _on_step_done records it
            elif ev.kind is EventKind.SKIPPED and rec.work_started is not None:
                index, rec.work_started = rec.work_started, None
                # The engine's count, pauses excluded: a hold left after the
                # computer slept through it is stored with what was done.
                self._record_step(index, ev.seconds, skipped=True)

    def _save(self, write: Callable[[], object]) -> bool:
        return self.writes.save(write)

    def _status(self, text: str) -> None:
        """A line where the person is looking: the session's status, else the window's."""
        if self.window.current_page() is Page.SESSION:
            self.window.session_view.set_status(text)
        else:
            self.window.statusBar().showMessage(text)

    def offer_unsaved(self) -> None:
        """After a session: if records are still unsaved, say so and offer to try again."""
        if (
            self.writes.pending
            and self.window.ask(
                self.tr("Not saved yet"),
                self.tr(
                    "%n record(s) of this session could not be saved yet. They are kept while "
                    "StretchGuide is open and saved as soon as the disk has room or your "
                    "history is free. Try again now?",
                    "",
                    len(self.writes.pending),
                ),
            )
            and not self.writes.flush()
        ):
            self.window.inform(
                self.tr("Not saved yet"),
                self.tr(
                    "Still not possible. StretchGuide keeps the records and tries again "
                    "every few seconds while it is open; please free some disk space or "
                    "close other programs that use your history."
                ),
            )

    def may_close(self) -> bool:
        """Closing for good: a check-in filled in but not saved, and records
        not saved yet (tried once more first), are lost only if the person
        says so."""
        page = self.window.checkin if self.window.current_page() is Page.CHECKIN else None
        if (
            page is not None
            and page.has_unsaved_answers()
            and not self.window.ask(
                self.tr("Check-in not saved"),
                self.tr("Your check-in answers are not saved. Close anyway?"),
            )
        ):
            return False
        if not self.writes.pending or self.writes.flush():
            return True
        return self.window.ask(
            self.tr("Not saved yet"),
            self.tr(
                "%n record(s) could not be saved yet. If StretchGuide closes now, they "
                "are lost. Close anyway?",
                "",
                len(self.writes.pending),
            ),
        )

    def _on_hurts(self, index: int) -> None:
        rec, controller = self.recording, self.controller
        if rec is None or controller is None:
            return
        step = controller.session.timeline.steps[index]
        if step.is_work:
            # Only then was it tried: a press while getting down onto the
            # mat, before the first exercise began, once made the after
            # check-in ask how that exercise felt.
            rec.worked[step.exercise_id] = None
        history, when = self.ctx.history, int(self.ctx.wall())
        number = rec.step_base + index
        rec.hurts.append(step.exercise_id)
        self._save(lambda: history.record_hurt(rec.sid(), step.exercise_id, number, at=when))
        choice = self.window.ask_hurt()
        if choice == HurtChoice.END:
            controller.stop()
        elif choice == HurtChoice.SKIP:
            controller.skip_exercise()
            controller.resume()
        elif choice == HurtChoice.EASE:
            self._ease_off(index)
        else:
            controller.resume()
        self.window.session_view.setFocus()

    def eased_off(self) -> bool:
        return self.recording is not None and self.recording.eased

    def hurt_message(self) -> str:
        """Which message the "this hurts" question gives (a key of
        ``core.cues.HURT_MESSAGES``, said aloud in the same words): after
        easing off (the holds cannot get shorter: said first, as it is why
        "Ease off" is gone), on an exercise that hurt before in this session
        (the question read the same each time, and "Carry on" went back into
        it), else the first press's."""
        rec = self.recording
        if rec is not None and rec.eased:
            return "still_hurts"
        if rec is not None and rec.hurts[-1:] and rec.hurts[-1] in rec.hurts[:-1]:
            return "hurt_before"
        return "sharp_pain"

    def hurt_again_note(self) -> str:
        """What the "this hurts" question says when it is not the first
        press (see :meth:`hurt_message`); "" the first time."""
        message = self.hurt_message()
        if message == "still_hurts":
            return self.tr(
                "The session is paused. The holds are already shorter: if it still "
                "hurts, skip this exercise or end the session."
            )
        if message == "hurt_before":
            return self.tr(
                "The session is paused. This exercise has hurt before in this session: "
                "skip it, or end the session."
            )
        return ""

    def can_ease_off(self) -> bool:
        """Whether "Ease off" would shorten anything: a hold still to come
        (on repetitions alone it changed nothing one could see), and not
        eased already (a second one rebuilt the same shorter holds)."""
        session = self.session
        return (
            session is not None
            and not self.eased_off()
            and session.timeline.has_hold_from(session.step_index())
        )

    def _ease_off(self, index: int) -> None:
        """Go on from where the person is, with every remaining hold shorter.

        The plan for the rest of the routine is rebuilt with shorter holds
        and entered at the same step of the current exercise, at the start
        of the repetition under way (or the same share of a hold), so what
        is left only ever shrinks; it never starts the exercise again.
        """
        rec = self.recording
        assert self.session is not None and rec is not None
        old = self.session.timeline
        snap = self.session.snapshot(self.ctx.clock())
        step = old.steps[index]
        first = old.exercise_starts()[step.exercise_index]
        base_routine = rec.routine
        remaining = replace(base_routine, items=base_routine.items[step.exercise_index :])
        options = session_options(self.ctx.prefs)
        # No second lead-in onto the mat: the person is already there.
        options = replace(options, hold_scale=EASE_OFF_SCALE, first_prepare_s=0.0)
        rec.step_base += first
        rec.routine = remaining
        rec.eased = True
        # The step under way is entered again in the new plan, under the same
        # number, and recorded from there; an index into the old plan must
        # not be recorded against the new one.
        rec.work_started = None
        from stretchguide.core.timeline import build_timeline

        new = build_timeline(remaining, self.ctx.catalog.exercises, options)
        k = min(index - first, len(new.steps) - 1)
        at = ease_off_offset(new, k, snap.step_progress if snap.step_index == index else 0.0)
        self._start_session(remaining, options, at=at)
        self.window.session_view.set_status(self.tr("Eased off: holds are shorter from here on."))
        self.sound.say_eased_off()

    def _on_session_finished(self, status: str) -> None:
        from stretchguide.core.trends import CheckInKind, SessionStatus

        rec = self.recording
        if rec is None:
            return
        final = SessionStatus.COMPLETED if status == EndStatus.COMPLETED else SessionStatus.STOPPED
        session = self.session
        steps = session.timeline.steps if session is not None else ()
        if session is not None and steps and final is SessionStatus.STOPPED:
            current = steps[session.step_index()]
            if current.is_work:  # stopped mid-hold: that exercise was tried
                rec.worked[current.exercise_id] = None
            if rec.work_started is not None:  # cut short: stored with the time done
                index = rec.work_started
                # Plan time, pauses excluded (the session is stopped: its
                # position is where it stopped).
                done = session.position() - session.timeline.starts[index]
                self._record_step(index, done, skipped=False)
        rec.work_started = None
        history, when = self.ctx.history, int(self.ctx.wall())
        self._save(lambda: history.finish_session(rec.sid(), final, when))
        self.offer_unsaved()
        exercises = [
            (ex.id, ex.name)
            for ex in map(self.ctx.catalog.exercises.get, rec.worked)
            if ex is not None
        ]
        if self.controller is not None:
            self.controller.shutdown()
        self.sound.stop_voice()
        if self.window.isFullScreen():
            self.window.showNormal()
        self.window.checkin.start(CheckInKind.AFTER, exercises)
        routine = rec.routine
        self.window.checkin.set_context(routine.name if routine is not None else "", self._before)
        # The session is over: nothing may start it again. Safety questions
        # passed after this check-in once restarted the same routine, with
        # the old "before" answers saved again under the new time.
        self._pending_routine = None
        self._before = None
        self.window.show_page(Page.CHECKIN)
