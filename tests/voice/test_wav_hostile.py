"""Recordings that lie: every class of a generated corpus is read or named.

`stretchguide voice-check FILE.wav` reads whatever a person points it at.
A file is either read as 16 kHz mono or refused with an ``AudioFileError``
naming it; nothing else reaches the terminal (numpy's overflow warning did,
for floating-point samples of 1e300 or Infinity), and a file's name never
splits or recolours the output.
"""

from __future__ import annotations

import random
import struct
import warnings
from pathlib import Path

import pytest

from stretchguide.voice.wav import AudioFileError, read_recording


def _wav(
    tag: int = 1,
    channels: int = 1,
    rate: int = 16000,
    bits: int = 16,
    data: bytes = b"\x00\x01" * 1600,
    *,
    extra: bytes = b"",
    data_size: int | None = None,
    fmt_size: int | None = None,
) -> bytes:
    frame = (channels * bits // 8) & 0xFFFF
    body = struct.pack("<HHIIHH", tag, channels, rate, (rate * frame) & 0xFFFFFFFF, frame, bits)
    body += extra
    fmt = b"fmt " + struct.pack("<I", len(body) if fmt_size is None else fmt_size) + body
    chunk = b"data" + struct.pack("<I", len(data) if data_size is None else data_size) + data
    inner = b"WAVE" + fmt + chunk
    return b"RIFF" + struct.pack("<I", len(inner)) + inner


GOOD = _wav()
EXTENSIBLE_PCM = b"\x16\x00" + b"\x00" * 6 + struct.pack("<H", 1) + b"\x00" * 14


def _corpus() -> dict[str, list[bytes]]:
    rng = random.Random(37)
    flips = []
    for _ in range(300):
        body = bytearray(GOOD)
        body[rng.randrange(44)] ^= 1 << rng.randrange(8)
        flips.append(bytes(body))
    bits = [
        _wav(tag=tag, bits=b, extra=EXTENSIBLE_PCM if tag == 0xFFFE else b"")
        for b in (0, 1, 4, 12, 20, 48, 64, 65535)
        for tag in (0, 1, 2, 3, 6, 7, 0xFFFE)
    ]
    floats = [
        struct.pack("<4f", float("nan"), float("inf"), -float("inf"), 3e38) * 50,
        struct.pack("<4d", float("nan"), float("inf"), -float("inf"), 1e300) * 50,
    ]
    return {
        "truncated at every byte": [GOOD[:i] for i in range(len(GOOD))],
        "header bit flips": flips,
        "channels": [_wav(channels=c, data=b"\x00" * 600) for c in (0, 3, 64, 65, 65535)],
        "sample rates": [_wav(rate=r) for r in (0, 1, 3999, 768001, 2**31, 2**32 - 1)],
        "bit depths and format tags": bits,
        "lying sizes": [_wav(data_size=n) for n in (0, 1, 3, 2**31, 2**32 - 1)]
        + [_wav(fmt_size=n) for n in (0, 2, 15, 2**31, 2**32 - 1)],
        "not a WAV": [b"", b"hello\n" * 20, b"RIFX" + GOOD[4:], b"RF64" + GOOD[4:], GOOD[:36]],
        "NaN and Infinity samples": [
            _wav(tag=3, bits=32, data=floats[0]),
            _wav(tag=3, bits=64, data=floats[1]),
        ],
    }


CORPUS = _corpus()


@pytest.mark.parametrize("cls", list(CORPUS))
def test_every_recording_in_the_class_is_read_or_named_quietly(tmp_path: Path, cls: str) -> None:
    path = tmp_path / "room.wav"
    for body in CORPUS[cls]:
        path.write_bytes(body)
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a warning would be printed to the person
            try:
                recording = read_recording(path)
            except AudioFileError as err:
                assert str(path) in str(err)
                continue
        assert len(recording.pcm) % 2 == 0


def test_samples_beyond_full_scale_are_full_scale(tmp_path: Path) -> None:
    path = tmp_path / "loud.wav"
    data = struct.pack("<4d", float("inf"), -float("inf"), 1e300, float("nan"))
    path.write_bytes(_wav(tag=3, bits=64, rate=16000, data=data))
    pcm = struct.unpack("<4h", read_recording(path).pcm)
    assert pcm == (32767, -32768, 32767, 0)


@pytest.mark.parametrize("name", ["two\nlines.wav", "red\x1b[31m.wav"])
def test_voice_check_shows_a_file_name_on_one_plain_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    pytest.importorskip("pocketsphinx")
    from stretchguide.__main__ import main

    (tmp_path / name).write_bytes(b"not a recording")
    assert main(["voice-check", str(tmp_path / name)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err
    assert "\\n" in err or "\\x1b" in err
