"""The last resort for an error no handler caught: one plain sentence, never
a traceback.

Every failure the app knows of has its own message (a full disk, a damaged
file, a history in use). An error nobody foresaw, raised in a slot Qt
called, would otherwise be printed by PySide as a Python traceback on the
terminal, and the window would go on as if nothing happened. Here it is
told in one sentence in the status bar and on stderr, and the traceback
goes to ``errors.log`` in the data folder (private to the person, kept
small), where it helps whoever they ask for help. Nothing leaves the
machine.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication

LOG_NAME = "errors.log"
LOG_MAX_BYTES = 256 * 1024  # the newest few hundred errors; older ones go


def _append(log: Path, text: str) -> bool:
    try:
        if log.exists() and log.stat().st_size > LOG_MAX_BYTES:
            log.replace(log.with_name(LOG_NAME + ".old"))
        # O_NONBLOCK, then only a plain file: a named pipe there made the
        # open wait for a reader, so the first unforeseen error froze the app.
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK
        fd = os.open(log, flags, 0o600)
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            return False
        os.set_blocking(fd, True)
        with os.fdopen(fd, "a", encoding="utf-8") as f:
            f.write(text)
        return True
    except OSError:
        return False


def sentence(exc: BaseException, log: Path | None) -> str:
    """What the person reads: what happened and where the details are."""
    what = QCoreApplication.translate(
        "LastResort", "Something went wrong, and that action was stopped (%1)."
    ).replace("%1", type(exc).__name__)
    where = (
        QCoreApplication.translate(
            "LastResort", "The details are in %1, if someone helps you with it."
        ).replace("%1", str(log))
        if log is not None
        else ""
    )
    return f"{what} {where}".strip()


def install(data_dir: Path, show: Callable[[str], None]) -> None:
    """Route uncaught errors to ``show`` (the status bar) and ``errors.log``."""
    log = data_dir / LOG_NAME

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        import traceback  # only when it happens: nothing before the first paint

        written = _append(log, "".join(traceback.format_exception(kind, exc, tb)) + "\n")
        text = sentence(exc, log if written else None)
        print(f"StretchGuide: {text}", file=sys.stderr)
        with contextlib.suppress(Exception):  # the window may be going away
            show(text)

    sys.excepthook = hook
