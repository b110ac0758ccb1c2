"""`stretchguide --self-test` (filled in with packaging)."""

from __future__ import annotations

import sys
from typing import Any

from stretchguide.paths import AppPaths


def register(sub: Any) -> None:
    del sub  # --self-test is a top-level flag, not a sub-command


def run_self_test(app_paths: AppPaths) -> int:
    del app_paths
    print("self-test: not built yet (issue 7)", file=sys.stderr)
    return 1
