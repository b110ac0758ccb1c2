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

    from stretchguide.core.catalog import reader

    with pytest.raises(CatalogError) as err:
        reader._validated(  # the loader's own path for exercises.toml
            Path("exercises.toml"), _exercise_file(phases), reader._read_exercises
        )
    assert "phases" in (err.value.field or "")
    assert expected in str(err.value)


def test_the_001_bridge_is_dosed_in_breaths_and_said_so() -> None:
    from stretchguide.core.cues import event_cue
    from stretchguide.core.session import Event, EventKind

    routine = CATALOG.routines["article_001_seven_best"]
    item = next(i for i in routine.items if i.exercise_id == "bridge")
    assert 5 <= item.dose.breaths <= 10
    tl = build_timeline(routine, CATALOG.exercises, SessionOptions())
    hold = next(s for s in tl.steps if s.exercise_id == "bridge" and s.kind is StepKind.HOLD)
    assert hold.breaths == item.dose.breaths
    start = event_cue(
        Event(EventKind.HOLD_START, 0.0, 0, step_kind=StepKind.HOLD, reps=hold.breaths),
        CATALOG.exercises,
    )
    assert start.line is not None and f"{hold.breaths} breaths" in start.line.text
    breath = event_cue(Event(EventKind.BREATH, 0.0, 0, rep=1, reps=8), CATALOG.exercises)
    assert breath.line is not None and "Breathe in" in breath.line.text


@pytest.mark.parametrize(
    ("dose", "expected"),
    [
        ("{ breaths = 8, reps = 10, rep_s = 2 }", "no breaths when reps > 1"),
        ('{ breaths = 8, stages = ["A", "B"] }', "no breaths together with stages"),
        ("{ breaths = 40 }", "a whole number from 0 to 30"),
    ],
)
def test_bad_breath_doses_are_refused_naming_the_field(dose: str, expected: str) -> None:
    from stretchguide.core.catalog import parse_routine_text

    text = f'name = "x"\n[[items]]\nexercise = "bridge"\ndose = {dose}\n'
    with pytest.raises(CatalogError) as err:
        parse_routine_text(text, "mine.toml", CATALOG.exercises)
    assert err.value.field == "items[0].dose.breaths"
    assert expected in str(err.value)


def test_the_hip_rotator_stretch_tires_the_muscle_before_the_pigeon() -> None:
    from stretchguide.core.cues import event_cue
    from stretchguide.core.session import Event, EventKind

    routine = CATALOG.routines["article_001_seven_best"]
    tl = build_timeline(routine, CATALOG.exercises, SessionOptions())
    holds = [
        s
        for s in tl.steps
        if s.exercise_id == "hip_rotator_energy_stretch" and s.kind is StepKind.HOLD
    ]
    # Per side: a timed "raise and lower" phase, then the 20 s pigeon (article 001).
    assert [(s.side, s.stage, s.duration_s) for s in holds] == [
        (Side.LEFT, "Raise and lower", 20.0),
        (Side.LEFT, "Pigeon", 20.0),
        (Side.RIGHT, "Raise and lower", 20.0),
        (Side.RIGHT, "Pigeon", 20.0),
    ]
    assert "tire" in holds[0].instruction and "pigeon" in holds[1].instruction
    cue = event_cue(
        Event(EventKind.HOLD_START, 0.0, 0, stage="Raise and lower", seconds=20.0),
        CATALOG.exercises,
    )
    assert cue.line is not None and "Hold" not in cue.line.text


def test_the_short_caution_is_spoken_as_the_exercise_starts() -> None:
    from stretchguide.core.cues import event_cue, recorded_clips, say_clip_key
    from stretchguide.core.session import EventKind, Session

    routine = CATALOG.routines["cause_piriformis_syndrome"]
    tl = build_timeline(routine, CATALOG.exercises, SessionOptions(affected_side=Side.LEFT))
    events = Session(tl, lambda: 0.0).start(0.0)
    intro = next(e for e in events if e.kind is EventKind.EXERCISE_INTRO)
    recorded = recorded_clips(CATALOG.exercises.values())
    cue = event_cue(intro, CATALOG.exercises, recorded)
    assert cue.line is not None
    assert cue.line.text.endswith("Not on the nerve.")
    # The recorded fallback says it too, right after the first instruction.
    assert cue.line.clips[-1] == say_clip_key("ball_piriformis_release")
