"""History writes kept in order until they succeed (``PendingWrites``).

Every write of the session flow goes through one queue: a session's steps,
"this hurts", its end, and also the check-ins, their per-exercise answers,
the start of a session and the red-flag answers. A write that fails (a full
disk, a history another program holds) is kept in memory, in order, and
tried again every ``SAVE_RETRY_MS``; the person is told in one sentence
why, and that nothing is lost while StretchGuide stays open.

Imports no store module at load time: the window makes the queue before
its first paint (see PERFORMANCE.md).
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from enum import Enum

from PySide6.QtCore import QObject, QTimer

SAVE_RETRY_MS = 5000  # a failed history write is tried again this often


class Why(Enum):
    """Why a write failed, in the terms the person can act on."""

    FULL = "full"  # free some disk space
    IN_USE = "in_use"  # another program holds the history
    OTHER = "other"


def why_failed(err: BaseException) -> Why:
    """Read SQLite's and the system's error as "disk full" or "in use"."""
    if isinstance(err, OSError) and err.errno in (errno.ENOSPC, errno.EDQUOT):
        return Why.FULL
    text = str(err).lower()
    if "full" in text:  # SQLITE_FULL: "database or disk is full"
        return Why.FULL
    if "locked" in text or "busy" in text:  # SQLITE_BUSY / SQLITE_LOCKED
        return Why.IN_USE
    return Why.OTHER


class PendingWrites(QObject):
    """History writes in order; one that fails (disk full, database locked)
    is kept and retried every ``SAVE_RETRY_MS``, never dropped.

    Each try runs inside ``brief()`` (the history's ``waiting_at_most``):
    these writes are made on the GUI thread, during a session too, so a
    history another program holds must not freeze the countdown.
    """

    def __init__(
        self,
        status: Callable[[str], None],
        parent: QObject,
        brief: Callable[[], AbstractContextManager[object]] = nullcontext,
    ) -> None:
        super().__init__(parent)
        self.pending: list[Callable[[], object]] = []
        self.why = Why.OTHER  # of the last failure
        self._status = status
        self._brief = brief
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(SAVE_RETRY_MS)
        self.retry_timer.timeout.connect(self.flush)

    def save(self, write: Callable[[], object]) -> bool:
        """Run a history write; if it fails keep it, retry, and say so plainly."""
        self.pending.append(write)
        return self.flush()

    def flush(self) -> bool:
        # sqlite3 and the store load with the history, after the first paint.
        import sqlite3

        from stretchguide.store.errors import StoreError

        had_failed = self.retry_timer.isActive()
        while self.pending:
            try:
                with self._brief():
                    self.pending[0]()
            except (sqlite3.Error, OSError, StoreError) as err:
                self.why = why_failed(err)
                self.retry_timer.start()
                self.remind()
                return False
            self.pending.pop(0)
        self.retry_timer.stop()
        if had_failed:
            self._status(self.tr("Everything is saved now."))
        return True

    def remind(self) -> None:
        """Say again what is not saved yet (e.g. on a page that just opened)."""
        if self.pending:
            self._status(self.waiting_text())

    def waiting_text(self) -> str:
        """One sentence: how many records wait, why, and that nothing is lost."""
        n = len(self.pending)
        if self.why is Why.FULL:
            return self.tr(
                "%n record(s) could not be saved yet: the disk is full. Nothing is lost: "
                "they are kept and StretchGuide tries again every few seconds. Please free "
                "some disk space.",
                "",
                n,
            )
        if self.why is Why.IN_USE:
            return self.tr(
                "%n record(s) could not be saved yet: another program is using your "
                "history. Nothing is lost: they are kept and StretchGuide tries again "
                "every few seconds.",
                "",
                n,
            )
        return self.tr(
            "%n record(s) could not be saved yet (the disk may be full, or "
            "another program is using your history). Nothing is lost: they "
            "are kept and StretchGuide tries again every few seconds.",
            "",
            n,
        )
