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
import unicodedata
from pathlib import Path
from typing import BinaryIO, NamedTuple


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


class NotUtf8(NamedTuple):
    """Why bytes are not UTF-8 text: ``kind`` is "utf-32" or "utf-16" (what
    an editor's "Unicode" saves), "nul" (a zero byte) or "byte" (another
    encoding); ``line`` and ``byte`` say where and which. For "byte",
    ``looks_like`` names the one-byte encoding the text reads as, when it
    reads as one ("Windows-1252", "Latin-1"), else None."""

    kind: str
    line: int | None = None
    byte: int | None = None
    looks_like: str | None = None


# Bytes 0x80-0x9F are controls in Latin-1 but quotes, dashes and the euro
# sign in Windows-1252; a file holding them was written by Windows' encoding.
_C1 = re.compile(rb"[\x80-\x9f]")
# Western text has a letter or two outside ASCII between ASCII ones (café,
# Größe); three in a row is more likely another script read byte by byte.
_LONG_RUN = re.compile(rb"[\x80-\xff]{3,}")


def _one_byte_encoding(data: bytes) -> str | None:
    """The one-byte Western encoding ``data`` reads as, or None: every
    character outside ASCII a letter or a sign (not a control), and none
    in a long run."""
    windows = _C1.search(data) is not None
    try:
        text = data.decode("cp1252" if windows else "latin-1")
    except UnicodeDecodeError:
        return None  # a byte Windows-1252 leaves undefined
    if _LONG_RUN.search(data) or any(
        unicodedata.category(ch)[0] == "C" for ch in text if ord(ch) > 0x7F
    ):
        return None
    return "Windows-1252" if windows else "Latin-1"


_HEAD = 200
_CHUNK = 1 << 20


def not_utf8(fh: BinaryIO, *, nul: bool = True) -> NotUtf8 | None:
    """Why the bytes read from ``fh`` are not UTF-8 text (with ``nul``, a
    zero byte counts as not text), or None if they are. Read in chunks: a
    large file's mistake is found without holding it."""
    head = fh.read(_HEAD)
    # UTF-32's mark starts like UTF-16's, so it is looked for first. Without
    # a mark, UTF-16 of Latin text has a zero in every other byte.
    if head[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        return NotUtf8("utf-32")
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or (
        len(head) >= 4 and max(head[0::2].count(0), head[1::2].count(0)) * 4 >= len(head)
    ):
        return NotUtf8("utf-16")
    pending, lines = head, 1
    while True:
        chunk = fh.read(_CHUNK)
        data = pending + chunk
        end, bad = len(data), -1
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as err:
            end = err.start
            if not (chunk and err.reason == "unexpected end of data"):
                bad = err.start
            # else a character cut by the chunk's end: decided with the next chunk
        zero = data.find(b"\x00", 0, end) if nul else -1
        bad = zero if zero >= 0 else bad
        if bad >= 0:
            line = lines + data.count(b"\n", 0, bad)
            if data[bad] == 0:
                return NotUtf8("nul", line, 0)
            return NotUtf8("byte", line, data[bad], _one_byte_encoding(data))
        if not chunk:
            return None
        lines += data.count(b"\n", 0, end)
        pending = data[end:]
