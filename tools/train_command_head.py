"""Train the second ear's command head: which command, if any, a short utterance is.

    python tools/train_command_head.py [--cache DIR] [--leave-out VOICE ...] [--out FILE]

The language model decides well *whether* someone gave a command and less
well *which* one in a voice it finds strange ("next" heard as "yes", an
en-029 "skip" as nothing). This trains a one-layer network over the same
speech embeddings as the hurt head (tools/train_hurt_head.py,
voice/speech_embedding.py) with one output per command and one for "none".
The recognizer uses it twice (voice/second_ear.py): to hear a short
utterance the language model made nothing of, and to doubt a command the
network is sure was not said.

What it learns from is synthetic and made here, deterministically, in the
hurt head's voices (espeak-ng's named variants in eight accents, flite's
five voices, a third far-field); none of the voices the bench measures
with but flite's (docs/PERFORMANCE.md gives flite's figures from heads
trained without that voice: ``--leave-out flite:awb``):

* every command phrase, 180 times each;
* near-sounds of each ("top", "neck", "bag"), never a homophone (by the
  dictionary's pronunciations: "paws" is "pause" to any ear);
* 3,000 runs of one or two words drawn from the engine's dictionary, the
  language model's sentences and runs of the app's own English lines, so
  that it learns what is *not* a command.

None of the bench's probes (counting aloud, interjections, everyday and
held-out sentences) is in training, nor any word of them among the
dictionary's draws: the bench's false-command figures stay a test.

Writes ``src/stretchguide/voice/command_head.npz``. Needs espeak-ng and sox
(flite optional); numpy only.
"""

from __future__ import annotations

import random
import re
import shutil
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from tests.voice.speech import (  # noqa: E402
    COUNTING_PROBES,
    EVERYDAY_SENTENCES,
    HELD_OUT_SENTENCES,
    INTERJECTIONS,
)

from stretchguide.voice.commands import PHRASES, Command  # noqa: E402
from train_hurt_head import (  # noqa: E402
    POSITIVE,
    SEED,
    Job,
    command_line,
    fit,
    learn_from,
    spoken,
)
from train_hurt_head import plan as hurt_plan  # noqa: E402

OUT = ROOT / "src" / "stretchguide" / "voice" / "command_head.npz"
CLASSES: tuple[Command | None, ...] = (None, *Command)

NEAR_SOUNDS: dict[str, tuple[str, ...]] = {
    "pause": ("pours", "cause", "post", "pose", "purse"),
    "wait": ("white", "wade", "weep", "way"),
    "go on": ("gone", "go home", "going", "go round", "so long"),
    "resume": ("assume", "perfume", "presume"),
    "skip": ("ship", "script", "skin", "kid", "sip"),
    "next": ("neck", "nest", "text", "mixed"),
    "back": ("bag", "pack", "black", "bark", "bet"),
    "repeat": ("complete", "receipt", "compete", "a seat"),
    "stop": ("top", "shop", "step", "stock", "spot"),
    "yes": ("yet", "guess", "chess", "less", "bless"),
    "no": ("now", "new", "nor", "snow", "note"),
    "mute": ("mood", "newt", "cute", "moot", "boot"),
    "unmute": ("commute", "and mute", "i'm new", "human"),
    "ease off": ("these off", "easy", "cheese", "east of", "eat off"),
}
# Counting past the bench's numbers, a few words of the mat and small sounds.
OTHER_WORDS = (
    "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "twenty one",
    "twenty two", "thirty five", "one two", "three four five", "six seven", "eight nine ten",
    "eleven twelve", "nineteen twenty", "one and two", "lift", "lower", "slowly", "gently",
    "stretch", "knee", "hip", "foot", "arm", "shoulder", "floor", "mat", "sit", "stand",
    "lie down", "turn over", "roll", "push", "pull", "hand", "head", "look", "here", "today",
    "please", "thank you", "water", "morning", "listen", "breathing", "counting", "nearly done",
    "a little", "a bit more", "just", "okay then", "mm", "er", "argh", "ooh ah", "aye", "yo",
    "wee", "bye", "hi", "ha", "haha", "oi", "eh", "ahh",
)  # fmt: skip
DICTIONARY_RUNS = 3000


class Pronunciations:
    """The engine's dictionary, to keep homophones of a command out of the negatives."""

    def __init__(self) -> None:
        from stretchguide.voice.recognizer import model_path

        self.words: dict[str, list[str]] = {}
        path = Path(model_path("en-us")) / "cmudict-en-us.dict"
        for line in path.read_text(encoding="utf-8").splitlines():
            word, *phones = line.split()
            self.words.setdefault(word.split("(")[0], []).append(" ".join(phones))
        self._commands = {p for text in (*PHRASES, *POSITIVE) for p in self.of(text)}

    def of(self, text: str) -> set[str]:
        said = [""]
        for word in text.split():
            said = [f"{a} {b}" for a in said for b in self.words.get(word, [f"?{word}"])]
        return {s.strip() for s in said}

    def is_command(self, text: str) -> bool:
        return bool(self.of(text) & self._commands)


def _probe_texts() -> tuple[set[str], set[str]]:
    texts = {*COUNTING_PROBES, *INTERJECTIONS, *EVERYDAY_SENTENCES, *HELD_OUT_SENTENCES}
    return texts, {word for text in texts for word in text.split()}


def dictionary_runs(rng: random.Random, said: Pronunciations, n: int) -> list[str]:
    """Runs of one or two dictionary words: no command, homophone or probe word."""
    _texts, probe_words = _probe_texts()
    command_words = {w for text in PHRASES for w in text.split()}
    words = sorted(
        w
        for w in said.words
        if re.fullmatch(r"[a-z]{2,8}", w)
        and w not in probe_words
        and w not in command_words
        and not said.is_command(w)
    )
    runs: list[str] = []
    while len(runs) < n:
        run = " ".join(rng.choice(words) for _ in range(rng.choice((1, 1, 1, 2))))
        if not said.is_command(run):
            runs.append(run)
    return runs


def plan(rng: random.Random, has_flite: bool) -> list[Job]:
    """(text, voice, speed, pitch, far, lead, class) for every file to make."""
    said = Pronunciations()
    probes, _words = _probe_texts()

    def label(text: str) -> int:
        if text in POSITIVE:
            return CLASSES.index(Command.HURT)
        return CLASSES.index(PHRASES[text]) if text in PHRASES else 0

    # The hurt head's files first, as they are (the same files, cached alike).
    jobs = [
        (*job[:6], label(job[0]))
        for job in hurt_plan(random.Random(SEED), has_flite)
        if job[0] not in probes
        and (job[0] in POSITIVE or job[0] in PHRASES or not said.is_command(job[0]))
    ]

    def add(text: str, cls: int, n_espeak: int, n_flite: int) -> None:
        jobs.extend(spoken(rng, text, cls, n_espeak, n_flite if has_flite else 0))

    # The hurt head has 40 + 15 of every other phrase; 180 in all, as "ouch" has.
    for text, command in PHRASES.items():
        if command is not Command.HURT:
            add(text, CLASSES.index(command), 80, 45)
    for near in NEAR_SOUNDS.values():
        for text in near:
            if text not in probes and not said.is_command(text):
                add(text, 0, 15, 6)
    for text in OTHER_WORDS:
        add(text, 0, 15, 6)
    for text in dictionary_runs(random.Random(SEED + 3), said, DICTIONARY_RUNS):
        # One voice each: four in five espeak-ng's, one in five flite's.
        if rng.random() < 0.8 or not has_flite:
            add(text, 0, 1, 0)
        else:
            add(text, 0, 0, 1)
    return jobs


def train(
    x: np.ndarray, y: np.ndarray, classes: int, hidden: int = 96, epochs: int = 14
) -> dict[str, np.ndarray]:
    """A softmax over the classes, each weighted by the square root of its rarity."""
    counts = np.bincount(y, minlength=classes).astype(np.float32)
    weight = np.sqrt(len(y) / (classes * np.maximum(counts, 1)))

    def gradient(z: np.ndarray, labels: np.ndarray) -> np.ndarray:
        e = np.exp(z - z.max(axis=1, keepdims=True))
        d_out: np.ndarray = e / e.sum(axis=1, keepdims=True)
        d_out[np.arange(len(labels)), labels] -= 1
        d_out *= weight[labels][:, None] / len(labels)
        return d_out

    return fit(x, y, classes, gradient, hidden, epochs)


def main() -> int:
    args = command_line(__doc__, OUT)
    if not (shutil.which("espeak-ng") and shutil.which("sox")):
        print("train_command_head: needs espeak-ng and sox", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    x, y, silence = learn_from(
        plan(random.Random(SEED + 1), has_flite=bool(shutil.which("flite"))), args, np.int64
    )
    counts = np.bincount(y, minlength=len(CLASSES))
    print(f"{len(x)} windows: " + ", ".join(
        f"{c or 'none'} {n}" for c, n in zip(CLASSES, counts, strict=True)
    ))  # fmt: skip
    params = train(x, y, len(CLASSES))
    names = np.array([c.value if c else "" for c in CLASSES])
    np.savez(args.out, silence=silence.astype(np.float32), classes=names, **params)
    h = np.maximum(((x - params["mean"]) / params["std"]) @ params["w1"] + params["b1"], 0)
    right = np.mean((h @ params["w2"] + params["b2"]).argmax(axis=1) == y)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB), "
          f"{time.perf_counter() - t0:.0f} s; {right:.3f} of its own windows right")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
