"""Every text file a person hands the app names the encoding it looks like.

The routine reader and the history import said "UTF-16 text"; plan.json
said only "line 1: not UTF-8 text", and a Latin-1 or Windows-1252 file was
"the byte 0xe9" everywhere, leaving the person to guess what to change.
Now one module (core.text_encoding) words it for every reader, with the
file's path in front. (The import is tested in tests/store, settings.ini
in tests/qt.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from stretchguide.core.catalog import CatalogError, load_builtin, load_routine_file
from stretchguide.core.plan.state import PlanFileError, load_state
from stretchguide.core.text_encoding import NotUtf8Error, check_utf8, decode_utf8, with_line

ROUTINE = (
    'id = "mine"\nname = "Mine, for the caf\u00e9 \u2019round the corner"\n[schedule]\n'
    'sessions_per_week = 5\n[[items]]\nexercise = "bridge"\ndose = { hold_s = 20, sets = 3 }\n'
)
PLAN = '{\n "format": 1,\n "note": "L\u00e4nger \u2013 caf\u00e9"\n}\n'

# What each encoding is called, and the line the first non-UTF-8 byte is on.
NAMED = [
    ("utf-16", "UTF-16", None),
    ("utf-16-le", "UTF-16", None),  # no byte-order mark
    ("utf-16-be", "UTF-16", None),
    ("utf-32", "UTF-32", None),
    ("latin-1", "Latin-1", 2),
    ("cp1252", "Windows-1252", 2),
]


def _encode(text: str, encoding: str) -> bytes:
    # Latin-1 has no curly quote or dash: what a Latin-1 editor saves is the rest.
    return text.encode(encoding, "replace" if encoding == "latin-1" else "strict")


@pytest.mark.parametrize(("encoding", "name", "line"), NAMED)
def test_a_routine_in_another_encoding_names_it(
    tmp_path: Path, encoding: str, name: str, line: int | None
) -> None:
    path = tmp_path / "mine.toml"
    path.write_bytes(_encode(ROUTINE, encoding))
    with pytest.raises(CatalogError) as err:
        load_routine_file(path, load_builtin().exercises)
    said = str(err.value)
    assert f"{name} text" in said and str(path) in said, said
    assert err.value.line == line


@pytest.mark.parametrize(("encoding", "name", "line"), NAMED)
def test_a_plan_in_another_encoding_names_it_and_its_path(
    tmp_path: Path, encoding: str, name: str, line: int | None
) -> None:
    path = tmp_path / "plan.json"
    path.write_bytes(_encode(PLAN, encoding))
    with pytest.raises(PlanFileError) as err:
        load_state(path)
    said = err.value.user_message
    assert f"{name} text" in said and str(path) in said, said
    # The note, on line 3, holds the first letter outside ASCII.
    assert ("line 3:" in said) == (line is not None), said
    assert "Traceback" not in said and "codec" not in said


def test_a_nul_byte_in_a_plan_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_bytes(PLAN.replace("format", "for\x00mat").encode())
    with pytest.raises(PlanFileError) as err:
        load_state(path)
    assert "line 2: a NUL byte" in err.value.user_message


@pytest.mark.parametrize(
    "encoding",
    ["shift_jis", "cp1251", "gb18030"],  # bytes a Western encoding would misread
)
def test_text_in_another_script_is_not_called_western(encoding: str) -> None:
    text = {"shift_jis": "ストレッチ", "cp1251": "Растяжка", "gb18030": "拉伸运动"}[encoding]
    why = check_utf8(f'name = "{text}"\n'.encode(encoding))
    assert why is not None and why.kind == "byte" and why.looks_like is None
    assert "looks like" not in str(with_line(why))


def test_a_byte_order_mark_and_plain_utf8_decode() -> None:
    assert decode_utf8("\ufeffcaf\u00e9".encode()) == "caf\u00e9"
    with pytest.raises(NotUtf8Error) as err:
        decode_utf8(b"a longer line\nwith a \x00 in it")
    assert err.value.line == 2 and err.value.why.kind == "nul"
