"""Start-up cost: process start to the first painted main window.

Each run starts a fresh Python process, and the child reports the moment its
window finished its first paint (CLOCK_MONOTONIC is shared between processes
on Linux, so parent and child times compare directly) and its own CPU time
by then (less sensitive to a busy machine than the wall time). The same is
done for a bare QMainWindow started the same way, for the window built
directly (``build_window``) and for the real entry point (`python -m
stretchguide`'s ``main``, argument parsing included): the entry point's
ratio to the bare window is the figure (target at most 1.2x). The kinds
are alternated run by run, so a load change on the machine hits them all
alike. Resident memory is read from /proc after a second of idling.

``--platform both`` (the default) runs offscreen and then under a private
Xvfb (xcb; skipped when Xvfb is not installed). ``--before OTHER/src`` also
times another checkout's entry point in the same alternation (how the
"before" figures in docs/PERFORMANCE.md are taken).

    python bench/bench_startup.py [--runs 7] [--platform offscreen|xvfb|both]
        [--before OTHER_CHECKOUT/src] [--instructions]

``--instructions`` counts the instructions each kind executes to the end of
its first frame under valgrind (callgrind), once each: on a shared machine
whose load swings the timings by 2x, that ratio does not move.
"""

from __future__ import annotations

import argparse
import os
import shutil
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

def rss_kib():
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0

def watch(window, app):
    # Made once the window exists, so the entry point imports PySide in its
    # own order (the app imports its first modules before PySide, and PySide
    # taxes every module imported after it).
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        done = False
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                # On the next turn: the window's children paint after it.
                QTimer.singleShot(0, obj, lambda: (print(
                    "painted", time.monotonic(), time.process_time(), flush=True),
                    os.environ.get("BENCH_EXIT_AT_PAINT") and os._exit(0)))
                QTimer.singleShot(1000, obj, lambda: (
                    print("rss", rss_kib(), flush=True), app.quit()))
            return False

    window.installEventFilter(FirstPaint(window))

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
        from PySide6.QtWidgets import QApplication
        window = build(*a, **k)
        watch(window, QApplication.instance())
        return window
    qt_app.build_window = build_window
    # The start-up checks run on the turn after the first paint; the report
    # must not wait for them (they do not delay the paint).
    after = qt_app.after_first_paint
    def after_first_paint(window, slot, **k):
        from PySide6.QtCore import QTimer
        after(window, lambda: QTimer.singleShot(0, window, slot), **k)
    qt_app.after_first_paint = after_first_paint
    from stretchguide.__main__ import main
    sys.exit(main([]))
else:
    from stretchguide import paths
    from stretchguide.qt.app import build_window, make_application
    app = make_application(sys.argv[:1])
    window = build_window(paths.resolve(None))
watch(window, app)
window.show()
app.exec()
"""


def one_run(kind: str, env: dict[str, str]) -> tuple[float, int, float]:
    """(wall seconds to the first paint, resident KiB at idle, CPU seconds to
    the first paint). ``kind`` is bare, app or main; ``main@DIR`` runs the
    entry point of the code in DIR."""
    kind, _, src = kind.partition("@")
    if src:
        env = dict(env, PYTHONPATH=src + os.pathsep + env.get("PYTHONPATH", ""))
    t0 = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, kind], env=env, capture_output=True, text=True
    )
    out = done.stdout
    painted = rss = cpu = None
    for line in out.splitlines():
        key, _, value = line.partition(" ")
        if key == "painted":
            when, cpu_s = value.split()
            painted, cpu = float(when), float(cpu_s)
        elif key == "rss":
            rss = int(value)
    if painted is None or rss is None or cpu is None:
        raise RuntimeError(
            f"{kind}: child exited {done.returncode} ({out!r}) {done.stderr[-1500:]}"
        )
    if done.returncode:
        # The figures are in; the app's own exit code says the quit came
        # before its start-up checks had opened the history (a loaded xcb run).
        print(f"   ({kind}: exit code {done.returncode} after reporting)", flush=True)
    return painted - t0, rss, cpu


def instructions(kind: str, env: dict[str, str]) -> int:
    """Instructions executed from process start to the end of the first frame,
    counted by valgrind's callgrind: the same on a quiet or a busy machine
    (the hash seed is fixed, so dict orders match run to run)."""
    kind, _, src = kind.partition("@")
    if src:
        env = dict(env, PYTHONPATH=src + os.pathsep + env.get("PYTHONPATH", ""))
    env = dict(env, BENCH_EXIT_AT_PAINT="1", PYTHONHASHSEED="0")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
             sys.executable, "-c", CHILD, kind],
            env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        for line in out.read_text().splitlines():
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    raise RuntimeError(f"{kind}: no instruction count from callgrind")


def start_xvfb(first: int = 191) -> tuple[subprocess.Popen[bytes], str] | None:
    """A private X server for the xcb runs (never the person's own display),
    on the first free display number from ``first``."""
    if shutil.which("Xvfb") is None:
        return None
    for n in range(first, first + 39):
        if Path(f"/tmp/.X11-unix/X{n}").exists() or Path(f"/tmp/.X{n}-lock").exists():
            continue
        proc = subprocess.Popen(
            ["Xvfb", f":{n}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(50):
            if Path(f"/tmp/.X11-unix/X{n}").exists():
                return proc, f":{n}"
            time.sleep(0.1)
        proc.terminate()
        proc.wait()
    return None


def measure(
    platform: str, runs: int, before: str | None, display: str | None = None, count: bool = False
) -> None:
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ)
        env["QT_QPA_PLATFORM"] = platform
        if display:
            env["DISPLAY"] = display
        # The data folder found as on a person's machine (platformdirs, under
        # XDG_DATA_HOME), not named by STRETCHGUIDE_DATA_DIR, which skips
        # platformdirs (~8 ms of CPU).
        env.pop("STRETCHGUIDE_DATA_DIR", None)
        env["XDG_DATA_HOME"] = str(Path(data) / "xdg")
        env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
        env.setdefault("QT_LOGGING_RULES", "qt.qpa*=false")
        # An installed app runs from compiled bytecode; a checkout with
        # PYTHONDONTWRITEBYTECODE would time the compiler instead. The cache
        # goes to a temporary folder, not into the source tree.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(data) / "pycache")
        kinds = ["bare", "app", "main"]
        if before:
            kinds.append(f"main@{before}")
        for kind in kinds:
            one_run(kind, env)  # warm the file cache, the bytecode and the database once
        if count:
            counts = {k: instructions(k, env) for k in kinds}
            print(f"-- {platform}: instructions to the end of the first frame (callgrind)")
            for k, n in counts.items():
                print(f"   {k:42} {n / 1e6:8.1f} M ({n / counts['bare']:.3f}x)", flush=True)
            return
        results: dict[str, list[tuple[float, int, float]]] = {k: [] for k in kinds}
        for _ in range(runs):
            for kind in kinds:
                results[kind].append(one_run(kind, env))

    def med(kind: str, i: int) -> float:
        return statistics.median(r[i] for r in results[kind])

    def paired(kind: str, i: int) -> str:
        ratios = sorted(r[i] / b[i] for r, b in zip(results[kind], results["bare"], strict=True))
        return f"{ratios[0]:.2f}-{ratios[-1]:.2f}"

    label = f"{platform} {display}" if display else platform
    print(f"-- {label}: medians of {runs} alternated runs (per-run ratio range in brackets)")
    print("   what                                       wall ms (ratio)            CPU ms (ratio)")
    names = {
        "bare": "bare QMainWindow",
        "app": "main window built directly",
        "main": "`stretchguide` entry point",
    }
    for kind in kinds:
        name = names.get(kind, "entry point, before (--before)")
        wall, cpu = med(kind, 0), med(kind, 2)
        if kind == "bare":
            print(f"   {name:42} {wall * 1000:7.1f}                    {cpu * 1000:7.1f}")
            continue
        print(
            f"   {name:42} {wall * 1000:7.1f} ({wall / med('bare', 0):.2f}x, {paired(kind, 0)})"
            f"  {cpu * 1000:7.1f} ({cpu / med('bare', 2):.2f}x, {paired(kind, 2)})"
        )
    ratio = med("main", 0) / med("bare", 0)
    verdict = "met" if ratio <= 1.2 else "NOT met"
    print(f"   entry point / bare, wall: {ratio:.2f}x (target <= 1.2x: {verdict})")
    rss = ", ".join(f"{names.get(k, 'before')} {med(k, 1) / 1024:.1f}" for k in kinds)
    print(f"   resident memory at idle, MiB: {rss}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", choices=("offscreen", "xvfb", "both"), default="both")
    parser.add_argument("--before", type=Path, help="another checkout's src/ to time alongside")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count instructions under valgrind instead of timing (load-independent)",
    )
    args = parser.parse_args(argv)
    before = str(args.before.resolve()) if args.before else None
    if args.platform in ("offscreen", "both"):
        measure("offscreen", args.runs, before, count=args.instructions)
    if args.platform in ("xvfb", "both"):
        x = start_xvfb()
        if x is None:
            print("-- Xvfb not found: xcb runs skipped")
        else:
            proc, display = x
            try:
                measure("xcb", args.runs, before, display, count=args.instructions)
            finally:
                proc.terminate()
                proc.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
