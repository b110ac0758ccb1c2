"""Store test helpers: a data folder per test and a fixed clock."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from tests.support import FakeClock

from stretchguide.paths import AppPaths, resolve

FIXTURES = Path(__file__).parent / "fixtures"
T0 = 1_767_261_600  # 2026-01-01T10:00:00Z


@pytest.fixture
def paths() -> AppPaths:
    """The per-test data folder that tests/conftest.py points the env var at."""
    return resolve()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777
