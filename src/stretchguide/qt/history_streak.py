"""The top of the History page: the two-week verdict banner and the streak
row (the streak in words beside the last 21 days as squares).

The verdict and the streak are the store's answers (core.trends, core.plan);
this module puts them in words and colour. "Today" is always handed in by
the page, which reads it once from its wall clock.
"""

from __future__ import annotations

import bisect
import html
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen, QTextDocument
from PySide6.QtWidgets import QBoxLayout, QLabel, QSizePolicy, QWidget

from stretchguide.core.trends import HABIT_DAYS, TrendData, VerdictKind
from stretchguide.core.verdict_words import verdict_advice, verdict_headline
from stretchguide.qt.accessible import role
from stretchguide.qt.history_data import SESSION_COLOUR, day_of

_VERDICT_COLOURS = {
    VerdictKind.IMPROVING: "#2e7d4f",
    VerdictKind.SETTLED: "#2e7d4f",
    VerdictKind.NO_CHANGE: "#8a6d00",
    VerdictKind.WORSE: "#b0413e",
}


class VerdictBanner(QLabel):
    """The two-week verdict in the same words as `stretchguide stats`
    (core.verdict_words.verdict_headline), with its advice, on its colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        role(self, self.tr("Two-week verdict"))
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setMargin(10)
        self.kind: VerdictKind | None = None

    def show_verdict(self, v: Any) -> None:
        text = self.tr(verdict_headline(v))
        advice = verdict_advice(v)
        colour = _VERDICT_COLOURS.get(v.kind, "#5a6270")
        if (v.see_professional or v.numbness_latest) and v.kind is not VerdictKind.WORSE:
            # "See a professional" on green read as "all is well" (improving
            # leg pain beside new numbness); on grey, as "nothing yet". Pain
            # better with numbness still there is not "all good" either.
            colour = _VERDICT_COLOURS[VerdictKind.NO_CHANGE]
        if v.urgent:
            # An urgent warning sign answered yes: as red as "worse", whatever
            # the leg did (core.verdict_words says it first).
            colour = _VERDICT_COLOURS[VerdictKind.WORSE]
        body = f"<b>{html.escape(text)}</b>"
        if advice:
            body += "<br>" + html.escape(advice)
        self.setText(body)
        self.setStyleSheet(f"QLabel {{ background: {colour}; color: white; border-radius: 6px; }}")
        self.kind = v.kind


class StreakStrip(QWidget):
    """The last 21 days as squares: filled when a session was done.

    The squares are sized from the font, so the day numbers fit in them
    at any text size (with the font at twice its size they were squeezed
    into squares a third their width, the numbers in 8-pixel type).
    """

    GAP = 4.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[tuple[date, bool]] = []
        self.planned: set[date] | None = None  # None: no plan, every day counts
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Last 21 days"))

    def set_days(
        self,
        done: set[date],
        today: date,
        planned: set[date] | None = None,
        unlived: frozenset[date] = frozenset(),
    ) -> None:
        """``unlived``: dates only a change of clock passed over (a flight
        east over the date line, ``Streak.skipped_by_clock``). They are left
        out, the strip reaching a day further back for each: an empty square
        there read as a day without a session, a missed day nobody lived."""
        self.planned = planned
        days: list[tuple[date, bool]] = []
        day = today
        while len(days) < HABIT_DAYS:
            if day not in unlived:
                days.append((day, day in done))
            day -= timedelta(days=1)
        self.days = days[::-1]
        count = sum(1 for _, d in self.days if d)
        self.setAccessibleDescription(
            self.tr("%1 of the last 21 days had a session").replace("%1", str(count))
        )
        self.update()

    def digit_font(self) -> QFont:
        """The day numbers' font: a little smaller than the text's."""
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.85)
        return font

    def least_side(self) -> float:
        """The smallest square the widest day number ("28") fits in."""
        fm = QFontMetricsF(self.digit_font())
        return max(fm.horizontalAdvance("28") + 6, fm.height() + 4)

    def square_side(self) -> float:
        """The squares' side at the strip's size (never more than the font asks)."""
        n = HABIT_DAYS
        across = (self.width() - self.GAP * (n - 1)) / n
        return min(self.height() - 2.0, across, self.least_side() * 1.5)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        side = self.least_side() * 1.5
        return QSize(int(HABIT_DAYS * (side + self.GAP)), int(side + 2))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        side = self.least_side()
        return QSize(int(HABIT_DAYS * (side + self.GAP)), self.sizeHint().height())

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        del event
        if not self.days:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = self.square_side()
        text = self.palette().color(QPalette.ColorRole.WindowText)
        p.setFont(self.digit_font())
        for i, (d, done) in enumerate(self.days):
            r = QRectF(i * (side + self.GAP), 1, side, side)
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


class StreakRow(QWidget):
    """The streak in words (by the plan when there is one) beside the strip,
    or above it when the two do not fit side by side (large text, a narrow
    window): the strip never shrinks below the size its numbers need."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        role(self.label, self.tr("Streak"))
        self.strip = StreakStrip()
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addWidget(self.label)
        self._row.addWidget(self.strip, 1)

    def side_by_side(self) -> bool:
        return self._row.direction() == QBoxLayout.Direction.LeftToRight

    def _arrange(self) -> None:
        doc = QTextDocument()
        doc.setDefaultFont(self.label.font())
        doc.setHtml(self.label.text())
        words = doc.idealWidth() + 2 * self.label.margin() + 4
        need = words + self._row.spacing() + self.strip.minimumSizeHint().width()
        beside = self.width() >= need
        self.label.setWordWrap(not beside)
        self._row.setDirection(
            QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        )

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._arrange()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._arrange()

    def show_streak(self, trend: TrendData, plan: Any, today: date) -> None:
        """``plan``: the person's core.plan.Plan, or None."""
        # The strip shows three weeks and the plan looks back four; a year of
        # done days also bounds the plan's streak, and keeps this cheap with
        # decades of history.
        first = bisect.bisect_left(trend.sessions.day, (today - day_of(0)).days - 366)
        done_days = {
            day_of(d)
            for d, n in zip(trend.sessions.day[first:], trend.sessions.done[first:], strict=True)
            if n
        }
        streak = trend.streak
        # A day only a change of clock passed over (a flight east over the
        # date line) was never lived: not on the strip, not planned, not missed.
        skipped = streak.skipped_by_clock
        planned: set[date] | None = None
        extra = ""
        by_plan = False
        if plan is not None:
            from stretchguide.core.plan import plan_adherence, plan_streak

            reach = HABIT_DAYS + len(skipped)  # the strip reaches back past them
            planned = set(plan.planned_days(today - timedelta(days=reach), today)) - skipped
            plan_run = plan_streak(plan, done_days, today, goal=streak.goal, skipped=skipped)
            # A plan younger than the run already kept (it starts with the
            # first session after an update, or a change of routine) would
            # count that run as nothing: the plain streak is the truth then.
            by_plan = plan_run.current >= streak.current
            streak = plan_run if by_plan else streak
            kept = plan_adherence(plan, done_days, today, skipped=skipped)
            if kept.planned:
                extra = (
                    "<br>"
                    + self.tr("Planned vs done, last 4 weeks: %1 of %2 planned days")
                    .replace("%1", str(kept.kept))
                    .replace("%2", str(kept.planned))
                    + (f" (+{kept.extra} " + self.tr("extra") + ")" if kept.extra else "")
                )
        self.strip.set_days(done_days, today, planned, skipped)
        self.label.setText(self.text(streak.current, streak.goal, planned=by_plan) + extra)
        self._arrange()

    def text(self, days: int, goal: int, *, planned: bool) -> str:
        """The streak in words: how long, and where that stands against the goal.

        With a plan the streak counts planned days kept (free days neither add
        nor break it), so it says so rather than "days in a row".
        """
        if days == 0:
            # Said why, after a session ended early (which does not count):
            # "none yet" alone read as a session lost.
            run = self.tr("none yet (a session counts once it runs to its end)")
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
