"""The position badge on a routine's list says what its figure shows (issue 11 §6).

The badge is the exercise's ``position``; the figure is the pose library's
drawing. They are written apart, so they can drift: an exercise drawn
sitting up in pigeon once carried a "hands and knees" badge. What the
figure rests on the floor as the person gets into position tells them apart.
"""

from __future__ import annotations

import pytest

from stretchguide.core import figures as pl
from stretchguide.core.catalog import Equipment, Position, load_builtin

CATALOG = load_builtin()
TRUNK = {"pelvis", "abdomen", "mid_back", "neck", "head"}
HANDS_AND_KNEES = {"l_hand", "r_hand", "l_knee", "r_knee"}
FEET = {"l_heel", "l_toe", "r_heel", "r_toe"}


def _start_rests(exercise_id: str) -> set[str]:
    return {r.point for r in pl.figure(exercise_id).start.rests}


@pytest.mark.parametrize("exercise_id", sorted(CATALOG.exercises))
def test_the_position_badge_matches_the_figure(exercise_id: str) -> None:
    ex = CATALOG.exercises[exercise_id]
    rests = _start_rests(exercise_id)
    on_hands_and_knees = rests >= HANDS_AND_KNEES and not rests & TRUNK
    # Both ways: a figure on hands and knees is badged so, and only such a one.
    assert (ex.position is Position.ALL_FOURS) == on_hands_and_knees, (
        f"{exercise_id}: badge {ex.position.value}, figure rests {sorted(rests)}"
    )
    if ex.position is Position.STANDING:
        assert rests <= FEET, f"{exercise_id}: standing, but rests {sorted(rests)}"
    if ex.position in (Position.SUPINE, Position.PRONE):
        assert rests & TRUNK, f"{exercise_id}: lying, but the trunk rests on nothing"
    if ex.position is Position.SEATED:
        assert not rests & TRUNK, f"{exercise_id}: seated, but lies on {sorted(rests & TRUNK)}"
        assert not {"l_hand", "r_hand"} & rests, f"{exercise_id}: seated on the hands"
        if Equipment.CHAIR not in ex.equipment:
            # On the floor: something besides the feet sits on it.
            assert rests - FEET, f"{exercise_id}: seated on the floor on the feet only"


def test_the_hip_rotator_stretch_starts_where_its_figure_sits_and_says_whose_choice() -> None:
    ex = CATALOG.exercises["hip_rotator_energy_stretch"]
    assert ex.position is Position.SEATED
    first = ex.steps[0]
    assert "Sit on the floor" in first and ex.phases[0].value == "setup"
    # The stage lines still come from the work steps, not the set-up line.
    assert "pigeon" not in first.lower() and "raise" not in first.lower()
    # Article 001 gives no start position: the routine says the choice is ours.
    item = next(
        i
        for i in CATALOG.routines["article_001_seven_best"].items
        if i.exercise_id == "hip_rotator_energy_stretch"
    )
    assert "no start position" in item.note and "StretchGuide's choice" in item.note
