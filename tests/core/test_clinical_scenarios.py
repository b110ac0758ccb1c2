"""Clinical scenarios: whole diaries of check-ins, sessions and "this hurts"
presses over days and weeks, judged the way the app judges them.

``Diary`` passes the core rules what ``qt/session_flow.py`` passes them
(the check-in made last, the last one between sessions, when numbness and
a spread began, the session before), so a property here is a property of
what the person is told. Each property is over every diary hypothesis
makes, not one example: a rule that holds for the example and not for the
class is the kind of wrong advice this file is for.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from hypothesis import given, settings
from hypothesis import strategies as st

from stretchguide.core.checkin_now import NowResponse, respond, usual_pain
from stretchguide.core.clock_rules import LIVE
from stretchguide.core.nerve_signs import RECENT_S
from stretchguide.core.safety import (
    NerveSigns,
    PainLevel,
    PainResponse,
    baseline_checkin,
    nerve_signs,
    numbness_since,
    pain_response,
    previous_checkin,
    spread_down_the_leg,
    spread_since,
)
from stretchguide.core.trends import CheckIn, CheckInKind, Extent

DAY = 86400
HOUR = 3600
K = CheckInKind


@dataclass(frozen=True)
class Answers:
    """What a person answers in one check-in."""

    back: int = 1
    leg: int = 2
    extent: Extent = Extent.THIGH
    tingling: bool = False
    numbness: bool = False
    weakness: bool = False


@dataclass
class Diary:
    """A history as the app keeps it, and the app's judgement of each entry."""

    checkins: list[CheckIn] = field(default_factory=list)
    # Per session: its check-ins by kind (what ``by_kind`` gives the flow).
    sessions: list[dict[CheckInKind, CheckIn]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    presses: list[int] = field(default_factory=list)  # "this hurts", per session

    def _make(self, kind: CheckInKind, at: int, a: Answers) -> CheckIn:
        return CheckIn(
            at,
            kind,
            a.back,
            a.leg,
            a.extent,
            tingling=a.tingling,
            numbness=a.numbness,
            weakness=a.weakness,
            id=len(self.checkins) + 1,
        )

    def _store(self, c: CheckIn) -> CheckIn:
        self.checkins.append(c)
        return c

    def compared(self, at: int) -> tuple[CheckIn | None, CheckIn | None]:
        """``session_rules.compared_checkins``: made last, and last between sessions."""
        return (
            previous_checkin(self.checkins, at, made_before_id=LIVE),
            baseline_checkin(self.checkins, at, made_before_id=LIVE),
        )

    def runs(self, current: CheckIn) -> tuple[int | None, int | None]:
        """``SessionFlow._runs``."""
        return numbness_since(self.checkins, current), spread_since(self.checkins, current)

    def checkin(self, at: int, a: Answers, kind: CheckInKind = K.ANY) -> NerveSigns:
        """A check-in on its own (or before a session): ``on_checkin``'s signs."""
        return self.said_now(at, a, kind).nerve

    def said_now(self, at: int, a: Answers, kind: CheckInKind = K.ANY) -> NowResponse:
        """A check-in on its own (or before a session): all ``on_checkin``
        says of it (``core.checkin_now.respond``)."""
        current = self._make(kind, at, a)
        previous, baseline = self.compared(at)
        numbness_from, spread_from = self.runs(current)
        signs = nerve_signs(
            current, previous, baseline, numbness_from=numbness_from, spread_from=spread_from
        )
        said = respond(
            current, signs, usual_pain(self.checkins, at), before_session=kind is K.BEFORE
        )
        self._store(current)
        return said

    def session(
        self,
        at: int,
        before: Answers | None,
        after: Answers | None,
        *,
        hurts: int = 0,
    ) -> tuple[NowResponse | None, PainResponse | None]:
        """Before check-in (or skipped), the session, after check-in (or skipped):
        what the before check-in said, and the after verdict."""
        before_signs = None
        b = None
        if before is not None:
            before_signs = self.said_now(at, before, K.BEFORE)
            b = self.checkins[-1]
        own = {} if b is None else {K.BEFORE: b}
        self.sessions.append(own)
        self.starts.append(at)
        self.presses.append(hurts)
        if after is None:
            return before_signs, None
        t = at + HOUR
        made = self._make(K.AFTER, t, after)
        previous, baseline = self.compared(t)
        numbness_from, spread_from = self.runs(made)
        verdict = pain_response(
            before=b,
            after=made,
            previous=previous,
            spread_last_time=self._spread_last_time(len(self.sessions) - 1),
            numbness_from=numbness_from,
            spread_from=spread_from,
            **_extra(baseline=baseline, hurts=hurts, hurts_before=self._pressed_before(-1)),
        )
        own[K.AFTER] = self._store(made)
        return before_signs, verdict

    def morning(self, at: int, a: Answers, *, hurts: int = 0) -> PainResponse:
        """The next-morning check-in for the last session."""
        index = len(self.sessions) - 1
        own = self.sessions[index]
        made = self._make(K.NEXT_MORNING, at, a)
        numbness_from, spread_from = self.runs(made)
        started = self.starts[index]
        mine = {c.id for c in own.values() if c.kind is not K.BEFORE}
        pool = [c for c in self.checkins if c.id not in mine]
        verdict = pain_response(
            before=own.get(K.BEFORE),
            after=own.get(K.AFTER),
            next_morning=made,
            previous=previous_checkin(pool, started),
            spread_last_time=self._spread_last_time(index),
            numbness_from=numbness_from,
            spread_from=spread_from,
            **_extra(
                baseline=baseline_checkin(pool, started),
                hurts=hurts,
                hurts_before=self._pressed_before(index),
            ),
        )
        own[K.NEXT_MORNING] = self._store(made)
        return verdict

    def _pressed_before(self, index: int) -> int:
        """``session_rules.hurts_sessions_before``: sessions in a row just
        before session ``index`` with "this hurts" pressed."""
        earlier = self.presses[: index % len(self.presses)]
        count = 0
        for n in reversed(earlier):
            if not n:
                break
            count += 1
        return count

    def _spread_last_time(self, index: int) -> bool:
        if index == 0:
            return False
        prev = self.sessions[index - 1]
        mine = {c.id for c in prev.values() if c.kind is not K.BEFORE}
        pool = [c for c in self.checkins if c.id not in mine]
        ground = prev.get(K.BEFORE) or baseline_checkin(pool, self.starts[index - 1])
        return spread_down_the_leg(ground, prev.get(K.AFTER), prev.get(K.NEXT_MORNING))


def _extra(**kw: object) -> dict[str, object]:
    """Arguments ``pain_response`` takes in this version (the flow passes them)."""
    import inspect

    known = inspect.signature(pain_response).parameters
    return {k: v for k, v in kw.items() if k in known}


def fine(said: NowResponse | NerveSigns) -> bool:
    """A check-in on its own reads "Saved. Thank you." (no side change), or
    one before a session starts it without a word."""
    return not said.ease_off


# --------------------------------------------------------------------------- strategies

extents = st.sampled_from(list(Extent))
answers = st.builds(
    Answers,
    back=st.integers(0, 10),
    leg=st.integers(0, 10),
    extent=extents,
    tingling=st.booleans(),
    numbness=st.booleans(),
    weakness=st.booleans(),
)
# Mostly calm answers, so the rare sign stands out against a quiet history.
calm = st.builds(
    Answers,
    back=st.integers(0, 3),
    leg=st.integers(0, 3),
    extent=st.sampled_from([Extent.NONE, Extent.BUTTOCK, Extent.THIGH]),
    tingling=st.booleans(),
    numbness=st.just(False),
    weakness=st.just(False),
)
mixed = st.one_of(calm, calm, answers)


@st.composite
def days(draw: st.DrawFn) -> list[tuple[str, Answers | None, Answers | None, Answers | None]]:
    """Up to 30 days; each a check-in on its own, or a session (before and
    after either skipped), with or without a next-morning check-in."""
    out = []
    for _ in range(draw(st.integers(1, 30))):
        what = draw(st.sampled_from(["any", "session", "nothing"]))
        before = draw(st.one_of(st.none(), mixed))
        after = draw(st.one_of(st.none(), mixed))
        morning = draw(st.one_of(st.none(), mixed))
        out.append((what, before, after, morning))
    return out


def replay(diary: Diary, plan: list[tuple[str, Answers | None, Answers | None, Answers | None]]):
    """Feed a generated diary, day by day; yields (what, the check-in as
    stored, its ground, the judgement) for each judged check-in."""
    for day, (what, before, after, morning) in enumerate(plan):
        t = 1_700_000_000 + day * DAY + 9 * HOUR
        if what == "any" and before is not None:
            previous, baseline = diary.compared(t)
            said = diary.said_now(t, before)
            yield "any", diary.checkins[-1], (previous, baseline), said
        elif what == "session":
            previous, baseline = diary.compared(t)
            signs, verdict = diary.session(t, before, after)
            if signs is not None:
                yield (
                    "before",
                    diary.checkins[-1 if verdict is None else -2],
                    (
                        previous,
                        baseline,
                    ),
                    signs,
                )
            if verdict is not None:
                own = diary.sessions[-1]
                ground = own.get(K.BEFORE) or previous
                yield "after", own[K.AFTER], (ground, own.get(K.BEFORE) or baseline), verdict
            if morning is not None:
                own = diary.sessions[-1]
                ground = own.get(K.BEFORE) or previous
                base = own.get(K.BEFORE) or baseline
                v = diary.morning(t + DAY - 2 * HOUR, morning)
                yield "morning", diary.checkins[-1], (ground, base), v


def _new(sign: str, c: CheckIn, ground: CheckIn | None) -> bool:
    return getattr(c, sign) and not (ground is not None and getattr(ground, sign))


# --------------------------------------------------------------------------- properties


@settings(max_examples=150, deadline=None)
@given(days())
def test_new_numbness_or_weakness_is_never_fine(plan) -> None:
    """For any history: numbness or weakness the compared check-in lacked is
    never fine, and the safety questions come up."""
    for what, c, (ground, _), judged in replay(Diary(), plan):
        if not (_new("numbness", c, ground) or _new("weakness", c, ground)):
            continue
        if isinstance(judged, NowResponse):
            assert judged.nerve.any and not fine(judged), (what, c, ground)
        else:
            assert judged.level is PainLevel.EASE_OFF and judged.ask_red_flags, (what, c)


@settings(max_examples=150, deadline=None)
@given(days())
def test_symptoms_further_down_than_between_sessions_are_never_fine(plan) -> None:
    """For any history: a check-in reaching further down the leg than the
    last check-in between sessions (for a session, than before it) is never
    fine."""
    for what, c, (_, base), judged in replay(Diary(), plan):
        if base is None or c.extent.rank <= base.extent.rank:
            continue
        if isinstance(judged, NowResponse):
            assert not fine(judged), (what, c, base)
        else:
            assert judged.level is PainLevel.EASE_OFF, (what, c, base, judged)


@settings(max_examples=150, deadline=None)
@given(days())
def test_a_next_morning_worse_than_before_the_session_is_never_fine(plan) -> None:
    """For any history: pain the next morning above the last check-in
    before the session (its own before check-in, or if that was skipped the
    last one between sessions) is never fine."""
    for what, c, (_, base), judged in replay(Diary(), plan):
        if what != "morning" or base is None or c.worst <= base.worst:
            continue
        assert isinstance(judged, PainResponse)
        assert judged.level is PainLevel.EASE_OFF, (c, base, judged)


def _oracle_spread_recent(diary_before: list[CheckIn], c: CheckIn) -> bool:
    """Independent of ``run_of``: with times that only go forward, walk the
    check-ins between sessions back from ``c`` while they reach at least
    as far down; a shorter one before the run, and the run's start within
    14 days, is a spread that stayed (or is new)."""
    between = [x for x in diary_before if x.kind is not K.AFTER]
    since = c.at
    for x in reversed(between):
        if x.extent.rank < c.extent.rank:
            return c.at - since < RECENT_S
        since = x.at
    return False


@settings(max_examples=150, deadline=None)
@given(days())
def test_symptoms_still_where_they_spread_to_are_never_fine(plan) -> None:
    """For any history: symptoms as far down the leg as they first reached,
    from higher up, less than 14 days ago are never fine."""
    diary = Diary()
    for what, c, _ground, judged in replay(diary, plan):
        if what == "after" or c.extent.rank == 0:
            continue
        earlier = [x for x in diary.checkins if x.id < c.id]
        if not _oracle_spread_recent(earlier, c):
            continue
        if isinstance(judged, NowResponse):
            assert not fine(judged), (what, c)
        else:
            assert judged.level is PainLevel.EASE_OFF, (what, c, judged)


def _oracle_recent_numbness(earlier: list[CheckIn], c: CheckIn) -> bool:
    """Numbness in every check-in back to its start less than two weeks
    ago; a gap of more than two weeks between check-ins breaks the run."""
    since = c.at
    for x in reversed(earlier):
        if not x.numbness or since - x.at > RECENT_S:
            break
        since = x.at
    return c.at - since < RECENT_S


@settings(max_examples=150, deadline=None)
@given(days())
def test_numbness_first_reported_under_two_weeks_ago_is_never_fine(plan) -> None:
    diary = Diary()
    for what, c, _ground, judged in replay(diary, plan):
        if not c.numbness:
            continue
        earlier = [x for x in diary.checkins if x.id < c.id]
        if not _oracle_recent_numbness(earlier, c):
            continue
        if isinstance(judged, NowResponse):
            assert not fine(judged), (what, c)
        else:
            assert judged.level is PainLevel.EASE_OFF, (what, c, judged)


def _oracle_usual(earlier: list[CheckIn], at: int) -> tuple[float, float] | None:
    """Independent of ``usual_pain``: the mean back and leg pain of the
    last three days with check-ins (none just after a session) in the 90
    days before ``at``, each day its own mean."""
    days: dict[int, list[CheckIn]] = {}
    for x in earlier:
        if x.kind is not K.AFTER and x.at >= at - 90 * DAY:
            days.setdefault(x.at // DAY, []).append(x)
    last = [days[d] for d in sorted(days)[-3:]]
    if not last:
        return None
    back = sum(sum(x.back for x in d) / len(d) for d in last) / len(last)
    leg = sum(sum(x.leg for x in d) / len(d) for d in last) / len(last)
    return back, leg


@settings(max_examples=150, deadline=None)
@given(days())
def test_pain_higher_than_usual_before_a_session_or_on_its_own_is_never_fine(plan) -> None:
    """For any history: back or leg pain two points or more above the
    person's usual (their last three days with check-ins) is said, on its
    own and before a session; on its own, so is pain above the session
    limit. A check-in on its own once answered "Saved. Thank you." to leg
    pain of 7 when the usual was 2."""
    diary = Diary()
    for what, c, _ground, judged in replay(diary, plan):
        if what not in ("any", "before"):
            continue
        earlier = [x for x in diary.checkins if x.id < c.id]
        usual = _oracle_usual(earlier, c.at)
        up = usual is not None and (c.back - usual[0] >= 2 or c.leg - usual[1] >= 2)
        over = what == "any" and c.worst > 5
        if up or over:
            assert not fine(judged), (what, c, usual)


@settings(max_examples=150, deadline=None)
@given(days())
def test_a_check_in_on_its_own_says_what_an_after_check_in_would(plan) -> None:
    """For any history: answers that an after-session check-in (its before
    check-in skipped, judged against the same check-ins) would meet with
    "ease off" are never "Saved. Thank you." on their own. The one
    difference is documented: tingling in the first check-in ever is the
    person's sciatica as it is, while after a session it may be the
    session's doing."""
    diary = Diary()
    for what, c, (previous, baseline), judged in replay(diary, plan):
        if what != "any":
            continue
        if previous is None and c.tingling:
            continue
        as_after = replace(c, kind=K.AFTER)
        numbness_from, spread_from = diary.runs(as_after)
        would = pain_response(
            before=None,
            after=as_after,
            previous=previous,
            numbness_from=numbness_from,
            spread_from=spread_from,
            baseline=baseline,
        )
        if would.level is PainLevel.EASE_OFF:
            assert not fine(judged), (c, would.reasons)


# --------------------------------------------------------------------------- sequences


def _t(day: int, hour: int = 9) -> int:
    return 1_700_000_000 + day * DAY + hour * HOUR


def test_numbness_back_after_being_gone_is_new_again() -> None:
    d = Diary()
    assert d.checkin(_t(0), Answers(numbness=True)).new_numbness
    assert not fine(d.checkin(_t(1), Answers(numbness=True)))  # recent
    assert fine(d.checkin(_t(2), Answers()))
    again = d.checkin(_t(20), Answers(numbness=True))
    assert again.new_numbness and again.any


def test_weakness_on_and_off_asks_each_time_it_is_there() -> None:
    d = Diary()
    for day in range(8):
        signs = d.checkin(_t(day), Answers(weakness=day % 2 == 0))
        assert signs.any == (day % 2 == 0)


def test_tingling_that_turns_into_numbness() -> None:
    d = Diary()
    d.checkin(_t(0), Answers(tingling=True))
    signs = d.checkin(_t(1), Answers(tingling=False, numbness=True))
    assert signs.new_numbness and signs.any


def test_first_ever_check_in_with_numbness_or_weakness_asks_the_questions() -> None:
    for a in (Answers(numbness=True), Answers(weakness=True)):
        assert Diary().checkin(_t(0), a, K.BEFORE).any


def test_symptoms_back_down_the_leg_after_being_gone() -> None:
    d = Diary()
    d.checkin(_t(0), Answers(extent=Extent.FOOT))
    for day in range(1, 20):
        d.checkin(_t(day), Answers(leg=0, extent=Extent.NONE))
    back = d.checkin(_t(20), Answers(leg=5, extent=Extent.FOOT))
    assert back.spread and not fine(back)


def test_skipped_before_check_in_the_after_one_still_compares() -> None:
    """No check-in before the session: numbness after it counts as new,
    unless the last check-in had it too."""
    d = Diary()
    d.checkin(_t(0), Answers())
    _, v = d.session(_t(1), None, Answers(numbness=True))
    assert v is not None and v.level is PainLevel.EASE_OFF and v.ask_red_flags


def test_numbness_again_after_weeks_without_a_check_in_is_not_the_usual() -> None:
    """Numbness on five days, five weeks without a check-in, numbness
    again: read as numbness in every check-in for over two weeks, the
    person's usual, it was "Saved. Thank you." (with symptoms into the
    foot). Nothing shows it lasted in between."""
    d = Diary()
    for day in range(5):
        d.checkin(_t(day), Answers(extent=Extent.FOOT, numbness=True))
    back = d.said_now(_t(40), Answers(extent=Extent.FOOT, numbness=True))
    assert back.nerve.recent_numbness and not fine(back)
    assert "doctor or physiotherapist" in back.advice
    # ... and for the two weeks after, as numbness first reported then.
    for day in range(41, 54):
        assert not fine(d.checkin(_t(day), Answers(extent=Extent.FOOT, numbness=True))), day
    assert fine(d.checkin(_t(54), Answers(extent=Extent.FOOT, numbness=True)))


def test_a_bad_check_in_after_weeks_without_one_is_held_to_the_last_known() -> None:
    """Leg pain of 5 after five weeks without a check-in, the last ones at
    2: compared with nothing, it was "Saved. Thank you."."""
    d = Diary()
    for day in range(3):
        d.checkin(_t(day), Answers(back=1, leg=2))
    late = d.said_now(_t(40), Answers(back=1, leg=5))
    assert late.pain_up and not fine(late)
    assert any("usual is about 2.0" in r for r in late.reasons)


def test_long_standing_numbness_is_the_persons_usual() -> None:
    """Numbness in every check-in for more than two weeks, first reported
    in the history read, is not flagged again: judged correct (CLINICAL.md 2)."""
    d = Diary()
    for day in range(16):
        signs = d.checkin(_t(day), Answers(numbness=True))
    assert fine(signs)


def test_pain_rising_slowly_each_step_under_the_limit() -> None:
    """Pain creeping up one point a day, each session under the limits."""
    d = Diary()
    levels = []
    for day in range(4):
        _, v = d.session(_t(day), Answers(leg=day), Answers(leg=day))
        assert v is not None
        levels.append(v.level)
    # Each session alone did not raise the pain: the session rule says fine.
    # The trend is the 14-day verdict's (test_trends) and the plan's (below).
    assert levels[0] is PainLevel.FINE


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.none(), mixed), mixed, st.integers(1, 6))
def test_this_hurts_pressed_is_never_fine(before, after, presses) -> None:
    """Whatever the numbers: a session in which "this hurts" was pressed
    is never "fine" nor merely "acceptable", and the reasons say why. It
    once read "That looks fine. Carry on with the routine as planned."
    beside the presses."""
    d = Diary()
    _, v = d.session(_t(0), before, after, hurts=presses)
    assert v is not None and v.level is PainLevel.EASE_OFF
    assert any("reported pain" in r for r in v.reasons)
    # ... and the next morning's verdict on that session as well.
    assert d.morning(_t(1, 7), after, hurts=presses).level is PainLevel.EASE_OFF


def test_a_worse_next_morning_after_a_skipped_before_check_in_is_not_fine() -> None:
    """Before check-in skipped: the morning is judged against the last
    check-in between sessions. It once read "Pain stayed low: 2 out of 10
    at most." (from the after check-in) beside a morning of 9."""
    d = Diary()
    d.checkin(_t(0), Answers(leg=2))
    d.session(_t(1), None, Answers(leg=2))
    v = d.morning(_t(2, 7), Answers(leg=9))
    assert v.level is PainLevel.EASE_OFF
    assert any("last check-in before the session (2 out of 10)" in r for r in v.reasons)
    # Further down the leg the next morning than that check-in: said as such,
    # not as symptoms that "stayed" where they spread to.
    d2 = Diary()
    d2.checkin(_t(0), Answers(extent=Extent.THIGH))
    d2.session(_t(1), None, Answers(extent=Extent.THIGH))
    v2 = d2.morning(_t(2, 7), Answers(extent=Extent.FOOT))
    assert v2.level is PainLevel.EASE_OFF and v2.spread
    assert not v2.nerve.spread_stayed
    # Nothing worse: "No increase by the next morning", not "add a check-in".
    d3 = Diary()
    d3.checkin(_t(0), Answers(leg=3))
    d3.session(_t(1), None, None)
    assert d3.morning(_t(2, 7), Answers(leg=2)).level is PainLevel.FINE


def test_after_check_in_further_down_with_before_skipped_says_it_spread() -> None:
    d = Diary()
    d.checkin(_t(0), Answers(extent=Extent.THIGH))
    _, v = d.session(_t(1), None, Answers(extent=Extent.FOOT))
    assert v is not None and v.level is PainLevel.EASE_OFF and v.spread
    assert any("than at your last check-in before it" in r for r in v.reasons)


def test_pain_creeping_up_for_two_weeks_holds_the_plans_step_up() -> None:
    """Leg pain up a point every few days, each session under the limits:
    every session is "fine", but the 14-day verdict says worse and sends
    the person to a professional. The plan once offered a step up beside
    it ("your last 3 sessions were fine")."""
    from datetime import UTC, datetime

    from stretchguide.core import plan as P  # noqa: N812
    from stretchguide.core.catalog import load_builtin
    from stretchguide.core.safety import PainThresholds
    from stretchguide.core.trends import VerdictKind, fourteen_day_verdict

    d = Diary()
    for day in range(14):
        leg = day // 4  # 0 0 0 0 1 1 1 1 2 2 2 2 3 3
        d.session(_t(day), Answers(leg=leg, back=0), Answers(leg=leg, back=0))
    # The check-ins carry no UTC offset: their days are UTC days.
    today = datetime.fromtimestamp(_t(13), tz=UTC).date()
    verdict = fourteen_day_verdict(d.checkins, today)
    assert verdict.kind is VerdictKind.WORSE
    evidence = [
        P.evidence(before=s[K.BEFORE], after=s[K.AFTER], thresholds=PainThresholds())
        for s in d.sessions
    ]
    assert all(e.level is PainLevel.FINE for e in evidence[-3:])
    r = load_builtin().routines["article_001_seven_best"]
    recent = {i.exercise_id: evidence for i in r.items}
    state = P.PlanState(r.id, today)
    assert any(o.direction is P.Direction.UP for o in P.offers_for(r, state, recent, {}))
    assert P.holds_step_up(verdict)
    held = P.offers_for(r, state, recent, {}, hold_up=True)
    assert all(o.direction is P.Direction.DOWN for o in held)


def test_pain_rising_under_the_verdicts_step_holds_the_plans_step_up() -> None:
    """Leg pain 2 for a week, then 3, every session fine: "no clear change",
    which says it is time for a doctor or physiotherapist to look, while
    the plan offered "try 35 s instead of 30 s, because your last 3
    sessions were fine". Flat pain still may step up: only a rise holds it."""
    from datetime import UTC, datetime

    from stretchguide.core import plan as P  # noqa: N812
    from stretchguide.core.catalog import load_builtin
    from stretchguide.core.safety import PainThresholds
    from stretchguide.core.trends import VerdictKind, fourteen_day_verdict

    def offers(legs: list[int]) -> tuple[VerdictKind, list[P.Offer]]:
        d = Diary()
        for day, leg in enumerate(legs):
            d.session(_t(day), Answers(leg=leg, back=0), Answers(leg=leg, back=0))
        today = datetime.fromtimestamp(_t(13), tz=UTC).date()
        verdict = fourteen_day_verdict(d.checkins, today)
        evidence = [
            P.evidence(before=s[K.BEFORE], after=s[K.AFTER], thresholds=PainThresholds())
            for s in d.sessions
        ]
        r = load_builtin().routines["article_001_seven_best"]
        recent = {i.exercise_id: evidence for i in r.items}
        state = P.PlanState(r.id, today)
        hold = P.holds_step_up(verdict)
        return verdict.kind, P.offers_for(r, state, recent, {}, hold_up=hold)

    kind, rising = offers([2, 2, 2, 2, 2, 3, 2, 3, 3, 3, 3, 3, 3, 3])
    assert kind is VerdictKind.NO_CHANGE
    assert all(o.direction is P.Direction.DOWN for o in rising)
    kind, flat = offers([3] * 14)
    assert kind is VerdictKind.NO_CHANGE
    assert any(o.direction is P.Direction.UP for o in flat)


def test_a_worse_morning_after_a_skipped_before_check_in_is_no_fine_session_for_the_plan() -> None:
    """The verdict says "ease off" (the morning is worse than the last
    check-in before the session): the plan must not count it as fine."""
    from stretchguide.core import plan as P  # noqa: N812
    from stretchguide.core.safety import PainThresholds

    d = Diary()
    d.checkin(_t(0), Answers(leg=1))
    d.session(_t(1), None, Answers(leg=1))
    v = d.morning(_t(2, 7), Answers(leg=6))
    assert v.level is PainLevel.EASE_OFF
    own = d.sessions[-1]
    e = P.evidence(
        before=None,
        after=own[K.AFTER],
        next_morning=own[K.NEXT_MORNING],
        thresholds=PainThresholds(),
        previous=baseline_checkin(d.checkins[:1], d.starts[-1]),
    )
    assert e.level is PainLevel.EASE_OFF


@st.composite
def fortnights(draw: st.DrawFn) -> list[CheckIn]:
    """One or two check-ins a day over 14 days, some days missed."""
    out: list[CheckIn] = []
    for day in range(14):
        for hour in draw(st.sampled_from([(), (9,), (9, 18)])):
            a = draw(mixed)
            out.append(
                CheckIn(
                    _t(day, hour),
                    K.ANY,
                    a.back,
                    a.leg,
                    a.extent,
                    numbness=a.numbness,
                    weakness=a.weakness,
                    id=len(out) + 1,
                )
            )
    return out


@settings(max_examples=300, deadline=None)
@given(fortnights())
def test_the_14_day_verdict_never_says_keep_going_beside_a_worse_leg(checkins) -> None:
    """For any fortnight: "keep going" (settled or improving, no
    professional named) never stands beside a newest day further down the
    leg than any day of the start, leg pain up by the meaningful step, a
    latest day's leg pain that much above every start day (a mean that fell
    once hid a day of 9), or numbness or weakness that started in the window."""
    from datetime import UTC, datetime

    from stretchguide.core.trends import (
        VerdictKind,
        daily_series,
        fourteen_day_verdict,
        local_day,
    )
    from stretchguide.core.verdict_words import professional_advice

    today = datetime.fromtimestamp(_t(13), tz=UTC).date()
    v = fourteen_day_verdict(checkins, today)
    if v.kind is VerdictKind.NOT_ENOUGH_DATA:
        return
    series = daily_series(checkins)
    start = series[:3]
    newest = series[-1]
    worse_leg = newest.furthest.rank > max(d.furthest.rank for d in start)
    start_days = {d.day for d in start}

    def began(sign: str) -> bool:
        days = {local_day(c.at, 0) for c in checkins if getattr(c, sign)}
        return bool(days) and not days & start_days

    new_nerve = began("numbness") or began("weakness")
    worse_day = max(d.leg for d in series[-3:]) - max(d.leg for d in start) >= 2
    if worse_leg or new_nerve or worse_day:
        assert professional_advice(v) is not None, (v.kind, v.reasons)


@settings(max_examples=300, deadline=None)
@given(fortnights())
def test_the_14_day_verdict_never_says_better_without_naming_numbness(checkins) -> None:
    """For any fortnight: a leg said to have got better or stayed low
    names numbness on any of the latest days, in the headline and the
    advice ("keep going" alone once stood beside numbness every day), and
    numbness on more of the latest days than of the start sends the person
    to a professional, as numbness that started does."""
    from datetime import UTC, datetime

    from stretchguide.core.trends import VerdictKind, daily_series, fourteen_day_verdict
    from stretchguide.core.verdict_words import (
        KEEP_GOING_IMPROVING,
        KEEP_GOING_SETTLED,
        professional_advice,
        verdict_advice,
        verdict_headline,
    )

    today = datetime.fromtimestamp(_t(13), tz=UTC).date()
    v = fourteen_day_verdict(checkins, today)
    if v.kind is VerdictKind.NOT_ENOUGH_DATA:
        return
    series = daily_series(checkins)
    n = min(3, len(series))
    numb = {(c.at // DAY) for c in checkins if c.numbness}
    start = sum((d.day.toordinal() - 719163) in numb for d in series[:n])
    latest = sum((d.day.toordinal() - 719163) in numb for d in series[-n:])
    if latest and v.kind in (VerdictKind.IMPROVING, VerdictKind.SETTLED):
        assert "numbness" in verdict_headline(v), v
        advice = verdict_advice(v) or ""
        assert KEEP_GOING_SETTLED not in advice and KEEP_GOING_IMPROVING not in advice
        # Named there, or the person is sent to a professional anyway.
        assert "numbness" in advice.lower() or professional_advice(v) is not None, advice
    if latest > start:
        assert professional_advice(v) is not None, (start, latest, v.reasons)


def test_pain_better_on_average_with_a_latest_day_worse_than_any_at_the_start() -> None:
    """Leg pain 6 on the start days, then 4, 3, 2 and 1, 1 and 9 on the
    latest: the mean fell from 6 to 3.7 and the verdict read "your leg has
    got better" and "This is going the right way" the day after a 9. The
    bad day is said, a professional named if such days come back, the
    banner is not "all well" and the plan offers no step up."""
    from datetime import UTC, datetime

    from stretchguide.core.plan.doses import holds_step_up
    from stretchguide.core.trends import VerdictKind, fourteen_day_verdict
    from stretchguide.core.verdict_words import (
        KEEP_GOING_IMPROVING,
        SEE_PROFESSIONAL_WORSE_DAY,
        SEE_PROFESSIONAL_WORSE_DAY_AGAIN,
        verdict_advice,
        verdict_headline,
    )

    legs = {0: 6, 1: 6, 2: 6, 4: 4, 6: 4, 8: 3, 10: 2, 11: 1, 12: 1, 13: 9}
    checkins = [
        CheckIn(_t(d), K.ANY, 2, leg, Extent.THIGH, id=i + 1)
        for i, (d, leg) in enumerate(legs.items())
    ]
    today = datetime.fromtimestamp(_t(13), tz=UTC).date()
    v = fourteen_day_verdict(checkins, today)
    assert v.kind is VerdictKind.IMPROVING  # on average it did get better
    assert v.see_professional and holds_step_up(v)
    assert "on average" in verdict_headline(v)
    advice = verdict_advice(v) or ""
    # The headline has said the bad day: the advice says what to do about
    # it, not the same fact again a line below.
    assert SEE_PROFESSIONAL_WORSE_DAY_AGAIN in advice and KEEP_GOING_IMPROVING not in advice
    assert SEE_PROFESSIONAL_WORSE_DAY not in advice
    assert any("9" in r and "6" in r for r in v.reasons), v.reasons
    # Low on average too ("stayed low"), with one latest day of 5 against 1s.
    low = [replace(c, back=0, leg=1) for c in checkins]
    low[-1] = replace(low[-1], leg=5)
    low[-2] = low[-3] = replace(low[-2], leg=0)
    s = fourteen_day_verdict(low, today)
    assert s.kind is VerdictKind.SETTLED and s.worse_day, s
    assert "on average" in verdict_headline(s)
    # A day of 2 after days of 0 is still mild: nothing to warn about.
    calm = [replace(c, leg=0, back=0) for c in checkins]
    calm[-1] = replace(calm[-1], leg=2)
    assert not fourteen_day_verdict(calm, today).see_professional
    # A bad day no worse than the start's worst is the ups and downs of
    # getting better, not a sign: the verdict is unchanged.
    even = [replace(c, leg=8) if c.at == _t(1) else c for c in checkins]
    e = fourteen_day_verdict(even, today)
    assert not e.worse_day and not e.see_professional, e.reasons


def test_ten_days_without_a_check_in_then_back_worse_is_said_in_history() -> None:
    """Check-ins on days 1-4 at leg pain 3 in the thigh, none for ten days,
    then leg pain 8 into the foot: too few days for a trend, and History
    said only "Check in on a few more days to see a two-week trend.". The
    check-in itself said it (severe, higher than usual, further down); the
    verdict now says it too, names a professional and holds the step up."""
    from datetime import UTC, datetime

    from stretchguide.core.plan.doses import holds_step_up
    from stretchguide.core.trends import VerdictKind, fourteen_day_verdict
    from stretchguide.core.verdict_words import (
        SEE_PROFESSIONAL_SPREAD,
        SEE_PROFESSIONAL_WORSE_DAY,
        professional_advice,
    )

    before = [CheckIn(_t(d), K.ANY, 2, 3, Extent.THIGH, id=d + 1) for d in range(4)]
    back = CheckIn(_t(13), K.ANY, 3, 8, Extent.FOOT, id=5)
    today = datetime.fromtimestamp(_t(13), tz=UTC).date()
    v = fourteen_day_verdict([*before, back], today)
    assert v.kind is VerdictKind.NOT_ENOUGH_DATA
    assert v.see_professional and holds_step_up(v)
    advice = professional_advice(v) or ""
    # The headline here is "check in on a few more days": the advice says
    # the bad day in full, and "two weeks ago" would be false ten days in.
    assert SEE_PROFESSIONAL_SPREAD in advice and SEE_PROFESSIONAL_WORSE_DAY in advice
    assert "two weeks" not in advice
    # Back as before: nothing to say but "check in more".
    same = fourteen_day_verdict([*before, replace(back, leg=3, extent=Extent.THIGH)], today)
    assert not same.see_professional and professional_advice(same) is None
    # Mild (2 after days of 0) is no warning sign here either.
    quiet = [replace(c, leg=0) for c in before]
    assert not fourteen_day_verdict(
        [*quiet, replace(back, leg=2, extent=Extent.THIGH)], today
    ).see_professional
    # One day alone has nothing to be compared with.
    assert not fourteen_day_verdict([back], today).see_professional


def test_pain_better_but_numbness_on_more_days_is_not_better_overall() -> None:
    """Leg pain from 6 to 2, numbness on one of the first days and every
    one of the latest: "Over the last two weeks your leg pain has stayed
    low." and "Things look good." once stood beside it."""
    from datetime import UTC, datetime

    from stretchguide.core.plan import holds_step_up
    from stretchguide.core.trends import fourteen_day_verdict
    from stretchguide.core.verdict_words import verdict_advice, verdict_headline

    d = Diary()
    for day in range(14):
        d.checkin(_t(day), Answers(back=2, leg=6 if day < 4 else 2, numbness=day == 0 or day > 8))
    v = fourteen_day_verdict(d.checkins, datetime.fromtimestamp(_t(13), tz=UTC).date())
    assert "but you still report numbness" in verdict_headline(v)
    advice = verdict_advice(v) or ""
    assert "Things look good" not in advice and "doctor or physiotherapist" in advice
    assert any(
        "more of the latest days (3 of 3) than at the start (1 of 3)" in r for r in v.reasons
    )
    assert holds_step_up(v)  # no step up beside it (CLINICAL.md 8)


@settings(max_examples=150, deadline=None)
@given(days())
def test_no_step_up_in_the_week_after_a_check_in_said_ease_off_for_pain(plan) -> None:
    """For any history: a check-in between sessions that was told to ease
    off for its pain (higher than usual, severe, above the limit on its
    own) holds the plan's step up for a week, whatever the sessions
    around it said."""
    from stretchguide.core.plan import flare_holds_step_up

    diary = Diary()
    flares: list[int] = []
    for what, c, _ground, judged in replay(diary, plan):
        said = judged if isinstance(judged, NowResponse) else None
        if said is not None and (said.severe or said.pain_up or said.over_limit):
            flares.append(c.at)
        now = c.at
        held = flare_holds_step_up(diary.checkins, now)
        assert held == any(now - 7 * DAY <= f <= now for f in flares), (what, c, flares)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), mixed), min_size=1, max_size=12))
def test_this_hurts_in_three_sessions_in_a_row_sends_to_a_professional(sessions) -> None:
    """For any run of sessions: the third in a row with "this hurts"
    pressed (and every one after it) sends the person to a doctor or
    physiotherapist before going on; "ease off next time" alone once met
    pain in session after session."""
    d = Diary()
    run = 0
    for day, (presses, after) in enumerate(sessions):
        _, v = d.session(_t(day), Answers(), after, hurts=presses)
        run = run + 1 if presses else 0
        assert v is not None
        assert v.hurts_again is (run >= 3), (day, run)
        if run >= 3:
            # New numbness or weakness keeps its more urgent advice first.
            assert "physiotherapist" in v.advice
            assert v.nerve.any or "session after session" in v.advice
            assert any("3 in a row is StretchGuide's mark" in r for r in v.reasons)


@settings(max_examples=150, deadline=None)
@given(days())
def test_pain_above_the_limit_after_a_session_or_the_next_morning_is_never_fine(plan) -> None:
    """For any history: an after or next-morning check-in above the pain
    limit is "ease off", and at the severe line it says when to contact a
    doctor, as a check-in on its own does. A morning of 9, as bad as before
    the session, read "That looks fine. Carry on with the routine as
    planned."."""
    for what, c, _ground, judged in replay(Diary(), plan):
        if what not in ("after", "morning"):
            continue
        assert isinstance(judged, PainResponse)
        if c.worst > 5:
            assert judged.level is PainLevel.EASE_OFF, (what, c, judged.reasons)
        if c.worst >= 8:
            assert "contact a doctor" in judged.advice, (what, c)
