"""Write the voice model's pronunciations and the app's own lines.

Two files in src/stretchguide/voice/:

- ``commands.dict``: every word the command model knows, with its sounds in
  the CMU phone set of the engine's English acoustic model. The words of
  the commands and ordinary sentences come from pocketsphinx's English
  dictionary (plus voice.commands.EXTRA_PRONUNCIATIONS); the words of the
  app's own recorded lines in every language from espeak-ng, the engine
  that recorded them (its IPA mapped to the CMU phones, ``arpabet``), or
  from the English dictionary for an English word it has.
- ``own_lines.txt``: every line the app can say (each recorded clip's text,
  in every language it ships), as the model's words. A German, Spanish or
  French word is its own word to the model (``de:sechs``, ``fr:cent``), so
  the app's own speech fed to the recognizer decodes as itself instead of
  as the English command it sounds most like.

The app and the bundle read these small files instead of the engine's 3 MB
dictionary. Rerun after changing voice/commands.py or a voice clip's text
(tools/gen_voice.py); tests/voice/test_dictionary.py fails while they are
stale.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from stretchguide.voice.commands import APP_LINES_FILE, app_token  # noqa: E402
from stretchguide.voice.recognizer import DICTIONARY, dictionary_lines  # noqa: E402

VOICE_ROOT = ROOT / "resources" / "sounds" / "voice"

# A word as the model spells it: letters, with an inner apostrophe kept
# ("l'angle" is one word to a French voice).
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

# IPA as espeak-ng writes it -> the CMU phones of the English acoustic model.
# Longest first. Sounds English lacks go to the nearest English one an
# English ear would hear: nasal vowels as vowel + N, the front rounded
# vowels as their back or central neighbours, the uvular and tapped r's as
# R, the fricatives of "ach"/"ich" as HH. The clip only has to decode as
# its own word rather than as a command, so near is enough.
IPA_TO_CMU: dict[str, tuple[str, ...]] = {
    "ɑ̃": ("AA", "N"),
    "ɔ̃": ("OW", "N"),
    "ɛ̃": ("AE", "N"),
    "œ̃": ("AH", "N"),
    "eɪ": ("EY",),
    "ei": ("EY",),
    "aɪ": ("AY",),
    "ai": ("AY",),
    "aʊ": ("AW",),
    "au": ("AW",),
    "ɔɪ": ("OY",),
    "ɔʏ": ("OY",),
    "oi": ("OY",),
    "oʊ": ("OW",),
    "əʊ": ("OW",),
    "tʃ": ("CH",),
    "dʒ": ("JH",),
    "ɜː": ("ER",),
    "a": ("AA",),
    "ɑ": ("AA",),
    "ɒ": ("AA",),
    "æ": ("AE",),
    "ɐ": ("AH",),
    "ə": ("AH",),
    "ʌ": ("AH",),
    "ɚ": ("ER",),
    "ɜ": ("ER",),
    "ɔ": ("AO",),
    "o": ("OW",),
    "e": ("EY",),
    "ɛ": ("EH",),
    "i": ("IY",),
    "ɪ": ("IH",),
    "ᵻ": ("IH",),
    "u": ("UW",),
    "ʊ": ("UH",),
    "y": ("UW",),
    "ʏ": ("UH",),
    "ø": ("ER",),
    "œ": ("AH",),
    "b": ("B",),
    "β": ("B",),
    "d": ("D",),
    "ð": ("DH",),
    "f": ("F",),
    "ɡ": ("G",),
    "g": ("G",),
    "ɣ": ("G",),
    "h": ("HH",),
    "x": ("HH",),
    "ç": ("HH",),
    "j": ("Y",),
    "ʝ": ("Y",),
    "ʎ": ("Y",),
    "k": ("K",),
    "l": ("L",),
    "m": ("M",),
    "n": ("N",),
    "ɲ": ("N", "Y"),
    "ŋ": ("NG",),
    "p": ("P",),
    "r": ("R",),
    "ɾ": ("R",),
    "ɹ": ("R",),
    "ʁ": ("R",),
    "s": ("S",),
    "ʃ": ("SH",),
    "t": ("T",),
    "θ": ("TH",),
    "v": ("V",),
    "w": ("W",),
    "z": ("Z",),
    "ʒ": ("ZH",),
}
_LONGEST = max(map(len, IPA_TO_CMU))
# Marks that carry no sound of their own: stress, length, espeak-ng's
# language switches ("(en)dˈɒs(fr)"), its clause and liaison marks.
_SWITCH = re.compile(r"\([a-z-]+\)")
_SKIP = set("ˈˌːˑ‿-_|")


def arpabet(ipa: str) -> tuple[tuple[str, ...], str]:
    """The CMU phones of one word's IPA, and the symbols that have none.

    A stress mark separates syllables, so a vowel on each side of one is
    two vowels, not a diphthong.
    """
    text = _SWITCH.sub("", ipa)
    phones: list[str] = []
    unknown = ""
    i = 0
    while i < len(text):
        if text[i] in _SKIP or text[i].isspace():
            i += 1
            continue
        for size in range(_LONGEST, 0, -1):
            if text[i : i + size] in IPA_TO_CMU:
                phones.extend(IPA_TO_CMU[text[i : i + size]])
                i += size
                break
        else:
            unknown += text[i]
            i += 1
    return tuple(phones), unknown


def manifest(lang: str) -> dict[str, object]:
    folder = VOICE_ROOT if lang == "en" else VOICE_ROOT / lang
    data: dict[str, object] = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return data


def languages() -> list[str]:
    """English, then every language that ships recorded clips, by code."""
    return ["en", *sorted(p.parent.name for p in VOICE_ROOT.glob("*/manifest.json"))]


def espeak_voice(lang: str) -> str:
    """The espeak-ng voice that recorded the language's clips (from its manifest)."""
    settings = manifest(lang)["espeak_ng"]
    assert isinstance(settings, dict)
    args = shlex.split(str(settings["args"]))
    return args[args.index("-v") + 1]


def clip_lines(lang: str) -> list[list[str]]:
    """The words of each clip the language's voice says, in clip-name order."""
    clips = manifest(lang)["clips"]
    assert isinstance(clips, dict)
    return [WORD.findall(str(clips[name]).lower()) for name in sorted(clips)]


def espeak_ipa(voice: str, words: list[str]) -> dict[str, str]:
    """Each word's IPA as espeak-ng says it alone (one clause per word)."""
    if not words:
        return {}
    text = "".join(f"{w}.\n" for w in words)
    out = subprocess.run(
        ["espeak-ng", "-v", voice, "-q", "--ipa"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    said = [line.strip() for line in out.splitlines() if line.strip()]
    if len(said) != len(words):
        raise RuntimeError(f"espeak-ng ({voice}) gave {len(said)} words for {len(words)}")
    return dict(zip(words, said, strict=True))


def own_vocabulary(cmudict: Path) -> tuple[list[str], list[str]]:
    """(dictionary entries, model lines) for everything the app says."""
    english = _english_words(cmudict)
    entries: list[str] = []
    lines: list[str] = []
    for lang in languages():
        said = clip_lines(lang)
        words = sorted({w for line in said for w in line})
        missing = [w for w in words if lang != "en" or w not in english]
        ipa = espeak_ipa(espeak_voice(lang), missing)
        for word in words:
            token = app_token(word, lang)
            if word not in ipa:
                continue  # an English word the English dictionary has
            phones, unknown = arpabet(ipa[word])
            if unknown:
                print(
                    f"{lang} {word!r}: no phone for {unknown!r} in {ipa[word]!r}", file=sys.stderr
                )
            if not phones:
                raise RuntimeError(f"{lang} {word!r}: no phones in {ipa[word]!r}")
            entries.append(f"{token} {' '.join(phones)}")
        lines.extend(" ".join(app_token(w, lang) for w in line) for line in said if line)
    return entries, lines


def _english_words(cmudict: Path) -> set[str]:
    with cmudict.open(encoding="utf-8") as fh:
        return {line.split(" ", 1)[0].split("(")[0] for line in fh}


def expected() -> dict[Path, str]:
    """What each generated file should hold now."""
    import pocketsphinx  # type: ignore[import-untyped]

    cmudict = Path(pocketsphinx.get_model_path("en-us/cmudict-en-us.dict"))
    own_entries, own_lines = own_vocabulary(cmudict)
    # English words of the app's lines come from the engine's dictionary,
    # like every other English word of the model.
    entries = dictionary_lines(cmudict, app=tuple(own_lines))
    known = {e.split(" ", 1)[0] for e in entries}
    entries = sorted({*entries, *(e for e in own_entries if e.split(" ", 1)[0] not in known)})
    return {
        DICTIONARY: "\n".join(entries) + "\n",
        APP_LINES_FILE: "\n".join(own_lines) + "\n",
    }


def main() -> int:
    for path, text in expected().items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)} ({len(text.splitlines())} lines, {len(text)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
