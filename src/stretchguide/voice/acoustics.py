"""The audio checks around the decoder: the cue-tone test, the voice and
whisper tests, the per-utterance gain, the fixed noise floor the decoder is
given and the microphone meter's level (no Qt, no decoder).

Kept apart from ``recognizer`` (which re-exports them): these are plain
signal maths on 16 kHz mono 16-bit samples, tested on their own.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

SAMPLE_RATE = 16000
SAMPLE_BYTES = 2


# A cue tone (a sine, or a sine with an overtone) puts nearly all of each
# frame's power into one or two narrow peaks; speech spreads it over many
# harmonics and formants. Measured with 512-point frames: every cue sound of
# the app 0.996, the bench's espeak-ng commands and the app's voice clips at
# most 0.87. But a voice whose power sits in its lowest harmonics does too:
# flite's "slt" saying "mute", "resume" or "repeat" 0.97-0.99, so those were
# dropped as tones. What no voice does is hold its pitch: a tone's loudest
# frequency moves less than 0.25 Hz from one 10 ms frame to the next (25 Hz
# a second) in 95-100 % of frames for every cue, in at most 14 % for the
# flite voices (espeak-ng's glide more). A tone must do both.
# StretchGuide's thresholds, between the two.
TONE_PEAK_SHARE = 0.95
TONE_STEADY_SHARE = 0.8
TONE_DRIFT_HZ = 0.25
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
    frames = np.lib.stride_tricks.sliding_window_view(x, _TONE_FRAME)[::_TONE_HOP]
    power = np.abs(np.fft.rfft(frames * np.hanning(_TONE_FRAME), axis=1)) ** 2
    energy = power.sum(axis=1)
    loud = power[energy > energy.max() * 1e-3]
    if len(loud) == 0:
        return False
    shares = []
    for spectrum in loud:
        rest = spectrum.copy()
        peaks = 0.0
        for _ in range(2):  # the tone and one overtone, each +-2 bins
            k = int(rest.argmax())
            peaks += float(rest[max(0, k - 2) : k + 3].sum())
            rest[max(0, k - 2) : k + 3] = 0.0
        shares.append(peaks / float(spectrum.sum()))
    if float(np.median(shares)) < TONE_PEAK_SHARE:
        return False
    return _steady_share(loud) >= TONE_STEADY_SHARE


def _steady_share(power: Any) -> float:
    """How often the loudest frequency moves less than TONE_DRIFT_HZ between frames."""
    import numpy as np

    p = np.log(power[:, 1:-1] + 1e-9)  # the bins with neighbours both sides
    if len(p) < 2:
        return 0.0
    k = np.clip(p.argmax(axis=1), 1, p.shape[1] - 2)
    rows = np.arange(len(p))
    a, b, c = p[rows, k - 1], p[rows, k], p[rows, k + 1]
    curve = a - 2.0 * b + c
    # Where the peak sits between bins (a parabola through the three).
    offset = np.where(curve != 0.0, 0.5 * (a - c) / np.where(curve != 0.0, curve, 1.0), 0.0)
    hz = (k + 1 + offset) * SAMPLE_RATE / _TONE_FRAME
    return float(np.mean(np.abs(np.diff(hz)) < TONE_DRIFT_HZ))


# A fixed, seeded floor of faint noise (about -50 dBFS). The acoustic model
# normalises by the utterance's mean, and a recording with digital silence
# (a synthesised or edited file) has none, which wrecks short words: 7 of 72
# synthetic commands were heard without it, 60 of 72 with it. A microphone's
# own hiss is louder than this, so live audio is barely changed.
_NOISE_SIGMA = 100.0


@cache
def _noise_floor() -> Any:
    """One second of the floor, as int64 samples (the same every run)."""
    import random

    import numpy as np

    rng = random.Random(20261202)
    return np.array([int(rng.gauss(0.0, _NOISE_SIGMA)) for _ in range(SAMPLE_RATE)], np.int64)


# A voice has a pitch: within 30 ms its waveform repeats every 2.5-15 ms
# (400-66 Hz, or a multiple of the period). Room noise does not. Differenced
# first (pre-emphasis), which turns a fan's rumble, brown noise, into white
# noise: undifferenced, the rumble's slow swell looked periodic. Measured:
# every utterance room noise opened (brown, pink and white, -45 to -19
# dBFS) peaked at 0.17-0.27; every command heard right, the 28 voices clean
# and far-field (647), had a frame over 0.5, the first within 0.3 s of the
# utterance's start (median 0.03 s). StretchGuide's threshold, between.
VOICED_CORRELATION = 0.5
VOICED_FRAME_BYTES = SAMPLE_RATE * SAMPLE_BYTES * 3 // 100  # 30 ms
_PITCH_LAGS = (40, 240)  # samples: 2.5-15 ms


def is_voiced(frame: bytes) -> bool:
    """True when ``frame`` (about 30 ms) repeats at a voice's pitch.

    The normalised correlation of the differenced frame with itself
    shifted by each lag in the pitch range, each side's energy counted
    over the samples that overlap.
    """
    import numpy as np

    x = np.frombuffer(frame[: len(frame) - len(frame) % SAMPLE_BYTES], dtype="<i2")
    lo, hi = _PITCH_LAGS
    d = np.diff(x.astype(float))
    n = len(d)
    if n <= hi:
        return False
    d -= d.mean()
    cum = np.cumsum(d * d)
    if cum[-1] <= 0.0:
        return False
    spectrum = np.fft.rfft(d, 2 * n)
    corr = np.fft.irfft(spectrum * np.conj(spectrum), 2 * n)[lo : hi + 1]
    lags = np.arange(lo, hi + 1)
    head = cum[n - lags - 1]  # energy of d[:-lag]
    tail = cum[-1] - cum[lags - 1]  # energy of d[lag:]
    norm = np.sqrt(head * tail)
    ok = norm > 0.0
    return bool(np.any(corr[ok] > VOICED_CORRELATION * norm[ok]))


# A whisper has no pitch, but its sounds change: the hiss of an "s", then a
# vowel's formants. Steady room noise keeps the balance of its high band
# (2-5 kHz) to its low band (0.3-1 kHz). Measured, that balance in dB,
# smoothed over three 30 ms frames, had a standard deviation of 0.4-1.2
# over each burst of brown, pink and white noise the detector opened, and
# 1.6 or more in every utterance of espeak-ng's three whispering voices.
# StretchGuide's threshold, nearer the noise: a steady noise taken for a
# whisper is only decoded, as every burst was before.
WHISPER_BALANCE_DB = 1.4


def is_changing(pcm: bytes) -> bool:
    """True when the sound's high-to-low balance moves as speech does."""
    import numpy as np

    x = np.frombuffer(pcm[: len(pcm) - len(pcm) % SAMPLE_BYTES], dtype="<i2").astype(float)
    size = VOICED_FRAME_BYTES // SAMPLE_BYTES
    if len(x) < 3 * size:
        return False
    frames = x[: len(x) - len(x) % size].reshape(-1, size)
    power = np.abs(np.fft.rfft(frames * np.hanning(size), 512, axis=1)) ** 2
    freqs = np.fft.rfftfreq(512, 1 / SAMPLE_RATE)
    low = power[:, (freqs >= 300) & (freqs < 1000)].sum(axis=1) + 1e-9
    high = power[:, (freqs >= 2000) & (freqs < 5000)].sum(axis=1) + 1e-9
    balance = np.convolve(10 * np.log10(high / low), np.ones(3) / 3, "valid")
    return bool(np.std(balance) > WHISPER_BALANCE_DB)


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
    import numpy as np

    x = np.frombuffer(pcm[: len(pcm) - len(pcm) % SAMPLE_BYTES], dtype="<i2").astype(np.float64)
    if len(x) == 0:
        return 1.0
    # The loudest 30 ms, not the mean: the window can hold a little of the
    # silence before the first word. Whole windows only, unless there is less.
    frame = SAMPLE_RATE * 3 // 100
    windows = x[None, :] if len(x) < frame else x[: len(x) // frame * frame].reshape(-1, frame)
    peak = float((windows * windows).mean(axis=1).max())
    if peak <= 0:
        return 1.0
    return max(AGC_MIN_GAIN, min(AGC_MAX_GAIN, AGC_TARGET_RMS / math.sqrt(peak)))


def _with_noise_floor(pcm: bytes, gain: float = 1.0) -> bytes:
    # numpy, not a loop over samples: this runs on every block of every
    # utterance, and in Python it was a fifth of the idle-listening CPU.
    import numpy as np

    x = np.frombuffer(pcm[: len(pcm) - len(pcm) % SAMPLE_BYTES], dtype="<i2")
    floor = np.resize(_noise_floor(), len(x))  # repeated from its start each block
    lifted = np.trunc(x * gain).astype(np.int64) + floor
    out: bytes = np.clip(lifted, -32768, 32767).astype("<i2").tobytes()
    return out


# Digital silence (every sample 0: a synthesised or edited recording, never
# a microphone) as the endpointer's voice detector sees it: it learns no
# noise level from it, opens on a voice late and closes early. espeak-ng's
# "this hurts" padded with zeros was heard from 0.75 s as "mute"; with one
# step of dither in the silence, from 0.51 s as "it hurts", as sox's
# dithered copy of it was. So a frame of zeros is given that dither: the
# quietest sound a 16-bit recording can hold, never louder than a real
# room, and anything else is passed on untouched.
@cache
def _dither(size: int) -> bytes:
    import random

    rng = random.Random(20261203)
    return b"".join(
        rng.choice((-1, 0, 1)).to_bytes(2, "little", signed=True) for _ in range(size // 2)
    )


def audible(frame: bytes) -> bytes:
    """``frame``, or one step of seeded dither if it is digital silence."""
    if frame.count(0) != len(frame):
        return frame
    return _dither(len(frame))


def all_zero(pcm: bytes) -> bool:
    """Nothing but exact zeros: what a muted microphone gives, never a working one."""
    return pcm.count(0) == len(pcm)  # at C speed


def level(pcm: bytes) -> float:
    """Loudness of a block of samples, 0.0 (silence) to 1.0 (full scale), in dB terms.

    Mapped from -60..0 dBFS so quiet speech still moves a meter.
    """
    if len(pcm) < SAMPLE_BYTES:
        return 0.0
    import numpy as np

    x = np.frombuffer(pcm[: len(pcm) - len(pcm) % SAMPLE_BYTES], dtype="<i2").astype(np.float64)
    mean_square = float((x * x).mean())
    if mean_square <= 0:
        return 0.0
    dbfs = 10 * math.log10(mean_square / (32768.0 * 32768.0))
    return max(0.0, min(1.0, (dbfs + 60.0) / 60.0))
