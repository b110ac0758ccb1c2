"""packaging/trim_icu.py: the bundle's smaller ICU data library still gives
Qt the same collation, time zone names and code pages in the app's languages
(docs/PACKAGING.md)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = {"en", "de", "es", "fr"}

# What Qt asks ICU for (nm -D libQt6Core: ucol_*, ucal_*, ucnv_*), in the
# locales the app sets as default (qt/i18n.py) and in one it does not ship.
PROBE = r"""
import functools, os
from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone
words = ["Äpfel", "apfel", "Zebra", "öl", "Ol", "ñandú", "nube", "côte", "coté", "cote", "chico"]
for loc in ["en_GB", "en_US", "de_DE", "de_AT", "es_ES", "es_MX", "fr_FR", "fr_CA", "sv_SE"]:
    c = QCollator(QLocale(loc))
    print("collation", loc, sorted(words, key=functools.cmp_to_key(c.compare)))
tz = QTimeZone(b"Europe/Berlin")
for loc in ["en_GB", "de_DE", "es_ES", "fr_FR", "ja_JP"]:
    for kind in QTimeZone.NameType.LongName, QTimeZone.NameType.ShortName:
        name = tz.displayName(QTimeZone.TimeType.StandardTime, kind, QLocale(loc))
        print("zone", loc, kind.name, name)
for enc in ["ISO-8859-15", "windows-1252", "IBM850", "KOI8-R", "Shift_JIS"]:
    print("codec", enc, QStringDecoder(enc).isValid())
with open("/proc/self/maps") as maps:
    print("loaded", sorted({l.split()[-1] for l in maps if "libicudata" in l}))
"""


def _trim_icu() -> ModuleType:
    spec = importlib.util.spec_from_file_location("trim_icu", ROOT / "packaging" / "trim_icu.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_keeps_the_app_languages_root_and_single_byte_code_pages() -> None:
    keep = _trim_icu().keep_item
    for name in ("de.res", "coll/de__PHONEBOOK.res", "zone/es_419.res", "coll/fr_CA.res"):
        assert keep(name, 5_000, LANGUAGES), name
    for name in ("coll/root.res", "coll/ucadata.icu", "zone/pool.res", "res_index.res"):
        assert keep(name, 500_000, LANGUAGES), name
    for name in ("metaZones.res", "zoneinfo64.res", "cnvalias.icu", "uts46.nrm"):
        assert keep(name, 200_000, LANGUAGES), name
    assert keep("ibm-5348_P100-1997.cnv", 4_096, LANGUAGES)  # windows-1252
    assert not keep("gb18030.cnv", 233_000, LANGUAGES)
    assert not keep("brkitr/thaidict.dict", 50_000, LANGUAGES)
    for name in ("sv.res", "coll/ja.res", "zone/zh_Hant.res", "nds.res"):
        assert not keep(name, 5_000, LANGUAGES), name


def test_trimmed_library_gives_qt_the_same_answers_in_the_app_languages(
    tmp_path: Path,
) -> None:
    lib_dir = Path(importlib.util.find_spec("PySide6").origin).parent / "Qt" / "lib"  # type: ignore[arg-type,union-attr]
    found = sorted(lib_dir.glob("libicudata.so.*"))
    if not found:
        pytest.skip("this PySide6 ships no ICU (only its Linux wheels do)")
    if shutil.which("cc") is None:
        pytest.skip("no C compiler to link the library")
    lib = found[0]
    out = tmp_path / lib.name
    before, after, size, new_size = _trim_icu().trim(lib, out, LANGUAGES)
    assert after < before and new_size < size / 3

    def probe(extra: dict[str, str]) -> list[str]:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra}
        run = subprocess.run(
            [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120
        )
        assert run.returncode == 0, run.stderr
        return run.stdout.splitlines()

    full = probe({})
    small = probe({"LD_LIBRARY_PATH": str(tmp_path)})
    assert small[-1] == f"loaded {[str(out)]}"
    assert full[-1] != small[-1]
    same = [line for line in full[:-1] if line in small]
    differ = [line for line in full[:-1] if line not in small]
    # The app's languages answer exactly as before; so do single-byte code
    # pages. Only what no screen of the app can ask for falls back.
    assert all(" sv_SE " in d or " ja_JP " in d or "Shift_JIS" in d for d in differ), differ
    assert len(same) >= len(full) - 4
    assert "codec Shift_JIS False" in small
    assert "codec windows-1252 True" in small
    assert any(line.startswith("zone de_DE LongName Mitteleurop") for line in small)
