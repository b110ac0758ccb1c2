"""Record the fallback voice clips for each language with espeak-ng.

    python tools/gen_voice.py [--lang en|de|es|fr|all] [--out DIR]

English goes to resources/sounds/voice/ (where it always was), every other
language to resources/sounds/voice/<lang>/, each folder with its own
manifest.json. The words are the chosen language's: fixed phrases through
the core translations, numbers by that language's rules
(``stretchguide.core.spoken_numbers``), exercise names and first
instructions from the translated catalog, recorded with espeak-ng's voice
for that language.

Used when no speech engine works at run time. Records every fixed phrase and
number word from ``stretchguide.core.cues`` and, for every built-in exercise,
its name and the first instruction its intro says, with fixed espeak-ng
settings (voice, speed, pitch) so a rerun with the same espeak-ng gives the
same clips. Each clip is mono 16 kHz 8-bit mu-law WAV (G.711; see
docs/ARCHITECTURE.md for why), silence trimmed from both ends (a short pad
and fade kept so nothing clicks), peak-normalised so the voice sits level
with the cue sounds. Clips nothing asks for any more
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
import struct
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from stretchguide.core import cues  # noqa: E402
from stretchguide.core.catalog import load_builtin  # noqa: E402
from stretchguide.core.i18n import available_languages, translate_catalog  # noqa: E402

ESPEAK_RATE = 22_050  # what espeak-ng writes
RATE = 16_000  # what the clips store: speech needs no more (see ARCHITECTURE.md)
VOICES = {"en": "en-us", "de": "de", "es": "es", "fr": "fr-fr"}
VOICE_ROOT = ROOT / "resources" / "sounds" / "voice"


def espeak_args(lang: str) -> list[str]:
    return ["-v", VOICES[lang], "-s", "150", "-p", "45", "-a", "100", "-g", "1", "-z"]


ESPEAK_ARGS = espeak_args("en")


def voice_dir(lang: str, root: Path = VOICE_ROOT) -> Path:
    """English at the top (where it always was), other languages in <lang>/."""
    return root if lang == "en" else root / lang


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


def speak_to_samples(text: str, lang: str = "en") -> np.ndarray:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "clip.wav"
        subprocess.run(["espeak-ng", *espeak_args(lang), "-w", str(out), text], check=True)
        with wave.open(str(out), "rb") as w:
            if (w.getnchannels(), w.getsampwidth(), w.getframerate()) != (1, 2, ESPEAK_RATE):
                raise RuntimeError(f"espeak-ng wrote an unexpected format for {text!r}")
            return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64)


def resample(x: np.ndarray, rate_in: int, rate_out: int) -> np.ndarray:
    """Linear interpolation, as the recognizer brings audio to 16 kHz.

    The voice-command model was tuned on the app's own clips read that way
    (tests/voice: its own clips must not turn into commands). A band-limited
    FFT resample, cleaner on paper, made 5-6 of the 152 English clips decode
    as a command instead of 4; espeak-ng has little above 8 kHz to fold back.
    """
    n_out = int(len(x) * rate_out / rate_in)
    return np.interp(np.arange(n_out) * (rate_in / rate_out), np.arange(len(x)), x)


def clip_bytes(text: str, lang: str) -> bytes:
    """One clip as stored: spoken, tidied at espeak-ng's rate, then 16 kHz mu-law."""
    tidied = np.round(tidy(speak_to_samples(text, lang), ESPEAK_RATE))
    return mulaw_wav_bytes(resample(tidied, ESPEAK_RATE, RATE))


def mulaw_encode(x: np.ndarray) -> bytes:
    """16-bit samples (as floats) to G.711 mu-law bytes."""
    bias, clip = 0x84, 32635
    v = np.clip(np.round(x), -clip, clip).astype(np.int32)
    sign = np.where(v < 0, 0x80, 0)
    mag = np.abs(v) + bias
    exponent = np.clip(np.floor(np.log2(mag)).astype(np.int32) - 7, 0, 7)
    mantissa = (mag >> (exponent + 3)) & 0x0F
    return (~(sign | (exponent << 4) | mantissa) & 0xFF).astype(np.uint8).tobytes()


def mulaw_wav_bytes(x: np.ndarray, rate: int = RATE) -> bytes:
    """A mono mu-law WAV: fmt (tag 7, with cbSize), fact and data chunks."""
    data = mulaw_encode(x)
    fmt = struct.pack("<HHIIHHH", 7, 1, rate, rate, 1, 8, 0)
    fact = struct.pack("<I", len(data))
    pad = b"\0" if len(data) % 2 else b""
    body = (
        b"WAVE"
        + b"fmt "
        + struct.pack("<I", len(fmt))
        + fmt
        + b"fact"
        + struct.pack("<I", len(fact))
        + fact
        + b"data"
        + struct.pack("<I", len(data))
        + data
        + pad
    )
    return b"RIFF" + struct.pack("<I", len(body)) + body


def tidy(x: np.ndarray, rate: int) -> np.ndarray:
    """Trimmed, faded and normalised samples (floats on the 16-bit scale)."""
    loud = np.flatnonzero(np.abs(x) >= SILENCE)
    if loud.size == 0:
        raise RuntimeError("espeak-ng produced silence")
    pad = int(PAD_S * rate)
    x = x[max(0, loud[0] - pad) : loud[-1] + pad + 1].copy()
    fade = int(FADE_S * rate)
    ramp = np.linspace(0.0, 1.0, fade)
    x[:fade] *= ramp
    x[-fade:] *= ramp[::-1]
    x *= (10 ** (PEAK_DBFS / 20) * 32767) / np.max(np.abs(x))
    return x


def wanted_clips(lang: str = "en") -> dict[str, str]:
    """Clip key -> the words to record, for every clip the app can ask for."""
    builtin = translate_catalog(load_builtin(), lang)
    return {**cues.all_fixed_clips(lang), **cues.recorded_clips(builtin.exercises.values())}


def manifest_text(clips: dict[str, str], version: str, lang: str = "en") -> str:
    manifest = {
        "language": lang,
        "espeak_ng": {"version": version, "args": shlex.join(espeak_args(lang))},
        "format": {"rate": RATE, "encoding": "mu-law", "bits": 8, "channels": 1},
        "clips": dict(sorted(clips.items())),
    }
    return json.dumps(manifest, indent=1, ensure_ascii=False) + "\n"


def record(lang: str, out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    clips = wanted_clips(lang)
    total = 0
    for key, text in sorted(clips.items()):
        data = clip_bytes(text, lang)
        path = out / f"{key}.wav"
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        total += len(data)
    for old in out.glob("*.wav"):
        if old.stem not in clips:
            old.unlink()
            print(f"removed {old.name}")
    manifest = out / MANIFEST
    text = manifest_text(clips, espeak_version(), lang)
    if not manifest.exists() or manifest.read_text(encoding="utf-8") != text:
        manifest.write_text(text, encoding="utf-8")
    print(f"{lang}: {len(clips)} clips, {total / 1024:.0f} KiB in {out}")
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="all", help="en, de, es, fr or all (default)")
    parser.add_argument("--out", type=Path, help="folder for one language (default: its own)")
    args = parser.parse_args(argv)
    if shutil.which("espeak-ng") is None:
        print("espeak-ng is not installed (apt-get install espeak-ng)", file=sys.stderr)
        return 1
    langs = list(available_languages()) if args.lang == "all" else [args.lang]
    unknown = [lang for lang in langs if lang not in VOICES]
    if unknown:
        print(
            f"no espeak-ng voice set for {', '.join(unknown)} (add it to VOICES)", file=sys.stderr
        )
        return 1
    if args.out is not None and len(langs) != 1:
        print("--out needs one --lang", file=sys.stderr)
        return 1
    for lang in langs:
        record(lang, args.out if args.out is not None else voice_dir(lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
