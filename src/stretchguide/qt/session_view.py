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
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from stretchguide.core.catalog import Side
from stretchguide.core.session import (
    Phase,
    SessionSnapshot,
)
from stretchguide.core.timeline import Step, StepKind
from stretchguide.qt.animated_figure import make_figure_widget
from stretchguide.qt.widgets import (
    HOLD_COLOUR,
    PAUSED_COLOUR,
    PREPARE_COLOUR,
    REST_COLOUR,
    Badge,
    ChoiceOverlay,
    CountdownDial,
    elide_to_lines,
    wrapped_lines,
)

# Text sizes as shares of the session view's height: (full size, floor, bold).
# Full size is what fits in English; a text too long for its space (German is
# ~30 % longer) shrinks a pixel at a time down to its floor, and only below
# the floor loses its end to a visible "…". The floors keep every line
# readable from a mat two or three metres away: the smallest is ~20 px at
# 720 px and ~30 px at 1080 px, the size of the buttons' text.
TEXT_SIZES: dict[str, tuple[float, float, bool]] = {
    "name": (0.055, 0.038, True),
    "instruction": (0.042, 0.034, False),
    "caution": (0.037, 0.028, False),
    "reps": (0.045, 0.034, True),
    "next_up": (0.042, 0.03, False),
    "time_left": (0.04, 0.04, True),
    "status": (0.04, 0.028, False),
}
# The status line under the progress bar says one thing at a time: two lines.
STATUS_LINES = 2


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


class SessionView(QWidget):
    """Draws the snapshot; emits requests. Holds no session state."""

    sig_toggle_pause = Signal()
    """Pause if running, resume if paused."""
    sig_next = Signal()
    """Skip to the next step."""
    sig_previous = Signal()
    """Go back to the previous step."""
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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Session"))
        self.confirm_stop: Callable[[], bool] = self._ask_stop

        self.figure = make_figure_widget(self)
        # The figure takes the height the text leaves, down to its minimum:
        # its size hint must not squeeze the text.
        figure_policy = self.figure.sizePolicy()
        figure_policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
        self.figure.setSizePolicy(figure_policy)
        self.figure.setMinimumHeight(self.figure.minimumSizeHint().height())
        self.name = QLabel()
        self.name.setAccessibleName(self.tr("Exercise"))
        self.name.setWordWrap(True)
        self.instruction = QLabel()
        self.instruction.setAccessibleName(self.tr("Instruction"))
        self.instruction.setWordWrap(True)
        # The exercise's cautions and the routine's note, for the whole
        # exercise (issue 11; the layout is the session screen's to restyle).
        self.caution = QLabel()
        self.caution.setAccessibleName(self.tr("Caution"))
        self.caution.setWordWrap(True)
        self.caution.setStyleSheet("QLabel { border-left: 6px solid #c98a00; padding: 2px 8px; }")
        self.side = Badge()
        self.side.setAccessibleName(self.tr("Side"))
        self.paused_badge = Badge()
        self.mute_badge = Badge()
        self.mute_badge.setAccessibleName(self.tr("Sound"))
        self.reps = QLabel()
        self.reps.setAccessibleName(self.tr("Repetition"))
        self.reps.setWordWrap(True)
        top_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        for label in (self.name, self.instruction, self.caution, self.reps):
            # Squeezed or not, a label never loses the top of its first line.
            label.setAlignment(top_left)
        self.dial = CountdownDial()
        self.next_up = QLabel()
        self.next_up.setAccessibleName(self.tr("Next up"))
        self.next_up.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Session progress"))
        self.time_left = QLabel()
        self.time_left.setAccessibleName(self.tr("Time left in the session"))
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Status"))
        self.status.setWordWrap(True)
        # What each fitted label says in full; the label may show it shortened.
        self._full: dict[QLabel, str] = {}
        self._fitted_for: tuple[object, ...] = ()

        self.pause_button = self._button(self.tr("Pause"), self.tr("Pause or resume (Space)"))
        self.prev_button = self._button(self.tr("◀ Back"), self.tr("Previous step (Left arrow)"))
        self.next_button = self._button(self.tr("Next ▶"), self.tr("Next step (Right arrow)"))
        self.hurts_button = self._button(self.tr("This hurts"), self.tr("This hurts (H)"))
        self.mute_button = self._button(self.tr("Mute"), self.tr("Mute or unmute (M)"))
        self.stop_button = self._button(self.tr("Stop"), self.tr("Stop the session (Escape)"))
        self.hurts_button.setStyleSheet(
            "QPushButton { color: white; background-color: #b0413e; font-weight: bold;"
            " border: 1px solid #7d2a28; border-radius: 4px; }"
            "QPushButton:pressed { background-color: #8e2f2c; }"
        )

        top = QHBoxLayout()
        self._top = top
        text_col = QVBoxLayout()
        self._text_col = text_col
        title_row = QHBoxLayout()
        title_row.addWidget(self.name, 1)
        title_row.addWidget(self.paused_badge)
        title_row.addWidget(self.mute_badge)
        title_row.addWidget(self.side)
        text_col.addLayout(title_row)
        text_col.addWidget(self.instruction)
        text_col.addWidget(self.caution)
        text_col.addWidget(self.reps)
        text_col.addWidget(self.figure, 1)
        top.addLayout(text_col, 1)
        right = QVBoxLayout()
        self._right_col = right
        right.addWidget(self.dial, 1)
        right.addWidget(self.next_up)
        top.addLayout(right, 0)

        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.time_left)
        buttons = QHBoxLayout()
        self._controls = (
            self.prev_button,
            self.pause_button,
            self.next_button,
            self.hurts_button,
            self.mute_button,
            self.stop_button,
        )
        for b in self._controls:
            buttons.addWidget(b)

        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._connect_signals()
        self._build_shortcuts()
        self.side.set_text("")
        self.paused_badge.set_text("")
        self.mute_badge.set_text("")
        # Created last so it stacks above every other child.
        self.overlay = ChoiceOverlay(self)
        self.overlay.setAccessibleName(self.tr("Question"))
        self._apply_scale()

    def _button(self, text: str, accessible: str) -> QPushButton:
        b = QPushButton(text)
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

    # -- keys ---------------------------------------------------------------
    def _build_shortcuts(self) -> None:
        """Session keys as window-wide shortcuts, live only while this page shows.

        The person is on the floor: whatever has focus in the window (a
        button just clicked, the figure, nothing at all), Space and the
        media keys must still pause, so these are not tied to this widget's
        focus the way a keyPressEvent would be.
        """
        K = Qt.Key  # noqa: N806 - a short alias keeps the table readable
        table: list[tuple[list[QKeySequence], Callable[[], None]]] = [
            (
                [
                    QKeySequence(k)
                    for k in (
                        K.Key_Space,
                        K.Key_MediaPlay,
                        K.Key_MediaTogglePlayPause,
                        K.Key_MediaPause,
                        K.Key_P,
                    )
                ],
                self.sig_toggle_pause.emit,
            ),
            ([QKeySequence(K.Key_Right), QKeySequence(K.Key_MediaNext)], self.sig_next.emit),
            (
                [QKeySequence(K.Key_Left), QKeySequence(K.Key_MediaPrevious)],
                self.sig_previous.emit,
            ),
            ([QKeySequence(K.Key_Escape), QKeySequence(K.Key_MediaStop)], self.request_stop),
            (
                [QKeySequence(K.Key_F)]
                + QKeySequence.keyBindings(QKeySequence.StandardKey.FullScreen),
                self.sig_toggle_fullscreen.emit,
            ),
            ([QKeySequence(K.Key_M), QKeySequence(K.Key_VolumeMute)], self.sig_toggle_mute.emit),
            ([QKeySequence(K.Key_H)], self.sig_hurts.emit),
        ]
        self.shortcuts: list[QShortcut] = []
        for keys, slot in table:
            for key in keys:
                if key.isEmpty():
                    continue
                sc = QShortcut(key, self)
                sc.setContext(Qt.ShortcutContext.WindowShortcut)
                sc.setAutoRepeat(False)  # a held key must not pause and resume
                sc.activated.connect(slot)
                sc.setEnabled(False)
                self.shortcuts.append(sc)

    def _set_shortcuts_enabled(self, on: bool) -> None:
        for sc in self.shortcuts:
            sc.setEnabled(on)

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

    def _ask_stop(self) -> bool:
        answer = self.ask_choice(
            self.tr("Stop the session?"),
            self.tr("The session is paused. What you have done so far is kept."),
            [
                ("stop", self.tr("Yes, end the session")),
                ("continue", self.tr("No, carry on")),
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
        h = self._scale_height()
        for attr, (share, _floor, bold) in TEXT_SIZES.items():
            self._set_px(getattr(self, attr), max(14, int(h * share)), bold)
        button_font = QFont(self.font())
        button_font.setPixelSize(max(14, int(h * 0.026)))
        for b in self._controls:
            b.setFont(button_font)
            b.setMinimumHeight(max(44, int(h * 0.065)))
        self.side.set_scale(h / 600)
        self.paused_badge.set_scale(h / 600)
        self.mute_badge.set_scale(h / 600)
        # The digits must stay at least a fifth of the window tall. Only the
        # width is held: a minimum height taken from the window's current
        # height would stop the window from ever being made smaller.
        self.dial.setMinimumWidth(int(self.window().height() * 0.56))
        self._fitted_for = ()
        self._fit_texts()

    def _scale_height(self) -> int:
        return max(300, self.height())

    def _set_px(self, label: QLabel, px: int, bold: bool) -> None:
        if label.font().pixelSize() == px and label.font().bold() == bold:
            return
        font = QFont(self.font())
        font.setPixelSize(px)
        font.setBold(bold)
        label.setFont(font)

    def _say(self, label: QLabel, text: str) -> None:
        """Show ``text`` on a label that shrinks or shortens to fit (``_fit_texts``)."""
        self._full[label] = text
        if label.text() != text:
            label.setText(text)

    def full_text(self, label: QLabel) -> str:
        """What ``label`` says in full, even when it shows a shortened text."""
        return self._full.get(label, label.text())

    # -- fitting the text to the screen -----------------------------------
    def _fit_texts(self) -> None:
        """Shrink, then shorten, the texts that do not fit their space.

        The caution gives way first: its font shrinks down to its floor, then
        the exercise name's; only then does the caution, and after it the
        name, lose its last lines to a "…". The step text shrinks, and is
        shortened, only when those two are all used up. The countdown keeps
        its size throughout.
        """
        key = (
            self.size(),
            self.window().height(),
            tuple(sorted((id(k), v) for k, v in self._full.items())),
            tuple(b.text() for b in (self.side, self.paused_badge, self.mute_badge)),
            self.caution.isVisibleTo(self),
        )
        if key == self._fitted_for or not self.isVisible():
            return
        h = self._scale_height()
        for attr, (share, _floor, bold) in TEXT_SIZES.items():
            label = getattr(self, attr)
            self._set_px(label, max(14, int(h * share)), bold)
            if label in self._full and label.text() != self._full[label]:
                label.setText(self._full[label])
            label.setToolTip("")  # the full text, only while shortened
        layout = self.layout()
        assert layout is not None
        self._fit_label(self.status, self._status_fits, h)
        layout.activate()
        # The caution gives way first, the step text last.
        for label, give_way in (
            (self.caution, self._shrink),
            (self.name, self._shrink),
            (self.reps, self._shrink),
            # A second line of status costs the caution its last line.
            (self.status, self._shrink),
            (self.caution, self._elide),
            (self.name, self._elide),
            (self.instruction, self._shrink),
            (self.instruction, self._elide),
        ):
            give_way(label, self._column_fits, h)
        # A later step may have freed more than was needed: the caution, then
        # the status, take back what fits of their size.
        self._grow(self.caution, self._column_fits, h)
        self._grow(self.status, self._column_fits, h)
        self._fit_label(self.next_up, self._right_fits, h)
        layout.activate()
        self._fitted_for = key

    def _fit_label(self, label: QLabel, fits: Callable[[], bool], h: int) -> None:
        self._shrink(label, fits, h)
        self._elide(label, fits)

    def _shrink(self, label: QLabel, fits: Callable[[], bool], h: int) -> None:
        if not label.isVisibleTo(self) or fits():
            return
        attr = next(a for a in TEXT_SIZES if getattr(self, a) is label)
        _share, floor_share, bold = TEXT_SIZES[attr]
        floor = max(14, int(h * floor_share))
        px = label.font().pixelSize()
        while px > floor and not fits():
            px -= 1
            self._set_px(label, px, bold)

    def _grow(self, label: QLabel, fits: Callable[[], bool], h: int) -> None:
        if not label.isVisibleTo(self) or label.text() != self._full.get(label, label.text()):
            return
        attr = next(a for a in TEXT_SIZES if getattr(self, a) is label)
        share, _floor, bold = TEXT_SIZES[attr]
        px = label.font().pixelSize()
        while px < max(14, int(h * share)):
            self._set_px(label, px + 1, bold)
            if not fits():
                self._set_px(label, px, bold)
                fits()  # lay out again at the size that fits
                return
            px += 1

    def _elide(self, label: QLabel, fits: Callable[[], bool], h: int = 0) -> None:
        if not label.isVisibleTo(self) or fits():
            return
        full = self._full.get(label, label.text())
        width = label.contentsRect().width() - 2 * label.margin()
        lines = max(
            1, math.ceil(label.heightForWidth(label.width()) / label.fontMetrics().lineSpacing())
        )
        for n in range(lines - 1, 0, -1):
            label.setText(elide_to_lines(full, label.font(), width, n))
            if fits():
                break
        label.setToolTip(full)

    def _need(self, label: QLabel) -> int:
        """The height ``label`` needs at its width: every wrapped line."""
        if not label.isVisibleTo(self) or not label.text():
            return 0
        if label.wordWrap():
            return label.heightForWidth(label.width())
        return label.sizeHint().height()

    def _fits(self, label: QLabel) -> bool:
        return self._need(label) <= label.height()

    def _column_fits(self) -> bool:
        # Measured on the laid-out screen, as the person sees it: what the
        # layout gives each label must hold all its lines, with the figure
        # still at least its smallest size.
        layout = self.layout()
        assert layout is not None
        layout.activate()
        column = (self.name, self.instruction, self.caution, self.reps)
        return all(self._fits(label) for label in column) and (
            self.figure.height() >= self.figure.minimumHeight()
        )

    def _right_fits(self) -> bool:
        layout = self.layout()
        assert layout is not None
        layout.activate()
        return self._fits(self.next_up) and self.dial.height() >= self.dial.minimumWidth()

    def _status_fits(self) -> bool:
        layout = self.layout()
        assert layout is not None
        layout.activate()
        width = self.status.contentsRect().width() - 2 * self.status.margin()
        return len(wrapped_lines(self.status.text(), self.status.font(), width)) <= STATUS_LINES

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
        leg = shown_step is not None and shown_step.side_noun == "leg"
        if shown_side is Side.LEFT:
            self.side.set_text(self.tr("LEFT LEG") if leg else self.tr("LEFT"), HOLD_COLOUR)
        elif shown_side is Side.RIGHT:
            text = self.tr("RIGHT LEG") if leg else self.tr("RIGHT")
            self.side.set_text(text, QColor("#7a4fb5"))
        else:
            self.side.set_text("")
        if snap.stalled or snap.phase is Phase.PAUSED:
            self.paused_badge.set_text(self.tr("PAUSED"), PAUSED_COLOUR)
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
        self.pause_button.setText(self.tr("Resume") if snap.paused else self.tr("Pause"))
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
            self.mute_badge.set_text(self.tr("SOUND OFF"), PAUSED_COLOUR)
        else:
            self.mute_badge.set_text("")
