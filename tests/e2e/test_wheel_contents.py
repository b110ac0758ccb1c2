"""The wheel carries the resources and the two entry points the app needs."""

from __future__ import annotations

import configparser
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    # hatchling builds a pure-Python wheel in a few seconds; pip fetches it
    # into an isolated build environment (cached after the first run).
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("stretchguide-*.whl")
    with zipfile.ZipFile(built) as zf:
        yield zf


def _shipped_resources() -> list[str]:
    """Every resource file the source tree has (placeholders excluded)."""
    root = ROOT / "resources"
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and p.name != ".gitkeep"
    )


def test_every_resource_file_is_inside_the_package(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    resources = _shipped_resources()
    assert resources, "the source tree has no resources to ship"
    missing = [r for r in resources if f"stretchguide/resources/{r}" not in names]
    assert missing == []
    assert any(n.startswith("stretchguide/resources/sounds/voice/") for n in names)


def test_builtin_content_ships_with_the_package(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    content = sorted(
        p.relative_to(ROOT / "src").as_posix()
        for p in (ROOT / "src" / "stretchguide" / "content").rglob("*.toml")
    )
    assert content, "no built-in content in the source tree"
    assert [c for c in content if c not in names] == []


def test_gui_and_console_entry_points_both_start_main(wheel: zipfile.ZipFile) -> None:
    (ep_name,) = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    eps = configparser.ConfigParser()
    eps.read_string(wheel.read(ep_name).decode())
    assert eps["gui_scripts"]["stretchguide"] == "stretchguide.__main__:main"
    assert eps["console_scripts"]["stretchguide-cli"] == "stretchguide.__main__:main"


def test_wheel_leaves_out_tests_tools_and_caches(wheel: zipfile.ZipFile) -> None:
    names = wheel.namelist()
    assert all(n.startswith(("stretchguide/", "stretchguide-")) for n in names), names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


def test_translations_ship_with_the_package(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    locale = sorted(
        p.relative_to(ROOT / "src").as_posix()
        for p in (ROOT / "src" / "stretchguide" / "locale").rglob("*")
        if p.is_file()
    )
    assert "stretchguide/locale/de/stretchguide.po" in locale
    assert [f for f in locale if f not in names] == []
