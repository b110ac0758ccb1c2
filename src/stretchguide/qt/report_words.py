"""The clinician report in words: :func:`report_lines` turns a
:class:`~stretchguide.qt.report_data.Report` into (style, text) lines, and the
PDF's own words (footer, page numbers, the chart's title and legend) are
here too, so the whole report is translated by one mechanism, core's
gettext. No Qt; ``qt/report.py`` lays the lines out.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from stretchguide.core.i18n import (
    _,
    format_date,
    format_datetime,
    format_day_month,
    keep_punctuation_together,
    ngettext,
)
from stretchguide.qt.report_data import CHART_LEGEND, Report, times

# Bidi embeddings, overrides and isolates: one of them turns the rest of a
# paragraph around. Marks (LRM), joiners (emoji) and soft hyphens are kept.
NOTE_SHOWN_MAX = 1500  # characters of one note in the report (ours, see note_shown)
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def note_shown(note: str) -> str:
    """A note as the report prints it. A note is whatever was typed or
    pasted: a right-to-left override turned the rest of it around in the PDF,
    and an escape or NUL printed as boxes. Tabs and line ends stay what they
    look like; other controls and the bidi controls are shown as escapes
    (\\u202e), so the reader sees that something was there."""
    text = note.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    more = ""
    if len(text) > NOTE_SHOWN_MAX:
        # The report is a summary for a clinician: one pasted page of text
        # made it thirteen pages. The whole note stays in the history and in
        # the CSV and JSON exports, and the report says how much is left out.
        cut = text.rfind(" ", NOTE_SHOWN_MAX - 100, NOTE_SHOWN_MAX)
        cut = cut if cut > 0 else NOTE_SHOWN_MAX
        left = len(text) - cut
        more = " " + ngettext(
            "[... {n} more character, in StretchGuide's history]",
            "[... {n} more characters, in StretchGuide's history]",
            left,
        ).format(n=left)
        text = text[:cut]
    return _escaped(text) + more


def _escaped(text: str) -> str:
    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if ch in _BIDI_CONTROLS or (unicodedata.category(ch) == "Cc" and ch != "\n")
        else ch
        for ch in text
    )


def _section(lines: list[tuple[str, str]], title: str, items: list[str], empty: str) -> None:
    """A heading, then its lines, or one line saying there is nothing."""
    lines.append(("h2", title))
    lines += [("p", text) for text in items] or [("p", empty)]


def report_lines(report: Report) -> list[tuple[str, str]]:
    """The report's text as (style, text) lines; tables come out as text rows."""
    day = format_date
    r = report
    verdict = r.verdict[:1].upper() + r.verdict[1:].rstrip(".") + "."
    lines: list[tuple[str, str]] = [
        ("h1", _("StretchGuide: exercise and pain diary")),
        (
            "p",
            _(
                "From {start} to {end}. Painful side: {side}. Prepared {prepared} from the "
                "person's own entries; not a diagnosis."
            ).format(
                start=day(r.start), end=day(r.end), side=r.painful_side, prepared=day(r.prepared)
            ),
        ),
        ("chart", ""),
        ("h2", _("Two-week verdict")),
        ("p", verdict),
    ]
    for reason in r.verdict_reasons:
        lines.append(("p", _("Why: {reason}").format(reason=reason)))
    if r.advice:
        lines.append(("p", r.advice))
    lines += [
        ("h2", _("Sessions and pain")),
        (
            "p",
            # Three counts, each with its own plural: one sentence per count
            # would read worse, so the pieces are whole clauses.
            _(
                "{sessions} done, {stopped} stopped early; {checkins}; "
                "'This hurts' pressed {times}."
            ).format(
                sessions=ngettext("{n} session", "{n} sessions", r.sessions_done).format(
                    n=r.sessions_done
                ),
                stopped=r.sessions_stopped,
                checkins=ngettext("{n} check-in", "{n} check-ins", r.checkin_count).format(
                    n=r.checkin_count
                ),
                times=times(r.hurts_total),
            ),
        ),
    ]
    if r.pain_summary:
        lines.append(("p", r.pain_summary))
        lines.append(("p", _("Furthest spread down the leg: {where}.").format(where=r.furthest)))
    routines = [
        _("{routine}: {sessions}, {first} to {last}.").format(
            routine=u.name,
            sessions=ngettext("{n} session", "{n} sessions", u.sessions).format(n=u.sessions),
            first=day(u.first),
            last=day(u.last),
        )
        for u in r.routines
    ]
    _section(lines, _("Routines used"), routines, _("No sessions in this period."))
    dated = _("{date}: {text}")
    changes = [dated.format(date=day(d), text=line) for d, line in r.plan_changes]
    if r.plan_changes and r.plan_changes[0][0] < r.start:
        changes.insert(
            0,
            _(
                "Changes made before {start} are listed too: "
                "they set the doses used in this period."
            ).format(start=day(r.start)),
        )
    _section(lines, _("Dose changes to the plan"), changes, _("No dose was stepped up or back."))
    exercises = [
        _(
            "{exercise}. Dose: {dose}. Done in {sessions}; worked: {sides}. Felt better "
            "{better}, same {same}, worse {worse}. 'This hurts': {hurts}. Steps skipped: "
            "{skipped}; cut short: {cut_short}."
        ).format(
            exercise=e.name,
            dose=e.dose,
            sessions=ngettext("{n} session", "{n} sessions", e.sessions).format(n=e.sessions),
            sides=e.sides,
            better=e.better,
            same=e.same,
            worse=e.worse,
            hurts=e.hurts,
            skipped=e.skipped,
            cut_short=e.cut_short,
        )
        for e in r.exercises
    ]
    _section(lines, _("Each exercise"), exercises, _("No exercise was done in this period."))
    weeks = [
        _(
            "Week of {monday} ({checkins}): tingling {tingling}, numbness {numbness}, "
            "weakness {weakness}; furthest: {furthest}."
        ).format(
            monday=day(w.week_of),
            checkins=ngettext("{n} check-in", "{n} check-ins", w.checkins).format(n=w.checkins),
            tingling=w.tingling,
            numbness=w.numbness,
            weakness=w.weakness,
            furthest=w.furthest,
        )
        for w in r.symptoms
    ]
    _section(lines, _("Nerve symptoms by week"), weeks, _("No check-ins in this period."))
    flags = [dated.format(date=day(d), text=text) for d, text in r.red_flags]
    if r.red_flag_days:
        n, last = len(r.red_flag_days), day(r.red_flag_days[-1])
        flags.append(
            ngettext(
                "Asked on {n} day in this period (last on {date}).",
                "Asked on {n} days in this period (last on {date}).",
                n,
            ).format(n=n, date=last)
            + ("" if r.red_flags else " " + _("No warning sign was answered yes."))
        )
    _section(
        lines,
        _("Safety (red-flag) questions"),
        flags,
        _("No answers to the safety questions are stored for this period."),
    )
    notes = [
        dated.format(date=format_datetime(when), text=note_shown(note)) for when, note in r.notes
    ]
    _section(lines, _("Notes"), notes, _("No notes in this period."))
    return [(style, keep_punctuation_together(text)) for style, text in lines]


def report_footer(report: Report) -> str:
    return _("StretchGuide report, prepared {date}").format(date=format_date(report.prepared))


def page_of(n: int, total: int) -> str:
    return _("Page {n} of {total}").format(n=n, total=total)


def chart_title(report: Report) -> str:
    title = _("Pain (0 = none, 10 = worst), daily average: {start} to {end}").format(
        start=format_date(report.start), end=format_date(report.end)
    )
    return keep_punctuation_together(title)


def chart_axis_label(day: date) -> str:
    return format_day_month(day)


def chart_legend() -> tuple[str, str]:
    return _(CHART_LEGEND[0]), _(CHART_LEGEND[1])


def chart_empty() -> str:
    return _("No check-ins in this period")
