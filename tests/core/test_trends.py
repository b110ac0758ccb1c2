"""Pain-diary maths, checked against values worked out by hand."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stretchguide.core.catalog import Schedule
from stretchguide.core.trends import (
    NAN,
    CheckIn,
    CheckInKind,
    DailyColumns,
    DayPain,
    ExerciseResponse,
    Extent,
    HurtEvent,
    Response,
    RollingColumns,
    RoutineSnapshot,
    SessionRecord,
    SessionStatus,
    SnapshotItem,
    StepRecord,
    VerdictKind,
    adherence,
    by_concern,
    compare,
    daily_series,
    day_from_number,
    exercises_before_change,
    fourteen_day_verdict,
    habit_streak,
    local_day,
    rolling_columns,
    rolling_means,
    session_changes,
    streak_from_day_numbers,
    streak_from_days,
    worked_exercises,
)

DAY = 86400
# 2026-03-02 00:00 UTC (a Monday), as epoch seconds.
MON = 1_772_409_600
HOUR = 3600


def ci(
    day: int,
    back: int,
    leg: int,
    extent: Extent = Extent.NONE,
    *,
    hour: int = 9,
    kind: CheckInKind = CheckInKind.ANY,
    session_id: int | None = None,
    offset: int = 0,
    id: int = 0,
) -> CheckIn:
    return CheckIn(
        MON + day * DAY + hour * HOUR - offset,
        kind,
        back,
        leg,
        extent,
        session_id=session_id,
        utc_offset=offset,
        id=id,
    )


def sess(
    id: int,
    day: int,
    exercises: tuple[str, ...] = ("bridge",),
    status: SessionStatus = SessionStatus.COMPLETED,
    hour: int = 10,
) -> SessionRecord:
    snap = RoutineSnapshot("r", tuple(SnapshotItem(e) for e in exercises))
    start = MON + day * DAY + hour * HOUR
    return SessionRecord(id, f"u{id}", "r", snap, start, start + 600, status)


def test_local_day_uses_the_offset_recorded_with_the_time() -> None:
    late_evening_in_new_york = MON + 3 * HOUR  # 22:00 on Sunday at UTC-5
    assert local_day(late_evening_in_new_york, -5 * HOUR) == date(2026, 3, 1)
    assert local_day(late_evening_in_new_york, 0) == date(2026, 3, 2)


def test_daily_series_averages_each_day_and_keeps_the_furthest_extent() -> None:
    series = daily_series(
        [
            ci(0, 2, 6, Extent.THIGH),
            ci(0, 4, 3, Extent.FOOT, hour=20),
            ci(0, 3, 3, Extent.NONE, hour=21),
            ci(2, 5, 5, Extent.BUTTOCK),
        ]
    )
    assert [(p.day, p.back, p.leg, p.count, p.furthest) for p in series] == [
        (date(2026, 3, 2), 3.0, 4.0, 3, Extent.FOOT),
        (date(2026, 3, 4), 5.0, 5.0, 1, Extent.BUTTOCK),
    ]


def test_rolling_mean_weighs_days_equally_and_skips_empty_windows() -> None:
    # Day means: d0 back 2, d1 back 4 (two entries 3 and 5), d9 back 9.
    series = daily_series([ci(0, 2, 0), ci(1, 3, 0), ci(1, 5, 2, hour=20), ci(9, 9, 9)])
    points = rolling_means(series, window=7)
    assert len(points) == 10  # every calendar day from first to last
    assert points[0].back == 2.0
    assert points[1].back == 3.0  # (2 + 4) / 2, not (2 + 3 + 5) / 3
    assert points[1].leg == 0.5
    assert points[6].back == 3.0 and points[6].days_with_data == 2
    assert points[7].back == 4.0  # d0 has left the window
    assert points[8].back is None and points[8].days_with_data == 0
    assert points[9].back == 9.0


def test_rolling_mean_rejects_a_window_under_one_day() -> None:
    with pytest.raises(ValueError):
        rolling_means([], window=0)


@pytest.mark.parametrize(
    ("earlier", "later", "expected"),
    [
        (ci(0, 3, 5), ci(1, 3, 5), Response.SAME),
        (ci(0, 3, 5), ci(1, 3, 4), Response.BETTER),
        (ci(0, 3, 5), ci(1, 6, 2), Response.WORSE),  # the worse of the two went 5 -> 6
        (ci(0, 3, 5, Extent.THIGH), ci(1, 1, 1, Extent.BELOW_KNEE), Response.WORSE),
        (ci(0, 3, 5, Extent.FOOT), ci(1, 3, 5, Extent.THIGH), Response.BETTER),
    ],
)
def test_compare_uses_the_worse_pain_and_how_far_down_the_leg(
    earlier: CheckIn, later: CheckIn, expected: Response
) -> None:
    assert compare(earlier, later) is expected


def test_session_changes_pair_linked_before_and_after_checkins() -> None:
    sessions = [sess(1, 0), sess(2, 1), sess(3, 2)]
    checkins = [
        ci(0, 4, 6, Extent.THIGH, hour=9, kind=CheckInKind.BEFORE, session_id=1, id=1),
        ci(0, 3, 7, Extent.THIGH, hour=9, kind=CheckInKind.BEFORE, session_id=1, id=2),
        ci(0, 2, 3, Extent.BUTTOCK, hour=11, kind=CheckInKind.AFTER, session_id=1, id=3),
        ci(0, 9, 9, Extent.FOOT, hour=12, kind=CheckInKind.AFTER, session_id=1, id=4),
        ci(1, 5, 5, kind=CheckInKind.BEFORE, session_id=2, id=5),  # no after
        ci(2, 5, 5, kind=CheckInKind.AFTER, id=6),  # not linked
    ]
    (change,) = session_changes(sessions, checkins)
    assert change.session_id == 1
    # Last "before" (3, 7) and first "after" (2, 3).
    assert (change.back_change, change.leg_change, change.extent_change) == (-1, -4, -1)


def test_adherence_counts_done_sessions_in_the_last_four_weeks() -> None:
    sessions = [
        sess(1, 0),
        sess(2, 1, status=SessionStatus.PARTIAL),
        sess(3, 2, status=SessionStatus.STOPPED),  # stopped does not count
        sess(4, 3, status=SessionStatus.IN_PROGRESS),
        sess(5, -30),  # too long ago
    ]
    result = adherence(sessions, Schedule(3.5, "3-4 a week"), date(2026, 3, 4))
    assert (result.done, result.expected, result.weeks) == (2, 14.0, 4)
    assert result.ratio == pytest.approx(2 / 14)
    assert adherence([], Schedule(0, "as needed"), date(2026, 3, 4)).ratio is None


def test_streak_counts_consecutive_days_and_survives_until_today_is_done() -> None:
    days = [0, 1, 2, 4, 5, 6, 7]
    sessions = [sess(i, d) for i, d in enumerate(days)]
    sessions.append(sess(99, 3, status=SessionStatus.STOPPED))  # does not fill the gap
    on_day_7 = habit_streak(sessions, date(2026, 3, 9))
    assert (on_day_7.current, on_day_7.best) == (4, 4)
    next_morning = habit_streak(sessions, date(2026, 3, 10))
    assert next_morning.current == 4  # today's session may still come
    assert habit_streak(sessions, date(2026, 3, 11)).current == 0
    assert next_morning.days_to_goal == 17 and not next_morning.reached


def test_streak_reaches_the_21_day_habit_goal() -> None:
    sessions = [sess(i, i) for i in range(21)]
    streak = habit_streak(sessions, date(2026, 3, 22))
    assert streak.current == 21 and streak.reached and streak.days_to_goal == 0


def all_worked(sessions: list[SessionRecord]) -> dict[int, tuple[str, ...]]:
    """Every exercise of each session's routine worked."""
    return {s.id: s.exercise_ids for s in sessions}


def step(
    session_id: int, index: int, exercise: str, kind: str = "hold", *, done_s: float = 30.0,
    skipped: bool = False,
) -> StepRecord:  # fmt: skip
    return StepRecord(session_id, index, exercise, kind, None, 1, 30.0, done_s, skipped, MON)


def test_only_exercises_worked_in_a_session_share_its_next_checkin() -> None:
    routine = ("bridge", "cat_stretch", "clam_shell", "prone_press_up")
    sessions = [
        sess(1, 0, routine),
        sess(2, 1, routine, status=SessionStatus.PARTIAL),  # ended after two exercises
        sess(3, 2, routine, status=SessionStatus.STOPPED),  # never counted
    ]
    checkins = [ci(0, 5, 5), ci(0, 3, 3, hour=12), ci(1, 7, 7, hour=12), ci(2, 7, 7, hour=12)]
    steps = [
        # Session 1: bridge in full; cat_stretch cut short to 4 s (worked);
        # clam_shell both holds skipped; prone_press_up only got into position.
        step(1, 0, "bridge", "prepare"),
        step(1, 1, "bridge"),
        step(1, 2, "cat_stretch", done_s=4.0),
        step(1, 3, "clam_shell", skipped=True),
        step(1, 4, "clam_shell", skipped=True),
        step(1, 5, "prone_press_up", "prepare"),
        # Session 2: clam_shell one set skipped, one done; cat_stretch as reps;
        # then ended (bridge and prone_press_up never reached).
        step(2, 0, "clam_shell", skipped=True),
        step(2, 1, "clam_shell"),
        step(2, 2, "cat_stretch", "reps"),
        step(2, 3, "cat_stretch", "rest"),
        # Session 3 was stopped by the person: its steps credit nothing.
        step(3, 0, "bridge"),
        step(3, 1, "prone_press_up"),
    ]
    assert worked_exercises(steps) == {
        1: {"bridge", "cat_stretch"},
        2: {"clam_shell", "cat_stretch"},
        3: {"bridge", "prone_press_up"},
    }
    links = {
        link.exercise_id: link for link in exercises_before_change(sessions, checkins, steps=steps)
    }
    # Session 1 was followed by "better", session 2 by "worse" (3/3 -> 7/7).
    assert (links["bridge"].better, links["bridge"].worse) == (1, 0)
    assert (links["cat_stretch"].better, links["cat_stretch"].worse) == (1, 1)
    assert (links["clam_shell"].better, links["clam_shell"].worse) == (0, 1)
    assert "prone_press_up" not in links  # never worked in a counted session
    # The same answer from the mapping itself.
    assert exercises_before_change(sessions, checkins, steps=worked_exercises(steps)) == list(
        links.values()
    )
    # A done session with no work step recorded credits nothing.
    assert exercises_before_change(sessions[:1], checkins, steps=()) == []


def test_exercises_are_credited_with_the_next_checkin_after_their_session() -> None:
    sessions = [
        sess(1, 0, ("bridge", "cat_stretch")),
        sess(2, 1, ("bridge",)),
        sess(3, 2, ("prone_press_up",)),
        sess(4, 3, ("prone_press_up",), status=SessionStatus.STOPPED),  # ignored
    ]
    checkins = [
        ci(0, 5, 5, hour=9),
        ci(0, 3, 3, hour=12),  # session 1: better
        ci(1, 3, 3, hour=12),  # session 2: from 3/3 (day 0, 12:00) to 3/3 -> same
        ci(2, 3, 6, Extent.THIGH, hour=12),  # session 3: worse
        ci(3, 0, 0, hour=12),
    ]
    links = {
        link.exercise_id: link
        for link in exercises_before_change(sessions, checkins, steps=all_worked(sessions))
    }
    assert (links["bridge"].better, links["bridge"].same, links["bridge"].worse) == (1, 1, 0)
    assert (links["cat_stretch"].better, links["cat_stretch"].total) == (1, 1)
    assert (links["prone_press_up"].worse, links["prone_press_up"].total) == (1, 1)
    ordered = [
        link.exercise_id
        for link in exercises_before_change(sessions, checkins, steps=all_worked(sessions))
    ]
    assert ordered[-1] == "prone_press_up"


def test_own_answers_and_hurt_presses_are_counted_per_exercise_not_per_routine() -> None:
    # Two sessions of the same two-exercise routine, both followed by a worse
    # check-in: the next-check-in counts are shared, the answers are not.
    sessions = [sess(1, 0, ("bridge", "cat_stretch")), sess(2, 1, ("bridge", "cat_stretch"))]
    checkins = [ci(0, 2, 2), ci(0, 5, 5, hour=12), ci(1, 5, 5), ci(1, 7, 7, hour=12)]
    responses = [
        ExerciseResponse(1, "bridge", Response.WORSE),
        ExerciseResponse(1, "cat_stretch", Response.BETTER),
        ExerciseResponse(2, "bridge", Response.WORSE),
        ExerciseResponse(2, "cat_stretch", Response.SAME),
        ExerciseResponse(3, "clam_shell", Response.BETTER),  # a session with no pair
    ]
    hurts = [HurtEvent(1, "bridge", 4, MON + 10 * HOUR + 60), HurtEvent(3, "bridge", 2, MON)]
    links = {
        link.exercise_id: link
        for link in exercises_before_change(
            sessions, checkins, steps=all_worked(sessions), responses=responses, hurts=hurts
        )
    }
    bridge, cat, clam = links["bridge"], links["cat_stretch"], links["clam_shell"]
    assert (bridge.better, bridge.same, bridge.worse) == (cat.better, cat.same, cat.worse)
    assert (bridge.worse, bridge.total) == (2, 2)
    assert (bridge.felt_better, bridge.felt_same, bridge.felt_worse, bridge.hurts) == (0, 0, 2, 2)
    assert (cat.felt_better, cat.felt_same, cat.felt_worse, cat.hurts) == (1, 1, 0, 0)
    assert (clam.total, clam.answers, clam.felt_better) == (0, 1, 1)
    assert bridge.concern == 4 and bridge.lean is Response.WORSE
    assert cat.lean is Response.BETTER and clam.lean is Response.BETTER
    assert [link.exercise_id for link in by_concern(links.values())][0] == "bridge"


def test_lean_needs_worrying_reports_to_outnumber_better_answers() -> None:
    from stretchguide.core.trends import ExerciseLink

    assert ExerciseLink("a", 0, 0, 0, felt_better=3, felt_worse=2, hurts=1).lean is None
    assert ExerciseLink("a", 0, 0, 0, felt_better=3, felt_worse=3, hurts=1).lean is Response.WORSE
    assert ExerciseLink("a", 0, 0, 0, hurts=1).lean is Response.WORSE
    assert ExerciseLink("a", 5, 0, 0, felt_same=4).lean is None  # the routine's luck is not theirs


def test_by_concern_puts_hurting_first_helping_last_and_breaks_ties_by_next_checkin() -> None:
    from stretchguide.core.trends import ExerciseLink

    helps = ExerciseLink("helps", 0, 0, 0, felt_better=4)
    unsure = ExerciseLink("unsure", 0, 0, 0, felt_same=4)
    hurts_a_bit = ExerciseLink("hurts_a_bit", 0, 0, 0, felt_worse=1)
    hurts_more = ExerciseLink("hurts_more", 0, 0, 0, felt_worse=1, hurts=2)
    # Equal answers: the one more often followed by a worse check-in first.
    tie_worse = ExerciseLink("tie_worse", 0, 0, 3, felt_worse=1)
    ordered = by_concern([helps, unsure, tie_worse, hurts_a_bit, hurts_more])
    assert [link.exercise_id for link in ordered] == [
        "hurts_more", "tie_worse", "hurts_a_bit", "unsure", "helps",
    ]  # fmt: skip


# The 14-day verdict. Today is day 13 (Sunday 15 March); the earlier week is
# days 0-6, the later week days 7-13.
TODAY = date(2026, 3, 15)


def two_weeks(
    earlier: tuple[int, int, Extent], later: tuple[int, int, Extent], days: int = 7
) -> list[CheckIn]:
    out = [ci(d, *earlier) for d in range(days)]
    out += [ci(7 + d, *later) for d in range(days)]
    return out


def test_verdict_needs_three_days_of_checkins_in_each_week() -> None:
    few = [ci(0, 5, 5), ci(1, 5, 5), ci(8, 3, 3), ci(9, 3, 3), ci(10, 3, 3)]
    assert fourteen_day_verdict(few, TODAY).kind is VerdictKind.NOT_ENOUGH_DATA
    enough = [*few, ci(2, 5, 5)]
    assert fourteen_day_verdict(enough, TODAY).kind is VerdictKind.IMPROVING
    assert fourteen_day_verdict([], TODAY).kind is VerdictKind.NOT_ENOUGH_DATA


def test_verdict_ignores_checkins_outside_the_fourteen_days() -> None:
    data = two_weeks((5, 5, Extent.THIGH), (5, 5, Extent.THIGH))
    data += [ci(-1, 10, 10, Extent.FOOT), ci(14, 0, 0)]  # before day 0, after today
    assert fourteen_day_verdict(data, TODAY).kind is VerdictKind.NO_CHANGE


def test_a_change_under_two_points_is_no_change_and_means_see_a_professional() -> None:
    # Leg 6.0 at the start -> 4.33 in the last three days (5, 4, 4): under 2.
    data = [ci(d, 3, 6) for d in range(7)]
    data += [ci(7 + d, 3, leg) for d, leg in enumerate([4, 4, 4, 4, 5, 4, 4])]
    verdict = fourteen_day_verdict(data, TODAY)
    assert verdict.kind is VerdictKind.NO_CHANGE
    assert verdict.later_leg == pytest.approx(13 / 3)
    assert verdict.see_professional


def test_a_fall_of_two_points_counts_as_improving() -> None:
    verdict = fourteen_day_verdict(two_weeks((3, 6, Extent.THIGH), (3, 4, Extent.THIGH)), TODAY)
    assert verdict.kind is VerdictKind.IMPROVING
    assert (verdict.earlier_leg, verdict.later_leg) == (6.0, 4.0)
    assert not verdict.see_professional


def test_a_rise_of_two_points_in_leg_pain_is_worse() -> None:
    verdict = fourteen_day_verdict(two_weeks((2, 3, Extent.THIGH), (2, 5, Extent.THIGH)), TODAY)
    assert verdict.kind is VerdictKind.WORSE
    assert verdict.see_professional


def test_the_verdict_judges_the_leg_not_the_back() -> None:
    # Back eases by 4 points, the leg stays the same: not "improving".
    same_leg = fourteen_day_verdict(
        two_weeks((7, 5, Extent.BELOW_KNEE), (3, 5, Extent.BELOW_KNEE)), TODAY
    )
    assert same_leg.kind is VerdictKind.NO_CHANGE and same_leg.see_professional
    assert any("Back pain went down" in r for r in same_leg.reasons)
    # Back gets worse by 2 while the leg eases by 3: the leg is improving.
    leg_better = fourteen_day_verdict(two_weeks((2, 6, Extent.THIGH), (4, 3, Extent.THIGH)), TODAY)
    assert leg_better.kind is VerdictKind.IMPROVING
    assert any("Back pain went up" in r for r in leg_better.reasons)


def test_steady_slow_improvement_counts_against_the_start() -> None:
    # Leg 6.5 -> 3.5 over fourteen days: each week's mean differs by under
    # 2 points, but the latest days are 2.5 points below the start.
    legs = [6.5 - 3.0 * d / 13 for d in range(14)]
    data = [ci(d, 3, round(leg)) for d, leg in enumerate(legs)]
    week1 = sum(round(x) for x in legs[:7]) / 7
    week2 = sum(round(x) for x in legs[7:]) / 7
    assert week1 - week2 < 2  # week with week would say "no change"
    verdict = fourteen_day_verdict(data, TODAY)
    assert verdict.kind is VerdictKind.IMPROVING
    assert not verdict.see_professional


def test_only_the_last_fourteen_days_count() -> None:
    # A bad fortnight before the window: counted, it would look like a fall
    # from 9 to 5 ("improving"); the window itself holds no change.
    data = two_weeks((3, 5, Extent.THIGH), (3, 5, Extent.THIGH))
    data += [ci(d, 3, 9, Extent.FOOT) for d in range(-14, 0)]
    verdict = fourteen_day_verdict(data, TODAY)
    assert verdict.kind is VerdictKind.NO_CHANGE
    assert verdict.earlier_leg == 5.0


def test_the_window_halves_need_three_days_each() -> None:
    # Three days in the first week and three in the second: enough. The last
    # day of the first week is day 6 (9 March); day 7 is already the second.
    base = [ci(0, 3, 6), ci(3, 3, 6), ci(6, 3, 6), ci(11, 3, 4), ci(12, 3, 4), ci(13, 3, 4)]
    assert fourteen_day_verdict(base, TODAY).kind is VerdictKind.IMPROVING
    moved = [*base[:2], ci(7, 3, 6), *base[3:]]
    assert fourteen_day_verdict(moved, TODAY).kind is VerdictKind.NOT_ENOUGH_DATA


@pytest.mark.parametrize(
    ("back", "leg", "extent", "settled"),
    [
        (0, 0, Extent.NONE, True),  # recovered
        (2, 2, Extent.THIGH, True),  # stable and mild
        (2, 3, Extent.THIGH, False),  # leg above the mild limit
        (3, 2, Extent.THIGH, False),  # back above the mild limit
        (1, 2, Extent.BELOW_KNEE, False),  # mild numbers, but below the knee
    ],
)
def test_recovered_or_mild_and_stable_is_not_sent_to_a_doctor(
    back: int, leg: int, extent: Extent, settled: bool
) -> None:
    verdict = fourteen_day_verdict(two_weeks((back, leg, extent), (back, leg, extent)), TODAY)
    assert (verdict.kind is VerdictKind.SETTLED) is settled
    assert verdict.see_professional is not settled


def test_new_weakness_in_the_window_points_to_a_professional_even_when_mild() -> None:
    data = two_weeks((1, 1, Extent.THIGH), (1, 1, Extent.THIGH))
    data.append(dataclasses.replace(data[-1], at=data[-1].at + 3600, weakness=True))
    verdict = fourteen_day_verdict(data, TODAY)
    assert verdict.kind is VerdictKind.SETTLED
    assert verdict.nerve and verdict.see_professional


def test_symptoms_moving_down_the_leg_are_worse_even_with_lower_numbers() -> None:
    verdict = fourteen_day_verdict(
        two_weeks((5, 7, Extent.THIGH), (2, 3, Extent.BELOW_KNEE)), TODAY
    )
    assert verdict.kind is VerdictKind.WORSE
    assert verdict.later_extent is Extent.BELOW_KNEE


def test_symptoms_retreating_toward_the_back_count_as_improving() -> None:
    verdict = fourteen_day_verdict(two_weeks((4, 6, Extent.FOOT), (4, 6, Extent.THIGH)), TODAY)
    assert verdict.kind is VerdictKind.IMPROVING


def test_one_bad_day_does_not_move_the_typical_extent() -> None:
    data = two_weeks((4, 6, Extent.THIGH), (4, 6, Extent.THIGH))
    data.append(ci(12, 4, 6, Extent.FOOT, hour=20))  # one evening reaching the foot
    assert fourteen_day_verdict(data, TODAY).kind is VerdictKind.NO_CHANGE


# --------------------------------------------------------------------------- columns

_day_points = st.lists(
    st.tuples(
        st.integers(20_000, 20_060),
        st.floats(0, 10, allow_nan=False),
        st.floats(0, 10, allow_nan=False),
    ),
    max_size=40,
    unique_by=lambda t: t[0],
).map(sorted)


@given(_day_points, st.integers(1, 9))
def test_rolling_columns_give_the_same_numbers_as_rolling_means(
    points: list[tuple[int, float, float]], window: int
) -> None:
    series = [DayPain(day_from_number(d), b, leg, 1, Extent.NONE) for d, b, leg in points]
    columns = rolling_columns(DailyColumns.of(series), window)
    assert columns == RollingColumns.of(rolling_means(series, window))
    assert len(columns.back) == len(columns.days)


def test_rolling_columns_mark_empty_windows_with_nan_and_restart_cleanly() -> None:
    series = [DayPain(day_from_number(d), b, b, 1, Extent.NONE) for d, b in ((0, 0.1), (9, 4.0))]
    cols = rolling_columns(DailyColumns.of(series), 3)
    assert cols.first_day == 0 and len(cols.back) == 10
    assert cols.back[:3] == (0.1, 0.1, 0.1) and cols.days_with_data[3] == 0
    assert all(b is NAN for b in cols.back[3:9])
    assert cols.back[9] == 4.0  # no residue of 0.1 left from before the gap


def test_rolling_columns_reject_an_empty_window() -> None:
    with pytest.raises(ValueError):
        rolling_columns(DailyColumns(), 0)


@given(st.sets(st.integers(0, 60), max_size=40), st.integers(-2, 63))
def test_streak_from_day_numbers_matches_streak_from_days(days: set[int], today: int) -> None:
    expected = streak_from_days({day_from_number(d) for d in days}, day_from_number(today))
    assert streak_from_day_numbers(sorted(days), today) == expected
