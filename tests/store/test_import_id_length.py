"""An imported routine or exercise id is held to the routine file's limit.

Before: the import took an id of any length up to the 4 MB record cap into
the history (and every screen and report that shows it), while a routine
file allowed 64 characters. The limit is `catalog.MAX_ID_LENGTH`, read by
the routine loader, the import and (by a test) the JSON schema.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from stretchguide.core import catalog
from stretchguide.core.catalog import MAX_ID_LENGTH, CatalogError
from stretchguide.core.trends import Response
from stretchguide.paths import AppPaths
from stretchguide.store import exchange
from stretchguide.store.history import History

from .test_hostile_exchange import _doc, _state

LONG = "x" * (MAX_ID_LENGTH + 1)
LONGEST = "x" * MAX_ID_LENGTH


def _with_all_ids(doc: dict[str, Any], value: str) -> dict[str, Any]:
    """The document with every id the import reads set to ``value``."""
    s = doc["sessions"][0]
    s["routine_id"] = value
    s["steps"][0]["exercise_id"] = value
    s["routine"]["items"][0]["exercise_id"] = value
    s["responses"] = [{"exercise_id": value, "response": next(iter(Response)).value}]
    s["hurts"] = [
        {"uuid": str(uuid.uuid4()), "exercise_id": value, "step_index": 0, "at": s["started"]}
    ]
    return doc


# Each id the import reads, by the field its problem names.
SETTERS: dict[str, Callable[[dict[str, Any], str], None]] = {
    "sessions[0].routine_id": lambda s, v: s.__setitem__("routine_id", v),
    "sessions[0].steps[0].exercise_id": lambda s, v: s["steps"][0].__setitem__("exercise_id", v),
    "sessions[0].responses[0].exercise_id": lambda s, v: s["responses"][0].__setitem__(
        "exercise_id", v
    ),
    "sessions[0].hurts[0].exercise_id": lambda s, v: s["hurts"][0].__setitem__("exercise_id", v),
    "items[0].exercise_id": lambda s, v: s["routine"]["items"][0].__setitem__("exercise_id", v),
}


@pytest.mark.parametrize("field", SETTERS)
def test_an_over_long_id_is_refused_naming_the_record_and_field(
    tmp_path: Path, paths: AppPaths, field: str
) -> None:
    doc = _with_all_ids(_doc(tmp_path), "bridge")
    SETTERS[field](doc["sessions"][0], LONG)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    with History.open(paths) as h:
        before = _state(h)
        with pytest.raises(exchange.ImportValidationError) as err:
            exchange.import_json(h, bad)
        assert _state(h) == before  # nothing written
    (problem,) = err.value.problems
    assert field in problem and f"longer than {MAX_ID_LENGTH} characters" in problem, problem
    assert len(problem) < 300  # the id is cut, not echoed whole


def test_an_id_of_the_longest_allowed_length_is_imported(tmp_path: Path, paths: AppPaths) -> None:
    doc = _with_all_ids(_doc(tmp_path), LONGEST)
    good = tmp_path / "good.json"
    good.write_text(json.dumps(doc))
    with History.open(paths) as h:
        report = exchange.import_json(h, good)
        assert report.sessions_added == 1
        assert [s.routine_id for s in h.sessions()] == [LONGEST]


def test_a_routine_file_takes_the_same_limit(tmp_path: Path) -> None:
    exercises = catalog.load_builtin().exercises
    text = 'format = 1\nname = "Mine"\nid = "{}"\n[[items]]\nexercise = "knees_to_chest"\n'
    assert catalog.parse_routine_text(text.format(LONGEST), "a.toml", exercises).id == LONGEST
    with pytest.raises(CatalogError):
        catalog.parse_routine_text(text.format(LONG), "b.toml", exercises)


def test_the_json_schema_says_the_same_id_limit() -> None:
    content = Path(catalog.__file__).parent.parent.parent / "content"
    schema = json.loads((content / "routine.schema.json").read_text(encoding="utf-8"))
    found = re.fullmatch(
        r"\^\[a-z\]\[a-z0-9_\]\{1,(\d+)\}\$", schema["properties"]["id"]["pattern"]
    )
    assert found and int(found.group(1)) + 1 == MAX_ID_LENGTH
