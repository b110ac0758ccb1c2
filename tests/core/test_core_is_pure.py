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
