"""Builders and fakes shared by the test suites.

Import as ``from tests.support import ...``: the pytest configuration puts
the project root on sys.path (``pythonpath`` in pyproject.toml), and
``tests`` is then a namespace package (there is no tests/__init__.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from stretchguide.core.catalog import (
    Area,
    Dose,
    Equipment,
    Exercise,
    Kind,
    Position,
    Routine,
    RoutineItem,
    Schedule,
    Sides,
)
from stretchguide.core.timeline import SessionOptions, Timeline, build_timeline

EVERY_DAY = Schedule(7, "")


class FakeClock:
    """A monotonic clock the test moves by hand: call it for the time."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def exercise(
    ex_id: str,
    dose: Dose,
    *,
    name: str = "",
    steps: tuple[str, ...] = (),
    position: Position = Position.SUPINE,
    equipment: Iterable[Equipment] = (),
    kind: Kind = Kind.STRETCH,
    feel: tuple[Area, ...] = (),
) -> Exercise:
    """An exercise with only what a test cares about; the name defaults to the
    id in title case ("ex1" -> "Ex1"), the steps to two generic ones."""
    return Exercise(
        id=ex_id,
        name=name or ex_id.replace("_", " ").title(),
        steps=steps or (f"Get into position for {ex_id}", f"Do {ex_id}"),
        position=position,
        equipment=frozenset(equipment),
        kind=kind,
        dose=dose,
        feel=feel,
    )


def hold_exercise(ex_id: str, hold_s: float, sides: Sides = Sides.NONE, **details: Any) -> Exercise:
    """An exercise held for ``hold_s`` seconds (on each side with Sides.EACH)."""
    return exercise(ex_id, Dose(hold_s=hold_s, sides=sides), **details)


def reps_exercise(
    ex_id: str,
    reps: int,
    rep_s: float,
    *,
    hold_s: float = 0.0,
    sides: Sides = Sides.NONE,
    **details: Any,
) -> Exercise:
    """An exercise done ``reps`` times, ``rep_s`` seconds a repetition (plus
    ``hold_s`` held at the top of each)."""
    dose = Dose(reps=reps, rep_s=rep_s, hold_s=hold_s, sides=sides)
    return exercise(ex_id, dose, **details)


def by_id(*exercises: Exercise) -> dict[str, Exercise]:
    """The exercises as the id -> Exercise mapping the engine looks them up in."""
    return {e.id: e for e in exercises}


def routine_of(
    *exercises: Exercise,
    rid: str = "r",
    name: str = "R",
    schedule: Schedule = EVERY_DAY,
) -> Routine:
    """A routine doing each exercise once, in order, at its own dose."""
    return Routine(rid, name, "", tuple(RoutineItem(e.id, e.dose) for e in exercises), schedule)


def timeline_of(*exercises: Exercise, options: SessionOptions | None = None) -> Timeline:
    """The timeline of ``routine_of(*exercises)``."""
    return build_timeline(routine_of(*exercises), by_id(*exercises), options)


def numbered(doses: Iterable[Dose], name: str = "", steps: tuple[str, ...] = ()) -> list[Exercise]:
    """One exercise per dose, with ids ex0, ex1, ...; ``{i}`` in ``name`` and
    ``steps`` stands for the index, and empty ones take exercise()'s defaults."""
    return [
        exercise(f"ex{i}", d, name=name.format(i=i), steps=tuple(s.format(i=i) for s in steps))
        for i, d in enumerate(doses)
    ]


def tiny_exercises() -> dict[str, Exercise]:
    """Four exercises spanning the positions, equipment and dose kinds the app
    filters and plays on: floor hold, side-lying reps, chair hold, standing reps."""
    return by_id(
        hold_exercise(
            "knees_to_chest",
            10,
            name="Knees to chest",
            steps=("Lie on your back.", "Hug both knees in."),
            equipment={Equipment.MAT},
        ),
        reps_exercise(
            "clam_shell",
            5,
            2,
            sides=Sides.EACH,
            name="Clam shell",
            steps=("Lie on your side.", "Lift the top knee."),
            position=Position.SIDE_LYING,
            equipment={Equipment.MAT, Equipment.BAND},
            kind=Kind.STRENGTHEN,
        ),
        hold_exercise(
            "chair_torso_twist",
            5,
            Sides.EACH,
            name="Chair torso twist",
            steps=("Sit tall on a chair.", "Turn to one side."),
            position=Position.SEATED,
            equipment={Equipment.CHAIR},
            kind=Kind.MOBILITY,
        ),
        reps_exercise(
            "standing_extension",
            3,
            2,
            name="Standing extension",
            steps=("Stand tall.", "Lean back gently."),
            position=Position.STANDING,
            kind=Kind.MOBILITY,
        ),
    )


def tiny_routine(
    rid: str = "tiny", items: tuple[tuple[str, Dose], ...] | None = None, builtin: bool = True
) -> Routine:
    """A routine over tiny_exercises(): by default knees to chest, then the
    chair twist on each side; ``items`` gives (exercise id, dose) pairs instead."""
    items = items or (
        ("knees_to_chest", Dose(hold_s=10)),
        ("chair_torso_twist", Dose(hold_s=5, sides=Sides.EACH)),
    )
    return Routine(
        id=rid,
        name=rid.replace("_", " ").title(),
        description="A short test routine.",
        items=tuple(RoutineItem(e, d) for e, d in items),
        schedule=Schedule(7, "Daily"),
        builtin=builtin,
    )
