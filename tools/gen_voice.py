"""Record the fallback voice clips into resources/sounds/voice/ with espeak-ng.

    python tools/gen_voice.py [--out DIR]

Used when no speech engine works at run time. Records every fixed phrase and
number word from ``stretchguide.core.cues`` and, for every built-in exercise,
its name and the first instruction its intro says, with fixed espeak-ng
settings (voice, speed, pitch) so a rerun with the same espeak-ng gives the
same clips. Each clip is mono 22.05 kHz 16-bit WAV, silence trimmed from
both ends (a short pad and fade kept so nothing clicks), peak-normalised so
the voice sits level with the cue sounds. Clips nothing asks for any more
(an exercise left the catalog) are removed.

It also writes ``manifest.json`` there: each clip's exact words and the
espeak-ng settings. A WAV cannot be read back as text without a speech
recogniser, so the manifest is what tests/core/test_sound_files.py holds
against the words the code says now, to catch clips left stale.
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
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
from stretchguide.core.catalog import load_builtin  # noqa: E402

RATE = 22_050
VOICE = "en-us"
ESPEAK_ARGS = ["-v", VOICE, "-s", "150", "-p", "45", "-a", "100", "-g", "1", "-z"]
PEAK_DBFS = -3.0
SILENCE = 250  # |sample| below this (int16) counts as silence when trimming
PAD_S = 0.02
FADE_S = 0.006
MANIFEST = "manifest.json"


def espeak_version() -> str:
    out = subprocess.run(["espeak-ng", "--version"], check=True, capture_output=True, text=True)
    # The rest of the line is the data folder: this machine's, not the clips'.
    found = re.search(r"text-to-speech:\s*(\S+)", out.stdout)
    return found.group(1) if found else out.stdout.strip()


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
    x = x[max(0, loud[0] - pad) : loud[-1] + pad + 1].copy()
    fade = int(FADE_S * RATE)
    ramp = np.linspace(0.0, 1.0, fade)
    x[:fade] *= ramp
    x[-fade:] *= ramp[::-1]
    x *= (10 ** (PEAK_DBFS / 20) * 32767) / np.max(np.abs(x))
    return np.round(x).astype("<i2")


def wanted_clips() -> dict[str, str]:
    """Clip key -> the words to record, for every clip the app can ask for."""
    return {**cues.all_fixed_clips(), **cues.recorded_clips(load_builtin().exercises.values())}


def manifest_text(clips: dict[str, str], version: str) -> str:
    manifest = {
        "espeak_ng": {"version": version, "args": shlex.join(ESPEAK_ARGS)},
        "clips": dict(sorted(clips.items())),
    }
    return json.dumps(manifest, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "sounds" / "voice")
    args = parser.parse_args(argv)
    if shutil.which("espeak-ng") is None:
        print("espeak-ng is not installed (apt-get install espeak-ng)", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    clips = wanted_clips()
    total = 0
    for key, text in sorted(clips.items()):
        data = wav_bytes(tidy(speak_to_samples(text)), RATE)
        path = args.out / f"{key}.wav"
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        total += len(data)
    for old in args.out.glob("*.wav"):
        if old.stem not in clips:
            old.unlink()
            print(f"removed {old.name}")
    manifest = args.out / MANIFEST
    text = manifest_text(clips, espeak_version())
    if not manifest.exists() or manifest.read_text(encoding="utf-8") != text:
        manifest.write_text(text, encoding="utf-8")
    print(f"{len(clips)} clips, {total / 1024:.0f} KiB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
