"""Read an import file's JSON one record at a time, refusing hostile values.

A history file is read as a stream of top-level members and array
elements, so no more than one record is held in memory, and values JSON
allows but a history never holds (NaN, huge numbers, repeated keys) stop
the read with their place in the file.
"""

from __future__ import annotations

import io
import json
import math
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from stretchguide.core.messages import Message, said
from stretchguide.core.os_reasons import os_reason
from stretchguide.plain_files import NotPlainFileError, open_plain
from stretchguide.store.exchange.formats import (
    MAX_INT_DIGITS,
    MAX_RECORD_CHARS,
    ImportValidationError,
)


class _HostileValueError(Exception):
    """A value JSON allows but a history file never holds (a Message says which)."""


def _no_constant(name: str) -> Any:
    raise _HostileValueError(said("{value} is not a number a history can hold", value=name))


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _HostileValueError(said("a {digits}-digit number is too large", digits=len(text)))
    return int(text)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _HostileValueError(said("{value} is too large", value=text[:40]))
    return value


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _HostileValueError(
                said("the key {key} appears twice in one object", key=repr(key[:80]))
            )
        out[key] = value
    return out


_DECODER = json.JSONDecoder(
    object_pairs_hook=_unique_keys,
    parse_int=_bounded_int,
    parse_float=_finite_float,
    parse_constant=_no_constant,
)
_WS = re.compile(r"[ \t\n\r]*")


class BadFileError(Exception):
    """The file is no JSON a history can hold; ``said`` names the place."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.said = message


class Stream:
    """Reads a JSON object's members one at a time, and the elements of its
    top-level arrays one at a time, so no more than one record is held."""

    CHUNK = 1 << 20

    def __init__(self, fh: IO[str], on_read: Callable[[int], None]) -> None:
        self.fh = fh
        self.buf = ""
        self.pos = 0
        self.base = 0  # characters dropped from the front of buf
        self.base_lines = 0  # ... the line breaks among them
        self.base_column = 0  # ... and the characters after the last one
        self.eof = False
        self.on_read = on_read

    def _fill(self) -> bool:
        if self.pos:
            dropped = self.buf[: self.pos]
            self.base += self.pos
            self.base_lines += dropped.count("\n")
            last = dropped.rfind("\n")
            self.base_column = (
                len(dropped) - last - 1 if last >= 0 else self.base_column + len(dropped)
            )
            self.buf = self.buf[self.pos :]
            self.pos = 0
        chunk = self.fh.read(self.CHUNK)
        if not chunk:
            self.eof = True
            return False
        self.on_read(len(chunk))
        self.buf += chunk
        return True

    def where(self, at: int | None = None) -> Message:
        """Line and column (and character) of ``at`` in buf, the reader's
        place by default: what an editor shows, to find the mistake."""
        at = self.pos if at is None else at
        line = self.base_lines + self.buf.count("\n", 0, at) + 1
        last = self.buf.rfind("\n", 0, at)
        column = at - last if last >= 0 else self.base_column + at + 1
        return said(
            "line {line}, column {column} (character {character})",
            line=line,
            column=column,
            character=self.base + at + 1,
        )

    def peek(self) -> str:
        while True:
            m = _WS.match(self.buf, self.pos)
            self.pos = m.end() if m else self.pos
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._fill():
                return ""

    def expect(self, char: str) -> None:
        if self.peek() != char:
            # (Quoting the first letter of "the end of the file" said "found 't'".)
            if not self.peek():
                raise BadFileError(
                    said(
                        "expected {char} at {where}, found the end of the file",
                        char=repr(char),
                        where=self.where(),
                    )
                )
            raise BadFileError(
                said(
                    "expected {char} at {where}, found {found}",
                    char=repr(char),
                    where=self.where(),
                    found=repr(self.peek()),
                )
            )
        self.pos += 1

    def value(self) -> Any:
        self.peek()
        while True:
            try:
                obj, end = _DECODER.raw_decode(self.buf, self.pos)
                # A number at the very end of the buffer may continue in the next chunk.
                if end < len(self.buf) or self.eof:
                    self.pos = end
                    return obj
            except json.JSONDecodeError as exc:
                if self.eof:
                    # Where the mistake is, not where its record starts; the
                    # detail after it is json's own ("Expecting value").
                    raise BadFileError(
                        said(
                            "not valid JSON at {where}: {detail}",
                            where=self.where(exc.pos),
                            detail=exc.msg,
                        )
                    ) from exc
            except RecursionError as exc:
                raise BadFileError(
                    said("nested too deeply at {where}", where=self.where())
                ) from exc
            except _HostileValueError as exc:
                raise BadFileError(
                    said(
                        "{problem} (in the record starting at {where})",
                        problem=exc.args[0],
                        where=self.where(),
                    )
                ) from exc
            if len(self.buf) - self.pos > MAX_RECORD_CHARS:
                raise BadFileError(
                    said(
                        "a record larger than {size} MB at {where}",
                        size=MAX_RECORD_CHARS // (1024 * 1024),
                        where=self.where(),
                    )
                )
            self._fill()

    def _comma_or(self, end: str) -> Message:
        return said(
            "expected {comma} or {end} at {where}", comma="','", end=end, where=self.where()
        )

    def members(self) -> Iterator[tuple[str, int | None, Any]]:
        """(key, index, value): index is the position inside a top-level array."""
        self.expect("{")
        if self.peek() == "}":
            self.pos += 1
        else:
            seen: set[str] = set()
            while True:
                if self.peek() != '"':
                    raise BadFileError(said("expected a key at {where}", where=self.where()))
                key = self.value()
                if key in seen:
                    raise BadFileError(
                        said("the key {key} appears twice at the top level", key=repr(key[:80]))
                    )
                seen.add(key)
                self.expect(":")
                if key in ("sessions", "checkins") and self.peek() == "[":
                    self.pos += 1
                    yield key, None, []
                    if self.peek() == "]":
                        self.pos += 1
                    else:
                        i = 0
                        while True:
                            yield key, i, self.value()
                            i += 1
                            nxt = self.peek()
                            self.pos += 1
                            if nxt == "]":
                                break
                            if nxt != ",":
                                self.pos -= 1
                                raise BadFileError(self._comma_or("']'"))
                else:
                    yield key, None, self.value()
                nxt = self.peek()
                self.pos += 1
                if nxt == "}":
                    break
                if nxt != ",":
                    self.pos -= 1
                    raise BadFileError(self._comma_or("'}'"))
        if self.peek() != "":
            raise BadFileError(said("extra data after the end, at {where}", where=self.where()))


def open_regular(path: Path) -> IO[str]:
    """Open ``path`` for reading only if it is a regular file (no FIFO, device or folder)."""
    try:
        fh = open_plain(path)
    except NotPlainFileError as exc:
        # A CSV export is a folder: said with what import reads instead.
        problem = (
            said(
                "a folder, not a file: import reads the JSON file that {command} writes",
                command="stretchguide export --json",
            )
            if exc.folder
            else said("not a regular file")
        )
        raise ImportValidationError(path, [problem]) from exc
    except OSError as exc:
        problem = said("cannot open: {reason}", reason=os_reason(exc))
        raise ImportValidationError(path, [problem]) from exc
    # utf-8-sig: a byte-order mark (Windows editors add one) is skipped, not refused.
    return io.TextIOWrapper(fh, encoding="utf-8-sig", errors="strict", newline="")
