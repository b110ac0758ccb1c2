"""History page: chart data, empty state, range buttons, read-out, exports.

Every "now" and "today" here comes from one injected wall clock, the same one
the store and the view read: the real clock made these tests fail for a few
minutes around midnight, when a session's check-ins fell on two days.
"""

from __future__ import annotations

import sys
import time
from datetime import date, datetime, timedelta

import numpy as np
import pytest
from tests.support import FakeClock

from stretchguide import paths
from stretchguide.core.catalog import load_builtin
from stretchguide.store.history import History

# Five to midnight, local time: a session that starts "now" has its check-out
# on the next day. The tests hold because each one reads today from the clock.
NOW = datetime(2026, 3, 11, 23, 55).timestamp()
TODAY = date(2026, 3, 11)


@pytest.fixture
def wall():
    return FakeClock(NOW)


@pytest.fixture
def history(_private_data_dir, wall):
    h = History.open(paths.resolve(str(_private_data_dir)).ensure(), clock=wall)
    yield h
    h.close()


def _work(h, sid, routine, skipped=()):
    """One recorded hold per exercise of the routine, ``skipped`` ones skipped."""
    ids = dict.fromkeys(item.exercise_id for item in routine.items)
    for i, ex in enumerate(ids):
        h.record_step(sid, i, ex, "hold", planned_s=30, done_s=30, skipped=ex in skipped)


def _fill(h, days=20):
    """One session a day at noon, ``days`` days before the clock's today."""
    routine = load_builtin().routines["flare_up_gentle"]
    now = int(datetime.fromtimestamp(NOW).replace(hour=12, minute=0).timestamp())
    for d in range(days, 0, -1):
        start = now - d * 86400
        s = h.start_session(routine, started_at=start)
        h.add_checkin("before", 6, 7, "thigh", session_id=s.id, at=start - 60)
        _work(h, s.id, routine)
        h.finish_session(s.id, "completed", ended_at=start + 600)
        h.add_checkin("after", 4, 5, "buttock", session_id=s.id, at=start + 700, note="ok")


def _view(qtbot, h):
    from stretchguide.qt.history_view import HistoryView

    view = HistoryView(h, load_builtin().exercises, wall=h._clock)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    view.refresh()
    return view


def test_empty_history_shows_a_friendly_message_not_a_blank_chart(qtbot, history):
    view = _view(qtbot, history)
    assert view.chart_stack.currentWidget() is view.empty
    assert "Nothing here yet" in view.empty.text()


def test_chart_has_points_means_pairs_and_session_bars(qtbot, history):
    _fill(history)
    view = _view(qtbot, history)
    d = view.data
    assert len(d.back_x) == 20  # one point per day: the day's mean of both check-ins
    assert set(d.back_y) == {5.0} and set(d.leg_y) == {6.0}
    assert len(d.pairs) == 20
    assert all(before == 7 and after == 5 for _, before, after in d.pairs)
    assert sum(d.bar_h) == 20
    assert any(v == pytest.approx(5.0) for v in d.mean_back)
    assert view.chart_stack.currentWidget() is view.plots


def test_the_legend_names_every_mark_on_the_chart(qtbot, history):
    # The dotted strokes (worse pain before and after each session) had no
    # entry, so a person could not tell what they were.
    _fill(history)
    view = _view(qtbot, history)
    labels = [label.text for _, label in view.plots.legend.items]
    assert labels == [
        "Back pain",
        "Leg pain",
        "Back, 7-day average",
        "Leg, 7-day average",
        "Session: before → after",
    ]
    from PySide6.QtCore import Qt

    from stretchguide.qt.history_chart import PAIR_COLOUR

    sample, _ = view.plots.legend.items[-1]
    pen = sample.item.opts["pen"]
    assert pen.style() == Qt.PenStyle.DotLine
    assert pen.color().name() == PAIR_COLOUR


def test_range_buttons_change_the_visible_span(qtbot, history):
    _fill(history, days=60)
    view = _view(qtbot, history)
    view.range_group.button(0).click()  # 2 weeks
    x0, x1 = view.visible_range()
    assert 13 * 86400 < x1 - x0 < 16 * 86400
    view.range_group.button(3).click()  # all
    x0, x1 = view.visible_range()
    assert x1 - x0 > 59 * 86400


def test_hover_readout_names_the_nearest_days_average(qtbot, history):
    _fill(history, days=3)
    view = _view(qtbot, history)
    text = view.readout_at(view.data.back_x[0] + 10)
    assert "back 5, leg 6" in text
    # Between two days, the nearer one; before the first and after the last, those.
    xs = view.data.back_x
    # The locale's short date (English under the tests: "Mon 9 Mar").
    day = datetime.fromtimestamp(xs[1])
    when = f"{day:%a} {day.day} {day:%b}"
    assert view.readout_at(xs[1] - 0.3 * (xs[1] - xs[0])).startswith(when)
    assert view.readout_at(xs[1] + 0.3 * (xs[2] - xs[1])).startswith(when)
    assert view.readout_at(xs[0] - 1e6).startswith(datetime.fromtimestamp(xs[0]).strftime("%a"))
    assert view.readout_at(xs[-1] + 1e6).startswith(datetime.fromtimestamp(xs[-1]).strftime("%a"))


def test_refresh_reads_the_stores_trend_data_not_every_record(qtbot, history, monkeypatch):
    _fill(history, days=4)
    view = _view(qtbot, history)

    def guard(original):
        def call(*args, **kwargs):
            caller = sys._getframe(1).f_code.co_filename
            assert not caller.endswith("history_view.py"), "the view loaded every record"
            return original(*args, **kwargs)

        return call

    monkeypatch.setattr(history, "sessions", guard(history.sessions))
    monkeypatch.setattr(history, "checkins", guard(history.checkins))
    history.add_checkin("any", 3, 3, "none")  # new data: the store recomputes
    view.refresh()
    assert len(view.data.pairs) == 4 and view.table_model.rowCount() > 0


def test_exports_write_png_csv_and_pdf(qtbot, history, tmp_path):
    _fill(history, days=5)
    view = _view(qtbot, history)
    saved = []
    view.announce_saved = saved.append
    png = view.export_png(str(tmp_path / "chart.png"))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    csvs = view.export_csv(str(tmp_path / "csv"))
    assert csvs and all(p.exists() for p in csvs)
    pdf = view.export_pdf(str(tmp_path / "report.pdf"))
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5000
    # Each save says where it went ("Saved to ..." with Open folder).
    assert saved == [png, tmp_path / "csv", pdf]


def test_an_existing_file_is_not_overwritten_without_asking(qtbot, history, tmp_path):
    _fill(history, days=3)
    view = _view(qtbot, history)
    view.announce_saved = lambda path: None
    target = tmp_path / "chart.png"
    target.write_bytes(b"keep me")
    asked = []
    view.confirm_overwrite = lambda paths: asked.append(list(paths)) or False
    assert view.export_png(str(target)) is None
    assert target.read_bytes() == b"keep me" and asked == [[target]]
    assert view.export_pdf(str(target)) is None
    (tmp_path / "csv").mkdir()
    (tmp_path / "csv" / "sessions.csv").write_text("mine")
    assert view.export_csv(str(tmp_path / "csv")) == []
    assert (tmp_path / "csv" / "sessions.csv").read_text() == "mine"
    view.confirm_overwrite = lambda paths: True
    assert view.export_png(str(target)) == target
    assert target.read_bytes()[:4] == b"\x89PNG"


def test_the_chart_png_carries_a_title_with_its_date_range(qtbot, history):
    _fill(history, days=5)
    view = _view(qtbot, history)
    image = view.chart_image(800)
    first, last = view.chart_range()
    assert first <= last
    # The title band is dark text on white above the plot.
    band = max(40, (image.height()) // 13)
    dark = sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, band, 2)
        if image.pixelColor(x, y).lightness() < 100
    )
    assert dark > 50
    # The whole title fits, even narrow: its dates used to be cut off.
    from PySide6.QtGui import QFont, QFontMetrics

    from stretchguide.qt.history_chart import fitted

    title = "StretchGuide: pain over time, 05 Mar 2026 to 11 Mar 2026"
    small = fitted(QFont(), title, 18, 376)
    assert QFontMetrics(small).horizontalAdvance(title) <= 376 and small.pixelSize() < 18
    assert fitted(QFont(), title, 18, 2000).pixelSize() == 18


def test_report_summarises_adherence_pain_and_notes(history):
    from datetime import timedelta

    from stretchguide.qt.report import assemble_report, report_lines

    _fill(history, days=5)
    report = assemble_report(history, load_builtin().exercises, TODAY, TODAY - timedelta(days=27))
    text = "\n".join(t for _, t in report_lines(report))
    assert "Prepared 11 March 2026" in text
    assert "5 sessions done" in text
    assert "Back pain averaged" in text
    assert "ok" in text  # the notes


def _fill_with_answers(h, days=6):
    """Sessions of one routine, each followed by a better check-in; the person
    says the first exercise felt worse and presses "this hurts" on it, and
    says every other exercise felt better. In the last session they skip
    the last exercise."""
    routine = load_builtin().routines["flare_up_gentle"]
    ids = list(dict.fromkeys(item.exercise_id for item in routine.items))
    now = int(datetime.fromtimestamp(NOW).replace(hour=12, minute=0).timestamp())
    for d in range(days, 0, -1):
        start = now - d * 86400
        s = h.start_session(routine, started_at=start)
        h.add_checkin("before", 6, 7, "thigh", session_id=s.id, at=start - 60)
        _work(h, s.id, routine, skipped=ids[-1:] if d == 1 else ())
        if d % 2:
            h.record_hurt(s.id, ids[0], 1, at=start + 30)
        h.finish_session(s.id, "completed", ended_at=start + 600)
        h.add_checkin("after", 4, 5, "buttock", session_id=s.id, at=start + 700)
        h.set_response(s.id, ids[0], "worse" if d > 2 else "same")
        for other in ids[1:]:
            h.set_response(s.id, other, "better")
    return ids


def test_exercise_that_hurts_is_flagged_at_the_top_in_words_not_only_colour(qtbot, history):
    from PySide6.QtCore import Qt

    ids = _fill_with_answers(history, days=6)
    names = load_builtin().exercises
    view = _view(qtbot, history)
    model = view.table_model
    assert model.rowCount() == len(ids)

    def cell(row, col, role=Qt.ItemDataRole.DisplayRole):
        return model.data(model.index(row, col), role)

    assert cell(0, 0) == names[ids[0]].name
    assert "hurt" in cell(0, 1)
    # 4 worse answers, 2 the same; hurts pressed on days 5, 3 and 1.
    assert cell(0, 2) == "0 · 2 · 4" and cell(0, 3) == "3"
    # Every session came before a better check-in: shared by the exercises
    # done in it, so not by the one skipped in the last session.
    skipped_row = [cell(row, 0) for row in range(model.rowCount())].index(names[ids[-1]].name)
    assert cell(skipped_row, 4) == "5 · 0 · 0"
    assert all(cell(row, 4) == "6 · 0 · 0" for row in range(model.rowCount()) if row != skipped_row)
    for row in range(1, model.rowCount()):
        assert "help" in cell(row, 1) and cell(row, 2) == "6 · 0 · 0" and cell(row, 3) == "0"
    # Colour marks the flagged row too, and a screen reader hears a sentence.
    assert cell(0, 1, Qt.ItemDataRole.ForegroundRole) != cell(1, 1, Qt.ItemDataRole.ForegroundRole)
    assert cell(0, 0, Qt.ItemDataRole.BackgroundRole) is not None
    assert cell(1, 0, Qt.ItemDataRole.BackgroundRole) is None
    spoken = cell(0, 2, Qt.ItemDataRole.AccessibleTextRole)
    assert "worse 4" in spoken and "the same 2" in spoken


def test_exercise_nobody_answered_about_shows_no_lean(qtbot, history):
    _fill(history, days=3)  # check-ins, but no answers or hurt presses
    view = _view(qtbot, history)
    model = view.table_model
    leans = {model.data(model.index(row, 1)) for row in range(model.rowCount())}
    assert leans == {"\u2013"}


@pytest.mark.parametrize("weak", [False, True])
def test_stats_and_the_history_page_say_the_same_verdict(qtbot, _private_data_dir, capsys, weak):
    from stretchguide.__main__ import main
    from stretchguide.core.verdict_words import verdict_advice, verdict_headline

    # `stretchguide stats` reads the real clock, so this test's history does
    # too (the others run on the fixed clock at five to midnight).
    history = History.open(paths.resolve(str(_private_data_dir)).ensure())
    now = int(time.time())
    # Two weeks of low, steady leg pain: settled, not sent to a doctor --
    # unless weakness keeps being reported.
    for d in range(13, -1, -1):
        history.add_checkin("any", 1, 1, "buttock", weakness=weak and d < 3, at=now - d * 86400)
    view = _view(qtbot, history)
    verdict = history.summary().verdict
    headline, advice = verdict_headline(verdict), verdict_advice(verdict)
    assert headline in view.banner.text() and advice is not None
    assert ("doctor" in advice) is weak
    history.close()
    assert main(["--data-dir", str(_private_data_dir), "stats"]) == 0
    out = capsys.readouterr().out
    assert f"Last 14 days: {headline}" in out
    assert advice in out
    if weak:
        assert "Weakness" in out


@pytest.mark.parametrize(
    "zone", ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "UTC"]
)
def test_day_positions_match_the_calendar_across_clock_changes(monkeypatch, zone):
    # day_noons reads the clock's offset once a week; every day must still
    # land where day_ts puts it, through daylight-saving changes and gaps.
    from stretchguide.qt.history_data import day_noons, day_of, day_ts

    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        days = list(range(18000, 18800)) + [19000, 19003, 19400] + list(range(19500, 19530))
        assert day_noons(days) == [day_ts(day_of(d)) for d in days]
        assert day_noons([]) == [] and day_noons([19000]) == [day_ts(day_of(19000))]
    finally:
        monkeypatch.undo()
        time.tzset()


def test_long_history_is_drawn_with_one_item_per_series(qtbot, history):
    # An item per before/after pair made ten years take half a minute.
    _fill(history, days=60)
    view = _view(qtbot, history)
    series = (view.plots.back_item, view.plots.leg_item, view.plots.mean_back_item,
              view.plots.mean_leg_item)  # fmt: skip
    assert all(item in view.pain_plot.items for item in series)
    # Nothing else: one item per series, pairs and bars, not one per day.
    assert len(view.pain_plot.items) == len(series) + 1
    assert view.pairs_item in view.pain_plot.items  # every pair: one item
    view.range_group.button(0).click()  # 2 weeks
    x0, x1 = view.visible_range()
    # The pairs it holds are the data's pairs in view (one beyond each edge),
    # each from its lower end to its upper.
    want = sorted(
        (x, min(b, a), max(b, a)) for x, b, a in view.data.pairs if x0 - 86400 <= x <= x1 + 86400
    )
    got = list(zip(view.pairs_item.x, view.pairs_item.lo, view.pairs_item.hi, strict=True))
    assert got == want and 14 <= len(got) <= 17
    assert all((lo, hi) == (5, 7) for _, lo, hi in got)


def _pixels(view):
    """The chart as painted, and a function from view (x, y) to its pixel."""
    image = view.plots.grab().toImage()
    ratio = image.devicePixelRatio()

    def at(plot, x, y):
        scene = plot.vb.mapViewToScene(__import__("pyqtgraph").Point(x, y))
        p = view.plots.mapFromScene(scene)
        return round(p.x() * ratio), round(p.y() * ratio)

    return image, at


def test_pairs_are_painted_as_dotted_strokes_between_their_ends(qtbot, history):
    _fill(history, days=20)  # every pair: worst 7 before, 5 after
    view = _view(qtbot, history)
    view.range_group.button(0).click()
    qtbot.wait(10)
    image, at = _pixels(view)
    x = view.data.pairs[-3][0]
    col, top = at(view.pain_plot, x, 7)
    _, bottom = at(view.pain_plot, x, 5)
    _, above = at(view.pain_plot, x, 8)

    def grey(y):
        c = image.pixelColor(col, y)  # the grid's faint lines darken it a shade
        return c.red() == c.green() == c.blue() and 0x70 <= c.red() <= 0x88

    stroke = [grey(y) for y in range(top, bottom + 1)]
    # Dashes and gaps all the way from 7 to 5: two thirds of it grey (less
    # where the averages cross it), not all of it.
    assert 0.5 < sum(stroke) / len(stroke) < 0.75
    assert grey(top) or grey(top + 1)  # it starts at the upper end
    assert not any(grey(y) for y in range(above - 3, top - 3))  # nothing above it


def test_session_bars_are_green_when_years_share_a_pixel(qtbot, history):
    # A black outline on every bar turned "All" into a black block.
    _fill(history, days=400)
    view = _view(qtbot, history)
    view.range_group.button(3).click()
    qtbot.waitUntil(lambda: view.whole)
    qtbot.wait(10)
    image, at = _pixels(view)
    x = view.data.bar_x[200]
    col, row = at(view.bar_plot, x, 0.5)
    c = image.pixelColor(col, row)
    assert c.green() > c.red() + 40 and c.green() > 90


def test_a_range_change_paints_the_chart_once(qtbot, history):
    # pyqtgraph moved the items to the new range while painting, which
    # asked for a second paint of the whole chart after every click.
    from PySide6.QtCore import QEvent, QObject

    _fill(history, days=60)
    view = _view(qtbot, history)
    qtbot.waitUntil(lambda: view.whole)
    qtbot.wait(20)

    class Count(QObject):
        paints = 0

        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                self.paints += 1
            return False

    count = Count()
    view.plots.viewport().installEventFilter(count)
    qtbot.wait(100)  # any paint the first show left queued lands before we count
    # Each click moves the range: with 60 days, "3 months" and "All" show
    # the same days, and a click that changes nothing has nothing to paint
    # (whether a stray paint lands then is timing, not the chart).
    for button in (0, 3, 0, 1):
        before = view.visible_range()
        count.paints = 0
        view.range_group.button(button).click()
        assert view.visible_range() != before
        qtbot.waitUntil(lambda: count.paints > 0)
        qtbot.wait(50)
        assert count.paints == 1


def test_pairs_merge_to_the_widest_per_pixel_column():
    from stretchguide.qt.history_data import pair_columns, pairs_in_view

    pairs = [(d * 86400.0, 6, 4) for d in range(1000)]
    pairs[500] = (500 * 86400.0, 9, 1)
    x, lo, hi = pair_columns(pairs)
    px, plo, phi = pairs_in_view(x, lo, hi, 0.0, 999 * 86400.0, 100)
    assert len(px) <= 101 and plo.min() == 1 and phi.max() == 9
    assert (plo == 4).sum() >= 99 and (phi == 6).sum() >= 99  # one column holds the wide one
    px, plo, phi = pairs_in_view(x, lo, hi, 10 * 86400.0, 20 * 86400.0, 500)  # few: each as is
    assert list(px) == [d * 86400.0 for d in range(9, 21)]  # one beyond the left edge
    assert set(plo) == {4} and set(phi) == {6}


def test_session_bars_merge_to_the_tallest_per_pixel_column():
    from stretchguide.qt.history_data import bars_in_view

    x = np.arange(0.0, 1000.0) * 86400
    h = np.ones(1000)
    h[500] = 3
    bx, bh = bars_in_view(x, h, 0.0, 999 * 86400.0, 100)
    assert len(bx) <= 101 and bh.max() == 3 and bh.min() == 1
    bx, bh = bars_in_view(x, h, 10 * 86400.0, 20 * 86400.0, 500)  # few: every bar, as is
    assert list(bh) == [1.0] * len(bx) and 11 <= len(bx) <= 13


def test_the_view_reads_today_from_the_injected_wall_clock(qtbot, history, wall):
    _fill(history, days=3)
    view = _view(qtbot, history)
    assert view.today() == TODAY
    _, x1 = view.visible_range()
    assert datetime.fromtimestamp(x1).date() == date(2026, 3, 12)  # the end of today
    wall.advance(10 * 60)  # past midnight: tomorrow, by the same clock
    assert view.today() == date(2026, 3, 12)


def test_the_windows_history_page_uses_the_windows_wall_clock(qtbot, _private_data_dir):
    from stretchguide.qt.app import build_window

    window = build_window(
        paths.resolve(str(_private_data_dir)), clock=FakeClock(5000.0), wall=FakeClock(NOW)
    )
    qtbot.addWidget(window)
    try:
        window.ctx.prefs.disclaimer_accepted = True
        window.ctx.prefs.red_flags_checked_at = window.ctx.wall()
        window.show_history()
        assert window.current_page() == "history"
        assert window._history_view.today() == TODAY
    finally:
        window.ctx.history.close()


def test_a_long_history_draws_the_range_in_view_first_then_all_of_it(qtbot, history):
    _fill(history, days=200)
    view = _view(qtbot, history)
    # Three months in view: the click read about that much, not 200 days.
    assert not view.whole
    assert 91 <= len(view.data.back_x) <= 91 + 14
    assert view.table_model.rowCount() == 0  # the table sums every session: it waits
    first_drawn = view.visible_range()
    qtbot.waitUntil(lambda: view.whole)
    assert len(view.data.back_x) == 200 and len(view.data.pairs) == 200
    assert view.table_model.rowCount() > 0
    assert view.visible_range() == first_drawn  # the rest arrived without moving the view
    view.range_group.button(3).click()  # All
    x0, _ = view.visible_range()
    assert x0 <= view.data.back_x[0]


def test_all_clicked_before_the_rest_arrived_reads_it_at_once(qtbot, history):
    _fill(history, days=200)
    view = _view(qtbot, history)
    assert not view.whole
    view.range_group.button(3).click()  # All, before the event loop ran
    assert view.whole and len(view.data.back_x) == 200
    x0, _ = view.visible_range()
    assert x0 <= view.data.back_x[0]


@pytest.mark.skipif(
    __import__("shutil").which("pdftotext") is None, reason="needs poppler's pdftotext"
)
def test_the_report_from_the_window_lists_the_saved_plans_dose_changes(
    qtbot, _private_data_dir, tmp_path
):
    import subprocess
    import unicodedata

    from stretchguide.core.plan import PLAN_FILE, Change, Field, PlanState, save_state
    from stretchguide.qt.app import build_window

    app_paths = paths.resolve(str(_private_data_dir)).ensure()
    up = "Knee hug: try 6 repetitions instead of 5, because your sessions were fine."
    back = "Knee hug: 5 repetitions instead of 6, because your leg pain spread."
    state = PlanState(
        "flare_up_gentle",
        date(2026, 3, 1),
        {"knee_to_chest": {"reps": 5.0}},
        (
            Change(date(2026, 3, 4), "knee_to_chest", Field.REPS, 5, 6, up),
            Change(date(2026, 3, 9), "knee_to_chest", Field.REPS, 6, 5, back),
        ),
    )
    save_state(app_paths.data_dir / PLAN_FILE, state)
    window = build_window(app_paths, clock=FakeClock(5000.0), wall=FakeClock(NOW))
    qtbot.addWidget(window)
    try:
        window.ctx.prefs.disclaimer_accepted = True
        window.ctx.prefs.red_flags_checked_at = window.ctx.wall()
        window.show_history()
        view = window._history_view
        view.announce_saved = lambda _path: None
        pdf = view.export_pdf(str(tmp_path / "report.pdf"))
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        # NFKC: the PDF's font sets "fi" as one ligature glyph.
        flat = " ".join(unicodedata.normalize("NFKC", text).split())
        assert f"4 March 2026: {up}" in flat
        assert f"9 March 2026: {back}" in flat
    finally:
        window.ctx.history.close()


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (
            0,
            "Streak: none yet (a session counts once it runs to its end) \u2014 "
            "21 more days to reach the 21-day habit goal",
        ),
        (1, "Streak: <b>1</b> day so far \u2014 20 more days to reach the 21-day habit goal"),
        (20, "Streak: <b>20</b> days in a row \u2014 1 more day to reach the 21-day habit goal"),
        (21, "Streak: <b>21</b> days in a row \u2014 the 21-day habit goal reached"),
        (43, "Streak: <b>43</b> days in a row \u2014 past the 21-day habit goal"),
    ],
)
def test_the_streak_line_reads_in_plain_words(qtbot, history, days, words):
    _fill(history, days=days)
    view = _view(qtbot, history)
    assert view.streak_label.text() == words
    assert " of 21" not in view.streak_label.text()


def test_a_plan_streak_counts_planned_days_kept(qtbot, history):
    view = _view(qtbot, history)
    assert view._streak_text(1, 21, planned=True) == (
        "Streak: <b>1</b> planned day kept so far \u2014 "
        "20 more planned days to reach the 21-day habit goal"
    )
    assert view._streak_text(30, 21, planned=True) == (
        "Streak: <b>30</b> planned days kept in a row \u2014 past the 21-day habit goal"
    )


def test_a_plan_that_starts_today_does_not_wipe_the_streak_already_kept(qtbot, history):
    # A plan begins with the first session after it exists (an update, a new
    # routine): the ten days kept before it still count, and a plan with no
    # planned day behind it yet says nothing about planned vs done.
    from stretchguide.core.plan import Plan

    _fill(history, days=10)
    routine = load_builtin().routines["flare_up_gentle"]
    view = _view(qtbot, history)
    view.plan_source = lambda: Plan.for_routine(routine, TODAY + timedelta(days=1))
    view.refresh()
    text = view.streak_label.text()
    assert text.startswith("Streak: <b>10</b> days in a row")
    assert "Planned vs done" not in text


def test_the_date_axis_drops_month_ticks_only_when_they_crowd(qtbot, history):
    from PySide6.QtGui import QFont, QFontMetrics

    from stretchguide.qt.history_chart import DateAxis

    axis = DateAxis(orientation="bottom")
    axis.fontMetrics = QFontMetrics(QFont())  # set by pyqtgraph when it paints
    day = 86400.0
    # A year across 600 pixels: years and months, as pyqtgraph draws them.
    levels = axis.tickValues(0.0, 365 * day, 600)
    assert [spacing for spacing, _ in levels] == [365 * day, 30 * day]
    assert len(levels[1][1]) >= 11
    # Thirty years across 600 pixels: months 1.6 pixels apart, years only.
    levels = axis.tickValues(0.0, 30 * 365 * day, 600)
    assert [spacing for spacing, _ in levels] == [365 * day]
    labels = axis.tickStrings(levels[0][1], 1.0, levels[0][0])
    assert labels and all(s.isdigit() and len(s) == 4 for s in labels)


@pytest.mark.parametrize(
    ("lang", "months", "monday"),
    [("de_DE", ["Feb", "Mär"], "Mo."), ("fr_FR", ["févr.", "mars"], "lun.")],
)
def test_the_date_axis_names_months_and_weekdays_in_the_apps_language(qtbot, lang, months, monday):
    # pyqtgraph names them with strftime, in the C library's locale: English
    # on a German, Spanish or French chart until the axis used QLocale.
    from PySide6.QtCore import QLocale, QRectF
    from PySide6.QtGui import QFont, QFontMetrics

    from stretchguide.qt.history_chart import DateAxis

    before = QLocale()
    QLocale.setDefault(QLocale(lang))
    try:
        axis = DateAxis(orientation="bottom")
        axis.fontMetrics = QFontMetrics(QFont())  # set by pyqtgraph when it paints
        axis.setGeometry(QRectF(0, 0, 600, 40))  # laid out in a plot, 600 px wide
        day = 86400.0
        start = datetime(2024, 1, 1, 12).timestamp()  # a Monday
        levels = axis.tickValues(start - 40 * day, start + 80 * day, 600)
        month_ticks = next(v for sp, v in levels if sp == 30 * day)
        got = axis.tickStrings(month_ticks, 1.0, 30 * day)
        local = {QLocale().standaloneMonthName(m, QLocale.FormatType.ShortFormat) for m in (2, 3)}
        assert set(months) == local  # Qt's names, checked once by eye
        assert set(months) <= set(got), got  # (January gives way to the year)
        axis.tickValues(start - day / 2, start + day / 2, 600)  # days and hours
        assert axis.tickStrings([start], 1.0, day) == [f"{monday} 01"]
    finally:
        QLocale.setDefault(before)


def test_dense_dots_keep_each_columns_lowest_and_highest_day():
    from stretchguide.qt.history_data import peak_columns

    # Ten days in each of three pixel columns; the middle column has a bad day.
    xd = np.arange(30) / 10.0
    yd = np.full(30, 50.0)
    yd[14], yd[25] = 5.0, 60.0  # device y grows downwards: 5 is the high pain
    x, y = peak_columns(xd, yd)
    assert list(x) == [0.5, 0.5, 1.5, 1.5, 2.5, 2.5]
    assert list(y) == [50, 50, 5, 50, 50, 60]
    # Saved at twice the size: columns two device pixels wide, the same days.
    x, y = peak_columns(xd * 2, yd, 2.0)
    assert list(x) == [1.0, 1.0, 3.0, 3.0, 5.0, 5.0] and list(y) == [50, 50, 5, 50, 50, 60]


def test_a_dense_average_covers_what_its_strokes_covered_and_breaks_at_gaps():
    from stretchguide.qt.history_data import line_band

    # Four points a column over six columns; no value in column 3.
    xd = np.arange(24) / 4.0
    yd = 100.0 + 10 * np.sin(np.arange(24.0))
    yd[12:16] = np.nan
    rects, joins = line_band(xd, yd, 1.0, 1.5)
    assert list(rects[:, 0]) == [-1.0, 0.0, 1.0, 3.0, 4.0]  # 3 px wide, centred on each column
    assert set(rects[:, 2]) == {3.0}
    top, bottom = rects[:, 1], rects[:, 1] + rects[:, 3]
    for i, c in enumerate((0, 1, 2, 4, 5)):
        own = yd[4 * c : 4 * c + 4]
        # Each band holds its own column from lowest to highest, a half pen beyond.
        assert top[i] <= own.min() - 1.5 and bottom[i] >= own.max() + 1.5
    # Joined columns reach into each other (the stroke from one column's
    # highest to the next one's lowest); across the gap they do not.
    assert top[0] == min(yd[0:8].min(), yd[0:4].min()) - 1.5
    assert bottom[1] == max(yd[0:8].max(), yd[4:8].max()) + 1.5
    assert bottom[3] == yd[16:20].max() + 1.5  # column 4: nothing before it
    assert all(len(j) == 0 for j in joins)  # neighbours touch: no extra strokes
    # Columns apart with values between them (a sparse stretch): joined by a stroke.
    rects, joins = line_band(np.array([0.2, 0.4, 0.6, 5.5]), np.array([1.0, 2, 3, 4]), 1.0, 1.5)
    assert len(rects) == 2 and [list(j) for j in joins] == [[0.6], [3.0], [5.5], [4.0]]


def test_a_range_change_redraws_the_range_in_view_thinned_to_the_chart(qtbot, history):
    # Check-ins only (no sessions): a day a point. One bad day among many.
    noon = int(datetime.fromtimestamp(NOW).replace(hour=12, minute=0).timestamp())
    days = 700
    for d in range(days, 0, -1):
        bad = d == 50  # among the newest days
        history.add_checkin("any", 9 if bad else 3, 1 if bad else 4, "none", at=noon - d * 86400)
    view = _view(qtbot, history)
    view.resize(700, 600)
    qtbot.waitUntil(lambda: view.whole)
    plots = view.plots
    dots, average = plots.back_item, plots.mean_back_item

    def shown(button):
        view.range_group.button(button).click()
        plots.viewport().repaint()
        x0, x1 = view.visible_range()
        in_view = [x for x in view.data.back_x if x0 <= x <= x1]
        return x1 - x0, len(in_view), int(plots.pain_plot.vb.width())

    span, n, columns = shown(0)  # 2 weeks: every day in view drawn, as a line
    assert 13 * 86400 < span < 16 * 86400
    assert n <= dots.drawn <= n + 2 and not average.banded  # one beyond each edge
    span, n, columns = shown(3)  # all: more days than pixel columns
    assert span > (days - 1) * 86400 and n == days > columns
    assert dots.drawn <= 2 * (columns + 2) and average.banded
    image, at = _pixels(view)
    bad_x = view.data.back_x[days - 50]
    c = image.pixelColor(*at(view.pain_plot, bad_x, 9))
    assert c.blue() > c.red() + 60, "the bad day's dot is still drawn"
    c = image.pixelColor(*at(view.pain_plot, view.data.mean_x[100], 4))
    # The leg average's orange (a grid line crosses it at 4, a shade darker).
    assert c.red() > 150 and c.red() > c.green() + 40 > c.blue() + 80, "the leg average's band"
    span, n, columns = shown(1)  # back to 3 months: each day again
    assert 90 * 86400 < span < 93 * 86400
    assert n <= dots.drawn <= n + 2 and not average.banded


def test_the_date_axis_skips_month_names_only_where_pyqtgraph_would_drop_them(qtbot):
    import pyqtgraph as pg
    from PySide6.QtGui import QPainter, QPicture

    from stretchguide.qt.history_chart import DateAxis

    day = 86400.0
    start = datetime(2020, 1, 1).timestamp()

    def names(years, width):
        """The month names the axis draws with ``years`` across ``width`` px."""
        axis = DateAxis(orientation="bottom")
        widget = pg.GraphicsLayoutWidget()
        qtbot.addWidget(widget)
        plot = widget.addPlot(axisItems={"bottom": axis})
        widget.resize(width + 60, 200)
        widget.show()
        qtbot.waitExposed(widget)
        plot.setXRange(start, start + years * 365 * day, padding=0)
        skipped = []

        def made(values, scale, spacing):
            got = DateAxis.tickStrings(axis, values, scale, spacing)
            if spacing == 30 * day and all(s is None for s in got):
                skipped.append(len(values))
            return got

        axis.tickStrings = made
        picture = QPicture()
        p = QPainter(picture)
        specs = axis.generateDrawSpecs(p)
        p.end()
        # Every name made and measured (pyqtgraph's way; the names are the
        # app's language's, so the axis' own tickStrings, never skipping).
        del axis.tickStrings
        axis._narrowest_month = lambda: 0.0
        picture = QPicture()
        p = QPainter(picture)
        want = axis.generateDrawSpecs(p)
        p.end()
        texts = [t for _, _, t in specs[2]]
        assert texts == [t for _, _, t in want[2]]  # the same labels either way
        return texts, bool(skipped)

    texts, skipped = names(1, 600)  # a year: months named, nothing skipped
    assert not skipped and len(texts) >= 10
    texts, skipped = names(4, 500)  # four years: the names would crowd
    assert skipped and all(t.isdigit() for t in texts)


@pytest.fixture
def restore_palette():
    from PySide6.QtWidgets import QApplication

    from stretchguide.qt import theme

    app = QApplication.instance()
    palette = app.palette()
    yield
    theme.set_theme("system")
    app.setPalette(palette)


def test_the_whole_page_follows_a_theme_change_at_once(qtbot, history, restore_palette):
    # Walk-through finding 4: Dark in Settings with History open left the
    # streak line, the table's heading and its footnote black on black (a
    # style sheet on the page kept its labels in the old palette), the day
    # boxes unseen and the chart white, until a restart.
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QLabel

    from stretchguide.qt import theme

    _fill(history)
    theme.set_theme("light")
    view = _view(qtbot, history)
    chart = view.plots
    theme.set_theme("dark")
    qtbot.wait(1)

    def lightness(widget, role):
        return widget.palette().color(role).lightness()

    window = QPalette.ColorRole.Window
    text = QPalette.ColorRole.WindowText
    assert lightness(view, window) < 80
    labels = [view.streak_label, view.readout, *view.table_box.findChildren(QLabel)]
    assert view.table_box.note in labels
    for label in [*labels, view.streak, view.empty]:
        assert lightness(label, text) > 180, label.text() if isinstance(label, QLabel) else label
        assert lightness(label, window) < 80
    for button in view.range_group.buttons():  # drawn in the new colours
        face = button.grab().toImage().pixelColor(button.width() // 5, button.height() // 2)
        assert (face.lightness() < 100) != button.isChecked(), button.text()
    assert chart.backgroundBrush().color().lightness() < 80
    for plot in (chart.pain_plot, chart.bar_plot):
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            assert axis.pen().color().lightness() > 180
            assert axis.textPen().color().lightness() > 180
    assert chart.legend.brush().color().lightness() < 80
    light = chart.palette().color(text).name()
    assert all(light in label.item.toHtml() for _sample, label in chart.legend.items)

    theme.set_theme("light")  # and back
    qtbot.wait(1)
    assert chart.backgroundBrush().color().lightness() > 200
    assert lightness(view.streak_label, text) < 80
    assert chart.pain_plot.getAxis("left").pen().color().lightness() < 80


def test_a_long_exercise_name_wraps_rather_than_ending_in_dots(qtbot):
    # A new user's History at 1024 pixels showed "Lying ha…", German "Rumpfat…".
    from stretchguide.core.catalog.reader import load_builtin
    from stretchguide.core.trends.exercises import ExerciseLink
    from stretchguide.qt.history_table import HelpsHurtsBox

    exercises = load_builtin().exercises
    box = HelpsHurtsBox(exercises)
    qtbot.addWidget(box)
    box.model.set_links([ExerciseLink("supine_piriformis_stretch", 0, 0, 0, felt_better=3)])
    # Narrower than at 1024 pixels: there the name now fits on one line
    # (test_history_and_scale_polish); here it still cannot.
    box.resize(300, 300)
    box.show()
    qtbot.waitExposed(box)
    box.table.resizeRowsToContents()
    line = box.table.fontMetrics().height()
    name_width = box.table.fontMetrics().horizontalAdvance(
        exercises["supine_piriformis_stretch"].name
    )
    assert box.table.columnWidth(0) < name_width  # too narrow for one line...
    assert box.table.rowHeight(0) >= 2 * line  # ...so it takes two


@pytest.mark.parametrize("kind", ["improving", "settled", "not_enough_data"])
def test_a_verdict_that_names_a_professional_is_never_on_green_or_grey(qtbot, kind):
    from stretchguide.core.trends import Verdict, VerdictKind
    from stretchguide.qt.history_streak import VerdictBanner

    banner = VerdictBanner()
    qtbot.addWidget(banner)
    banner.show_verdict(Verdict(VerdictKind(kind)))
    calm = banner.styleSheet()
    banner.show_verdict(Verdict(VerdictKind(kind), nerve=("Numbness has started.",)))
    warned = banner.styleSheet()
    assert warned != calm
    assert "doctor" in banner.text() or "physiotherapist" in banner.text()
    # The same colour as "no change in two weeks: see someone".
    banner.show_verdict(Verdict(VerdictKind.NO_CHANGE))
    assert banner.styleSheet() == warned


def test_the_banner_never_shows_better_pain_beside_numbness_as_all_good(qtbot):
    """Leg pain better but numbness still there: the headline names the
    numbness and the banner is not the green of "keep going"."""
    from stretchguide.core.trends import Verdict, VerdictKind
    from stretchguide.qt.history_streak import VerdictBanner

    banner = VerdictBanner()
    qtbot.addWidget(banner)
    banner.show_verdict(Verdict(VerdictKind.IMPROVING))
    good = banner.styleSheet()
    banner.show_verdict(Verdict(VerdictKind.IMPROVING, numbness_latest=True))
    assert "numbness" in banner.text() and "have it looked at" in banner.text()
    assert banner.styleSheet() != good


@pytest.mark.parametrize("kind", ["improving", "settled", "no_change", "not_enough_data"])
def test_an_urgent_sign_in_the_two_weeks_is_on_the_red_of_worse_and_said_first(qtbot, kind):
    """ "Both legs" answered yes beside a leg getting better read "Things
    look good" on green (docs/CLINICAL.md section 4, rule 9)."""
    from datetime import date

    from stretchguide.core.trends import Verdict, VerdictKind
    from stretchguide.qt.history_streak import VerdictBanner

    banner = VerdictBanner()
    qtbot.addWidget(banner)
    banner.show_verdict(Verdict(VerdictKind.WORSE))
    red = banner.styleSheet()
    banner.show_verdict(Verdict(VerdictKind(kind), urgent=((date(2026, 3, 14), "both_legs"),)))
    assert banner.styleSheet() == red
    assert banner.text().startswith("<b>In the last two weeks you answered yes")
    assert "emergency department" in banner.text() and "look good" not in banner.text()
