"""Audio benchmark: delay from a phase boundary to its cue sound playing.

    python bench/bench_audio.py [--speed 6] [--tick-ms 50] [--routine ID]

Runs the built-in routine closest to ten minutes (article_002_eight_simple,
~605 s) through the real Session and CuePlayer, ticked by a QTimer like the
session screen's, on a clock ``--speed`` times faster than real time. Voice
is off so only the beeps are measured. For every cue sound it records:

* **play()**: real time from the boundary's due moment to the moment the
  QSoundEffect was started (QSoundEffect reports "playing" inside play(),
  so its playingChanged signal is the same instant to within microseconds);
* **onset**: the sink monitor is recorded with ``parec`` and the first
  frame in which the cue's own first note (a Goertzel filter at that
  frequency) rises above -40 dBFS is taken as the moment it was audible.

Sound: like the test suite, the bench starts its own PulseAudio on a private
socket with one null sink, ``cue`` (tests/private_pulse.py, shared with
tests/conftest.py), and stops it at the end; it never plays through the
machine's sound server. Without the ``pulseaudio`` binary (Debian:
pulseaudio pulseaudio-utils) it says why and measures no onset.

What the speed-up means: all delays are in real milliseconds. The QTimer
period is real time, so the tick quantisation (0..tick-ms) is the same as in
a real session; the speed-up only makes cues come 6x more often, which is
harsher on the audio stack than a real session, not kinder. The onset's
clock alignment comes from polling the recording's size (bytes present at a
moment were captured before it), so the onset figure is an upper bound
that includes the monitor's capture path.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))  # tests.private_pulse
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false")

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer  # noqa: E402
from tests.private_pulse import PrivatePulse, point_clients_at  # noqa: E402

import gen_sounds  # noqa: E402
from native_stderr import native_stderr  # noqa: E402
from stretchguide.core.catalog import load_builtin  # noqa: E402
from stretchguide.core.session import Session  # noqa: E402
from stretchguide.core.timeline import build_timeline  # noqa: E402
from stretchguide.qt.app import use_plain_event_dispatcher  # noqa: E402
from stretchguide.qt.audio import CuePlayer  # noqa: E402

RATE = 44_100
TARGET_MS = 50.0


def pulse_cue_sink(pulse: PrivatePulse) -> bool:
    """Is our own server up with its ``cue`` sink, and can we record it?"""
    return bool(shutil.which("parec")) and pulse.default_sink() == PrivatePulse.SINK


class Recorder:
    """parec on the cue monitor into a file whose growth is sampled from the Qt
    thread (no reader thread: Qt's event dispatcher and a Python thread on a
    pipe made Qt spin on stale socket notifiers)."""

    def __init__(self) -> None:
        self._tmp = tempfile.TemporaryDirectory()
        self.path = Path(self._tmp.name) / "monitor.raw"
        self._file = self.path.open("wb")
        self.proc = subprocess.Popen(
            [
                "parec",
                "-d",
                "cue.monitor",
                "--raw",
                "--format=s16le",
                f"--rate={RATE}",
                "--channels=1",
                "--latency-msec=5",
            ],
            stdout=self._file,
            stderr=subprocess.DEVNULL,
        )
        self.start_est = float("inf")  # monotonic time of sample 0 (upper-biased)

    def live(self) -> bool:
        return os.stat(self.path).st_size > 0

    def poll(self) -> None:
        size = os.stat(self.path).st_size
        if size:
            # Bytes on disk at time t were captured before t: the tightest
            # such bound over many polls says when sample 0 was.
            self.start_est = min(self.start_est, time.monotonic() - size / 2 / RATE)

    def stop(self) -> np.ndarray:
        self.proc.terminate()
        self.proc.wait(timeout=10)
        self._file.close()
        raw = self.path.read_bytes()
        self._tmp.cleanup()
        return np.frombuffer(raw[: len(raw) // 2 * 2], dtype="<i2").astype(np.float64) / 32768


def goertzel_onset(x: np.ndarray, freq: float, t_from: int, t_to: int) -> int | None:
    """First sample in [t_from, t_to) where ``freq`` sounds above -40 dBFS."""
    win, hop = 256, 32
    n = np.arange(win)
    ref = np.exp(-2j * np.pi * freq * n / RATE) * np.hanning(win)
    scale = 2 / np.sum(np.hanning(win))
    for start in range(max(0, t_from), min(len(x) - win, t_to), hop):
        amp = abs(np.dot(x[start : start + win], ref)) * scale
        if amp > 10 ** (-40 / 20):
            return start + win // 2
    return None


def pick_routine(routine_id: str | None):  # noqa: ANN201
    catalog = load_builtin()
    if routine_id:
        routine = catalog.routines[routine_id]
    else:
        routine = min(
            catalog.routines.values(),
            key=lambda r: abs(build_timeline(r, catalog.exercises).total_s - 600),
        )
    return routine, catalog.exercises


def summary(name: str, ms: list[float]) -> str:
    if not ms:
        return f"{name:34s} no samples"
    ok = "OK" if statistics.median(ms) < TARGET_MS else "over target"
    return (
        f"{name:34s} n={len(ms):4d}  median {statistics.median(ms):6.1f} ms  "
        f"p95 {np.percentile(ms, 95):6.1f} ms  worst {max(ms):6.1f} ms  ({ok})"
    )


def main(argv: list[str] | None = None) -> int:
    folder = Path(tempfile.mkdtemp(prefix="stretchguide-bench-pulse-"))
    # Before Qt opens audio (libpulse reads PULSE_SERVER once, then); parec
    # and pactl inherit it too.
    point_clients_at(folder)
    pulse = PrivatePulse(folder)
    pulse.start()
    # Qt's PulseAudio path warns about its socket notifiers thousands of
    # times a run (tests/qt/conftest.py, ARCHITECTURE.md): the native stderr
    # goes to a file, and each distinct line is shown once with its count.
    said: list[str] = []
    try:
        with native_stderr() as said:
            if pulse.why_not:
                print(f"no private sound server: {pulse.why_not}")
            return run(argv, pulse)
    finally:
        pulse.stop()
        shutil.rmtree(folder, ignore_errors=True)
        counts: dict[str, int] = {}
        for line in "".join(said).splitlines():
            counts[line] = counts.get(line, 0) + 1
        for line, n in counts.items():
            print(f"  stderr{f' ({n}x)' if n > 1 else ''}: {line}", file=sys.stderr)


def run(argv: list[str] | None, pulse: PrivatePulse) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", type=float, default=6.37)
    parser.add_argument("--tick-ms", type=int, default=50, help="the session screen's QTimer")
    parser.add_argument("--routine", default=None)
    parser.add_argument(
        "--no-deadline-timer",
        action="store_true",
        help="tick only every --tick-ms (the session screen before the single-shot deadline timer)",
    )
    parser.add_argument("--no-record", action="store_true", help="skip the parec recording")
    args = parser.parse_args(argv)

    recorder = Recorder() if pulse_cue_sink(pulse) and not args.no_record else None
    # As the app does: the GLib dispatcher can spin forever on the stale
    # socket notifiers Qt's PulseAudio path leaves behind.
    use_plain_event_dispatcher()
    app = QCoreApplication.instance() or QCoreApplication([])
    routine, exercises = pick_routine(args.routine)
    timeline = build_timeline(routine, exercises)
    print(
        f"routine {routine.id}: {timeline.total_s:.0f} s of session at {args.speed:g}x "
        f"= {timeline.total_s / args.speed:.0f} s real, tick every {args.tick_ms} ms"
        + ("" if args.no_deadline_timer else " + a timer at each cue deadline")
    )

    player = CuePlayer(speech_engine="", locale=QLocale("en_US"))
    player.set_voice_enabled(False)
    player.prepare(exercises[i.exercise_id] for i in routine.items)
    if not player.beeps_available:
        print("no audio output: nothing to measure")
        return 0
    if recorder is None:
        print("no private 'cue' sink to record: onset in the recording not measured")
    time.sleep(0.5)
    # The session starts once the recording does: parec can take over a
    # second to start on a loaded machine, and the first cues (the chime and
    # the get-ready ticks) then played before it listened and were counted
    # as not found.
    started = time.monotonic()
    while recorder is not None and not recorder.live() and time.monotonic() - started < 10:
        time.sleep(0.02)

    fake0 = 0.0
    t0 = time.monotonic()

    def session_clock() -> float:
        return fake0 + (time.monotonic() - t0) * args.speed

    session = Session(timeline, session_clock)
    due_of_batch: list[float] = [0.0]
    plays: list[tuple[str, float, float]] = []  # sound, real due, real play()
    player.sig_sound_played.connect(
        lambda name: plays.append((name, due_of_batch[0], time.monotonic()))
    )

    def real_due(at: float) -> float:
        return t0 + (at - fake0) / args.speed

    def feed(events: list) -> None:
        if events:
            due_of_batch[0] = real_due(events[-1].at)
            player.handle(events)

    feed(session.start(fake0))
    timer = QTimer()
    timer.setInterval(args.tick_ms)

    def on_tick() -> None:
        feed(session.tick())
        arm()
        if recorder is not None:
            recorder.poll()
        if session.done:
            timer.stop()
            QTimer.singleShot(1500, app.quit)

    # As SessionController does: besides the paint tick, a single-shot
    # precise timer fires 1 ms after the engine's next cue deadline.
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.setTimerType(Qt.TimerType.PreciseTimer)

    def arm() -> None:
        due = session.next_deadline()
        if due is not None and not args.no_deadline_timer:
            wait_ms = (due - session_clock()) / args.speed * 1000
            deadline.start(max(0, math.ceil(wait_ms)) + 1)

    def on_deadline() -> None:
        on_tick()

    timer.timeout.connect(on_tick)
    deadline.timeout.connect(on_deadline)
    timer.start()
    arm()
    app.exec()
    player.shutdown()

    play_ms = [(p - d) * 1000 for _, d, p in plays]
    print(summary("boundary -> QSoundEffect playing", play_ms))
    if recorder is not None:
        x = recorder.stop()
        onset_ms = []
        missed = 0
        for name, due, played in plays:
            freq = gen_sounds.CUES[name].first_freq
            lo = int((played - recorder.start_est - 0.01) * RATE)
            hit = goertzel_onset(x, freq, lo, lo + int(0.3 * RATE))
            if hit is None:
                missed += 1
                continue
            onset_ms.append((recorder.start_est + hit / RATE - due) * 1000)
        print(summary("boundary -> onset in recording", onset_ms))
        if missed:
            print(f"  ({missed} of {len(plays)} cues not found in the recording)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
