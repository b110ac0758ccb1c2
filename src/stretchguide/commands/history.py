"""`stretchguide export`, `import` and `stats` (filled in with the history store)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    del sub  # the history work adds the sub-commands here
