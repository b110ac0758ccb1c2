"""Nerve signs in a check-in: numbness, weakness, tingling and symptoms
reaching further down the leg, each against the check-in before.

Pure data and functions (no Qt); ``core/safety.py`` applies them in the
after-session rule, ``qt/session_flow.py`` to a check-in on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final

from stretchguide.core.clock_rules import LIVE, made_last
from stretchguide.core.i18n import N_, _
from stretchguide.core.trends import CheckIn, CheckInKind


@dataclass(frozen=True)
class NerveSigns:
    """Nerve symptoms that are new, or weakness that keeps coming back.

    New means not reported in the check-in compared with: with nothing to
    compare with, any numbness or weakness counts as new (never "fine").
    Numbness and weakness bring the safety questions up at once
    (:attr:`any`); new tingling, or symptoms reaching further down the leg
    than last time, are nerve signs to ease off for (:attr:`ease_off`), not
    questions for a doctor today.
    """

    new_numbness: bool = False
    new_weakness: bool = False
    persisting_weakness: bool = False  # in this check-in and the one before
    new_tingling: bool = False
    spread: bool = False  # further down the leg than the check-in compared with
    # ... and that check-in was the one before a session: the check-in after
    # it may have said as much, so "than at your last check-in" was untrue.
    spread_since_session: bool = False
    # Numbness reported before and still there, first reported less than
    # RECENT_S ago: no longer new, not yet the person's usual.
    recent_numbness: bool = False
    # Not further than last time, but still as far down as when symptoms
    # spread there, less than RECENT_S ago: the spread's own advice
    # said to see a professional if it stayed, and the next check-in said
    # nothing of it.
    spread_stayed: bool = False
    # Compared with the check-in before a session, the words say so: the
    # next morning, "did not report last time" was untrue of numbness the
    # after check-in had reported.
    against_session: bool = False

    @property
    def any(self) -> bool:
        """Numbness or weakness: the safety questions come up now."""
        return self.new_numbness or self.new_weakness or self.persisting_weakness

    @property
    def ease_off(self) -> bool:
        """Any nerve sign at all: never "fine"."""
        return (
            self.any
            or self.new_tingling
            or self.spread
            or self.recent_numbness
            or self.spread_stayed
        )

    @property
    def reasons(self) -> tuple[str, ...]:
        out: list[str] = []
        session = self.against_session
        if self.new_numbness:
            out.append(
                _("You have numbness you did not have before the session.")
                if session
                else _("You have numbness you did not report last time.")
            )
        if self.new_weakness:
            out.append(
                _("You have weakness you did not have before the session.")
                if session
                else _("You have weakness you did not report last time.")
            )
        if self.persisting_weakness:
            out.append(_("You have reported weakness again."))
        if self.recent_numbness:
            out.append(
                _(
                    "You still have numbness, and your check-ins have shown it "
                    "for less than two weeks."
                )
            )
        if self.new_tingling:
            out.append(
                _("You have tingling you did not have before the session.")
                if session
                else _("You have tingling you did not report last time.")
            )
        if self.spread_stayed:
            out.append(
                _(
                    "Symptoms still reach as far down the leg as when they spread there, "
                    "less than two weeks ago."
                )
            )
        if self.spread and self.spread_since_session:
            out.append(_("Symptoms reach further down the leg than before your last session."))
        elif self.spread:
            out.append(_("Symptoms reach further down the leg than at your last check-in."))
        return tuple(out)


NERVE_ADVICE = N_(
    "New numbness or weakness is a sign to ease off, not to push on. Please answer "
    "the safety questions now. Get medical help today if the weakness gets worse, "
    "or numbness reaches your bottom, genitals or both legs. Otherwise see a doctor "
    "or physiotherapist in the next few days."
)
# Article 004: ease the stretch when it brings on tingling, pain or numbness;
# see a professional when in doubt. It says no more of what tingling means
# ("the nerve has had enough" was ours, said as a fact).
TINGLING_ADVICE = N_(
    "New tingling is a sign to ease off: make each stretch "
    "gentler and stop any exercise that brings the tingling on. If it stays or "
    "comes back, see a doctor or physiotherapist."
)
# Numbness first reported days ago is still new to a clinician: the day after
# it was first reported it read as known and "fine" (CLINICAL.md, section 2).
RECENT_NUMBNESS_ADVICE = N_(
    "Numbness your check-ins have shown for less than two weeks still needs a professional's look: "
    "if a doctor or physiotherapist has not checked it yet, please book a visit. "
    "Keep each stretch gentle and stop any exercise that brings the numbness on "
    "or spreads it. Get medical help today if it reaches your bottom, genitals or "
    "both legs."
)
# Two weeks, as the 14-day verdict's window: StretchGuide's number; for a
# spread that stayed as well.
RECENT_S: Final = 14 * 86400
SPREAD_STAYED_ADVICE = N_(
    "Your symptoms have stayed further down the leg since they spread there. "
    "Please see a doctor or physiotherapist about it. Until then, keep each "
    "stretch gentle and stop any exercise that sends pain further down."
)
SPREAD_SINCE_ADVICE = N_(
    "Your symptoms reach further down the leg than last time. That is a nerve sign: "
    "take it gently today, stop any exercise that sends pain further down, and see "
    "a doctor or physiotherapist if it stays there or spreads again."
)


def nerve_signs(
    current: CheckIn,
    previous: CheckIn | None,
    baseline: CheckIn | None = None,
    *,
    numbness_from: int | None = None,
    spread_from: int | None = None,
) -> NerveSigns:
    """Compare one check-in's nerve symptoms with the one before it.

    With nothing to compare with, numbness and weakness count as new (never
    "fine"). How far down the leg is compared with ``baseline``
    (see :func:`baseline_checkin`), not with an after-session check-in:
    symptoms that moved up during a session and came back by the next one
    have not spread. ``numbness_from`` is when the numbness still reported
    was first reported (:func:`numbness_since`): less than two weeks before,
    it is recent, not the person's usual. ``spread_from`` is when symptoms
    last spread as far down as they reach now (:func:`spread_since`): less
    than two weeks before, and not further than ``baseline`` now, they
    have stayed there.
    """
    new_numbness = current.numbness and not (previous is not None and previous.numbness)
    spread = baseline is not None and current.extent.rank > baseline.extent.rank
    return NerveSigns(
        new_numbness=new_numbness,
        recent_numbness=(
            current.numbness
            and not new_numbness
            and numbness_from is not None
            # A first report "in the future" (the clock went back) is recent.
            and current.at - numbness_from < RECENT_S
        ),
        new_weakness=current.weakness and not (previous is not None and previous.weakness),
        persisting_weakness=current.weakness and previous is not None and previous.weakness,
        # With nothing before it, tingling in a check-in on its own is the
        # person's sciatica as it is, not something brought on (pain_response
        # counts it as new after a session: the session is then the change).
        new_tingling=current.tingling and previous is not None and not previous.tingling,
        spread=spread,
        spread_stayed=(
            not spread and spread_from is not None and current.at - spread_from < RECENT_S
        ),
        spread_since_session=baseline is not None and baseline.kind is CheckInKind.BEFORE,
    )


def previous_checkin(
    history: Iterable[CheckIn], at: int, *, exclude_id: int = 0, made_before_id: int = 0
) -> CheckIn | None:
    """The check-in made last before the one being judged (made at ``at``),
    leaving out the one with ``exclude_id`` (the check-in being judged, once saved).

    By time, then id; but a check-in stamped after ``at`` and made before
    the judged one (an id below ``made_before_id``: ``clock_rules.LIVE``
    for a check-in being made now) comes first when it was made later: the clock
    went back since. Without that, numbness that had gone at the check-in
    made last, and came back, was compared with an older one and read as
    known (see ``core/clock_rules.py``).
    """
    return made_last(
        (c for c in history if not (exclude_id and c.id == exclude_id)),
        at,
        stamp=_at,
        ident=_id,
        made_before_id=made_before_id,
    )


@dataclass(frozen=True)
class Run:
    """The unbroken run of check-ins, ending with the one judged, that all
    show something (numbness; symptoms at least as far down the leg)."""

    since: int  # when the first of them was made
    # A check-in before the run did not show it: it began in the history
    # read. False when the run reaches back to that history's oldest.
    began: bool


def run_of(
    history: Iterable[CheckIn],
    current: CheckIn,
    shows: Callable[[CheckIn], bool],
    *,
    made_before_id: int = LIVE,
    within: int | None = None,
    max_gap: int | None = None,
) -> Run | None:
    """The run of check-ins that ``shows`` holds for, ending with
    ``current``, walked back in the order of making
    (:func:`previous_checkin`); None when ``current`` does not show it.

    ``history`` is what the caller looked back over (90 days in the app):
    a run older than it starts at its oldest check-in, with ``began``
    False, so it is never taken for a recent one that began there. Pass
    ``made_before_id`` as for :func:`previous_checkin` (``current``'s own id
    once it is stored).

    ``within`` (seconds) looks back only that far, and one check-in
    further: a run that reaches past it starts before ``current.at -
    within``, which is all a "recent" rule needs to know, and the walk
    stays short in a long history.

    ``max_gap`` (seconds) breaks the run where two check-ins in it lie
    further apart: nothing shows it lasted between them. Numbness in a
    few check-ins, weeks of none, then numbness again once read as two
    weeks of it, the person's usual, and "Saved. Thank you.".
    """
    if not shows(current):
        return None
    pool = [c for c in history if not (current.id and c.id == current.id)]
    if within is not None:
        horizon = current.at - within
        older = [c for c in pool if c.at < horizon]
        pool = [c for c in pool if c.at >= horizon]
        if older:
            pool.append(max(older, key=lambda c: (c.at, c.id)))
    since, at, before_id = current.at, current.at, made_before_id
    while (prev := previous_checkin(pool, at, made_before_id=before_id)) is not None:
        if not shows(prev) or (max_gap is not None and at - prev.at > max_gap):
            return Run(since, began=True)
        since = min(since, prev.at)
        pool.remove(prev)
        at, before_id = prev.at, prev.id or before_id
    return Run(since, began=False)


def has_numbness(c: CheckIn) -> bool:
    return c.numbness


def as_far_as(current: CheckIn) -> Callable[[CheckIn], bool]:
    """Shows symptoms at least as far down the leg as ``current``."""
    rank = current.extent.rank
    return lambda c: c.extent.rank >= rank


def numbness_since(
    history: Iterable[CheckIn], current: CheckIn, *, made_before_id: int = LIVE
) -> int | None:
    """When the numbness in ``current`` was first reported (the start of
    its :func:`run_of`; the oldest check-in read, when the run reaches it:
    numbness reported from the first check-in on is recent too), in an
    unbroken run with no two check-ins more than two weeks apart; None
    when ``current`` has no numbness."""
    run = run_of(
        history,
        current,
        has_numbness,
        made_before_id=made_before_id,
        within=RECENT_S,
        max_gap=RECENT_S,
    )
    return None if run is None else run.since


def spread_since(
    history: Iterable[CheckIn], current: CheckIn, *, made_before_id: int = LIVE
) -> int | None:
    """When symptoms last reached as far down the leg as in ``current``
    from higher up: the start of the run of check-ins reaching at least
    that far, when a check-in before it reached less far; None when no
    spread is seen (symptoms not in the leg, or that far in every check-in
    read: the person's usual as far as StretchGuide knows).

    Check-ins just after a session are left out, as for
    :func:`baseline_checkin`: symptoms a session eased for an hour, back
    where they were by the next check-in, have not spread.
    """
    if current.extent.rank == 0:
        return None
    between = (c for c in history if c.kind is not CheckInKind.AFTER)
    run = run_of(
        between, current, as_far_as(current), made_before_id=made_before_id, within=RECENT_S
    )
    return run.since if run is not None and run.began else None


def spread_down_the_leg(
    before: CheckIn | None, after: CheckIn | None, next_morning: CheckIn | None = None
) -> bool:
    """Did symptoms reach further down the leg after a session, or the next
    morning, than before it? False when there is nothing to compare."""
    if before is None:
        return False
    return any(c is not None and c.extent.rank > before.extent.rank for c in (after, next_morning))


def _at(c: CheckIn) -> int:
    return c.at


def _id(c: CheckIn) -> int:
    return c.id


def baseline_checkin(
    history: Iterable[CheckIn], at: int, *, exclude_id: int = 0, made_before_id: int = 0
) -> CheckIn | None:
    """The check-in made last before ``at`` that says how the person is
    between sessions: any kind but the one just after a session (which a
    session may have eased for an hour). The like-for-like ground for
    "further down the leg than last time"; against the after check-in,
    someone whose symptoms eased in every session was warned before every
    next one. Ordered as :func:`previous_checkin`."""
    between = (c for c in history if c.kind is not CheckInKind.AFTER)
    return previous_checkin(between, at, exclude_id=exclude_id, made_before_id=made_before_id)


def nerve_advice(signs: NerveSigns) -> str:
    """What to do about nerve signs, most urgent first (untranslated ids);
    "" when there are none."""
    if signs.any:
        return NERVE_ADVICE
    if signs.recent_numbness:
        return RECENT_NUMBNESS_ADVICE
    if signs.spread:
        return SPREAD_SINCE_ADVICE
    if signs.spread_stayed:
        return SPREAD_STAYED_ADVICE
    if signs.new_tingling:
        return TINGLING_ADVICE
    return ""
