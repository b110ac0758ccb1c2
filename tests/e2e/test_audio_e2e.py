"""The cues really come out of the sound card: in order, at pitch, on time.

Needs the ``pulseaudio`` binary and ``parec`` (Debian: pulseaudio,
pulseaudio-utils); tests/conftest.py then starts a private server with one
null sink, ``cue``, and this test records that sink's monitor, so nothing
else on the machine can sound into the recording and nothing is heard.

A short routine runs on a fake clock that moves in small steps. After each
step that plays a cue, the test waits (in real time, as long as the load
needs) until the recording holds sound after the last cut and then silence,
cuts the recording there, and only then moves the clock on. So cues never
overlap, however late the machine is: each piece between two cuts holds
exactly one played cue, in order, and must start on that cue's own first
note (tools/gen_sounds.py gives every cue its own). Timing is checked per
cue against a marker tone played first: a cue must start sounding within
``LATENCY_BOUND_S`` of the moment play() was called, relative to the
marker's own delay.
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

QtMultimedia = pytest.importorskip(
    "PySide6.QtMultimedia",
    reason="QtMultimedia does not load here (libpulse0 missing?)",
    exc_type=ImportError,
)

from PySide6.QtCore import QLocale, QUrl  # noqa: E402
from tests.support import FakeClock, hold_exercise, reps_exercise, timeline_of  # noqa: E402

from stretchguide.core.catalog import Area, Equipment, Kind, Sides  # noqa: E402
from stretchguide.core.cues import Sound  # noqa: E402
from stretchguide.core.session import Session  # noqa: E402
from stretchguide.core.timeline import SessionOptions  # noqa: E402
from stretchguide.qt.assets import asset_path  # noqa: E402
from stretchguide.qt.audio import CuePlayer  # noqa: E402

QSoundEffect = QtMultimedia.QSoundEffect

ROOT = Path(__file__).resolve().parents[2]
RATE = 44_100
FRAME = 128  # ~2.9 ms analysis frames
THRESHOLD = 10 ** (-45 / 20)  # a null sink is exactly silent between cues
# Silence after a sound before the clock moves on: longer than the gaps
# inside a cue, and than the dropouts a starved player leaves inside one.
SETTLED_S = 0.4
STEP_S = 0.05  # fake-clock step: finer than any two moments of the routine
MARKER = Sound.REST  # a tone the short routine itself never plays
# How late a cue may start, beyond the marker's own delay. Measured on the
# 2-core development machine: under 0.03 s idle, up to 0.24 s at a load
# average of 11 (eight engineers' test runs plus two CPU burners). A cue a
# beat late (a timer, a queue, waiting for the previous sound) misses it.
LATENCY_BOUND_S = 0.5
WAIT_MS = 20_000  # how long one cue may take to reach the recording under load

pytestmark = [pytest.mark.audio, pytest.mark.realtime]


def _cue_specs() -> dict:
    path = ROOT / "tools" / "gen_sounds.py"
    spec = importlib.util.spec_from_file_location("gen_sounds_e2e", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_sounds_e2e"] = module
    spec.loader.exec_module(module)
    return module.CUES


SIDED = hold_exercise(
    "supine_hamstring_stretch",
    3,
    Sides.EACH,
    name="Hamstring stretch",
    steps=("Lie down.", "Lift a leg."),
    equipment={Equipment.MAT},
    feel=(Area.BACK_OF_THIGH,),
)
REPS = reps_exercise(
    "bridge",
    2,
    2,
    steps=("Lie down.", "Lift your hips."),
    equipment={Equipment.MAT},
    kind=Kind.STRENGTHEN,
)
TICKS = ["tick"] * 3
EXPECTED = [
    "next_exercise",
    *TICKS,
    "hold_start",
    "switch_side",
    "hold_start",
    "next_exercise",
    "next_exercise",
    *TICKS,
    "hold_start",
    "rep_beat",
    "session_complete",
]


def loud_frames(x: np.ndarray, start: int, end: int) -> np.ndarray:
    """Sample index of every analysis frame in ``x[start:end]`` that is not silent."""
    seg = x[start:end]
    n = len(seg) // FRAME
    rms = np.sqrt(np.mean(seg[: n * FRAME].reshape(n, FRAME) ** 2, axis=1))
    return start + np.flatnonzero(rms > THRESHOLD) * FRAME


def quiet_tail(x: np.ndarray, seconds: float) -> bool:
    n = int(seconds * RATE)
    return len(x) >= n and bool(np.all(np.abs(x[-n:]) < THRESHOLD))


def first_note_hz(x: np.ndarray, frames: np.ndarray) -> float:
    """Dominant frequency of the first unbroken stretch of sound, past the fade-in.

    A dropout under load (the player's stream ran dry for a moment) leaves
    silence inside a cue; joining the pieces across it would smear the note.
    """
    runs = np.split(frames, np.flatnonzero(np.diff(frames) != FRAME) + 1)
    run = next((r for r in runs if len(r) >= 10), max(runs, key=len))
    picked = run[2 : 2 + 2048 // FRAME]
    seg = x[picked[0] : picked[-1] + FRAME]
    spectrum = np.abs(np.fft.rfft(seg * np.hanning(len(seg)), n=16384))
    return float(np.argmax(spectrum) * RATE / 16384)


def _read(path: Path) -> np.ndarray:
    raw = path.read_bytes()
    return np.frombuffer(raw[: len(raw) // 2 * 2], dtype="<i2").astype(np.float64) / 32768.0


# The closest first notes (release and the finale, get ready and the rep beat)
# are 12% apart; 4% names the cue without doubt and allows for a note cut short.
PITCH_TOLERANCE = 0.04


def _pitch_of(spec, f: float) -> bool:
    return abs(spec.first_freq - f) / spec.first_freq < PITCH_TOLERANCE


def test_every_cue_is_heard_once_in_order_at_its_pitch_and_on_time(
    qtbot, tmp_path, private_pulse
) -> None:
    if not shutil.which("parec"):
        pytest.skip("no parec (Debian: pulseaudio-utils)")
    # Ours, not the machine's: conftest pointed PULSE_SERVER at the private one.
    assert private_pulse.default_sink() == private_pulse.SINK
    specs = _cue_specs()
    notes = sorted(s.first_freq for s in specs.values())
    assert min(b / a for a, b in zip(notes, notes[1:], strict=False)) > 1 + 2 * PITCH_TOLERANCE
    timeline = timeline_of(
        SIDED, REPS, options=SessionOptions(prepare_s=5, switch_s=3, rest_between_exercises_s=3)
    )
    clock = FakeClock(0.0)
    session = Session(timeline, clock)
    player = CuePlayer(speech_engine="", locale=QLocale("en_US"), clock=clock)
    player.set_voice_enabled(False)  # beeps only: the test hears tones, not words
    player.prepare([SIDED, REPS])
    assert player.beeps_available
    played: list[str] = []
    player.sig_sound_played.connect(played.append)
    # When each cue was started: the clock is read before and after handle(),
    # because play() can stall under load after the sound has begun.
    windows: list[tuple[float, float]] = []

    def handle(events) -> None:
        before, at = len(played), time.monotonic()
        player.handle(events)
        assert len(played) <= before + 1, "two cues in one step: the step is too coarse"
        if len(played) > before:
            windows.append((at, time.monotonic()))
            settle()

    raw = tmp_path / "monitor.raw"
    out = raw.open("wb")  # a file, not a pipe: nobody reads a pipe while Qt runs
    rec = subprocess.Popen(
        [
            "parec",
            "-d",
            f"{private_pulse.SINK}.monitor",
            "--raw",
            "--format=s16le",
            f"--rate={RATE}",
            "--channels=1",
            "--latency-msec=10",
        ],
        stdout=out,
        stderr=subprocess.DEVNULL,
    )
    marker = QSoundEffect()
    try:
        marker.setSource(QUrl.fromLocalFile(str(asset_path(MARKER.resource))))
        qtbot.waitUntil(lambda: marker.status() == QSoundEffect.Status.Ready, timeout=5000)
        # parec's first bytes can come late (an idle null sink renders big
        # blocks); what plays before them is not in the file.
        qtbot.waitUntil(lambda: quiet_tail(_read(raw), 0.5), timeout=WAIT_MS)
        # The marker ties the file's time base to time.monotonic(). It is
        # played once and waited for: a sounding QSoundEffect is never
        # play()ed again (see CuePlayer._play_cue).
        # Cut points: the recording is silent at each one, and each piece
        # between two cuts holds exactly one played sound (the marker first).
        cuts = [len(_read(raw))]

        def sounded_and_settled() -> bool:
            x = _read(raw)
            if len(loud_frames(x, cuts[-1], len(x))) and quiet_tail(x, SETTLED_S):
                cuts.append(len(x))
                return True
            return False

        def settle() -> None:
            try:
                qtbot.waitUntil(sounded_and_settled, timeout=WAIT_MS)
            except qtbot.TimeoutError:
                pytest.fail(f"played {played}; the last one never sounded and ended")

        marker_from = time.monotonic()
        marker.play()
        marker_to = time.monotonic()
        settle()

        handle(session.start(clock.now))
        while not session.done:
            clock.advance(STEP_S)
            handle(session.tick(clock.now))
    finally:
        rec.terminate()
        rec.wait(timeout=10)
        out.close()
        player.shutdown()
        player.deleteLater()
        marker.deleteLater()

    assert played == EXPECTED
    x = _read(raw)
    assert len(cuts) == len(EXPECTED) + 2  # before the marker, after it, after each cue
    pieces = [loud_frames(x, a, b) for a, b in zip(cuts, cuts[1:], strict=False)]
    assert all(len(p) for p in pieces)
    # Nothing sounds after the last cue (the routine's end played no more).
    assert not len(loud_frames(x, cuts[-1], len(x)))
    heard = [first_note_hz(x, p) for p in pieces]
    for name, f in zip([MARKER.value, *EXPECTED], heard, strict=True):
        assert _pitch_of(specs[name], f), f"{name} starts at {specs[name].first_freq} Hz, not {f}"

    # Seconds after the marker: when each cue sounded in the recording, and
    # the earliest and latest it may have been started by the clock.
    starts = np.array([p[0] for p in pieces])
    rec_t = (starts[1:] - starts[0]) / RATE
    earliest = np.array([a for a, _ in windows]) - marker_to
    latest = np.array([b for _, b in windows]) - marker_from
    early = earliest - rec_t  # > 0: heard before it was played (the marker was late)
    late = rec_t - latest  # > 0: heard after play() had returned
    # Shown on failure, and with -s: the figures behind LATENCY_BOUND_S.
    print("early_s", np.round(early, 3).tolist(), "late_s", np.round(late, 3).tolist())
    assert np.max(early) < LATENCY_BOUND_S and np.max(late) < LATENCY_BOUND_S, (
        np.round(early, 3),
        np.round(late, 3),
    )
