"""`stretchguide routines` and `stretchguide check-routine` (filled in with the catalog)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    del sub  # the content work adds the sub-commands here


__all__ = ["argparse", "register"]
