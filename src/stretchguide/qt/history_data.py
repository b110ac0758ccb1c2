"""The History chart's numbers as plain arrays, without Qt or pyqtgraph.

The store hands over column-oriented trend data (core.trends via
store.history); this module turns it into x positions and values per
series, and cuts and thins them to what a chart of a given width shows, so
a redraw costs the chart's width, not the length of the history. Tested
without a window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np

from stretchguide.core.trends import TrendData

BAR_WIDTH = 86400 * 0.7  # a session bar: 70 % of a day
# Shared by the chart and the streak strip. Both stand out at least 3:1
# against the light and the dark page (WCAG's rule for graphics): the leg's
# orange was #d9822b, 2.9:1 on white.
BACK_COLOUR = "#2f7dd1"
LEG_COLOUR = "#c06a1c"
SESSION_COLOUR = "#3a9d6a"


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


def _columns(xd: Any, width: float) -> tuple[Any, Any]:
    """Each point's column ``width`` device pixels wide, and where each
    column's run of points starts (``xd`` sorted, not empty)."""
    col = np.floor(xd / width).astype(np.int64)
    starts = np.empty(len(col), dtype=bool)  # np.r_ cost more than the rest
    starts[0] = True
    np.not_equal(col[1:], col[:-1], out=starts[1:])
    return col, np.flatnonzero(starts)


def peak_columns(xd: Any, yd: Any, width: float = 1.0) -> tuple[Any, Any]:
    """Points (device pixels, sorted by x, no NaN) thinned to each column's
    lowest and highest, at the column's middle: a bad day still shows where
    years share a pixel."""
    if not len(xd):
        return xd, yd
    col, starts = _columns(xd, width)
    x = np.repeat((col[starts] + 0.5) * width, 2)
    y = np.column_stack([np.minimum.reduceat(yd, starts), np.maximum.reduceat(yd, starts)])
    return x, y.ravel()


def line_band(xd: Any, yd: Any, width: float, half: float) -> tuple[Any, tuple[Any, ...]]:
    """A line through more points than pixel columns (device pixels, sorted
    by x, NaN breaking it) as what its strokes cover: one rectangle per
    column (x, y, w, h), from the column's lowest point to its highest and
    on to where the strokes to the next and previous columns reach, a
    pen's ``half`` width beyond; and the strokes (x0, y0, x1, y1) that join
    columns too far apart for their rectangles to touch.

    Thinned to each column's lowest and highest point, the line ran from
    one column's highest to the next one's lowest: each column's band
    reaches as far as those joining strokes.
    """
    none = np.empty((0, 4)), (np.empty(0),) * 4
    if not len(xd):
        return none
    ok = np.isfinite(yd)
    joined = ok[:-1] & ok[1:]  # a stroke joins two points with values
    col, starts = _columns(xd, width)
    lo = np.minimum.reduceat(np.where(ok, yd, np.inf), starts)
    hi = np.maximum.reduceat(np.where(ok, yd, -np.inf), starts)
    ends, nexts = starts[1:] - 1, starts[1:]
    link = joined[ends]
    lo_k, hi_k = lo.copy(), hi.copy()
    lo[:-1] = np.where(link, np.minimum(lo_k[:-1], lo_k[1:]), lo_k[:-1])
    hi[1:] = np.where(link, np.maximum(hi_k[1:], hi_k[:-1]), hi_k[1:])
    far = np.flatnonzero(link & (col[nexts] - col[ends] > 1))
    joins = (xd[ends[far]], yd[ends[far]], xd[nexts[far]], yd[nexts[far]])
    has = np.isfinite(lo)
    x, lo, hi = col[starts][has], lo[has], hi[has]
    rects = np.empty((len(x), 4))
    # A column and the pen's overhang, as the strokes covered it.
    rects[:, 0] = x * width - half + 0.5
    rects[:, 1] = lo - half
    rects[:, 2] = width + 2 * half - 1
    rects[:, 3] = hi - lo + 2 * half
    return rects, joins


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

    def noon(ds: Sequence[int] | range | np.ndarray[Any, Any]) -> list[float]:
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
