"""The interface language: Qt translators and the default QLocale.

One call, ``install_language(app, setting)``, before any window is built:
it resolves the language (the Settings choice wins, else LC_ALL /
LC_MESSAGES / LANG, else English), loads the app's ``.qm`` (built from
``src/stretchguide/qt/translations/*.ts`` by ``tools/i18n_qt.py`` into
``resources/translations/``) and Qt's own ``qtbase_<lang>.qm`` (so the
standard OK / Cancel / Yes / No buttons match), and sets the default QLocale
so ``QLocale()`` formats dates and numbers the local way.

Widgets read their text once, when built: a changed setting applies after a
restart, which the Settings dialog says.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # run before the first paint: datetime itself is not needed
    from datetime import date, datetime

    from PySide6.QtCore import QTranslator

# Offered in Settings (with "system", which follows the environment); the
# shipped languages themselves are core's (core.languages.available_languages).
# Each language named in itself, so a person who cannot read the current
# interface still finds their own: these are never translated.
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch", "es": "Español", "fr": "Français"}
QM_PREFIX = "stretchguide_"


def QT_TRANSLATE_NOOP(context: str, message: str, /) -> str:  # noqa: N802 - lupdate's name
    """Mark ``message`` for lupdate under ``context`` and hand it back as is.

    lupdate finds the call by this name; PySide6's own does the same at run
    time but its stubs type it ``object -> object``, so every marked label
    would need a cast before ``tr()`` would take it."""
    del context
    return message


def resolve_language(setting: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The language to use: a chosen one wins, else the locale variables in
    POSIX order (the first one set decides, as for any other program), else
    English."""
    # The core layer's rule, so the CLI, the content and the interface never
    # disagree (core.languages, not core.i18n: this runs before the first
    # paint, see PERFORMANCE.md).
    from stretchguide.core.languages import resolve_language as core_resolve

    env = os.environ if environ is None else environ
    chosen = None if setting in (None, "", "system") else setting
    return core_resolve(chosen, env)


def translations_dir() -> Path:
    from stretchguide.qt.assets import resources_root

    return resources_root() / "translations"


def qt_translations_dir() -> Path:
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


# Qt 6's file dialog asks for "&Look in:" and "Files of &type:"; Qt's own
# French and Spanish catalogues still hold the older "Look in:" and "Files of
# type:", so those two labels of the save dialogs stayed English. Ours carry
# them: Qt asks each installed catalogue in turn until one has the text.
QT_CATALOGUE_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    # The file list's type for a folder: English in Spanish and French.
    # Qt asks with a note ("All other platforms"); a catalogue that has
    # the text without one answers too.
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
)

# Installed translators must outlive the call (Qt keeps only a pointer).
_installed: list[QTranslator] = []
_language = "en"


def install_language(
    app: object, setting: str | None, environ: Mapping[str, str] | None = None
) -> str:
    """Install the translators for the resolved language, set the default
    QLocale and core's language (content, safety, verdicts); returns the
    language code. Call before building any window."""
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    global _language
    assert isinstance(app, QCoreApplication)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    lang = resolve_language(setting, environ)
    _language = lang
    # One decision for both layers: core's words (content, safety, verdicts)
    # follow the interface, so a screen never mixes two languages. Recorded in
    # core.languages: core.i18n itself is not needed before the first paint.
    from stretchguide.core.languages import choose_language

    choose_language(lang)
    QLocale.setDefault(QLocale(_qlocale_name(lang, environ)))
    # English too: its .qm holds the plural forms ("1 day", "2 days").
    ours = QTranslator(app)
    if ours.load(str(translations_dir() / f"{QM_PREFIX}{lang}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    qt_own = QTranslator(app)
    if lang != "en" and qt_own.load(f"qtbase_{lang}", str(qt_translations_dir())):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return lang


def _qlocale_name(lang: str, environ: Mapping[str, str] | None) -> str:
    """The locale for dates and numbers: the system's own when it speaks the
    chosen language (de_AT stays Austrian), else the language's main one."""
    from stretchguide.core.languages import language_code

    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_TIME", "LANG"):
        value = env.get(var, "")
        if value:
            name = value.split(".", 1)[0].split("@", 1)[0]
            if language_code(name) == lang and "_" in name:
                return name
            break
    return {"en": "en_GB", "de": "de_DE", "es": "es_ES", "fr": "fr_FR"}[lang]


def current_language() -> str:
    return _language


def format_date(day: date | datetime, style: str = "short") -> str:
    """A date the local way: ``short`` "Mon 3 Mar" style, ``long`` with the year."""
    from PySide6.QtCore import QDate, QLocale

    qd = QDate(day.year, day.month, day.day)
    fmt = "ddd d MMM" if style == "short" else "d MMM yyyy"
    return QLocale().toString(qd, fmt)


def format_decimal(value: float, digits: int = 1) -> str:
    """``value`` rounded to ``digits`` decimals, the local way ("0,7" in
    German), without trailing zeros ("2", not "2.0")."""
    from PySide6.QtCore import QLocale

    return QLocale().toString(round(value, digits), "g", 15)


def install_for_settings(app: object, settings_file: Path) -> str:
    """``install_language`` with the language chosen in the preferences file."""
    from stretchguide.qt.preferences import Preferences

    return install_language(app, Preferences(settings_file).language)
