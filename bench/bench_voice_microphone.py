"""Voice commands through a real microphone path: latency and idle CPU.

    python bench/bench_voice_microphone.py [--voices 3] [--idle-s 20]
                                           [--record-as 48000,2,Float]

bench_voice.py hands audio to the recognizer in 100 ms blocks and measures
the latency in stream time. This one measures what the app adds on top:
PulseAudio, QAudioSource, the GUI thread's reads and the hop to the
recognizer's thread. Like the test suite, it starts its own PulseAudio on a
private socket (tests/private_pulse.py) with one null sink, gives it a
microphone (a source remapped from the sink's monitor: Qt lists no monitor as
an input) and plays each clean command of the bench's first ``--voices``
voices into the sink with ``paplay``, while a ``VoiceListener`` listens on
that microphone.

* **latency**: wall time from the end of the speech to the command's signal
  on the GUI thread. The end of the speech is taken as the moment ``paplay``
  returns (it drains the stream: the last sample has been played) less the
  file's quiet after the speech, so the figure includes the sound server's
  own delay and is, if anything, an upper bound.
* **idle CPU**: the process's processor time over ``--idle-s`` seconds of a
  silent microphone, as a share of one core, beside the same process with a
  bare ``QAudioSource`` reading the same microphone (Qt's capture alone).

``--record-as`` records the microphone as one that takes no 16 kHz mono
would be recorded (its own rate, channels and samples), so the figures
include the conversion (`stretchguide.voice.wav.StreamConverter`).

Never plays through the machine's sound server. Without ``pulseaudio``,
``pactl`` and ``paplay`` (Debian: pulseaudio pulseaudio-utils), espeak-ng
and sox, or pocketsphinx, it says why and measures nothing.
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
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))  # tests.private_pulse, tests.voice.speech
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false")

from tests.private_pulse import PrivatePulse, point_clients_at  # noqa: E402

MIC = "bench-mic"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--voices", type=int, default=3, help="how many of the bench's voices")
    ap.add_argument("--idle-s", type=float, default=20.0)
    ap.add_argument("--cache", default=None, help="folder for the synthetic speech")
    ap.add_argument(
        "--record-as",
        default="",
        metavar="RATE,CHANNELS,SAMPLES",
        help="record in this format and convert (e.g. 48000,2,Float)",
    )
    args = ap.parse_args()
    tools = ("pulseaudio", "pactl", "paplay", "espeak-ng", "sox")
    missing = [t for t in tools if not shutil.which(t)]
    if missing:
        print(f"not measured: {', '.join(missing)} missing")
        return 0
    try:
        import pocketsphinx  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        print("not measured: pocketsphinx is not installed")
        return 0
    folder = Path(tempfile.mkdtemp(prefix="stretchguide-bench-pulse-"))
    point_clients_at(folder)  # before Qt opens audio
    pulse = PrivatePulse(folder)
    pulse.start()
    try:
        if pulse.why_not:
            print(f"no private sound server: {pulse.why_not}")
            return 0
        pulse.add_microphone(MIC)
        cache = Path(args.cache) if args.cache else folder / "speech"
        cache.mkdir(parents=True, exist_ok=True)
        return run(args, cache)
    finally:
        pulse.stop()
        shutil.rmtree(folder, ignore_errors=True)


def run(args: argparse.Namespace, cache: Path) -> int:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from tests.voice.speech import VOICES, synth

    from stretchguide.qt.voice import VoiceListener
    from stretchguide.voice.commands import PHRASES

    app = QCoreApplication.instance() or QCoreApplication([])
    if args.record_as:
        record_as(args.record_as)

    def wait(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop, loop.quit)
        loop.exec()

    listener = VoiceListener(device_id=MIC.encode())
    heard: list[tuple[float, str]] = []
    listener.sig_command.connect(lambda command: heard.append((time.monotonic(), command)))
    listener.start()
    wait(4.0)  # the engine loads on the listener's thread
    if not listener.listening:
        print("not measured: the listener did not start on the bench microphone")
        return 1
    latencies: list[float] = []
    missed: list[str] = []
    for voice in VOICES[: args.voices]:
        for phrase, command in PHRASES.items():
            clip = synth(cache, phrase, voice)
            with wave.open(str(clip.path)) as w:
                length_s = w.getnframes() / w.getframerate()
            heard.clear()
            player = subprocess.Popen(["paplay", f"--device={PrivatePulse.SINK}", str(clip.path)])
            while player.poll() is None:
                app.processEvents()
                time.sleep(0.002)
            speech_end = time.monotonic() - (length_s - clip.speech_end_s)
            wait(1.5)
            if heard and heard[0][1] == command.value:
                latencies.append(heard[0][0] - speech_end)
            else:
                missed.append(f"{phrase!r}/{voice[0]} -> {[c for _, c in heard]}")
    latencies.sort()
    if latencies:
        print(f"== latency through the sound server (clean, {args.voices} voices)")
        print(
            f"   {len(latencies)} commands: median {statistics.median(latencies):.3f} s, "
            f"90th {latencies[int(0.9 * len(latencies))]:.3f} s, max {latencies[-1]:.3f} s"
        )
    if missed:
        print(f"   missed or wrong: {len(missed)}: {'; '.join(missed)}")
    listening = idle_cpu(wait, args.idle_s)
    listener.shutdown()
    capture = bare_capture_cpu(wait, args.idle_s)
    print(f"== idle on a silent microphone ({args.idle_s:.0f} s)")
    print(f"   listening: {listening:.2f} % of a core")
    print(f"   Qt's capture alone (a bare QAudioSource, same microphone): {capture:.2f} %")
    return 0


def record_as(spec: str) -> None:
    """Every microphone recorded in ``spec``'s format: what the app does
    with one that takes no 16 kHz mono (the server converts nothing)."""
    from PySide6.QtMultimedia import QAudioFormat

    import stretchguide.qt.microphones as microphones_module

    rate, channels, samples = spec.split(",")
    fmt = QAudioFormat()
    fmt.setSampleRate(int(rate))
    fmt.setChannelCount(int(channels))
    fmt.setSampleFormat(getattr(QAudioFormat.SampleFormat, samples))
    microphones_module.microphone_format = lambda: fmt
    print(f"== recording as {rate} Hz, {channels} channels, {samples} samples, converted")


def idle_cpu(wait, seconds: float) -> float:  # type: ignore[no-untyped-def]
    wait(2.0)
    c0, t0 = time.process_time(), time.monotonic()
    wait(seconds)
    return 100 * (time.process_time() - c0) / (time.monotonic() - t0)


def bare_capture_cpu(wait, seconds: float) -> float:  # type: ignore[no-untyped-def]
    from PySide6.QtMultimedia import QAudioSource, QMediaDevices

    import stretchguide.qt.microphones as microphones_module

    device = next(d for d in QMediaDevices.audioInputs() if bytes(d.id().data()) == MIC.encode())
    fmt = microphones_module.microphone_format()
    source = QAudioSource(device, fmt)
    source.setBufferSize(fmt.bytesForDuration(500_000))
    io = source.start()
    io.readyRead.connect(lambda: io.readAll())
    try:
        return idle_cpu(wait, seconds)
    finally:
        source.stop()


if __name__ == "__main__":
    sys.exit(main())
