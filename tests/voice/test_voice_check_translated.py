"""`stretchguide voice-check` speaks the person's language, the commands excepted.

Its errors about unreadable and unsupported recordings (voice/wav.py) and a
missing speech engine were English in every language; now each is said in
the CLI's language, and times carry the language's decimal mark as the rest
of the CLI's numbers do. The command words stay English: they are what the
person says, and what the recognizer hears. English is the control.
"""

from __future__ import annotations

import os
import re
import struct
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.leftover_english import english_lines, kept_pattern, unfound_english
from tests.voice.speech import OTHER_VOICES, VOICES, synth
from tests.voice.test_wav import wav_bytes

from stretchguide.__main__ import main
from stretchguide.core import i18n
from stretchguide.voice.commands import Command

LANGS = ["de", "es", "fr"]
# The recognized words, the sample formats' names and the WAV's chunk names.
KEPT = kept_pattern(
    [c.value for c in Command]
    + ["this hurts", "go on", "PCM", "A-law", "mu-law", "µ-law", "data", "Hz", "pocketsphinx"]
)
SILENCE = bytes(3200)


def heard_line(text: str, command: str) -> str:
    """The first line that gives ``command`` as heard (not a line of words that were none)."""
    return next(line for line in text.splitlines() if re.search(rf"s\s+{command}\s+\"", line))


def _riff(*chunks: tuple[bytes, bytes]) -> bytes:
    body = b"WAVE" + b"".join(name + struct.pack("<I", len(data)) + data for name, data in chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def _fmt(tag: int, channels: int, rate: int, bits: int) -> bytes:
    align = channels * bits // 8
    return struct.pack("<HHIIHH", tag, channels, rate, rate * align, align, bits)


def _broken(folder: Path) -> list[Path]:
    """One recording for each way voice-check refuses one."""
    files = {
        "short.wav": b"RIFF",
        "text.wav": b"hello\n" * 20,
        "no-chunks.wav": _riff(),
        "data-first.wav": _riff((b"data", SILENCE), (b"fmt ", _fmt(1, 1, 16000, 16))),
        "no-data.wav": _riff((b"fmt ", _fmt(1, 1, 16000, 16))),
        "cut-fmt.wav": _riff((b"fmt ", b"\x01\x00\x01\x00"), (b"data", SILENCE)),
        "pcm12.wav": wav_bytes(tag=1, bits=12, rate=16000, data=SILENCE),
        "float16.wav": wav_bytes(tag=3, bits=16, rate=16000, data=SILENCE),
        "mulaw16.wav": wav_bytes(tag=7, bits=16, rate=16000, data=SILENCE),
        "adpcm.wav": wav_bytes(tag=2, bits=4, rate=16000, data=SILENCE),
        "channels.wav": wav_bytes(tag=1, bits=16, rate=16000, data=SILENCE, channels=65),
        "rate.wav": wav_bytes(tag=1, bits=16, rate=1, data=SILENCE),
    }
    out = []
    for name, body in files.items():
        (folder / name).write_bytes(body)
        out.append(folder / name)
    (folder / "folder.wav").mkdir()
    out += [folder / "folder.wav", folder / "absent.wav"]
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.wav")
        out.append(folder / "pipe.wav")
    return out


@pytest.fixture(autouse=True)
def back_to_english() -> Iterator[None]:
    yield
    i18n.set_language("en")


def _check(lang: str, files: list[Path], capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    main(["--language", lang, "voice-check", *extra, *map(str, files)])
    said = capsys.readouterr()
    assert "Traceback" not in said.err
    return said.out + said.err


def _assert_said_in(lang: str, text: str) -> None:
    if lang == "en":
        assert not unfound_english(text, KEPT), "sentences the search does not see"
        assert english_lines(text, KEPT)
    else:
        assert not english_lines(text, KEPT), f"{lang}: English left"


@pytest.mark.parametrize("lang", ["en", *LANGS])
def test_every_refused_recording_is_named_in_the_language(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("pocketsphinx")
    files = _broken(tmp_path)
    text = _check(lang, files, capsys)
    lines = text.splitlines()
    assert len(lines) == len(files)  # one line for each, naming it
    for path, line in zip(files, lines, strict=True):
        assert line.startswith(f"stretchguide: {path}")
    _assert_said_in(lang, text)
    if lang == "en":
        assert f"{tmp_path}/pcm12.wav: 12-bit PCM samples; supported are" in text
    if lang == "de":
        assert "mit 8, 16, 24 und 32 Bit" in text and "keine lesbare WAV-Datei" in text


@pytest.mark.parametrize("lang", ["en", *LANGS])
def test_a_missing_speech_engine_is_said_in_the_language(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pocketsphinx", None)  # import fails as if not installed
    assert main(["--language", lang, "voice-check", str(tmp_path / "x.wav")]) == 2
    err = capsys.readouterr().err
    assert "pip install 'stretchguide[voice]'" in err
    _assert_said_in(lang, err)


@pytest.mark.parametrize("lang", ["en", *LANGS])
def test_heard_commands_keep_their_words_and_take_the_languages_decimal_mark(
    lang: str, speech_cache: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("pocketsphinx")
    command = synth(speech_cache, "pause", VOICES[0]).path
    other = synth(speech_cache, "the weather is lovely today", VOICES[0]).path
    muted = tmp_path / "muted.wav"
    muted.write_bytes(wav_bytes(tag=1, bits=16, rate=16000, data=bytes(32000)))
    phone = tmp_path / "phone.wav"
    pcm = command.read_bytes()[44:]  # synth writes a plain 44-byte header
    every_other = b"".join(pcm[i : i + 2] for i in range(0, len(pcm), 4))
    phone.write_bytes(wav_bytes(tag=1, bits=16, rate=8000, data=every_other))
    # en-029's "skip": the language model hears "keep", the second ear "skip".
    found = synth(speech_cache, "skip", OTHER_VOICES[3]).path
    # "good": the language model hears "pause", the second ear drops it.
    dropped = synth(speech_cache, "good", VOICES[0]).path
    text = _check(lang, [command, other, muted, phone, found, dropped], capsys, "--all")
    _assert_said_in(lang, text)
    by_second_ear = {"en": "second ear", "de": "zweiten Ohr", "es": "segundo oído", "fr": "seconde"}
    (skip,) = [line for line in text.splitlines() if " skip " in line]
    assert '"keep"' in skip and by_second_ear[lang] in skip, skip
    lines = text.splitlines()
    said_pause = lines[lines.index(next(x for x in lines if x.startswith(str(dropped)))) + 1]
    assert '"pause"' in said_pause and by_second_ear[lang] in said_pause, said_pause
    assert by_second_ear[lang] not in heard_line(text, "pause")
    heard = heard_line(text, "pause")
    assert " pause " in heard  # the command as it is said
    times = re.findall(r"\d+[.,]\d\d", heard)  # start, end, and when it was known
    mark = "." if lang == "en" else ","
    assert len(times) == 3 and all(t[-3] == mark for t in times), heard
