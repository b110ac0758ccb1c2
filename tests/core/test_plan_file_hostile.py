"""plan.json as anything a disk, a sync tool or an editor may leave there.

Read at every start (the tray) and by `stretchguide plan`/`sheet`. Each
corpus class below once gave a traceback, a hang or Python's own words
("float() argument must be a string or a real number, not 'NoneType'",
"cannot convert float infinity to integer" when the session started).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import threading
from datetime import date, datetime
from datetime import time as clock_time
from pathlib import Path

import pytest

from stretchguide.__main__ import main
from stretchguide.core.catalog import load_builtin
from stretchguide.core.ics import plan_to_ics
from stretchguide.core.plan import PlanFileError, PlanState, load_state
from stretchguide.core.timeline import build_timeline

ROUTINE = "flare_up_gentle"
PYTHON_WORDS = (
    "Errno",
    "codec",
    "object has no",
    "' object",
    "NoneType",
    "not subscriptable",
    "indices must",
    "float()",
    "int()",
    "is not a valid",
    "Expecting",
    "convert float",
    "Traceback",
)


def _good() -> dict[str, object]:
    routine = load_builtin().routines[ROUTINE]
    ex = routine.items[0].exercise_id
    return {
        "format": 1,
        "routine_id": ROUTINE,
        "start": "2024-01-02",
        "doses": {ex: {"hold_s": 20.0, "reps": 10, "breaths": 5}},
        "changes": [
            {
                "on": "2024-01-05",
                "exercise_id": ex,
                "field": "hold_s",
                "old": 15.0,
                "new": 20.0,
                "line": "Longer",
                "at": 1704412800.0,
            }
        ],
    }


GOOD = json.dumps(_good(), indent=1).encode()


def _use(state: PlanState) -> None:
    """What the tray and the commands do with a plan that loaded."""
    catalog = load_builtin()
    routine = catalog.routines[ROUTINE]
    shown = state.not_after(date(2030, 1, 1), 1.9e9).apply(routine)
    build_timeline(shown, catalog.exercises)
    plan = state.plan(routine)
    plan_to_ics(
        plan,
        title="t",
        at=clock_time(18),
        minutes=5,
        now_utc=datetime(2024, 1, 1),
        description="d",
    )


def _check(path: Path) -> None:
    """Loads and works, or is refused in a sentence naming the file."""
    try:
        state = load_state(path)
    except PlanFileError as err:
        assert str(path) in err.user_message
        assert not [w for w in PYTHON_WORDS if w in err.user_message], err.user_message
        return
    if state is not None:
        _use(state)


def _corpus() -> dict[str, list[bytes]]:
    rng = random.Random(37)
    flips = []
    for _ in range(300):
        body = bytearray(GOOD)
        body[rng.randrange(len(body))] ^= 1 << rng.randrange(8)
        flips.append(bytes(body))
    text = json.dumps(_good() | {"routine_id": "ünïcode"}, ensure_ascii=False)
    wrong_values: list[object] = [None, True, 0, -1, -0.0, 1e308, 10**30, 1.5, "", "x", [], {}]
    wrong_values += [[1], "2024-13-01", "0001-01-01", "9999-12-31"]
    typed = []
    for key in ("routine_id", "start", "doses", "changes", "format"):
        typed += [json.dumps(_good() | {key: v}).encode() for v in wrong_values]
    for key in ("on", "exercise_id", "field", "old", "new", "line", "at"):
        for v in wrong_values:
            data = _good()
            data["changes"][0][key] = v  # type: ignore[index]
            typed.append(json.dumps(data).encode())
    for key in ("hold_s", "reps", "breaths"):
        for v in wrong_values:
            data = _good()
            next(iter(data["doses"].values()))[key] = v  # type: ignore[attr-defined]
            typed.append(json.dumps(data).encode())
    constants = []
    for literal in ("NaN", "Infinity", "-Infinity", "1e999", "-1e999"):
        for key in (b'"reps": ', b'"hold_s": ', b'"breaths": ', b'"old": ', b'"new": ', b'"at": '):
            value = key + literal.encode()
            constants.append(GOOD.replace(key, value + b", _x", 1))
            constants.append(GOOD.replace(key, value + b",\n", 1))
    return {
        "truncated at every byte": [GOOD[:i] for i in range(len(GOOD))],
        "bit flips": flips,
        "encodings": [text.encode(e) for e in ("utf-16", "utf-32", "latin-1", "cp1252")]
        + [b"\xef\xbb\xbf" + text.encode()],
        "NUL bytes and empty": [GOOD + b"\x00", GOOD.replace(b"\n", b"\x00"), b"", b" \n"],
        "NaN, Infinity and overflow per field": constants,
        "wrong type per field": typed,
        "huge and deep": [
            b"[" * 100_000 + b"]" * 100_000,
            GOOD.replace(b"20.0", b"9" * 5000),
            GOOD[:-1] + b', "x": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
            b" " * (5 * 1024 * 1024),
        ],
        "duplicate and unknown keys": [
            GOOD[:-1] + b', "routine_id": "other"}',
            json.dumps(_good() | {"future": {"x": [1]}}).encode(),
            json.dumps(_good() | {"format": 2}).encode(),
        ],
    }


CORPUS = _corpus()


@pytest.mark.parametrize("cls", list(CORPUS))
def test_every_plan_file_in_the_class_loads_and_works_or_is_named(tmp_path: Path, cls: str) -> None:
    path = tmp_path / "plan.json"
    for body in CORPUS[cls]:
        path.write_bytes(body)
        _check(path)


@pytest.mark.parametrize(
    ("body", "said"),
    [
        (GOOD.replace(b'"reps": 10', b'"reps": Infinity'), "line 8: Infinity"),
        (GOOD.replace(b'"reps": 10', b'"reps": 1e999'), "doses."),
        (GOOD.replace(b'"reps": 10', b'"reps": 1.5'), "whole number"),
        (GOOD.replace(b'"field": "hold_s"', b'"field": null'), "changes[0].field"),
        (GOOD.replace(b'"old": 15.0', b'"old": "15"'), "changes[0].old"),
        (GOOD.replace(b'"start": "2024-01-02"', b'"start": "9999-12-31"'), "start"),
        (GOOD.replace(b"Longer", "L\u00e4nger".encode("latin-1")), "not UTF-8"),
        (json.dumps(_good() | {"format": 2}).encode(), "newer StretchGuide"),
        (GOOD[:40], "line"),
    ],
)
def test_the_sentence_names_the_field_or_line(tmp_path: Path, body: bytes, said: str) -> None:
    path = tmp_path / "plan.json"
    path.write_bytes(body)
    with pytest.raises(PlanFileError) as err:
        load_state(path)
    assert said in err.value.user_message and str(path) in err.value.user_message


def test_a_plan_file_that_is_a_pipe_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    os.mkfifo(path)
    outcome: list[object] = []
    reader = threading.Thread(target=lambda: outcome.append(_refusal(path)), daemon=True)
    reader.start()
    reader.join(5)
    if reader.is_alive():  # it waits for a writer: give it one, then fail
        with open(path, "w") as fh:
            fh.write("{}")
        reader.join(5)
        pytest.fail("reading plan.json from a pipe hung")
    assert outcome and "pipe" in str(outcome[0])


def _refusal(path: Path) -> str:
    try:
        load_state(path)
    except PlanFileError as err:
        return err.user_message
    return "loaded"


def test_a_plan_file_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.mkdir()
    with pytest.raises(PlanFileError) as err:
        load_state(path)
    assert str(path) in err.value.user_message


def test_a_plan_file_linked_to_dev_zero_is_refused_unread(tmp_path: Path) -> None:
    # It was read to the end, which never comes: in a child with 1 GB of
    # memory and 30 s, so a regression fails here instead of taking the machine.
    path = tmp_path / "plan.json"
    path.symlink_to("/dev/zero")
    script = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "from pathlib import Path\n"
        "from stretchguide.core.plan import PlanFileError, load_state\n"
        "try:\n"
        "    load_state(Path(sys.argv[1]))\n"
        "except PlanFileError as err:\n"
        "    print(err.user_message)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0 and str(path) in done.stdout and "device" in done.stdout


@pytest.mark.parametrize("command", ["plan", "sheet"])
def test_the_commands_say_which_field_of_plan_json_is_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    # Infinity repetitions loaded, and int() of it was a traceback at once.
    (tmp_path / "plan.json").write_bytes(GOOD.replace(b'"reps": 10', b'"reps": Infinity'))
    out = tmp_path / ("out.ics" if command == "plan" else "out.pdf")
    flag = "--ics" if command == "plan" else "--pdf"
    code = main(["--data-dir", str(tmp_path), command, ROUTINE, flag, str(out)])
    err = capsys.readouterr().err
    assert code == 1 and "plan.json" in err and "Infinity" in err
    assert "Error" not in err and not out.exists()
