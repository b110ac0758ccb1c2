"""Routine -> timeline: what steps a dose becomes, and the plan's arithmetic."""

from __future__ import annotations

import math

import pytest
from tests.support import exercise, numbered, timeline_of

from stretchguide.core import catalog
from stretchguide.core.catalog import Dose, Routine, RoutineItem, Schedule, Side, Sides
from stretchguide.core.timeline import (
    SessionOptions,
    SideMode,
    StepKind,
    Timeline,
    build_timeline,
)


def plan(*doses: Dose, options: SessionOptions | None = None) -> Timeline:
    return timeline_of(*numbered(doses), options=options)


def kinds(tl: Timeline) -> list[StepKind]:
    return [s.kind for s in tl.steps]


def test_single_hold_is_prepare_then_hold() -> None:
    tl = plan(Dose(hold_s=30))
    assert kinds(tl) == [StepKind.PREPARE, StepKind.HOLD]
    assert [s.duration_s for s in tl.steps] == [5.0, 30.0]
    assert tl.steps[0].intro
    assert tl.total_s == 35.0


def test_total_and_starts_are_the_running_sum_of_durations() -> None:
    tl = plan(Dose(hold_s=20, sets=3, rest_s=7, sides=Sides.EACH), Dose(reps=5, rep_s=2))
    assert tl.total_s == pytest.approx(math.fsum(s.duration_s for s in tl.steps))
    for i in range(1, len(tl.steps)):
        assert tl.starts[i] == pytest.approx(tl.starts[i - 1] + tl.steps[i - 1].duration_s)


def test_each_side_dose_does_left_then_switch_then_right_with_set_rests() -> None:
    tl = plan(Dose(hold_s=30, sets=2, rest_s=10, sides=Sides.EACH))
    assert kinds(tl) == [
        StepKind.PREPARE,
        StepKind.HOLD,
        StepKind.REST,
        StepKind.HOLD,
        StepKind.SWITCH,
        StepKind.HOLD,
        StepKind.REST,
        StepKind.HOLD,
    ]
    sides = [s.side for s in tl.steps]
    assert sides[:4] == [Side.LEFT] * 4 and sides[4:] == [Side.RIGHT] * 4
    assert [s.set_no for s in tl.steps if s.kind is StepKind.HOLD] == [1, 2, 1, 2]
    assert tl.steps[2].duration_s == 10.0
    assert tl.work_s(0, Side.LEFT) == tl.work_s(0, Side.RIGHT) == 60.0


def test_switch_step_names_the_side_being_switched_to() -> None:
    tl = plan(Dose(hold_s=10, sides=Sides.EACH), options=SessionOptions(switch_s=4))
    switch = next(s for s in tl.steps if s.kind is StepKind.SWITCH)
    assert switch.side is Side.RIGHT
    assert switch.duration_s == 4.0
    assert "right" in switch.instruction


def test_affected_first_starts_on_the_affected_side() -> None:
    options = SessionOptions(side_mode=SideMode.AFFECTED_FIRST, affected_side=Side.RIGHT)
    tl = plan(Dose(hold_s=10, sides=Sides.EACH), options=options)
    holds = [s.side for s in tl.steps if s.kind is StepKind.HOLD]
    assert holds == [Side.RIGHT, Side.LEFT]


def test_affected_only_drops_the_other_side_and_its_switch() -> None:
    options = SessionOptions(side_mode=SideMode.AFFECTED_ONLY, affected_side=Side.RIGHT)
    tl = plan(Dose(hold_s=10, sets=2, sides=Sides.EACH), options=options)
    assert StepKind.SWITCH not in kinds(tl)
    assert tl.work_s(0, Side.LEFT) == 0.0
    assert tl.work_s(0, Side.RIGHT) == 20.0


def test_extra_set_mode_gives_the_affected_side_exactly_one_more_set() -> None:
    options = SessionOptions(side_mode=SideMode.EXTRA_AFFECTED, affected_side=Side.RIGHT)
    tl = plan(Dose(hold_s=15, sets=2, rest_s=5, sides=Sides.EACH), options=options)
    assert tl.work_s(0, Side.RIGHT) - tl.work_s(0, Side.LEFT) == 15.0
    right_sets = {s.sets for s in tl.steps if s.side is Side.RIGHT and s.kind is StepKind.HOLD}
    assert right_sets == {3}


def test_affected_dose_stays_on_the_affected_side_unless_opted_in() -> None:
    dose = Dose(hold_s=30, sides=Sides.AFFECTED)
    only = plan(dose, options=SessionOptions(affected_side=Side.RIGHT))
    assert {s.side for s in only.steps} == {Side.RIGHT}
    both = plan(
        dose, options=SessionOptions(affected_side=Side.RIGHT, affected_dose_both_sides=True)
    )
    assert both.work_s(0, Side.LEFT) == both.work_s(0, Side.RIGHT) == 30.0


def test_sideless_dose_has_no_side_and_no_switch() -> None:
    tl = plan(Dose(hold_s=10), options=SessionOptions(side_mode=SideMode.EXTRA_AFFECTED))
    assert {s.side for s in tl.steps} == {None}
    assert StepKind.SWITCH not in kinds(tl)


def test_repetitions_are_one_step_with_tempo_and_per_rep_hold() -> None:
    tl = plan(Dose(reps=20, rep_s=2, hold_s=5))
    reps = tl.steps[1]
    assert reps.kind is StepKind.REPS
    assert reps.reps == 20 and reps.rep_period_s == 7.0
    assert reps.duration_s == 140.0
    offsets = reps.rep_offsets()
    assert offsets[0] == 0.0 and offsets[1] == 7.0 and offsets[-1] == 133.0
    assert reps.rep_at(0.0) == 1 and reps.rep_at(6.99) == 1 and reps.rep_at(7.0) == 2
    assert reps.rep_at(140.0) == 20


def test_repetitions_without_tempo_get_the_default_tempo() -> None:
    tl = plan(Dose(reps=4), options=SessionOptions(default_rep_s=2.5))
    assert tl.steps[1].duration_s == 10.0


def test_alternating_reps_alternate_sides_and_split_work_evenly() -> None:
    tl = plan(Dose(reps=10, rep_s=3, sides=Sides.ALTERNATING))
    step = tl.steps[1]
    assert step.alternating and step.side is Side.LEFT
    assert [step.rep_side(n) for n in (1, 2, 3)] == [Side.LEFT, Side.RIGHT, Side.LEFT]
    assert tl.work_s(0, Side.LEFT) == tl.work_s(0, Side.RIGHT) == 15.0


def test_odd_alternating_count_is_evened_up_so_sides_match() -> None:
    tl = plan(Dose(reps=5, rep_s=2, sides=Sides.ALTERNATING))
    assert tl.steps[1].reps == 6
    assert tl.work_s(0, Side.LEFT) == tl.work_s(0, Side.RIGHT)


def test_alternating_affected_first_starts_on_affected_side() -> None:
    options = SessionOptions(side_mode=SideMode.AFFECTED_FIRST, affected_side=Side.RIGHT)
    tl = plan(Dose(reps=4, rep_s=2, sides=Sides.ALTERNATING), options=options)
    assert tl.steps[1].rep_side(1) is Side.RIGHT


def test_alternating_extra_mode_adds_one_set_on_the_affected_side() -> None:
    options = SessionOptions(side_mode=SideMode.EXTRA_AFFECTED, affected_side=Side.LEFT)
    tl = plan(Dose(reps=6, rep_s=2, sides=Sides.ALTERNATING), options=options)
    assert tl.work_s(0, Side.LEFT) - tl.work_s(0, Side.RIGHT) == 12.0


def test_named_stages_become_consecutive_holds_with_their_own_instruction() -> None:
    cat = exercise(
        "cat_stretch",
        Dose(hold_s=30, stages=("arch", "hollow")),
        steps=("Kneel on hands and knees", "Round your back into an arch", "Let it dip: hollow"),
    )
    tl = timeline_of(cat)
    holds = [s for s in tl.steps if s.kind is StepKind.HOLD]
    assert [(h.stage, h.duration_s) for h in holds] == [("arch", 30.0), ("hollow", 30.0)]
    assert "arch" in holds[0].instruction and "hollow" in holds[1].instruction
    assert tl.steps[0].instruction == "Kneel on hands and knees"


def test_rest_between_sets_defaults_when_the_dose_gives_none() -> None:
    tl = plan(Dose(hold_s=30, sets=4), options=SessionOptions(default_set_rest_s=6))
    rests = [s for s in tl.steps if s.kind is StepKind.REST]
    assert len(rests) == 3 and {r.duration_s for r in rests} == {6.0}


def test_rest_between_exercises_names_the_next_exercise_and_none_after_the_last() -> None:
    tl = plan(Dose(hold_s=10), Dose(hold_s=10), options=SessionOptions(rest_between_exercises_s=20))
    assert kinds(tl) == [
        StepKind.PREPARE,
        StepKind.HOLD,
        StepKind.REST,
        StepKind.PREPARE,
        StepKind.HOLD,
    ]
    rest = tl.steps[2]
    assert rest.duration_s == 20.0 and rest.next_name == "Ex1"
    assert tl.next_exercise_name(0) == "Ex1"
    assert tl.next_exercise_name(4) == ""


def test_zero_length_options_leave_no_empty_steps() -> None:
    options = SessionOptions(prepare_s=0, switch_s=0, rest_between_exercises_s=0)
    tl = plan(Dose(hold_s=10, sides=Sides.EACH), Dose(hold_s=5), options=options)
    assert kinds(tl) == [StepKind.HOLD] * 3
    assert all(s.duration_s > 0 for s in tl.steps)


def test_hold_scale_shortens_holds_in_whole_seconds_but_not_repetition_counts() -> None:
    options = SessionOptions(hold_scale=0.5)
    tl = plan(Dose(hold_s=25), Dose(reps=10, rep_s=2, hold_s=3), Dose(hold_s=1), options=options)
    holds = [s.duration_s for s in tl.steps if s.kind is StepKind.HOLD]
    assert holds == [12.0, 1.0]  # round(12.5) == 12; never below one second
    reps = next(s for s in tl.steps if s.kind is StepKind.REPS)
    assert reps.reps == 10 and reps.hold_s == 2.0


def test_exercise_boundaries_and_step_lookup() -> None:
    tl = plan(Dose(hold_s=10), Dose(hold_s=10, sides=Sides.EACH))
    assert tl.exercise_count == 2
    firsts = tl.exercise_starts()
    assert firsts == (0, 3)
    assert list(tl.exercise_range(0)) == [0, 1, 2]  # the trailing rest belongs to it
    assert tl.step_index_at(0.0) == 0
    assert tl.step_index_at(tl.starts[3]) == 3
    assert tl.step_index_at(tl.starts[3] - 0.001) == 2
    assert tl.step_index_at(tl.total_s + 100) == len(tl.steps) - 1


def test_unknown_exercise_id_is_reported_by_name() -> None:
    routine = Routine("r", "R", "", (RoutineItem("nope", Dose(hold_s=5)),), Schedule(7, ""))
    with pytest.raises(KeyError, match="nope"):
        build_timeline(routine, {})


def test_options_reject_nonsense_values() -> None:
    with pytest.raises(ValueError):
        SessionOptions(hold_scale=0)
    with pytest.raises(ValueError):
        SessionOptions(prepare_s=-1)


def test_every_builtin_routine_lays_out_in_every_side_mode() -> None:
    cat = catalog.load_builtin()
    assert cat.routines, "no built-in routines"
    for routine in cat.routines.values():
        for mode in SideMode:
            tl = build_timeline(routine, cat.exercises, SessionOptions(side_mode=mode))
            assert tl.total_s > 0
            assert tl.exercise_count == len(routine.items)
            if mode is not SideMode.BOTH:
                continue
            for index, item in enumerate(routine.items):
                if item.dose.sides is not Sides.AFFECTED:
                    left, right = tl.work_s(index, Side.LEFT), tl.work_s(index, Side.RIGHT)
                    assert left == pytest.approx(right), (routine.id, item.exercise_id)
