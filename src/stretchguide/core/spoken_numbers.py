"""Numbers 0-999 as the recorded voice says them, in every shipped language.

A speech engine reads digits itself; the recorded fallback joins a few
number clips per language instead of recording every number. Each language
has its own way of building a number from parts, so each has its own rule
here:

* English: forty seven, one hundred twenty.
* German: ones before tens, joined by "und" (sieben-und-vierzig), "ein" in
  compounds (ein-und-zwanzig, ein-hundert) but "eins" on its own.
* Spanish: 0-29 are single words (veintidós), then tens "y" ones (treinta y
  dos); "cien" alone but "ciento" before more; each hundred its own word.
* French: 17-19 are "dix-sept"...; 21, 31... 61 take "et" (vingt et un);
  70-79 and 90-99 count on from soixante and quatre-vingt (soixante et onze,
  quatre-vingt-dix-neuf); "quatre-vingts" and "deux cents" take an s only at
  the end.

A number said before a noun agrees with it where the language wants that:
Spanish "veintiún segundos", "una respiración"; French "vingt et une
secondes". ``gender`` is the noun's ("m" or "f"); None is a number on its
own (a countdown says "uno", "un", "eins"). German compounds do not change
("einundzwanzig Sekunden"); German "one" does ("eine Sekunde", and "einen
Atemzug" for the masculine, as a length of time is accusative).

:func:`number_clips` is what ``tools/gen_voice.py`` records for a language;
:func:`number_clip_keys` is which of them say ``n``; :func:`spell` is the
number written out, which the tests hold the joined clips against.
"""

from __future__ import annotations

from typing import Final

_EN_ONES: Final = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS: Final = dict(
    zip(
        range(20, 100, 10),
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"],
        strict=False,
    )
)

_DE_ONES: Final = [
    "null",
    "eins",
    "zwei",
    "drei",
    "vier",
    "fünf",
    "sechs",
    "sieben",
    "acht",
    "neun",
    "zehn",
    "elf",
    "zwölf",
    "dreizehn",
    "vierzehn",
    "fünfzehn",
    "sechzehn",
    "siebzehn",
    "achtzehn",
    "neunzehn",
]
_DE_TENS: Final = dict(
    zip(
        range(20, 100, 10),
        ["zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"],
        strict=False,
    )
)

_ES_ONES: Final = [
    "cero",
    "uno",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciséis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
    "veinte",
    "veintiuno",
    "veintidós",
    "veintitrés",
    "veinticuatro",
    "veinticinco",
    "veintiséis",
    "veintisiete",
    "veintiocho",
    "veintinueve",
]
_ES_TENS: Final = dict(
    zip(
        range(30, 100, 10),
        ["treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"],
        strict=False,
    )
)
_ES_HUNDREDS: Final = dict(
    zip(
        range(200, 1000, 100),
        [
            "doscientos",
            "trescientos",
            "cuatrocientos",
            "quinientos",
            "seiscientos",
            "setecientos",
            "ochocientos",
            "novecientos",
        ],
        strict=False,
    )
)

_FR_ONES: Final = [
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
]
_FR_TENS: Final = dict(
    zip(range(20, 70, 10), ["vingt", "trente", "quarante", "cinquante", "soixante"], strict=False)
)


def number_clips(lang: str) -> dict[str, str]:
    """Every number clip of ``lang``: clip key -> the word it says."""
    if lang == "de":
        return {
            **{f"num_{n}": w for n, w in enumerate(_DE_ONES)},
            **{f"num_{n}": w for n, w in _DE_TENS.items()},
            "num_1c": "ein",  # in compounds: einundzwanzig, einhundert
            "num_1f": "eine",  # before a noun: eine Sekunde
            "num_1m": "einen",  # einen Atemzug (lang): a length of time
            "num_and": "und",
            "num_100": "hundert",
        }
    if lang == "es":
        return {
            **{f"num_{n}": w for n, w in enumerate(_ES_ONES)},
            **{f"num_{n}": w for n, w in _ES_TENS.items()},
            **{f"num_{n}": w for n, w in _ES_HUNDREDS.items()},
            "num_1m": "un",
            "num_1f": "una",
            "num_21m": "veintiún",
            "num_21f": "veintiuna",
            "num_and": "y",
            "num_100": "cien",
            "num_100c": "ciento",
        }
    if lang == "fr":
        return {
            **{f"num_{n}": w for n, w in enumerate(_FR_ONES)},
            **{f"num_{n}": w for n, w in _FR_TENS.items()},
            "num_1f": "une",
            "num_80": "quatre-vingts",
            "num_80c": "quatre-vingt",  # with more after it
            "num_and": "et",
            "num_100": "cent",
            "num_100s": "cents",  # deux cents, but deux cent un
        }
    return {
        **{f"num_{n}": w for n, w in enumerate(_EN_ONES)},
        **{f"num_{n}": w for n, w in _EN_TENS.items()},
        "num_100": "hundred",
    }


def _check(n: int) -> None:
    if not 0 <= n <= 999:
        raise ValueError(f"no clips to say {n}")


def _en(n: int) -> tuple[str, ...]:
    if n < 20:
        return (f"num_{n}",)
    if n < 100:
        tens, ones = divmod(n, 10)
        return (f"num_{tens * 10}",) + ((f"num_{ones}",) if ones else ())
    hundreds, rest = divmod(n, 100)
    return (f"num_{hundreds}", "num_100") + (_en(rest) if rest else ())


def _de(n: int, alone: bool = True) -> tuple[str, ...]:
    if n < 20:
        return ("num_1c",) if n == 1 and not alone else (f"num_{n}",)
    if n < 100:
        tens, ones = divmod(n, 10)
        if not ones:
            return (f"num_{n}",)
        lead = "num_1c" if ones == 1 else f"num_{ones}"
        return (lead, "num_and", f"num_{tens * 10}")
    hundreds, rest = divmod(n, 100)
    head = ("num_1c" if hundreds == 1 else f"num_{hundreds}", "num_100")
    return head + (_de(rest) if rest else ())


def _es(n: int) -> tuple[str, ...]:
    if n < 30:
        return (f"num_{n}",)
    if n < 100:
        tens, ones = divmod(n, 10)
        return (f"num_{tens * 10}",) + (("num_and", f"num_{ones}") if ones else ())
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        return ("num_100c", *_es(rest)) if rest else ("num_100",)
    return (f"num_{hundreds * 100}",) + (_es(rest) if rest else ())


def _fr_below_20(n: int) -> tuple[str, ...]:
    return (f"num_{n}",) if n <= 16 else ("num_10", f"num_{n - 10}")


def _fr(n: int) -> tuple[str, ...]:
    if n < 20:
        return _fr_below_20(n)
    if n < 100:
        tens, ones = divmod(n, 10)
        tens *= 10
        if tens in (70, 90):
            base = "num_60" if tens == 70 else "num_80c"
            rest = n - (60 if tens == 70 else 80)
            return (base, *(("num_and",) if n == 71 else ()), *_fr_below_20(rest))
        if tens == 80:
            return ("num_80",) if not ones else ("num_80c", f"num_{ones}")
        if ones == 1:
            return (f"num_{tens}", "num_and", "num_1")
        return (f"num_{tens}",) + ((f"num_{ones}",) if ones else ())
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        head: tuple[str, ...] = ("num_100",)
    else:
        head = (f"num_{hundreds}", "num_100" if rest else "num_100s")
    return head + (_fr(rest) if rest else ())


def number_clip_keys(n: int, lang: str = "en", gender: str | None = None) -> tuple[str, ...]:
    """Clip keys that say ``n`` (0-999) in ``lang``: en 47 -> num_40, num_7."""
    _check(n)
    if lang == "de":
        # Only "one" itself agrees; compounds never change (einundzwanzig).
        return (f"num_1{gender}",) if n == 1 and gender in ("m", "f") else _de(n)
    if lang == "es":
        keys = _es(n)
        if gender in ("m", "f") and keys[-1] in ("num_1", "num_21"):
            keys = (*keys[:-1], f"{keys[-1]}{gender}")
        return keys
    if lang == "fr":
        keys = _fr(n)
        if gender == "f" and keys[-1] == "num_1":
            keys = (*keys[:-1], "num_1f")
        return keys
    return _en(n)


def spell(n: int, lang: str = "en", gender: str | None = None) -> str:
    """``n`` written out as that language writes it (German as one word)."""
    words = number_clips(lang)
    keys = number_clip_keys(n, lang, gender)
    if lang == "de":
        return "".join(words[k] for k in keys)
    if lang == "fr":
        # Hyphens inside a number, spaces around "et" and "cent(s)".
        spaced = ("num_and", "num_100", "num_100s")
        out = words[keys[0]]
        for before, key in zip(keys, keys[1:], strict=False):
            out += (" " if key in spaced or before in spaced else "-") + words[key]
        return out
    return " ".join(words[k] for k in keys)


def gender_sensitive(n: int, lang: str) -> bool:
    """Whether ``n`` is said differently before a masculine or feminine noun."""
    return number_clip_keys(n, lang, "m") != number_clip_keys(n, lang, "f")
