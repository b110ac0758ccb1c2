"""Shared test set-up.

Qt runs offscreen so the suite needs no display; the data folder is always a
temporary one so no test can touch a real person's history.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# As the app does (stretchguide.qt.app.use_plain_event_dispatcher): the GLib
# dispatcher can spin forever on a doubled socket notifier inside Qt.
os.environ.setdefault("QT_NO_GLIB", "1")
# Keep the session bus and the sound server out of unit tests unless a test
# opts in; QtMultimedia's "no audio device" chatter is not a test failure.
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false;qt.speech*=false")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point STRETCHGUIDE_DATA_DIR at a fresh folder for every test."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("STRETCHGUIDE_DATA_DIR", str(data))
    return data
