"""A clinician's walk through the app, one story per test: what the person
is told at each step of a few weeks, through the same core rules the flow
calls (``Diary`` in test_clinical_scenarios passes them what the flow does).
The properties over random diaries are in test_clinical_scenarios.py; these
are the stories a physiotherapist would try first, kept so each stays right.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.core.test_clinical_scenarios import Answers, Diary, K, _t, fine

from stretchguide.core import plan as P  # noqa: N812
from stretchguide.core.catalog import load_builtin
from stretchguide.core.red_flags import Urgency, check_red_flags
from stretchguide.core.safety import PainLevel, PainThresholds
from stretchguide.core.trends import Extent, VerdictKind, fourteen_day_verdict
from stretchguide.core.verdict_words import professional_advice, verdict_headline


def _today(day: int):
    return datetime.fromtimestamp(_t(day), tz=UTC).date()


def test_new_weakness_after_three_weeks_of_getting_better() -> None:
    """Leg pain 6 falling to 1 over three weeks of daily sessions, then a
    check-in with weakness: never "fine", and the two-week view, though
    the pain got better, names the weakness and a professional and holds
    the plan's step up."""
    d = Diary()
    for day in range(21):
        leg = max(1, 6 - day // 4)
        d.session(_t(day), Answers(leg=leg, back=1), Answers(leg=leg, back=1))
    said = d.said_now(_t(21), Answers(leg=1, back=1, weakness=True))
    assert said.nerve.new_weakness and not fine(said)
    v = fourteen_day_verdict(d.checkins, _today(21))
    assert v.kind in (VerdictKind.IMPROVING, VerdictKind.SETTLED)  # 4 down to 1.3
    assert any("Weakness" in n for n in v.nerve)
    assert professional_advice(v) is not None and P.holds_step_up(v)


def test_new_numbness_on_the_first_day() -> None:
    """The very first check-in has numbness: nothing to compare with, so it
    is new, and the safety questions come up."""
    said = Diary().said_now(_t(0), Answers(numbness=True))
    assert said.nerve.new_numbness and said.nerve.any and not fine(said)  # any: the questions


def test_pain_falls_while_symptoms_spread_down_the_leg() -> None:
    """Before a session: leg 5 in the thigh. After: leg 2 into the foot. The
    number fell; the nerve sign did not. The session, the next day's check-in
    (still in the foot) and the two weeks all say so."""
    d = Diary()
    for day in range(8):
        d.checkin(_t(day), Answers(leg=5, extent=Extent.THIGH))
    _, verdict = d.session(
        _t(8), Answers(leg=5, extent=Extent.THIGH), Answers(leg=2, extent=Extent.FOOT)
    )
    assert verdict is not None and verdict.level is PainLevel.EASE_OFF
    next_day = d.said_now(_t(9), Answers(leg=2, extent=Extent.FOOT))
    assert not fine(next_day)
    for day in range(10, 14):
        d.checkin(_t(day), Answers(leg=2, extent=Extent.FOOT))
    v = fourteen_day_verdict(d.checkins, _today(13))
    assert v.kind is VerdictKind.WORSE, v.reasons
    assert "worse" in verdict_headline(v)


def test_urgent_and_soon_signs_from_the_sources() -> None:
    """Both legs, saddle, bladder or bowel: stop and get help today (NHS).
    Fever, weight loss, cancer, a fall, pain at night: a doctor within days
    (NHS, NICE NG59; article 003 names trauma and tumours among causes)."""
    for urgent in (
        "both_legs",
        "saddle_numbness",
        "bladder_bowel",
        "bladder_start",
        "bowel_sense",
        "sexual_function",
        "worsening_weakness",
    ):
        result = check_red_flags({urgent: True})
        assert result.urgency is Urgency.URGENT and result.stop_self_care, urgent
    for soon in ("fever", "weight_loss", "cancer_history", "trauma", "night_pain"):
        result = check_red_flags({soon: True})
        assert result.urgency is Urgency.SOON and not result.stop_self_care, soon
        assert "doctor" in result.message


def test_this_hurts_pressed_three_times_in_one_session_steps_that_exercise_back() -> None:
    """Three presses on one exercise in a session, low pain numbers after:
    the session reads "ease off", and the plan offers that exercise a step
    back and no step up anywhere."""
    d = Diary()
    d.checkin(_t(0), Answers(leg=2))
    _, verdict = d.session(_t(1), Answers(leg=2), Answers(leg=1), hurts=3)
    assert verdict is not None and verdict.level is PainLevel.EASE_OFF
    r = load_builtin().routines["article_001_seven_best"]
    sore = r.items[1].exercise_id
    s = d.sessions[-1]
    thresholds = PainThresholds()
    recent = {
        i.exercise_id: [
            P.evidence(
                before=s[K.BEFORE],
                after=s[K.AFTER],
                thresholds=thresholds,
                hurts=3 if i.exercise_id == sore else 0,
                session_hurts=3,
            )
        ]
        for i in r.items
    }
    offers = P.offers_for(r, P.PlanState(r.id, _today(1)), recent, {})
    assert all(o.direction is P.Direction.DOWN for o in offers)
    assert [o.exercise_id for o in offers] == [sore]
