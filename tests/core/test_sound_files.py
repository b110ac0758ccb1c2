"""The committed cue sounds are exactly what tools/gen_sounds.py makes, and sound right."""

from __future__ import annotations

import importlib.util
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from stretchguide.core.cues import Sound

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def gen():  # noqa: ANN201 - a module object
    spec = importlib.util.spec_from_file_location("gen_sounds", ROOT / "tools" / "gen_sounds.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_sounds"] = module
    spec.loader.exec_module(module)
    return module


def _samples(path: Path) -> tuple[tuple[int, int, int], np.ndarray]:
    with wave.open(str(path), "rb") as w:
        fmt = (w.getnchannels(), w.getsampwidth(), w.getframerate())
        return fmt, np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.int32)


def test_generator_covers_exactly_the_cue_sounds(gen) -> None:
    assert set(gen.CUES) == {s.value for s in Sound}


def test_committed_sounds_match_a_fresh_run_of_the_generator(gen, tmp_path: Path) -> None:
    assert gen.main(["--out", str(tmp_path)]) == 0
    for sound in Sound:
        fmt_new, new = _samples(tmp_path / f"{sound.value}.wav")
        fmt_old, old = _samples(ROOT / "resources" / "sounds" / f"{sound.value}.wav")
        assert fmt_new == fmt_old == (1, 2, gen.RATE)
        assert new.shape == old.shape, sound
        # One LSB of slack: libm's sin() may round differently across machines.
        assert np.max(np.abs(new - old)) <= 1, f"{sound.value}.wav is stale: rerun the tool"


def test_generator_is_deterministic(gen) -> None:
    for spec in gen.CUES.values():
        assert gen.wav_bytes(gen.render(spec)) == gen.wav_bytes(gen.render(spec))


@pytest.mark.parametrize("sound", list(Sound))
def test_cue_sound_is_under_the_peak_ceiling_and_fades_in_and_out(sound: Sound) -> None:
    _, x = _samples(ROOT / "resources" / "sounds" / f"{sound.value}.wav")
    x = x / 32768.0
    assert 20 * np.log10(np.max(np.abs(x))) < -1.0
    # No click: the first and last samples are near silence.
    assert abs(x[0]) < 0.01 and abs(x[-1]) < 0.01


def test_cue_sounds_have_similar_loudness() -> None:
    levels = []
    for sound in Sound:
        _, x = _samples(ROOT / "resources" / "sounds" / f"{sound.value}.wav")
        x = x / 32768.0
        sounding = x[np.abs(x) > 1e-3]
        levels.append(20 * np.log10(np.sqrt(np.mean(sounding**2))))
    assert max(levels) - min(levels) < 3.0, levels


def test_switch_side_is_the_only_cue_with_two_alternating_tones(gen) -> None:
    freqs = {name: [n.freq for n in spec.notes] for name, spec in gen.CUES.items()}
    assert freqs["switch_side"][0] == freqs["switch_side"][2] != freqs["switch_side"][1]
    firsts = [f[0] for f in freqs.values()]
    assert len(set(firsts)) == len(firsts)  # every cue starts on its own note
