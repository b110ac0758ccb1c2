"""The main toolbar's actions that do not fit its width, under a "More ▾"
button labelled in words.

Qt's own answer is the extension button: a "»" a few pixels wide at the
toolbar's end, with no name on screen and no place in the Tab order. At
1.5 times the text size Print and the calendar export went behind it at
1280 px (German, French and Spanish lost more at 1024 px), out of reach for
anyone who did not spot it. Here the actions at the end move into the menu
of a "More ▾" button, one by one, only as far as the width asks; with room
again they come back. Every action is also the window's own, so its
shortcut works wherever it is shown.

Made after the first paint (the window calls ``NavOverflow`` from
``ensure_routines``), like the rest of the toolbar's finishing.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QMenu, QToolBar, QToolButton, QWidget

from stretchguide.qt.accessible import enter_clicks
from stretchguide.qt.routine_list import MenuButton


def ready_for_keys(button: QWidget | None) -> None:
    """A toolbar button joins the Tab order, and Enter presses it.

    A tool button takes no Tab focus of its own: History, Check in,
    Settings and the safety questions were out of the keyboard's reach for
    anyone who did not know the shortcuts. Tab, not a click, gives them the
    focus (a click leaves it on the page).
    """
    if isinstance(button, QAbstractButton):
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        enter_clicks(button)


class NavOverflow(QObject):
    """Keeps ``actions`` on ``bar`` while they fit, the rest under "More ▾"."""

    SLACK = 4  # px kept free, so rounding never brings Qt's "»" back

    def __init__(self, bar: QToolBar, actions: Sequence[QAction], window: QWidget) -> None:
        super().__init__(bar)
        self.bar = bar
        self.actions = list(actions)
        for act in self.actions:
            window.addAction(act)  # its shortcut, in the menu as on the bar
        self.button = MenuButton()
        self.button.setText(self.tr("More ▾"))
        self.button.setAccessibleName(self.tr("More actions"))
        self.button.setToolTip(self.tr("The actions that do not fit on this bar"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setAutoRaise(True)
        self.menu = QMenu(self.button)
        self.button.setMenu(self.menu)
        ready_for_keys(self.button)
        self.more = bar.addWidget(self.button)
        self.more.setVisible(False)
        # Measures a label as the bar's own buttons would show it (the bar's
        # font and style), for actions that are in the menu at the time.
        self._probe = QToolButton(bar)
        self._probe.setAutoRaise(True)
        self._probe.hide()
        self.shown = len(self.actions)  # how many lead on the bar
        bar.installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.bar and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
        ):
            self.fit()
        return False

    def _width(self, text: str) -> int:
        """How wide the bar's button for ``text`` is."""
        self._probe.setToolButtonStyle(self.bar.toolButtonStyle())
        self._probe.setText(text)
        return int(self._probe.sizeHint().width())

    def fitting(self) -> int:
        """How many actions, from the first, fit on the bar beside "More ▾"
        (all of them, if they fit without it)."""
        layout = self.bar.layout()
        spacing = layout.spacing() if layout is not None else 0
        margins = layout.contentsMargins() if layout is not None else None
        room = self.bar.contentsRect().width() - self.SLACK
        if margins is not None:
            room -= margins.left() + margins.right()
        widths = [self._width(act.text()) + spacing for act in self.actions]
        if sum(widths) - spacing <= room:
            return len(self.actions)
        room -= self.button.sizeHint().width()
        used = 0
        for count, wide in enumerate(widths):
            used += wide
            if used > room:
                return max(1, count)
        return len(self.actions)

    def fit(self) -> None:
        """Move actions between the bar and the menu to match its width."""
        if self.bar.width() <= 0:
            return
        shown = self.fitting()
        if shown == self.shown:
            return
        self.shown = shown
        on_bar = set(self.bar.actions())
        for index, act in enumerate(self.actions):
            if index < shown and act not in on_bar:
                self.bar.insertAction(self.more, act)
                ready_for_keys(self.bar.widgetForAction(act))
            elif index >= shown and act in on_bar:
                self.bar.removeAction(act)
        self.menu.clear()  # the actions are the window's: none is deleted
        self.menu.addActions(self.actions[shown:])
        self.more.setVisible(shown < len(self.actions))
        self.sync_enabled()

    def sync_enabled(self) -> None:
        """ "More ▾" is off when everything in its menu is (the safety questions)."""
        self.button.setEnabled(any(a.isEnabled() for a in self.actions[self.shown :]))

    def in_menu(self) -> list[QAction]:
        return list(self.actions[self.shown :])
