"""Shared test set-up.

Qt runs offscreen so the suite needs no display; the data folder is always a
temporary one so no test can touch a real person's history.

Sound: no test ever talks to the machine's sound server. ``PULSE_SERVER``
points every test (and every process a test starts) at a private socket.
When a selected test is marked ``audio`` and the ``pulseaudio`` binary
exists, a private server with one null sink (``cue``) answers on that
socket for the run and is stopped at the end; otherwise nothing answers
there, which is the "no sound server" case the app must cope with, and the
``audio`` tests are skipped with the reason.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Command-line output in English whatever the machine's locale (tests that
# check other languages pass --language or set it themselves).
os.environ.setdefault("STRETCHGUIDE_LANGUAGE", "en")
# As the app does (stretchguide.qt.app.use_plain_event_dispatcher): the GLib
# dispatcher can spin forever on a doubled socket notifier inside Qt.
os.environ.setdefault("QT_NO_GLIB", "1")
# Keep the session bus and the sound server out of unit tests unless a test
# opts in; QtMultimedia's "no audio device" chatter is not a test failure.
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false;qt.speech*=false")

import pytest  # noqa: E402
from tests.private_pulse import PrivatePulse, point_clients_at  # noqa: E402

# Before Qt loads: libpulse reads these once, when Qt first opens audio.
_PULSE_DIR = Path(tempfile.mkdtemp(prefix="stretchguide-test-pulse-"))
point_clients_at(_PULSE_DIR)


_PULSE = PrivatePulse(_PULSE_DIR)


@pytest.fixture(autouse=True)
def _language_put_back():
    """Whatever language a test chose, the next test starts in the one before.

    A test that runs ``main(["--language", "de", ...])`` in the process left
    every later test reading German (38 failures in one suite run, in files
    that never asked for German)."""
    from stretchguide.core.languages import choose_language, chosen_language

    before = chosen_language()
    yield
    if chosen_language() != before:
        choose_language(before)


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread(request: pytest.FixtureRequest):
    """A Qt test collects garbage cycles as the app does: on the GUI thread only.

    With Python's own collector, a collection could start on the voice
    thread and free a GUI-thread object's wrapper while the GUI thread
    delivered a queued call to it: three suite runs died so in
    ``test_voice_microphone.py`` (stretchguide/qt/collector.py). Other
    tests keep the automatic collector: nothing would run the timer there.
    """
    if "qapp" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("qapp")
    from stretchguide.qt.collector import collect_anywhere, collect_on_gui_thread

    collect_on_gui_thread()
    yield
    collect_anywhere()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Start the private server before any test runs, if a selected test needs it.

    Before, not on first use: Qt's audio engine connects once per process,
    so a server that came up after an earlier test opened audio would not be
    seen by this process at all.
    """
    if not any(item.get_closest_marker("audio") for item in items):
        return
    _PULSE.start()
    if _PULSE.why_not:
        skip = pytest.mark.skip(reason=f"no private sound server: {_PULSE.why_not}")
        for item in items:
            if item.get_closest_marker("audio"):
                item.add_marker(skip)


def _delete_what_tests_left() -> None:
    """Delete the windows tests left alive, through Qt, while Qt and the sound server run.

    At interpreter exit PySide6 6.12 deletes every Qt object Python still owns,
    one at a time. Two parentless routine editors that tests/qt/
    test_routine_picking.py kept (made without ``qtbot.addWidget``) made it
    segfault after the report ("QObject: shared QObject was deleted
    directly"). A window deleted here takes its children with it and leaves
    that sweep nothing to delete twice; its sound effects go before the
    private server stops, not after.
    """
    if "PySide6.QtWidgets" not in sys.modules:
        return
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        return
    for widget in QApplication.topLevelWidgets():
        # Only what Python owns: Qt's own top-levels (tool tips, popups) are Qt's to delete.
        if shiboken6.isValid(widget) and shiboken6.ownedByPython(widget):
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    _delete_what_tests_left()
    _PULSE.stop()
    shutil.rmtree(_PULSE_DIR, ignore_errors=True)


@pytest.fixture(scope="session")
def private_pulse() -> PrivatePulse:
    """The run's own PulseAudio (tests that use it are marked ``audio``)."""
    if _PULSE.why_not:
        pytest.skip(f"no private sound server: {_PULSE.why_not}")
    return _PULSE


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point STRETCHGUIDE_DATA_DIR at a fresh folder for every test."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("STRETCHGUIDE_DATA_DIR", str(data))
    return data


@pytest.fixture(autouse=True)
def _qt_objects_die_with_their_test():
    """Destroy whatever a test handed to deleteLater() before the next test starts.

    pytest-qt only calls processEvents() between tests, and that does not run
    deferred deletes posted outside an event loop. Without this, a test's
    sound effects, audio sinks and speech engines were destroyed in the middle
    of a later test, at its first qtbot.wait(), while that test was opening
    its own on the same sound server: failures would land on the wrong test.
    """
    yield
    if "PySide6.QtCore" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


_KEPT_WIDGETS = pytest.StashKey[list[object]]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    """Hold a test's widgets until its teardown has closed them.

    qtbot.addWidget keeps only a weak reference, and pytest-qt paints once
    more as soon as the test returns. A window that only a reference cycle
    kept alive by then (a view and its controller's connections) could be
    collected by a garbage-collector pass started inside its own paint (any
    Python allocation in a paintEvent may start one): the window and its
    backing store were deleted under the active QPainter, and the next
    drawPolyline recursed until the stack ran out (the "native crash in the
    figure's _paint_shape" seen in CI; tests/qt/test_crash_reports.py).
    """
    try:
        return (yield from _echo_fatal_messages())
    finally:
        refs = getattr(item, "qt_widgets", ())
        item.stash[_KEPT_WIDGETS] = [w for w in (ref() for ref, _ in refs) if w is not None]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item):
    try:
        return (yield)
    finally:
        item.stash[_KEPT_WIDGETS] = []  # closed now: the collector may have them


def _echo_fatal_messages():
    """Let a fatal Qt message reach stderr before Qt aborts.

    pytest-qt records Qt's messages instead of printing them, and a fatal one
    is followed at once by abort(): the reason would die with its record, and
    the log would show only "Fatal Python error: Aborted".
    """
    if "PySide6.QtCore" not in sys.modules:  # a pure test: nothing to watch
        return (yield)
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def echo_fatal(kind: QtMsgType, context: object, message: str) -> None:
        if kind in (QtMsgType.QtFatalMsg, QtMsgType.QtCriticalMsg):
            os.write(2, f"\nQt {kind.name}: {message}\n".encode(errors="replace"))
        capture(kind, context, message)

    capture = qInstallMessageHandler(echo_fatal)
    if capture is None:  # nothing captures: Qt's default handler prints already
        qInstallMessageHandler(None)
        return (yield)
    try:
        return (yield)
    finally:
        qInstallMessageHandler(capture)
