"""Pain check-in form (before / after a session, next morning, any time).

The form only collects answers; the session flow (qt/session_flow.py) stores them
and asks core/safety.py for the verdict, which the form then shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape as html_escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from stretchguide.core.trends import CheckInKind, Extent
from stretchguide.qt.accessible import MessageLabel, role
from stretchguide.qt.answer_widgets import TOGGLE_HEIGHT, AnswerLock, ChoiceRow, PainScale
from stretchguide.qt.i18n import QT_TRANSLATE_NOOP
from stretchguide.qt.input_guard import ReadFirst
from stretchguide.qt.widgets import show_from_top

EXTENTS = tuple(Extent)  # the order the answers are shown in, from the back outwards
SIDES = ("left", "right", "both", "unsure")  # the painful leg, as Preferences stores it
RESPONSES = ("better", "same", "worse")


@dataclass
class CheckinAnswers:
    kind: CheckInKind
    back_pain: int
    leg_pain: int
    extent: Extent
    tingling: bool = False
    numbness: bool = False
    weakness: bool = False
    note: str = ""
    responses: dict[str, str] = field(default_factory=dict)  # exercise id -> better/same/worse
    side: str = ""  # one of SIDES, or "" when the question was not shown or not answered


class CheckinPage(QWidget):
    """A scrollable check-in form with a verdict area below."""

    sig_submitted = Signal(object)
    """The person saved the check-in (a CheckinAnswers)."""
    sig_skipped = Signal()
    """The person chose not to check in this time."""

    TITLES = {
        CheckInKind.BEFORE: QT_TRANSLATE_NOOP(
            "CheckinPage", "Before you start: how are you right now?"
        ),
        CheckInKind.AFTER: QT_TRANSLATE_NOOP("CheckinPage", "After the session: how are you now?"),
        CheckInKind.NEXT_MORNING: QT_TRANSLATE_NOOP(
            "CheckinPage", "Good morning: how did you wake up?"
        ),
        CheckInKind.ANY: QT_TRANSLATE_NOOP("CheckinPage", "How are you right now?"),
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = CheckInKind.ANY
        self._exercises: list[tuple[str, str]] = []
        self._lock = AnswerLock(self)
        outer = QVBoxLayout(self)
        self.scroll_area = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no invisible Tab stop
        outer.addWidget(scroll)
        body = QWidget()
        font = body.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        body.setFont(font)
        scroll.setWidget(body)
        self.form = QVBoxLayout(body)
        self.title = QLabel()
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.form.addWidget(self.title)
        self.routine_label = QLabel()
        role(self.routine_label, self.tr("Routine"))
        self.routine_label.setWordWrap(True)
        self.routine_label.hide()
        self.form.addWidget(self.routine_label)

        self.back = PainScale(self.tr("Back pain"))
        self.leg = PainScale(self.tr("Leg pain"))
        self.form.addWidget(self.back)
        self.form.addWidget(self.leg)

        self.form.addSpacing(8)
        self.form.addWidget(
            QLabel("<b>" + self.tr("How far down the leg do you feel it?") + "</b>")
        )
        labels = {
            "none": self.tr("Not in the leg"),
            "buttock": self.tr("Buttock"),
            "thigh": self.tr("Thigh"),
            "below_knee": self.tr("Below the knee"),
            "foot": self.tr("Into the foot"),
        }
        self.extent_row = ChoiceRow(
            [labels[k] for k in EXTENTS],
            [self.tr("Symptoms reach: ") + labels[k] for k in EXTENTS],
            exclusive=True,
        )
        self.extent_row.setAccessibleName(self.tr("How far down the leg"))
        self.extent_group = self.extent_row.group
        self.form.addWidget(self.extent_row)

        self.form.addSpacing(8)
        self.form.addWidget(QLabel("<b>" + self.tr("Do you also feel any of these?") + "</b>"))
        self.symptoms = ChoiceRow(
            [self.tr("&Tingling"), self.tr("&Numbness"), self.tr("&Weakness")],
            [self.tr("Tingling"), self.tr("Numbness"), self.tr("Weakness")],
            exclusive=False,
        )
        self.symptoms.setAccessibleName(self.tr("Other symptoms"))
        self.tingling, self.numbness, self.weakness = self.symptoms.buttons
        self.form.addWidget(self.symptoms)
        self.before_label = QLabel()
        role(self.before_label, self.tr("Before the session"))
        self.before_label.setWordWrap(True)
        self.before_label.hide()
        self.form.addWidget(self.before_label)

        self.form.addSpacing(8)
        self.side_label = QLabel("<b>" + self.tr("Which leg hurts?") + "</b>")
        self.form.addWidget(self.side_label)
        side_labels = {
            "left": self.tr("&Left"),
            "right": self.tr("&Right"),
            "both": self.tr("&Both legs"),
            "unsure": self.tr("Not s&ure"),
        }
        self.side_row = ChoiceRow(
            [side_labels[k] for k in SIDES],
            [self.tr("Painful leg: ") + side_labels[k].replace("&", "") for k in SIDES],
            exclusive=True,
        )
        self.side_row.setAccessibleName(self.tr("Which leg hurts"))
        self.form.addWidget(self.side_row)
        self.side_hint = QLabel(
            self.tr(
                "Exercises for the painful leg are done on this leg. "
                "Both legs or not sure: they are done on both legs."
            )
        )
        self.side_hint.setWordWrap(True)
        self.form.addWidget(self.side_hint)
        self.require_side = False

        self.responses_box = QWidget()
        self.responses_grid = QGridLayout(self.responses_box)
        self.responses_grid.setContentsMargins(0, 8, 0, 0)
        self.response_groups: dict[str, QButtonGroup] = {}
        self.form.addWidget(self.responses_box)

        self.form.addSpacing(8)
        note_label = QLabel("<b>" + self.tr("N&ote (optional)") + "</b>")
        self.form.addWidget(note_label)
        self.note = QLineEdit()
        self.note.setPlaceholderText(
            self.tr("Anything you want to remember or tell your clinician")
        )
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setMinimumHeight(44)
        # A visible edge in light and dark: the dark palette's field colour is
        # close to the window colour, so the box itself would vanish.
        self.note.setStyleSheet(
            "QLineEdit { border: 2px solid #8a8f98; border-radius: 4px; padding: 4px 8px; }"
            "QLineEdit:focus { border-color: #3d7fcc; }"
        )
        note_label.setBuddy(self.note)
        self.form.addWidget(self.note)

        # Save moves the focus to a missing answer's message, and saving to
        # the verdict: a screen reader reads them, and nobody is left
        # wondering whether Save did anything.
        self.error = MessageLabel(error=True)
        role(self.error, self.tr("Form error"))
        self.form.addWidget(self.error)

        self.verdict = MessageLabel()
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        role(self.verdict, self.tr("Advice"))
        self.verdict.hide()
        self.form.addWidget(self.verdict)

        self.form.addSpacing(12)
        self.purpose = QLabel(
            self.tr(
                "What this is for: your answers stay on this computer. Before and "
                "after each session they show whether the exercises calm your "
                "symptoms or stir them up; over days they draw your pain trend "
                "and the 14-day verdict in History. Pain spreading further down "
                "the leg, or new numbness or weakness, is a sign to ease off and "
                "talk to a professional."
            )
        )
        self.purpose.setWordWrap(True)
        role(self.purpose, self.tr("What the answers are used for"))
        self.purpose.setStyleSheet("QLabel { border-left: 4px solid #8a8f98; padding: 6px 10px; }")
        self.form.addWidget(self.purpose)
        self.form.addStretch()

        buttons = QHBoxLayout()
        self.skip_button = QPushButton(self.tr("S&kip"))
        self.skip_button.setAccessibleName(self.tr("Skip the check-in"))
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setAccessibleName(self.tr("Save the check-in"))
        self.save_button.setDefault(True)
        self.continue_button = QPushButton(self.tr("&Continue"))
        self.continue_button.setAccessibleName(self.tr("Continue"))
        self.continue_button.hide()
        self.read_first = ReadFirst(self.continue_button)  # important advice is read first
        for b in (self.skip_button, self.save_button, self.continue_button):
            b.setMinimumSize(140, TOGGLE_HEIGHT)  # reachable from the floor, not fiddly
            b.setAutoDefault(True)  # Enter presses the focused one, as Space does
        buttons.addStretch()
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.continue_button)
        outer.addLayout(buttons)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self.submit)
        self.skip_button.clicked.connect(self.sig_skipped.emit)
        # A message about a missing number goes as soon as it is answered.
        self.back.sig_changed.connect(self._clear_stale_error)
        self.leg.sig_changed.connect(self._clear_stale_error)
        self.extent_group.idClicked.connect(self._clear_stale_error)

    def _clear_stale_error(self, _n: int = 0) -> None:
        if (
            self.back.value() is not None
            and self.leg.value() is not None
            and self.extent_group.checkedId() >= 0
        ):
            self.error.clear()

    def _inputs(self) -> tuple[QWidget, ...]:
        return (self.back, self.leg, self.extent_row, self.symptoms, self.responses_box, self.note)

    def set_context(self, routine_name: str = "", before: CheckinAnswers | None = None) -> None:
        """Name the routine, and on the after check-in show the "before" answers."""
        if routine_name:
            self.routine_label.setText(
                "<b>" + self.tr("Routine:") + "</b> " + html_escape(routine_name)
            )
        self.routine_label.setVisible(bool(routine_name))
        self.back.set_before(before.back_pain if before is not None else None)
        self.leg.set_before(before.leg_pain if before is not None else None)
        if before is None:
            self.before_label.hide()
            return
        labels = {
            "none": self.tr("not in the leg"),
            "buttock": self.tr("buttock"),
            "thigh": self.tr("thigh"),
            "below_knee": self.tr("below the knee"),
            "foot": self.tr("into the foot"),
        }
        felt = [
            name
            for name, on in (
                (self.tr("tingling"), before.tingling),
                (self.tr("numbness"), before.numbness),
                (self.tr("weakness"), before.weakness),
            )
            if on
        ]
        text = (
            self.tr("Before the session: symptoms reached %1; %2.")
            .replace("%1", labels.get(before.extent, before.extent))
            .replace(
                "%2", ", ".join(felt) if felt else self.tr("no tingling, numbness or weakness")
            )
        )
        self.before_label.setText(text)
        self.before_label.show()

    def start(
        self,
        kind: CheckInKind | str,
        exercises: list[tuple[str, str]] | None = None,
        *,
        side: str = "",
        require_side: bool = False,
    ) -> None:
        """Reset the form for a new check-in; ``exercises`` = (id, name) for 'after'.

        ``side`` is the painful leg known so far ("" if never said); the
        question shows before a session and any time, and ``require_side``
        makes Save wait for an answer (the side is never guessed).
        """
        self.kind = kind = CheckInKind(kind)
        self.side_row.clear()
        if side in SIDES:
            self.side_row.buttons[SIDES.index(side)].setChecked(True)
        self.require_side = require_side
        ask_side = kind in (CheckInKind.BEFORE, CheckInKind.ANY) or require_side
        for w in (self.side_label, self.side_row, self.side_hint):
            w.setVisible(ask_side)
        self.title.setText(self.tr(self.TITLES[kind]))
        for scale in (self.back, self.leg):
            scale.group.setExclusive(False)
            for b in scale.group.buttons():
                b.setChecked(False)
            scale.group.setExclusive(True)
        self.extent_row.clear()
        self.symptoms.clear()
        self.note.clear()
        self.error.clear()
        self.verdict.hide()
        self.continue_button.hide()
        self.read_first.release()
        self.save_button.show()
        self.skip_button.show()
        self.save_button.setEnabled(True)
        self._lock.set_locked(self._inputs(), False)
        self.note.setReadOnly(False)
        self.set_context()
        self._build_responses((exercises or []) if kind is CheckInKind.AFTER else [])
        self.back.group.button(0).setFocus()
        # From the top, title first: which check-in this is (before, after,
        # next morning) was scrolled out of sight, left from the last one.
        bar = self.scroll_area.verticalScrollBar()
        bar.setValue(0)
        QTimer.singleShot(0, bar, lambda: bar.setValue(0))  # after the new layout

    def _build_responses(self, exercises: list[tuple[str, str]]) -> None:
        while self.responses_grid.count():
            item = self.responses_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.response_groups.clear()
        self._exercises = list(exercises)
        self.responses_box.setVisible(bool(exercises))
        if not exercises:
            return
        self.responses_grid.addWidget(
            QLabel("<b>" + self.tr("How did each exercise feel?") + "</b>"), 0, 0, 1, 4
        )
        names = {
            "better": self.tr("Better"),
            "same": self.tr("Same"),
            "worse": self.tr("Worse"),
        }
        for row, (ex_id, name) in enumerate(exercises, start=1):
            self.responses_grid.addWidget(QLabel(name), row, 0)
            choice = ChoiceRow(
                [names[k] for k in RESPONSES],
                [f"{name}: {names[k]}" for k in RESPONSES],
                exclusive=True,
            )
            choice.setAccessibleName(name)
            self.responses_grid.addWidget(choice, row, 1, 1, 3)
            self.response_groups[ex_id] = choice.group
        self._order_tabs()

    def _order_tabs(self) -> None:
        # Tab in the order on screen: the rows are made after the rest of
        # the form, so they came after Save, as the last stops.
        chain: list[QWidget] = [self.weakness, *self.side_row.buttons]
        for group in self.response_groups.values():
            chain += group.buttons()
        chain.append(self.note)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def set_response(self, exercise_id: str, response: str) -> None:
        group = self.response_groups[exercise_id]
        group.button(RESPONSES.index(response)).setChecked(True)

    def set_side(self, side: str) -> None:
        self.side_row.buttons[SIDES.index(side)].setChecked(True)

    def set_extent(self, extent: str) -> None:
        self.extent_group.button(EXTENTS.index(Extent(extent))).setChecked(True)

    def answers(self) -> CheckinAnswers | None:
        back, leg = self.back.value(), self.leg.value()
        if back is None or leg is None:
            self.error.setText(self.tr("Please pick a number for back pain and for leg pain."))
            return None
        extent_id = self.extent_group.checkedId()
        if extent_id < 0:
            # Never stored as "not in the leg" when it was not said: a blank
            # here once read as symptoms moving back up the leg.
            self.error.setText(
                self.tr('Please say how far down the leg you feel it (or "Not in the leg").')
            )
            return None
        side_id = self.side_row.group.checkedId()
        if self.require_side and side_id < 0:
            self.error.setText(self.tr("Please say which leg hurts (or both, or not sure)."))
            return None
        responses = {
            ex_id: RESPONSES[g.checkedId()]
            for ex_id, g in self.response_groups.items()
            if g.checkedId() >= 0
        }
        return CheckinAnswers(
            kind=self.kind,
            back_pain=back,
            leg_pain=leg,
            extent=EXTENTS[extent_id],
            tingling=self.tingling.isChecked(),
            numbness=self.numbness.isChecked(),
            weakness=self.weakness.isChecked(),
            note=self.note.text().strip(),
            responses=responses,
            side=SIDES[side_id] if side_id >= 0 and self.side_row.isVisibleTo(self) else "",
        )

    def has_unsaved_answers(self) -> bool:
        """Something answered on an open form that has not been saved."""
        if self.save_button.isHidden():  # saved (the advice shows) or never opened
            return False
        return (
            self.back.value() is not None
            or self.leg.value() is not None
            or self.extent_group.checkedId() >= 0
            or any(box.isChecked() for box in (self.tingling, self.numbness, self.weakness))
            or bool(self.note.text().strip())
            or any(g.checkedId() >= 0 for g in self.response_groups.values())
        )

    def submit(self) -> None:
        answers = self.answers()
        if answers is None:
            self._point_to_error()
            return
        self.error.clear()
        self.sig_submitted.emit(answers)

    def _point_to_error(self) -> None:
        # The message sits under the form: on a small screen, in large text
        # or after a long session it was set below the visible part, and
        # Save seemed to do nothing. Brought into view and given the focus,
        # it is seen, and a screen reader reads it.
        self.form.activate()
        self.scroll_area.ensureWidgetVisible(self.error, 0, 40)
        self.error.setFocus(Qt.FocusReason.OtherFocusReason)
        area, error = self.scroll_area, self.error
        # Again once the scroll area has taken the form's new height.
        QTimer.singleShot(0, self, lambda: area.ensureWidgetVisible(error, 0, 40))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        # After the verdict the focus is on the advice: Enter goes on, as it
        # would on the Continue button beside it (once important advice is read).
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.continue_button.isVisible():
            if self.read_first.ready():
                self.continue_button.click()
            return
        super().keyPressEvent(event)

    def show_verdict(self, html: str, read_first: bool = False) -> None:
        """After saving: show advice and swap Save for Continue (held a moment
        when ``read_first``, qt/input_guard.ReadFirst)."""
        self.verdict.setText(html)
        self.verdict.show()
        # Long after-session forms put the verdict below the fold: bring it up
        # (after the layout has placed it).
        area, verdict = self.scroll_area, self.verdict
        QTimer.singleShot(0, self, lambda: show_from_top(area, verdict, 40))
        # Saved is saved: the answers stay on screen, readable, but cannot
        # be changed (an edit here would never reach the history).
        self._lock.set_locked(self._inputs(), True)
        self.note.setReadOnly(True)
        self.save_button.hide()
        self.skip_button.hide()
        self.continue_button.show()
        if read_first:
            self.read_first.hold()
        # The advice has the focus, so a screen reader reads it; Tab (or
        # Enter, see keyPressEvent) goes on to Continue.
        self.verdict.setFocus(Qt.FocusReason.OtherFocusReason)
