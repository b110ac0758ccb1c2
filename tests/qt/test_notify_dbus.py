"""The real notification path on a private D-Bus with a stand-in server.

The server (a PySide6 object with the freedesktop ``Notify`` signature,
``replaces_id`` a uint32 as GNOME's and KDE's servers demand) runs in its own
process on a bus of our own, so no desktop is touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time

import pytest

from stretchguide.qt.notify import LATER, START_NOW, Notifier, QtDBusBus

pytestmark = pytest.mark.skipif(
    not (shutil.which("dbus-daemon") and shutil.which("gdbus") and shutil.which("dbus-send")),
    reason="needs dbus-daemon, gdbus and dbus-send",
)

SERVER = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
    from PySide6.QtDBus import QDBusConnection

    app = QCoreApplication([])
    conn = QDBusConnection.connectToBus(sys.argv[1], "server")

    @ClassInfo({"D-Bus Interface": "org.freedesktop.Notifications"})
    class Server(QObject):
        @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
        def Notify(self, app_name, replaces, icon, summary, body, actions, hints, timeout):
            print("NOTIFY", repr((app_name, summary, body, list(actions))), flush=True)
            return 42

    server = Server()
    conn.registerObject(
        "/org/freedesktop/Notifications", server, QDBusConnection.RegisterOption.ExportAllSlots
    )
    conn.registerService("org.freedesktop.Notifications")
    print("READY", flush=True)
    app.exec()
    """
)


@pytest.fixture
def private_bus(tmp_path):
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1", "--nopidfile"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # it cannot raise its fd limit in a container; harmless
        text=True,
    )
    address = daemon.stdout.readline().strip()
    script = tmp_path / "server.py"
    script.write_text(SERVER)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    server = subprocess.Popen(
        [sys.executable, str(script), address], stdout=subprocess.PIPE, text=True, env=env
    )
    assert server.stdout.readline().strip() == "READY"
    yield address, server
    server.kill()
    daemon.kill()
    server.wait(10)
    daemon.wait(10)
    # Warnings are errors here: an unclosed pipe would fail the next test.
    server.stdout.close()
    daemon.stdout.close()


def test_notification_goes_over_dbus_and_its_action_comes_back(qtbot, private_bus):
    address, server = private_bus
    bus = QtDBusBus(address=address, timeout_ms=10_000)
    notifier = Notifier(bus)
    assert bus.available()
    assert notifier.notify(
        "Time for your stretches", "Body", [(START_NOW, "Start now"), (LATER, "Later")]
    )
    assert notifier.last_route == "dbus"
    line = server.stdout.readline()
    assert line.startswith("NOTIFY")
    assert (
        "'Time for your stretches'" in line and "['start', 'Start now', 'later', 'Later']" in line
    )
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address}

    def send(nid: int, key: str) -> None:
        subprocess.run(
            [
                "dbus-send",
                "--session",
                "--type=signal",
                "/org/freedesktop/Notifications",
                "org.freedesktop.Notifications.ActionInvoked",
                f"uint32:{nid}",
                f"string:{key}",
            ],
            env=env,
            check=True,
        )

    got: list[str] = []
    notifier.sig_action.connect(got.append)
    send(7, START_NOW)  # another app's notification
    with qtbot.waitSignal(notifier.sig_action, timeout=10_000):
        send(42, LATER)
    assert got == [LATER]


def test_no_server_means_not_available(qtbot, private_bus):
    address, server = private_bus
    server.kill()
    server.wait(10)
    deadline = time.monotonic() + 10
    bus = QtDBusBus(address=address)
    while bus.available() and time.monotonic() < deadline:
        qtbot.wait(100)
    assert not bus.available()
