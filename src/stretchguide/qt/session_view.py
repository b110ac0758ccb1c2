"""The hands-free session screen.

``SessionView`` only draws a :class:`SessionSnapshot` (``show_snapshot``) and
turns key presses and button clicks into ``sig_*`` requests;
``SessionController`` (qt/session_controller.py) drives it. The animated
figure beside the countdown is qt/animated_figure.py.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from stretchguide.core.session import Phase, SessionSnapshot
from stretchguide.core.timeline import Step, StepKind
from stretchguide.qt.animated_figure import make_figure_widget
from stretchguide.qt.choice_overlay import ChoiceOverlay
from stretchguide.qt.fullscreen_button import FullScreenButton
from stretchguide.qt.key_button import KeyButton
from stretchguide.qt.session_fit import TEXT_SIZES, TextFit
from stretchguide.qt.session_keys import KeyActions, SessionKeys, button_key, typed_keys
from stretchguide.qt.widgets import (
    HOLD_COLOUR,
    PAUSED_COLOUR,
    PREPARE_COLOUR,
    REST_COLOUR,
    Badge,
    CountdownDial,
    SideBadge,
)


def format_clock(seconds: float) -> str:
    seconds = max(0, math.ceil(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


def phase_colour(snap: SessionSnapshot) -> QColor:
    if snap.paused:
        return PAUSED_COLOUR
    return {
        Phase.HOLD: HOLD_COLOUR,
        Phase.REPS: HOLD_COLOUR,
        Phase.REST: REST_COLOUR,
        Phase.PREPARE: PREPARE_COLOUR,
        Phase.SWITCH: PREPARE_COLOUR,
    }.get(snap.phase, HOLD_COLOUR)


_SPOKEN_PHASES = (Phase.PREPARE, Phase.HOLD, Phase.REPS, Phase.SWITCH, Phase.REST)


class SessionView(QWidget):
    """Draws the snapshot; emits requests. Holds no session state."""

    sig_toggle_pause = Signal()
    """Pause if running, resume if paused."""
    sig_next = Signal()
    """Skip to the next step."""
    sig_previous = Signal()
    """Back: this step again (the one before it in its first seconds or from a rest)."""
    sig_stop = Signal()
    """The person confirmed ending the session early."""
    sig_hurts = Signal()
    """The person pressed 'This hurts'."""
    sig_toggle_mute = Signal()
    """Mute or unmute the cues."""
    sig_toggle_fullscreen = Signal()
    """Enter or leave full screen."""
    sig_question_open = Signal()
    """A full-window question opened: the session must wait for the answer."""
    sig_question_closed = Signal(str)
    """The question was answered with this key; the session may go on."""
    sig_stop_asked = Signal()
    """The stop question opened (after ``sig_question_open`` paused the session)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Session"))
        self.confirm_stop: Callable[[], bool] = self._ask_stop
        # "No" on the stop question, when it is not "carry on" (from "This
        # hurts" it goes back to that question: MainWindow._ask_hurt).
        self.stop_no_label = ""
        # Voice commands hear now (SessionSound): the stop question says that
        # "yes" and "no" answer it, which its buttons alone do not tell.
        self.voice_listening = False

        self.figure = make_figure_widget(self)
        # The figure takes the height the text leaves, down to its minimum:
        # its size hint must not squeeze the text.
        figure_policy = self.figure.sizePolicy()
        figure_policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
        self.figure.setSizePolicy(figure_policy)
        self.figure.setMinimumHeight(self.figure.minimumSizeHint().height())
        self.name = QLabel()
        self.name.setAccessibleDescription(self.tr("Exercise"))
        self.name.setWordWrap(True)
        self.instruction = QLabel()
        self.instruction.setAccessibleDescription(self.tr("Instruction"))
        self.instruction.setWordWrap(True)
        # The exercise's cautions and the routine's note, for the whole
        # exercise (issue 11; the layout is the session screen's to restyle).
        self.caution = QLabel()
        self.caution.setAccessibleDescription(self.tr("Caution"))
        self.caution.setWordWrap(True)
        self.caution.setStyleSheet("QLabel { border-left: 6px solid #c98a00; padding: 2px 8px; }")
        self.side = SideBadge()
        self.paused_badge = Badge()
        self.mute_badge = Badge()
        self.mute_badge.setAccessibleDescription(self.tr("Sound"))
        self.reps = QLabel()
        self.reps.setAccessibleDescription(self.tr("Repetition"))
        self.reps.setWordWrap(True)
        top_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        for label in (self.name, self.instruction, self.caution, self.reps):
            # Squeezed or not, a label never loses the top of its first line.
            label.setAlignment(top_left)
        self.dial = CountdownDial()
        self.next_up = QLabel()
        self.next_up.setAccessibleDescription(self.tr("Next up"))
        self.next_up.setWordWrap(True)  # as wide as the dial, not the texts' width
        self.next_up.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Session progress"))
        self.time_left = QLabel()
        self.time_left.setAccessibleDescription(self.tr("Time left in the session"))
        self.status = QLabel()
        self.status.setAccessibleDescription(self.tr("Status"))
        self.status.setWordWrap(True)
        self._fit = TextFit(self)

        # Each button shows its key (from the key map) and names its keys in
        # its tooltip: a new person learns them by looking.
        self.pause_button = self._button(
            self.tr("Pause"), self.tr("Pause or resume"), "toggle_pause"
        )
        self.prev_button = self._button(self.tr("◀ Back"), self.tr("Repeat this step"), "previous")
        self.next_button = self._button(self.tr("Next ▶"), self.tr("Next step"), "next")
        self.hurts_button = self._button(self.tr("This hurts"), self.tr("This hurts"), "hurts")
        self.mute_button = self._button(self.tr("Mute"), self.tr("Mute or unmute"), "mute")
        self.fullscreen_button = self._button(
            self.tr("Full screen"), self.tr("Full screen on or off"), "fullscreen"
        )
        self.stop_button = self._button(self.tr("Stop"), self.tr("Stop the session"), "stop")
        self.hurts_button.setStyleSheet(
            "QPushButton { color: white; background-color: #b0413e; font-weight: bold;"
            " border: 1px solid #7d2a28; border-radius: 4px; }"
            "QPushButton:pressed { background-color: #8e2f2c; }"
        )

        top = QHBoxLayout()
        self._top = top
        text_col = QVBoxLayout()
        self.text_column = text_col
        title_row = QHBoxLayout()
        title_row.addWidget(self.name, 1)
        title_row.addWidget(self.paused_badge)
        title_row.addWidget(self.mute_badge)
        title_row.addWidget(self.side)
        # The texts over the figure, or beside it (TextFit.place_figure).
        self.texts, self.upper = QVBoxLayout(), QHBoxLayout()
        self.texts.addLayout(title_row)
        for widget in (self.instruction, self.caution, self.reps):
            self.texts.addWidget(widget)
        self.texts.addWidget(self.figure, 1)
        self.upper.addLayout(self.texts, 1)
        text_col.addLayout(self.upper, 1)
        text_col.addWidget(self.status)  # gives way like the column, not the dial
        top.addLayout(text_col, 1)
        right = QVBoxLayout()
        self.right_column = right
        right.addWidget(self.dial, 1)
        right.addWidget(self.next_up)
        top.addLayout(right, 0)

        bottom = QHBoxLayout()
        self.bottom_row = bottom  # the voice badge goes first (add_indicator)
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.time_left)
        buttons = QHBoxLayout()
        self._controls = (
            self.prev_button,
            self.pause_button,
            self.next_button,
            self.hurts_button,
            self.mute_button,
            self.fullscreen_button,
            self.stop_button,
        )
        for b in self._controls:
            buttons.addWidget(b)
        self.full_screen = FullScreenButton(self, self.fullscreen_button, buttons, self._controls)

        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(bottom)
        layout.addLayout(buttons)
        self._connect_signals()
        self._build_shortcuts()
        self.side.show_side(None, leg=False)
        self.paused_badge.set_text("")
        self.mute_badge.set_text("")
        # Created last so it stacks above every other child.
        self.overlay = ChoiceOverlay(self)
        self.overlay.setAccessibleName(self.tr("Question"))
        self._apply_scale()

    def _button(self, text: str, what: str, action: str) -> KeyButton:
        b = KeyButton(text)
        b.set_key(button_key(action))
        accessible = f"{what} ({typed_keys(action)})"
        b.setAccessibleName(accessible)
        b.setToolTip(accessible)
        b.setMinimumHeight(44)
        # Keys belong to the session, not to whichever button has focus.
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return b

    def _connect_signals(self) -> None:
        self.pause_button.clicked.connect(self.sig_toggle_pause.emit)
        self.next_button.clicked.connect(self.sig_next.emit)
        self.prev_button.clicked.connect(self.sig_previous.emit)
        self.hurts_button.clicked.connect(self.sig_hurts.emit)
        self.mute_button.clicked.connect(self.sig_toggle_mute.emit)
        self.stop_button.clicked.connect(self.request_stop)
        self.fullscreen_button.clicked.connect(self.sig_toggle_fullscreen.emit)

    # -- keys (qt/session_keys.py) --------------------------------------------
    def _build_shortcuts(self) -> None:
        self.keys = SessionKeys(
            self,
            KeyActions(
                toggle_pause=self.sig_toggle_pause.emit,
                next=self.sig_next.emit,
                previous=self.sig_previous.emit,
                stop=self.request_stop,
                fullscreen=self.sig_toggle_fullscreen.emit,
                mute=self.sig_toggle_mute.emit,
                hurts=self.sig_hurts.emit,
            ),
        )
        self.shortcuts = self.keys.shortcuts

    def _set_shortcuts_enabled(self, on: bool) -> None:
        self.keys.set_enabled(on)

    def keyPressEvent(self, event: Any) -> None:
        if not self.keys.shifted(event):  # Shift+H, Shift+Space: as H, Space
            super().keyPressEvent(event)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._set_shortcuts_enabled(True)
        self._fit_texts()

    def hideEvent(self, event: Any) -> None:
        # A question left open would keep its local event loop (and the app) waiting.
        self.overlay.cancel()
        self._set_shortcuts_enabled(False)
        super().hideEvent(event)

    def request_stop(self) -> None:
        # The session waits while the question is open: nobody should miss
        # part of a hold because they were reading a dialog.
        if self.overlay.isVisible():
            return
        self.sig_question_open.emit()
        self.sig_stop_asked.emit()  # after the pause, whose "Session paused." it replaces
        if self.confirm_stop():
            self.sig_question_closed.emit("stop")
            self.sig_stop.emit()
        else:
            self.sig_question_closed.emit("continue")

    def ask_choice(
        self, title: str, text: str, choices: list[tuple[str, str]], escape: str = ""
    ) -> str:
        """Ask with the full-window overlay and wait for the answer's key.

        Session keys are off while it is open; 1, 2, 3 and Escape answer.
        Anything that can call ``overlay.choose(key)`` (a voice command
        later) answers it the same way.
        """
        self._set_shortcuts_enabled(False)
        try:
            self.overlay.ask(title, text, choices, escape)
            return self.overlay.run()
        finally:
            self._set_shortcuts_enabled(self.isVisible())
            self.setFocus()

    def set_voice_listening(self, on: bool) -> None:
        self.voice_listening = on

    def _ask_stop(self) -> bool:
        text = self.tr("The session is paused. What you have done so far is kept.")
        if self.voice_listening:
            text += "\n\n" + self.tr("Or say “yes” or “no”.")
        answer = self.ask_choice(
            self.tr("Stop the session?"),
            text,
            [
                ("stop", self.tr("Yes, end the session")),
                ("continue", self.stop_no_label or self.tr("No, carry on")),
            ],
            escape="continue",
        )
        return answer == "stop"

    # -- drawing -----------------------------------------------------------
    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.overlay.setGeometry(self.rect())
        self._apply_scale()

    def _apply_scale(self) -> None:
        h = self.scale_height()
        for attr, (share, _floor, bold) in TEXT_SIZES.items():
            self._fit.set_px(getattr(self, attr), max(14, int(h * share)), bold)
        button_font = QFont(self.font())
        button_font.setPixelSize(max(14, int(h * 0.026)))
        for b in self._controls:
            b.setFont(button_font)
        # One height for the row: the red button's style sheet frame is thinner.
        tall = max(b.sizeHint().height() for b in self._controls)
        for b in self._controls:
            b.setMinimumHeight(max(44, int(h * 0.065), tall))
        self.side.set_scale(h / 600)
        self.paused_badge.set_scale(h / 600)
        self.mute_badge.set_scale(h / 600)
        # The digits must stay at least a fifth of the window tall. Only the
        # width is held: a minimum height taken from the window's current
        # height would stop the window from ever being made smaller.
        self.dial.setMinimumWidth(int(self.window().height() * 0.56))
        self._fit.invalidate()
        self._fit_texts()

    def scale_height(self) -> int:
        """The height the text sizes are shares of."""
        return max(300, self.height())

    def _say(self, label: QLabel, text: str) -> None:
        """Show ``text`` on a label that shrinks or shortens to fit."""
        self._fit.say(label, text)

    def full_text(self, label: QLabel) -> str:
        """What ``label`` says in full, even when it shows a shortened text."""
        return self._fit.full_text(label)

    def _fit_texts(self) -> None:
        self._fit.fit()

    def show_snapshot(self, snap: SessionSnapshot, upcoming: Step | None = None) -> None:
        """Draw ``snap``; ``upcoming`` is the next exercise's first step during
        a rest before it, so the rest shows what to get into next."""
        step = snap.step
        preview = upcoming if snap.phase is Phase.REST and upcoming is not None else None
        caption = {
            Phase.PREPARE: self.tr("Get ready"),
            Phase.HOLD: self.tr("Hold"),
            Phase.REPS: self.tr("Move"),
            Phase.SWITCH: self.tr("Switch sides"),
            Phase.REST: self.tr("Rest"),
            Phase.RESUMING: self.tr("Get ready"),
            Phase.PAUSED: self.tr("Paused"),
            Phase.FINISHED: self.tr("Done"),
            Phase.STOPPED: self.tr("Stopped"),
        }.get(snap.phase, "")
        if preview is not None:
            self._say(self.name, self.tr("Next: %1").replace("%1", preview.exercise_name))
            self._say(self.instruction, preview.instruction)
            shown_side = preview.side
            shown_step: Step | None = preview
        else:
            self._say(self.name, step.exercise_name if step is not None else "")
            instruction = step.instruction if step is not None else ""
            if snap.phase is Phase.REST and step is not None and not instruction:
                instruction = self.tr("Relax and breathe.")
            self._say(self.instruction, instruction)
            shown_side = snap.side
            shown_step = step
        caution = shown_step.caution_text if shown_step is not None else ""
        self._say(self.caution, caution)
        self.caution.setVisible(bool(caution))
        self.side.show_side(shown_side, shown_step is not None and shown_step.side_noun == "leg")
        if snap.stalled or snap.phase is Phase.PAUSED:
            self.paused_badge.set_text(self.tr("PAUSED"), PAUSED_COLOUR, self.tr("Paused"))
        else:
            self.paused_badge.set_text("")
        parts = []
        # Repetitions are the big number; a breath-paced hold counts breaths here.
        if step is not None and step.breaths > 0 and snap.reps > 0 and snap.rep > 0:
            breath = self.tr("breath %1 of %2")
            parts.append(breath.replace("%1", str(snap.rep)).replace("%2", str(snap.reps)))
        if snap.sets > 1 and step is not None and step.is_work:
            parts.append(
                self.tr("set %1 of %2")
                .replace("%1", str(snap.set_no))
                .replace("%2", str(snap.sets))
            )
        if step is not None and step.stage:
            parts.insert(0, step.stage.capitalize())
        self._say(self.reps, "   ".join(parts))
        if (
            step is not None
            and step.kind is StepKind.REPS
            and snap.rep > 0
            and snap.phase is not Phase.RESUMING
        ):
            self._render_rep(snap, step, caption)
        else:
            seconds = snap.resume_left_s if snap.phase is Phase.RESUMING else snap.remaining_s
            done = (
                1.0 - (seconds / step.duration_s) if step is not None and step.duration_s else 1.0
            )
            if snap.phase is Phase.RESUMING:
                done = snap.step_progress
            self.dial.set_state(
                max(0, math.ceil(seconds - 1e-9)), done, phase_colour(snap), caption
            )
        if snap.phase in _SPOKEN_PHASES:  # not the pause and its get-ready: the status says them
            self.dial.announce_phase((snap.phase, snap.step_index))
        if preview is not None:
            self._say(self.next_up, self.tr("Rest first, then this one"))
        elif snap.next_name:
            self._say(self.next_up, self.tr("Next: %1").replace("%1", snap.next_name))
        else:
            self._say(self.next_up, self.tr("Last exercise"))
        self.progress.setValue(int(snap.session_progress * 1000))
        # Set directly: the clock changes every second and never wraps, so it
        # must not make the screen fit its text again.
        self.time_left.setText(
            self.tr("%1 left").replace("%1", format_clock(snap.total_s - snap.elapsed_s))
        )
        # What a press does: in the get-ready after a resume, it pauses again.
        paused = snap.phase is Phase.PAUSED
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        setter = getattr(self.figure, "set_step", None)
        if callable(setter):
            if preview is not None:
                # The next exercise's first position, standing still until it starts.
                setter(
                    replace(
                        snap,
                        step=preview,
                        step_index=snap.step_index + 1,
                        side=preview.side,
                        step_elapsed_s=0.0,
                        paused=True,
                    )
                )
            else:
                setter(snap)
        self._fit_texts()

    def _render_rep(self, snap: SessionSnapshot, step: Step, caption: str) -> None:
        """The repetition is the big number; the ring fills once per repetition."""
        period = step.rep_period_s or 1.0
        into = snap.step_elapsed_s - (snap.rep - 1) * period
        fraction = max(0.0, min(1.0, into / period))
        if snap.phase is Phase.REPS:
            holding = step.hold_s > 0 and into >= step.rep_s
            caption = self.tr("Hold") if holding else self.tr("Move")
        self.dial.set_state(
            max(0, math.ceil(snap.remaining_s - 1e-9)),
            fraction,
            phase_colour(snap),
            caption,
            text=str(snap.rep),
            sub=self.tr("of %1").replace("%1", str(snap.reps)),
        )

    def set_status(self, text: str) -> None:
        self._say(self.status, text)
        self._fit_texts()

    def set_muted(self, muted: bool) -> None:
        self.mute_button.setText(self.tr("Unmute") if muted else self.tr("Mute"))
        if muted:
            self.mute_badge.set_text(self.tr("SOUND OFF"), PAUSED_COLOUR, self.tr("Sound off"))
        else:
            self.mute_badge.set_text("")
