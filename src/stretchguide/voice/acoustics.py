"""The audio checks around the decoder: the cue-tone test, the per-utterance
gain, the fixed noise floor the decoder is given and the microphone meter's
level (no Qt, no decoder).

Kept apart from ``recognizer`` (which re-exports them): these are plain
signal maths on 16 kHz mono 16-bit samples, tested on their own.
"""

from __future__ import annotations

import array
import math
import sys

SAMPLE_RATE = 16000
SAMPLE_BYTES = 2


# A cue tone (a sine, or a sine with an overtone) puts nearly all of each
# frame's power into one or two narrow peaks; speech spreads it over many
# harmonics and formants. Measured with 512-point frames: every cue sound of
# the app 0.996, the bench's spoken commands and the app's voice clips at
# most 0.87. StretchGuide's threshold, between the two.
TONE_PEAK_SHARE = 0.95
_TONE_FRAME = 512
_TONE_HOP = 160


def is_tone(pcm: bytes) -> bool:
    """True when the audio is a tone or chime rather than a voice.

    The engine has no word for a beep, so a cue tone decodes as the nearest
    short word ("no"); this keeps tones from ever becoming commands.
    """
    import numpy as np

    x = np.frombuffer(pcm[: len(pcm) - len(pcm) % SAMPLE_BYTES], dtype="<i2").astype(float)
    if len(x) < _TONE_FRAME:
        return False
    starts = range(0, len(x) - _TONE_FRAME + 1, _TONE_HOP)
    frames = np.stack([x[i : i + _TONE_FRAME] for i in starts]) * np.hanning(_TONE_FRAME)
    power = np.abs(np.fft.rfft(frames, axis=1)) ** 2
    energy = power.sum(axis=1)
    loud = energy > energy.max() * 1e-3
    if not loud.any():
        return False
    shares = []
    for spectrum in power[loud]:
        rest = spectrum.copy()
        peaks = 0.0
        for _ in range(2):  # the tone and one overtone, each +-2 bins
            k = int(rest.argmax())
            peaks += float(rest[max(0, k - 2) : k + 3].sum())
            rest[max(0, k - 2) : k + 3] = 0.0
        shares.append(peaks / float(spectrum.sum()))
    return float(np.median(shares)) >= TONE_PEAK_SHARE


# A fixed, seeded floor of faint noise (about -50 dBFS). The acoustic model
# normalises by the utterance's mean, and a recording with digital silence
# (a synthesised or edited file) has none, which wrecks short words: 7 of 72
# synthetic commands were heard without it, 60 of 72 with it. A microphone's
# own hiss is louder than this, so live audio is barely changed.
_NOISE_SIGMA = 100.0
_NOISE_FLOOR: array.array[int] = array.array("h")


def _noise_floor() -> array.array[int]:
    if not _NOISE_FLOOR:
        import random

        rng = random.Random(20261202)
        _NOISE_FLOOR.extend(int(rng.gauss(0.0, _NOISE_SIGMA)) for _ in range(SAMPLE_RATE))
    return _NOISE_FLOOR


# Automatic gain: speech from across the room arrives 10-20 dB quieter than
# at the keyboard, and the noise floor above (and the room's own hiss) then
# sits close under it. Each utterance is brought to about this loudness
# before decoding, judged on the endpointer's first window of it (at least
# nine tenths speech). StretchGuide's figures, tuned on the bench.
AGC_TARGET_RMS = 4500.0  # loudest 30 ms at about -17 dBFS
AGC_MAX_GAIN = 16.0  # +24 dB: more lifts the room's noise as much as the voice
AGC_MIN_GAIN = 1.0  # never quieter: loud speech is decoded as it comes
AGC_JUDGE_BYTES = SAMPLE_RATE * SAMPLE_BYTES * 3 // 10  # the first 0.3 s


def _utterance_gain(pcm: bytes) -> float:
    samples = array.array("h")
    samples.frombytes(pcm[: len(pcm) - len(pcm) % SAMPLE_BYTES])
    if sys.byteorder == "big":
        samples.byteswap()
    # The loudest 30 ms, not the mean: the window can hold a little of the
    # silence before the first word.
    frame = SAMPLE_RATE * 3 // 100
    peak = 0.0
    for i in range(0, max(1, len(samples) - frame + 1), frame):
        block = samples[i : i + frame]
        if block:
            peak = max(peak, sum(s * s for s in block) / len(block))
    if peak <= 0:
        return 1.0
    return max(AGC_MIN_GAIN, min(AGC_MAX_GAIN, AGC_TARGET_RMS / math.sqrt(peak)))


def _with_noise_floor(pcm: bytes, gain: float = 1.0) -> bytes:
    samples = array.array("h")
    samples.frombytes(pcm[: len(pcm) - len(pcm) % SAMPLE_BYTES])
    if sys.byteorder == "big":
        samples.byteswap()
    floor = _noise_floor()
    n = len(floor)
    out = array.array(
        "h",
        (max(-32768, min(32767, int(s * gain) + floor[i % n])) for i, s in enumerate(samples)),
    )
    if sys.byteorder == "big":
        out.byteswap()
    return out.tobytes()


def level(pcm: bytes) -> float:
    """Loudness of a block of samples, 0.0 (silence) to 1.0 (full scale), in dB terms.

    Mapped from -60..0 dBFS so quiet speech still moves a meter.
    """
    if len(pcm) < SAMPLE_BYTES:
        return 0.0
    samples = array.array("h")
    samples.frombytes(pcm[: len(pcm) - len(pcm) % SAMPLE_BYTES])
    if sys.byteorder == "big":
        samples.byteswap()
    mean_square = sum(s * s for s in samples) / len(samples)
    if mean_square <= 0:
        return 0.0
    dbfs = 10 * math.log10(mean_square / (32768.0 * 32768.0))
    return max(0.0, min(1.0, (dbfs + 60.0) / 60.0))
