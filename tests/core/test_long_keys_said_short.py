"""A key hundreds of thousands of characters long in a routine file or
plan.json (one very long line: a paste gone wrong, a generated file).
The notice echoed it whole: a 900,000-character unknown key made a 900 KB
sentence for the routines page's label, and a duplicate key in plan.json
or a JSON routine did the same. Now enough of it to find it is shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from stretchguide.core.catalog import CatalogError, load_builtin, load_routine_file
from stretchguide.core.plan.state import PlanFileError, load_state

LONG = 400_000


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("r.toml", 'id = "mine"\nname = "n"\n' + "k" * LONG + " = 1\n[[items]]\n"),
        ("r.json", '{"id": "mine", "' + "w" * LONG + '": 1, "' + "w" * LONG + '": 2}'),
        ("r.json", '{"id": "mine", "name": "n", "' + "k" * LONG + '": 1}'),
    ],
)
def test_a_very_long_key_in_a_routine_is_said_in_a_line(
    tmp_path: Path, name: str, body: str
) -> None:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    with pytest.raises(CatalogError) as err:
        load_routine_file(path, load_builtin().exercises)
    said = str(err.value)
    assert len(said) < 1000 and str(path) in said and "…" in said, said[:300]


def test_a_very_long_duplicate_key_in_the_plan_is_said_in_a_line(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    key = "q" * 1_500_000
    path.write_text('{"' + key + '": 1, "' + key + '": 2}', encoding="utf-8")
    with pytest.raises(PlanFileError) as err:
        load_state(path)
    said = err.value.user_message
    assert len(said) < 1000 and "appears twice" in said, said[:300]
