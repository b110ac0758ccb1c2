"""Render the app icon set from resources/images/icon.svg.

    python tools/gen_icons.py [--svg PATH] [--out DIR]

Writes the freedesktop hicolor theme layout the desktop file's
``Icon=io.github.stretchguide.StretchGuide`` resolves against::

    packaging/icons/hicolor/scalable/apps/<app id>.svg
    packaging/icons/hicolor/<n>x<n>/apps/<app id>.png   n = 16 ... 512

plus ``stretchguide.ico`` (Windows) and ``stretchguide.icns`` (macOS) for
the PyInstaller executables. Rendering uses Qt's SVG renderer, the same one
that draws the icon inside the app, so the PNGs match what people see in the
window; rerunning with the same SVG gives the same files.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "io.github.stretchguide.StretchGuide"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, size: int):  # -> QImage
    from PySide6.QtCore import QByteArray, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg.read_bytes()))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: Qt cannot read this SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def save(image, path: Path, fmt: str) -> bool:
    from PySide6.QtGui import QImageWriter

    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QImageWriter(str(path), fmt.encode())
    if not writer.canWrite():
        return False
    return writer.write(image)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=ROOT / "resources" / "images" / "icon.svg")
    parser.add_argument("--out", type=Path, default=ROOT / "packaging" / "icons")
    args = parser.parse_args(argv)
    if not args.svg.is_file():
        print(f"no {args.svg} yet: nothing to render", file=sys.stderr)
        return 1

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    del app  # kept alive by Qt; only needed for fonts in <text> elements

    hicolor = args.out / "hicolor"
    scalable = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(args.svg, scalable)
    written = [scalable]
    for size in SIZES:
        path = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        if not save(render(args.svg, size), path, "png"):
            raise SystemExit(f"could not write {path}")
        written.append(path)
    # .ico and .icns need Qt's optional image plugins; skip with a note if absent.
    for name, fmt, size in (("stretchguide.ico", "ico", 256), ("stretchguide.icns", "icns", 512)):
        path = args.out / name
        if save(render(args.svg, size), path, fmt):
            written.append(path)
        else:
            print(f"note: this Qt cannot write {fmt}; {name} not made", file=sys.stderr)
    total = sum(p.stat().st_size for p in written)
    print(f"{len(written)} icon files, {total / 1024:.0f} KiB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
