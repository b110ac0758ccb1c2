"""A check-in on its own or before a session (core/checkin_now.py): what
the after and morning check-ins say of the same answers, said now."""

from __future__ import annotations

from stretchguide.core.checkin_now import NowResponse, Usual, respond, usual_pain
from stretchguide.core.nerve_signs import NerveSigns, nerve_signs
from stretchguide.core.safety import PainThresholds
from stretchguide.core.trends import CheckIn, CheckInKind, Extent

DAY = 86400
T0 = 19_676 * DAY + 8 * 3600  # 08:00 UTC
K = CheckInKind


def ci(day: float, back: int, leg: int, kind: CheckInKind = K.ANY, **kw: object) -> CheckIn:
    return CheckIn(int(T0 + day * DAY), kind, back, leg, kw.pop("extent", Extent.THIGH), **kw)  # type: ignore[arg-type]


def said(current: CheckIn, history: list[CheckIn], **kw: object) -> NowResponse:
    previous = history[-1] if history else None
    signs = nerve_signs(current, previous, previous)
    return respond(current, signs, usual_pain(history, current.at), **kw)  # type: ignore[arg-type]


def test_leg_pain_of_7_when_the_usual_is_2_to_3_is_said_with_when_to_get_help() -> None:
    history = [ci(0, 1, 2), ci(1, 1, 3), ci(2, 1, 2), ci(3, 1, 3)]
    now = said(ci(4, 1, 7), history)
    assert now.ease_off and now.pain_up
    # The usual is the last three days' mean, said with whose the 2 points are.
    text = " ".join(now.reasons)
    assert "Leg pain is 7 out of 10; your usual is about 2.7" in text
    assert "StretchGuide's mark" in text
    assert "higher than usual" in now.advice
    assert "two weeks" in now.advice and "doctor or physiotherapist" in now.advice
    # Before a session, the same.
    assert said(ci(4, 1, 7, K.BEFORE), history, before_session=True).pain_up


def test_one_point_above_the_usual_is_not_a_change_that_matters() -> None:
    history = [ci(0, 2, 2), ci(1, 2, 2), ci(2, 2, 2)]
    assert not said(ci(3, 3, 3), history).ease_off
    assert said(ci(3, 4, 2), history).pain_up  # back pain counts as well


def test_above_the_session_limit_on_its_own_even_as_usual() -> None:
    """Pain of 6 every day: above the limit the after check-in holds a
    session to (5), said as high, not as higher than usual."""
    history = [ci(d, 2, 6) for d in range(3)]
    now = said(ci(3, 2, 6), history)
    assert now.ease_off and now.over_limit and not now.pain_up
    assert "more than the 5 that is all right" in " ".join(now.reasons)
    assert "StretchGuide's, not the articles'" in " ".join(now.reasons)
    assert "above what is all right" in now.advice
    # The limits are the person's, from Settings.
    assert not said(ci(3, 2, 6), history, thresholds=PainThresholds(3, 6)).ease_off
    # Before a session, the after check-in judges the session against them.
    assert not said(ci(3, 2, 6, K.BEFORE), history, before_session=True).ease_off


def test_the_usual_leaves_out_check_ins_just_after_a_session_and_old_ones() -> None:
    # A session that eased the leg to 0 for an hour is not the usual.
    history = [ci(0, 1, 5), ci(0.1, 0, 0, K.AFTER), ci(1, 1, 5)]
    assert usual_pain(history, ci(2, 0, 0).at) == Usual(1.0, 5.0, 2)
    # Weeks without a check-in: the last ones made are the usual still.
    assert usual_pain([ci(0, 1, 2)], ci(40, 0, 0).at) == Usual(1.0, 2.0, 1)
    assert usual_pain([ci(0, 1, 1)], ci(91, 0, 0).at) is None
    # Several check-ins on one day weigh as that one day.
    many = [ci(0, 0, 0), ci(0.2, 0, 0), ci(0.4, 0, 0), ci(1, 0, 6)]
    assert usual_pain(many, ci(2, 0, 0).at) == Usual(0.0, 3.0, 2)


def test_nerve_advice_leads_then_severe_then_higher_than_usual() -> None:
    history = [ci(0, 1, 2), ci(1, 1, 2), ci(2, 1, 2)]
    numb = said(ci(3, 1, 9, numbness=True), history)
    assert numb.nerve.any and numb.severe and numb.pain_up
    assert "safety questions" in numb.advice
    severe = said(ci(3, 1, 9), history)
    assert "severe" in severe.advice
    # Every reason is listed under the advice.
    assert any("8 and above" in r for r in severe.reasons)
    assert any("usual is about 2.0" in r for r in severe.reasons)


def test_nothing_to_say_reads_as_before() -> None:
    now = respond(ci(0, 1, 1), NerveSigns(), None)
    assert not now.ease_off and now.advice == "" and now.reasons == ()
