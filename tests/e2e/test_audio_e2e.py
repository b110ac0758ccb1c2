"""The cues really come out of the sound card: in order, at pitch, on time.

Needs the ``pulseaudio`` binary and ``parec`` (Debian: pulseaudio,
pulseaudio-utils); tests/conftest.py then starts a private server with one
null sink, ``cue``, and this test records that sink's monitor, so nothing
else on the machine can sound into the recording and nothing is heard.

A short routine runs on a fake clock that moves in small steps. After each
step that plays a cue, the test waits (in real time, as long as the load
needs) until the recording holds that cue and silence after it, and only
then moves the clock on. So the cues never overlap or merge, however late
the machine is, and the recording must hold exactly the played cues, in
order, each at its own pitch (tools/gen_sounds.py gives every cue its own
first note). Timing is checked per cue against a marker tone: a cue must
sound within ``LATENCY_BOUND_S`` of the moment play() was called, relative
to the marker's own delay.
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
QUIET_S = 0.1  # silence an onset needs before it (longer than the gaps inside a cue)
SETTLED_S = 0.2  # silence after a cue before the clock moves on (> QUIET_S)
STEP_S = 0.05  # fake-clock step: finer than any two moments of the routine
MARKER = Sound.REST  # a tone the short routine itself never plays
# Measured on this project's 2-core CI machine: |drift| < 0.03 s idle, and
# < 0.08 s with both cores saturated by other processes. A cue late by a
# quarter second would be heard as out of step with the countdown.
LATENCY_BOUND_S = 0.15
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


def onsets(x: np.ndarray, since: int = 0) -> list[int]:
    """Sample index of each rise from at least ``QUIET_S`` of silence into sound.

    The silence must be in the recording: a file that starts mid-tone (parec
    began late) has no onset there.
    """
    n = len(x) // FRAME
    loud = np.sqrt(np.mean(x[: n * FRAME].reshape(n, FRAME) ** 2, axis=1)) > THRESHOLD
    need = int(QUIET_S * RATE / FRAME)
    out, quiet = [], 0
    for i, is_loud in enumerate(loud):
        if is_loud and quiet >= need and i * FRAME >= since:
            out.append(i * FRAME)
        quiet = 0 if is_loud else quiet + 1
    return out


def quiet_tail(x: np.ndarray, seconds: float) -> bool:
    n = int(seconds * RATE)
    return len(x) >= n and bool(np.all(np.abs(x[-n:]) < THRESHOLD))


def dominant_hz(x: np.ndarray, start: int) -> float:
    seg = x[start + int(0.004 * RATE) : start + int(0.004 * RATE) + 2048]
    spectrum = np.abs(np.fft.rfft(seg * np.hanning(len(seg)), n=16384))
    return float(np.argmax(spectrum) * RATE / 16384)


def _read(path: Path) -> np.ndarray:
    raw = path.read_bytes()
    return np.frombuffer(raw[: len(raw) // 2 * 2], dtype="<i2").astype(np.float64) / 32768.0


def _pitch_of(spec, f: float) -> bool:
    return abs(spec.first_freq - f) / spec.first_freq < 0.03


def test_every_cue_is_heard_once_in_order_at_its_pitch_and_on_time(
    qtbot, tmp_path, private_pulse
) -> None:
    if not shutil.which("parec"):
        pytest.skip("no parec (Debian: pulseaudio-utils)")
    # Ours, not the machine's: conftest pointed PULSE_SERVER at the private one.
    assert private_pulse.default_sink() == private_pulse.SINK
    specs = _cue_specs()
    assert len({round(s.first_freq) for s in specs.values()}) == len(specs), "two cues share a note"
    timeline = timeline_of(
        SIDED, REPS, options=SessionOptions(prepare_s=5, switch_s=3, rest_between_exercises_s=3)
    )
    clock = FakeClock(0.0)
    session = Session(timeline, clock)
    player = CuePlayer(speech_engine="", locale=QLocale("en_US"), clock=clock)
    player.set_voice_enabled(False)  # beeps only: a voice would blur the onsets
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
        written = len(_read(raw))
        marker_from = time.monotonic()
        marker.play()
        marker_to = time.monotonic()
        marker_found: list[int] = []

        def marker_heard_and_over() -> bool:
            x = _read(raw)
            marker_found[:] = onsets(x, since=written)[:1]
            return bool(marker_found) and quiet_tail(x, SETTLED_S)

        qtbot.waitUntil(marker_heard_and_over, timeout=WAIT_MS)
        marker_at = marker_found[0]
        assert _pitch_of(specs[MARKER.value], dominant_hz(_read(raw), marker_at))

        def heard_all_so_far() -> bool:
            x = _read(raw)
            return len(onsets(x, since=marker_at + 1)) >= len(played) and quiet_tail(x, SETTLED_S)

        def settle() -> None:
            try:
                qtbot.waitUntil(heard_all_so_far, timeout=WAIT_MS)
            except qtbot.TimeoutError:
                heard = len(onsets(_read(raw), since=marker_at + 1))
                pytest.fail(f"played {played}, recording holds {heard} onsets")

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
    found = onsets(x, since=marker_at + 1)
    heard = [round(dominant_hz(x, start)) for start in found]
    assert len(found) == len(EXPECTED), (heard, EXPECTED)
    for name, f in zip(EXPECTED, heard, strict=True):
        assert _pitch_of(specs[name], f), f"{name} starts at {specs[name].first_freq} Hz, not {f}"

    # Seconds after the marker: when each cue sounded in the recording, and
    # the earliest and latest it may have been started by the clock.
    rec_t = (np.array(found) - marker_at) / RATE
    earliest = np.array([a for a, _ in windows]) - marker_to
    latest = np.array([b for _, b in windows]) - marker_from
    early = earliest - rec_t  # > 0: heard before it was played (the marker was late)
    late = rec_t - latest  # > 0: heard after play() had returned
    print("early_s", np.round(early, 3).tolist(), "late_s", np.round(late, 3).tolist())
    assert np.max(early) < LATENCY_BOUND_S and np.max(late) < LATENCY_BOUND_S, (
        np.round(early, 3),
        np.round(late, 3),
    )
