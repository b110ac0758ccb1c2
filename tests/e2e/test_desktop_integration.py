"""The desktop files (Linux) and the macOS bundle's Info.plist: valid, and agreeing
with each other and the repo."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "io.github.stretchguide.StretchGuide"
DESKTOP = ROOT / "packaging" / "linux" / f"{APP_ID}.desktop"
METAINFO = ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "packaging" / "icons" / "hicolor"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_file_passes_desktop_file_validate() -> None:
    proc = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0 and "error" not in proc.stdout, proc.stdout + proc.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_passes_appstream_validation_offline() -> None:
    proc = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_desktop_file_starts_the_gui_entry_point_with_the_app_icon() -> None:
    entry = _entry()
    assert entry["Exec"].split()[0] == "stretchguide"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"


def test_metainfo_names_this_desktop_file_and_binary() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name  # type: ignore[union-attr]
    assert root.find("provides/binary").text == "stretchguide"  # type: ignore[union-attr]


def test_every_screenshot_in_the_metainfo_is_in_docs_screenshots() -> None:
    root = ET.parse(METAINFO).getroot()
    urls = [img.text or "" for img in root.iter("image")]
    assert urls
    names = [url.rsplit("/docs/screenshots/", 1)[-1] for url in urls]
    missing = [n for n in names if not (ROOT / "docs" / "screenshots" / n).is_file()]
    assert missing == []


def test_icon_theme_has_scalable_and_every_usual_png_size() -> None:
    from PySide6.QtGui import QImage

    assert (ICONS / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        png = ICONS / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        image = QImage(str(png))
        assert not image.isNull(), png
        assert (image.width(), image.height()) == (size, size)


def test_the_mac_bundle_says_why_it_uses_the_microphone() -> None:
    # macOS ends an app that opens a microphone without a usage text in its
    # Info.plist: voice commands would crash the app there, not fail softly.
    import ast

    spec = ast.parse((ROOT / "packaging" / "stretchguide.spec").read_text(encoding="utf-8"))
    plists = [
        ast.literal_eval(kw.value)
        for node in ast.walk(spec)
        if isinstance(node, ast.Call)
        for kw in node.keywords
        if kw.arg == "info_plist"
    ]
    assert len(plists) == 1
    why = plists[0]["NSMicrophoneUsageDescription"]
    assert "spoken commands" in why and "Nothing is recorded" in why
