"""Voice commands through a real microphone path: sound server to command.

Every other voice test feeds audio to the listener directly
(``VoiceListener.feed``), so none of them opened a microphone, and a bug
there went unseen: on PySide6 6.11 every microphone "could not be opened"
(``QAudioSource.error()`` is a ``QtAudio.Error``, never equal to the
``QAudio.Error.NoError`` it was compared with).

Here the private PulseAudio of the test run (tests/conftest.py) gets a
microphone of its own: a source remapped from the null sink's monitor (Qt
lists no monitor as a microphone). Synthetic speech played into the sink
with ``paplay`` comes out of that microphone, through ``QAudioSource``, the
recognizer thread and the settings' microphone test. Nothing is heard
outside the private server.
"""

from __future__ import annotations

import shutil
import subprocess
import time

import pytest

pytest.importorskip(
    "PySide6.QtMultimedia",
    reason="QtMultimedia does not load here (libpulse0 missing?)",
    exc_type=ImportError,
)
pytest.importorskip("pocketsphinx")

from tests.qt.test_voice import speech_cache  # noqa: E402, F401 - a fixture

from stretchguide.voice.commands import Command  # noqa: E402

pytestmark = pytest.mark.audio

MIC = "stretchguide-test-mic"


@pytest.fixture
def microphone(private_pulse, qapp):
    if not shutil.which("paplay"):
        pytest.skip("no paplay (Debian: pulseaudio-utils)")
    module = private_pulse.add_microphone(MIC)
    _wait_for_microphone(qapp, MIC)
    yield MIC.encode()
    private_pulse.remove_module(module)


def _wait_for_microphone(qapp, name: str) -> None:
    """Qt hears of a new source from the server a moment later."""
    from stretchguide.qt.microphones import microphones

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        qapp.processEvents()
        if name.encode() in dict(microphones()):
            return
        time.sleep(0.05)
    pytest.fail(f"{name} never showed up among Qt's microphones")


def _listening_on(qtbot, microphone: bytes):
    """A listener on ``microphone``, started and listening (else the test
    fails with the reason it gave); the caller shuts it down."""
    from stretchguide.qt.voice import VoiceListener

    listener = VoiceListener(device_id=microphone)
    problems: list[str] = []
    listener.sig_unavailable.connect(problems.append)
    listener.start()
    try:
        qtbot.waitUntil(lambda: bool(listener.listening or problems), timeout=30000)
        assert problems == [], problems
    except BaseException:
        listener.shutdown()
        raise
    return listener


def _play(qtbot, path) -> None:
    # Qt's event loop keeps running meanwhile: the microphone's blocks are
    # read from it, and a blocked loop lets the server drop them.
    player = subprocess.Popen(["paplay", "--device=cue", str(path)])
    qtbot.waitUntil(lambda: player.poll() is not None, timeout=30000)
    assert player.returncode == 0


def test_commands_said_into_the_microphone_are_heard_one_after_another(
    qtbot,
    microphone,
    speech_cache,  # noqa: F811 - the fixture imported above
):
    from tests.voice.speech import VOICES, synth

    from stretchguide.qt.voice_settings import MicrophoneTest

    panel = MicrophoneTest()
    qtbot.addWidget(panel)
    panel.device_id = microphone
    problems: list[str] = []
    try:
        panel.button.setChecked(True)
        panel.listener.sig_unavailable.connect(problems.append)
        # The engine loads on the listener's thread; the microphone is open
        # as soon as start() returns, or the panel says why not.
        qtbot.waitUntil(lambda: bool(panel.listener.listening or problems), timeout=30000)
        assert problems == [], problems
        # Two in a row: the second proves the microphone outlived the state
        # changes the first one's sound caused.
        for words, command in (("pause", Command.PAUSE), ("it hurts", Command.HURT)):
            with qtbot.waitSignal(panel.listener.sig_command, timeout=20000) as heard:
                # The null sink's monitor goes on in silence after the
                # words, which closes the utterance.
                _play(qtbot, synth(speech_cache, words, VOICES[0]).path)
            assert heard.args == [command.value]
            assert command in panel.check.heard
        assert f"“{words}”" in panel.last.text()
        assert panel.meter.maximum() == 100
        assert problems == []
    finally:
        panel.button.setChecked(False)


def test_a_command_is_heard_while_the_gui_thread_is_busy(
    qtbot,
    microphone,
    speech_cache,  # noqa: F811 - the fixture imported above
):
    """The microphone is read on the recognizer's thread, not the GUI's.

    Read from the GUI thread, a window busy for two seconds (a long plot, a
    slow disk) let Qt's capture buffer overflow and the words were lost.
    """
    from tests.voice.speech import VOICES, synth

    listener = _listening_on(qtbot, microphone)
    try:
        with qtbot.waitSignal(listener.sig_command, timeout=20000) as heard:
            path = synth(speech_cache, "it hurts", VOICES[0]).path
            player = subprocess.Popen(["paplay", "--device=cue", str(path)])
            time.sleep(3.0)  # the GUI thread busy with something else entirely
            assert player.wait(timeout=30) == 0
        assert heard.args == [Command.HURT.value]
    finally:
        listener.shutdown()


def test_the_chosen_microphone_plugged_in_mid_session_is_taken_up(
    qtbot,
    qapp,
    private_pulse,
    speech_cache,  # noqa: F811 - the fixture imported above
):
    """The headset the person chose, plugged in after the session started.

    Until then the system's default listens, and the person is told so; then
    the headset does, and the person is told that too.
    """
    if not shutil.which("paplay"):
        pytest.skip("no paplay (Debian: pulseaudio-utils)")
    from tests.voice.speech import VOICES, synth

    from stretchguide.qt.voice import VoiceListener

    laptop, headset = "stretchguide-test-laptop", "stretchguide-test-headset"
    modules = [private_pulse.add_microphone(laptop)]
    private_pulse.set_default_microphone(laptop)
    _wait_for_microphone(qapp, laptop)
    listener = VoiceListener(device_id=headset.encode())
    notices: list[str] = []
    problems: list[str] = []
    listener.sig_notice.connect(notices.append)
    listener.sig_unavailable.connect(problems.append)
    try:
        listener.start()
        qtbot.waitUntil(lambda: bool(listener.listening or problems), timeout=30000)
        # The default, as the chosen one is not there; and the person is told.
        assert (notices, problems) == ([f"Listening with “{laptop}”."], [])

        modules.append(private_pulse.add_microphone(headset))
        qtbot.waitUntil(lambda: len(notices) == 2, timeout=10000)
        assert notices[1] == f"Listening with “{headset}”."
        qtbot.waitUntil(lambda: listener.listening, timeout=10000)
        with qtbot.waitSignal(listener.sig_command, timeout=20000) as heard:
            _play(qtbot, synth(speech_cache, "it hurts", VOICES[0]).path)
        assert heard.args == [Command.HURT.value]
        assert problems == []
    finally:
        listener.shutdown()
        for module in modules:
            private_pulse.remove_module(module)


def test_no_microphone_for_one_session_is_not_for_the_next(
    qtbot,
    monkeypatch,
    microphone,
    speech_cache,  # noqa: F811 - the fixture imported above
):
    """Until this stop one session without a microphone ended voice commands
    for the whole run of the app, and the next sessions said nothing of it."""
    from tests.voice.speech import VOICES, synth

    from stretchguide.qt.voice import VoiceListener

    listener = VoiceListener(device_id=microphone)
    problems: list[str] = []
    listener.sig_unavailable.connect(problems.append)
    try:
        with monkeypatch.context() as unplugged:
            unplugged.setattr(
                VoiceListener, "_choose_microphone", lambda self: (None, None, "No microphone.")
            )
            listener.start()
        assert problems == ["No microphone."]
        assert not listener.listening
        listener.stop()  # the session ends; the person plugs the microphone in

        listener.start()
        qtbot.waitUntil(lambda: listener.listening, timeout=30000)
        with qtbot.waitSignal(listener.sig_command, timeout=20000) as heard:
            _play(qtbot, synth(speech_cache, "pause", VOICES[0]).path)
        assert heard.args == [Command.PAUSE.value]
        assert problems == ["No microphone."]
    finally:
        listener.shutdown()


def test_a_microphone_heard_in_its_own_format_is_converted(
    qtbot,
    monkeypatch,
    microphone,
    speech_cache,  # noqa: F811 - the fixture imported above
):
    """A microphone with no sound server in front of it (ALSA directly,
    Windows in shared mode) may record only at its own rate, in stereo,
    in floating point: it is read so, and converted to what the
    recognizer hears. Here the private server records as such a
    microphone would, 48 kHz stereo float."""
    from PySide6.QtMultimedia import QAudioFormat
    from tests.voice.speech import VOICES, synth

    import stretchguide.qt.microphones as microphones_module

    own = QAudioFormat()
    own.setSampleRate(48000)
    own.setChannelCount(2)
    own.setSampleFormat(QAudioFormat.SampleFormat.Float)
    asked: list[object] = []

    def its_own_format(device):
        asked.append(device.description())
        return own

    monkeypatch.setattr(microphones_module, "recording_format", its_own_format)
    listener = _listening_on(qtbot, microphone)
    try:
        assert asked, "the listener chose no format"
        for words, command in (("it hurts", Command.HURT), ("skip", Command.SKIP)):
            with qtbot.waitSignal(listener.sig_command, timeout=20000) as heard:
                _play(qtbot, synth(speech_cache, words, VOICES[0]).path)
            assert heard.args == [command.value]
    finally:
        listener.shutdown()


def test_a_microphone_that_records_like_a_telephone_is_said_so(
    qtbot, qapp, tmp_path, private_pulse, microphone
):
    """A Bluetooth headset records at 8 kHz while its microphone is on.

    The server converts it to the 16 kHz we ask for, so only the device's
    own format tells. The person is told in the settings, under the choice,
    and in the session, where commands would otherwise go unheard unexplained.
    """
    from stretchguide.qt.preferences import Preferences
    from stretchguide.qt.settings import SettingsDialog

    headset = "stretchguide-test-hfp-headset"
    module = private_pulse.add_microphone(headset, rate=8000)
    try:
        _wait_for_microphone(qapp, headset)
        prefs = Preferences(tmp_path / "settings.ini")
        prefs.voice_commands = True
        prefs.microphone = microphone.hex()
        dialog = SettingsDialog(prefs)
        qtbot.addWidget(dialog)
        section = dialog.voice_section
        assert section.band.isHidden()  # the wideband test microphone
        section.microphone.setCurrentIndex(section.microphone.findData(headset.encode().hex()))
        assert not section.band.isHidden()
        assert "records at 8 kHz, like a telephone" in section.band.text()
        section.microphone.setCurrentIndex(section.microphone.findData(microphone.hex()))
        assert section.band.isHidden()
        dialog.reject()

        from stretchguide.qt.voice import VoiceListener

        listener = VoiceListener(device_id=headset.encode())
        notices: list[str] = []
        listener.sig_notice.connect(notices.append)
        try:
            listener.start()
            qtbot.waitUntil(lambda: bool(notices), timeout=30000)
            assert len(notices) == 1
            assert "records at 8 kHz, like a telephone" in notices[0]
            assert listener.listening  # it still listens: fewer commands, not none
        finally:
            listener.shutdown()
    finally:
        private_pulse.remove_module(module)


def test_a_microphone_in_no_readable_format_is_said_once(qtbot, monkeypatch, microphone):
    import stretchguide.qt.microphones as microphones_module
    from stretchguide.qt.voice import VoiceListener

    monkeypatch.setattr(microphones_module, "recording_format", lambda device: None)
    listener = VoiceListener(device_id=microphone)
    problems: list[str] = []
    listener.sig_unavailable.connect(problems.append)
    try:
        listener.start()
        assert len(problems) == 1
        assert "no sound format this app can read" in problems[0]
        assert "the keys still work" in problems[0]
        assert not listener.listening
    finally:
        listener.shutdown()


def test_a_muted_microphone_is_said_to_give_no_sound_until_it_is_unmuted(
    qtbot,
    private_pulse,
    microphone,
    speech_cache,  # noqa: F811 - the fixture imported above
):
    """The system's mute gives the app exact zeros: the badge would say
    "Listening" while nothing could be heard, and the person would call out
    from the mat in vain."""
    from tests.voice.speech import VOICES, synth

    from stretchguide.qt.voice import VoiceListener

    private_pulse.mute_microphone(MIC, True)
    listener = VoiceListener(device_id=microphone)
    silent: list[bool] = []
    listener.sig_silent.connect(silent.append)
    commands: list[str] = []
    listener.sig_command.connect(commands.append)
    try:
        listener.start()
        qtbot.waitUntil(lambda: listener.listening, timeout=30000)
        # Speech into a muted microphone: nothing heard, and said so.
        _play(qtbot, synth(speech_cache, "pause", VOICES[0]).path)
        qtbot.waitUntil(lambda: silent == [True], timeout=10000)
        assert commands == []
        private_pulse.mute_microphone(MIC, False)
        with qtbot.waitSignal(listener.sig_command, timeout=20000) as heard:
            _play(qtbot, synth(speech_cache, "pause", VOICES[0]).path)
        assert heard.args == [Command.PAUSE.value]
        assert silent == [True, False]
    finally:
        private_pulse.mute_microphone(MIC, False)
        listener.shutdown()
