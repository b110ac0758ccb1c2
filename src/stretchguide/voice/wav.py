"""Recordings for `voice-check`, the tests and the own-voice check: a WAV file
as 16 kHz mono signed 16-bit samples, whatever its rate, channels and
sample format.

The RIFF chunks are read here rather than by ``wave``, which reads only
integer PCM (and on Python 3.11 not the extensible header that 24-bit and
multichannel recorders write): a recording of the person's room is taken
as the recorder made it, 8-, 16-, 24- or 32-bit PCM, 32- or 64-bit float,
mu-law (the app's own clips) or A-law (a telephone or dictation recorder).
The data is read and converted in blocks with numpy (which pyqtgraph
brings), so an hour's recording never sits in memory at its own rate, only
its 16 kHz mono result.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from stretchguide.clip_files import ALAW, MULAW, PCM, alaw_decode, mulaw_decode, riff_chunks
from stretchguide.core.messages import Message, said
from stretchguide.core.os_reasons import os_reason
from stretchguide.plain_files import NotPlainFileError, open_plain
from stretchguide.voice.acoustics import SAMPLE_BYTES, SAMPLE_RATE
from stretchguide.voice.errors import AudioFileError as AudioFileError  # callers import it here

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


FLOAT = 3  # beside clip_files' PCM, ALAW and MULAW
EXTENSIBLE = 0xFFFE
_SUPPORTED = {
    *((PCM, bits) for bits in (8, 16, 24, 32)),
    (FLOAT, 32),
    (FLOAT, 64),
    (MULAW, 8),
    (ALAW, 8),
}

# Frames read and converted at a time.
BLOCK_FRAMES = 1 << 18

# Sample rates a recording of speech can have. Below 4 kHz nothing of a voice
# is left to hear, and a header claiming 1 Hz would make every second of it
# 16,000 samples; above 768 kHz no sound card records.
MIN_RATE = 4000
MAX_RATE = 768000
MAX_CHANNELS = 64


@dataclass(frozen=True)
class _Format:
    tag: int
    channels: int
    rate: int
    bits: int

    @property
    def frame_bytes(self) -> int:
        return self.channels * self.bits // 8


# A microphone's sample formats (Qt's names for them), as a WAV format tag
# and sample width: what `StreamConverter` takes.
STREAM_SAMPLES: dict[str, tuple[int, int]] = {
    "UInt8": (PCM, 8),
    "Int16": (PCM, 16),
    "Int32": (PCM, 32),
    "Float": (FLOAT, 32),
}


def stream_format_error(sample: str, channels: int, rate: int) -> str:
    """Why `StreamConverter` cannot read this stream; "" when it can."""
    if sample not in STREAM_SAMPLES:
        return f"{sample} samples; readable are {', '.join(STREAM_SAMPLES)}"
    if not 1 <= channels <= MAX_CHANNELS or not MIN_RATE <= rate <= MAX_RATE:
        return f"{channels} channels at {rate} Hz"
    return ""


class StreamConverter:
    """A microphone's blocks, in any of `STREAM_SAMPLES` at any rate and
    channel count, as 16 kHz mono 16-bit samples, block by block.

    What `read_wav` does to a file, for a stream: a sample or frame cut by
    a block's end waits for the next block, and the filter and the
    interpolation carry their state across, so any cutting of the stream
    gives the same samples (the last few wait for a block that follows).
    Samples are little-endian, as on every machine the app ships for.
    """

    def __init__(self, sample: str, channels: int, rate: int) -> None:
        why = stream_format_error(sample, channels, rate)
        if why:
            raise ValueError(why)
        tag, bits = STREAM_SAMPLES[sample]
        self._format = _Format(tag, channels, rate, bits)
        self._convert = _Converter(channels, rate)
        self._carry = b""
        # What the recognizer hears already: whole samples passed on as they are.
        self._as_is = (sample, channels, rate) == ("Int16", 1, SAMPLE_RATE)

    def __call__(self, raw: bytes) -> bytes:
        if self._carry:
            raw = self._carry + raw
        usable = len(raw) - len(raw) % self._format.frame_bytes
        self._carry = raw[usable:]
        if self._as_is or not usable:
            return raw[:usable]
        return self._convert(_to_16_bit(raw[:usable], self._format))


@dataclass(frozen=True)
class Recording:
    """A recording as the recognizer hears it, and the rate it was made at."""

    pcm: bytes  # 16 kHz mono 16-bit
    rate: int  # the file's own

    @property
    def telephone_band(self) -> bool:
        """Recorded below 16 kHz: nothing is left above half its rate (4 kHz
        for 8 kHz), where the model looks for the hiss of "s" and "ch"."""
        return self.rate < SAMPLE_RATE


def read_wav(path: Path) -> bytes:
    """A WAV file as 16 kHz mono 16-bit samples (converted if need be)."""
    return read_recording(path).pcm


def read_recording(path: Path) -> Recording:
    """A WAV file as 16 kHz mono 16-bit samples, with the rate it was made at."""
    try:
        with open_plain(path) as fh:
            fmt, size = _header(path, fh)
            convert = _Converter(fmt.channels, fmt.rate)
            out: list[bytes] = []
            left = size
            while left > 0:
                raw = fh.read(min(left, BLOCK_FRAMES * fmt.frame_bytes))
                if not raw:
                    break  # the header promised more than the file holds
                left -= len(raw)
                out.append(convert(_to_16_bit(raw, fmt)))
            return Recording(convert.end(out), fmt.rate)
    except NotPlainFileError as exc:
        if exc.folder:
            raise AudioFileError(_a_folder(path)) from exc
        raise AudioFileError(said("{path}: a pipe or device, not a WAV file", path=path)) from exc
    except FileNotFoundError as exc:
        raise AudioFileError(said("{path}: no such file", path=path)) from exc
    except IsADirectoryError as exc:  # Windows opens no folder as a file
        raise AudioFileError(_a_folder(path)) from exc
    except OSError as exc:
        # The reason is the system's own ("Permission denied").
        raise AudioFileError(
            said("{path}: cannot be read ({reason})", path=path, reason=os_reason(exc))
        ) from exc


def _a_folder(path: Path) -> Message:
    return said("{path}: a folder, not a WAV file", path=path)


def _header(path: Path, fh: IO[bytes]) -> tuple[_Format, int]:
    """The file's format and the length of its samples, the file left at
    the first of them."""
    head = fh.read(12)
    if len(head) < 12:
        raise AudioFileError(
            said("{path}: not a readable WAV file (it ends inside its header)", path=path)
        )
    if head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        raise AudioFileError(
            said("{path}: not a readable WAV file (it does not start with RIFF/WAVE)", path=path)
        )
    fmt: _Format | None = None
    for name, size in riff_chunks(fh):
        if name == b"fmt ":
            fmt = _format(path, fh.read(size))
        elif name == b"data":
            if fmt is None:
                raise AudioFileError(
                    said(
                        "{path}: not a readable WAV file (its data comes before its format)",
                        path=path,
                    )
                )
            return fmt, size
    if fmt is None:
        raise AudioFileError(
            said("{path}: not a readable WAV file (it has no format chunk)", path=path)
        )
    raise AudioFileError(said("{path}: not a readable WAV file (it has no data chunk)", path=path))


def _format(path: Path, body: bytes) -> _Format:
    if len(body) < 16:
        raise AudioFileError(
            said("{path}: not a readable WAV file (its format chunk is cut short)", path=path)
        )
    tag, channels, rate, _, _, bits = struct.unpack("<HHIIHH", body[:16])
    if tag == EXTENSIBLE and len(body) >= 26:
        (tag,) = struct.unpack("<H", body[24:26])  # the sub-format GUID's first field
    if (tag, bits) not in _SUPPORTED:
        raise AudioFileError(_unsupported(path, tag, bits))
    if not 1 <= channels <= MAX_CHANNELS:
        raise AudioFileError(
            said(
                "{path}: {channels} channels; a recording has 1 to {most}",
                path=path,
                channels=channels,
                most=MAX_CHANNELS,
            )
        )
    if not MIN_RATE <= rate <= MAX_RATE:
        raise AudioFileError(
            said(
                "{path}: a sample rate of {rate} Hz; a recording of speech needs "
                "{low} to {high} Hz",
                path=path,
                rate=rate,
                low=MIN_RATE,
                high=MAX_RATE,
            )
        )
    return _Format(tag, channels, rate, bits)


SUPPORTED = said(
    "supported are 8-, 16-, 24- and 32-bit PCM, 32- and 64-bit floating point, mu-law and A-law"
)


def _unsupported(path: Path, tag: int, bits: int) -> Message:
    """Samples of a kind this reader does not take, said with what it takes."""
    names: dict[int, object] = {PCM: "PCM", ALAW: said("A-law"), MULAW: said("mu-law")}
    if tag in names:
        samples = said("{bits}-bit {kind} samples", bits=bits, kind=names[tag])
    elif tag == FLOAT:
        samples = said("{bits}-bit floating-point samples", bits=bits)
    else:
        samples = said("{bits}-bit format {tag} samples", bits=bits, tag=tag)
    return said("{path}: {samples}; {supported}", path=path, samples=samples, supported=SUPPORTED)


def _to_16_bit(raw: bytes, fmt: _Format) -> bytes:
    """Samples of any supported format as 16-bit little-endian ones (a
    trailing part of a sample dropped)."""
    import numpy as np

    width = fmt.bits // 8
    raw = raw[: len(raw) - len(raw) % width]
    if fmt.tag == MULAW:
        return mulaw_decode(raw)
    if fmt.tag == ALAW:
        return alaw_decode(raw)
    if fmt.tag == FLOAT:
        x: NDArray[np.float64] = np.frombuffer(raw, dtype=f"<f{width}").astype(np.float64)
        # Clipped before scaling: a sample of 1e300 (or Infinity) times 32768
        # overflowed, and numpy's warning reached the person's terminal.
        full = np.clip(np.nan_to_num(x, posinf=1.0, neginf=-1.0), -1.0, 1.0)
        scaled = np.clip(full * 32768.0, -32768, 32767)
        return np.trunc(scaled).astype("<i2").tobytes()
    if fmt.bits == 16:
        return raw
    if fmt.bits == 8:  # unsigned, centred on 128
        return (
            ((np.frombuffer(raw, dtype=np.uint8).astype(np.int16) - 128) << 8)
            .astype("<i2")
            .tobytes()
        )
    # 24- and 32-bit: the top two bytes of each little-endian sample.
    b = np.frombuffer(raw, dtype=np.uint8).reshape(-1, width)
    return np.ascontiguousarray(b[:, width - 2 :]).tobytes()


# The low-pass before a recording is taken down to 16 kHz. Without it,
# what lies between 8 kHz and half the recording's rate folds back into the
# band the decoder hears: espeak-ng's "this hurts" recorded at 22.05 kHz
# came out as "mute", cut to 0.39 s of its 0.84, where the same recording
# resampled by sox was "it hurts". Flat to 7 kHz (the decoder's filters end
# at 6.9 kHz), down by the window's 74 dB from 9 kHz, which folds to 7 kHz.
PASS_HZ = 7000
STOP_HZ = 9000
MAX_TAPS = 1023


def low_pass(rate: int) -> NDArray[np.float64]:
    """A windowed-sinc (Blackman) low-pass for ``rate``, odd length."""
    import numpy as np

    taps = min(MAX_TAPS, int(5.5 * rate / (STOP_HZ - PASS_HZ)) | 1)
    cut = (PASS_HZ + STOP_HZ) / 2 / rate
    n = np.arange(taps) - (taps - 1) / 2
    h: NDArray[np.float64] = 2 * cut * np.sinc(2 * cut * n) * np.blackman(taps)
    normalised: NDArray[np.float64] = h / h.sum()
    return normalised


class _Converter:
    """16-bit little-endian frames of any rate and channel count, block by
    block, to 16 kHz mono: channels averaged (rounded down), a higher rate
    low-passed (``low_pass``) and the rate changed by linear interpolation
    (enough for speech recognition at 16 kHz, once nothing above 8 kHz is
    left to fold back)."""

    def __init__(self, channels: int, rate: int) -> None:
        import numpy as np

        self._channels = channels
        self._rate = rate
        self._step = rate / SAMPLE_RATE
        self._seen = 0  # source samples so far
        self._done = 0  # source samples before the held one
        self._next = 0  # the next output sample
        self._held: NDArray[np.float64] | None = None  # the last source sample, not yet used up
        self._carry = b""  # a partial frame left from the last block
        self._filter = low_pass(rate) if rate > SAMPLE_RATE else None
        # The filter's memory: the last taps-1 samples it was given. It
        # starts with half a filter of silence before the recording, and
        # the first half a filter of output is dropped, so the filtered
        # recording is not delayed.
        half = 0 if self._filter is None else (len(self._filter) - 1) // 2
        self._history = np.zeros(half)
        self._skip = half

    def __call__(self, raw: bytes) -> bytes:
        import numpy as np

        raw = self._carry + raw
        frame = SAMPLE_BYTES * self._channels
        usable = len(raw) - len(raw) % frame
        self._carry = raw[usable:]
        x = np.frombuffer(raw[:usable], dtype="<i2").astype(np.int64)
        whole: NDArray[np.int64] = x.reshape(-1, self._channels).sum(axis=1) // self._channels
        self._seen += len(whole)
        if self._step == 1.0:
            return whole.astype("<i2").tobytes()
        return self._resample(self._filtered(whole.astype(np.float64)))

    def _filtered(self, x: NDArray[np.float64]) -> NDArray[np.float64]:
        import numpy as np

        if self._filter is None:
            return x
        taps = len(self._filter)
        data = np.concatenate([self._history, x])
        self._history = data[max(0, len(data) - (taps - 1)) :]
        if len(data) < taps:
            return data[:0]
        y: NDArray[np.float64] = np.convolve(data, self._filter, mode="valid")
        drop = min(self._skip, len(y))
        self._skip -= drop
        return y[drop:]

    def _resample(self, mono: NDArray[np.float64]) -> bytes:
        import numpy as np

        if self._held is not None:
            mono = np.concatenate([self._held, mono])
        if len(mono) < 2:
            self._held = mono
            return b""
        # Every output sample whose position lies before the last source
        # sample held here; that one waits for the next block's first.
        last = self._done + len(mono) - 1
        out = self._interpolate(mono, last)
        self._done = last
        self._held = mono[-1:]
        return out

    def _interpolate(self, mono: NDArray[np.float64], last: int) -> bytes:
        import numpy as np

        i = np.arange(self._next, self._next + int(len(mono) / self._step) + 2)
        pos = i * self._step
        i, pos = i[pos < last], pos[pos < last]
        self._next += len(i)
        j = pos.astype(np.int64)
        frac = pos - j
        a = mono[j - self._done]
        b = mono[j - self._done + 1]
        out = np.clip(np.trunc(a + (b - a) * frac), -32768, 32767)
        return out.astype("<i2").tobytes()

    def end(self, converted: list[bytes]) -> bytes:
        """The whole recording from its converted blocks: one sample for
        each 1/16000 s the source lasts, those past its last sample being
        that sample (the end of a recording is its own neighbour)."""
        import numpy as np

        if self._step == 1.0:
            return b"".join(converted)
        if self._filter is not None:  # the filter's last half, on silence after the end
            tail = self._filtered(np.zeros((len(self._filter) - 1) // 2))
            if len(tail):
                converted.append(self._resample(tail))
        pcm = b"".join(converted)
        total = int(self._seen * SAMPLE_RATE / self._rate)
        missing = max(0, total - len(pcm) // SAMPLE_BYTES)
        if missing and self._held is not None and len(self._held):
            last = int(np.clip(np.trunc(self._held[0]), -32768, 32767))
            pcm += np.full(missing, last, dtype="<i2").tobytes()
        return pcm[: SAMPLE_BYTES * total]
