"""Qt test set-up for the app's widgets."""

from __future__ import annotations

import pytest

IGNORED_QT_MESSAGES = (
    # The offscreen platform warns on every top-level show() that it cannot
    # propagate size hints; that is the test platform talking, not our code.
    "This plugin does not support propagateSizeHints",
    # Qt's PulseAudio path touches a socket notifier from its own thread while
    # cue sounds play (see stretchguide.qt.app.use_plain_event_dispatcher).
    # Under the UNIX dispatcher Qt says so and disables it; not our code.
    "Multiple socket notifiers for same socket",
    "Socket notifiers cannot be enabled or disabled from another thread",
    r"Invalid socket \d+ with type Read, disabling",
    # A test without the private sound server, asking Qt about microphones
    # (the voice listener watches for one plugged in): no server to ask.
    r"PulseAudioService: pa_context_connect\(\) failed",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        # A session on a real (shifted) monotonic clock with Qt's timers
        # delivering the cues: what these tests measure is wall time.
        if "real_time" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.realtime)
        if "tests/qt/" in str(item.fspath).replace("\\", "/"):
            # One marker with every pattern: pytest-qt reads only the closest
            # qt_log_ignore marker, so separate markers would drop all but one.
            item.add_marker(pytest.mark.qt_log_ignore(*IGNORED_QT_MESSAGES))


@pytest.fixture(scope="session", autouse=True)
def _english_interface(qapp):
    """The app always installs its translators (qt.i18n) before building a
    window; English has one too, for the plural forms ("1 day", "2 days")."""
    from stretchguide.qt.i18n import install_language

    install_language(qapp, "en", {})


@pytest.fixture(autouse=True)
def _advice_read_at_once(request, monkeypatch):
    """After important advice Continue waits READ_FIRST_S (qt/input_guard.py).
    Tests that walk a whole flow press it as someone who has read the
    advice; the tests marked ``read_first`` get the real wait."""
    if request.node.get_closest_marker("read_first") is None:
        monkeypatch.setattr("stretchguide.qt.input_guard.READ_FIRST_S", 0.0)


@pytest.fixture
def language(qapp):
    """Install a language for one test; English again afterwards (the
    translators and QLocale's default are process-wide)."""
    from stretchguide.qt import i18n

    yield lambda lang: i18n.install_language(qapp, lang, {})
    i18n.install_language(qapp, "en", {})


@pytest.fixture
def window_clock(qtbot, _private_data_dir):
    """The main window on fake monotonic and wall clocks, with no sound and
    every question answered yes; yields ``(window, clock)``."""
    from tests.support import FakeClock

    from stretchguide import paths
    from stretchguide.qt.app import build_window

    clock = FakeClock(5000.0)
    wall = FakeClock(1_760_000_000.0)
    window = build_window(paths.resolve(str(_private_data_dir)), clock=clock, wall=wall)
    window.ctx.audio = False
    window.ask = lambda title, text: True
    window.choose = lambda title, intro, lines: [True] * len(lines)
    window.inform = lambda title, text: None
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    yield window, clock
    window.ctx.history.close()
