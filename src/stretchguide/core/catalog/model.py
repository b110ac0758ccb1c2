"""The catalog's data model: exercises, doses, routines and guidance as frozen dataclasses."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final


class Position(StrEnum):
    SUPINE = "supine"  # lying on the back
    PRONE = "prone"  # lying face down
    SIDE_LYING = "side_lying"
    SEATED = "seated"  # on a chair if `chair` is in the equipment, else on the floor
    STANDING = "standing"
    ALL_FOURS = "all_fours"  # kneeling on hands and knees


class Equipment(StrEnum):
    MAT = "mat"
    CHAIR = "chair"
    WALL = "wall"
    STRAP = "strap"
    BAND = "band"  # resistance band
    SMALL_BALL = "small_ball"  # lacrosse / tennis / massage ball
    EXERCISE_BALL = "exercise_ball"
    SUPPORT = "support"  # something sturdy to hold or rest the heel on
    HELPER = "helper"  # a second person


class Cause(StrEnum):
    """Article 004's causes; GENERAL suits most people."""

    GENERAL = "general"
    FORAMINAL_STENOSIS = "foraminal_stenosis"
    DISC_BULGE = "disc_bulge"
    PIRIFORMIS = "piriformis_syndrome"
    IRRITATED_NERVE = "irritated_nerve"


class Area(StrEnum):
    """Where the person should feel the exercise (drawn as a highlight)."""

    LOWER_BACK = "lower_back"
    MID_BACK = "mid_back"
    SIDE_OF_BACK = "side_of_back"
    BUTTOCK = "buttock"
    BACK_OF_HIP = "back_of_hip"
    OUTER_HIP = "outer_hip"
    BACK_OF_THIGH = "back_of_thigh"
    BACK_OF_LEG = "back_of_leg"  # the whole length: nerve work
    HIP_FLEXORS = "hip_flexors"
    ABDOMEN = "abdomen"
    GLUTES = "glutes"


class Kind(StrEnum):
    STRETCH = "stretch"
    STRENGTHEN = "strengthen"
    MOBILITY = "mobility"
    NERVE = "nerve"  # nerve glides, flossing and stretches: pain-free only
    RELEASE = "release"  # ball massage
    DECOMPRESSION = "decompression"
    BREATHING = "breathing"


class Sides(StrEnum):
    NONE = "none"  # symmetric: both legs together, no side to switch
    EACH = "each"  # the whole dose on one side, then on the other
    ALTERNATING = "alternating"  # repetitions alternate left/right in one set
    AFFECTED = "affected"  # the painful side only (unless the person opts in to both)


class StepPhase(StrEnum):
    """When an instruction step applies during a session."""

    SETUP = "setup"  # getting into position: shown while getting ready
    WORK = "work"  # the hold or the movement itself: shown while working
    SWITCH = "switch"  # changing to the other side: shown during the switch
    FINISH = "finish"  # coming out of it: shown in the rest that follows


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"

    @property
    def other(self) -> Side:
        return Side.RIGHT if self is Side.LEFT else Side.LEFT


@dataclass(frozen=True)
class Dose:
    hold_s: float = 0.0
    reps: int = 1
    rep_s: float = 0.0
    sets: int = 1
    sides: Sides = Sides.NONE
    rest_s: float = 0.0
    stages: tuple[str, ...] = ()
    breaths: int = 0  # > 0: a breath-paced hold (hold_s not used)


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    steps: tuple[str, ...]  # short instructions, each readable at a glance
    position: Position
    equipment: frozenset[Equipment]
    kind: Kind
    dose: Dose  # the default dose when a routine does not give one
    targets: tuple[str, ...] = ()  # plain-language "what it works"
    feel: tuple[Area, ...] = ()  # where the stretch or effort should be felt
    causes: frozenset[Cause] = frozenset({Cause.GENERAL})
    cautions: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # article ids, e.g. ("001", "004")
    # Helpful but not required (the band on a clam shell); not a filter criterion.
    optional_equipment: frozenset[Equipment] = frozenset()
    # The names the articles use, so a search for "low back stretch" finds it.
    also_called: tuple[str, ...] = ()
    # One phase per step; empty means the first step sets up, the rest work.
    phases: tuple[StepPhase, ...] = ()
    # The cautions in a few spoken words, said when the exercise starts.
    say: str = ""

    @property
    def side_noun(self) -> str:
        """'leg' or 'side': what "your right ..." names for this exercise."""
        if self.dose.sides is Sides.AFFECTED or set(self.feel) & _LEG_AREAS:
            return "leg"
        return "side"

    def step_phase(self, index: int) -> StepPhase:
        if self.phases:
            return self.phases[index]
        return StepPhase.SETUP if index == 0 else StepPhase.WORK

    def lines(self, phase: StepPhase) -> tuple[str, ...]:
        """The steps of one phase, in order."""
        return tuple(s for i, s in enumerate(self.steps) if self.step_phase(i) is phase)

    @property
    def needs_floor(self) -> bool:
        """True when the person has to get down onto the floor."""
        if self.position is Position.STANDING:
            return False
        if self.position is Position.SEATED:
            return Equipment.CHAIR not in self.equipment
        return True


# Exercises felt in the leg or hip are done with "your left leg"; twists and
# side bends with "your left side".
_LEG_AREAS: Final = frozenset(
    {
        Area.BUTTOCK,
        Area.BACK_OF_HIP,
        Area.OUTER_HIP,
        Area.BACK_OF_THIGH,
        Area.BACK_OF_LEG,
        Area.HIP_FLEXORS,
        Area.GLUTES,
    }
)


@dataclass(frozen=True)
class RoutineItem:
    exercise_id: str
    dose: Dose
    note: str = ""


@dataclass(frozen=True)
class Schedule:
    sessions_per_week: float
    text: str  # e.g. "Daily for 21 days, then 3-4 times a week"


@dataclass(frozen=True)
class Routine:
    id: str
    name: str
    description: str
    items: tuple[RoutineItem, ...]
    schedule: Schedule
    causes: frozenset[Cause] = frozenset({Cause.GENERAL})
    sources: tuple[str, ...] = ()
    builtin: bool = True
    tags: tuple[str, ...] = field(default=())  # e.g. ("flare-up",)


# ---------------------------------------------------------------------------
# Guidance: advice from the articles that is not an exercise.
# ---------------------------------------------------------------------------


class Topic(StrEnum):
    LIMIT = "limit"  # activities that aggravate the nerve: do less of them
    RELIEF = "relief"  # ice and heat
    ACTIVITY = "activity"  # keep moving, no bed rest
    EXERCISE = "exercise"  # how hard to push while exercising
    SEEK_HELP = "seek_help"  # when to see a professional (red flags live in safety.py)


@dataclass(frozen=True)
class Advice:
    id: str
    topic: Topic
    title: str  # a few words, for a heading or a list
    text: str  # one or two plain sentences
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Guidance:
    items: tuple[Advice, ...]
    ice_minutes: tuple[int, int]  # (least, most) minutes per application
    ice_times_per_day: tuple[int, int]
    seek_help_after_days: int  # no improvement after this many days: see someone

    def by_topic(self, topic: Topic) -> tuple[Advice, ...]:
        return tuple(a for a in self.items if a.topic is topic)


@dataclass(frozen=True)
class Catalog:
    exercises: dict[str, Exercise]
    routines: dict[str, Routine]
    guidance: Guidance


def routine_equipment(routine: Routine, exercises: Mapping[str, Exercise]) -> frozenset[Equipment]:
    """Everything a routine needs, for the routine list ("needs: strap, chair")."""
    needed: set[Equipment] = set()
    for item in routine.items:
        needed |= exercises[item.exercise_id].equipment
    return frozenset(needed)


def describe_dose(dose: Dose) -> str:
    """A short human summary: "30 s hold x 4, each side" (in core's language)."""
    # Imported here: core.i18n imports this package for the content types.
    from stretchguide.core.i18n import _, ngettext

    def secs(value: float) -> str:
        if value < 120 or value % 60:
            return _("{n} s").format(n=f"{value:g}")
        return _("{n} min").format(n=f"{value / 60:g}")

    if dose.reps > 1:
        if dose.hold_s:
            text = ngettext(
                "{reps} rep, hold {time}", "{reps} reps, hold {time}", dose.reps
            ).format(reps=dose.reps, time=secs(dose.hold_s))
        else:
            text = ngettext("{reps} rep", "{reps} reps", dose.reps).format(reps=dose.reps)
    elif dose.breaths:
        text = ngettext("hold {breaths} breath", "hold {breaths} breaths", dose.breaths).format(
            breaths=dose.breaths
        )
    elif dose.stages:
        text = " / ".join(f"{name} {secs(dose.hold_s)}" for name in dose.stages)
    else:
        text = _("hold {time}").format(time=secs(dose.hold_s))
    if dose.sets > 1:
        text += f" x {dose.sets}"
    side_text = {
        Sides.NONE: "",
        Sides.EACH: _(", each side"),
        Sides.ALTERNATING: _(", alternating sides"),
        Sides.AFFECTED: _(", painful side"),
    }[dose.sides]
    return text + side_text
