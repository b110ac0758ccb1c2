"""The session engine, example by example, on a fake clock."""

from __future__ import annotations

import pytest
from tests.support import FakeClock, numbered, timeline_of

from stretchguide.core.catalog import Dose, Side, Sides
from stretchguide.core.session import Event, EventKind, Phase, Session
from stretchguide.core.timeline import SessionOptions, StepKind, Timeline


def plan(*doses: Dose, **options: object) -> Timeline:
    exercises = numbered(doses, name="Exercise {i}", steps=("Set up for {i}", "Move {i}"))
    return timeline_of(*exercises, options=SessionOptions(**options))  # type: ignore[arg-type]


T0 = 1000.0


# These examples tick when they like (the engine keeps deadlines, not
# ticks); the stall tests set the gap that pauses the session themselves.
SPARSE_TICKS = {"stall_threshold_s": 1e9}


def started(tl: Timeline, **kw: float) -> tuple[Session, list[Event]]:
    s = Session(tl, FakeClock(T0), **{**SPARSE_TICKS, **kw})
    return s, s.start(T0)


def run_until(s: Session, end: float, step: float = 0.1, start: float = T0) -> list[Event]:
    out: list[Event] = []
    n = max(1, round((start - T0) / step))
    while T0 + n * step <= end + 1e-9:
        out += s.tick(T0 + n * step)
        n += 1
    return out


def of(events: list[Event], kind: EventKind) -> list[Event]:
    return [e for e in events if e.kind is kind]


def test_nothing_happens_before_start() -> None:
    s = Session(plan(Dose(hold_s=10)), FakeClock())
    assert s.tick(T0 + 50) == []
    assert s.snapshot(T0).phase is Phase.IDLE


def test_start_announces_session_exercise_and_prepare_at_once() -> None:
    _, events = started(plan(Dose(hold_s=10)))
    assert [e.kind for e in events] == [
        EventKind.SESSION_START,
        EventKind.EXERCISE_INTRO,
        EventKind.PREPARE,
    ]
    assert all(e.at == T0 for e in events)
    assert events[1].exercise_name == "Exercise 0" and events[1].text == "Set up for 0"
    assert events[2].seconds == 5.0


def test_thirty_second_hold_fires_each_cue_on_its_deadline() -> None:
    s, _ = started(plan(Dose(hold_s=30)))
    events = run_until(s, T0 + 40)
    cues = [(e.kind, e.at - T0, e.seconds) for e in events[:-1] if e.step_index == 1]
    assert cues == [
        (EventKind.HOLD_START, 5.0, 30.0),
        (EventKind.HALFWAY, 20.0, 15.0),
        (EventKind.TEN_LEFT, 25.0, 10.0),
        (EventKind.COUNTDOWN, 32.0, 3.0),
        (EventKind.COUNTDOWN, 33.0, 2.0),
        (EventKind.COUNTDOWN, 34.0, 1.0),
        (EventKind.RELEASE, 35.0, 0.0),
    ]
    assert events[-1].kind is EventKind.SESSION_COMPLETE
    assert s.snapshot(T0 + 40).phase is Phase.FINISHED


@pytest.mark.parametrize(
    ("hold", "halfway", "ten_left"),
    [
        (10.0, False, False),
        (15.0, False, False),
        (16.0, False, True),
        (20.0, False, True),
        (24.0, True, True),
        (60.0, True, True),
    ],
)
def test_halfway_and_ten_left_only_on_holds_long_enough(
    hold: float, halfway: bool, ten_left: bool
) -> None:
    s, _ = started(plan(Dose(hold_s=hold)))
    events = run_until(s, T0 + 5 + hold, step=0.5)
    assert bool(of(events, EventKind.HALFWAY)) is halfway
    assert bool(of(events, EventKind.TEN_LEFT)) is ten_left


def test_one_very_late_tick_delivers_every_missed_cue_once_in_order() -> None:
    s, _ = started(plan(Dose(hold_s=30)))
    late = s.tick(T0 + 29.0)  # 29 s without a tick, but under the stall threshold
    kinds = [e.kind for e in late]
    assert kinds == [
        EventKind.COUNTDOWN,
        EventKind.COUNTDOWN,
        EventKind.COUNTDOWN,
        EventKind.HOLD_START,
        EventKind.HALFWAY,
        EventKind.TEN_LEFT,
    ]
    assert [e.at for e in late] == sorted(e.at for e in late)
    assert s.tick(T0 + 29.0) == []
    snap = s.snapshot(T0 + 29.0)
    assert snap.step_index == 1 and snap.remaining_s == pytest.approx(6.0)


def test_remaining_time_comes_from_the_deadline_not_the_tick_count() -> None:
    tl = plan(Dose(hold_s=30))
    busy, _ = started(tl)
    run_until(busy, T0 + 17.3, step=0.01)
    idle, _ = started(tl)
    idle.tick(T0 + 17.3)
    assert busy.snapshot(T0 + 17.3).remaining_s == pytest.approx(17.7)
    assert idle.snapshot(T0 + 17.3).remaining_s == pytest.approx(17.7)


def test_repetitions_fire_numbered_events_with_alternating_sides() -> None:
    s, _ = started(plan(Dose(reps=4, rep_s=2, hold_s=1, sides=Sides.ALTERNATING)))
    events = run_until(s, T0 + 30)
    reps = of(events, EventKind.REP)
    assert [(e.rep, e.reps, e.side, e.at - T0) for e in reps] == [
        (1, 4, Side.LEFT, 5.0),
        (2, 4, Side.RIGHT, 8.0),
        (3, 4, Side.LEFT, 11.0),
        (4, 4, Side.RIGHT, 14.0),
    ]
    assert [e.at - T0 for e in of(events, EventKind.REP_HOLD)] == [7.0, 10.0, 13.0, 16.0]
    assert of(events, EventKind.REPS_START)[0].at == T0 + 5
    assert [e.at - T0 for e in of(events, EventKind.RELEASE)] == [17.0]
    snap = s.snapshot(T0 + 17)
    assert snap.phase is Phase.FINISHED


def test_snapshot_during_reps_reports_current_repetition_and_side() -> None:
    s, _ = started(plan(Dose(reps=4, rep_s=2, sides=Sides.ALTERNATING)))
    s.tick(T0 + 7.5)
    snap = s.snapshot(T0 + 7.5)
    assert snap.phase is Phase.REPS
    assert (snap.rep, snap.reps, snap.side) == (2, 4, Side.RIGHT)


def test_switch_event_names_the_side_to_switch_to() -> None:
    s, _ = started(plan(Dose(hold_s=10, sides=Sides.EACH)))
    events = run_until(s, T0 + 40)
    switch = of(events, EventKind.SWITCH_SIDE)
    assert len(switch) == 1 and switch[0].side is Side.RIGHT
    assert switch[0].at == T0 + 15
    holds = of(events, EventKind.HOLD_START)
    assert [h.side for h in holds] == [Side.LEFT, Side.RIGHT]


def test_rest_between_exercises_says_how_long_and_what_is_next() -> None:
    s, first = started(plan(Dose(hold_s=10), Dose(hold_s=10), rest_between_exercises_s=15))
    events = first + run_until(s, T0 + 60)
    rest = of(events, EventKind.REST)[0]
    nxt = of(events, EventKind.NEXT_UP)[0]
    assert rest.seconds == 15 and rest.next_name == "Exercise 1" and rest.at == T0 + 15
    assert nxt.next_name == "Exercise 1" and nxt.at == rest.at
    intros = of(events, EventKind.EXERCISE_INTRO)
    assert [e.at - T0 for e in intros] == [0.0, 30.0]


def test_staged_hold_moves_to_the_next_stage_without_a_release_between() -> None:
    s, _ = started(plan(Dose(hold_s=10, stages=("arch", "hollow"))))
    events = run_until(s, T0 + 30)
    starts = of(events, EventKind.HOLD_START)
    assert [(e.stage, e.at - T0) for e in starts] == [("arch", 5.0), ("hollow", 15.0)]
    assert [e.at - T0 for e in of(events, EventKind.RELEASE)] == [25.0]


def test_pause_freezes_the_hold_and_resume_continues_with_the_time_left() -> None:
    s, _ = started(plan(Dose(hold_s=30)))
    run_until(s, T0 + 12)
    paused = s.pause(T0 + 12)
    assert of(paused, EventKind.PAUSED)
    assert s.tick(T0 + 100) == []  # nothing moves while paused
    snap = s.snapshot(T0 + 100)
    assert snap.phase is Phase.PAUSED and snap.paused and snap.remaining_s == pytest.approx(23)

    resumed = s.resume(T0 + 200)
    assert [(e.kind, e.seconds) for e in resumed] == [(EventKind.RESUMED, 3.0)]
    assert s.snapshot(T0 + 201).phase is Phase.RESUMING
    assert s.snapshot(T0 + 201).resume_left_s == pytest.approx(2.0)
    assert s.snapshot(T0 + 201).remaining_s == pytest.approx(23)
    cont = s.tick(T0 + 203)
    assert [(e.kind, e.at, e.seconds) for e in cont] == [(EventKind.CONTINUE, T0 + 203, 23.0)]
    rest = s.tick(T0 + 230)
    release = of(rest, EventKind.RELEASE)[0]
    assert release.at == pytest.approx(T0 + 203 + 23)


def test_pause_during_the_get_ready_keeps_the_step_untouched() -> None:
    s, _ = started(plan(Dose(hold_s=30)))
    s.tick(T0 + 10)
    s.pause(T0 + 10)
    s.resume(T0 + 20)
    s.pause(T0 + 21)  # still getting ready
    assert s.snapshot(T0 + 50).remaining_s == pytest.approx(25)
    s.resume(T0 + 60)
    events = s.tick(T0 + 80) + s.tick(T0 + 100)
    assert of(events, EventKind.RELEASE)[0].at == pytest.approx(T0 + 63 + 25)


def test_a_pause_on_a_step_deadline_delivers_the_boundary_and_pauses_the_next_step() -> None:
    s, _ = started(plan(Dose(hold_s=30)))  # prepare 0-5 s, hold 5-35 s
    paused = s.pause(T0 + 5)  # no tick since the start: the boundary is due now
    assert [e.kind for e in paused][-2:] == [EventKind.HOLD_START, EventKind.PAUSED]
    snap = s.snapshot(T0 + 5)
    assert snap.step is not None and snap.step.kind is StepKind.HOLD
    assert snap.remaining_s == 30.0
    s.resume(T0 + 50)
    cont = of(s.tick(T0 + 53), EventKind.CONTINUE)
    assert [(e.step_kind, e.seconds) for e in cont] == [(StepKind.HOLD, 30.0)]
    assert of(run_until(s, T0 + 90, start=T0 + 53), EventKind.RELEASE)[0].at == T0 + 53 + 30


def test_a_late_pause_after_a_deadline_keeps_the_time_the_next_step_has_run() -> None:
    s, _ = started(plan(Dose(hold_s=30)))
    run_until(s, T0 + 4.9)
    paused = s.pause(T0 + 5.5)  # the tick at 5.0 never came
    assert [(e.kind, e.at) for e in paused] == [
        (EventKind.HOLD_START, T0 + 5),
        (EventKind.PAUSED, T0 + 5.5),
    ]
    assert s.snapshot(T0 + 9).remaining_s == pytest.approx(29.5)
    s.resume(T0 + 9)
    assert [e.seconds for e in of(s.tick(T0 + 12), EventKind.CONTINUE)] == [pytest.approx(29.5)]


def test_a_pause_on_or_after_the_end_completes_the_session_instead() -> None:
    for late in (0.0, 0.1):
        s, _ = started(plan(Dose(hold_s=10)))  # 15 s in all
        run_until(s, T0 + 14.9)
        out = s.pause(T0 + 15 + late)
        assert [e.kind for e in out] == [EventKind.RELEASE, EventKind.SESSION_COMPLETE]
        assert s.done and s.snapshot(T0 + 20).phase is Phase.FINISHED
        assert s.resume(T0 + 20) == []


def test_a_pause_exactly_at_a_release_never_freezes_the_released_step() -> None:
    # After this pause and resume ``origin`` has bits that make
    # ``origin + 35 <= now`` true while ``now - origin`` is 1e-13 short of 35:
    # the release has fired, so the pause must land in the rest after it, not
    # leave a hold with 0 s to "continue".
    s, _ = started(plan(Dose(hold_s=30), Dose(hold_s=20)), resume_prepare_s=0.0)
    s.pause(T0 + 0.1)
    s.resume(T0 + 0.2)
    run_until(s, T0 + 30)
    deadline = s.deadline_of(35.0)  # the hold's end: prepare 5 s + hold 30 s
    assert deadline is not None
    out = s.pause(deadline)
    assert [(e.kind, e.at) for e in out if e.kind is not EventKind.COUNTDOWN] == [
        (EventKind.RELEASE, deadline),
        (EventKind.REST, deadline),
        (EventKind.NEXT_UP, deadline),
        (EventKind.PAUSED, deadline),
    ]
    snap = s.snapshot(deadline)
    assert snap.step is not None and snap.step.kind is StepKind.REST
    assert snap.remaining_s == 15.0
    cont = of(s.resume(deadline + 1), EventKind.CONTINUE)  # no get-ready here
    assert [(e.step_kind, e.seconds) for e in cont] == [(StepKind.REST, 15.0)]


def test_next_skips_to_the_following_step_and_fires_its_start_cues_now() -> None:
    s, _ = started(plan(Dose(hold_s=30), Dose(hold_s=10)))
    s.tick(T0 + 8)
    events = s.next(T0 + 8)
    assert events[0].kind is EventKind.SKIPPED and events[0].step_index == 2
    assert [(e.kind, e.at) for e in events[1:]] == [
        (EventKind.REST, T0 + 8),
        (EventKind.NEXT_UP, T0 + 8),
    ]
    assert not of(events, EventKind.RELEASE)  # the skipped hold never "ends"
    snap = s.snapshot(T0 + 8)
    assert snap.step_index == 2 and snap.remaining_s == 15.0


def test_previous_goes_back_one_step_and_restart_repeats_the_current_one() -> None:
    s, _ = started(plan(Dose(hold_s=30)))
    s.tick(T0 + 20)
    back = s.previous(T0 + 20)
    assert s.snapshot(T0 + 20).step_index == 0
    assert of(back, EventKind.PREPARE)[0].at == T0 + 20
    s.tick(T0 + 30)
    again = s.restart_step(T0 + 30)
    assert of(again, EventKind.HOLD_START)[0].at == T0 + 30
    assert s.snapshot(T0 + 31).remaining_s == pytest.approx(29)


def test_previous_on_the_first_step_restarts_it() -> None:
    s, _ = started(plan(Dose(hold_s=30)))
    s.tick(T0 + 2)
    s.previous(T0 + 2)
    assert s.snapshot(T0 + 2).step_index == 0 and s.snapshot(T0 + 2).remaining_s == 5.0


def test_next_on_the_last_step_completes_the_session() -> None:
    s, _ = started(plan(Dose(hold_s=30)))
    s.tick(T0 + 6)
    events = s.next(T0 + 6)
    assert events[-1].kind is EventKind.SESSION_COMPLETE
    assert s.snapshot(T0 + 6).phase is Phase.FINISHED and s.done
    assert s.tick(T0 + 60) == []


def test_exercise_jumps_land_on_exercise_boundaries() -> None:
    tl = plan(Dose(hold_s=10), Dose(hold_s=10), Dose(hold_s=10))
    firsts = tl.exercise_starts()
    s, _ = started(tl)
    s.next_exercise(T0 + 1)
    assert s.step_index(T0 + 1) == firsts[1]
    s.next_exercise(T0 + 2)
    assert s.step_index(T0 + 2) == firsts[2]
    s.previous_exercise(T0 + 3)
    assert s.step_index(T0 + 3) == firsts[1]


def test_jumping_while_paused_stays_paused_until_resumed() -> None:
    s, _ = started(plan(Dose(hold_s=30), Dose(hold_s=10)))
    s.tick(T0 + 8)
    s.pause(T0 + 8)
    s.next(T0 + 9)
    assert s.snapshot(T0 + 9).phase is Phase.PAUSED
    assert s.tick(T0 + 50) == []
    s.resume(T0 + 60)
    events = s.tick(T0 + 63)
    assert [e.kind for e in events][:2] == [EventKind.CONTINUE, EventKind.REST]


def test_a_clock_jump_beyond_the_threshold_pauses_where_the_stall_began() -> None:
    s, _ = started(plan(Dose(hold_s=60)), stall_threshold_s=30)
    s.tick(T0 + 10)
    events = s.tick(T0 + 400)  # laptop lid closed for six minutes
    assert [(e.kind, e.at, e.seconds) for e in events] == [(EventKind.STALLED, T0 + 10, 390.0)]
    snap = s.snapshot(T0 + 400)
    assert snap.phase is Phase.PAUSED and snap.stalled
    assert snap.elapsed_s == pytest.approx(10) and snap.remaining_s == pytest.approx(55)
    s.resume(T0 + 410)
    assert of(s.tick(T0 + 413), EventKind.CONTINUE)
    assert s.snapshot(T0 + 414).remaining_s == pytest.approx(54)


def test_a_gap_just_under_the_threshold_is_only_a_late_tick() -> None:
    s, _ = started(plan(Dose(hold_s=60)), stall_threshold_s=30)
    events = s.tick(T0 + 29.5)
    assert not of(events, EventKind.STALLED)
    assert s.snapshot(T0 + 29.5).phase is Phase.HOLD


def test_stop_ends_the_session_and_silences_later_ticks() -> None:
    s, _ = started(plan(Dose(hold_s=30)))
    s.tick(T0 + 7)
    events = s.stop(T0 + 7)
    assert [e.kind for e in events] == [EventKind.STOPPED]
    assert s.snapshot(T0 + 8).phase is Phase.STOPPED
    assert s.tick(T0 + 100) == [] and s.resume(T0 + 100) == []


def test_methods_read_the_injected_clock_when_no_time_is_given() -> None:
    clock = FakeClock(T0)
    s = Session(plan(Dose(hold_s=10)), clock, **SPARSE_TICKS)
    s.start()
    clock.now = T0 + 6
    events = s.tick()
    assert of(events, EventKind.HOLD_START)[0].at == T0 + 5
    assert s.snapshot().remaining_s == pytest.approx(9)
    assert s.phase is Phase.HOLD


def test_snapshot_progress_runs_from_zero_to_one() -> None:
    tl = plan(Dose(hold_s=20))
    s, _ = started(tl)
    assert s.snapshot(T0).session_progress == 0.0
    s.tick(T0 + 15)
    snap = s.snapshot(T0 + 15)
    assert snap.step_progress == pytest.approx(0.5) and snap.session_progress == pytest.approx(0.6)
    assert snap.step is not None and snap.step.kind is StepKind.HOLD
    s.tick(T0 + 25)
    assert s.snapshot(T0 + 25).session_progress == 1.0


def test_empty_routine_completes_immediately() -> None:
    s, events = started(plan())
    assert [e.kind for e in events] == [EventKind.SESSION_START, EventKind.SESSION_COMPLETE]
    assert s.snapshot(T0).phase is Phase.FINISHED


def test_next_deadline_is_none_before_start_and_after_the_end() -> None:
    s = Session(plan(Dose(hold_s=10)), FakeClock())
    assert s.next_deadline() is None
    s.start(T0)
    assert s.next_deadline() == T0 + 2  # the get-ready's "3"
    run_until(s, T0 + 20)
    assert s.done and s.next_deadline() is None


def test_ticking_only_at_each_next_deadline_delivers_every_cue_on_time() -> None:
    tl = plan(Dose(hold_s=30), Dose(reps=3, rep_s=2.0, hold_s=1.0), Dose(hold_s=20))
    polled, _ = started(tl)
    expected = run_until(polled, T0 + tl.total_s + 1, step=0.05)

    s, _ = started(tl)
    got: list[Event] = []
    while (deadline := s.next_deadline()) is not None:
        assert s.tick(deadline - 0.001) == []  # nothing is due before it
        batch = s.tick(deadline)
        assert batch and all(e.at == deadline for e in batch)
        got += batch
    assert [(e.kind, e.step_index, e.at) for e in got] == [
        (e.kind, e.step_index, pytest.approx(e.at)) for e in expected
    ]


def test_next_deadline_is_none_while_paused_and_the_get_ready_end_while_resuming() -> None:
    s, _ = started(plan(Dose(hold_s=30)))
    s.tick(T0 + 12)
    assert s.next_deadline() == T0 + 20  # halfway through the hold
    s.pause(T0 + 12)
    assert s.next_deadline() is None
    s.resume(T0 + 100)
    assert s.next_deadline() == T0 + 103  # the get-ready ends: CONTINUE
    assert [e.kind for e in s.tick(T0 + 103)] == [EventKind.CONTINUE]
    # The halfway call moved by exactly the time spent paused and getting ready.
    assert s.next_deadline() == pytest.approx(T0 + 20 + 91)
    s.stop(T0 + 104)
    assert s.next_deadline() is None


def test_next_deadline_follows_next_and_previous() -> None:
    s, _ = started(plan(Dose(hold_s=30), Dose(hold_s=10)))
    s.tick(T0 + 8)
    s.next(T0 + 8)  # into the 15 s rest: its start cues fire now
    assert s.next_deadline() == T0 + 8 + 12  # the rest's "3" of the countdown
    s.previous(T0 + 9)  # back to the 30 s hold, started afresh
    assert s.next_deadline() == T0 + 9 + 15  # its halfway call
    s.pause(T0 + 10)
    s.next(T0 + 11)  # moved while paused: still nothing due
    assert s.next_deadline() is None


def test_a_breath_paced_hold_counts_breaths_not_seconds() -> None:
    tl = plan(Dose(breaths=6), prepare_s=5.0, breath_s=5.0)
    hold = next(st for st in tl.steps if st.kind is StepKind.HOLD)
    assert (hold.breaths, hold.duration_s) == (6, 30.0)
    s, _ = started(tl)
    events = run_until(s, T0 + 40)
    breaths = of(events, EventKind.BREATH)
    assert [(e.rep, e.reps, e.at - T0) for e in breaths] == [
        (n + 1, 6, pytest.approx(5.0 + 5.0 * n, abs=0.11)) for n in range(6)
    ]
    start = of(events, EventKind.HOLD_START)[0]
    assert start.reps == 6
    # No seconds-based calls talking over the breathing.
    for kind in (EventKind.HALFWAY, EventKind.TEN_LEFT, EventKind.COUNTDOWN):
        assert not [e for e in of(events, kind) if e.step_index == 1]
    s2, _ = started(tl)
    snap = s2.snapshot(T0 + 5.0 + 12.0)  # 12 s into the hold: the third breath
    assert (snap.rep, snap.reps) == (3, 6)


def test_easing_off_takes_breaths_away_never_below_one() -> None:
    tl = plan(Dose(breaths=8), hold_scale=0.6)
    hold = next(st for st in tl.steps if st.kind is StepKind.HOLD)
    assert hold.breaths == 5
    tiny = plan(Dose(breaths=1), hold_scale=0.1)
    assert next(st for st in tiny.steps if st.kind is StepKind.HOLD).breaths == 1
