"""The session's full-screen button: what it says, and when it gives way.

F was the one session key no button showed. The button (a `KeyButton` with
the "F" cap, made by the session view like the others) says what a press
does, "Full screen" or "Leave full screen", from its window's state. It is
the one button of the row that gives way: shown only while the row has
room for every button whole. In a narrower window it goes (F still works)
rather than squeeze the others or hold the window wider: its minimum
width is 1 px, so it adds no more than a gap to the window's minimum.

It follows the view by events (shown, resized, a button's text or font
changed: a layout request), so the view calls nothing at each change.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QMargins, QObject
from PySide6.QtWidgets import QBoxLayout, QSizePolicy, QWidget

from stretchguide.qt.key_button import KeyButton

_VIEW_EVENTS = (QEvent.Type.Show, QEvent.Type.Resize, QEvent.Type.LayoutRequest)


class FullScreenButton(QObject):
    """Keeps ``button`` saying its window's state, and in ``row`` only with room."""

    def __init__(
        self, view: QWidget, button: KeyButton, row: QBoxLayout, buttons: Sequence[QWidget]
    ) -> None:
        super().__init__(view)
        self.view = view
        self.button = button
        self.row = row
        self.buttons = tuple(buttons)
        self._window: QWidget | None = None  # whose full screen the button shows
        policy = button.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        button.setSizePolicy(policy)
        button.setMinimumWidth(1)
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.view and kind in _VIEW_EVENTS:
            if kind == QEvent.Type.Show:
                self._follow_window()
            self.place()
        elif watched is self._window and kind == QEvent.Type.WindowStateChange:
            self.show_state()
        return False

    def _follow_window(self) -> None:
        window = self.view.window()
        if window is not self._window:
            if self._window is not None:
                self._window.removeEventFilter(self)
            window.installEventFilter(self)
            self._window = window
        self.show_state()

    def show_state(self) -> None:
        """Say what a press does: fill the screen, or leave it."""
        full = self.view.window().isFullScreen()
        self.button.setText(self.tr("Leave full screen") if full else self.tr("Full screen"))

    def place(self) -> None:
        """Show the button only if every button of the row fits whole."""
        layout = self.view.layout()
        margins = layout.contentsMargins() if layout is not None else QMargins()
        room = self.view.width() - margins.left() - margins.right()
        gaps = max(0, self.row.spacing()) * (len(self.buttons) - 1)
        fits = sum(b.sizeHint().width() for b in self.buttons) + gaps <= room
        if self.button.isVisibleTo(self.view) != fits:
            self.button.setVisible(fits)
