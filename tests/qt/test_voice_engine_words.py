"""Why voice commands are off, in the language of core's words."""

from __future__ import annotations

import pytest

from stretchguide.core import i18n
from stretchguide.qt.voice import VoiceListener


def test_a_missing_engine_is_said_in_the_chosen_language(qtbot, monkeypatch) -> None:
    import stretchguide.voice.recognizer as rec
    from stretchguide.voice.errors import engine_missing

    def missing() -> None:
        raise engine_missing()

    monkeypatch.setattr(rec, "_engine", missing)
    i18n.set_language("de")
    listener = VoiceListener()
    try:
        with qtbot.waitSignal(listener.sig_unavailable, timeout=10000) as sig:
            listener._thread.start()
            listener._sig_start_engine.emit()
    finally:
        listener.shutdown()
        i18n.set_language("en")
    assert sig.args[0].startswith("Die Spracherkennung (pocketsphinx) ist nicht installiert.")
    with pytest.raises(rec.VoiceUnavailableError, match="is not installed"):  # logs: English
        missing()
