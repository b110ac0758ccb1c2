"""Command-line manners (issue 17): a closed pipe and a missing data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from stretchguide.__main__ import main


def _env(data: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["STRETCHGUIDE_DATA_DIR"] = str(data)
    return env


def test_a_reader_that_goes_away_gets_no_traceback(tmp_path: Path) -> None:
    # `stretchguide routines --json | head -c 10`: the reader closes its end
    # before the output is written.
    r, w = os.pipe()
    os.close(r)
    proc = subprocess.run(
        [sys.executable, "-m", "stretchguide", "routines", "--json"],
        stdout=w,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(tmp_path),
        check=False,
    )
    os.close(w)
    assert "Traceback" not in proc.stderr
    assert "BrokenPipeError" not in proc.stderr
    assert proc.returncode == 0


def test_a_data_dir_that_does_not_exist_is_announced(tmp_path: Path) -> None:
    missing = tmp_path / "not-yet"
    proc = subprocess.run(
        [sys.executable, "-m", "stretchguide", "--data-dir", str(missing), "routines"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0
    assert str(missing) in proc.stderr and "will create it" in proc.stderr
    quiet = subprocess.run(
        [sys.executable, "-m", "stretchguide", "--data-dir", str(tmp_path), "routines"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "will create" not in quiet.stderr


@pytest.mark.parametrize(
    ("lang", "gui_words"), [("en", "choose to overwrite"), ("de", "Überschreiben")]
)
def test_an_export_over_an_existing_file_names_only_the_way_to_replace_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, gui_words: str
) -> None:
    # The command line has no "overwrite" to choose: --force is the way, and
    # the reason must not send the person looking for a button.
    target = tmp_path / "all.json"
    target.write_text("{}", encoding="utf-8")
    data = str(tmp_path / "data")
    assert main(["--language", lang, "--data-dir", data, "export", "--json", str(target)]) == 1
    err = capsys.readouterr().err
    assert "--force" in err
    assert gui_words not in err
    assert target.read_text(encoding="utf-8") == "{}"


def _arguments_without_help() -> list[str]:
    import argparse

    from stretchguide.__main__ import build_parser

    parser = build_parser()
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return [
        f"{name} {action.metavar or action.dest}"
        for name, command in sub.choices.items()
        for action in command._actions
        if not isinstance(action, argparse._HelpAction) and not action.help
    ]


def test_every_argument_of_every_command_is_explained_in_its_help() -> None:
    # `import --help` listed a bare FILE (which file?), and so did
    # check-routine, plan (ROUTINE, --ics) and voice-check: nothing to read
    # in any language. Each now says what it is.
    assert _arguments_without_help() == []


@pytest.mark.parametrize(
    ("lang", "lead"),
    [("en", "unexpected error"), ("de", "unerwarteter Fehler"), ("fr", "erreur inattendue")],
)
def test_an_unforeseen_error_is_announced_in_the_language(
    lang: str,
    lead: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The last line of defence printed only "stretchguide stats: ValueError: ...",
    # all English; the class and its words stay for a bug report.
    from tests.core.test_hostile_arguments import LAST_DEFENCE

    from stretchguide.commands import history

    def broken(args: object, paths: object) -> int:
        raise ValueError("a bug's own words")

    monkeypatch.setattr(history, "run_stats", broken)
    (tmp_path / "data").mkdir()
    code = main(["--language", lang, "--data-dir", str(tmp_path / "data"), "stats"])

    err = capsys.readouterr().err
    assert code == 1
    assert err == f"stretchguide stats: {lead}: ValueError: a bug's own words\n"
    if lang == "en":  # what the hostile-argument tests look for still finds it
        assert LAST_DEFENCE.search(err)
