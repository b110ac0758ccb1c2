"""The pain diary's records: sessions, steps, check-ins, hurt events, as frozen dataclasses."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from stretchguide.core.catalog import Routine

# --------------------------------------------------------------------------- records


class CheckInKind(StrEnum):
    BEFORE = "before"  # just before a session
    AFTER = "after"  # just after a session
    NEXT_MORNING = "next_morning"
    ANY = "any"  # any time of day


class Extent(StrEnum):
    """How far down the leg symptoms reach, from the back outwards."""

    NONE = "none"
    BUTTOCK = "buttock"
    THIGH = "thigh"
    BELOW_KNEE = "below_knee"
    FOOT = "foot"

    @property
    def rank(self) -> int:
        return _EXTENT_ORDER.index(self)


_EXTENT_ORDER = tuple(Extent)


class SessionStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    PARTIAL = "partial"  # ended early, or found unfinished after a crash
    STOPPED = "stopped"  # the person stopped it (e.g. because it hurt)


class Response(StrEnum):
    BETTER = "better"
    SAME = "same"
    WORSE = "worse"


DONE_STATUSES = frozenset({SessionStatus.COMPLETED, SessionStatus.PARTIAL})
# The step kinds in which an exercise is worked (core.timeline.StepKind's
# work kinds); prepare, switch and rest steps do not count as doing it.
WORK_STEP_KINDS = frozenset({"hold", "reps"})


@dataclass(frozen=True)
class SnapshotItem:
    """One routine item as it was when the session ran."""

    exercise_id: str
    hold_s: float = 0.0
    reps: int = 1
    rep_s: float = 0.0
    sets: int = 1
    sides: str = "none"
    rest_s: float = 0.0


@dataclass(frozen=True)
class RoutineSnapshot:
    """A routine's name and doses frozen at session start, so later edits to
    the routine never rewrite what was actually done."""

    name: str
    items: tuple[SnapshotItem, ...] = ()

    @classmethod
    def of(cls, routine: Routine) -> RoutineSnapshot:
        return cls(
            routine.name,
            tuple(
                SnapshotItem(
                    i.exercise_id,
                    i.dose.hold_s,
                    i.dose.reps,
                    i.dose.rep_s,
                    i.dose.sets,
                    str(i.dose.sides),
                    i.dose.rest_s,
                )
                for i in routine.items
            ),
        )

    @property
    def exercise_ids(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for item in self.items:
            seen.setdefault(item.exercise_id, None)
        return tuple(seen)


@dataclass(frozen=True)
class SessionRecord:
    id: int
    uuid: str
    routine_id: str
    routine: RoutineSnapshot
    started_at: int
    ended_at: int | None
    status: SessionStatus
    options: Mapping[str, str] = field(default_factory=dict, hash=False)
    utc_offset: int = 0  # seconds east of UTC on the person's clock at the start

    @property
    def exercise_ids(self) -> tuple[str, ...]:
        return self.routine.exercise_ids

    @property
    def finished_at(self) -> int:
        return self.ended_at if self.ended_at is not None else self.started_at


@dataclass(frozen=True)
class StepRecord:
    session_id: int
    step_index: int
    exercise_id: str
    kind: str  # the engine's step kind: prepare, hold, reps, switch, rest
    side: str | None
    set_number: int
    planned_s: float
    done_s: float
    skipped: bool
    completed_at: int


@dataclass(frozen=True)
class CheckIn:
    at: int
    kind: CheckInKind
    back: int
    leg: int
    extent: Extent
    tingling: bool = False
    numbness: bool = False
    weakness: bool = False
    note: str = ""
    session_id: int | None = None
    id: int = 0
    uuid: str = ""
    utc_offset: int = 0  # seconds east of UTC on the person's clock

    @property
    def worst(self) -> int:
        """The higher of back and leg pain: what the rules compare."""
        return max(self.back, self.leg)


def by_kind(checkins: Iterable[CheckIn]) -> dict[CheckInKind, CheckIn]:
    """A session's check-ins by kind, the first of each (they come oldest first)."""
    first: dict[CheckInKind, CheckIn] = {}
    for c in checkins:
        first.setdefault(c.kind, c)
    return first


@dataclass(frozen=True)
class ExerciseResponse:
    session_id: int
    exercise_id: str
    response: Response


@dataclass(frozen=True)
class HurtEvent:
    """The person pressed "this hurts" during a session."""

    session_id: int
    exercise_id: str
    step_index: int
    at: int
    uuid: str = ""
