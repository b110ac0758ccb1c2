"""Garbage cycles are collected on the GUI thread only (stretchguide/qt/collector.py).

A collection that starts on the voice thread frees GUI-thread Qt objects from
the wrong thread: three suite runs died in PySide's ``qt_metacall`` so. The
worker here allocates as the voice thread does while the model is built.
"""

from __future__ import annotations

import gc
import threading
import weakref

import pytest

from stretchguide.qt import collector


def _threads_that_collect(work) -> set[int]:
    """The threads in which a collection started while ``work`` ran on a thread of its own."""
    seen: set[int] = set()

    def note(phase: str, info: dict) -> None:
        if phase == "start":
            seen.add(threading.get_ident())

    gc.callbacks.append(note)
    try:
        worker = threading.Thread(target=work, name="like-the-voice-thread")
        worker.start()
        worker.join(30)
        assert not worker.is_alive()
        return {t for t in seen if t == worker.ident}
    finally:
        gc.callbacks.remove(note)


def _allocate() -> None:
    # Containers the collector counts, kept, far past its first threshold, as
    # building the command model's language model does.
    kept = [[] for _ in range(50_000)]
    del kept


def _garbage_cycle_holding_a_qobject(qapp):
    from PySide6.QtCore import QObject

    class Holder:
        pass

    a, b = Holder(), Holder()
    a.other, b.other = b, a
    a.qobject = QObject()  # lives on the GUI thread, owned by Python
    ref = weakref.ref(a)
    del a, b
    return ref


def test_a_thread_that_allocates_never_collects_while_the_gui_thread_collector_runs(qapp, qtbot):
    assert collector.running(), "tests/conftest.py starts it for every Qt test, as the app does"
    ref = _garbage_cycle_holding_a_qobject(qapp)
    assert _threads_that_collect(_allocate) == set()
    assert ref() is not None, "the cycle waits for the GUI thread"
    # Allocations past the threshold, as the automatic collector needs too;
    # the GUI thread's timer then collects the cycle within its interval.
    kept = [[] for _ in range(2 * gc.get_threshold()[0] + gc.get_count()[0])]
    qtbot.waitUntil(lambda: ref() is None, timeout=3 * collector.INTERVAL_MS)
    del kept


def test_without_it_the_allocating_thread_would_collect(qapp):
    """The hazard itself, so the test above can fail: Python's own collector
    starts a collection in whichever thread allocates."""
    collector.collect_anywhere()
    # Nothing left for the allocating thread to collect but its own lists:
    # earlier tests' Qt objects freed there are the hazard itself.
    gc.collect()
    try:
        assert gc.isenabled()
        assert _threads_that_collect(_allocate) != set()
    finally:
        collector.collect_on_gui_thread()


def test_only_generations_past_their_threshold_are_collected(qapp, monkeypatch):
    c = collector.GuiThreadCollector(qapp)
    collected: list[int] = []
    monkeypatch.setattr(gc, "collect", lambda generation=2: collected.append(generation) or 0)
    t0, t1, t2 = c._threshold
    for counts, due in (
        ((t0, 0, 0), ()),
        ((t0 + 1, t1, 0), (0,)),
        ((t0 + 1, t1 + 1, t2), (0, 1)),
        ((t0 + 1, t1 + 1, t2 + 1), (0, 1, 2)),
        ((0, t1 + 1, t2 + 1), ()),  # young first, as Python does
    ):
        collected.clear()
        monkeypatch.setattr(gc, "get_count", lambda counts=counts: counts)
        assert c.collect_due() == due
        assert tuple(collected) == due


@pytest.mark.parametrize("app_quit", [False, True])
def test_handing_back_turns_python_s_own_collector_on(qapp, app_quit, monkeypatch):
    collector.collect_on_gui_thread()
    assert not gc.isenabled()
    if app_quit:  # the timer went with its application
        monkeypatch.setattr(collector, "_is_alive", lambda c: False)
    collector.collect_anywhere()
    assert gc.isenabled() and not collector.running()
    monkeypatch.undo()
    collector.collect_on_gui_thread()
