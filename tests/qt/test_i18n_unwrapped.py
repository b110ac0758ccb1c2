"""No text a person sees is left out of translation.

Reads every module in ``stretchguide/qt`` as a syntax tree and finds
literal strings (plain or f-strings) handed to the calls that put text on
screen or in front of a screen reader, that are not wrapped in ``tr()`` /
``QCoreApplication.translate()``. A new module (for example one split out of
main_window.py) is checked as soon as it exists.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

QT_DIR = Path(__file__).resolve().parents[2] / "src" / "stretchguide" / "qt"

# Widgets whose first argument is their visible text.
TEXT_CONSTRUCTORS = {
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QToolButton",
    "QMenu",
    "QCommandLinkButton",
}
# Methods whose arguments at these positions are shown or read aloud.
TEXT_METHODS = {
    "setText": (0,),
    "setToolTip": (0,),
    "setStatusTip": (0,),
    "setWhatsThis": (0,),
    "setAccessibleName": (0,),
    "setAccessibleDescription": (0,),
    "setWindowTitle": (0,),
    "setPlaceholderText": (0,),
    "setTitle": (0,),
    "setInformativeText": (0,),
    "setDetailedText": (0,),
    "setLabelText": (0,),
    "setSuffix": (0,),
    "setPrefix": (0,),
    "setSpecialValueText": (0,),
    "showMessage": (0,),
    "addItem": (0,),
    "addTab": (1,),
    "insertTab": (2,),
    "setTabText": (1,),
    "addMenu": (0,),
    "addAction": (0,),
    "addButton": (0,),
    "addRow": (0,),
    "setHorizontalHeaderLabels": (0,),
    # QMessageBox.information(parent, title, text) and friends.
    "information": (1, 2),
    "warning": (1, 2),
    "critical": (1, 2),
    "question": (1, 2),
    "about": (1, 2),
    "tell": (1, 2),  # qt/dialogs.py, as QMessageBox.information
    "getText": (1, 2),
    "getItem": (1, 2),
    "getSaveFileName": (1,),
    "getOpenFileName": (1,),
    "save_file_name": (1,),  # qt/dialogs.py, as QFileDialog's
    "existing_directory": (1,),
}
# Proper names and symbols are the same in every language.
NOT_TRANSLATED = {"StretchGuide", "English", "Deutsch", "Español", "Français"}
TRANSLATE_CALLS = {"tr", "translate", "qtTrId"}

TAG = re.compile(r"<[^>]*>|&[a-z]+;|&#\d+;")


def _has_words(text: str) -> bool:
    text = TAG.sub("", text)
    for name in NOT_TRANSLATED:
        text = text.replace(name, "")
    return re.search(r"[^\W\d_]{2,}", text) is not None


def _is_translate_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    f = node.func
    name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
    return name in TRANSLATE_CALLS


def raw_literals(node: ast.AST) -> list[str]:
    """Literal text in an expression that no translate call covers."""
    if _is_translate_call(node):
        return []
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if _has_words(node.value) else []
    if isinstance(node, ast.JoinedStr):
        out = []
        parts = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        if _has_words(parts):
            out.append(ast.unparse(node))
        for v in node.values:
            if isinstance(v, ast.FormattedValue):
                out.extend(raw_literals(v.value))
        return out
    if isinstance(node, ast.BinOp):
        return raw_literals(node.left) + raw_literals(node.right)
    if isinstance(node, ast.IfExp):
        return raw_literals(node.body) + raw_literals(node.orelse)
    if isinstance(node, (ast.List, ast.Tuple)):
        return [s for e in node.elts for s in raw_literals(e)]
    # "...".format(...) / .replace(...): the receiver is the text.
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("format", "replace", "join", "strip")
    ):
        return raw_literals(node.func.value)
    return []


def unwrapped(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
        if name in TEXT_CONSTRUCTORS:
            positions: tuple[int, ...] = (0,)
        elif isinstance(f, ast.Attribute) and name in TEXT_METHODS:
            positions = TEXT_METHODS[name]
        else:
            continue
        args = [node.args[i] for i in positions if i < len(node.args)]
        args += [kw.value for kw in node.keywords if kw.arg in ("text", "title", "toolTip")]
        for arg in args:
            for text in raw_literals(arg):
                found.append(f"{path.name}:{node.lineno}: {name}({text!r})")
    return found


MODULES = sorted(p for p in QT_DIR.glob("*.py") if p.name != "__init__.py")


@pytest.mark.parametrize("path", MODULES, ids=[p.name for p in MODULES])
def test_every_visible_literal_is_translatable(path):
    assert unwrapped(path) == []


def test_the_checker_finds_what_it_should(tmp_path):
    src = tmp_path / "sample.py"
    src.write_text(
        "QLabel('Hello there')\n"
        "w.setToolTip(f'{n} exercises left')\n"
        "w.setText(self.tr('Fine') + ' extra words')\n"
        "w.setText(self.tr('Fine'))\n"
        "w.setText(f'<b>{self.tr(\"Fine\")}</b>')\n"
        "w.setText('12:30')\n"
        "w.setWindowTitle('StretchGuide')\n"
        "QMessageBox.warning(self, 'Careful', self.tr('ok'))\n"
        "w.setText(name)\n"
    )
    found = unwrapped(src)
    assert [f.split(": ", 1)[0] for f in found] == [
        "sample.py:1",
        "sample.py:2",
        "sample.py:3",
        "sample.py:8",
    ]


def hidden_from_lupdate(path: Path) -> list[str]:
    """tr("literal") calls lupdate cannot see: inside an f-string. (tr() of
    a name is for text marked with QT_TRANSLATE_NOOP where it is written, or
    for core's text, which core translates.)"""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for sub in ast.walk(node):
                literal = any(
                    isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                    for arg in getattr(sub, "args", [])[:2]
                )
                if _is_translate_call(sub) and literal:
                    found.append(f"{path.name}:{sub.lineno}: in an f-string: {ast.unparse(sub)}")
    return found


@pytest.mark.parametrize("path", MODULES, ids=[p.name for p in MODULES])
def test_lupdate_can_see_every_tr_call(path):
    assert hidden_from_lupdate(path) == []


def test_the_f_string_check_finds_what_lupdate_misses(tmp_path):
    src = tmp_path / "sample.py"
    src.write_text(
        "QLabel(f\"<b>{self.tr('Hidden')}</b>\")\n"
        "QLabel('<b>' + self.tr('Seen') + '</b>')\n"
        "QLabel(f'<li>{self.tr(flag.question)}</li>')\n"
    )
    assert [f.split(": ", 1)[0] for f in hidden_from_lupdate(src)] == ["sample.py:1"]
