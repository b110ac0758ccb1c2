"""The History API the app uses: sessions, steps, check-ins, responses, hurts."""

from __future__ import annotations

import dataclasses
import random
from datetime import date

import pytest
from tests.support import FakeClock

from stretchguide.core import trends
from stretchguide.core.catalog import Dose, Routine, RoutineItem, Schedule, Sides
from stretchguide.core.trends import CheckInKind, Extent, Response, SessionStatus
from stretchguide.paths import AppPaths
from stretchguide.store.history import History

from .conftest import T0

ROUTINE = Routine(
    id="gentle",
    name="Gentle start",
    description="",
    items=(
        RoutineItem("knees_to_chest", Dose(hold_s=30, sets=2, rest_s=10)),
        RoutineItem("bridge", Dose(hold_s=5, reps=10, rep_s=2, sides=Sides.NONE)),
    ),
    schedule=Schedule(7, "daily"),
)


@pytest.fixture
def history(paths: AppPaths, clock: FakeClock) -> History:
    h = History.open(paths, clock=clock, utc_offset=lambda ts: 3600)
    yield h
    h.close()


def test_a_session_records_routine_snapshot_steps_and_status(
    history: History, clock: FakeClock
) -> None:
    s = history.start_session(ROUTINE, options={"sides": "both"})
    assert s.status is SessionStatus.IN_PROGRESS
    assert s.routine.name == "Gentle start"
    assert s.exercise_ids == ("knees_to_chest", "bridge")
    assert s.routine.items[1].reps == 10
    assert s.utc_offset == 3600
    clock.now += 40
    step = history.record_step(s.id, 0, "knees_to_chest", "hold", planned_s=30, done_s=30)
    assert step.completed_at == T0 + 40
    clock.now += 40
    history.record_step(s.id, 1, "knees_to_chest", "rest", planned_s=10, done_s=4, skipped=True)
    done = history.finish_session(s.id, "completed")
    assert done.status is SessionStatus.COMPLETED and done.ended_at == T0 + 80
    assert [(x.step_index, x.kind, x.skipped) for x in history.steps(s.id)] == [
        (0, "hold", False),
        (1, "rest", True),
    ]
    with pytest.raises(dataclasses.FrozenInstanceError):
        done.status = SessionStatus.STOPPED  # type: ignore[misc]


def test_history_keeps_the_routine_as_it_was_after_the_routine_is_edited(
    history: History,
) -> None:
    first = history.start_session(ROUTINE)
    edited = dataclasses.replace(ROUTINE, name="Gentle start (shorter)", items=(ROUTINE.items[0],))
    second = history.start_session(edited)
    assert history.session(first.id).routine.name == "Gentle start"
    assert history.session(first.id).exercise_ids == ("knees_to_chest", "bridge")
    assert history.session(second.id).exercise_ids == ("knees_to_chest",)
    # Identical snapshots are stored once.
    history.start_session(ROUTINE)
    assert history.conn.execute("SELECT COUNT(*) FROM routine_snapshots").fetchone()[0] == 2


def test_an_unfinished_session_is_found_by_the_next_start_and_closed_as_partial(
    paths: AppPaths, clock: FakeClock
) -> None:
    with History.open(paths, clock=clock) as first_run:
        s = first_run.start_session(ROUTINE)
        clock.now += 100
        first_run.record_step(s.id, 0, "knees_to_chest", "hold")
        assert first_run.unfinished_sessions() == []  # its own session is not "unfinished"
        # ... the power goes out here.
    clock.now += 3600
    with History.open(paths, clock=clock) as next_run:
        (left,) = next_run.unfinished_sessions()
        assert left.id == s.id
        closed = next_run.close_as_partial(left.id)
        assert closed.status is SessionStatus.PARTIAL
        assert closed.ended_at == T0 + 100  # when the last step finished, not now
        assert next_run.unfinished_sessions() == []


def test_redoing_a_step_updates_it_instead_of_failing(history: History, clock: FakeClock) -> None:
    s = history.start_session(ROUTINE)
    history.record_step(s.id, 0, "bridge", "reps", done_s=5)
    clock.now += 30
    history.record_step(s.id, 0, "bridge", "reps", done_s=20)
    (step,) = history.steps(s.id)
    assert step.done_s == 20 and step.completed_at == T0 + 30


def test_checkin_stores_every_field(history: History) -> None:
    s = history.start_session(ROUTINE)
    c = history.add_checkin(
        CheckInKind.BEFORE,
        3,
        7,
        Extent.BELOW_KNEE,
        tingling=True,
        numbness=False,
        weakness=True,
        note="sat all day",
        session_id=s.id,
    )
    (stored,) = history.checkins()
    assert stored == c
    assert stored.id > 0 and len(stored.uuid) == 36 and stored.utc_offset == 3600
    assert history.checkins_for_session(s.id) == [c]


@pytest.mark.parametrize(
    ("back", "leg", "extent"),
    [(-1, 0, "none"), (0, 11, "none"), (True, 2, "none"), (2.5, 2, "none"), (1, 1, "knee")],
)
def test_invalid_checkins_are_rejected_before_writing(
    history: History, back: object, leg: object, extent: str
) -> None:
    with pytest.raises(ValueError):
        history.add_checkin("any", back, leg, extent)  # type: ignore[arg-type]
    assert history.checkins() == []


def test_response_answered_twice_keeps_the_last_answer(history: History) -> None:
    s = history.start_session(ROUTINE)
    history.set_response(s.id, "bridge", "worse")
    history.set_response(s.id, "bridge", Response.SAME)
    history.set_response(s.id, "knees_to_chest", "better")
    assert {(r.exercise_id, r.response) for r in history.responses(s.id)} == {
        ("bridge", Response.SAME),
        ("knees_to_chest", Response.BETTER),
    }


def test_this_hurts_events_are_kept_with_session_exercise_step_and_time(
    history: History, clock: FakeClock
) -> None:
    s = history.start_session(ROUTINE)
    clock.now += 12
    e = history.record_hurt(s.id, "bridge", 3)
    assert history.hurts(s.id) == [e]
    assert (e.exercise_id, e.step_index, e.at) == ("bridge", 3, T0 + 12)


def test_a_step_for_a_missing_session_is_refused(history: History) -> None:
    import sqlite3

    with pytest.raises(sqlite3.IntegrityError):
        history.record_step(999, 0, "bridge", "hold")


def _random_checkin(
    h: History, rng: random.Random, kind: str, at: int, session_id: int | None = None
) -> None:
    """A check-in with random back and leg scores and extent."""
    h.add_checkin(
        kind,
        rng.randint(0, 10),
        rng.randint(0, 10),
        rng.choice(list(Extent)),
        session_id=session_id,
        at=at,
    )


def _random_steps(h: History, rng: random.Random, sid: int, exercises: tuple[str, ...]) -> None:
    """Steps as a session really goes: some work steps skipped or cut short,
    sometimes ending before the last exercises, sometimes a step done again."""
    reached = exercises[: rng.randint(0, len(exercises))] if rng.random() < 0.3 else exercises
    index = 0
    for ex in reached:
        for kind in ("prepare", rng.choice(["hold", "reps"]), "rest", "hold"):
            work = kind in ("hold", "reps")
            skipped = work and rng.random() < 0.3
            done = 0.0 if skipped else rng.choice([30.0, 4.0])  # 4 s: cut short
            h.record_step(sid, index, ex, kind, planned_s=30, done_s=done, skipped=skipped)
            index += 1
    if index and rng.random() < 0.2:  # went back: the step recorded again, now skipped
        redo = rng.randrange(index)
        h.record_step(sid, redo, reached[redo // 4], "hold", planned_s=30, skipped=True)


def _random_history(h: History, clock: FakeClock, days: int, seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(days):
        clock.now += 86400
        if rng.random() < 0.8:
            s = h.start_session(
                ROUTINE
                if rng.random() < 0.7
                else dataclasses.replace(ROUTINE, id="short", items=(ROUTINE.items[1],))
            )
            _random_checkin(h, rng, "before", at=int(clock.now) - 60, session_id=s.id)
            _random_steps(h, rng, s.id, s.exercise_ids)
            for ex in s.exercise_ids:
                if rng.random() < 0.7:
                    h.set_response(s.id, ex, rng.choice(list(Response)))
                if rng.random() < 0.1:
                    h.record_hurt(s.id, ex, 1, at=int(clock.now) + 60)
            h.finish_session(
                s.id, rng.choice(["completed", "partial", "stopped"]), ended_at=int(clock.now) + 600
            )
            if rng.random() < 0.8:
                _random_checkin(h, rng, "after", at=int(clock.now) + 700, session_id=s.id)
        if rng.random() < 0.6:
            _random_checkin(h, rng, "any", at=int(clock.now) + 9 * 3600)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sql_trend_queries_agree_with_the_pure_functions(
    paths: AppPaths, clock: FakeClock, seed: int
) -> None:
    offsets = [3600, -5 * 3600, 0]
    with History.open(paths, clock=clock, utc_offset=lambda ts: offsets[seed - 1]) as h:
        _random_history(h, clock, 60, seed)
        sessions, checkins = h.sessions(), h.checkins()
        today = h.today()
        assert h.daily_series() == trends.daily_series(checkins)
        assert h.session_days() == trends.session_days(sessions)
        assert h.streak(today) == trends.habit_streak(sessions, today)
        sched = Schedule(5, "five a week")
        assert h.adherence(sched, today) == trends.adherence(sessions, sched, today)
        assert h.session_changes() == trends.session_changes(sessions, checkins)
        assert h.session_changes()  # the comparison is not vacuous
        felt = {"steps": h.steps(), "responses": h.responses(), "hurts": h.hurts()}
        links = h.exercise_links()
        assert links == trends.exercises_before_change(sessions, checkins, **felt)
        assert links and any(link.total for link in links)
        # Not vacuous: some done session with a pair credits fewer exercises
        # than its routine holds (skipped or never reached).
        routine_credit = trends.exercises_before_change(
            sessions, checkins, steps={s.id: s.exercise_ids for s in sessions}
        )
        assert sum(link.total for link in links) < sum(link.total for link in routine_credit)
        assert sum(link.hurts for link in links) == len(felt["hurts"]) > 0
        assert h.verdict(today) == trends.fourteen_day_verdict(checkins, today)
        data = h.trend_data(today)
        assert data == trends.trend_data(sessions, checkins, today, **felt)
        assert data.rolling.back and data.changes.session_id and data.sessions.stopped
        assert data.daily == trends.DailyColumns.of(h.daily_series())


def test_trend_data_cache_sees_every_new_write(paths: AppPaths, clock: FakeClock) -> None:
    with History.open(paths, clock=clock, utc_offset=lambda ts: 0) as h:
        _random_history(h, clock, 20, 4)
        today = h.today()
        first = h.trend_data(today)
        assert h.trend_data(today) is first  # unchanged data: served from the cache
        h.add_checkin("any", 9, 9, "foot")
        after_checkin = h.trend_data(today)
        assert sum(after_checkin.daily.count) == sum(first.daily.count) + 1
        s = h.start_session(ROUTINE)
        h.finish_session(s.id, "completed")
        assert sum(h.trend_data(today).sessions.done) == sum(after_checkin.sessions.done) + 1
        # A write through another connection (e.g. an import by the CLI) too.
        with History.open(paths, clock=clock, utc_offset=lambda ts: 0, backups=False) as other:
            other.add_checkin("any", 0, 0, "none")
        assert h.trend_data(today) == trends.trend_data(
            h.sessions(),
            h.checkins(),
            today,
            steps=h.steps(),
            responses=h.responses(),
            hurts=h.hurts(),
        )
        assert sum(h.trend_data(today).daily.count) == sum(after_checkin.daily.count) + 1


def test_an_exercise_answered_worse_and_pressed_hurts_on_leads_the_concern_order(
    paths: AppPaths, clock: FakeClock
) -> None:
    # Three days of the same routine, each followed by a better next
    # check-in. The person said bridge felt worse twice and pressed "this
    # hurts" on it three times (twice in a session they then stopped), and
    # said knees-to-chest felt better.
    with History.open(paths, clock=clock, utc_offset=lambda ts: 0) as h:
        for day, (bridge, hurts, status) in enumerate(
            [("worse", 1, "completed"), ("same", 0, "completed"), ("worse", 2, "stopped")]
        ):
            start = T0 + day * 86400
            s = h.start_session(ROUTINE, started_at=start)
            h.add_checkin("before", 6, 6, "thigh", session_id=s.id, at=start - 60)
            h.record_step(s.id, 0, "knees_to_chest", "hold", planned_s=30, done_s=30)
            h.record_step(s.id, 1, "bridge", "reps", planned_s=20, done_s=20)
            for n in range(hurts):
                h.record_hurt(s.id, "bridge", 3, at=start + 100 + n)
            h.finish_session(s.id, status, ended_at=start + 600)
            h.add_checkin("after", 4, 4, "thigh", session_id=s.id, at=start + 700)
            h.set_response(s.id, "bridge", bridge)
            h.set_response(s.id, "knees_to_chest", "better")
        # The third answer for knees-to-chest is changed: replaced, not added.
        h.set_response(s.id, "knees_to_chest", "same")
        links = {link.exercise_id: link for link in h.trend_data(date(2026, 1, 4)).exercises}
        bridge, knees = links["bridge"], links["knees_to_chest"]
        # Next check-in: two done sessions, both better; the stopped one is left out.
        assert (bridge.better, bridge.same, bridge.worse) == (2, 0, 0)
        assert (knees.better, knees.same, knees.worse) == (2, 0, 0)
        assert (bridge.felt_better, bridge.felt_same, bridge.felt_worse, bridge.hurts) == (
            0, 1, 2, 3,
        )  # fmt: skip
        assert (knees.felt_better, knees.felt_same, knees.felt_worse, knees.hurts) == (2, 1, 0, 0)
        assert bridge.lean is Response.WORSE and knees.lean is Response.BETTER
        ordered = trends.by_concern(links.values())
        assert [link.exercise_id for link in ordered] == ["bridge", "knees_to_chest"]


def test_next_checkin_goes_only_to_exercises_worked_in_the_session(
    paths: AppPaths, clock: FakeClock
) -> None:
    # Day 0: knees-to-chest done, bridge's reps skipped -> better.
    # Day 1: knees-to-chest cut short, then ended as partial before bridge -> worse.
    # Day 2: both done, but the person stopped the session -> not counted.
    with History.open(paths, clock=clock, utc_offset=lambda ts: 0) as h:
        plans = [
            ([("knees_to_chest", "hold", 30, False), ("bridge", "reps", 0, True)], "completed", 2),
            ([("knees_to_chest", "prepare", 10, False), ("knees_to_chest", "hold", 4, False)],
             "partial", 8),
            ([("knees_to_chest", "hold", 30, False), ("bridge", "reps", 20, False)], "stopped", 1),
        ]  # fmt: skip
        for day, (steps, status, after) in enumerate(plans):
            start = T0 + day * 86400
            s = h.start_session(ROUTINE, started_at=start)
            h.add_checkin("before", 5, 5, "thigh", session_id=s.id, at=start - 60)
            for i, (ex, kind, done, skipped) in enumerate(steps):
                h.record_step(s.id, i, ex, kind, planned_s=30, done_s=done, skipped=skipped)
            h.finish_session(s.id, status, ended_at=start + 600)
            h.add_checkin("after", after, after, "thigh", session_id=s.id, at=start + 700)
        links = {link.exercise_id: link for link in h.exercise_links()}
        assert set(links) == {"knees_to_chest"}  # bridge was never worked in a counted session
        knees = links["knees_to_chest"]
        assert (knees.better, knees.same, knees.worse) == (1, 0, 1)
        assert h.exercise_links() == trends.exercises_before_change(
            h.sessions(), h.checkins(), steps=h.steps()
        )
        # Going back and doing bridge's skipped reps after all credits it.
        first = h.sessions()[0]
        h.record_step(first.id, 1, "bridge", "reps", planned_s=30, done_s=30)
        links = {link.exercise_id: link for link in h.exercise_links()}
        assert (links["bridge"].better, links["bridge"].total) == (1, 1)
        assert h.aggregates_ok()


def test_a_session_followed_by_a_new_nerve_sign_is_not_counted_better(history: History) -> None:
    """Pain 5 before, 2 after, with numbness (tingling, weakness) the check-in
    before did not have: History's "next check-in" column counted the
    session's exercises as followed by "better". A new nerve sign is never
    better (docs/CLINICAL.md, section 2); the store and core agree."""
    h = history
    for day, sign in enumerate(("numbness", "tingling", "weakness", None)):
        start = T0 + day * 86400
        s = h.start_session(ROUTINE, started_at=start)
        h.add_checkin("before", 5, 5, "thigh", session_id=s.id, at=start - 60)
        h.record_step(s.id, 0, "knees_to_chest", "hold", planned_s=30, done_s=30)
        h.finish_session(s.id, "completed", ended_at=start + 600)
        signs = {sign: True} if sign else {}
        h.add_checkin("after", 2, 2, "thigh", session_id=s.id, at=start + 700, **signs)
    [knees] = h.exercise_links()
    assert (knees.better, knees.same, knees.worse) == (1, 0, 3)
    assert h.exercise_links() == trends.exercises_before_change(
        h.sessions(), h.checkins(), steps=h.steps()
    )


def test_trend_data_of_an_empty_history_is_empty(history: History) -> None:
    data = history.trend_data(date(2026, 1, 2))
    assert data == trends.trend_data([], [], date(2026, 1, 2), steps=())
    assert data.daily.day == () and data.rolling.back == () and data.changes.session_id == ()


def test_summary_counts_this_week_from_monday(paths: AppPaths, clock: FakeClock) -> None:
    # 2026-01-01 is a Thursday; sessions on Sun 28 Dec (last week), Thu 1, Fri 2.
    with History.open(paths, clock=clock, utc_offset=lambda ts: 0) as h:
        for day_offset in (-4, 0, 1):
            s = h.start_session(ROUTINE, started_at=T0 + day_offset * 86400)
            h.finish_session(s.id, "completed", ended_at=T0 + day_offset * 86400 + 600)
        summary = h.summary(date(2026, 1, 2))
        assert summary.sessions_this_week == 2
        assert summary.streak.current == 2
        assert summary.verdict.kind is trends.VerdictKind.NOT_ENOUGH_DATA
        assert summary.advice is None


def test_red_flag_answers_are_kept_with_their_time(paths) -> None:
    from stretchguide.core.safety import RED_FLAGS

    with History.open(paths, clock=lambda: 1_700_000_000.0) as h:
        answers = {f.id: f.id == "fever" for f in RED_FLAGS}
        h.record_red_flags(answers)
        h.record_red_flags({"bladder_start": True}, at=1_700_000_500)
        got = h.red_flag_answers()
        assert len(got) == len(RED_FLAGS) + 1
        assert (1_700_000_000, "fever", True, "soon") in got
        assert (1_700_000_000, "bladder_bowel", False, "urgent") in got
        assert got[-1] == (1_700_000_500, "bladder_start", True, "urgent")
        assert h.red_flag_answers(since=1_700_000_100) == [got[-1]]
        with pytest.raises(KeyError):
            h.record_red_flags({"no_such_flag": True})
        assert len(h.red_flag_answers()) == len(got)  # nothing half-written


@pytest.mark.parametrize("seed", [1, 2])
def test_trend_data_for_a_range_is_the_whole_answer_cut_to_that_range(
    paths: AppPaths, clock: FakeClock, seed: int
) -> None:
    offsets = [3600, -5 * 3600]
    with History.open(paths, clock=clock, utc_offset=lambda ts: offsets[seed - 1]) as h:
        _random_history(h, clock, 90, seed)
        today = h.today()
        since = h.daily_columns().day[0] + 40  # the history starts well before it
        part = h.trend_data(today, since_day=since)
        assert not h.trend_cached(today)  # a range is never served as the whole
        whole = h.trend_data(today)
        assert h.trend_cached(today) and h.trend_data(today, since_day=since) is whole
        keep = [i for i, d in enumerate(whole.daily.day) if d >= since]
        assert part.daily.day == tuple(whole.daily.day[i] for i in keep) and keep
        assert part.daily.back == tuple(whole.daily.back[i] for i in keep)
        assert part.daily.furthest == tuple(whole.daily.furthest[i] for i in keep)
        # The 7-day means at the range's start still average the days before it.
        cut = since - whole.rolling.first_day
        assert part.rolling.first_day == since
        assert part.rolling.back == pytest.approx(whole.rolling.back[cut:], nan_ok=True)
        assert part.rolling.days_with_data == whole.rolling.days_with_data[cut:]
        assert set(whole.changes.session_id) >= set(part.changes.session_id)
        first_ts = min(part.changes.started_at)
        assert [s for s, t in zip(whole.changes.session_id, whole.changes.started_at, strict=True)
                if t >= first_ts] == list(part.changes.session_id)  # fmt: skip
        assert part.changes.started_at[0] < (since + 1) * 86400
        assert part.sessions.day == tuple(d for d in whole.sessions.day if d >= since)
        # The streak and the verdict are the whole history's; the exercise table waits.
        assert part.streak == whole.streak and part.verdict == whole.verdict
        assert part.exercises == () and whole.exercises


def test_trend_data_for_a_range_holding_everything_is_the_whole_answer(
    paths: AppPaths, clock: FakeClock
) -> None:
    with History.open(paths, clock=clock, utc_offset=lambda ts: 0) as h:
        _random_history(h, clock, 20, 5)
        today = h.today()
        data = h.trend_data(today, since_day=h.daily_columns().day[0] - 1)
        assert h.trend_cached(today) and data.exercises
        assert data == trends.trend_data(
            h.sessions(),
            h.checkins(),
            today,
            steps=h.steps(),
            responses=h.responses(),
            hurts=h.hurts(),
        )
