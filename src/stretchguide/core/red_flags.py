"""Red flags: the warning signs asked before sessions and after new nerve
signs, and what each answer means. Split from ``core/safety.py`` (which
re-exports every name here), where the after-session pain rule stays.

The urgent group follows the NHS list of cauda equina warning signs; the
"soon" group the NHS and NICE NG59 signs that another cause needs ruling
out (docs/CLINICAL.md, section 5).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from stretchguide.core.i18n import N_, _

NOT_A_DIAGNOSIS = N_("This is general guidance, not a diagnosis.")


class Urgency(StrEnum):
    NONE = "none"
    SOON = "soon"  # book a doctor's appointment in the next few days
    URGENT = "urgent"  # stop the exercises and get medical help today


@dataclass(frozen=True)
class RedFlag:
    id: str
    question: str  # asked as a yes/no question, in English: show `asked`
    urgency: Urgency

    @property
    def asked(self) -> str:
        """The question in the active language."""
        return _(self.question)


# The urgent group follows the NHS list of cauda equina warning signs; the
# "soon" group the NHS and NICE NG59 signs that another cause needs ruling out.
# Each question is our own short wording (docs/CLINICAL.md lists the sources).
RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag(
        "both_legs",
        N_("Do you have sciatica, weakness or numbness in both legs?"),
        Urgency.URGENT,
    ),
    RedFlag(
        "saddle_numbness",
        N_(
            "Is there numbness, pins and needles or a changed feeling around your "
            "genitals, bottom or inner thighs?"
        ),
        Urgency.URGENT,
    ),
    RedFlag(
        "bladder_bowel",
        N_("Have you newly had trouble controlling your bladder or bowels?"),
        Urgency.URGENT,
    ),
    RedFlag(
        "bladder_start",
        N_("Is it hard to start peeing, or can you not pee at all?"),
        Urgency.URGENT,
    ),
    RedFlag(
        "bowel_sense",
        N_("Have you stopped noticing when you need to poo?"),
        Urgency.URGENT,
    ),
    RedFlag(
        "sexual_function",
        N_("Have you had new problems with sex, such as erections or feeling?"),
        Urgency.URGENT,
    ),
    RedFlag(
        "worsening_weakness",
        N_("Is weakness in your leg or foot getting worse?"),
        Urgency.URGENT,
    ),
    RedFlag("fever", N_("Do you have a fever?"), Urgency.SOON),
    RedFlag("unwell", N_("Do you feel generally unwell?"), Urgency.SOON),
    RedFlag("weight_loss", N_("Have you lost weight without trying to?"), Urgency.SOON),
    RedFlag("cancer_history", N_("Have you ever had cancer?"), Urgency.SOON),
    RedFlag(
        "trauma",
        N_("Did the pain start after a fall, an accident or another hard knock?"),
        Urgency.SOON,
    ),
    RedFlag(
        "fragile_bones",
        N_(
            "Do you have thin bones (osteoporosis), or have you taken steroid tablets "
            "for a long time?"
        ),
        Urgency.SOON,
    ),
    RedFlag(
        "over_50_new",
        N_("Are you over 50, and is this back pain new?"),
        Urgency.SOON,
    ),
    RedFlag(
        "weak_immunity",
        N_(
            "Is your immune system weakened (by an illness or medicine), or have you "
            "ever injected drugs?"
        ),
        Urgency.SOON,
    ),
    RedFlag(
        "night_pain",
        N_("Is the pain worse at night or when you lie down?"),
        Urgency.SOON,
    ),
)
RED_FLAGS_BY_ID: dict[str, RedFlag] = {f.id: f for f in RED_FLAGS}

URGENT_MESSAGE = N_(
    "Please stop the exercises and get medical help today: call your doctor's "
    "urgent line or go to an emergency department. These signs can mean a nerve "
    "is under serious pressure, and that needs checking quickly."
)
SOON_MESSAGE = N_(
    "Please make an appointment with a doctor in the next few days before going on "
    "with the exercises. These signs need a proper check to rule out other causes."
)
NONE_MESSAGE = N_("None of the warning signs were reported.")


@dataclass(frozen=True)
class RedFlagResult:
    urgency: Urgency
    flags: tuple[RedFlag, ...]  # the flags answered "yes", most urgent first
    # Every answer given, yes or no, by flag id (for the clinician report).
    answers: Mapping[str, bool] = field(default_factory=dict, hash=False, compare=False)

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
        return f"{_(text)} {_(NOT_A_DIAGNOSIS)}"


def check_red_flags(answers: Mapping[str, bool] | Iterable[str]) -> RedFlagResult:
    """Judge yes/no answers keyed by red-flag id (or just the ids answered yes).

    Any urgent flag makes the whole result urgent. Unknown ids raise
    ``KeyError`` so a typo in the UI cannot silently drop a warning sign.
    """
    if isinstance(answers, Mapping):
        yes_ids = [k for k, v in answers.items() if v]
        for k in answers:
            RED_FLAGS_BY_ID[k]  # noqa: B018 - validate every key, not just the "yes" ones
        given = {k: bool(v) for k, v in answers.items()}
    else:
        yes_ids = list(answers)
        given = dict.fromkeys(yes_ids, True)
    flags = [RED_FLAGS_BY_ID[k] for k in yes_ids]
    order = {Urgency.URGENT: 0, Urgency.SOON: 1, Urgency.NONE: 2}
    flags.sort(key=lambda f: (order[f.urgency], RED_FLAGS.index(f)))
    if any(f.urgency is Urgency.URGENT for f in flags):
        urgency = Urgency.URGENT
    elif flags:
        urgency = Urgency.SOON
    else:
        urgency = Urgency.NONE
    return RedFlagResult(urgency, tuple(flags), given)


def urgent_still_open(urgent_at: float, seen_doctor_at: float) -> bool:
    """Whether an urgent answer still stands.

    An urgent sign is not undone by a later "None of these": it stands until
    the person says they have been seen by a doctor since (``seen_doctor_at``
    after ``urgent_at``). Zero means "never".
    """
    return urgent_at > 0 and seen_doctor_at < urgent_at


SEEN_DOCTOR_QUESTION = N_(
    "You reported a sign that needed medical help today. Have you been seen by a doctor since then?"
)
NOT_SEEN_MESSAGE = N_(
    "Please get medical help before doing these exercises: call your doctor's urgent "
    "line or go to an emergency department."
)
