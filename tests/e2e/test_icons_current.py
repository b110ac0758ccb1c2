"""The desktop icon set must be rendered from the current resources/images/icon.svg.

The icon SVG is generated from pose data (tools/gen_images.py); the hicolor
PNGs, .ico and .icns are rendered from it by tools/gen_icons.py. When the
figure changes and nobody reruns gen_icons, the app menu would show a stale
icon: this test regenerates into a temporary folder and compares.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
HICOLOR = ROOT / "packaging" / "icons" / "hicolor"


def _same_picture(a: QImage, b: QImage) -> bool:
    if a.size() != b.size():
        return False
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    # Allow antialiasing noise of a few levels; a changed figure moves whole
    # strokes and differs by far more.
    worst = 0
    for y in range(0, a.height(), max(1, a.height() // 64)):
        for x in range(0, a.width(), max(1, a.width() // 64)):
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            channels = (abs(((pa >> s) & 255) - ((pb >> s) & 255)) for s in (0, 8, 16, 24))
            worst = max(worst, *channels)
    return worst <= 8


def test_committed_icon_set_matches_a_fresh_render(tmp_path: Path, qapp) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "gen_icons.py"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    fresh_root = tmp_path / "hicolor"
    committed = sorted(p.relative_to(HICOLOR) for p in HICOLOR.rglob("*") if p.is_file())
    fresh = sorted(p.relative_to(fresh_root) for p in fresh_root.rglob("*") if p.is_file())
    assert committed == fresh, "icon sizes differ: run tools/gen_icons.py"
    stale = []
    for rel in committed:
        ours, theirs = HICOLOR / rel, fresh_root / rel
        if rel.suffix == ".svg":
            if ours.read_bytes() != theirs.read_bytes():
                stale.append(rel)
        elif not _same_picture(QImage(str(ours)), QImage(str(theirs))):
            stale.append(rel)
    assert not stale, "stale icons, run tools/gen_icons.py: " + ", ".join(map(str, stale))
