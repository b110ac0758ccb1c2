"""When to stop self-care: red flags (``core/red_flags.py``, re-exported
here), new nerve signs and the after-session pain rule. The 14-day
verdict's words are in ``core/verdict_words.py``.

All of it is data plus pure functions, so the UI only asks and shows. Every
piece of advice ends with :data:`NOT_A_DIAGNOSIS`: the app cannot examine
anyone, and says so.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from stretchguide.core import pain_now
from stretchguide.core.i18n import N_, _

# The nerve signs and the red flags are asked for here too, with the other rules.
from stretchguide.core.nerve_signs import NERVE_ADVICE as NERVE_ADVICE
from stretchguide.core.nerve_signs import RECENT_NUMBNESS_ADVICE as RECENT_NUMBNESS_ADVICE
from stretchguide.core.nerve_signs import SPREAD_SINCE_ADVICE as SPREAD_SINCE_ADVICE
from stretchguide.core.nerve_signs import SPREAD_STAYED_ADVICE as SPREAD_STAYED_ADVICE
from stretchguide.core.nerve_signs import TINGLING_ADVICE as TINGLING_ADVICE
from stretchguide.core.nerve_signs import NerveSigns as NerveSigns
from stretchguide.core.nerve_signs import baseline_checkin as baseline_checkin
from stretchguide.core.nerve_signs import nerve_advice as nerve_advice
from stretchguide.core.nerve_signs import nerve_signs as nerve_signs
from stretchguide.core.nerve_signs import numbness_since as numbness_since
from stretchguide.core.nerve_signs import previous_checkin as previous_checkin
from stretchguide.core.nerve_signs import spread_down_the_leg as spread_down_the_leg
from stretchguide.core.nerve_signs import spread_since as spread_since
from stretchguide.core.red_flags import NONE_MESSAGE as NONE_MESSAGE
from stretchguide.core.red_flags import NOT_A_DIAGNOSIS as NOT_A_DIAGNOSIS
from stretchguide.core.red_flags import NOT_SEEN_MESSAGE as NOT_SEEN_MESSAGE
from stretchguide.core.red_flags import RED_FLAGS as RED_FLAGS
from stretchguide.core.red_flags import RED_FLAGS_BY_ID as RED_FLAGS_BY_ID
from stretchguide.core.red_flags import SEEN_DOCTOR_QUESTION as SEEN_DOCTOR_QUESTION
from stretchguide.core.red_flags import SOON_MESSAGE as SOON_MESSAGE
from stretchguide.core.red_flags import URGENT_MESSAGE as URGENT_MESSAGE
from stretchguide.core.red_flags import RedFlag as RedFlag
from stretchguide.core.red_flags import RedFlagResult as RedFlagResult
from stretchguide.core.red_flags import Urgency as Urgency
from stretchguide.core.red_flags import check_red_flags as check_red_flags
from stretchguide.core.red_flags import urgent_still_open as urgent_still_open
from stretchguide.core.trends import CheckIn

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


EASE_OFF_ADVICE = N_(
    "Ease off next time: use shorter holds, fewer repetitions, or a gentler routine, "
    "and stop any exercise that sends pain further down the leg."
)
ACCEPTABLE_ADVICE = N_(
    "That level of discomfort is acceptable. Keep the same routine, and ease off if it "
    "climbs higher or lasts into the next morning."
)
# Article 004: see a professional when in doubt; pain reaching further down
# the leg is the nerve's sign, so the person is told where to go with it.
SPREAD_ADVICE = N_(
    "Pain reaching further down the leg is a nerve sign. If it stays there, or "
    "spreads again next time, see a doctor or physiotherapist."
)
# Twice in a row is no longer "in doubt": the person is sent to a
# professional before going on. "Two in a row" is StretchGuide's number.
SPREAD_AGAIN_ADVICE = N_(
    "The pain has reached further down the leg after two sessions in a row. Please "
    "see a doctor or physiotherapist before you go on with these exercises."
)
FINE_ADVICE = N_("That looks fine. Carry on with the routine as planned.")
UNKNOWN_ADVICE = N_("Add a check-in after the session to get feedback on how it went.")


@dataclass(frozen=True)
class PainResponse:
    level: PainLevel
    peak: int | None  # the highest pain reported during or after
    reasons: tuple[str, ...]
    nerve: NerveSigns = NerveSigns()
    good: tuple[str, ...] = ()  # changes for the better, said as such
    spread: bool = False  # symptoms reached further down the leg than before
    spread_again: bool = False  # ... and did after the session before this one too
    hurts_again: bool = False  # "this hurts" in HURTS_IN_A_ROW sessions in a row
    severe: bool = False  # the latest check-in at pain_now.SEVERE_FROM or above

    @property
    def ask_red_flags(self) -> bool:
        """New or returning nerve signs: the safety questions come up now."""
        return self.nerve.any

    @property
    def advice(self) -> str:
        # Severe pain adds when to contact a doctor, whatever else is said.
        severe = f"{_(pain_now.SEVERE_ADVICE)} " if self.severe else ""
        return f"{self._advice()} {severe}{_(NOT_A_DIAGNOSIS)}"

    def _advice(self) -> str:
        """The advice without its closing words."""
        if self.nerve.any:
            return _(NERVE_ADVICE)
        # Sent to a professional before going on: that advice leads.
        if not (self.spread_again or self.hurts_again):
            for on, text in (
                (self.nerve.recent_numbness, RECENT_NUMBNESS_ADVICE),
                (self.nerve.spread_stayed, SPREAD_STAYED_ADVICE),
                (self.nerve.new_tingling, TINGLING_ADVICE),
            ):
                if on:
                    return _(text)
        text = {
            PainLevel.FINE: FINE_ADVICE,
            PainLevel.ACCEPTABLE: ACCEPTABLE_ADVICE,
            PainLevel.EASE_OFF: EASE_OFF_ADVICE,
            PainLevel.UNKNOWN: UNKNOWN_ADVICE,
        }[self.level]
        first = [_(SPREAD_AGAIN_ADVICE)] if self.spread_again else []
        if self.hurts_again:
            first.append(_(pain_now.HURTS_AGAIN_ADVICE))
        then = [_(SPREAD_ADVICE)] if self.spread and not self.spread_again else []
        return " ".join((*first, _(text), *then))


def limits_note(t: PainThresholds) -> str:
    """Whose the pain limits are, said wherever a verdict leans on them:
    no article gives them (CLINICAL.md, section 3)."""
    return _(
        "These limits ({fine} fine, {most} all right, out of 10) are StretchGuide's, "
        "not the articles'; you or your physiotherapist can change them in Settings."
    ).format(fine=t.fine_max, most=t.acceptable_max)


def pain_response(
    *,
    before: CheckIn | None,
    after: CheckIn | None,
    next_morning: CheckIn | None = None,
    during_peak: int | None = None,
    thresholds: PainThresholds | None = None,
    previous: CheckIn | None = None,
    spread_last_time: bool = False,
    numbness_from: int | None = None,
    spread_from: int | None = None,
    baseline: CheckIn | None = None,
    hurts: int = 0,
    hurts_before: int = 0,
) -> PainResponse:
    """Apply the pain-response rule to one session.

    ``peak`` is the highest of ``during_peak`` and the after check-in's worse
    of back/leg pain. EASE_OFF when the peak is above ``acceptable_max``, or
    the next-morning pain (worse of back/leg) is higher than before the
    session, or symptoms reach further down the leg after the session or the
    next morning than before it. Otherwise ACCEPTABLE when the peak is above
    ``fine_max``, else FINE. UNKNOWN when there is nothing to go on.

    Numbness or weakness in the latest check-in that the check-in before the
    session (``before``; else ``previous``, the latest check-in before the
    session started) did not have, or weakness in both, is never FINE: the
    level is EASE_OFF, the advice says when to get help and
    :attr:`PainResponse.ask_red_flags` is set. New tingling is never FINE
    either: EASE_OFF, with its own advice (article 004).

    Leg pain going down, or symptoms moving back up the leg, are listed in
    :attr:`PainResponse.good`: the change matters, not only the level.

    Symptoms that spread after this session and, by ``spread_last_time``,
    after the session before it too send the person to a professional
    before going on (:attr:`PainResponse.spread_again`).

    Numbness that is not new but was first reported less than two weeks
    before (``numbness_from``, see :func:`numbness_since`) is not FINE
    either: EASE_OFF, with advice to have it checked; nor are symptoms
    still as far down the leg as where they spread to less than two weeks
    before (``spread_from``, see :func:`spread_since`).

    With ``before`` skipped, ``baseline`` (:func:`baseline_checkin` before the
    session) is the ground for the next morning and the leg. ``hurts`` ("this
    hurts" presses) is pain reported while exercising: EASE_OFF (CLINICAL.md 3);
    with presses in the ``hurts_before`` sessions in a row before it too,
    HURTS_IN_A_ROW in all send the person to a professional (``hurts_again``).
    """
    t = thresholds or PainThresholds()
    latest = next_morning or after
    # Against the check-in before the session: numbness the session brought
    # on is still new the next morning (compared with the after check-in,
    # the morning called it "fine").
    # With no check-in before the session, ``previous`` is the latest one
    # before it (never the after check-in: against it, numbness the session
    # brought on read as known the next morning); with neither, a nerve
    # symptom counts as new.
    earlier = before if before is not None else previous
    nerve = (
        nerve_signs(latest, earlier, numbness_from=numbness_from, spread_from=spread_from)
        if latest is not None
        else NerveSigns()
    )
    # Spreading is judged below, against before the session, with its own words.
    nerve = replace(nerve, spread=False, against_session=before is not None)
    if earlier is None and latest is not None and latest.tingling:
        # Tingling after a session with nothing before it to compare: the
        # session may have brought it on, so it is new (the plan agrees).
        nerve = replace(nerve, new_tingling=True)
    good: list[str] = []
    if before is not None and latest is not None:
        if latest.leg < before.leg:
            good.append(
                _("Leg pain went down, from {before} to {after} out of 10. A good sign.").format(
                    before=before.leg, after=latest.leg
                )
            )
        if latest.extent.rank < before.extent.rank:
            # Said as what changed, not as what it means: no source of ours
            # calls it a sign. Article 004 judges an exercise by what it does
            # to the pain down the leg (docs/CLINICAL.md).
            good.append(_("Symptoms have moved back up the leg, toward the back."))
    peaks = [p for p in (during_peak, after.worst if after else None) if p is not None]
    peak = max(peaks) if peaks else None
    reasons: list[str] = []
    if peak is not None and peak > t.acceptable_max:
        reasons.append(
            _("Pain reached {peak} out of 10: more than the {most} that is all right.").format(
                peak=peak, most=t.acceptable_max
            )
            + " "
            + limits_note(t)
        )
    ground = before if before is not None else baseline
    if ground is not None and next_morning is not None and next_morning.worst > ground.worst:
        words = (
            _(
                "Pain the next morning ({morning} out of 10) was higher than "
                "before the session ({before} out of 10)."
            )
            if ground is before
            else _(
                "Pain the next morning ({morning} out of 10) was higher than at "
                "your last check-in before the session ({before} out of 10)."
            )
        )
        reasons.append(words.format(morning=next_morning.worst, before=ground.worst))
    severe = latest is not None and pain_now.severe(latest)
    if next_morning is not None and next_morning.worst > t.acceptable_max and not severe:
        # The limit holds the morning after too: a morning of 7, as bad as
        # before the session, once read "That looks fine".
        reasons.append(
            _(
                "Pain the next morning is {pain} out of 10: more than the {most} that is all right."
            ).format(pain=next_morning.worst, most=t.acceptable_max)
            + " "
            + limits_note(t)
        )
    if latest is not None and severe:
        # Severe in the after or morning check-in: said with when to contact
        # a doctor, as before a session (a morning of 9 read "fine").
        reasons.append(pain_now.severe_reason(latest))
    spread = False
    if ground is not None:
        if ground is before:
            said = (
                _("Symptoms spread further down the leg after the session."),
                _("Symptoms spread further down the leg the next morning."),
            )
        else:
            said = (
                _(
                    "Symptoms reached further down the leg after the session than at "
                    "your last check-in before it."
                ),
                _(
                    "Symptoms reached further down the leg the next morning than at "
                    "your last check-in before the session."
                ),
            )
        for reason, later in zip(said, (after, next_morning), strict=True):
            if later is not None and later.extent.rank > ground.extent.rank:
                reasons.append(reason)
                spread = True
    if spread:
        # Spread in this session: said as such, not as one that stayed.
        nerve = replace(nerve, spread_stayed=False)
    again = spread and spread_last_time
    if again:
        reasons.append(
            _("Symptoms spread further down the leg after the session before this one too.")
        )
    hurts_again = hurts > 0 and hurts_before + 1 >= pain_now.HURTS_IN_A_ROW
    if hurts > 0:
        reasons.append(pain_now.hurts_reason(hurts))
    if hurts_again:
        reasons.append(pain_now.hurts_again_reason(hurts_before + 1))
    reasons.extend(nerve.reasons)
    if reasons:
        return PainResponse(
            PainLevel.EASE_OFF,
            peak,
            tuple(reasons),
            nerve,
            tuple(good),
            spread=spread,
            spread_again=again,
            hurts_again=hurts_again,
            severe=severe,
        )
    if peak is None:
        if next_morning is not None and ground is not None:
            return PainResponse(
                PainLevel.FINE, None, (_("No increase by the next morning."),), nerve, tuple(good)
            )
        return PainResponse(PainLevel.UNKNOWN, None, (), nerve, tuple(good))
    if peak > t.fine_max:
        return PainResponse(
            PainLevel.ACCEPTABLE,
            peak,
            (
                _(
                    "Pain reached {peak} out of 10. Up to {most} is all right "
                    "while exercising, if it settles afterwards."
                ).format(peak=peak, most=t.acceptable_max)
                + " "
                + limits_note(t),
            ),
            nerve,
            tuple(good),
        )
    return PainResponse(
        PainLevel.FINE,
        peak,
        (_("Pain stayed low: {peak} out of 10 at most.").format(peak=peak),),
        nerve,
        tuple(good),
    )
