"""Nerve signs in a check-in: numbness, weakness, tingling and symptoms
reaching further down the leg, each against the check-in before.

Pure data and functions (no Qt); ``core/safety.py`` applies them in the
after-session rule, ``qt/session_flow.py`` to a check-in on its own.
"""

from __future__ import annotations

from collections.abc import Iterable
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
    # RECENT_NUMBNESS_S ago: no longer new, not yet the person's usual.
    recent_numbness: bool = False
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
        return self.any or self.new_tingling or self.spread or self.recent_numbness

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
            out.append(_("You still have numbness, first reported less than two weeks ago."))
        if self.new_tingling:
            out.append(
                _("You have tingling you did not have before the session.")
                if session
                else _("You have tingling you did not report last time.")
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
# see a professional when in doubt.
TINGLING_ADVICE = N_(
    "New tingling means the nerve has had enough. Ease off: make each stretch "
    "gentler and stop any exercise that brings the tingling on. If it stays or "
    "comes back, see a doctor or physiotherapist."
)
# Numbness that began days ago is still new to a clinician: the day after
# it was first reported it read as known and "fine" (CLINICAL.md, section 2).
RECENT_NUMBNESS_ADVICE = N_(
    "Numbness that began in the last two weeks still needs a professional's look: "
    "if a doctor or physiotherapist has not checked it yet, please book a visit. "
    "Keep each stretch gentle and stop any exercise that brings the numbness on "
    "or spreads it. Get medical help today if it reaches your bottom, genitals or "
    "both legs."
)
# Two weeks, as the 14-day verdict's window: StretchGuide's number.
RECENT_NUMBNESS_S: Final = 14 * 86400
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
) -> NerveSigns:
    """Compare one check-in's nerve symptoms with the one before it.

    With nothing to compare with, numbness and weakness count as new (never
    "fine"). How far down the leg is compared with ``baseline``
    (see :func:`baseline_checkin`), not with an after-session check-in:
    symptoms that moved up during a session and came back by the next one
    have not spread. ``numbness_from`` is when the numbness still reported
    was first reported (:func:`numbness_since`): less than two weeks before,
    it is recent, not the person's usual.
    """
    new_numbness = current.numbness and not (previous is not None and previous.numbness)
    return NerveSigns(
        new_numbness=new_numbness,
        recent_numbness=(
            current.numbness
            and not new_numbness
            and numbness_from is not None
            # A first report "in the future" (the clock went back) is recent.
            and current.at - numbness_from < RECENT_NUMBNESS_S
        ),
        new_weakness=current.weakness and not (previous is not None and previous.weakness),
        persisting_weakness=current.weakness and previous is not None and previous.weakness,
        # With nothing before it, tingling in a check-in on its own is the
        # person's sciatica as it is, not something brought on (pain_response
        # counts it as new after a session: the session is then the change).
        new_tingling=current.tingling and previous is not None and not previous.tingling,
        spread=baseline is not None and current.extent.rank > baseline.extent.rank,
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


def numbness_since(
    history: Iterable[CheckIn], current: CheckIn, *, made_before_id: int = LIVE
) -> int | None:
    """When the numbness in ``current`` was first reported: the time of the
    first of the unbroken run of check-ins with numbness that ends with it,
    walked back in the order of making (:func:`previous_checkin`); None
    when ``current`` has no numbness.

    ``history`` is what the caller looked back over (90 days in the app):
    numbness in its oldest check-in gives that check-in's time, so a run
    older than the history read is never taken for a recent one. Pass
    ``made_before_id`` as for :func:`previous_checkin` (``current``'s own id
    once it is stored).
    """
    if not current.numbness:
        return None
    pool = [c for c in history if not (current.id and c.id == current.id)]
    since, at, before_id = current.at, current.at, made_before_id
    while (prev := previous_checkin(pool, at, made_before_id=before_id)) is not None:
        if not prev.numbness:
            break
        since = min(since, prev.at)
        pool.remove(prev)
        at, before_id = prev.at, prev.id or before_id
    return since


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
    if signs.new_tingling:
        return TINGLING_ADVICE
    return ""
