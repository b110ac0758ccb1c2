"""Take the README screenshots from the real app under Xvfb.

    python tools/screenshots.py            # starts Xvfb itself when there is no display
    python tools/screenshots.py --out docs/screenshots

Writes, in light and dark: the main window, a session mid-hold, the check-in,
the after-session verdict, the history with a few weeks of generated data,
and the red-flag "seek urgent medical help" screen. The data lives in a
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


ROUTINES = (ROUTINE, "cause_piriformis_syndrome", "flare_up_gentle")
EXTENTS = ("none", "buttock", "thigh", "below_knee", "foot")


def _clip(v: float) -> int:
    return max(0, min(10, round(v)))


def generate_history(history, catalog, days: int = 35, seed: int = 4) -> None:  # type: ignore[no-untyped-def]
    """Five weeks of plausible use, not a textbook curve.

    Pain eases slowly with day-to-day noise and a bad patch after a long
    drive; a few days are missed (a weekend away, an odd day); three
    routines take turns, and one of them (the piriformis set) tends to leave
    the leg no better or a little worse, so the helps/hurts table has
    something to say; "this hurts" is pressed twice. Morning check-ins on
    most days, a few notes.
    """
    rng = random.Random(seed)
    now = int(time.time())
    worse_bias = {ROUTINE: -1.0, "cause_piriformis_syndrome": 0.6, "flare_up_gentle": -0.6}
    for d in range(days, 0, -1):
        day0 = now - d * 86400
        trend = 6.8 - 3.2 * (days - d) / days + (1.5 if d in (12, 11) else 0.0)
        missed = d in (25, 24, 17) or rng.random() < 0.08
        if not missed:
            rid = ROUTINES[(days - d) % 3] if d > 3 else ROUTINE
            routine = catalog.routines[rid]
            start = day0 + 8 * 3600 + rng.randint(0, 5400)
            back = _clip(trend - 0.5 + rng.gauss(0, 0.9))
            leg = _clip(trend + 0.5 + rng.gauss(0, 0.9))
            ext = 2 if leg >= 5 else 1
            s = history.start_session(routine, started_at=start)
            history.add_checkin("before", back, leg, EXTENTS[ext], session_id=s.id, at=start - 60)
            hurt = d in (23, 12)
            if hurt:
                ex = routine.items[len(routine.items) // 2].exercise_id
                history.record_hurt(s.id, ex, 5, at=start + 300)
            stopped = hurt and d == 12
            history.finish_session(
                s.id, "stopped" if stopped else "completed", ended_at=start + 900
            )
            change = worse_bias[rid] + rng.gauss(0, 0.9) + (1.5 if hurt else 0.0)
            after_b = _clip(back + change * 0.6)
            after_l = _clip(leg + change)
            after_ext = (
                min(4, ext + 1) if change > 1.4 else (max(0, ext - 1) if change < -1.2 else ext)
            )
            history.add_checkin(
                "after",
                after_b,
                after_l,
                EXTENTS[after_ext],
                session_id=s.id,
                at=start + 960,
                note="Sharp in the buttock on the pigeon stretch" if hurt else "",
            )
            for item in rng.sample(routine.items, min(3, len(routine.items))):
                p_worse = 0.45 if rid == "cause_piriformis_syndrome" else 0.12
                r = rng.random()
                answer = "worse" if r < p_worse else ("same" if r < p_worse + 0.35 else "better")
                history.set_response(s.id, item.exercise_id, answer)
        if rng.random() < 0.7:
            history.add_checkin(
                "any",
                _clip(trend - 0.3 + rng.gauss(0, 1.1)),
                _clip(trend + 0.7 + rng.gauss(0, 1.1)),
                EXTENTS[2 if trend > 5 else 1],
                at=day0 + 20 * 3600 + rng.randint(0, 3600),
                note="Long drive today" if d == 13 else ("Good walk" if d == 6 else ""),
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument(
        "--lang",
        default="en",
        choices=("en", "de", "es", "fr"),
        help="interface language; other than en, light only and named main-light-de.png etc.",
    )
    parser.add_argument(
        "--size", default="x".join(map(str, SIZE)), help="window size, e.g. 1280x720"
    )
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    size = tuple(int(v) for v in args.size.lower().split("x", 1))
    xvfb = _ensure_display()
    try:
        return _shoot(out, args.lang, (size[0], size[1]))
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(5)


def _show_listening(window) -> None:  # type: ignore[no-untyped-def]
    # What a working microphone looks like: the screenshot machine may have
    # none, and its one notice would otherwise be the picture.
    voice = window.flow.sound._voice
    if voice is None:
        # Once the listener lived on the window and this returned quietly,
        # and the session screenshots showed "No microphone was found".
        sys.exit("screenshots: voice commands are on but the session has no listener")
    listener, _router, indicator = voice
    listener.sig_listening.disconnect(indicator.set_listening)
    listener.stop()
    indicator.set_listening(True)
    window.session_view.set_status("")


def _shoot_session_extras(window, session, fake, shot) -> None:  # type: ignore[no-untyped-def]
    """What the person on the mat sees besides a hold: the session at the two
    screen sizes people use, a repetition count, a rest that shows the next
    exercise, and the full-window "this hurts" question."""
    from PySide6.QtCore import QTimer

    steps, starts = session.timeline.steps, session.timeline.starts
    controller = window.flow.controller
    base = fake[0] - 4 - starts[next(i for i, s in enumerate(steps) if s.kind.value == "hold")]

    def walk_to(t: float) -> None:
        # In small steps: a jump of the clock is a computer that slept, and
        # the session rightly pauses itself for it.
        while fake[0] < t:
            fake[0] = min(t, fake[0] + 0.5)
            controller.tick()

    def at_step(kind: str, into: float, after: int = 0) -> int:
        i = next(i for i, s in enumerate(steps) if s.kind.value == kind and i >= after)
        walk_to(base + starts[i] + into)
        return i

    size = window.size()
    for w, h in ((1920, 1080), (1280, 720)):
        window.resize(w, h)
        at_step("hold", 4)
        shot(window, f"session-{w}x{h}")
    window.resize(size)
    reps = at_step("reps", 7)
    shot(window, "session-reps")
    # A rest before a new exercise: it already shows what comes next.
    rest = next(
        i
        for i, s in enumerate(steps)
        if i > reps
        and s.kind.value == "rest"
        and i + 1 < len(steps)
        and steps[i + 1].exercise_index != s.exercise_index
    )
    walk_to(base + starts[rest] + 1)
    shot(window, "session-rest-next")
    at_step("hold", 3, after=rest)
    # The question blocks in its own event loop: shoot it from inside, then
    # answer "carry on" as the person would.
    overlay = window.session_view.overlay

    def answer() -> None:
        shot(window, "session-this-hurts")
        overlay.choose("continue")

    QTimer.singleShot(400, overlay, answer)
    controller.hurts()


def _shoot_pdfs(window, out: Path) -> list[Path]:  # type: ignore[no-untyped-def]
    """The clinician report and the routine sheet, page by page as PNGs
    (pdftoppm, from poppler-utils), so what a clinician reads is looked at too."""

    if shutil.which("pdftoppm") is None:
        print("screenshots: pdftoppm not found; the PDF pages are not drawn", file=sys.stderr)
        return []
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        view = window._history_view
        view.announce_saved = lambda path: None
        pdfs = {"report": view.export_pdf(str(Path(tmp) / "report.pdf"))}
        window.ask = lambda title, text: False  # "open it to print?": no
        window.routines.select_routine(ROUTINE)
        pdfs["sheet"] = window.save_sheet(str(Path(tmp) / "sheet.pdf"))
        for name, pdf in pdfs.items():
            if pdf is None:
                continue
            for old in out.glob(f"{name}-page-*.png"):
                old.unlink()
            subprocess.run(
                ["pdftoppm", "-r", "70", "-png", str(pdf), str(out / f"{name}-page")], check=True
            )
            written += sorted(out.glob(f"{name}-page-*.png"))
    return written


def _shoot(out: Path, lang: str = "en", size: tuple[int, int] = SIZE) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false;qt.speech*=false")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from stretchguide import paths
    from stretchguide.core.safety import RED_FLAGS
    from stretchguide.core.session import STALL_THRESHOLD_S
    from stretchguide.qt.app import build_window, make_application

    app = make_application(["stretchguide"])
    assert isinstance(app, QApplication)
    from stretchguide.qt.i18n import install_language

    install_language(app, lang)
    suffix = "" if lang == "en" else f"-{lang}"
    written: list[Path] = []

    def settle(ms: int = 150) -> None:
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def shot(window, name: str) -> None:  # type: ignore[no-untyped-def]
        settle()
        path = out / f"{name}{suffix}.png"
        window.grab().save(str(path))
        written.append(path)

    from stretchguide.qt.theme import apply_color_scheme

    def shot_settings(window, name: str) -> None:  # type: ignore[no-untyped-def]
        # The settings dialog with its voice section, a level on the meter
        # and commands heard, as the microphone test shows them.
        from stretchguide.qt.settings import SettingsDialog

        dialog = SettingsDialog(window.ctx.prefs, window)
        dialog.show()
        test = dialog.voice_section.test
        test.show_level(0.45)
        # A check half done: five commands heard, the last "it hurts".
        for words, command in (
            ("wait", "pause"),
            ("skip", "skip"),
            ("repeat", "back"),
            ("mute", "mute"),
            ("it hurts", "hurt"),
        ):
            test.show_words(words)
            test.show_command(command)
        # The form scrolls: show its end, the voice section, whole.
        settle()
        bar = dialog.scroll_area.verticalScrollBar()
        bar.setValue(bar.maximum())
        shot(dialog, name)
        dialog.reject()

    for scheme in ("light", "dark") if lang == "en" else ("light",):
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
            window.resize(*size)
            window.show()
            # Every card's picture is drawn after the first paint, one per
            # event-loop turn: wait for the last one, not a fixed time.
            deadline = time.monotonic() + 20
            while not window.routines.thumbnails_loaded() and time.monotonic() < deadline:
                settle(50)
            if not window.routines.thumbnails_loaded():
                sys.exit("screenshots: routine thumbnails did not finish loading")
            window.routines.select_routine(ROUTINE)
            shot(window, f"main-{scheme}")

            # Voice commands on, to show the listening badge (issue 13).
            prefs.voice_commands = True
            window.start_routine(ROUTINE)
            page = window.checkin
            page.back.set_value(4)
            page.leg.set_value(6)
            page.set_extent("thigh")
            page.tingling.setChecked(True)
            shot(window, f"checkin-{scheme}")

            page.submit()
            if window.current_page() == "checkin":
                # New tingling (or a spread since the last check-in) is said
                # before the session; Continue goes on to it (at once: the
                # script has no need of the read time a person gets).
                page.read_first.release()
                page.continue_button.click()
            window.flow.controller.timer.stop()
            session = window.flow.session
            # Into the first hold, a little way in.
            hold = next(i for i, s in enumerate(session.timeline.steps) if s.kind.value == "hold")
            # One jump of the clock, straight into the hold, so the figure is
            # drawn in its held pose (walked there, the figure would still be
            # on its way: its animation runs on real time, which does not
            # pass here). A jump is a computer that slept, and the session
            # rightly pauses itself for one: not for this one.
            session.stall_threshold_s = 1e9
            fake[0] += session.timeline.starts[hold] + 4
            window.flow.controller.tick()
            session.stall_threshold_s = STALL_THRESHOLD_S
            _show_listening(window)
            shot(window, f"session-{scheme}")
            if scheme == "light":
                _shoot_session_extras(window, session, fake, shot)
            window.session_view.confirm_stop = lambda: True
            window.flow.controller.stop()
            # The after-session check-in and its verdict.
            page = window.checkin
            page.back.set_value(5)
            page.leg.set_value(7)
            page.set_extent("below_knee")
            page.submit()
            # As a person sees it once the advice's read time is over (for
            # its first 3 s Continue is greyed out).
            page.read_first.release()
            shot(window, f"verdict-{scheme}")
            window.show_history()
            window._history_view.refresh()
            shot(window, f"history-{scheme}")
            if scheme == "light" and lang == "en":
                written += _shoot_pdfs(window, out)
            # The red-flag gate with an urgent answer.
            gate = window.safety
            gate.begin(show_disclaimer=False)
            window.show_page("safety")
            gate.answer_all_no()
            urgent = next(f.id for f in RED_FLAGS if f.urgency.value == "urgent")
            gate.set_answer(urgent, True)
            gate.check()
            # The sheet saved above for the README's PDF pages said so in
            # the status bar; nobody arrives here having just saved one.
            window.statusBar().clearMessage()
            shot(window, f"redflag-{scheme}")
            shot_settings(window, f"settings-{scheme}")
            window.ctx.history.close()
            window.close()
            window.deleteLater()
            settle(50)
    for p in written:
        print(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
