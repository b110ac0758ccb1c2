"""Half-duplex: the microphone is deaf while the app itself makes sound.

Standard library only; the Qt layer reports what the cue player does and
asks `listening(now)` for every block of microphone audio.
"""

from __future__ import annotations

# Room echo and the sound device's own buffer outlast the end of a line by a
# little; StretchGuide's figure, measured by ear, not from a source.
ECHO_TAIL_S = 0.4
# A cue sound reports when it starts but not when it ends; the longest cue
# in resources/sounds lasts under a second.
CUE_SOUND_S = 1.0


class HalfDuplexGate:
    """Closed while a line is spoken or a cue sounds, and for a short tail after."""

    def __init__(self) -> None:
        self._speaking = 0
        self._closed_until = float("-inf")

    def line_started(self, now: float) -> None:
        self._speaking += 1

    def line_finished(self, now: float) -> None:
        self._speaking = max(0, self._speaking - 1)
        self._closed_until = max(self._closed_until, now + ECHO_TAIL_S)

    def sound_played(self, now: float, duration_s: float = CUE_SOUND_S) -> None:
        self._closed_until = max(self._closed_until, now + duration_s + ECHO_TAIL_S)

    def reset(self) -> None:
        self._speaking = 0
        self._closed_until = float("-inf")

    def reopens_in(self, now: float) -> float | None:
        """Seconds until it listens again; None while a line is still spoken
        (its end says when), 0.0 when it listens now."""
        if self._speaking:
            return None
        return max(0.0, self._closed_until - now)

    def listening(self, now: float) -> bool:
        return self._speaking == 0 and now >= self._closed_until
