"""Pain that is severe right now, in a check-in before a session or on its
own: said, with what to do, instead of a silent start or "Saved".

Pure data and functions (no Qt); ``qt/session_flow.py`` applies them. The
line for "severe" is StretchGuide's (docs/CLINICAL.md, section 3): the
articles give none.
"""

from __future__ import annotations

from typing import Final

from stretchguide.core.i18n import N_, _, ngettext
from stretchguide.core.trends import CheckIn

# "This hurts" pressed in this many sessions in a row: more than one
# exercise's dose. StretchGuide's number.
HURTS_IN_A_ROW: Final = 3
# Article 004: stretches that are too much make sciatica worse, and may
# mean the nerve is too irritable for them yet; see a professional.
HURTS_AGAIN_ADVICE = N_(
    "Pain during session after session can mean these exercises are too much "
    "for your nerve for now. Please see a doctor or physiotherapist before you go "
    "on with them, and keep active in ways that do not hurt."
)

# 7-10 is commonly read as severe pain; from 8, so that one bad point on an
# ordinary day does not bring a warning every time. StretchGuide's number.
SEVERE_FROM: Final = 8

SEVERE_BEFORE_ADVICE = N_(
    "Your pain is severe right now. Go gently today: a short, gentle routine or "
    "rest, and stop if the pain climbs. If pain this bad does not ease over a few "
    "days, or you cannot manage it, contact a doctor."
)
SEVERE_ADVICE = N_(
    "Your pain is severe right now. Rest from anything that makes it worse. If pain "
    "this bad does not ease over a few days, or you cannot manage it, contact a doctor."
)


def severe(checkin: CheckIn) -> bool:
    """Back or leg pain at or above :data:`SEVERE_FROM`."""
    return checkin.worst >= SEVERE_FROM


def severe_reason(checkin: CheckIn) -> str:
    """The reason line, with whose the line is."""
    return _(
        "Pain is {pain} out of 10 right now ({line} and above is StretchGuide's "
        "line for severe pain, not the articles')."
    ).format(pain=checkin.worst, line=SEVERE_FROM)


def hurts_reason(presses: int) -> str:
    """The verdict's reason for "this hurts" pressed during a session (pain
    felt while exercising: never "fine", ``core.safety.pain_response``).
    The session page shows the presses with the exercises' names instead."""
    return ngettext(
        "You reported pain {n} time during the session.",
        "You reported pain {n} times during the session.",
        presses,
    ).format(n=presses)


def hurts_again_reason(sessions: int) -> str:
    """The verdict's reason for "this hurts" pressed in ``sessions``
    sessions in a row, this one the last."""
    return _(
        "You reported pain during {n} sessions in a row ({most} in a row is "
        "StretchGuide's mark, not the articles')."
    ).format(n=sessions, most=HURTS_IN_A_ROW)
