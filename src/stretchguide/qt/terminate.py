"""Ending on a signal: SIGTERM (a logout, ``kill``, a service manager) and
SIGHUP (the terminal it was started from closed).

Python's default for SIGTERM ends the process at once: a session in
progress stayed "in progress" with its step cut short lost, and records
waiting in memory for a history another program held (qt/pending_writes.py)
were lost with it. Here the signal closes the window as closing it for
good does, with no question, since nobody may be there to answer: the
session is stopped and stored so, the writes still waiting are tried again
for a few seconds, the settings are saved and the history is closed.

A Python signal handler only runs when Python code does, and Qt's event
loop is C++: the handler wakes the loop through ``signal.set_wakeup_fd`` and
a socket notifier. An export running at that moment finishes first (it is
written in one step anyway) and the app ends after it.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier

if TYPE_CHECKING:
    from stretchguide.qt.main_window import MainWindow

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
LAST_TRY_S = 3.0  # waiting writes are tried this long before the app ends
RETRY_EVERY_S = 0.1


def close_for_good(window: MainWindow) -> int:
    """Stop, save what can be saved, close the window and end the event
    loop, asking nothing. Returns how many records could not be saved."""
    from PySide6.QtWidgets import QApplication

    from stretchguide.qt.enums import Page

    window.terminating = True
    # Nobody may be at the screen: a question would wait for ever.
    window.ask = lambda title, text: False
    window.inform = lambda title, text: print(f"StretchGuide: {text}", file=sys.stderr)
    window.choose = lambda title, intro, lines: [False for _ in lines]
    flow = window.flow
    if flow.controller is not None and window.current_page() is Page.SESSION:
        flow.controller.stop()
    writes = flow.writes
    deadline = time.monotonic() + LAST_TRY_S
    while writes.pending and not writes.flush() and time.monotonic() < deadline:
        time.sleep(RETRY_EVERY_S)
    lost = len(writes.pending)
    if lost:
        print(f"StretchGuide: {writes.waiting_text()}", file=sys.stderr)
    window.close()
    QApplication.quit()
    return lost


def install(parent: QObject, on_signal: Callable[[], object]) -> Callable[[], None]:
    """Call ``on_signal`` in the event loop on SIGTERM or SIGHUP (once);
    returns the call that puts the old handlers back."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    received: list[int] = []

    def handler(signum: int, frame: object) -> None:
        received.append(signum)

    old_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    old = {s: signal.signal(s, handler) for s in SIGNALS}
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, parent)
    done = False

    def woken() -> None:
        nonlocal done
        with contextlib.suppress(OSError):
            reader.recv(64)
        if received and not done:
            done = True
            on_signal()

    notifier.activated.connect(woken)

    def restore() -> None:
        notifier.setEnabled(False)
        for s, h in old.items():
            signal.signal(s, h)
        signal.set_wakeup_fd(old_fd)
        reader.close()
        writer.close()

    return restore
