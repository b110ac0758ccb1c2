"""Recordings for `voice-check`, the tests and the own-voice check: a WAV file
as 16 kHz mono signed 16-bit samples, whatever its rate and channels.

Standard library only (and the app's own clip reader, for its mu-law clips).
"""

from __future__ import annotations

import array
import sys
import wave
from pathlib import Path

from stretchguide.clip_files import ClipFormatError, read_clip
from stretchguide.voice.acoustics import SAMPLE_BYTES, SAMPLE_RATE


class AudioFileError(Exception):
    """A recording cannot be read (file and reason in the message)."""


def read_wav(path: Path) -> bytes:
    """A WAV file as 16 kHz mono 16-bit samples (converted if need be)."""
    try:
        with wave.open(str(path), "rb") as wav:
            channels = wav.getnchannels()
            width = wav.getsampwidth()
            rate = wav.getframerate()
            raw = wav.readframes(wav.getnframes())
    except FileNotFoundError as exc:
        raise AudioFileError(f"{path}: no such file") from exc
    except wave.Error as exc:
        # The app's own voice clips are mu-law WAV, which ``wave`` cannot read.
        try:
            clip = read_clip(path)
        except ClipFormatError:
            raise AudioFileError(f"{path}: not a readable WAV file ({exc})") from exc
        channels, width, rate, raw = 1, SAMPLE_BYTES, clip.rate, clip.pcm
    except EOFError as exc:  # carries no message of its own
        reason = "it ends inside its header"
        raise AudioFileError(f"{path}: not a readable WAV file ({reason})") from exc
    except OSError as exc:
        raise AudioFileError(f"{path}: not a readable WAV file ({exc})") from exc
    if width != SAMPLE_BYTES:
        raise AudioFileError(f"{path}: {8 * width}-bit samples; only 16-bit PCM WAV is supported")
    samples = array.array("h")
    samples.frombytes(raw[: len(raw) - len(raw) % (SAMPLE_BYTES * channels)])
    if sys.byteorder == "big":
        samples.byteswap()
    if channels > 1:
        samples = array.array(
            "h",
            (sum(samples[i : i + channels]) // channels for i in range(0, len(samples), channels)),
        )
    if rate != SAMPLE_RATE:
        samples = _resample(samples, rate, SAMPLE_RATE)
    if sys.byteorder == "big":
        samples.byteswap()
    return samples.tobytes()


def _resample(samples: array.array[int], src: int, dst: int) -> array.array[int]:
    # Linear interpolation: enough for speech recognition at 16 kHz, and the
    # standard library has nothing better since audioop went away.
    if not samples:
        return samples
    n_out = int(len(samples) * dst / src)
    step = src / dst
    out = array.array("h", bytes(2 * n_out))
    last = len(samples) - 1
    for i in range(n_out):
        pos = i * step
        j = int(pos)
        frac = pos - j
        a = samples[j]
        b = samples[j + 1] if j < last else a
        out[i] = int(a + (b - a) * frac)
    return out
