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


def test_self_test_passes_and_prints_one_ok_line_per_check(tmp_path: Path) -> None:
    data = tmp_path / "never-created"
    env = {**os.environ, paths.ENV_VAR: str(data)}
    env.pop("QT_QPA_PLATFORM", None)  # the self-test must pick offscreen by itself
    proc = subprocess.run(
        [sys.executable, "-m", "stretchguide", "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    for name in CHECK_NAMES:
        assert any(line.startswith(f"ok    {name}: ") for line in lines), (name, proc.stdout)
    assert not any(line.startswith("FAIL") for line in lines)
    assert lines[-1].startswith("self-test passed")
    assert not data.exists(), "the self-test must not create the person's data folder"


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
