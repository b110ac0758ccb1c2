"""The session flow's decisions, as plain functions tests call without a window.

The domain is imported inside each function: the window imports this module
before its first paint, and core.timeline/core.trends are most of the
start-up time (see PERFORMANCE.md).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stretchguide.core.timeline import SessionOptions, Timeline
    from stretchguide.core.trends import CheckIn
    from stretchguide.qt.checkin import CheckinAnswers
    from stretchguide.qt.preferences import Preferences
    from stretchguide.store.history import History

EASE_OFF_SCALE = 0.6  # "ease off" shortens every remaining hold to 60 %


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
