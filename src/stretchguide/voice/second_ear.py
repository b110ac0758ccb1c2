"""A second ear: two small networks over Google's speech embedding.

pocketsphinx's acoustic model hears some voices wrongly however the
language model is tuned: flite's awb and rms "ouch" as "the cat" and "no
should", an en-029 "skip" as "keep", a "next" as "yes". Google's speech
embedding (voice/speech_embedding.py) was trained on a great deal of real
speech, so it hears the sounds, not the synthesiser; two networks trained
on synthetic speech only read it (tools/train_hurt_head.py,
tools/train_command_head.py):

* the hurt head: how likely a short utterance is "ouch", "it hurts" or
  "this hurts", the command that must be heard most surely;
* the command head: which command, if any, a short utterance is.

Alone either would invent commands ("yikes" as "skip"); :class:`SecondEar`
says when the recognizer asks them and how far it trusts them
(docs/PERFORMANCE.md gives the figures each rule was chosen on).

numpy only; loaded once, on the first utterance they are asked about.
"""

from __future__ import annotations

import zipfile
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from stretchguide.voice.acoustics import SAMPLE_BYTES, SAMPLE_RATE
from stretchguide.voice.commands import Command, accept

if TYPE_CHECKING:
    import numpy as np

    from stretchguide.voice.speech_embedding import SpeechEmbedding

HURT_HEAD_FILE = Path(__file__).with_name("hurt_head.npz")
COMMAND_HEAD_FILE = Path(__file__).with_name("command_head.npz")
WINDOW = 16  # embeddings a window: 80 ms apart, each 0.76 s wide: about 2 s
PAD_S = 0.25  # silence each side of a training file, besides its own
# The endpointer's utterance comes with little quiet around it; the networks
# learnt from files with 0.3-0.8 s before the speech and 0.6 s after, each
# padded by PAD_S. Their answers depend on that quiet (flite's rms "ouch":
# 0.89 with it, 0.01 without), so an utterance is given the same.
LEAD_S = 0.55 + PAD_S
TRAIL_S = 0.6 + PAD_S
# How sure each network must be; StretchGuide's figures, chosen on the bench
# (docs/PERFORMANCE.md). The hurt head, with the grammar's agreement:
HURT_THRESHOLD = 0.7
# The command head names an utterance the language model made nothing of
# when the commands-only grammar, made to choose, names it too, or alone
# when it is all but certain; it drops a command it gives less than DOUBT.
AGREED = 0.9
SURE = 0.999
DOUBT = 0.1
# Longer than this, or more words, is a sentence, not a command: the
# networks would read only its last two seconds.
LONGEST_S = 2.5
MOST_WORDS = 3
# No command is longer than two words: where the language model heard three
# or more, the command head must be all but certain (SURE) even with the
# grammar's agreement ("let me see" heard as "let me tea", then as "back").
AGREED_MOST_WORDS = 2
# ...but a cry of pain may come out in one word more, and only it ("it hurts"
# slowly in a New York accent, heard as "it go it hurts"; "back in a minute"
# is no command).
HURT_MOST_WORDS = 4
# The second ear hears from this long before the speech began to the moment
# the utterance closed (0.24 s of quiet after it): the endpointer's own cut
# starts late enough to lose the first sound of a short "ouch" (flite's awb:
# 0.15 on its cut, 0.99 heard whole).
HEARD_FROM_S = 0.4


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


def _read(path: Path) -> dict[str, np.ndarray]:
    import numpy as np

    # Our own handle: np.load leaves its file open when the zip is damaged.
    with open(path, "rb") as fh, np.load(fh) as data:
        return {k: data[k] for k in data.files}


def _check_shapes(name: str, head: dict[str, np.ndarray], outputs: int) -> None:
    """A head whose arrays do not fit the embedding or each other, or hold
    a NaN (which would doubt every command away), is refused on load, not
    found out in the middle of a session."""
    import numpy as np

    from stretchguide.voice.speech_embedding import EMBEDDING_SIZE

    width = WINDOW * EMBEDDING_SIZE
    hidden = head["b1"].shape[0] if head["b1"].ndim == 1 else -1
    expected = {
        "silence": (EMBEDDING_SIZE,),
        "mean": (width,),
        "std": (width,),
        "w1": (width, hidden),
        "b1": (hidden,),
        "w2": (hidden, outputs),
        "b2": (outputs,),
    }
    wrong = [
        k
        for k, shape in expected.items()
        if head[k].shape != shape or not np.isfinite(head[k]).all()
    ]
    if wrong:
        raise ValueError(f"the {name} head's {', '.join(wrong)} do not fit")


def _logits(head: dict[str, np.ndarray], emb: np.ndarray) -> np.ndarray:
    """The network's outputs for every window of ``emb`` (windows x outputs)."""
    import numpy as np

    x = (windows(emb, head["silence"]) - head["mean"]) / head["std"]
    hidden = np.maximum(x @ head["w1"] + head["b1"], 0.0)
    result: np.ndarray = hidden @ head["w2"] + head["b2"]
    return result


class Heads:
    """The speech embedding and the two networks that read it, loaded together."""

    def __init__(
        self,
        embedding: SpeechEmbedding,
        hurt: dict[str, np.ndarray],
        command: dict[str, np.ndarray],
    ) -> None:
        names = [str(c) for c in command["classes"]]
        if names != ["", *Command]:
            raise ValueError(f"the command head's classes are not the app's: {names}")
        _check_shapes("hurt", hurt, 1)
        _check_shapes("command", command, len(names))
        self._embedding = embedding
        self._hurt = hurt
        self._command = command
        self._classes: list[Command | None] = [None, *Command]

    @classmethod
    def load(cls, hurt_path: Path | None = None, command_path: Path | None = None) -> Heads:
        from stretchguide.voice.speech_embedding import SpeechEmbedding

        return cls(
            SpeechEmbedding.load(),
            _read(hurt_path or HURT_HEAD_FILE),
            _read(command_path or COMMAND_HEAD_FILE),
        )

    def embed(self, pcm: bytes) -> np.ndarray:
        """The embeddings of ``pcm`` with the quiet around it the networks learnt with."""
        import numpy as np

        samples = np.frombuffer(pcm[: len(pcm) - len(pcm) % 2], dtype="<i2")
        lead = np.zeros(int(LEAD_S * SAMPLE_RATE), np.int16)
        trail = np.zeros(int(TRAIL_S * SAMPLE_RATE), np.int16)
        return self._embedding.embed(np.concatenate([lead, samples, trail]))

    def hurt(self, emb: np.ndarray) -> float:
        """0 to 1: how likely the utterance is "this hurts" (its likeliest window)."""
        import numpy as np

        if len(emb) == 0:
            return 0.0
        top = float(_logits(self._hurt, emb).max())
        return float(0.5 * (1.0 + np.tanh(top / 2)))  # the logistic, no overflow

    def commands(self, emb: np.ndarray) -> dict[Command, float]:
        """Each command's likelihood, from the window that gives it most."""
        import numpy as np

        if len(emb) == 0:
            return dict.fromkeys(Command, 0.0)
        z = _logits(self._command, emb)
        e = np.exp(z - z.max(axis=1, keepdims=True))
        best = (e / e.sum(axis=1, keepdims=True)).max(axis=0)
        return {c: float(p) for c, p in zip(self._classes, best, strict=True) if c is not None}


@dataclass(frozen=True)
class Opinion:
    """What an utterance is once the second ear has heard it."""

    command: Command | None
    hurt_score: float | None = None  # the hurt head's answer, where it was asked
    command_score: float | None = None  # the command head's for the command it weighed


class SecondEar:
    """When the recognizer asks the networks, with what audio, and how far
    it trusts them.

    Asked only about a short utterance (a command is not a sentence: at
    most three words, four for "this hurts", :data:`LONGEST_S`), never
    about one the language model made a sentence of: it hears commands,
    not speech. Both networks
    hear the audio from :data:`HEARD_FROM_S` before the speech to now, as it
    came, in quiet: the endpointer's cut can lose the first sound of a
    short "ouch".

    * An utterance the language model made nothing of is "this hurts" when
      the commands-only grammar hears it so and the hurt head agrees; else
      the command head's likeliest command, where the grammar names it too
      (:data:`AGREED`, up to two words) or the head is all but certain
      alone (:data:`SURE`).
    * A command the language model heard is dropped when the command head
      gives it less than :data:`DOUBT` and the grammar does not name it
      either ("great" heard as "wait"), and the utterance is then weighed
      as if the model had made nothing of it (a "next" heard as "wait" is
      "next" where the rules above say so). Never "this hurts": a person in
      pain is not second-guessed.

    The networks load on the first utterance they are asked about; a
    missing or damaged file leaves one ear, without a word (commands are
    as before).
    """

    def __init__(self, heads: bool | Heads = True) -> None:
        self._heads = heads if isinstance(heads, Heads) else None
        self.wanted = heads is not False
        self._recent = RecentAudio()

    def hear(self, pcm: bytes) -> None:
        self._recent.add(pcm)

    def clear(self) -> None:
        self._recent.clear()

    def _load(self) -> Heads | None:
        if self._heads is None and self.wanted:
            try:
                self._heads = Heads.load()
            # A missing, damaged or cut-short install (a cut .npz is a cut zip).
            except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
                self.wanted = False
        return self._heads

    def judge(
        self,
        command: Command | None,
        text: str,
        since_start_s: float,
        length_s: float,
        grammar: Callable[[bytes], str],
    ) -> Opinion:
        """What the utterance that started ``since_start_s`` ago is: the
        language model's ``command`` (None: it heard none in ``text``)
        kept, dropped or found."""
        words = len(text.split())
        if not self.wanted or words > HURT_MOST_WORDS or length_s > LONGEST_S:
            return Opinion(command)
        only_hurt = words > MOST_WORDS
        if command is Command.HURT or (only_hurt and command is not None):
            return Opinion(command)
        heads = self._load()
        if heads is None:
            return Opinion(command)
        wide = self._recent.since(since_start_s + HEARD_FROM_S)
        emb = heads.embed(wide)
        scores = heads.commands(emb)
        if command is not None and scores[command] >= DOUBT:
            return Opinion(command, command_score=scores[command])
        quiet = bytes(int(0.3 * SAMPLE_RATE) * SAMPLE_BYTES)
        named = accept(grammar(quiet + wide + quiet))
        if command is not None and named is command:
            # Two ears against one: the head is as easily wrong about a voice
            # it never heard (flite's, left out of training, lost 35 right
            # commands) as the language model is about "great".
            return Opinion(command, command_score=scores[command])
        # Nothing heard, or a command the head doubts and the grammar does
        # not name: perhaps another one ("next" heard as "wait").
        hurt = heads.hurt(emb) if named is Command.HURT else None
        if hurt is not None and hurt >= HURT_THRESHOLD:
            return Opinion(Command.HURT, hurt_score=hurt)
        top = max(scores, key=scores.__getitem__)
        found = scores[top] >= SURE or (
            scores[top] >= AGREED and named is top and words <= AGREED_MOST_WORDS
        )
        if found and (top is Command.HURT or not only_hurt):
            return Opinion(top, hurt, scores[top])
        # What the head gave the command it weighed: the doubted one, or its own best.
        return Opinion(None, hurt, scores[command or top])
