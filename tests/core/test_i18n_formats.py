"""Dates, numbers, doses and verdict reasons in the active language."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from stretchguide.core import i18n
from stretchguide.core import plan as P  # noqa: N812
from stretchguide.core.catalog import Dose, Sides, describe_dose
from stretchguide.core.i18n import (
    code_texts,
    format_date,
    format_datetime,
    format_day_month,
    format_number,
)
from stretchguide.core.safety import PainLevel
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


@pytest.mark.parametrize(
    ("lang", "axis", "first", "stamped"),
    [
        ("en", "2 Dec", "1 May", "2 December 2026, 09:05"),
        ("de", "2. Dez.", "1. Mai", "2. Dezember 2026, 09:05"),
        ("es", "2 dic", "1 may", "2 de diciembre de 2026, 09:05"),
        ("fr", "2 déc.", "1er mai", "2 décembre 2026 à 09:05"),
    ],
)
def test_a_chart_axis_and_a_time_of_day_read_the_languages_way(
    language, lang, axis, first, stamped
):
    language(lang)
    assert format_day_month(date(2026, 12, 2)) == axis
    assert format_day_month(date(2026, 5, 1)) == first
    assert format_datetime(datetime(2026, 12, 2, 9, 5)) == stamped


def test_a_language_can_be_named_without_changing_the_active_one(language):
    language("de")
    day = date(2026, 12, 2)
    assert format_date(day, "fr") == "2 décembre 2026"
    assert format_date(day, "en") == "2 December 2026"
    assert format_number(6.25, 1, "en") == "6.2"
    assert format_day_month(day, "es") == "2 dic"
    assert format_date(day) == "2. Dezember 2026"  # still German
    # A language without a .po reads as English rather than failing.
    assert format_date(day, "it") == "2 December 2026"


def test_short_months_are_extracted_in_their_own_context():
    """The short "May" and the month "May" are two entries, so a language
    can shorten one and not the other (German "Sept." beside "September")."""
    [text] = code_texts('NP_("short month", "May")', "core/i18n.py")
    assert (text.context, text.msgid) == ("short month", "May")


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


def test_a_dose_offers_reason_reads_as_a_clause_after_because(language):
    # The reason follows "weil", and a German clause after it ends on its
    # verb: "weil Ihre letzten 3 Einheiten gut waren", not "... waren gut".
    language("de")
    rng = P.DoseRange(P.Field.HOLD, 20, 30, "001")
    fine = P.SessionEvidence(PainLevel.FINE, False, False, 0)
    up = P.decide("k", "Knie", Dose(hold_s=20), rng, [fine] * 3)
    assert up is not None and up.line.endswith("weil Ihre letzten 3 Einheiten gut waren.")
    nerve = P.SessionEvidence(PainLevel.FINE, False, True, 0)
    down = P.decide("k", "Knie", Dose(hold_s=25), rng, [nerve])
    assert down is not None and "weil die letzte Einheit neues Kribbeln" in down.line
    assert down.line.split(".")[0].endswith("brachte")
    language("en")
    down = P.decide("k", "Knee", Dose(hold_s=25), rng, [nerve])
    assert down is not None and "because the last session brought new tingling" in down.line
