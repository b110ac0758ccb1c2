"""A routine on paper: one or two pages for the fridge or the physiotherapist.

Each exercise gets its figure (the app's own pictures, drawn in grey so a
black-and-white printer shows the same), its dose and sides, the steps, any
note and its cautions; the schedule and the plan head the page.

The PDF is written with ``QPdfWriter`` and ``QTextDocument`` (QtGui only):
QtPrintSupport is left out of the bundle to stay under its size limit, so
"Print" means saving the PDF and opening it in the system's viewer, which
prints it.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from stretchguide.core.catalog import Exercise, Routine, Sides, describe_dose
from stretchguide.core.i18n import N_, _, format_date, keep_punctuation_together
from stretchguide.core.plan import Plan

FIGURE_PX = 170  # most a figure takes on the page, in CSS pixels (96 per inch)
FIGURE_MAX_H = 105  # a standing figure is kept this short

# The sheet's words go through core's gettext (no Qt in sheet_html, and the
# exercises it prints are translated there too): N_ here, _() where shown.
SIDES_TEXT = {
    Sides.NONE: N_("Both legs together, no sides."),
    Sides.EACH: N_("Do it on one side, then the other."),
    Sides.ALTERNATING: N_("Left and right in turn."),
    Sides.AFFECTED: N_("The painful side only."),
}


def _figure(exercise_id: str, width_px: int) -> object | None:
    """The exercise's picture as a grey QImage, or None when there is none."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from stretchguide.qt.assets import MissingAssetError, asset_path

    try:
        path = asset_path(f"images/{exercise_id}.svg")
    except MissingAssetError:
        return None
    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        return None
    size = renderer.defaultSize()
    scale = 3  # drawn at 3x so print stays sharp
    w = width_px * scale
    h = max(1, round(w * size.height() / max(1, size.width())))
    image = QImage(w, h, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, w, h))
    painter.end()
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return _crop_white(grey)


# Near-white (anti-aliasing at the edge of the floor shading) counts as white.
_WHITEN = bytes(255 if v >= 248 else v for v in range(256))


def _crop_white(grey: object, pad: int = 6) -> object:
    """The image cut to what is drawn: the pictures are square with a lot
    of paper around a lying figure, which wasted a third of the page."""
    from PySide6.QtGui import QImage

    assert isinstance(grey, QImage)
    w, h, stride = grey.width(), grey.height(), grey.bytesPerLine()
    data = bytes(grey.constBits())[: stride * h].translate(_WHITEN)
    top, bottom, left, right = h, -1, w, -1
    for y in range(h):
        row = data[y * stride : y * stride + w]
        lead = len(row) - len(row.lstrip(b"\xff"))
        if lead == w:
            continue
        trail = len(row) - len(row.rstrip(b"\xff"))
        top, bottom = min(top, y), y
        left, right = min(left, lead), max(right, w - 1 - trail)
    if bottom < 0:
        return grey
    x0, y0 = max(0, left - pad), max(0, top - pad)
    return grey.copy(x0, y0, min(w, right + pad) - x0, min(h, bottom + pad) - y0)


def sheet_html(
    routine: Routine,
    exercises: Mapping[str, Exercise],
    plan: Plan | None,
    *,
    today: date,
    changes: tuple[str, ...] = (),
    sizes: Mapping[str, tuple[int, int]] | None = None,
    font_pt: float = 9,
) -> str:
    """The sheet as Qt rich text; ``sizes`` gives each figure's (w, h) on paper."""
    e = html.escape
    sizes = sizes or {}
    schedule = e(routine.schedule.text)
    cells = []
    for n, item in enumerate(routine.items, 1):
        ex = exercises[item.exercise_id]
        # Steps run on as one numbered paragraph: a list per exercise took
        # article 001 to three pages.
        steps = " ".join(f"<b>{i}.</b>&nbsp;{e(s)}" for i, s in enumerate(ex.steps, 1))
        note = f"<br><i>{e(item.note)}</i>" if item.note else ""
        cautions = (
            "<p style='margin-top: 3px'><b>"
            + e(_("Take care:"))
            + "</b> "
            + " ".join(e(c) for c in ex.cautions)
            + "</p>"
            if ex.cautions
            else ""
        )
        figure = ""
        if item.exercise_id in sizes:
            w, h = sizes[item.exercise_id]
            figure = (
                f"<p style='margin: 2px 0'><img src='figure:{e(item.exercise_id)}' "
                f"width='{w}' height='{h}'></p>"
            )
        cells.append(
            "<td width='50%' valign='top' style='padding: 6px'>"
            f"<p style='font-size: 11pt; margin: 0'><b>{n}. {e(ex.name)}</b></p>"
            f"{figure}"
            "<p style='margin: 2px 0'><b>" + e(_("Dose:")) + f"</b> {e(describe_dose(item.dose))}. "
            f"{e(_(SIDES_TEXT[item.dose.sides]))}{note}</p>"
            f"<p style='margin: 2px 0'>{steps}</p>{cautions}"
            "</td>"
        )
    if len(cells) % 2:
        cells.append("<td width='50%'></td>")
    rows = ["<tr>" + cells[i] + cells[i + 1] + "</tr>" for i in range(0, len(cells), 2)]
    plan_line = ""
    if plan is not None:
        text = plan.step_down_reason or plan.describe()
        plan_line = (
            "<p>"
            + e(_("Your plan (from {start}): {plan}"))
            .replace("{start}", e(format_date(plan.start)))
            .replace("{plan}", e(text))
            + "</p>"
        )
    change_lines = ""
    if changes:
        change_lines = (
            "<p><b>"
            + e(_("Changes to the doses:"))
            + "</b></p><ul>"
            + "".join(f"<li>{e(c)}</li>" for c in changes)
            + "</ul>"
        )
    sources = ", ".join(routine.sources) or "StretchGuide"
    # French spaces before : ; ? ! never break (no tag or style has them).
    return keep_punctuation_together(
        "<html><body style='color: black; font-family: sans-serif; "
        f"font-size: {font_pt:g}pt'>"
        f"<h1 style='font-size: 15pt'>{e(routine.name)}</h1>"
        f"<p>{e(routine.description)}</p>"
        f"<p><b>{e(_('How often:'))}</b> {schedule}</p>{plan_line}{change_lines}"
        "<table cellspacing='0' cellpadding='0' width='100%' border='0'>"
        + "".join(rows)
        + "</table>"
        "<p><b>"
        + e(
            _(
                "Stop any exercise that sends pain further down the leg, or brings on "
                "new tingling, numbness or weakness. Moderate stretch is fine; sharp pain is not."
            )
        )
        + "</b></p><p style='font-size: 7pt'>"
        + e(
            _(
                "Doses from published exercise guides ({sources}); where a guide gives no "
                "number, the number is StretchGuide's. General guidance, not a diagnosis. "
                "Printed {date} by StretchGuide."
            ).format(sources=sources, date=format_date(today))
        )
        + "</p></body></html>"
    )


def _figures(routine: Routine) -> dict[str, object]:
    """Each exercise's grey picture (drawn once), by exercise id."""
    out: dict[str, object] = {}
    for item in routine.items:
        if item.exercise_id not in out:
            image = _figure(item.exercise_id, FIGURE_PX)
            if image is not None:
                out[item.exercise_id] = image
    return out


def build_document(
    routine: Routine,
    exercises: Mapping[str, Exercise],
    plan: Plan | None,
    *,
    today: date,
    changes: tuple[str, ...] = (),
    font_pt: float = 9,
    figure_scale: float = 1.0,
    figures: Mapping[str, object] | None = None,
) -> object:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage, QTextDocument

    doc = QTextDocument()
    sizes: dict[str, tuple[int, int]] = {}
    for ex_id, image in (_figures(routine) if figures is None else figures).items():
        if not isinstance(image, QImage):
            continue
        scale = figure_scale * min(FIGURE_PX / image.width(), FIGURE_MAX_H / image.height())
        sizes[ex_id] = (round(image.width() * scale), round(image.height() * scale))
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"figure:{ex_id}"), image)
    doc.setHtml(
        sheet_html(
            routine, exercises, plan, today=today, changes=changes, sizes=sizes, font_pt=font_pt
        )
    )
    return doc


MAX_PAGES = 2
# (body text in pt, figure size), tried in turn until the sheet fits on
# MAX_PAGES: German, Spanish and French run ~20 % longer than English, and
# the two longest routines went on to a third page at 9 pt. Text is kept at
# 8 pt or more (read from a mat); the figures give way first.
FIT_STEPS = ((9.0, 1.0), (8.5, 1.0), (8.5, 0.8), (8.0, 0.7))


def write_pdf(
    path: Path,
    routine: Routine,
    exercises: Mapping[str, Exercise],
    plan: Plan | None,
    *,
    today: date,
    changes: tuple[str, ...] = (),
) -> int:
    """Write the sheet as an A4 PDF; returns the number of pages.

    Drawn in memory and written in one step (qt/save_file.py), so a failure,
    a full disk among them, leaves no half PDF and raises ``OSError``.
    Needs a QGuiApplication (offscreen is fine).
    """
    from stretchguide.qt.save_file import pdf_to

    figures = _figures(routine)

    def draw(writer: Any) -> int:
        from PySide6.QtCore import QMarginsF, QSizeF
        from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument

        writer.setTitle(f"{routine.name} - StretchGuide")
        writer.setCreator("StretchGuide")
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(12, 10, 12, 10), QPageLayout.Unit.Millimeter)
        writer.setResolution(300)
        # Lay the text out at the printable size (in points) so the page count is
        # known before printing, and print does not rescale it.
        rect = writer.pageLayout().paintRect(QPageLayout.Unit.Point)
        for font_pt, figure_scale in FIT_STEPS:
            doc = build_document(
                routine,
                exercises,
                plan,
                today=today,
                changes=changes,
                font_pt=font_pt,
                figure_scale=figure_scale,
                figures=figures,
            )
            assert isinstance(doc, QTextDocument)
            doc.setPageSize(QSizeF(rect.width(), rect.height()))
            if doc.pageCount() <= MAX_PAGES:
                break
        assert isinstance(doc, QTextDocument)
        doc.print_(writer)
        return int(doc.pageCount())

    return pdf_to(Path(path), draw)
