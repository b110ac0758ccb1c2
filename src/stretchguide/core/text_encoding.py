"""One way of saying that a person's file is not UTF-8, and what it looks like.

Every text file the app reads from a person (a routine, ``plan.json``, an
import, ``settings.ini``) must be UTF-8. Editors save other encodings
without asking ("Unicode" is UTF-16 in Notepad; an old one writes
Windows-1252), and "not UTF-8 text" alone leaves the person guessing what
to change. Each reader says the same thing, naming the encoding the bytes
look like and the line where they stop being UTF-8; the reader puts the
file's path in front. Standard library only.
"""

from __future__ import annotations

import io

from stretchguide.core.messages import Message, said
from stretchguide.plain_files import NotUtf8, not_utf8


class NotUtf8Error(ValueError):
    """``data`` is not UTF-8 text: ``message`` says what it looks like (without
    the line), ``line`` where it stops being UTF-8 (None for UTF-16/32)."""

    def __init__(self, why: NotUtf8) -> None:
        self.why = why
        self.line = why.line
        self.message = problem(why)
        super().__init__(str(self.with_line()))

    def with_line(self) -> Message:
        return with_line(self.why)


def problem(why: NotUtf8) -> Message:
    """What the bytes are instead of UTF-8, and what to do; no line number."""
    if why.kind in ("utf-16", "utf-32"):
        return said("{encoding} text, not UTF-8: save the file as UTF-8", encoding=why.kind.upper())
    if why.kind == "nul":
        return said("a NUL byte, which no text file holds")
    byte = f"0x{why.byte or 0:02x}"
    if why.looks_like is not None:
        return said(
            "the byte {byte} is not UTF-8; the file looks like {encoding} text: save it as UTF-8",
            byte=byte,
            encoding=why.looks_like,
        )
    return said("the byte {byte} is not UTF-8: save the file as UTF-8", byte=byte)


def with_line(why: NotUtf8) -> Message:
    """:func:`problem` with the line in front, when there is one."""
    if why.line is None:
        return problem(why)
    return said("line {line}: {problem}", line=why.line, problem=problem(why))


def check_utf8(data: bytes, *, nul: bool = True) -> NotUtf8 | None:
    """Why ``data`` is not UTF-8 text (a leading byte-order mark allowed; with
    ``nul``, a zero byte counts as not text), or None if it is."""
    return not_utf8(io.BytesIO(data.removeprefix(b"\xef\xbb\xbf")), nul=nul)


def decode_utf8(data: bytes, *, nul: bool = True) -> str:
    """``data`` as text, a UTF-8 byte-order mark skipped (Windows editors
    write one). :class:`NotUtf8Error` for anything else, and with ``nul`` for
    a zero byte too (UTF-16 of plain English is valid UTF-8 with zeros)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    if text is not None and not (nul and "\x00" in text):
        return text
    why = check_utf8(data, nul=nul)
    if why is None:  # not reached: the decoder and not_utf8 agree
        why = NotUtf8("byte", 1, 0)
    raise NotUtf8Error(why)
