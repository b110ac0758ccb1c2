"""Read the recorded voice clips: 8-bit mu-law WAV (G.711), standard library only.

The clips are stored as mu-law at 16 kHz (see docs/ARCHITECTURE.md, "Voice
clips in four languages": 16 KB per second against 44 for the old 16-bit
22.05 kHz files, so four languages fit the bundle). ``wave`` reads only PCM,
so this reads the RIFF chunks itself and expands mu-law to 16-bit samples
with two ``bytes.translate`` tables, which runs at C speed without numpy.
16-bit PCM WAV is read too, so any clip a person drops in still plays.

Shared by the player (``qt/audio.py``), the recognizer's file reader, the
self-test and the tests; Qt-free.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from stretchguide.core.i18n import _
from stretchguide.core.os_reasons import os_reason_text

PCM = 1
ALAW = 6
MULAW = 7


class ClipFormatError(ValueError):
    """Not a clip we can play: names the file and what is wrong."""


def _mulaw_to_linear(u: int) -> int:
    # ITU-T G.711: stored inverted; sign, 3-bit exponent, 4-bit mantissa.
    u = ~u & 0xFF
    magnitude = (((u & 0x0F) << 3) + 0x84) << ((u >> 4) & 0x07)
    return 0x84 - magnitude if u & 0x80 else magnitude - 0x84


_LINEAR = [_mulaw_to_linear(u) for u in range(256)]
_LOW = bytes(v & 0xFF for v in _LINEAR)
_HIGH = bytes((v >> 8) & 0xFF for v in _LINEAR)


def _alaw_to_linear(a: int) -> int:
    # ITU-T G.711: even bits inverted; sign (set = positive), 3-bit segment,
    # 4-bit mantissa, with the half-step added back.
    a ^= 0x55
    segment = (a >> 4) & 0x07
    magnitude = ((a & 0x0F) << 4) + 8
    if segment:
        magnitude = (magnitude + 0x100) << (segment - 1)
    return magnitude if a & 0x80 else -magnitude


_ALAW_LINEAR = [_alaw_to_linear(a) for a in range(256)]
_ALAW_LOW = bytes(v & 0xFF for v in _ALAW_LINEAR)
_ALAW_HIGH = bytes((v >> 8) & 0xFF for v in _ALAW_LINEAR)


def _expand(data: bytes, low: bytes, high: bytes) -> bytes:
    out = bytearray(2 * len(data))
    out[0::2] = data.translate(low)
    out[1::2] = data.translate(high)
    return bytes(out)


def mulaw_decode(data: bytes) -> bytes:
    """mu-law bytes to little-endian 16-bit samples."""
    return _expand(data, _LOW, _HIGH)


def alaw_decode(data: bytes) -> bytes:
    """A-law bytes (G.711's other half, the telephone format outside North
    America and Japan) to little-endian 16-bit samples."""
    return _expand(data, _ALAW_LOW, _ALAW_HIGH)


@dataclass(frozen=True)
class Clip:
    rate: int
    pcm: bytes  # mono, 16-bit little-endian
    stored_as: int  # PCM or MULAW

    @property
    def seconds(self) -> float:
        return len(self.pcm) / 2 / self.rate


def riff_chunks(fh: IO[bytes]) -> Iterator[tuple[bytes, int]]:
    """The chunks of a RIFF file from where ``fh`` is, as (name, size of the body).

    At each, ``fh`` is at the start of the body; the caller reads it or not,
    and the next chunk is found from where the body started (chunks are
    padded to an even length). Ends at the end of the file or at a chunk
    header cut short. Shared with the recording reader (``voice/wav.py``).
    """
    while len(head := fh.read(8)) == 8:
        (size,) = struct.unpack("<I", head[4:])
        body = fh.tell()
        yield head[:4], size
        fh.seek(body + size + (size & 1))


def read_clip(path: Path) -> Clip:
    """A mono clip as 16-bit samples; :class:`ClipFormatError` if it is not one."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ClipFormatError(
            _("{path}: cannot be read ({reason})").format(path=path, reason=os_reason_text(exc))
        ) from exc
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise ClipFormatError(_("{path}: not a WAV file").format(path=path))
    fmt: tuple[int, int, int, int] | None = None
    samples: bytes | None = None
    fh = io.BytesIO(data)
    fh.seek(12)
    for name, size in riff_chunks(fh):
        if name == b"fmt " and len(body := fh.read(size)) >= 16:
            tag, channels, rate, _byte_rate, _align, bits = struct.unpack("<HHIIHH", body[:16])
            fmt = (tag, channels, rate, bits)
        elif name == b"data":
            samples = fh.read(size)
    if fmt is None or samples is None:
        raise ClipFormatError(
            _("{path}: a WAV file without its format or its sound").format(path=path)
        )
    tag, channels, rate, bits = fmt
    if channels != 1:
        raise ClipFormatError(
            _("{path}: {channels} channels; a clip has one (mono)").format(
                path=path, channels=channels
            )
        )
    if tag == MULAW and bits == 8:
        return Clip(rate, mulaw_decode(samples), MULAW)
    if tag == PCM and bits == 16:
        return Clip(rate, samples[: len(samples) - len(samples) % 2], PCM)
    raise ClipFormatError(
        _("{path}: format {tag}, {bits}-bit; a clip is mu-law or 16-bit PCM").format(
            path=path, tag=tag, bits=bits
        )
    )
