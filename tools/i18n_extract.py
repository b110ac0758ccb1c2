"""Write the translation template and bring every language's .po up to date.

    python tools/i18n_extract.py           # write locale/stretchguide.pot, update each .po
    python tools/i18n_extract.py --check   # exit 1 (and say what) if anything is stale

The template holds every built-in content text (exercises, routines,
guidance; keyed by content id in ``msgctxt``) and every literal string in a
``_()``, ``N_()``, ``NP_()``, ``ngettext()``, ``pgettext()``, ``said()`` or
``said_n()`` call under ``CODE_DIRS`` and in ``CODE_FILES``. Updating a ``.po``
keeps its translations; when the English of a content text changed, the old
translation is kept but marked ``fuzzy`` with the old English beside it
(``#| msgid``), so it is not used until a translator checks it. Entries no
longer in the sources are dropped. Output is deterministic (no dates, no line
numbers), so a test can compare it with the committed files.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from stretchguide.core.catalog import load_catalog_dir  # noqa: E402
from stretchguide.core.i18n import (  # noqa: E402
    DOMAIN,
    PoEntry,
    code_texts,
    content_texts,
    parse_po,
)

PACKAGE = ROOT / "src" / "stretchguide"
LOCALE = PACKAGE / "locale"
CODE_DIRS = ("core", "commands", "store", "voice")
# Qt-free modules under qt/ whose words a person takes away on paper (the
# clinician report, the routine sheet): core's gettext, not Qt's tr().
CODE_FILES = (
    "qt/report_data.py",
    "qt/report_words.py",
    "qt/sheet.py",
    "__main__.py",
    "clip_files.py",  # the self-test names a broken clip in the person's language
)

# Plural rules as gettext writes them; a new language adds its line here.
PLURAL_FORMS = {
    "de": "nplurals=2; plural=(n != 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
}


def _quote(text: str) -> str:
    return (
        '"'
        + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
        + '"'
    )


def _header(lang: str | None) -> PoEntry:
    lines = [
        "Project-Id-Version: stretchguide",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=UTF-8",
        "Content-Transfer-Encoding: 8bit",
    ]
    if lang:
        lines.insert(1, f"Language: {lang}")
        lines.append(f"Plural-Forms: {PLURAL_FORMS.get(lang, 'nplurals=2; plural=(n != 1);')}")
    return PoEntry(msgid="", msgstr=("".join(line + "\n" for line in lines),))


def template() -> list[PoEntry]:
    """The .pot entries, content first (in catalog order), then code strings."""
    catalog = load_catalog_dir(PACKAGE / "content")
    entries: list[PoEntry] = [_header(None)]
    for t in content_texts(catalog):
        entries.append(PoEntry(msgid=t.text, msgctxt=t.context, comments=(f"#: {t.source}",)))
    seen: dict[tuple[str | None, str], PoEntry] = {}
    files = [p for folder in CODE_DIRS for p in sorted((PACKAGE / folder).rglob("*.py"))]
    files += [PACKAGE / name for name in CODE_FILES]
    for path in files:
        rel = path.relative_to(PACKAGE).as_posix()
        for c in code_texts(path.read_text(encoding="utf-8"), rel):
            key = (c.context, c.msgid)
            where = f"#: {rel}"
            if key in seen:
                old = seen[key]
                if where not in old.comments:
                    seen[key] = replace(old, comments=(*old.comments, where))
                continue
            forms = ("", "") if c.msgid_plural else ("",)
            flags = frozenset({"python-brace-format"}) if "{" in c.msgid else frozenset()
            seen[key] = PoEntry(
                msgid=c.msgid,
                msgid_plural=c.msgid_plural,
                msgctxt=c.context,
                msgstr=forms,
                comments=(where,),
                flags=flags,
            )
    entries += seen.values()
    return entries


def render(entries: list[PoEntry]) -> str:
    out: list[str] = []
    for e in entries:
        lines = list(e.comments)
        if e.flags:
            lines.append("#, " + ", ".join(sorted(e.flags)))
        if e.previous_msgid is not None:
            lines.append(f"#| msgid {_quote(e.previous_msgid)}")
        if e.msgctxt is not None:
            lines.append(f"msgctxt {_quote(e.msgctxt)}")
        lines.append(f"msgid {_quote(e.msgid)}")
        if e.msgid_plural is not None:
            lines.append(f"msgid_plural {_quote(e.msgid_plural)}")
            lines += [f"msgstr[{i}] {_quote(s)}" for i, s in enumerate(e.msgstr)]
        else:
            lines.append(f"msgstr {_quote(e.msgstr[0])}")
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def update(pot: list[PoEntry], old: list[PoEntry], lang: str) -> list[PoEntry]:
    """The language's entries for ``pot``, keeping what was translated."""
    by_key = {e.key: e for e in old}
    by_context = {e.msgctxt: e for e in old if e.msgctxt is not None}
    header = by_key.get((None, ""), _header(lang))
    out = [header]
    for t in pot[1:]:
        flags = t.flags
        kept = by_key.get(t.key)
        if kept is not None and kept.msgid_plural == t.msgid_plural:
            out.append(
                replace(
                    t,
                    msgstr=kept.msgstr,
                    flags=flags | (kept.flags & {"fuzzy"}),
                    previous_msgid=kept.previous_msgid,
                )
            )
            continue
        moved = by_context.get(t.msgctxt) if t.msgctxt is not None else None
        if moved is not None and any(moved.msgstr):
            # The English changed: keep the old wording for the translator to
            # check, but fuzzy, so the English shows until it is confirmed.
            out.append(
                replace(
                    t,
                    msgstr=moved.msgstr,
                    flags=flags | {"fuzzy"},
                    previous_msgid=moved.previous_msgid or moved.msgid,
                )
            )
            continue
        out.append(t)
    return out


def planned() -> dict[Path, str]:
    """Every file the tool writes, with the text it should hold."""
    pot = template()
    files = {LOCALE / f"{DOMAIN}.pot": render(pot)}
    for po in sorted(LOCALE.glob(f"*/{DOMAIN}.po")):
        lang = po.parent.name
        old = parse_po(po.read_text(encoding="utf-8"), str(po))
        files[po] = render(update(pot, old, lang))
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale files, write nothing")
    parser.add_argument("--new", metavar="LANG", help="start an empty .po for a new language")
    args = parser.parse_args(argv)
    if args.new:
        po = LOCALE / args.new / f"{DOMAIN}.po"
        if po.exists():
            print(f"{po} exists already", file=sys.stderr)
            return 1
        po.parent.mkdir(parents=True, exist_ok=True)
        po.write_text(render(update(template(), [], args.new)), encoding="utf-8")
        print(f"wrote {po.relative_to(ROOT)}")
        return 0
    stale = []
    for path, text in planned().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for path in stale:
        verb = "stale" if args.check else "wrote"
        print(f"{verb}: {path.relative_to(ROOT)}")
    if args.check and stale:
        print("run: python tools/i18n_extract.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
