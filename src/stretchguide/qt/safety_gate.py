"""First-start disclaimer and the red-flag questions.

The questions and the judgement come from ``core/safety.py``; this page asks
them and shows the answer. An urgent result is a full page of its own that
must be acknowledged, and it does not let the session start.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from stretchguide.core.safety import RED_FLAGS, RedFlagResult, Urgency, check_red_flags
from stretchguide.qt.accessible import MessageLabel, role
from stretchguide.qt.answer_widgets import ChoiceRow
from stretchguide.qt.checkin import SIDES
from stretchguide.qt.i18n import QT_TRANSLATE_NOOP

DISCLAIMER = QT_TRANSLATE_NOOP(
    "SafetyGate",
    "StretchGuide offers general guidance on stretches that many people with "
    "sciatica find helpful. It is not medical advice and it cannot examine you. "
    "If you are unsure whether these exercises suit you, ask a doctor or "
    "physiotherapist first. Stop any exercise that causes sharp or increasing pain.",
)


def _heading(text: str, scale: float = 1.5) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


def _hint(text: str) -> QLabel:
    """A bold line above the questions, hidden until it applies."""
    label = QLabel(f"<b>{text}</b>")
    label.setWordWrap(True)
    label.hide()
    return label


class SafetyGate(QStackedWidget):
    """Pages: disclaimer -> questions -> result (urgent / see a doctor soon)."""

    sig_passed = Signal(object)
    """No urgent flag (a RedFlagResult); the session may go ahead."""
    sig_blocked = Signal(object)
    """An urgent flag was acknowledged (a RedFlagResult); no session starts."""
    sig_disclaimer_accepted = Signal()
    """The person read and accepted the disclaimer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: RedFlagResult | None = None
        self._build_disclaimer()
        self._build_questions()
        self._build_result()
        self._connect_signals()

    # -- pages -------------------------------------------------------------
    def _build_disclaimer(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_heading(self.tr("Before you begin")))
        text = QLabel(self.tr(DISCLAIMER))
        text.setWordWrap(True)
        role(text, self.tr("Disclaimer"))
        layout.addWidget(text)
        # First run: which leg hurts. Optional here; a session with work for
        # "the painful leg" asks again until it is answered.
        layout.addSpacing(12)
        layout.addWidget(QLabel("<b>" + self.tr("Which leg hurts?") + "</b>"))
        labels = {
            "left": self.tr("Left"),
            "right": self.tr("Right"),
            "both": self.tr("Both legs"),
            "unsure": self.tr("Not sure"),
        }
        self.side_row = ChoiceRow(
            [labels[k] for k in SIDES],
            [self.tr("Painful leg: ") + labels[k] for k in SIDES],
            exclusive=True,
        )
        self.side_row.setAccessibleName(self.tr("Which leg hurts"))
        layout.addWidget(self.side_row)
        side_later = QLabel(
            self.tr("You can leave this for now: StretchGuide asks before a session that needs it.")
        )
        side_later.setWordWrap(True)
        layout.addWidget(side_later)
        layout.addStretch()
        row = QHBoxLayout()
        row.addStretch()
        self.accept_button = QPushButton(self.tr("I &understand"))
        self.accept_button.setAccessibleName(self.tr("I understand the disclaimer"))
        self.accept_button.setDefault(True)
        row.addWidget(self.accept_button)
        layout.addLayout(row)
        self.disclaimer_page = page
        self.addWidget(page)

    def _build_questions(self) -> None:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addWidget(_heading(self.tr("A few safety questions")))
        intro = QLabel(
            self.tr(
                "Some signs mean exercises are not the right thing today. "
                "Please answer each question."
            )
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        # Said beside the question it belongs to: "Both legs" and then "No"
        # to "sciatica ... in both legs?" contradicted each other unasked.
        self.both_legs_hint = _hint(
            self.tr(
                "You said both legs hurt. If it is sciatica in both (pain, tingling or "
                "numbness down each leg), answer Yes to the first question."
            )
        )
        # Asked straight after a check-in: the page said nothing of why, and
        # read as the routine questions a person clicks through.
        self.asked_now_hint = _hint(
            self.tr(
                "Asked now because of your check-in: new numbness or weakness, or pain "
                "in both legs, can come with the signs below. Please read each one."
            )
        )
        outer.addWidget(self.both_legs_hint)
        outer.addWidget(self.asked_now_hint)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no invisible Tab stop
        body = QWidget()
        grid = QGridLayout(body)
        self.answers: dict[str, QButtonGroup] = {}
        for line, flag in enumerate(RED_FLAGS):
            q = QLabel(flag.asked)
            q.setWordWrap(True)
            grid.addWidget(q, line, 0)
            group = QButtonGroup(body)
            yes = QRadioButton(self.tr("Yes"))
            no = QRadioButton(self.tr("No"))
            yes.setAccessibleName(flag.asked + " " + self.tr("Yes"))
            no.setAccessibleName(flag.asked + " " + self.tr("No"))
            group.addButton(yes, 1)
            group.addButton(no, 0)
            group.idClicked.connect(self._clear_stale_error)
            grid.addWidget(yes, line, 1)
            grid.addWidget(no, line, 2)
            self.answers[flag.id] = group
        grid.setColumnStretch(0, 1)
        # On a wide window the Yes and No sat a screen's width from their
        # question: the questions keep a readable width instead.
        body.setMaximumWidth(960)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.question_error = MessageLabel(error=True)
        outer.addWidget(self.question_error)
        row = QHBoxLayout()
        self.all_no_button = QPushButton(self.tr("&None of these"))
        self.all_no_button.setAccessibleName(self.tr("Answer no to every question"))
        self.check_button = QPushButton(self.tr("&Continue"))
        self.check_button.setAccessibleName(self.tr("Check my answers"))
        self.check_button.setDefault(True)
        for b in (self.all_no_button, self.check_button):
            b.setAutoDefault(True)  # Enter presses the focused one, as Space does
        row.addWidget(self.all_no_button)
        row.addStretch()
        row.addWidget(self.check_button)
        outer.addLayout(row)
        self.questions_page = page
        self.addWidget(page)

    def _build_result(self) -> None:
        page = QFrame()
        page.setObjectName("safetyResult")
        layout = QVBoxLayout(page)
        self.result_title = _heading("", 2.2)
        role(self.result_title, self.tr("Safety result"))
        # The advice takes the focus when the page shows (a white ring on
        # the red), so a screen reader reads the heading and the advice
        # before the buttons; its name carries both.
        self.result_text = MessageLabel(ring="white")
        font = self.result_text.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.result_text.setFont(font)
        role(self.result_text, self.tr("What to do"))
        self.result_flags = QLabel()
        self.result_flags.setWordWrap(True)
        self.result_flags.setFont(font)  # as readable as the advice above it
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(14)
        layout.addWidget(self.result_title)
        layout.addWidget(self.result_text)
        layout.addWidget(self.result_flags)
        layout.addStretch()
        row = QHBoxLayout()
        row.addStretch()
        self.ack_button = QPushButton(self.tr("I &understand"))
        self.ack_button.setAccessibleName(self.tr("I understand"))
        self.continue_anyway = QPushButton(self.tr("Continue with the &exercises"))
        self.continue_anyway.setAccessibleName(self.tr("Continue with the exercises"))
        for b in (self.ack_button, self.continue_anyway):
            bf = b.font()
            bf.setPointSizeF(bf.pointSizeF() * 1.3)
            bf.setBold(True)
            b.setFont(bf)
            b.setMinimumSize(200, 52)
            b.setAutoDefault(True)  # Enter presses the focused one, as Space does
        row.addWidget(self.ack_button)
        row.addWidget(self.continue_anyway)
        layout.addLayout(row)
        self.result_page = page
        self.addWidget(page)

    def _connect_signals(self) -> None:
        self.accept_button.clicked.connect(self._disclaimer_ok)
        self.check_button.clicked.connect(self.check)
        self.all_no_button.clicked.connect(self.answer_all_no)
        self.ack_button.clicked.connect(self._acknowledge)
        self.continue_anyway.clicked.connect(self._continue_after_soon)

    # -- flow --------------------------------------------------------------
    def begin(self, show_disclaimer: bool, after_checkin: bool = False) -> None:
        """Show the disclaimer or the questions, every answer cleared;
        ``after_checkin``: asked because of the check-in just made."""
        self.asked_now_hint.setVisible(after_checkin)
        for group in self.answers.values():
            group.setExclusive(False)
            for b in group.buttons():
                b.setChecked(False)
            group.setExclusive(True)
        self.question_error.clear()
        self.result = None
        if show_disclaimer:
            self.setCurrentWidget(self.disclaimer_page)
            self.accept_button.setFocus()
        else:
            self.setCurrentWidget(self.questions_page)
            self._focus_first_question()

    def chosen_side(self) -> str:
        """The leg chosen on the first-run page ("" if none)."""
        from stretchguide.qt.checkin import SIDES

        i = self.side_row.group.checkedId()
        return SIDES[i] if i >= 0 else ""

    def set_both_legs(self, said: bool) -> None:
        """Whether the person has said both legs hurt (the hint above the questions)."""
        self.both_legs_hint.setVisible(said)

    def _disclaimer_ok(self) -> None:
        self.set_both_legs(self.chosen_side() == "both")
        self.sig_disclaimer_accepted.emit()
        self.setCurrentWidget(self.questions_page)
        self._focus_first_question()

    def _focus_first_question(self) -> None:
        # The first question, not "None of these": with the focus there,
        # Enter answered sixteen questions No unread.
        first = next(iter(self.answers.values()))
        first.buttons()[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def set_answer(self, flag_id: str, yes: bool) -> None:
        self.answers[flag_id].button(1 if yes else 0).setChecked(True)

    def answer_all_no(self) -> None:
        for flag_id in self.answers:
            self.set_answer(flag_id, False)
        self._clear_stale_error()

    def _clear_stale_error(self, _id: int = 0) -> None:
        # "Please answer every question" goes once every one is answered.
        if all(g.checkedId() >= 0 for g in self.answers.values()):
            self.question_error.clear()

    def check(self) -> None:
        missing = [f for f, g in self.answers.items() if g.checkedId() < 0]
        if missing:
            # Focused: heard, and seen however far down the list one scrolled.
            self.question_error.show_and_focus(self.tr("Please answer every question."))
            return
        answers = {f: g.checkedId() == 1 for f, g in self.answers.items()}
        self.result = check_red_flags(answers)
        if self.result.urgency is Urgency.NONE:
            self.sig_passed.emit(self.result)
            return
        self._show_result(self.result)

    def _show_result(self, result: RedFlagResult) -> None:
        urgent = result.urgency is Urgency.URGENT
        if urgent:
            self.result_title.setText(self.tr("Seek urgent medical help"))
            self.result_page.setStyleSheet(
                "#safetyResult { background: #8e1b1b; } #safetyResult QLabel { color: white; }"
            )
        else:
            self.result_title.setText(self.tr("Please see a doctor soon"))
            self.result_page.setStyleSheet(
                "#safetyResult { background: #7a5a00; } #safetyResult QLabel { color: white; }"
            )
        self.result_text.setText(result.message)  # core's words, translated there
        self.result_text.setAccessibleName(f"{self.result_title.text()}. {result.message}")
        self.result_flags.setText(
            self.tr("You answered yes to:")
            + "<ul>"
            + "".join(f"<li>{f.asked}</li>" for f in result.flags)
            + "</ul>"
        )
        # "I understand" beside "Continue with the exercises" did not say
        # that it meant no session: said so when there is a choice.
        self.ack_button.setText(self.tr("I &understand") if urgent else self.tr("&Stop for today"))
        self.continue_anyway.setVisible(not urgent)
        self.setCurrentWidget(self.result_page)
        self.result_text.setFocus(Qt.FocusReason.OtherFocusReason)

    def _acknowledge(self) -> None:
        assert self.result is not None
        self.sig_blocked.emit(self.result)

    def _continue_after_soon(self) -> None:
        assert self.result is not None and self.result.urgency is Urgency.SOON
        self.sig_passed.emit(self.result)
