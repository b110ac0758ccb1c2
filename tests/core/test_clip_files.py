"""The clip reader and the RIFF chunk walker it shares with the recording reader."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest

from stretchguide.clip_files import MULAW, PCM, ClipFormatError, read_clip, riff_chunks


def _chunk(name: bytes, body: bytes) -> bytes:
    return name + struct.pack("<I", len(body)) + body + b"\0" * (len(body) & 1)


def _fmt(tag: int, channels: int, rate: int, bits: int) -> bytes:
    block = channels * bits // 8
    return _chunk(b"fmt ", struct.pack("<HHIIHH", tag, channels, rate, rate * block, block, bits))


def _riff(*chunks: bytes) -> bytes:
    body = b"WAVE" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def test_the_walker_steps_over_odd_sized_and_unknown_chunks_unread() -> None:
    data = _riff(_chunk(b"LIST", b"odd"), _fmt(PCM, 1, 16000, 16), _chunk(b"data", b"\1\0\2\0"))
    fh = io.BytesIO(data)
    fh.seek(12)
    seen = []
    for name, size in riff_chunks(fh):
        seen.append((name, size))
        if name == b"data":
            assert fh.read(size) == b"\1\0\2\0"  # at the body when handed out
    assert seen == [(b"LIST", 3), (b"fmt ", 16), (b"data", 4)]


def test_the_walker_ends_at_a_chunk_header_cut_short() -> None:
    fh = io.BytesIO(_chunk(b"LIST", b"ab") + b"dat")
    assert list(riff_chunks(fh)) == [(b"LIST", 2)]


def test_a_clip_with_other_chunks_around_its_samples_is_read(tmp_path: Path) -> None:
    path = tmp_path / "clip.wav"
    path.write_bytes(
        _riff(
            _chunk(b"LIST", b"INFOx"),
            _fmt(MULAW, 1, 16000, 8),
            _chunk(b"data", bytes([0xFF, 0x00, 0x80])),
            _chunk(b"id3 ", b"tag"),
        )
    )
    clip = read_clip(path)
    assert clip.rate == 16000 and clip.stored_as == MULAW
    samples = struct.unpack("<3h", clip.pcm)
    assert samples == (0, -32124, 32124)  # mu-law silence, most negative, most positive


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"RIFX", "not a WAV file"),
        (_riff(_chunk(b"data", b"\0\0")), "without its format or its sound"),
        (_riff(_fmt(PCM, 2, 16000, 16), _chunk(b"data", b"\0" * 4)), "2 channels"),
        (_riff(_fmt(PCM, 1, 16000, 24), _chunk(b"data", b"\0" * 3)), "24-bit"),
    ],
)
def test_a_clip_it_cannot_play_is_named_with_the_reason(
    tmp_path: Path, data: bytes, says: str
) -> None:
    path = tmp_path / "bad.wav"
    path.write_bytes(data)
    with pytest.raises(ClipFormatError, match=says) as caught:
        read_clip(path)
    assert str(path) in str(caught.value)


def test_a_broken_clip_is_named_in_the_persons_language(tmp_path: Path) -> None:
    # The self-test lists broken clips in the language it speaks.
    from stretchguide.core.languages import choose_language, chosen_language

    path = tmp_path / "bad.wav"
    path.write_bytes(b"RIFX")
    before = chosen_language()
    choose_language("de")
    try:
        with pytest.raises(ClipFormatError, match="keine WAV-Datei") as caught:
            read_clip(path)
    finally:
        choose_language(before)
    assert str(path) in str(caught.value)
