"""The command line speaks the chosen language: option, variable, locale."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from stretchguide.__main__ import LANGUAGE_VAR, main
from stretchguide.core import i18n
from stretchguide.core.catalog import load_builtin


@pytest.fixture(autouse=True)
def _back_to_english() -> Iterator[None]:
    yield
    i18n.set_language("en")  # the language is process-wide; leave none behind


def test_language_option_translates_headings_and_content(capsys) -> None:
    assert main(["--language", "de", "routines"]) == 0
    out = capsys.readouterr().out
    german = i18n.translate_catalog(load_builtin(), "de")
    assert out.startswith(f"Programme ({len(german.routines)})")
    assert f"Übungen ({len(german.exercises)})" in out
    assert german.routines["article_003_piriformis"].name in out
    assert german.exercises["bridge"].name in out  # "Brücke"
    assert "Exercises (" not in out


def test_system_locale_is_used_without_a_setting(capsys, monkeypatch) -> None:
    monkeypatch.delenv(LANGUAGE_VAR, raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert main(["routines"]) == 0
    assert capsys.readouterr().out.startswith("Programmes (")


def test_the_option_wins_over_the_variable_and_the_locale(capsys, monkeypatch) -> None:
    monkeypatch.setenv(LANGUAGE_VAR, "de")
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert main(["--language", "es", "routines"]) == 0
    assert capsys.readouterr().out.startswith("Rutinas (")


def test_an_unknown_language_says_so_and_answers_in_english(capsys) -> None:
    assert main(["--language", "xx", "routines"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("Routines (")
    assert "no translation for 'xx'" in captured.err and "using English" in captured.err


def test_json_output_stays_english_for_programs(capsys) -> None:
    assert main(["--language", "de", "routines", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    names = {e["id"]: e["name"] for e in payload["exercises"]}
    assert names["bridge"] == load_builtin().exercises["bridge"].name


def test_check_routine_counts_with_the_languages_plural(capsys, tmp_path) -> None:
    routine = tmp_path / "one.toml"
    routine.write_text(
        'name = "Mine"\ndescription = "One"\n[[items]]\nexercise = "bridge"\n',
        encoding="utf-8",
    )
    assert main(["--language", "fr", "check-routine", str(routine)]) == 0
    assert ": 1 exercice," in capsys.readouterr().out
    assert main(["--language", "en", "check-routine", str(routine)]) == 0
    assert ": 1 exercise," in capsys.readouterr().out


def test_stats_counts_days_in_words_of_the_language(capsys, tmp_path) -> None:
    assert main(["--language", "de", "--data-dir", str(tmp_path), "stats"]) == 0
    out = capsys.readouterr().out
    assert "Einheiten diese Woche: 0" in out
    assert "Serie: 0 Tage am Stück" in out  # German plural for 0, not "Tag(e)"
    assert main(["--language", "fr", "--data-dir", str(tmp_path), "stats"]) == 0
    assert "Série : 0 jour d'affilée" in capsys.readouterr().out  # French: 0 is singular
