"""What a person takes away, in their language (issue 15): the clinician
report and the printed routine sheet in de/es/fr, read back out of the PDF.

English is the control: the same documents, read the long way ("20 March 2026").
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from stretchguide import paths
from stretchguide.core import i18n
from stretchguide.core import plan as P  # noqa: N812
from stretchguide.core.catalog import load_builtin
from stretchguide.core.i18n import (
    format_date,
    format_datetime,
    format_day_month,
    format_number,
    keep_punctuation_together,
)
from stretchguide.core.safety import RED_FLAGS
from stretchguide.store.history import History

pytestmark = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdftoppm")), reason="needs poppler-utils"
)

TODAY = date(2026, 3, 20)
LANGS = ("de", "es", "fr")

# Words of English grammar that are no words in German, Spanish or French: a
# line of three or more words holding two of them is an English sentence left
# behind. ("in", "no", "per", "plan" are words there too, so they are not here.)
ENGLISH = frozenset(
    ("the", "and", "of", "with", "was", "were", "is", "this", "that", "from", "each")
    + ("which", "your", "done", "stopped", "pressed", "week", "times", "not")
)
# What may stay English on a translated page: the product's name, the
# source guides' names (titles of English articles) and the person's notes.
ALLOWED = ("StretchGuide", "word")

# Fixed lines each document must carry, by language.
REPORT_WORDS = {
    "en": ("exercise and pain diary", "Two-week verdict", "Nerve symptoms by week", "Page 1 of"),
    "de": ("Übungs- und Schmerztagebuch", "Bilanz nach zwei Wochen", "Nervensymptome pro Woche",
           "Seite 1 von", "Rückenschmerz", "Beinschmerz", "Schmerzseite: links"),
    "es": ("diario de ejercicios y dolor", "Balance de dos semanas",
           "Síntomas nerviosos por semana", "Página 1 de", "Dolor de espalda", "Dolor de pierna",
           "Lado doloroso: izquierdo"),
    "fr": ("journal des exercices et de la douleur", "Résultat sur deux semaines",
           "Symptômes nerveux par semaine", "Page 1 sur", "Douleur de dos", "Douleur de jambe",
           "Côté douloureux : gauche"),
}  # fmt: skip
SHEET_WORDS = {
    "en": ("How often:", "Take care:", "Stop any exercise", "Dose:"),
    "de": ("Wie oft:", "Vorsicht:", "Brechen Sie jede Übung ab", "Dosis:", "Gedruckt am"),
    "es": ("Con qué frecuencia:", "Cuidado:", "Para cualquier ejercicio", "Dosis:", "Impreso el"),
    "fr": ("Fréquence :", "Attention :", "Arrêtez tout exercice", "Dose :", "Imprimé le"),
}
# The prepared date and the pain average (back: 6 before, 4 after = 5.0).
REPORT_DATE = {"en": "20 March 2026", "de": "20. März 2026", "es": "20 de marzo de 2026",
               "fr": "20 mars 2026"}  # fmt: skip
AVERAGE = {"en": "5.0", "de": "5,0", "es": "5,0", "fr": "5,0"}


@pytest.fixture
def language(request):
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


@pytest.fixture
def history(_private_data_dir):
    h = History.open(paths.resolve(str(_private_data_dir)).ensure())
    yield h
    h.close()


def _at(day: date, hour: int = 9) -> int:
    return int(datetime(day.year, day.month, day.day, hour).timestamp())


def _fill(h: History, days: int = 8) -> None:
    routine = load_builtin().routines["flare_up_gentle"]
    first, second = routine.items[0].exercise_id, routine.items[1].exercise_id
    for n in range(days):
        start = _at(TODAY - timedelta(days=days - 1 - n))
        s = h.start_session(routine, started_at=start)
        h.add_checkin("before", 6, 7, "thigh", tingling=n % 2 == 0, session_id=s.id, at=start - 60)
        h.record_step(s.id, 1, first, "reps", planned_s=36, done_s=36, completed_at=start + 40)
        h.record_step(
            s.id, 3, second, "reps", side="left", planned_s=50, done_s=20, completed_at=start + 90
        )
        h.record_hurt(s.id, second, 3, at=start + 80)
        h.set_response(s.id, first, "better")
        h.finish_session(s.id, "completed", ended_at=start + 600)
        h.add_checkin(
            "after", 4, 5, "buttock", session_id=s.id, at=start + 700, note=f"word{n} word"
        )


def pdf_text(path: Path, mode: str = "-layout") -> str:
    """The PDF's text: ``-layout`` keeps lines as printed; ``-raw`` keeps
    each column's words in reading order (names wrapped in a column)."""
    out = subprocess.run(["pdftotext", mode, str(path), "-"], capture_output=True, check=True)
    return unicodedata.normalize("NFKC", out.stdout.decode("utf-8"))


def words_past_the_margin(path: Path, margin_mm: float) -> list[str]:
    """Words that run past the right margin or off the page (a cut line)."""
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True)
    xml = out.stdout.decode("utf-8")
    width = float(re.search(r'<page width="([0-9.]+)"', xml).group(1))
    limit = width - margin_mm / 25.4 * 72 + 1.0  # a point of slack for rounding
    boxes = re.findall(r'<word xMin="([0-9.]+)"[^>]*xMax="([0-9.]+)"[^>]*>([^<]*)<', xml)
    return [w for x0, x1, w in boxes if float(x1) > limit or float(x0) < 0]


def english_lines(text: str, exempt: tuple[str, ...] = ()) -> list[str]:
    """Lines of three or more words with two English grammar words in them
    (a line that is part of one of the ``exempt`` texts is not counted)."""
    found = []
    for line in text.splitlines():
        words = re.findall(r"[A-Za-zÀ-ÿ'-]+", line)
        if len(words) < 3 or any(a in line for a in ALLOWED):
            continue
        if any(line.strip() in e for e in exempt):
            continue
        if sum(w.lower() in ENGLISH for w in words) >= 2:
            found.append(line.strip())
    return found


def verdict_reasons(history: History) -> tuple[str, ...]:
    """The 14-day verdict's reasons as the report prints them. Their words
    come from core/trends, translated on another branch (r15wire)."""
    reasons = history.verdict(today=TODAY).reasons
    return tuple(i18n._("Why: {reason}").format(reason=r) for r in reasons)


def write_report_pdf(history: History, path: Path) -> int:
    from stretchguide.qt.report import export_report

    _fill(history)
    catalog = i18n.translate_catalog(load_builtin(), i18n.current_language())
    flag = RED_FLAGS[0]
    return export_report(
        path,
        history,
        catalog.exercises,
        TODAY,
        14,
        painful_side="left",
        red_flags=[(TODAY - timedelta(days=3), flag.asked)],
    )


def write_sheet_pdf(path: Path) -> int:
    from stretchguide.qt.sheet import write_pdf

    catalog = i18n.translate_catalog(load_builtin(), i18n.current_language())
    routine = catalog.routines["flare_up_gentle"]
    return write_pdf(
        path, routine, catalog.exercises, P.Plan.for_routine(routine, TODAY), today=TODAY
    )


@pytest.mark.parametrize("language", ("en", *LANGS), indirect=True)
def test_the_clinician_report_is_in_the_chosen_language(qapp, history, tmp_path, language):
    target = tmp_path / "report.pdf"
    pages = write_report_pdf(history, target)
    text = pdf_text(target)
    flat = re.sub(r"\s+", " ", text)
    for words in REPORT_WORDS[language]:
        assert words in flat, f"{words!r} missing from the {language} report"
    assert REPORT_DATE[language] in flat
    assert f"averaged {AVERAGE['en']}" in flat if language == "en" else AVERAGE[language] in flat
    if language != "en":
        assert "5.0" not in flat
        exempt = verdict_reasons(history)
        assert english_lines(text, exempt) == [], f"English left in the {language} report"
        # The exercises and the routine are named as the translated catalog names them.
        catalog = i18n.translate_catalog(load_builtin(), language)
        assert catalog.exercises["core_breathing"].name in flat
        assert catalog.routines["flare_up_gentle"].name in flat
    assert f"{pages}" in flat
    assert "{" not in flat and "}" not in flat  # no placeholder left unfilled
    # Longer words (German, Spanish dates) wrap instead of running off the page.
    assert words_past_the_margin(target, margin_mm=15) == []


@pytest.mark.parametrize("language", LANGS, indirect=True)
def test_the_verdict_reasons_in_the_report_are_translated_too(qapp, history, language):
    from stretchguide.qt.report_data import assemble_report
    from stretchguide.qt.report_words import report_lines

    _fill(history)
    report = assemble_report(history, {}, TODAY, TODAY - timedelta(days=13))
    assert report.verdict_reasons
    text = "\n".join(t for _style, t in report_lines(report))
    assert english_lines(text) == []


@pytest.mark.parametrize("language", ("en", *LANGS), indirect=True)
def test_the_printed_sheet_is_in_the_chosen_language(qapp, tmp_path, language):
    target = tmp_path / "sheet.pdf"
    assert 1 <= write_sheet_pdf(target) <= 2
    text = pdf_text(target)
    flat = re.sub(r"\s+", " ", text)
    for words in SHEET_WORDS[language]:
        assert words in flat, f"{words!r} missing from the {language} sheet"
    # The day it was printed reads the long way in every language, English too.
    assert format_date(TODAY) in flat
    if language == "en":
        assert "Printed 20 March 2026 by StretchGuide" in flat
    else:
        assert english_lines(text) == [], f"English left in the {language} sheet"
    assert "{" not in flat and "}" not in flat
    assert words_past_the_margin(target, margin_mm=12) == []


@pytest.mark.parametrize("language", LANGS, indirect=True)
def test_the_dose_on_the_sheet_is_translated_too(qapp, tmp_path, language):
    target = tmp_path / "sheet.pdf"
    write_sheet_pdf(target)
    words = set(re.findall(r"[a-z]+", pdf_text(target)))
    assert not words & {"reps", "hold", "alternating", "sides", "each"}


def test_the_english_check_finds_english():
    """The detector the tests above rely on does find an English sentence."""
    assert english_lines("Felt better 3, the same 2 and worse 1") != []
    assert english_lines("Danach besser: 3, gleich: 2, schlechter: 1") == []
    assert english_lines("StretchGuide report, prepared from the notes") == []  # allowed


def test_dates_and_numbers_as_each_language_writes_them():
    day = date(2026, 12, 2)
    assert [format_date(day, lang) for lang in ("en", *LANGS)] == [
        "2 December 2026",
        "2. Dezember 2026",
        "2 de diciembre de 2026",
        "2 décembre 2026",
    ]
    assert format_date(date(2026, 5, 1), "fr") == "1er mai 2026"
    assert [format_day_month(day, lang) for lang in ("en", *LANGS)] == [
        "2 Dec",
        "2. Dez.",
        "2 dic",
        "2 déc.",
    ]
    when = datetime(2026, 12, 2, 9, 5)
    assert format_datetime(when, "en") == "2 December 2026, 09:05"
    assert format_datetime(when, "de") == "2. Dezember 2026, 09:05"
    assert format_datetime(when, "fr") == "2 décembre 2026 à 09:05"
    assert format_day_month(date(2026, 5, 1), "fr") == "1er mai"
    assert [format_number(6.25, 1, lang) for lang in ("en", *LANGS)] == ["6.2", "6,2", "6,2", "6,2"]
    glued = keep_punctuation_together("Côté : gauche ; « Ça fait mal » ?")
    assert glued == "Côté\u00a0: gauche\u00a0; «\u00a0Ça fait mal\u00a0»\u00a0?"
    assert keep_punctuation_together("Why: hurts; 3/10?") == "Why: hurts; 3/10?"
    # Unknown languages fall back to the English forms, never a crash.
    assert format_date(day, "it") == "2 December 2026"


@pytest.mark.parametrize("language", LANGS, indirect=True)
def test_the_cli_calendar_is_titled_in_the_language(tmp_path, capsys, language):
    from stretchguide.commands.sheet import run_plan
    from stretchguide.core.ics import parse

    class Args:
        routine = "flare_up_gentle"
        ics = str(tmp_path / "plan.ics")
        at = "18:00"
        force = False

    assert run_plan(Args(), paths.resolve(None).ensure()) == 0
    text = (tmp_path / "plan.ics").read_text(encoding="utf-8")
    events = parse(text)
    title = {"de": "Dehnübungen: ", "es": "Estiramientos: ", "fr": "Étirements : "}[language]
    routine = i18n.translate_catalog(load_builtin(), language).routines["flare_up_gentle"]
    assert events[0]["SUMMARY"] == title + routine.name
    assert routine.schedule.text in events[0]["DESCRIPTION"]
    assert "Wrote" not in capsys.readouterr().out


def test_the_csv_and_json_exports_are_the_same_in_every_language(history, tmp_path):
    """Exports are for programs (spreadsheets, a re-import): column names,
    statuses, ISO times and decimal points stay as they are in any language,
    and a person's notes stay in their own words."""
    from stretchguide.store import exchange

    _fill(history, days=3)
    written: dict[str, dict[str, bytes]] = {}
    try:
        for lang in ("en", *LANGS):
            i18n.set_language(lang)
            out = tmp_path / lang
            files = [exchange.export_json(history, out / "all.json")]
            files += exchange.export_csv(history, out / "csv")
            written[lang] = {p.name: p.read_bytes() for p in files}
    finally:
        i18n.set_language("en")
    assert b"started" in written["en"]["sessions.csv"]
    for lang in LANGS:
        assert written[lang] == written["en"], lang


@pytest.mark.parametrize("rid", sorted(load_builtin().routines))
def test_every_routine_sheet_in_german_still_fits_two_pages(qapp, tmp_path, rid):
    """German is the longest of the languages: the sheet sets its text a
    little smaller (never under 8 pt) and its figures smaller, not a third page."""
    from stretchguide.qt.sheet import write_pdf

    catalog = i18n.translate_catalog(load_builtin(), "de")
    routine = catalog.routines[rid]
    target = tmp_path / "sheet.pdf"
    i18n.set_language("de")
    try:
        pages = write_pdf(
            target, routine, catalog.exercises, P.Plan.for_routine(routine, TODAY), today=TODAY
        )
    finally:
        i18n.set_language("en")
    assert 1 <= pages <= 2
    flat = re.sub(r"\s+", " ", pdf_text(target, "-raw"))
    for item in routine.items:
        assert catalog.exercises[item.exercise_id].name in flat
    assert "Brechen Sie jede Übung ab" in flat  # the last line is on the page
    assert words_past_the_margin(target, margin_mm=12) == []
