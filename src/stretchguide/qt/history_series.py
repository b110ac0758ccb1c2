"""The History chart's dots and 7-day averages: scene items that cut and
thin themselves to the view as they paint, so a range change or a zoom
re-makes nothing and costs what is on screen (docs/PERFORMANCE.md,
History page, fourth pass); and the legend that names them, in a row of
its own; and the value axis whose title fits its plot. Split from
history_chart, which lays out the plots; like it,
imported only when the History page is first opened.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontInfo, QFontMetrics, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from stretchguide.qt.history_data import line_band, peak_columns


class _SeriesItem(pg.GraphicsObject):  # type: ignore[misc]
    """One series (sorted x, y) that cuts and thins itself to the view as it
    paints, in device pixels: nothing is re-made when the range changes.

    pyqtgraph's PlotDataItem re-made its thinned copy (a ScatterPlotItem's
    spot table, ~2 ms a series with years in view) on every range change,
    before the paint; here the cut is two binary searches and the thinning
    one ``reduceat`` (~0.1 ms). ``opts`` is what the legend's sample reads.
    """

    def __init__(self, opts: dict[str, Any]) -> None:
        super().__init__()
        self.opts = {"antialias": True, "pen": None, "symbol": None, **opts}
        self.x: Any = np.empty(0)
        self.y: Any = np.empty(0)
        self._bounds = QRectF()
        self._finite: tuple[Any, Any] = (np.empty(0), np.empty(0))

    def set_data(self, x: Any, y: Any) -> None:
        self.prepareGeometryChange()
        self.x = np.asarray(x, dtype=float)
        self.y = np.asarray(y, dtype=float)
        ok = np.isfinite(self.y)
        fx, fy = self.x[ok], self.y[ok]
        self._finite = (fx, fy)
        if len(fx):
            # A day and half a point of margin, so a single point still
            # covers an area and Qt does not cull it.
            x0, x1 = float(fx[0]) - 86400, float(fx[-1]) + 86400
            y0, y1 = float(fy.min()) - 0.5, float(fy.max()) + 0.5
            self._bounds = QRectF(x0, y0, x1 - x0, y1 - y0)
        else:
            self._bounds = QRectF()
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def dataBounds(
        self,
        ax: int,
        frac: float = 1.0,
        orthoRange: Any = None,  # noqa: N803 (pyqtgraph)
    ) -> tuple[float | None, float | None]:
        fx, fy = self._finite
        if not len(fx):
            return None, None
        v = fx if ax == 0 else fy
        return float(v.min()), float(v.max())

    def _scale(self) -> float:
        """Device pixels per screen pixel: more than 1 when the chart is
        saved as a larger image, where the dots and the thinning keep their
        on-screen sizes, as pyqtgraph's items did."""
        export = self._exportOpts
        return float(export.get("resolutionScale", 1.0)) if export else 1.0

    def _in_view(self, p: QPainter) -> tuple[Any, Any, float] | None:
        """The points in view, one beyond each edge, in device pixels, and
        how many screen pixel columns the view is wide."""
        vb = self.getViewBox()
        if vb is None or not len(self.x):
            return None
        (x0, x1), _ = vb.viewRange()
        a, b = np.searchsorted(self.x, [x0, x1])
        a, b = max(0, int(a) - 1), min(len(self.x), int(b) + 1)
        if a >= b:
            return None
        t = p.transform()  # view -> device: a scale and a shift, no rotation
        xd = t.m11() * self.x[a:b] + t.dx()
        yd = t.m22() * self.y[a:b] + t.dy()
        return xd, yd, abs(t.m11()) * (x1 - x0) / self._scale()


class DotsItem(_SeriesItem):
    """A day's pain as a symbol, drawn from one pre-rendered image.

    With more days than pixel columns in view, each column keeps its lowest
    and highest day ("peak" thinning: a bad day still shows), as
    pyqtgraph's own downsampling did for the dots before.
    """

    def __init__(self, symbol: str, size: float, brush: Any) -> None:
        super().__init__({"symbol": symbol, "size": size, "brush": brush})
        self._sprite: tuple[tuple[float, float], QPixmap] | None = None
        self._frags = pg.Qt.internals.PrimitiveArray(QPainter.PixmapFragment, 10)
        self.drawn = 0  # symbols drawn by the last paint (tests read it)

    def _sprite_for(self, scale: float, dpr: float) -> QPixmap:
        if self._sprite is None or self._sprite[0] != (scale, dpr):
            image = pg.graphicsItems.ScatterPlotItem.renderSymbol(
                self.opts["symbol"], self.opts["size"] * scale, pg.mkPen(None),
                pg.mkBrush(self.opts["brush"]), dpr=dpr,
            )  # fmt: skip
            self._sprite = ((scale, dpr), QPixmap.fromImage(image))
        return self._sprite[1]

    def paint(self, p: QPainter, _option: Any = None, widget: QWidget | None = None) -> None:
        got = self._in_view(p)
        if got is None:
            return
        xd, yd, columns = got
        ok = np.isfinite(yd)
        xd, yd = xd[ok], yd[ok]
        if len(xd) > columns:
            xd, yd = peak_columns(xd, yd, self._scale())
        self.drawn = len(xd)
        # Rendered for the screen's pixels, as pyqtgraph's symbol atlas is.
        dpr = widget.devicePixelRatioF() if widget is not None else 1.0
        sprite = self._sprite_for(self._scale(), dpr)
        self._frags.resize(len(xd))
        frags = self._frags.ndarray()
        frags[:, 0] = xd
        frags[:, 1] = yd
        frags[:, 2:6] = [0, 0, sprite.width(), sprite.height()]
        frags[:, 6:10] = [1 / dpr, 1 / dpr, 0, 1]
        p.save()
        p.resetTransform()
        # PySide takes (first fragment, count, pixmap); its stubs know one form.
        p.drawPixmapFragments(*self._frags.drawargs(), sprite)  # type: ignore[call-arg]
        p.restore()


class LineItem(_SeriesItem):
    """A 7-day average as a wide antialiased line, NaN breaking it.

    With fewer points than pixel columns it is drawn segment by segment (a
    wide antialiased polyline is stroked as one outline, ~35 ms a frame).
    With more, it was thinned to each column's lowest and highest point and
    drawn as a zigzag, which fills each column from top to bottom and runs
    on into the next: that band is drawn as one rectangle per column, as
    wide as the pen and a pen's width taller, covering what the zigzag
    covered (~0.5 ms where the zigzag's segments cost 4-5 ms a frame).
    """

    def __init__(self, pen: Any) -> None:
        super().__init__({"pen": pen})
        self._lines = pg.Qt.internals.PrimitiveArray(QLineF, 4)
        self.banded = False  # how it was last drawn (tests read it)
        self._rects = pg.Qt.internals.PrimitiveArray(QRectF, 4)

    def paint(self, p: QPainter, *_: Any) -> None:
        got = self._in_view(p)
        if got is None:
            return
        xd, yd, columns = got
        pen = self.opts["pen"]
        ok = np.isfinite(yd)
        p.save()
        p.resetTransform()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.banded = len(xd) > columns
        if not self.banded:
            i = np.flatnonzero(ok[:-1] & ok[1:])  # segments between values
            self._draw_lines(p, pen, xd[i], yd[i], xd[i + 1], yd[i + 1])
        else:
            rects, joins = line_band(xd, yd, self._scale(), pen.widthF() / 2)
            self._draw_lines(p, pen, *joins)
            if len(rects):
                self._rects.resize(len(rects))
                self._rects.ndarray()[:] = rects
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(pen.color())
                p.drawRects(*self._rects.drawargs())
        p.restore()

    def _draw_lines(self, p: QPainter, pen: Any, x0: Any, y0: Any, x1: Any, y1: Any) -> None:
        if not len(x0):
            return
        self._lines.resize(len(x0))
        seg = self._lines.ndarray()
        seg[:, 0], seg[:, 1], seg[:, 2], seg[:, 3] = x0, y0, x1, y1
        p.setPen(pen)
        p.drawLines(*self._lines.drawargs())


class LegendSample(pg.ItemSample):  # type: ignore[misc]
    """pyqtgraph's legend sample (a 20 px square: a stretch of line, a
    symbol) drawn ``ratio`` times as large, its line that much thicker, so
    it keeps its size beside text set larger (ChartLegend.follow_font)."""

    def __init__(self, item: Any) -> None:
        super().__init__(item)
        self.ratio = 1.0

    def set_ratio(self, ratio: float) -> None:
        self.prepareGeometryChange()
        self.ratio = ratio
        self.setFixedWidth(20 * ratio)
        self.setFixedHeight(20 * ratio)
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, 20 * self.ratio, 20 * self.ratio)

    def paint(self, p: QPainter, *args: Any) -> None:
        r = self.ratio
        if not self.item.isVisible():  # clicked off: pyqtgraph's closed eye, scaled
            p.scale(r, r)
            super().paint(p, *args)
            return
        opts = self.item.opts
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if opts.get("pen") is not None:
            # pyqtgraph's pens are cosmetic (their width in pixels, whatever
            # the painter's scale): widened here by hand.
            pen = QPen(pg.mkPen(opts["pen"]))
            pen.setWidthF(max(1.0, pen.widthF()) * r)
            p.setPen(pen)
            p.drawLine(QPointF(0, 11 * r), QPointF(20 * r, 11 * r))
        symbol = opts.get("symbol")
        if symbol is not None:
            p.translate(10 * r, 10 * r)
            pg.graphicsItems.ScatterPlotItem.drawSymbol(
                p, symbol, opts["size"] * r, pg.mkPen(None), pg.mkBrush(opts["brush"])
            )


class ChartLegend(pg.LegendItem):  # type: ignore[misc]
    """The legend as a row of the chart's layout above the pain plot, never
    over it: inside the plot's top corner it hid the first days' dots,
    averages and session strokes, under "All" most of all.

    Its five entries take as few lines as the chart's width allows, in an
    order that reads: one line; or two, back above leg with the dots, the
    averages and the session strokes each in a column; or three, back
    beside leg; or four, the dots side by side over the rest; or one
    entry a line.

    Its text, samples and spacing follow the interface's text size
    (``follow_font``), as the axes' titles and numbers do: pyqtgraph keeps
    a legend at 9 pt, a third the size of twice-as-large axis numbers.
    """

    # Where each entry goes, (line, column), in the order they are added:
    # back pain, leg pain, back average, leg average, session strokes.
    GRIDS = (
        ((0, 0), (0, 1), (0, 2), (0, 3), (0, 4)),
        ((0, 0), (1, 0), (0, 1), (1, 1), (0, 2)),
        ((0, 0), (0, 1), (1, 0), (1, 1), (2, 0)),
        ((0, 0), (0, 1), (1, 0), (2, 0), (3, 0)),
        ((0, 0), (1, 0), (2, 0), (3, 0), (4, 0)),
    )
    GAP = 6  # between one entry's label and the next entry's sample (beside its margins)
    DESIGN_PX = 12  # the text height (9 pt at 96 dpi) the sizes below are for
    SPACING = 2  # between a sample and its label
    LINE_SPACING = -4  # lines 4 px closer than the samples' 20 px boxes
    MARGIN = 2

    def __init__(self, **kwargs: Any) -> None:
        # Lines closer than the samples' boxes: the symbols and the text
        # fill less than that, and a narrow chart keeps the height.
        super().__init__(
            offset=None,
            horSpacing=self.SPACING,
            verSpacing=self.LINE_SPACING,
            sampleType=LegendSample,
            **kwargs,
        )
        # pyqtgraph's legend keeps its size whatever the view's scale, for a
        # plot that zooms. In a row of the chart it must scale with the
        # rest, or the saved PNG (the scene drawn 1200 px wide) shows it
        # small over an empty band.
        self.setFlag(self.GraphicsItemFlag.ItemIgnoresTransformations, False)
        self.grid = -1  # which of GRIDS is laid out
        self.ratio = 1.0  # the size laid out, over DESIGN_PX
        self.full_ratio = 1.0  # the interface's (follow_font)
        self.font_pt = 9.0
        self.layout.setContentsMargins(*(self.MARGIN,) * 4)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def addItem(self, item: Any, name: str) -> None:
        super().addItem(item, name)
        self.items[-1][0].set_ratio(self.ratio)

    def follow_font(self, font: QFont) -> None:
        """Take ``font``'s size (the interface's) as the largest for the
        text, the samples and the spacing in proportion (``fit`` chooses)."""
        self.font_pt = font.pointSizeF()
        self.full_ratio = max(1.0, QFontInfo(font).pixelSize() / self.DESIGN_PX)
        self._set_ratio(self.full_ratio)

    def _set_ratio(self, ratio: float) -> None:
        text = (
            f"{self.font_pt * ratio / self.full_ratio:.2f}pt"
            if self.font_pt > 0
            else f"{round(self.DESIGN_PX * ratio)}px"
        )
        if ratio == self.ratio and text == self.opts["labelTextSize"]:
            return
        self.ratio = ratio
        self.setLabelTextSize(text)
        for sample, label in self.items:
            sample.set_ratio(ratio)
            label.setText(label.text)  # setLabelTextSize only stores the size
        self.layout.setHorizontalSpacing(self.SPACING * ratio)
        self.layout.setVerticalSpacing(self.LINE_SPACING * ratio)
        self.layout.setContentsMargins(*(self.MARGIN * ratio,) * 4)
        self.grid = -1  # laid out again

    def _addItemToLayout(self, sample: Any, label: Any) -> None:
        # Laid out by fit(), all at once, when the chart knows its width.
        pass

    def width_of(self, grid: int) -> float:
        """How wide the legend is laid out as GRIDS[grid]."""
        columns: dict[int, float] = {}
        for (_row, col), (sample, label) in zip(self.GRIDS[grid], self.items, strict=False):
            wide = sample.preferredWidth() + self.layout.horizontalSpacing()
            wide += label.preferredWidth()
            columns[col] = max(columns.get(col, 0.0), wide)
        left, _top, right, _bottom = self.layout.getContentsMargins()
        gaps = self.GAP * self.ratio * (len(columns) - 1)
        return float(sum(columns.values()) + gaps + left + right)

    def height_of(self, grid: int) -> float:
        """How tall the legend is laid out as GRIDS[grid]."""
        lines: dict[int, float] = {}
        for (row, _col), (sample, label) in zip(self.GRIDS[grid], self.items, strict=False):
            tall = max(sample.preferredHeight(), label.preferredHeight())
            lines[row] = max(lines.get(row, 0.0), tall)
        _left, top, _right, bottom = self.layout.getContentsMargins()
        spacing = self.layout.verticalSpacing() * (len(lines) - 1)
        return float(sum(lines.values()) + spacing + top + bottom)

    def best_ratio(self, room: float, cap: float) -> float:
        """The largest size, from the interface's down to pyqtgraph's own
        (1), at which some grid is narrower than ``room`` and no taller
        than ``cap``. Sizes are estimated from the present one: text,
        samples and spacing all grow in proportion."""
        grids = range(len(self.GRIDS))
        wide = [self.width_of(g) for g in grids]
        tall = [self.height_of(g) for g in grids]
        ratio = self.full_ratio
        while ratio > 1.0:
            k = ratio / self.ratio
            grid = next((g for g in grids if wide[g] * k < room), None)
            if grid is not None and tall[grid] * k <= cap:
                return ratio
            ratio = max(1.0, round(ratio - 0.1, 2))
        return 1.0

    def fit(self, room: float, cap: float = float("inf")) -> None:
        """Lay the entries out in the fewest lines ``room`` pixels allow,
        at the largest size (up to the interface's) that keeps the legend
        within ``cap`` pixels of height: at twice the text size in a short
        chart, five lines took the pain plot's height down to 30 px."""
        self._set_ratio(self.best_ratio(room, cap))
        grids = range(len(self.GRIDS))
        grid = next((g for g in grids if self.width_of(g) < room), len(self.GRIDS) - 1)
        if grid == self.grid:
            return
        self.grid = grid
        for i in range(self.layout.count() - 1, -1, -1):
            self.layout.removeAt(i)
        centre = Qt.AlignmentFlag.AlignVCenter
        spacing = self.layout.horizontalSpacing()
        for (row, col), (sample, label) in zip(self.GRIDS[grid], self.items, strict=False):
            self.layout.addItem(sample, row, 2 * col, alignment=centre)
            self.layout.addItem(label, row, 2 * col + 1, alignment=centre)
        for col in range(2 * len(self.items)):
            self.layout.setColumnSpacing(col, self.GAP * self.ratio if col % 2 else spacing)
        self.layout.invalidate()
        self.updateGeometry()

    # pyqtgraph lets a legend be dragged (it asks for drags as the pointer
    # passes over it); this one belongs to its row.
    def mouseDragEvent(self, ev: Any) -> None:
        ev.ignore()

    def hoverEvent(self, ev: Any) -> None:
        pass


class ValueAxis(pg.AxisItem):  # type: ignore[misc]
    """A value axis whose title ("Pain (0-10)", "Sessions") never runs past
    its own plot's height: at twice the text size and a 570 px page the
    pain title ran down into the sessions title. The title keeps the
    interface font while it fits, and gets smaller only as far as it must.
    """

    FLOOR_PX = 8

    def resizeEvent(self, ev: Any = None) -> None:  # noqa: N802 - pyqtgraph override
        if self.label is not None:
            self.fit_title()
        super().resizeEvent(ev)

    def fit_title(self) -> None:
        label = self.label
        text = label.toPlainText()
        room = self.size().height() - self._title_margin()
        font = QFont(self.font())  # the scene's (the window's) font
        px = QFontInfo(font).pixelSize()
        while px > self.FLOOR_PX and QFontMetrics(font).horizontalAdvance(text) > room:
            px -= 1
            font.setPixelSize(px)
        if label.font() != font:
            label.setFont(font)
            self._updateWidth()  # the axis is as wide as its title is high

    def _title_margin(self) -> float:
        return 2 * float(self.label.document().documentMargin()) + 2

    def full_title_length(self) -> float:
        """The height the title needs at the interface font."""
        text = self.label.toPlainText()
        return QFontMetrics(self.font()).horizontalAdvance(text) + self._title_margin()

    def title_length(self) -> float:
        """How far the upright title reaches along the axis now."""
        return float(self.label.boundingRect().width())
