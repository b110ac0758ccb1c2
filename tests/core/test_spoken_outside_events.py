"""What the app says outside the session's events (a question on screen, an
answer to it) has a recorded clip in every language, or is said by a speech
engine only, on purpose (``cues.engine_only``); the clips never say other
words than the engine does."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from stretchguide.core import cues
from stretchguide.core.i18n import available_languages

VOICE_DIR = Path(__file__).resolve().parents[2] / "resources" / "sounds" / "voice"
LANGS = list(available_languages())
# The questions' numbered choices and English command words: on screen as
# buttons, said by an engine, never recorded (cues._engine_only).
ENGINE_ONLY = {"keys_ease", "keys", "words_ease", "words", "stop_keys", "stop_words"}


def _recorded(lang: str) -> dict[str, str]:
    folder = VOICE_DIR if lang == "en" else VOICE_DIR / lang
    clips: dict[str, str] = json.loads((folder / "manifest.json").read_text("utf-8"))["clips"]
    return {k: v for k, v in clips.items() if (folder / f"{k}.wav").is_file()}


@pytest.mark.parametrize("lang", LANGS)
def test_every_phrase_is_recorded_or_left_to_an_engine_on_purpose(lang: str) -> None:
    recorded = _recorded(lang)
    assert set(cues.engine_only(lang)) == ENGINE_ONLY
    assert not ENGINE_ONLY & set(recorded) and not ENGINE_ONLY & set(cues.phrases(lang))
    missing = {k: v for k, v in cues.phrases(lang).items() if recorded.get(k) != v}
    assert missing == {}, "rerun tools/gen_voice.py"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("message", cues.HURT_MESSAGES)
@pytest.mark.parametrize("can_ease", [True, False])
@pytest.mark.parametrize("voice_words", [True, False])
def test_the_this_hurts_question_says_its_message_with_clips_as_an_engine_does(
    lang: str, message: str, can_ease: bool, voice_words: bool
) -> None:
    # Before s41 the clips said only "Session paused." while the question
    # showed why it was asked again ("This exercise has hurt before...").
    recorded = _recorded(lang)
    line = cues.hurt_question_line(lang, message, can_ease=can_ease, voice_words=voice_words)
    assert line.clips == ("paused", message)
    by_clips = " ".join(recorded[k] for k in line.clips)
    extra = cues.engine_only(lang)
    rest = [extra["keys_ease" if can_ease else "keys"]]
    if voice_words:
        rest.append(extra["words_ease" if can_ease else "words"])
    # The engine says the clips' words, then only the choices.
    assert line.text == " ".join([by_clips, *rest])


@pytest.mark.parametrize("lang", LANGS)
def test_each_question_message_is_its_own_sentence_in_every_language(lang: str) -> None:
    said = cues.phrases(lang)
    messages = [said[k] for k in cues.HURT_MESSAGES]
    assert len(set(messages)) == len(messages)
    if lang != "en":  # translated, not the English left in place
        assert not set(messages) & {cues.PHRASES[k] for k in cues.HURT_MESSAGES}
        assert not set(cues.engine_only(lang).values()) & set(cues.engine_only("en").values())


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("voice_words", [True, False])
def test_the_stop_question_says_itself_with_clips_as_an_engine_does(
    lang: str, voice_words: bool
) -> None:
    recorded = _recorded(lang)
    line = cues.stop_question_line(lang, voice_words=voice_words)
    assert line.clips == ("paused", "stop_question")
    extra = cues.engine_only(lang)
    rest = [extra["stop_keys"], *([extra["stop_words"]] if voice_words else [])]
    assert line.text == " ".join([*(recorded[k] for k in line.clips), *rest])


@pytest.mark.parametrize("lang", LANGS)
def test_the_answer_to_a_first_go_on_is_said_whole_by_its_clip(lang: str) -> None:
    line = cues.say_again_line(lang)
    assert line.text == _recorded(lang)["say_again"] and line.clips == ("say_again",)
    # No command word in it: a clip must never say one.
    assert not re.search(r"\b(go on|skip|stop|resume|next|pause)\b", line.text.lower())
