"""Generate the cue sounds in resources/sounds/ (rerunnable, deterministic).

    python tools/gen_sounds.py [--out DIR]

Every cue is a few soft sine partials under a raised-cosine envelope: short
fades so nothing clicks, no noise and no randomness so a rerun writes the same
bytes. Each cue has its own fundamental so it can be told apart with the eyes
closed (and so the end-to-end test can find it by its dominant frequency);
"switch side" is the only two-tone up-down figure. All cues are scaled to the
same RMS over the part that sounds, then checked against a -1 dBFS peak
ceiling.

The table ``CUES`` is also read by tests and by the audio end-to-end test, so
the frequencies live in one place.
"""

from __future__ import annotations

import argparse
import io
import math
import sys
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

RATE = 44_100
TARGET_RMS_DBFS = -12.0  # loudness every cue is matched to
PEAK_CEILING_DBFS = -1.0
FADE_S = 0.012  # long enough to kill clicks, short enough to keep the attack crisp
TAIL_S = 0.03  # silence after the last note so the device never cuts the decay


@dataclass(frozen=True)
class Note:
    freq: float  # fundamental, Hz
    dur: float  # seconds the note sounds
    gap: float = 0.0  # silence after it


@dataclass(frozen=True)
class CueSpec:
    name: str
    notes: tuple[Note, ...]
    decay: float  # exponential decay time constant, s (bell-like vs flat)

    @property
    def first_freq(self) -> float:
        return self.notes[0].freq


# Every cue starts on its own note, so the first few milliseconds already
# say which cue it is (the end-to-end test relies on that). Ticks are high and short,
# the rep beat low-ish and soft-edged, rest the lowest.
CUES: dict[str, CueSpec] = {
    c.name: c
    for c in (
        CueSpec("get_ready", (Note(523.25, 0.28),), decay=0.25),
        CueSpec("hold_start", (Note(783.99, 0.38),), decay=0.5),
        CueSpec("tick", (Note(1318.5, 0.07),), decay=1.0),
        CueSpec("release", (Note(392.0, 0.45),), decay=0.35),
        # Two-tone, up then down: unlike anything else in the set.
        CueSpec(
            "switch_side",
            (Note(659.25, 0.16, 0.04), Note(987.77, 0.16, 0.04), Note(659.25, 0.16)),
            decay=1.0,
        ),
        CueSpec("rep_beat", (Note(587.33, 0.10),), decay=0.2),
        CueSpec("rest", (Note(293.66, 0.55),), decay=0.6),
        CueSpec("next_exercise", (Note(880.0, 0.14, 0.03), Note(1174.66, 0.20)), decay=0.4),
        CueSpec(
            "session_complete",
            (Note(440.0, 0.18, 0.02), Note(554.37, 0.18, 0.02), Note(698.46, 0.45)),
            decay=0.6,
        ),
    )
}


def _note(note: Note, decay: float) -> np.ndarray:
    n = int(round(note.dur * RATE))
    t = np.arange(n, dtype=np.float64) / RATE
    # A touch of 2nd and 3rd harmonic: audible on small laptop speakers,
    # still clearly dominated by the fundamental.
    wave_ = (
        np.sin(2 * np.pi * note.freq * t)
        + 0.18 * np.sin(2 * np.pi * 2 * note.freq * t)
        + 0.06 * np.sin(2 * np.pi * 3 * note.freq * t)
    )
    env = np.exp(-t / decay)
    fade = min(int(FADE_S * RATE), n // 2)
    ramp = 0.5 - 0.5 * np.cos(np.linspace(0.0, np.pi, fade))
    env[:fade] *= ramp
    env[n - fade :] *= ramp[::-1]
    out = wave_ * env
    if note.gap:
        out = np.concatenate([out, np.zeros(int(round(note.gap * RATE)))])
    return out


def render(spec: CueSpec) -> np.ndarray:
    """The cue as int16 samples, loudness-matched and under the peak ceiling."""
    x = np.concatenate([_note(n, spec.decay) for n in spec.notes])
    sounding = x[np.abs(x) > 1e-4]
    rms = float(np.sqrt(np.mean(sounding**2)))
    x *= 10 ** (TARGET_RMS_DBFS / 20) / rms
    ceiling = 10 ** (PEAK_CEILING_DBFS / 20)
    peak = float(np.max(np.abs(x)))
    if peak >= ceiling:
        raise ValueError(f"{spec.name}: peak {20 * math.log10(peak):.2f} dBFS over the ceiling")
    x = np.concatenate([x, np.zeros(int(TAIL_S * RATE))])
    return np.round(x * 32767).astype("<i2")


def wav_bytes(samples: np.ndarray, rate: int = RATE) -> bytes:
    """Mono 16-bit WAV; tools/gen_voice.py writes its clips with this too."""
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.tobytes())
    return buf.getvalue()


def default_out() -> Path:
    return Path(__file__).resolve().parent.parent / "resources" / "sounds"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=default_out())
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for spec in CUES.values():
        data = wav_bytes(render(spec))
        path = args.out / f"{spec.name}.wav"
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        print(f"{path.name:24s} {len(data) / 1024:6.1f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
