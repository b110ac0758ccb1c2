"""The shipped pronunciation file matches what its generator makes now."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from stretchguide.voice.commands import COMPOUNDS, PHRASES, SENTENCES
from stretchguide.voice.recognizer import DICTIONARY

TOOL = Path(__file__).resolve().parents[2] / "tools" / "gen_voice_dict.py"


def test_commands_dict_is_current_with_its_generator():
    pytest.importorskip("pocketsphinx")
    spec = importlib.util.spec_from_file_location("gen_voice_dict", TOOL)
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert DICTIONARY.read_text(encoding="utf-8") == tool.expected(), "run tools/gen_voice_dict.py"


def test_every_command_and_sentence_word_can_be_pronounced():
    known = {line.split(" ", 1)[0].split("(")[0] for line in DICTIONARY.read_text().splitlines()}
    phrases = [COMPOUNDS.get(p, p) for p in PHRASES]
    words = {w for text in (*phrases, *SENTENCES) for w in text.split()}
    assert words <= known, words - known
