"""Figure benchmark: frames per second in motion, CPU share during a hold.

Runs the real FigureView offscreen at 1920x1080 (a fullscreen session):

* raw frame cost -- computing a frame (kinematics, hand contacts, shapes) and
  painting it, back to back, for a moving exercise;
* delivered frames per second while repetitions play, as driven by the
  widget's own timer;
* CPU share of one core over a 10 s hold (time.process_time of this process
  while the event loop runs), target <= 5 %: a breathing hold, and the ball
  release's hold, whose pelvis circles over the ball.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from PySide6.QtCore import QEventLoop, QRectF, QTimer  # noqa: E402
from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from stretchguide.core import figures  # noqa: E402
from stretchguide.core.catalog import Side, load_builtin  # noqa: E402
from stretchguide.qt.figure_view import FigureView, paint_drawing  # noqa: E402

W, H = 1920, 1080
HOLD_S = 10.0


def run_loop(app: QApplication, seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def raw_frame_rate(exercise_id: str, seconds: float = 2.0) -> tuple[float, float]:
    """(frames/s of compute+paint, ms of compute alone per frame)."""
    anim = figures.Animator(exercise_id, Side.RIGHT, load_builtin().exercises[exercise_id].feel)
    anim.set_phase("reps", rep_s=3.0, hold_s=1.0)
    bounds = anim.bounds()
    img = QImage(W, H, QImage.Format.Format_ARGB32_Premultiplied)
    n, t0, compute = 0, time.perf_counter(), 0.0
    while time.perf_counter() - t0 < seconds:
        c0 = time.perf_counter()
        d = anim.drawing(n / 60.0)
        compute += time.perf_counter() - c0
        img.fill(0)
        p = QPainter(img)
        paint_drawing(p, d, bounds, QRectF(40, 40, W - 80, H - 80))
        p.end()
        n += 1
    elapsed = time.perf_counter() - t0
    return n / elapsed, compute / n * 1000


def build_costs() -> dict[str, float]:
    """CPU ms to build each exercise's figure cold (``Animator`` + bounds).

    That is paid on the GUI thread when a session reaches an exercise.
    Shared caches are emptied before each, so every figure pays in full.
    """
    from stretchguide.core.figures import floor, library, positions

    out = {}
    for ex in figures.figure_ids():
        for cached in (library.figure, library._bounds_for, positions.hook_lying, floor._pigeon):
            cached.cache_clear()
        c0 = time.process_time()
        figures.Animator(ex).bounds()
        out[ex] = (time.process_time() - c0) * 1000
    return out


def main() -> int:
    app = QApplication.instance() or QApplication([])
    print(f"figure benchmark at {W}x{H}, offscreen")
    costs = build_costs()
    worst = sorted(costs, key=costs.__getitem__, reverse=True)[:3]
    print(
        f"  figure build, cold, CPU    all {len(costs)}: {sum(costs.values()):.0f} ms; worst "
        + ", ".join(f"{ex} {costs[ex]:.0f} ms" for ex in worst)
    )
    for ex in ("knees_to_chest", "nerve_floss_helper", "cat_stretch"):
        fps, ms = raw_frame_rate(ex)
        print(f"  raw frame rate {ex:22s} {fps:6.0f} frames/s  (pose+shapes {ms:.2f} ms)")

    view = FigureView()
    view.resize(W, H)
    view.show()
    app.processEvents()

    view.set_exercise("knees_to_chest", Side.RIGHT)
    view.set_phase("reps", rep_s=3.0, hold_s=0.0)
    run_loop(app, 0.3)
    r0, k0, c0, t0 = view.repaints, view.ticks, time.process_time(), time.perf_counter()
    run_loop(app, 3.0)
    wall = time.perf_counter() - t0
    fps = (view.repaints - r0) / wall
    tps = (view.ticks - k0) / wall
    cpu = (time.process_time() - c0) / wall * 100
    # A tick whose figure moved under half a pixel is not repainted (the
    # turn of each repetition), so repaints/s sits a little under ticks/s:
    # ticks/s is the frame rate the movement is sampled at.
    print(
        f"  motion (repetitions)       {tps:6.1f} frames/s (timer ticks), "
        f"{fps:5.1f} repainted, CPU {cpu:5.1f} % of one core"
    )

    view.set_phase("hold", duration=60.0, elapsed=figures.MOVE_S + 0.5)
    hold_cpu(app, view, "breathing")
    # A hold that moves: the ball release's slow circles, painted at the
    # hold's pace. Its first round fills the contact solver's tables.
    view.set_exercise("ball_piriformis_release", Side.RIGHT)
    view.set_phase("hold", duration=60.0, elapsed=figures.MOVE_S + 0.5)
    run_loop(app, 8.0)
    hold_cpu(app, view, "ball circles")
    view.close()
    return 0


def hold_cpu(app: QApplication, view: FigureView, what: str) -> None:
    run_loop(app, 0.3)
    r0, c0, t0 = view.repaints, time.process_time(), time.perf_counter()
    run_loop(app, HOLD_S)
    wall = time.perf_counter() - t0
    cpu = (time.process_time() - c0) / wall * 100
    reps = (view.repaints - r0) / wall
    verdict = "OK" if cpu <= 5.0 else "OVER TARGET"
    print(
        f"  hold ({HOLD_S:.0f} s, {what}){' ' * max(0, 13 - len(what))}{reps:6.1f} repaints/s, "
        f"CPU {cpu:5.2f} % of one core (target <= 5 %: {verdict})"
    )


if __name__ == "__main__":
    sys.exit(main())
