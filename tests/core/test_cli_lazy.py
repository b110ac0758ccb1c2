"""The command line builds its sub-commands only when it needs them."""

from __future__ import annotations

import pytest

from stretchguide.__main__ import build_parser, main, wants_commands


@pytest.mark.parametrize(
    ("argv", "needed"),
    [
        ([], False),
        (["--data-dir", "routines"], False),  # a folder named like a command
        (["--data-dir=/tmp/x", "-style=fusion"], False),  # Qt's own options
        (["--self-test"], False),
        (["routines"], True),
        (["--data-dir", "/tmp/x", "stats"], True),
        (["-h"], True),
        (["--help"], True),
        (["--hel"], True),  # argparse accepts the abbreviation
        (["stat"], True),  # a typo gets argparse's list of commands
    ],
)
def test_which_command_lines_need_the_sub_commands(argv: list[str], needed: bool) -> None:
    assert wants_commands(argv) is needed


def test_the_light_parser_takes_the_same_top_level_options() -> None:
    args, rest = build_parser(commands=False).parse_known_args(
        ["--data-dir", "/tmp/x", "-style=fusion"]
    )
    assert args.data_dir == "/tmp/x" and args.command is None and not args.self_test
    assert rest == ["-style=fusion"]


def test_help_still_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    for name in ("routines", "check-routine", "export", "import", "stats"):
        assert name in out


def test_a_mistyped_command_is_refused_with_the_list(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["stat"])
    assert stop.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
