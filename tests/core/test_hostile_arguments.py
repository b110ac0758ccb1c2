"""Generated command lines for every `stretchguide` sub-command.

Each argument gets what a slip, a script or a hostile user may pass: empty
and blank words, a lone dash, options where values belong, very long words,
bytes that are not UTF-8 (a shell passes them through as surrogates),
paths to folders, pipes, devices and dangling links, and for ``--at`` and
``--language`` every near miss. The command either does its work or ends
with a non-zero status and a sentence; never a traceback, and never the
last line of defence (``stretchguide CMD: SomeError: ...``), which is for
the unforeseen, not for a person's typing.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stretchguide.__main__ import main, wants_commands

CAREFUL = settings(
    max_examples=500,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# What main() prints when a command let an exception through.
LAST_DEFENCE = re.compile(
    r"^stretchguide [\w-]+: (?:unexpected error: )?\w+(Error|Exception|Warning)\b", re.MULTILINE
)

_words = st.sampled_from(
    [
        "",
        " ",
        "-",
        "--",
        "--force",
        "-h",
        "x" * 5000,
        "é" * 300,
        "\udcff\udcfe",  # bytes that are not UTF-8, as Python hands them over
        "article_000_basics",
        "../article_000_basics",
        "bridge",
        "ROUTINE",
        "\x1b[2J",
        "a\nb",
    ]
)


@pytest.fixture(autouse=True)
def _in_a_scratch_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Relative words ("-", "ROUTINE", "~nobody/d") name files in the working
    # folder: a command that takes one writes there, never in the checkout.
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="module")
def odd_paths(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    tmp = tmp_path_factory.mktemp("odd")
    (tmp / "folder").mkdir()
    os.mkfifo(tmp / "fifo")
    (tmp / "dangling").symlink_to(tmp / "nowhere")
    (tmp / "loop").symlink_to(tmp / "loop")
    (tmp / "text.json").write_text("not json")
    (tmp / "red\x1b[31m.json").write_text("not json")
    return [
        str(tmp / "folder"),
        str(tmp / "fifo"),
        str(tmp / "dangling"),
        str(tmp / "loop"),
        str(tmp / "text.json"),
        str(tmp / "no" / "such" / "dir" / "f.json"),
        str(tmp / ("n" * 300)),
        "/dev/null",
        "/dev/zero",
        "/proc/self/status",
        str(tmp / "red\x1b[31m.json"),
        str(tmp / "new\x1b[2J.out"),
    ]


_at = st.sampled_from(
    [
        "18:00",
        "7:05",
        "24:00",
        "25:99",
        "-1:00",
        "18:00+05:00",
        "18:00:30",
        "18:00:00.5",
        "T18:00",
        "1800",
        "18",
        "\u0661\u0668:\u0660\u0660",  # Arabic-Indic digits
        "nan",
        "",
    ]
)


def _commands(paths: list[str]) -> st.SearchStrategy[list[str]]:
    arg = st.one_of(_words, st.sampled_from(paths))
    # What a command writes to stays in the test's folders: these tests run
    # as root on a shared machine, where "/" and /dev take any file.
    ours = st.one_of(
        _words, st.sampled_from([p for p in paths if not p.startswith(("/dev", "/proc"))])
    )
    return st.one_of(
        st.builds(lambda f: ["check-routine", f], arg),
        st.builds(lambda f: ["import", f], arg),
        st.builds(
            lambda f, force: ["export", "--json", f, *force],
            ours,
            st.sampled_from([[], ["--force"]]),
        ),
        st.builds(lambda f: ["export", "--csv", f], ours),
        # A sheet that is written makes a QGuiApplication, which the Qt tests
        # after these would inherit: tests/qt/test_sheet writes them.
        st.builds(
            lambda r, f: ["sheet", r, "--pdf", f],
            st.sampled_from(["", "-", "nope", "../article_000_basics", "\udcff", "x" * 5000]),
            ours,
        ),
        st.builds(
            lambda r, f, at: ["plan", r, "--ics", f, "--at", at, "--force"],
            st.sampled_from(["article_000_basics", "", "nope", "\udcff"]),
            ours,
            _at,
        ),
        st.builds(lambda w: ["routines", w], _words),
        st.builds(lambda w: ["stats", w], _words),
        st.builds(
            lambda lang: ["--language", lang, "routines"],
            st.sampled_from(["xx", "", "de_DE.UTF-8", "../../etc", "EN", "de"]),
        ),
        st.lists(_words, min_size=1, max_size=3),
    )


def _run(argv: list[str], data: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    full = ["--data-dir", str(data), *argv]
    try:
        code = main(full)
    except SystemExit as exit_:  # argparse: usage errors and --help
        code = exit_.code if isinstance(exit_.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


@CAREFUL
@given(data=st.data())
def test_any_command_line_does_its_work_or_says_why_in_a_sentence(
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    odd_paths: list[str],
    data: st.DataObject,
) -> None:
    argv = data.draw(_commands(odd_paths), label="argv")
    if not wants_commands(["--data-dir", "x", *argv]):
        return  # options alone start the window: not a command line's business
    home = tmp_path_factory.mktemp("data")
    code, out, err = _run(argv, home / "d", capsys)
    assert "Traceback" not in err + out
    assert not LAST_DEFENCE.search(err), err
    # A name is echoed escaped: an ESC in it would recolour or clear the screen.
    assert "\x1b" not in err + out, (argv, err)
    if code != 0:
        assert err.strip(), (argv, out)


@pytest.mark.parametrize(
    "at", ["18:00+05:00", "18:00:00.5", "18:00:30", "T18:00", "18", "1800", "\u0661\u0668:00"]
)
def test_plan_takes_hh_mm_only_not_what_it_would_quietly_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], at: str
) -> None:
    ics = tmp_path / "p.ics"
    code, _out, err = _run(
        ["plan", "article_000_basics", "--ics", str(ics), "--at", at], tmp_path / "d", capsys
    )
    assert code == 1 and "--at" in err and "18:00" in err, err
    assert not ics.exists()


@pytest.mark.parametrize("at", ["18:00", "7:05", "07:05", "23:59", "0:00"])
def test_plan_takes_every_hh_mm(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], at: str
) -> None:
    ics = tmp_path / "p.ics"
    code, _out, err = _run(
        ["plan", "article_000_basics", "--ics", str(ics), "--at", at], tmp_path / "d", capsys
    )
    assert code == 0, err
    hour, minute = at.split(":")
    assert f"T{int(hour):02d}{minute}00" in ics.read_text()


def test_a_sample_of_hostile_command_lines_in_a_real_process(
    tmp_path: Path, odd_paths: list[str]
) -> None:
    # Its own file: the generated commands may have exported over the shared one.
    (tmp_path / "red\x1b[31m.json").write_text("not json")
    lines = [
        ["import", odd_paths[1]],  # a pipe
        ["check-routine", odd_paths[0]],  # a folder
        ["export", "--json", odd_paths[8]],  # /dev/zero
        ["sheet", "article_000_basics", "--pdf", odd_paths[3]],  # a link to itself
        ["plan", "nope", "--ics", str(tmp_path / "p.ics")],
        ["import", os.fsdecode(b"/tmp/\xff\xfe.json")],
        ["check-routine", "x" * 5000],
        ["import", str(tmp_path / "red\x1b[31m.json")],  # a name with an ESC in it
        ["routines", "\x1b[2J"],
    ]
    env = {
        **os.environ,
        "STRETCHGUIDE_DATA_DIR": str(tmp_path / "d"),
        "STRETCHGUIDE_LANGUAGE": "en",
    }
    for argv in lines:
        done = subprocess.run(
            [sys.executable, "-m", "stretchguide", *(os.fsencode(a) for a in argv)],
            capture_output=True,
            env=env,
            timeout=60,
        )
        err = done.stderr.decode("utf-8", "replace")
        assert done.returncode != 0, argv
        assert "Traceback" not in err and err.strip(), (argv, err)
        assert not LAST_DEFENCE.search(err), (argv, err)
        assert "\x1b" not in err, (argv, err)


@pytest.mark.parametrize("io_encoding", ["utf-8:strict", "ascii:strict"])
def test_a_name_the_terminal_cannot_show_is_escaped_not_an_error(
    tmp_path: Path, io_encoding: str
) -> None:
    # A desktop's en_US.UTF-8 terminal prints strictly; a file name of
    # bytes that are not UTF-8 was written, then failed to print.
    target = os.fsencode(tmp_path) + b"/caf\xe9-\xff.json"
    done = subprocess.run(
        [sys.executable, "-m", "stretchguide", "export", "--json", target],
        capture_output=True,
        env={
            **os.environ,
            "STRETCHGUIDE_DATA_DIR": str(tmp_path / "d"),
            "STRETCHGUIDE_LANGUAGE": "en",
            "PYTHONIOENCODING": io_encoding,
        },
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert b"\\udce9-\\udcff.json" in done.stdout and b"Error" not in done.stderr
    assert os.path.exists(target)


@pytest.mark.parametrize(
    "command", [["stats"], ["routines"], ["import", "/dev/null"], ["export", "--json", "-"]]
)
# A pipe, a dangling and a looping link, a file, /dev/null, and "~nobody/d".
@pytest.mark.parametrize("which", [1, 2, 3, 4, 7, -1])
def test_a_data_folder_that_is_no_folder_is_one_sentence(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    odd_paths: list[str],
    command: list[str],
    which: int,
) -> None:
    folder = "~no_such_user_h39/d" if which == -1 else odd_paths[which]
    try:
        code = main(["--data-dir", folder, *command])
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    out, err = capsys.readouterr()
    assert "Traceback" not in err and not LAST_DEFENCE.search(err), err
    # Listing the built-in routines, or an empty diary, is an answer too.
    assert (code == 0 and out.strip()) or (code != 0 and err.strip()), (command, out, err)
