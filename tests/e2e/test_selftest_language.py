"""`stretchguide --self-test` reports in the person's language.

It printed English whatever ``--language`` said: ``--self-test`` alone took
the app's light path, which never set the language, and its lines were
English literals. Run as a person runs it (a new process), in each language,
beside the English run: every line must read differently from its English
line, apart from what is not ours to translate (Qt's own warnings after
"Qt said", paths, versions, module names).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from stretchguide import paths
from stretchguide.core import i18n
from stretchguide.core.i18n import translations


def _self_test(tmp_path: Path, lang: str) -> list[str]:
    env = {**os.environ, paths.ENV_VAR: str(tmp_path / "never-created")}
    env["PULSE_SERVER"] = f"unix:{tmp_path / 'no-server'}"  # the same audio note in each run
    proc = subprocess.run(
        [sys.executable, "-m", "stretchguide", "--self-test", "--language", lang],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout.splitlines()


def _ours(lines: list[str], lang: str) -> list[tuple[str, str]]:
    """(result and check, detail) of each line but Qt's own words."""
    qt_said = translations(lang).gettext("Qt said")
    split = [line.partition(": ") for line in lines]
    return [(head, detail) for head, _, detail in split if not head.endswith(qt_said)]


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    return _ours(_self_test(tmp_path_factory.mktemp("en"), "en"), "en")


@pytest.mark.parametrize("lang", ["de", "es", "fr"])
def test_every_line_of_the_self_test_is_in_the_language(
    lang: str, english: list[tuple[str, str]], tmp_path: Path
) -> None:
    # The control: the English run is the one the tests and CI have always read.
    assert english[0][0] == "ok    install"
    assert english[-1] == ("self-test passed", "10 checks (1 noted above, not a fault)")

    translated = _ours(_self_test(tmp_path, lang), lang)

    assert len(translated) == len(english), translated
    # A check's name may be the same word ("images", "audio", "Qt"); what it
    # found, its detail, is a sentence and must not be.
    same = [(en, tr) for en, tr in zip(english, translated, strict=True) if en[1] == tr[1]]
    assert not same, same


def test_ctrl_c_during_the_self_test_is_a_sentence_in_the_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from stretchguide.__main__ import main
    from stretchguide.commands import selftest

    def interrupted(app_paths: paths.AppPaths) -> int:
        raise KeyboardInterrupt  # as Ctrl+C arrives in the middle of a check

    monkeypatch.setattr(selftest, "run_self_test", interrupted)
    code = main(["--self-test", "--language", "fr", "--data-dir", str(tmp_path)])

    assert code == 130
    assert capsys.readouterr().err.strip() == "autotest arrêté par Ctrl+C."


def test_a_failed_check_is_said_in_the_language(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    qapp: object,
    _private_data_dir: Path,
) -> None:
    # The passing run above never reaches the failure sentences.
    import shutil

    from stretchguide.commands import selftest
    from stretchguide.core.catalog import load_builtin
    from stretchguide.qt import assets

    removed = f"images/thumbs/{sorted(load_builtin().exercises)[0]}.png"
    root = tmp_path / "resources"
    shutil.copytree(assets.resources_root(), root, copy_function=os.symlink)
    (root / removed).unlink()
    monkeypatch.setattr(assets, "resources_root", lambda: root)
    i18n.set_language("de")

    code = selftest.run_self_test(paths.resolve(_private_data_dir))

    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert f"FEHLER   Bilder: Bilder fehlen: {removed}" in lines, lines
    assert lines[-1].startswith("Selbsttest FEHLGESCHLAGEN: ")
    assert not [line for line in lines if line.startswith(("FAIL", "ok ", "note "))]
