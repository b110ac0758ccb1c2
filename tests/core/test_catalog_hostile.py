"""Routine files that must be refused clearly, one at a time (issue 14)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stretchguide.__main__ import main
from stretchguide.core.catalog import (
    CatalogError,
    load_builtin,
    load_routine_file,
    load_user_routines,
)
from stretchguide.core.catalog.locate import _json_key_lines

GOOD = 'id = "mine"\nname = "Mine"\n[[items]]\nexercise = "bridge"\n'

HOSTILE: dict[str, str | bytes] = {
    "deep.json": "[" * 100_000 + "]" * 100_000,
    "deep.toml": "x = " + "[" * 5000 + "]" * 5000,
    "deep_inline.toml": "x = " + "{a = " * 2000 + "1" + "}" * 2000,
    "long_number.json": '{"id": "a1", "name": "n", "items": [], "x": 1' + "0" * 400 + "}",
    "huge_int.json": '{"id": "a2", "name": "n", "items": [{"exercise": "bridge", '
    '"dose": {"hold_s": ' + "9" * 5000 + "}}]}",
    "huge_int.toml": 'id = "a3"\nname = "n"\n[[items]]\nexercise = "bridge"\n'
    "dose = { hold_s = " + "9" * 5000 + " }\n",
    "float_int.toml": 'id = "a4"\nname = "n"\n[[items]]\nexercise = "bridge"\n'
    "dose = { hold_s = 1" + "0" * 320 + " }\n",
    "dup_keys.json": '{"id": "a5", "name": "n", "name": "m", "items": []}',
    "zero_width.toml": 'id = "a6"\nname = "\\u200b\\u200b"\n',
    "escape_name.toml": 'id = "a7"\nname = "\\u001b[31mred"\n',
    "builtin_id.toml": 'id = "flare_up_gentle"\nname = "Mine"\n',
    "binary.toml": b"\xff\xfe\x00garbage",
    "big.toml": "# " + "x" * (1024 * 1024 + 10) + "\n",
}


def _write(folder: Path, name: str, body: str | bytes) -> Path:
    path = folder / name
    if isinstance(body, bytes):
        path.write_bytes(body)
    else:
        path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", list(HOSTILE), ids=list(HOSTILE))
def test_check_routine_refuses_each_hostile_file_by_name(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, name, HOSTILE[name])
    assert main(["check-routine", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("invalid: ") and name in err
    assert "\x1b" not in err, "terminal escapes are never echoed raw"


def test_one_bad_file_skips_only_itself(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "routines"
    folder.mkdir()
    for name, body in HOSTILE.items():
        _write(folder, name, body)
    _write(folder, "good.toml", GOOD)
    os.mkfifo(folder / "pipe.toml")
    (folder / "zero.toml").symlink_to("/dev/zero")
    catalog = load_builtin()
    start = time.perf_counter()
    own, errors = load_user_routines(folder, catalog.exercises, catalog.routines)
    assert time.perf_counter() - start < 10, "no file is read without bound"
    assert [r.id for r in own] == ["mine"]
    named = {e.path.name for e in errors if e.path is not None}
    assert named == {*HOSTILE, "pipe.toml", "zero.toml"}
    assert all(isinstance(e, CatalogError) for e in errors)
    data = tmp_path / "data"
    (data / "routines").mkdir(parents=True)
    for name, body in HOSTILE.items():
        _write(data / "routines", name, body)
    _write(data / "routines", "good.toml", GOOD)
    assert main(["--data-dir", str(data), "routines"]) == 0
    out = capsys.readouterr()
    assert "mine  Mine" in out.out and "flare_up_gentle" in out.out  # built-ins too
    assert out.err.count("skipped: ") == len(HOSTILE)
    assert "\x1b" not in out.err


@pytest.mark.parametrize("special", ["fifo", "/dev/zero", "folder"])
def test_non_regular_files_are_refused_before_reading(tmp_path: Path, special: str) -> None:
    path = tmp_path / "r.toml"
    if special == "fifo":
        os.mkfifo(path)
    elif special == "folder":
        path.mkdir()
    else:
        path.symlink_to(special)
    with pytest.raises(CatalogError) as err:
        load_routine_file(path, load_builtin().exercises)
    assert "regular file" in str(err.value) or "readable" in str(err.value)


def test_the_error_line_lookup_is_not_quadratic() -> None:
    items = ",\n".join(f'{{"exercise": "e{i}", "note": "n"}}' for i in range(40_000))
    text = '{"id": "x1",\n"name": "n",\n"items": [\n' + items + "\n]}"
    start = time.perf_counter()
    lines = _json_key_lines(text)
    assert time.perf_counter() - start < 5
    assert lines["items[39999].exercise"] == 40_003


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.binary(max_size=300) | st.text(max_size=300), suffix=st.sampled_from([".toml", ".json"])
)
def test_any_bytes_load_or_give_a_catalog_error(
    tmp_path_factory: pytest.TempPathFactory, body: bytes | str, suffix: str
) -> None:
    path = tmp_path_factory.mktemp("r") / f"r{suffix}"
    if isinstance(body, bytes):
        path.write_bytes(body)
    else:
        path.write_text(body, encoding="utf-8", errors="surrogatepass")
    try:
        load_routine_file(path, load_builtin().exercises)
    except CatalogError as err:
        assert "\x1b" not in str(err)


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("huge_int.json", "a number thousands of digits long"),
        ("huge_int.toml", "a number thousands of digits long"),
    ],
)
def test_a_huge_number_is_said_plainly_not_in_pythons_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, said: str
) -> None:
    path = _write(tmp_path, name, HOSTILE[name])
    assert main(["check-routine", str(path)]) == 1
    err = capsys.readouterr().err
    assert said in err and "set_int_max_str_digits" not in err


@pytest.mark.parametrize("count", [0, 101])
def test_a_wrong_number_of_items_says_how_many(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], count: int
) -> None:
    items = ", ".join('{"exercise": "bridge"}' for _ in range(count))
    path = _write(tmp_path, "many.json", f'{{"id": "m1", "name": "n", "items": [{items}]}}')
    assert main(["check-routine", str(path)]) == 1
    assert f"got a list of {count} items" in capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_a_byte_order_mark_from_a_windows_editor_is_skipped(tmp_path: Path, suffix: str) -> None:
    # Notepad saved files with one: refused before as "line 1: expected
    # valid TOML", which no one could see in their editor.
    body = (
        GOOD
        if suffix == ".toml"
        else '{"id": "mine", "name": "Mine", "items": [{"exercise": "bridge"}]}'
    )
    path = tmp_path / f"mine{suffix}"
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    routine = load_routine_file(path, load_builtin().exercises)
    assert routine.id == "mine" and routine.name == "Mine"


def test_a_utf16_file_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_bytes(GOOD.encode("utf-16"))
    with pytest.raises(CatalogError) as err:
        load_routine_file(path, load_builtin().exercises)
    assert "UTF-16" in str(err.value) and "UTF-8" in str(err.value)


@pytest.mark.parametrize("what", ["file", "link to nothing", "link to a file"])
def test_a_routines_folder_that_is_not_a_folder_is_said(
    tmp_path: Path, what: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # It used to read as "no routines of your own": the person's routines
    # silently gone from the list, with nothing to say why.
    data = tmp_path / "data"
    data.mkdir()
    folder = data / "routines"
    if what == "file":
        folder.write_text("not a folder", encoding="utf-8")
    elif what == "link to nothing":
        folder.symlink_to(tmp_path / "removed-usb-stick")
    else:
        (tmp_path / "plain").write_text("x", encoding="utf-8")
        folder.symlink_to(tmp_path / "plain")
    catalog = load_builtin()
    own, errors = load_user_routines(folder, catalog.exercises, catalog.routines)
    assert own == []
    assert [e.path for e in errors] == [folder]
    reason = "does not exist" if what == "link to nothing" else "a file, not a folder"
    assert reason in str(errors[0])
    assert main(["--data-dir", str(data), "routines"]) == 0
    out = capsys.readouterr()
    assert "flare_up_gentle" in out.out  # the built-ins still listed
    assert out.err.count("skipped: ") == 1 and str(folder) in out.err


def test_no_routines_folder_yet_is_no_notice(tmp_path: Path) -> None:
    catalog = load_builtin()
    assert load_user_routines(tmp_path / "routines", catalog.exercises) == ([], [])
