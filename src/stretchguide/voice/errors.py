"""The voice layer's errors: English ``str()`` for logs, ``user_message`` for the person.

``voice-check`` prints ``user_message``; the app shows the engine's
(``qt/voice_worker``). Each carries a :class:`~stretchguide.core.messages.Message`,
so both are the one sentence, said in two languages.
"""

from __future__ import annotations

from stretchguide.core.messages import Message, in_language, said


class _SaidError(Exception):
    def __init__(self, message: Message | str) -> None:
        super().__init__(message)
        self.said = message

    @property
    def user_message(self) -> str:
        return in_language(self.said)


class AudioFileError(_SaidError):
    """A recording cannot be read (file and reason in the message)."""


class VoiceUnavailableError(_SaidError):
    """The speech engine or its model cannot be used here (reason in the message)."""


def engine_missing() -> VoiceUnavailableError:
    return VoiceUnavailableError(
        said(
            "The speech engine ({engine}) is not installed. Install it with: {command}",
            engine="pocketsphinx",
            command="pip install 'stretchguide[voice]'",
        )
    )


def engine_failed(exc: Exception) -> VoiceUnavailableError:
    # The detail is the engine's own words (it has no error types of its own).
    return VoiceUnavailableError(said("The speech engine could not start: {detail}", detail=exc))
