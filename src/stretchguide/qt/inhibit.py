"""Keep the screen awake while a session runs.

A person lying on the floor cannot reach the mouse when the screen blanks, so
during a session we ask the platform not to sleep:

* Linux/BSD: ``org.freedesktop.ScreenSaver.Inhibit`` on the session bus
  (KDE, GNOME via its compatibility name, Xfce, most others).
* Windows: ``SetThreadExecutionState(ES_CONTINUOUS | ES_DISPLAY_REQUIRED)``.
* Anywhere else, or when the call fails: nothing, quietly. A missing
  inhibitor must never stop a session.

``UnInhibit`` takes the cookie as a D-Bus ``uint32``, which PySide6 cannot
marshal: a Python int goes out as ``int32`` (or ``uint16`` through
``QDBusArgument``), the signature matches no method and the screen stays
inhibited until the app exits. So the release is sent with ``gdbus`` (it
reads the method's signature from the server, as in qt/notify.py), or with
``dbus-send``, which is told the type.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

_SERVICE = "org.freedesktop.ScreenSaver"
_PATHS = ("/org/freedesktop/ScreenSaver", "/ScreenSaver")

# The release is one short call; a hung bus must not hold the window for long.
_RELEASE_TIMEOUT_S = 5.0

_ES_CONTINUOUS = 0x80000000
_ES_SYSTEM_REQUIRED = 0x00000001
_ES_DISPLAY_REQUIRED = 0x00000002


class ScreenSleepInhibitor:
    """``inhibit()`` / ``release()`` pair; both are idempotent and never raise."""

    def __init__(self, app_name: str = "StretchGuide") -> None:
        self._app_name = app_name
        self._cookie: int | None = None
        self._path: str | None = None
        self._windows_active = False

    @property
    def active(self) -> bool:
        return self._cookie is not None or self._windows_active

    def inhibit(self, reason: str) -> bool:
        """Ask the platform to keep the screen on; True if something accepted."""
        if self.active:
            return True
        if sys.platform == "darwin":
            return False  # no inhibitor is asked on macOS
        try:
            if sys.platform.startswith("win"):
                return self._windows(True)
            return self._dbus_inhibit(reason)
        except Exception:  # noqa: BLE001 - a failed inhibit must not end a session
            return False

    def release(self) -> None:
        try:
            if self._windows_active:
                self._windows(False)
            elif self._cookie is not None:
                self._dbus_release()
        except Exception:  # noqa: BLE001
            pass
        finally:
            self._cookie = None
            self._path = None
            self._windows_active = False

    # -- freedesktop ------------------------------------------------------
    def _dbus_inhibit(self, reason: str) -> bool:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return False
        for path in _PATHS:
            iface = QDBusInterface(_SERVICE, path, _SERVICE, bus)
            if not iface.isValid():
                continue
            reply = iface.call("Inhibit", self._app_name, reason)
            if reply.type() == QDBusMessage.MessageType.ReplyMessage and reply.arguments():
                self._cookie = int(reply.arguments()[0])
                self._path = path
                return True
        return False

    def _dbus_release(self) -> None:
        if self._path is None or self._cookie is None:
            return
        command = uninhibit_command(self._path, self._cookie)
        if command is not None:
            subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=_RELEASE_TIMEOUT_S,
                check=False,
            )

    # -- Windows ----------------------------------------------------------
    def _windows(self, on: bool) -> bool:
        import ctypes

        flags = _ES_CONTINUOUS
        if on:
            flags |= _ES_DISPLAY_REQUIRED | _ES_SYSTEM_REQUIRED
        # windll exists only on Windows; mypy checks as Linux, where it is absent.
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        ok = bool(kernel32.SetThreadExecutionState(flags))
        self._windows_active = on and ok
        return self._windows_active


def uninhibit_command(path: str, cookie: int) -> list[str] | None:
    """The command that hands ``cookie`` back as a ``uint32``; None without a tool."""
    cookie = int(cookie)
    if not 0 <= cookie <= 0xFFFFFFFF:
        return None  # not a cookie any server handed out
    gdbus = shutil.which("gdbus")
    if gdbus is not None:
        return [
            gdbus,
            "call",
            "--session",
            "--dest",
            _SERVICE,
            "--object-path",
            path,
            "--method",
            f"{_SERVICE}.UnInhibit",
            str(cookie),
        ]
    dbus_send = shutil.which("dbus-send")
    if dbus_send is not None:
        return [
            dbus_send,
            "--session",
            "--print-reply",  # waits for the answer, so the release has happened
            f"--dest={_SERVICE}",
            path,
            f"{_SERVICE}.UnInhibit",
            f"uint32:{cookie}",
        ]
    return None
