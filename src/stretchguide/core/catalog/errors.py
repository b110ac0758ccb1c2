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
        # A key (and a duplicate key's "got") is the file's own text: a
        # 900,000-character one made a notice of 900 KB (the routines page's
        # label). Enough to find it is shown.
        field, got = _clipped(self.field, _FIELD_SHOWN), _clipped(self.got, _GOT_SHOWN)
        if self.field.startswith("("):  # the whole file: syntax, encoding, suffix
            if got is None:
                return _("{where}: expected {expected}").format(where=where, expected=self.expected)
            return _("{where}: expected {expected} ({got})").format(
                where=where, expected=self.expected, got=got
            )
        if got is None:
            return _("{where}: {field}: expected {expected}").format(
                where=where, field=field, expected=self.expected
            )
        return _("{where}: {field}: expected {expected}, got {got}").format(
            where=where, field=field, expected=self.expected, got=got
        )


_MISSING: Final = object()
_FIELD_SHOWN: Final = 120  # characters of a field's path a notice shows
_GOT_SHOWN: Final = 240  # and of what was found


def _clipped(text: str | None, limit: int) -> str | None:
    return text if text is None or len(text) <= limit else text[: limit - 1] + "…"


def _invisible(ch: str) -> bool:
    # Controls (ESC starts terminal escapes) and format characters (zero-width
    # spaces, bidi overrides): nothing a person can see or type on purpose.
    # An unassigned code point where Unicode keeps room for emoji is an emoji
    # newer than this Python's tables (shown by a newer font), not a trick.
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") and not _future_emoji(ch)


def _future_emoji(ch: str) -> bool:
    code = ord(ch)
    return (0x1F000 <= code <= 0x1FAFF or 0x1FC00 <= code <= 0x1FFFD) and (
        unicodedata.category(ch) == "Cn"
    )


_ZWJ: Final = "\u200d"
_BLACK_FLAG: Final = "\U0001f3f4"
_CANCEL_TAG: Final = "\U000e007f"
# What may follow a pictograph before a ZWJ: emoji or text presentation
# (U+FE0F, U+FE0E) and the five skin tones.
_EMOJI_TAIL: Final = frozenset("\ufe0f\ufe0e\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff")


def _pictograph(ch: str) -> bool:
    return unicodedata.category(ch) == "So" or _future_emoji(ch)


def _emoji_parts(text: str) -> set[int]:
    """Where ``text`` holds format characters that are part of an emoji: a
    zero-width joiner between two pictographs (🧘‍♀️, 👨‍👩‍👧, 🏳️‍🌈) and the
    tag letters of a subdivision flag (🏴 + tags + cancel tag: Scotland).
    Anywhere else these are invisible, and refused with the rest."""
    parts: set[int] = set()
    tags_from: int | None = None
    for i, ch in enumerate(text):
        code = ord(ch)
        if 0xE0020 <= code <= 0xE007E:
            if tags_from is None and i > 0 and text[i - 1] == _BLACK_FLAG:
                tags_from = i
            continue
        if ch == _CANCEL_TAG and tags_from is not None:
            parts.update(range(tags_from, i + 1))
        tags_from = None
        if ch == _ZWJ and i + 1 < len(text) and _pictograph(text[i + 1]):
            before = i - 1
            while before >= 0 and text[before] in _EMOJI_TAIL:
                before -= 1
            if before >= 0 and _pictograph(text[before]):
                parts.add(i)
    return parts


def _hidden(text: str, allowed: str = "") -> list[int]:
    """Where ``text`` holds characters nobody can see or means to type."""
    parts = None
    hidden = []
    for i, ch in enumerate(text):
        if ch in allowed or not _invisible(ch):
            continue
        if parts is None:
            parts = _emoji_parts(text)  # only for text with a format character
        if i not in parts:
            hidden.append(i)
    return hidden


def printable(text: str) -> str:
    """``text`` with control and format characters shown as escapes (\\x1b)."""
    hidden = _hidden(text, "\n")
    if not hidden:
        return text
    chars = list(text)
    for i in hidden:
        chars[i] = chars[i].encode("unicode_escape").decode("ascii")
    return "".join(chars)


def _visible_text(value: str, multiline: bool) -> bool:
    if _hidden(value, "\n\t" if multiline else ""):
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
