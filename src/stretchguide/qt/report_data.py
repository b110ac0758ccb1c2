"""The clinician report's content: what a physiotherapist wants on paper.

:func:`assemble_report` gathers everything from the history into a plain
:class:`Report`; ``qt/report_words.py`` words it. No Qt, so a test reads it
without a QApplication; ``qt/report.py`` lays it out as a PDF.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from stretchguide.core.i18n import (
    N_,
    _,
    format_number,
    ngettext,
    pgettext,
)
from stretchguide.core.trends import local_day

if TYPE_CHECKING:
    from stretchguide.core.catalog import Exercise
    from stretchguide.store.history import History

# "" is a side never given; "both" is both legs, "unsure" not sure (before
# s35 "both" was "both or not sure", and the old "none" says nothing).
# English here (N_), translated with _() when the report is assembled.
SIDE_WORDS = {
    "": N_("not given yet"),
    "none": N_("not given yet"),
    "both": N_("both legs"),
    "unsure": N_("not sure"),
    "left": N_("left"),
    "right": N_("right"),
}
EXTENT_WORDS = {
    "none": N_("not in the leg"),
    "buttock": N_("buttock"),
    "thigh": N_("thigh"),
    "below_knee": N_("below the knee"),
    "foot": N_("into the foot"),
}
# The side a step was worked on, as the exercise table names it.
WORKED_SIDE = {"left": N_("left {times}"), "right": N_("right {times}")}
CHART_LEGEND = (N_("Back pain"), N_("Leg pain"))


@dataclass(frozen=True)
class ExerciseRow:
    name: str
    sessions: int  # sessions in which it was done (or tried)
    dose: str  # as prescribed in the routine(s) used
    sides: str  # where the work went: "left 6, right 6"
    better: int
    same: int
    worse: int
    hurts: int
    skipped: int  # steps skipped
    cut_short: int  # steps stopped before their end


@dataclass(frozen=True)
class RoutineUse:
    name: str
    sessions: int
    first: date
    last: date


@dataclass(frozen=True)
class SymptomWeek:
    week_of: date  # the Monday
    checkins: int
    tingling: int
    numbness: int
    weakness: int
    furthest: str  # the furthest spread down the leg that week, in words


@dataclass(frozen=True)
class DayPainPoint:
    day: date
    back: float
    leg: float


@dataclass
class Report:
    prepared: date
    start: date
    end: date
    painful_side: str
    sessions_done: int = 0
    sessions_stopped: int = 0
    checkin_count: int = 0
    pain_summary: str = ""
    furthest: str = ""
    verdict: str = ""
    verdict_reasons: tuple[str, ...] = ()
    advice: str = ""
    routines: list[RoutineUse] = field(default_factory=list)
    exercises: list[ExerciseRow] = field(default_factory=list)
    symptoms: list[SymptomWeek] = field(default_factory=list)
    red_flags: list[tuple[date, str]] = field(default_factory=list)
    # The days the safety questions were answered at all: all "no" is an
    # answer, and a clinician must not read it as never asked.
    red_flag_days: list[date] = field(default_factory=list)
    notes: list[tuple[datetime, str]] = field(default_factory=list)
    pain: list[DayPainPoint] = field(default_factory=list)
    hurts_total: int = 0
    # Every dose step up or back the person accepted, oldest first: (day, line).
    plan_changes: list[tuple[date, str]] = field(default_factory=list)


def _words(table: Mapping[str, str], key: str) -> str:
    return _(table[key]) if key in table else key


def _seconds(value: float) -> str:
    text = f"{value:g}"
    return text if "." not in text else format_number(value, len(text.split(".")[1]))


def times(n: int) -> str:
    return ngettext("{n} time", "{n} times", n).format(n=n)


def _dose_text(item: Any) -> str:
    parts = []
    if item.reps and item.reps > 1:
        reps = int(item.reps)
        parts.append(ngettext("{n} repetition", "{n} repetitions", reps).format(n=reps))
        if item.hold_s:
            parts.append(_("each held {seconds} s").format(seconds=_seconds(item.hold_s)))
    elif item.hold_s:
        parts.append(_("hold {seconds} s").format(seconds=_seconds(item.hold_s)))
    if item.sets and item.sets > 1:
        sets = int(item.sets)
        parts.append(ngettext("{n} set", "{n} sets", sets).format(n=sets))
    sides = str(item.sides)
    if sides == "each":
        parts.append(_("each side"))
    elif sides == "alternating":
        parts.append(_("alternating sides"))
    elif sides and sides != "none":
        parts.append(sides)
    return ", ".join(parts) or _("as guided")


def _exercise_name(ex_id: str, exercises: Mapping[str, Exercise]) -> str:
    """The exercise's name in the report's language (a catalog already
    translated gives the same: a translated name is no msgid)."""
    if ex_id not in exercises:
        return ex_id
    return pgettext(f"exercise.{ex_id}.name", exercises[ex_id].name)


def _routine_name(session: Any) -> str:
    """A built-in routine's stored name in the report's language; a person's
    own routine, or one renamed since, keeps the name it had."""
    name = str(session.routine.name)
    return pgettext(f"routine.{session.routine_id}.name", name)


def assemble_report(
    history: History,
    exercises: Mapping[str, Exercise],
    today: date,
    start: date,
    end: date | None = None,
    painful_side: str = "none",
    red_flags: Iterable[tuple[date, str]] = (),
    plan_changes: Iterable[tuple[date, str]] = (),
) -> Report:
    """Everything the clinician report says, from ``start`` to ``end`` (inclusive).

    ``plan_changes`` are the plan's dose changes as (day, plain line), from
    ``core.plan.PlanState.changes``; the caller reads the plan file. All of
    them up to ``end`` are listed, earlier ones too: they set the doses used
    in the chosen period.
    """
    end = end or today
    # Every record is dated on the clock it was made with, as the History
    # page dates it (local_day: its time with its own stored offset), not by
    # this machine's zone: a check-in at 07:30 in Tokyo is on Tokyo's date
    # wherever the report is made. A day either side holds every offset.
    since = _utc_midnight(start) - 86400
    until = _utc_midnight(end) + 2 * 86400
    sessions = [
        s
        for s in history.sessions(since=since, until=until)
        if start <= local_day(s.started_at, s.utc_offset) <= end
    ]
    checkins = [
        c
        for c in history.checkins(since=since, until=until)
        if start <= local_day(c.at, c.utc_offset) <= end
    ]
    report = Report(
        prepared=today,
        start=start,
        end=end,
        painful_side=_words(SIDE_WORDS, painful_side),
    )
    done = [s for s in sessions if s.status.value in ("completed", "partial")]
    report.sessions_done = len(done)
    report.sessions_stopped = sum(1 for s in sessions if s.status.value == "stopped")
    report.checkin_count = len(checkins)
    if checkins:
        back = [c.back for c in checkins]
        leg = [c.leg for c in checkins]
        report.pain_summary = _(
            "Back pain averaged {back_mean} (from {back_low} to {back_high}); "
            "leg pain averaged {leg_mean} (from {leg_low} to {leg_high})."
        ).format(
            back_mean=format_number(sum(back) / len(back)),
            back_low=min(back),
            back_high=max(back),
            leg_mean=format_number(sum(leg) / len(leg)),
            leg_low=min(leg),
            leg_high=max(leg),
        )
        furthest = max(checkins, key=lambda c: c.extent.rank).extent.value
        report.furthest = _words(EXTENT_WORDS, furthest)
        by_day: dict[date, list[Any]] = defaultdict(list)
        for c in checkins:
            by_day[local_day(c.at, c.utc_offset)].append(c)
        report.pain = [
            DayPainPoint(
                d,
                sum(c.back for c in cs) / len(cs),
                sum(c.leg for c in cs) / len(cs),
            )
            for d, cs in sorted(by_day.items())
        ]
        weeks: dict[date, list[Any]] = defaultdict(list)
        for d, cs in by_day.items():
            weeks[d - timedelta(days=d.weekday())].extend(cs)
        for monday, cs in sorted(weeks.items()):
            far = max(cs, key=lambda c: c.extent.rank).extent.value
            report.symptoms.append(
                SymptomWeek(
                    monday,
                    len(cs),
                    sum(1 for c in cs if c.tingling),
                    sum(1 for c in cs if c.numbness),
                    sum(1 for c in cs if c.weakness),
                    _words(EXTENT_WORDS, far),
                )
            )
        report.notes = [(on_own_clock(c.at, c.utc_offset), c.note) for c in checkins if c.note]

    from stretchguide.core.verdict_words import professional_advice, verdict_headline

    verdict = history.verdict(today=today)
    # The same headline as `stretchguide stats` and the History banner.
    report.verdict = verdict_headline(verdict)
    report.verdict_reasons = tuple(verdict.reasons)
    report.advice = professional_advice(verdict) or ""

    uses: dict[str, list[date]] = defaultdict(list)
    for s in sessions:
        uses[_routine_name(s)].append(local_day(s.started_at, s.utc_offset))
    report.routines = [
        RoutineUse(name, len(days), min(days), max(days))
        for name, days in sorted(uses.items(), key=lambda kv: min(kv[1]))
    ]

    tried: Counter[str] = Counter()
    sides: dict[str, Counter[str]] = defaultdict(Counter)
    skipped: Counter[str] = Counter()
    cut: Counter[str] = Counter()
    answers: dict[str, Counter[str]] = defaultdict(Counter)
    hurts: Counter[str] = Counter()
    doses: dict[str, set[str]] = defaultdict(set)
    for s in sessions:
        for item in s.routine.items:
            doses[item.exercise_id].add(_dose_text(item))
        seen: set[str] = set()
        for st in history.steps(s.id):
            if st.kind not in ("hold", "reps"):
                continue
            if st.skipped:
                skipped[st.exercise_id] += 1
                continue
            seen.add(st.exercise_id)
            sides[st.exercise_id][st.side or "no side"] += 1
            if st.planned_s > 0 and st.done_s < st.planned_s - 0.5:
                cut[st.exercise_id] += 1
        for r in history.responses(s.id):
            answers[r.exercise_id][r.response.value] += 1
            seen.add(r.exercise_id)
        for h in history.hurts(s.id):
            hurts[h.exercise_id] += 1
            report.hurts_total += 1
            seen.add(h.exercise_id)
        tried.update(seen)
    ids = sorted(set(tried) | set(skipped), key=lambda i: _exercise_name(i, exercises))
    for ex_id in ids:
        name = _exercise_name(ex_id, exercises)
        side_counts = sides[ex_id]
        report.exercises.append(
            ExerciseRow(
                name=name,
                sessions=tried[ex_id],
                dose="; ".join(sorted(doses[ex_id])) or _("as guided"),
                sides=", ".join(
                    _("{times} (no side)").format(times=times(v))
                    if k == "no side"
                    else _words(WORKED_SIDE, k).format(times=times(v))
                    for k, v in sorted(side_counts.items())
                )
                or _("none done"),
                better=answers[ex_id]["better"],
                same=answers[ex_id]["same"],
                worse=answers[ex_id]["worse"],
                hurts=hurts[ex_id],
                skipped=skipped[ex_id],
                cut_short=cut[ex_id],
            )
        )
    flagged = list(red_flags)
    # The safety gate stores every answer with its time (schema 5); the
    # report lists the warning signs answered yes in the chosen range, and
    # the days they were asked.
    from stretchguide.core.safety import RED_FLAGS_BY_ID

    asked: set[date] = set()
    for day, flag_id, yes in history.red_flag_days(start, end):
        asked.add(day)
        if yes and not red_flags:
            flag = RED_FLAGS_BY_ID.get(flag_id)
            flagged.append((day, flag.asked if flag else flag_id))
    report.red_flags = sorted(flagged)
    report.red_flag_days = sorted(asked)
    # Stable sort: changes made on the same day keep the order they were made in.
    report.plan_changes = sorted(
        ((d, line) for d, line in plan_changes if d <= end), key=lambda c: c[0]
    )
    return report


def report_range(today: date, range_days: int, first_record: date | None) -> tuple[date, date]:
    """The report's dates for a range choice (0 = everything), ending today."""
    if range_days:
        return today - timedelta(days=range_days - 1), today
    return (first_record or today), today


def first_record_day(history: History) -> date | None:
    """The day of the oldest session or check-in, if any, on its own clock."""
    days = [local_day(s.started_at, s.utc_offset) for s in history.sessions()[:1]]
    days += [local_day(c.at, c.utc_offset) for c in history.checkins()[:1]]
    return min(days) if days else None


def _utc_midnight(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())


def on_own_clock(at: int, utc_offset: int) -> datetime:
    """The time on the clock a record was made with (as the exports write
    it), not this machine's: a note written at 07:30 in Tokyo reads 07:30."""
    return datetime.fromtimestamp(at, timezone(timedelta(seconds=utc_offset))).replace(tzinfo=None)
