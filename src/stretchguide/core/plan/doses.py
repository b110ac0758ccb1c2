"""Doses that follow symptoms: the range a dose may move in, the evidence, and the offer."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from stretchguide.core.catalog import Dose, Routine, RoutineItem
from stretchguide.core.checkin_now import FLARE_S, flare_since
from stretchguide.core.i18n import _, ngettext
from stretchguide.core.safety import (
    PainLevel,
    PainThresholds,
    nerve_signs,
    pain_response,
    spread_down_the_leg,
)
from stretchguide.core.trends import CheckIn, Verdict, VerdictKind

# --------------------------------------------------------------------------- dose ranges


class Field(StrEnum):
    HOLD = "hold_s"
    REPS = "reps"
    BREATHS = "breaths"  # a breath-paced hold: its seconds are never used


@dataclass(frozen=True)
class DoseRange:
    """The range a dose may move in, in its units.

    ``source`` is the article that gives ``lo``-``hi``; ``None`` means no
    article gives this number and it is the routine's own: StretchGuide's
    for a built-in routine (``own`` False), the person's for one they made
    or changed (``own`` True)."""

    field: Field
    lo: float
    hi: float
    source: str | None
    own: bool = False


# Every dose number the articles give, keyed by (article, exercise): one
# number as lo == hi, a range as lo < hi. An article that names no number
# for an exercise is not here: the routine's number is then its own.
ARTICLE_RANGES: Final[Mapping[tuple[str, str], DoseRange]] = {
    ("000", "knees_to_chest"): DoseRange(Field.HOLD, 10, 10, "000"),
    ("000", "cat_stretch"): DoseRange(Field.HOLD, 30, 30, "000"),
    ("000", "supine_hamstring_stretch"): DoseRange(Field.HOLD, 15, 30, "000"),
    ("000", "chair_torso_twist"): DoseRange(Field.REPS, 5, 5, "000"),
    ("001", "single_knee_to_chest"): DoseRange(Field.HOLD, 20, 20, "001"),
    ("001", "supine_piriformis_stretch"): DoseRange(Field.HOLD, 30, 30, "001"),
    ("001", "seated_hip_stretch"): DoseRange(Field.HOLD, 30, 60, "001"),
    ("001", "bridge"): DoseRange(Field.BREATHS, 5, 10, "001"),
    ("001", "standing_hip_abduction"): DoseRange(Field.REPS, 15, 20, "001"),
    # The article's 20 s is the pigeon pose; the raise-and-lower stage before
    # it has StretchGuide's 20 s (the routine's note says so).
    ("001", "hip_rotator_energy_stretch"): DoseRange(Field.HOLD, 20, 20, "001"),
    ("001", "clam_shell"): DoseRange(Field.REPS, 15, 20, "001"),
    ("002", "single_knee_to_chest"): DoseRange(Field.HOLD, 20, 30, "002"),
    ("003", "supine_piriformis_stretch"): DoseRange(Field.HOLD, 30, 30, "003"),
    ("003", "advanced_piriformis_stretch"): DoseRange(Field.HOLD, 30, 30, "003"),
    ("003", "ball_piriformis_release"): DoseRange(Field.HOLD, 30, 30, "003"),
    ("004", "lumbar_rotation"): DoseRange(Field.REPS, 20, 20, "004"),
    ("004", "knees_to_chest"): DoseRange(Field.REPS, 20, 20, "004"),
    ("004", "standing_extension"): DoseRange(Field.REPS, 20, 20, "004"),
    ("004", "standing_side_bend"): DoseRange(Field.REPS, 20, 20, "004"),
    ("004", "ball_decompression"): DoseRange(Field.HOLD, 30, 30, "004"),
    ("004", "side_stretch_dangle"): DoseRange(Field.HOLD, 30, 30, "004"),
    ("004", "core_breathing"): DoseRange(Field.REPS, 3, 5, "004"),
    ("004", "prone_forearm_extension"): DoseRange(Field.REPS, 20, 20, "004"),
    ("004", "anterior_pelvic_tilt"): DoseRange(Field.REPS, 20, 20, "004"),
    ("004", "helper_decompression"): DoseRange(Field.HOLD, 30, 30, "004"),
    ("004", "ball_piriformis_release"): DoseRange(Field.HOLD, 120, 120, "004"),
    ("004", "seated_piriformis_stretch"): DoseRange(Field.HOLD, 30, 30, "004"),
    ("004", "advanced_piriformis_stretch"): DoseRange(Field.HOLD, 30, 30, "004"),
    ("004", "floor_piriformis_stretch"): DoseRange(Field.HOLD, 30, 30, "004"),
    ("004", "clam_shell"): DoseRange(Field.REPS, 20, 20, "004"),
    ("004", "nerve_floss_helper"): DoseRange(Field.REPS, 30, 30, "004"),
    ("004", "nerve_glide_ankle"): DoseRange(Field.REPS, 20, 30, "004"),
    ("004", "strap_nerve_stretch"): DoseRange(Field.HOLD, 30, 30, "004"),
}

# StretchGuide's numbers, not any article's: the size of one step, the
# lowest dose a step back goes to, and how far past a single number a step
# up may go (it then says so). One breath is 5 s at the app's breath pace,
# the same as one step of hold.
HOLD_STEP_S: Final = 5.0
REPS_STEP: Final = 2
BREATHS_STEP: Final = 1
MIN_HOLD_S: Final = 5.0
MIN_REPS: Final = 3
MIN_BREATHS: Final = 1
OWN_CEILING: Final = 1.5
FINE_SESSIONS_FOR_STEP_UP: Final = 3
REPEATED_HURTS: Final = 2  # "this hurts" presses over the last two sessions

STEPS: Final[Mapping[Field, float]] = {
    Field.HOLD: HOLD_STEP_S,
    Field.REPS: REPS_STEP,
    Field.BREATHS: BREATHS_STEP,
}
FLOORS: Final[Mapping[Field, float]] = {
    Field.HOLD: MIN_HOLD_S,
    Field.REPS: MIN_REPS,
    Field.BREATHS: MIN_BREATHS,
}


def stepped_field(dose: Dose) -> Field | None:
    """The number a session runs by: breaths pace a hold, so they come first."""
    if dose.breaths > 0:
        return Field.BREATHS
    if dose.reps > 1:
        return Field.REPS
    if dose.hold_s > 0:
        return Field.HOLD
    return None


def dose_range(routine: Routine, item: RoutineItem) -> DoseRange | None:
    """The article's range for this item when the routine's number is in it;
    otherwise the routine's number as a one-point range of its own
    (``source`` None): no article is credited with a number it does not give."""
    f = stepped_field(item.dose)
    if f is None:
        return None
    value = float(getattr(item.dose, f.value))
    for src in routine.sources:
        found = ARTICLE_RANGES.get((src, item.exercise_id))
        if found is not None and found.field is f and found.lo <= value <= found.hi:
            return found
    return DoseRange(f, value, value, None, own=not routine.builtin)


# --------------------------------------------------------------------------- evidence


@dataclass(frozen=True)
class SessionEvidence:
    """What one session says about one exercise, judged by the verdict rule."""

    level: PainLevel
    spread: bool  # symptoms reached further down the leg than before
    new_nerve: bool  # tingling, numbness or weakness not there before the session
    hurts: int  # "this hurts" presses on this exercise
    # Numbness there before the session too, first reported under two weeks
    # ago, or symptoms still as far down the leg as where they spread to in
    # that time (``nerve_signs``): no reason to step back, none to ask for more.
    recent_nerve: bool = False
    # "This hurts" presses on any exercise in the session: its verdict said
    # ease off, so it is no fine session for any exercise's step up.
    session_hurts: int = 0
    # Tingling, numbness or weakness in the session's latest check-in, new
    # or not: article 004 says to ease a nerve stretch that brings them on,
    # so such a session asks no more of a nerve exercise ("try 27 reps
    # instead of 25, your last 3 sessions were fine" stood beside tingling
    # after every one of them). Other exercises keep the older rule: numbness
    # there for two weeks is the person's usual (docs/CLINICAL.md 2).
    nerve_after: bool = False


NERVE_SIGNS: Final = ("tingling", "numbness", "weakness")


def evidence(
    *,
    before: CheckIn | None,
    after: CheckIn | None,
    next_morning: CheckIn | None = None,
    during_peak: int | None = None,
    hurts: int = 0,
    thresholds: PainThresholds,
    previous: CheckIn | None = None,
    numbness_from: int | None = None,
    spread_from: int | None = None,
    session_hurts: int = 0,
) -> SessionEvidence:
    """Judge one session with the same rule and limits as the verdict.

    ``previous`` is the check-in before the session's own: symptoms further
    down the leg before this session than then have spread between
    sessions, and count as spread (never a reason for more). With the
    session's own skipped, it is the last check-in between sessions before
    it: the ground for the next morning and the leg, as in the verdict
    (``pain_response``'s ``baseline``), so a morning the verdict called
    "ease off" is never a fine session here.
    ``numbness_from`` and ``spread_from`` are when numbness in the session's
    latest check-in was first reported, and when its symptoms last spread as
    far down the leg (``core.nerve_signs.numbness_since``, ``spread_since``).
    """
    response = pain_response(
        before=before,
        after=after,
        next_morning=next_morning,
        during_peak=during_peak,
        thresholds=thresholds,
        baseline=previous if before is None else None,
    )
    later = [c for c in (after, next_morning) if c is not None]
    spread = (
        response.spread
        or spread_down_the_leg(before, after, next_morning)
        or (
            before is not None
            and previous is not None
            and before.extent.rank > previous.extent.rank
        )
    )
    new_nerve = any(
        getattr(c, sign) and not (before is not None and getattr(before, sign))
        for c in later
        for sign in NERVE_SIGNS
    )
    latest = next_morning or after
    signs = (
        nerve_signs(latest, before, numbness_from=numbness_from, spread_from=spread_from)
        if latest is not None
        else None
    )
    recent = signs is not None and (signs.recent_numbness or signs.spread_stayed)
    nerve_after = latest is not None and any(getattr(latest, sign) for sign in NERVE_SIGNS)
    return SessionEvidence(
        response.level, spread, new_nerve, hurts, recent, session_hurts, nerve_after
    )


def flare_holds_step_up(
    checkins: Sequence[CheckIn], now: int, thresholds: PainThresholds | None = None
) -> bool:
    """Whether a flare in the last week rules out a step up: a check-in
    between sessions whose pain was a reason to ease off (higher than
    usual, severe, or above the limit on its own; ``core.checkin_now``).
    Three fine sessions around it once earned "try 35 s instead of 30 s"
    the day after leg pain of 7 against a usual of 2, or in a session
    whose before check-in was that flare and whose after check-in was
    lower (a fine session by the after-session rule). The week is
    StretchGuide's number. Pass check-ins from 14 days before the week on,
    so each has its usual."""
    return flare_since(checkins, now - FLARE_S, thresholds) is not None


def holds_step_up(verdict: Verdict) -> bool:
    """Whether the 14-day verdict rules out a step up: leg symptoms worse
    over two weeks, numbness or weakness new or coming back in them, or the
    newest day further down the leg than the start, a latest day's leg
    pain well above every start day, or leg pain rising by less than the
    verdict's step ("no clear change"). Each sends the person
    to a doctor or physiotherapist; a step up offered beside that ("your
    last 3 sessions were fine") once met pain that had crept up a point at
    a time, each session under the limits. StretchGuide's rule."""
    # Leg pain that rose by less than the verdict's 2 points is "no clear
    # change", which names a professional too: 2 to 3 over two weeks drew
    # "try 35 s instead of 30 s" beside "time to have a doctor ... look".
    rising = (
        verdict.kind is VerdictKind.NO_CHANGE
        and verdict.earlier_leg is not None
        and verdict.later_leg is not None
        and verdict.later_leg > verdict.earlier_leg
    )
    return (
        verdict.kind is VerdictKind.WORSE
        or rising
        or bool(verdict.nerve)
        or verdict.spread_latest
        or verdict.worse_day
        # An urgent warning sign in the two weeks: no more load until a
        # doctor has had the chance to look (StretchGuide's rule).
        or bool(verdict.urgent)
        or verdict.sparse_no_better
    )


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
    below_range: bool  # the new dose is under the article's lowest number
    line: str  # the one plain line a person reads


def _fmt(f: Field, value: float) -> str:
    if f is Field.HOLD:
        return _("{seconds} s").format(seconds=f"{value:g}")
    if f is Field.BREATHS:
        return ngettext("{breaths} breath", "{breaths} breaths", int(value)).format(
            breaths=f"{value:g}"
        )
    return _("{reps} reps").format(reps=f"{value:g}")


def _fmt_range(rng: DoseRange) -> str:
    """The article's number, or its range: "30 s", "15 to 20 reps"."""
    if rng.lo == rng.hi:
        return _fmt(rng.field, rng.lo)
    lo, hi = f"{rng.lo:g}", f"{rng.hi:g}"
    if rng.field is Field.HOLD:
        return _("{lo} to {hi} s").format(lo=lo, hi=hi)
    if rng.field is Field.BREATHS:
        return _("{lo} to {hi} breaths").format(lo=lo, hi=hi)
    return _("{lo} to {hi} reps").format(lo=lo, hi=hi)


def _own_note(rng: DoseRange) -> str:
    """Said on every line about a number no article gives."""
    if rng.own:
        return _(
            "{dose} is your routine's own number, not an article's; the step is StretchGuide's."
        ).format(dose=_fmt(rng.field, rng.lo))
    return _("Both numbers are StretchGuide's, not an article's.")


def _back_off_reason(last: SessionEvidence, recent: Sequence[SessionEvidence]) -> str | None:
    # Each reason is a whole clause: it follows "because", and German puts
    # the verb of that clause last ("weil ... gut waren"), so translators get
    # the clause, not a phrase to bend around a fixed frame.
    if last.new_nerve:
        return _("the last session brought new tingling, numbness or weakness")
    if last.spread:
        # After it, or before it against the time before (between sessions).
        return _("your symptoms reached further down the leg at the last session")
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
    *,
    nerve_stretch: bool = False,
) -> Offer | None:
    """One offer for this exercise from its sessions since the last change.
    ``nerve_stretch``: a nerve glide, floss or stretch (catalog kind
    ``nerve``), which no session ending with a nerve symptom steps up.

    Steps back at once on new nerve symptoms, spreading pain, repeated "this
    hurts" or a session above the pain limit; steps up one small step after
    :data:`FINE_SESSIONS_FOR_STEP_UP` fine sessions in a row. ``None`` means
    keep the dose, also when a step back finds it already at the gentlest.
    """
    if not recent:
        return None
    f = rng.field
    old = float(getattr(current, f.value))
    step = STEPS[f]
    floor = FLOORS[f]
    why = _back_off_reason(recent[-1], recent)
    if why is not None:
        if old <= floor:
            # Already at the gentlest dose: there is no smaller step to offer,
            # and a line that changed nothing when accepted would mislead.
            # The session's verdict still says to ease off.
            return None
        new = max(floor, old - step)
        below = rng.source is not None and new < rng.lo
        line = _("{name}: {new} instead of {old}, because {why}.").format(
            name=name, new=_fmt(f, new), old=_fmt(f, old), why=why
        )
        if rng.source is None:
            line += " " + _own_note(rng)
        elif below:
            line += " " + _(
                "That is under the article's {dose}: the step back is StretchGuide's."
            ).format(dose=_fmt_range(rng))
        return Offer(exercise_id, Direction.DOWN, f, old, new, why, below, line)
    window = recent[-FINE_SESSIONS_FOR_STEP_UP:]
    all_fine = len(window) == FINE_SESSIONS_FOR_STEP_UP and all(
        e.level is PainLevel.FINE
        and not e.spread
        and not e.new_nerve
        and not e.recent_nerve
        and not (nerve_stretch and e.nerve_after)
        and e.hurts == 0
        and e.session_hurts == 0
        for e in window
    )
    if not all_fine:
        return None
    # A number an article gives, one or a range, is never passed: more than
    # the article asks would be StretchGuide's guess. Only a number of the
    # routine's own may go to OWN_CEILING times it, and the line says whose
    # numbers they are.
    ceiling = rng.hi if rng.source is not None else rng.hi * OWN_CEILING
    if f is not Field.HOLD:
        ceiling = math.floor(ceiling)
    if old >= ceiling:
        return None
    new = min(ceiling, old + step)
    why = _("your last {n} sessions were fine").format(n=FINE_SESSIONS_FOR_STEP_UP)
    # A dose stepped back earlier comes up again one step at a time; a step
    # that still leaves it under the article's number says so, as the step
    # back did.
    below = rng.source is not None and new < rng.lo
    line = _("{name}: try {new} instead of {old}, because {why}.").format(
        name=name, new=_fmt(f, new), old=_fmt(f, old), why=why
    )
    if rng.source is None:
        line += " " + _own_note(rng)
    if below:
        line += " " + _("That is still under the article's {dose}.").format(dose=_fmt_range(rng))
    return Offer(exercise_id, Direction.UP, f, old, new, why, below, line)
