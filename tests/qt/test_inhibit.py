"""The screen-sleep inhibitor: real D-Bus calls to a fake screensaver, and no bus.

Each case runs in a fresh process: Qt opens the session bus once per process,
so the bus a test wants must be in the environment before that.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# What the inhibitor returns and holds, printed one line per step.
CLIENT = textwrap.dedent("""
    from PySide6.QtCore import QCoreApplication
    app = QCoreApplication([])
    from stretchguide.qt.inhibit import ScreenSleepInhibitor
    inhibitor = ScreenSleepInhibitor()
    print("inhibit", inhibitor.inhibit("session running"), inhibitor.active, flush=True)
    print("again", inhibitor.inhibit("session running"), inhibitor.active, flush=True)
    inhibitor.release()
    print("released", inhibitor.active, flush=True)
    app.processEvents()
""")

# A stand-in for the desktop's org.freedesktop.ScreenSaver: hands out cookie
# 42 and prints every call it gets.
FAKE_SCREENSAVER = textwrap.dedent("""
    from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
    from PySide6.QtDBus import QDBusConnection

    @ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
    class ScreenSaver(QObject):
        @Slot(str, str, result="uint")
        def Inhibit(self, app, reason):
            print("Inhibit", app, reason, flush=True)
            return 42

        @Slot("uint")
        def UnInhibit(self, cookie):
            print("UnInhibit", cookie, flush=True)

    app = QCoreApplication([])
    bus = QDBusConnection.sessionBus()
    saver = ScreenSaver()
    assert bus.registerObject(
        "/org/freedesktop/ScreenSaver", saver, QDBusConnection.RegisterOption.ExportAllSlots)
    assert bus.registerService("org.freedesktop.ScreenSaver")
    print("ready", flush=True)
    app.exec()
""")


def _run_client(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CLIENT],
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )


def test_without_a_session_bus_inhibit_says_false_holds_nothing_and_is_quiet(tmp_path):
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path / 'no-bus'}"}
    proc = _run_client(env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        "inhibit False False",
        "again False False",
        "released False",
    ]
    assert "Traceback" not in proc.stderr


def test_an_error_inside_the_platform_call_is_a_quiet_false(monkeypatch):
    from stretchguide.qt import inhibit

    def broken(self, reason):
        raise RuntimeError("the bus went away mid-call")

    monkeypatch.setattr(inhibit.ScreenSleepInhibitor, "_dbus_inhibit", broken)
    monkeypatch.setattr(inhibit.sys, "platform", "linux")
    inhibitor = inhibit.ScreenSleepInhibitor()
    assert inhibitor.inhibit("test") is False
    assert not inhibitor.active
    inhibitor.release()  # nothing held: must not raise
    assert not inhibitor.active


@pytest.fixture
def private_session_bus(tmp_path):
    """A D-Bus session bus of the test's own, with a fake screensaver on it."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("no dbus-daemon (Debian: dbus-daemon)")
    bus = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1", "--nopidfile"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    saver = None
    try:
        address = bus.stdout.readline().strip()
        assert address.startswith("unix:"), address
        env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address, "QT_QPA_PLATFORM": "offscreen"}
        with (tmp_path / "saver.log").open("w") as log:
            saver = subprocess.Popen(
                [sys.executable, "-c", FAKE_SCREENSAVER],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                text=True,
            )
        deadline = time.monotonic() + 30
        while "ready" not in (tmp_path / "saver.log").read_text():
            assert saver.poll() is None, (tmp_path / "saver.log").read_text()
            assert time.monotonic() < deadline, "the fake screensaver did not start"
            time.sleep(0.05)
        yield env, tmp_path / "saver.log"
    finally:
        if saver is not None:
            saver.terminate()
            saver.wait(timeout=10)
        bus.terminate()
        bus.wait(timeout=10)
        bus.stdout.close()


def test_with_a_screensaver_on_the_bus_inhibit_holds_one_cookie(private_session_bus):
    env, saver_log = private_session_bus
    proc = _run_client(env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        "inhibit True True",
        "again True True",  # idempotent: no second inhibition
        "released False",
    ]
    calls = saver_log.read_text().splitlines()
    assert calls.count("Inhibit StretchGuide session running") == 1, calls


def _uninhibit_calls(saver_log: Path) -> list[str]:
    # The release waits for the server's answer, and the fake prints before
    # it answers; the deadline only guards against a hang.
    deadline = time.monotonic() + 10
    while True:
        calls = [c for c in saver_log.read_text().splitlines() if c.startswith("UnInhibit")]
        if calls or time.monotonic() > deadline:
            return calls
        time.sleep(0.05)


@pytest.mark.skipif(shutil.which("gdbus") is None, reason="needs gdbus (libglib2.0-bin)")
def test_release_hands_the_same_cookie_back(private_session_bus):
    env, saver_log = private_session_bus
    proc = _run_client(env)
    assert proc.returncode == 0, proc.stderr
    # Once, as the uint32 the method takes (an int32 would match no method).
    assert _uninhibit_calls(saver_log) == ["UnInhibit 42"]


@pytest.mark.skipif(shutil.which("dbus-send") is None, reason="needs dbus-send")
def test_without_gdbus_dbus_send_hands_the_cookie_back(private_session_bus, tmp_path):
    env, saver_log = private_session_bus
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "dbus-send").symlink_to(shutil.which("dbus-send"))
    proc = _run_client({**env, "PATH": str(tools)})
    assert proc.returncode == 0, proc.stderr
    assert _uninhibit_calls(saver_log) == ["UnInhibit 42"]


def test_the_release_command_types_the_cookie_as_uint32(monkeypatch):
    from stretchguide.qt import inhibit

    monkeypatch.setattr(inhibit.shutil, "which", lambda name: f"/usr/bin/{name}")
    command = inhibit.uninhibit_command("/ScreenSaver", 3_000_000_000)  # over int32
    assert command is not None and command[0] == "/usr/bin/gdbus"
    assert command[-3:] == ["--method", "org.freedesktop.ScreenSaver.UnInhibit", "3000000000"]
    monkeypatch.setattr(
        inhibit.shutil, "which", lambda name: "/usr/bin/dbus-send" if name == "dbus-send" else None
    )
    command = inhibit.uninhibit_command("/ScreenSaver", 7)
    assert command is not None and command[-1] == "uint32:7"
    monkeypatch.setattr(inhibit.shutil, "which", lambda name: None)
    assert inhibit.uninhibit_command("/ScreenSaver", 7) is None
    assert inhibit.uninhibit_command("/ScreenSaver", -1) is None
