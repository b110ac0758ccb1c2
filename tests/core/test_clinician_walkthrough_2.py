"""A clinician's walk through the app, round 2: the stories round 1
(test_clinician_walkthrough.py, test_clinical_scenarios.py) did not try.
Each test is one story and the rule it holds (docs/CLINICAL.md names it)."""

from __future__ import annotations

from datetime import date

from stretchguide.core import plan as P  # noqa: N812
from stretchguide.core.catalog import load_builtin
from stretchguide.core.safety import PainThresholds
from stretchguide.core.trends import CheckIn, CheckInKind, Extent

DAY = 86400
K = CheckInKind


def _sessions(**signs: bool) -> list[P.SessionEvidence]:
    """Three sessions at leg pain 2 below the knee, the same symptoms before
    and after each: nothing new, nothing spread, no "this hurts"."""
    out = []
    for i in range(3):
        at = 1_767_000_000 + i * DAY
        before = CheckIn(at, K.BEFORE, 1, 2, Extent.BELOW_KNEE, id=2 * i + 1, **signs)
        after = CheckIn(at + 1800, K.AFTER, 1, 2, Extent.BELOW_KNEE, id=2 * i + 2, **signs)
        out.append(P.evidence(before=before, after=after, thresholds=PainThresholds()))
    return out


def test_no_more_nerve_stretching_while_sessions_end_with_tingling_or_numbness() -> None:
    """Article 004's nerve glides: reduce the stretch if it brings on
    tingling, pain or numbness. Tingling and numbness before and after
    every session (so never "new") drew "nerve glide: try 27 reps instead
    of 25 reps, because your last 3 sessions were fine"."""
    catalog = load_builtin()
    nerve = P.nerve_exercises(catalog)
    assert {"nerve_glide_ankle", "nerve_floss_helper", "nerve_glide_knee"} <= nerve
    r = catalog.routines["cause_irritated_nerve"]
    state = P.PlanState(r.id, date(2026, 1, 1))
    for signs in ({"tingling": True}, {"numbness": True}, {"weakness": True}):
        ev = _sessions(**signs)
        assert all(e.nerve_after for e in ev)
        by_item = {i.exercise_id: ev for i in r.items}
        offers = P.offers_for(r, state, by_item, {}, nerve_ids=nerve)
        # Weakness twice in a row steps back already (CLINICAL.md 2).
        assert all(o.direction is P.Direction.DOWN for o in offers), signs
    # The same sessions without them still earn the article's next step.
    clear = {i.exercise_id: _sessions() for i in r.items}
    offers = P.offers_for(r, state, clear, {}, nerve_ids=nerve)
    assert [o.exercise_id for o in offers] == ["nerve_glide_ankle"]


def test_long_standing_tingling_still_lets_a_strengthening_exercise_step_up() -> None:
    """Judged right and kept: outside the nerve exercises, symptoms that are
    the person's usual (nothing new, nothing spreading) do not hold a step
    up (docs/CLINICAL.md 2 and 8). Article 001's clam shell, 15 to 20."""
    catalog = load_builtin()
    r = catalog.routines["article_001_seven_best"]
    ev = _sessions(tingling=True)
    offers = P.offers_for(
        r,
        P.PlanState(r.id, date(2026, 1, 1)),
        {i.exercise_id: ev for i in r.items},
        {},
        nerve_ids=P.nerve_exercises(catalog),
    )
    assert "clam_shell" in {o.exercise_id for o in offers if o.direction is P.Direction.UP}


def test_a_painful_leg_that_changes_sides_asks_about_both_legs() -> None:
    """Only a change from one named leg to the other asks; naming a leg
    for the first time, "both" (which asks the safety questions itself) or
    "not sure" do not. In every language."""
    from stretchguide.core import i18n
    from stretchguide.core.checkin_now import other_leg_note

    for before, now in ((None, "left"), ("unsure", "right"), ("left", "both"), ("both", "left")):
        assert other_leg_note(before, now) is None
    assert "If the left leg still has pain" in (other_leg_note("left", "right") or "")
    assert "If the right leg still has pain" in (other_leg_note("right", "left") or "")
    english = other_leg_note("left", "right")
    for lang in ("de", "es", "fr"):
        i18n.set_language(lang)
        try:
            assert other_leg_note("left", "right") not in (None, english), lang
        finally:
            i18n.set_language("en")


def test_no_word_says_what_a_symptom_means_for_the_nerve_as_a_fact() -> None:
    """Article 004 says too intense a stretch "may suggest" the nerve is too
    irritable, and to ease off at tingling. "New tingling means the nerve
    has had enough" and "Too intense means the nerve is not ready" said
    more, as facts. Every English text the app can show is checked."""
    import re
    from pathlib import Path

    import stretchguide

    pot = Path(stretchguide.__file__).parent / "locale" / "stretchguide.pot"
    # "can mean" and "may mean" say what it might be, as the sources do.
    said_as_fact = re.compile(r"(?<!can )(?<!may )\bmeans?\b[^.:]*\bnerve\b", re.IGNORECASE)
    found = [
        line
        for line in pot.read_text(encoding="utf-8").splitlines()
        if line.startswith("msgid") and said_as_fact.search(line)
    ]
    assert found == []


def _twice_a_week(legs: list[int], extent: Extent = Extent.FOOT) -> tuple[list[CheckIn], date]:
    """Check-ins on Mondays and Thursdays, leg pain from ``legs`` in turn:
    never the three days a week the trend needs."""
    from datetime import UTC, datetime

    t0 = int(datetime(2026, 1, 5, 9, tzinfo=UTC).timestamp())
    out = []
    for i, leg in enumerate(legs):
        at = t0 + (i // 2 * 7 + i % 2 * 3) * DAY
        out.append(CheckIn(at, K.ANY, 2, leg, extent, utc_offset=0, id=i + 1))
    return out, datetime.fromtimestamp(out[-1].at, UTC).date()


def test_weeks_of_sparse_check_ins_no_better_name_a_professional() -> None:
    """Article 004: no better after two weeks, see a professional. Eight
    weeks of check-ins twice a week, leg pain 6 into the foot each time,
    read only "Check in on a few more days to see a two-week trend." in
    History, `stretchguide stats` and the report."""
    from stretchguide.core.trends import VerdictKind, fourteen_day_verdict
    from stretchguide.core.verdict_words import SEE_PROFESSIONAL_NO_CHANGE, verdict_advice

    checkins, today = _twice_a_week([6] * 16)
    v = fourteen_day_verdict(checkins, today, utc_offset=0)
    assert v.kind is VerdictKind.NOT_ENOUGH_DATA
    assert (verdict_advice(v) or "").startswith(SEE_PROFESSIONAL_NO_CHANGE)
    assert any("no clear improvement" in r for r in v.reasons)
    assert v.see_professional and P.holds_step_up(v) and v.sparse_no_better


def test_sparse_check_ins_that_got_better_or_are_too_new_say_nothing_more() -> None:
    """Judged right and kept: leg pain 6 falling to 3, symptoms moving up
    from the foot to the thigh, or check-ins over less than two weeks: no
    professional named for this (the article's two weeks have not passed
    without improvement)."""
    from dataclasses import replace

    from stretchguide.core.trends import fourteen_day_verdict

    falling = _twice_a_week([6, 6, 5, 5, 4, 4, 3, 3])
    cs, day = _twice_a_week([6] * 8)
    moved_up = ([*cs[:5], *(replace(c, extent=Extent.THIGH) for c in cs[5:])], day)
    too_new = _twice_a_week([6, 6, 6, 6])
    for checkins, today in (falling, moved_up, too_new):
        v = fourteen_day_verdict(checkins, today, utc_offset=0)
        assert not v.sparse_no_better, [(c.leg, c.extent.value) for c in checkins]
