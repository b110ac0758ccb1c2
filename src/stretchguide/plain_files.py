"""Open a file for reading only if it is a plain file. Standard library only.

A named pipe makes ``open`` wait until something writes to it, and a device
such as /dev/zero never ends: a reader of a person's file (a recording for
``voice-check``, a diary to import) must refuse both, at once. The file is
opened without blocking and what it is decides, from the descriptor (so a
swap between a check and the open cannot fool it).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import BinaryIO


class NotPlainFileError(OSError):
    """``path`` is a folder, a pipe or a device (``folder`` says which)."""

    def __init__(self, path: Path, *, folder: bool) -> None:
        super().__init__(f"{path}: {'a folder' if folder else 'a pipe or device'}")
        self.folder = folder


def open_plain(path: Path) -> BinaryIO:
    """``path`` opened for reading in binary, if it is a plain file.

    Raises :class:`NotPlainFileError` for anything else, and ``OSError`` as
    ``open`` would (missing, no permission).
    """
    nonblocking = getattr(os, "O_NONBLOCK", 0)  # Windows has no named pipes in the file system
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | nonblocking)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotPlainFileError(path, folder=stat.S_ISDIR(mode))
        if nonblocking:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


_BRACKETS = re.compile(r"[\[\]{}]")


def nested_deeper_than(text: str, limit: int) -> bool:
    """Whether JSON or TOML ``text`` opens more than ``limit`` brackets
    deep, counted before any parser recurses (a file of 100,000 "[" made
    Python's parsers overflow their stack). Brackets inside strings count
    too: that errs on the safe side for text no real file holds."""
    depth = 0
    for m in _BRACKETS.finditer(text):
        depth += 1 if m.group() in "[{" else -1
        if depth > limit:
            return True
    return False
