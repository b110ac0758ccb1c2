"""``CatalogError``: a bad file named with its line, field and what was expected."""

from __future__ import annotations

import json
import unicodedata
from datetime import date, time
from pathlib import Path
from typing import Final

from stretchguide.core.i18n import _, ngettext

# ---------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------


class CatalogError(ValueError):
    """A content or routine file is wrong; nothing of that file was loaded."""

    def __init__(
        self,
        path: Path | str | None,
        field: str,
        expected: str,
        *,
        line: int | None = None,
        got: str | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else None
        self.line = line
        self.field = field
        self.expected = expected
        self.got = got
        super().__init__(str(self))

    def __str__(self) -> str:
        # What a file says is echoed to a terminal: never let it send escapes.
        return printable(self._text())

    def _text(self) -> str:
        # The sentence is translated when shown; the file, line number and
        # field stay as written, so a person can find them in the file.
        # A newline in a file's name would split the one line said about it.
        where = str(self.path).replace("\n", "\\n") if self.path is not None else "<routine>"
        if self.line is not None:
            where = _("{file}, line {line}").format(file=where, line=self.line)
        if self.field.startswith("("):  # the whole file: syntax, encoding, suffix
            if self.got is None:
                return _("{where}: expected {expected}").format(where=where, expected=self.expected)
            return _("{where}: expected {expected} ({got})").format(
                where=where, expected=self.expected, got=self.got
            )
        if self.got is None:
            return _("{where}: {field}: expected {expected}").format(
                where=where, field=self.field, expected=self.expected
            )
        return _("{where}: {field}: expected {expected}, got {got}").format(
            where=where, field=self.field, expected=self.expected, got=self.got
        )


_MISSING: Final = object()


def _invisible(ch: str) -> bool:
    # Controls (ESC starts terminal escapes) and format characters (zero-width
    # spaces, bidi overrides): nothing a person can see or type on purpose.
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn")


def printable(text: str) -> str:
    """``text`` with control and format characters shown as escapes (\\x1b)."""
    if not any(_invisible(ch) and ch != "\n" for ch in text):
        return text
    return "".join(
        ch if ch == "\n" or not _invisible(ch) else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


def _visible_text(value: str, multiline: bool) -> bool:
    allowed = "\n\t" if multiline else ""
    if any(_invisible(ch) and ch not in allowed for ch in value):
        return False
    return any(not ch.isspace() for ch in value)


class _InvalidError(Exception):
    """Raised inside the validators; turned into a CatalogError with file and line."""

    def __init__(self, field: str, expected: str, got: object = _MISSING) -> None:
        super().__init__(field)
        self.field = field
        self.expected = expected
        self.got = None if got is _MISSING else _show(got)


class _Raw(str):
    """A description to show as it is, not as a quoted value."""

    __slots__ = ()


def _show(value: object) -> str:
    if isinstance(value, _Raw):
        return str(value)
    if isinstance(value, dict):
        return _("a table")
    if isinstance(value, list):
        # With its length: "1 to 100", got "a list" did not say what was wrong.
        return ngettext("a list of {n} item", "a list of {n} items", len(value)).format(
            n=len(value)
        )
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (date, time)):
        # TOML has dates and times; Python's repr of one is no help to a person.
        return value.isoformat()
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
