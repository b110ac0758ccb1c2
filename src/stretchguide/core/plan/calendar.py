"""A routine's schedule on a calendar: planned days, step-downs, streaks and reminders."""

from __future__ import annotations

import math
from collections.abc import Container, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Final

from stretchguide.core.catalog import Routine
from stretchguide.core.i18n import _, format_date, ngettext
from stretchguide.core.trends import Streak

# --------------------------------------------------------------------------- calendar


@dataclass(frozen=True)
class StepDown:
    """A schedule that changes after a number of days (article 001)."""

    after_days: int
    per_week_lo: int
    per_week_hi: int
    source: str


# Article 001: daily for 21 days, then 3 to 4 times a week.
STEP_DOWNS: Final[Mapping[str, StepDown]] = {"001": StepDown(21, 3, 4, "001")}


@dataclass(frozen=True)
class Phase:
    first_day: int  # days after the plan's start (0 = the start day)
    last_day: int | None  # inclusive; None = open-ended
    days_per_week: int  # days marked on the calendar in each 7-day cycle
    per_day: int  # sessions planned on a planned day (2 during a flare routine)
    text: str  # what a person reads: "Every day", "4 days a week (3 to 4)"

    def contains(self, n: int) -> bool:
        return n >= self.first_day and (self.last_day is None or n <= self.last_day)

    def planned(self, n: int) -> bool:
        """Is day ``n`` of the plan (0-based) a planned day in this phase?"""
        if not self.contains(n):
            return False
        k = self.days_per_week
        if k >= 7:
            return True
        # Spread k days evenly over each 7-day cycle counted from the phase's start.
        offsets = {i * 7 // k for i in range(k)}
        return (n - self.first_day) % 7 in offsets


def _frequency_text(per_week: float) -> str:
    if per_week >= 14:
        return _("Twice a day")
    if per_week >= 7:
        return _("Every day")
    days = math.ceil(per_week)
    return ngettext("{n} day a week", "{n} days a week", days).format(n=days)


@dataclass(frozen=True)
class Plan:
    routine_id: str
    start: date
    phases: tuple[Phase, ...]
    step_down_reason: str = ""  # one plain line when the plan steps down

    @classmethod
    def for_routine(cls, routine: Routine, start: date) -> Plan:
        per_week = routine.schedule.sessions_per_week
        per_day = 2 if per_week >= 14 else 1
        days = 7 if per_week >= 7 else max(1, math.ceil(per_week))
        step = _step_down(routine)
        if step is None:
            phase = Phase(0, None, days, per_day, _frequency_text(per_week))
            return cls(routine.id, start, (phase,))
        first = Phase(
            0,
            step.after_days - 1,
            7,
            1,
            ngettext("Every day for {n} day", "Every day for {n} days", step.after_days).format(
                n=step.after_days
            ),
        )
        later = Phase(
            step.after_days,
            None,
            step.per_week_hi,
            1,
            _("{high} days a week (the article says {low} to {high})").format(
                low=step.per_week_lo, high=step.per_week_hi
            ),
        )
        on = start + timedelta(days=step.after_days)
        reason = _(
            "From {date} the plan steps down to {high} days a week: "
            "the routine asks for {days} days in a row, then "
            "{low} to {high} times a week."
        ).format(
            date=format_date(on),
            high=step.per_week_hi,
            days=step.after_days,
            low=step.per_week_lo,
        )
        return cls(routine.id, start, (first, later), reason)

    def day_index(self, day: date) -> int:
        return (day - self.start).days

    def phase_on(self, day: date) -> Phase | None:
        n = self.day_index(day)
        return next((p for p in self.phases if p.contains(n)), None)

    def is_planned(self, day: date) -> bool:
        n = self.day_index(day)
        return any(p.planned(n) for p in self.phases)

    def planned_days(self, first: date, last: date) -> list[date]:
        out: list[date] = []
        day = max(first, self.start)
        while day <= last:
            if self.is_planned(day):
                out.append(day)
            day += timedelta(days=1)
        return out

    @property
    def step_down_on(self) -> date | None:
        if len(self.phases) < 2:
            return None
        return self.start + timedelta(days=self.phases[1].first_day)

    def describe(self) -> str:
        """The whole plan in one line, for the sheet and the history."""
        return _("; then ").join(p.text for p in self.phases) + "."


def _step_down(routine: Routine) -> StepDown | None:
    # Only a routine that is exactly one stepped article, still on its daily
    # schedule: an edited schedule is the person's choice and is kept.
    if len(routine.sources) != 1 or routine.schedule.sessions_per_week != 7:
        return None
    return STEP_DOWNS.get(routine.sources[0])


@dataclass(frozen=True)
class PlanDay:
    day: date
    planned: bool
    done: bool


def plan_days(plan: Plan, done: set[date], first: date, last: date) -> list[PlanDay]:
    """Planned vs done for each day from ``first`` to ``last``."""
    out: list[PlanDay] = []
    day = first
    while day <= last:
        out.append(PlanDay(day, day >= plan.start and plan.is_planned(day), day in done))
        day += timedelta(days=1)
    return out


@dataclass(frozen=True)
class PlanAdherence:
    planned: int  # planned days in the period, up to yesterday (today may still come)
    kept: int  # planned days that had a session
    extra: int  # sessions on days the plan left free

    @property
    def ratio(self) -> float | None:
        return self.kept / self.planned if self.planned else None


def plan_adherence(
    plan: Plan,
    done: set[date],
    today: date,
    days: int = 28,
    skipped: Container[date] = (),
) -> PlanAdherence:
    """``skipped``: dates only a change of clock passed over
    (``Streak.skipped_by_clock``), which are neither planned nor missed."""
    first = max(plan.start, today - timedelta(days=days - 1))
    rows = plan_days(plan, done, first, today) if first <= today else []
    # Today counts only once it is done: the session may still be ahead.
    counted = [r for r in rows if (r.day < today or r.done) and r.day not in skipped]
    return PlanAdherence(
        planned=sum(r.planned for r in counted),
        kept=sum(r.planned and r.done for r in counted),
        extra=sum(r.done and not r.planned for r in counted),
    )


def plan_streak(
    plan: Plan,
    done: set[date],
    today: date,
    goal: int = 21,
    skipped: Container[date] = (),
) -> Streak:
    """Planned days kept in a row; free days neither add nor break it.

    A planned today that is not done yet does not break the streak. Nor
    does a planned day in ``skipped``, the dates only a change of clock
    passed over (``Streak.skipped_by_clock``: after a flight east over the
    date line, a day spent in the air): the person never lived it.
    """
    planned = [d for d in plan.planned_days(plan.start, today) if d not in skipped]
    current = 0
    for day in reversed(planned):
        if day == today and day not in done:
            continue
        if day not in done:
            break
        current += 1
    best = run = 0
    for day in planned:
        if day in done:
            run += 1
            best = max(best, run)
        elif day != today:
            run = 0
    return Streak(current, max(best, current), goal)


# --------------------------------------------------------------------------- reminders


def reminder_due(
    plan: Plan | None,
    done: set[date],
    now: datetime,
    at: time,
    shown_on: date | None,
    snoozed_until: datetime | None = None,
    today: date | None = None,
) -> bool:
    """Remind once on a planned day from ``at`` on; never on a day already done.

    A snooze moves that day's reminder to ``snoozed_until``.

    ``today`` is the person's day, as the history has it
    (:func:`stretchguide.core.trends.current_day`): after a flight west it
    is the day after the date on the clock once a session or check-in is
    dated so, and the reminder must not ask for a session already done
    that day. Done, planned and shown are read for it; ``at`` and a snooze
    are times on the clock (``now``). Without it, the clock's date.
    """
    clock_date = now.date()
    today = today or clock_date
    if today in done:
        return False
    if plan is not None and not plan.is_planned(today):
        return False
    if snoozed_until is not None and snoozed_until.date() == clock_date:
        return now >= snoozed_until
    if shown_on == today:
        return False
    return now.time() >= at


def next_reminder(
    plan: Plan | None,
    done: set[date],
    now: datetime,
    at: time,
    shown_on: date | None,
    snoozed_until: datetime | None = None,
    today: date | None = None,
) -> datetime:
    """When the next reminder is due (now, if it already is).

    The app arms one single-shot timer for this moment instead of polling.
    ``today``: the person's day, as for :func:`reminder_due`.
    """
    if reminder_due(plan, done, now, at, shown_on, snoozed_until, today):
        return now
    clock_date = now.date()
    today = today or clock_date
    if (
        snoozed_until is not None
        and now < snoozed_until
        and snoozed_until.date() == clock_date
        and today not in done
        and (plan is None or plan.is_planned(today))
    ):
        return snoozed_until
    day = clock_date
    for _n in range(400):
        # The clock's dates up to ``today`` are all the person's today: after
        # a flight west, the one the clock shows and the next (which only
        # then catches up), so neither asks again for a day done or reminded.
        person_day = max(day, today)
        moment = datetime.combine(day, at)
        fresh = person_day != today or (shown_on != person_day and moment > now)
        if fresh and person_day not in done and (plan is None or plan.is_planned(person_day)):
            return max(moment, now)
        day += timedelta(days=1)
    return datetime.combine(day, at)
