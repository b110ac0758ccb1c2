"""What persists (``plan.json``): the routine, start day, adjusted doses and every change."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Final

from stretchguide.core.atomic import write_text_atomically
from stretchguide.core.catalog import Catalog, Kind, Routine
from stretchguide.core.i18n import _
from stretchguide.core.messages import Message, in_language
from stretchguide.core.os_reasons import os_reason
from stretchguide.core.plan import plan_file as pf
from stretchguide.core.plan.calendar import Plan
from stretchguide.core.plan.doses import (
    Direction,
    Field,
    Offer,
    SessionEvidence,
    decide,
    dose_range,
)

# --------------------------------------------------------------------------- state

PLAN_FILE: Final = "plan.json"  # in the data folder, beside the history
DOSE_FIELDS: Final = frozenset(f.value for f in Field)


@dataclass(frozen=True)
class Change:
    on: date
    exercise_id: str
    field: Field
    old: float
    new: float
    line: str
    # When it was accepted (seconds since the epoch, the wall clock): a
    # session that started later ran with the new dose, even on the same
    # day. None in files written before it was stored.
    at: float | None = None


@dataclass(frozen=True)
class PlanState:
    routine_id: str
    start: date
    doses: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    changes: tuple[Change, ...] = ()

    def plan(self, routine: Routine) -> Plan:
        return Plan.for_routine(routine, self.start)

    def apply(self, routine: Routine) -> Routine:
        """The routine with the doses the person accepted."""
        if routine.id != self.routine_id or not self.doses:
            return routine
        items = []
        for item in routine.items:
            over = self.doses.get(item.exercise_id, {})
            dose = item.dose
            if "hold_s" in over:
                dose = replace(dose, hold_s=float(over["hold_s"]))
            if "reps" in over:
                dose = replace(dose, reps=int(over["reps"]))
            if "breaths" in over and dose.breaths > 0:
                dose = replace(dose, breaths=int(over["breaths"]))
            items.append(replace(item, dose=dose))
        return replace(routine, items=tuple(items))

    def accept(self, offer: Offer, on: date, at: float | None = None) -> PlanState:
        doses = {k: dict(v) for k, v in self.doses.items()}
        doses.setdefault(offer.exercise_id, {})[offer.field.value] = offer.new
        change = Change(on, offer.exercise_id, offer.field, offer.old, offer.new, offer.line, at)
        return replace(self, doses=doses, changes=(*self.changes, change))

    def not_after(self, today: date, now: float) -> PlanState:
        """This plan with nothing dated after ``today`` or timed after ``now``.

        Such dates were written while the computer's clock was ahead. A
        start after today gave no planned day, and so no reminder, until
        the clock caught up: the plan starts today instead. A change timed
        after now made every later session look as if it ran before the
        change, so none counted for the dose (not even for a step back): it
        counts from now. Returns ``self`` when nothing was ahead.
        """
        changes = tuple(
            replace(c, on=min(c.on, today), at=None if c.at is None else min(c.at, now))
            for c in self.changes
        )
        start = min(self.start, today)
        if start == self.start and changes == self.changes:
            return self
        return replace(self, start=start, changes=changes)

    def last_change_on(self, exercise_id: str) -> date | None:
        days = [c.on for c in self.changes if c.exercise_id == exercise_id]
        return max(days) if days else None

    def ran_before_last_change(self, exercise_id: str, started_at: float, day: date) -> bool:
        """True when a session that started then (on that local day) ran
        before this exercise's last dose change, so it says nothing about the
        dose now. Compared by time; only a change stored without one (older
        files) falls back to its day."""
        mine = [c for c in self.changes if c.exercise_id == exercise_id]
        if not mine:
            return False
        last = mine[-1]
        if last.at is not None:
            return started_at <= last.at
        return day <= max(c.on for c in mine)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": 1,
            "routine_id": self.routine_id,
            "start": self.start.isoformat(),
            "doses": {k: dict(v) for k, v in self.doses.items()},
            "changes": [
                {
                    "on": c.on.isoformat(),
                    "exercise_id": c.exercise_id,
                    "field": c.field.value,
                    "old": c.old,
                    "new": c.new,
                    "line": c.line,
                    **({"at": c.at} if c.at is not None else {}),
                }
                for c in self.changes
            ],
        }

    @classmethod
    def from_json(cls, data: Any) -> PlanState:
        """The plan in ``data`` (decoded JSON); ``PlanFileProblemError`` naming the
        field at the first wrong value (plan_file.py says why each is checked)."""
        top = pf.an_object(data, "")
        version = top.get("format", pf.PLAN_FORMAT)
        if isinstance(version, int) and not isinstance(version, bool) and version > 1:
            # Read as ours, a newer file would lose what it adds at the next save.
            raise pf.PlanFileProblemError(
                _("format {version}: written by a newer StretchGuide").format(version=version)
            )
        if version != pf.PLAN_FORMAT or isinstance(version, bool):
            raise pf.wrong("format", "1", version)
        for key in ("routine_id", "start"):
            if key not in top:
                raise pf.missing(key)
        changes = tuple(
            _change(pf.an_object(c, f"changes[{i}]"), f"changes[{i}]")
            for i, c in enumerate(pf.a_list(top.get("changes", []), "changes"))
        )
        doses: dict[str, dict[str, float]] = {}
        for ex_id, fields in pf.an_object(top.get("doses", {}), "doses").items():
            where = f"doses.{ex_id}"
            doses[ex_id] = {
                name: pf.dose_value(name, value, f"{where}.{name}")
                for name, value in pf.an_object(fields, where).items()
                if name in DOSE_FIELDS
            }
        return cls(
            pf.a_text(top["routine_id"], "routine_id"),
            pf.a_day(top["start"], "start"),
            doses,
            changes,
        )


def _change(c: Mapping[str, object], where: str) -> Change:
    for key in ("on", "exercise_id", "field", "old", "new", "line"):
        if key not in c:
            raise pf.missing(f"{where}.{key}")
    name = c["field"]
    if not isinstance(name, str) or name not in DOSE_FIELDS:
        raise pf.wrong(f"{where}.field", _("one of hold_s, reps, breaths"), name)
    field_ = Field(name)
    at = c.get("at")
    return Change(
        pf.a_day(c["on"], f"{where}.on"),
        pf.a_text(c["exercise_id"], f"{where}.exercise_id"),
        field_,
        pf.dose_value(field_.value, c["old"], f"{where}.old"),
        pf.dose_value(field_.value, c["new"], f"{where}.new"),
        pf.a_text(c["line"], f"{where}.line"),
        None if at is None else pf.a_time(at, f"{where}.at"),
    )


class PlanFileError(Exception):
    def __init__(self, path: Path, problem: Message | str) -> None:
        super().__init__(f"{path}: {problem}")  # English, for errors.log
        self.user_message = _("The plan file {path} could not be read ({problem}).").format(
            path=path, problem=in_language(problem)
        )


def load_state(path: Path) -> PlanState | None:
    """The saved plan, or None when there is none yet.

    ``PlanFileError`` naming the file and the line or field for a file that
    cannot be used; the file is left as it is."""
    try:
        data = pf.read_plan_data(path)
        return None if data is None else PlanState.from_json(data)
    except pf.PlanFileProblemError as err:
        raise PlanFileError(path, str(err)) from None
    except OSError as err:
        raise PlanFileError(path, os_reason(err)) from err


def save_state(path: Path, state: PlanState) -> None:
    """Write atomically: a crash leaves the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(path, json.dumps(state.to_json(), indent=1), prefix=".plan-")


def nerve_exercises(catalog: Catalog) -> frozenset[str]:
    """The exercises of kind ``nerve`` (glides, floss, nerve stretches):
    article 004's "reduce the stretch if it brings on tingling, pain or
    numbness" is about them (``offers_for`` ``nerve_ids``)."""
    return frozenset(k for k, e in catalog.exercises.items() if e.kind is Kind.NERVE)


def offers_for(
    routine: Routine,
    state: PlanState,
    recent_by_exercise: Mapping[str, Sequence[SessionEvidence]],
    names: Mapping[str, str],
    *,
    hold_up: bool = False,
    nerve_ids: Collection[str] = (),
) -> list[Offer]:
    """Every offer for a routine; back-offs first, so they are read first.
    ``hold_up`` (see :func:`holds_step_up`) leaves out every step up.
    ``nerve_ids``: the exercises of kind ``nerve`` (:func:`nerve_exercises`),
    which a session ending with tingling, numbness or weakness does not
    step up (article 004)."""
    adjusted = state.apply(routine)
    offers: list[Offer] = []
    for base, item in zip(routine.items, adjusted.items, strict=True):
        rng = dose_range(routine, base)
        if rng is None:
            continue
        found = decide(
            item.exercise_id,
            names.get(item.exercise_id, item.exercise_id),
            item.dose,
            rng,
            recent_by_exercise.get(item.exercise_id, ()),
            nerve_stretch=item.exercise_id in nerve_ids,
        )
        if found is not None and hold_up and found.direction is Direction.UP:
            continue
        if found is not None and all(o.exercise_id != found.exercise_id for o in offers):
            offers.append(found)
    return sorted(offers, key=lambda o: o.direction is Direction.UP)
