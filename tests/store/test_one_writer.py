"""One writer to the database per layer: the store's records are written by
store/history.py alone, the schema (tables, migrations, aggregates) by
store/schema.py alone, and no code outside the store touches the connection."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import stretchguide

SRC = Path(stretchguide.__file__).resolve().parent
WRITE_SQL = re.compile(r"\b(INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|REPLACE\s+INTO)\b", re.I)
WRITERS = {"store/history.py", "store/schema.py"}


def _modules() -> list[tuple[str, ast.Module]]:
    return [
        (p.relative_to(SRC).as_posix(), ast.parse(p.read_text(encoding="utf-8")))
        for p in sorted(SRC.rglob("*.py"))
    ]


def test_only_the_writer_modules_hold_sql_that_writes() -> None:
    found = {
        name
        for name, tree in _modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and WRITE_SQL.search(node.value)
    }
    assert found <= WRITERS, f"SQL that writes outside the store's writers: {found - WRITERS}"
    assert found >= WRITERS  # the scan sees the writers, so it can fail


def test_no_code_outside_the_store_uses_the_connection() -> None:
    users = {
        name
        for name, tree in _modules()
        if not name.startswith("store/")
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "conn"
    }
    assert users == set()
