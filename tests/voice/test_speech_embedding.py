"""voice/speech_embedding.py against ONNX Runtime's results on the same
models (made once, tests/voice/speech_embedding_signals.py), with numpy only."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import numpy as np
import pytest
from tests.voice.speech_embedding_signals import MEL_ROW_STEP, REFERENCE, checksum, signals

from stretchguide.voice import speech_embedding
from stretchguide.voice.speech_embedding import SpeechEmbedding


@pytest.fixture(scope="module")
def model() -> SpeechEmbedding:
    return SpeechEmbedding.load()


@pytest.fixture(scope="module")
def reference() -> dict[str, np.ndarray]:
    with np.load(REFERENCE) as data:
        return {key: data[key] for key in data.files}


@pytest.mark.parametrize("name", ["chirp", "sines", "silence_sines", "clip"])
def test_matches_onnx_runtime(model, reference, name):
    pcm = signals()[name]
    assert checksum(pcm) == int(reference[f"{name}_checksum"]), "the test signal itself changed"
    mel = model.mel(pcm)
    assert mel.dtype == np.float32
    assert mel.shape == (int(reference[f"{name}_frames"]), 32)
    assert np.abs(mel[::MEL_ROW_STEP] - reference[f"{name}_mel_rows"]).max() < 1e-3
    want = reference[f"{name}_emb"]
    got = model.embed(pcm)
    assert got.shape == want.shape
    assert np.abs(got - want).max() < 1e-3 * np.abs(want).max()


def test_windows_and_sequence_agree(model):
    """embed runs the network once over the whole sequence; it must give what
    the windows, one by one, give (the ONNX model's way)."""
    mel = model.mel(signals()["chirp"])
    windows = np.stack([mel[i * 8 : i * 8 + 76] for i in range(16)])
    by_window = model.embed_mel(windows)
    assert np.abs(model.embed_sequence(mel) - by_window).max() < 1e-4
    assert np.abs(model.embed_mel(windows[..., None]) - by_window).max() == 0


def test_two_seconds_make_sixteen_embeddings(model):
    pcm = signals()["chirp"]
    assert pcm.size == 32000
    assert model.mel(pcm).shape == (197, 32)
    assert model.embed(pcm).shape == (16, 96)
    # A float input at int16 scale is the same input.
    assert np.array_equal(model.embed(pcm.astype(np.float32)), model.embed(pcm))


@pytest.mark.parametrize("samples", [0, 100, 511, 512, 12511])
def test_fewer_than_76_frames_make_no_embedding(model, samples):
    pcm = signals()["chirp"][:samples]
    frames = 0 if samples < 512 else (samples - 512) // 160 + 1
    assert frames < 76
    assert model.mel(pcm).shape == (frames, 32)
    out = model.embed(pcm)
    assert out.shape == (0, 96)
    assert out.dtype == np.float32
    assert model.embed_mel(np.zeros((0, 76, 32), np.float32)).shape == (0, 96)


def test_76_frames_make_one(model):
    pcm = signals()["chirp"][: 512 + 75 * 160]
    assert model.embed(pcm).shape == (1, 96)


def test_wrong_window_shape_is_refused(model):
    with pytest.raises(ValueError):
        model.embed_mel(np.zeros((2, 75, 32), np.float32))


def test_weights_and_licence_are_package_data():
    voice = files("stretchguide.voice")
    assert Path(str(voice / "speech_embedding.npz")) == speech_embedding.WEIGHTS
    assert (voice / "speech_embedding.npz").is_file()
    licence = (voice / "speech_embedding.LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in licence
    assert "Version 2.0" in licence
    with np.load(speech_embedding.WEIGHTS) as data:
        assert all(data[key].dtype == np.float32 for key in data.files)
        assert sum(data[key].size for key in data.files) == 336864


def test_load_from_a_path(tmp_path, model):
    copy = tmp_path / "weights.npz"
    copy.write_bytes(speech_embedding.WEIGHTS.read_bytes())
    again = SpeechEmbedding.load(copy)
    pcm = signals()["sines"]
    assert np.array_equal(again.embed(pcm), model.embed(pcm))
