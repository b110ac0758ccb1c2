"""Resolve a resource name (``images/icon.svg``, ``sounds/hold.wav``) to a file.

One function for all three ways the app runs:

* from the source tree (editable install): ``<repo>/resources/...``
* from an installed wheel: hatch force-includes ``resources/`` as
  ``stretchguide/resources/...`` inside the package
* from a PyInstaller bundle: the spec copies it to
  ``<sys._MEIPASS>/stretchguide/resources/...``

No Qt is imported at module level so tools and tests can use ``asset_path``
without a QApplication; ``asset_url`` imports QUrl lazily.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # .../stretchguide


class MissingAssetError(FileNotFoundError):
    """A resource the app ships is not where it should be (a broken install)."""


@cache
def resources_root() -> Path:
    candidates = []
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        candidates.append(Path(frozen_base) / "stretchguide" / "resources")
    candidates.append(_PACKAGE_DIR / "resources")  # wheel
    candidates.append(_PACKAGE_DIR.parent.parent / "resources")  # src layout checkout
    for root in candidates:
        if root.is_dir():
            return root
    raise MissingAssetError("no resources folder in: " + ", ".join(str(c) for c in candidates))


def asset_path(name: str) -> Path:
    path = resources_root() / name
    if not path.exists():
        raise MissingAssetError(f"missing resource {name!r} (looked in {resources_root()})")
    return path


def asset_url(name: str) -> QUrl:
    from PySide6.QtCore import QUrl

    return QUrl.fromLocalFile(str(asset_path(name)))
