"""The shipped pronunciation file matches what its generator makes now."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from stretchguide.voice.commands import COMPOUNDS, PHRASES, SENTENCES, app_lines
from stretchguide.voice.recognizer import DICTIONARY

TOOL = Path(__file__).resolve().parents[2] / "tools" / "gen_voice_dict.py"


def test_commands_dict_is_current_with_its_generator():
    pytest.importorskip("pocketsphinx")
    spec = importlib.util.spec_from_file_location("gen_voice_dict", TOOL)
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    for path, text in tool.expected().items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name}: run tools/gen_voice_dict.py"


def test_ipa_maps_to_the_acoustic_models_phones():
    spec = importlib.util.spec_from_file_location("gen_voice_dict", TOOL)
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    # espeak-ng's French "cent", Spanish "uno", German "sechs", a language switch.
    assert tool.arpabet("sˈɑ̃") == (("S", "AA", "N"), "")
    assert tool.arpabet("ˈuno") == (("UW", "N", "OW"), "")
    assert tool.arpabet("zˈɛks") == (("Z", "EH", "K", "S"), "")
    assert tool.arpabet("(en)dˈɒs(fr)") == (("D", "AA", "S"), "")
    # A stress mark parts two vowels: "le-í" is no diphthong.
    assert tool.arpabet("leˈi") == (("L", "EY", "IY"), "")
    assert tool.arpabet("ɡˈ??t") == (("G", "T"), "??")


def test_every_word_of_the_apps_own_lines_can_be_pronounced():
    known = {line.split(" ", 1)[0].split("(")[0] for line in DICTIONARY.read_text().splitlines()}
    words = {w for line in app_lines() for w in line.split()}
    assert len(words) > 900 and words <= known, words - known
    assert {"fr:cent", "es:uno", "de:sechs", "up", "next"} <= words


def test_every_command_and_sentence_word_can_be_pronounced():
    known = {line.split(" ", 1)[0].split("(")[0] for line in DICTIONARY.read_text().splitlines()}
    phrases = [COMPOUNDS.get(p, p) for p in PHRASES]
    words = {w for text in (*phrases, *SENTENCES) for w in text.split()}
    assert words <= known, words - known
