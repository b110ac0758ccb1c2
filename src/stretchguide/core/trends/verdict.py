"""The 14-day verdict: better, worse or the same, and whether nerve signs need a professional."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from stretchguide.core.i18n import _, format_date, ngettext
from stretchguide.core.i18n import format_number as num
from stretchguide.core.red_flags import RED_FLAGS_BY_ID, Urgency
from stretchguide.core.trends.records import _EXTENT_ORDER, CheckIn, Extent
from stretchguide.core.trends.series import (
    CLOCK_GAP_MAX,
    DayPain,
    daily_series,
    local_day,
    unlived_days,
)

# --------------------------------------------------------------------------- verdict


class VerdictKind(StrEnum):
    IMPROVING = "improving"
    SETTLED = "settled"  # leg pain low and not below the knee: keep going
    NO_CHANGE = "no_change"
    WORSE = "worse"
    NOT_ENOUGH_DATA = "not_enough_data"


# StretchGuide's choices, not the articles' (docs/CLINICAL.md): two points on
# a 0-10 scale is a commonly used smallest change that matters to a person.
MEANINGFUL_CHANGE = 2.0
VERDICT_DAYS = 14  # article 004: no better after two weeks -> see a professional
MIN_DAYS_PER_HALF = 3
# How far back the verdict reads check-ins to find dates nobody lived: twice
# the window and the widest gap a clock can make, far more than the window
# can reach back past such dates (the store reads as far, so both agree).
VERDICT_LOOK_BACK_DAYS = 2 * VERDICT_DAYS + CLOCK_GAP_MAX
# The start and the latest state are each the mean of this many days with
# check-ins: one day is too noisy, a whole week hides a steady change.
ENDS_DAYS = 3
# "Mild": leg and back pain at most this, and symptoms not below the knee.
MILD_MAX = 2.0


@dataclass(frozen=True)
class Verdict:
    kind: VerdictKind
    # "earlier" is the start of the window, "later" the latest days.
    earlier_back: float | None = None
    earlier_leg: float | None = None
    later_back: float | None = None
    later_leg: float | None = None
    earlier_extent: Extent | None = None
    later_extent: Extent | None = None
    reasons: tuple[str, ...] = ()
    # New or persisting numbness/weakness in the window: a professional's job.
    nerve: tuple[str, ...] = ()
    # The newest day reached further down the leg than the start did, though
    # the latest days as a whole did not: said, and a professional named.
    spread_latest: bool = False
    # Numbness on any of the latest days: a leg whose pain got better or
    # stayed low is never said to be so without naming it.
    numbness_latest: bool = False
    # A latest day's leg pain 2 points or more above the worst start day:
    # a mean that fell hid it ("going the right way" beside a day of 9).
    worse_day: bool = False
    # Urgent warning signs answered yes in the window (day, flag id): a leg
    # getting better read "Things look good" the day after "both legs".
    urgent: tuple[tuple[date, str], ...] = ()
    # Too few days a week for a trend, but check-ins over two weeks or more
    # whose leg is no better at the end than at the start: article 004's
    # two weeks have passed all the same (``_sparse_no_better``).
    sparse_no_better: bool = False

    @property
    def see_professional(self) -> bool:
        """Two weeks without improvement, getting worse (article 004), or
        numbness or weakness that is new or keeps coming back."""
        return (
            self.kind in (VerdictKind.NO_CHANGE, VerdictKind.WORSE)
            or bool(self.nerve)
            or self.spread_latest
            or self.worse_day
            or bool(self.urgent)
            or self.sparse_no_better
        )


def _typical_extent(days: Sequence[DayPain]) -> Extent:
    ranks = sorted(d.furthest.rank for d in days)
    return _EXTENT_ORDER[ranks[len(ranks) // 2]]


def _mean(values: Iterable[float]) -> float:
    vals = list(values)
    return sum(vals) / len(vals)


def _nerve_in_window(
    window: Sequence[CheckIn], at_start: Callable[[CheckIn], bool]
) -> tuple[str, ...]:
    """Numbness or weakness that started after the window's start (the
    check-ins ``at_start`` picks), or weakness reported on more than one day."""
    out: list[str] = []
    start = [c for c in window if at_start(c)]
    later = [c for c in window if not at_start(c)]
    if any(c.numbness for c in later) and not any(c.numbness for c in start):
        out.append(_("Numbness has started in the last two weeks."))
    if any(c.weakness for c in later) and not any(c.weakness for c in start):
        out.append(_("Weakness has started in the last two weeks."))
    elif (n := len({local_day(c.at, c.utc_offset) for c in window if c.weakness})) > 1:
        out.append(
            ngettext(
                "Weakness was reported on {n} day.", "Weakness was reported on {n} days.", n
            ).format(n=n)
        )
    return tuple(out)


def _worse_day(worst_start: float, worst: float, meaningful: float) -> str | None:
    """The reason to give when a latest day's leg pain is ``meaningful``
    above every start day, else None. The worst day as well as the mean:
    start days of 6 and latest days of 1, 1 and 9 averaged to "better"
    (StretchGuide's rule, its 2 points). Above mild only: a day of 2 after
    days of 0 is no warning sign."""
    if worst <= MILD_MAX or worst - worst_start < meaningful:
        return None
    return _(
        "Leg pain reached {worst} on one of the latest days, above every start "
        "day (at most {start})."
    ).format(worst=num(worst), start=num(worst_start))


def _urgent_reason(day: date, flag: str) -> str:
    return _("On {date} you answered yes to: “{question}”").format(
        date=format_date(day), question=RED_FLAGS_BY_ID[flag].asked
    )


def _sparse_no_better(
    series: Sequence[DayPain], today: date, days: int, meaningful: float
) -> str | None:
    """With too few days a week for the trend: the reason to give when the
    check-ins read (the look-back, about four weeks) began ``days`` (14)
    days or more before today and the leg is no better at the end than at the start, by the
    trend's own rules (down by ``meaningful``, higher up the leg, or mild
    and above the knee); else None. Check-ins twice a week for eight weeks,
    leg pain 6 into the foot each time, read "Check in on a few more days"
    and nothing else. Article 004: no better after two weeks, see a
    professional; reading sparse days for it is StretchGuide's rule."""
    # "At least two weeks": the first check-in 14 days or more before today.
    if len(series) < 2 or (today - series[0].day).days < days:
        return None
    n = min(ENDS_DAYS, len(series) // 2)
    begin, latest = series[:n], series[-n:]
    el, ll = _mean(d.leg for d in begin), _mean(d.leg for d in latest)
    lb = _mean(d.back for d in latest)
    start_rank = _typical_extent(begin).rank
    furthest = max(d.furthest.rank for d in latest)
    mild = ll <= MILD_MAX and lb <= MILD_MAX and furthest < Extent.BELOW_KNEE.rank
    if mild or el - ll >= meaningful or furthest < start_rank:
        return None
    return _(
        "Your check-ins since {date} show no clear improvement in the leg (leg pain "
        "{a} at the start, {b} lately)."
    ).format(date=format_date(series[0].day), a=num(el), b=num(ll))


def _spread_reason() -> str:
    return _("At the latest check-in, symptoms reached further down the leg than at the start.")


def fourteen_day_verdict(
    checkins: Iterable[CheckIn],
    today: date,
    *,
    meaningful: float = MEANINGFUL_CHANGE,
    min_days: int = MIN_DAYS_PER_HALF,
    days: int = VERDICT_DAYS,
    utc_offset: int | None = None,
    urgent_answers: Iterable[tuple[date, str]] = (),
) -> Verdict:
    """The 14-day verdict. It judges the **leg** (article 004's rule is about
    pain down the leg and how far down it reaches), against the start:

    1. Take the ``days`` (14) local days ending ``today`` that the person
       lived: a date only a change of clock passed over (a flight east over
       the date line, read from the check-ins' own clocks and, for the gap
       up to today, ``utc_offset``, the clock's now) is not one of them, and
       the window reaches a day further back for it. Each half (days 1-7
       and 8-14) needs check-ins on at least ``min_days`` (3) different
       days, otherwise NOT_ENOUGH_DATA.
    2. The *start* is the first ``ENDS_DAYS`` (3) days with check-ins, the
       *latest* the last 3: for each, the mean leg pain and back pain (mean
       of daily means) and the typical extent (the middle of each day's
       furthest extent). Comparing the ends, not week with week, lets a
       steady slow change count.
    3. WORSE if leg pain rose by ``meaningful`` (2) points or more, or the
       typical extent moved further down the leg. A newest day further down
       than the start on its own sets ``spread_latest``: said, and a
       professional named, whatever the kind.
    4. Otherwise SETTLED if the latest leg and back pain are both at most
       ``MILD_MAX`` (2) and symptoms stayed above the knee on each of the
       latest days: nothing to send anyone to a doctor for; keep going.
    5. Otherwise IMPROVING if leg pain fell by 2 points or more, or
       symptoms on each of the latest days stayed higher up the leg than
       the start's typical extent.
    6. Otherwise NO_CHANGE. Back pain moving on its own is reported in the
       reasons but does not make the leg better or worse.

    NO_CHANGE and WORSE set ``see_professional``; so does numbness or
    weakness that started in the window or weakness on more than one day,
    and an urgent warning sign answered yes (``urgent_answers``: the day and
    flag id of each yes) on a day from the window's start on, a day after
    today too (answered while the clock was ahead). Those come first in
    the reasons, whatever the pain did.
    """
    reach = today - timedelta(days=VERDICT_LOOK_BACK_DAYS)
    near = [c for c in checkins if reach <= local_day(c.at, c.utc_offset) <= today]
    # A date nobody lived took a place in the window: the check-ins of the
    # fourteenth day lived fell out, and a week could come up one day short.
    unlived = unlived_days(((c.at, c.utc_offset) for c in near), today, utc_offset)
    lived: list[date] = []
    day = today
    while len(lived) < days:
        if day not in unlived:
            lived.append(day)
        day -= timedelta(days=1)
    start, split = lived[-1], lived[days // 2 - 1]
    window = [c for c in near if start <= local_day(c.at, c.utc_offset)]
    urgent = tuple(
        sorted(
            (day, flag)
            for day, flag in urgent_answers
            if start <= day
            and flag in RED_FLAGS_BY_ID
            and RED_FLAGS_BY_ID[flag].urgency is Urgency.URGENT
        )
    )
    said_urgent = tuple(_urgent_reason(day, flag) for day, flag in urgent)
    series = daily_series(window)
    first_half = [d for d in series if d.day < split]
    second_half = [d for d in series if d.day >= split]
    if len(first_half) < min_days or len(second_half) < min_days:
        # Too few days for a trend, but not too few for a nerve sign:
        # numbness that started two days ago was hidden behind "check in on
        # a few more days" (a spread is said at each check-in, core.nerve_signs).
        # The start is the first check-in, not the first day: numbness first
        # reported after the day's session, under a "before" check-in without
        # it, is new on day one too.
        first = min(window, key=lambda c: c.at) if window else None
        nerve = _nerve_in_window(window, lambda c: c is first)
        # Nor for a newest day worse than the first ones: ten days without a
        # check-in, then a day of 8 into the foot, read "check in on a few
        # more days" and nothing else in History.
        early = series[: max(0, min(ENDS_DAYS, len(series) - 1))]
        worse_new: str | None = None
        spread_new = False
        if early:
            newest_day = series[-1]
            worse_new = _worse_day(max(d.leg for d in early), newest_day.leg, meaningful)
            spread_new = newest_day.furthest.rank > max(d.furthest.rank for d in early)
        extra = [r for r in (worse_new, _spread_reason() if spread_new else None) if r]
        sparse = _sparse_no_better(daily_series(near), today, days, meaningful)
        if sparse:
            extra.append(sparse)
        return Verdict(
            VerdictKind.NOT_ENOUGH_DATA,
            reasons=(
                *said_urgent,
                _(
                    "Needs check-ins on at least {min_days} days in each of the last two "
                    "weeks (found {first} and {second})."
                ).format(min_days=min_days, first=len(first_half), second=len(second_half)),
                *extra,
                *nerve,
            ),
            nerve=nerve,
            spread_latest=spread_new,
            worse_day=worse_new is not None,
            urgent=urgent,
            sparse_no_better=sparse is not None,
        )
    n = min(ENDS_DAYS, len(first_half), len(second_half))
    begin, latest = series[:n], series[-n:]
    eb, el = _mean(d.back for d in begin), _mean(d.leg for d in begin)
    lb, ll = _mean(d.back for d in latest), _mean(d.leg for d in latest)
    ee, le = _typical_extent(begin), _typical_extent(latest)
    begin_days = {d.day for d in begin}
    nerve = _nerve_in_window(window, lambda c: local_day(c.at, c.utc_offset) in begin_days)
    # Numbness on more of the latest days than of the start: worse, whatever
    # the pain did (numbness absent at the start is "started", above).
    numb_days = {local_day(c.at, c.utc_offset) for c in window if c.numbness}
    numb_start = sum(d.day in numb_days for d in begin)
    numb_latest = sum(d.day in numb_days for d in latest)
    more_numb = 0 < numb_start < numb_latest
    if more_numb:
        nerve = (
            *nerve,
            _(
                "Numbness came on more of the latest days ({latest} of {n}) than at "
                "the start ({start} of {n})."
            ).format(latest=numb_latest, start=numb_start, n=n),
        )
    back_note: list[str] = []
    if lb - eb >= meaningful:
        back_note.append(_("Back pain went up from {a} to {b}.").format(a=num(eb), b=num(lb)))
    elif eb - lb >= meaningful:
        back_note.append(_("Back pain went down from {a} to {b}.").format(a=num(eb), b=num(lb)))
    # The newest day on its own as well: a spread today must not hide behind
    # two days like the start (the typical extent of the last 3 would, and
    # once said "stays above the knee"). One day does not make the trend
    # "worse" (a chart of falling pain read so), but it is said, with a
    # professional to see if it stays: StretchGuide's rule.
    newest = series[-1].furthest
    furthest_latest = max(d.furthest.rank for d in latest)
    spread_latest = newest.rank > ee.rank and le.rank <= ee.rank
    worse_day = _worse_day(max(d.leg for d in begin), max(d.leg for d in latest), meaningful)
    reasons: list[str] = []
    if ll - el >= meaningful or le.rank > ee.rank:
        kind = VerdictKind.WORSE
        if ll - el >= meaningful:
            reasons.append(_("Leg pain went up from {a} to {b}.").format(a=num(el), b=num(ll)))
        if le.rank > ee.rank:
            reasons.append(_("Symptoms reach further down the leg than at the start."))
    elif ll <= MILD_MAX and lb <= MILD_MAX and furthest_latest < Extent.BELOW_KNEE.rank:
        kind = VerdictKind.SETTLED
        reasons.append(
            _("Leg pain is low ({pain} out of 10) and stays above the knee.").format(pain=num(ll))
            if ll > 0 or lb > 0
            else _("No leg or back pain in the latest check-ins.")
        )
    elif el - ll >= meaningful or furthest_latest < ee.rank:
        kind = VerdictKind.IMPROVING
        if el - ll >= meaningful:
            reasons.append(_("Leg pain went down from {a} to {b}.").format(a=num(el), b=num(ll)))
        if furthest_latest < ee.rank:
            reasons.append(_("Symptoms have moved back up the leg, toward the back."))
    else:
        kind = VerdictKind.NO_CHANGE
        # "As far down the leg" is not said beside a newest day further down.
        words = (
            _("Leg pain changed by less than {points} points ({a} at the start, {b} lately).")
            if spread_latest
            else _(
                "Leg pain changed by less than {points} points ({a} at the start, {b} "
                "lately), and reaches as far down the leg."
            )
        )
        reasons.append(words.format(points=f"{meaningful:g}", a=num(el), b=num(ll)))
    if spread_latest:
        reasons.append(_spread_reason())
    if worse_day is not None and kind is not VerdictKind.WORSE:
        reasons.append(worse_day)
    if numb_latest and not more_numb and kind in (VerdictKind.IMPROVING, VerdictKind.SETTLED):
        reasons.append(
            # n is at least MIN_DAYS_PER_HALF here: always days.
            _("Numbness is still there: on {k} of the latest {n} days.").format(k=numb_latest, n=n)
        )
    return Verdict(
        kind,
        eb,
        el,
        lb,
        ll,
        ee,
        le,
        (*said_urgent, *reasons, *back_note, *nerve),
        nerve,
        spread_latest,
        numbness_latest=numb_latest > 0,
        worse_day=worse_day is not None and kind is not VerdictKind.WORSE,
        urgent=urgent,
    )
