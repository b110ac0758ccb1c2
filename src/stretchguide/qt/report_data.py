"""The clinician report's content: what a physiotherapist wants on paper.

:func:`assemble_report` gathers everything from the history into a plain
:class:`Report` and :func:`report_lines` words it. No Qt, so a test reads it
without a QApplication; ``qt/report.py`` lays it out as a PDF.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from stretchguide.core.words import plural

if TYPE_CHECKING:
    from stretchguide.core.catalog import Exercise
    from stretchguide.store.history import History

# "" is a side never given; "both" (and the old "none") is "both or not sure".
SIDE_WORDS = {
    "": "not given yet",
    "none": "both or not sure",
    "both": "both or not sure",
    "left": "left",
    "right": "right",
}
EXTENT_WORDS = {
    "none": "not in the leg",
    "buttock": "buttock",
    "thigh": "thigh",
    "below_knee": "below the knee",
    "foot": "into the foot",
}


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
    notes: list[tuple[datetime, str]] = field(default_factory=list)
    pain: list[DayPainPoint] = field(default_factory=list)
    hurts_total: int = 0
    # Every dose step up or back the person accepted, oldest first: (day, line).
    plan_changes: list[tuple[date, str]] = field(default_factory=list)


def _dose_text(item: Any) -> str:
    parts = []
    if item.reps and item.reps > 1:
        parts.append(plural(int(item.reps), "repetition"))
        if item.hold_s:
            parts.append(f"each held {item.hold_s:g} s")
    elif item.hold_s:
        parts.append(f"hold {item.hold_s:g} s")
    if item.sets and item.sets > 1:
        parts.append(plural(int(item.sets), "set"))
    sides = str(item.sides)
    if sides and sides != "none":
        parts.append({"each": "each side", "alternating": "alternating sides"}.get(sides, sides))
    return ", ".join(parts) or "as guided"


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
    since = int(datetime.combine(start, datetime.min.time()).timestamp())
    until = int(datetime.combine(end + timedelta(days=1), datetime.min.time()).timestamp())
    sessions = history.sessions(since=since, until=until)
    checkins = history.checkins(since=since, until=until)
    report = Report(
        prepared=today,
        start=start,
        end=end,
        painful_side=SIDE_WORDS.get(painful_side, painful_side),
    )
    done = [s for s in sessions if s.status.value in ("completed", "partial")]
    report.sessions_done = len(done)
    report.sessions_stopped = sum(1 for s in sessions if s.status.value == "stopped")
    report.checkin_count = len(checkins)
    if checkins:
        back = [c.back for c in checkins]
        leg = [c.leg for c in checkins]
        report.pain_summary = (
            f"Back pain averaged {sum(back) / len(back):.1f} (from {min(back)} to {max(back)}); "
            f"leg pain averaged {sum(leg) / len(leg):.1f} (from {min(leg)} to {max(leg)})."
        )
        furthest = max(checkins, key=lambda c: c.extent.rank).extent.value
        report.furthest = EXTENT_WORDS.get(furthest, furthest)
        by_day: dict[date, list[Any]] = defaultdict(list)
        for c in checkins:
            by_day[datetime.fromtimestamp(c.at).date()].append(c)
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
                    EXTENT_WORDS.get(far, far),
                )
            )
        report.notes = [
            (datetime.fromtimestamp(c.at), c.note)
            for c in sorted(checkins, key=lambda c: c.at)
            if c.note
        ]

    from stretchguide.core.safety import professional_advice, verdict_headline

    verdict = history.verdict(today=today)
    # The same headline as `stretchguide stats` and the History banner.
    report.verdict = verdict_headline(verdict)
    report.verdict_reasons = tuple(verdict.reasons)
    report.advice = professional_advice(verdict) or ""

    uses: dict[str, list[date]] = defaultdict(list)
    for s in sessions:
        uses[s.routine.name].append(datetime.fromtimestamp(s.started_at).date())
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
    ids = sorted(
        set(tried) | set(skipped),
        key=lambda i: exercises[i].name if i in exercises else i,
    )
    for ex_id in ids:
        name = exercises[ex_id].name if ex_id in exercises else ex_id
        side_counts = sides[ex_id]
        report.exercises.append(
            ExerciseRow(
                name=name,
                sessions=tried[ex_id],
                dose="; ".join(sorted(doses[ex_id])) or "as guided",
                sides=", ".join(
                    f"{plural(v, 'time')} (no side)"
                    if k == "no side"
                    else f"{k} {plural(v, 'time')}"
                    for k, v in sorted(side_counts.items())
                )
                or "none done",
                better=answers[ex_id]["better"],
                same=answers[ex_id]["same"],
                worse=answers[ex_id]["worse"],
                hurts=hurts[ex_id],
                skipped=skipped[ex_id],
                cut_short=cut[ex_id],
            )
        )
    flagged = list(red_flags)
    if not flagged:
        # The safety gate stores every answer with its time (schema 5); the
        # report lists the warning signs answered yes in the chosen range.
        from stretchguide.core.safety import RED_FLAGS_BY_ID

        for at, flag_id, yes, _urgency in history.red_flag_answers(since=since):
            if yes and at < until:
                flag = RED_FLAGS_BY_ID.get(flag_id)
                flagged.append(
                    (datetime.fromtimestamp(at).date(), flag.question if flag else flag_id)
                )
    report.red_flags = sorted(flagged)
    # Stable sort: changes made on the same day keep the order they were made in.
    report.plan_changes = sorted(
        ((d, line) for d, line in plan_changes if d <= end), key=lambda c: c[0]
    )
    return report


def _section(lines: list[tuple[str, str]], title: str, items: list[str], empty: str) -> None:
    """A heading, then its lines, or one line saying there is nothing."""
    lines.append(("h2", title))
    lines += [("p", text) for text in items] or [("p", empty)]


def report_lines(report: Report) -> list[tuple[str, str]]:
    """The report's text as (style, text) lines; tables come out as text rows."""
    fmt = "%d %b %Y"
    r = report
    lines: list[tuple[str, str]] = [
        ("h1", "StretchGuide: exercise and pain diary"),
        (
            "p",
            f"From {r.start.strftime(fmt)} to {r.end.strftime(fmt)}. "
            f"Painful side: {r.painful_side}. Prepared {r.prepared.strftime(fmt)} from the "
            "person's own entries; not a diagnosis.",
        ),
        ("chart", ""),
        ("h2", "Two-week verdict"),
        ("p", r.verdict[:1].upper() + r.verdict[1:].rstrip(".") + "."),
    ]
    for reason in r.verdict_reasons:
        lines.append(("p", f"Why: {reason}"))
    if r.advice:
        lines.append(("p", r.advice))
    lines += [
        ("h2", "Sessions and pain"),
        (
            "p",
            f"{plural(r.sessions_done, 'session')} done, {r.sessions_stopped} stopped early; "
            f"{plural(r.checkin_count, 'check-in')}; 'This hurts' pressed "
            f"{plural(r.hurts_total, 'time')}.",
        ),
    ]
    if r.pain_summary:
        lines.append(("p", r.pain_summary))
        lines.append(("p", f"Furthest spread down the leg: {r.furthest}."))
    routines = [
        f"{u.name}: {plural(u.sessions, 'session')}, "
        f"{u.first.strftime(fmt)} to {u.last.strftime(fmt)}."
        for u in r.routines
    ]
    _section(lines, "Routines used", routines, "No sessions in this period.")
    changes = [f"{d.strftime(fmt)}: {line}" for d, line in r.plan_changes]
    if r.plan_changes and r.plan_changes[0][0] < r.start:
        changes.insert(
            0,
            f"Changes made before {r.start.strftime(fmt)} are listed too: "
            "they set the doses used in this period.",
        )
    _section(lines, "Dose changes to the plan", changes, "No dose was stepped up or back.")
    exercises = [
        f"{e.name}. Dose: {e.dose}. Done in {plural(e.sessions, 'session')}; "
        f"worked: {e.sides}. Felt better {e.better}, same {e.same}, "
        f"worse {e.worse}. 'This hurts': {e.hurts}. Steps skipped: {e.skipped}; "
        f"cut short: {e.cut_short}."
        for e in r.exercises
    ]
    _section(lines, "Each exercise", exercises, "No exercise was done in this period.")
    weeks = [
        f"Week of {w.week_of.strftime(fmt)} ({plural(w.checkins, 'check-in')}): "
        f"tingling {w.tingling}, numbness {w.numbness}, weakness {w.weakness}; "
        f"furthest: {w.furthest}."
        for w in r.symptoms
    ]
    _section(lines, "Nerve symptoms by week", weeks, "No check-ins in this period.")
    flags = [f"{d.strftime(fmt)}: {text}" for d, text in r.red_flags]
    _section(
        lines,
        "Safety (red-flag) questions",
        flags,
        "No answers to the safety questions are stored for this period.",
    )
    notes = [f"{when.strftime('%d %b %Y %H:%M')}: {note}" for when, note in r.notes]
    _section(lines, "Notes", notes, "No notes in this period.")
    return lines


def report_range(today: date, range_days: int, first_record: date | None) -> tuple[date, date]:
    """The report's dates for a range choice (0 = everything), ending today."""
    if range_days:
        return today - timedelta(days=range_days - 1), today
    return (first_record or today), today


def first_record_day(history: History) -> date | None:
    """The day of the oldest session or check-in, if any."""
    stamps = [s.started_at for s in history.sessions()[:1]]
    stamps += [c.at for c in history.checkins()[:1]]
    return datetime.fromtimestamp(min(stamps)).date() if stamps else None
