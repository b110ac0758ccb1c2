"""Dates, numbers, doses and verdict reasons in the active language."""

from __future__ import annotations

from datetime import date

import pytest

from stretchguide.core import i18n
from stretchguide.core.catalog import Dose, Sides, describe_dose
from stretchguide.core.i18n import format_date, format_number
from stretchguide.core.trends import fourteen_day_verdict


@pytest.fixture
def language():
    def use(lang: str) -> None:
        i18n.set_language(lang)

    yield use
    i18n.set_language("en")  # the language is process-wide


@pytest.mark.parametrize(
    ("lang", "second", "first"),
    [
        ("en", "2 December 2026", "1 March 2027"),
        ("de", "2. Dezember 2026", "1. März 2027"),
        ("es", "2 de diciembre de 2026", "1 de marzo de 2027"),
        ("fr", "2 décembre 2026", "1er mars 2027"),
    ],
)
def test_a_date_reads_the_languages_way(language, lang, second, first):
    language(lang)
    assert format_date(date(2026, 12, 2)) == second
    assert format_date(date(2027, 3, 1)) == first


@pytest.mark.parametrize(("lang", "text"), [("en", "4.5"), ("de", "4,5"), ("fr", "4,5")])
def test_a_decimal_uses_the_languages_mark(language, lang, text):
    language(lang)
    assert format_number(4.5) == text


def test_a_dose_is_described_in_the_active_language(language):
    dose = Dose(reps=10, rep_s=5, hold_s=5, sides=Sides.EACH)
    assert describe_dose(dose) == "10 reps, hold 5 s, each side"
    language("de")
    assert describe_dose(dose) == "10 Wiederholungen, je 5 s halten, jede Seite"
    language("es")
    assert describe_dose(Dose(hold_s=30)) == "mantén 30 s"


def test_the_verdicts_reason_is_translated_with_its_numbers(language):
    language("fr")
    verdict = fourteen_day_verdict([], date(2026, 12, 2))
    [reason] = verdict.reasons
    assert reason.startswith("Il faut des bilans")
    assert "3" in reason and "0" in reason
