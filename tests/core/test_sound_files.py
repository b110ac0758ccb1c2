"""The committed cue sounds are exactly what tools/gen_sounds.py makes, and sound right;
the committed voice clips say the words the code says now."""

from __future__ import annotations

import functools
import importlib.util
import json
import re
import shlex
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from stretchguide.clip_files import read_clip
from stretchguide.core import cues
from stretchguide.core.catalog import Routine, RoutineItem, Schedule, load_builtin
from stretchguide.core.cues import Sound
from stretchguide.core.i18n import available_languages, set_language, translate_catalog
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
# tools/gen_voice.py writes down what it recorded (manifest.json, one per
# language) and these tests hold that against what the code would say now in
# that language. The recordings themselves are checked for what can be
# measured: sound in them, and a length that fits the words.

LANGS = available_languages()


def _voice_dir(lang: str) -> Path:
    return VOICE_DIR if lang == "en" else VOICE_DIR / lang


@functools.cache
def _manifest(lang: str) -> dict[str, object]:
    data = json.loads((_voice_dir(lang) / "manifest.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _recorded(lang: str) -> dict[str, str]:
    clips = _manifest(lang)["clips"]
    assert isinstance(clips, dict)
    return clips


def _said_now(lang: str) -> dict[str, str]:
    """Clip key -> the words the code says with it today, in ``lang``."""
    said = cues.all_fixed_clips(lang)
    for exercise in translate_catalog(load_builtin(), lang).exercises.values():
        said.update(cues.exercise_clips(exercise))
    return said


def _recorded_from(lang: str) -> dict[str, str]:
    # What the app passes in: the clips' words, from the catalog in ``lang``.
    return cues.recorded_clips(translate_catalog(load_builtin(), lang).exercises.values())


def _every_key_the_code_can_ask_for(lang: str) -> set[str]:
    return cues.clips_needed(load_builtin().exercises, _recorded_from(lang), lang=lang)


STALE = "rerun tools/gen_voice.py --lang {lang} (make resources)"


def test_every_shipped_language_has_clips_and_english_stays_at_the_top() -> None:
    assert LANGS[0] == "en" and set(LANGS) >= {"en", "de", "es", "fr"}
    for lang in LANGS:
        assert _manifest(lang)["language"] == lang
    # Each language's folder holds only its own clips (no nested surprises).
    assert sorted(p.name for p in VOICE_DIR.iterdir() if p.is_dir()) == sorted(LANGS[1:])


@pytest.mark.parametrize("lang", LANGS)
def test_every_clip_the_code_can_ask_for_has_a_file_and_a_manifest_entry(lang: str) -> None:
    wanted = _every_key_the_code_can_ask_for(lang)
    assert set(cues.all_fixed_clips(lang)) <= wanted
    no_file = sorted(k for k in wanted if not (_voice_dir(lang) / f"{k}.wav").is_file())
    no_entry = sorted(wanted - set(_recorded(lang)))
    assert (no_file, no_entry) == ([], []), STALE.format(lang=lang)


@pytest.mark.parametrize("lang", LANGS)
def test_each_clip_says_the_words_the_code_says_now(lang: str) -> None:
    said = _said_now(lang)
    recorded = _recorded(lang)
    assert said.keys() == _every_key_the_code_can_ask_for(lang)
    stale = {k: (recorded.get(k), words) for k, words in said.items() if recorded.get(k) != words}
    assert stale == {}, f"clip: (recorded, said now); {STALE.format(lang=lang)}"


def test_a_changed_translation_makes_its_clip_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    # The check above is only worth something if a new translation shows up
    # in what the code says: change one and the German clip no longer fits.
    real = cues.phrases("de")
    monkeypatch.setattr(cues, "phrases", lambda lang: {**real, "release": "Loslassen."})
    assert cues.all_fixed_clips("de")["release"] != _recorded("de")["release"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_clip_file_is_in_the_manifest_and_every_entry_has_a_file(lang: str) -> None:
    files = {p.stem for p in _voice_dir(lang).glob("*.wav")}
    recorded = _recorded(lang)
    assert sorted(files - set(recorded)) == [], "a clip nobody knows the words of"
    assert sorted(set(recorded) - files) == [], "the manifest lists a clip with no file"


@pytest.mark.parametrize("lang", LANGS)
def test_manifest_names_the_espeak_settings_the_tool_uses(gen_voice, lang: str) -> None:  # noqa: ANN001
    manifest = _manifest(lang)
    espeak = manifest["espeak_ng"]
    assert isinstance(espeak, dict) and espeak["version"]
    # Changed settings change every clip: the committed ones are then stale.
    assert espeak["args"] == shlex.join(gen_voice.espeak_args(lang)), STALE.format(lang=lang)
    assert manifest["format"] == {"rate": 16_000, "encoding": "mu-law", "bits": 8, "channels": 1}
    assert gen_voice.wanted_clips(lang) == _said_now(lang)


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


@pytest.mark.parametrize("lang", LANGS)
def test_each_clip_has_sound_and_a_length_that_fits_its_words(lang: str) -> None:
    # Nobody can listen here: a clip cut short, empty, or run on with
    # something else shows as a length far from its text's. espeak-ng at 150
    # words a minute says one letter in 0.05-0.13 s in these languages.
    odd: dict[str, tuple[str, float]] = {}
    for key, text in _recorded(lang).items():
        clip = read_clip(_voice_dir(lang) / f"{key}.wav")
        x = np.frombuffer(clip.pcm, dtype="<i2").astype(np.float64) / 32768
        peak = np.max(np.abs(x))
        # Sound: the peak sits near the generator's -3 dBFS and speech fills
        # a good part of the clip (not one click in silence).
        loud = np.mean(np.abs(x) > 0.02)
        assert 0.5 < peak < 0.8 and loud > 0.2, (key, peak, loud)
        # Very short words are mostly the voice's own onset and decay.
        letters = _letters(text)
        if clip.seconds < 0.15 or (letters >= 8 and not 0.04 < clip.seconds / letters < 0.16):
            odd[key] = (text, round(clip.seconds, 2))
    assert odd == {}, "clip length does not fit its words"


def _words(text: str, recorded: dict[str, str]) -> list[str]:
    # Lines write numbers as digits; the clips say them in words.
    out: list[str] = []
    for word in re.findall(r"\d+|[^\W\d_]+", text.lower()):
        if word.isdigit():
            keys = cues.number_clip_keys(int(word), "en")
            out += " ".join(recorded[k] for k in keys).split()
        else:
            out.append(word)
    return out


@pytest.mark.parametrize(
    "options", [SessionOptions(), SessionOptions(prepare_s=0)], ids=["get-ready", "no-get-ready"]
)
def test_recorded_voice_never_says_other_words_than_the_line(options: SessionOptions) -> None:
    recorded = _recorded("en")
    catalog = load_builtin()
    routines = list(catalog.routines.values()) + [
        Routine(f"only_{ex.id}", ex.name, "", (RoutineItem(ex.id, ex.dose),), Schedule(1, ""))
        for ex in catalog.exercises.values()
    ]
    intros_with_clip: set[str] = set()
    said_by_clips = cues.recorded_clips(catalog.exercises.values())
    for routine in routines:
        for c in build_cues(build_timeline(routine, catalog.exercises, options)):
            line = cues.event_cue(c.event, catalog.exercises, said_by_clips, lang="en").line
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
        # With the usual get-ready step every intro is spoken whole, but
        # one whose name gets the leg put in ("Side stretch, left leg
        # hanging"): its recorded name says "painful leg".
        from stretchguide.core.catalog import Side
        from stretchguide.core.timeline import name_side

        named = {
            i for i, ex in catalog.exercises.items() if name_side(ex.name, Side.LEFT) != ex.name
        }
        assert named == {"side_stretch_dangle"}
        assert intros_with_clip == set(catalog.exercises) - named


def _flat(text: str) -> list[str]:
    # Words only: clips join numbers from parts ("sieben" "und" "vierzig").
    return re.findall(r"[^\W\d_]+", text.lower())


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != "en"])
def test_translated_sessions_are_spoken_whole_by_their_own_clips(lang: str) -> None:
    # Every line of every built-in routine, in the language, read from that
    # language's clips: the clips say exactly the line, numbers included
    # (the line's digits are the clips' number words, in that language).
    recorded = _recorded(lang)
    catalog = translate_catalog(load_builtin(), lang)
    said_by_clips = cues.recorded_clips(catalog.exercises.values())
    set_language(lang)
    try:
        lines = [
            line
            for routine in catalog.routines.values()
            for c in build_cues(build_timeline(routine, catalog.exercises))
            if (line := cues.event_cue(c.event, catalog.exercises, said_by_clips, lang=lang).line)
            is not None
        ]
    finally:
        set_language("en")
    assert lines
    spoken_whole = 0
    for line in lines:
        assert all(k in recorded for k in line.clips), line.clips
        clip_words = _flat(" ".join(recorded[k] for k in line.clips))
        text = re.sub(
            r"\d+",
            lambda m: " ".join(recorded[k] for k in cues.number_clip_keys(int(m.group()), lang)),
            line.text,
        )
        left = iter(_flat(text))
        assert all(w in left for w in clip_words), (line.text, line.clips)
        spoken_whole += _flat(text) == clip_words
    # Nearly all lines are said whole (a stage name has no clip).
    assert spoken_whole / len(lines) > 0.9
