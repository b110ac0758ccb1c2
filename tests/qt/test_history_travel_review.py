"""The History page after a flight west (left from the time review of
Dec 4, built in s37): at 23:55 in Honolulu, the morning's session in Tokyo
is on Tuesday, and the page's today, streak and strip take Tuesday as today
(before: Monday, the streak a day short). Failed before the fix."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from tests.store.test_travel_review import HONOLULU, MON, TOKYO, Zone, at, session
from tests.support import FakeClock

from stretchguide import paths
from stretchguide.core.catalog import load_builtin
from stretchguide.store.history import History


@pytest.fixture
def in_honolulu(monkeypatch):
    """The machine's own zone is Honolulu too, as after the flight: the page
    once read today from it (Monday), whatever the store said."""
    monkeypatch.setenv("TZ", "Pacific/Honolulu")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("in_honolulu")
def test_the_history_page_takes_the_mornings_day_as_today(qtbot, _private_data_dir) -> None:
    from stretchguide.qt.history_view import HistoryView

    clock, zone = FakeClock(0), Zone(TOKYO)
    h = History.open(paths.resolve(str(_private_data_dir)).ensure(), clock=clock, utc_offset=zone)
    try:
        for d in range(-2, 2):
            session(h, clock, at(MON + timedelta(days=d), 8, 0, TOKYO))
        zone.offset = HONOLULU
        clock.now = at(MON, 23, 55, HONOLULU)
        view = HistoryView(h, load_builtin().exercises, wall=clock)
        qtbot.addWidget(view)
        view.refresh()
        assert view.today() == MON + timedelta(days=1)
        assert "<b>4</b> days in a row" in view.streak_label.text()  # was 3
    finally:
        h.close()
