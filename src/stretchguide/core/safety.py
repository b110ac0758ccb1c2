"""When to stop self-care: red flags, the after-session pain rule, and the
"see a professional" advice.

All of it is data plus pure functions, so the UI only asks and shows. Every
piece of advice ends with :data:`NOT_A_DIAGNOSIS`: the app cannot examine
anyone, and says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from stretchguide.core.trends import CheckIn, Verdict, VerdictKind

NOT_A_DIAGNOSIS = "This is general guidance, not a diagnosis."


# --------------------------------------------------------------------------- red flags


class Urgency(StrEnum):
    NONE = "none"
    SOON = "soon"  # book a doctor's appointment in the next few days
    URGENT = "urgent"  # stop the exercises and get medical help today


@dataclass(frozen=True)
class RedFlag:
    id: str
    question: str  # asked as a yes/no question
    urgency: Urgency


RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag("both_legs", "Do you have sciatica symptoms in both legs?", Urgency.URGENT),
    RedFlag(
        "saddle_numbness",
        "Is there numbness around your genitals or your back passage?",
        Urgency.URGENT,
    ),
    RedFlag(
        "bladder_bowel",
        "Have you newly had trouble controlling your bladder or bowels?",
        Urgency.URGENT,
    ),
    RedFlag(
        "worsening_weakness",
        "Is weakness in your leg or foot getting worse?",
        Urgency.URGENT,
    ),
    RedFlag("fever", "Do you have a fever?", Urgency.SOON),
    RedFlag("weight_loss", "Have you lost weight without trying to?", Urgency.SOON),
    RedFlag("cancer_history", "Have you ever had cancer?", Urgency.SOON),
    RedFlag(
        "trauma",
        "Did the pain start after a fall, an accident or another hard knock?",
        Urgency.SOON,
    ),
    RedFlag(
        "night_pain",
        "Is the pain worse at night or when you lie down?",
        Urgency.SOON,
    ),
)
RED_FLAGS_BY_ID: dict[str, RedFlag] = {f.id: f for f in RED_FLAGS}

URGENT_MESSAGE = (
    "Please stop the exercises and get medical help today: call your doctor's "
    "urgent line or go to an emergency department. These signs can mean a nerve "
    "is under serious pressure, and that needs checking quickly."
)
SOON_MESSAGE = (
    "Please make an appointment with a doctor in the next few days before going on "
    "with the exercises. These signs need a proper check to rule out other causes."
)
NONE_MESSAGE = "None of the warning signs were reported."


@dataclass(frozen=True)
class RedFlagResult:
    urgency: Urgency
    flags: tuple[RedFlag, ...]  # the flags answered "yes", most urgent first

    @property
    def stop_self_care(self) -> bool:
        return self.urgency is Urgency.URGENT

    @property
    def message(self) -> str:
        text = {
            Urgency.URGENT: URGENT_MESSAGE,
            Urgency.SOON: SOON_MESSAGE,
            Urgency.NONE: NONE_MESSAGE,
        }[self.urgency]
        return f"{text} {NOT_A_DIAGNOSIS}"


def check_red_flags(answers: Mapping[str, bool] | Iterable[str]) -> RedFlagResult:
    """Judge yes/no answers keyed by red-flag id (or just the ids answered yes).

    Any urgent flag makes the whole result urgent. Unknown ids raise
    ``KeyError`` so a typo in the UI cannot silently drop a warning sign.
    """
    if isinstance(answers, Mapping):
        yes_ids = [k for k, v in answers.items() if v]
        for k in answers:
            RED_FLAGS_BY_ID[k]  # noqa: B018 - validate every key, not just the "yes" ones
    else:
        yes_ids = list(answers)
    flags = [RED_FLAGS_BY_ID[k] for k in yes_ids]
    order = {Urgency.URGENT: 0, Urgency.SOON: 1, Urgency.NONE: 2}
    flags.sort(key=lambda f: (order[f.urgency], RED_FLAGS.index(f)))
    if any(f.urgency is Urgency.URGENT for f in flags):
        urgency = Urgency.URGENT
    elif flags:
        urgency = Urgency.SOON
    else:
        urgency = Urgency.NONE
    return RedFlagResult(urgency, tuple(flags))


# --------------------------------------------------------------------------- pain rule


class PainLevel(StrEnum):
    FINE = "fine"
    ACCEPTABLE = "acceptable"
    EASE_OFF = "ease_off"
    UNKNOWN = "unknown"  # nothing to judge yet


@dataclass(frozen=True)
class PainThresholds:
    """Pain during/after a session: up to ``fine_max`` is fine, up to
    ``acceptable_max`` acceptable, above it means ease off."""

    fine_max: int = 3
    acceptable_max: int = 5

    def __post_init__(self) -> None:
        if not 0 <= self.fine_max <= self.acceptable_max <= 10:
            raise ValueError("need 0 <= fine_max <= acceptable_max <= 10")


EASE_OFF_ADVICE = (
    "Ease off next time: use shorter holds, fewer repetitions, or a gentler routine, "
    "and stop any exercise that sends pain further down the leg."
)
ACCEPTABLE_ADVICE = (
    "That level of discomfort is acceptable. Keep the same routine, and ease off if it "
    "climbs higher or lasts into the next morning."
)
FINE_ADVICE = "That looks fine. Carry on with the routine as planned."
UNKNOWN_ADVICE = "Add a check-in after the session to get feedback on how it went."


@dataclass(frozen=True)
class PainResponse:
    level: PainLevel
    peak: int | None  # the highest pain reported during or after
    reasons: tuple[str, ...]

    @property
    def advice(self) -> str:
        text = {
            PainLevel.FINE: FINE_ADVICE,
            PainLevel.ACCEPTABLE: ACCEPTABLE_ADVICE,
            PainLevel.EASE_OFF: EASE_OFF_ADVICE,
            PainLevel.UNKNOWN: UNKNOWN_ADVICE,
        }[self.level]
        return f"{text} {NOT_A_DIAGNOSIS}"


def pain_response(
    *,
    before: CheckIn | None,
    after: CheckIn | None,
    next_morning: CheckIn | None = None,
    during_peak: int | None = None,
    thresholds: PainThresholds | None = None,
) -> PainResponse:
    """Apply the pain-response rule to one session.

    ``peak`` is the highest of ``during_peak`` and the after check-in's worse
    of back/leg pain. EASE_OFF when the peak is above ``acceptable_max``, or
    the next-morning pain (worse of back/leg) is higher than before the
    session, or symptoms reach further down the leg after the session or the
    next morning than before it. Otherwise ACCEPTABLE when the peak is above
    ``fine_max``, else FINE. UNKNOWN when there is nothing to go on.
    """
    t = thresholds or PainThresholds()
    peaks = [p for p in (during_peak, after.worst if after else None) if p is not None]
    peak = max(peaks) if peaks else None
    reasons: list[str] = []
    if peak is not None and peak > t.acceptable_max:
        reasons.append(f"Pain reached {peak}/10, above {t.acceptable_max}.")
    if before is not None and next_morning is not None and next_morning.worst > before.worst:
        reasons.append(
            f"Pain the next morning ({next_morning.worst}/10) was higher than before "
            f"the session ({before.worst}/10)."
        )
    if before is not None:
        for label, later in (("after the session", after), ("the next morning", next_morning)):
            if later is not None and later.extent.rank > before.extent.rank:
                reasons.append(f"Symptoms spread further down the leg {label}.")
    if reasons:
        return PainResponse(PainLevel.EASE_OFF, peak, tuple(reasons))
    if peak is None:
        if next_morning is not None and before is not None:
            return PainResponse(PainLevel.FINE, None, ("No increase by the next morning.",))
        return PainResponse(PainLevel.UNKNOWN, None, ())
    if peak > t.fine_max:
        return PainResponse(
            PainLevel.ACCEPTABLE, peak, (f"Pain reached {peak}/10, within {t.acceptable_max}.",)
        )
    return PainResponse(PainLevel.FINE, peak, (f"Pain stayed at {peak}/10 or below.",))


# --------------------------------------------------------------------------- professional


SEE_PROFESSIONAL_WORSE = (
    "Your symptoms have got worse over the last two weeks. Please see a doctor or "
    "physiotherapist before carrying on with these exercises."
)
SEE_PROFESSIONAL_NO_CHANGE = (
    "Two weeks of exercises have not brought a clear improvement. It is time to have "
    "a doctor or physiotherapist look at your back and leg."
)


def professional_advice(verdict: Verdict) -> str | None:
    """The plain "time to see a professional" message, or None if not due."""
    if verdict.kind is VerdictKind.WORSE:
        return f"{SEE_PROFESSIONAL_WORSE} {NOT_A_DIAGNOSIS}"
    if verdict.kind is VerdictKind.NO_CHANGE:
        return f"{SEE_PROFESSIONAL_NO_CHANGE} {NOT_A_DIAGNOSIS}"
    return None
