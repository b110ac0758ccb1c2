"""Take the README screenshots from the real app under Xvfb.

    python tools/screenshots.py            # starts Xvfb itself when there is no display
    python tools/screenshots.py --out docs/screenshots

Writes, in light and dark: the main window, a session mid-hold, the check-in,
and the history with a few weeks of generated data. The data lives in a
temporary folder; nothing touches a real person's history.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

SIZE = (1280, 800)
ROUTINE = "article_001_seven_best"


def _ensure_display() -> subprocess.Popen[bytes] | None:
    if os.environ.get("DISPLAY") and os.environ.get("SG_SCREENSHOT_NO_XVFB") != "0":
        return None
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        sys.exit("screenshots: no DISPLAY and no Xvfb (apt-get install xvfb)")
    display = ":99"
    proc = subprocess.Popen(
        [xvfb, display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.environ["DISPLAY"] = display
    for _ in range(50):
        if Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
            break
        time.sleep(0.1)
    return proc


def generate_history(history, catalog, days: int = 30, seed: int = 4) -> None:  # type: ignore[no-untyped-def]
    """A few weeks of plausible use: pain easing slowly, most days a session."""
    rng = random.Random(seed)
    routine = catalog.routines[ROUTINE]
    now = int(time.time())
    ids = [i.exercise_id for i in routine.items]
    for d in range(days, 0, -1):
        day0 = now - d * 86400
        trend = 6.5 - 3.0 * (days - d) / days
        if rng.random() < 0.85:
            start = day0 + 8 * 3600 + rng.randint(0, 3600)
            back = max(0, min(10, round(trend + rng.gauss(0, 0.8))))
            leg = max(0, min(10, round(trend + 0.8 + rng.gauss(0, 0.8))))
            s = history.start_session(routine, started_at=start)
            history.add_checkin("before", back, leg, "thigh", session_id=s.id, at=start - 60)
            history.finish_session(s.id, "completed", ended_at=start + 900)
            after_b = max(0, back - rng.choice((0, 1, 1, 2)))
            after_l = max(0, leg - rng.choice((0, 1, 2)))
            history.add_checkin(
                "after", after_b, after_l, "buttock", session_id=s.id, at=start + 960
            )
            for ex in rng.sample(ids, 3):
                history.set_response(s.id, ex, rng.choice(("better", "better", "same", "worse")))
        if rng.random() < 0.6:
            history.add_checkin(
                "any",
                max(0, min(10, round(trend + rng.gauss(0, 1)))),
                max(0, min(10, round(trend + 1 + rng.gauss(0, 1)))),
                "thigh",
                at=day0 + 20 * 3600,
                note="Long drive today" if d == 9 else "",
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    xvfb = _ensure_display()
    try:
        return _shoot(out)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(5)


def _shoot(out: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false;qt.speech*=false")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from stretchguide import paths
    from stretchguide.qt.app import build_window, make_application

    app = make_application(["stretchguide"])
    assert isinstance(app, QApplication)
    written: list[Path] = []

    def settle(ms: int = 150) -> None:
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def shot(window, name: str) -> None:  # type: ignore[no-untyped-def]
        settle()
        path = out / f"{name}.png"
        window.grab().save(str(path))
        written.append(path)

    from stretchguide.qt.app import apply_color_scheme

    for scheme in ("light", "dark"):
        wanted = Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light
        app.styleHints().setColorScheme(wanted)
        apply_color_scheme(app, wanted)
        with tempfile.TemporaryDirectory() as tmp:
            app_paths = paths.resolve(tmp).ensure()
            fake = [1000.0]
            window = build_window(app_paths, clock=lambda fake=fake: fake[0])
            window.ctx.audio = False
            generate_history(window.ctx.history, window.ctx.catalog)
            prefs = window.ctx.prefs
            prefs.disclaimer_accepted = True
            prefs.red_flags_checked_at = time.time()
            window.resize(*SIZE)
            window.show()
            window.select_routine(ROUTINE)
            shot(window, f"main-{scheme}")

            window.start_routine(ROUTINE)
            page = window.checkin
            page.back.set_value(4)
            page.leg.set_value(6)
            page.set_extent("thigh")
            page.tingling.setChecked(True)
            shot(window, f"checkin-{scheme}")

            page.submit()
            window._controller.timer.stop()
            session = window._session
            # Into the first hold, a little way in.
            hold = next(i for i, s in enumerate(session.timeline.steps) if s.kind.value == "hold")
            fake[0] += session.timeline.starts[hold] + 4
            window._controller.tick()
            shot(window, f"session-{scheme}")
            window.session_view.confirm_stop = lambda: True
            window._controller.stop()
            window.show_history()
            window._history_view.refresh()
            shot(window, f"history-{scheme}")
            window.ctx.history.close()
            window.close()
            window.deleteLater()
            settle(50)
    for p in written:
        print(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
