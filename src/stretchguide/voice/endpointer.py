"""Where an utterance starts and ends: the engine's voice activity detector,
with one window to start and a shorter one to end.

pocketsphinx's own `Endpointer` uses one window for both. Shortening it to
answer sooner also let noise bursts open utterances (14 instead of 4 in the
bench's 30 s of room noise, twice the idle CPU), so the start keeps the
engine's 0.3 s and only the end is quicker. Otherwise this follows the
engine's C endpointer (src/ps_endpointer.c): 30 ms frames, a queue one start
window long, speech handed on one start window late, so an utterance's
audio begins with the frames that opened it.

One addition: the start reaches back (`LEAD_S`, `LEAD_GAP`). The window opens
only on an unbroken run of speech frames, so a first word cut off from the
rest by a stop consonant ("it | hurts", "this | hurts") was left outside it
whenever the detector called the stop's silence quiet: at the very start of a
recording, where it has no noise level yet, and in a synthesiser's file,
where the stop is exact zeros. The speech just before the window, with no
more than `LEAD_GAP` quiet frames in a row, is now handed on with it. And a
gap in the stream (`restart`) keeps the detector and the noise level it
has learnt.

No Qt; the engine is imported by the caller (`recognizer._engine`).
"""

from __future__ import annotations

from collections import deque
from itertools import islice
from typing import Any

# The endpointer opens an utterance when more than this share of the last
# START window's 30 ms frames are speech, and closes it when less than
# (1 - RATIO) of the last END window's are. The engine's default window is
# 0.3 s for both. Ending after 0.24 s (8 frames) heard the same commands and
# the same false commands on four voice sets (36 voices, 110-210 words a
# minute; docs/PERFORMANCE.md) and answers 60 ms sooner. StretchGuide's
# figures.
START_WINDOW_S = 0.3
END_WINDOW_S = 0.24
RATIO = 0.9

# How far before the opening window an utterance may start, and how many
# quiet 30 ms frames in a row the speech there may have. 60 ms is longer than
# the closure of a stop consonant and shorter than a pause between words
# said one by one. On 374 commands as espeak-ng writes them (no silence
# before the first word): 306 -> 331 heard. StretchGuide's figures.
LEAD_S = 0.3
LEAD_GAP = 2
# A frame reached back to must be no more than 30 dB below the loudest frame
# of the opening window (a power ratio).
LEAD_FLOOR = 10 ** (-30 / 10)
# Inside an utterance, a frame more than 40 dB under its loudest so far is
# quiet, whatever the detector says: the detector's hangover carried a
# fading voice on for about 0.2 s after it had died away, and the end
# waited for it (flite's voices: 0.48 s from the end of speech to the
# command, median). StretchGuide's figure.
END_FLOOR = 10 ** (-40 / 10)


def _power(frame: bytes) -> float:
    """Mean square of a frame's samples (a dot product: twice as fast as ``mean``)."""
    import numpy as np

    x = np.frombuffer(frame, dtype="<i2", count=len(frame) // 2).astype(np.float64)
    return float(np.dot(x, x)) / len(x) if len(x) else 0.0


class Endpointer:
    """Cuts a stream of fixed-size frames into utterances (`process`, `end_stream`).

    ``process`` takes exactly ``frame_bytes`` and returns the audio to hand
    to the decoder now (None outside speech). After a frame, ``in_speech``
    says whether the utterance is still open; ``speech_start`` and
    ``speech_end`` are seconds from the first frame.
    """

    def __init__(
        self,
        engine: Any,
        sample_rate: int,
        start_window_s: float = START_WINDOW_S,
        end_window_s: float = END_WINDOW_S,
        ratio: float = RATIO,
        lead_s: float = LEAD_S,
        lead_gap: int = LEAD_GAP,
        end_floor: float = END_FLOOR,
    ) -> None:
        self._vad = engine.Vad(engine.Vad.LOOSE, sample_rate)
        self._rate = sample_rate
        self.frame_bytes = int(self._vad.frame_bytes)
        self.frame_length = float(self._vad.frame_length)
        self._start_n = max(1, round(start_window_s / self.frame_length))
        self._end_n = max(1, min(self._start_n, round(end_window_s / self.frame_length)))
        self._ratio = ratio
        self._lead_gap = lead_gap
        self._end_floor = end_floor
        self._queue: deque[tuple[bytes, bool, bool]] = deque()  # frame, speech, heard
        # Frames that left the queue outside speech: where a start may reach back to.
        self._before: deque[tuple[bytes, bool, bool]] = deque(
            maxlen=max(0, round(lead_s / self.frame_length))
        )
        self.restart()

    def restart(self) -> None:
        """Forget the audio so far (the stream has a gap); time starts again at zero.

        The detector keeps the noise level it has learnt: the room has not
        changed. A fresh detector takes the first frames of a stream for
        speech, and opened late on a word at the start (s29: 331 -> 346 of
        374 commands as espeak-ng writes them, heard twice by `recognise`).
        """
        self._queue.clear()
        self._before.clear()
        self._queue_start = 0.0  # the time of the queue's first frame
        self.in_speech = False
        self.speech_start = 0.0
        self.speech_end = 0.0
        self._peak = 0.0  # the loudest frame of the open utterance (its power)

    def listen(self, frame: bytes) -> None:
        """Let the detector hear ``frame`` (it learns the noise level), cutting nothing."""
        self._vad.is_speech(frame)

    def _pop(self) -> bytes:
        self._queue_start += self.frame_length
        frame = self._queue.popleft()
        if not self.in_speech:
            self._before.append(frame)  # a no-op when it holds nothing (lead_s 0)
        return frame[0]

    def _lead(self, floor: float) -> bytes:
        """The speech just before the opening window, handed on ahead of it.

        Only frames of at least ``floor`` power, loud enough to be a word of
        this utterance: the detector also calls a click or a breath 40 dB
        under the voice speech, and handing one on made flite's "ouch" into
        "no should".
        """
        reach = gap = 0
        for n, (frame, speech, _) in enumerate(reversed(self._before), 1):
            if speech and _power(frame) >= floor:
                reach, gap = n, 0
            else:
                gap += 1
                if gap > self._lead_gap:
                    break
        frames = list(self._before)[len(self._before) - reach :]
        self._before.clear()
        self.speech_start -= reach * self.frame_length
        return b"".join(frame for frame, _, _ in frames)

    def process(self, frame: bytes) -> bytes | None:
        heard = speech = bool(self._vad.is_speech(frame))
        if self.in_speech and speech:
            power = _power(frame)
            self._peak = max(self._peak, power)
            speech = power >= self._peak * self._end_floor
        self._queue.append((frame, speech, heard))
        if len(self._queue) > self._start_n:
            self._pop()  # outside speech: the oldest frame is not speech to hand on
        lead = b""
        if not self.in_speech:
            if sum(s for _, s, _ in self._queue) > self._ratio * self._start_n:
                self.in_speech = True
                self.speech_start = self._queue_start
                self.speech_end = 0.0
                self._peak = max(_power(f) for f, _, _ in self._queue)
                lead = self._lead(self._peak * LEAD_FLOOR)
            else:
                return None
        recent = sum(s for _, s, _ in islice(reversed(self._queue), self._end_n))
        if recent < (1.0 - self._ratio) * self._end_n:
            # The end: hand on the speech's last frames and the first quiet
            # one, as the engine does (the decoder then has the start of the
            # quiet to close the last sound on); the other quiet frames stay.
            # The decoder still gets what the detector heard after the floor
            # ended the speech (its hangover, a fading voice): without it the
            # last sound had no quiet after it to close on.
            n = len(self._queue) - self._end_n + 1
            self.speech_end = self._queue_start + n * self.frame_length
            while n < len(self._queue) and self._queue[n - 1][2]:
                n += 1
            out = [self._pop() for _ in range(n)]
            self.in_speech = False
            return lead + b"".join(out)
        return lead + self._pop()

    def end_stream(self, tail: bytes) -> bytes | None:
        """The stream ends with ``tail`` (shorter than a frame): what is left of the utterance."""
        if not self.in_speech:
            return None
        out: list[bytes] = []
        while self._queue and self._queue[0][2]:  # all it heard, as at an end
            out.append(self._pop())
        self.speech_end = self._queue_start
        if not self._queue:  # speech to the very end
            out.append(tail)
            self.speech_end += len(tail) / 2 / self._rate
        self._queue.clear()
        self._before.clear()
        self.in_speech = False
        return b"".join(out)
