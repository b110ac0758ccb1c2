"""Synthetic speech for the voice-command tests and bench (espeak-ng + sox).

Each utterance is synthesised once per run into a cache folder. The same
espeak-ng and sox give the same bytes, so results are repeatable.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from stretchguide.core.spoken_numbers import spell
from stretchguide.voice.commands import PHRASES, Command

# (espeak-ng voice, words per minute, pitch 0-99): men's, women's and a
# British voice, slow and brisk, low and high.
VOICES: tuple[tuple[str, int, int], ...] = (
    ("en-us", 150, 50),
    ("en-us+m3", 130, 40),
    ("en-us+f2", 170, 60),
    ("en+klatt", 140, 50),
    ("en-us+klatt4", 175, 45),
    ("en-gb-x-rp", 150, 55),
)

# Voices the model was never tuned on (other accents, faster and slower,
# higher and lower): the bench's --voices other, a check on over-fitting to
# the six above.
OTHER_VOICES: tuple[tuple[str, int, int], ...] = (
    ("en-gb", 160, 50),
    ("en-us+f4", 190, 65),
    ("en-us-nyc", 120, 35),
    ("en-029", 165, 50),
    ("en-gb-scotland", 145, 45),
    ("en-us+m7", 185, 30),
)

# The class a stranger would try: espeak-ng's own en-us and en variants at
# speeds from 110 to 210 words a minute and pitches from 30 to 70, none of
# them in either set above and nothing tuned on them (bench --voices varied).
VARIED_VOICES: tuple[tuple[str, int, int], ...] = (
    ("en-us+m1", 120, 30),
    ("en-us+m2", 200, 50),
    ("en-us+m4", 160, 70),
    ("en-us+m5", 140, 40),
    ("en-us+m6", 180, 60),
    ("en-us+f1", 130, 55),
    ("en-us+f3", 175, 70),
    ("en-us+f5", 150, 35),
    ("en+m2", 165, 45),
    ("en+f3", 190, 50),
    ("en-us", 110, 50),
    ("en-us", 210, 50),
)

# What a stranger tries first: espeak-ng's two default English voices, as
# they come, at five speeds and three pitches (bench --voices default).
DEFAULT_VOICES: tuple[tuple[str, int, int], ...] = tuple(
    (voice, wpm, pitch)
    for voice in ("en", "en-us")
    for wpm in (100, 130, 160, 190, 220)
    for pitch in (25, 50, 75)
)

# A second synthesiser, where installed: flite's voices (its own recordings
# of real speakers, not espeak-ng's formants). The number is the duration
# stretch in hundredths (130: 30 % slower); the pitch is the voice's own.
FLITE_VOICES: tuple[tuple[str, int, int], ...] = (
    ("flite:awb", 100, 0),
    ("flite:rms", 100, 0),
    ("flite:slt", 100, 0),
    ("flite:kal16", 100, 0),
    ("flite:slt", 130, 0),
    ("flite:rms", 130, 0),
)

# flite again at speeds and pitches nothing was tuned on (bench --voices
# flite-varied): each of its five voices 15 % faster and 20 % slower, and
# at a low and a high pitch (the third number: flite's target mean pitch
# in Hz; 0 keeps the voice's own). kal is flite's 8 kHz voice, a telephone's
# band (docs/PERFORMANCE.md measures 8 kHz apart).
FLITE_VARIED_VOICES: tuple[tuple[str, int, int], ...] = tuple(
    (f"flite:{voice}", stretch, pitch)
    for voice, low, high in (
        ("awb", 90, 130),
        ("rms", 90, 130),
        ("kal", 90, 130),
        ("kal16", 90, 130),
        ("slt", 140, 200),
    )
    for stretch, pitch in ((85, 0), (120, 0), (100, low), (100, high))
)

# A third synthesiser, where installed: Festival's American voices (Debian
# festival, festvox-kallpc16k, festvox-kdlpc16k, festvox-us-slt-hts): two
# diphone voices of men and a statistical (HTS) voice of a woman, as they
# come and 30 % slower. Nothing was tuned on them (bench --voices festival).
FESTIVAL_VOICES: tuple[tuple[str, int, int], ...] = tuple(
    (f"festival:{voice}", stretch, 0)
    for voice in ("kal_diphone", "ked_diphone", "cmu_us_slt_arctic_hts")
    for stretch in (100, 130)
)

# Eleven voices for the probes, from the sets above: espeak-ng's American,
# British, Caribbean and Scottish English at several speeds and pitches, and
# three of flite's.
PROBE_VOICES: tuple[tuple[str, int, int], ...] = (
    VOICES[0],
    ("en", 160, 50),
    VOICES[2],
    VOICES[3],
    *(OTHER_VOICES[i] for i in (5, 3, 4, 1)),
    *FLITE_VOICES[2::-1],
)

# Ordinary speech the model never saw, several with a command word inside.
HELD_OUT_SENTENCES: tuple[str, ...] = (
    "can we stop for a moment and talk",
    "i want to skip lunch today",
    "please wait until the kettle boils",
    "the back of my knee feels stiff",
    "let us go on holiday next year",
    "that does not hurt at all",
    "put the music on pause for now",
    "could you repeat the last part of the film",
    "i will mute the television",
    "yes the window is open",
    "no i do not want any sugar",
    "my doctor said to keep moving",
    "the neighbours are very loud tonight",
    "remember to buy milk and bread",
    "this chair is really comfortable",
    "it is raining again outside",
    "how long have we been doing this",
    "the phone is ringing in the hall",
    "i should water the plants",
    "dinner will be ready soon",
)

# More everyday speech for the probes (s33): long sentences with command
# words inside, and the short things a person says to someone in the room.
# None is a command; none was used to tune anything.
EVERYDAY_SENTENCES: tuple[str, ...] = (
    "i think i will have tea instead of coffee", "the bus was late again this morning",
    "my sister is coming to visit on sunday", "where did i leave my glasses",
    "the cat keeps sleeping on the keyboard", "we need more paper for the printer",
    "turn left at the end of the road", "the meeting has been moved to thursday",
    "she likes to read before going to sleep", "how much does a ticket cost",
    "the garden looks lovely in the spring", "i forgot to call my mother back",
    "open the door please", "that was a really good film", "the soup is too hot to eat",
    "my knee has been better this week", "can you pass me the salt",
    "we walked along the river for an hour", "the children are playing in the park",
    "it is colder than yesterday", "i need to stop at the shop on the way",
    "let me know when you are ready", "the train leaves at half past seven",
    "he fixed the bike last weekend", "do you want to watch the news",
    "the dog barked at the postman", "there is a new bakery in town",
    "i am tired but happy", "put your shoes by the door", "we should paint the kitchen",
    "the baby is finally asleep", "my back feels a little stiff today",
    "i hope it does not rain tomorrow", "the computer is running slowly",
    "she sings in a choir every friday", "next time bring an umbrella",
    "no thank you i am full", "yes please that would be lovely",
    "wait for me at the corner", "go on tell me the story",
    "all right then", "not now", "i am fine", "let me see", "one moment", "okay then",
    "just a second", "hang on a bit", "sounds good", "see you later", "i do not know",
    "maybe later", "not too bad", "thank you", "good morning",
)  # fmt: skip

# What an everyday sentence means as a command, where it means one: "not now"
# answers "Stop?" as "no" does (and "no" acts nowhere else).
EVERYDAY_MEANS: dict[str, frozenset[Command]] = {"not now": frozenset({Command.NO})}

HURT_PHRASES = ("ouch", "it hurts", "this hurts")

# What a person on the mat says that is not a command, as probes of false
# commands (bench_voice.py --probes). Counting aloud while holding, and the
# app's own words said back: the counts the app says, then short phrases.
COUNTING_PROBES: tuple[str, ...] = (
    *(spell(n, "en") for n in (*range(1, 21), 30)),
    "hold", "relax", "rest", "breathe", "release", "switch sides", "left leg",
    "right leg", "halfway", "get ready", "seconds left", "one more", "almost done",
    "keep going", "nearly there", "and again", "breathe in", "breathe out", "other side",
)  # fmt: skip

# Interjections: a groan, a word of surprise or of agreement. Each maps to the
# commands that say what it means, which are not false ("nope" heard as
# "no", "hold on" as "pause"); any other command is.
INTERJECTIONS: dict[str, frozenset[Command]] = {
    **{
        word: frozenset()
        for word in (
            "oh", "ow", "ah", "ugh", "hmm", "uh huh", "whoa", "oops", "okay", "good",
            "great", "right", "well", "so", "cool", "fine", "nice", "phew", "sorry",
            "thanks", "alright", "hello", "huh", "um", "wow", "yikes", "ooh", "there",
            "done", "easy", "better", "gosh", "hey", "what", "really", "sure", "maybe",
            "almost", "lovely", "oh dear", "oh well",
        )
    },
    "yeah": frozenset({Command.YES}),
    "yep": frozenset({Command.YES}),
    "nope": frozenset({Command.NO}),
    "oh no": frozenset({Command.NO, Command.HURT}),
    "hold on": frozenset({Command.PAUSE}),
    "come on": frozenset({Command.RESUME}),
    "ow ow": frozenset({Command.HURT}),
    "owww": frozenset({Command.HURT}),
    "that hurts": frozenset({Command.HURT}),
}  # fmt: skip


def tools_available() -> bool:
    return shutil.which("espeak-ng") is not None and shutil.which("sox") is not None


@dataclass(frozen=True)
class Clip:
    path: Path
    text: str
    command: Command | None
    speech_end_s: float  # where the speech ends in the file


def _run(args: list[str]) -> None:
    subprocess.run(args, check=True, capture_output=True)


def _speech_end(path: Path) -> float:
    # sox trims the trailing silence; the length left is where speech ends.
    out = subprocess.run(
        ["sox", str(path), "-n", "reverse", "silence", "1", "0.02", "0.5%", "reverse", "stat"],
        check=True,
        capture_output=True,
        text=True,
    ).stderr
    for line in out.splitlines():
        if line.startswith("Length (seconds):"):
            return float(line.split(":")[1])
    raise RuntimeError(f"sox gave no length for {path}")


def synth(
    cache: Path, text: str, voice: tuple[str, int, int], far: bool = False, lead_s: float = 0.5
) -> Clip:
    """One utterance, 16 kHz mono; ``far`` adds room reverb and background noise."""
    name, wpm, pitch = voice
    key = hashlib.sha1(f"{text}|{voice}|{far}|{lead_s}".encode()).hexdigest()[:16]
    out = cache / f"{key}.wav"
    raw = cache / f"{key}.raw.wav"
    if not out.exists():
        if name.startswith("flite:"):
            pitch_args = ["--setf", f"int_f0_target_mean={pitch}"] if pitch else []
            stretch = f"duration_stretch={wpm / 100}"
            _run(
                [
                    "flite",
                    "-voice",
                    name[6:],
                    "--setf",
                    stretch,
                    *pitch_args,
                    "-t",
                    text,
                    "-o",
                    str(raw),
                ]
            )
        elif name.startswith("festival:"):
            subprocess.run(
                ["text2wave", "-o", str(raw), "-eval", f"(voice_{name[9:]})",
                 "-eval", f"(Parameter.set 'Duration_Stretch {wpm / 100})"],
                input=text.encode(), check=True, capture_output=True,
            )  # fmt: skip
        else:
            _run(["espeak-ng", "-v", name, "-s", str(wpm), "-p", str(pitch), "-w", str(raw), text])
        dry = cache / f"{key}.dry.wav"
        _run(
            [
                "sox",
                "-R",
                str(raw),
                "-r",
                "16000",
                "-c",
                "1",
                "-b",
                "16",
                str(dry),
                "gain",
                "-3",
                "pad",
                str(lead_s),
                "1.0",
            ]
        )
        if far:
            noise = cache / f"{key}.noise.wav"
            length = subprocess.run(
                ["soxi", "-D", str(dry)], check=True, capture_output=True, text=True
            ).stdout.strip()
            # Room: reverb and 12 dB quieter (two or three metres off), then a
            # steady hum of pink noise about 25 dB under the speech.
            wet = cache / f"{key}.wet.wav"
            # -R throughout: sox seeds its noise and dither afresh each run
            # otherwise, and the far-field figures moved by a clip or two.
            _run(["sox", "-R", str(dry), str(wet), "reverb", "50", "50", "80", "gain", "-12"])
            _run(
                [
                    "sox",
                    "-R",
                    "-n",
                    "-r",
                    "16000",
                    "-c",
                    "1",
                    "-b",
                    "16",
                    str(noise),
                    "synth",
                    length,
                    "pinknoise",
                    "vol",
                    "0.006",
                ]
            )
            _run(["sox", "-R", "-m", str(wet), str(noise), str(out), "trim", "0", length])
            noise.unlink()
            wet.unlink()
            dry.unlink()
        else:
            dry.rename(out)
        raw.unlink()
    end = _speech_end(out)
    return Clip(out, text, PHRASES.get(text), end)


def silence(cache: Path, seconds: float = 3.0) -> Path:
    out = cache / f"silence_{seconds}.wav"
    if not out.exists():
        _run(
            ["sox", "-n", "-r", "16000", "-c", "1", "-b", "16", str(out), "trim", "0", str(seconds)]
        )
    return out


def noise(cache: Path, seconds: float = 3.0, volume: float = 0.05) -> Path:
    """Brown noise, a room's rumble: at the default volume about -31 dBFS RMS
    (a loud fan), which the detector takes for speech now and then."""
    out = cache / f"noise_{seconds}_{volume}.wav"
    if not out.exists():
        _run(
            [
                "sox",
                "-R",  # the same noise every run: the idle figures and tests repeat
                "-n",
                "-r",
                "16000",
                "-c",
                "1",
                "-b",
                "16",
                str(out),
                "synth",
                str(seconds),
                "brownnoise",
                "vol",
                str(volume),
            ]
        )
    return out
