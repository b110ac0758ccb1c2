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

This package's names below are its interface; the modules behind it:
``calendar`` (planned days, streaks, reminders), ``doses`` (ranges,
evidence, :func:`decide`) and ``state`` (``plan.json``).
"""

from stretchguide.core.plan.calendar import (
    STEP_DOWNS,
    Phase,
    Plan,
    PlanAdherence,
    PlanDay,
    StepDown,
    next_reminder,
    plan_adherence,
    plan_days,
    plan_streak,
    reminder_due,
)
from stretchguide.core.plan.doses import (
    ARTICLE_RANGES,
    BREATHS_STEP,
    FINE_SESSIONS_FOR_STEP_UP,
    HOLD_STEP_S,
    MIN_BREATHS,
    MIN_HOLD_S,
    MIN_REPS,
    NERVE_SIGNS,
    OWN_CEILING,
    REPEATED_HURTS,
    REPS_STEP,
    Direction,
    DoseRange,
    Field,
    Offer,
    SessionEvidence,
    decide,
    dose_range,
    evidence,
    flare_holds_step_up,
    holds_step_up,
    stepped_field,
)
from stretchguide.core.plan.state import (
    PLAN_FILE,
    Change,
    PlanFileError,
    PlanState,
    load_state,
    nerve_exercises,
    offers_for,
    save_state,
)

__all__ = [
    "ARTICLE_RANGES",
    "BREATHS_STEP",
    "Change",
    "Direction",
    "DoseRange",
    "FINE_SESSIONS_FOR_STEP_UP",
    "Field",
    "HOLD_STEP_S",
    "MIN_BREATHS",
    "MIN_HOLD_S",
    "MIN_REPS",
    "NERVE_SIGNS",
    "OWN_CEILING",
    "Offer",
    "PLAN_FILE",
    "Phase",
    "Plan",
    "PlanAdherence",
    "PlanDay",
    "PlanFileError",
    "PlanState",
    "REPEATED_HURTS",
    "REPS_STEP",
    "STEP_DOWNS",
    "SessionEvidence",
    "StepDown",
    "decide",
    "dose_range",
    "evidence",
    "load_state",
    "next_reminder",
    "nerve_exercises",
    "offers_for",
    "flare_holds_step_up",
    "holds_step_up",
    "plan_adherence",
    "plan_days",
    "plan_streak",
    "reminder_due",
    "save_state",
    "stepped_field",
]
