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
* ``breaths`` -- a hold paced by breaths instead of seconds (article 001's
  bridge: 5-10 breaths). The hold then lasts ``breaths`` slow breaths at
  the session's breath pace, and ``hold_s`` is not used.
* ``stages`` -- optional named parts held in turn within one set, each for
  ``hold_s`` (the cat stretch: arch, then hollow).

The types are the shared contract for the timeline, the store, the figures
and the UI. The loader below (``load_builtin``, ``load_routine_file``,
``load_user_routines``, ``dump_routine_toml``) is the only code that turns
files into them; docs/ROUTINE_FORMAT.md documents the file format.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import os
import re
import stat
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Final, TypeVar


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
    """A short human summary: "30 s hold x 4, each side"."""

    def secs(value: float) -> str:
        return f"{value:g} s" if value < 120 or value % 60 else f"{value / 60:g} min"

    if dose.reps > 1:
        text = f"{dose.reps} reps"
        if dose.hold_s:
            text += f", hold {secs(dose.hold_s)}"
    elif dose.breaths:
        text = f"hold {dose.breaths} breaths"
    elif dose.stages:
        text = " / ".join(f"{name} {secs(dose.hold_s)}" for name in dose.stages)
    else:
        text = f"hold {secs(dose.hold_s)}"
    if dose.sets > 1:
        text += f" x {dose.sets}"
    side_text = {
        Sides.NONE: "",
        Sides.EACH: ", each side",
        Sides.ALTERNATING: ", alternating sides",
        Sides.AFFECTED: ", painful side",
    }[dose.sides]
    return text + side_text


# ---------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------


class CatalogError(ValueError):
    """A content or routine file is wrong; nothing of that file was loaded."""

    def __init__(
        self,
        path: Path | str | None,
        field: str,
        expected: str,
        *,
        line: int | None = None,
        got: str | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else None
        self.line = line
        self.field = field
        self.expected = expected
        self.got = got
        super().__init__(str(self))

    def __str__(self) -> str:
        # What a file says is echoed to a terminal: never let it send escapes.
        return printable(self._text())

    def _text(self) -> str:
        where = str(self.path) if self.path is not None else "<routine>"
        if self.line is not None:
            where += f", line {self.line}"
        if self.field.startswith("("):  # the whole file: syntax, encoding, suffix
            text = f"{where}: expected {self.expected}"
            return text + (f" ({self.got})" if self.got is not None else "")
        text = f"{where}: {self.field}: expected {self.expected}"
        if self.got is not None:
            text += f", got {self.got}"
        return text


_MISSING: Final = object()


def _invisible(ch: str) -> bool:
    # Controls (ESC starts terminal escapes) and format characters (zero-width
    # spaces, bidi overrides): nothing a person can see or type on purpose.
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn")


def printable(text: str) -> str:
    """``text`` with control and format characters shown as escapes (\\x1b)."""
    if not any(_invisible(ch) and ch != "\n" for ch in text):
        return text
    return "".join(
        ch if ch == "\n" or not _invisible(ch) else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


def _visible_text(value: str, multiline: bool) -> bool:
    allowed = "\n\t" if multiline else ""
    if any(_invisible(ch) and ch not in allowed for ch in value):
        return False
    return any(not ch.isspace() for ch in value)


class _InvalidError(Exception):
    """Raised inside the validators; turned into a CatalogError with file and line."""

    def __init__(self, field: str, expected: str, got: object = _MISSING) -> None:
        super().__init__(field)
        self.field = field
        self.expected = expected
        self.got = None if got is _MISSING else _show(got)


class _Raw(str):
    """A description to show as it is, not as a quoted value."""

    __slots__ = ()


def _show(value: object) -> str:
    if isinstance(value, _Raw):
        return str(value)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# ---------------------------------------------------------------------------
# Field readers: strict (unknown keys are errors, so a typo never passes silently)
# ---------------------------------------------------------------------------

_ID_RE: Final = re.compile(r"[a-z][a-z0-9_]{1,63}")
_SOURCE_RE: Final = re.compile(r"[0-9]{3}")
_E = TypeVar("_E", bound=StrEnum)

# The accepted keys of a routine file, shared with routine.schema.json (a test
# keeps the two in step).
ROUTINE_KEYS: Final = frozenset(
    {"format", "id", "name", "description", "schedule", "items", "causes", "sources", "tags"}
)
SCHEDULE_KEYS: Final = frozenset({"sessions_per_week", "text"})
ITEM_KEYS: Final = frozenset({"exercise", "dose", "note"})
DOSE_KEYS: Final = frozenset(
    {"hold_s", "reps", "rep_s", "sets", "sides", "rest_s", "stages", "breaths"}
)
EXERCISE_KEYS: Final = frozenset(
    {
        "id", "name", "also_called", "steps", "position", "equipment", "optional_equipment",
        "kind", "dose", "targets", "feel", "causes", "cautions", "sources", "phases", "say",
    }
)  # fmt: skip
FORMAT_VERSION: Final = 1

# Sane bounds: wide enough for any real programme, narrow enough to catch a
# slip of the finger (hold_s = 3000).
LIMITS: Final[dict[str, tuple[float, float]]] = {
    "hold_s": (0, 600),
    "reps": (1, 200),
    "rep_s": (0, 60),
    "sets": (1, 20),
    "rest_s": (0, 600),
    "breaths": (0, 30),
    "sessions_per_week": (0.1, 21),
}


class _Table:
    def __init__(self, data: object, where: str, allowed: frozenset[str]) -> None:
        if not isinstance(data, dict):
            raise _InvalidError(where or "(file)", "a table of fields", data)
        self.data: dict[str, object] = data
        self.where = where
        for key in data:
            if key not in allowed:
                hint = _close_matches(key, sorted(allowed), n=1)
                expected = (
                    f"did you mean '{hint[0]}'?" if hint else "one of " + ", ".join(sorted(allowed))
                )
                raise _InvalidError(
                    self.path(key), f"a known field ({expected})", _Raw("an unknown field")
                )

    def path(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def has(self, key: str) -> bool:
        return key in self.data

    def text(self, key: str, *, default: str | None = None, max_len: int = 200) -> str:
        value = self.data.get(key, _MISSING)
        if value is _MISSING:
            if default is None:
                raise _InvalidError(self.path(key), "a text (this field is required)")
            return default
        if (
            not isinstance(value, str)
            or len(value) > max_len
            or not _visible_text(value, multiline=max_len > 200)
        ):
            raise _InvalidError(
                self.path(key),
                f"a non-empty text of at most {max_len} characters, without control "
                "or invisible characters",
                value,
            )
        return value

    def ident(self, key: str, *, default: str | None = None) -> str:
        value = self.text(key, default=default, max_len=64)
        if not _ID_RE.fullmatch(value):
            raise _InvalidError(
                self.path(key), "an id of lower-case letters, digits and _ (2-64 long)", value
            )
        return value

    def number(self, key: str, default: float, *, whole: bool = False) -> float:
        value = self.data.get(key, _MISSING)
        if value is _MISSING:
            return default
        lo, hi = LIMITS[key]
        kind = "a whole number" if whole else "a number"
        unit = " seconds" if key.endswith("_s") else ""
        ok_type = isinstance(value, int) if whole else isinstance(value, int | float)
        if (
            isinstance(value, bool)
            or not ok_type
            # compare before float(): a 400-digit int overflows float()
            or not lo <= value <= hi  # type: ignore[operator]
            or not math.isfinite(float(value))  # type: ignore[arg-type]
        ):
            raise _InvalidError(self.path(key), f"{kind} from {lo:g} to {hi:g}{unit}", value)
        return float(value)  # type: ignore[arg-type]

    def texts(self, key: str, *, max_len: int = 200, max_items: int = 20) -> tuple[str, ...]:
        value = self.data.get(key, _MISSING)
        if value is _MISSING:
            return ()
        if not isinstance(value, list) or len(value) > max_items:
            raise _InvalidError(self.path(key), f"a list of at most {max_items} texts", value)
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip() or len(item) > max_len:
                raise _InvalidError(
                    f"{self.path(key)}[{i}]",
                    f"a non-empty text of at most {max_len} characters",
                    item,
                )
        return tuple(value)

    def choice(self, key: str, enum: type[_E], default: _E | None = None) -> _E:
        value = self.data.get(key, _MISSING)
        if value is _MISSING:
            if default is None:
                raise _InvalidError(self.path(key), f"one of {_choices(enum)} (required)")
            return default
        return _member(value, enum, self.path(key))

    def choices(self, key: str, enum: type[_E], default: Iterable[_E] = ()) -> tuple[_E, ...]:
        value = self.data.get(key, _MISSING)
        if value is _MISSING:
            return tuple(default)
        if not isinstance(value, list):
            raise _InvalidError(self.path(key), f"a list of {_choices(enum)}", value)
        members = tuple(_member(v, enum, f"{self.path(key)}[{i}]") for i, v in enumerate(value))
        if len(set(members)) != len(members):
            raise _InvalidError(self.path(key), "a list without repeats", value)
        return members

    def sources(self, key: str = "sources") -> tuple[str, ...]:
        found = self.texts(key, max_len=3)
        for i, source in enumerate(found):
            if not _SOURCE_RE.fullmatch(source):
                raise _InvalidError(f"{self.path(key)}[{i}]", 'an article id like "003"', source)
        return found

    def table(self, key: str, allowed: frozenset[str]) -> _Table | None:
        value = self.data.get(key, _MISSING)
        return None if value is _MISSING else _Table(value, self.path(key), allowed)

    def tables(self, key: str, allowed: frozenset[str], *, max_items: int) -> list[_Table]:
        value = self.data.get(key, _MISSING)
        if not isinstance(value, list) or not 1 <= len(value) <= max_items:
            raise _InvalidError(self.path(key), f"a list of 1 to {max_items} tables", value)
        return [_Table(v, f"{self.path(key)}[{i}]", allowed) for i, v in enumerate(value)]


def _close_matches(word: str, candidates: list[str], n: int) -> list[str]:
    import difflib  # only a wrong file pays for it

    return difflib.get_close_matches(word, candidates, n=n)


def _choices(enum: type[StrEnum]) -> str:
    return ", ".join(m.value for m in enum)


def _member(value: object, enum: type[_E], where: str) -> _E:
    if isinstance(value, str):
        try:
            return enum(value)
        except ValueError:
            pass
    raise _InvalidError(where, f"one of {_choices(enum)}", value)


def _read_dose(table: _Table | None, base: Dose) -> Dose:
    """Fields given in ``table`` override ``base`` (the exercise's default dose)."""
    if table is None:
        return base
    stages = table.texts("stages", max_len=40, max_items=6) if table.has("stages") else base.stages
    dose = Dose(
        hold_s=table.number("hold_s", base.hold_s),
        reps=int(table.number("reps", base.reps, whole=True)),
        rep_s=table.number("rep_s", base.rep_s),
        sets=int(table.number("sets", base.sets, whole=True)),
        sides=table.choice("sides", Sides, base.sides),
        rest_s=table.number("rest_s", base.rest_s),
        stages=stages,
        breaths=int(table.number("breaths", base.breaths, whole=True)),
    )
    # Cross-field rules: a dose must take time, and stages only make sense for holds.
    if dose.breaths and dose.reps > 1:
        raise _InvalidError(
            table.path("breaths"), "no breaths when reps > 1 (breaths pace one hold)", dose.breaths
        )
    if dose.breaths and dose.stages:
        raise _InvalidError(table.path("breaths"), "no breaths together with stages")
    if dose.reps == 1 and dose.hold_s < 1 and not dose.breaths:
        raise _InvalidError(
            table.path("hold_s"), "1 to 600 seconds for a single hold (reps = 1)", dose.hold_s
        )
    if dose.reps > 1 and dose.rep_s <= 0 and dose.hold_s <= 0:
        raise _InvalidError(
            table.path("rep_s"), "more than 0 seconds per repetition (or a hold_s)", dose.rep_s
        )
    if dose.stages and dose.reps > 1:
        raise _InvalidError(table.path("stages"), "no stages when reps > 1 (stages split one hold)")
    return dose


def _read_exercise(table: _Table) -> Exercise:
    dose_table = table.table("dose", DOSE_KEYS)
    if dose_table is None:
        raise _InvalidError(table.path("dose"), "a default dose table (required)")
    steps = table.texts("steps", max_len=120, max_items=12)
    if not steps:
        raise _InvalidError(table.path("steps"), "at least one instruction step")
    phases = _read_phases(table, len(steps))
    return Exercise(
        id=table.ident("id"),
        name=table.text("name", max_len=60),
        steps=steps,
        position=table.choice("position", Position),
        equipment=frozenset(table.choices("equipment", Equipment)),
        kind=table.choice("kind", Kind),
        dose=_read_dose(dose_table, Dose()),
        targets=table.texts("targets", max_len=60),
        feel=table.choices("feel", Area),
        causes=frozenset(table.choices("causes", Cause, (Cause.GENERAL,))),
        cautions=table.texts("cautions", max_len=300),
        sources=table.sources(),
        optional_equipment=frozenset(table.choices("optional_equipment", Equipment)),
        also_called=table.texts("also_called", max_len=60),
        phases=phases,
        say=table.text("say", default="", max_len=60) if table.has("say") else "",
    )


def _read_phases(table: _Table, n_steps: int) -> tuple[StepPhase, ...]:
    if not table.has("phases"):
        return ()
    value = table.data["phases"]
    if not isinstance(value, list) or len(value) != n_steps:
        raise _InvalidError(
            table.path("phases"), f"a list of {n_steps} phases, one per step", value
        )
    phases = tuple(
        _member(v, StepPhase, f"{table.path('phases')}[{i}]") for i, v in enumerate(value)
    )
    if StepPhase.WORK not in phases:
        raise _InvalidError(table.path("phases"), 'at least one "work" step', value)
    return phases


def _read_routine(
    table: _Table, exercises: Mapping[str, Exercise], *, builtin: bool, default_id: str | None
) -> Routine:
    if table.has("format"):
        version = table.data["format"]
        if version != FORMAT_VERSION or isinstance(version, bool):
            raise _InvalidError(table.path("format"), f"{FORMAT_VERSION}", version)
    routine_id = table.ident("id", default=default_id)
    items: list[RoutineItem] = []
    for item in table.tables("items", ITEM_KEYS, max_items=100):
        exercise_id = item.text("exercise", max_len=64)
        exercise = exercises.get(exercise_id)
        if exercise is None:
            hint = _close_matches(exercise_id, sorted(exercises), n=1)
            expected = (
                f"a known exercise id (did you mean '{hint[0]}'?)"
                if hint
                else ("a known exercise id (`stretchguide routines` lists them)")
            )
            raise _InvalidError(item.path("exercise"), expected, exercise_id)
        items.append(
            RoutineItem(
                exercise_id=exercise_id,
                dose=_read_dose(item.table("dose", DOSE_KEYS), exercise.dose),
                note=item.text("note", default="", max_len=300) if item.has("note") else "",
            )
        )
    schedule_table = table.table("schedule", SCHEDULE_KEYS)
    if schedule_table is None:
        if builtin:
            raise _InvalidError(table.path("schedule"), "a schedule table (required)")
        schedule = DEFAULT_SCHEDULE
    else:
        schedule = Schedule(
            sessions_per_week=schedule_table.number("sessions_per_week", 7.0),
            text=schedule_table.text("text", max_len=200),
        )
    return Routine(
        id=routine_id,
        name=table.text("name", max_len=80),
        description=table.text("description", default="", max_len=1000)
        if table.has("description")
        else "",
        items=tuple(items),
        schedule=schedule,
        causes=frozenset(table.choices("causes", Cause, (Cause.GENERAL,))),
        sources=table.sources(),
        builtin=builtin,
        tags=table.texts("tags", max_len=40, max_items=10),
    )


DEFAULT_SCHEDULE: Final = Schedule(sessions_per_week=7.0, text="Once a day")


def _read_guidance(table: _Table) -> Guidance:
    ice = table.table("ice", frozenset({"minutes", "times_per_day"}))
    if ice is None:
        raise _InvalidError(table.path("ice"), "an [ice] table (required)")
    advice: list[Advice] = []
    seen: set[str] = set()
    advice_keys = frozenset({"id", "topic", "title", "text", "sources"})
    for entry in table.tables("advice", advice_keys, max_items=100):
        item = Advice(
            id=entry.ident("id"),
            topic=entry.choice("topic", Topic),
            title=entry.text("title", max_len=60),
            text=entry.text("text", max_len=400),
            sources=entry.sources(),
        )
        if item.id in seen:
            raise _InvalidError(entry.path("id"), "an id used once", item.id)
        seen.add(item.id)
        advice.append(item)
    days = table.data.get("seek_help_after_days")
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= 365:
        raise _InvalidError(table.path("seek_help_after_days"), "a whole number of days", days)
    return Guidance(
        items=tuple(advice),
        ice_minutes=_pair(ice, "minutes"),
        ice_times_per_day=_pair(ice, "times_per_day"),
        seek_help_after_days=days,
    )


def _pair(table: _Table, key: str) -> tuple[int, int]:
    value = table.data.get(key)
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in value)
        or value[0] > value[1]
    ):
        raise _InvalidError(table.path(key), "[least, most] as two whole numbers", value)
    return (value[0], value[1])


# ---------------------------------------------------------------------------
# Files: parse, validate, and on error find the line of the offending field
# ---------------------------------------------------------------------------

_TOML_LINE_RE: Final = re.compile(r"at line (\d+)")


MAX_FILE_BYTES: Final = 1024 * 1024  # a routine is a few KB; 1 MB is plenty
MAX_DEPTH: Final = 16  # the deepest real shape (items -> dose) is 3 levels


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKeyError(key)
        out[key] = value
    return out


class _DuplicateKeyError(ValueError):
    pass


def _too_deep(text: str) -> bool:
    """Bracket depth beyond MAX_DEPTH, counted before any parser recurses.

    Brackets inside strings count too; that only errs on the safe side for
    text no real routine contains.
    """
    depth = 0
    for m in re.finditer(r"[\[\]{}]", text):
        depth += 1 if m.group() in "[{" else -1
        if depth > MAX_DEPTH:
            return True
    return False


def _parse(name: Path, text: str) -> object:
    suffix = name.suffix.lower()
    if suffix in (".toml", ".json") and _too_deep(text):
        raise CatalogError(name, "(file)", f"at most {MAX_DEPTH} levels of nesting")
    try:
        return _parse_text(name, suffix, text)
    except CatalogError:
        raise
    except (RecursionError, OverflowError) as err:
        raise CatalogError(name, "(file)", "a routine file", got=str(err)) from None
    except _DuplicateKeyError as err:
        raise CatalogError(
            name, "(syntax)", "valid JSON with each key once", got=f"{err} appears twice"
        ) from None
    except ValueError as err:  # e.g. an integer of more than 4300 digits
        if isinstance(err, (json.JSONDecodeError, tomllib.TOMLDecodeError)):
            raise
        raise CatalogError(name, "(file)", "numbers of sensible size", got=str(err)) from None


def _parse_text(name: Path, suffix: str, text: str) -> object:
    if suffix == ".toml":
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            found = _TOML_LINE_RE.search(str(err))
            detail = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(err))
            raise CatalogError(
                name,
                "(syntax)",
                "valid TOML",
                line=int(found.group(1)) if found else None,
                got=detail,
            ) from None
    if suffix == ".json":
        try:
            return json.loads(text, object_pairs_hook=_unique_keys)
        except json.JSONDecodeError as err:
            raise CatalogError(
                name, "(syntax)", "valid JSON", line=err.lineno, got=err.msg
            ) from None
    raise CatalogError(name, "(file name)", "a .toml or .json file", got=name.suffix or "no suffix")


_T = TypeVar("_T")


def _validated(name: Path, text: str, read: Callable[[object], _T]) -> _T:
    data = _parse(name, text)
    try:
        return read(data)
    except _InvalidError as err:
        line = _find_line(text, name.suffix.lower(), err.field)
        raise CatalogError(name, err.field, err.expected, line=line, got=err.got) from None
    except CatalogError:
        raise
    except (RecursionError, OverflowError, ValueError, TypeError) as err:
        raise CatalogError(name, "(file)", "a routine file", got=str(err)) from None


def _find_line(text: str, suffix: str, field_path: str) -> int | None:
    """Best effort: the line where ``field_path`` (or its nearest parent) is written."""
    try:
        lines = _json_key_lines(text) if suffix == ".json" else _toml_key_lines(text)
    except Exception:  # noqa: BLE001 - a line number is a courtesy, never a second error
        return None
    probe = field_path
    while probe:
        if probe in lines:
            return lines[probe]
        cut = max(probe.rfind("."), probe.rfind("["))
        probe = probe[:cut] if cut > 0 else ""
    return None


_HEADER_RE: Final = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY_RE: Final = re.compile(r"^\s*([A-Za-z0-9_\-.\"' ]+?)\s*=")
_INLINE_KEY_RE: Final = re.compile(r"([A-Za-z0-9_\-]+)\s*=")


def _toml_key_lines(text: str) -> dict[str, int]:
    """Map dotted field paths (``items[2].dose.hold_s``) to 1-based line numbers.

    A line scanner, not a parser: tomllib has already accepted the text, and
    headers, ``key = value`` lines and one-line inline tables cover every
    shape the docs show.
    """
    found: dict[str, int] = {}
    arrays: dict[str, int] = {}  # concrete array-of-tables path -> last index
    current = ""
    depth = 0  # open brackets of a multi-line value: its lines hold no keys

    def resolve(parts: list[str]) -> str:
        path = ""
        for part in parts:
            path = f"{path}.{part}" if path else part
            if path in arrays:
                path = f"{path}[{arrays[path]}]"
        return path

    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if depth > 0:
            depth += _bracket_balance(stripped)
            continue
        if not stripped or stripped.startswith("#"):
            continue
        header = _HEADER_RE.match(line)
        if header and not _KEY_RE.match(line):
            parts = [p.strip().strip("\"'") for p in header.group(2).split(".")]
            if header.group(1) == "[[":
                parent = resolve(parts[:-1])
                array = f"{parent}.{parts[-1]}" if parent else parts[-1]
                arrays[array] = arrays.get(array, -1) + 1
                current = f"{array}[{arrays[array]}]"
            else:
                current = resolve(parts)
            found.setdefault(current, number)
            continue
        key = _KEY_RE.match(line)
        if key:
            dotted = ".".join(p.strip().strip("\"'") for p in key.group(1).split("."))
            path = f"{current}.{dotted}" if current else dotted
            found.setdefault(path, number)
            rest = line[key.end() :].strip()
            if rest.startswith("{"):
                for inner in _INLINE_KEY_RE.finditer(rest):
                    found.setdefault(f"{path}.{inner.group(1)}", number)
            depth = max(0, _bracket_balance(rest))
    return found


def _bracket_balance(text: str) -> int:
    # Strings may hold brackets; drop them before counting.
    text = re.sub(r'"(?:\\.|[^"\\])*"|\'[^\']*\'', "", text.split(" #")[0])
    return text.count("[") + text.count("{") - text.count("]") - text.count("}")


def _json_key_lines(text: str) -> dict[str, int]:
    """The same map for JSON, from a small recursive scan of the (valid) text."""
    decoder = json.JSONDecoder()
    found: dict[str, int] = {}
    # Newline offsets once, then a binary search per key: counting from the
    # start for every key made the lookup grow with the square of the file.
    newlines = [m.start() for m in re.finditer("\n", text)]

    def line_of(index: int) -> int:
        return bisect.bisect_left(newlines, index) + 1

    def skip(index: int) -> int:
        while index < len(text) and text[index] in " \t\r\n":
            index += 1
        return index

    def value(index: int, path: str) -> int:
        index = skip(index)
        if path:
            found.setdefault(path, line_of(index))
        if text[index] == "{":
            index = skip(index + 1)
            if text[index] == "}":
                return index + 1
            while True:
                key_at = skip(index)
                key, index = decoder.raw_decode(text, key_at)
                child = f"{path}.{key}" if path else key
                found.setdefault(child, line_of(key_at))
                index = skip(index)  # at ':'
                index = value(index + 1, child)
                index = skip(index)
                if text[index] == "}":
                    return index + 1
                index += 1  # ','
        if text[index] == "[":
            index = skip(index + 1)
            if text[index] == "]":
                return index + 1
            position = 0
            while True:
                index = value(index, f"{path}[{position}]")
                index = skip(index)
                position += 1
                if text[index] == "]":
                    return index + 1
                index += 1
        _, end = decoder.raw_decode(text, index)
        return end

    value(0, "")
    return found


def _read_text(path: Path) -> str:
    """The file's text, refusing before reading anything that is not a regular
    file (a FIFO would hang, /dev/zero never ends) or is over MAX_FILE_BYTES."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as err:
        raise CatalogError(path, "(file)", "a readable file", got=err.strerror) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise CatalogError(path, "(file)", "a regular file", got="a pipe, device or folder")
        if info.st_size > MAX_FILE_BYTES:
            raise CatalogError(
                path, "(file)", "a file of at most 1 MB", got=f"{info.st_size:,} bytes"
            )
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        raise CatalogError(path, "(file)", "a readable file", got=err.strerror) from None
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise CatalogError(path, "(file)", "a file of at most 1 MB", got="more")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise CatalogError(path, "(file)", "UTF-8 text") from None


def _routine_reader(
    exercises: Mapping[str, Exercise], *, builtin: bool, default_id: str | None
) -> Callable[[object], Routine]:
    def read(data: object) -> Routine:
        return _read_routine(
            _Table(data, "", ROUTINE_KEYS), exercises, builtin=builtin, default_id=default_id
        )

    return read


def _default_id(path: Path) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", path.stem.lower()).strip("_")
    return slug if _ID_RE.fullmatch(slug) else f"routine_{slug}".rstrip("_")[:64]


def parse_routine_text(text: str, name: str | Path, exercises: Mapping[str, Exercise]) -> Routine:
    """Validate routine ``text``; ``name``'s suffix (.toml / .json) picks the format.

    For the routine editor, which validates before it saves.
    """
    path = Path(name)
    reader = _routine_reader(exercises, builtin=False, default_id=_default_id(path))
    return _validated(path, text, reader)


def load_routine_file(
    path: str | Path,
    exercises: Mapping[str, Exercise],
    taken_ids: Iterable[str] = (),
) -> Routine:
    """Load one person's routine file (TOML or JSON); raise CatalogError on any error.

    ``taken_ids`` are ids the file may not use (check-routine passes the
    built-in routines' ids: the app would skip such a file).
    """
    path = Path(path)
    text = _read_text(path)
    routine = parse_routine_text(text, path, exercises)
    if routine.id in set(taken_ids):
        line = _find_line(text, path.suffix.lower(), "id") if "id" in text else None
        raise CatalogError(
            path, "id", "an id not already used by a built-in routine", line=line, got=routine.id
        )
    return routine


def load_user_routines(
    folder: str | Path,
    exercises: Mapping[str, Exercise],
    taken_ids: Iterable[str] = (),
) -> tuple[list[Routine], list[CatalogError]]:
    """Every ``*.toml`` / ``*.json`` routine in ``folder``, and one error per bad file.

    A bad file is skipped whole; the good ones still load. ``taken_ids`` (the
    built-in routine ids) and earlier files' ids cannot be reused, because the
    history records sessions by routine id.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return [], []
    used = dict.fromkeys(taken_ids, "a built-in routine")
    routines: list[Routine] = []
    errors: list[CatalogError] = []
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".toml", ".json"))
    for path in files:
        if path.is_dir():
            continue
        try:
            # A FIFO or device is refused by _read_text with a notice, not read.
            routine = load_routine_file(path, exercises)
        except CatalogError as err:
            errors.append(err)
            continue
        except Exception as err:  # noqa: BLE001 - one bad file must never hide the rest
            errors.append(CatalogError(path, "(file)", "a routine file", got=type(err).__name__))
            continue
        if routine.id in used:
            try:
                text = _read_text(path)
            except CatalogError:
                text = ""
            line = _find_line(text, path.suffix.lower(), "id")
            errors.append(
                CatalogError(
                    path,
                    "id",
                    f"an id not already used by {used[routine.id]}",
                    line=line if "id" in text else None,
                    got=routine.id,
                )
            )
            continue
        used[routine.id] = path.name
        routines.append(routine)
    return routines, errors


# ---------------------------------------------------------------------------
# Built-in content
# ---------------------------------------------------------------------------

CONTENT_PACKAGE: Final = "stretchguide.content"


def _content_dir() -> Path:
    # The content ships as plain files inside the package (wheel and bundle alike).
    from importlib import resources

    return Path(str(resources.files(CONTENT_PACKAGE)))


def load_catalog_dir(folder: Path) -> Catalog:
    """Load exercises.toml, guidance.toml and routines/*.toml from ``folder``."""
    exercises_file = folder / "exercises.toml"
    exercises = _validated(exercises_file, _read_text(exercises_file), _read_exercises)
    guidance_file = folder / "guidance.toml"
    guidance = _validated(
        guidance_file,
        _read_text(guidance_file),
        lambda data: _read_guidance(
            _Table(data, "", frozenset({"ice", "advice", "seek_help_after_days"}))
        ),
    )
    routines: dict[str, Routine] = {}
    for path in sorted((folder / "routines").glob("*.toml")):
        reader = _routine_reader(exercises, builtin=True, default_id=None)
        routine = _validated(path, _read_text(path), reader)
        if routine.id in routines:
            raise CatalogError(path, "id", "an id used by one routine only", got=routine.id)
        routines[routine.id] = routine
    return Catalog(exercises=exercises, routines=routines, guidance=guidance)


def _read_exercises(data: object) -> dict[str, Exercise]:
    top = _Table(data, "", frozenset({"exercise"}))
    result: dict[str, Exercise] = {}
    for table in top.tables("exercise", EXERCISE_KEYS, max_items=200):
        exercise = _read_exercise(table)
        if exercise.id in result:
            raise _InvalidError(table.path("id"), "an id used by one exercise only", exercise.id)
        result[exercise.id] = exercise
    return result


@functools.cache
def load_builtin() -> Catalog:
    """The exercises, routines and guidance that ship with the app (parsed once)."""
    return load_catalog_dir(_content_dir())


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def _toml_str(value: str) -> str:
    # JSON string escapes are a subset of TOML basic-string escapes; DEL is the
    # one control character JSON leaves raw and TOML refuses.
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(_toml_str(v) for v in values) + "]"


def _toml_num(value: float) -> str:
    return repr(float(value))


def dump_routine_toml(routine: Routine) -> str:
    """A routine file that ``load_routine_file`` reads back to an equal Routine.

    Every dose field is written out, so the file does not depend on the
    exercises' default doses (which may change between versions).
    The ``builtin`` flag is not part of the format: a loaded file is a user routine.
    """
    out = [
        f"format = {FORMAT_VERSION}",
        f"id = {_toml_str(routine.id)}",
        f"name = {_toml_str(routine.name)}",
    ]
    if routine.description:
        out.append(f"description = {_toml_str(routine.description)}")
    out += [
        f"causes = {_toml_list(sorted(c.value for c in routine.causes))}",
        f"sources = {_toml_list(routine.sources)}",
        f"tags = {_toml_list(routine.tags)}",
        "",
        "[schedule]",
        f"sessions_per_week = {_toml_num(routine.schedule.sessions_per_week)}",
        f"text = {_toml_str(routine.schedule.text)}",
    ]
    for item in routine.items:
        d = item.dose
        dose = (
            f"{{ hold_s = {_toml_num(d.hold_s)}, reps = {d.reps}, rep_s = {_toml_num(d.rep_s)}, "
            f"sets = {d.sets}, sides = {_toml_str(d.sides.value)}, "
            f"rest_s = {_toml_num(d.rest_s)}, stages = {_toml_list(d.stages)}, "
            f"breaths = {d.breaths} }}"
        )
        out += ["", "[[items]]", f"exercise = {_toml_str(item.exercise_id)}"]
        if item.note:
            out.append(f"note = {_toml_str(item.note)}")
        out.append(f"dose = {dose}")
    return "\n".join(out) + "\n"
