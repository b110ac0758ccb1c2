"""Start-up cost: process start to the first painted main window.

Each run starts a fresh Python process, and the child reports the moment its
window finished its first paint (CLOCK_MONOTONIC is shared between processes
on Linux, so parent and child times compare directly). The same is done for
a bare QMainWindow started the same way, and for the real entry point
(`python -m stretchguide`'s ``main``, argument parsing included); the ratio
is the figure (target
at most 1.2x). Resident memory is read from /proc after a second of idling.

    python bench/bench_startup.py [--runs 7] [--platform offscreen|xcb]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import os, sys, time
kind = sys.argv[1]
from PySide6.QtCore import QEvent, QObject, QTimer
if kind == "bare":
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1180, 760)
elif kind == "main":
    # The real entry point, argument parsing included (what `stretchguide`
    # runs); the window is caught as it is built to watch its first paint.
    import stretchguide.qt.app as qt_app
    build = qt_app.build_window
    def build_window(*a, **k):
        global window, app
        from PySide6.QtWidgets import QApplication
        app = QApplication.instance()
        window = build(*a, **k)
        window.installEventFilter(f)
        return window
    qt_app.build_window = build_window
    # The start-up checks run on the turn after the first paint; the report
    # below must not wait for them (they do not delay the paint).
    # (Older code ran them from a timer that fired before the paint.)
    after = getattr(qt_app, "after_first_paint", None)
    def after_first_paint(window, slot, **k):
        after(window, lambda: QTimer.singleShot(0, window, slot), **k)
    if after is not None:
        qt_app.after_first_paint = after_first_paint
else:
    from stretchguide import paths
    from stretchguide.qt.app import build_window, make_application
    app = make_application(sys.argv[:1])
    window = build_window(paths.resolve(os.environ["STRETCHGUIDE_DATA_DIR"]))

def rss_kib():
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0

class FirstPaint(QObject):
    done = False
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, lambda: print("painted", time.monotonic(), flush=True))
            QTimer.singleShot(1000, lambda: (print("rss", rss_kib(), flush=True), app.quit()))
        return False

f = FirstPaint()
if kind == "main":
    from stretchguide.__main__ import main
    sys.exit(main([]))
window.installEventFilter(f)
window.show()
app.exec()
"""


def one_run(kind: str, env: dict[str, str]) -> tuple[float, int]:
    t0 = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, kind], env=env, capture_output=True, text=True
    )
    out = done.stdout
    painted = rss = None
    for line in out.splitlines():
        key, _, value = line.partition(" ")
        if key == "painted":
            painted = float(value)
        elif key == "rss":
            rss = int(value)
    if painted is None or rss is None or done.returncode:
        raise RuntimeError(
            f"{kind}: child exited {done.returncode} ({out!r}) {done.stderr[-1500:]}"
        )
    return painted - t0, rss


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ)
        env["QT_QPA_PLATFORM"] = args.platform
        env["STRETCHGUIDE_DATA_DIR"] = data
        env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
        env.setdefault("QT_LOGGING_RULES", "qt.qpa*=false")
        # An installed app runs from compiled bytecode; a checkout with
        # PYTHONDONTWRITEBYTECODE would time the compiler instead. The cache
        # goes to a temporary folder, not into the source tree.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(data) / "pycache")
        one_run("app", env)  # warm the file cache and the database once
        results: dict[str, list[tuple[float, int]]] = {"bare": [], "app": [], "main": []}
        for _ in range(args.runs):
            for kind in ("bare", "app", "main"):
                results[kind].append(one_run(kind, env))
    bare = statistics.median(t for t, _ in results["bare"])
    app = statistics.median(t for t, _ in results["app"])
    print(f"platform: {args.platform}, runs: {args.runs} (medians)")
    print(f"bare QMainWindow, start to first paint: {bare * 1000:7.1f} ms")
    print(f"stretchguide main window, start to first paint: {app * 1000:7.1f} ms")
    print(f"ratio: {app / bare:.2f}x (target <= 1.2x)")
    main_ = statistics.median(t for t, _ in results["main"])
    print(
        f"`stretchguide` entry point (argument parsing included): {main_ * 1000:7.1f} ms, "
        f"ratio {main_ / bare:.2f}x"
    )
    rss_bare = statistics.median(r for _, r in results["bare"]) / 1024
    rss_app = statistics.median(r for _, r in results["app"]) / 1024
    print(f"resident memory at idle: bare {rss_bare:.1f} MiB, app {rss_app:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
