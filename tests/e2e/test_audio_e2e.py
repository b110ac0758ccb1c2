"""The cues really come out of the sound card, in order (needs PulseAudio).

Runs only when ``pactl info`` answers and the default sink is the null sink
``cue`` that .ci/run sets up (to develop locally::

    pulseaudio --start --exit-idle-time=-1
    pactl load-module module-null-sink sink_name=cue
    pactl set-default-sink cue

). The sink's monitor is recorded with ``parec`` while a short routine runs
on a clock three times faster than real time; the recording is then cut at
every onset (silence -> sound) and each cue is recognised by the dominant
frequency of its first note (tools/gen_sounds.py gives every cue its own).
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QLocale, QUrl
from PySide6.QtMultimedia import QSoundEffect
from tests.support import FakeClock, hold_exercise, reps_exercise, timeline_of

from stretchguide.core.catalog import Area, Equipment, Kind, Sides
from stretchguide.core.cues import Sound
from stretchguide.core.session import Session
from stretchguide.core.timeline import SessionOptions
from stretchguide.qt.assets import asset_path
from stretchguide.qt.audio import CuePlayer

ROOT = Path(__file__).resolve().parents[2]
RATE = 44_100
SPEED = 3.0
FRAME = 128  # ~2.9 ms analysis frames
MARKER = Sound.REST  # a tone the short routine itself never plays


def _pulse_ready() -> str:
    """Empty when the cue sink is up and default; else why the test cannot run."""
    if not (shutil.which("pactl") and shutil.which("parec")):
        return "pactl/parec not installed"
    try:
        if subprocess.run(["pactl", "info"], capture_output=True, timeout=5).returncode:
            return "no PulseAudio server answers"
        sink = subprocess.run(["pactl", "get-default-sink"], capture_output=True, text=True,
                              timeout=5).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "pactl did not answer"
    return "" if sink == "cue" else f"default sink is {sink!r}, not the 'cue' null sink"


_WHY = _pulse_ready()
pytestmark = [pytest.mark.audio, pytest.mark.skipif(bool(_WHY), reason=_WHY)]


def _cue_specs() -> dict:
    path = ROOT / "tools" / "gen_sounds.py"
    spec = importlib.util.spec_from_file_location("gen_sounds_e2e", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_sounds_e2e"] = module
    spec.loader.exec_module(module)
    return module.CUES


SIDED = hold_exercise(
    "supine_hamstring_stretch", 3, Sides.EACH, name="Hamstring stretch",
    steps=("Lie down.", "Lift a leg."), equipment={Equipment.MAT}, feel=(Area.BACK_OF_THIGH,))
REPS = reps_exercise(
    "bridge", 2, 2, steps=("Lie down.", "Lift your hips."), equipment={Equipment.MAT},
    kind=Kind.STRENGTHEN)


def onsets(x: np.ndarray, threshold: float = 10 ** (-45 / 20), quiet_s: float = 0.05) -> list[int]:
    """Sample index of each rise from at least ``quiet_s`` of silence into sound.

    The silence must be in the recording: a file that starts mid-tone (parec
    began late) has no onset there, or the marker would be placed at the
    file's first sample instead of where it really began.
    """
    n = len(x) // FRAME
    rms = np.sqrt(np.mean(x[: n * FRAME].reshape(n, FRAME) ** 2, axis=1))
    loud = rms > threshold
    need = int(quiet_s * RATE / FRAME)
    out, quiet = [], 0
    for i, is_loud in enumerate(loud):
        if is_loud and quiet >= need:
            out.append(i * FRAME)
        quiet = 0 if is_loud else quiet + 1
    return out


def dominant_hz(x: np.ndarray, start: int) -> float:
    seg = x[start + int(0.004 * RATE): start + int(0.004 * RATE) + 2048]
    spectrum = np.abs(np.fft.rfft(seg * np.hanning(len(seg)), n=16384))
    return float(np.argmax(spectrum) * RATE / 16384)


def _read(path: Path) -> np.ndarray:
    raw = path.read_bytes()
    return np.frombuffer(raw[: len(raw) // 2 * 2], dtype="<i2").astype(np.float64) / 32768.0


def _is(spec, f: float) -> bool:
    return abs(spec.first_freq - f) / spec.first_freq < 0.03


def test_cues_are_audible_in_order_with_the_right_pitch_and_timing(qtbot, tmp_path) -> None:
    timeline = timeline_of(SIDED, REPS, options=SessionOptions(
        prepare_s=5, switch_s=3, rest_between_exercises_s=3))
    clock = FakeClock(0.0)
    session = Session(timeline, clock)
    player = CuePlayer(speech_engine="", locale=QLocale("en_US"))
    player.set_voice_enabled(False)  # beeps only: voices would blur the onsets
    specs = _cue_specs()
    player.prepare([SIDED, REPS])
    assert player.beeps_available
    played: list[tuple[str, float]] = []
    player.sig_sound_played.connect(lambda name: played.append((name, time.monotonic())))

    wav = tmp_path / "monitor.raw"
    sink = wav.open("wb")  # a file, not a pipe: nobody reads a pipe while Qt runs
    rec = subprocess.Popen(
        ["parec", "-d", "cue.monitor", "--raw", "--format=s16le", f"--rate={RATE}",
         "--channels=1", "--latency-msec=10"],
        stdout=sink, stderr=subprocess.DEVNULL)
    marker = QSoundEffect()
    try:
        # parec's first bytes can come seconds late (an idle null sink runs
        # 2 s blocks), and what plays before them is not in the file. So the
        # routine starts only once a marker tone is heard in the recording,
        # and that marker's onset ties the file's time base to the clock.
        marker.setSource(QUrl.fromLocalFile(str(asset_path(MARKER.resource))))
        qtbot.waitUntil(lambda: marker.status() == QSoundEffect.Status.Ready, timeout=3000)
        # First, parec must be writing (it starts seconds late on an idle sink).
        qtbot.waitUntil(lambda: len(_read(wav)) > RATE // 2, timeout=15000)
        marker_at = None
        for _ in range(5):
            # Sound played now lands at or after the file's current end. Each
            # try waits out the marker (0.6 s) and a silence, so every onset
            # found belongs to this try's play(), and the marker is never
            # played again while it sounds: the old loop did that every
            # 400 ms, and play() on a sounding QSoundEffect can abort Qt
            # (see the note in CuePlayer._play_cue).
            written = len(_read(wav))
            played_at = time.monotonic()
            marker.play()
            for _ in range(25):
                qtbot.wait(100)
                x = _read(wav)
                hits = [o for o in onsets(x) if o >= written
                        and _is(specs[MARKER.value], dominant_hz(x, o))]
                if hits:
                    marker_at = (played_at, hits[0])
                    break
            if marker_at:
                break
        assert marker_at is not None, "the recorder never heard the marker tone"
        # The first cue needs silence before it to be found: let the marker end.
        marker_s = sum(n.dur + n.gap for n in specs[MARKER.value].notes)
        qtbot.wait(int(1000 * (marker_s + 0.3)))
        t0 = time.monotonic()
        player.handle(session.start(0.0))
        while not session.done:
            qtbot.wait(5)
            clock.now = (time.monotonic() - t0) * SPEED
            player.handle(session.tick(clock.now))
        qtbot.wait(1200)  # the finale's tail
    finally:
        rec.terminate()
        rec.wait(timeout=10)
        sink.close()
        player.shutdown()
        marker.deleteLater()
    x = _read(wav)

    expected = [name for name, _ in played]
    ticks = ["tick"] * 3
    assert expected == ["next_exercise", *ticks, "hold_start", "switch_side", "hold_start",
                        "next_exercise", "next_exercise", *ticks, "hold_start", "rep_beat",
                        "session_complete"]
    found = [o for o in onsets(x) if o > marker_at[1]]
    heard = []
    for start in found:
        f = dominant_hz(x, start)
        name, spec = min(specs.items(), key=lambda kv: abs(kv[1].first_freq - f))
        assert _is(spec, f), f"unknown tone {f:.0f} Hz"
        heard.append(name)
    assert heard == expected

    # Each onset lands when its play() was called, give or take the same
    # output latency the marker had: first cues included, no drift.
    rec_t = (np.array(found) - marker_at[1]) / RATE
    play_t = np.array([t for _, t in played]) - marker_at[0]
    drift = rec_t - play_t
    assert np.max(np.abs(drift)) < 0.05, drift
