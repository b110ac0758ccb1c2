"""Red flags, the after-session pain rule and the see-a-professional advice."""

from __future__ import annotations

import pytest

from stretchguide.core.safety import (
    NOT_A_DIAGNOSIS,
    RED_FLAGS,
    PainLevel,
    PainThresholds,
    Urgency,
    check_red_flags,
    pain_response,
)
from stretchguide.core.trends import CheckIn, CheckInKind, Extent, Verdict, VerdictKind
from stretchguide.core.verdict_words import professional_advice

# The NHS cauda equina list, and the NHS / NICE NG59 "see a doctor" signs.
URGENT_IDS = {
    "both_legs",
    "saddle_numbness",
    "bladder_bowel",
    "bladder_start",
    "bowel_sense",
    "sexual_function",
    "worsening_weakness",
}
SOON_IDS = {
    "fever",
    "unwell",
    "weight_loss",
    "cancer_history",
    "trauma",
    "fragile_bones",
    "over_50_new",
    "weak_immunity",
    "night_pain",
}


def c(back: int, leg: int, extent: Extent = Extent.THIGH) -> CheckIn:
    return CheckIn(0, CheckInKind.ANY, back, leg, extent)


def test_red_flags_cover_the_urgent_and_see_soon_signs() -> None:
    assert {f.id for f in RED_FLAGS if f.urgency is Urgency.URGENT} == URGENT_IDS
    assert {f.id for f in RED_FLAGS if f.urgency is Urgency.SOON} == SOON_IDS
    assert all(f.question.endswith("?") for f in RED_FLAGS)


@pytest.mark.parametrize("flag", sorted(URGENT_IDS))
def test_any_urgent_sign_stops_self_care(flag: str) -> None:
    result = check_red_flags({flag: True, "fever": True, "trauma": False})
    assert result.urgency is Urgency.URGENT and result.stop_self_care
    assert result.flags[0].id == flag  # most urgent first
    assert "today" in result.message and result.message.endswith(NOT_A_DIAGNOSIS)


@pytest.mark.parametrize("flag", sorted(SOON_IDS))
def test_each_see_soon_sign_alone_asks_for_a_doctor_soon(flag: str) -> None:
    result = check_red_flags([flag])
    assert result.urgency is Urgency.SOON and not result.stop_self_care
    assert "appointment" in result.message


def test_no_yes_answers_means_no_red_flag() -> None:
    result = check_red_flags({f.id: False for f in RED_FLAGS})
    assert result.urgency is Urgency.NONE and result.flags == ()


def test_an_unknown_red_flag_id_is_an_error_not_ignored() -> None:
    with pytest.raises(KeyError):
        check_red_flags({"bladder": False})


@pytest.mark.parametrize(
    ("peak", "level"),
    [
        (0, PainLevel.FINE),
        (3, PainLevel.FINE),
        (4, PainLevel.ACCEPTABLE),
        (5, PainLevel.ACCEPTABLE),
        (6, PainLevel.EASE_OFF),
        (10, PainLevel.EASE_OFF),
    ],
)
def test_pain_after_a_session_is_judged_by_the_thresholds(peak: int, level: PainLevel) -> None:
    result = pain_response(before=c(2, 2), after=c(0, peak))
    assert result.level is level and result.peak == peak
    assert result.advice.endswith(NOT_A_DIAGNOSIS)


def test_pain_during_the_session_counts_toward_the_peak() -> None:
    assert pain_response(before=None, after=c(1, 2), during_peak=7).level is PainLevel.EASE_OFF


def test_worse_next_morning_than_before_means_ease_off() -> None:
    result = pain_response(before=c(2, 3), after=c(1, 2), next_morning=c(2, 4))
    assert result.level is PainLevel.EASE_OFF
    assert "next morning" in result.reasons[0]
    assert "shorter holds" in result.advice


def test_same_next_morning_as_before_is_fine() -> None:
    assert pain_response(before=c(2, 3), after=None, next_morning=c(3, 2)).level is PainLevel.FINE


def test_symptoms_spreading_down_the_leg_mean_ease_off_even_at_low_pain() -> None:
    result = pain_response(before=c(1, 2, Extent.THIGH), after=c(1, 2, Extent.BELOW_KNEE))
    assert result.level is PainLevel.EASE_OFF
    assert any("further down the leg" in r for r in result.reasons)
    # Said plainly where to go with it: spreading pain is a nerve sign.
    assert "see a doctor or physiotherapist" in result.advice
    morning = pain_response(
        before=c(1, 2, Extent.THIGH), after=None, next_morning=c(1, 2, Extent.FOOT)
    )
    assert morning.level is PainLevel.EASE_OFF
    assert "see a doctor or physiotherapist" in morning.advice
    # Ease off for pain alone, with the leg no worse: no such line.
    high = pain_response(before=c(1, 2, Extent.THIGH), after=c(7, 2, Extent.THIGH))
    assert high.level is PainLevel.EASE_OFF
    assert "nerve sign" not in high.advice


def test_spreading_after_two_sessions_in_a_row_sends_to_a_professional_first() -> None:
    from stretchguide.core.safety import spread_down_the_leg

    before, after = c(1, 2, Extent.THIGH), c(1, 2, Extent.BELOW_KNEE)
    again = pain_response(before=before, after=after, spread_last_time=True)
    assert again.level is PainLevel.EASE_OFF and again.spread_again
    assert again.advice.startswith("The pain has reached further down the leg after two")
    assert "before you go on with these exercises" in again.advice
    assert any("session before this one too" in r for r in again.reasons)
    # Spread last time but not this time: this session is judged as it is.
    settled = pain_response(before=before, after=c(1, 2, Extent.THIGH), spread_last_time=True)
    assert not settled.spread_again and "two sessions" not in settled.advice
    assert spread_down_the_leg(before, after)
    assert spread_down_the_leg(before, None, c(1, 1, Extent.FOOT))
    assert not spread_down_the_leg(before, c(3, 3, Extent.BUTTOCK))
    assert not spread_down_the_leg(None, after)


def test_thresholds_are_configurable_and_validated() -> None:
    strict = PainThresholds(fine_max=1, acceptable_max=2)
    assert pain_response(before=None, after=c(0, 2), thresholds=strict).level is (
        PainLevel.ACCEPTABLE
    )
    assert pain_response(before=None, after=c(0, 3), thresholds=strict).level is (
        PainLevel.EASE_OFF
    )
    with pytest.raises(ValueError):
        PainThresholds(fine_max=6, acceptable_max=5)


def test_nothing_to_judge_gives_unknown() -> None:
    assert pain_response(before=c(2, 2), after=None).level is PainLevel.UNKNOWN


@pytest.mark.parametrize(
    ("kind", "advised"),
    [
        (VerdictKind.WORSE, True),
        (VerdictKind.NO_CHANGE, True),
        (VerdictKind.IMPROVING, False),
        (VerdictKind.NOT_ENOUGH_DATA, False),
    ],
)
def test_see_a_professional_after_two_weeks_without_improvement(
    kind: VerdictKind, advised: bool
) -> None:
    advice = professional_advice(Verdict(kind))
    assert (advice is not None) is advised
    assert Verdict(kind).see_professional is advised
    if advice is not None:
        assert "doctor or physiotherapist" in advice and advice.endswith(NOT_A_DIAGNOSIS)


def n(
    at: int, *, numb: bool = False, weak: bool = False, leg: int = 3, extent: Extent = Extent.THIGH
) -> CheckIn:
    return CheckIn(at, CheckInKind.ANY, 2, leg, extent, numbness=numb, weakness=weak, id=at)


def test_numbness_not_there_last_time_is_new_and_never_fine() -> None:
    from stretchguide.core.safety import nerve_signs

    signs = nerve_signs(n(2, numb=True), n(1))
    assert signs.new_numbness and signs.any
    assert not nerve_signs(n(2, numb=True), n(1, numb=True)).any  # known, not new
    # With nothing to compare with, it counts as new.
    assert nerve_signs(n(2, numb=True), None).new_numbness
    r = pain_response(before=c(2, 2), after=n(3, numb=True, leg=1), previous=n(1))
    assert r.level is PainLevel.EASE_OFF and r.ask_red_flags
    assert "That looks fine" not in r.advice and "today" in r.advice


def test_weakness_reported_again_and_again_points_to_a_professional() -> None:
    from stretchguide.core.safety import nerve_signs

    signs = nerve_signs(n(2, weak=True), n(1, weak=True))
    assert signs.persisting_weakness and not signs.new_weakness
    r = pain_response(before=n(1, weak=True), after=n(2, weak=True, leg=1))
    assert r.level is PainLevel.EASE_OFF and "physiotherapist" in r.advice


def test_the_previous_checkin_is_the_latest_one_before() -> None:
    from stretchguide.core.safety import previous_checkin

    history = [n(5), n(1), n(9), n(3)]
    assert previous_checkin(history, 6).at == 5
    assert previous_checkin(history, 9, exclude_id=9).at == 5
    assert previous_checkin(history, 0) is None


def test_leg_pain_down_and_symptoms_moving_up_are_called_good() -> None:
    r = pain_response(
        before=c(3, 6, Extent.BELOW_KNEE), after=c(3, 4, Extent.THIGH), during_peak=None
    )
    assert any("Leg pain went down" in g for g in r.good)
    assert any("up the leg" in g for g in r.good)
    # What changed, not a claim about the nerve that no source makes.
    assert not any("sign" in g for g in r.good if "up the leg" in g)
    worse = pain_response(before=c(3, 4, Extent.THIGH), after=c(3, 4, Extent.THIGH))
    assert worse.good == ()


def test_verdict_reasons_use_plain_words_not_within_five() -> None:
    r = pain_response(before=c(2, 2), after=c(2, 5))
    assert r.level is PainLevel.ACCEPTABLE
    assert not any("within" in reason for reason in r.reasons)
    assert "5 out of 10" in r.reasons[0]


def test_an_urgent_answer_stands_until_seen_by_a_doctor() -> None:
    from stretchguide.core.safety import urgent_still_open

    assert not urgent_still_open(0.0, 0.0)
    assert urgent_still_open(100.0, 0.0)
    assert urgent_still_open(100.0, 50.0)  # seen before, not since
    assert not urgent_still_open(100.0, 150.0)


def test_every_answer_is_kept_with_the_result() -> None:
    answers = {f.id: f.id == "fever" for f in RED_FLAGS}
    assert check_red_flags(answers).answers == answers


def test_a_verdict_that_leans_on_the_pain_limits_says_they_are_stretchguides() -> None:
    # No article gives 3 and 5: the app must say whose numbers they are.
    from stretchguide.core.safety import PainThresholds, pain_response
    from stretchguide.core.trends import CheckIn, CheckInKind, Extent

    before = CheckIn(1, CheckInKind.BEFORE, 2, 2, Extent.THIGH)
    for worst, level in ((7, "ease_off"), (4, "acceptable")):
        after = CheckIn(2, CheckInKind.AFTER, worst, 2, Extent.THIGH)
        r = pain_response(before=before, after=after, thresholds=PainThresholds(3, 5))
        assert r.level.value == level
        assert "(3 fine, 5 all right, out of 10) are StretchGuide's" in " ".join(r.reasons)
    own = pain_response(
        before=before,
        after=CheckIn(2, CheckInKind.AFTER, 7, 2, Extent.THIGH),
        thresholds=PainThresholds(2, 6),
    )
    assert "(2 fine, 6 all right" in " ".join(own.reasons)
