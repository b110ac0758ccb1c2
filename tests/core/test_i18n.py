"""Core translations: language choice, the .po reader, completeness of every
shipped language, placeholders, a fresh template, and English left as it was."""

from __future__ import annotations

import gettext
import importlib.util
import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from stretchguide.core import i18n, safety
from stretchguide.core.catalog import Side, load_builtin
from stretchguide.core.i18n import (
    PoEntry,
    PoError,
    compile_mo,
    content_texts,
    parse_po,
    placeholders,
    resolve_language,
    translate_catalog,
)
from stretchguide.core.timeline import name_side

ROOT = Path(__file__).resolve().parents[2]
# Every language with a .po is checked; a new one needs no change here.
SHIPPED = i18n.available_languages()[1:]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "i18n_extract", ROOT / "tools" / "i18n_extract.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def _po(lang: str) -> dict[tuple[str | None, str], PoEntry]:
    path = i18n.po_path(lang)
    return {e.key: e for e in parse_po(path.read_text(encoding="utf-8"), str(path))}


def _pot() -> list[PoEntry]:
    path = i18n.locale_dir() / "stretchguide.pot"
    return parse_po(path.read_text(encoding="utf-8"), str(path))[1:]


# --- choosing the language ----------------------------------------------------

AVAILABLE = ("en", "de", "es", "fr")


def test_explicit_setting_wins_over_the_system_locale() -> None:
    assert resolve_language("fr", {"LANG": "de_DE.UTF-8"}, AVAILABLE) == "fr"
    assert resolve_language("es_ES", {}, AVAILABLE) == "es"


def test_system_locale_decides_when_the_setting_is_empty_or_system() -> None:
    assert resolve_language(None, {"LANG": "de_DE.UTF-8"}, AVAILABLE) == "de"
    assert resolve_language("", {"LANG": "fr_CA.UTF-8@euro"}, AVAILABLE) == "fr"
    assert resolve_language("system", {"LANG": "es_MX"}, AVAILABLE) == "es"


def test_lc_all_overrides_lc_messages_which_overrides_lang() -> None:
    env = {"LC_ALL": "es_ES.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8", "LANG": "de_DE.UTF-8"}
    assert resolve_language(None, env, AVAILABLE) == "es"
    del env["LC_ALL"]
    assert resolve_language(None, env, AVAILABLE) == "fr"
    env["LC_ALL"] = ""  # set but empty counts as unset, as in POSIX
    assert resolve_language(None, env, AVAILABLE) == "fr"


def test_unknown_or_c_locale_gives_english() -> None:
    assert resolve_language(None, {}, AVAILABLE) == "en"
    assert resolve_language(None, {"LANG": "C.UTF-8"}, AVAILABLE) == "en"
    assert resolve_language(None, {"LANG": "POSIX"}, AVAILABLE) == "en"
    assert resolve_language(None, {"LANG": "ja_JP.UTF-8"}, AVAILABLE) == "en"
    assert resolve_language("xx", {"LANG": "de_DE"}, AVAILABLE) == "en"
    assert resolve_language("not a language!", {}, AVAILABLE) == "en"


def test_the_shipped_languages_are_found_from_the_locale_folder() -> None:
    assert i18n.available_languages()[0] == "en"
    assert {"de", "es", "fr"} <= set(SHIPPED)


# --- the .po reader and the in-memory catalogue --------------------------------

SAMPLE = r"""# a translator's note
msgid ""
msgstr ""
"Language: fr\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

#: core/x.py
msgctxt "exercise.a.step.1"
msgid "Lie down."
msgstr "Allongez-vous."

msgid "{n} day"
msgid_plural "{n} days"
msgstr[0] "{n} jour"
msgstr[1] "{n} jours"

#, fuzzy
#| msgid "Old text"
msgid "Stand up."
msgstr "Debout, vieux texte."

msgid "Say \"hi\"\n"
msgstr ""
"Dites "
"\"salut\"\n"

msgid "Not done yet."
msgstr ""
"""


def test_po_reader_compiles_to_a_working_gnu_catalogue() -> None:
    entries = parse_po(SAMPLE)
    tr = gettext.GNUTranslations(io.BytesIO(compile_mo(entries)))
    assert tr.pgettext("exercise.a.step.1", "Lie down.") == "Allongez-vous."
    assert tr.gettext("Lie down.") == "Lie down."  # the context is part of the key
    # French plural rule from the header: 0 and 1 are singular.
    assert tr.ngettext("{n} day", "{n} days", 0) == "{n} jour"
    assert tr.ngettext("{n} day", "{n} days", 2) == "{n} jours"
    assert tr.gettext('Say "hi"\n') == 'Dites "salut"\n'


def test_fuzzy_and_empty_translations_fall_back_to_english() -> None:
    entries = parse_po(SAMPLE)
    fuzzy = next(e for e in entries if e.msgid == "Stand up.")
    assert fuzzy.previous_msgid == "Old text" and not fuzzy.translated
    tr = gettext.GNUTranslations(io.BytesIO(compile_mo(entries)))
    assert tr.gettext("Stand up.") == "Stand up."
    assert tr.gettext("Not done yet.") == "Not done yet."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('msgid "a"\nmsgstr "b\n', "<t>:2"),
        ('msgid "a"\nmsgstr "b\\q"\n', "<t>:2"),
        ('msgid "a"\nmsgfoo "b"\n', "<t>:2"),
        ('"stray"\n', "<t>:1"),
        ('msgid "a"\n', "without msgstr"),
    ],
)
def test_a_broken_po_file_is_refused_naming_the_line(text: str, expected: str) -> None:
    with pytest.raises(PoError, match=re.escape(expected)):
        parse_po(text, "<t>")


# --- every shipped language is complete and keeps its placeholders -------------


@pytest.mark.parametrize("lang", SHIPPED)
def test_every_string_in_the_template_is_translated(lang: str) -> None:
    po = _po(lang)
    missing = [
        f"{e.msgctxt or ''} {e.msgid!r}"
        for e in _pot()
        if e.key not in po or not po[e.key].translated
    ]
    assert not missing, f"{lang}: {len(missing)} untranslated, first: {missing[:5]}"


@pytest.mark.parametrize("lang", SHIPPED)
def test_placeholders_and_numbers_survive_translation(lang: str) -> None:
    wrong = []
    for e in _po(lang).values():
        if not e.msgid or not e.translated:
            continue
        sources = [e.msgid] if e.msgid_plural is None else [e.msgid_plural] * len(e.msgstr)
        for source, text in zip(sources, e.msgstr, strict=True):
            if placeholders(source) != placeholders(text):
                wrong.append(
                    f"{e.msgctxt or e.msgid}: {placeholders(source)} != {placeholders(text)}"
                )
    assert not wrong, f"{lang}: " + "\n".join(wrong)


def test_placeholder_check_sees_fields_percent_codes_and_numbers() -> None:
    assert placeholders("Hold {seconds} s, %s and %(name)s, 10 to 15") == sorted(
        ["{seconds}", "%s", "%(name)s", "10", "15"]
    )
    assert placeholders("{peak:g} of 10") == ["10", "{peak:g}"]
    # A dropped number is caught: "3 to 5 times" must not become "a few times".
    assert placeholders("3 to 5 times") != placeholders("ein paar Mal")


_PLACEHOLDER_CODES = re.compile(r"\{[^}]*\}|%\([A-Za-z_]+\)[sdifr]|%[sdifr]")


@pytest.mark.parametrize("lang", SHIPPED)
def test_translations_are_not_left_in_english(lang: str) -> None:
    # A copied English line passes "translated" but helps nobody; short
    # names that are the same word in both languages are the exception.
    same = [
        e.msgid
        for e in _po(lang).values()
        if e.msgid
        and e.translated
        and e.msgstr[0] == e.msgid
        # Placeholders are not words: "{day} {month} {year}" is a word order,
        # and argparse's "%(prog)s: error: %(message)s" is one Spanish word.
        and len(re.findall(r"[A-Za-z]{2,}", _PLACEHOLDER_CODES.sub("", e.msgid))) > 2
    ]
    assert not same, f"{lang}: still English: {same[:5]}"


def test_the_template_and_po_files_are_fresh_against_the_sources() -> None:
    stale = [
        str(path.relative_to(ROOT))
        for path, text in _tool().planned().items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    assert not stale, f"stale {stale}: run python tools/i18n_extract.py"


def test_the_template_holds_every_content_text_and_code_string() -> None:
    pot = {e.key for e in _pot()}
    for t in content_texts(load_builtin()):
        assert (t.context, t.text) in pot
    for flag in safety.RED_FLAGS:
        assert (None, flag.question) in pot
    assert (None, safety.NOT_A_DIAGNOSIS) in pot


def test_an_edited_english_text_makes_its_translation_fuzzy() -> None:
    tool = _tool()
    pot = [
        tool._header(None),
        PoEntry("Lie on your back, knees bent.", msgctxt="exercise.x.step.1"),
        PoEntry("A new line.", msgctxt="exercise.x.step.2"),
    ]
    old = [PoEntry("Lie on your back.", ("Legen Sie sich auf den Rücken.",), "exercise.x.step.1")]
    new = tool.update(pot, old, "de")
    edited = new[1]
    assert edited.msgstr == ("Legen Sie sich auf den Rücken.",)
    assert "fuzzy" in edited.flags and edited.previous_msgid == "Lie on your back."
    assert not edited.translated and not new[2].translated
    # Written out and read back, the fuzzy line still falls back to English.
    tr = gettext.GNUTranslations(io.BytesIO(compile_mo(parse_po(tool.render(new)))))
    assert tr.pgettext("exercise.x.step.1", edited.msgid) == edited.msgid


# --- English unchanged; other languages change only the words ------------------


def test_english_returns_the_catalog_itself_and_code_strings_unchanged(english: None) -> None:
    catalog = load_builtin()
    assert translate_catalog(catalog, "en") is catalog
    for e in _pot():
        if e.msgid_plural is None and e.msgctxt is None:
            assert i18n._(e.msgid) == e.msgid
    response = safety.pain_response(before=None, after=None, during_peak=2)
    assert response.reasons == ("Pain stayed low: 2 out of 10 at most.",)
    assert response.advice == (
        "That looks fine. Carry on with the routine as planned. "
        "This is general guidance, not a diagnosis."
    )
    assert i18n.ngettext("{n} day a week", "{n} days a week", 1) == "{n} day a week"


@pytest.mark.parametrize("lang", SHIPPED)
def test_a_translated_catalog_keeps_ids_doses_and_structure(lang: str) -> None:
    catalog = load_builtin()
    translated = translate_catalog(catalog, lang)
    assert translated.exercises.keys() == catalog.exercises.keys()
    for key, e in catalog.exercises.items():
        t = translated.exercises[key]
        assert (t.id, t.position, t.kind, t.phases, t.feel) == (
            e.id,
            e.position,
            e.kind,
            e.phases,
            e.feel,
        )
        assert len(t.steps) == len(e.steps) and t.name != e.name
        assert t.dose.hold_s == e.dose.hold_s and t.dose.reps == e.dose.reps
    for key, r in catalog.routines.items():
        t = translated.routines[key]
        assert [i.exercise_id for i in t.items] == [i.exercise_id for i in r.items]
        assert t.schedule.sessions_per_week == r.schedule.sessions_per_week
        assert t.name != r.name
    assert [a.id for a in translated.guidance.items] == [a.id for a in catalog.guidance.items]
    assert load_builtin() is catalog  # the cached English is not touched


def test_setting_the_language_reads_its_po_file_only_when_first_needed(english: None) -> None:
    # The app sets the language before its first paint; reading and compiling
    # a .po is 35-75 ms, so it waits for the first translated string.
    entry = next(
        e
        for e in _po("de").values()
        if e.msgid and e.msgctxt is None and e.msgid_plural is None and e.translated
    )
    i18n.translations.cache_clear()
    i18n.set_language("de")
    assert i18n.current_language() == "de"
    assert i18n.translations.cache_info().currsize == 0
    assert i18n._(entry.msgid) == entry.msgstr[0]
    assert i18n.translations.cache_info().currsize == 1


@pytest.mark.parametrize("lang", SHIPPED)
def test_code_strings_follow_the_active_language(lang: str, english: None) -> None:
    english_advice = safety.pain_response(before=None, after=None, during_peak=2).advice
    i18n.set_language(lang)
    assert i18n.current_language() == lang
    response = safety.pain_response(before=None, after=None, during_peak=2)
    assert response.advice != english_advice
    assert "2" in response.reasons[0] and "10" in response.reasons[0]


# --- the side being worked is named in every language ---------------------------

_ENGLISH_SIDE = re.compile(
    r"\b(?:the painful|painful|Painful|the other) (?:leg|side|foot|hip|knee)\b"
)


@pytest.mark.parametrize("lang", SHIPPED)
def test_translated_steps_name_the_leg_being_worked(lang: str, english: None) -> None:
    english_catalog = load_builtin()
    translated = translate_catalog(english_catalog, lang)
    phrases = i18n.side_phrases(lang)
    assert phrases, f"{lang}: no sides.toml"
    i18n.set_language(lang)
    for key, e in english_catalog.exercises.items():
        for source, text in zip(e.steps, translated.exercises[key].steps, strict=True):
            if not _ENGLISH_SIDE.search(source):
                continue
            used = [p for p in phrases if p.text.lower() in text.lower()]
            assert used, f"{lang} {key}: {text!r} uses none of the phrases in sides.toml"
            for side in (Side.LEFT, Side.RIGHT):
                named = name_side(text, side)
                assert not any(p.text.lower() in named.lower() for p in phrases), named
                assert named != text


def test_side_phrase_replacement_names_the_other_leg_for_other() -> None:
    i18n.side_phrases.cache_clear()
    phrases = i18n.side_phrases("de")
    other = next(p for p in phrases if p.role == "other")
    painful = next(p for p in phrases if p.role == "painful")
    text = f"{painful.text} / {other.text}"
    assert i18n.name_side_translated(text, Side.LEFT, "de") == f"{painful.left} / {other.right}"


def test_a_german_session_names_the_leg_on_screen_and_at_the_switch(english: None) -> None:
    from stretchguide.core.timeline import SessionOptions, SideMode, build_timeline

    i18n.set_language("de")
    catalog = translate_catalog(load_builtin(), "de")
    options = SessionOptions(side_mode=SideMode.AFFECTED_FIRST, affected_side=Side.LEFT)

    def shown(routine_id: str, exercise_id: str) -> str:
        routine = catalog.routines[routine_id]
        steps = build_timeline(routine, catalog.exercises, options).steps
        return " ".join(s.instruction for s in steps if s.exercise_id == exercise_id)

    # A dose for the painful leg: the left one, by name.
    hamstring = shown("article_000_basics", "supine_hamstring_stretch")
    assert "Heben Sie das linke Bein zur Decke." in hamstring
    assert "schmerzende" not in hamstring
    # A dose for each leg: painful (left) first, then the switch in German.
    knee = shown("article_001_seven_best", "single_knee_to_chest")
    assert "Jetzt Ihr rechtes Bein." in knee
    assert "Now your" not in knee and "das andere Bein" not in knee


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt not installed")
@pytest.mark.parametrize("lang", SHIPPED)
def test_our_reader_agrees_with_gnu_msgfmt(lang: str, tmp_path: Path) -> None:
    # msgfmt --check also checks python-brace-format entries on its own.
    mo = tmp_path / "gnu.mo"
    subprocess.run(
        ["msgfmt", "--check", "-o", str(mo), str(i18n.po_path(lang))],
        check=True,
        capture_output=True,
    )
    gnu = gettext.GNUTranslations(io.BytesIO(mo.read_bytes()))
    ours = i18n.translations(lang)
    for e in _pot():
        if e.msgid_plural is not None:
            for n in (0, 1, 2, 5):
                assert ours.ngettext(e.msgid, e.msgid_plural, n) == gnu.ngettext(
                    e.msgid, e.msgid_plural, n
                )
        elif e.msgctxt is not None:
            assert ours.pgettext(e.msgctxt, e.msgid) == gnu.pgettext(e.msgctxt, e.msgid)
        else:
            assert ours.gettext(e.msgid) == gnu.gettext(e.msgid)


# --- words a reviewer found misleading stay out (docs/i18n/<lang>.md) -----------

# Each is a word a fluent reader found to mislead in a health line; the
# glossary says what is used instead. Both catalogues are read: the core's
# .po files and Qt's .ts files.
MISLEADING = {
    # "entumecimiento" reads as stiffness: numbness is "adormecimiento".
    # "bajar" of symptoms also means "ease": spreading is "llegar más abajo".
    "es": (
        r"entumecimiento",
        r"\b(?:baja|bajan|bajó|bajaron|bajado|bajando|bajar)\b más por la pierna",
        r"vuelven? a bajar",
    ),
    # A check-in is "Check-in" (a survey is not what the person does, nor a hotel).
    "de": (r"\bAbfrage\b", r"\bchecken Sie\b"),
    # "Spread" and "fell" must not share the one verb "descendre".
    "fr": (r"\best descendue de\b",),
}


def _ts_translations(lang: str) -> list[str]:
    path = Path(i18n.__file__).parents[1] / "qt" / "translations" / f"stretchguide_{lang}.ts"
    return re.findall(r"<translation[^>]*>(.*?)</translation>", path.read_text("utf-8"), re.S)


@pytest.mark.parametrize("lang", sorted(MISLEADING))
def test_no_translation_uses_a_word_the_glossary_rules_out(lang: str) -> None:
    texts = [t for e in _po(lang).values() for t in e.msgstr] + _ts_translations(lang)
    found = [
        (pattern, text[:80])
        for pattern in MISLEADING[lang]
        for text in texts
        if re.search(pattern, text, re.IGNORECASE)
    ]
    assert not found, f"{lang}: {found}"


@pytest.mark.parametrize("lang", ["en", *SHIPPED])
def test_a_name_that_says_painful_leg_names_the_leg_hanging(lang: str, english: None) -> None:
    """ "Side stretch, painful leg hanging": with the painful leg never named
    both legs hang in turn, and the name over each said the painful one did,
    on screen and aloud, beside "Lean away from your left leg". Each side's
    steps carry the leg being worked, in every language."""
    from stretchguide.core.timeline import SessionOptions, build_timeline

    i18n.set_language(lang)
    catalog = translate_catalog(load_builtin(), lang)
    routine = catalog.routines["cause_foraminal_stenosis"]
    steps = [
        s
        for s in build_timeline(routine, catalog.exercises, SessionOptions()).steps
        if s.exercise_id == "side_stretch_dangle" and s.side is not None
    ]
    painful = catalog.exercises["side_stretch_dangle"].name
    names = {s.side: s.exercise_name for s in steps}
    assert set(names) == {Side.LEFT, Side.RIGHT}
    assert names[Side.LEFT] != names[Side.RIGHT]
    assert painful not in names.values()
    left_word = {"en": "left", "de": "linkes", "es": "izquierda", "fr": "gauche"}[lang]
    assert left_word in names[Side.LEFT]
