"""The pain diary: trends chart, verdict banner, streak strip, helps/hurts
table, and exports (PNG, CSV, PDF report for a clinician).

pyqtgraph is imported here only, and this module is imported only when the
History page is first opened, so the main window paints without it. All
the numbers come from core/trends.py via the History store; this module
draws them.
"""

from __future__ import annotations

import bisect
import html
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems import DateAxisItem as _date_axis  # noqa: N813
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QGraphicsItem,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stretchguide.core.catalog import Exercise
from stretchguide.core.safety import verdict_advice, verdict_headline
from stretchguide.core.trends import (
    HABIT_DAYS,
    ExerciseLink,
    Response,
    TrendData,
    VerdictKind,
    by_concern,
)
from stretchguide.store.history import History

BACK_COLOUR = "#2f7dd1"
LEG_COLOUR = "#d9822b"
SESSION_COLOUR = "#3a9d6a"
SESSION_EDGE = "#2b7a52"
BAR_WIDTH = 86400 * 0.7
RANGES = (("2 weeks", 14), ("3 months", 91), ("1 year", 365), ("All", 0))

_Index = QModelIndex | QPersistentModelIndex


def record_day(ts: int, utc_offset: int | None) -> date:
    """The person's calendar day of a record (its own UTC offset when stored)."""
    if utc_offset is None:
        return datetime.fromtimestamp(ts).date()
    return date(1970, 1, 1) + timedelta(days=(int(ts) + int(utc_offset)) // 86400)


def day_ts(d: date) -> float:
    """Local noon of a day: a stable x position for daily points."""
    return datetime.combine(d, datetime.min.time()).timestamp() + 12 * 3600


@dataclass
class ChartData:
    """Everything the chart draws, as plain arrays (tested without a plot)."""

    back_x: list[float]
    back_y: list[float]
    leg_x: list[float]
    leg_y: list[float]
    mean_x: list[float]
    mean_back: list[float]
    mean_leg: list[float]
    pairs: list[tuple[float, int, int]]  # (x, worst before, worst after)
    bar_x: list[float]
    bar_h: list[int]

    @property
    def empty(self) -> bool:
        return not (self.back_x or self.bar_x)


def day_of(day_no: int) -> date:
    """A store day number (days since 1970-01-01 on the person's clock) as a date."""
    return date(1970, 1, 1) + timedelta(days=int(day_no))


def bars_in_view(x: Any, h: Any, x0: float, x1: float, columns: int) -> tuple[Any, Any]:
    """Bars (sorted x, heights) between x0 and x1, merged to the tallest
    per column when there are more bars than ``columns``."""
    lo, hi = np.searchsorted(x, [x0 - BAR_WIDTH, x1 + BAR_WIDTH])
    x, h = x[lo:hi], h[lo:hi]
    if len(x) <= columns:
        return x, h
    step = (x1 - x0) / columns
    col = np.floor((x - x0) / step).astype(np.int64)
    starts = np.flatnonzero(np.r_[True, col[1:] != col[:-1]])
    return x0 + (col[starts] + 0.5) * step, np.maximum.reduceat(h, starts)


def pair_columns(pairs: Sequence[tuple[float, int, int]]) -> tuple[Any, Any, Any]:
    """The before/after pairs as sorted columns: x, lower end, upper end."""
    arr = np.asarray(pairs, dtype=float).reshape(-1, 3)
    arr = arr[np.argsort(arr[:, 0], kind="stable")]
    return arr[:, 0], np.minimum(arr[:, 1], arr[:, 2]), np.maximum(arr[:, 1], arr[:, 2])


def pairs_in_view(
    x: Any, lo: Any, hi: Any, x0: float, x1: float, columns: int
) -> tuple[Any, Any, Any]:
    """The pairs between x0 and x1 (x, lower end, upper end). Where more
    pairs than ``columns`` share the view, each column gets one pair from
    its lowest to its highest end: what the pairs drawn one over another
    fill anyway, at the cost of the chart's width."""
    a, b = np.searchsorted(x, [x0, x1])
    a, b = max(0, a - 1), min(len(x), b + 1)  # one beyond each edge, so lines run off it
    x, lo, hi = x[a:b], lo[a:b], hi[a:b]
    if len(x) > columns:
        step = (x1 - x0) / columns
        col = np.floor((x - x0) / step).astype(np.int64)
        starts = np.flatnonzero(np.r_[True, col[1:] != col[:-1]])
        x = x0 + (col[starts] + 0.5) * step
        lo, hi = np.minimum.reduceat(lo, starts), np.maximum.reduceat(hi, starts)
    return x, lo, hi


class DateAxis(pg.DateAxisItem):  # type: ignore[misc]
    """pyqtgraph's date axis, without month ticks closer than a few pixels.

    With years in view every month got a tick, a label worked out, measured
    and dropped, and a UTC offset looked up: ~150 of each, twice (both
    plots), ~5-10 ms of a zoom's frame, for a comb of grey marks too dense
    to tell apart. Years alone are drawn then, as they are labelled.
    """

    MIN_MONTH_PX = 6.0

    def setZoomLevelForDensity(self, density: float) -> None:
        super().setZoomLevelForDensity(density)
        if self.zoomLevel is _YEAR_MONTH and _MONTH_S / density < self.MIN_MONTH_PX:
            _YEARS.utcOffset = self.utcOffset
            self.zoomLevel = _YEARS


_YEAR_MONTH = _date_axis.YEAR_MONTH_ZOOM_LEVEL
_MONTH_S = _date_axis.MONTH_SPACING
_YEARS = _date_axis.ZoomLevel([_YEAR_MONTH.tickSpecs[0]], _YEAR_MONTH.exampleText)


class PairsItem(pg.GraphicsObject):  # type: ignore[misc]
    """Each before/after pair as a dotted upright stroke from its upper end
    to its lower, 2 pixels wide with 2-pixel dots 6 pixels apart (Qt's
    DotLine at width 2, what the chart drew before).

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
                sp.fillRect(0, y, side, side, self._colour)
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


def day_noons(days: Sequence[int]) -> list[float]:
    """:func:`day_ts` of sorted day numbers, without a calendar sum per day.

    The clock's UTC offset changes a few times a year at most, so it is read
    every seventh day; between two readings a week apart that agree, every
    day has it too, and only around a change (or across a gap in the
    history) is each day worked out on its own.
    """
    n = len(days)
    if n == 0:
        return []
    arr = np.asarray(days, dtype=np.int64)
    shift = np.full(n, np.nan)  # day_ts - day * 86400, per day

    def exact(i: int) -> float:
        d = int(arr[i])
        shift[i] = day_ts(day_of(d)) - d * 86400.0
        return float(shift[i])

    marks = sorted({*range(0, n, 7), n - 1})
    for i, j in zip(marks, marks[1:], strict=False):
        a = shift[i] if not np.isnan(shift[i]) else exact(i)
        b = exact(j)
        if a == b and arr[j] - arr[i] <= 7:
            shift[i:j] = a
        else:
            for k in range(i + 1, j):
                exact(k)
    if np.isnan(shift[0]):
        exact(0)
    return (arr * 86400.0 + shift).tolist()  # type: ignore[no-any-return]


def chart_data(trend: TrendData) -> ChartData:
    """The chart's arrays from the store's column-oriented trend data: one
    point per day (the day's mean), the 7-day means, a before/after pair per
    session and the sessions per day."""
    daily, rolling, changes, per_day = trend.daily, trend.rolling, trend.changes, trend.sessions
    # The three series share most of their days: each day's x is worked out
    # once, then looked up by array (a Python loop per day cost ~40 ms at
    # thirty years).
    rolling_days = np.arange(rolling.first_day, rolling.first_day + len(rolling.back))
    # Sorted and deduplicated by hand: np.union1d imports numpy.ma on first
    # use, ~40 ms on the click that opens the page.
    days = np.sort(np.concatenate([np.asarray(daily.day, dtype=np.int64), rolling_days,
                                   np.asarray(per_day.day, dtype=np.int64)]))  # fmt: skip
    days = days[np.r_[True, days[1:] != days[:-1]]] if len(days) else days
    noons = np.asarray(day_noons(days.tolist()), dtype=float)

    def noon(ds: Sequence[int] | range) -> list[float]:
        if not len(ds):
            return []
        return noons[np.searchsorted(days, np.asarray(ds, dtype=np.int64))].tolist()  # type: ignore[no-any-return]

    day_x = noon(daily.day)
    worst_before = (
        np.maximum(changes.back_before, changes.leg_before).tolist() if changes.started_at else []
    )
    worst_after = (
        np.maximum(changes.back_after, changes.leg_after).tolist() if changes.started_at else []
    )
    return ChartData(
        back_x=day_x,
        back_y=[float(v) for v in daily.back],
        leg_x=list(day_x),
        leg_y=[float(v) for v in daily.leg],
        mean_x=noon(rolling_days),
        mean_back=list(rolling.back),
        mean_leg=list(rolling.leg),
        pairs=list(zip(map(float, changes.started_at), worst_before, worst_after, strict=True)),
        bar_x=noon(per_day.day),
        bar_h=(np.add(per_day.done, per_day.stopped).tolist() if per_day.day else []),
    )


class HelpsHurtsModel(QAbstractTableModel):
    """Per exercise: what the person said about it, how often they pressed
    "this hurts", and what their next check-in did, with the exercises that
    seem to hurt on top (core.trends.by_concern)."""

    HEADERS = (
        "Exercise",
        "Tends to",
        "You said\nbetter · same · worse",
        '"This\nhurts"',
        "Next check-in\nbetter · same · worse",
    )
    TIPS = (
        "",
        "Hurt: your worse answers and \u201cthis hurts\u201d presses outnumber your "
        "better answers. Help: your better answers outnumber them.",
        "Your own answers after each session: better, the same, or worse.",
        "How many times you pressed \u201cthis hurts\u201d during this exercise.",
        "How the next check-in compared with the one before, after sessions that "
        "included this exercise. Shared by every exercise in the routine: it shows "
        "what came after, not what caused it.",
    )

    def __init__(self, exercises: Mapping[str, Exercise], parent: Any = None) -> None:
        super().__init__(parent)
        self._names = {k: e.name for k, e in exercises.items()}
        self._rows: list[ExerciseLink] = []

    def set_links(self, links: Sequence[ExerciseLink]) -> None:
        self.beginResetModel()
        self._rows = by_concern(links)
        self.endResetModel()

    def link(self, row: int) -> ExerciseLink:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole and self.TIPS[section]:
            return self.tr(self.TIPS[section])
        return None

    def lean_text(self, r: ExerciseLink) -> str:
        # Words and a symbol, so the meaning never rests on colour alone.
        if r.lean is Response.WORSE:
            return self.tr("\u26a0 hurt")
        if r.lean is Response.BETTER:
            return self.tr("\u2713 help")
        return self.tr("unclear") if r.answers or r.hurts else "\u2013"

    def spoken(self, r: ExerciseLink, col: int) -> str:
        """A cell as a sentence, for screen readers and tooltips."""
        name = self._names.get(r.exercise_id, r.exercise_id)
        if col == 0:
            return name
        if col == 1:
            if r.lean is Response.WORSE:
                return self.tr("%1 tends to hurt").replace("%1", name)
            if r.lean is Response.BETTER:
                return self.tr("%1 tends to help").replace("%1", name)
            return self.tr("No clear lean for %1").replace("%1", name)
        if col == 2:
            return (
                self.tr("You said better %1, the same %2, worse %3 times")
                .replace("%1", str(r.felt_better))
                .replace("%2", str(r.felt_same))
                .replace("%3", str(r.felt_worse))
            )
        if col == 3:
            return self.tr("\u201cThis hurts\u201d pressed %1 times").replace("%1", str(r.hurts))
        return (
            self.tr("Next check-in better %1, the same %2, worse %3 times")
            .replace("%1", str(r.better))
            .replace("%2", str(r.same))
            .replace("%3", str(r.worse))
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self._names.get(r.exercise_id, r.exercise_id),
                self.lean_text(r),
                f"{r.felt_better} · {r.felt_same} · {r.felt_worse}",
                str(r.hurts),
                f"{r.better} · {r.same} · {r.worse}",
            )[col]
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self.spoken(r, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 1:
            return int(Qt.AlignmentFlag.AlignCenter)
        dark = _is_dark()
        if role == Qt.ItemDataRole.ForegroundRole and col in (0, 1):
            if r.lean is Response.WORSE:
                return QColor("#ff8a80" if dark else "#a8322d")
            if r.lean is Response.BETTER:
                return QColor("#7fd1a0" if dark else "#2e7d4f")
        if role == Qt.ItemDataRole.BackgroundRole and r.lean is Response.WORSE:
            # A tint, not a fill: the text keeps the theme's contrast.
            return QColor(230, 70, 60, 60 if dark else 38)
        if role == Qt.ItemDataRole.FontRole and col in (0, 1) and r.lean is Response.WORSE:
            bold = QFont()
            bold.setBold(True)
            return bold
        return None


def _is_dark() -> bool:
    base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
    return base.lightness() < 128


class StreakStrip(QWidget):
    """The last 21 days as squares: filled when a session was done."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[tuple[date, bool]] = []
        self.planned: set[date] | None = None  # None: no plan, every day counts
        self.setMinimumHeight(40)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Last 21 days"))

    def set_days(self, done: set[date], today: date, planned: set[date] | None = None) -> None:
        self.planned = planned
        self.days = [
            (today - timedelta(days=n), (today - timedelta(days=n)) in done)
            for n in range(HABIT_DAYS - 1, -1, -1)
        ]
        count = sum(1 for _, d in self.days if d)
        self.setAccessibleDescription(
            self.tr("%1 of the last 21 days had a session").replace("%1", str(count))
        )
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(21 * 30, 44)

    def paintEvent(self, event: object) -> None:
        del event
        if not self.days:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        n = len(self.days)
        gap = 4.0
        side = min(self.height() - 14.0, (self.width() - gap * (n - 1)) / n)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        small = QFont(self.font())
        small.setPixelSize(max(8, int(side * 0.35)))
        p.setFont(small)
        for i, (d, done) in enumerate(self.days):
            r = QRectF(i * (side + gap), 0, side, side)
            if done:
                p.setBrush(QColor(SESSION_COLOUR))
                p.setPen(Qt.PenStyle.NoPen)
            else:
                empty = QColor(text)
                empty.setAlphaF(0.08)
                p.setBrush(empty)
                edge = QColor(text)
                free = self.planned is not None and d not in self.planned
                # A planned day shows a firm outline; a day the plan leaves free, a faint one.
                edge.setAlphaF(0.12 if free else 0.6)
                p.setPen(QPen(edge, 1.0 if free else 2.0))
            p.drawRoundedRect(r, 4, 4)
            p.setPen(QColor("white") if done else text)
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, str(d.day))
        p.end()


class HistoryView(QWidget):
    sig_exported = Signal(str)
    """A file was written (its path)."""

    def __init__(
        self,
        history: History,
        exercises: Mapping[str, Exercise],
        parent: QWidget | None = None,
        wall: Any = time.time,
    ) -> None:
        super().__init__(parent)
        self.history = history
        self.exercises = exercises
        self.wall = wall
        self.range_days = 91
        self.data: ChartData | None = None
        self.whole = False  # whether self.data holds the whole history
        self.pick_path: Any = self._pick_path
        # Replaceable in tests, like the main window's dialogs.
        self.confirm_overwrite: Any = self._confirm_overwrite
        self.announce_saved: Any = self._announce_saved
        self.painful_side = "none"  # set by the main window from the settings
        # (day, answer) pairs for the report, when the safety answers are stored.
        self.red_flags: list[tuple[date, str]] = []
        self.report_pages = 0
        # Returns the person's plan (core.plan.Plan) or None; set by the window.
        self.plan_source: Any = None
        # Returns the plan's dose changes as (day, plain line) pairs, for the
        # report; set by the window, which owns the plan file.
        self.plan_changes_source: Any = None

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("Two-week verdict"))
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.setMargin(10)
        self.streak_label = QLabel()
        self.streak_label.setAccessibleName(self.tr("Streak"))
        self.streak = StreakStrip()

        range_row = QHBoxLayout()
        self.range_group = QButtonGroup(self)
        for i, (label, days) in enumerate(RANGES):
            b = QPushButton(self.tr(label))
            b.setCheckable(True)
            b.setAccessibleName(self.tr("Show %1").replace("%1", self.tr(label)))
            b.setProperty("days", days)
            self.range_group.addButton(b, i)
            range_row.addWidget(b)
            if days == self.range_days:
                b.setChecked(True)
        self.setStyleSheet(
            "QPushButton:checked { background-color: #2f7dd1; color: white; font-weight: bold; }"
        )
        range_row.addStretch()
        self.readout = QLabel()
        self.readout.setAccessibleName(self.tr("Value under the pointer"))
        range_row.addWidget(self.readout)
        range_row.addStretch()
        self.png_button = QPushButton(self.tr("Save chart (&PNG)"))
        self.csv_button = QPushButton(self.tr("Export data (C&SV)"))
        self.pdf_button = QPushButton(self.tr("Report for my &clinician (PDF)"))
        for b in (self.png_button, self.csv_button, self.pdf_button):
            b.setAccessibleName(b.text().replace("&", ""))
            range_row.addWidget(b)

        # The chart takes the window's colours so it matches light and dark themes.
        pal = self.palette()
        fg = pal.color(QPalette.ColorRole.WindowText)
        pg.setConfigOptions(antialias=True, foreground=fg)
        self.plots = pg.GraphicsLayoutWidget()
        self.plots.setBackground(pal.color(QPalette.ColorRole.Base))
        self.plots.setAccessibleName(self.tr("Pain chart"))
        self.pain_plot = self.plots.addPlot(
            row=0, col=0, axisItems={"bottom": DateAxis(orientation="bottom")}
        )
        self.bar_plot = self.plots.addPlot(
            row=1, col=0, axisItems={"bottom": DateAxis(orientation="bottom")}
        )
        self.plots.ci.layout.setRowStretchFactor(0, 4)
        self.plots.ci.layout.setRowStretchFactor(1, 1)
        self.bar_plot.setXLink(self.pain_plot)
        self.pain_plot.setYRange(0, 10.5)
        self.pain_plot.setLimits(yMin=-0.5, yMax=10.5)
        self.pain_plot.setLabel("left", self.tr("Pain (0-10)"))
        self.bar_plot.setLabel("left", self.tr("Sessions"))
        self.bar_plot.getAxis("left").setTickSpacing(1, 1)
        self.pain_plot.showGrid(y=True, alpha=0.2)
        legend_bg = pal.color(QPalette.ColorRole.Base)
        legend_bg.setAlpha(220)
        legend = self.pain_plot.addLegend(offset=(10, 10), brush=legend_bg, labelTextColor=fg)
        # The value axes (the pain axis draws the grid across the chart) and
        # the legend do not change when the dates in view do: kept as
        # pixmaps, a range change copies them (~0.3 ms) instead of drawing
        # the grid, ticks and labels again (~7 ms a frame).
        for still in (self.pain_plot.getAxis("left"), self.bar_plot.getAxis("left"), legend):
            still.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.plots.scene().sigMouseMoved.connect(self._on_mouse)
        self._make_items()

        self.empty = QLabel(
            self.tr(
                "<h2>Nothing here yet</h2><p>After your first check-in or session, "
                "your back and leg pain will show here, day by day, with a 7-day "
                "average so you can see the trend.</p>"
            )
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.chart_stack = QStackedWidget()
        self.chart_stack.addWidget(self.plots)
        self.chart_stack.addWidget(self.empty)

        self.table_model = HelpsHurtsModel(exercises, self)
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.setAccessibleName(self.tr("Exercises that tend to help or hurt"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, self.table_model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        table_box = QWidget()
        tl = QVBoxLayout(table_box)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(QLabel(f"<b>{self.tr('Exercises that tend to help or hurt')}</b>"))
        tl.addWidget(self.table)
        self.table_note = QLabel(
            self.tr(
                "\u26a0 hurt: your worse answers and \u201cthis hurts\u201d presses "
                "outnumber your better answers \u2014 consider easing off it or leaving it "
                "out, and mention it to your clinician. The next check-in counts are shared "
                "by every exercise in the routine: they show what came after, not what "
                "caused it."
            )
        )
        self.table_note.setWordWrap(True)
        small = QFont(self.table_note.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.table_note.setFont(small)
        tl.addWidget(self.table_note)

        splitter = QSplitter()
        splitter.addWidget(self.chart_stack)
        splitter.addWidget(table_box)
        # The table needs room for names and three count columns; the chart
        # still gets the larger share when the window grows.
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([620, 660])

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        streak_row = QHBoxLayout()
        streak_row.addWidget(self.streak_label)
        streak_row.addWidget(self.streak, 1)
        layout.addLayout(streak_row)
        layout.addLayout(range_row)
        layout.addWidget(splitter, 1)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.range_group.idClicked.connect(self._on_range)
        self.png_button.clicked.connect(lambda: self.export_png())
        self.csv_button.clicked.connect(lambda: self.export_csv())
        self.pdf_button.clicked.connect(lambda: self.export_pdf())

    # -- data ----------------------------------------------------------------
    def today(self) -> date:
        return datetime.fromtimestamp(self.wall()).date()

    def refresh(self) -> None:
        # One call, cached by the store until the data changes: no session or
        # check-in lists, no trend maths here.
        today = self.today()
        # The range in view first (with a fortnight's margin for panning),
        # so the click costs what is shown; the whole history follows one
        # turn of the event loop after this paint (_load_whole). "All"
        # needs it all now.
        since = None
        if self.range_days:
            since = (today - day_of(0)).days - self.range_days - 14
        trend = self.history.trend_data(today=today, since_day=since)
        self.data = chart_data(trend)
        self.whole = self.history.trend_cached(today)
        if not self.whole:
            QTimer.singleShot(0, self, self._load_whole)
        # The visible range first: the items below are cut to it as they
        # are added, instead of being laid out whole and cut again.
        self._apply_range()
        self._draw(self.data)
        self._show_verdict(trend.verdict, verdict_advice(trend.verdict))
        # The strip shows three weeks and the plan looks back four; a year of
        # done days also bounds the plan's streak, and keeps this cheap with
        # decades of history.
        first = bisect.bisect_left(trend.sessions.day, (self.today() - day_of(0)).days - 366)
        done_days = {
            day_of(d)
            for d, n in zip(trend.sessions.day[first:], trend.sessions.done[first:], strict=True)
            if n
        }
        plan = self.plan_source() if self.plan_source is not None else None
        streak = trend.streak
        planned: set[date] | None = None
        extra = ""
        if plan is not None:
            from stretchguide.core.plan import plan_adherence, plan_streak

            today = self.today()
            planned = set(plan.planned_days(today - timedelta(days=HABIT_DAYS), today))
            plan_run = plan_streak(plan, done_days, today, goal=streak.goal)
            # A plan younger than the run already kept (it starts with the
            # first session after an update, or a change of routine) would
            # count that run as nothing: the plain streak is the truth then.
            by_plan = plan_run.current >= streak.current
            streak = plan_run if by_plan else streak
            kept = plan_adherence(plan, done_days, today)
            if kept.planned:
                extra = (
                    "<br>"
                    + self.tr("Planned vs done, last 4 weeks: %1 of %2 planned days")
                    .replace("%1", str(kept.kept))
                    .replace("%2", str(kept.planned))
                    + (f" (+{kept.extra} " + self.tr("extra") + ")" if kept.extra else "")
                )
        else:
            by_plan = False
        self.streak.set_days(done_days, self.today(), planned)
        self.streak_label.setText(
            self._streak_text(streak.current, streak.goal, planned=by_plan) + extra
        )
        if self.whole:
            self.table_model.set_links(trend.exercises)
        self.chart_stack.setCurrentWidget(self.empty if self.data.empty else self.plots)
        self._apply_range()

    def _load_whole(self) -> None:
        """The whole history behind the range already drawn: the chart gets
        the rest of its data (the view does not move) and the exercise
        table, which sums every session, is filled."""
        if self.whole:
            return
        trend = self.history.trend_data(today=self.today())
        self.whole = True
        self.data = chart_data(trend)
        self._draw(self.data)
        self.table_model.set_links(trend.exercises)
        self.chart_stack.setCurrentWidget(self.empty if self.data.empty else self.plots)

    def _streak_text(self, days: int, goal: int, *, planned: bool) -> str:
        """The streak in words: how long, and where that stands against the goal.

        With a plan the streak counts planned days kept (free days neither add
        nor break it), so it says so rather than "days in a row".
        """
        if days == 0:
            run = self.tr("none yet")
        elif planned:
            run = (
                self.tr("<b>1</b> planned day kept so far")
                if days == 1
                else self.tr("<b>%1</b> planned days kept in a row")
            )
        else:
            run = (
                self.tr("<b>1</b> day so far") if days == 1 else self.tr("<b>%1</b> days in a row")
            )
        left = goal - days
        if days > goal:
            where = self.tr("past the %2-day habit goal")
        elif days == goal:
            where = self.tr("the %2-day habit goal reached")
        elif left == 1:
            where = (
                self.tr("1 more planned day to reach the %2-day habit goal")
                if planned
                else self.tr("1 more day to reach the %2-day habit goal")
            )
        else:
            where = (
                self.tr("%3 more planned days to reach the %2-day habit goal")
                if planned
                else self.tr("%3 more days to reach the %2-day habit goal")
            )
        return (
            (self.tr("Streak: ") + run + " \u2014 " + where)
            .replace("%1", str(days))
            .replace("%2", str(goal))
            .replace("%3", str(left))
        )

    def _show_verdict(self, v: Any, advice: str | None) -> None:
        # The same words as `stretchguide stats` (core.safety.verdict_headline).
        text = self.tr(verdict_headline(v))
        colour = {
            VerdictKind.IMPROVING: "#2e7d4f",
            VerdictKind.SETTLED: "#2e7d4f",
            VerdictKind.NO_CHANGE: "#8a6d00",
            VerdictKind.WORSE: "#b0413e",
        }.get(v.kind, "#5a6270")
        body = f"<b>{html.escape(text)}</b>"
        if advice:
            body += "<br>" + html.escape(advice)
        self.banner.setText(body)
        self.banner.setStyleSheet(
            f"QLabel {{ background: {colour}; color: white; border-radius: 6px; }}"
        )
        self.verdict_kind = v.kind

    def _make_items(self) -> None:
        # One scene item per series, whatever the length of the history: an
        # item per before/after pair made the page take half a minute at ten
        # years (pyqtgraph's per-item bookkeeping grows with the item count).
        # Each item is cut to the visible range and thinned to a few points
        # per pixel column before painting, so a redraw costs what is on
        # screen. The items are made once and given new data on refresh.
        # The pairs are cut and merged to the view here (pairs_in_view): a
        # dotted pen over thousands of overlapping segments took seconds.
        self.pairs_item = PairsItem(QColor("#888888"))
        self.pain_plot.addItem(self.pairs_item)
        self._pairs: tuple[Any, Any, Any] = (np.empty(0), np.empty(0), np.empty(0))
        self.back_item = self.pain_plot.plot(
            pen=None,
            symbol="o",
            symbolSize=7,
            symbolBrush=pg.mkBrush(BACK_COLOUR + "90"),
            symbolPen=None,
            name=self.tr("Back pain"),
        )
        self.leg_item = self.pain_plot.plot(
            pen=None,
            symbol="t",
            symbolSize=8,
            symbolBrush=pg.mkBrush(LEG_COLOUR + "90"),
            symbolPen=None,
            name=self.tr("Leg pain"),
        )
        self.mean_back_item = self.pain_plot.plot(
            pen=pg.mkPen(BACK_COLOUR, width=3),
            connect="finite",
            name=self.tr("Back, 7-day average"),
        )
        self.mean_leg_item = self.pain_plot.plot(
            pen=pg.mkPen(LEG_COLOUR, width=3), connect="finite", name=self.tr("Leg, 7-day average")
        )
        # Set after creation: plot() ignores these options when given no data.
        for item in (self.back_item, self.leg_item, self.mean_back_item, self.mean_leg_item):
            item.setClipToView(True)
            # "peak" keeps each pixel column's lowest and highest value, so
            # a bad day stays visible when years share a pixel; two points a
            # column instead of pyqtgraph's ten, which cost a frame's time
            # in wide antialiased lines without changing what is seen.
            item.opts["autoDownsampleFactor"] = 1.0
            item.setDownsampling(auto=True, method="peak")
        for item in (self.mean_back_item, self.mean_leg_item):
            # A wide antialiased polyline is stroked as one outline, which
            # cost ~35 ms a frame for 30 years in view; as segments, ~8 ms.
            item.curve.setSegmentedLineMode("on")
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
        self.back_item.setData(np.asarray(d.back_x), np.asarray(d.back_y))
        self.leg_item.setData(np.asarray(d.leg_x), np.asarray(d.leg_y))
        mean_x = np.asarray(d.mean_x)
        self.mean_back_item.setData(mean_x, np.asarray(d.mean_back))
        self.mean_leg_item.setData(mean_x, np.asarray(d.mean_leg))
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

    def _on_range(self, button_id: int) -> None:
        self.range_days = RANGES[button_id][1]
        if not self.whole and self.data is not None:
            self._load_whole()  # a click beat the load queued by refresh
        self._apply_range()

    def _apply_range(self) -> None:
        d = self.data
        if d is None or d.empty:
            return
        end = datetime.combine(self.today() + timedelta(days=1), datetime.min.time()).timestamp()
        xs = d.back_x + d.bar_x
        first = min(xs) - 86400
        # A short history fills the chart instead of hugging its right edge.
        start = max(end - self.range_days * 86400, first) if self.range_days else first
        self.pain_plot.setXRange(start, end, padding=0.01)

    def visible_range(self) -> tuple[float, float]:
        (x0, x1), _ = self.pain_plot.viewRange()
        return x0, x1

    def _on_mouse(self, pos: Any) -> None:
        d = self.data
        if d is None or d.empty or not self.pain_plot.sceneBoundingRect().contains(pos):
            return
        x = self.pain_plot.vb.mapSceneToView(pos).x()
        self.readout.setText(self.readout_at(x))

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
        when = datetime.fromtimestamp(d.back_x[i]).strftime("%a %d %b")
        return (
            self.tr("%1: back %2, leg %3 (day's average)")
            .replace("%1", when)
            .replace("%2", f"{d.back_y[i]:.1f}".rstrip("0").rstrip("."))
            .replace("%3", f"{d.leg_y[i]:.1f}".rstrip("0").rstrip("."))
        )

    # -- exports ----------------------------------------------------------------
    def _pick_path(self, title: str, suggested: str, pattern: str) -> str:
        # Overwriting is asked about once, by confirm_overwrite (testable).
        path, _ = QFileDialog.getSaveFileName(
            self,
            title,
            str(Path.home() / suggested),
            pattern,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        return path

    def _confirm_overwrite(self, paths: Sequence[Path]) -> bool:
        from PySide6.QtWidgets import QMessageBox

        names = ", ".join(p.name for p in paths[:3]) + ("…" if len(paths) > 3 else "")
        answer = QMessageBox.question(
            self,
            self.tr("Replace the file?"),
            self.tr("%1 already exists. Replace it?").replace("%1", names),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _announce_saved(self, path: Path) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Saved"))
        box.setText(self.tr("Saved to %1").replace("%1", str(path)))
        open_folder = box.addButton(self.tr("&Open folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Ok)
        box.exec()
        if box.clickedButton() is open_folder:
            folder = path if path.is_dir() else path.parent
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _may_write(self, paths: Sequence[Path]) -> bool:
        existing = [p for p in paths if p.exists()]
        return not existing or bool(self.confirm_overwrite(existing))

    def chart_range(self) -> tuple[date, date]:
        """The first and last day the chart shows now."""
        x0, x1 = self.visible_range()
        first = datetime.fromtimestamp(max(0.0, x0)).date()
        last = datetime.fromtimestamp(max(0.0, x1 - 1)).date()
        return first, min(last, self.today())

    def chart_image(self, width: int = 1200, height: int = 700) -> Any:
        """The chart as shown, with a title that names what and when."""
        from pyqtgraph.exporters import ImageExporter
        from PySide6.QtGui import QColor, QImage, QPainter

        exporter = ImageExporter(self.plots.scene())
        exporter.parameters()["width"] = width
        plot = exporter.export(toBytes=True)
        first, last = self.chart_range()
        title = (
            self.tr("StretchGuide: pain over time, %1 to %2")
            .replace("%1", first.strftime("%d %b %Y"))
            .replace("%2", last.strftime("%d %b %Y"))
        )
        band = max(40, plot.height() // 12)
        image = QImage(plot.width(), plot.height() + band, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        p = QPainter(image)
        f = QFont(self.font())
        f.setPixelSize(int(band * 0.45))
        f.setBold(True)
        p.setFont(f)
        p.setPen(QColor("black"))
        p.drawText(
            QRectF(12, 0, plot.width() - 24, band),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            title,
        )
        p.drawImage(0, band, plot)
        p.end()
        return image

    def export_png(self, path: str | None = None) -> Path | None:
        path = path or self.pick_path(self.tr("Save chart"), "pain-chart.png", "PNG (*.png)")
        if not path or not self._may_write([Path(path)]):
            return None
        image = self.chart_image()
        image.save(path)
        self.sig_exported.emit(path)
        self.announce_saved(Path(path))
        return Path(path)

    def export_csv(self, folder: str | None = None) -> list[Path]:
        from stretchguide.store.exchange import CSV_COLUMNS, ExportError, export_csv

        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Export data to folder"))
        if not folder:
            return []
        if not self._may_write([Path(folder) / name for name in CSV_COLUMNS]):
            return []
        progress = self._export_progress()
        try:
            written = export_csv(self.history, Path(folder), progress=progress)
        except ExportError as err:
            self.report_error(err.user_message)
            return []
        finally:
            progress.close()
        self.sig_exported.emit(str(folder))
        self.announce_saved(Path(folder))
        return written

    def report_error(self, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, self.tr("Export failed"), text)

    def _export_progress(self) -> Any:
        """A progress dialog that appears only if the export takes over a second."""
        from PySide6.QtWidgets import QApplication, QProgressDialog

        dialog = QProgressDialog(self.tr("Exporting your history..."), "", 0, 100, self)
        dialog.setCancelButton(None)  # type: ignore[arg-type]
        dialog.setMinimumDuration(1000)
        dialog.setWindowTitle(self.tr("Export"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)

        def update(done: int, total: int) -> None:
            dialog.setValue(int(100 * done / total) if total else 100)
            QApplication.processEvents()

        class _Progress:
            def __call__(self, done: int, total: int) -> None:
                update(done, total)

            def close(self) -> None:
                dialog.close()
                dialog.deleteLater()

        return _Progress()

    def export_pdf(self, path: str | None = None) -> Path | None:
        from stretchguide.qt.report import export_report

        path = path or self.pick_path(
            self.tr("Save report"), "stretchguide-report.pdf", "PDF (*.pdf)"
        )
        if not path or not self._may_write([Path(path)]):
            return None
        self.report_pages = export_report(
            Path(path),
            self.history,
            self.exercises,
            self.today(),
            self.range_days,
            painful_side=self.painful_side,
            red_flags=self.red_flags,
            plan_changes=list(self.plan_changes_source()) if self.plan_changes_source else [],
        )
        self.sig_exported.emit(path)
        self.announce_saved(Path(path))
        return Path(path)
