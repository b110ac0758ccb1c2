"""Small fixtures shared by the app tests: a fake clock and a tiny catalog."""

from __future__ import annotations

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


class FakeClock:
    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def exercises() -> dict[str, Exercise]:
    return {
        "knees_to_chest": Exercise(
            id="knees_to_chest",
            name="Knees to chest",
            steps=("Lie on your back.", "Hug both knees in."),
            position=Position.SUPINE,
            equipment=frozenset({Equipment.MAT}),
            kind=Kind.STRETCH,
            dose=Dose(hold_s=10),
        ),
        "clam_shell": Exercise(
            id="clam_shell",
            name="Clam shell",
            steps=("Lie on your side.", "Lift the top knee."),
            position=Position.SIDE_LYING,
            equipment=frozenset({Equipment.MAT, Equipment.BAND}),
            kind=Kind.STRENGTHEN,
            dose=Dose(reps=5, rep_s=2, sides=Sides.EACH),
        ),
        "chair_torso_twist": Exercise(
            id="chair_torso_twist",
            name="Chair torso twist",
            steps=("Sit tall on a chair.", "Turn to one side."),
            position=Position.SEATED,
            equipment=frozenset({Equipment.CHAIR}),
            kind=Kind.MOBILITY,
            dose=Dose(hold_s=5, sides=Sides.EACH),
        ),
        "standing_extension": Exercise(
            id="standing_extension",
            name="Standing extension",
            steps=("Stand tall.", "Lean back gently."),
            position=Position.STANDING,
            equipment=frozenset(),
            kind=Kind.MOBILITY,
            dose=Dose(reps=3, rep_s=2),
        ),
    }


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
