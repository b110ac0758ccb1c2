"""A check-in on its own, or before a session: what the after-session and
next-morning check-ins say about the same answers, said now.

A check-in on its own once answered "Saved. Thank you." to leg pain of 7
when the person's usual was 2, while the same answers after a session read
"ease off". Nothing here is a rule of its own: the nerve signs are
``core/nerve_signs.py``'s, the pain limits the after-session rule's (from
Settings, ``core/safety.py``), severe pain ``core/pain_now.py``'s, and "a
change that matters" the 14-day verdict's two points over its three-day
ends (``core/trends/verdict.py``). docs/CLINICAL.md, section 3.

Pure data and functions (no Qt); ``qt/session_flow.py`` applies them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from stretchguide.core import pain_now
from stretchguide.core.i18n import N_, _, ngettext
from stretchguide.core.i18n import format_number as num
from stretchguide.core.nerve_signs import NerveSigns, nerve_advice
from stretchguide.core.safety import NOT_A_DIAGNOSIS, PainThresholds, limits_note
from stretchguide.core.trends import (
    ENDS_DAYS,
    MEANINGFUL_CHANGE,
    CheckIn,
    CheckInKind,
    daily_series,
)

# Article 004: no better after two weeks of the exercises, see a
# professional; applied here to pain that rose and has not come back down.
PAIN_UP_ADVICE = N_(
    "Your pain is higher than usual. Take it gently until it settles: a short, "
    "gentle routine or rest, and stop any exercise that makes it worse. If it is "
    "not back to your usual within two weeks, see a doctor or physiotherapist; "
    "see one sooner if it keeps climbing or spreads down the leg."
)
PAIN_HIGH_ADVICE = N_(
    "Your pain is above what is all right for exercising. Keep sessions short and "
    "gentle, and stop any exercise that makes it worse. If it has not eased after "
    "two weeks of the exercises, see a doctor or physiotherapist; see one sooner "
    "if it climbs or spreads down the leg."
)
# The painful leg named now is the other one than before. The pain may
# have moved, or the first leg may still have it too: symptoms in both legs
# need medical help the same day (NHS), so the app asks rather than guess
# which (docs/CLINICAL.md 1).
OTHER_LEG_NOTES: Final = {
    ("left", "right"): N_(
        "Your painful leg was the left one and is now the right. If the left leg "
        "still has pain, numbness or weakness, choose “Both legs”: symptoms in both "
        "legs need medical help the same day."
    ),
    ("right", "left"): N_(
        "Your painful leg was the right one and is now the left. If the right leg "
        "still has pain, numbness or weakness, choose “Both legs”: symptoms in both "
        "legs need medical help the same day."
    ),
}


def other_leg_note(before: str | None, now: str | None) -> str | None:
    """What to say when the painful leg changes from one named leg to the
    other (``before`` the answer kept until now), translated; else None."""
    text = OTHER_LEG_NOTES.get((before or "", now or ""))
    return _(text) if text else None


# How far back "usual" looks: the 90 days the nerve signs read. After
# weeks without a check-in, the last ones made are still the best known
# (a bad check-in after five weeks of silence was compared with nothing).
USUAL_S: Final = 90 * 86400
# How long after a flare the plan offers no step up: StretchGuide's number.
FLARE_S: Final = 7 * 86400


@dataclass(frozen=True)
class Usual:
    """The person's usual pain: the mean of their last days with check-ins."""

    back: float
    leg: float
    days: int


def usual_pain(history: Iterable[CheckIn], at: int) -> Usual | None:
    """The usual pain before a check-in made now, at ``at``: the mean of
    the last ``ENDS_DAYS`` (3) days with check-ins between sessions, as the
    14-day verdict takes its ends, within the 90 days before ``at``; None
    when there are none.

    Check-ins just after a session are left out (a session may have
    stirred the pain up or eased it for an hour), as for "further down the
    leg than last time". Every check-in passed was made before this one.
    """
    between = [c for c in history if c.kind is not CheckInKind.AFTER and c.at >= at - USUAL_S]
    days = daily_series(between)[-ENDS_DAYS:]
    if not days:
        return None
    n = len(days)
    return Usual(sum(d.back for d in days) / n, sum(d.leg for d in days) / n, n)


@dataclass(frozen=True)
class NowResponse:
    """What a check-in made now says: ease off, or nothing to say."""

    nerve: NerveSigns
    severe: bool  # at or above pain_now.SEVERE_FROM
    over_limit: bool  # above the session limit (judged on its own only)
    pain_up: bool  # back or leg up by the verdict's meaningful change on the usual
    before_session: bool
    reasons: tuple[str, ...]

    @property
    def ease_off(self) -> bool:
        return self.nerve.ease_off or self.severe or self.over_limit or self.pain_up

    @property
    def advice(self) -> str:
        """The advice, translated, most urgent first: nerve signs, severe
        pain, pain higher than usual, pain above the limit; "" when none."""
        if self.nerve.ease_off:
            text = nerve_advice(self.nerve)
        elif self.severe:
            text = pain_now.SEVERE_BEFORE_ADVICE if self.before_session else pain_now.SEVERE_ADVICE
        elif self.pain_up:
            text = PAIN_UP_ADVICE
        elif self.over_limit:
            text = PAIN_HIGH_ADVICE
        else:
            return ""
        return f"{_(text)} {_(NOT_A_DIAGNOSIS)}"


def _up_reason(which: str, now: int, usual: float, days: int) -> str:
    words = {
        "leg": ngettext(
            "Leg pain is {now} out of 10; your usual is about {usual} (from {n} day "
            "with check-ins).",
            "Leg pain is {now} out of 10; your usual is about {usual} (the mean of your "
            "last {n} days with check-ins).",
            days,
        ),
        "back": ngettext(
            "Back pain is {now} out of 10; your usual is about {usual} (from {n} day "
            "with check-ins).",
            "Back pain is {now} out of 10; your usual is about {usual} (the mean of your "
            "last {n} days with check-ins).",
            days,
        ),
    }[which]
    return words.format(now=now, usual=num(usual), n=days)


def respond(
    current: CheckIn,
    nerve: NerveSigns,
    usual: Usual | None,
    thresholds: PainThresholds | None = None,
    *,
    before_session: bool = False,
) -> NowResponse:
    """Judge a check-in made now, on its own or before a session.

    EASE_OFF (``NowResponse.ease_off``) on any nerve sign (``nerve``, from
    ``nerve_signs`` against the check-in made last and the last one between
    sessions), severe pain, back or leg pain up by ``MEANINGFUL_CHANGE`` (2)
    or more on ``usual`` (:func:`usual_pain`), or, on its own, the worse of
    back and leg above the after-session limit (``acceptable_max``). Before
    a session the limit is left to the after check-in, which judges the
    session's pain against it.
    """
    t = thresholds or PainThresholds()
    severe = pain_now.severe(current)
    over = not before_session and current.worst > t.acceptable_max
    reasons: list[str] = list(nerve.reasons)
    if severe:
        reasons.append(pain_now.severe_reason(current))
    elif over:
        reasons.append(
            _("Pain is {pain} out of 10: more than the {most} that is all right.").format(
                pain=current.worst, most=t.acceptable_max
            )
            + " "
            + limits_note(t)
        )
    up: list[str] = []
    if usual is not None:
        pairs = (("leg", current.leg, usual.leg), ("back", current.back, usual.back))
        for which, now, was in pairs:
            if now - was >= MEANINGFUL_CHANGE:
                up.append(_up_reason(which, now, was, usual.days))
    if up:
        up[-1] += " " + _(
            "A rise of {points} points or more is StretchGuide's mark for a change that "
            "matters, not the articles'."
        ).format(points=f"{MEANINGFUL_CHANGE:g}")
        reasons.extend(up)
    return NowResponse(nerve, severe, over, bool(up), before_session, tuple(reasons))


def flare_since(
    history: Sequence[CheckIn], since: int, thresholds: PainThresholds | None = None
) -> CheckIn | None:
    """The first check-in on its own or before a session, made at or
    after ``since``, whose pain was said as a reason to ease off when it
    was made (severe, higher than usual, or above the limit on its own:
    :func:`respond`, nerve signs aside, which the plan weighs on their
    own); None when there is none. A next-morning check-in is judged with
    its session (``core.safety.pain_response``), as the plan's evidence.
    ``history`` reaches back far enough to give each its usual."""
    between = sorted((c for c in history if c.kind is not CheckInKind.AFTER), key=_order)
    for i, c in enumerate(between):
        if c.at < since or c.kind not in (CheckInKind.ANY, CheckInKind.BEFORE):
            continue
        said = respond(
            c,
            NerveSigns(),
            usual_pain(between[:i], c.at),
            thresholds,
            before_session=c.kind is CheckInKind.BEFORE,
        )
        if said.ease_off:
            return c
    return None


def _order(c: CheckIn) -> tuple[int, int]:
    return c.at, c.id
