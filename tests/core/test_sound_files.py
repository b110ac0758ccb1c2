"""The committed cue sounds are exactly what tools/gen_sounds.py makes, and sound right;
the committed voice clips say the words the code says now."""

from __future__ import annotations

import importlib.util
import json
import re
import shlex
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from stretchguide.core import cues
from stretchguide.core.catalog import Routine, RoutineItem, Schedule, load_builtin
from stretchguide.core.cues import Sound
from stretchguide.core.session import EventKind, build_cues
from stretchguide.core.timeline import SessionOptions, build_timeline

ROOT = Path(__file__).resolve().parents[2]
VOICE_DIR = ROOT / "resources" / "sounds" / "voice"


@pytest.fixture(scope="module")
def gen():  # noqa: ANN201 - a module object
    spec = importlib.util.spec_from_file_location("gen_sounds", ROOT / "tools" / "gen_sounds.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_sounds"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gen_voice(gen):  # noqa: ANN001, ANN201 - module objects; gen makes gen_sounds importable
    spec = importlib.util.spec_from_file_location("gen_voice", ROOT / "tools" / "gen_voice.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
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


# --- voice clips ------------------------------------------------------------------
# A WAV cannot be checked for its words without a speech recogniser, so
# tools/gen_voice.py writes down what it recorded (manifest.json) and these
# tests hold that against what the code would say now.


@pytest.fixture(scope="module")
def manifest() -> dict[str, object]:
    data = json.loads((VOICE_DIR / "manifest.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def recorded(manifest: dict[str, object]) -> dict[str, str]:
    clips = manifest["clips"]
    assert isinstance(clips, dict)
    return clips


def _said_now() -> dict[str, str]:
    """Clip key -> the words the code says with it today."""
    said = cues.all_fixed_clips()
    for exercise in load_builtin().exercises.values():
        said.update(cues.exercise_clips(exercise))
    return said


def _every_key_the_code_can_ask_for() -> set[str]:
    builtin = load_builtin().exercises
    return cues.clips_needed(builtin, cues.recorded_clips(builtin.values()))


STALE = "rerun tools/gen_voice.py (make resources)"


def test_every_clip_the_code_can_ask_for_has_a_file_and_a_manifest_entry(
    recorded: dict[str, str],
) -> None:
    wanted = _every_key_the_code_can_ask_for()
    assert set(cues.all_fixed_clips()) <= wanted
    no_file = sorted(k for k in wanted if not (VOICE_DIR / f"{k}.wav").is_file())
    no_entry = sorted(wanted - set(recorded))
    assert (no_file, no_entry) == ([], []), STALE


def test_each_clip_says_the_words_the_code_says_now(recorded: dict[str, str]) -> None:
    said = _said_now()
    assert said.keys() == _every_key_the_code_can_ask_for()
    stale = {k: (recorded.get(k), words) for k, words in said.items() if recorded.get(k) != words}
    assert stale == {}, f"clip: (recorded, said now); {STALE}"


def test_every_clip_file_is_in_the_manifest_and_every_entry_has_a_file(
    recorded: dict[str, str],
) -> None:
    files = {p.stem for p in VOICE_DIR.glob("*.wav")}
    assert sorted(files - set(recorded)) == [], "a clip nobody knows the words of"
    assert sorted(set(recorded) - files) == [], "the manifest lists a clip with no file"


def test_manifest_names_the_espeak_settings_the_tool_uses(
    gen_voice,
    manifest: dict[str, object],  # noqa: ANN001 - a module object
) -> None:
    espeak = manifest["espeak_ng"]
    assert isinstance(espeak, dict) and espeak["version"]
    # Changed settings change every clip: the committed ones are then stale.
    assert espeak["args"] == shlex.join(gen_voice.ESPEAK_ARGS), STALE
    assert gen_voice.wanted_clips() == _said_now()


def _words(text: str, recorded: dict[str, str]) -> list[str]:
    # Lines write numbers as digits; the clips say them in words.
    out: list[str] = []
    for word in re.findall(r"\d+|[a-z']+", text.lower()):
        if word.isdigit():
            out += " ".join(recorded[k] for k in cues.number_clip_keys(int(word))).split()
        else:
            out.append(word)
    return out


@pytest.mark.parametrize(
    "options", [SessionOptions(), SessionOptions(prepare_s=0)], ids=["get-ready", "no-get-ready"]
)
def test_recorded_voice_never_says_other_words_than_the_line(
    options: SessionOptions,
    recorded: dict[str, str],
) -> None:
    catalog = load_builtin()
    routines = list(catalog.routines.values()) + [
        Routine(f"only_{ex.id}", ex.name, "", (RoutineItem(ex.id, ex.dose),), Schedule(1, ""))
        for ex in catalog.exercises.values()
    ]
    intros_with_clip: set[str] = set()
    said_by_clips = cues.recorded_clips(catalog.exercises.values())
    for routine in routines:
        for c in build_cues(build_timeline(routine, catalog.exercises, options)):
            line = cues.event_cue(c.event, catalog.exercises, said_by_clips).line
            if line is None:
                continue
            clip_words = [w for k in line.clips for w in _words(recorded[k], recorded)]
            # Clips may leave words out (a stage name), never put others in.
            left = iter(_words(line.text, recorded))
            assert all(w in left for w in clip_words), (line.text, line.clips)
            if c.event.kind is EventKind.EXERCISE_INTRO and len(line.clips) > 1:
                assert " ".join(recorded[k] for k in line.clips) == line.text
                intros_with_clip.add(c.event.exercise_id)
    if options.prepare_s > 0:
        # With the usual get-ready step every intro is spoken whole.
        assert intros_with_clip == set(catalog.exercises)
