"""Translations for core: code strings and built-in content, standard library only.

One mechanism for this layer (the Qt layer has its own, ``tr()``): GNU
gettext catalogues. The sources are the ``.po`` files in
``stretchguide/locale/<lang>/stretchguide.po``, compiled *in memory*
(``core/po.py``) at the first use of a language: no ``.mo`` can go stale.

Two kinds of entries share one file:

- **Code strings**: ``_("...")``, ``ngettext(...)`` in core, no context.
- **Content** from the TOML files, keyed by content id in ``msgctxt``
  (``exercise.<id>.step.<n>``) with the English text as ``msgid``. When the
  English is edited, the old translation no longer matches and the English
  shows (the tests fail until it is translated again).

A missing or fuzzy translation falls back to English: a person never sees an
empty line. ``tools/i18n_extract.py`` writes the template and updates the
``.po`` files; docs/TRANSLATING.md explains how to add a language.
"""

from __future__ import annotations

import functools
import gettext
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final

from stretchguide.core.languages import (  # the language rule, re-exported
    DOMAIN as DOMAIN,
)
from stretchguide.core.languages import (
    SOURCE_LANGUAGE as SOURCE_LANGUAGE,
)
from stretchguide.core.languages import (
    available_languages as available_languages,
)
from stretchguide.core.languages import (
    choose_language as choose_language,
)
from stretchguide.core.languages import (
    chosen_language as chosen_language,
)
from stretchguide.core.languages import (
    language_code as language_code,
)
from stretchguide.core.languages import (
    locale_dir as locale_dir,
)
from stretchguide.core.languages import (
    po_path as po_path,
)
from stretchguide.core.languages import (
    resolve_language as resolve_language,
)

# The catalog (~50 ms of dataclasses, enums and TOML parsing) and tomllib are
# imported where they are used: a caller that only sets the language (the
# app, before its first paint) does not pay for them.
from stretchguide.core.po import (  # the .po reader, re-exported
    PoEntry as PoEntry,
)
from stretchguide.core.po import (
    PoError as PoError,
)
from stretchguide.core.po import (
    compile_mo as compile_mo,
)
from stretchguide.core.po import (
    parse_po as parse_po,
)

if TYPE_CHECKING:
    from stretchguide.core.catalog import Catalog, Dose, Exercise, Guidance, Routine, Side


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue for ``lang``; English (or unknown) translates nothing."""
    path = po_path(lang)
    if lang == SOURCE_LANGUAGE or not path.is_file():
        return gettext.NullTranslations()
    entries = parse_po(path.read_text(encoding="utf-8"), str(path))
    return gettext.GNUTranslations(io.BytesIO(compile_mo(entries)))


# --- The active language for code strings ----------------------------------

# The chosen language lives in core.languages (the app records it there before
# its first paint without importing this module); the translations for it are
# compiled here on the first ``_()`` after a change: reading and compiling a
# ``.po`` takes 35-75 ms, which at start-up would hold back the first paint.
_active: gettext.NullTranslations = gettext.NullTranslations()
_active_lang: str = SOURCE_LANGUAGE


def set_language(lang: str) -> None:
    """Make ``lang`` the language of ``_()`` (the composition root calls this once).

    The catalogue is compiled on first use, not here."""
    choose_language(lang)


def _translator() -> gettext.NullTranslations:
    global _active, _active_lang
    lang = chosen_language()
    if lang != _active_lang:
        _active = translations(lang)
        _active_lang = lang
    return _active


def current_language() -> str:
    return chosen_language()


def _(message: str) -> str:
    """The active translation of a code string."""
    return _translator().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for ``n`` in the active language (its own plural rules)."""
    return _translator().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _translator().pgettext(context, message)


def N_(message: str) -> str:  # noqa: N802 - the gettext name extractors look for
    """Marks a string for extraction where it is defined; translate it with ``_()`` where used."""
    return message


def NP_(context: str, message: str) -> str:  # noqa: N802 - as N_, with a context
    """``N_`` for an entry in a context; translate it with ``pgettext(context, ...)``."""
    return message


# --- Numbers and dates -----------------------------------------------------
#
# The one place core, store and the paper documents (report, sheet, plan)
# write a date or a number for a person. Every word and pattern is a gettext
# entry, so a new language brings its own in its .po file and no table here
# grows. English reads the long way too ("2 December 2026"); files meant for
# programs (CSV, JSON, .ics) keep ISO and never come through here.
# ``lang`` picks a language other than the active one (None: the active).

# Month names are code strings like any other.
_MONTHS: Final = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)
# Short names for a chart's axis, as each country abbreviates them ("Dez.",
# "déc."); in context, so "May" is not one entry with the full name.
_SHORT_MONTHS: Final = (
    NP_("short month", "Jan"),
    NP_("short month", "Feb"),
    NP_("short month", "Mar"),
    NP_("short month", "Apr"),
    NP_("short month", "May"),
    NP_("short month", "Jun"),
    NP_("short month", "Jul"),
    NP_("short month", "Aug"),
    NP_("short month", "Sep"),
    NP_("short month", "Oct"),
    NP_("short month", "Nov"),
    NP_("short month", "Dec"),
)

# Translators: the order of a date's parts; German "{day}. {month} {year}".
_LONG_DATE: Final = N_("{day} {month} {year}")


def _tr(lang: str | None) -> gettext.NullTranslations:
    return _translator() if lang is None else translations(lang)


def format_number(value: float, digits: int = 1, lang: str | None = None) -> str:
    """``value`` with ``digits`` decimals and the language's decimal mark ("4,5" in de/es/fr)."""
    text = f"{value:.{digits}f}"
    # Translators: the decimal mark, "." in English, "," in German.
    mark = _tr(lang).pgettext("decimal mark", ".")
    return text.replace(".", mark) if mark != "." else text


def _day_number(day: date, tr: gettext.NullTranslations) -> str:
    # Translators: French writes the first of the month "1er".
    return tr.pgettext("first day of the month", "1") if day.day == 1 else str(day.day)


def format_date(day: date, lang: str | None = None) -> str:
    """A date a person reads, the language's way: "2 December 2026",
    "2. Dezember 2026", "2 de diciembre de 2026", "2 décembre 2026"."""
    tr = _tr(lang)
    month = tr.gettext(_MONTHS[day.month - 1])
    pattern = tr.gettext(_LONG_DATE)
    return pattern.format(day=_day_number(day, tr), month=month, year=day.year)


def format_day_month(day: date, lang: str | None = None) -> str:
    """Day and short month, for a chart's axis: "2 Dec", "2. Dez.", "2 dic", "2 déc."."""
    tr = _tr(lang)
    month = tr.pgettext("short month", _SHORT_MONTHS[day.month - 1])
    pattern = tr.pgettext("day and short month", "{day} {month}")
    return pattern.format(day=_day_number(day, tr), month=month)


def format_datetime(when: datetime, lang: str | None = None) -> str:
    """A date with its time of day, 24-hour clock: "2 December 2026, 09:05"."""
    tr = _tr(lang)
    pattern = tr.pgettext("date with time", "{date}, {time}")
    return pattern.format(date=format_date(when.date(), lang), time=when.strftime("%H:%M"))


_GLUED: Final[tuple[tuple[str, str], ...]] = (
    (" ?", "\u00a0?"),
    (" !", "\u00a0!"),
    (" :", "\u00a0:"),
    (" ;", "\u00a0;"),
    (" »", "\u00a0»"),
    ("« ", "«\u00a0"),
)


def keep_punctuation_together(text: str) -> str:
    """A space before ? ! : ; or inside « » (French writes them) becomes a
    no-break space, so a line never wraps or starts with the mark alone.

    Only a space a translation wrote is changed, so any language that spaces
    its punctuation gets this without code, and English is left as it is.
    """
    for plain, glued in _GLUED:
        text = text.replace(plain, glued)
    return text


# --- Content ----------------------------------------------------------------


@dataclass(frozen=True)
class ContentText:
    context: str  # e.g. "exercise.bridge.step.2"
    text: str  # the English
    source: str  # the content file, for translators


def _exercise_texts(e: Exercise) -> Iterator[ContentText]:
    src = "content/exercises.toml"
    p = f"exercise.{e.id}"
    yield ContentText(f"{p}.name", e.name, src)
    for i, s in enumerate(e.also_called, 1):
        yield ContentText(f"{p}.also_called.{i}", s, src)
    for i, s in enumerate(e.steps, 1):
        yield ContentText(f"{p}.step.{i}", s, src)
    if e.say:
        yield ContentText(f"{p}.say", e.say, src)
    for i, s in enumerate(e.cautions, 1):
        yield ContentText(f"{p}.caution.{i}", s, src)
    for i, s in enumerate(e.targets, 1):
        yield ContentText(f"{p}.target.{i}", s, src)
    for i, s in enumerate(e.dose.stages, 1):
        yield ContentText(f"{p}.stage.{i}", s, src)


def _routine_texts(r: Routine) -> Iterator[ContentText]:
    src = f"content/routines/{r.id}.toml"
    p = f"routine.{r.id}"
    yield ContentText(f"{p}.name", r.name, src)
    yield ContentText(f"{p}.description", r.description, src)
    yield ContentText(f"{p}.schedule", r.schedule.text, src)
    for n, item in enumerate(r.items, 1):
        if item.note:
            yield ContentText(f"{p}.item.{n}.note", item.note, src)
        for k, s in enumerate(item.dose.stages, 1):
            yield ContentText(f"{p}.item.{n}.stage.{k}", s, src)


def content_texts(catalog: Catalog) -> list[ContentText]:
    """Every built-in text a person reads or hears, with its content id."""
    out: list[ContentText] = []
    for e in catalog.exercises.values():
        out += _exercise_texts(e)
    for r in catalog.routines.values():
        if r.builtin:
            out += _routine_texts(r)
    src = "content/guidance.toml"
    for a in catalog.guidance.items:
        out.append(ContentText(f"advice.{a.id}.title", a.title, src))
        out.append(ContentText(f"advice.{a.id}.text", a.text, src))
    return [t for t in out if t.text]


def _tuple(tr: gettext.NullTranslations, prefix: str, texts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(tr.pgettext(f"{prefix}.{i}", s) for i, s in enumerate(texts, 1))


def _dose(tr: gettext.NullTranslations, prefix: str, dose: Dose) -> Dose:
    if not dose.stages:
        return dose
    return replace(dose, stages=_tuple(tr, prefix, dose.stages))


def _exercise(tr: gettext.NullTranslations, e: Exercise) -> Exercise:
    p = f"exercise.{e.id}"
    return replace(
        e,
        name=tr.pgettext(f"{p}.name", e.name),
        also_called=_tuple(tr, f"{p}.also_called", e.also_called),
        steps=_tuple(tr, f"{p}.step", e.steps),
        say=tr.pgettext(f"{p}.say", e.say) if e.say else e.say,
        cautions=_tuple(tr, f"{p}.caution", e.cautions),
        targets=_tuple(tr, f"{p}.target", e.targets),
        dose=_dose(tr, f"{p}.stage", e.dose),
    )


def _routine(tr: gettext.NullTranslations, r: Routine) -> Routine:
    if not r.builtin:
        return r  # a person's own routine is in their own words
    p = f"routine.{r.id}"
    items = tuple(
        replace(
            item,
            note=tr.pgettext(f"{p}.item.{n}.note", item.note) if item.note else item.note,
            dose=_dose(tr, f"{p}.item.{n}.stage", item.dose),
        )
        for n, item in enumerate(r.items, 1)
    )
    return replace(
        r,
        name=tr.pgettext(f"{p}.name", r.name),
        description=tr.pgettext(f"{p}.description", r.description),
        schedule=replace(r.schedule, text=tr.pgettext(f"{p}.schedule", r.schedule.text)),
        items=items,
    )


def translate_guidance(guidance: Guidance, lang: str) -> Guidance:
    if lang == SOURCE_LANGUAGE:
        return guidance
    tr = translations(lang)
    items = tuple(
        replace(
            a,
            title=tr.pgettext(f"advice.{a.id}.title", a.title),
            text=tr.pgettext(f"advice.{a.id}.text", a.text),
        )
        for a in guidance.items
    )
    return replace(guidance, items=items)


def translate_catalog(catalog: Catalog, lang: str) -> Catalog:
    """The same catalog with every person-facing text in ``lang``.

    Ids, doses and structure are untouched, so history, figures and clips
    keyed by id work in every language. English returns ``catalog`` itself.
    """
    if lang == SOURCE_LANGUAGE:
        return catalog
    tr = translations(lang)
    return replace(
        catalog,
        exercises={k: _exercise(tr, e) for k, e in catalog.exercises.items()},
        routines={k: _routine(tr, r) for k, r in catalog.routines.items()},
        guidance=translate_guidance(catalog.guidance, lang),
    )


# --- Naming the side in translated steps ------------------------------------


@dataclass(frozen=True)
class SidePhrase:
    text: str  # as written in the translated steps ("das schmerzende Bein")
    role: str  # "painful": the side worked; "other": the opposite side
    left: str  # what it becomes when that leg is the left one
    right: str


def sides_path(lang: str, base: Path | None = None) -> Path:
    return (base or locale_dir()) / lang / "sides.toml"


@functools.cache
def side_phrases(lang: str) -> tuple[SidePhrase, ...]:
    """The language's "painful leg"/"other leg" phrases, longest first.

    English names the side in ``timeline.name_side`` itself; a translation
    lists, in ``sides.toml``, every form its steps use (German declines
    "das schmerzende Bein" / "dem schmerzenden Bein"), so the session can put
    in the leg being worked and never leaves the person to guess.
    """
    import tomllib

    path = sides_path(lang)
    if lang == SOURCE_LANGUAGE or not path.is_file():
        return ()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out: list[SidePhrase] = []
    for n, row in enumerate(data.get("phrase", []), 1):
        try:
            phrase = SidePhrase(
                str(row["text"]), str(row["role"]), str(row["left"]), str(row["right"])
            )
        except KeyError as exc:
            raise PoError(f"{path}: phrase {n} has no {exc.args[0]!r}") from None
        if phrase.role not in {"painful", "other"}:
            raise PoError(f"{path}: phrase {n}: role must be 'painful' or 'other'")
        out.append(phrase)
    return tuple(sorted(out, key=lambda p: -len(p.text)))


def name_side_translated(text: str, side: Side, lang: str) -> str:
    """``text`` with each listed phrase replaced by the named leg."""
    from stretchguide.core.catalog import Side

    for phrase in side_phrases(lang):
        leg = side if phrase.role == "painful" else side.other
        named = phrase.left if leg is Side.LEFT else phrase.right
        if phrase.text in text:
            text = text.replace(phrase.text, named)
        capital = phrase.text[:1].upper() + phrase.text[1:]
        if capital != phrase.text and capital in text:
            text = text.replace(capital, named[:1].upper() + named[1:])
    return text


# --- Placeholders -----------------------------------------------------------

_PLACEHOLDER = re.compile(
    r"\{[A-Za-z_][A-Za-z0-9_]*(?:[:!][^{}]*)?\}|%\([A-Za-z_]+\)[sdif]|%[sdif]|\d+"
)


def placeholders(text: str) -> list[str]:
    """Format fields, %-codes and numbers, sorted: these must survive translation."""
    return sorted(_PLACEHOLDER.findall(text))


# --- Finding code strings ---------------------------------------------------

MARKERS: Final = {"_": 1, "N_": 1, "said": 1, "ngettext": 2, "said_n": 2, "pgettext": 2, "NP_": 2}


@dataclass(frozen=True)
class CodeText:
    msgid: str
    msgid_plural: str | None
    context: str | None
    where: str  # "core/safety.py:42"


def code_texts(source: str, where: str) -> list[CodeText]:
    """The literal strings in calls to the ``MARKERS`` (``core.messages.said`` too)."""
    import ast  # only the extractor and tests need it, not the app

    out: list[CodeText] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = (
            func.id
            if isinstance(func, ast.Name)
            else func.attr
            if isinstance(func, ast.Attribute)
            else ""
        )
        if name not in MARKERS:
            continue
        args = node.args
        literal = [
            a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
            for a in args
        ]
        at = f"{where}:{node.lineno}"
        if name in {"_", "N_", "said"} and literal and literal[0] is not None:
            out.append(CodeText(literal[0], None, None, at))
        elif name in {"ngettext", "said_n"} and len(literal) >= 2 and literal[0] and literal[1]:
            out.append(CodeText(literal[0], literal[1], None, at))
        elif name in {"pgettext", "NP_"} and len(literal) >= 2 and literal[0] and literal[1]:
            out.append(CodeText(literal[1], None, literal[0], at))
    return out
