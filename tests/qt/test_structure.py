"""The qt layer's shape (issue 12): one writer of the history, no import
circles, every module importable on its own, no file over ~500 lines
without its reason at the top."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import stretchguide.qt
from stretchguide.store.history import History

QT = Path(stretchguide.qt.__file__).parent
WRITER = "session_flow.py"
# Everything on History that changes the database file.
WRITE_METHODS = {
    "start_session",
    "record_step",
    "finish_session",
    "close_as_partial",
    "add_checkin",
    "set_response",
    "record_hurt",
    "record_red_flags",
    "restore_backup",
    "backup_now",
    "rebuild_aggregates",
}
LONG_FILE_LINES = 500


def _modules() -> dict[str, Path]:
    return {f"stretchguide.qt.{p.stem}": p for p in sorted(QT.glob("*.py"))}


def _history_writes(path: Path) -> list[str]:
    """``<something>.<write method>(...)`` calls in one file, as 'line: name'."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{node.lineno}: {node.func.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in WRITE_METHODS
    ]


def test_the_write_method_names_are_the_historys() -> None:
    missing = sorted(name for name in WRITE_METHODS if not hasattr(History, name))
    assert missing == [], f"History has no {missing}: update WRITE_METHODS"


def test_only_the_session_flow_writes_to_the_history() -> None:
    # The scanner finds them where they are, so an empty result elsewhere means something.
    found = {name.split(": ")[1] for name in _history_writes(QT / WRITER)}
    assert {"start_session", "record_step", "finish_session", "record_hurt"} <= found
    others = {
        path.name: hits
        for path in QT.glob("*.py")
        if path.name != WRITER and (hits := _history_writes(path))
    }
    assert others == {}, f"history writes outside qt/{WRITER}: {others}"


def _imports(path: Path) -> set[str]:
    """qt modules that ``path`` imports at run time (anywhere in the file,
    including inside functions; not under ``if TYPE_CHECKING``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    names: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "stretchguide.qt":
                names.update(f"stretchguide.qt.{a.name}" for a in node.names)
            else:
                names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return {n for n in names if n.startswith("stretchguide.qt.")}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                found.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_circle_between_qt_modules() -> None:
    modules = _modules()
    graph = {name: _imports(path) & modules.keys() for name, path in modules.items()}
    assert "stretchguide.qt.main_window" in graph["stretchguide.qt.app"]  # the scan sees imports
    assert _cycles(graph) == []


def test_every_qt_module_imports_on_its_own() -> None:
    """Each module with none of the app's modules loaded before it, so none
    works only because another happened to be imported first. One child
    interpreter for all (Qt itself stays loaded: one per module took ~20 s)."""
    code = (
        "import importlib, sys, traceback\n"
        f"failed = []\nfor name in {sorted(_modules())!r}:\n"
        "    for loaded in [m for m in sys.modules if m.startswith('stretchguide')]:\n"
        "        del sys.modules[loaded]\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception:\n"
        "        failed.append(name + ': ' + traceback.format_exc().splitlines()[-1])\n"
        "print('\\n'.join(failed))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


def test_no_long_file_without_its_reason_at_the_top() -> None:
    # Every layer, not only qt: a file over ~500 lines says at its top why
    # it stays whole ("Why this file stays whole" or "... lines on purpose").
    unexplained = []
    for path in sorted(QT.parent.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        if len(lines) <= LONG_FILE_LINES:
            continue
        head = "\n".join(lines[:40])
        if "Why this file stays whole" not in head and "lines on purpose" not in head:
            unexplained.append(f"{path.relative_to(QT.parent)} ({len(lines)} lines)")
    assert unexplained == []


def test_main_window_is_short() -> None:
    lines = (QT / "main_window.py").read_text(encoding="utf-8").count("\n")
    assert lines < LONG_FILE_LINES


def test_every_dialog_opens_through_the_guarded_helper() -> None:
    # qt/dialogs.py gives each dialog the input guard: a static QMessageBox
    # or a dialog's own exec()/open() would take a double click's second click.
    shown_elsewhere = re.compile(
        r"QMessageBox\.(question|information|warning|critical|about)\(|"
        r"(?<!loop)(?<!app)\.exec\(\)|\.open\(\)|"
        # Qt's static file dialogs: unguarded, and at a size for normal text.
        r"QFileDialog\.get\w+\("
    )
    found = [
        f"{path.name}:{n}"
        for path in sorted(QT.glob("*.py"))
        if path.name != "dialogs.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if shown_elsewhere.search(line)
    ]
    assert found == []
