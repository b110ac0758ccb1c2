"""Generated recordings for `stretchguide voice-check`: any header, any chunks.

The class corpus (test_wav_hostile) flips the bytes of one good file; this
one builds files from their parts: any format tag, channel count, rate and
bit depth, chunks before and after the format (odd sizes, padding, sizes
past the end), data of any length, not a whole number of frames. A file is
read as 16 kHz mono of the length its samples last, or refused with an
AudioFileError naming it; never another exception, and never a warning.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stretchguide.voice.wav import AudioFileError, read_recording

CAREFUL = settings(
    max_examples=600,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _chunk(name: bytes, body: bytes, size: int | None = None) -> bytes:
    pad = b"\x00" if len(body) % 2 else b""
    return name + struct.pack("<I", len(body) if size is None else size) + body + pad


_tags = st.sampled_from([0, 1, 2, 3, 6, 7, 0x55, 0xFFFE])
_bits = st.sampled_from([0, 1, 8, 12, 16, 24, 32, 64, 65535])
_channels = st.sampled_from([0, 1, 2, 3, 6, 64, 65, 65535])
_rates = st.sampled_from(
    [0, 3999, 4000, 8000, 11025, 16000, 22050, 44100, 96000, 768000, 2**32 - 1]
)
_junk = st.builds(
    _chunk,
    st.sampled_from([b"LIST", b"JUNK", b"fact", b"\x00\x00\x00\x00", b"data", b"fmt "]),
    st.binary(max_size=9),
)


@st.composite
def _recordings(draw: st.DrawFn) -> tuple[bytes, tuple[int, int, int, int]]:
    tag, channels, rate, bits = draw(_tags), draw(_channels), draw(_rates), draw(_bits)
    frame = (channels * bits // 8) & 0xFFFF
    body = struct.pack("<HHIIHH", tag, channels, rate, (rate * frame) & 0xFFFFFFFF, frame, bits)
    if tag == 0xFFFE:
        sub = draw(st.sampled_from([1, 3, 6, 7, 2]))
        body += struct.pack("<HHI", 22, bits, 0) + struct.pack("<H", sub) + b"\x00" * 14
    body = body[: draw(st.sampled_from([len(body), 16, 14, 0]))]
    data = draw(st.binary(max_size=64)) * draw(st.sampled_from([0, 1, 7, 200]))
    size = draw(st.sampled_from([None, None, 0, 1, len(data) + 1, 2**31, 2**32 - 1]))
    chunks = [
        *draw(st.lists(_junk, max_size=2)),
        _chunk(b"fmt ", body),
        *draw(st.lists(_junk, max_size=2)),
        _chunk(b"data", data, size),
        *draw(st.lists(_junk, max_size=2)),
    ]
    if draw(st.booleans()):
        chunks = draw(st.permutations(chunks))
    inner = b"WAVE" + b"".join(chunks)
    riff = draw(st.sampled_from([len(inner), 0, 2**32 - 1]))
    return b"RIFF" + struct.pack("<I", riff) + inner, (tag, channels, rate, bits)


@CAREFUL
@given(made=_recordings())
def test_any_recording_built_from_parts_is_read_or_named_quietly(
    tmp_path_factory: pytest.TempPathFactory, made: tuple[bytes, tuple[int, int, int, int]]
) -> None:
    body, _format = made
    path = tmp_path_factory.mktemp("wav") / "room.wav"
    path.write_bytes(body)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning would be printed to the person
        try:
            recording = read_recording(path)
        except AudioFileError as err:
            assert str(path) in str(err) and str(path) in err.user_message
            assert "\n" not in str(err)
            return
    assert len(recording.pcm) % 2 == 0
    assert 4000 <= recording.rate <= 768000
    # Never longer than what the file holds could last at 16 kHz.
    assert len(recording.pcm) // 2 <= len(body) * 16000 // recording.rate + 1


def test_voice_check_on_a_sample_of_the_corpus_says_one_line_each_and_fails(
    tmp_path: Path,
) -> None:
    pytest.importorskip("pocketsphinx")
    fmt = struct.pack("<HHIIHH", 1, 1, 16000, 32000, 2, 16)
    cases = {
        "empty.wav": b"",
        "cut.wav": b"RIFF\x24\x00\x00\x00WAVEfmt ",
        "no_data.wav": b"RIFF\x14\x00\x00\x00WAVE" + _chunk(b"fmt ", fmt),
        "channels.wav": b"RIFF\x00\x00\x00\x00WAVE"
        + _chunk(b"fmt ", struct.pack("<HHIIHH", 1, 0, 16000, 0, 0, 16))
        + _chunk(b"data", b"\x00" * 8),
        "utf16.wav": "RIFF WAVE".encode("utf-16"),
    }
    for name, body in cases.items():
        (tmp_path / name).write_bytes(body)
    os.mkfifo(tmp_path / "fifo.wav")
    (tmp_path / "folder.wav").mkdir()
    (tmp_path / "link.wav").symlink_to("/dev/zero")
    names = [*cases, "fifo.wav", "folder.wav", "link.wav", "missing.wav"]
    done = subprocess.run(
        [sys.executable, "-m", "stretchguide", "voice-check", *(str(tmp_path / n) for n in names)],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "STRETCHGUIDE_DATA_DIR": str(tmp_path / "d"),
            "STRETCHGUIDE_LANGUAGE": "en",
        },
        timeout=120,
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == len(names), done.stderr
    for name, line in zip(names, lines, strict=True):
        assert name in line, (name, line)
