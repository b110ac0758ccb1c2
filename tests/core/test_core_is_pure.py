"""The domain must stay importable without Qt (DESIGN.md: imports flow qt -> core)."""

from __future__ import annotations

import subprocess
import sys


def test_importing_every_core_module_loads_no_qt() -> None:
    code = (
        "import pkgutil, importlib, sys, stretchguide.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'stretchguide.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core imported Qt modules: {out.stdout}"


def test_importing_store_and_cli_loads_no_qt() -> None:
    code = (
        "import sys, stretchguide.__main__ as m, stretchguide.store\n"
        "m.build_parser()\n"
        "print(','.join(sorted(n for n in sys.modules if n.startswith(('PySide6','pyqtgraph')))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_no_core_module_loads_the_builtin_catalog_itself() -> None:
    # The composition roots (qt/app, the commands, tools, bench) load it and
    # pass it, or what is needed from it, in (docs/ARCHITECTURE.md).
    import ast
    from pathlib import Path

    import stretchguide.core as core

    callers = []
    for path in sorted(Path(core.__path__[0]).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                f = node.func
                name = f.id if isinstance(f, ast.Name) else getattr(f, "attr", "")
                if name == "load_builtin":
                    callers.append(f"{path.name}:{node.lineno}")
    assert callers == []
