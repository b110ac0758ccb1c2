"""The clinician report as a PDF: pages, paragraphs and its own chart.

:func:`export_report` assembles the report (``qt/report_data.py``, no Qt)
for a range choice and writes it. :func:`write_report` lays a ``Report`` out on
as many A4 pages as it needs, draws its own pain chart (always 0-10, always
the chosen date range, readable in black and white: solid line and circles
for the back, dashed line and squares for the leg) and puts the date and
"page n of N" at the foot of every page. Nothing is ever cut: a paragraph
too long for what is left of a page goes on over the next one.
"""

from __future__ import annotations

import errno
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextOption,
)

from stretchguide.qt.report_data import Report, assemble_report, first_record_day, report_range
from stretchguide.qt.report_words import (
    chart_axis_label,
    chart_empty,
    chart_legend,
    chart_title,
    page_of,
    report_footer,
    report_lines,
)
from stretchguide.qt.save_file import pdf_to

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from datetime import date

    from stretchguide.core.catalog import Exercise
    from stretchguide.store.history import History

_SIZES = {"h1": (17, True), "h2": (12, True), "p": (10, False)}


def write_report(path: Path, report: Report) -> int:
    """Write the report as a PDF; returns the number of pages.

    Drawn in memory and written in one step (qt/save_file.py): a full disk
    or a folder that cannot be written raises ``OSError`` and leaves any old
    file as it was.
    """
    return pdf_to(Path(path), lambda writer: _draw_report(writer, report))


def _draw_report(writer: QPdfWriter, report: Report) -> int:
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    writer.setTitle(QCoreApplication.translate("report", "StretchGuide report"))
    writer.setCreator("StretchGuide")
    p = QPainter(writer)
    if not p.isActive():
        # Drawn on nothing, the page had no height and the layout below
        # added empty pages without end (the window froze).
        raise OSError(errno.EIO, "the PDF could not be started")
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

        # Words wrap, and a word wider than the page (a pasted link, a note
        # of one long run) breaks anywhere instead of running off the page.
        wrap = QTextOption()
        wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)

        def measure(style: str, text: str) -> float:
            p.setFont(font(style))
            return float(p.boundingRect(QRectF(0, 0, width, 1e6), text, wrap).height())

        def most_that_fit(parts: list[str], sep: str, room: float, style: str) -> int:
            lo, hi = 0, len(parts)
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if measure(style, sep.join(parts[:mid])) <= room:
                    lo = mid
                else:
                    hi = mid - 1
            return lo

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
                lo = most_that_fit(words, " ", body_h - y, style)
                if lo > 0 and style == "p":
                    head = " ".join(words[:lo])
                    pages[-1].append((style, head, y, measure(style, head)))
                    remaining = " ".join(words[lo:])
                elif y == 0.0:
                    # Not one word fits on an empty page: a word that breaks
                    # anywhere can be taller than a page, and a new page
                    # would not help. Cut it by letters.
                    cut = max(1, most_that_fit(list(remaining), "", body_h, style))
                    head, remaining = remaining[:cut], remaining[cut:]
                    pages[-1].append((style, head, y, measure(style, head)))
                pages.append([])
                y = 0.0

        total = len(pages)
        for n, items in enumerate(pages, start=1):
            if n > 1:
                writer.newPage()
            for style, text, top, h in items:
                if style == "chart":
                    _draw_chart(p, QRectF(0, top, width, h), report)
                    continue
                p.setFont(font(style))
                p.setPen(Qt.GlobalColor.black)
                p.drawText(QRectF(0, top, width, h + 2), text, wrap)
            p.setFont(foot)
            p.setPen(Qt.GlobalColor.black)
            p.drawText(
                QRectF(0, height - footer_h * 0.7, width, footer_h * 0.7),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                report_footer(report),
            )
            p.drawText(
                QRectF(0, height - footer_h * 0.7, width, footer_h * 0.7),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                page_of(n, total),
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
    small = QFont("Sans Serif")
    small.setPointSize(8)
    p.setFont(small)
    fm = p.fontMetrics()
    left = fm.horizontalAdvance("10") + 10.0
    legend_h = fm.height() * 1.6
    bold = QFont(small)
    bold.setBold(True)
    bold.setPointSize(10)
    title = chart_title(report)
    p.setFont(bold)
    # The title wraps rather than run off the page: with long month names
    # (Spanish: "del 7 de marzo de 2026 al 20 de marzo de 2026") it takes two lines.
    wrapped = p.boundingRect(QRectF(0, 0, rect.width(), 1e6), Qt.TextFlag.TextWordWrap, title)
    # Room below it for the half of the "10" label that sits above the plot.
    title_h = max(fm.height() * 1.6, wrapped.height() + fm.height() * 0.9)
    p.setFont(small)
    bottom = fm.height() * 1.8
    plot = QRectF(
        rect.left() + left,
        rect.top() + title_h,
        rect.width() - left - 4,
        rect.height() - title_h - bottom - legend_h,
    )
    p.setPen(Qt.GlobalColor.black)
    p.setFont(bold)
    p.drawText(
        QRectF(rect.left(), rect.top(), rect.width(), title_h),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap),
        title,
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
        label = chart_axis_label(report.start + timedelta(days=k))
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
    for label, series in zip(chart_legend(), (1, 2), strict=True):
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
        p.drawText(plot, int(Qt.AlignmentFlag.AlignCenter), chart_empty())


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
