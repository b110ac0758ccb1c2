"""Python's cyclic garbage collector, run on the GUI thread only.

Python collects reference cycles in whichever thread happens to allocate
past its threshold. The voice worker runs Python on a thread of its own
(building the model, decoding a block every 100 ms), so a collection could
start there and delete a GUI-thread Qt object found in a garbage cycle
from the wrong thread, while the GUI thread delivers a queued call to that
same object. Three test runs died this way (CI in s37 and s40, a helper's
run in s41). Each time PySide's ``SignalManager::qt_metacall`` read a
wrapper that was being freed, with the voice thread inside ``Recognizer()``
and the interpreter collecting.

So once the window is up, the automatic collector is off. A timer on the
GUI thread collects what it would have collected, generation by generation,
by the same thresholds. pyqtgraph's ``GarbageCollector`` does the same, for
the same reason. Reference counting still frees everything else at once;
only cycles wait, at most a second. Start-up pauses the collector by itself
(``qt.app.pause_gc``) and hands over to this at the first paint.
"""

from __future__ import annotations

import gc
from typing import Any

INTERVAL_MS = 1000


class GuiThreadCollector:
    """Collects due generations on a GUI-thread timer while started."""

    def __init__(self, parent: Any) -> None:
        from PySide6.QtCore import QTimer

        # Captured once: these are the numbers the automatic collector used.
        self._threshold = gc.get_threshold()
        # The default timer type is coarse: a second give or take 5 %.
        self._timer = QTimer(parent)
        self._timer.setObjectName("stretchguide-gc")
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)

    @property
    def running(self) -> bool:
        return bool(self._timer.isActive())

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def collect_due(self) -> tuple[int, ...]:
        """Collect each generation whose count is past its threshold, young
        to old, as the automatic collector would; returns those collected."""
        done: list[int] = []
        counts = gc.get_count()
        for generation, (count, limit) in enumerate(zip(counts, self._threshold, strict=False)):
            if limit <= 0 or count <= limit:
                break
            gc.collect(generation)
            done.append(generation)
        return tuple(done)


_running: GuiThreadCollector | None = None


def collect_on_gui_thread() -> GuiThreadCollector | None:
    """From now on, cycles are collected on the application's thread only.

    Call it on that thread. With no application, the automatic collector
    is turned back on instead, and None is returned.
    """
    global _running
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    if app is None:
        gc.enable()
        return None
    if _running is None or not _is_alive(_running):
        _running = GuiThreadCollector(app)
    _running.start()
    return _running


def collect_anywhere() -> None:
    """Back to Python's own collector, e.g. once the application has quit."""
    if _running is not None and _is_alive(_running):
        _running.stop()
    gc.enable()


def running() -> bool:
    """Is the GUI-thread collector collecting (and the automatic one off)?"""
    return _running is not None and _is_alive(_running) and _running.running


def _is_alive(collector: GuiThreadCollector) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(collector._timer))
