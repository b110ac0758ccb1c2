"""Doses that follow symptoms: the range a dose may move in, the evidence, and the offer."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from stretchguide.core.catalog import Dose, Routine, RoutineItem
from stretchguide.core.i18n import _
from stretchguide.core.safety import (
    PainLevel,
    PainThresholds,
    pain_response,
    spread_down_the_leg,
)
from stretchguide.core.trends import CheckIn

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
    spread = spread_down_the_leg(before, after, next_morning)
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
    # Each reason is a whole clause: it follows "because", and German puts
    # the verb of that clause last ("weil ... gut waren"), so translators get
    # the clause, not a phrase to bend around a fixed frame.
    if last.new_nerve:
        return _("the last session brought new tingling, numbness or weakness")
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
    # A dose stepped back earlier comes up again one step at a time; a step
    # that still leaves it under the article's number says so, as the step
    # back did.
    below = new < rng.lo
    line = _("{name}: try {new} instead of {old}, because {why}.").format(
        name=name, new=_fmt(f, new), old=_fmt(f, old), why=why
    )
    if beyond:
        line += " " + _(
            "That is past the recommended {dose}: the step is StretchGuide's suggestion."
        ).format(dose=_fmt(f, rng.hi))
    if below:
        line += " " + _("That is still under the recommended {dose}.").format(dose=_fmt(f, rng.lo))
    return Offer(exercise_id, Direction.UP, f, old, new, why, beyond, below, line)
