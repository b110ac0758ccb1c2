"""GNU gettext ``.po`` files, read and compiled in memory (standard library only).

Kept apart from ``core.i18n`` (which re-exports it): reading the format is
one job, choosing and applying translations another. ``compile_mo`` writes
the bytes of a ``.mo`` so ``gettext.GNUTranslations`` can read them from
memory, and no binary file can go stale beside its source.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from typing import Final


@dataclass
class PoEntry:
    msgid: str
    msgstr: tuple[str, ...] = ("",)  # one form, or one per plural form
    msgctxt: str | None = None
    msgid_plural: str | None = None
    flags: frozenset[str] = frozenset()
    comments: tuple[str, ...] = ()  # "#." and "#:" lines, kept as written
    previous_msgid: str | None = None  # "#| msgid": the English it was made from

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def translated(self) -> bool:
        return "fuzzy" not in self.flags and all(self.msgstr) and bool(self.msgstr)


class PoError(ValueError):
    """A ``.po`` file that cannot be read: names the file and line."""


_ESCAPES: Final = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def _unquote(text: str, where: str) -> str:
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise PoError(f"{where}: expected a quoted string, found {text!r}")
    body = text[1:-1]
    out: list[str] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            if i + 1 >= len(body) or body[i + 1] not in _ESCAPES:
                raise PoError(f"{where}: unknown escape in {text!r}")
            out.append(_ESCAPES[body[i + 1]])
            i += 2
            continue
        if ch == '"':
            raise PoError(f"{where}: unescaped quote in {text!r}")
        out.append(ch)
        i += 1
    return "".join(out)


def parse_po(text: str, name: str = "<po>") -> list[PoEntry]:
    """Entries in file order (the header, ``msgid ""``, included)."""
    entries: list[PoEntry] = []
    fields: dict[str, str] = {}
    flags: set[str] = set()
    comments: list[str] = []
    previous: str | None = None
    current: str | None = None
    start = 0

    def finish() -> None:
        nonlocal fields, flags, comments, previous, current
        if fields:
            if "msgid" not in fields:
                raise PoError(f"{name}:{start}: entry without msgid")
            plural = "msgid_plural" in fields
            if plural:
                forms = sorted(
                    (int(k[7:-1]), v) for k, v in fields.items() if k.startswith("msgstr[")
                )
                if [n for n, _ in forms] != list(range(len(forms))) or not forms:
                    raise PoError(f"{name}:{start}: plural forms must be msgstr[0], msgstr[1], ...")
                msgstr = tuple(v for _, v in forms)
            else:
                if "msgstr" not in fields:
                    raise PoError(f"{name}:{start}: entry without msgstr")
                msgstr = (fields["msgstr"],)
            entries.append(
                PoEntry(
                    msgid=fields["msgid"],
                    msgstr=msgstr,
                    msgctxt=fields.get("msgctxt"),
                    msgid_plural=fields.get("msgid_plural"),
                    flags=frozenset(flags),
                    comments=tuple(comments),
                    previous_msgid=previous,
                )
            )
        fields, flags, comments, previous, current = {}, set(), [], None, None

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        where = f"{name}:{number}"
        if not line:
            finish()
            continue
        if line.startswith("#~"):
            continue  # obsolete entries: kept for translators, never used
        if line.startswith("#,"):
            if fields:
                finish()
            flags.update(f.strip() for f in line[2:].split(",") if f.strip())
            continue
        if line.startswith("#| msgid "):
            previous = _unquote(line[len("#| msgid ") :], where)
            continue
        if line.startswith("#"):
            if fields:
                finish()
            if line.startswith(("#.", "#:")):
                comments.append(line)
            continue
        if line.startswith('"'):
            if current is None:
                raise PoError(f"{where}: a continued string with nothing before it")
            fields[current] += _unquote(line, where)
            continue
        keyword, _, rest = line.partition(" ")
        if not (
            keyword in {"msgctxt", "msgid", "msgid_plural", "msgstr"}
            or (keyword.startswith("msgstr[") and keyword.endswith("]"))
        ):
            raise PoError(f"{where}: unknown keyword {keyword!r}")
        if keyword in {"msgctxt", "msgid"} and "msgid" in fields and keyword == "msgctxt":
            finish()
        if keyword == "msgid" and "msgid" in fields:
            finish()
        if keyword in fields:
            raise PoError(f"{where}: {keyword} given twice in one entry")
        if not fields:
            start = number
        fields[keyword] = _unquote(rest, where)
        current = keyword
    finish()
    return entries


def compile_mo(entries: list[PoEntry]) -> bytes:
    """GNU ``.mo`` bytes of the translated entries (and the header)."""
    pairs: dict[bytes, bytes] = {}
    for e in entries:
        if e.msgid and not e.translated:
            continue  # untranslated or fuzzy: gettext falls back to English
        key = e.msgid if e.msgctxt is None else f"{e.msgctxt}\x04{e.msgid}"
        if e.msgid_plural is not None:
            key += "\x00" + e.msgid_plural
        pairs[key.encode()] = "\x00".join(e.msgstr).encode()
    keys = sorted(pairs)
    n = len(keys)
    originals_at = 28
    translations_at = originals_at + 8 * n
    data_at = translations_at + 8 * n
    table_o: list[int] = []
    table_t: list[int] = []
    blob = io.BytesIO()
    for k in keys:
        table_o += [len(k), data_at + blob.tell()]
        blob.write(k + b"\0")
    for k in keys:
        v = pairs[k]
        table_t += [len(v), data_at + blob.tell()]
        blob.write(v + b"\0")
    header = struct.pack("<7I", 0x950412DE, 0, n, originals_at, translations_at, 0, 0)
    return (
        header
        + struct.pack(f"<{2 * n}I", *table_o)
        + struct.pack(f"<{2 * n}I", *table_t)
        + blob.getvalue()
    )
