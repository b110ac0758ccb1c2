"""Record the fallback voice clips into resources/sounds/voice/ with espeak-ng.

    python tools/gen_voice.py [--out DIR]

Used when no speech engine works at run time. Records every fixed phrase and
number word from ``stretchguide.core.cues`` and every built-in exercise name
from the catalog, with fixed espeak-ng settings (voice, speed, pitch) so a
rerun with the same espeak-ng gives the same clips. Each clip is mono
22.05 kHz 16-bit WAV, silence trimmed from both ends (a short pad and fade
kept so nothing clicks), peak-normalised so the voice sits level with the
cue sounds. Clips for exercises that are no longer in the catalog are
removed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

# Run as a script, tools/ is on sys.path: one WAV writer for cues and clips.
from gen_sounds import wav_bytes  # noqa: E402
from stretchguide.core import cues  # noqa: E402

RATE = 22_050
VOICE = "en-us"
ESPEAK_ARGS = ["-v", VOICE, "-s", "150", "-p", "45", "-a", "100", "-g", "1", "-z"]
PEAK_DBFS = -3.0
SILENCE = 250  # |sample| below this (int16) counts as silence when trimming
PAD_S = 0.02
FADE_S = 0.006


def exercise_names() -> dict[str, str]:
    """Built-in exercise id -> name (empty, with a warning, if no catalog yet)."""
    try:
        from stretchguide.core.catalog import load_builtin  # type: ignore[attr-defined]
    except ImportError:
        print("warning: no catalog loader yet; exercise names not recorded", file=sys.stderr)
        return {}
    catalog = load_builtin()
    return {ex_id: ex.name for ex_id, ex in sorted(catalog.exercises.items())}


def speak_to_samples(text: str) -> np.ndarray:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "clip.wav"
        subprocess.run(["espeak-ng", *ESPEAK_ARGS, "-w", str(out), text], check=True)
        with wave.open(str(out), "rb") as w:
            if (w.getnchannels(), w.getsampwidth(), w.getframerate()) != (1, 2, RATE):
                raise RuntimeError(f"espeak-ng wrote an unexpected format for {text!r}")
            return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64)


def tidy(x: np.ndarray) -> np.ndarray:
    loud = np.flatnonzero(np.abs(x) >= SILENCE)
    if loud.size == 0:
        raise RuntimeError("espeak-ng produced silence")
    pad = int(PAD_S * RATE)
    x = x[max(0, loud[0] - pad): loud[-1] + pad + 1].copy()
    fade = int(FADE_S * RATE)
    ramp = np.linspace(0.0, 1.0, fade)
    x[:fade] *= ramp
    x[-fade:] *= ramp[::-1]
    x *= (10 ** (PEAK_DBFS / 20) * 32767) / np.max(np.abs(x))
    return np.round(x).astype("<i2")


def wanted_clips(with_exercises: bool = True) -> dict[str, str]:
    clips = cues.all_fixed_clips()
    for ex_id, name in (exercise_names() if with_exercises else {}).items():
        clips[cues.exercise_clip_key(ex_id)] = name + "."
    return clips


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "sounds" / "voice")
    parser.add_argument("--fixed-only", action="store_true",
                        help="record only the fixed phrases and numbers, not exercise names")
    args = parser.parse_args(argv)
    if shutil.which("espeak-ng") is None:
        print("espeak-ng is not installed (apt-get install espeak-ng)", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    clips = wanted_clips(with_exercises=not args.fixed_only)
    total = 0
    for key, text in sorted(clips.items()):
        data = wav_bytes(tidy(speak_to_samples(text)), RATE)
        path = args.out / f"{key}.wav"
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        total += len(data)
    has_catalog = any(k.startswith("ex_") for k in clips)
    for old in args.out.glob("*.wav"):
        stale = old.stem not in clips
        if stale and (has_catalog or not old.stem.startswith("ex_")):
            old.unlink()
            print(f"removed {old.name}")
    print(f"{len(clips)} clips, {total / 1024:.0f} KiB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
