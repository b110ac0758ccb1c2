"""Choices the qt layer passes around, as enums instead of bare strings.

``StrEnum``: each value is the text stored in settings or compared with
text from elsewhere (a stub in a test, a signal's str), so a member equals
its string and nothing stored changes. Check-in kind and extent are core's
own enums (``core.trends.CheckInKind``/``Extent``), whose values are what
the database holds.
"""

from __future__ import annotations

from enum import StrEnum


class Page(StrEnum):
    """The main window's pages (``MainWindow.show_page``, ``sig_page_changed``)."""

    ROUTINES = "routines"
    SAFETY = "safety"
    CHECKIN = "checkin"
    SESSION = "session"
    HISTORY = "history"
    GUIDANCE = "guidance"
    NONE = ""  # not one of the pages (nothing shown yet)


class HurtChoice(StrEnum):
    """The answers to "This hurts" (``MainWindow.ask_hurt``)."""

    EASE = "ease"
    SKIP = "skip"
    CONTINUE = "continue"
    END = "end"


class EndStatus(StrEnum):
    """How a run of the session view ended (``SessionController.sig_finished``)."""

    COMPLETED = "completed"
    STOPPED = "stopped"
