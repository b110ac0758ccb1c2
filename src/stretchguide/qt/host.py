"""What the parts of the window need from the window that holds them.

The session flow, the session sound and the routines page each reach into
their window for a page, a dialog or the status line. They name that need
here, as a ``Protocol``, instead of importing ``MainWindow``: the list of what
they use is short and written down, a test can hand them any object that has
it, and ``MainWindow`` satisfies it without naming it (mypy checks that where
``MainWindow`` passes itself: ``SessionFlow(self)``, ``RoutinesPage(self)``).

``window()`` is ``QWidget.window()``: on ``MainWindow`` it is the window
itself, the Qt parent that ties the flow's timers and players to its life.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar, QWidget

    from stretchguide.qt.checkin import CheckinPage
    from stretchguide.qt.context import AppContext
    from stretchguide.qt.enums import Page
    from stretchguide.qt.safety_gate import SafetyGate
    from stretchguide.qt.session_view import SessionView
    from stretchguide.qt.tray import Companion


class DialogHost(Protocol):
    """A window that asks, tells and has a status line."""

    @property
    def ctx(self) -> AppContext: ...

    # Attributes on MainWindow (tests replace them), called like methods here.
    def ask(self, title: str, text: str, /) -> bool: ...

    def inform(self, title: str, text: str, /) -> None: ...

    def choose(self, title: str, intro: str, lines: list[str], /) -> list[bool]: ...

    def statusBar(self) -> QStatusBar: ...

    def window(self) -> QWidget: ...


class RoutinesHost(DialogHost, Protocol):
    """What the routines page needs: the dialogs, and the catalog loaded."""

    def ensure_routines(self) -> None: ...


class SoundHost(Protocol):
    """What the session's cues and voice commands need."""

    @property
    def ctx(self) -> AppContext: ...

    @property
    def session_view(self) -> SessionView: ...

    def window(self) -> QWidget: ...


class FlowHost(DialogHost, SoundHost, Protocol):
    """What the session flow needs: the pages, the dialogs, the companion."""

    @property
    def checkin(self) -> CheckinPage: ...

    @property
    def safety(self) -> SafetyGate: ...

    @property
    def companion(self) -> Companion: ...

    def ask_hurt(self) -> str: ...

    def show_page(self, name: str) -> None: ...

    def current_page(self) -> Page: ...

    def show_history(self) -> None: ...

    def arm_reminder(self) -> None: ...

    def retime_routines(self) -> None: ...

    def close(self) -> bool: ...

    def isFullScreen(self) -> bool: ...

    def showFullScreen(self) -> None: ...

    def showNormal(self) -> None: ...
