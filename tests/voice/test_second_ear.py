"""The second ear (voice/second_ear.py): its two networks and how the recognizer asks them."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from tests.voice.speech import FLITE_VOICES, HELD_OUT_SENTENCES, OTHER_VOICES, VOICES, synth

from stretchguide.voice import second_ear
from stretchguide.voice.commands import PHRASES, Command
from stretchguide.voice.recognizer import read_wav, recognise
from stretchguide.voice.second_ear import (
    AGREED,
    DOUBT,
    SURE,
    WINDOW,
    Heads,
    Opinion,
    RecentAudio,
    SecondEar,
    windows,
)

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


def test_silence_and_nothing_are_no_command() -> None:
    heads = Heads.load()
    for pcm in (b"", bytes(32000)):
        emb = heads.embed(pcm)
        assert heads.hurt(emb) < 0.1
        assert max(heads.commands(emb).values()) < 0.5


def test_the_command_head_answers_for_every_command_and_only_them() -> None:
    heads = Heads.load()
    assert set(heads.commands(heads.embed(bytes(3200)))) == set(Command)
    with np.load(second_ear.COMMAND_HEAD_FILE) as data:
        head = {k: data[k] for k in data.files}
    head["classes"] = head["classes"][::-1]  # a head trained for other commands
    with pytest.raises(ValueError, match="classes"):
        Heads(heads._embedding, heads._hurt, head)


@pytest.mark.parametrize(("which", "key"), [("hurt", "w1"), ("command", "w2"), ("command", "mean")])
def test_a_head_that_does_not_fit_is_refused_on_load(which: str, key: str) -> None:
    heads = Heads.load()
    hurt, command = dict(heads._hurt), dict(heads._command)
    head = hurt if which == "hurt" else command
    head[key] = head[key][:-1]  # one row short: a file from another network
    with pytest.raises(ValueError, match=f"{which} head's {key}"):
        Heads(heads._embedding, hurt, command)
    head[key] = np.full_like(dict(heads._hurt if which == "hurt" else heads._command)[key], np.nan)
    with pytest.raises(ValueError, match=f"{which} head's {key}"):
        Heads(heads._embedding, hurt, command)


class _Says(Heads):
    """Heads that answer as told, to test the rules, not the networks."""

    def __init__(self, hurt: float = 0.0, said_hurt: float = 0.0, **scores: float) -> None:
        self.asked = 0
        self._hurt_score = hurt  # the hurt head's
        self._scores = {c: scores.get(c.value, 0.0) for c in Command}
        self._scores[Command.HURT] = said_hurt  # the command head's

    def embed(self, pcm: bytes) -> np.ndarray:
        self.asked += 1
        return np.zeros((1, 96), np.float32)

    def hurt(self, emb: np.ndarray) -> float:
        return self._hurt_score

    def commands(self, emb: np.ndarray) -> dict[Command, float]:
        return dict(self._scores)


def _judge(heads: Heads, command: Command | None, text: str = "i", grammar: str = "",
           length_s: float = 0.6) -> Opinion:  # fmt: skip
    ear = SecondEar(heads)
    ear.hear(bytes(32000))
    return ear.judge(command, text, 1.0, length_s, lambda pcm: grammar)


@pytest.mark.parametrize(
    ("scores", "grammar", "found"),
    [
        ({"skip": AGREED}, "skip", Command.SKIP),  # both name it
        ({"skip": AGREED}, "mute", None),  # they differ, and the head is not sure
        ({"skip": SURE}, "mute", Command.SKIP),  # all but certain alone
        ({"skip": AGREED - 0.01}, "skip", None),  # agreed, but not sure enough
        ({}, "skip", None),  # the grammar alone names a command for anything
    ],
)
def test_an_utterance_the_model_made_nothing_of(
    scores: dict[str, float], grammar: str, found: Command | None
) -> None:
    assert _judge(_Says(**scores), None, grammar=grammar).command is found


def test_three_words_need_the_head_all_but_certain() -> None:
    # "let me see", heard as "let me tea": the grammar and the head both say "back".
    three = "let me tea"
    assert _judge(_Says(back=SURE - 0.01), None, three, "back").command is None
    assert _judge(_Says(back=SURE), None, three, "back").command is Command.BACK
    assert _judge(_Says(back=SURE - 0.01), None, "let me", "back").command is Command.BACK


def test_the_hurt_head_speaks_first_where_the_grammar_hears_this_hurts() -> None:
    assert _judge(_Says(hurt=0.8, skip=SURE), None, grammar="ouch").command is Command.HURT
    assert _judge(_Says(hurt=0.8, skip=SURE), None, grammar="back").command is Command.SKIP
    opinion = _judge(_Says(hurt=0.8), None, grammar="back")
    assert opinion.command is None and opinion.hurt_score is None  # not asked


@pytest.mark.parametrize("command", [c for c in Command if c is not Command.HURT])
def test_a_command_the_head_doubts_is_dropped_unless_the_grammar_names_it(
    command: Command,
) -> None:
    doubted = _Says(**{command.value: DOUBT - 0.01})
    assert _judge(doubted, command).command is None
    said = next(p for p, c in PHRASES.items() if c is command)
    assert _judge(doubted, command, grammar=said).command is command  # two ears to one
    assert _judge(_Says(**{command.value: DOUBT}), command).command is command


def test_a_doubted_command_may_be_another_by_the_same_rules() -> None:
    # "next" heard as "wait": the head and the grammar both name "next".
    opinion = _judge(_Says(pause=0.01, skip=AGREED), Command.PAUSE, grammar="next")
    assert opinion.command is Command.SKIP and opinion.command_score == AGREED
    opinion = _judge(_Says(pause=0.01, skip=AGREED), Command.PAUSE, grammar="mute")
    assert opinion.command is None and opinion.command_score == 0.01


def test_this_hurts_is_never_second_guessed() -> None:
    heads = _Says(hurt=0.0)
    assert _judge(heads, Command.HURT).command is Command.HURT
    assert heads.asked == 0


def test_four_words_may_be_this_hurts_and_nothing_else() -> None:
    four = "it go it hurts"
    assert _judge(_Says(hurt=SURE), None, four, "it hurts").command is Command.HURT
    assert _judge(_Says(hurt=SURE), None, four, "stop").command is None
    assert _judge(_Says(said_hurt=SURE), None, four, "stop").command is Command.HURT
    assert _judge(_Says(skip=SURE), None, four, "skip").command is None
    assert _judge(_Says(stop=0.0), Command.STOP, four, "skip").command is Command.STOP


@pytest.mark.parametrize(("text", "length_s"), [("one two three four five", 1.0), ("i", 2.6)])
def test_a_sentence_or_a_long_utterance_is_left_to_the_model(text: str, length_s: float) -> None:
    heads = _Says(stop=0.0, skip=1.0)
    assert _judge(heads, Command.STOP, text, "skip", length_s).command is Command.STOP
    assert _judge(heads, None, text, "skip", length_s).command is None
    assert heads.asked == 0


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
        assert all(u.hurt_score is None and u.command_score is None for u in recognizer.utterances)


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


@pytest.mark.parametrize("head", ["HURT_HEAD_FILE", "COMMAND_HEAD_FILE"])
@pytest.mark.parametrize("damage", ["not numpy", "cut short", "empty", "missing"])
def test_without_its_weights_the_recognizer_keeps_one_ear(
    speech_cache: Path,
    flite: None,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    damage: str,
    head: str,
) -> None:
    pytest.importorskip("pocketsphinx")
    from stretchguide.voice.recognizer import Recognizer

    broken = tmp_path / "head.npz"
    whole = getattr(second_ear, head).read_bytes()
    if damage != "missing":
        broken.write_bytes(
            {"not numpy": b"not numpy", "cut short": whole[:20000], "empty": b""}[damage]
        )
    monkeypatch.setattr(second_ear, head, broken)
    r = Recognizer()
    pcm = read_wav(synth(speech_cache, "ouch", AWB).path)
    assert recognise(r, pcm) == []  # no traceback, no command: the model alone
    assert r._second_ear.wanted is False


# en-029 (Caribbean English), one of the accents nothing was tuned on.
CARIBBEAN = OTHER_VOICES[3]


@pytest.mark.parametrize(("text", "command"), [("skip", Command.SKIP), ("ouch", Command.HURT)])
def test_the_command_head_hears_an_accent_the_model_does_not(
    recognizer, speech_cache: Path, monkeypatch: pytest.MonkeyPatch, text: str, command: Command
) -> None:
    # The language model hears "keep" and "hold"; the grammar and the head
    # both hear the command.
    pcm = read_wav(synth(speech_cache, text, CARIBBEAN).path)
    recognizer.reset()
    assert [h.command for h in recognise(recognizer, pcm)] == [command]
    assert any(u.command_score is not None for u in recognizer.utterances)
    _one_ear(recognizer, monkeypatch)
    recognizer.reset()
    assert recognise(recognizer, pcm) == []


@pytest.mark.parametrize("word", ["good", "almost"])
def test_the_command_head_drops_an_interjection_heard_as_a_command(
    recognizer, speech_cache: Path, monkeypatch: pytest.MonkeyPatch, word: str
) -> None:
    pcm = read_wav(synth(speech_cache, word, VOICES[0]).path)
    recognizer.reset()
    assert recognise(recognizer, pcm) == []
    assert any(u.dropped and (u.command_score or 0) < DOUBT for u in recognizer.utterances)
    _one_ear(recognizer, monkeypatch)
    recognizer.reset()
    assert [h.command for h in recognise(recognizer, pcm)] == [Command.PAUSE]  # the model alone


def test_a_short_everyday_sentence_is_no_command(recognizer, speech_cache: Path) -> None:
    # The model hears "let me tea"; the grammar and the head hear "back"
    # (0.96): three words need the head all but certain.
    pcm = read_wav(synth(speech_cache, "let me see", VOICES[2]).path)
    recognizer.reset()
    assert recognise(recognizer, pcm) == []
    assert any(u.command_score is not None for u in recognizer.utterances)
