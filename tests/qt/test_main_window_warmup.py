"""The speech engine is opened while the pre-session check-in is on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from tests.support import FakeClock

from stretchguide import paths
from stretchguide.qt import session_flow
from stretchguide.qt.app import build_window

ROUTINE = "flare_up_gentle"


class RecordingPlayer:
    """Stands in for CuePlayer: records what the window asks of it."""

    def __init__(self) -> None:
        self.warm_ups = 0
        self.prepared = 0
        self.voice: bool | None = None

    def warm_up(self) -> None:
        self.warm_ups += 1

    def prepare(self, exercises) -> None:
        self.prepared += 1

    def handle(self, events) -> None:
        pass

    def set_voice_enabled(self, on: bool) -> None:
        self.voice = on

    def set_beeps_enabled(self, on: bool) -> None:
        pass

    def set_volume(self, volume: float) -> None:
        pass

    def set_muted(self, muted: bool) -> None:
        pass


@pytest.fixture
def window(qtbot, _private_data_dir, monkeypatch):
    # The delay lets the page paint first; its length is not under test, so
    # the timer fires on the next turn of the event loop, not after 300 ms.
    monkeypatch.setattr(session_flow, "WARM_UP_DELAY_MS", 0)
    w = build_window(
        paths.resolve(str(_private_data_dir)), clock=FakeClock(5000.0), wall=FakeClock(1.76e9)
    )
    w.ctx.prefs.disclaimer_accepted = True
    w.ctx.prefs.red_flags_checked_at = w.ctx.wall()  # straight to the check-in
    w.session_view.confirm_stop = lambda: True
    qtbot.addWidget(w)
    w.show()
    yield w
    if w.flow.controller is not None:
        w.flow.controller.shutdown()
    w.ctx.history.close()


def _count_warm_up_turns(window) -> list[None]:
    """Each time the warm-up timer's callback runs, one item is appended.

    The tests that expect no warm-up wait for this instead of a fixed time, so
    a late timer cannot pass them by firing after they stopped looking.
    """
    turns: list[None] = []
    decide = window.flow._warm_up_audio

    def counted() -> None:
        turns.append(None)
        decide()

    window.flow._warm_up_audio = counted
    return turns


def test_opening_the_checkin_warms_up_the_voice_after_the_page_is_shown(qtbot, window):
    player = RecordingPlayer()
    window.flow.sound.cue_player = player
    turns = _count_warm_up_turns(window)
    window.start_routine(ROUTINE)
    assert window.current_page() == "checkin"
    assert player.warm_ups == 0 and not turns  # not inside the call that shows the page
    qtbot.waitUntil(lambda: len(turns) == 1, timeout=5000)
    assert player.warm_ups == 1
    assert player.voice is True
    qtbot.mouseClick(window.checkin.skip_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "session"
    assert player.prepared == 1 and player.warm_ups == 1


def test_voice_off_creates_no_cue_player_before_the_session(qtbot, window):
    turns = _count_warm_up_turns(window)
    window.ctx.prefs.voice = False
    window.start_routine(ROUTINE)
    qtbot.waitUntil(lambda: len(turns) == 1, timeout=5000)
    assert window.flow.sound.cue_player is None


def test_audio_disabled_never_warms_up(qtbot, window):
    player = RecordingPlayer()
    window.flow.sound.cue_player = player
    window.ctx.audio = False
    turns = _count_warm_up_turns(window)
    window.start_routine(ROUTINE)
    qtbot.waitUntil(lambda: len(turns) == 1, timeout=5000)
    assert player.warm_ups == 0


def test_leaving_the_checkin_before_the_delay_skips_the_warm_up(qtbot, window):
    player = RecordingPlayer()
    window.flow.sound.cue_player = player
    turns = _count_warm_up_turns(window)
    window.start_routine(ROUTINE)
    window.show_page("routines")
    qtbot.waitUntil(lambda: len(turns) == 1, timeout=5000)
    assert player.warm_ups == 0
