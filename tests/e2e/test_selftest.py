"""`stretchguide --self-test` as a person's installation would run it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from stretchguide import paths
from stretchguide.commands import selftest
from stretchguide.qt import assets

CHECK_NAMES = [name for name, _ in selftest.CHECKS] + ["privacy"]


def _self_test(tmp_path: Path, *, pulse_server: str | None, python: list[str] | None = None):
    """Run ``--self-test`` in a fresh process, as a person's installation would."""
    data = tmp_path / "never-created"
    env = {**os.environ, paths.ENV_VAR: str(data)}
    env.pop("QT_QPA_PLATFORM", None)  # the self-test must pick offscreen by itself
    if pulse_server is not None:
        env["PULSE_SERVER"] = pulse_server
    proc = subprocess.run(
        [sys.executable, *(python or ["-m", "stretchguide"]), "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        cwd=tmp_path,
    )
    assert not data.exists(), "the self-test must not create the person's data folder"
    return proc, proc.stdout.splitlines()


def _assert_passed_with_audio(proc, lines: list[str], audio: str) -> None:
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for name in CHECK_NAMES:
        prefix = audio if name == "audio" else "ok    "
        assert any(line.startswith(f"{prefix}{name}: ") for line in lines), (name, proc.stdout)
    assert not any(line.startswith("FAIL") for line in lines)
    assert lines[-1].startswith("self-test passed")


def test_without_a_sound_server_the_self_test_passes_and_notes_the_audio(tmp_path: Path) -> None:
    # A socket nobody listens on: the fresh machine with no sound server.
    proc, lines = _self_test(tmp_path, pulse_server=f"unix:{tmp_path / 'no-server'}")
    _assert_passed_with_audio(proc, lines, "note  ")
    audio = next(line for line in lines if line.startswith("note  audio: "))
    assert "no sound output" in audio and "on screen" in audio
    assert lines[-1] == f"self-test passed: {len(CHECK_NAMES)} checks (1 noted above, not a fault)"


# As the loader fails without libpulse0: QtMultimedia cannot be imported.
WITHOUT_QTMULTIMEDIA = [
    "-c",
    "import sys; sys.modules['PySide6.QtMultimedia'] = None; "
    "from stretchguide.__main__ import main; sys.exit(main(sys.argv[1:]))",
]


def test_without_libpulse_the_self_test_passes_and_notes_the_audio(tmp_path: Path) -> None:
    proc, lines = _self_test(tmp_path, pulse_server=None, python=WITHOUT_QTMULTIMEDIA)
    _assert_passed_with_audio(proc, lines, "note  ")
    audio = next(line for line in lines if line.startswith("note  audio: "))
    assert "QtMultimedia cannot load" in audio and "libpulse0" in audio


@pytest.mark.audio
def test_with_a_sound_output_the_self_test_loads_a_cue_sound(tmp_path: Path, private_pulse) -> None:
    proc, lines = _self_test(tmp_path, pulse_server=private_pulse.server)
    _assert_passed_with_audio(proc, lines, "ok    ")
    assert any(line.startswith("ok    audio: cue sound loads; 1 sound output;") for line in lines)


def _resources_without(tmp_path: Path, removed: str) -> Path:
    """A copy (of symlinks) of the real resources with one file left out."""
    root = tmp_path / "resources"
    shutil.copytree(assets.resources_root(), root, copy_function=os.symlink)
    (root / removed).unlink()
    return root


def _first_exercise_id() -> str:
    from stretchguide.core.catalog import load_builtin

    return sorted(load_builtin().exercises)[0]


@pytest.mark.parametrize(
    "removed",
    [
        "sounds/hold_start.wav",
        "sounds/voice/ex_{ex}.wav",
        "images/{ex}.svg",
        "images/thumbs/{ex}.png",
    ],
)
def test_a_missing_resource_fails_the_self_test_and_is_named(
    removed: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    qapp: object,
    _private_data_dir: Path,
) -> None:
    removed = removed.format(ex=_first_exercise_id())
    if not (assets.resources_root() / removed).exists():
        pytest.fail(f"{removed} is not in the source tree, so this install is already broken")
    broken = _resources_without(tmp_path, removed)
    monkeypatch.setattr(assets, "resources_root", lambda: broken)

    code = selftest.run_self_test(paths.resolve(_private_data_dir))

    out = capsys.readouterr().out
    assert code == 1
    fail_lines = [line for line in out.splitlines() if line.startswith("FAIL")]
    assert any(removed in line for line in fail_lines), out
    assert out.splitlines()[-1].startswith("self-test FAILED")


def test_the_self_test_leaves_an_existing_data_folder_as_it_was(
    qapp: object, _private_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = _private_data_dir / "history.db"
    mine.write_bytes(b"the person's diary")
    before = (mine.stat().st_mtime_ns, sorted(p.name for p in _private_data_dir.iterdir()))

    selftest.run_self_test(paths.resolve(_private_data_dir))

    out = capsys.readouterr().out
    assert mine.read_bytes() == b"the person's diary"
    assert (mine.stat().st_mtime_ns, sorted(p.name for p in _private_data_dir.iterdir())) == before
    assert f"ok    privacy: {_private_data_dir.resolve()} was not touched" in out


def test_a_link_to_nowhere_in_the_data_folder_is_no_traceback(
    qapp: object, _private_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A link to a removed USB stick or a deleted backup: the privacy check's
    # stat() followed it and the self-test ended in FileNotFoundError.
    (_private_data_dir / "routines").symlink_to(_private_data_dir / "on-a-removed-stick")

    code = selftest.run_self_test(paths.resolve(_private_data_dir))

    out = capsys.readouterr().out
    assert f"ok    privacy: {_private_data_dir.resolve()} was not touched" in out, out
    assert code == 0, out
    assert (_private_data_dir / "routines").is_symlink()
