"""History page layout, from a new person's walk-through: the legend hid the
first days under "All", the range buttons moved whenever the verdict above
them took another line, and each day's dot stood half a day to the right of
its date's tick (points at noon, ticks at midnight).

Every "today" comes from the injected wall clock at five to midnight, as in
test_history_view.
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from tests.support import FakeClock

from stretchguide import paths
from stretchguide.core.catalog import load_builtin
from stretchguide.store.history import History

NOW = datetime(2026, 3, 11, 23, 55).timestamp()
TODAY = date(2026, 3, 11)
DAY = 86400.0
# The page's share of the window at the two sizes the walk-through used
# (the window's own frame and page bar take the rest).
PAGE_SIZES = ((1024, 570), (1280, 770))


@pytest.fixture
def history(_private_data_dir):
    h = History.open(paths.resolve(str(_private_data_dir)).ensure(), clock=FakeClock(NOW))
    yield h
    h.close()


@pytest.fixture
def language(qapp):
    """Install a language for one test; English again afterwards (the
    translators are process-wide)."""
    from stretchguide.qt import i18n

    yield lambda lang: i18n.install_language(qapp, lang, {})
    i18n.install_language(qapp, "en", {})


def _fill(h, days, pain=9):
    """A session a day at 07:30 with check-ins, for ``days`` days up to
    today; the first week at ``pain`` (high, where a legend in the top
    corner lay), the rest low."""
    routine = load_builtin().routines["flare_up_gentle"]
    morning = datetime.fromtimestamp(NOW).replace(hour=7, minute=30).timestamp()
    for d in range(days - 1, -1, -1):
        start = int(morning - d * DAY)
        level = pain if d >= days - 7 else 2
        s = h.start_session(routine, started_at=start)
        h.add_checkin("before", level, level, "thigh", session_id=s.id, at=start - 60)
        h.finish_session(s.id, "completed", ended_at=start + 600)
        h.add_checkin("after", level - 1, level - 1, "thigh", session_id=s.id, at=start + 700)


def _view(qtbot, h, size=(1100, 700)):
    from stretchguide.qt.history_view import HistoryView

    view = HistoryView(h, load_builtin().exercises, wall=h._clock)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    view.refresh()
    qtbot.waitUntil(lambda: view.whole)
    return view


def _settle(qtbot, view):
    """Let the layouts (Qt's and pyqtgraph's) finish what a change asked for."""
    qtbot.wait(20)
    view.plots.viewport().repaint()


# -- 1. the legend ---------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "de", "es", "fr"])
def test_the_legend_never_lies_over_the_plotted_days(qtbot, history, language, lang):
    # Under "All" the legend sat in the plot's top left corner, over the
    # first days' dots, averages and session strokes.
    language(lang)
    _fill(history, days=120)
    for size in PAGE_SIZES:
        view = _view(qtbot, history, size)
        chart = view.plots
        for button in range(4):
            view.range_group.button(button).click()
            _settle(qtbot, view)
            legend = chart.legend.sceneBoundingRect()
            data = chart.pain_plot.vb.sceneBoundingRect()
            assert legend.height() > 0
            assert not legend.intersects(data), (lang, size, button, legend, data)
            # And all of it on the chart: no entry cut off at its right edge.
            assert chart.sceneRect().contains(legend), (lang, size, legend)
            for _sample, label in chart.legend.items:
                shown = label.sceneBoundingRect()
                assert chart.sceneRect().contains(shown), (lang, size, label.text)
        view.close()


def test_the_legend_takes_few_rows_and_keeps_back_and_leg_together(qtbot, history):
    _fill(history, days=30)
    view = _view(qtbot, history, (1280, 770))
    _settle(qtbot, view)
    legend = view.plots.legend
    rows = {round(label.sceneBoundingRect().center().y()) for _, label in legend.items}
    # Five entries in one or two lines on a wide chart, not a column of five.
    assert len(rows) <= 2
    by_name = {label.text: label.sceneBoundingRect() for _, label in legend.items}
    if len(rows) == 2:
        # Back above leg, each kind of mark in its own column.
        back, leg = by_name["Back pain"], by_name["Leg pain"]
        assert back.left() == leg.left() and back.top() < leg.top()
        back, leg = by_name["Back, 7-day average"], by_name["Leg, 7-day average"]
        assert back.left() == leg.left() and back.top() < leg.top()
    # A narrow chart stacks them, still all shown beside one another or below.
    view.resize(700, 600)
    _settle(qtbot, view)
    legend_rect = legend.sceneBoundingRect()
    assert view.plots.sceneRect().contains(legend_rect)
    assert not legend_rect.intersects(view.plots.pain_plot.vb.sceneBoundingRect())


def test_the_saved_chart_image_draws_the_legend_at_the_images_scale(qtbot, history):
    # The PNG is the scene drawn again 1200 px wide. pyqtgraph's legend
    # ignores transformations (it is made to sit in a zoomable plot): in its
    # own row it came out at screen size, small, over a blank band.
    from PySide6.QtGui import QColor

    _fill(history, days=60)
    view = _view(qtbot, history, (1024, 570))
    view.range_group.button(3).click()
    _settle(qtbot, view)
    chart = view.plots
    image = chart.image("title")
    scene = chart.sceneRect()
    scale = image.width() / scene.width()
    assert scale > 1.5
    band = image.height() - round(scene.height() * scale)  # the title's
    legend = chart.legend.sceneBoundingRect()
    top, bottom = band + legend.top() * scale, band + legend.bottom() * scale
    background = QColor(chart.backgroundBrush().color())

    def inked(x, y):
        c = image.pixelColor(x, y)
        return abs(c.lightness() - background.lightness()) > 60

    rows = range(int(top) + 2, int(bottom) - 2)
    right = max((x for x in range(image.width()) for y in rows[::2] if inked(x, y)), default=0)
    assert right > (legend.left() + 0.85 * legend.width()) * scale, (right, legend, scale)
    assert not legend.intersects(chart.pain_plot.vb.sceneBoundingRect())


# -- 2. the range buttons --------------------------------------------------------
LONG_VERDICT = (
    "<b>In den letzten zwei Wochen hat sich Ihr Bein nicht deutlich verändert.</b><br>"
    + " ".join(["Zwei Wochen Übungen haben Ihr Bein nicht deutlich entlastet."] * 10)
)


@pytest.mark.parametrize("size", PAGE_SIZES)
def test_the_range_buttons_stay_put_when_the_verdict_takes_more_lines(qtbot, history, size):
    _fill(history, days=30)
    view = _view(qtbot, history, size)
    _settle(qtbot, view)

    def places():
        buttons = [*view.range_group.buttons(), view.png_button, view.pdf_button]
        return [b.mapTo(view, b.rect().topLeft()) for b in buttons]

    before = places()
    short_banner = view.banner.height()
    view.banner.setText(LONG_VERDICT)
    _settle(qtbot, view)
    assert view.banner.height() > short_banner + 25  # it did take more lines
    assert places() == before
    # And the verdict is shown whole, not cut to the old height.
    banner = view.banner
    assert banner.height() >= banner.heightForWidth(banner.width())
    # A plan's second streak line does not move them either.
    view.streak_label.setText(view.streak_label.text() + "<br>Planned vs done: 3 of 4")
    _settle(qtbot, view)
    assert places() == before


def test_the_pointer_readout_never_widens_the_page_or_moves_anything(qtbot, history, language):
    # In the button row, a German read-out ("Di. 10 März: Rücken 0.7, Bein
    # 2.7 (Tagesmittel)") asked for ~1240 px of a 1024 px window: the window
    # grew, and the buttons moved, as the pointer crossed the chart.
    language("de")
    _fill(history, days=30)
    view = _view(qtbot, history, PAGE_SIZES[0])
    _settle(qtbot, view)
    buttons = [*view.range_group.buttons(), view.png_button, view.pdf_button]

    def places():
        return [b.mapTo(view, b.rect().topLeft()) for b in buttons]

    before, chart = places(), view.plots.geometry()
    view.readout.setText(view.readout_at(view.data.back_x[-1]))
    _settle(qtbot, view)
    assert "Rücken" in view.readout.text()
    assert view.minimumSizeHint().width() <= PAGE_SIZES[0][0]
    assert places() == before
    assert view.plots.geometry() == chart  # the chart does not twitch either
    # Shown whole, beside the chart it reads.
    assert view.readout.width() >= view.readout.sizeHint().width()
    assert view.readout.isVisible() and view.readout.visibleRegion().boundingRect().width() >= (
        view.readout.sizeHint().width()
    )


def test_another_range_clears_the_readout_of_a_day_it_may_not_show(qtbot, history):
    # A walk-through hovered a day under "2 weeks", chose "All", and the line
    # still named that day, under a chart of years.
    _fill(history, days=30)
    view = _view(qtbot, history, PAGE_SIZES[0])
    _settle(qtbot, view)
    view.readout.setText(view.readout_at(view.data.back_x[-1]))
    assert view.readout.text()
    qtbot.mouseClick(view.range_group.buttons()[-1], Qt.MouseButton.LeftButton)
    assert view.readout.text() == ""


# -- 3. a day's dot over its day's tick ------------------------------------------
def _day_ticks(axis, x0, x1, width=500):
    levels = axis.tickValues(x0, x1, width)
    return {spacing: values for spacing, values in levels}


def test_each_days_tick_stands_over_its_dot_and_names_its_day(qtbot, history):
    # Dots were at noon, ticks at midnight: a day's dot sat between two
    # labels, half a day right of its own date.
    from stretchguide.qt.history_data import day_ts

    _fill(history, days=30)
    view = _view(qtbot, history, PAGE_SIZES[1])
    view.range_group.button(0).click()  # 2 weeks: day ticks
    _settle(qtbot, view)
    axis = view.pain_plot.getAxis("bottom")
    x0, x1 = view.visible_range()
    levels = _day_ticks(axis, x0, x1, int(axis.width()))
    days = [v for spacing, values in levels.items() if spacing <= 30 * DAY for v in values]
    assert len(days) >= 2
    dots = set(view.data.back_x)
    for v in days:
        day = datetime.fromtimestamp(v).date()
        assert v == day_ts(day), datetime.fromtimestamp(v)  # the day's noon
        assert v in dots or not (view.data.back_x[0] <= v <= view.data.back_x[-1])
        label = axis.tickStrings([v], 1.0, DAY)[0]
        assert label.endswith(f"{day.day:02d}"), (label, day)
    # The bars stand over the same ticks.
    assert set(days) & set(view.data.bar_x) == set(days) & dots


def test_the_month_tick_among_day_ticks_stands_over_the_first(qtbot):
    from stretchguide.qt.history_chart import DateAxis
    from stretchguide.qt.history_data import day_ts

    axis = DateAxis(orientation="bottom")
    qtbot.addWidget(_plot_with(axis))
    start = datetime(2026, 2, 20).timestamp()
    levels = _day_ticks(axis, start, start + 14 * DAY)
    months = levels[30 * DAY]
    assert months == [day_ts(date(2026, 3, 1))]
    assert axis.tickStrings(months, 1.0, 30 * DAY) == ["Mar"]
    assert not set(months) & set(levels[DAY])  # the 1st is named once, as the month


def _plot_with(axis):
    import pyqtgraph as pg
    from PySide6.QtGui import QFont, QFontMetrics

    axis.fontMetrics = QFontMetrics(QFont())  # set by pyqtgraph when it paints
    widget = pg.GraphicsLayoutWidget()
    widget.addPlot(axisItems={"bottom": axis})
    widget.resize(560, 200)
    return widget


@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/New_York", "UTC"])
def test_day_ticks_meet_the_dots_across_clock_changes(qtbot, monkeypatch, zone):
    from stretchguide.qt.history_chart import DateAxis
    from stretchguide.qt.history_data import day_ts

    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        axis = DateAxis(orientation="bottom")
        qtbot.addWidget(_plot_with(axis))
        for first in (date(2026, 3, 3), date(2026, 3, 24), date(2026, 10, 20)):
            start = datetime.combine(first, datetime.min.time()).timestamp()
            ticks = _day_ticks(axis, start, start + 14 * DAY, 1400)[DAY]
            assert len(ticks) >= 10
            assert ticks == [day_ts(datetime.fromtimestamp(v).date()) for v in ticks], zone
    finally:
        monkeypatch.undo()
        time.tzset()


def test_zoomed_in_the_hours_keep_their_real_times(qtbot):
    # Zoomed to a day or two the axis names hours: each hour tick stands at
    # the time it names, the day's name at its noon, over its dot.
    from stretchguide.qt.history_chart import DateAxis
    from stretchguide.qt.history_data import day_ts

    axis = DateAxis(orientation="bottom")
    qtbot.addWidget(_plot_with(axis))
    start = datetime(2026, 3, 9, 0, 0).timestamp()
    levels = axis.tickValues(start, start + 2 * DAY, 1200)
    by_spacing = dict(levels)
    assert [datetime.fromtimestamp(v) for v in by_spacing[DAY]] == [
        datetime.fromtimestamp(day_ts(date(2026, 3, 9))),
        datetime.fromtimestamp(day_ts(date(2026, 3, 10))),
    ]
    hours = by_spacing[3600]
    assert hours
    for v, text in zip(hours, axis.tickStrings(hours, 1.0, 3600), strict=True):
        assert text == datetime.fromtimestamp(v).strftime("%H:%M")
        assert datetime.fromtimestamp(v).minute == 0
    assert not {datetime.fromtimestamp(v).hour for v in hours} & {12}  # noon is the day's


def test_the_pointer_over_a_days_column_names_that_day_at_five_to_midnight(qtbot, history):
    from stretchguide.qt.history_data import day_ts

    _fill(history, days=10)
    history.add_checkin("any", 4, 4, "none", at=int(NOW) - 60)  # 23:54 today
    view = _view(qtbot, history, PAGE_SIZES[0])
    assert view.today() == TODAY
    view.range_group.button(0).click()
    x0, x1 = view.visible_range()
    assert datetime.fromtimestamp(x1).date() == TODAY + timedelta(days=1)
    assert datetime.fromtimestamp(view.data.back_x[-1]).date() == TODAY
    for day in (TODAY - timedelta(days=3), TODAY):
        midnight = datetime.combine(day, datetime.min.time()).timestamp()
        when = f"{day:%a} {day.day} {day:%b}"
        # From just after the day's start to just before its end, over its tick.
        for x in (midnight + 60, day_ts(day), midnight + DAY - 60):
            assert view.readout_at(x).startswith(when), (day, datetime.fromtimestamp(x))
    assert view.readout_at(NOW).startswith(f"{TODAY:%a} {TODAY.day} {TODAY:%b}")


def test_session_strokes_stay_at_the_sessions_real_times(qtbot, history):
    # Days moved to their ticks; a session is drawn when it began (07:30).
    _fill(history, days=5)
    view = _view(qtbot, history)
    for x, _before, _after in view.data.pairs:
        t = datetime.fromtimestamp(x)
        assert (t.hour, t.minute) == (7, 30)
