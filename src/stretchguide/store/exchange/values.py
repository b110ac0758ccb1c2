"""What each field of an import file may hold, checked one value at a time.

Each check returns the value (``uuid_text`` its usual spelling) or raises
``ValueError`` with a :class:`~stretchguide.core.messages.Message` saying
what the field should hold; the importer adds the field's path. The values
a field may hold are the file's words (JSON), listed as written.
"""

from __future__ import annotations

import json
import math
import uuid
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from stretchguide.core.catalog import MAX_ID_LENGTH
from stretchguide.core.messages import said, said_n
from stretchguide.store.exchange.formats import snapshot_shape
from stretchguide.store.rows import snapshot_from_json


def encodable(text: str) -> bool:
    # A lone surrogate ("\ud800") parses as JSON but SQLite cannot store it.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


def scale(v: int) -> int:
    if not 0 <= v <= 10:
        raise ValueError(said("must be {low} to {high}", low=0, high=10))
    return v


def small_count(v: int) -> int:
    if not 0 <= v <= 1_000_000:
        raise ValueError(said("must be {low} to {high}", low=0, high=1_000_000))
    return v


# The longest step or snapshot duration the app could have written: a day.
# StretchGuide's bound, so a 1e300 from elsewhere is refused by name.
MAX_DURATION_S = 86_400.0

STEP_KINDS = frozenset(("prepare", "hold", "reps", "switch", "rest"))  # core.timeline.StepKind
STEP_SIDES = frozenset(("left", "right"))


def duration(v: float) -> float:
    if not 0 <= v <= MAX_DURATION_S:
        raise ValueError(said("must be {low} to {high} seconds", low=0, high=int(MAX_DURATION_S)))
    return v


def step_kind(v: str) -> str:
    if v not in STEP_KINDS:
        raise ValueError(said("must be one of {values}", values=", ".join(sorted(STEP_KINDS))))
    return v


def step_side(v: str) -> str:
    if v not in STEP_SIDES:
        raise ValueError(said("must be left or right (or null)"))
    return v


def named(v: str) -> str:
    if not v.strip():
        raise ValueError(said("must not be empty"))
    return v


def an_id(v: str) -> str:
    """A routine or exercise id no longer than a routine file may give one:
    the record cap (4 MB) let a 4 MB id into the history, and into every
    screen and report that shows it."""
    if len(v) > MAX_ID_LENGTH:
        raise ValueError(
            said_n(
                "longer than {count} character",
                "longer than {count} characters",
                MAX_ID_LENGTH,
                count=MAX_ID_LENGTH,
            )
        )
    return v


def named_id(v: str) -> str:
    return an_id(named(v))


def uuid_text(v: str) -> str:
    try:
        return str(uuid.UUID(v))
    except ValueError:  # said in Python's words ("invalid literal for int()")
        example = "0f8fad5b-d9cb-469f-a165-70867728950e"
        raise ValueError(said("expected a UUID such as {example}", example=example)) from None


def one_of(kind: type[StrEnum]) -> Callable[[str], str]:
    """A check that ``v`` is one of ``kind``'s values, said with the list
    (the enum's own error is "'x' is not a valid Extent")."""
    allowed = [member.value for member in kind]

    def check(v: str) -> str:
        if v not in allowed:
            raise ValueError(said("expected one of {values}", values=", ".join(allowed)))
        return v

    return check


def snapshot(routine: dict[str, Any]) -> Any:
    snapshot_shape(routine)
    for raw in routine.get("items", ()) if isinstance(routine.get("items"), list) else ():
        for key in ("reps", "sets"):
            # 1.5, "1" or true are no count the app writes (the reader would
            # have made 1 of each).
            if isinstance(raw, dict) and key in raw and type(raw[key]) is not int:
                raise ValueError(
                    said(
                        "{field} must be a whole number, got {value}",
                        field=key,
                        value=repr(raw[key]),
                    )
                )
    snap = snapshot_from_json(json.dumps(routine))
    for item in snap.items:
        for number in (item.hold_s, item.rep_s, item.rest_s):
            if not math.isfinite(number) or not 0 <= number <= MAX_DURATION_S:
                raise ValueError(
                    said(
                        "durations must be {low} to {high} seconds",
                        low=0,
                        high=int(MAX_DURATION_S),
                    )
                )
        if not (0 <= item.reps <= 1_000_000 and 0 <= item.sets <= 1_000_000):
            raise ValueError(said("reps and sets must be {low} to {high}", low=0, high=1_000_000))
        if not (encodable(item.exercise_id) and encodable(item.sides)):
            raise ValueError(INVALID_CHARACTERS)
    if not encodable(snap.name):
        raise ValueError(INVALID_CHARACTERS)
    return snap


INVALID_CHARACTERS = said("text with invalid characters")
