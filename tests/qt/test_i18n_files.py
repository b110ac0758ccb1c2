"""The Qt translation files: complete, consistent and up to date.

Fails when a .ts misses a string the sources now ask for (run
``python tools/i18n_qt.py``), when a .qm was not rebuilt from its .ts, when
a string lacks a finished translation in any shipped language, when
placeholders, markup or the keyboard shortcut differ from the English, and
when a plural string lacks its plural forms.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("i18n_qt", ROOT / "tools" / "i18n_qt.py")
assert _spec and _spec.loader
tool = importlib.util.module_from_spec(_spec)
sys.modules["i18n_qt"] = tool
_spec.loader.exec_module(tool)

LANGS = tool.LANGS
ALL_TS = tool.ALL_TS
PLACEHOLDER = re.compile(r"%L?\d+|%n|\{[a-z_]*\}")
TAGS = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*")
# One '&' before a letter marks the keyboard shortcut (&& is a literal &,
# &nbsp; an HTML entity).
MNEMONIC = re.compile(r"(?<!&)&(?![&#]|[a-z]+;)(?=\w)")
# Qt's plural forms for each language (QTranslator's numerus rules).
PLURAL_FORMS = {"en": 2, "de": 2, "es": 2, "fr": 2}


def _texts(msg) -> list[str]:
    tr = msg.find("translation")
    if msg.get("numerus") == "yes":
        return [f.text or "" for f in tr.findall("numerusform")]
    return [tr.text or ""]


def _all(lang: str):
    return tool.messages(tool.ts_path(lang))


@pytest.mark.parametrize("lang", ALL_TS)
def test_each_ts_holds_exactly_the_strings_in_the_sources(lang):
    have = {(ctx, tool._key(m)) for ctx, m in _all(lang)}
    want = tool.fresh_keys(lang)
    assert sorted(want - have) == [], "new strings: run python tools/i18n_qt.py"
    assert sorted(have - want) == [], (
        "strings no longer in the sources: run python tools/i18n_qt.py"
    )


@pytest.mark.parametrize("lang", ALL_TS)
def test_each_qm_is_built_from_its_ts(lang):
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.qm"
        tool.compile_qm(tool.ts_path(lang), fresh)
        assert fresh.read_bytes() == tool.qm_path(lang).read_bytes(), (
            f"{tool.qm_path(lang).name} is stale: run python tools/i18n_qt.py compile"
        )


@pytest.mark.parametrize("lang", LANGS)
def test_every_string_has_a_finished_translation(lang):
    missing = [
        f"{ctx}: {m.findtext('source')!r}" for ctx, m in _all(lang) if not tool.is_finished(m)
    ]
    assert missing == []


@pytest.mark.parametrize("lang", ALL_TS)
def test_placeholders_markup_and_shortcuts_match_the_english(lang):
    wrong = []
    for ctx, msg in _all(lang):
        source = msg.findtext("source") or ""
        for text in _texts(msg):
            if not text:
                continue  # reported as unfinished
            for name, pattern in (("placeholders", PLACEHOLDER), ("tags", TAGS)):
                if sorted(pattern.findall(source)) != sorted(pattern.findall(text)):
                    wrong.append(f"{ctx}: {name} differ: {source!r} -> {text!r}")
            if len(MNEMONIC.findall(source)) != len(MNEMONIC.findall(text)):
                wrong.append(f"{ctx}: shortcut '&' differs: {source!r} -> {text!r}")
    assert wrong == []


@pytest.mark.parametrize("lang", ALL_TS)
def test_plural_strings_have_every_plural_form(lang):
    wrong = []
    for ctx, msg in _all(lang):
        source = msg.findtext("source") or ""
        plural = msg.get("numerus") == "yes"
        if "%n" in source and not plural:
            wrong.append(f"{ctx}: {source!r} has %n but is not a plural (tr(text, '', n))")
        if plural:
            forms = _texts(msg)
            if len(forms) != PLURAL_FORMS[lang] or not all(forms):
                wrong.append(f"{ctx}: {source!r} needs {PLURAL_FORMS[lang]} forms, has {forms}")
    assert wrong == []


def test_no_source_string_counts_with_a_bracketed_s():
    """ "day(s)" is for the numerus source text only; what a person reads
    comes from the plural forms, in English too (stretchguide_en.ts holds only those)."""
    for ctx, msg in _all("de"):
        source = msg.findtext("source") or ""
        if "(s)" in source:
            assert msg.get("numerus") == "yes", f"{ctx}: {source!r}"


def test_the_carry_over_keeps_a_translation_when_a_string_moves_class(tmp_path):
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="de">\n'
        "<context><name>Old</name>"
        "<message><source>Pain</source><translation>Schmerz</translation></message>"
        "<message><source>Leg pain now</source>"
        "<translation>Beinschmerz jetzt</translation></message>"
        "</context></TS>\n",
        "utf-8",
    )
    known = tool.finished_by_text(ts)
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="de">\n'
        "<context><name>New</name>"
        '<message><source>Pain</source><translation type="unfinished"></translation></message>'
        '<message><source>Leg pain</source><translation type="unfinished">Beinschmerz jetzt'
        "</translation></message></context></TS>\n",
        "utf-8",
    )
    assert tool.carry_over(ts, known) == 1
    (ctx, pain), (_, leg) = tool.messages(ts)
    assert ctx == "New" and pain.findtext("translation") == "Schmerz" and tool.is_finished(pain)
    # Only an identical text is trusted; a look-alike stays for a person to check.
    assert not tool.is_finished(leg)


def test_lupdate_found_every_literal_tr_call():
    """lupdate's Python reader is easy to lose (f-strings, some argument
    shapes): every literal handed to tr()/translate()/QT_TRANSLATE_NOOP in
    the sources must be in the .ts, or it would silently stay English."""
    import ast

    have = {tool._key(m)[0] for _, m in _all("de")}
    text_arg = {"tr": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1, "QT_TR_NOOP": 0}
    lost = []
    for path in tool.sources():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            i = text_arg.get(name)
            if i is None or len(node.args) <= i:
                continue
            arg = node.args[i]
            literal = isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            if literal and arg.value not in have:
                lost.append(f"{path.name}:{node.lineno}: {arg.value!r}")
    assert lost == []
