"""Desktop notifications with "Start now" and "Later".

Where a freedesktop notification server runs (``org.freedesktop.Notifications``
on the session bus), the reminder is a real notification with action
buttons; otherwise it is the tray icon's balloon, where a click means
"Start now".

The bus is behind a small interface (:class:`NotificationBus`) so tests
drive the action flow with a fake. The real one listens for the server's
``ActionInvoked`` / ``NotificationClosed`` signals over QtDBus. It sends
``Notify`` with the ``gdbus`` tool: PySide6 cannot marshal a D-Bus
``uint32`` (the spec's ``replaces_id``), and servers built on GDBus refuse
a call whose signature says ``int32``; ``gdbus`` reads the method's
signature from the server and types the arguments to match.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import SLOT, QObject, QProcess, Signal, Slot

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection
    from PySide6.QtWidgets import QSystemTrayIcon

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"

START_NOW = "start"
LATER = "later"
CHECK_IN = "checkin"


class NotificationBus(Protocol):
    def available(self) -> bool: ...

    def notify(
        self, summary: str, body: str, actions: Sequence[tuple[str, str]], icon: str
    ) -> int | None:
        """Show a notification; its id, or None if the server refused."""

    def listen(self, on_action: Callable[[int, str], None]) -> None:
        """Call ``on_action(id, key)`` when the person clicks an action."""

    def close(self, notification_id: int) -> None: ...


def _gvariant_str(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


class QtDBusBus(QObject):
    """The session bus's notification server."""

    def __init__(
        self, parent: QObject | None = None, timeout_ms: int = 2000, address: str | None = None
    ) -> None:
        super().__init__(parent)
        self._timeout_ms = timeout_ms
        self._address = address  # None: the session bus; tests pass a private one
        self._on_action: Callable[[int, str], None] | None = None
        self._gdbus = shutil.which("gdbus")

    def _bus(self) -> QDBusConnection:
        from PySide6.QtDBus import QDBusConnection

        if self._address is None:
            return QDBusConnection.sessionBus()
        return QDBusConnection.connectToBus(self._address, f"stretchguide-{self._address}")

    def _gdbus_process(self) -> QProcess:
        proc = QProcess(self)
        if self._address is not None:
            from PySide6.QtCore import QProcessEnvironment

            env = QProcessEnvironment.systemEnvironment()
            env.insert("DBUS_SESSION_BUS_ADDRESS", self._address)
            proc.setProcessEnvironment(env)
        return proc

    def available(self) -> bool:
        if self._gdbus is None:
            return False
        bus = self._bus()
        if not bus.isConnected():
            return False
        reply = bus.interface().isServiceRegistered(SERVICE)
        return bool(reply.value()) if reply.isValid() else False

    def notify(
        self, summary: str, body: str, actions: Sequence[tuple[str, str]], icon: str
    ) -> int | None:
        if self._gdbus is None:
            return None
        flat = [x for pair in actions for x in pair]
        args = [
            "call",
            "--session",
            "--dest",
            SERVICE,
            "--object-path",
            PATH,
            "--method",
            f"{INTERFACE}.Notify",
            "StretchGuide",
            "0",
            icon,
            summary,
            body,
            "[" + ", ".join(_gvariant_str(x) for x in flat) + "]",
            "{'desktop-entry': <'io.github.stretchguide.StretchGuide'>}",
            "0",  # 0: the notification stays until the person answers it
        ]
        proc = self._gdbus_process()
        proc.start(self._gdbus, args)
        # Once a day at most, and the server answers at once: a short block
        # is simpler than a state machine around it.
        if not proc.waitForFinished(self._timeout_ms) or proc.exitCode() != 0:
            proc.kill()
            return None
        out = bytes(proc.readAllStandardOutput().data()).decode("utf-8", "replace")
        found = re.search(r"uint32 (\d+)", out)
        return int(found.group(1)) if found else None

    def listen(self, on_action: Callable[[int, str], None]) -> None:
        self._on_action = on_action
        # PySide6's stubs say connect() takes the slot as bytes and SLOT()
        # returns str; at run time connect() takes exactly what SLOT() returns.
        self._bus().connect(  # type: ignore[call-overload]
            "", PATH, INTERFACE, "ActionInvoked", self, SLOT("onActionInvoked(uint,QString)")
        )

    @Slot("uint", str)
    def onActionInvoked(self, notification_id: int, key: str) -> None:
        if self._on_action is not None:
            self._on_action(int(notification_id), str(key))

    def close(self, notification_id: int) -> None:
        if self._gdbus is None:
            return
        proc = self._gdbus_process()
        proc.setProgram(self._gdbus)
        proc.setArguments(
            [
                "call",
                "--session",
                "--dest",
                SERVICE,
                "--object-path",
                PATH,
                "--method",
                f"{INTERFACE}.CloseNotification",
                str(notification_id),
            ]
        )
        proc.startDetached()


class Notifier(QObject):
    """Shows reminders and reports what the person chose."""

    sig_action = Signal(str)
    """The person chose an action (START_NOW, LATER or CHECK_IN)."""

    def __init__(
        self,
        bus: NotificationBus | None,
        tray: QSystemTrayIcon | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.bus = bus
        self.tray = tray  # for the fallback
        self._current: int | None = None
        self._tray_action: str | None = None
        self.last_route = ""  # "dbus" or "tray": what the last notify used
        if bus is not None:
            bus.listen(self._on_bus_action)
        if tray is not None:
            tray.messageClicked.connect(self._on_tray_clicked)

    def notify(self, summary: str, body: str, actions: Sequence[tuple[str, str]]) -> bool:
        """Show it by D-Bus if a server is there, else in the tray. True if shown."""
        if self.bus is not None and self.bus.available():
            nid = self.bus.notify(summary, body, actions, "io.github.stretchguide.StretchGuide")
            if nid is not None:
                self._current = nid
                self.last_route = "dbus"
                return True
        if self.tray is not None:
            # A balloon has no buttons: a click takes the first action.
            self._tray_action = actions[0][0] if actions else None
            hint = "\n" + self.tr("Click: %1").replace("%1", actions[0][1]) if actions else ""
            self.tray.showMessage(summary, body + hint)
            self.last_route = "tray"
            return True
        self.last_route = ""
        return False

    def _on_bus_action(self, notification_id: int, key: str) -> None:
        # The server broadcasts every app's actions: only ours, only the latest.
        if notification_id != self._current or key not in (START_NOW, LATER, CHECK_IN):
            return
        self._current = None
        self.sig_action.emit(key)

    def _on_tray_clicked(self) -> None:
        if self._tray_action is not None:
            key, self._tray_action = self._tray_action, None
            self.sig_action.emit(key)
