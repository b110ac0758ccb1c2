"""Instructions fit the phase: the hold shows the hold, not how to finish."""

from __future__ import annotations

from dataclasses import replace

import pytest

from stretchguide.core.catalog import (
    CatalogError,
    Routine,
    RoutineItem,
    Schedule,
    Side,
    StepPhase,
    load_builtin,
)
from stretchguide.core.timeline import SessionOptions, StepKind, Timeline, build_timeline

CATALOG = load_builtin()


def _timeline(exercise_id: str, **dose: object) -> Timeline:
    ex = CATALOG.exercises[exercise_id]
    d = replace(ex.dose, **dose)  # type: ignore[arg-type]
    routine = Routine("t", "t", "", (RoutineItem(ex.id, d, note="A note."),), Schedule(1, ""))
    return build_timeline(routine, CATALOG.exercises, SessionOptions(affected_side=Side.RIGHT))


def test_the_bridge_hold_shows_a_hold_not_rolling_down() -> None:
    tl = _timeline("bridge")
    hold = next(s for s in tl.steps if s.kind is StepKind.HOLD)
    assert "roll down" not in hold.instruction.lower()
    assert hold.instruction in CATALOG.exercises["bridge"].lines(StepPhase.WORK)


def test_knees_to_chest_repetitions_do_not_say_lower_one_leg() -> None:
    tl = _timeline("knees_to_chest", reps=20, rep_s=3.0, hold_s=0.0)
    reps = next(s for s in tl.steps if s.kind is StepKind.REPS)
    assert "lower one leg" not in reps.instruction.lower()


def test_the_chair_twist_changes_seat_only_when_switching() -> None:
    tl = _timeline("chair_torso_twist")
    first = next(s for s in tl.steps if s.kind is StepKind.REPS)
    switch = next(s for s in tl.steps if s.kind is StepKind.SWITCH)
    assert "other way" not in first.instruction
    assert "sit facing the other way" in switch.instruction
    assert switch.instruction.endswith("Now your right side.")


def test_every_builtin_exercise_works_with_a_work_step_on_screen() -> None:
    for ex in CATALOG.exercises.values():
        assert ex.lines(StepPhase.WORK), ex.id
        assert ex.say, f"{ex.id} has no short spoken caution"
        assert len(ex.say.split()) <= 8, ex.id


def test_cautions_and_the_routine_note_travel_with_every_step() -> None:
    tl = _timeline("nerve_glide_knee")
    ex = CATALOG.exercises["nerve_glide_knee"]
    for step in tl.steps:
        assert step.note == "A note."
        assert step.cautions == ex.cautions
        assert "tingling" in step.caution_text


def _exercise_file(phases: str) -> str:
    return f"""
[[exercise]]
id = "test_ex"
name = "Test"
position = "supine"
equipment = []
kind = "stretch"
steps = ["Lie down.", "Hold."]
{phases}
dose = {{ hold_s = 10 }}
"""


@pytest.mark.parametrize(
    ("phases", "expected"),
    [
        ('phases = ["setup"]', "a list of 2 phases, one per step"),
        ('phases = ["setup", "hold"]', "one of"),
        ('phases = ["setup", "finish"]', 'at least one "work" step'),
    ],
)
def test_bad_phases_are_refused_naming_the_field(phases: str, expected: str) -> None:
    from pathlib import Path

    from stretchguide.core import catalog

    with pytest.raises(CatalogError) as err:
        catalog._validated(  # the loader's own path for exercises.toml
            Path("exercises.toml"), _exercise_file(phases), catalog._read_exercises
        )
    assert "phases" in (err.value.field or "")
    assert expected in str(err.value)
