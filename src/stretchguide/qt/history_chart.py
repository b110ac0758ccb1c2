"""The History page's chart: pain dots, 7-day averages, before/after pairs
and session bars, on two pyqtgraph plots sharing their dates.

pyqtgraph is imported by this module only, and this module only when the
History page is first opened, so the main window paints without it.

What a range change costs is what is on screen, not the length of the
history: one scene item per series, each cut to the view and thinned to a
few points per pixel column (history_data), painted once per change, with
what does not move (value axes, grid, legend) kept as pixmaps. The figures
are in docs/PERFORMANCE.md.
"""

from __future__ import annotations

import bisect
from datetime import datetime
from typing import Any

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems import DateAxisItem as _date_axis  # noqa: N813
from PySide6.QtCore import QEvent, QLocale, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QGraphicsItem, QWidget

from stretchguide.qt.history_data import (
    BACK_COLOUR,
    BAR_WIDTH,
    LEG_COLOUR,
    SESSION_COLOUR,
    ChartData,
    bars_in_view,
    pair_columns,
    pairs_in_view,
)
from stretchguide.qt.history_series import ChartLegend, DotsItem, LineItem, ValueAxis
from stretchguide.qt.i18n import format_date, format_decimal

SESSION_EDGE = "#2b7a52"
PAIR_COLOUR = "#888888"


class DateAxis(pg.DateAxisItem):  # type: ignore[misc]
    """pyqtgraph's date axis, without month ticks closer than a few pixels.

    With years in view every month got a tick, a label worked out, measured
    and dropped, and a UTC offset looked up: ~150 of each, twice (both
    plots), ~5-10 ms of a zoom's frame, for a comb of grey marks too dense
    to tell apart. Years alone are drawn then, as they are labelled.
    """

    MIN_MONTH_PX = 6.0

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[Any]:  # noqa: N803
        # A day's dot and bar stand at its noon (history_data.day_ts), in
        # the middle of the day; pyqtgraph ticks a day at the midnight it
        # starts, so each dot sat half a day right of its date, between two
        # labels. The ticks are worked out half a day earlier and moved half
        # a day on: a day's, month's or year's tick lands on its first day's
        # noon (exactly day_ts: both are local midnight plus 12 hours), and
        # hour ticks, labelled by the time they stand at, still say it.
        half = _HALF_DAY
        levels = super().tickValues(minVal - half, maxVal - half, size)
        return [(spacing, [v + half for v in values]) for spacing, values in levels]

    def setZoomLevelForDensity(self, density: float) -> None:
        super().setZoomLevelForDensity(density)
        level = getattr(self, "zoomLevel", None)  # set by pyqtgraph just now
        if level is _YEAR_MONTH and _MONTH_S / density < self.MIN_MONTH_PX:
            _YEARS.utcOffset = self.utcOffset
            self.zoomLevel = _YEARS

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str | None]:
        # pyqtgraph works out, measures and then drops every month's name
        # when the names would fill more than 80 % of the axis (~50 of them
        # a frame with a few years in view, ~3 ms per axis). Where even the
        # narrowest month's name for each tick fills 90 %, they are not
        # made: the axis draws exactly what it drew (the ticks, no names).
        if spacing == _MONTH_S and getattr(self, "zoomLevel", None) is _YEAR_MONTH:
            named = len(values) - len(values) // 12 - 1  # Januaries give way to years
            if named * self._narrowest_month() >= 0.9 * self.geometry().width():
                return [None] * len(values)
        spec = next((t for t in self.zoomLevel.tickSpecs if t.spacing == spacing), None)
        if spec is not None and spec.format in _NAMED_FORMATS:
            return self._named(values, spec.format)
        return super().tickStrings(values, scale, spacing)  # type: ignore[no-any-return]

    def _named(self, values: list[float], fmt: str) -> list[str | None]:
        # pyqtgraph names months and weekdays with strftime, in the C
        # library's locale (English here, whatever the app's language, or the
        # system's rather than the app's); the app's QLocale names them.
        locale = QLocale()
        short = QLocale.FormatType.ShortFormat
        out: list[str | None] = []
        for v in values:
            try:
                day = _date_axis.utcfromtimestamp(
                    _date_axis.adjustTimestampToPreferredUtcOffset(v, self.utcOffset)
                )
            except (OverflowError, ValueError, OSError):
                out.append("")
                continue
            if fmt == "%b":
                out.append(locale.standaloneMonthName(day.month, short))
            else:  # "%a %d"
                out.append(f"{locale.dayName(day.isoweekday(), short)} {day.day:02d}")
        return out

    def _narrowest_month(self) -> float:
        fm = self.fontMetrics  # set by pyqtgraph as it starts the axis' drawing
        key = (fm.height(), fm.averageCharWidth(), fm.maxWidth())
        cached = getattr(self, "_month_width", None)
        if cached is None or cached[0] != key:
            box = QRect(0, 0, 100, 100)
            locale, short = QLocale(), QLocale.FormatType.ShortFormat
            names = (locale.standaloneMonthName(m, short) for m in range(1, 13))
            centre = Qt.AlignmentFlag.AlignCenter
            width = min(fm.boundingRect(box, centre, n).width() for n in names)
            cached = self._month_width = (key, float(width))
        return cached[1]


_YEAR_MONTH = _date_axis.YEAR_MONTH_ZOOM_LEVEL
_MONTH_S = _date_axis.MONTH_SPACING
_YEARS = _date_axis.ZoomLevel([_YEAR_MONTH.tickSpecs[0]], _YEAR_MONTH.exampleText)
_NAMED_FORMATS = ("%b", "%a %d")
_HALF_DAY = 12 * 3600


class PairsItem(pg.GraphicsObject):  # type: ignore[misc]
    """Each before/after pair as a dotted upright stroke from its upper end
    to its lower, 2 pixels wide: 4 pixels on, 2 off, what the chart drew
    before (Qt's DotLine at width 2 with pyqtgraph's square caps).

    A dotted pen is stroked dash by dash: ~10 ms a frame for a chart's width
    of pairs, half of what a range change cost. A textured fill is no
    cheaper (~10 ms). Here one tall dotted strip is drawn once and each
    stroke copies a piece of it in device pixels, ~1 ms a frame.
    """

    WIDTH = 2

    def __init__(self, colour: QColor) -> None:
        super().__init__()
        self._colour = QColor(colour)
        self._strip = QPixmap()
        self.x: Any = np.empty(0)
        self.lo: Any = np.empty(0)
        self.hi: Any = np.empty(0)
        self._bounds = QRectF()

    def set_pairs(self, x: Any, lo: Any, hi: Any) -> None:
        self.prepareGeometryChange()
        self.x, self.lo, self.hi = x, lo, hi
        if len(x):
            # A day and half a point of margin: a single pair, or one with
            # no change, still covers an area, so Qt does not cull it.
            x_min, x_max = float(x.min()) - 86400, float(x.max()) + 86400
            y_min, y_max = float(lo.min()) - 0.5, float(hi.max()) + 0.5
            self._bounds = QRectF(x_min, y_min, x_max - x_min, y_max - y_min)
        else:
            self._bounds = QRectF()
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def _dotted(self, height: int) -> QPixmap:
        if self._strip.height() < height:
            side = self.WIDTH
            strip = QPixmap(side, max(1024, 1 << (height - 1).bit_length()))
            strip.fill(Qt.GlobalColor.transparent)
            sp = QPainter(strip)
            for y in range(0, strip.height(), 3 * side):
                sp.fillRect(0, y, side, 2 * side, self._colour)
            sp.end()
            self._strip = strip
        return self._strip

    def paint(self, p: QPainter, *_: Any) -> None:
        if not len(self.x):
            return
        t = p.transform()  # view -> device: a scale and a shift, no rotation
        left = np.rint(t.m11() * self.x + t.dx() - self.WIDTH / 2).astype(np.int64)
        y_lo = t.m22() * self.lo + t.dy()
        y_hi = t.m22() * self.hi + t.dy()
        top = np.rint(np.minimum(y_lo, y_hi)).astype(np.int64)
        # At least one dot: a pair with no change still shows where it was.
        height = np.maximum(np.rint(np.abs(y_lo - y_hi)).astype(np.int64) + 1, self.WIDTH)
        strip = self._dotted(int(height.max()))
        p.save()
        p.resetTransform()
        w = self.WIDTH
        for a, b, c in zip(left.tolist(), top.tolist(), height.tolist(), strict=True):
            p.drawPixmap(a, b, strip, 0, 0, w, c)
        p.restore()


def fitted(font: QFont, text: str, pixels: int, room: int) -> QFont:
    """``font`` at ``pixels`` high, or smaller if ``text`` would not fit in
    ``room`` pixels (a narrow chart image lost the dates at the end of its
    title)."""
    f = QFont(font)
    f.setPixelSize(pixels)
    while pixels > 8 and QFontMetrics(f).horizontalAdvance(text) > room:
        pixels -= 1
        f.setPixelSize(pixels)
    return f


def _legend_background(palette: QPalette) -> QColor:
    """The chart's own background (the legend has a row of its own)."""
    return palette.color(QPalette.ColorRole.Base)


class PainChart(pg.GraphicsLayoutWidget):  # type: ignore[misc]
    """The two plots and their items, made once and given new data."""

    sig_readout = Signal(str)
    """The pointer moved over the chart: the nearest day's pain, in words."""

    def __init__(self, palette: QPalette, parent: QWidget | None = None) -> None:
        # The chart takes the window's colours so it matches light and dark themes.
        fg = palette.color(QPalette.ColorRole.WindowText)
        pg.setConfigOptions(antialias=True, foreground=fg)
        super().__init__(parent)
        self.data: ChartData | None = None
        self.setBackground(palette.color(QPalette.ColorRole.Base))
        self.setAccessibleName(self.tr("Pain chart"))
        # The legend's own row, above the plots: never over the data.
        self.legend = ChartLegend(brush=_legend_background(palette), labelTextColor=fg)
        self.legend.follow_font(self.font())
        self.ci.addItem(self.legend, row=0, col=0)
        self.ci.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignHCenter)
        self.pain_plot = self.addPlot(
            row=1,
            col=0,
            axisItems={"bottom": DateAxis(orientation="bottom"), "left": ValueAxis("left")},
        )
        self.bar_plot = self.addPlot(
            row=2,
            col=0,
            axisItems={"bottom": DateAxis(orientation="bottom"), "left": ValueAxis("left")},
        )
        self.ci.layout.setRowStretchFactor(1, 4)
        self.ci.layout.setRowStretchFactor(2, 1)
        self.bar_plot.setXLink(self.pain_plot)
        self.pain_plot.setYRange(0, 10.5)
        self.pain_plot.setLimits(yMin=-0.5, yMax=10.5)
        self.pain_plot.setLabel("left", self.tr("Pain (0-10)"))
        self.bar_plot.setLabel("left", self.tr("Sessions"))
        self.bar_plot.getAxis("left").setTickSpacing(1, 1)
        self.pain_plot.showGrid(y=True, alpha=0.2)
        for plot in (self.pain_plot, self.bar_plot):
            plot.getAxis("left").geometryChanged.connect(self.share_height)
        self.scene().sigMouseMoved.connect(self._on_mouse)
        self._make_items()
        # The value axes (the pain axis draws the grid across the chart) and
        # the legend do not change when the dates in view do: kept as
        # pixmaps, a range change copies them (~0.3 ms) instead of drawing
        # the grid, ticks and labels again (~7 ms a frame).
        # An item's cache holds its own paint, not its children's: the
        # legend's samples and labels and the axes' titles are cached one by
        # one (~0.5 ms a frame of text layout and symbols).
        stills = [self.pain_plot.getAxis("left"), self.bar_plot.getAxis("left"), self.legend]
        while stills:
            still = stills.pop()
            still.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            stills.extend(still.childItems())

    def resizeEvent(self, event: Any) -> None:
        # The legend first: the layout below is sized with its new lines.
        if hasattr(self, "legend"):  # not while pyqtgraph sets the view up
            self._fit_legend(event.size().width(), event.size().height())
        super().resizeEvent(event)

    def share_height(self) -> None:
        """The sessions plot tall enough for its title at the interface
        font, up to a third of the two plots' height (the pain is what the
        chart is for); its title shrinks when that is not enough. With the
        rows' 4:1 alone, "Sessions" at twice the text size was longer than
        its plot while the pain plot had room to spare."""
        pain, bars = self.pain_plot.getAxis("left"), self.bar_plot.getAxis("left")
        both = pain.size().height() + bars.size().height()
        if both <= 0:
            return
        need = min(bars.full_title_length(), both / 3)
        if abs(bars.minimumHeight() - need) >= 1:
            bars.setMinimumHeight(need)

    # The most of the chart's height the legend takes, unless even at
    # pyqtgraph's own size it needs more: its text follows the interface's
    # size only as far as the plots keep the rest.
    LEGEND_SHARE = 0.2

    def _fit_legend(self, width: float, height: float) -> None:
        left, _top, right, _bottom = self.ci.layout.getContentsMargins()
        self.legend.fit(width - left - right, height * self.LEGEND_SHARE)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Not while pyqtgraph's __init__ sets the view up (no plots yet).
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "legend"):
            self.apply_palette(self.palette())
        if event.type() == QEvent.Type.FontChange and hasattr(self, "legend"):
            # Larger text (the system's, or Qt's): the legend with it.
            self.legend.follow_font(self.font())
            self._fit_legend(self.width(), self.height())

    def apply_palette(self, palette: QPalette) -> None:
        """The window's colours, again: the theme changed (Settings, or the
        system's light or dark), and the chart must follow at once, not
        after a restart (walk-through finding 4)."""
        fg = palette.color(QPalette.ColorRole.WindowText)
        pg.setConfigOptions(foreground=fg)  # for what pyqtgraph makes later
        self.setBackground(palette.color(QPalette.ColorRole.Base))
        for plot in (self.pain_plot, self.bar_plot):
            for side in ("left", "bottom"):
                axis = plot.getAxis(side)
                axis.setPen(fg)  # the line, ticks, grid and title
                axis.setTextPen(fg)  # the tick labels
        self.legend.setBrush(_legend_background(palette))
        self.legend.setLabelTextColor(fg)
        for _sample, label in self.legend.items:
            label.setText(label.text)  # setLabelTextColor only stores the colour

    def _make_items(self) -> None:
        # One scene item per series, whatever the length of the history: an
        # item per before/after pair made the page take half a minute at ten
        # years (pyqtgraph's per-item bookkeeping grows with the item count).
        # Each item is cut to the visible range and thinned to a few points
        # per pixel column before painting, so a redraw costs what is on
        # screen. The items are made once and given new data on refresh.
        # The pairs are cut and merged to the view here (pairs_in_view): a
        # dotted pen over thousands of overlapping segments took seconds.
        self.pairs_item = PairsItem(QColor(PAIR_COLOUR))
        self.pain_plot.addItem(self.pairs_item)
        self._pairs: tuple[Any, Any, Any] = (np.empty(0), np.empty(0), np.empty(0))
        # The dots and averages thin themselves to the view as they paint
        # (DotsItem, LineItem): nothing is re-made when the range changes.
        # The day's dots a little see-through, so the 7-day average drawn
        # over them leads; not so far that they fall under 3:1 on either
        # theme (at 0x90 they were 2.0-2.2:1).
        self.back_item = DotsItem("o", 7, BACK_COLOUR + "d0")
        self.leg_item = DotsItem("t", 8, LEG_COLOUR + "d0")
        self.mean_back_item = LineItem(pg.mkPen(BACK_COLOUR, width=3))
        self.mean_leg_item = LineItem(pg.mkPen(LEG_COLOUR, width=3))
        for item, name in (
            (self.back_item, self.tr("Back pain")),
            (self.leg_item, self.tr("Leg pain")),
            (self.mean_back_item, self.tr("Back, 7-day average")),
            (self.mean_leg_item, self.tr("Leg, 7-day average")),
        ):
            self.pain_plot.addItem(item)
            self.legend.addItem(item, name)
        # The dotted strokes (the higher of back and leg pain before and after
        # each session) said nothing of what they are: a legend entry
        # with the stroke's own pen (a sample only, never plotted). Its words
        # are short: a wider entry puts the legend on more lines, and a
        # narrow chart's plot loses their height.
        dotted = pg.mkPen(PAIR_COLOUR, width=PairsItem.WIDTH, style=Qt.PenStyle.DotLine)
        self._pair_sample = pg.PlotDataItem(pen=dotted)
        self.legend.addItem(self._pair_sample, self.tr("Session: before → after"))
        self._fit_legend(self.width(), self.height())
        self.bars_item = pg.BarGraphItem(
            x=[], height=[], width=BAR_WIDTH, brush=SESSION_COLOUR, pen=pg.mkPen(SESSION_EDGE)
        )
        self.bar_plot.addItem(self.bars_item)
        self._bars: tuple[Any, Any] = (np.empty(0), np.empty(0))
        self._shown: tuple[float, float, int] | None = None
        self.pain_plot.sigXRangeChanged.connect(self._update_in_view)
        self.pain_plot.vb.sigResized.connect(self._update_in_view)
        for vb in (self.pain_plot.vb, self.bar_plot.vb):
            vb.sigRangeChanged.connect(self._place_now)

    def _place_now(self, *_: Any) -> None:
        # pyqtgraph moves the plotted items to a new range only when the
        # paint starts; moving them marks the scene dirty again, so every
        # range change painted the chart twice. Moved here, before the
        # paint, the two updates are one.
        self.pain_plot.vb.updateMatrix()
        self.bar_plot.vb.updateMatrix()

    def _draw(self, d: ChartData) -> None:
        self._pairs = pair_columns(d.pairs)
        self.back_item.set_data(d.back_x, d.back_y)
        self.leg_item.set_data(d.leg_x, d.leg_y)
        self.mean_back_item.set_data(d.mean_x, d.mean_back)
        self.mean_leg_item.set_data(d.mean_x, d.mean_leg)
        self._bars = (np.asarray(d.bar_x, dtype=float), np.asarray(d.bar_h, dtype=float))
        self._shown = None
        self._update_in_view()

    def _update_in_view(self, *_: Any) -> None:
        """Pairs and session bars in view, at most one of each per pixel
        column: where many days share a column, the tallest bar and the
        widest pair stand for them all (what painting every one would have
        shown), so a redraw costs the width of the chart, not the length
        of the history."""
        (x0, x1), _y = self.pain_plot.viewRange()
        px = max(1, int(self.pain_plot.vb.width()))
        if self._shown == (x0, x1, px):
            return
        self._shown = (x0, x1, px)
        self.pairs_item.set_pairs(*pairs_in_view(*self._pairs, x0, x1, px))
        x, h = bars_in_view(*self._bars, x0, x1, px)
        width = max(BAR_WIDTH, (x1 - x0) / px) if len(x) else BAR_WIDTH
        self.bars_item.setOpts(x=x, height=h, width=width)

    def set_data(self, d: ChartData) -> None:
        self.data = d
        self._draw(d)

    def show_range(self, start: float, end: float) -> None:
        self.pain_plot.setXRange(start, end, padding=0.01)

    def visible_range(self) -> tuple[float, float]:
        (x0, x1), _ = self.pain_plot.viewRange()
        return x0, x1

    def _on_mouse(self, pos: Any) -> None:
        d = self.data
        if d is None or d.empty or not self.pain_plot.sceneBoundingRect().contains(pos):
            return
        x = self.pain_plot.vb.mapSceneToView(pos).x()
        self.sig_readout.emit(self.readout_at(x))

    def readout_at(self, x: float) -> str:
        """The nearest day's average pain to time ``x``, in words."""
        d = self.data
        if d is None or not d.back_x:
            return ""
        # back_x is sorted: the nearest day is one of the two around x, so a
        # pointer move costs the same with thirty years as with one week.
        j = bisect.bisect_left(d.back_x, x)
        i = min(
            (k for k in (j - 1, j) if 0 <= k < len(d.back_x)), key=lambda k: abs(d.back_x[k] - x)
        )
        when = format_date(datetime.fromtimestamp(d.back_x[i]))
        return str(
            self.tr("%1: back %2, leg %3 (day's average)")
            .replace("%1", when)
            .replace("%2", format_decimal(d.back_y[i]))
            .replace("%3", format_decimal(d.leg_y[i]))
        )

    def image(self, title: str, width: int = 1200) -> QImage:
        """The chart as shown, under a band with ``title`` in it."""
        from pyqtgraph.exporters import ImageExporter

        exporter = ImageExporter(self.scene())
        exporter.parameters()["width"] = width
        plot = exporter.export(toBytes=True)
        band = max(40, plot.height() // 12)
        image = QImage(plot.width(), plot.height() + band, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        p = QPainter(image)
        f = QFont(self.font())
        f.setBold(True)
        p.setFont(fitted(f, title, int(band * 0.45), plot.width() - 24))
        p.setPen(QColor("black"))
        p.drawText(
            QRectF(12, 0, plot.width() - 24, band),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            title,
        )
        p.drawImage(0, band, plot)
        p.end()
        return image
