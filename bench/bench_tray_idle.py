"""Idle in the tray: CPU and memory while StretchGuide waits for a reminder.

A child process starts the app as it starts at login (history open, window
hidden, reminders on, the companion's one single-shot timer armed), settles
for a few seconds, and then the parent reads the child's CPU time from
/proc twice, ``--seconds`` apart. The figure is CPU time / wall time.

    python bench/bench_tray_idle.py [--seconds 30] [--platform offscreen|xcb]

Offscreen Qt has no system tray, so the child hands the companion a tray
icon object itself; everything else is the app's own code.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import os, sys
from stretchguide import paths
from stretchguide.qt.app import build_window, make_application
app = make_application(sys.argv[:1])
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon
from stretchguide.qt.tray import Companion
window = build_window(paths.resolve(os.environ["STRETCHGUIDE_DATA_DIR"]))
window.ctx.prefs.reminder_enabled = True
from datetime import datetime, timedelta
later = datetime.now() + timedelta(hours=2)  # not due while we measure
window.ctx.prefs.reminder_time = later.strftime("%H:%M")
window.ctx.prefs.morning_reminder_time = later.strftime("%H:%M")
window.ctx.history
tray = QSystemTrayIcon(QIcon(), window)
window._companion = Companion(window, tray=tray)
assert window.companion.start_minimised()
app.setQuitOnLastWindowClosed(False)
print("READY", window.companion.timer.remainingTime(), flush=True)
app.exec()
"""


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--settle", type=float, default=3.0)
    parser.add_argument("--platform", default="offscreen")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        env = {
            **os.environ,
            "STRETCHGUIDE_DATA_DIR": data,
            "QT_QPA_PLATFORM": args.platform,
            "PYTHONPATH": str(ROOT / "src"),
        }
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # no desktop to talk to
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            ready = child.stdout.readline().split() if child.stdout else []
            if not ready or ready[0] != "READY":
                print("the child did not start", file=sys.stderr)
                return 1
            time.sleep(args.settle)
            c0, t0 = cpu_seconds(child.pid), time.monotonic()
            time.sleep(args.seconds)
            c1, t1 = cpu_seconds(child.pid), time.monotonic()
            rss = rss_mib(child.pid)
        finally:
            child.kill()
            child.wait(10)
    share = 100 * (c1 - c0) / (t1 - t0)
    print(f"timer armed for {int(ready[1]) / 1000:.0f} s (capped at an hour)")
    print(f"idle CPU over {t1 - t0:.0f} s: {c1 - c0:.2f} s = {share:.2f} %")
    print(f"resident memory: {rss:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
