"""What is wrong with the data folder or an export's target, in the person's language.

The sentence around it was translated ("StretchGuide cannot use {path}:
{problem}."), but the problem itself ("it is a symbolic link, which
stretchguide does not follow", "the file already exists") was English in
every language; so were "Add --force to replace it." and `routines`'
equipment and positions. English is the control; ``str()`` stays English.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.leftover_english import english_lines, kept_pattern, unfound_english

from stretchguide.__main__ import main
from stretchguide.commands.routines import EQUIPMENT_WORDS, POSITION_WORDS
from stretchguide.core import i18n
from stretchguide.paths import AppPaths
from stretchguide.store import exchange
from stretchguide.store.errors import UnusableFileError
from stretchguide.store.history import History

KEPT = kept_pattern(["foo", "CSV", "--force", "StretchGuide", "stretchguide", "sqlite"])


@pytest.fixture(autouse=True)
def back_to_english() -> Iterator[None]:
    yield
    i18n.set_language("en")


def _folders(tmp_path: Path) -> dict[str, list[str]]:
    """Command lines that meet a problem with the data folder or the target."""
    (tmp_path / "folder-db" / "history.db").mkdir(parents=True)
    (tmp_path / "link-db").mkdir()
    (tmp_path / "link-db" / "history.db").symlink_to(tmp_path / "elsewhere.db")
    (tmp_path / "other-db").mkdir()
    other = sqlite3.connect(tmp_path / "other-db" / "history.db")
    other.execute("CREATE TABLE foo (x)")
    other.commit()
    other.close()
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    good = tmp_path / "good"
    with History.open(AppPaths(good), backups=False):
        pass
    (tmp_path / "there.json").write_text("{}", encoding="utf-8")
    (tmp_path / "there-folder").mkdir()

    def stats(folder: str) -> list[str]:
        return ["--data-dir", str(tmp_path / folder), "stats"]

    def export(*how: str) -> list[str]:
        return ["--data-dir", str(good), "export", *how]

    return {
        "db is a folder": stats("folder-db"),
        "db is a link": stats("link-db"),
        "another program's db": stats("other-db"),
        "data folder is a file": stats("a-file"),
        "export exists": export("--json", str(tmp_path / "there.json")),
        "export to a folder": export("--json", str(tmp_path / "there-folder")),
        "csv into a file": export("--csv", str(tmp_path / "there.json")),
    }


def _said(lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    out = {}
    for name, args in _folders(tmp_path).items():
        code = main(["--language", lang, *args])
        err = capsys.readouterr().err
        assert code in (1, 2), (name, err)
        assert "Traceback" not in err
        out[name] = err
    return out


@pytest.mark.parametrize("lang", ["de", "es", "fr"])
def test_the_problem_with_a_folder_or_file_is_said_in_the_language(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    said = _said(lang, tmp_path, capsys)
    left = {name: lines for name, text in said.items() if (lines := english_lines(text, KEPT))}
    assert not left, f"{lang}: English left: {left}"
    assert "foo" in said["another program's db"]  # the other program's table, as it is named


def test_in_english_the_search_finds_each_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    said = _said("en", tmp_path, capsys)
    for name, text in said.items():
        assert english_lines(text, KEPT), name
        assert not unfound_english(text, KEPT), name
    assert said["export exists"].rstrip().endswith("Add --force to replace it.")


def test_the_error_keeps_english_for_logs(tmp_path: Path) -> None:
    (tmp_path / "history.db").mkdir()
    i18n.set_language("de")
    with pytest.raises(UnusableFileError) as err:
        History.open(AppPaths(tmp_path), backups=False)
    assert str(err.value).endswith("history.db: it should be a file but is a folder")
    assert "es sollte eine Datei sein, ist aber ein Ordner" in err.value.user_message
    target = tmp_path / "x.json"
    target.write_text("{}", encoding="utf-8")
    with (
        History.open(AppPaths(tmp_path / "d"), backups=False) as h,
        pytest.raises(exchange.ExportExistsError) as exists,
    ):
        exchange.export_json(h, target, overwrite=False)
    assert "already exists" in str(exists.value)
    assert "schon vorhanden" in exists.value.user_message


@pytest.mark.parametrize("lang", ["de", "es", "fr"])
def test_routines_names_equipment_and_positions_in_the_language(
    lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--language", lang, "routines"]) == 0
    out = capsys.readouterr().out
    tr = i18n.translations(lang)
    equipment = {tr.pgettext("equipment", w) for w in EQUIPMENT_WORDS.values()}
    positions = {tr.pgettext("position", w) for w in POSITION_WORDS.values()}
    assert not equipment & set(EQUIPMENT_WORDS.values())  # every one translated
    needs = [
        line.rsplit(": ", 1)[1]
        for line in out.splitlines()
        if line.startswith("    ") and "; " in line
    ]
    shown = {w for line in needs for w in line.split(", ")}
    assert shown and shown <= equipment
    # "knees_to_chest   Knie zur Brust (Rückenlage): ...": the position in brackets.
    exercises = out.split("\n\n")[-1].splitlines()[1:]
    found = {line.split(" (")[-1].split("):")[0] for line in exercises if line}
    assert found and found <= positions


@pytest.mark.parametrize(
    "after",
    [["stats"], ["--self-test"]],  # a command, and the self-test (the app's light path)
)
def test_an_empty_data_folder_is_refused_in_the_language(
    after: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # argparse's words were back in English: the refusal came after the
    # scope that puts them in the command's language had ended. Without a
    # command (`--self-test`) the whole refusal was English.
    with pytest.raises(SystemExit) as end:
        main(["--language", "de", "--data-dir", "", *after])
    assert end.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Aufruf: stretchguide")
    assert "stretchguide: Fehler: --data-dir: ein leerer Pfad bezeichnet keine Datei" in err


def test_in_german_what_to_do_refers_to_the_thing_whatever_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "bitte verschieben oder reparieren Sie sie": "sie" is a feminine or
    # plural thing, while the sentence before named a folder or a link
    # ("es sollte ein Ordner sein"); it now says "es", as that sentence does.
    said = _said("de", tmp_path, capsys)
    for name in ("db is a folder", "db is a link", "data folder is a file"):
        assert "Sie sie" not in said[name], said[name]
        assert (
            said[name]
            .rstrip()
            .endswith(
                "Nichts wurde geändert; bitte verschieben Sie es an einen anderen Ort "
                "oder beheben Sie das Problem."
            )
        ), said[name]
