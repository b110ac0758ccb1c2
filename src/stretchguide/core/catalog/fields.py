"""Reading and checking each field of an exercise, routine or guidance table."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Final, TypeVar

from stretchguide.core.catalog.errors import _MISSING, _InvalidError, _Raw, _visible_text
from stretchguide.core.catalog.model import (
    Advice,
    Area,
    Cause,
    Dose,
    Equipment,
    Exercise,
    Guidance,
    Kind,
    Position,
    Routine,
    RoutineItem,
    Schedule,
    Sides,
    StepPhase,
    Topic,
)
from stretchguide.core.i18n import _

# ---------------------------------------------------------------------------
# Field readers: strict (unknown keys are errors, so a typo never passes silently)
# ---------------------------------------------------------------------------

# The longest routine or exercise id, wherever one is read: a routine file,
# the import (store/exchange) and the JSON schema (a test keeps it in step).
MAX_ID_LENGTH: Final = 64
_ID_RE: Final = re.compile(rf"[a-z][a-z0-9_]{{1,{MAX_ID_LENGTH - 1}}}")
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
# The longest a routine's texts may be and how many exercises it holds: the
# routine editor limits its fields to the same numbers.
TEXT_LIMITS: Final[dict[str, int]] = {"name": 80, "description": 1000, "schedule": 200}
MAX_ROUTINE_ITEMS: Final = 100

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


def whole_range(field: str) -> tuple[int, int]:
    """The whole numbers ``LIMITS`` allows for ``field``, for an editor that
    counts in whole steps (sessions a week: 1 to 21). Taken from here, not
    written again, so the editor cannot offer a number the loader refuses."""
    lo, hi = LIMITS[field]
    return math.ceil(lo), math.floor(hi)


# A whole session, StretchGuide's number: each field's bound above allows
# 100 items of 20 sets of 200 repetitions, a session of some 670 hours that
# would load, run and fill the history as if it were meant. The longest
# built-in routine takes 15 minutes; three hours is far past any real one.
MAX_SESSION_HOURS: Final = 3


class _Table:
    def __init__(self, data: object, where: str, allowed: frozenset[str]) -> None:
        if not isinstance(data, dict):
            raise _InvalidError(where or "(file)", _("a table of fields"), data)
        self.data: dict[str, object] = data
        self.where = where
        for key in data:
            if key not in allowed:
                # No known key is long: a long one is no typo of one (and
                # difflib on 900,000 characters takes a while).
                hint = _close_matches(key, sorted(allowed), n=1) if len(key) <= 64 else []
                expected = (
                    _("a known field (did you mean '{name}'?)").format(name=hint[0])
                    if hint
                    else _("a known field (one of {names})").format(
                        names=", ".join(sorted(allowed))
                    )
                )
                raise _InvalidError(self.path(key), expected, _Raw(_("an unknown field")))

    def path(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def has(self, key: str) -> bool:
        return key in self.data

    def text(self, key: str, *, default: str | None = None, max_len: int = 200) -> str:
        value = self.data.get(key, _MISSING)
        if value is _MISSING:
            if default is None:
                raise _InvalidError(self.path(key), _("a text (this field is required)"))
            return default
        if (
            not isinstance(value, str)
            or len(value) > max_len
            or not _visible_text(value, multiline=max_len > 200)
        ):
            raise _InvalidError(
                self.path(key),
                _(
                    "a non-empty text of at most {count} characters, without control "
                    "or invisible characters"
                ).format(count=max_len),
                value,
            )
        return value

    def ident(self, key: str, *, default: str | None = None) -> str:
        value = self.text(key, default=default, max_len=MAX_ID_LENGTH)
        if not _ID_RE.fullmatch(value):
            raise _InvalidError(
                self.path(key),
                _("an id of lower-case letters, digits and _ (2-{count} long)").format(
                    count=MAX_ID_LENGTH
                ),
                value,
            )
        return value

    def number(self, key: str, default: float, *, whole: bool = False) -> float:
        value = self.data.get(key, _MISSING)
        if value is _MISSING:
            return default
        lo, hi = LIMITS[key]
        seconds = key.endswith("_s")
        ok_type = isinstance(value, int) if whole else isinstance(value, int | float)
        if (
            isinstance(value, bool)
            or not ok_type
            # compare before float(): a 400-digit int overflows float()
            or not lo <= value <= hi  # type: ignore[operator]
            or not math.isfinite(float(value))  # type: ignore[arg-type]
        ):
            if whole:
                expected = _("a whole number from {lo} to {hi}")
            elif seconds:
                expected = _("a number from {lo} to {hi} seconds")
            else:
                expected = _("a number from {lo} to {hi}")
            raise _InvalidError(self.path(key), expected.format(lo=f"{lo:g}", hi=f"{hi:g}"), value)
        return float(value)  # type: ignore[arg-type]

    def texts(self, key: str, *, max_len: int = 200, max_items: int = 20) -> tuple[str, ...]:
        value = self.data.get(key, _MISSING)
        if value is _MISSING:
            return ()
        if not isinstance(value, list) or len(value) > max_items:
            raise _InvalidError(
                self.path(key), _("a list of at most {count} texts").format(count=max_items), value
            )
        for i, item in enumerate(value):
            # The same rule as a single text: a stage or tag is shown and spoken
            # too (a direction override, a zero-width space or an ESC in one
            # was loaded, unlike in the name beside it).
            if (
                not isinstance(item, str)
                or len(item) > max_len
                or not _visible_text(item, multiline=False)
            ):
                raise _InvalidError(
                    f"{self.path(key)}[{i}]",
                    _(
                        "a non-empty text of at most {count} characters, without control "
                        "or invisible characters"
                    ).format(count=max_len),
                    item,
                )
        return tuple(value)

    def choice(self, key: str, enum: type[_E], default: _E | None = None) -> _E:
        value = self.data.get(key, _MISSING)
        if value is _MISSING:
            if default is None:
                raise _InvalidError(
                    self.path(key), _("one of {choices} (required)").format(choices=_choices(enum))
                )
            return default
        return _member(value, enum, self.path(key))

    def choices(self, key: str, enum: type[_E], default: Iterable[_E] = ()) -> tuple[_E, ...]:
        value = self.data.get(key, _MISSING)
        if value is _MISSING:
            return tuple(default)
        if not isinstance(value, list):
            raise _InvalidError(
                self.path(key), _("a list of {choices}").format(choices=_choices(enum)), value
            )
        members = tuple(_member(v, enum, f"{self.path(key)}[{i}]") for i, v in enumerate(value))
        if len(set(members)) != len(members):
            raise _InvalidError(self.path(key), _("a list without repeats"), value)
        return members

    def sources(self, key: str = "sources") -> tuple[str, ...]:
        found = self.texts(key, max_len=3)
        for i, source in enumerate(found):
            if not _SOURCE_RE.fullmatch(source):
                raise _InvalidError(f"{self.path(key)}[{i}]", _('an article id like "003"'), source)
        return found

    def table(self, key: str, allowed: frozenset[str]) -> _Table | None:
        value = self.data.get(key, _MISSING)
        return None if value is _MISSING else _Table(value, self.path(key), allowed)

    def tables(self, key: str, allowed: frozenset[str], *, max_items: int) -> list[_Table]:
        value = self.data.get(key, _MISSING)
        if not isinstance(value, list) or not 1 <= len(value) <= max_items:
            raise _InvalidError(
                self.path(key), _("a list of 1 to {count} tables").format(count=max_items), value
            )
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
    raise _InvalidError(where, _("one of {choices}").format(choices=_choices(enum)), value)


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
            table.path("breaths"),
            _("no breaths when reps > 1 (breaths pace one hold)"),
            dose.breaths,
        )
    if dose.breaths and dose.stages:
        raise _InvalidError(table.path("breaths"), _("no breaths together with stages"))
    if dose.reps == 1 and dose.hold_s < 1 and not dose.breaths:
        raise _InvalidError(
            table.path("hold_s"), _("1 to 600 seconds for a single hold (reps = 1)"), dose.hold_s
        )
    if dose.reps > 1 and dose.rep_s <= 0 and dose.hold_s <= 0:
        raise _InvalidError(
            table.path("rep_s"), _("more than 0 seconds per repetition (or a hold_s)"), dose.rep_s
        )
    if dose.stages and dose.reps > 1:
        raise _InvalidError(
            table.path("stages"), _("no stages when reps > 1 (stages split one hold)")
        )
    return dose


def _least_seconds(dose: Dose) -> float:
    """The least time a dose can take: its holds or repetitions alone, with
    no rest, no getting ready and one side (the session's timeline adds
    those), so a routine refused for its length is surely too long."""
    once = dose.reps * max(dose.rep_s, dose.hold_s) if dose.reps > 1 else dose.hold_s
    return dose.sets * (2 if dose.sides is Sides.EACH else 1) * once


def _read_exercise(table: _Table) -> Exercise:
    dose_table = table.table("dose", DOSE_KEYS)
    if dose_table is None:
        raise _InvalidError(table.path("dose"), _("a default dose table (required)"))
    steps = table.texts("steps", max_len=120, max_items=12)
    if not steps:
        raise _InvalidError(table.path("steps"), _("at least one instruction step"))
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
            table.path("phases"),
            _("a list of {count} phases, one per step").format(count=n_steps),
            value,
        )
    phases = tuple(
        _member(v, StepPhase, f"{table.path('phases')}[{i}]") for i, v in enumerate(value)
    )
    if StepPhase.WORK not in phases:
        raise _InvalidError(table.path("phases"), _('at least one "work" step'), value)
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
    for item in table.tables("items", ITEM_KEYS, max_items=MAX_ROUTINE_ITEMS):
        exercise_id = item.text("exercise", max_len=MAX_ID_LENGTH)
        exercise = exercises.get(exercise_id)
        if exercise is None:
            hint = _close_matches(exercise_id, sorted(exercises), n=1)
            expected = (
                _("a known exercise id (did you mean '{name}'?)").format(name=hint[0])
                if hint
                else _("a known exercise id (`stretchguide routines` lists them)")
            )
            raise _InvalidError(item.path("exercise"), expected, exercise_id)
        items.append(
            RoutineItem(
                exercise_id=exercise_id,
                dose=_read_dose(item.table("dose", DOSE_KEYS), exercise.dose),
                note=item.text("note", default="", max_len=300) if item.has("note") else "",
            )
        )
    least = sum(_least_seconds(item.dose) for item in items)
    if least > MAX_SESSION_HOURS * 3600:
        raise _InvalidError(
            table.path("items"),
            _("exercises that take at most {hours} hours in all (StretchGuide's limit)").format(
                hours=MAX_SESSION_HOURS
            ),
            _Raw(_("{hours} hours or more").format(hours=int(least // 3600))),
        )
    schedule_table = table.table("schedule", SCHEDULE_KEYS)
    if schedule_table is None:
        if builtin:
            raise _InvalidError(table.path("schedule"), _("a schedule table (required)"))
        schedule = DEFAULT_SCHEDULE
    else:
        schedule = Schedule(
            sessions_per_week=schedule_table.number("sessions_per_week", 7.0),
            text=schedule_table.text("text", max_len=TEXT_LIMITS["schedule"]),
        )
    return Routine(
        id=routine_id,
        name=table.text("name", max_len=TEXT_LIMITS["name"]),
        description=table.text("description", default="", max_len=TEXT_LIMITS["description"])
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
        raise _InvalidError(table.path("ice"), _("an [ice] table (required)"))
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
            raise _InvalidError(entry.path("id"), _("an id used once"), item.id)
        seen.add(item.id)
        advice.append(item)
    days = table.data.get("seek_help_after_days")
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= 365:
        raise _InvalidError(table.path("seek_help_after_days"), _("a whole number of days"), days)
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
        raise _InvalidError(table.path(key), _("[least, most] as two whole numbers"), value)
    return (value[0], value[1])
