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


def test_csv_export_asks_before_replacing_and_reports_errors(qtbot, app_window, tmp_path):
    window, *_ = app_window
    window.ctx.history.add_checkin("any", 3, 3, "none", note="=1+1")
    window.show_history()
    view = window._history_view
    asked, errors = [], []
    view.confirm_overwrite = lambda paths: asked.append([p.name for p in paths]) or False
    view.report_error = errors.append
    view.announce_saved = lambda path: None  # its "Saved to" box would wait for a click
    out = tmp_path / "csv"
    assert len(view.export_csv(str(out))) == 5
    (out / "checkins.csv").write_text("mine")
    assert view.export_csv(str(out)) == []
    assert asked and "checkins.csv" in asked[0]
    assert (out / "checkins.csv").read_text() == "mine"
    view.confirm_overwrite = lambda paths: True
    assert len(view.export_csv(str(out))) == 5
    assert "'=1+1" in (out / "checkins.csv").read_text()
    (tmp_path / "afile").write_text("x")
    assert view.export_csv(str(tmp_path / "afile")) == []
    assert errors and "afile" in errors[0]


def test_every_export_dialog_opens_in_the_home_folder(qtbot, app_window, monkeypatch):
    # Not the process's working folder: started from a source checkout, the
    # CSV and routine exports opened there.
    from pathlib import Path

    from stretchguide.qt import dialogs

    window, *_ = app_window
    starts: list[str] = []
    monkeypatch.setattr(
        dialogs, "existing_directory", lambda parent, title, start: starts.append(start) or ""
    )
    monkeypatch.setattr(
        dialogs,
        "save_file_name",
        lambda parent, title, start, pattern, **kw: starts.append(start) or "",
    )
    window.show_history()
    window._history_view.export_csv()
    window.ensure_routines()
    assert window.routines.details.routine is not None
    window.save_sheet()
    window.export_plan()
    home = str(Path.home())
    assert len(starts) == 3 and all(s.startswith(home) for s in starts), starts
