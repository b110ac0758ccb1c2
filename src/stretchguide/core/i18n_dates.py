"""Dates and numbers on paper, the way each language writes them (no Qt).

The clinician report, the routine sheet and the calendar are written by
code that must not need Qt (the report's text is tested without a
QApplication, the calendar is core), so ``QLocale`` is not available there
and ``strftime`` always writes English month names. These tables are small
and fixed; a new language adds one line to each (docs/TRANSLATING.md).

English keeps exactly the forms the documents used before translation
("02 Dec 2026", "6.5"), so its output does not change.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final

from stretchguide.core.i18n import current_language

# fmt: off
MONTHS: Final[dict[str, tuple[str, ...]]] = {
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni",
           "Juli", "August", "September", "Oktober", "November", "Dezember"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio",
           "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin",
           "juillet", "août", "septembre", "octobre", "novembre", "décembre"),
}
# Short month names for the chart's axis, as each country abbreviates them.
SHORT_MONTHS: Final[dict[str, tuple[str, ...]]] = {
    "de": ("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni",
           "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."),
    "es": ("ene", "feb", "mar", "abr", "may", "jun",
           "jul", "ago", "sept", "oct", "nov", "dic"),
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin",
           "juil.", "août", "sept.", "oct.", "nov.", "déc."),
}
# fmt: on
# {d} day, {month} month name, {y} year. German puts a full stop after the day.
LONG_PATTERN: Final = {
    "de": "{d}. {month} {y}",
    "es": "{d} de {month} de {y}",
    "fr": "{d} {month} {y}",
}
SHORT_PATTERN: Final = {"de": "{d}. {month}", "es": "{d} {month}", "fr": "{d} {month}"}
# Written between the date and the time of day.
TIME_JOIN: Final = {"de": ", ", "es": ", ", "fr": " à "}
DECIMAL_COMMA: Final = frozenset({"de", "es", "fr"})


def _lang(lang: str | None) -> str:
    return current_language() if lang is None else lang


def _day(day: date, lang: str) -> str:
    # French writes the first of the month as an ordinal: "1er décembre".
    return "1er" if lang == "fr" and day.day == 1 else str(day.day)


def format_date(day: date, lang: str | None = None) -> str:
    """A date a person reads: "02 Dec 2026", "2. Dezember 2026", "2 de diciembre de 2026"."""
    lang = _lang(lang)
    if lang not in MONTHS:
        return day.strftime("%d %b %Y")
    return LONG_PATTERN[lang].format(
        d=_day(day, lang), month=MONTHS[lang][day.month - 1], y=day.year
    )


def format_day_month(day: date, lang: str | None = None) -> str:
    """Day and month only, for a chart's axis: "02 Dec", "2. Dez.", "2 dic", "2 déc."."""
    lang = _lang(lang)
    if lang not in SHORT_MONTHS:
        return day.strftime("%d %b")
    return SHORT_PATTERN[lang].format(d=_day(day, lang), month=SHORT_MONTHS[lang][day.month - 1])


def format_datetime(when: datetime, lang: str | None = None) -> str:
    """A date with its time of day (24-hour clock in every language)."""
    lang = _lang(lang)
    if lang not in MONTHS:
        return when.strftime("%d %b %Y %H:%M")
    return format_date(when.date(), lang) + TIME_JOIN[lang] + when.strftime("%H:%M")


def format_print_date(day: date, lang: str | None = None) -> str:
    """The day a sheet was printed or a plan started: ISO in English (as
    before), the long local form in other languages."""
    lang = _lang(lang)
    return day.isoformat() if lang not in MONTHS else format_date(day, lang)


def format_number(value: float, digits: int = 1, lang: str | None = None) -> str:
    """A decimal number: "6.5" in English, "6,5" in German, Spanish and French."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if _lang(lang) in DECIMAL_COMMA else text


_GLUED: Final[tuple[tuple[str, str], ...]] = (
    (" ?", "\u00a0?"),
    (" !", "\u00a0!"),
    (" :", "\u00a0:"),
    (" ;", "\u00a0;"),
    (" »", "\u00a0»"),
    ("« ", "«\u00a0"),
)


def keep_punctuation_together(text: str) -> str:
    """French puts a space before ? ! : ; and inside « »; a no-break space
    there keeps a line from wrapping or starting with the mark alone."""
    for plain, glued in _GLUED:
        text = text.replace(plain, glued)
    return text
