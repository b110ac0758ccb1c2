"""Finding the line a field is written on, for an error message (only run after a failure)."""

from __future__ import annotations

import bisect
import json
import re
from typing import Final


def _find_line(text: str, suffix: str, field_path: str) -> int | None:
    """Best effort: the line where ``field_path`` (or its nearest parent) is written."""
    try:
        lines = _json_key_lines(text) if suffix == ".json" else _toml_key_lines(text)
    except Exception:  # noqa: BLE001 - a line number is a courtesy, never a second error
        return None
    probe = field_path
    while probe:
        if probe in lines:
            return lines[probe]
        cut = max(probe.rfind("."), probe.rfind("["))
        probe = probe[:cut] if cut > 0 else ""
    return None


# One part of a TOML key: bare, "basic" (with escapes) or 'literal'. A
# quoted key may hold any character, dots too: "{escription" or "café"
# were not found when keys were matched as bare words split at dots.
_PART: Final = r"""(?:[A-Za-z0-9_\-]+|"(?:\\.|[^"\\])*"|'[^']*')"""
_PARTS_RE: Final = re.compile(_PART)
_DOTTED: Final = rf"{_PART}(?:\s*\.\s*{_PART})*"
_HEADER_RE: Final = re.compile(rf"^\s*(\[\[?)\s*({_DOTTED})\s*\]\]?\s*(#.*)?$")
_KEY_RE: Final = re.compile(rf"^\s*({_DOTTED})\s*=")
_INLINE_KEY_RE: Final = re.compile(rf"[{{,]\s*({_DOTTED})\s*=")


def _key_parts(dotted: str) -> list[str]:
    """The parts of a dotted TOML key as the parser reads them (unquoted)."""
    parts = []
    for part in _PARTS_RE.findall(dotted):
        if part.startswith('"'):
            try:
                part = json.loads(part)  # TOML's basic-string escapes are JSON's
            except ValueError:
                part = part[1:-1]
        elif part.startswith("'"):
            part = part[1:-1]
        parts.append(part)
    return parts


def _toml_key_lines(text: str) -> dict[str, int]:
    """Map dotted field paths (``items[2].dose.hold_s``) to 1-based line numbers.

    A line scanner, not a parser: tomllib has already accepted the text, and
    headers, ``key = value`` lines and one-line inline tables cover every
    shape the docs show.
    """
    found: dict[str, int] = {}
    arrays: dict[str, int] = {}  # concrete array-of-tables path -> last index
    current = ""
    depth = 0  # open brackets of a multi-line value: its lines hold no keys

    def resolve(parts: list[str]) -> str:
        path = ""
        for part in parts:
            path = f"{path}.{part}" if path else part
            if path in arrays:
                path = f"{path}[{arrays[path]}]"
        return path

    # Lines end at "\n" only, as TOML's: splitlines() also split at U+2028,
    # U+0085 and \x1c-\x1e, which TOML allows inside a string, so every
    # field below such a description was named a line or two too far down.
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if depth > 0:
            depth += _bracket_balance(stripped)
            continue
        if not stripped or stripped.startswith("#"):
            continue
        header = _HEADER_RE.match(line)
        if header and not _KEY_RE.match(line):
            parts = _key_parts(header.group(2))
            if header.group(1) == "[[":
                parent = resolve(parts[:-1])
                array = f"{parent}.{parts[-1]}" if parent else parts[-1]
                arrays[array] = arrays.get(array, -1) + 1
                current = f"{array}[{arrays[array]}]"
            else:
                current = resolve(parts)
            found.setdefault(current, number)
            continue
        key = _KEY_RE.match(line)
        if key:
            parts = _key_parts(key.group(1))
            for n in range(1, len(parts) + 1):  # a.b = 1 writes the table a too
                dotted = ".".join(parts[:n])
                found.setdefault(f"{current}.{dotted}" if current else dotted, number)
            path = f"{current}.{dotted}" if current else dotted
            rest = line[key.end() :].strip()
            if rest.startswith("{"):
                for inner in _INLINE_KEY_RE.finditer(rest):
                    found.setdefault(f"{path}.{'.'.join(_key_parts(inner.group(1)))}", number)
            depth = max(0, _bracket_balance(rest))
    return found


def _bracket_balance(text: str) -> int:
    # Strings may hold brackets; drop them before counting.
    text = re.sub(r'"(?:\\.|[^"\\])*"|\'[^\']*\'', "", text.split(" #")[0])
    return text.count("[") + text.count("{") - text.count("]") - text.count("}")


def _json_key_lines(text: str) -> dict[str, int]:
    """The same map for JSON, from a small recursive scan of the (valid) text."""
    decoder = json.JSONDecoder()
    found: dict[str, int] = {}
    # Newline offsets once, then a binary search per key: counting from the
    # start for every key made the lookup grow with the square of the file.
    newlines = [m.start() for m in re.finditer("\n", text)]

    def line_of(index: int) -> int:
        return bisect.bisect_left(newlines, index) + 1

    def skip(index: int) -> int:
        while index < len(text) and text[index] in " \t\r\n":
            index += 1
        return index

    def value(index: int, path: str) -> int:
        index = skip(index)
        if path:
            found.setdefault(path, line_of(index))
        if text[index] == "{":
            index = skip(index + 1)
            if text[index] == "}":
                return index + 1
            while True:
                key_at = skip(index)
                key, index = decoder.raw_decode(text, key_at)
                child = f"{path}.{key}" if path else key
                found.setdefault(child, line_of(key_at))
                index = skip(index)  # at ':'
                index = value(index + 1, child)
                index = skip(index)
                if text[index] == "}":
                    return index + 1
                index += 1  # ','
        if text[index] == "[":
            index = skip(index + 1)
            if text[index] == "]":
                return index + 1
            position = 0
            while True:
                index = value(index, f"{path}[{position}]")
                index = skip(index)
                position += 1
                if text[index] == "]":
                    return index + 1
                index += 1
        _, end = decoder.raw_decode(text, index)
        return end

    value(0, "")
    return found
