"""A tiny catalog shared by the app tests: four exercises and a routine."""

from __future__ import annotations

from tests.support import by_id, hold_exercise, reps_exercise

from stretchguide.core.catalog import (
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


def exercises() -> dict[str, Exercise]:
    return by_id(
        hold_exercise(
            "knees_to_chest", 10, name="Knees to chest",
            steps=("Lie on your back.", "Hug both knees in."), equipment={Equipment.MAT},
        ),
        reps_exercise(
            "clam_shell", 5, 2, sides=Sides.EACH, name="Clam shell",
            steps=("Lie on your side.", "Lift the top knee."), position=Position.SIDE_LYING,
            equipment={Equipment.MAT, Equipment.BAND}, kind=Kind.STRENGTHEN,
        ),
        hold_exercise(
            "chair_torso_twist", 5, Sides.EACH, name="Chair torso twist",
            steps=("Sit tall on a chair.", "Turn to one side."), position=Position.SEATED,
            equipment={Equipment.CHAIR}, kind=Kind.MOBILITY,
        ),
        reps_exercise(
            "standing_extension", 3, 2, name="Standing extension",
            steps=("Stand tall.", "Lean back gently."), position=Position.STANDING,
            kind=Kind.MOBILITY,
        ),
    )


def routine(
    rid: str = "tiny", items: tuple[tuple[str, Dose], ...] | None = None, builtin: bool = True
) -> Routine:
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
