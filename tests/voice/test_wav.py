"""Reading recordings: any WAV a recorder writes, as 16 kHz mono 16-bit
samples, or a message naming the file and what it cannot take."""

from __future__ import annotations

import os
import random
import re
import shutil
import struct
import subprocess
import threading
import wave
from pathlib import Path

import numpy as np
import pytest

import stretchguide.voice.wav as wav_module
from stretchguide.voice.wav import AudioFileError, read_wav


def test_read_wav_converts_stereo_and_other_rates_to_16k_mono(tmp_path):
    path = tmp_path / "stereo.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(32000)
        w.writeframes((b"\x10\x00\x30\x00") * 32000)  # 1 s of L=16, R=48
    pcm = read_wav(path)
    assert len(pcm) == 16000 * 2
    assert pcm[:2] == (32).to_bytes(2, "little", signed=True)
    with pytest.raises(AudioFileError, match="no such file"):
        read_wav(tmp_path / "missing.wav")


def wav_bytes(*, tag: int, bits: int, rate: int, data: bytes, channels: int = 1) -> bytes:
    """A WAV file of any format tag, as a recorder other than ``wave`` writes it."""
    align = channels * bits // 8
    fmt = struct.pack("<HHIIHH", tag, channels, rate, rate * align, align, bits)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt
    body += b"data" + struct.pack("<I", len(data)) + data
    return b"RIFF" + struct.pack("<I", len(body)) + body


def _linear_reference(samples: list[int], src: int) -> list[int]:
    # The conversion spelt out sample by sample, as the oracle.
    step = src / 16000
    out = []
    for i in range(int(len(samples) * 16000 / src)):
        pos = i * step
        j = int(pos)
        a = samples[j]
        b = samples[j + 1] if j < len(samples) - 1 else a
        out.append(int(a + (b - a) * (pos - j)))
    return out


def _stereo(tmp_path, rate: int, frames: int):
    rng = random.Random(rate)
    left = [rng.randint(-20000, 20000) for _ in range(frames)]
    right = [rng.randint(-20000, 20000) for _ in range(frames)]
    path = tmp_path / f"stereo{rate}.wav"
    data = b"".join(struct.pack("<hh", a, b) for a, b in zip(left, right, strict=True))
    path.write_bytes(wav_bytes(tag=1, bits=16, rate=rate, data=data, channels=2))
    return path, [(a + b) // 2 for a, b in zip(left, right, strict=True)]


@pytest.mark.parametrize("rate", [8000, 11025, 12000])
@pytest.mark.parametrize("block", [1, 3, 1 << 18])
def test_a_lower_rate_is_interpolated_in_blocks_exactly_as_sample_by_sample(
    tmp_path, monkeypatch, rate, block
):
    monkeypatch.setattr(wav_module, "BLOCK_FRAMES", block)
    path, mono = _stereo(tmp_path, rate, 997)
    got = list(struct.unpack(f"<{len(read_wav(path)) // 2}h", read_wav(path)))
    assert got == _linear_reference(mono, rate)


@pytest.mark.parametrize("rate", [16001, 22050, 44100, 48000, 96000])
def test_a_higher_rate_reads_the_same_whatever_the_blocks(tmp_path, monkeypatch, rate):
    path, _ = _stereo(tmp_path, rate, 3001)
    whole = read_wav(path)
    assert len(whole) // 2 == int(3001 * 16000 / rate)
    for block in (1, 7, 500):
        monkeypatch.setattr(wav_module, "BLOCK_FRAMES", block)
        assert read_wav(path) == whole, block


def _tone(tmp_path, rate: int, hz: float) -> np.ndarray:
    t = np.arange(rate) / rate
    x = (10000 * np.sin(2 * np.pi * hz * t)).astype("<i2")
    path = tmp_path / f"tone{hz}.wav"
    path.write_bytes(wav_bytes(tag=1, bits=16, rate=rate, data=x.tobytes()))
    return np.frombuffer(read_wav(path), dtype="<i2").astype(float)[2000:-2000]


@pytest.mark.parametrize("rate", [22050, 44100, 48000])
def test_what_lies_above_eight_khz_does_not_fold_back_into_the_voice(tmp_path, rate):
    # The voice keeps its level (the interpolation rolls the top off a
    # little: 3 kHz loses up to 0.5 dB, 6 kHz 2 dB); a 10 kHz hiss, which taken down to
    # 16 kHz without a low-pass folds back to 6 kHz, is gone.
    def rms(hz: float) -> float:
        return float(np.sqrt(np.mean(_tone(tmp_path, rate, hz) ** 2)))

    for hz in (300.0, 1000.0):
        assert rms(hz) == pytest.approx(7071, rel=0.02), hz
    assert rms(3000.0) > 7071 * 0.9
    assert rms(6000.0) > 7071 * 0.75
    assert rms(10000.0) < 10


def test_read_wav_takes_the_sample_formats_recorders_write(tmp_path):
    # A 16-bit original and the same samples as other recorders store them:
    # each reads back to the 16-bit samples (8-bit to its own precision).
    samples = [0, 1000, -1000, 32767, -32768, 256, -257, 12345]
    pcm16 = struct.pack(f"<{len(samples)}h", *samples)
    variants = {
        "s24": wav_bytes(tag=1, bits=24, rate=16000, data=b"".join(
            b"\x7f" + struct.pack("<h", s) for s in samples)),
        "s32": wav_bytes(tag=1, bits=32, rate=16000, data=b"".join(
            b"\x00\x7f" + struct.pack("<h", s) for s in samples)),
        "f32": wav_bytes(tag=3, bits=32, rate=16000, data=struct.pack(
            f"<{len(samples)}f", *(s / 32768 for s in samples))),
        "f64": wav_bytes(tag=3, bits=64, rate=16000, data=struct.pack(
            f"<{len(samples)}d", *(s / 32768 for s in samples))),
        # WAVE_FORMAT_EXTENSIBLE with the PCM sub-format, as 24-bit and
        # multichannel recorders write it.
        "ext": wav_bytes(tag=0xFFFE, bits=16, rate=16000, data=pcm16),
    }  # fmt: skip
    for name, content in variants.items():
        path = tmp_path / f"{name}.wav"
        if name == "ext":  # the extension: size, valid bits, channel mask, sub-format GUID
            fmt_end = content.index(b"data")
            ext = struct.pack("<HHIH", 22, 16, 4, 1) + bytes(14)
            content = content[:fmt_end] + ext + content[fmt_end:]
            content = content.replace(
                struct.pack("<I", 16) + struct.pack("<H", 0xFFFE),
                struct.pack("<I", 40) + struct.pack("<H", 0xFFFE),
                1,
            )
            content = content[:4] + struct.pack("<I", len(content) - 8) + content[8:]
        path.write_bytes(content)
        assert read_wav(path) == pcm16, name
    u8 = tmp_path / "u8.wav"
    u8.write_bytes(wav_bytes(tag=1, bits=8, rate=16000, data=bytes([128, 129, 127, 255, 0])))
    assert struct.unpack("<5h", read_wav(u8)) == (0, 256, -256, 127 * 256, -128 * 256)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"rate": 1}, "a sample rate of 1 Hz; a recording of speech needs 4000 to 768000 Hz"),
        ({"rate": 4_000_000}, "a sample rate of 4000000 Hz"),
        ({"channels": 0}, "0 channels; a recording has 1 to 64"),
        ({"bits": 12}, "12-bit PCM samples; supported are"),
        ({"tag": 2}, "4-bit format 2 samples"),
    ],
)
def test_read_wav_names_the_file_and_the_field_it_cannot_take(tmp_path, change, message):
    fields = {"tag": 1, "bits": 16, "rate": 16000, "channels": 1} | change
    if change.get("tag") == 2:
        fields["bits"] = 4
    path = tmp_path / "odd.wav"
    path.write_bytes(wav_bytes(data=bytes(64), **fields))
    with pytest.raises(AudioFileError, match=re.escape(f"{path}: {message}")):
        read_wav(path)


def test_read_wav_reads_what_a_file_holds_when_its_header_promises_more(tmp_path):
    path = tmp_path / "cut.wav"
    whole = wav_bytes(tag=1, bits=16, rate=16000, data=bytes(range(200)))
    path.write_bytes(whole[:-51])  # cut mid-sample: the half sample is dropped
    assert read_wav(path) == bytes(range(148))
    folder = tmp_path / "folder.wav"
    folder.mkdir()
    with pytest.raises(AudioFileError, match="a folder, not a WAV file"):
        read_wav(folder)


def test_a_law_and_mu_law_read_as_g711_defines_them(tmp_path):
    # Points of ITU-T G.711's tables: the smallest step either side of zero
    # and the loudest code of each sign.
    codes = {
        "alaw": (6, {0xD5: 8, 0x55: -8, 0xAA: 32256, 0x2A: -32256}),
        "mulaw": (7, {0xFF: 0, 0x7F: 0, 0xFE: 8, 0x7E: -8, 0x80: 32124, 0x00: -32124}),
    }
    for name, (tag, points) in codes.items():
        path = tmp_path / f"{name}.wav"
        path.write_bytes(wav_bytes(tag=tag, bits=8, rate=16000, data=bytes(points)))
        assert struct.unpack(f"<{len(points)}h", read_wav(path)) == tuple(points.values()), name
        every = tmp_path / f"{name}-all.wav"
        every.write_bytes(wav_bytes(tag=tag, bits=8, rate=16000, data=bytes(range(256))))
        values = struct.unpack("<256h", read_wav(every))
        # One sign's codes are 128 distinct levels, the other's their mirror.
        positive = sorted(v for v in values if v > 0)
        assert len(set(positive)) == len(positive) >= 127, name
        assert sorted(-v for v in values if v < 0) == positive, name


@pytest.mark.skipif(shutil.which("sox") is None, reason="sox not installed")
@pytest.mark.parametrize(("tag", "sox_type"), [(6, "al"), (7, "ul")])
def test_every_g711_code_reads_as_sox_reads_it(tmp_path, tag, sox_type):
    raw = tmp_path / f"codes.{sox_type}"
    raw.write_bytes(bytes(range(256)))
    out = tmp_path / "codes.raw"
    subprocess.run(
        ["sox", "-t", sox_type, "-r", "16000", "-c", "1", str(raw), "-e", "signed", "-b", "16",
         "-t", "raw", str(out)],
        check=True,
    )  # fmt: skip
    path = tmp_path / "codes.wav"
    path.write_bytes(wav_bytes(tag=tag, bits=8, rate=16000, data=bytes(range(256))))
    assert read_wav(path) == out.read_bytes()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_or_device_is_refused_without_waiting_on_it(tmp_path):
    # Opening a pipe no one writes to would wait for ever; a device such as
    # /dev/zero never ends. Each is named and refused at once.
    pipe = tmp_path / "recording.wav"
    os.mkfifo(pipe)
    errors: list[str] = []

    def read(path):
        try:
            read_wav(path)
        except AudioFileError as exc:
            errors.append(str(exc))

    for path in (pipe, Path("/dev/zero")):
        reader = threading.Thread(target=read, args=(path,), daemon=True)
        reader.start()
        reader.join(10)
        assert not reader.is_alive(), f"{path}: still waiting"
    assert errors == [f"{p}: a pipe or device, not a WAV file" for p in (pipe, "/dev/zero")]


# A microphone that records only at its own rate and format (an ALSA device
# with no sound server, a Windows microphone in shared mode) is heard through
# the same conversion as a recording, block by block.
STREAM_CASES = [
    ("Float", 2, 48000, "<f4", 3),
    ("Int16", 2, 44100, "<i2", 1),
    ("Int32", 1, 96000, "<i4", 1),
    ("UInt8", 1, 8000, "<u1", 1),
    ("Float", 1, 16000, "<f4", 3),
    ("Int16", 6, 16000, "<i2", 1),
]


def _stream_samples(dtype: str, n: int) -> np.ndarray:
    rng = np.random.default_rng(n)
    x = rng.uniform(-0.6, 0.6, n)
    if dtype == "<f4":
        return x.astype(dtype)
    if dtype == "<u1":
        return (128 + x * 127).astype(dtype)
    scale = 32767 if dtype == "<i2" else 2147483647
    return (x * scale).astype(dtype)


@pytest.mark.parametrize(("sample", "channels", "rate", "dtype", "tag"), STREAM_CASES)
def test_a_microphone_stream_in_any_format_is_heard_as_its_recording_would_be(
    tmp_path, sample, channels, rate, dtype, tag
):
    from stretchguide.voice.wav import StreamConverter

    data = _stream_samples(dtype, channels * 4001).tobytes()
    path = tmp_path / "mic.wav"
    bits = np.dtype(dtype).itemsize * 8
    path.write_bytes(wav_bytes(tag=tag, bits=bits, rate=rate, data=data, channels=channels))
    recording = read_wav(path)
    rng = random.Random(rate + channels)
    for sizes in ([len(data)], [1] * 257, None):
        convert = StreamConverter(sample, channels, rate)
        out, at = [], 0
        while at < len(data):
            # Cut anywhere: inside a sample, inside a frame, whole frames.
            size = sizes.pop(0) if sizes else rng.randint(1, 5000)
            out.append(convert(data[at : at + size]))
            at += size
        heard = b"".join(out)
        # The same samples as the recording's, but for the few at the end
        # that wait for a next block (the filter's half, one interpolated).
        assert len(recording) - 2 * 80 <= len(heard) <= len(recording), sizes
        assert heard == recording[: len(heard)], sizes


def test_a_stream_already_at_16k_mono_passes_whole_samples_as_they_are():
    from stretchguide.voice.wav import StreamConverter

    convert = StreamConverter("Int16", 1, 16000)
    assert convert(b"\x01\x02\x03") == b"\x01\x02"
    assert convert(b"\x04\x05") == b"\x03\x04"
    assert convert(b"") == b""


@pytest.mark.parametrize(
    ("sample", "channels", "rate"),
    [("Int24", 1, 16000), ("Float", 0, 16000), ("Int16", 65, 16000), ("Int16", 1, 1000)],
)
def test_a_stream_format_no_conversion_can_read_is_refused(sample, channels, rate):
    from stretchguide.voice.wav import StreamConverter

    with pytest.raises(ValueError):
        StreamConverter(sample, channels, rate)
