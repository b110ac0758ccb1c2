"""The clips of a question asked aloud (core/cues.py hurt_question_line,
stop_question_line) are
long sentences with command words in them ("means stop", "skip it"), and
they are not own lines of the model (tests/voice/test_commands.py): fed
straight in, in every language, the own-voice check must know them."""

from __future__ import annotations

from tests.voice.test_recognizer import SOUNDS, heard_once

from stretchguide.core.cues import QUESTION_MESSAGES, clip_resource
from stretchguide.core.i18n import available_languages


def test_the_questions_clips_fed_straight_in_give_no_command(recognizer):
    paths = [
        SOUNDS.parent / clip_resource(key, lang)
        for lang in available_languages()
        for key in QUESTION_MESSAGES
    ]
    assert len(paths) == 20 and all(p.is_file() for p in paths)
    false = {str(p.relative_to(SOUNDS)): c for p in paths if (c := heard_once(recognizer, p))}
    assert false == {}
