"""The full-window question of a session: "This hurts" and "Stop?".

Readable from the mat: big numbered answers, keys 1-9 and Esc, sized from
the window like the session text. ``SessionView.ask_choice`` shows it and
waits for the answer.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

# The Esc answer that is none of the question's answers: Esc means stop all
# through a session, so a question with no stop answer of its own (this
# hurts) hands it on to the stop question rather than resuming unasked.
ASK_STOP = "ask_stop"


class ChoiceOverlay(QWidget):
    """A full-window question with big numbered answers, readable from the mat.

    Covers its parent while shown. Keys 1, 2, 3... pick the answers in
    order; Escape picks the ``escape`` answer, or ``ASK_STOP``, which is
    none of them (the caller then asks whether to stop). ``choose(key)`` is the
    hook anything else (a click, a test, later a voice command) uses to
    answer; it emits ``sig_chosen`` once and hides the overlay. Tab and
    Shift+Tab stay inside it while it shows (``focusNextPrevChild``).
    """

    sig_chosen = Signal(str)
    """The key of the answer picked."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._buttons_box = QVBoxLayout()
        self._buttons_box.setSpacing(14)
        # What the keys do, on screen: Esc is not one of the numbered answers.
        self.keys_hint = QLabel()
        self.keys_hint.setWordWrap(True)
        self.keys_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addSpacing(20)
        layout.addLayout(self._buttons_box)
        layout.addSpacing(10)
        layout.addWidget(self.keys_hint)
        layout.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        self._keys: list[str] = []
        self._escape = ""
        self._result = ""
        self.hide()

    def ask(self, title: str, text: str, choices: list[tuple[str, str]], escape: str = "") -> None:
        """Show the question; ``choices`` are (key, label) in the order of keys 1, 2, 3;
        what Esc does is shown under them."""
        self.title.setText(title)
        self.body.setText(text)
        self.setAccessibleName(title)
        self.setAccessibleDescription(text)
        for b in self.buttons.values():
            # Hidden now: deleteLater() waits for the event loop it was called
            # from, and the question that follows runs in a nested one, so the
            # old answers would stay on screen under the new (finding 1).
            self._buttons_box.removeWidget(b)
            b.hide()
            b.deleteLater()
        self.buttons = {}
        self._keys = [k for k, _ in choices]
        self._escape = escape
        self._result = ""
        for n, (key, label) in enumerate(choices, start=1):
            b = QPushButton(f"{n}   {label}")
            b.setAccessibleName(label)
            b.setToolTip(self.tr("Press %1").replace("%1", str(n)))
            b.setAutoDefault(True)  # Enter presses the focused answer, as Space does
            b.clicked.connect(lambda _=False, k=key: self.choose(k))
            self._buttons_box.addWidget(b)
            self.buttons[key] = b
        says = dict(choices).get(escape, "")
        if escape == ASK_STOP:
            says = self.tr("Stop the session (you are asked first)")
        self.keys_hint.setText(self.tr("Esc: %1").replace("%1", says) if escape and says else "")
        self.keys_hint.setVisible(bool(self.keys_hint.text()))
        self._apply_scale()
        parent = self.parentWidget()
        if parent is not None:  # always, from __init__; the check is for mypy
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.setFocus()

    @property
    def result(self) -> str:
        return self._result

    def choose(self, key: str) -> None:
        if not self.isVisible() or (key not in self._keys and key != self._escape):
            return
        self._result = key
        self.hide()
        self.sig_chosen.emit(key)

    def cancel(self) -> None:
        """Close without a person's answer (the page went away): the Escape answer."""
        if self.isVisible():
            self.choose(self._escape or (self._keys[-1] if self._keys else ""))

    def run(self) -> str:
        """Block (in a local event loop) until an answer; returns its key."""
        from PySide6.QtCore import QEventLoop

        if not self.isVisible():
            return self._result
        loop = QEventLoop(self)
        self.sig_chosen.connect(loop.quit)
        try:
            loop.exec()
        finally:
            self.sig_chosen.disconnect(loop.quit)
        return self._result

    def keyPressEvent(self, event: Any) -> None:
        if event.isAutoRepeat():
            # A key held down answers one question, not the next: the Esc
            # that asked "Stop?" answered it "No" by its own repeat, and Esc
            # held on "This hurts" flipped between the two questions.
            return
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            n = key - Qt.Key.Key_1
            if n < len(self._keys):
                self.choose(self._keys[n])
                return
        if key == Qt.Key.Key_Escape and self._escape:
            self.choose(self._escape)
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt override
        # A focus trap: the session's keys are off while the question is
        # open, so a focus that slipped out behind it (one Shift+Tab) left
        # 1-4 and Esc doing nothing, and nothing on screen said why.
        if not self.isVisible():
            return super().focusNextPrevChild(next)
        stops: list[QWidget] = [self, *(b for b in self.buttons.values() if b.isVisible())]
        focus = QApplication.focusWidget()
        at = stops.index(focus) if focus in stops else 0
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        stops[(at + (1 if next else -1)) % len(stops)].setFocus(reason)
        return True

    def focusInEvent(self, event: Any) -> None:
        super().focusInEvent(event)
        self.update()  # the ring

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if not self.hasFocus():
            return
        # The question itself has the focus (as it opens): a ring round it
        # in the highlight colour, as on any focused control.
        p = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight))
        pen.setWidthF(6)
        p.setPen(pen)
        p.drawRect(QRectF(self.rect()).adjusted(3, 3, -3, -3))
        p.end()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._apply_scale()

    def _apply_scale(self) -> None:
        # Sized from the window, like the session text: ~54 px titles and
        # ~40 px answers at 1080p.
        parent = self.parentWidget()
        h = max(400, parent.height() if parent is not None else self.height())
        for label, share, bold in (
            (self.title, 0.05, True),
            (self.body, 0.037, False),
            (self.keys_hint, 0.03, False),
        ):
            f = QFont(self.font())
            f.setPixelSize(max(18, int(h * share)))
            f.setBold(bold)
            label.setFont(f)
        bf = QFont(self.font())
        bf.setPixelSize(max(18, int(h * 0.037)))
        bf.setBold(True)
        for b in self.buttons.values():
            b.setFont(bf)
            b.setMinimumHeight(max(48, int(h * 0.085)))
