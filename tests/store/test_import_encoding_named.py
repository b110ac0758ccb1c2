"""An import file in another encoding is named as such (core.text_encoding),
as a routine and plan.json are: Latin-1 and Windows-1252 were "the byte
0xe9 is not UTF-8" with nothing about what the file is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stretchguide.paths import AppPaths
from stretchguide.store import exchange
from stretchguide.store.history import History

DOC = {"format": "stretchguide-history", "version": 1, "sessions": [], "checkins": []}


@pytest.mark.parametrize(
    ("encoding", "name", "line"),
    [
        ("utf-16", "UTF-16", None),
        ("utf-32", "UTF-32", None),
        ("latin-1", "Latin-1", 6),
        ("cp1252", "Windows-1252", 6),
    ],
)
def test_an_import_in_another_encoding_names_it_and_the_file(
    tmp_path: Path, encoding: str, name: str, line: int | None
) -> None:
    note = "caf\u00e9" if encoding == "latin-1" else "caf\u00e9 \u2019"
    # indent=0: one key a line, so the note (the last key) is on line 6.
    text = json.dumps(DOC | {"note": note}, ensure_ascii=False, indent=0)
    file = tmp_path / "backup.json"
    file.write_bytes(text.encode(encoding))
    with (
        History.open(AppPaths(tmp_path / "mine"), backups=False) as h,
        pytest.raises(exchange.ImportValidationError) as err,
    ):
        exchange.import_json(h, file)
    (problem,) = err.value.problems
    assert f"{name} text" in str(problem), problem
    assert (f"line {line}:" in str(problem)) == (line is not None), problem
    assert str(file) in err.value.user_report()
