"""Nerve signs the review of Dec 4 found called "fine": new tingling, numbness
a session brought on that is still there the next morning, symptoms reaching
further down the leg than last time, and a newest day's spread hidden in
the 14-day verdict."""

from __future__ import annotations

from tests.core.test_trends import TODAY, ci

from stretchguide.core.safety import (
    SPREAD_SINCE_ADVICE,
    TINGLING_ADVICE,
    PainLevel,
    nerve_advice,
    nerve_signs,
    pain_response,
)
from stretchguide.core.trends import CheckIn, CheckInKind, Extent, VerdictKind, fourteen_day_verdict


def at(
    t: int,
    kind: CheckInKind = CheckInKind.ANY,
    *,
    leg: int = 2,
    extent: Extent = Extent.THIGH,
    tingling: bool = False,
    numbness: bool = False,
) -> CheckIn:
    return CheckIn(t, kind, 1, leg, extent, tingling=tingling, numbness=numbness, id=t)


def test_new_tingling_after_a_session_is_never_fine() -> None:
    before = at(1, CheckInKind.BEFORE)
    after = at(2, CheckInKind.AFTER, tingling=True)
    r = pain_response(before=before, after=after, previous=before)
    assert r.level is PainLevel.EASE_OFF
    assert "tingling" in " ".join(r.reasons).lower()
    assert r.advice.startswith(TINGLING_ADVICE)
    # Ease off, but not one of the urgent signs: no questions for a doctor today.
    assert not r.ask_red_flags
    # Tingling that was there before the session is not new.
    known = pain_response(before=at(1, tingling=True), after=at(2, tingling=True))
    assert known.level is PainLevel.FINE


def test_numbness_a_session_brought_on_is_still_new_the_next_morning() -> None:
    before = at(1, CheckInKind.BEFORE)
    after = at(2, CheckInKind.AFTER, numbness=True)
    morning = at(3, CheckInKind.NEXT_MORNING, numbness=True)
    # The app passes the latest check-in before the morning (the after one)
    # as ``previous``; against it the numbness was not new, and "fine".
    r = pain_response(before=before, after=after, next_morning=morning, previous=after)
    assert r.level is PainLevel.EASE_OFF and r.ask_red_flags
    assert "That looks fine" not in r.advice
    # Numbness there before the session as well is known, not new.
    known = pain_response(
        before=at(1, numbness=True), after=after, next_morning=morning, previous=after
    )
    assert not known.nerve.new_numbness


def test_symptoms_further_down_than_last_time_are_a_nerve_sign() -> None:
    buttock, foot = at(1, extent=Extent.BUTTOCK), at(2, extent=Extent.FOOT)
    signs = nerve_signs(foot, buttock, buttock)
    assert signs.spread and signs.ease_off and not signs.any
    assert nerve_advice(signs) == SPREAD_SINCE_ADVICE
    assert not nerve_signs(at(2, extent=Extent.BUTTOCK), foot, foot).spread
    assert not nerve_signs(foot, None).spread  # nothing to compare


def test_further_down_is_judged_against_the_time_between_sessions_not_just_after_one() -> None:
    # Re-review N1: symptoms at the thigh before each session, at the buttock
    # just after it, at the thigh again the next day. Against the after
    # check-in that was "further down than last time" before every session.
    from stretchguide.core.safety import baseline_checkin

    history = [
        at(1, CheckInKind.BEFORE, extent=Extent.THIGH),
        at(2, CheckInKind.AFTER, extent=Extent.BUTTOCK),
    ]
    today = at(3, CheckInKind.BEFORE, extent=Extent.THIGH)
    base = baseline_checkin(history, 3)
    assert base is history[0]
    assert not nerve_signs(today, history[-1], base).spread
    worse = at(3, CheckInKind.BEFORE, extent=Extent.BELOW_KNEE)
    assert nerve_signs(worse, history[-1], base).spread


def test_the_next_morning_is_never_compared_with_the_after_check_in() -> None:
    # Re-review N2: with no check-in before the session, numbness the session
    # brought on was "known" the next morning, compared with the after one.
    after = at(2, CheckInKind.AFTER, numbness=True)
    morning = at(3, CheckInKind.NEXT_MORNING, numbness=True)
    r = pain_response(before=None, after=after, next_morning=morning, previous=None)
    assert r.level is PainLevel.EASE_OFF and r.ask_red_flags
    # An earlier day without numbness is the ground, when there is one.
    r = pain_response(before=None, after=after, next_morning=morning, previous=at(0))
    assert r.nerve.new_numbness


def test_the_morning_says_before_the_session_not_last_time() -> None:
    # Re-review N4: the numbness was reported last night, after the session.
    before = at(1, CheckInKind.BEFORE)
    after = at(2, CheckInKind.AFTER, numbness=True)
    morning = at(3, CheckInKind.NEXT_MORNING, numbness=True)
    r = pain_response(before=before, after=after, next_morning=morning, previous=after)
    text = " ".join(r.reasons)
    assert "before the session" in text and "last time" not in text


def test_tingling_with_nothing_to_compare_is_new_as_the_plan_says() -> None:
    # Re-review N5: the verdict said "fine", the plan stepped back for it.
    from stretchguide.core.plan import evidence
    from stretchguide.core.safety import PainThresholds

    after = at(2, CheckInKind.AFTER, tingling=True)
    r = pain_response(before=None, after=after)
    assert r.level is PainLevel.EASE_OFF
    assert evidence(before=None, after=after, thresholds=PainThresholds()).new_nerve


def test_the_verdict_does_not_hide_the_newest_days_spread() -> None:
    # 13 days at the thigh, today into the foot: the middle of the last three
    # days was still the thigh, and the verdict said "stays above the knee".
    days = [ci(d, 1, 2, Extent.THIGH) for d in range(13)] + [ci(13, 1, 2, Extent.FOOT)]
    v = fourteen_day_verdict(days, TODAY)
    assert v.kind is not VerdictKind.SETTLED and v.see_professional and v.spread_latest
    assert any("further down the leg" in r for r in v.reasons)
    from stretchguide.core.verdict_words import professional_advice

    advice = professional_advice(v)
    assert advice is not None and "further down the leg" in advice
    assert not any("as far down the leg" in r for r in v.reasons)  # not both


def test_one_spread_day_does_not_call_two_weeks_of_falling_pain_worse() -> None:
    # The screenshots' history: leg pain 7 -> 4, the newest day's after-session
    # check-in below the knee. The headline said "got worse" against the chart.
    days = [ci(d, 5, 7, Extent.THIGH) for d in range(7)]
    days += [ci(7 + d, 3, 4, Extent.THIGH) for d in range(6)]
    days += [ci(13, 3, 4, Extent.BELOW_KNEE)]
    v = fourteen_day_verdict(days, TODAY)
    assert v.kind is VerdictKind.IMPROVING
    assert v.spread_latest and v.see_professional


def test_settled_needs_every_latest_day_above_the_knee() -> None:
    start = [ci(d, 1, 2, Extent.BELOW_KNEE) for d in range(7)]
    # The latest three: thigh, below the knee, thigh. Not "stays above the knee".
    latest = [ci(7 + d, 1, 1, Extent.THIGH) for d in range(4)]
    latest += [
        ci(11, 1, 1, Extent.THIGH),
        ci(12, 1, 1, Extent.BELOW_KNEE),
        ci(13, 1, 1, Extent.THIGH),
    ]
    v = fourteen_day_verdict(start + latest, TODAY)
    assert v.kind is not VerdictKind.SETTLED
    assert not any("stays above the knee" in r for r in v.reasons)


DAY = 86400


def test_numbness_since_walks_back_over_the_unbroken_run() -> None:
    from stretchguide.core.safety import numbness_since

    history = [
        at(0 * DAY, numbness=True),  # an older run, broken by the next one
        at(1 * DAY),
        at(2 * DAY, numbness=True),
        at(3 * DAY, CheckInKind.BEFORE, numbness=True),
    ]
    now = CheckIn(4 * DAY, CheckInKind.ANY, 1, 2, Extent.THIGH, numbness=True)
    assert numbness_since(history, now) == 2 * DAY
    assert numbness_since(history, at(4 * DAY)) is None  # no numbness now
    # The history read starts inside the run: its oldest check-in, never later.
    assert numbness_since(history[2:], now) == 2 * DAY
    assert numbness_since([], now) == 4 * DAY


def test_numbness_first_reported_days_ago_is_recent_not_fine() -> None:
    from stretchguide.core.safety import RECENT_NUMBNESS_ADVICE

    before = at(5 * DAY, CheckInKind.BEFORE, numbness=True)
    after = at(5 * DAY + 3600, CheckInKind.AFTER, numbness=True)
    r = pain_response(before=before, after=after, previous=before, numbness_from=3 * DAY)
    assert r.level is PainLevel.EASE_OFF
    assert r.nerve.recent_numbness and not r.nerve.new_numbness
    assert not r.ask_red_flags  # asked when it was new
    assert r.advice.startswith(RECENT_NUMBNESS_ADVICE)
    signs = nerve_signs(after, before, numbness_from=3 * DAY)
    assert signs.ease_off and nerve_advice(signs) == RECENT_NUMBNESS_ADVICE


def test_numbness_first_reported_two_weeks_ago_is_no_longer_recent() -> None:
    before = at(20 * DAY, CheckInKind.BEFORE, numbness=True)
    after = at(20 * DAY + 3600, CheckInKind.AFTER, numbness=True)
    r = pain_response(before=before, after=after, previous=before, numbness_from=6 * DAY)
    assert not r.nerve.recent_numbness
    assert r.level is not PainLevel.EASE_OFF


def test_numbness_first_reported_in_the_future_counts_as_recent() -> None:
    # The clock went back since: safer to say it than to call it usual.
    now = at(2 * DAY, numbness=True)
    signs = nerve_signs(now, at(DAY, numbness=True), numbness_from=9 * DAY)
    assert signs.recent_numbness


def test_spread_against_the_check_in_before_a_session_says_so() -> None:
    # Below the knee before the last session, the foot after it and now: the
    # after check-in said "foot" too, so "than at your last check-in" was untrue.
    before = at(DAY, CheckInKind.BEFORE, extent=Extent.BELOW_KNEE)
    after = at(DAY + 3600, CheckInKind.AFTER, extent=Extent.FOOT)
    now = at(2 * DAY, CheckInKind.BEFORE, extent=Extent.FOOT)
    reasons = nerve_signs(now, after, before).reasons
    assert reasons == ("Symptoms reach further down the leg than before your last session.",)
    between = at(DAY, extent=Extent.BELOW_KNEE)
    assert nerve_signs(now, between, between).reasons == (
        "Symptoms reach further down the leg than at your last check-in.",
    )


def test_spread_since_finds_when_symptoms_reached_this_far() -> None:
    from stretchguide.core.safety import spread_since

    history = [
        at(1 * DAY, CheckInKind.BEFORE, extent=Extent.BELOW_KNEE),
        at(1 * DAY + 3600, CheckInKind.AFTER, extent=Extent.FOOT),
        at(2 * DAY, CheckInKind.NEXT_MORNING, extent=Extent.FOOT),
    ]
    now = at(3 * DAY, CheckInKind.BEFORE, extent=Extent.FOOT)
    # The after check-in is left out (a session may move symptoms for an
    # hour): the spread is seen from the next morning on.
    assert spread_since(history, now) == 2 * DAY
    # That far in every check-in read: the person's usual, no spread seen.
    assert spread_since(history[1:], now) is None
    assert spread_since(history, at(3 * DAY, extent=Extent.NONE)) is None
    # Eased during a session and back by the next check-in: not a spread.
    eased = [
        at(1 * DAY, CheckInKind.BEFORE, extent=Extent.FOOT),
        at(1 * DAY + 3600, CheckInKind.AFTER, extent=Extent.THIGH),
    ]
    assert spread_since(eased, now) is None


def test_symptoms_that_stayed_where_they_spread_are_never_fine() -> None:
    from stretchguide.core.safety import SPREAD_STAYED_ADVICE

    before = at(3 * DAY, CheckInKind.BEFORE, extent=Extent.FOOT)
    now = at(3 * DAY + 3600, CheckInKind.AFTER, extent=Extent.FOOT)
    signs = nerve_signs(before, before, before, spread_from=2 * DAY)
    assert signs.spread_stayed and signs.ease_off and not signs.any
    assert nerve_advice(signs) == SPREAD_STAYED_ADVICE
    assert "as when they spread there" in " ".join(signs.reasons)
    r = pain_response(before=before, after=now, spread_from=2 * DAY)
    assert r.level is PainLevel.EASE_OFF and r.advice.startswith(SPREAD_STAYED_ADVICE)
    # Two weeks on it is where the symptoms are now.
    assert not nerve_signs(before, before, before, spread_from=before.at - 15 * DAY).spread_stayed
    # A spread in this very session is said as a spread, not as one that stayed.
    lower = at(3 * DAY, CheckInKind.BEFORE, extent=Extent.BELOW_KNEE)
    spread_now = pain_response(before=lower, after=now, spread_from=now.at)
    assert spread_now.spread and not spread_now.nerve.spread_stayed


def test_numbness_every_day_for_weeks_is_not_recent_and_the_walk_stays_short() -> None:
    from stretchguide.core.safety import numbness_since

    # Five check-ins a day for 90 days, numbness in every one.
    history = [at(i * DAY // 5, numbness=True) for i in range(1, 450)]
    now = CheckIn(90 * DAY, CheckInKind.ANY, 1, 2, Extent.THIGH, numbness=True)
    since = numbness_since(history, now)
    assert since is not None and now.at - since >= 14 * DAY
    assert not nerve_signs(now, history[-1], numbness_from=since).recent_numbness
    # A history that starts ten days ago with numbness: first reported then.
    short = [c for c in history if c.at >= 80 * DAY]
    assert numbness_since(short, now) == short[0].at


def test_numbness_started_days_ago_is_said_before_there_is_a_two_week_trend() -> None:
    # A new person, three days of check-ins: the numbness of the third day
    # was hidden behind "check in on a few more days".
    from dataclasses import replace

    from tests.core.test_trends import MON

    from stretchguide.core.trends import local_day
    from stretchguide.core.verdict_words import SEE_PROFESSIONAL_NERVE, professional_advice

    days = [ci(0, 2, 3, Extent.THIGH), ci(1, 2, 3, Extent.THIGH), ci(2, 2, 3, Extent.THIGH)]
    days[-1] = replace(days[-1], numbness=True)
    today = local_day(MON + 2 * DAY, 0)
    v = fourteen_day_verdict(days, today)
    assert v.kind is VerdictKind.NOT_ENOUGH_DATA
    assert v.see_professional and "Numbness has started" in " ".join(v.reasons)
    advice = professional_advice(v)
    assert advice is not None and SEE_PROFESSIONAL_NERVE in advice
    # Numbness from the first day on is the person as they came: no trend to tell.
    same = [replace(c, numbness=True) for c in days]
    assert not fourteen_day_verdict(same, today).see_professional


def test_numbness_first_reported_after_the_first_session_is_said_on_day_one() -> None:
    # The first day of use: a "before" check-in without numbness, and after
    # the session numbness. The history page said only "check in on a few
    # more days": the first day was the start, so nothing on it was new.
    from dataclasses import replace

    from tests.core.test_trends import MON

    from stretchguide.core.trends import local_day

    before = ci(0, 3, 4, Extent.THIGH)
    after = replace(before, at=before.at + 1200, leg=6, numbness=True)
    today = local_day(MON, 0)
    v = fourteen_day_verdict([before, after], today)
    assert v.kind is VerdictKind.NOT_ENOUGH_DATA
    assert v.see_professional and "Numbness has started" in " ".join(v.reasons)
    # Numbness in the first check-in too: the person as they came.
    usual = [replace(before, numbness=True), after]
    assert not fourteen_day_verdict(usual, today).see_professional
