"""The microphones Qt sees, whether the app may use them, and the format
each is recorded in.

Beside `qt/voice.py` (the listener and its thread), which opens the one
chosen; the settings list them. Nothing here holds state.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from stretchguide.voice.acoustics import SAMPLE_RATE


def microphone_format() -> Any:
    """What the recognizer hears: 16 kHz mono, 16-bit (a ``QAudioFormat``)."""
    from PySide6.QtMultimedia import QAudioFormat

    fmt = QAudioFormat()
    fmt.setSampleRate(SAMPLE_RATE)
    fmt.setChannelCount(1)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    return fmt


def recording_format(device: Any) -> Any:
    """The format to record ``device`` in (a ``QAudioFormat``), or None.

    16 kHz mono where the device takes it (a sound server converts
    anything); else the device's own format, converted here: a microphone
    opened without a server (ALSA directly, or Windows in shared mode)
    may record only at its own rate, 44.1 or 48 kHz, often in stereo.
    """
    from stretchguide.voice.wav import stream_format_error

    wanted = microphone_format()
    if device.isFormatSupported(wanted):
        return wanted
    own = device.preferredFormat()
    if stream_format_error(own.sampleFormat().name, own.channelCount(), own.sampleRate()):
        return None  # samples it cannot read (Unknown), or no format at all
    return own if device.isFormatSupported(own) else None


def telephone_notice(device: Any) -> str:
    """A word for the person when ``device`` records below 16 kHz, else "".

    A Bluetooth headset records at 8 kHz while its microphone is on (the
    call mode), as a telephone does: the recognizer, made for 16 kHz, then
    hears nothing above 4 kHz and misses about a third of the commands it
    hears at 16 kHz (docs/PERFORMANCE.md). The device's own format tells,
    even where a sound server would convert it to 16 kHz for us.
    """
    rate = device.preferredFormat().sampleRate()
    if not 0 < rate < SAMPLE_RATE:
        return ""
    from PySide6.QtCore import QCoreApplication, QLocale

    return QCoreApplication.translate(
        "microphones",
        "This microphone records at %1 kHz, like a telephone (a Bluetooth headset does "
        "while its microphone is on), and about one command in three is missed. "
        "A built-in or USB microphone hears you better.",
    ).replace("%1", QLocale().toString(rate / 1000, "g", 5))


_DEVICES: Any = None


def media_devices() -> Any:
    """The process's one ``QMediaDevices`` (its ``audioInputsChanged`` says
    a microphone came or went), made once and kept while the application
    runs.

    Each listener and each settings panel made its own, and a session makes
    a listener: their Python wrappers came and went while PulseAudio could
    still post a device change to them. Once in CI the main thread died in
    PySide's ``SignalManager::qt_metacall`` delivering such a queued call to
    a ``QMediaDevices`` whose wrapper the garbage collector was taking. A
    connection to a receiver's slot goes with the receiver, so nothing
    needs disconnecting.
    """
    global _DEVICES
    if _DEVICES is None:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtMultimedia import QMediaDevices

        _DEVICES = QMediaDevices(QCoreApplication.instance())
    return _DEVICES


def microphones() -> list[tuple[bytes, str]]:
    """(device id, description) of every microphone Qt sees."""
    from PySide6.QtMultimedia import QMediaDevices

    return [(bytes(d.id().data()), d.description()) for d in QMediaDevices.audioInputs()]


def microphone_permission() -> str:
    """ "granted", "denied" or "undetermined": may the app use a microphone?

    The system's answer through Qt. macOS asks the person once (and ends an
    app that opens a microphone without the usage text in its Info.plist,
    which the bundle has); Linux has no such permission, so it is granted.
    """
    from PySide6.QtCore import QCoreApplication, QMicrophonePermission, Qt

    app = QCoreApplication.instance()
    if app is None:
        return "granted"  # no application, no system to ask
    status = app.checkPermission(QMicrophonePermission())
    if status == Qt.PermissionStatus.Granted:
        return "granted"
    if status == Qt.PermissionStatus.Denied:
        return "denied"
    return "undetermined"


def ask_for_microphone(context: Any, answered: Callable[[bool], None]) -> None:
    """Ask the system (it asks the person); ``answered(granted)`` follows on
    ``context``'s thread, unless ``context`` is gone by then."""
    from PySide6.QtCore import QCoreApplication, QMicrophonePermission

    app = QCoreApplication.instance()
    if app is None:
        answered(True)
        return
    # The answer read back from the system, rather than from the callback's
    # argument, whose type PySide6 gives as a plain QPermission.
    app.requestPermission(
        QMicrophonePermission(), context, lambda *_: answered(microphone_permission() == "granted")
    )
