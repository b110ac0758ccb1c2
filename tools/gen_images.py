"""Generate the exercise pictures from the pose data (rerunnable).

Writes, under ``resources/images/``:

* ``<exercise_id>.svg`` -- the key pose of every exercise (right side);
* ``thumbs/<exercise_id>.png`` -- 128 px thumbnails for the routine list;
* ``icon.svg`` and ``icon-<n>.png`` (16 ... 512) -- the app icon;

and ``docs/figures.png``, a contact sheet of every key pose with its name,
for reviewing the figures at a glance.

``python tools/gen_images.py --check`` regenerates in memory and exits 1 if
any committed file is out of date (the test suite does the same).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

from stretchguide.core import figures  # noqa: E402
from stretchguide.core.catalog import load_builtin  # noqa: E402
from stretchguide.core.figures import svg_document  # noqa: E402
from stretchguide.qt.figure_view import paint_drawing, render_pose_image  # noqa: E402

IMAGES = ROOT / "resources" / "images"
THUMBS = IMAGES / "thumbs"
SHEET = ROOT / "docs" / "figures.png"
SVG_SIZE = 256
THUMB_SIZE = 128
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICON_EXERCISE = "single_knee_to_chest"
ICON_BACKGROUND = "#e3eefa"


def exercise_ids() -> list[str]:
    return sorted(load_builtin().exercises)


def feel(exercise_id: str) -> tuple[str, ...]:
    """The areas that glow: the catalog's, the truth for every figure."""
    return tuple(load_builtin().exercises[exercise_id].feel)


def exercise_svg(exercise_id: str) -> str:
    drawing, bounds = figures.key_drawing(exercise_id, feel=feel(exercise_id))
    return svg_document(drawing, bounds, SVG_SIZE, SVG_SIZE)


def icon_svg() -> str:
    drawing, _ = figures.key_drawing(ICON_EXERCISE, feel=feel(ICON_EXERCISE))
    # Tight framing: an icon has no room for the empty floor around the figure.
    body = [s for s in drawing.shapes if not (s.kind == "line" and abs(s.points[0][0]) > 1e3)]
    from stretchguide.core.figures import Drawing

    tight = Drawing(tuple(body))
    b = tight.bounds()
    side = max(b[2] - b[0], b[3] - b[1]) * 1.12
    cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
    box = (cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2)
    return svg_document(
        tight, box, 512, 512, background=ICON_BACKGROUND, corner=96.0, outline_cm=1.6
    )


def thumbnail(exercise_id: str) -> QImage:
    return render_pose_image(exercise_id, THUMB_SIZE, feel=feel(exercise_id))


def svg_to_png(svg: str, size: int) -> QImage:
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    img = QImage(QSize(size, size), QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    painter = QPainter(img)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return img


def contact_sheet() -> QImage:
    catalog = load_builtin()
    ids = exercise_ids()
    cols, cell_w, cell_h, label_h = 4, 360, 300, 34
    rows = (len(ids) + cols - 1) // cols
    img = QImage(cols * cell_w, rows * cell_h, QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    painter = QPainter(img)
    font = QFont()
    font.setPixelSize(16)
    painter.setFont(font)
    for n, ex_id in enumerate(ids):
        r, c = divmod(n, cols)
        cell = QRectF(c * cell_w, r * cell_h, cell_w, cell_h)
        drawing, bounds = figures.key_drawing(ex_id, feel=feel(ex_id))
        paint_drawing(painter, drawing, bounds, cell.adjusted(12, 10, -12, -label_h), clip=cell)
        painter.setPen(QColor("#222222"))
        painter.drawText(
            cell.adjusted(6, cell_h - label_h, -6, -4),
            int(Qt.AlignmentFlag.AlignCenter),
            catalog.exercises[ex_id].name,
        )
        painter.setPen(QColor("#d0d0d0"))
        painter.drawRect(cell.adjusted(0, 0, -1, -1))
    painter.end()
    return img


def png_bytes(img: QImage) -> bytes:
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return bytes(buf.data().data())


def expected_files() -> dict[Path, bytes]:
    """Every generated file and its content, computed in memory."""
    files: dict[Path, bytes] = {}
    for ex_id in exercise_ids():
        files[IMAGES / f"{ex_id}.svg"] = exercise_svg(ex_id).encode()
        files[THUMBS / f"{ex_id}.png"] = png_bytes(thumbnail(ex_id))
    icon = icon_svg()
    files[IMAGES / "icon.svg"] = icon.encode()
    for size in ICON_SIZES:
        files[IMAGES / f"icon-{size}.png"] = png_bytes(svg_to_png(icon, size))
    files[SHEET] = png_bytes(contact_sheet())
    return files


def same_picture(a: QImage, b: QImage) -> bool:
    """Equal up to antialiasing noise: raster output differs a little from
    one Qt build to the next, so a PNG is current when its pixels are, not
    its bytes (the test suite compares the same way)."""
    import numpy as np

    if a.size() != b.size():
        return False
    arrays = []
    for img in (a, b):
        img = img.convertToFormat(QImage.Format.Format_ARGB32)
        buf = np.frombuffer(img.constBits(), dtype=np.uint8, count=img.sizeInBytes())
        arrays.append(buf.reshape(img.height(), img.bytesPerLine())[:, : img.width() * 4])
    diff = np.abs(arrays[0].astype(np.int16) - arrays[1].astype(np.int16))
    return float(diff.mean()) < 1.0


def _current(path: Path, data: bytes) -> bool:
    if not path.exists():
        return False
    committed = path.read_bytes()
    if committed == data:
        return True
    return path.suffix == ".png" and same_picture(QImage.fromData(data), QImage.fromData(committed))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="only report files that are missing or out of date"
    )
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication([])
    stale = []
    for path, data in expected_files().items():
        if _current(path, data):
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    verb = "out of date" if args.check else "written"
    for path in stale:
        print(f"{verb}: {path.relative_to(ROOT)}")
    if not stale:
        print("images up to date")
    return 1 if (args.check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())
