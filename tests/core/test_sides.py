"""The painful side is never guessed: which legs every built-in routine works."""

from __future__ import annotations

import pytest

from stretchguide.core.catalog import Side, Sides, load_builtin
from stretchguide.core.cues import event_cue
from stretchguide.core.session import Event, EventKind
from stretchguide.core.timeline import (
    SIDE_SETTINGS,
    SessionOptions,
    SideMode,
    StepKind,
    Timeline,
    build_timeline,
    side_options,
)

CATALOG = load_builtin()
SETTINGS = (*SIDE_SETTINGS, "none", "LEFT", "garbage")  # old and hand-edited values too


def _sides_worked(tl: Timeline, exercise_index: int) -> set[Side | None]:
    found: set[Side | None] = set()
    for step in tl.steps:
        if step.exercise_index != exercise_index or not step.is_work:
            continue
        if step.kind is StepKind.REPS:
            found.update(step.rep_side(r) for r in range(1, step.reps + 1))
        else:
            found.add(step.side)
    return found


def _expected(sides: Sides, setting: str, mode: SideMode) -> set[Side | None]:
    if sides is Sides.NONE:
        return {None}
    if setting not in ("left", "right"):
        return {Side.LEFT, Side.RIGHT}
    painful = Side(setting)
    if sides is Sides.AFFECTED or mode is SideMode.AFFECTED_ONLY:
        return {painful}
    return {Side.LEFT, Side.RIGHT}


@pytest.mark.parametrize("routine_id", sorted(CATALOG.routines))
@pytest.mark.parametrize("setting", SETTINGS)
@pytest.mark.parametrize("mode_name", [m.value for m in SideMode])
def test_every_builtin_routine_works_exactly_the_expected_sides(
    routine_id: str, setting: str, mode_name: str
) -> None:
    routine = CATALOG.routines[routine_id]
    mode, painful = side_options(setting, mode_name)
    tl = build_timeline(
        routine, CATALOG.exercises, SessionOptions(side_mode=mode, affected_side=painful)
    )
    for index, item in enumerate(routine.items):
        got = _sides_worked(tl, index)
        assert got == _expected(item.dose.sides, setting, SideMode(mode_name)), (
            routine_id,
            item.exercise_id,
        )
        if painful is None and item.dose.sides is not Sides.NONE:
            # Not known: both legs get the same work, none is favoured.
            assert tl.work_s(index, Side.LEFT) == tl.work_s(index, Side.RIGHT) > 0


def test_only_a_named_leg_picks_a_side() -> None:
    for setting in SETTINGS:
        mode, side = side_options(setting, "affected_only")
        if setting in ("left", "right"):
            assert (mode, side) == (SideMode.AFFECTED_ONLY, Side(setting))
        else:
            assert (mode, side) == (SideMode.BOTH, None)
    assert SessionOptions().affected_side is None


@pytest.mark.parametrize("setting", ["left", "right"])
def test_screen_and_voice_name_the_painful_leg(setting: str) -> None:
    side = Side(setting)
    routine = CATALOG.routines["cause_foraminal_stenosis"]  # the side-stretch lean
    tl = build_timeline(
        routine, CATALOG.exercises, SessionOptions(affected_side=side, side_mode=SideMode.BOTH)
    )
    lean = [s for s in tl.steps if s.exercise_id == "side_stretch_dangle" and s.side]
    assert {s.side for s in lean} == {side}
    prepare = next(s for s in lean if s.kind is StepKind.PREPARE)
    cue = event_cue(
        Event(
            EventKind.PREPARE,
            0.0,
            0,
            exercise_id=prepare.exercise_id,
            exercise_name=prepare.exercise_name,
            side=side,
            text=prepare.instruction,
        ),
        CATALOG.exercises,
    )
    assert cue.line is not None
    assert f"your {setting} leg" in cue.line.text
    # Every instruction on screen names the leg, never "the painful" one.
    for step in lean:
        assert "painful" not in step.instruction.lower()
    # The lean says which way: away from the painful leg, toward the other.
    hold = next(s for s in lean if s.kind is StepKind.HOLD)
    intro = prepare.instruction + " " + hold.instruction
    assert f"toward your {side.other.value}" in intro.lower() or (
        f"lean to your {side.other.value}" in intro.lower()
    )


def test_a_note_naming_the_painful_leg_names_the_leg_being_worked() -> None:
    # Article 003 crosses each leg in turn; the note "Painful leg crossed
    # over." stood unchanged while the other leg was crossed. With the
    # painful leg unknown, the clam's "Painful leg on top." stood on both.
    def notes(routine_id: str, exercise_id: str, options: SessionOptions) -> set[tuple]:
        steps = build_timeline(CATALOG.routines[routine_id], CATALOG.exercises, options).steps
        return {
            (s.side, s.note.split(".")[0]) for s in steps if s.exercise_id == exercise_id and s.note
        }

    left = SessionOptions(affected_side=Side.LEFT, side_mode=SideMode.BOTH)
    assert notes("article_003_piriformis", "supine_piriformis_stretch", left) == {
        (Side.LEFT, "Left leg crossed over"),
        (Side.RIGHT, "Right leg crossed over"),
    }
    assert notes("cause_piriformis_syndrome", "clam_shell", SessionOptions()) == {
        (Side.LEFT, "Left leg on top"),
        (Side.RIGHT, "Right leg on top"),
    }
