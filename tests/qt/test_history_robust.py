"""The History page opens whatever rows the file holds (issue 14)."""

from __future__ import annotations

from tests.qt.test_flow import app_window

__all__ = ["app_window"]


def test_history_page_opens_with_impossible_dates_stored(qtbot, app_window):
    window, *_ = app_window
    h = window.ctx.history
    for at in (-62135596800 - 3600, 253402300799 + 3600):
        h.add_checkin("any", 2, 2, "none", at=at)
    h.add_checkin("any", 3, 3, "none")
    window.show_history()
    assert window.current_page() == "history"
