"""Cue sounds that come close together: processor time and Qt's warnings.

    python bench/bench_cue_overlap.py [--period 0.2] [--seconds 20] [--clips]

Plays the nine cue sounds in turn through the real ``CuePlayer``, one every
``--period`` seconds (0.2 s: each cue still sounds when the next starts, as
when a person presses skip twice or a late tick carries two moments), on
our own PulseAudio null sink (tests/private_pulse.py). Prints the plays, the
process's processor time as a share of one core, and how many times Qt
wrote "Invalid socket ... disabling" to stderr. ``--clips`` puts a recorded
voice line between the beeps.

Before s39 two effects could sound together, and Qt 6.11's engine then
looped over a closed socket: 77-79 % of a core and 4-5 million warnings in
20 s, or a SIGABRT (docs/PERFORMANCE.md, "Audio").
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))  # tests.private_pulse
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.private_pulse import PrivatePulse, point_clients_at  # noqa: E402

from native_stderr import native_stderr  # noqa: E402


def run(args: argparse.Namespace) -> None:
    from PySide6.QtCore import QCoreApplication, QLocale, QTimer

    from stretchguide.core.cues import Cue, Sound
    from stretchguide.qt.app import use_plain_event_dispatcher
    from stretchguide.qt.audio import CuePlayer

    use_plain_event_dispatcher()
    app = QCoreApplication.instance() or QCoreApplication([])
    player = CuePlayer(speech_engine="", locale=QLocale("en_US"))
    player.set_voice_enabled(args.clips)
    player.prepare([])
    if not player.beeps_available:
        print("no audio output: nothing to measure")
        return
    sounds = list(Sound)
    keys = list(player.recorded)[:40]
    plays = [0]

    def play() -> None:
        n = plays[0]
        plays[0] += 1
        if args.clips and n % 2 and keys:
            key = keys[n % len(keys)]
            player.say(player.recorded[key], (key,))
        else:
            # The one place a cue is played, minus the session events that pick it.
            player._play_cue(Cue(sound=sounds[n % len(sounds)]), time.monotonic(), beep=True)

    timer = QTimer()
    timer.timeout.connect(play)
    timer.start(round(args.period * 1000))
    before = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.monotonic()
    QTimer.singleShot(round(args.seconds * 1000), app, app.quit)
    app.exec()
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    timer.stop()
    player.shutdown()
    print(
        f"{plays[0]} cues {args.period:g} s apart{' with clips' if args.clips else ''}: "
        f"processor {cpu:.2f} s in {wall:.1f} s = {100 * cpu / wall:.1f} % of a core",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--period", type=float, default=0.2)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--clips", action="store_true")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="stretchguide-bench-pulse-"))
    point_clients_at(folder)  # before Qt opens audio
    pulse = PrivatePulse(folder)
    pulse.start()
    said: list[str] = []
    try:
        with native_stderr() as said:  # Qt writes its warnings to the native stderr
            if pulse.why_not:
                print(f"no private sound server: {pulse.why_not}")
                return 0
            run(args)
    finally:
        pulse.stop()
        shutil.rmtree(folder, ignore_errors=True)
    text = "".join(said)
    print(f'Qt\'s "Invalid socket ... disabling" warnings: {text.count("Invalid socket")}')
    return 0


if __name__ == "__main__":
    sys.exit(main())
