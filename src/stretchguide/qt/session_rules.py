"""The session flow's decisions, as plain functions tests call without a window.

The domain is imported inside each function: the window imports this module
before its first paint, and core.timeline/core.trends are most of the
start-up time (see PERFORMANCE.md).
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable

    from stretchguide.core.checkin_now import Usual
    from stretchguide.core.nerve_signs import Run
    from stretchguide.core.timeline import SessionOptions, Timeline
    from stretchguide.core.trends import CheckIn
    from stretchguide.qt.checkin import CheckinAnswers
    from stretchguide.qt.preferences import Preferences
    from stretchguide.store.history import History

EASE_OFF_SCALE = 0.6  # "ease off" shortens every remaining hold to 60 %
LOOK_BACK_S = 90 * 86400  # how far back the nerve signs look


class ReadsCheckins(Protocol):
    """Where the check-in rules read the stored check-ins: the History, or
    one check-in's ``RecentCheckins``."""

    def checkins(self, since: int) -> list[CheckIn]: ...


class RecentCheckins:
    """The stored check-ins one check-in being made now is judged against,
    read once and shared by ``compared_checkins``, ``usual_now`` and the
    numbness and spread runs. Each of them read the same 90 days again, four
    reads of up to a few hundred rows per check-in; ``checkins(since)``
    gives exactly what ``History.checkins(since=...)`` would have.

    The one read reaches back 90 days (the longer of the two windows) before
    the earliest of ``at`` and the check-ins not saved yet, the furthest any
    of the four looks (a run starts from the first unsaved one).
    """

    def __init__(self, history: History, at: int, unsaved: list[CheckIn]) -> None:
        from stretchguide.core.checkin_now import USUAL_S

        back = max(LOOK_BACK_S, USUAL_S)
        self.since = min([at, *(c.at for c in unsaved)]) - back
        self._rows = history.checkins(since=self.since)

    def checkins(self, since: int) -> list[CheckIn]:
        # Asked further back than was read, rows would be missing without a
        # sign: a caller's window changed, and this must change with it.
        if since < self.since:
            raise ValueError(f"read from {self.since}, asked from {since}")
        return self._rows[bisect_left(self._rows, since, key=lambda c: c.at) :]


def session_options(prefs: Preferences) -> SessionOptions:
    from stretchguide.core.timeline import SessionOptions, side_options

    mode, affected = side_options(prefs.affected_side, prefs.side_mode)
    return SessionOptions(
        side_mode=mode,
        affected_side=affected,
        prepare_s=prefs.prepare_s,
        first_prepare_s=prefs.first_prepare_s,
        fit_intro=True,
        switch_s=prefs.switch_s,
        rest_between_exercises_s=prefs.rest_s,
    )


def ease_off_offset(timeline: Timeline, index: int, progress: float) -> float:
    """Where to enter a rebuilt, eased-off plan: step ``index`` at ``progress``
    (0..1) of it, moved back to the start of the repetition under way."""
    from stretchguide.core.timeline import StepKind

    step = timeline.steps[index]
    start = timeline.starts[index]
    into = step.duration_s * max(0.0, min(1.0, progress))
    if step.kind is StepKind.REPS and step.rep_period_s > 0:
        return start + (step.rep_at(into) - 1) * step.rep_period_s
    if step.kind is StepKind.HOLD:
        return start + into
    return start


def checkin_from_answers(a: CheckinAnswers, at: int) -> CheckIn:
    from stretchguide.core.trends import CheckIn, CheckInKind, Extent

    return CheckIn(
        at=at,
        kind=CheckInKind(a.kind),
        back=a.back_pain,
        leg=a.leg_pain,
        extent=Extent(a.extent),
        tingling=a.tingling,
        numbness=a.numbness,
        weakness=a.weakness,
        note=a.note,
    )


def morning_checkin_due(history: History, now: float, offered_on: str) -> int | None:
    """The session to follow up with a next-morning check-in, if one is due.

    Due when a session was done yesterday, it is morning now after a rest
    since it ended (``core.clock_rules.next_morning``: from 05:00, and six
    hours after the session, StretchGuide's numbers), no next-morning
    check-in exists yet today, and the offer was not already made today.
    Just after midnight, a check-in 50 minutes after a late session was
    once asked with "Good morning", stored as the morning's, and the real
    morning's reminder then kept quiet.
    """
    from stretchguide.core.clock_rules import next_morning
    from stretchguide.core.trends import CheckInKind, SessionStatus

    today = datetime.fromtimestamp(now).date()
    if offered_on == today.isoformat():
        return None
    start_today = int(datetime.combine(today, datetime.min.time()).timestamp())
    start_yesterday = int(
        datetime.combine(today - timedelta(days=1), datetime.min.time()).timestamp()
    )
    done = [
        s
        for s in history.sessions(since=start_yesterday, until=start_today)
        if s.status in (SessionStatus.COMPLETED, SessionStatus.PARTIAL, SessionStatus.STOPPED)
    ]
    if not done or not next_morning(done[-1].finished_at, now):
        return None
    if any(c.kind is CheckInKind.NEXT_MORNING for c in history.checkins(since=start_today)):
        return None
    return done[-1].id


def compared_checkins(
    history: ReadsCheckins, at: int, unsaved: list[CheckIn]
) -> tuple[CheckIn | None, CheckIn | None]:
    """What a check-in being made now is compared with: the check-in made
    last, and the one made last between sessions (not just after one).

    Every stored check-in was made before this one, whatever time the clock
    gave it: one stamped "later" than now (the clock has since been put
    back) is still the one made last. A check-in not saved yet (``unsaved``:
    a full disk) was made after every stored one, so the last of those
    comes first.
    """
    from stretchguide.core.clock_rules import LIVE
    from stretchguide.core.safety import baseline_checkin, previous_checkin
    from stretchguide.core.trends import CheckInKind

    recent = history.checkins(since=at - LOOK_BACK_S)
    between = [c for c in unsaved if c.kind is not CheckInKind.AFTER]
    previous = unsaved[-1] if unsaved else previous_checkin(recent, at, made_before_id=LIVE)
    baseline = between[-1] if between else baseline_checkin(recent, at, made_before_id=LIVE)
    return previous, baseline


def usual_now(history: ReadsCheckins, at: int, unsaved: list[CheckIn]) -> Usual | None:
    """The person's usual pain before a check-in being made now
    (``core.checkin_now.usual_pain``), over the stored check-ins and those
    not saved yet."""
    from stretchguide.core.checkin_now import USUAL_S, usual_pain

    return usual_pain([*history.checkins(since=at - USUAL_S), *unsaved], at)


def numbness_first_reported(
    history: ReadsCheckins, current: CheckIn, unsaved: list[CheckIn]
) -> int | None:
    """When the numbness in a check-in being made now was first reported
    (``core.nerve_signs.numbness_since``); None without numbness."""
    from stretchguide.core.nerve_signs import RECENT_S, has_numbness

    run = _run_now(history, current, unsaved, has_numbness, max_gap=RECENT_S)
    return None if run is None else run.since


def spread_reached(history: ReadsCheckins, current: CheckIn, unsaved: list[CheckIn]) -> int | None:
    """When symptoms last spread as far down the leg as in a check-in being
    made now (``core.nerve_signs.spread_since``); None when no spread is
    seen."""
    from stretchguide.core.nerve_signs import as_far_as
    from stretchguide.core.trends import CheckInKind

    if current.extent.rank == 0:
        return None
    between = [c for c in unsaved if c.kind is not CheckInKind.AFTER]
    run = _run_now(history, current, between, as_far_as(current), between_only=True)
    return run.since if run is not None and run.began else None


def _run_now(
    history: ReadsCheckins,
    current: CheckIn,
    unsaved: list[CheckIn],
    shows: Callable[[CheckIn], bool],
    *,
    between_only: bool = False,
    max_gap: int | None = None,
) -> Run | None:
    """``core.nerve_signs.run_of`` for a check-in being made now, over the
    check-ins not saved yet (made after every stored one), then the last 90
    days of the history (``between_only``: none made just after a session)."""
    from stretchguide.core.clock_rules import LIVE
    from stretchguide.core.nerve_signs import RECENT_S, Run, run_of
    from stretchguide.core.trends import CheckInKind

    if not shows(current):
        return None
    since = at = current.at
    for made in reversed(unsaved):
        if not shows(made) or (max_gap is not None and at - made.at > max_gap):
            return Run(since, began=True)
        since, at = min(since, made.at), made.at
    first = unsaved[0] if unsaved else current
    recent = [
        c
        for c in history.checkins(since=first.at - LOOK_BACK_S)
        if not (between_only and c.kind is CheckInKind.AFTER)
    ]
    run = run_of(recent, first, shows, made_before_id=LIVE, within=RECENT_S, max_gap=max_gap)
    return None if run is None else Run(min(since, run.since), run.began)


def checkin_before_session(
    history: History, session_id: int, *, between: bool = False
) -> CheckIn | None:
    """The check-in made last before a session started (its own before
    check-in, or one of another day): what its next morning is judged
    against, never its after check-in. ``between``: the last one between
    sessions (none made just after a session, as ``baseline_checkin``),
    the ground for pain and the leg when the session's own was skipped.

    The session's own before or after check-in marks where it came in the
    order of making: a check-in with a lower id, stamped after the start,
    was made before the session while the clock was ahead.
    """
    from stretchguide.core.safety import previous_checkin
    from stretchguide.core.trends import CheckInKind

    started = history.session(session_id).started_at
    own = history.checkins_for_session(session_id)
    marks = [c.id for c in own if c.kind in (CheckInKind.BEFORE, CheckInKind.AFTER)]
    after_it = {c.id for c in own if c.kind is not CheckInKind.BEFORE}
    recent = [
        c
        for c in history.checkins(since=started - 90 * 86400)
        if c.id not in after_it and not (between and c.kind is CheckInKind.AFTER)
    ]
    return previous_checkin(recent, started, made_before_id=min(marks, default=0))


def spread_last_time(history: History, session_id: int | None, at: int) -> bool:
    """Did symptoms spread after the session made before this one (in the
    last 60 days, the plan's window: StretchGuide's number)?

    "Before" is the order of making (``core/clock_rules.py``): a session
    stamped later because the clock was ahead then still came first.
    ``session_id`` None is the session just done, its start not saved yet:
    every stored session came before it.
    """
    from stretchguide.core.clock_rules import LIVE, made_last
    from stretchguide.core.safety import spread_down_the_leg
    from stretchguide.core.trends import CheckInKind, by_kind

    recent = history.sessions(since=at - 60 * 86400)
    this = next((s for s in recent if s.id == session_id), None)
    if this is None and session_id is not None:
        return False
    previous = made_last(
        (s for s in recent if s.id != session_id),
        this.started_at if this is not None else at,
        stamp=lambda s: s.started_at,
        ident=lambda s: s.id,
        made_before_id=session_id if session_id is not None else LIVE,
    )
    if previous is None:
        return False
    cis = by_kind(history.checkins_for_session(previous.id))
    # Its before check-in skipped: the last one between sessions before it,
    # as its own verdict was judged (two spreads in a row went unseen).
    before = cis.get(CheckInKind.BEFORE) or checkin_before_session(
        history, previous.id, between=True
    )
    return spread_down_the_leg(
        before,
        cis.get(CheckInKind.AFTER),
        cis.get(CheckInKind.NEXT_MORNING),
    )


def hurts_sessions_before(history: History, session_id: int | None, at: int) -> int:
    """How many sessions in a row, made just before this one (in the last
    60 days, as ``spread_last_time``), had "this hurts" pressed: with this
    one, ``core.pain_now.HURTS_IN_A_ROW`` in a row send the person to a
    professional. ``session_id`` None is the session just done, its start
    not saved yet."""
    from stretchguide.core.clock_rules import LIVE, made_last

    recent = history.sessions(since=at - 60 * 86400)
    this = next((s for s in recent if s.id == session_id), None)
    if this is None and session_id is not None:
        return 0
    pool = [s for s in recent if s.id != session_id]
    stamp = this.started_at if this is not None else at
    before_id = session_id if session_id is not None else LIVE
    count = 0
    while (
        previous := made_last(
            pool,
            stamp,
            stamp=lambda s: s.started_at,
            ident=lambda s: s.id,
            made_before_id=before_id,
        )
    ) is not None and history.hurts(previous.id):
        count += 1
        pool.remove(previous)
        stamp, before_id = previous.started_at, previous.id
    return count
