"""Generated corpora of hostile routine files (TOML and JSON).

Earlier reviews fixed one file at a time; these generate whole classes from
a valid routine: each field given a value of another kind (NaN, infinity,
huge and negative numbers, deep nesting, invisible characters), the text
cut at every point, bytes flipped, saved in other encodings. Every file
either loads into a routine the editor can save again unchanged, or is
refused with a CatalogError that names the file (and the field, for a field).
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.damaged_bytes import damaged

from stretchguide.core.catalog import CatalogError, Routine, load_builtin, load_routine_file
from stretchguide.core.catalog.fields import LIMITS
from stretchguide.routine_files import save_routine, validate

EXERCISES = load_builtin().exercises

VALID: dict[str, Any] = {
    "format": 1,
    "id": "mine",
    "name": "Mine, for the café",
    "description": "Two stretches\nbefore work",
    "causes": ["general"],
    "sources": ["000"],
    "tags": ["morning"],
    "schedule": {"sessions_per_week": 5, "text": "Weekdays"},
    "items": [
        {"exercise": "bridge", "dose": {"hold_s": 20, "sets": 3}},
        {
            "exercise": "cat_stretch",
            "note": "Slowly.",
            "dose": {"hold_s": 30, "stages": ["Arch up", "Hollow"], "rest_s": 5},
        },
        {"exercise": "chair_torso_twist", "dose": {"reps": 5, "rep_s": 4, "sides": "each"}},
    ],
}

CAREFUL = settings(
    max_examples=600,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Values a person (or a broken tool) may put where another kind belongs.
_odd_text = st.sampled_from(
    [
        "",
        " ",
        "\u200b",  # zero-width space: nothing to see
        "\u202e",  # right-to-left override
        "\x1b[31mred",
        "a\x00b",
        "tab\there",
        "two\nlines",
        "two\u2028lines",  # a line break to str.splitlines(), not to TOML
        "\ud800",  # a lone surrogate (JSON's \\ud800)
        "x" * 5000,
        "é" * 81,
        "bridge",
        "each",
        "1",
    ]
)
_odd_number = st.sampled_from(
    [
        0,
        -1,
        -0.0,
        1e-300,
        0.5,
        -20,
        600.0000001,
        10**30,
        10**400,
        2**63,
        -(2**63),
        math.nan,
        math.inf,
        -math.inf,
        True,
        False,
    ]
)
_leaf = st.one_of(_odd_text, _odd_number, st.none())
_hostile_value = st.recursive(
    _leaf,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["hold_s", "exercise", "x", "id", ""]), inner, max_size=3),
    ),
    max_leaves=6,
)


def _deep(levels: int) -> Any:
    value: Any = 1
    for _ in range(levels):
        value = [value]
    return value


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        return ("inf" if value > 0 else "-inf") if math.isinf(value) else repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=True).replace("\x7f", "\\u007f")
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        pairs = (f"{json.dumps(k)} = {_toml_value(v)}" for k, v in value.items())
        return "{" + ", ".join(pairs) + "}"
    raise TypeError(value)  # None has no TOML: the caller leaves the key out


def _toml(doc: dict[str, Any]) -> str:
    return "".join(f"{json.dumps(k)} = {_toml_value(v)}\n" for k, v in doc.items() if v is not None)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, (*prefix, i))
    return found


def _replaced(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    copy: Any = dict(doc) if isinstance(doc, dict) else list(doc)
    copy[path[0]] = _replaced(doc[path[0]], path[1:], value)
    return copy


def _invisible(text: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in text)


def _texts_of(routine: Routine) -> list[tuple[str, str]]:
    """(field, text) for every text of a routine a person reads or hears."""
    found = [("name", routine.name), ("schedule.text", routine.schedule.text)]
    found += [(f"tags[{i}]", tag) for i, tag in enumerate(routine.tags)]
    for i, item in enumerate(routine.items):
        found += [(f"items[{i}].dose.stages", stage) for stage in item.dose.stages]
    return found


def _assert_loaded_or_named(path: Path, tmp: Path) -> None:
    """The file loads into a routine the editor saves again unchanged, or is
    refused by a CatalogError naming the file; nothing else."""
    try:
        routine = load_routine_file(path, EXERCISES)
    except CatalogError as err:
        text = str(err)
        assert str(path) in text, text
        assert "Traceback" not in text and "\n" not in text.rstrip("\n"), text
        assert err.field, text
        if not err.field.startswith("(") and err.got is not None:
            # A field that is there but wrong is shown with its line.
            assert err.line is not None, text
        return
    for field, text in _texts_of(routine):
        assert text.strip() and not _invisible(text), (field, text)
    for long_text in (routine.description, *(item.note for item in routine.items)):
        assert not _invisible(long_text.replace("\n", "").replace("\t", "")), long_text
    lo, hi = LIMITS["sessions_per_week"]
    assert lo <= routine.schedule.sessions_per_week <= hi
    for item in routine.items:
        dose = item.dose
        for key in ("hold_s", "rep_s", "rest_s", "reps", "sets", "breaths"):
            value = getattr(dose, key)
            assert math.isfinite(value) and LIMITS[key][0] <= value <= LIMITS[key][1], (key, value)
    # What loads can be edited and saved: the editor refuses nothing the loader took.
    assert validate(routine, EXERCISES) is None
    folder = tmp / f"saved-{os.getpid()}"
    saved = save_routine(routine, folder, EXERCISES)
    assert load_routine_file(saved, EXERCISES) == routine
    saved.unlink()


@CAREFUL
@given(data=st.data(), suffix=st.sampled_from([".toml", ".json"]))
def test_any_field_given_any_value_loads_cleanly_or_is_named(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject, suffix: str
) -> None:
    tmp = tmp_path_factory.mktemp("field")
    where = data.draw(st.sampled_from(_paths(VALID)[1:]), label="field")
    value = data.draw(st.one_of(_hostile_value, st.builds(_deep, st.integers(10, 40))))
    doc = _replaced(VALID, where, value)
    path = tmp / f"mine{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps(doc, ensure_ascii=True), encoding="utf-8")
    else:
        try:
            path.write_text(_toml(doc), encoding="utf-8")
        except TypeError:  # a None inside a list or table: TOML has no null
            return
    _assert_loaded_or_named(path, tmp)


def _good_bytes(suffix: str) -> bytes:
    if suffix == ".json":
        return json.dumps(VALID, indent=2, ensure_ascii=False).encode()
    return _toml(VALID).encode()


@CAREFUL
@given(
    data=st.data(),
    suffix=st.sampled_from([".toml", ".json"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "latin-1"]),
)
def test_any_cut_flip_or_encoding_of_a_good_file_is_read_or_named(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject, suffix: str, encoding: str
) -> None:
    tmp = tmp_path_factory.mktemp("bytes")
    body = _good_bytes(suffix).decode().encode(encoding)
    # "double": a sync tool's doubled start, keys twice.
    body = damaged(data, body, ["cut", "flip", "insert", "double", "keep"])
    path = tmp / f"mine{suffix}"
    path.write_bytes(body)
    _assert_loaded_or_named(path, tmp)


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_a_duplicate_key_is_named_in_either_format(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"mine{suffix}"
    if suffix == ".json":
        path.write_text('{"id": "mine", "id": "other", "name": "x", "items": []}')
    else:
        path.write_text('id = "mine"\nid = "other"\n')
    with pytest.raises(CatalogError) as err:
        load_routine_file(path, EXERCISES)
    assert str(path) in str(err.value) and err.value.line in (1, 2, None)


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda p: p.mkdir(), "folder"),
        (lambda p: os.mkfifo(p), "pipe"),
        (lambda p: p.symlink_to("/dev/zero"), "pipe"),
        (lambda p: p.symlink_to(p.parent / "nowhere.toml"), "readable"),
        (lambda p: p.symlink_to(p), "readable"),
    ],
)
def test_what_is_not_a_plain_file_in_the_routines_folder_is_one_line_each(
    tmp_path: Path, make: Any, said: str
) -> None:
    folder = tmp_path / "routines"
    folder.mkdir()
    (folder / "good.toml").write_text(_toml(VALID), encoding="utf-8")
    make(folder / "odd.toml")
    env = {**os.environ, "STRETCHGUIDE_DATA_DIR": str(tmp_path), "STRETCHGUIDE_LANGUAGE": "en"}
    done = subprocess.run(
        [sys.executable, "-m", "stretchguide", "routines"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert "Traceback" not in done.stderr
    assert "Mine, for the café" in done.stdout
    if said != "folder":  # a folder named *.toml is not a routine: passed by
        assert "odd.toml" in done.stderr and said in done.stderr, done.stderr


def test_check_routine_on_a_sample_of_the_corpus_says_one_line_and_fails(tmp_path: Path) -> None:
    cases = {
        "nan.toml": _toml(_replaced(VALID, ("schedule", "sessions_per_week"), math.nan)),
        "neg.json": json.dumps(_replaced(VALID, ("items", 0, "dose", "hold_s"), -20)),
        "huge.json": json.dumps(_replaced(VALID, ("items", 0, "dose", "sets"), 10**400)),
        "deep.json": json.dumps(VALID).replace('["morning"]', "[" * 5000 + "]" * 5000),
        "utf16.toml": None,
        "cut.json": json.dumps(VALID)[:57],
        "latin.toml": None,
    }
    for name, text in cases.items():
        path = tmp_path / name
        if name == "utf16.toml":
            path.write_bytes(_toml(VALID).encode("utf-16"))
        elif name == "latin.toml":
            path.write_bytes(_toml(VALID).replace("\\u00e9", "é").encode("latin-1"))
        else:
            assert text is not None
            path.write_text(text, encoding="utf-8")
    env = {**os.environ, "STRETCHGUIDE_DATA_DIR": str(tmp_path / "data")}
    for name in cases:
        done = subprocess.run(
            [sys.executable, "-m", "stretchguide", "check-routine", str(tmp_path / name)],
            capture_output=True,
            text=True,
            env={**env, "STRETCHGUIDE_LANGUAGE": "en"},
            timeout=60,
        )
        assert done.returncode != 0, (name, done.stdout)
        assert "Traceback" not in done.stderr and name in done.stderr, (name, done.stderr)


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ('"{escription" = "x"', "{escription"),
        ('"café" = "x"', "café"),
        ("'a.b' = \"x\"", "a.b"),
        ('"tag" . "s" = "x"', "tag"),
    ],
)
def test_a_quoted_toml_key_is_named_with_its_line(tmp_path: Path, line: str, field: str) -> None:
    path = tmp_path / "mine.toml"
    body = _toml(VALID).splitlines()
    body.insert(2, line)
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    with pytest.raises(CatalogError) as err:
        load_routine_file(path, EXERCISES)
    assert err.value.field.startswith(field.split(".")[0]) and err.value.line == 3, str(err.value)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    text=st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=60),
    at=st.integers(0, 60),
    bad=st.sampled_from([b"\xe9", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00"]),
    chunk=st.integers(1, 9),
)
def test_the_first_byte_that_is_not_utf8_is_found_on_its_line_across_chunks(
    text: str, at: int, bad: bytes, chunk: int
) -> None:
    import io

    from stretchguide import plain_files

    good = ("line\n" * 50 + text).encode()  # past the 200 bytes looked at first
    at = min(len(good), 250 + at)
    while at < len(good) and (good[at] & 0xC0) == 0x80:
        at += 1  # not inside a character
    data = good[:at] + bad + good[at:]
    old = plain_files._CHUNK
    plain_files._CHUNK = chunk
    try:
        why = plain_files.not_utf8(io.BytesIO(data))
    finally:
        plain_files._CHUNK = old
    assert why is not None
    assert why.kind == ("nul" if bad == b"\x00" else "byte")
    assert why.line == data[:at].count(b"\n") + 1 and why.byte == bad[0]


@pytest.mark.parametrize("name", ["mine.json", "Mine.TOML", "mine.JSON", "mine.toml"])
def test_a_routine_kept_in_any_file_the_app_lists_is_edited_and_deleted_in_place(
    tmp_path: Path, name: str
) -> None:
    from dataclasses import replace

    from stretchguide.core.catalog import load_user_routines
    from stretchguide.routine_files import delete_routine

    folder = tmp_path / "routines"
    folder.mkdir()
    path = folder / name
    if name.lower().endswith(".json"):
        path.write_text(json.dumps(VALID), encoding="utf-8")
    else:
        path.write_text(_toml(VALID), encoding="utf-8")
    (routine,), errors = load_user_routines(folder, EXERCISES)
    assert errors == []
    edited = replace(routine, name="Mine, edited")
    assert save_routine(edited, folder, EXERCISES, known=routine) == path
    # The next start shows the edit, and no second file refused for its id.
    assert load_user_routines(folder, EXERCISES) == ([edited], [])
    assert sorted(p.name for p in folder.iterdir()) == [name]
    assert delete_routine(edited, folder, EXERCISES)
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("suffix", [".toml", ".json"])
@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\r\n"])
def test_a_line_separator_inside_a_text_does_not_move_the_lines_below(
    tmp_path: Path, suffix: str, separator: str
) -> None:
    doc = _replaced(VALID, ("items", 0, "dose", "hold_s"), 9000)
    path = tmp_path / f"mine{suffix}"
    body = json.dumps(doc, indent=1, ensure_ascii=False) if suffix == ".json" else _toml(doc)
    # Written raw inside the description, where both formats allow it.
    body = body.replace("Two stretches", f"Two{separator}stretches")
    if separator == "\r\n":
        body = body.replace(f"Two{separator}stretches", "Two stretches").replace("\n", "\r\n")
    path.write_bytes(body.encode())
    with pytest.raises(CatalogError) as err:
        load_routine_file(path, EXERCISES)
    want = body.replace("\r\n", "\n").split("\n")
    line = next(i for i, text in enumerate(want, start=1) if "9000" in text)
    assert err.value.line == line, str(err.value)


def test_a_save_cut_short_or_a_macs_copy_beside_a_routine_is_not_a_routine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from stretchguide.core.catalog import load_user_routines

    folder = tmp_path / "routines"
    folder.mkdir()
    (folder / "mine.toml").write_text(_toml(VALID), encoding="utf-8")
    (routine,), _ = load_user_routines(folder, EXERCISES)
    # What an older save left at a power cut (whole, or cut), and a Mac's
    # resource fork: they sorted first, and took the routine's id.
    newer = _replaced(VALID, ("name",), "Left by a power cut")
    (folder / ".edit-k2j4h5.toml").write_text(_toml(newer), encoding="utf-8")
    (folder / ".edit-9x8y7z.toml").write_text(_toml(VALID)[:40], encoding="utf-8")
    (folder / "._mine.toml").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")
    assert load_user_routines(folder, EXERCISES) == ([routine], [])
    # A save's own temporary file, which a kill would leave, is not one either.
    import stretchguide.core.atomic as atomic

    temporary: list[str] = []
    original = atomic.os.replace

    def noted(src: str, dst: str) -> None:
        temporary.append(Path(src).name)
        original(src, dst)

    monkeypatch.setattr(atomic.os, "replace", noted)
    edited = replace(routine, name="Mine, again")
    assert save_routine(edited, folder, EXERCISES, known=routine) == folder / "mine.toml"
    (name,) = temporary
    (folder / name).write_text(_toml(VALID), encoding="utf-8")  # as a kill would leave it
    assert load_user_routines(folder, EXERCISES) == ([edited], [])
