"""The session's sound and voice commands: one CuePlayer and one microphone
listener for the window's life, set up with the current preferences.

The audio engine (QtMultimedia, a speech engine) and the recognizer are
imported on first use, on purpose: they cost seconds to open and the window
paints long before anyone starts a session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stretchguide.core.catalog import Routine
    from stretchguide.core.cues import Line
    from stretchguide.qt.host import SoundHost
    from stretchguide.qt.session_controller import SessionController


class SessionSound:
    """Cues and voice commands for the sessions of one window."""

    def __init__(self, window: SoundHost) -> None:
        self.window = window
        self.ctx = window.ctx
        self.cue_player: Any = None  # the one CuePlayer, made on first use
        self._voice: Any = None  # (listener, router, indicator) once voice is used

    def player(self) -> Any:
        """The one CuePlayer (created on first use) with the current preferences."""
        if not self.ctx.audio:
            return None
        if self.cue_player is None:
            try:
                from stretchguide.qt.audio import CuePlayer

                self.cue_player = CuePlayer(
                    self.window.window(), speech_engine=self.ctx.speech_engine
                )
            except Exception:  # noqa: BLE001 - the session runs on with visual cues
                self.ctx.audio = False
                return None
        player = self.cue_player
        prefs = self.ctx.prefs
        player.set_voice_enabled(prefs.voice)
        player.set_beeps_enabled(prefs.beeps)
        player.set_volume(prefs.volume / 100)
        return player

    def _say(self, line: Line) -> None:
        player = self.cue_player
        if player is not None and hasattr(player, "say") and self.ctx.audio:
            player.say(line.text, line.clips)

    def _language(self) -> str:
        from stretchguide.core.i18n import current_language

        # The player's: its clips are that language's.
        return getattr(self.cue_player, "language", None) or current_language()

    def say_hurt_question(self, message: str, *, can_ease: bool) -> None:
        """The "this hurts" question aloud, with the message it shows; the
        voice words are the ones the recognizer takes for it (qt/voice_screen.py)."""
        from stretchguide.core.cues import hurt_question_line

        voice_words = self.ctx.prefs.voice_commands
        self._say(
            hurt_question_line(
                self._language(), message, can_ease=can_ease, voice_words=voice_words
            )
        )

    def say_stop_question(self) -> None:
        """The stop question aloud: asked by voice from the mat, "Session
        paused." alone did not say that it waits for a yes or a no."""
        from stretchguide.core.cues import stop_question_line

        voice_words = self.ctx.prefs.voice_commands
        self._say(stop_question_line(self._language(), voice_words=voice_words))

    def say_again_prompt(self) -> None:
        """After a first spoken "go on" at the this-hurts question: the question
        shows "Say “go on” again to carry on."; said without the command
        words, which a clip must not say (``cues.say_again_line``)."""
        from stretchguide.core.cues import say_again_line

        self._say(say_again_line(self._language()))

    def say_eased_off(self) -> None:
        """Said as well as shown after easing off: the person on the mat may
        not be looking."""
        from stretchguide.core.cues import eased_off_line

        self._say(eased_off_line(self._language()))

    def warm_up(self) -> None:
        """Open the speech engine ahead of the session (it blocks for ~1.5 s)."""
        # Voice off: no speech engine is wanted, and beeps alone open quickly
        # at session start.
        if not self.ctx.audio or not self.ctx.prefs.voice:
            return
        player = self.player()
        if player is not None:
            player.warm_up()

    def prepare(self, routine: Routine) -> Any:
        """The audio engineer's CuePlayer, set up for this routine; None = silent cues."""
        player = self.player()
        if player is None:
            return None
        player.prepare(
            {i.exercise_id: self.ctx.catalog.exercises[i.exercise_id] for i in routine.items}
        )
        return player

    def start_voice(self, controller: SessionController | None) -> None:
        """Listen for spoken commands during the session, when the person opted in."""
        voice = self._voice
        if not self.ctx.prefs.voice_commands or controller is None:
            if voice is not None:  # turned off since the last session
                voice[2].hide()
            return
        if voice is None:
            from stretchguide.qt.voice import VoiceListener
            from stretchguide.qt.voice_screen import VoiceRouter, add_indicator

            listener = VoiceListener(
                self.window.window(), device_id=bytes.fromhex(self.ctx.prefs.microphone or "")
            )
            router = VoiceRouter(
                self.window.session_view,
                paused=lambda: controller.paused,
                muted=lambda: bool(controller.muted),
                parent=self.window.window(),
                clock=controller.clock,
                under_way=lambda: controller.under_way,
            )
            indicator = add_indicator(self.window.session_view)
            listener.sig_command.connect(router.handle)
            listener.sig_listening.connect(indicator.set_listening)
            listener.sig_listening.connect(self.window.session_view.set_voice_listening)
            listener.sig_silent.connect(indicator.set_silent)
            listener.sig_deaf.connect(indicator.set_deaf)
            listener.sig_unavailable.connect(self.window.session_view.set_status)
            listener.sig_notice.connect(self.window.session_view.set_status)
            router.sig_acknowledged.connect(indicator.acknowledge)
            router.sig_say_again.connect(self.say_again_prompt)
            listener.attach_player(self.cue_player)
            voice = self._voice = (listener, router, indicator)
        listener, _router, indicator = voice
        listener.set_device(bytes.fromhex(self.ctx.prefs.microphone or ""))
        indicator.show()
        listener.start()

    def stop_voice(self, shutdown: bool = False) -> None:
        voice = self._voice
        if voice is None:
            return
        listener, _router, indicator = voice
        if shutdown:
            listener.shutdown()
        else:
            listener.stop()
