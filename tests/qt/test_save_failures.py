"""Nothing the person did is dropped when the history cannot be written,
and steps are stored as they really went (issues 14 and 12)."""

from __future__ import annotations

import sqlite3

from tests.qt.test_flow import app_window, run_to_end, start_session, tick_until

__all__ = ["app_window"]  # the fixture, used by name


def _failing(monkeypatch, history, name, times):
    real = getattr(history, name)
    left = {"n": times}

    def flaky(*args, **kwargs):
        if left["n"] > 0:
            left["n"] -= 1
            raise sqlite3.OperationalError("database or disk is full")
        return real(*args, **kwargs)

    monkeypatch.setattr(history, name, flaky)


def test_a_full_disk_mid_session_keeps_every_step_and_says_so(qtbot, app_window, monkeypatch):
    window, clock, wall, asked, _ = app_window
    start_session(qtbot, window)
    h = window.ctx.history
    _failing(monkeypatch, h, "record_step", 10**6)  # the disk stays full
    _failing(monkeypatch, h, "finish_session", 10**6)
    work = [s for s in window.flow.session.timeline.steps if s.is_work]
    run_to_end(window, clock)
    [session] = h.sessions()
    assert h.steps(session.id) == []  # nothing could be written...
    assert len(window.flow.writes.pending) == len(work) + 1  # ...but nothing is dropped
    assert "could not be saved yet" in window.session_view.status.text()
    assert "Not saved yet" in asked
    assert window.flow.writes.retry_timer.isActive()
    monkeypatch.undo()  # space is freed
    window.flow.writes.retry_timer.timeout.emit()
    assert window.flow.writes.pending == []
    steps = h.steps(session.id)
    assert len(steps) == len(work)
    assert all(not s.skipped and s.done_s == s.planned_s for s in steps)
    assert h.session(session.id).status.value == "completed"
    assert not window.flow.writes.retry_timer.isActive()


def test_a_locked_database_is_retried_in_order(qtbot, app_window, monkeypatch):
    window, clock, *_ = app_window
    start_session(qtbot, window)
    h = window.ctx.history
    _failing(monkeypatch, h, "record_step", 2)  # locked for a while, then free
    run_to_end(window, clock)
    window.flow.writes.flush()
    [session] = h.sessions()
    work = [s for s in window.flow.session.timeline.steps if s.is_work]
    assert [s.step_index for s in h.steps(session.id)] == sorted(
        i for i, s in enumerate(window.flow.session.timeline.steps) if s.is_work
    )
    assert len(h.steps(session.id)) == len(work)


def test_a_skipped_step_is_stored_as_skipped_with_the_time_done(qtbot, app_window):
    window, clock, *_ = app_window
    start_session(qtbot, window)
    session = window.flow.session
    tick_until(window, clock, lambda: session.snapshot(clock()).step.is_work)
    index = session.step_index(clock())
    tick_until(window, clock, lambda: session.snapshot(clock()).step_elapsed_s >= 2.0)
    window.flow.controller.skip_exercise()
    h = window.ctx.history
    [record] = h.sessions()
    [step] = [s for s in h.steps(record.id) if s.step_index == index]
    assert step.skipped
    assert 1.5 <= step.done_s < step.planned_s


def test_stopping_mid_hold_stores_the_step_cut_short(qtbot, app_window):
    window, clock, *_ = app_window
    start_session(qtbot, window)
    session = window.flow.session
    tick_until(window, clock, lambda: session.snapshot(clock()).step.is_work)
    index = session.step_index(clock())
    tick_until(window, clock, lambda: session.snapshot(clock()).step_elapsed_s >= 3.0)
    window.flow.controller.stop()
    h = window.ctx.history
    [record] = h.sessions()
    [step] = [s for s in h.steps(record.id) if s.step_index == index]
    assert not step.skipped
    assert 2.5 <= step.done_s < step.planned_s
