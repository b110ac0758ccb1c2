"""An import file with the wrong kind of value in any field is refused in
JSON's words, naming the field (a generated corpus, one class per kind).

Before, the list said "wrong type NoneType", "expected a number, got
True", "'x' is not a valid Extent", "Invalid isoformat string",
"invalid literal for int() with base 16" and, for a routine snapshot,
"'NoneType' object is not subscriptable": Python's words, not the file's.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from stretchguide.paths import AppPaths
from stretchguide.store import exchange
from stretchguide.store.history import History

from .test_hostile_exchange import _doc

PYTHON_WORDS = re.compile(
    r"NoneType|wrong type|'(int|str|float|dict|list|bool)'|\b(True|False|None)\b|invalid literal"
    r"|is not a valid|isoformat|subscriptable|object has no|argument must"
)
WRONG: dict[str, list[Any]] = {
    "null": [None],
    "true and false": [True, False],
    "numbers": [-1, 1.5, 10**17, -0.0],
    "texts": ["", "x", "2024-02-30T00:00:00+00:00", "\u202e"],
    "lists and objects": [[], [1], {}, {"a": 1}],
}


def _leaves(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node[:1]):
            yield from _leaves(value, (*path, i))
    if path:
        yield path


def _problems(h: History, path: Path) -> str:
    try:
        exchange.import_json(h, path)
    except exchange.ImportValidationError as err:
        return str(err)
    return ""


@pytest.mark.parametrize("cls", list(WRONG))
def test_each_field_with_a_wrong_value_is_named_in_json_words(tmp_path: Path, cls: str) -> None:
    doc = _doc(tmp_path)
    target = tmp_path / "in.json"
    checked = 0
    with History.open(AppPaths(tmp_path / "dst"), backups=False) as h:
        for path in _leaves(doc):
            if path[-1] in ("note", "format", "format_version"):
                continue  # free text, or said as "expected ..." already
            for value in WRONG[cls]:
                edited = json.loads(json.dumps(doc))
                node = edited
                for key in path[:-1]:
                    node = node[key]
                if node[path[-1]] == value:
                    continue
                node[path[-1]] = value
                target.write_text(json.dumps(edited), encoding="utf-8")
                said = _problems(h, target)
                if not said:
                    continue  # a value the field may hold
                checked += 1
                assert not PYTHON_WORDS.search(said), (path, value, said)
                assert str(path[-1]) in said or "routine" in said, (path, value, said)
        assert h.summary().sessions_this_week == 0  # nothing of a refused file was written
    assert checked > 20


def test_bit_flips_of_an_export_are_refused_in_the_files_words(tmp_path: Path) -> None:
    _doc(tmp_path)
    good = (tmp_path / "valid.json").read_bytes()
    target = tmp_path / "in.json"
    rng = random.Random(37)
    with History.open(AppPaths(tmp_path / "dst"), backups=False) as h:
        for _ in range(300):
            body = bytearray(good)
            body[rng.randrange(len(body))] ^= 1 << rng.randrange(8)
            target.write_bytes(bytes(body))
            said = _problems(h, target)
            assert not PYTHON_WORDS.search(said), said
