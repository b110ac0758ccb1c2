"""Knowing the app's own voice: is an utterance one of its recorded clips?

The microphone is closed while the app speaks (voice/duplex.py), so in a
session its lines never reach the recognizer. This is the second line: the
app has every clip it can say on disk, so an utterance that matches one of
them, sound for sound, is the app talking (fed straight in, or heard back
from the speakers a moment late) and is never a command.

How: each clip and each utterance becomes a sequence of mel-cepstra (10 ms
frames, c1-c12: loudness, c0, does not count), trimmed to where the speech
is; dynamic time warping finds the best alignment of the utterance to each
clip piece of about its length, and the mean distance per frame along it is
the score. The same sounds from the same synthetic voice score far lower than a
person's command: the threshold and its margin are in docs/PERFORMANCE.md.

No Qt. numpy (which pyqtgraph brings) is imported when the clips are first
read, on the recognizer's thread.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from stretchguide.voice.acoustics import audible
from stretchguide.voice.endpointer import END_WINDOW_S, RATIO, Endpointer

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

SAMPLE_RATE = 16000
FRAME = 400  # 25 ms
HOP = 160  # 10 ms
N_FFT = 512
N_MELS = 26
N_CEPS = 12  # c1..c12: c0 is loudness, which says nothing about whose voice
TRIM_DB = 35.0  # speech is where the frame energy is within this of the peak
# An utterance is compared with clips whose speech lasts between these
# fractions of its own (the endpointer keeps a little of the silence around
# it, a clip heard in a room rings on a little).
LENGTH_RATIO = (0.6, 1.7)
SLACK = 15  # 150 ms
PAD = 1e4  # fills the frames past a clip's end: no cepstrum comes near it
MIN_FRAMES = 5  # 50 ms of speech: less is a click, not a word

# The highest mean per-frame distance at which an utterance counts as one of
# the app's clips. StretchGuide's figure, calibrated in docs/PERFORMANCE.md
# ("Voice commands", own voice).
MATCH_DISTANCE = 7.0


@dataclass(frozen=True)
class Match:
    """The clip an utterance is closest to, and how close (mean distance per frame)."""

    clip: str
    distance: float


@functools.cache
def _tables() -> tuple[NDArray[np.float32], NDArray[np.float32]]:
    """The mel filter bank (FFT bins x mels) and the DCT to c1..c12."""
    import numpy as np

    def mel(f: NDArray[np.float64]) -> NDArray[np.float64]:
        return np.asarray(2595.0 * np.log10(1.0 + f / 700.0))

    lo, hi = mel(np.array(100.0)), mel(np.array(7000.0))
    points = 700.0 * (10 ** (np.linspace(lo, hi, N_MELS + 2) / 2595.0) - 1.0)
    bins = np.fft.rfftfreq(N_FFT, 1.0 / SAMPLE_RATE)
    bank = np.zeros((N_FFT // 2 + 1, N_MELS))
    for m in range(N_MELS):
        left, centre, right = points[m : m + 3]
        up = (bins - left) / (centre - left)
        down = (right - bins) / (right - centre)
        bank[:, m] = np.clip(np.minimum(up, down), 0.0, None)
    k = np.arange(N_MELS)
    dct = np.cos(np.pi / N_MELS * (k[:, None] + 0.5) * np.arange(1, N_CEPS + 1)[None, :])
    return bank.astype(np.float32), dct.astype(np.float32)


@functools.cache
def _window() -> NDArray[np.float32]:
    import numpy as np

    return np.hamming(FRAME).astype(np.float32)


def features(pcm: bytes) -> NDArray[np.float32]:
    """The utterance's speech as mel-cepstra (c1..c12), one row per 10 ms."""
    import numpy as np

    x = np.frombuffer(pcm[: len(pcm) - len(pcm) % 2], dtype="<i2").astype(np.float32) / 32768.0
    if len(x) < FRAME:
        return np.zeros((0, N_CEPS), dtype=np.float32)
    x = np.append(x[0], x[1:] - 0.97 * x[:-1])
    frames = np.lib.stride_tricks.sliding_window_view(x, FRAME)[::HOP] * _window()
    spectrum = np.fft.rfft(frames, N_FFT)
    power = spectrum.real**2 + spectrum.imag**2
    bank, dct = _tables()
    logmel = np.log(power @ bank + 1e-10)
    energy = 10.0 * np.log10(power.sum(axis=1) + 1e-10)
    speech = np.flatnonzero(energy >= energy.max() - TRIM_DB)
    # No mean or spread taken out: that would make every frame depend on
    # where the endpointer cut the utterance. Loudness is c0 alone, left out.
    ceps: NDArray[np.float32] = (logmel[speech[0] : speech[-1] + 1] @ dct).astype(np.float32)
    return ceps


def _warp(
    utt: NDArray[np.float32],
    clips: NDArray[np.float32],
    lengths: NDArray[np.int64],
    limit: float = math.inf,
) -> NDArray[np.float64]:
    """Mean distance per utterance frame of the best alignment with each clip.

    Each utterance frame moves the clip on by 0, 1 or 2 frames, so the warp
    runs row by row and every clip goes through at once. The alignment may
    start and end up to SLACK frames inside the clip (the endpointer and the
    trim do not cut a quieter or offset copy at exactly the same frame).
    Clips are padded to the longest (with a value no frame comes near); a
    clip's score is read near where its own frames end. A clip that cannot
    score ``limit`` or better (each utterance frame's nearest clip frame,
    in any order, already costs more) is not warped and scores infinity.
    """
    import numpy as np

    n, width, dims = clips.shape
    t = len(utt)
    # |u - c|^2 for every frame pair of every clip, as one matrix product:
    # (utt frames, clips * clip frames), then one row per utterance frame.
    sq = utt @ clips.reshape(n * width, dims).T
    sq *= -2.0
    sq += (utt**2).sum(axis=1)[:, None]
    sq += (clips**2).sum(axis=2).reshape(1, -1)
    sq = sq.reshape(t, n, width)
    result = np.full(n, np.inf)
    nearest = np.sqrt(np.maximum(sq.min(axis=2), 0.0))
    keep = np.flatnonzero(nearest.mean(axis=0) <= limit)
    if len(keep) == 0:
        return result
    sq, lengths, n = sq[:, keep, :], lengths[keep], len(keep)
    cost = np.sqrt(np.maximum(sq, 0.0, out=sq), out=sq)
    acc = np.full((n, width), np.inf, dtype=np.float32)
    acc[:, : SLACK + 1] = cost[0, :, : SLACK + 1]
    best = np.empty_like(acc)
    for i in range(1, t):
        best[:] = acc
        np.minimum(best[:, 1:], acc[:, :-1], out=best[:, 1:])
        np.minimum(best[:, 2:], acc[:, :-2], out=best[:, 2:])
        np.add(cost[i], best, out=acc)
    j = np.arange(width)[None, :]
    last = lengths[:, None] - 1
    ends = (j <= last) & (j >= last - SLACK)
    result[keep] = np.where(ends, acc, np.inf).min(axis=1) / t
    return result


class OwnVoice:
    """The app's recorded clips, ready to be compared with what the microphone heard.

    ``clips`` are (name, pieces) pairs: a piece is a stretch of the clip the
    endpointer would hand the decoder as one utterance (a clip with a pause
    in it comes in two), or the whole clip (in a room, the echo can bridge
    the pause).
    """

    def __init__(self, clips: Iterable[tuple[str, Iterable[bytes]]]) -> None:
        self._names: list[str] = []
        self._feats: list[NDArray[np.float32]] = []
        for name, pieces in clips:
            for pcm in pieces:
                f = features(pcm)
                if len(f) >= MIN_FRAMES:
                    self._names.append(name)
                    self._feats.append(f)
        self._lengths = [len(f) for f in self._feats]

    def __len__(self) -> int:
        return len(self._names)

    def closest(self, pcm: bytes, limit: float = math.inf) -> Match | None:
        """The clip piece of about its length ``pcm`` (one utterance) is nearest to.

        Only pieces that may score ``limit`` or better are measured; None
        when there is none.
        """
        import numpy as np

        utt = features(pcm)
        if len(utt) < MIN_FRAMES:
            return None
        lo, hi = LENGTH_RATIO
        picked = [i for i, n in enumerate(self._lengths) if lo * len(utt) <= n <= hi * len(utt)]
        if not picked:
            return None
        width = max(self._lengths[i] for i in picked)
        stack = np.full((len(picked), width, N_CEPS), PAD, dtype=np.float32)
        for row, i in enumerate(picked):
            stack[row, : self._lengths[i]] = self._feats[i]
        lengths = np.array([self._lengths[i] for i in picked], dtype=np.int64)
        scores = _warp(utt, stack, lengths, limit)
        best = int(np.argmin(scores))
        if not math.isfinite(scores[best]):
            return None
        return Match(self._names[picked[best]], float(scores[best]))

    def is_own(self, pcm: bytes) -> Match | None:
        """The matching clip when ``pcm`` is the app's own voice, else None."""
        match = self.closest(pcm, MATCH_DISTANCE)
        return match if match is not None and match.distance <= MATCH_DISTANCE else None


def default_clip_folder() -> Path | None:
    """``resources/sounds/voice`` of this install (source tree, wheel or bundle)."""
    # qt/assets imports no Qt at module level (the CLI's selftest uses it
    # too); it is the one place that knows the three ways the app is laid out.
    from stretchguide.qt.assets import MissingAssetError, resources_root

    try:
        folder = resources_root() / "sounds" / "voice"
    except MissingAssetError:
        return None
    return folder if folder.is_dir() else None


def clip_paths(folder: Path) -> list[Path]:
    """Every recorded voice clip under ``folder`` (English at the top, other languages below)."""
    return sorted(folder.rglob("*.wav"))


def speech_pieces(
    pcm: bytes, endpoint_window_s: float = END_WINDOW_S, endpoint_ratio: float = RATIO
) -> list[bytes]:
    """The stretches of ``pcm`` the endpointer hands on as utterances (the recognizer's cuts)."""
    from stretchguide.voice.recognizer import _engine

    ps = _engine()
    ep = Endpointer(ps, SAMPLE_RATE, end_window_s=endpoint_window_s, ratio=endpoint_ratio)
    fb = int(ep.frame_bytes)
    usable = len(pcm) - len(pcm) % fb
    frames = [audible(pcm[offset : offset + fb]) for offset in range(0, usable, fb)]
    # As `recognise` hears a recording: a first pass only teaches the
    # detector the noise level (which a microphone's has long learnt).
    for frame in frames:
        ep.listen(frame)
    pieces: list[bytes] = []
    current: list[bytes] = []
    for frame in frames:
        speech = ep.process(frame)
        if speech is not None:
            current.append(speech)
            if not ep.in_speech:
                pieces.append(b"".join(current))
                current = []
    if ep.in_speech:  # with or without a tail: the endpointer still holds speech
        current.append(ep.end_stream(pcm[usable:]) or b"")
    if current:
        pieces.append(b"".join(current))
    return pieces


@functools.cache
def default_own_voice(
    endpoint_window_s: float = END_WINDOW_S, endpoint_ratio: float = RATIO
) -> OwnVoice | None:
    """Every clip the app can say, each whole and as the endpointer cuts it.

    Read once per process (about 1.4 s of processor time for the four
    languages' 638 clips with the engine's import, 1.3 s before s29 cut
    them as `recognise` does; on the recognizer's thread). None when the
    install has no clips (the check is then off, not broken).
    """
    from stretchguide.voice.wav import AudioFileError, read_wav

    folder = default_clip_folder()
    if folder is None:
        return None

    def clips() -> Iterator[tuple[str, list[bytes]]]:
        # One clip at a time: only its features stay (5.5 MB for all 638).
        for path in clip_paths(folder):
            try:
                pcm = read_wav(path)
            except AudioFileError:
                continue  # a damaged clip is the selftest's to report; it cannot be matched
            pieces = speech_pieces(pcm, endpoint_window_s, endpoint_ratio)
            # A clip said in one breath is its one piece; one with a pause in
            # it is also kept whole, for when the pause is too short to cut it.
            yield (
                path.relative_to(folder).as_posix(),
                [pcm, *pieces] if len(pieces) > 1 else pieces or [pcm],
            )

    return OwnVoice(clips())
