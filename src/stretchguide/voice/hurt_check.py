"""A second ear for "this hurts", the command that must be heard most surely.

pocketsphinx's acoustic model hears some voices' "ouch" as something else
altogether ("the cat", "no should": flite's awb and rms, every speed and
pitch). This network, trained by ``tools/train_hurt_head.py`` on synthetic
speech only, reads Google's speech embeddings (voice/speech_embedding.py):
a model trained on a great deal of real speech, so it hears the sounds, not
the synthesiser. On its own it would invent commands ("next", "back",
"thanks" in some voices); the recognizer asks it only about an utterance
that was no command and that the commands-only grammar also heard as
"ouch" or "hurts", and acts only over :data:`THRESHOLD`
(:class:`SecondEar`, docs/PERFORMANCE.md).

numpy only; loaded once, on the first utterance it is asked about.
"""

from __future__ import annotations

import zipfile
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from stretchguide.voice.acoustics import SAMPLE_BYTES, SAMPLE_RATE

if TYPE_CHECKING:
    import numpy as np

    from stretchguide.voice.speech_embedding import SpeechEmbedding

HEAD_FILE = Path(__file__).with_name("hurt_head.npz")
WINDOW = 16  # embeddings a window: 80 ms apart, each 0.76 s wide: about 2 s
PAD_S = 0.25  # silence each side of a training file, besides its own
# The endpointer's utterance comes with little quiet around it; the network
# learnt from files with 0.3-0.8 s before the speech and 0.6 s after, each
# padded by PAD_S. Its answer depends on that quiet (flite's rms "ouch": 0.89
# with it, 0.01 without), so an utterance is given the same.
LEAD_S = 0.55 + PAD_S
TRAIL_S = 0.6 + PAD_S
# How sure the network must be. Chosen on the bench (docs/PERFORMANCE.md):
# at 0.7, with the grammar's agreement, no false command in any file there.
# StretchGuide's figure.
THRESHOLD = 0.7
# Longer than this, or more words, is a sentence, not a cry of pain: the
# network would read only its last two seconds.
LONGEST_S = 2.5
MOST_WORDS = 3
# The second ear hears from this long before the speech began to the moment
# the utterance closed (0.24 s of quiet after it): the endpointer's own cut
# starts late enough to lose the first sound of a short "ouch" (flite's awb:
# 0.15 on its cut, 0.99 heard whole).
HURT_LEAD_S = 0.4


class RecentAudio:
    """The last few seconds of audio, as they came (not gain-normalised)."""

    def __init__(self, seconds: float = 4.0) -> None:
        self._keep = int(seconds * SAMPLE_RATE) * SAMPLE_BYTES
        self._pieces: deque[bytes] = deque()
        self._bytes = 0

    def add(self, pcm: bytes) -> None:
        self._pieces.append(pcm)
        self._bytes += len(pcm)
        while self._pieces and self._bytes - len(self._pieces[0]) >= self._keep:
            self._bytes -= len(self._pieces.popleft())

    def clear(self) -> None:
        self._pieces.clear()
        self._bytes = 0

    def since(self, seconds_back: float) -> bytes:
        """The last ``seconds_back`` seconds, or as many as are kept."""
        audio = b"".join(self._pieces)
        back = max(0, int(round(seconds_back * SAMPLE_RATE))) * SAMPLE_BYTES
        return audio[max(0, len(audio) - back) :]


def windows(emb: np.ndarray, silence: np.ndarray) -> np.ndarray:
    """Every run of :data:`WINDOW` embeddings, flattened; a short utterance
    is led by the embedding of silence until it fills one."""
    import numpy as np

    if len(emb) < WINDOW:
        emb = np.concatenate([np.repeat(silence[None, :], WINDOW - len(emb), axis=0), emb])
    view = np.lib.stride_tricks.sliding_window_view(emb, (WINDOW, emb.shape[1]))[:, 0]
    return view.reshape(len(view), -1)


class HurtCheck:
    """How likely a short utterance is "ouch", "it hurts" or "this hurts"."""

    def __init__(self, embedding: SpeechEmbedding, head: dict[str, np.ndarray]) -> None:
        self._embedding = embedding
        self._head = head

    @classmethod
    def load(cls, path: Path | None = None) -> HurtCheck:
        import numpy as np

        from stretchguide.voice.speech_embedding import SpeechEmbedding

        # Our own handle: np.load leaves its file open when the zip is damaged.
        with open(path or HEAD_FILE, "rb") as fh, np.load(fh) as data:
            head = {k: data[k] for k in data.files}
        return cls(SpeechEmbedding.load(), head)

    def score(self, pcm: bytes) -> float:
        """0 to 1: the highest of the network's answers over the utterance."""
        import numpy as np

        samples = np.frombuffer(pcm[: len(pcm) - len(pcm) % 2], dtype="<i2")
        lead = np.zeros(int(LEAD_S * SAMPLE_RATE), np.int16)
        trail = np.zeros(int(TRAIL_S * SAMPLE_RATE), np.int16)
        emb = self._embedding.embed(np.concatenate([lead, samples, trail]))
        if len(emb) == 0:
            return 0.0
        h = self._head
        x = (windows(emb, h["silence"]) - h["mean"]) / h["std"]
        hidden = np.maximum(x @ h["w1"] + h["b1"], 0.0)
        logits = hidden @ h["w2"] + h["b2"]
        return float(0.5 * (1.0 + np.tanh(float(logits.max()) / 2)))  # the logistic, no overflow


class SecondEar:
    """When the recognizer asks :class:`HurtCheck`, and with what audio.

    Asked only about a short utterance (a cry of pain is not a sentence: at
    most three words, :data:`LONGEST_S`) that the commands-only grammar,
    made to choose, also hears as "ouch" or "hurts". Alone the network
    invents commands; with the grammar's agreement it invented none in the
    bench's files (docs/PERFORMANCE.md). Both hear the audio from
    :data:`HURT_LEAD_S` before the speech to now, as it came, in quiet: the
    endpointer's cut can lose the first sound of a short "ouch". The
    network loads on the first utterance it is asked about; a missing or
    damaged file leaves one ear, without a word (commands are as before).
    """

    def __init__(self, check: bool | HurtCheck = True) -> None:
        self._check = check if isinstance(check, HurtCheck) else None
        self.wanted = check is not False
        self._recent = RecentAudio()

    def hear(self, pcm: bytes) -> None:
        self._recent.add(pcm)

    def clear(self) -> None:
        self._recent.clear()

    def score(
        self, text: str, since_start_s: float, length_s: float, grammar: Callable[[bytes], str]
    ) -> float | None:
        """The network's answer about the utterance that started
        ``since_start_s`` ago, or None where it is not asked."""
        from stretchguide.voice.commands import Command, accept

        if not self.wanted or len(text.split()) > MOST_WORDS or length_s > LONGEST_S:
            return None
        wide = self._recent.since(since_start_s + HURT_LEAD_S)
        quiet = bytes(int(0.3 * SAMPLE_RATE) * SAMPLE_BYTES)
        if accept(grammar(quiet + wide + quiet)) is not Command.HURT:
            return None
        if self._check is None:
            try:
                self._check = HurtCheck.load()
            # A missing, damaged or cut-short install (a cut .npz is a cut zip).
            except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
                self.wanted = False
                return None
        return self._check.score(wide)
