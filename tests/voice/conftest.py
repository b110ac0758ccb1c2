"""Synthetic speech, made once per test run and shared by the voice tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.voice.speech import tools_available


@pytest.fixture(scope="session")
def speech_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not tools_available():
        pytest.skip("espeak-ng and sox are needed to make test speech")
    return tmp_path_factory.mktemp("voice-speech")


@pytest.fixture(scope="session")
def recognizer():
    pytest.importorskip("pocketsphinx")
    from stretchguide.voice.recognizer import Recognizer

    return Recognizer()
