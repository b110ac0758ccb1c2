"""A routine file in every encoding an editor may save, and TOML's own values.

The lead's fix named UTF-16 with a byte-order mark; a generated corpus
found the rest: UTF-32 was called UTF-16, UTF-16 without a mark (plain
English in it is valid UTF-8, letters and zeros) was "expected valid
TOML", Latin-1 or Windows-1252 said "expected UTF-8 text" with no line,
and a TOML date in a text field was shown as Python's
``datetime.datetime(1979, 5, 27, ...)``.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from stretchguide.__main__ import main
from stretchguide.core.catalog import CatalogError, load_builtin, load_routine_file

GOOD = (
    'id = "mine"\nname = "Mine, for the café"\n[schedule]\nsessions_per_week = 5\n'
    'text = "Weekdays"\n[[items]]\nexercise = "bridge"\ndose = { hold_s = 20, sets = 3 }\n'
)


@pytest.mark.parametrize(
    ("encoding", "said", "line"),
    [
        ("utf-16", "UTF-16", None),
        ("utf-16-le", "UTF-16", None),
        ("utf-16-be", "UTF-16", None),
        ("utf-32", "UTF-32", None),
        ("latin-1", "0xe9", 2),
        ("cp1252", "0xe9", 2),
    ],
)
def test_a_routine_in_another_encoding_is_named_with_its_line(
    tmp_path: Path, encoding: str, said: str, line: int | None
) -> None:
    path = tmp_path / "mine.toml"
    path.write_bytes(GOOD.encode(encoding))
    with pytest.raises(CatalogError) as err:
        load_routine_file(path, load_builtin().exercises)
    text = str(err.value)
    assert said in text and "UTF-8" in text and str(path) in text
    assert err.value.line == line


def test_a_nul_byte_in_a_routine_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_bytes(GOOD.replace("[schedule]", "[sche\x00dule]").encode())
    with pytest.raises(CatalogError) as err:
        load_routine_file(path, load_builtin().exercises)
    assert err.value.line == 3 and "NUL" in str(err.value)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("1979-05-27T07:32:00Z", "1979-05-27T07:32:00+00:00"),
        ("1979-05-27", "1979-05-27"),
        ("07:32:00", "07:32:00"),
    ],
)
def test_a_toml_date_where_a_text_belongs_is_shown_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str, shown: str
) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(GOOD.replace('"Weekdays"', value), encoding="utf-8")
    assert main(["check-routine", str(path)]) == 1
    err = capsys.readouterr().err
    assert "line 5: schedule.text:" in err and err.rstrip().endswith(f"got {shown}")
    assert "datetime" not in err


def test_truncations_and_bit_flips_of_every_encoding_are_refused_by_name(tmp_path: Path) -> None:
    exercises = load_builtin().exercises
    path = tmp_path / "mine.toml"
    rng = random.Random(37)
    bodies = []
    for encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-32", "latin-1"):
        data = GOOD.encode(encoding)
        bodies += [data[:i] for i in range(0, len(data), 3)]
        for _ in range(60):
            flipped = bytearray(data)
            flipped[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
            bodies.append(bytes(flipped))
    for body in bodies:
        path.write_bytes(body)
        try:
            load_routine_file(path, exercises)
        except CatalogError as err:
            assert str(path) in str(err)


def test_a_routine_file_named_with_a_newline_is_listed_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "routines").mkdir()
    (tmp_path / "routines" / "two\nlines.toml").write_text("x", encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), "routines"]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "two\\nlines.toml" in err
