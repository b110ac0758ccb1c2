"""The pain diary page: range and export buttons, verdict banner, streak
row, the chart and the table of exercises that tend to help or hurt.

The page is split by job: history_data (the chart's arrays, no Qt),
history_chart (the pyqtgraph chart), history_streak (banner and streak),
history_table (the exercise table), history_export (PNG, CSV, PDF). This
module lays them out and feeds them. All the numbers come from core/trends
via the History store; "today" is read once per refresh from the injected
wall clock and handed to every part.

pyqtgraph is imported (by history_chart) only when this module is, which is
when the History page is first opened, so the main window paints without it.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from stretchguide.core.catalog import Exercise
from stretchguide.qt.flow_layout import FlowLayout, flow_box
from stretchguide.qt.history_chart import PainChart
from stretchguide.qt.history_data import ChartData, chart_data, day_of
from stretchguide.qt.history_export import HistoryExports
from stretchguide.qt.history_streak import StreakRow, VerdictBanner
from stretchguide.qt.history_table import HelpsHurtsBox, VerticalScroll
from stretchguide.qt.i18n import QT_TRANSLATE_NOOP
from stretchguide.store.history import History

RANGES = (
    (QT_TRANSLATE_NOOP("HistoryView", "2 weeks"), 14),
    (QT_TRANSLATE_NOOP("HistoryView", "3 months"), 91),
    (QT_TRANSLATE_NOOP("HistoryView", "1 year"), 365),
    (QT_TRANSLATE_NOOP("HistoryView", "All"), 0),
)
# Not bold: the row is sized for regular labels (at 1280 px and twice the
# text it has no pixel to spare), and a bold "3 Monate" touched both edges
# of its button. The fill says which range is shown.
RANGE_BUTTON_STYLE = "QPushButton:checked { background-color: #2f7dd1; color: white; }"


class HistoryView(HistoryExports):
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
        # Replaceable in tests, like the main window's dialogs.
        self.pick_path: Any = self._pick_path
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

        self.banner = VerdictBanner()
        self.streak_row = StreakRow()
        self.streak_label = self.streak_row.label
        self.streak = self.streak_row.strip

        range_buttons: list[QPushButton] = []
        self.range_group = QButtonGroup(self)
        for i, (label, days) in enumerate(RANGES):
            b = QPushButton(self.tr(label))
            b.setCheckable(True)
            # On each button, not on the page: a style sheet on the page kept
            # its labels (streak, table heading, footnote) in the palette of
            # the theme they were made in, black on a dark window after a
            # switch to Dark (walk-through finding 4).
            b.setStyleSheet(RANGE_BUTTON_STYLE)
            b.setAccessibleName(self.tr("Show %1").replace("%1", self.tr(label)))
            b.setProperty("days", days)
            self.range_group.addButton(b, i)
            range_buttons.append(b)
            if days == self.range_days:
                b.setChecked(True)
        self.png_button = QPushButton(self.tr("Save chart (&PNG)"))
        self.csv_button = QPushButton(self.tr("Export data (C&SV)"))
        self.pdf_button = QPushButton(self.tr("Report for my &clinician (PDF)"))
        for b in (self.png_button, self.csv_button, self.pdf_button):
            b.setAccessibleName(b.text().replace("&", ""))
        # One line when the width allows (ranges left, exports right); else
        # the exports under the ranges, and a group's buttons wrap too. In
        # one QHBoxLayout they asked for ~1,280 px at twice the text size,
        # and a 1,024 px window could not be made.
        self.button_row = QWidget()
        self.button_flow = FlowLayout(self.button_row, push_right=1)
        self.button_flow.addWidget(flow_box(*range_buttons))
        self.button_flow.addWidget(flow_box(self.png_button, self.csv_button, self.pdf_button))

        self.plots = PainChart(self.palette())
        # The chart's parts, by the names tests and tools reach them by.
        self.pain_plot = self.plots.pain_plot
        self.bar_plot = self.plots.bar_plot
        self.pairs_item = self.plots.pairs_item
        self.bars_item = self.plots.bars_item

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
        # The day under the pointer, in a line of its own under the chart.
        # In the button row a long one (German, French) asked for more than
        # a 1024 px window, which grew as the pointer crossed the chart: here
        # it asks for no width and always one line, so nothing moves.
        self.readout = QLabel()
        self.readout.setAccessibleDescription(self.tr("Value under the pointer"))
        self.readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.readout.setMinimumHeight(self.readout.fontMetrics().lineSpacing())
        chart_pane = QWidget()
        pane = QVBoxLayout(chart_pane)
        pane.setContentsMargins(0, 0, 0, 0)
        pane.addWidget(self.chart_stack, 1)
        pane.addWidget(self.readout)

        self.table_box = HelpsHurtsBox(exercises)
        self.table_model = self.table_box.model
        self.table = self.table_box.table

        splitter = QSplitter()
        splitter.addWidget(chart_pane)
        splitter.addWidget(VerticalScroll(self.table_box))
        # The table needs room for names and three count columns; the chart
        # still gets the larger share when the window grows.
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([620, 660])

        layout = QVBoxLayout(self)
        # The buttons on top, where nothing above them changes height: under
        # the verdict they jumped whenever it took another line (a longer
        # verdict, German, a narrower window), and under the streak when a
        # plan added its line.
        layout.addWidget(self.button_row)
        layout.addWidget(self.banner)
        layout.addWidget(self.streak_row)
        layout.addWidget(splitter, 1)
        self._connect_signals()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "range_group"):
            # A style sheet draws with the palette its widget had when the
            # sheet was set: set again, the range buttons take the new theme's.
            for b in self.range_group.buttons():
                b.setStyleSheet("")
                b.setStyleSheet(RANGE_BUTTON_STYLE)

    def _connect_signals(self) -> None:
        self.range_group.idClicked.connect(self._on_range)
        self.plots.sig_readout.connect(self.readout.setText)
        self.png_button.clicked.connect(lambda: self.export_png())
        self.csv_button.clicked.connect(lambda: self.export_csv())
        self.pdf_button.clicked.connect(lambda: self.export_pdf())

    # -- data ----------------------------------------------------------------
    def today(self) -> date:
        # The store's rule: after a flight west, the day of a session already
        # done on the clock of where it was done (History.today_at).
        return self.history.today_at(self.wall())

    def refresh(self) -> None:
        # Read once: parts of one refresh never disagree about the day, even
        # when the clock passes midnight during it.
        today = self.today()
        # One call, cached by the store until the data changes: no session or
        # check-in lists, no trend maths here. The range in view first (with
        # a fortnight's margin for panning), so the click costs what is
        # shown; the whole history follows one turn of the event loop after
        # this paint (_load_whole). "All" needs it all now.
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
        self._apply_range(today)
        self.plots.set_data(self.data)
        self.banner.show_verdict(trend.verdict)
        plan = self.plan_source() if self.plan_source is not None else None
        self.streak_row.show_streak(trend, plan, today)
        if self.whole:
            self.table_model.set_links(trend.exercises)
        self.chart_stack.setCurrentWidget(self.empty if self.data.empty else self.plots)
        self._apply_range(today)

    def _load_whole(self) -> None:
        """The whole history behind the range already drawn: the chart gets
        the rest of its data (the view does not move) and the exercise
        table, which sums every session, is filled."""
        if self.whole:
            return
        trend = self.history.trend_data(today=self.today())
        self.whole = True
        self.data = chart_data(trend)
        self.plots.set_data(self.data)
        self.table_model.set_links(trend.exercises)
        self.chart_stack.setCurrentWidget(self.empty if self.data.empty else self.plots)

    def _streak_text(self, days: int, goal: int, *, planned: bool) -> str:
        return self.streak_row.text(days, goal, planned=planned)

    @property
    def verdict_kind(self) -> Any:
        return self.banner.kind

    # -- range -----------------------------------------------------------------
    def _on_range(self, button_id: int) -> None:
        self.range_days = RANGES[button_id][1]
        self.readout.clear()  # it named a day of the range that was shown
        if not self.whole and self.data is not None:
            self._load_whole()  # a click beat the load queued by refresh
        self._apply_range(self.today())

    def _apply_range(self, today: date) -> None:
        d = self.data
        if d is None or d.empty:
            return
        end = datetime.combine(today + timedelta(days=1), datetime.min.time()).timestamp()
        # Both lists are sorted: their first days, not a scan of every day.
        first = min(xs[0] for xs in (d.back_x, d.bar_x) if xs) - 86400
        # A short history fills the chart instead of hugging its right edge.
        start = max(end - self.range_days * 86400, first) if self.range_days else first
        self.plots.show_range(start, end)

    def visible_range(self) -> tuple[float, float]:
        return self.plots.visible_range()

    def readout_at(self, x: float) -> str:
        """The nearest day's average pain to time ``x``, in words."""
        return self.plots.readout_at(x)
