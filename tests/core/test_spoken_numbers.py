"""Numbers as the recorded voice says them, language by language."""

from __future__ import annotations

import re

import pytest

from stretchguide.core import cues, spoken_numbers
from stretchguide.core.spoken_numbers import number_clip_keys, number_clips, spell

LANGS = ("en", "de", "es", "fr")

# Written as a person of each language writes them (checked by hand).
KNOWN = {
    "de": {
        1: "eins",
        16: "sechzehn",
        21: "einundzwanzig",
        30: "dreißig",
        47: "siebenundvierzig",
        100: "einhundert",
        101: "einhunderteins",
        120: "einhundertzwanzig",
        999: "neunhundertneunundneunzig",
    },
    "es": {
        1: "uno",
        16: "dieciséis",
        21: "veintiuno",
        22: "veintidós",
        31: "treinta y uno",
        47: "cuarenta y siete",
        100: "cien",
        101: "ciento uno",
        120: "ciento veinte",
        500: "quinientos",
        999: "novecientos noventa y nueve",
    },
    "fr": {
        1: "un",
        17: "dix-sept",
        21: "vingt et un",
        47: "quarante-sept",
        70: "soixante-dix",
        71: "soixante et onze",
        72: "soixante-douze",
        80: "quatre-vingts",
        81: "quatre-vingt-un",
        91: "quatre-vingt-onze",
        99: "quatre-vingt-dix-neuf",
        100: "cent",
        101: "cent un",
        200: "deux cents",
        201: "deux cent un",
    },
    "en": {47: "forty seven", 120: "one hundred twenty", 13: "thirteen"},
}


@pytest.mark.parametrize(("lang", "n"), [(lang, n) for lang in KNOWN for n in KNOWN[lang]])
def test_numbers_are_written_as_each_language_writes_them(lang: str, n: int) -> None:
    assert spell(n, lang) == KNOWN[lang][n]


@pytest.mark.parametrize(
    ("lang", "n", "gender", "written"),
    [
        ("es", 1, "m", "un"),
        ("es", 1, "f", "una"),
        ("es", 21, "m", "veintiún"),
        ("es", 21, "f", "veintiuna"),
        ("es", 31, "m", "treinta y un"),
        ("es", 11, "f", "once"),
        ("fr", 21, "f", "vingt et une"),
        ("fr", 81, "f", "quatre-vingt-une"),
        ("fr", 11, "f", "onze"),
        ("de", 1, "f", "eine"),
        ("de", 1, "m", "einen"),
        ("de", 21, "f", "einundzwanzig"),  # German compounds do not change
    ],
)
def test_a_number_before_a_noun_agrees_with_it(
    lang: str, n: int, gender: str, written: str
) -> None:
    assert spell(n, lang, gender) == written


@pytest.mark.parametrize("lang", LANGS)
def test_every_number_to_999_is_said_by_recorded_clips_that_spell_it(lang: str) -> None:
    words = number_clips(lang)
    for n in range(1000):
        for gender in (None, "m", "f"):
            keys = number_clip_keys(n, lang, gender)
            assert set(keys) <= set(words), (n, keys)
            said = re.sub(r"[\s-]", "", "".join(words[k] for k in keys))
            assert said == re.sub(r"[\s-]", "", spell(n, lang, gender))


@pytest.mark.parametrize("lang", LANGS)
def test_every_number_clip_is_used_by_some_number(lang: str) -> None:
    used = {k for n in range(1000) for g in (None, "m", "f") for k in number_clip_keys(n, lang, g)}
    assert used == set(number_clips(lang))


def test_out_of_range_numbers_are_refused() -> None:
    with pytest.raises(ValueError, match="1000"):
        number_clip_keys(1000, "de")


@pytest.mark.parametrize(
    ("lang", "seconds", "text", "clips"),
    [
        ("en", 30, "30 seconds.", ("num_30", "seconds")),
        ("de", 1, "eine Sekunde.", ("num_1f", "second")),
        ("de", 45, "45 Sekunden.", ("num_5", "num_and", "num_40", "seconds")),
        ("es", 21, "veintiún segundos.", ("num_21m", "seconds")),
        ("es", 60, "un minuto.", ("num_1m", "minute")),
        ("en", 60, "1 minute.", ("num_1", "minute")),
        ("fr", 21, "vingt et une secondes.", ("num_20", "num_and", "num_1f", "seconds")),
        ("fr", 120, "2 minutes.", ("num_2", "minutes")),
    ],
)
def test_durations_are_said_with_the_noun_in_its_number_and_gender(
    lang: str, seconds: int, text: str, clips: tuple[str, ...]
) -> None:
    assert cues.say_duration(seconds, lang) == (text, clips)


def test_countdown_numbers_stand_alone_in_every_language() -> None:
    # "uno", "un", "eins": the number on its own, not its form before a noun.
    said = {lang: [spoken_numbers.spell(n, lang) for n in (3, 2, 1)] for lang in LANGS}
    assert said == {
        "en": ["three", "two", "one"],
        "de": ["drei", "zwei", "eins"],
        "es": ["tres", "dos", "uno"],
        "fr": ["trois", "deux", "un"],
    }
