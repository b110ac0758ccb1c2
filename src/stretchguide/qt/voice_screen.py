"""Voice commands on the session screen: the router and the badge.

- `VoiceRouter` turns a recognised command into exactly what the matching
  key does on the session screen (the same `SessionView` signals), and
  answers its full-window questions.
- `ListeningIndicator` is the small badge on the session screen: listening
  or not, and the acknowledgement of each command for a moment.

The microphone and the recognizer thread are in `qt/voice.py` and
`qt/voice_worker.py`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from stretchguide.qt.i18n import QT_TRANSLATE_NOOP
from stretchguide.qt.voice import acknowledgement
from stretchguide.voice.commands import Command

if TYPE_CHECKING:
    from stretchguide.qt.session_view import SessionView

ACK_MS = 2500  # how long the badge shows what it heard

# How soon a second "go on" must follow the first to carry on after "this
# hurts" (StretchGuide's figure: time to hear the prompt and say it again).
CARRY_ON_CONFIRM_S = 10.0


class VoiceRouter(QObject):
    """Turns a command into what its key does on the session screen.

    ``paused`` and ``muted`` read the session's state, so "pause" while
    paused does nothing (a key toggles; a word says what it wants);
    ``under_way`` is false once the session has ended, when its keys do
    nothing. The acknowledgement says what came of the command: "Already
    paused", never "Paused" for a pause that was there before (``NO_CHANGE``).
    """

    sig_acknowledged = Signal(str)
    """The short acknowledgement shown for a command ("Paused")."""
    sig_say_again = Signal()
    """A first "go on" at the this-hurts question: say aloud that it must be said again."""

    def __init__(
        self,
        view: SessionView,
        paused: Callable[[], bool],
        muted: Callable[[], bool],
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
        under_way: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.paused = paused
        self.muted = muted
        self.under_way = under_way
        self.clock = clock
        self._carry_on_at: float | None = None  # the first "go on" after "this hurts"
        view.overlay.sig_chosen.connect(self._question_closed)

    @Slot(str)
    def handle(self, value: str) -> None:
        try:
            command = Command(value)
        except ValueError:
            return
        overlay = self.view.overlay
        if overlay.isVisible():
            # A full-window question is open (stop? / this hurts): only its
            # answers count, never a session command behind it.
            key = overlay_answer(set(overlay.buttons), command)
            hurt_question = set(overlay.buttons) == HURT_QUESTION
            if key == "continue" and hurt_question and not self._carry_on_confirmed():
                return
            if key:
                overlay.choose(key)
                self.sig_acknowledged.emit(acknowledgement(command))
            return
        if command in (Command.YES, Command.NO, Command.EASE):
            # Answers: ease off only to the this-hurts question (open above),
            # yes / no to a dialog that asks one.
            answered = command is not Command.EASE and self._answer_dialog(command is Command.YES)
            self._acknowledge(command, changed=answered)
            return
        if QApplication.activeModalWidget() is not None:
            return  # a question is open: only yes / no answer it
        v = self.view
        if command in SESSION_COMMANDS and not self.under_way():
            self._unchanged(ENDED)  # its keys do nothing now either
            return
        changed = True
        if command is Command.PAUSE:
            changed = not self.paused()
            if changed:
                v.sig_toggle_pause.emit()
        elif command is Command.RESUME:
            changed = self.paused()
            if changed:
                v.sig_toggle_pause.emit()
        elif command is Command.SKIP:
            v.sig_next.emit()
        elif command is Command.BACK:
            v.sig_previous.emit()
        elif command is Command.HURT:
            self._acknowledge(command)
            v.sig_hurts.emit()
            return
        elif command is Command.STOP:
            self._acknowledge(command)
            # Deferred: the confirmation is modal, and this slot must return
            # so the "yes" that answers it can be delivered.
            QTimer.singleShot(0, v, v.request_stop)
            return
        elif command is Command.MUTE:
            changed = not self.muted()
            if changed:
                v.sig_toggle_mute.emit()
        elif command is Command.UNMUTE:
            changed = self.muted()
            if changed:
                v.sig_toggle_mute.emit()
        self._acknowledge(command, changed=changed)

    def _acknowledge(self, command: Command, changed: bool = True) -> None:
        """Show what came of ``command``: its acknowledgement when it acted,
        else the short line that says nothing changed (``NO_CHANGE``). Shown
        only: what is said aloud comes from the session's own events, and a
        command that changed nothing has none."""
        if changed:
            self.sig_acknowledged.emit(acknowledgement(command))
        else:
            self._unchanged(command)

    def _unchanged(self, why: Command | str) -> None:
        self.sig_acknowledged.emit(QCoreApplication.translate("VoiceRouter", NO_CHANGE[why]))

    def _carry_on_confirmed(self) -> bool:
        """Carrying on after "this hurts" takes "go on" said twice.

        A person in pain groans, and a groan can be heard as "go on"
        ("owww", "ugh" once each in eleven voices, docs/PERFORMANCE.md); of
        the answers, carrying on is the one that keeps the load, so it must
        be meant. Easing off, skipping and ending act at once, and so do the
        keys and clicks (docs/CLINICAL.md, section 7).
        """
        now = self.clock()
        first = self._carry_on_at
        if first is not None and now - first <= CARRY_ON_CONFIRM_S:
            return True
        self._carry_on_at = now
        prompt = self.tr("Say “go on” again to carry on.")
        body = self.view.overlay.body
        # On the question itself, in its large type: the badge is too small
        # to read from the mat, and its "Heard:" would say it was done.
        if prompt not in body.text():
            body.setText(f"{body.text()}\n\n{prompt}")
        self.sig_say_again.emit()  # the person spoke from the mat and may not be looking
        return False

    @Slot(str)
    def _question_closed(self, _key: str) -> None:
        self._carry_on_at = None

    def _answer_dialog(self, yes: bool) -> bool:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return False
        which = QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No
        # Asked first: button() is None for a missing button, which its stubs omit.
        if not box.standardButtons() & which:
            return False
        box.button(which).click()
        return True


# Commands that act on the session itself: once it has ended, their keys do
# nothing and neither do they.
SESSION_COMMANDS = frozenset(
    {Command.PAUSE, Command.RESUME, Command.SKIP, Command.BACK, Command.HURT, Command.STOP}
)

ENDED = "ended"  # a session command after the session's end

# What the badge says for a command that changed nothing, in place of its
# acknowledgement (which would claim it acted): "go on" while running,
# "mute" while muted, "yes" with nothing asked.
NO_CHANGE: dict[Command | str, str] = {
    Command.PAUSE: QT_TRANSLATE_NOOP("VoiceRouter", "Already paused"),
    Command.RESUME: QT_TRANSLATE_NOOP("VoiceRouter", "Already running"),
    Command.MUTE: QT_TRANSLATE_NOOP("VoiceRouter", "Already muted"),
    Command.UNMUTE: QT_TRANSLATE_NOOP("VoiceRouter", "Sound already on"),
    Command.YES: QT_TRANSLATE_NOOP("VoiceRouter", "Nothing to answer"),
    Command.NO: QT_TRANSLATE_NOOP("VoiceRouter", "Nothing to answer"),
    # "ease off" answers the this-hurts question: the way there is said.
    Command.EASE: QT_TRANSLATE_NOOP("VoiceRouter", "Say “this hurts” first"),
    ENDED: QT_TRANSLATE_NOOP("VoiceRouter", "The session has ended"),
}


# The session's full-window questions, by their answer keys, and which
# spoken command picks which answer. Only words the recognizer already
# knows: "yes"/"no" (and "stop"/"go on") for the stop question; "ease off",
# "skip", "go on" and "stop" for the this-hurts question (keys 1, 2, 3, 4).
# Pain said while the stop question is open ("ouch", "it hurts") is a yes:
# the person already asked to stop, and carrying on would be the one wrong
# answer (docs/CLINICAL.md, section 7).
STOP_QUESTION = frozenset({"stop", "continue"})
HURT_QUESTION = frozenset({"ease", "skip", "continue", "end"})
OVERLAY_ANSWERS: dict[frozenset[str], dict[Command, str]] = {
    STOP_QUESTION: {
        Command.YES: "stop",
        Command.STOP: "stop",
        Command.HURT: "stop",
        Command.NO: "continue",
        Command.RESUME: "continue",
    },
    HURT_QUESTION: {
        Command.EASE: "ease",
        Command.SKIP: "skip",
        Command.RESUME: "continue",
        Command.STOP: "end",
    },
}


def overlay_answer(keys: set[str], command: Command) -> str:
    """The answer key ``command`` picks on a question with these keys, or ""."""
    return OVERLAY_ANSWERS.get(frozenset(keys), {}).get(command, "")


class ListeningIndicator(QLabel):
    """'Listening' on the session screen, and the last acknowledgement for a moment."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Voice commands"))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Wrapped, so its longest state ("No sound from the microphone:
        # muted?") asks for a word's width at least, not the whole line: at
        # twice the text size that line made the window wider than a 1024
        # screen, and the session's Stop button went off its edge.
        self.setWordWrap(True)
        # Read from the mat, like the status line: larger and bold.
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.setFont(font)
        self._listening = False
        self._silent = False  # listening, but the microphone gives no sound
        self._deaf = False  # listening, but not while the app itself speaks
        self._ack = QTimer(self)
        self._ack.setSingleShot(True)
        self._ack.setInterval(ACK_MS)
        self._ack.timeout.connect(self._show_state)
        self._show_state()

    def set_listening(self, on: bool) -> None:
        self._listening = on
        if not on:
            self._silent = False  # the next microphone is another story
        if not self._ack.isActive():
            self._show_state()

    def set_silent(self, silent: bool) -> None:
        """The open microphone gives no sound at all (muted?), or sound again."""
        self._silent = silent
        if not self._ack.isActive():
            self._show_state()

    def set_deaf(self, deaf: bool) -> None:
        """The app speaks: what is said now is not heard (half-duplex)."""
        self._deaf = deaf
        if not self._ack.isActive():
            self._show_state()

    def acknowledge(self, text: str) -> None:
        self.setText(self.tr("Heard: %1").replace("%1", text))
        self.setStyleSheet(
            "QLabel { background: #2e7d32; color: white; border-radius: 8px; padding: 4px 12px; }"
        )
        self._ack.start()

    def _show_state(self) -> None:
        if self._listening and self._silent:
            # Listening to nothing: a muted microphone would otherwise pass
            # for one that hears, and the person would call out in vain.
            self.setText("● " + self.tr("No sound from the microphone: muted?"))
            self.setStyleSheet(
                "QLabel { background: #b26a00; color: white; border-radius: 8px;"
                " padding: 4px 12px; }"
            )
            self.setToolTip(self.tr("Unmute the microphone, or choose another in Settings."))
        elif self._listening and self._deaf:
            # Not "Listening": a command said over the app's own voice is
            # dropped, and the person should wait for the line's end.
            self.setText("◌ " + self.tr("Wait: the app is speaking"))
            self.setStyleSheet(
                "QLabel { background: #546e7a; color: white; border-radius: 8px;"
                " padding: 4px 12px; }"
            )
            self.setToolTip(
                self.tr(
                    "Commands are not heard while the app speaks. Say yours when it has finished."
                )
            )
        elif self._listening:
            self.setText("● " + self.tr("Listening"))
            self.setStyleSheet(
                "QLabel { background: #1565c0; color: white; border-radius: 8px;"
                " padding: 4px 12px; }"
            )
            self.setToolTip(self.tr("Say pause, go on, skip, back, ouch, stop, mute or unmute."))
        else:
            self.setText("○ " + self.tr("Not listening"))
            self.setStyleSheet(
                "QLabel { color: palette(window-text); border: 1px solid palette(mid);"
                " border-radius: 8px; padding: 4px 12px; }"
            )
        self.setVisible(True)


def add_indicator(view: SessionView) -> ListeningIndicator:
    """Put a ListeningIndicator on the session screen, left of the progress
    bar: a row one line high already, so the badge takes no height from the
    countdown (nor does the status line, in the text column)."""
    indicator = ListeningIndicator(view)
    view.bottom_row.insertWidget(0, indicator, 0, Qt.AlignmentFlag.AlignVCenter)
    return indicator
