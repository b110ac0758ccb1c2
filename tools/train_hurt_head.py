"""Train the second ear for "this hurts": a small network over speech embeddings.

    python tools/train_hurt_head.py [--cache DIR] [--leave-out VOICE ...] [--out FILE]

pocketsphinx's acoustic model misses some voices' "ouch" entirely (flite's
awb and rms: "the cat", "no should"). This trains a one-layer network that
reads 16 speech embeddings (about two seconds, voice/speech_embedding.py)
and says how likely they hold "ouch", "it hurts", "this hurts" or "that
hurts". The recognizer asks it only about an utterance that was no command
and that its commands-only grammar also heard as one of those words
(voice/second_ear.py): alone it invents commands, with the grammar's
agreement it invented none in the bench's files (docs/PERFORMANCE.md).

Everything it learns from is synthetic and made here, deterministically:

* espeak-ng in its *named* variants (Adam ... victor) and eight English
  accents, at random speeds and pitches; none of the m1-m7, f1-f5 and klatt
  voices the bench measures with;
* flite's five voices where flite is installed, at random lengths and pitches;
* a third of it far-field (reverb, 12 dB quieter, pink noise).

Not the command phrases alone: the other commands, 30-odd near-sounds
("couch", "it works", "his shirts"), the language model's own sentences and
1,800 runs of one to four words from the app's own English lines, so that
it learns what is *not* "this hurts" too. ``--leave-out flite:awb`` trains
without a voice, to measure how it does on a voice it never heard.

Writes ``src/stretchguide/voice/hurt_head.npz``. Needs espeak-ng and sox
(flite optional); numpy only, no learning library.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import wave
from collections.abc import Callable
from multiprocessing import Pool
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from stretchguide.voice.commands import PHRASES, SENTENCES, Command  # noqa: E402
from stretchguide.voice.second_ear import PAD_S, WINDOW, windows  # noqa: E402
from stretchguide.voice.speech_embedding import SpeechEmbedding  # noqa: E402

OUT = ROOT / "src" / "stretchguide" / "voice" / "hurt_head.npz"

POSITIVE = ("ouch", "it hurts", "this hurts", "that hurts")
NEAR_SOUNDS = (
    "couch", "pouch", "out", "vouch", "house", "mouse", "ouch is", "ow", "oh", "it works",
    "this works", "his shirts", "hearts", "it's hers", "this hurdles", "the church", "search",
    "it starts", "this shirts", "sit first", "hurry", "her", "birds", "words", "it turns",
    "this girl", "patch", "catch", "watch", "pouches", "coach", "ouchy",
)  # fmt: skip
ESPEAK_ACCENTS = (
    "en-us", "en", "en-gb-x-gbclan", "en-gb-x-gbcwmd", "en-us-nyc", "en-029", "en-gb-scotland",
    "en-gb-x-rp",
)  # fmt: skip
# espeak-ng's named variants: the bench's voices are its m*, f* and klatt* ones.
ESPEAK_VARIANTS = (
    "Adam", "Alex", "Alicia", "Andrea", "Andy", "Annie", "Antonio", "Auntie", "Belinda",
    "Benjamin", "Boris", "Caleb", "David", "Denis", "Diogo", "Ed", "Edward", "Edward2", "Gene",
    "Gene2", "Gustave", "Henrique", "Hugo", "Iven", "Iven2", "Iven3", "Iven4", "Jacky", "John",
    "Kaukovalta", "Lee", "Linda", "Marcelo", "Marco", "Mario", "Max", "Michael", "Michel",
    "Miguel", "Mike", "Mr_Serious", "Nguyen", "Pablo", "Paul", "Pedro", "Quincy", "RicishayMax",
    "RicishayMax2", "RicishayMax3", "Rob", "Robert", "Steph", "Steph2", "Steph3", "Storm",
    "Tweaky", "Zac", "anika", "anxiousAndy", "grandpa", "norbert", "sandro", "shelby", "travis",
    "victor", "grandma",
)  # fmt: skip
FLITE_VOICES = ("awb", "rms", "slt", "kal16", "kal")
SEED = 42
# (text, voice, speed, pitch, far, lead, label): one file to make.
Job = tuple[str, str, float, int, bool, float, int]


def _snippets(rng: random.Random, n: int) -> list[str]:
    """Runs of one to four words from the app's own English lines."""
    text = (ROOT / "src" / "stretchguide" / "voice" / "app_lines.txt").read_text(encoding="utf-8")
    words = [
        w
        for line in text.splitlines()
        if not line.startswith(("de:", "es:", "fr:"))
        for w in line.lower().replace(".", " ").replace(",", " ").split()
        if w.isalpha() or "'" in w
    ]
    out: list[str] = []
    while len(out) < n:
        k = rng.choice((1, 1, 2, 2, 3, 4))
        i = rng.randrange(len(words) - k)
        run = words[i : i + k]
        if not {"ouch", "hurt", "hurts"} & set(run):
            out.append(" ".join(run))
    return out


def spoken(rng: random.Random, text: str, label: int, n_espeak: int, n_flite: int) -> list[Job]:
    """``text`` in ``n_espeak`` random espeak-ng voices and ``n_flite`` flite
    ones, at random speeds, pitches and leads, some far-field."""
    jobs: list[Job] = []
    for _ in range(n_espeak):
        voice = f"{rng.choice(ESPEAK_ACCENTS)}+{rng.choice(ESPEAK_VARIANTS)}"
        jobs.append(
            (text, voice, rng.randint(95, 230), rng.randint(15, 85), rng.random() < 0.35,
             round(rng.uniform(0.3, 0.8), 2), label)
        )  # fmt: skip
    for _ in range(n_flite):
        pitch = rng.choice((0, 0, rng.randint(80, 220)))
        jobs.append(
            (text, f"flite:{rng.choice(FLITE_VOICES)}", round(rng.uniform(0.8, 1.4), 2),
             pitch, rng.random() < 0.2, round(rng.uniform(0.3, 0.8), 2), label)
        )  # fmt: skip
    return jobs


def plan(rng: random.Random, has_flite: bool) -> list[Job]:
    """(text, voice, speed, pitch, far, lead, label) for every file to make."""
    jobs: list[Job] = []

    def add(text: str, label: int, n_espeak: int, n_flite: int) -> None:
        jobs.extend(spoken(rng, text, label, n_espeak, n_flite if has_flite else 0))

    for text in POSITIVE:
        add(text, 1, 120, 60)
    for text, command in PHRASES.items():
        if command is not Command.HURT:
            add(text, 0, 40, 15)
    for text in NEAR_SOUNDS:
        add(text, 0, 25, 10)
    for text in SENTENCES:
        add(text, 0, 8, 3)
    for text in _snippets(rng, 2400):
        add(text, 0, 1, 0)
    return jobs


def _run(args: list[str]) -> None:
    subprocess.run(args, check=True, capture_output=True)


def synth(job: Job, cache: Path) -> Path:
    text, voice, speed, pitch, far, lead, _label = job
    key = hashlib.sha1(repr(job[:6]).encode()).hexdigest()[:16]
    out = cache / f"{key}.wav"
    if out.exists():
        return out
    raw, dry = cache / f"{key}.raw.wav", cache / f"{key}.dry.wav"
    if voice.startswith("flite:"):
        f0 = ["--setf", f"int_f0_target_mean={pitch}"] if pitch else []
        _run(["flite", "-voice", voice[6:], "--setf", f"duration_stretch={speed}", *f0,
              "-t", text, "-o", str(raw)])  # fmt: skip
    else:
        _run(["espeak-ng", "-v", voice, "-s", str(int(speed)), "-p", str(pitch), "-w", str(raw),
              text])  # fmt: skip
    gain = -3 - int(key[:2], 16) % 12  # levels from -3 to -14 dB
    _run(["sox", "-R", str(raw), "-r", "16000", "-c", "1", "-b", "16", str(dry), "gain", str(gain),
          "pad", str(lead), "0.6"])  # fmt: skip
    raw.unlink()
    if far:
        wet, noise = cache / f"{key}.wet.wav", cache / f"{key}.noise.wav"
        _run(["sox", "-R", str(dry), str(wet), "reverb", "50", "50", "80", "gain", "-12"])
        length = subprocess.run(
            ["soxi", "-D", str(wet)], check=True, capture_output=True, text=True
        ).stdout.strip()
        _run(["sox", "-R", "-n", "-r", "16000", "-c", "1", "-b", "16", str(noise), "synth",
              length, "pinknoise", "vol", "0.006"])  # fmt: skip
        _run(["sox", "-R", "-m", str(wet), str(noise), str(out), "trim", "0", length])
        for p in (dry, wet, noise):
            p.unlink()
    else:
        dry.rename(out)
    return out


def _synth(args: tuple[Job, Path]) -> Path | None:
    try:
        return synth(*args)
    except (subprocess.CalledProcessError, OSError):
        return None  # a voice this espeak-ng lacks: the file is left out


_EMBEDDING: SpeechEmbedding | None = None


def _features(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """The file's embeddings (padded as the recognizer pads) and its loudness per 10 ms."""
    global _EMBEDDING
    if _EMBEDDING is None:
        _EMBEDDING = SpeechEmbedding.load()
    with wave.open(str(path)) as w:
        pcm = np.frombuffer(w.readframes(w.getnframes()), np.int16)
    pad = np.zeros(int(PAD_S * 16000), np.int16)
    x = np.concatenate([pad, pcm, pad])
    frames = x[: len(x) // 160 * 160].astype(np.float64).reshape(-1, 160)
    return _EMBEDDING.embed(x), np.sqrt((frames**2).mean(axis=1))


def examples(emb: np.ndarray, rms: np.ndarray, label: int, silence: np.ndarray) -> np.ndarray:
    """The 16-embedding windows to learn from.

    A negative file gives every window. A positive one gives only the
    windows that hold the whole phrase (the first to the last frame louder
    than 5 % of its loudest), so the network never learns that half an
    "ouch" is one.
    """
    w = windows(emb, silence)
    if not label:
        return w
    loud = np.flatnonzero(rms > rms.max() * 0.05)
    start, end = loud[0] * 0.01, (loud[-1] + 1) * 0.01
    led = max(0, WINDOW - len(emb))  # windows() leads a short file with silence
    keep = [
        i
        for i in range(len(w))
        # window i holds embeddings i - led ... i - led + 15: 80 ms apart, each 0.76 s wide
        if 0.08 * (i - led) <= start - 0.03 and 0.08 * (i - led + WINDOW - 1) + 0.76 >= end + 0.03
    ]
    return w[keep]


# d(loss)/d(output) for a batch: the network's outputs, the batch's labels.
OutputGradient = Callable[[np.ndarray, np.ndarray], np.ndarray]


def fit(
    x: np.ndarray, y: np.ndarray, outputs: int, gradient: OutputGradient, hidden: int, epochs: int
) -> dict[str, np.ndarray]:
    """One hidden layer (ReLU) fitted by Adam with weight decay, batches of
    256, a fixed seed; ``gradient`` says what the outputs are for (both
    heads' tools share the rest)."""
    rng = np.random.default_rng(SEED)
    mean, std = x.mean(axis=0), x.std(axis=0) + 1e-6
    xs = ((x - mean) / std).astype(np.float32)
    p = {
        "w1": (rng.standard_normal((x.shape[1], hidden)) * np.sqrt(2 / x.shape[1])).astype(
            np.float32
        ),
        "b1": np.zeros(hidden, np.float32),
        "w2": (rng.standard_normal((hidden, outputs)) * np.sqrt(1 / hidden)).astype(np.float32),
        "b2": np.zeros(outputs, np.float32),
    }
    m = {k: np.zeros_like(v) for k, v in p.items()}
    v = {k: np.zeros_like(val) for k, val in p.items()}
    lr, decay, step = 1e-3, 1e-4, 0
    for _epoch in range(epochs):
        order = rng.permutation(len(xs))
        for b in range(0, len(order), 256):
            idx = order[b : b + 256]
            xb = xs[idx]
            h = np.maximum(xb @ p["w1"] + p["b1"], 0)
            d_out = gradient(h @ p["w2"] + p["b2"], y[idx])
            grads = {"w2": h.T @ d_out, "b2": d_out.sum(axis=0)}
            d_h = (d_out @ p["w2"].T) * (h > 0)
            grads |= {"w1": xb.T @ d_h, "b1": d_h.sum(axis=0)}
            step += 1
            for k in p:
                g = grads[k] + decay * p[k]
                m[k] = 0.9 * m[k] + 0.1 * g
                v[k] = 0.999 * v[k] + 0.001 * g * g
                mh, vh = m[k] / (1 - 0.9**step), v[k] / (1 - 0.999**step)
                p[k] -= (lr * mh / (np.sqrt(vh) + 1e-8)).astype(np.float32)
    return {"mean": mean.astype(np.float32), "std": std.astype(np.float32), **p}


def train(
    x: np.ndarray, y: np.ndarray, hidden: int = 64, epochs: int = 12
) -> dict[str, np.ndarray]:
    """A logistic output: how likely a window is the phrase; the phrase's
    windows weighted up to as many as the others."""
    pos_weight = float((y == 0).sum() / max(1, (y == 1).sum()))

    def gradient(z: np.ndarray, labels: np.ndarray) -> np.ndarray:
        yb = labels.astype(np.float32)[:, None]
        out = 0.5 * (1 + np.tanh(z / 2))  # the logistic, without overflow
        weight = np.where(yb == 1, pos_weight, 1.0).astype(np.float32)
        result: np.ndarray = weight * (out - yb) / len(labels)
        return result

    return fit(x, y, 1, gradient, hidden, epochs)


def command_line(doc: str, out: Path) -> argparse.Namespace:
    """The options both heads' tools take."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, default=None, help="keep the synthesised files here")
    ap.add_argument(
        "--leave-out",
        action="append",
        default=[],
        metavar="VOICE",
        help="train without this voice (flite:awb, or an espeak-ng variant name)",
    )
    ap.add_argument("--out", type=Path, default=out)
    return ap.parse_args()


def learn_from(
    jobs: list[Job], args: argparse.Namespace, label_type: type[np.integer]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every file made (a left-out voice's excepted), heard and cut into the
    windows to learn from: (windows, their labels, the embedding of silence)."""
    t0 = time.perf_counter()
    cache = args.cache or Path(tempfile.mkdtemp(prefix="voice-head-"))
    cache.mkdir(parents=True, exist_ok=True)
    left_out = set(args.leave_out)
    jobs = [j for j in jobs if j[1] not in left_out and j[1].split("+")[-1] not in left_out]
    with Pool(os.cpu_count() or 1) as pool:
        paths = pool.map(_synth, [(j, cache) for j in jobs], chunksize=16)
        feats = pool.map(_features, [p for p in paths if p is not None], chunksize=16)
    kept = [j for j, p in zip(jobs, paths, strict=True) if p is not None]
    print(f"{len(kept)} files synthesised ({len(jobs) - len(kept)} left out), "
          f"{time.perf_counter() - t0:.0f} s")  # fmt: skip
    silence = SpeechEmbedding.load().embed(np.zeros(32000, np.int16))[0]
    xs, ys = [], []
    for job, (emb, rms) in zip(kept, feats, strict=True):
        w = examples(emb, rms, job[6], silence)
        xs.append(w)
        ys.append(np.full(len(w), job[6], label_type))
    return np.concatenate(xs), np.concatenate(ys), silence


def main() -> int:
    args = command_line(__doc__, OUT)
    if not (shutil.which("espeak-ng") and shutil.which("sox")):
        print("train_hurt_head: needs espeak-ng and sox", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    x, y, silence = learn_from(
        plan(random.Random(SEED), has_flite=bool(shutil.which("flite"))), args, np.int8
    )
    print(f"{len(x)} windows, {int(y.sum())} of them 'this hurts'")
    params = train(x, y)
    np.savez(args.out, silence=silence.astype(np.float32), **params)
    h = np.maximum(((x - params["mean"]) / params["std"]) @ params["w1"] + params["b1"], 0)
    score = 0.5 * (1 + np.tanh((h @ params["w2"] + params["b2"])[:, 0] / 2))
    print(
        f"wrote {args.out} ({args.out.stat().st_size // 1024} KB), "
        f"{time.perf_counter() - t0:.0f} s; "
        f"on its own windows: {np.mean(score[y == 1] >= 0.7):.3f} of the phrase's, "
        f"{np.mean(score[y == 0] >= 0.7):.4f} of the others' over 0.7"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
