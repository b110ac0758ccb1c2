"""Extract, carry over and compile the Qt interface translations.

    python tools/i18n_qt.py            # extract + carry over + compile (make resources)
    python tools/i18n_qt.py extract    # sources -> src/stretchguide/qt/translations/*.ts
    python tools/i18n_qt.py compile    # *.ts -> resources/translations/*.qm
    python tools/i18n_qt.py status     # unfinished strings per language

Extract runs ``lupdate`` (PySide6-Essentials) over every module in
``stretchguide/qt``. Qt keys a translation by its context, which for
``self.tr()`` is the class name, so a string that moves to another class
would come back untranslated. The carry-over step keeps them: before
``lupdate`` rewrites a .ts file, every finished translation in it is noted by
its exact source text (and disambiguation comment); afterwards each
unfinished message whose source text is *identical* to a noted one takes that
translation and is marked finished. Texts that merely look alike (lupdate's
own guess) stay unfinished for a translator to check.

Compile runs ``lrelease -nounfinished``, so an unchecked guess is never
shown: the English source appears instead. The .qm files are committed;
tests/qt/test_i18n_files.py fails when one is stale.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QT_DIR = ROOT / "src" / "stretchguide" / "qt"
TS_DIR = QT_DIR / "translations"
QM_DIR = ROOT / "resources" / "translations"
LANGS = ("de", "es", "fr")
# English is the source text; its .ts holds only the plural strings, so
# "%n day(s)" reads "1 day" / "2 days" (lupdate -pluralonly).
ALL_TS = ("en", *LANGS)
PREFIX = "stretchguide_"

Key = tuple[str, str, bool]  # source text, disambiguation comment, plural


def qt_tool(name: str) -> Path:
    """lupdate / lrelease as shipped inside the PySide6 package."""
    import PySide6

    base = Path(PySide6.__file__).parent
    for candidate in (base / name, base / f"{name}.exe", base / "Qt" / "libexec" / name):
        if candidate.exists():
            return candidate
    raise SystemExit(f"i18n_qt: {name} not found in {base} (is PySide6-Essentials installed?)")


def sources() -> list[Path]:
    return sorted(p for p in QT_DIR.glob("*.py") if p.name != "__init__.py")


def ts_path(lang: str) -> Path:
    return TS_DIR / f"{PREFIX}{lang}.ts"


def qm_path(lang: str) -> Path:
    return QM_DIR / f"{PREFIX}{lang}.qm"


def run_lupdate(out: Path, lang: str) -> None:
    """Write/refresh ``out`` from the sources (no line numbers: a .ts changes
    only when a string does)."""
    cmd = [
        str(qt_tool("lupdate")),
        "-silent",
        "-locations",
        "none",
        "-no-obsolete",
        "-target-language",
        lang,
        *(["-pluralonly"] if lang == "en" else []),
        *[str(p) for p in sources()],
        "-ts",
        str(out),
    ]
    subprocess.run(cmd, check=True, capture_output=True)


def _key(msg: ET.Element) -> Key:
    return (
        msg.findtext("source") or "",
        msg.findtext("comment") or "",
        msg.get("numerus") == "yes",
    )


def is_finished(msg: ET.Element) -> bool:
    tr = msg.find("translation")
    if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    if msg.get("numerus") == "yes":
        forms = tr.findall("numerusform")
        return bool(forms) and all((f.text or "").strip() for f in forms)
    return bool((tr.text or "").strip())


def messages(path: Path) -> list[tuple[str, ET.Element]]:
    """(context name, message) for every message in a .ts file."""
    root = ET.parse(path).getroot()
    out = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        out.extend((name, msg) for msg in ctx.iter("message"))
    return out


def finished_by_text(path: Path) -> dict[Key, ET.Element]:
    """The translation most often given to each exact source text."""
    seen: dict[Key, Counter[bytes]] = defaultdict(Counter)
    elements: dict[bytes, ET.Element] = {}
    if not path.exists():
        return {}
    for _ctx, msg in messages(path):
        if is_finished(msg):
            tr = msg.find("translation")
            assert tr is not None
            blob = ET.tostring(tr)
            seen[_key(msg)][blob] += 1
            elements[blob] = tr
    return {k: elements[c.most_common(1)[0][0]] for k, c in seen.items()}


def carry_over(path: Path, known: dict[Key, ET.Element]) -> int:
    """Fill unfinished messages whose exact source text has a finished
    translation in ``known``; returns how many were filled."""
    tree = ET.parse(path)
    filled = 0
    for msg in tree.getroot().iter("message"):
        if is_finished(msg):
            continue
        found = known.get(_key(msg))
        if found is None:
            continue
        old = msg.find("translation")
        if old is not None:
            msg.remove(old)
        new = ET.fromstring(ET.tostring(found))
        new.attrib.pop("type", None)
        msg.append(new)
        filled += 1
    if filled:
        write_ts(tree, path)
    return filled


def write_ts(tree: ET.ElementTree, path: Path) -> None:
    root = tree.getroot()
    ET.indent(root, "    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8"
    )


def extract(langs: tuple[str, ...] = ALL_TS) -> None:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for lang in langs:
        path = ts_path(lang)
        known = finished_by_text(path)
        run_lupdate(path, lang)
        filled = carry_over(path, known)
        print(f"{path.relative_to(ROOT)}: {filled} carried over")


def compile_qm(ts: Path, qm: Path) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    cmd = [str(qt_tool("lrelease")), "-silent", "-nounfinished", str(ts), "-qm", str(qm)]
    subprocess.run(cmd, check=True, capture_output=True)


def compile_all(langs: tuple[str, ...] = ALL_TS) -> None:
    for lang in langs:
        compile_qm(ts_path(lang), qm_path(lang))
        print(f"{qm_path(lang).relative_to(ROOT)}")


def fresh_keys(lang: str) -> set[tuple[str, Key]]:
    """What a .ts would hold if extracted from the sources now."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{PREFIX}{lang}.ts"
        run_lupdate(out, lang)
        return {(ctx, _key(m)) for ctx, m in messages(out)}


def status() -> int:
    missing = 0
    for lang in ALL_TS:
        todo = [(c, m) for c, m in messages(ts_path(lang)) if not is_finished(m)]
        missing += len(todo)
        print(f"{lang}: {len(todo)} unfinished")
        for ctx, msg in todo:
            print(f"  {ctx}: {msg.findtext('source')!r}")
    return 1 if missing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "step", nargs="?", choices=("all", "extract", "compile", "status"), default="all"
    )
    args = parser.parse_args(argv)
    if args.step in ("all", "extract"):
        extract()
    if args.step in ("all", "compile"):
        compile_all()
    if args.step == "status":
        return status()
    return 0


if __name__ == "__main__":
    sys.exit(main())
