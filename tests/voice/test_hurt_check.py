"""The second ear for "this hurts" (voice/hurt_check.py) and how the recognizer asks it."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from tests.voice.speech import FLITE_VOICES, HELD_OUT_SENTENCES, VOICES, synth

from stretchguide.voice import hurt_check
from stretchguide.voice.commands import Command
from stretchguide.voice.hurt_check import WINDOW, HurtCheck, RecentAudio, windows
from stretchguide.voice.recognizer import read_wav, recognise

# flite's Scottish voice: pocketsphinx hears its "ouch" as "the cat".
AWB = FLITE_VOICES[0]


def test_a_short_utterance_is_led_by_silence_to_one_window() -> None:
    silence = np.zeros(96, np.float32)
    emb = np.ones((5, 96), np.float32)
    w = windows(emb, silence)
    assert w.shape == (1, WINDOW * 96)
    assert (w[0, : (WINDOW - 5) * 96] == 0).all() and (w[0, (WINDOW - 5) * 96 :] == 1).all()
    assert windows(np.ones((20, 96), np.float32), silence).shape == (20 - WINDOW + 1, WINDOW * 96)


def test_the_recent_audio_keeps_the_last_seconds_only() -> None:
    recent = RecentAudio(seconds=1.0)
    for i in range(30):  # 3 s in 100 ms pieces, each piece its own byte
        recent.add(bytes([i]) * 3200)
    kept = recent.since(10.0)
    assert 32000 <= len(kept) < 32000 + 3200 and kept[-1] == 29
    assert recent.since(0.05) == bytes([29]) * 1600
    recent.clear()
    assert recent.since(1.0) == b""


def test_silence_and_nothing_are_not_this_hurts() -> None:
    check = HurtCheck.load()
    assert check.score(b"") < 0.1
    assert check.score(bytes(32000)) < 0.1


@pytest.fixture(scope="module")
def flite() -> None:
    if shutil.which("flite") is None:
        pytest.skip("flite is not installed")


def _one_ear(recognizer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recognizer._second_ear, "wanted", False)


def test_the_second_ear_hears_an_ouch_the_model_does_not(
    recognizer, speech_cache: Path, flite: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    pcm = read_wav(synth(speech_cache, "ouch", AWB).path)
    recognizer.reset()
    assert [h.command for h in recognise(recognizer, pcm)] == [Command.HURT]
    assert any(u.hurt_score is not None for u in recognizer.utterances)
    _one_ear(recognizer, monkeypatch)
    recognizer.reset()
    assert recognise(recognizer, pcm) == []  # the model alone: "the cat"


def test_a_sentence_is_never_asked(recognizer, speech_cache: Path) -> None:
    for sentence in HELD_OUT_SENTENCES[:4]:
        recognizer.reset()
        assert recognise(recognizer, read_wav(synth(speech_cache, sentence, VOICES[0]).path)) == []
        assert all(u.hurt_score is None for u in recognizer.utterances)


def test_what_the_app_says_is_not_kept_for_the_second_ear(
    recognizer, speech_cache: Path, flite: None
) -> None:
    # Audio the recognizer is told to ignore (the app speaking) is dropped
    # from what the second ear may hear, not only from the decoder.
    pcm = read_wav(synth(speech_cache, "ouch", AWB).path)
    recognizer.reset()
    recognizer.feed(pcm[: len(pcm) // 2])
    recognizer.ignore(0.2)
    assert recognizer._second_ear._recent.since(10.0) == b""


@pytest.mark.parametrize("damage", ["not numpy", "cut short", "empty", "missing"])
def test_without_its_weights_the_recognizer_keeps_one_ear(
    speech_cache: Path, flite: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, damage: str
) -> None:
    pytest.importorskip("pocketsphinx")
    from stretchguide.voice.recognizer import Recognizer

    broken = tmp_path / "hurt_head.npz"
    whole = hurt_check.HEAD_FILE.read_bytes()
    if damage != "missing":
        broken.write_bytes(
            {"not numpy": b"not numpy", "cut short": whole[:20000], "empty": b""}[damage]
        )
    monkeypatch.setattr(hurt_check, "HEAD_FILE", broken)
    r = Recognizer()
    pcm = read_wav(synth(speech_cache, "ouch", AWB).path)
    assert recognise(r, pcm) == []  # no traceback, no command: the model alone
    assert r._second_ear.wanted is False
