"""Wall-clock rules from the review of time and the machine underneath
(s36): a clock put back must not hide a nerve sign, an answer stamped "in
the future" must not skip the safety questions, and "the next morning" is
a morning after a rest."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from stretchguide.core.clock_rules import (
    LIVE,
    MORNING_FROM,
    MORNING_REST_S,
    elapsed_due,
    made_last,
    next_morning,
    red_flags_due,
)
from stretchguide.core.plan import Field, PlanState
from stretchguide.core.plan.state import Change
from stretchguide.core.safety import baseline_checkin, nerve_signs, previous_checkin
from stretchguide.core.trends import CheckIn, CheckInKind, Extent

HOUR = 3600
DAY = 86400


def ci(
    t: int,
    ident: int,
    kind: CheckInKind = CheckInKind.ANY,
    *,
    numbness: bool = False,
    extent: Extent = Extent.THIGH,
) -> CheckIn:
    return CheckIn(t, kind, 2, 3, extent, numbness=numbness, id=ident)


# --------------------------------------------------------------- finding 2


def test_numbness_back_after_the_clock_was_put_back_is_new() -> None:
    # 08:00 numbness; 10:00 on a clock an hour fast, no numbness; the clock
    # is put back an hour; 30 minutes later the numbness is back. The
    # check-in made last is stamped "after now".
    t0 = 1_000_000
    stored = [ci(t0, 1, numbness=True), ci(t0 + 2 * HOUR, 2)]
    now = t0 + 2 * HOUR + 30 * 60 - HOUR
    previous = previous_checkin(stored, now, made_before_id=LIVE)
    assert previous is stored[1]
    assert nerve_signs(ci(now, 0, numbness=True), previous).new_numbness


def test_a_check_in_made_while_the_clock_was_a_year_ahead_does_not_stay_the_last() -> None:
    # Made a year ahead with numbness; the clock is corrected; a check-in
    # without it; now numbness again. Latest by time would be the year-ahead
    # one, which had numbness: "known". Made last is the one without.
    now = 1_000_000
    stored = [ci(now + 365 * DAY, 1, numbness=True), ci(now - HOUR, 2)]
    previous = previous_checkin(stored, now, made_before_id=LIVE)
    assert previous is stored[1]
    assert nerve_signs(ci(now, 0, numbness=True), previous).new_numbness


def test_with_a_right_clock_the_order_is_by_time_as_before_even_after_an_import() -> None:
    # An import adds old check-ins with new (higher) ids: the time still
    # decides when nothing is stamped after now.
    now = 1_000_000
    local = ci(now - HOUR, 1)
    imported = [ci(now - 300 * DAY + k, 2 + k) for k in range(3)]
    assert previous_checkin([local, *imported], now, made_before_id=LIVE) is local


def test_a_stored_check_in_looks_back_by_the_order_it_was_made_in() -> None:
    # The plan's evidence judges a stored before check-in against the one
    # made before it: a check-in with a lower id stamped after it counts.
    t = 1_000_000
    ahead = ci(t + HOUR, 1, CheckInKind.ANY, extent=Extent.FOOT)  # clock was fast
    older = ci(t - DAY, 0, CheckInKind.ANY)
    judged = ci(t, 2, CheckInKind.BEFORE)
    history = [older, ahead, judged]
    base = baseline_checkin(history, judged.at, exclude_id=judged.id, made_before_id=judged.id)
    assert base is ahead
    # Without the order of making, only the time counts (the old reading).
    assert baseline_checkin(history, judged.at, exclude_id=judged.id) is older
    # A check-in made after the judged one is never "before" it.
    later = ci(t + 2 * HOUR, 3)
    assert previous_checkin([older, judged, later], t, exclude_id=2, made_before_id=2) is older


def test_made_last_works_for_sessions_too() -> None:
    # (started_at, id): session 2 was started while the clock was ahead.
    rows = [(50, 1), (100, 2)]

    def pick(**kw: int) -> tuple[int, int] | None:
        return made_last(rows, 60, stamp=lambda r: r[0], ident=lambda r: r[1], **kw)

    assert pick(made_before_id=3) == (100, 2)
    assert pick() == (50, 1)  # by time alone, as before
    assert made_last([], 60, stamp=lambda r: r, ident=lambda r: r) is None


# --------------------------------------------------------------- finding 4


def test_red_flags_answered_in_the_future_are_due_again() -> None:
    now = 1_800_000_000.0
    assert red_flags_due(now + 365 * DAY, now, 7)  # answered a year "ahead"
    assert red_flags_due(now + 1, now, 7)
    assert not red_flags_due(now - 6 * DAY, now, 7)
    assert red_flags_due(now - 7 * DAY, now, 7)
    assert red_flags_due(0.0, now, 7)  # never answered
    assert not elapsed_due(now, now, 60)
    assert elapsed_due(now + 0.5, now, 60)


def test_a_plan_dated_after_today_starts_today_and_its_changes_count_from_now() -> None:
    today = date(2027, 6, 18)
    now = 1_813_000_000.0
    ahead = date(2027, 11, 30)
    change = Change(ahead, "piriformis_stretch", Field.HOLD, 30, 25, "gentler", now + 1e7)
    state = PlanState("flare_up_gentle", ahead, {"piriformis_stretch": {"hold_s": 25}}, (change,))
    fixed = state.not_after(today, now)
    assert fixed.start == today
    assert fixed.changes[0].on == today and fixed.changes[0].at == now
    assert fixed.doses == state.doses  # the accepted doses stay
    # A session started after the correction ran with the new dose.
    assert not fixed.ran_before_last_change("piriformis_stretch", now + 60, today)
    assert state.ran_before_last_change("piriformis_stretch", now + 60, today)
    # Nothing ahead: the same object, nothing to save.
    right = PlanState("flare_up_gentle", date(2027, 6, 1))
    assert right.not_after(today, now) is right
    # A change from a file before times were kept: only its day is looked at.
    old = PlanState("x", date(2027, 6, 1), {}, (replace(change, at=None, on=date(2027, 6, 2)),))
    assert old.not_after(today, now) is old


# --------------------------------------------------------------- finding 11


def local(day: int, hh: int, mm: int = 0) -> float:
    return datetime(2026, 12, day, hh, mm).timestamp()


def test_the_next_morning_is_a_morning_after_a_rest() -> None:
    # StretchGuide's numbers, pinned: from 05:00, six hours after the session.
    assert MORNING_FROM.hour == 5 and MORNING_FROM.minute == 0
    assert MORNING_REST_S == 6 * 3600
    late = local(3, 23, 34)
    assert not next_morning(late, local(4, 0, 24))  # 50 minutes later, past midnight
    assert not next_morning(late, local(4, 5, 20))  # morning, but under six hours
    assert next_morning(late, local(4, 5, 34))
    assert next_morning(local(3, 10, 0), local(4, 5, 0))
    assert not next_morning(local(3, 10, 0), local(4, 4, 59))  # still night
