"""Exercises, doses and routines: the data model, and loading + validating it.

The built-in content lives in ``stretchguide/content/*.toml``; people's own
routines are TOML (or JSON) files in their data folder. Everything is parsed
into the frozen dataclasses below, and a file with any error is rejected
whole with a message naming the file, the line where the parser knows it, the
field and what was expected.

Dose semantics (the contract the timeline builds on):

* ``hold_s > 0`` and ``reps == 1`` -- one static hold of ``hold_s`` seconds.
* ``reps > 1`` -- a repeated movement. Each repetition takes ``rep_s``
  seconds of movement plus ``hold_s`` seconds held at the end range
  (``hold_s`` may be 0 for a flowing movement).
* ``sets`` -- the whole block (one hold, or ``reps`` repetitions) is done
  ``sets`` times, with ``rest_s`` seconds between sets. Article 003's
  "30 s, 4 times per leg" is ``hold_s=30, sets=4``.
* ``sides`` -- see :class:`Sides`.
* ``stages`` -- optional named parts held in turn within one set, each for
  ``hold_s`` (the cat stretch: arch, then hollow).

(The loader and validation are filled in with the content; the types here are
the shared contract for the timeline, the store, the figures and the UI.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


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

    @property
    def needs_floor(self) -> bool:
        """True when the person has to get down onto the floor."""
        if self.position is Position.STANDING:
            return False
        if self.position is Position.SEATED:
            return Equipment.CHAIR not in self.equipment
        return True


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
