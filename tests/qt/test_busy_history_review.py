"""Another program writes the history during a session (review s36, finding 9).

A `stretchguide import` holds one write transaction for its whole length
(74 s for 30 years). Each of the session's writes then waited the store's
5 s busy timeout on the GUI thread: the countdown, the figure and the voice
stopped, then jumped (10.5 s frozen in 35 s). The writes were kept and saved
later; now they are kept without the wait.
"""

from __future__ import annotations

import sqlite3
import time

from tests.qt.test_flow import app_window, start_session

__all__ = ["app_window"]  # the fixture, used by name


def _busy_timeout(history) -> int:
    return int(history.conn.execute("PRAGMA busy_timeout").fetchone()[0])


def test_the_session_never_waits_on_a_history_another_program_is_writing(
    qtbot, app_window, monkeypatch
):
    window, clock, *_ = app_window
    start_session(qtbot, window)
    h = window.ctx.history
    waits: list[int] = []  # the busy timeout each try of a step's write ran under
    record_step = h.record_step

    def recording(*args, **kwargs):
        waits.append(_busy_timeout(h))
        return record_step(*args, **kwargs)

    monkeypatch.setattr(h, "record_step", recording)
    importer = sqlite3.connect(window.ctx.paths.database, isolation_level=None)
    importer.execute("BEGIN IMMEDIATE")
    longest_tick = 0.0
    try:
        while len(window.flow.writes.pending) < 2:  # two holds end meanwhile
            clock.advance(0.5)
            began = time.perf_counter()
            window.flow.controller.tick()
            longest_tick = max(longest_tick, time.perf_counter() - began)
    finally:
        importer.execute("ROLLBACK")
        importer.close()
    # Each try waited 50 ms at most (one tick of the session's timer), not 5 s.
    assert waits and set(waits) == {50}
    # Measured, with a wide margin: before, a tick with a write took 5.0 s or more.
    assert longest_tick < 2.5
    assert "could not be saved yet" in window.session_view.status.text()
    # The other program is done: the next try saves both, in order, and the
    # history's usual wait is back for every other write.
    window.flow.writes.retry_timer.timeout.emit()
    assert window.flow.writes.pending == []
    [session] = h.sessions()
    work = [i for i, s in enumerate(window.flow.session.timeline.steps) if s.is_work]
    assert [s.step_index for s in h.steps(session.id)] == work[:2]
    assert _busy_timeout(h) == 5000
