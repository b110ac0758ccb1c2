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
(recognizer.Recognizer._hurt_after_all, docs/PERFORMANCE.md).

numpy only; loaded once, on the first utterance it is asked about.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

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
SAMPLE_RATE = 16000
# How sure the network must be. Chosen on the bench (docs/PERFORMANCE.md):
# at 0.7, with the grammar's agreement, no false command in any file there.
# StretchGuide's figure.
THRESHOLD = 0.7
# Longer than this is a sentence, not a cry of pain: the network would read
# only its last two seconds.
LONGEST_S = 2.5


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

        with np.load(path or HEAD_FILE) as data:
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
