"""The command line's help, usage errors and routine-file errors in the person's language.

Run as a person runs it: a new process with only ``LANG`` set, so argparse's
own words ("usage:", "options", "the following arguments are required") and
the sentences around a bad file's field are checked as they reach a terminal.
English is the control: the same detector must find English there.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"

# Words that occur in nearly every English sentence and in no German, Spanish
# or French one (as tests/qt/test_i18n_screens.py, plus "required"/"expected"
# that argparse and the routine checker would leave; not "error", which
# is Spanish too).
ENGLISH_WORDS = frozenset(
    {"the", "your", "and", "with", "for", "then", "you", "this", "is", "are", "of", "to", "it"}
    | {"show", "write", "list", "expected", "got", "required", "following", "usage"}
    | {"line", "field", "known", "unknown", "file", "exit", "help"}
)
# What stays as typed: options, metavars, command and field names, quoted
# values, file names. A person types or finds these; they are not sentences.
KEPT = re.compile(
    r"--?[\w-]+|\b[A-Z][A-Z:_]+\b|`[^`]*`|'[^']*'|\"[^\"]*\"|\S+\.(?:toml|json|md|py)\b"
    r"|\b(?:routines|check-routine|export|import|stats|sheet|plan|voice-check)\b"
    r"|\b(?:bogus|hold_s|reps|items|exercise|name|id|causes|description|format|schedule"
    r"|sources|tags|stretchguide)\b(?:\[\d+\])?(?:\.\w+)*"
)


def english_lines(text: str) -> list[str]:
    """Lines of three or more words that use an English function word."""
    found = []
    for line in text.splitlines():
        words = re.findall(r"[A-Za-zÀ-ÿ']+", KEPT.sub(" ", line))
        if len(words) >= 3 and any(w.lower() in ENGLISH_WORDS for w in words):
            found.append(line)
    return found


def run_cli(lang: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.pop("STRETCHGUIDE_LANGUAGE", None)
    locale = {"en": "en_US", "de": "de_DE", "es": "es_ES", "fr": "fr_FR"}[lang]
    env |= {
        "LANG": f"{locale}.UTF-8",
        "PYTHONPATH": str(SRC),
        "STRETCHGUIDE_DATA_DIR": str(cwd / "data"),
        "COLUMNS": "100",
    }
    return subprocess.run(
        [sys.executable, "-m", "stretchguide", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=60,
    )


@pytest.fixture
def broken_files(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "unknown_field.toml").write_text(
        'id = "mine"\nname = "Mine"\nbogus = 1\n', encoding="utf-8"
    )
    (tmp_path / "bad_number.toml").write_text(
        'id = "mine"\nname = "Mine"\n\n[[items]]\nexercise = "bridge"\n'
        "[items.dose]\nhold_s = 5000\n",
        encoding="utf-8",
    )
    (tmp_path / "no_items.toml").write_text('id = "mine"\nname = "Mine"\n', encoding="utf-8")
    (tmp_path / "routine").write_text("", encoding="utf-8")
    return tmp_path


# (arguments, the exit code, which stream a person reads)
CASES = [
    (("--help",), 0, "stdout"),
    (("check-routine", "--help"), 0, "stdout"),
    (("export", "--help"), 0, "stdout"),  # the CSV columns explained
    (("sheet", "--help"), 0, "stdout"),
    (("plan", "--help"), 0, "stdout"),
    (("voice-check", "--help"), 0, "stdout"),
    (("sheet",), 2, "stderr"),  # "the following arguments are required"
    (("check-routine", "unknown_field.toml"), 1, "stderr"),
    (("check-routine", "bad_number.toml"), 1, "stderr"),
    (("check-routine", "no_items.toml"), 1, "stderr"),
    (("check-routine", "routine"), 1, "stderr"),  # no suffix
    (("sheet", "no_such_routine", "--pdf", "out.pdf"), 1, "stderr"),
    (("plan", "article_003_piriformis", "--ics", "x.ics", "--at", "25:99"), 1, "stderr"),
]


def _outputs(lang: str, folder: Path) -> dict[str, str]:
    out = {}
    for args, code, stream in CASES:
        done = run_cli(lang, *args, cwd=folder)
        assert done.returncode == code, (args, done.stdout, done.stderr)
        text = getattr(done, stream)
        assert text.strip(), (args, "printed nothing")
        assert "Traceback" not in done.stderr
        out[" ".join(args)] = text
    return out


@pytest.mark.parametrize("lang", ["de", "es", "fr"])
def test_no_english_sentence_is_left(lang: str, broken_files: Path) -> None:
    left = {
        args: lines
        for args, text in _outputs(lang, broken_files).items()
        if (lines := english_lines(text))
    }
    assert not left, f"{lang}: English left: {left}"


def test_in_english_the_detector_finds_english_in_every_output(broken_files: Path) -> None:
    quiet = [args for args, text in _outputs("en", broken_files).items() if not english_lines(text)]
    assert not quiet, f"the detector sees no English in: {quiet}"


def test_file_names_fields_and_exit_codes_are_kept(broken_files: Path) -> None:
    done = run_cli("de", "check-routine", "unknown_field.toml", cwd=broken_files)
    assert done.returncode == 1
    assert "unknown_field.toml, Zeile 3: bogus: erwartet ein bekanntes Feld" in done.stderr
    done = run_cli("de", "check-routine", "bad_number.toml", cwd=broken_files)
    assert "items[0].dose.hold_s" in done.stderr and "Sekunden" in done.stderr
    usage = run_cli("fr", "sheet", cwd=broken_files)
    assert usage.returncode == 2
    assert usage.stderr.startswith("utilisation : stretchguide sheet")
    assert "erreur : ces arguments manquent : ROUTINE, --pdf" in usage.stderr


def test_the_language_option_wins_for_argparse_words_too(broken_files: Path) -> None:
    done = run_cli("de", "--language", "es", "check-routine", "--help", cwd=broken_files)
    assert done.stdout.startswith("uso: stretchguide check-routine")
    assert "opciones:" in done.stdout
    done = run_cli("de", "--language=en", "check-routine", "--help", cwd=broken_files)
    assert done.stdout.startswith("usage: stretchguide check-routine")
