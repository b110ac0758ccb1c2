"""The plan: a routine's schedule on a calendar, and doses that follow symptoms.

A :class:`Plan` turns a routine's ``[schedule]`` into planned days. Article
001 asks for a daily routine for 21 days and then 3 to 4 times a week; its
plan steps down by itself on day 22. Every other routine keeps its frequency.

Progression and regression (:func:`decide`) use the pain-response rule of
:mod:`stretchguide.core.safety` with the person's own limits, so a session
the verdict calls "fine" is the only kind that can earn a step up. Nothing
changes silently: :func:`decide` returns an :class:`Offer` with one plain
line and its reason, and the caller asks the person before applying it.

:class:`PlanState` is what persists (``plan.json`` in the data folder): the
routine, the start day, the adjusted doses and every change made.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any, Final

from stretchguide.core.catalog import Dose, Routine, RoutineItem
from stretchguide.core.i18n import _, ngettext
from stretchguide.core.safety import PainLevel, PainThresholds, pain_response
from stretchguide.core.trends import CheckIn, Streak

# --------------------------------------------------------------------------- calendar


@dataclass(frozen=True)
class StepDown:
    """A schedule that changes after a number of days (article 001)."""

    after_days: int
    per_week_lo: int
    per_week_hi: int
    source: str


# Article 001: daily for 21 days, then 3 to 4 times a week.
STEP_DOWNS: Final[Mapping[str, StepDown]] = {"001": StepDown(21, 3, 4, "001")}


@dataclass(frozen=True)
class Phase:
    first_day: int  # days after the plan's start (0 = the start day)
    last_day: int | None  # inclusive; None = open-ended
    days_per_week: int  # days marked on the calendar in each 7-day cycle
    per_day: int  # sessions planned on a planned day (2 during a flare routine)
    text: str  # what a person reads: "Every day", "4 days a week (3 to 4)"

    def contains(self, n: int) -> bool:
        return n >= self.first_day and (self.last_day is None or n <= self.last_day)

    def planned(self, n: int) -> bool:
        """Is day ``n`` of the plan (0-based) a planned day in this phase?"""
        if not self.contains(n):
            return False
        k = self.days_per_week
        if k >= 7:
            return True
        # Spread k days evenly over each 7-day cycle counted from the phase's start.
        offsets = {i * 7 // k for i in range(k)}
        return (n - self.first_day) % 7 in offsets


def _frequency_text(per_week: float) -> str:
    if per_week >= 14:
        return _("Twice a day")
    if per_week >= 7:
        return _("Every day")
    days = math.ceil(per_week)
    return ngettext("{n} day a week", "{n} days a week", days).format(n=days)


@dataclass(frozen=True)
class Plan:
    routine_id: str
    start: date
    phases: tuple[Phase, ...]
    step_down_reason: str = ""  # one plain line when the plan steps down

    @classmethod
    def for_routine(cls, routine: Routine, start: date) -> Plan:
        per_week = routine.schedule.sessions_per_week
        per_day = 2 if per_week >= 14 else 1
        days = 7 if per_week >= 7 else max(1, math.ceil(per_week))
        step = _step_down(routine)
        if step is None:
            phase = Phase(0, None, days, per_day, _frequency_text(per_week))
            return cls(routine.id, start, (phase,))
        first = Phase(
            0,
            step.after_days - 1,
            7,
            1,
            ngettext("Every day for {n} day", "Every day for {n} days", step.after_days).format(
                n=step.after_days
            ),
        )
        later = Phase(
            step.after_days,
            None,
            step.per_week_hi,
            1,
            _("{high} days a week ({low} to {high} is recommended)").format(
                low=step.per_week_lo, high=step.per_week_hi
            ),
        )
        on = start + timedelta(days=step.after_days)
        reason = _(
            "From {date} the plan steps down to {high} days a week: "
            "the routine asks for {days} days in a row, then "
            "{low} to {high} times a week."
        ).format(
            date=on.isoformat(),
            high=step.per_week_hi,
            days=step.after_days,
            low=step.per_week_lo,
        )
        return cls(routine.id, start, (first, later), reason)

    def day_index(self, day: date) -> int:
        return (day - self.start).days

    def phase_on(self, day: date) -> Phase | None:
        n = self.day_index(day)
        return next((p for p in self.phases if p.contains(n)), None)

    def is_planned(self, day: date) -> bool:
        n = self.day_index(day)
        return any(p.planned(n) for p in self.phases)

    def planned_days(self, first: date, last: date) -> list[date]:
        out: list[date] = []
        day = max(first, self.start)
        while day <= last:
            if self.is_planned(day):
                out.append(day)
            day += timedelta(days=1)
        return out

    @property
    def step_down_on(self) -> date | None:
        if len(self.phases) < 2:
            return None
        return self.start + timedelta(days=self.phases[1].first_day)

    def describe(self) -> str:
        """The whole plan in one line, for the sheet and the history."""
        return "; then ".join(p.text for p in self.phases) + "."


def _step_down(routine: Routine) -> StepDown | None:
    # Only a routine that is exactly one stepped article, still on its daily
    # schedule: an edited schedule is the person's choice and is kept.
    if len(routine.sources) != 1 or routine.schedule.sessions_per_week != 7:
        return None
    return STEP_DOWNS.get(routine.sources[0])


@dataclass(frozen=True)
class PlanDay:
    day: date
    planned: bool
    done: bool


def plan_days(plan: Plan, done: set[date], first: date, last: date) -> list[PlanDay]:
    """Planned vs done for each day from ``first`` to ``last``."""
    out: list[PlanDay] = []
    day = first
    while day <= last:
        out.append(PlanDay(day, day >= plan.start and plan.is_planned(day), day in done))
        day += timedelta(days=1)
    return out


@dataclass(frozen=True)
class PlanAdherence:
    planned: int  # planned days in the period, up to yesterday (today may still come)
    kept: int  # planned days that had a session
    extra: int  # sessions on days the plan left free

    @property
    def ratio(self) -> float | None:
        return self.kept / self.planned if self.planned else None


def plan_adherence(plan: Plan, done: set[date], today: date, days: int = 28) -> PlanAdherence:
    first = max(plan.start, today - timedelta(days=days - 1))
    rows = plan_days(plan, done, first, today) if first <= today else []
    # Today counts only once it is done: the session may still be ahead.
    counted = [r for r in rows if r.day < today or r.done]
    return PlanAdherence(
        planned=sum(r.planned for r in counted),
        kept=sum(r.planned and r.done for r in counted),
        extra=sum(r.done and not r.planned for r in counted),
    )


def plan_streak(plan: Plan, done: set[date], today: date, goal: int = 21) -> Streak:
    """Planned days kept in a row; free days neither add nor break it.

    A planned today that is not done yet does not break the streak.
    """
    planned = plan.planned_days(plan.start, today)
    current = 0
    for day in reversed(planned):
        if day == today and day not in done:
            continue
        if day not in done:
            break
        current += 1
    best = run = 0
    for day in planned:
        if day in done:
            run += 1
            best = max(best, run)
        elif day != today:
            run = 0
    return Streak(current, max(best, current), goal)


# --------------------------------------------------------------------------- reminders


def reminder_due(
    plan: Plan | None,
    done: set[date],
    now: datetime,
    at: time,
    shown_on: date | None,
    snoozed_until: datetime | None = None,
) -> bool:
    """Remind once on a planned day from ``at`` on; never on a day already done.

    A snooze moves that day's reminder to ``snoozed_until``.
    """
    today = now.date()
    if today in done:
        return False
    if plan is not None and not plan.is_planned(today):
        return False
    if snoozed_until is not None and snoozed_until.date() == today:
        return now >= snoozed_until
    if shown_on == today:
        return False
    return now.time() >= at


def next_reminder(
    plan: Plan | None,
    done: set[date],
    now: datetime,
    at: time,
    shown_on: date | None,
    snoozed_until: datetime | None = None,
) -> datetime:
    """When the next reminder is due (now, if it already is).

    The app arms one single-shot timer for this moment instead of polling.
    """
    if reminder_due(plan, done, now, at, shown_on, snoozed_until):
        return now
    today = now.date()
    if (
        snoozed_until is not None
        and now < snoozed_until
        and snoozed_until.date() == today
        and today not in done
        and (plan is None or plan.is_planned(today))
    ):
        return snoozed_until
    day = today
    for _n in range(400):
        moment = datetime.combine(day, at)
        fresh = day != now.date() or (shown_on != day and moment > now)
        if fresh and day not in done and (plan is None or plan.is_planned(day)):
            return max(moment, now)
        day += timedelta(days=1)
    return datetime.combine(day, at)


# --------------------------------------------------------------------------- dose ranges


class Field(StrEnum):
    HOLD = "hold_s"
    REPS = "reps"


@dataclass(frozen=True)
class DoseRange:
    """The range an article gives for one exercise's dose, in its units."""

    field: Field
    lo: float
    hi: float
    source: str | None  # the article; None when the article gives no number


# Where an article gives a range rather than one number. Keyed by (article,
# exercise); everywhere else the routine's own number is the article's.
ARTICLE_RANGES: Final[Mapping[tuple[str, str], DoseRange]] = {
    ("000", "supine_hamstring_stretch"): DoseRange(Field.HOLD, 15, 30, "000"),
    ("001", "seated_hip_stretch"): DoseRange(Field.HOLD, 30, 60, "001"),
    ("001", "standing_hip_abduction"): DoseRange(Field.REPS, 15, 20, "001"),
    ("001", "clam_shell"): DoseRange(Field.REPS, 15, 20, "001"),
    ("002", "single_knee_to_chest"): DoseRange(Field.HOLD, 20, 30, "002"),
}

# StretchGuide's numbers, not any article's: the size of one step, the
# lowest dose a step back goes to, and how far past a single article number
# a step up may go (it then says so).
HOLD_STEP_S: Final = 5.0
REPS_STEP: Final = 2
MIN_HOLD_S: Final = 5.0
MIN_REPS: Final = 3
OWN_CEILING: Final = 1.5
FINE_SESSIONS_FOR_STEP_UP: Final = 3
REPEATED_HURTS: Final = 2  # "this hurts" presses over the last two sessions


def stepped_field(dose: Dose) -> Field | None:
    if dose.reps > 1:
        return Field.REPS
    if dose.hold_s > 0:
        return Field.HOLD
    return None


def dose_range(routine: Routine, item: RoutineItem) -> DoseRange | None:
    """The article's range for this item, or the routine's number as a
    one-point range (``source`` None when the routine cites no article)."""
    f = stepped_field(item.dose)
    if f is None:
        return None
    for src in routine.sources:
        found = ARTICLE_RANGES.get((src, item.exercise_id))
        if found is not None and found.field is f:
            return found
    value = float(getattr(item.dose, f.value))
    return DoseRange(f, value, value, routine.sources[0] if routine.sources else None)


# --------------------------------------------------------------------------- evidence


@dataclass(frozen=True)
class SessionEvidence:
    """What one session says about one exercise, judged by the verdict rule."""

    level: PainLevel
    spread: bool  # symptoms reached further down the leg than before
    new_nerve: bool  # tingling, numbness or weakness not there before the session
    hurts: int  # "this hurts" presses on this exercise


NERVE_SIGNS: Final = ("tingling", "numbness", "weakness")


def evidence(
    *,
    before: CheckIn | None,
    after: CheckIn | None,
    next_morning: CheckIn | None = None,
    during_peak: int | None = None,
    hurts: int = 0,
    thresholds: PainThresholds,
) -> SessionEvidence:
    """Judge one session with the same rule and limits as the verdict."""
    response = pain_response(
        before=before,
        after=after,
        next_morning=next_morning,
        during_peak=during_peak,
        thresholds=thresholds,
    )
    later = [c for c in (after, next_morning) if c is not None]
    spread = before is not None and any(c.extent.rank > before.extent.rank for c in later)
    new_nerve = any(
        getattr(c, sign) and not (before is not None and getattr(before, sign))
        for c in later
        for sign in NERVE_SIGNS
    )
    return SessionEvidence(response.level, spread, new_nerve, hurts)


# --------------------------------------------------------------------------- decisions


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"


@dataclass(frozen=True)
class Offer:
    exercise_id: str
    direction: Direction
    field: Field
    old: float
    new: float
    reason: str
    beyond_range: bool  # the new dose is past the article's highest number
    below_range: bool  # the new dose is under the article's lowest number
    line: str  # the one plain line a person reads


def _fmt(f: Field, value: float) -> str:
    if f is Field.HOLD:
        return _("{seconds} s").format(seconds=f"{value:g}")
    return _("{reps} reps").format(reps=f"{value:g}")


def _back_off_reason(last: SessionEvidence, recent: Sequence[SessionEvidence]) -> str | None:
    if last.new_nerve:
        return _("new tingling, numbness or weakness after the last session")
    if last.spread:
        return _("the pain spread further down the leg after the last session")
    if sum(e.hurts for e in recent[-2:]) >= REPEATED_HURTS:
        return _("you pressed \u201cthis hurts\u201d on it more than once")
    if last.level is PainLevel.EASE_OFF:
        return _("the last session was above your pain limit")
    return None


def decide(
    exercise_id: str,
    name: str,
    current: Dose,
    rng: DoseRange,
    recent: Sequence[SessionEvidence],
) -> Offer | None:
    """One offer for this exercise from its sessions since the last change.

    Steps back at once on new nerve symptoms, spreading pain, repeated "this
    hurts" or a session above the pain limit; steps up one small step after
    :data:`FINE_SESSIONS_FOR_STEP_UP` fine sessions in a row. ``None`` means
    keep the dose.
    """
    if not recent:
        return None
    f = rng.field
    old = float(getattr(current, f.value))
    step = HOLD_STEP_S if f is Field.HOLD else REPS_STEP
    floor = MIN_HOLD_S if f is Field.HOLD else MIN_REPS
    why = _back_off_reason(recent[-1], recent)
    if why is not None:
        new = max(floor, old - step) if old > floor else old
        below = new < rng.lo
        if new < old:
            line = _("{name}: {new} instead of {old}, because {why}.").format(
                name=name, new=_fmt(f, new), old=_fmt(f, old), why=why
            )
        else:
            line = _(
                "{name}: already at the gentlest dose ({old}); leave it out "
                "next time, because {why}."
            ).format(name=name, old=_fmt(f, old), why=why)
        if below:
            line += " " + _(
                "That is under the recommended {dose}: StretchGuide's step back."
            ).format(dose=_fmt(f, rng.lo))
        return Offer(exercise_id, Direction.DOWN, f, old, new, why, False, below, line)
    window = recent[-FINE_SESSIONS_FOR_STEP_UP:]
    all_fine = len(window) == FINE_SESSIONS_FOR_STEP_UP and all(
        e.level is PainLevel.FINE and not e.spread and not e.new_nerve and e.hurts == 0
        for e in window
    )
    if not all_fine:
        return None
    ceiling = rng.hi if rng.hi > rng.lo else rng.hi * OWN_CEILING
    if f is Field.REPS:
        ceiling = math.floor(ceiling)
    if old >= ceiling:
        return None
    new = min(ceiling, old + step)
    why = _("your last {n} sessions were fine").format(n=FINE_SESSIONS_FOR_STEP_UP)
    beyond = new > rng.hi
    line = _("{name}: try {new} instead of {old}, because {why}.").format(
        name=name, new=_fmt(f, new), old=_fmt(f, old), why=why
    )
    if beyond:
        line += " " + _(
            "That is past the recommended {dose}: the step is StretchGuide's suggestion."
        ).format(dose=_fmt(f, rng.hi))
    return Offer(exercise_id, Direction.UP, f, old, new, why, beyond, False, line)


# --------------------------------------------------------------------------- state

PLAN_FILE: Final = "plan.json"  # in the data folder, beside the history


@dataclass(frozen=True)
class Change:
    on: date
    exercise_id: str
    field: Field
    old: float
    new: float
    line: str


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
            items.append(replace(item, dose=dose))
        return replace(routine, items=tuple(items))

    def accept(self, offer: Offer, on: date) -> PlanState:
        doses = {k: dict(v) for k, v in self.doses.items()}
        doses.setdefault(offer.exercise_id, {})[offer.field.value] = offer.new
        change = Change(on, offer.exercise_id, offer.field, offer.old, offer.new, offer.line)
        return replace(self, doses=doses, changes=(*self.changes, change))

    def last_change_on(self, exercise_id: str) -> date | None:
        days = [c.on for c in self.changes if c.exercise_id == exercise_id]
        return max(days) if days else None

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
                }
                for c in self.changes
            ],
        }

    @classmethod
    def from_json(cls, data: Any) -> PlanState:
        if not isinstance(data, dict):
            raise ValueError("the top level is not an object")
        try:
            changes = tuple(
                Change(
                    date.fromisoformat(c["on"]),
                    str(c["exercise_id"]),
                    Field(c["field"]),
                    float(c["old"]),
                    float(c["new"]),
                    str(c["line"]),
                )
                for c in data.get("changes", [])
            )
            doses = {
                str(k): {str(f): float(x) for f, x in v.items() if f in ("hold_s", "reps")}
                for k, v in data.get("doses", {}).items()
            }
            return cls(str(data["routine_id"]), date.fromisoformat(data["start"]), doses, changes)
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            raise ValueError(f"field {err} is missing or has the wrong type") from err


class PlanFileError(Exception):
    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.user_message = _("The plan file {path} could not be read ({problem}).").format(
            path=path, problem=problem
        )


def load_state(path: Path) -> PlanState | None:
    """The saved plan, or None when there is none yet."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as err:
        raise PlanFileError(path, err.strerror or str(err)) from err
    try:
        return PlanState.from_json(json.loads(text))
    except json.JSONDecodeError as err:
        raise PlanFileError(path, f"line {err.lineno}: {err.msg}") from err
    except ValueError as err:
        raise PlanFileError(path, str(err)) from err


def save_state(path: Path, state: PlanState) -> None:
    """Write atomically: a crash leaves the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".plan-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(state.to_json(), out, indent=1)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def offers_for(
    routine: Routine,
    state: PlanState,
    recent_by_exercise: Mapping[str, Sequence[SessionEvidence]],
    names: Mapping[str, str],
) -> list[Offer]:
    """Every offer for a routine; back-offs first, so they are read first."""
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
        )
        if found is not None and all(o.exercise_id != found.exercise_id for o in offers):
            offers.append(found)
    return sorted(offers, key=lambda o: o.direction is Direction.UP)
