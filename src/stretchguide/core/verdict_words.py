"""The 14-day verdict in words: its headline, and whether to see a
professional or keep going. The same words in History, `stretchguide stats`
and the clinician report.

Beside ``core/safety.py`` (red flags, nerve signs, the after-session rule),
whose ``NOT_A_DIAGNOSIS`` ends every piece of advice here too.
"""

from __future__ import annotations

from stretchguide.core.i18n import N_, _
from stretchguide.core.safety import NOT_A_DIAGNOSIS
from stretchguide.core.trends import Verdict, VerdictKind

SEE_PROFESSIONAL_WORSE = N_(
    "Your leg symptoms have got worse over the last two weeks. Please see a doctor or "
    "physiotherapist before carrying on with these exercises."
)
SEE_PROFESSIONAL_NO_CHANGE = N_(
    "Two weeks of exercises have not clearly eased your leg. It is time to have a "
    "doctor or physiotherapist look at your back and leg."
)
SEE_PROFESSIONAL_NERVE = N_(
    "Numbness or weakness that is new or keeps coming back needs checking: please see "
    "a doctor or physiotherapist soon. Get help today if it gets worse or reaches both "
    "legs."
)
SEE_PROFESSIONAL_SPREAD = N_(
    "On the latest day your symptoms reached further down the leg than at the start. "
    "If they stay there or spread again, see a doctor or physiotherapist."
)
SEE_PROFESSIONAL_WORSE_DAY = N_(
    "One of your latest days had worse leg pain than any day at the start. If days "
    "like that come back, see a doctor or physiotherapist."
)
# The same advice under a headline that has already said the bad day: the
# banner said it twice, in two sentences a line apart.
SEE_PROFESSIONAL_WORSE_DAY_AGAIN = N_(
    "If days with leg pain like that come back, see a doctor or physiotherapist."
)
# An urgent warning sign answered yes in the two weeks: said before the leg,
# whatever the pain did (NHS: these need medical help the same day). The
# app cannot know whether a doctor has seen the person since, so it asks.
URGENT_HEADLINE = N_(
    "In the last two weeks you answered yes to a warning sign that needs medical help the same day."
)
URGENT_ADVICE = N_(
    "If a doctor has not seen you about it since, stop the exercises and get medical "
    "help today: call your doctor's urgent line or go to an emergency department."
)
KEEP_GOING_SETTLED = N_(
    "Things look good. Keep doing the routine that suits you and stay active. If the "
    "leg pain comes back or spreads below the knee, ease off and check in more often."
)
KEEP_GOING_IMPROVING = N_(
    "This is going the right way. Keep to the same routine at the same gentle pace; "
    "there is no need to push harder."
)

# Better or low pain beside numbness on the latest days: never "better"
# alone (numbness is a nerve sign; pain can ease while a nerve does not).
KEEP_GOING_NUMB = N_(
    "Your pain is going the right way, but the numbness has not gone. If a doctor "
    "or physiotherapist has not checked it yet, please have it looked at. Keep to "
    "the same gentle routine, and get medical help today if numbness reaches your "
    "bottom, genitals or both legs."
)
NUMB_HEADLINES: dict[VerdictKind, str] = {
    VerdictKind.IMPROVING: N_(
        "Over the last two weeks your leg pain has got better, but you still report numbness."
    ),
    VerdictKind.SETTLED: N_(
        "Over the last two weeks your leg pain has stayed low, but you still report numbness."
    ),
}

# Better or low on average beside a latest day worse than any at the start:
# "got better" alone read as all well the day after a day of 9.
WORSE_DAY_HEADLINES: dict[VerdictKind, str] = {
    VerdictKind.IMPROVING: N_(
        "Over the last two weeks your leg pain has gone down on average, but one of "
        "the latest days was worse than any at the start."
    ),
    VerdictKind.SETTLED: N_(
        "Over the last two weeks your leg pain has stayed low on average, but one of "
        "the latest days was worse than any at the start."
    ),
}

VERDICT_HEADLINES: dict[VerdictKind, str] = {
    VerdictKind.IMPROVING: N_("Over the last two weeks your leg has got better."),
    VerdictKind.SETTLED: N_("Over the last two weeks your leg pain has stayed low."),
    VerdictKind.NO_CHANGE: N_("Over the last two weeks your leg has not clearly changed."),
    VerdictKind.WORSE: N_("Over the last two weeks your leg has got worse."),
    VerdictKind.NOT_ENOUGH_DATA: N_("Check in on a few more days to see a two-week trend."),
}


def _headline_says_worse_day(verdict: Verdict) -> bool:
    return (
        verdict.worse_day
        and verdict.kind in WORSE_DAY_HEADLINES
        and not (verdict.numbness_latest and verdict.kind in NUMB_HEADLINES)
    )


def verdict_headline(verdict: Verdict) -> str:
    """The verdict in one sentence (two with an urgent sign, said first):
    the same words in History and `stats`."""
    leg = _leg_headline(verdict)
    return f"{_(URGENT_HEADLINE)} {leg}" if verdict.urgent else leg


def _leg_headline(verdict: Verdict) -> str:
    if verdict.numbness_latest and verdict.kind in NUMB_HEADLINES:
        return _(NUMB_HEADLINES[verdict.kind])
    if _headline_says_worse_day(verdict):
        return _(WORSE_DAY_HEADLINES[verdict.kind])
    return _(VERDICT_HEADLINES[verdict.kind])


def professional_advice(verdict: Verdict) -> str | None:
    """The plain "time to see a professional" message, or None if not due."""
    parts: list[str] = [_(URGENT_ADVICE)] if verdict.urgent else []
    if verdict.kind is VerdictKind.WORSE:
        parts.append(_(SEE_PROFESSIONAL_WORSE))
    elif verdict.kind is VerdictKind.NO_CHANGE or verdict.sparse_no_better:
        parts.append(_(SEE_PROFESSIONAL_NO_CHANGE))
    if verdict.spread_latest and verdict.kind is not VerdictKind.WORSE:
        parts.append(_(SEE_PROFESSIONAL_SPREAD))
    if verdict.worse_day:
        again = _headline_says_worse_day(verdict)
        parts.append(_(SEE_PROFESSIONAL_WORSE_DAY_AGAIN if again else SEE_PROFESSIONAL_WORSE_DAY))
    if verdict.nerve:
        parts.append(_(SEE_PROFESSIONAL_NERVE))
    return f"{' '.join(parts)} {_(NOT_A_DIAGNOSIS)}" if parts else None


def verdict_advice(verdict: Verdict) -> str | None:
    """What to do about the verdict: see a professional, or keep going."""
    seek = professional_advice(verdict)
    if seek is not None:
        return seek
    if verdict.numbness_latest and verdict.kind in NUMB_HEADLINES:
        return f"{_(KEEP_GOING_NUMB)} {_(NOT_A_DIAGNOSIS)}"
    if verdict.kind is VerdictKind.SETTLED:
        return f"{_(KEEP_GOING_SETTLED)} {_(NOT_A_DIAGNOSIS)}"
    if verdict.kind is VerdictKind.IMPROVING:
        return f"{_(KEEP_GOING_IMPROVING)} {_(NOT_A_DIAGNOSIS)}"
    return None
