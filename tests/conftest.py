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
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# As the app does (stretchguide.qt.app.use_plain_event_dispatcher): the GLib
# dispatcher can spin forever on a doubled socket notifier inside Qt.
os.environ.setdefault("QT_NO_GLIB", "1")
# Keep the session bus and the sound server out of unit tests unless a test
# opts in; QtMultimedia's "no audio device" chatter is not a test failure.
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false;qt.speech*=false")

# Before Qt loads: libpulse reads these once, when Qt first opens audio.
_PULSE_DIR = Path(tempfile.mkdtemp(prefix="stretchguide-test-pulse-"))
os.environ["PULSE_SERVER"] = f"unix:{_PULSE_DIR / 'native'}"
# A client that finds no server must not start the machine's own instead.
(_PULSE_DIR / "client.conf").write_text("autospawn = no\n")
os.environ["PULSE_CLIENTCONFIG"] = str(_PULSE_DIR / "client.conf")

import pytest  # noqa: E402


class PrivatePulse:
    """A PulseAudio server of the test run's own: one null sink, one socket.

    ``-n`` loads no system configuration, so it never opens a real sound
    card, and its socket, state and runtime folders are all in ``folder``.
    """

    SINK = "cue"

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.server = f"unix:{folder / 'native'}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.why_not = "not started"

    def start(self) -> None:
        binary = shutil.which("pulseaudio")
        if binary is None:
            self.why_not = "no pulseaudio binary (Debian: pulseaudio pulseaudio-utils)"
            return
        if not shutil.which("pactl"):
            self.why_not = "no pactl (Debian: pulseaudio-utils)"
            return
        script = self.folder / "private.pa"
        script.write_text(
            f"load-module module-native-protocol-unix auth-anonymous=1 "
            f"socket={self.folder / 'native'}\n"
            f"load-module module-null-sink sink_name={self.SINK} rate=44100\n"
            f"set-default-sink {self.SINK}\n"
        )
        home = str(self.folder)
        env = {
            **os.environ,
            "HOME": home,
            "XDG_RUNTIME_DIR": home,
            "XDG_CONFIG_HOME": home,
            "XDG_STATE_HOME": home,
            "PULSE_RUNTIME_PATH": home,
            "PULSE_STATE_PATH": home,
        }
        log = (self.folder / "server.log").open("wb")
        self.proc = subprocess.Popen(
            [
                binary,
                "-n",
                "-F",
                str(script),
                "--daemonize=no",
                "--exit-idle-time=-1",
                "--use-pid-file=no",
                "--realtime=no",
                "--high-priority=no",
                "--log-target=stderr",
            ],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            preexec_fn=_die_with_parent,
        )
        log.close()
        deadline = time.monotonic() + 15.0
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                tail = (self.folder / "server.log").read_text(errors="replace")[-400:]
                self.why_not = f"private pulseaudio exited ({self.proc.returncode}): {tail}"
                self.proc = None
                return
            if self.default_sink() == self.SINK:
                self.why_not = ""
                return
            time.sleep(0.1)
        self.why_not = "private pulseaudio did not answer within 15 s"
        self.stop()

    def default_sink(self) -> str:
        try:
            out = subprocess.run(
                ["pactl", "get-default-sink"], capture_output=True, text=True, timeout=5
            )
        except (OSError, subprocess.TimeoutExpired):
            return ""
        return out.stdout.strip() if out.returncode == 0 else ""

    def stop(self) -> None:
        if self.proc is None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=5)
        self.proc = None


def _die_with_parent() -> None:
    """In the server's process: end it when pytest ends, even if pytest is killed."""
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGTERM)


_PULSE = PrivatePulse(_PULSE_DIR)


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


def pytest_unconfigure(config: pytest.Config) -> None:
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


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
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
