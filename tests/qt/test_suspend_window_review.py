"""The computer sleeps mid-hold, through the real window (review s36, finding 8).

The window is built with the app's own session clock (no clock passed in),
with the kernel's clocks faked: while "suspended", CLOCK_BOOTTIME moves and
CLOCK_MONOTONIC (``time.monotonic``) stands still, as on Linux.
"""

from __future__ import annotations

import time

import pytest
from tests.qt.test_flow import start_session
from tests.support import FakeClock

from stretchguide import paths
from stretchguide.core.session import Phase
from stretchguide.qt.app import build_window

pytestmark = pytest.mark.skipif(not hasattr(time, "CLOCK_BOOTTIME"), reason="Linux only")


class KernelClocks:
    """CLOCK_BOOTTIME and CLOCK_MONOTONIC, moved by the test."""

    def __init__(self) -> None:
        self.boot = 5000.0
        self.mono = 4000.0

    def clock_gettime(self, which: int) -> float:
        if which == time.CLOCK_BOOTTIME:
            return self.boot
        if which == time.CLOCK_MONOTONIC:
            return self.mono
        raise OSError(22, "Invalid argument")

    def run(self, seconds: float) -> None:
        self.boot += seconds
        self.mono += seconds

    def suspend(self, seconds: float) -> None:
        self.boot += seconds


@pytest.fixture
def sleepy_window(qtbot, _private_data_dir, monkeypatch):
    kernel = KernelClocks()
    monkeypatch.setattr(time, "clock_gettime", kernel.clock_gettime)
    monkeypatch.setattr(time, "monotonic", lambda: kernel.mono)
    wall = FakeClock(1_760_000_000.0)
    window = build_window(paths.resolve(str(_private_data_dir)), wall=wall)
    window.ctx.audio = False
    window.ask = lambda title, text: True
    window.choose = lambda title, intro, lines: [True for _ in lines]
    window.inform = lambda title, text: None
    window.session_view.confirm_stop = lambda: True
    qtbot.addWidget(window)
    window.show()
    yield window, kernel
    window.ctx.history.close()


def _ticks(window, kernel: KernelClocks, seconds: float, dt: float = 0.05) -> None:
    for _ in range(round(seconds / dt)):
        kernel.run(dt)
        window.flow.controller.tick()


def _into_the_first_hold(qtbot, window, kernel, seconds: float) -> int:
    start_session(qtbot, window)
    session = window.flow.session
    while not session.snapshot().step.is_work:
        _ticks(window, kernel, 0.5)
    _ticks(window, kernel, seconds)
    return session.step_index()


def _stored(window, index: int):
    h = window.ctx.history
    [record] = h.sessions()
    return [s for s in h.steps(record.id) if s.step_index == index]


def test_a_laptop_asleep_mid_hold_pauses_the_session_and_says_so(qtbot, sleepy_window):
    window, kernel = sleepy_window
    hold = _into_the_first_hold(qtbot, window, kernel, 4.0)
    kernel.suspend(3600.0)
    kernel.run(0.05)
    window.flow.controller.tick()
    snap = window.flow.session.snapshot()
    # Before: time.monotonic had not moved, so the hold counted on as if
    # nothing had happened: no pause, no word.
    assert snap.phase is Phase.PAUSED and snap.stalled
    assert snap.step_index == hold and snap.step_elapsed_s == pytest.approx(4.0, abs=0.1)
    assert "asleep or busy for 1:00:0" in window.session_view.status.text()
    # The person stops there: the hold is stored as the 4 s done, not as done.
    window.flow.controller.stop()
    [step] = _stored(window, hold)
    assert not step.skipped and step.done_s == pytest.approx(4.0, abs=0.1)


def test_a_25_second_freeze_neither_finishes_the_hold_nor_starts_the_next(qtbot, sleepy_window):
    window, kernel = sleepy_window
    hold = _into_the_first_hold(qtbot, window, kernel, 10.0)
    kernel.run(25.0)  # the screen froze (or the computer slept, counted)
    window.flow.controller.tick()
    snap = window.flow.session.snapshot()
    # Before: one tick fired the release, the rest and the next hold's start,
    # and the hold was stored as done in full.
    assert snap.stalled and snap.step_index == hold
    assert _stored(window, hold) == []
    window.flow.controller.skip_exercise()  # the person moves on
    [step] = _stored(window, hold)
    assert step.skipped and step.done_s == pytest.approx(10.0, abs=0.1)
