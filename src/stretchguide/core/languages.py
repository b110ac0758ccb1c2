"""Which language to speak: the rule shared by the command line, the content
and the interface, standard library only.

Kept apart from ``core.i18n`` (which re-exports it) because the app resolves
its language before its first paint: importing ``core.i18n`` and
``importlib.resources`` for this cost ~15 ms of CPU there, next to a bare Qt
window's ~150 ms.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Final

SOURCE_LANGUAGE: Final = "en"
DOMAIN: Final = "stretchguide"


def locale_dir() -> Path:
    """Where the ``.po`` sources live (source tree, wheel and bundle alike):
    ``stretchguide/locale`` beside this package, as
    ``importlib.resources.files("stretchguide")`` finds it."""
    return Path(__file__).parent.parent / "locale"


def po_path(lang: str, base: Path | None = None) -> Path:
    return (base or locale_dir()) / lang / f"{DOMAIN}.po"


def available_languages(base: Path | None = None) -> tuple[str, ...]:
    """English, then every language with a ``.po`` file, sorted by code."""
    folder = base or locale_dir()
    found = sorted(p.parent.name for p in folder.glob(f"*/{DOMAIN}.po"))
    return (SOURCE_LANGUAGE, *(code for code in found if code != SOURCE_LANGUAGE))


_LANG_CODE = re.compile(r"^([A-Za-z]{2,3})(?:[_-][A-Za-z0-9]+)?(?:\.[^@]*)?(?:@.*)?$")


def language_code(value: str) -> str | None:
    """The language part of a locale or code ("de_DE.UTF-8" -> "de"), or None."""
    match = _LANG_CODE.match(value.strip())
    return match.group(1).lower() if match else None


def resolve_language(
    setting: str | None,
    environ: Mapping[str, str],
    available: tuple[str, ...] | None = None,
) -> str:
    """The language to use: the setting, else the system locale, else English.

    ``setting`` is a language code ("de", "de_DE"), or empty/None/"system" to
    follow the system. The system locale is the first set of ``LC_ALL``,
    ``LC_MESSAGES`` and ``LANG`` (POSIX order: ``LC_ALL`` overrides), so
    ``de_DE.UTF-8`` gives ``de``. Anything we do not ship gives English.
    """
    shipped = available if available is not None else available_languages()
    if setting and setting.strip().lower() not in {"system", "auto"}:
        code = language_code(setting)
        return code if code in shipped else SOURCE_LANGUAGE
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            code = language_code(value)
            return code if code in shipped else SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


# The language core speaks, recorded here (cheap, before the app's first
# paint); core.i18n compiles its translations on first use.
_chosen: str = SOURCE_LANGUAGE


def choose_language(lang: str) -> str:
    """Make ``lang`` core's language (English if it is not shipped); returns it."""
    global _chosen
    _chosen = lang if lang in available_languages() else SOURCE_LANGUAGE
    return _chosen


def chosen_language() -> str:
    return _chosen
