"""The clinician report: what a physiotherapist wants on paper, as a PDF.

Two halves. :func:`assemble_report` gathers everything from the history into
a plain :class:`Report` (no Qt: a test reads it without a QApplication).
:func:`write_report` lays it out on as many A4 pages as it needs, draws its
own pain chart (always 0-10, always the chosen date range, readable in black
and white: solid line and circles for the back, dashed line and squares for
the leg) and puts the date and "page n of N" at the foot of every page.
Nothing is ever cut: a paragraph too long for what is left of a page goes on
over the next one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
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


# ----------------------------------------------------------------------- drawing

_SIZES = {"h1": (17, True), "h2": (12, True), "p": (10, False)}


def write_report(path: Path, report: Report) -> int:
    """Write the report as a PDF; returns the number of pages."""
    from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    writer.setTitle(QCoreApplication.translate("report", "StretchGuide report"))
    writer.setCreator("StretchGuide")
    p = QPainter(writer)
    try:
        width = float(p.viewport().width())
        height = float(p.viewport().height())
        foot = QFont("Sans Serif")
        foot.setPointSize(8)
        p.setFont(foot)
        footer_h = p.fontMetrics().height() * 2.0
        body_h = height - footer_h
        chart_h = width * 0.5

        def font(style: str) -> Any:
            size, bold = _SIZES[style]
            f = QFont("Sans Serif")
            f.setPointSize(size)
            f.setBold(bold)
            return f

        def measure(style: str, text: str) -> float:
            p.setFont(font(style))
            r = p.boundingRect(QRectF(0, 0, width, 1e6), Qt.TextFlag.TextWordWrap, text)
            return float(r.height())

        # Layout: pages of (style, text, y, h). A paragraph that does not fit
        # in the rest of a page is split at a word boundary and carried on.
        pages: list[list[tuple[str, str, float, float]]] = [[]]
        y = 0.0
        for style, text in report_lines(report):
            gap = 14.0 if style in ("h1", "h2") else 6.0
            if style == "chart":
                if y + chart_h > body_h:
                    pages.append([])
                    y = 0.0
                pages[-1].append(("chart", "", y, chart_h))
                y += chart_h + 16
                continue
            remaining = text
            while remaining:
                h = measure(style, remaining)
                # Keep a heading with at least a few lines of what follows.
                need = h + (measure("p", "x") * 3 if style != "p" else 0)
                if y + need <= body_h:
                    pages[-1].append((style, remaining, y, h))
                    y += h + gap
                    break
                words = remaining.split(" ")
                lo, hi = 0, len(words)
                while lo < hi:  # the most words that still fit here
                    mid = (lo + hi + 1) // 2
                    if y + measure(style, " ".join(words[:mid])) <= body_h:
                        lo = mid
                    else:
                        hi = mid - 1
                if lo > 0 and style == "p":
                    head = " ".join(words[:lo])
                    pages[-1].append((style, head, y, measure(style, head)))
                    remaining = " ".join(words[lo:])
                pages.append([])
                y = 0.0

        total = len(pages)
        stamp = report.prepared.strftime("%d %b %Y")
        for n, items in enumerate(pages, start=1):
            if n > 1:
                writer.newPage()
            for style, text, top, h in items:
                if style == "chart":
                    _draw_chart(p, QRectF(0, top, width, h), report)
                    continue
                p.setFont(font(style))
                p.setPen(Qt.GlobalColor.black)
                p.drawText(QRectF(0, top, width, h + 2), Qt.TextFlag.TextWordWrap, text)
            p.setFont(foot)
            p.setPen(Qt.GlobalColor.black)
            p.drawText(
                QRectF(0, height - footer_h * 0.7, width, footer_h * 0.7),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                f"StretchGuide report, prepared {stamp}",
            )
            p.drawText(
                QRectF(0, height - footer_h * 0.7, width, footer_h * 0.7),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                f"Page {n} of {total}",
            )
    finally:
        p.end()
    return total


def chart_points(report: Report, rect_w: float, rect_h: float) -> list[tuple[float, float, float]]:
    """(x, y_back, y_leg) in a w x h box: x spans the report's range, y 0-10."""
    days = max(1, (report.end - report.start).days)
    out = []
    for pt in report.pain:
        x = (pt.day - report.start).days / days * rect_w
        out.append((x, rect_h * (1 - pt.back / 10), rect_h * (1 - pt.leg / 10)))
    return out


def _draw_chart(p: Any, rect: Any, report: Report) -> None:
    """Pain 0-10 over the whole chosen range, black and white."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QFont, QPen

    small = QFont("Sans Serif")
    small.setPointSize(8)
    p.setFont(small)
    fm = p.fontMetrics()
    left = fm.horizontalAdvance("10") + 10.0
    legend_h = fm.height() * 1.6
    title_h = fm.height() * 1.6
    bottom = fm.height() * 1.8
    plot = QRectF(
        rect.left() + left,
        rect.top() + title_h,
        rect.width() - left - 4,
        rect.height() - title_h - bottom - legend_h,
    )
    fmt = "%d %b %Y"
    p.setPen(Qt.GlobalColor.black)
    bold = QFont(small)
    bold.setBold(True)
    bold.setPointSize(10)
    p.setFont(bold)
    p.drawText(
        QRectF(rect.left(), rect.top(), rect.width(), title_h),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        f"Pain (0 = none, 10 = worst), daily average: "
        f"{report.start.strftime(fmt)} to {report.end.strftime(fmt)}",
    )
    p.setFont(small)
    grid = QPen(Qt.GlobalColor.gray)
    grid.setWidthF(1.0)
    for v in range(0, 11, 2):
        y = plot.bottom() - plot.height() * v / 10
        p.setPen(grid)
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        p.setPen(Qt.GlobalColor.black)
        p.drawText(
            QRectF(rect.left(), y - fm.height() / 2, left - 6, fm.height()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            str(v),
        )
    p.setPen(QPen(Qt.GlobalColor.black, 1.5))
    p.drawRect(plot)
    days = max(1, (report.end - report.start).days)
    step = max(1, days // 6)
    for k in range(0, days + 1, step):
        x = plot.left() + plot.width() * k / days
        label = (report.start + timedelta(days=k)).strftime("%d %b")
        p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 5))
        p.drawText(
            QRectF(x - 60, plot.bottom() + 6, 120, fm.height()),
            int(Qt.AlignmentFlag.AlignHCenter),
            label,
        )
    pts = chart_points(report, plot.width(), plot.height())
    mark = max(4.0, plot.height() / 60)
    for series, dash in ((1, Qt.PenStyle.SolidLine), (2, Qt.PenStyle.DashLine)):
        pen = QPen(Qt.GlobalColor.black, 2.5 if series == 1 else 2.0, dash)
        p.setPen(pen)
        prev: Any = None
        for pt in pts:
            cur = QPointF(plot.left() + pt[0], plot.top() + pt[series])
            if prev is not None:
                p.drawLine(prev, cur)
            prev = cur
        p.setPen(QPen(Qt.GlobalColor.black, 1.5))
        for pt in pts:
            c = QPointF(plot.left() + pt[0], plot.top() + pt[series])
            if series == 1:
                p.setBrush(Qt.GlobalColor.black)
                p.drawEllipse(c, mark, mark)
            else:
                p.setBrush(Qt.GlobalColor.white)
                p.drawRect(QRectF(c.x() - mark, c.y() - mark, 2 * mark, 2 * mark))
    p.setBrush(Qt.BrushStyle.NoBrush)
    # Legend, under the axis labels.
    ly = plot.bottom() + bottom + legend_h / 2
    x = plot.left()
    for label, series in (("Back pain", 1), ("Leg pain", 2)):
        dash = Qt.PenStyle.SolidLine if series == 1 else Qt.PenStyle.DashLine
        p.setPen(QPen(Qt.GlobalColor.black, 2.0, dash))
        p.drawLine(QPointF(x, ly), QPointF(x + 40, ly))
        c = QPointF(x + 20, ly)
        p.setPen(QPen(Qt.GlobalColor.black, 1.5))
        if series == 1:
            p.setBrush(Qt.GlobalColor.black)
            p.drawEllipse(c, mark, mark)
        else:
            p.setBrush(Qt.GlobalColor.white)
            p.drawRect(QRectF(c.x() - mark, c.y() - mark, 2 * mark, 2 * mark))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawText(
            QRectF(x + 48, ly - fm.height() / 2, 200, fm.height()),
            int(Qt.AlignmentFlag.AlignVCenter),
            label,
        )
        x += 48 + fm.horizontalAdvance(label) + 30
    if not pts:
        p.drawText(plot, int(Qt.AlignmentFlag.AlignCenter), "No check-ins in this period")


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


def export_report(
    path: Path,
    history: History,
    exercises: Mapping[str, Exercise],
    today: date,
    range_days: int,
    painful_side: str = "none",
    red_flags: Sequence[tuple[date, str]] = (),
    plan_changes: Sequence[tuple[date, str]] = (),
) -> int:
    """Assemble and write the report for a range choice; returns the page count."""
    start, end = report_range(today, range_days, first_record_day(history))
    report = assemble_report(
        history, exercises, today, start, end, painful_side, red_flags, plan_changes
    )
    return write_report(path, report)
