"""Severe pain right now (core/pain_now.py): the line and whose it is."""

from __future__ import annotations

from stretchguide.core.pain_now import SEVERE_FROM, severe, severe_reason
from stretchguide.core.trends import CheckIn, CheckInKind, Extent


def checkin(back: int, leg: int) -> CheckIn:
    return CheckIn(0, CheckInKind.BEFORE, back, leg, Extent.THIGH)


def test_severe_is_back_or_leg_at_the_line_or_above() -> None:
    assert SEVERE_FROM == 8
    assert severe(checkin(2, 8)) and severe(checkin(9, 0)) and severe(checkin(10, 10))
    assert not severe(checkin(7, 7))


def test_the_reason_names_the_pain_and_whose_line_it_is() -> None:
    reason = severe_reason(checkin(3, 9))
    assert "9 out of 10" in reason and "8 and above is StretchGuide's line" in reason
