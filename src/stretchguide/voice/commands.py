"""The spoken commands and the rule that turns a heard utterance into one.

Standard library and the pure domain only: the app, the CLI and the tests
share it, and it can be tested without the speech engine installed.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from pathlib import Path

from stretchguide.core.spoken_numbers import spell


class Command(StrEnum):
    PAUSE = "pause"
    RESUME = "resume"
    SKIP = "skip"
    BACK = "back"
    HURT = "hurt"
    EASE = "ease"
    STOP = "stop"
    YES = "yes"
    NO = "no"
    MUTE = "mute"
    UNMUTE = "unmute"


# Phrase (as the recognizer spells it) -> command. Every phrase is a whole
# utterance: "stop" alone is a command, "don't stop now" is not.
PHRASES: dict[str, Command] = {
    "pause": Command.PAUSE,
    "wait": Command.PAUSE,
    "go on": Command.RESUME,
    "resume": Command.RESUME,
    "skip": Command.SKIP,
    "next": Command.SKIP,
    "back": Command.BACK,
    "repeat": Command.BACK,
    "ouch": Command.HURT,
    "it hurts": Command.HURT,
    "this hurts": Command.HURT,
    # Only an answer to the this-hurts question (its first choice, key 1).
    "ease off": Command.EASE,
    "stop": Command.STOP,
    "yes": Command.YES,
    "no": Command.NO,
    "mute": Command.MUTE,
    "unmute": Command.UNMUTE,
}

# What the session screen shows (and what the README lists) for each command.
ACKNOWLEDGEMENTS: dict[Command, str] = {
    Command.PAUSE: "Paused",
    Command.RESUME: "Resuming",
    Command.SKIP: "Skipped",
    Command.BACK: "Repeating",
    Command.HURT: "This hurts",
    Command.EASE: "Easing off",
    Command.STOP: "Stop?",
    Command.YES: "Yes",
    Command.NO: "No",
    Command.MUTE: "Muted",
    Command.UNMUTE: "Sound on",
}

# Ordinary things a person says on a mat, or near one. They give the language
# model somewhere to put speech that is not a command, so "stop" inside a
# sentence is heard as part of that sentence instead of as "stop". Several
# reuse command words on purpose.
SENTENCES: tuple[str, ...] = (
    "i think i need a glass of water",
    "can you turn the music down a bit",
    "that feels a lot better now",
    "my lower back is tight today",
    "hold on let me get the pillow",
    "where did i put my phone",
    "the cat is on the mat again",
    "i will do the next one slowly",
    "do not stop the timer yet",
    "this one is easy for me",
    "it is going well so far",
    "i am going to try the other side",
    "what time is it now",
    "the weather is nice this morning",
    "please close the door",
    "i have a meeting at ten",
    "let me breathe for a moment",
    "my leg feels warm and loose",
    "we should go for a walk later",
    "is the kettle on",
    "turn the light on please",
    "one more and then we are done",
    # Not "good": the British voice's "it hurts" decoded as "it good".
    "that was a nice stretch",
    "i can feel it in my hip",
    "keep going you are doing fine",
    "no thank you i am fine",
    "yes i would like some tea",
    "wait for me in the kitchen",
    "go on without me",
    "the dog wants to go out",
)

NUMBER_WORDS: tuple[str, ...] = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", "hundred",
)  # fmt: skip

# What the app itself says in its short clips (core/cues.py PHRASES and
# NUMBER_CLIPS, punctuation dropped), as ordinary sentences: "Resuming." then
# decodes as "resuming", not as the command "resume", and "eight" as "eight".
# The app says "Up next:", never "next" alone, which is a command.
# tests/voice/test_commands.py fails when a clip is missing here.
OWN_LINES: tuple[str, ...] = (
    "get ready",
    "hold for",
    "seconds",
    "second",
    "minutes",
    "minute",
    "seconds left",
    "halfway",
    "breaths",
    "breathe in and out",
    "hold",
    "release",
    "relax",
    "of",
    "switch to your",
    "start with your",
    "switch sides",
    "left leg",
    "right leg",
    "left side",
    "right side",
    "rest",
    "session complete well done",
    "session stopped",
    "session paused",
    "resuming",
    "up next",
    "holds are shorter from here on",
    # The numbers in a row, and each alone, as the app says them.
    " ".join(NUMBER_WORDS[:11]),
    " ".join(NUMBER_WORDS[11:20]),
    " ".join(NUMBER_WORDS[20:]),
    *NUMBER_WORDS,
)

# How often each own line is repeated in the corpus. Measured on the bench:
# at 1 "Resuming." still came out as "resume"; at 10 a spoken "pause" was
# taken for "paused" in four voices of six; 3 keeps both apart best.
OWN_WEIGHT = 3

# Every line the app can say, in every language it has recorded clips for
# (tools/gen_voice_dict.py writes it from the clips' manifests), as words of
# a second model: English words as themselves, others as "de:sechs",
# "fr:cent", with pronunciations of their own in commands.dict. A command
# heard in an utterance this model takes for one of these lines, whole, is
# the app's own speech ("cent" is "fr:cent", not "stop").
APP_LINES_FILE = Path(__file__).with_name("app_lines.txt")
APP_LINE_WEIGHT = 1
APP_COMMAND_WEIGHT = 10


def app_token(word: str, lang: str) -> str:
    """A word of the app's own lines as the model spells it."""
    return word if lang == "en" else f"{lang}:{word}"


@cache
def app_lines() -> tuple[str, ...]:
    """The app's own lines as the model's words (empty if the file is missing)."""
    try:
        text = APP_LINES_FILE.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ()
    return tuple(line for line in text.splitlines() if line.strip())


# Words the engine's dictionary lacks, with their sounds (CMU phone set),
# and "hurts" without its r, as British English says it: with HH ER T S
# alone espeak's en-gb voice's "this hurts" came out as "the stopped".
EXTRA_PRONUNCIATIONS: dict[str, str] = {
    "unmute": "AH N M Y UW T",
    # One word to the model (see COMPOUNDS): "off" alone is no word of it.
    "ease_off": "IY Z AO F",
    "hurts(2)": "HH AH T S",
    "hurts(3)": "HH AO T S",
    # British, Scottish and Caribbean vowels the engine's American dictionary
    # lacks: "back" with an open a, "stop" with a rounded o, "pause" nearer
    # "pose". On six espeak-ng accents nothing was tuned on, 74 -> 79 of 102
    # clean commands heard; held-out sentences and counting aloud gave no
    # more false commands (docs/PERFORMANCE.md). "go" as G AH was tried and
    # left out: it took "two more" for "go on".
    "back(2)": "B AA K",
    "stop(2)": "S T AO P",
    "pause(2)": "P OW Z",
    # The two ways many English speakers say the most important command
    # that the dictionary lacks: "hurts" without its h (London, the
    # Midlands, the North; and a mumble in pain), "this" with a d (the
    # Caribbean, Ireland, many who learnt English later). On espeak-ng's
    # default voices clean "this hurts" 89 -> 90 of 90 and far-field "it
    # hurts" +3 of 30; two interjections of 550 ("better", "thanks") became
    # "this hurts", which asks before it does anything (docs/PERFORMANCE.md).
    "hurts(4)": "ER T S",
    "this(2)": "D IH S",
}


COMMAND_WEIGHT = 10

# Phrases the model holds as one word. With "off" a word of its own, "no"
# came out as "no off" or "off" (two voices of six): the phrase's second
# word is only ever heard inside it.
COMPOUNDS: dict[str, str] = {"ease off": "ease_off"}


# What the language model hears where it half heard a command, and what a
# second look (a decode of the same audio against the commands and the
# counts, grammar()) may make of it (recognizer.py; the rule: settle()):
#
# - "mute" is where commands with a weak first sound or a nasal start end
#   up: "unmute" with its "un" swallowed, "next" heard with an m, "resume".
#   Over the 28 voices of the bench, clean and far-field, 17 of the 62
#   "mute"s it heard from commands were another command; the grammar heard
#   14 of those right, left the other 3, and heard all 45 real ones as
#   "mute". So any whole command the grammar hears wins. No other command
#   gained from it: for "ouch" it would have heard "no" nine times.
# - "on", no command at all, is where a "go on" whose "go" is lost ends up
#   (espeak-ng's default British voice: 10 of 15) and a "pause" whose P and
#   Z are weak (four voices). Only those two may come of it: left free, the
#   grammar made "ouch" of an "ah" and "unmute" of an "ugh".
# - The rest are the short non-commands the model made of commands over 60
#   voices (the bench's five sets, clean and far-field), each kept only where
#   the grammar heard the command it came from and no count, interjection or
#   sentence of ours (1,210 probes in 11 voices) became a command through it.
#   Each may give back only the command it was heard from: "hold" and
#   "holds" a pause (the British voice's far-field "pause" is "hold" 12
#   times in 15); "a lot", "lot" and their tails "go on" (its G lost, its n
#   heard as an l); "get", "keep" and "where it" a skip ("skip" at speed is
#   "get", "next" is "where it"); "this" a skip or "this hurts" ("next"
#   far-field); "the" a repeat (far-field); "is the", "it where" and "this
#   where" "this hurts". No key holds a number ("wait" as "where eight" is
#   left a miss): a count is what a person on the mat says most. Measured
#   gain and cost: docs/PERFORMANCE.md.
# - "wait", "unmute" and "resume" are the commands counts become: "eight"
#   as "wait", "ten" (and "hmm") as "unmute", "breathe" (the grammar hears
#   "three") as "resume". They keep their command unless the second look
#   hears a count (RIVALS), as it does for every key: a count heard there is
#   no command at all. Over the same voices no real "wait", "unmute" or
#   "resume" was lost, one far-field "mute" was; 7 of the 95 commands our
#   probes gave went, and since s30 a "breathe" and a "breathe in". Not
#   "pause" and "back": over the 60 voices the grammar heard 22 real ones
#   as counts ("four", "five", "ten"...) and would have saved 6 counts.
# - "yes" is where a far-field "next" lands (15 times over the 60 voices;
#   inside the stop question that would end the session), and "ease off"
#   where espeak-ng's British "stop" at 220 words a minute does (3 of 3):
#   each may also become the command it came from. No real "yes" or "ease
#   off" became another command; two far-field "yes"es heard as counts
#   were dropped.
_PAUSE = frozenset({Command.PAUSE})
_RESUME = frozenset({Command.RESUME})
_SKIP = frozenset({Command.SKIP})
_HURT = frozenset({Command.HURT})
SECOND_LOOK: dict[str, frozenset[Command]] = {
    "mute": frozenset(Command),
    "wait": _PAUSE,
    "unmute": frozenset({Command.UNMUTE}),
    "resume": _RESUME,
    "yes": frozenset({Command.YES, Command.SKIP}),
    "no": frozenset({Command.NO}),
    "go on": _RESUME,
    "ease off": frozenset({Command.EASE, Command.STOP}),
    "on": frozenset({Command.RESUME, Command.PAUSE}),
    "hold": _PAUSE,
    "holds": _PAUSE,
    "a lot": _RESUME,
    "a lot is": _RESUME,
    "a lot it": _RESUME,
    "lot": _RESUME,
    "lot it": _RESUME,
    "get": _SKIP,
    "keep": _SKIP,
    "where it": _SKIP,
    "this": frozenset({Command.SKIP, Command.HURT}),
    "the": frozenset({Command.BACK}),
    "is the": _HURT,
    "it where": _HURT,
    "this where": _HURT,
}

# Commands that stand only if the second look hears them too (each is a key
# of SECOND_LOOK, which is what gives it that look). "No" is what
# the model makes of a groan: "oh" and "ow" were "no" in 20 of 22 probes,
# and inside the stop question a "no" carries on with the session. The
# commands alone never heard those as "no" (as "go" or "go on"), and heard
# 55 of 56 real clean "no"s and 49 of 54 far-field ones as "no": 27 of the
# probes' 50 "no"s went, 1 clean and 4 far-field real ones with them. A
# missed "no" leaves the question open; a false one resumes the exercise.
# "Go on" likewise: flite's "oh", "ow" and "cool" were "go on" (resume),
# the grammar heard them as "go"; one far-field real "go on" of 59 lost.
CONFIRMED: frozenset[str] = frozenset({"no", "go on"})

# The numbers a person counts aloud while holding, as rivals of the commands
# in the second look's grammar: a count the model half heard ("four" as
# "hold", "ugh" as "on") then stays a count in the second look too, where
# the commands alone would have made it the nearest command. The grammar
# choosing one gives no command.
RIVALS: tuple[str, ...] = tuple(spell(n, "en") for n in (*range(1, 21), 30))


# A slowly spoken "go on" ends in a long n, and the model hears the end of
# that n as a short word of its own: "go on is", "go on it". Over espeak-ng's
# two default English voices at 100-220 words a minute and three pitches, 5
# of 30 "go on"s came out that way (all at 100 or 130 words a minute) and
# only 5 as "go on" itself; no held-out sentence, count, interjection or clip
# of the app decoded to either (docs/PERFORMANCE.md). So these two words
# after "go on", and only after it, are the end of the command.
TAILS: dict[str, frozenset[str]] = {"go on": frozenset({"is", "it"})}


def grammar() -> str:
    """The second look's JSGF grammar: one whole phrase per utterance, a
    command or a rival (RIVALS)."""
    phrases = " | ".join([COMPOUNDS.get(p, p) for p in PHRASES] + list(RIVALS))
    return f"#JSGF V1.0;\ngrammar commands;\npublic <command> = {phrases};\n"


def settle(
    command: Command | None, text: str, allowed: frozenset[Command], again: str
) -> tuple[Command | None, str]:
    """What an utterance is once its second look heard ``again``: an allowed
    whole command wins, a count (RIVALS) means no command, and anything else
    leaves the first answer, but for a command that must be heard twice
    (CONFIRMED). Returns (command, text)."""
    if again in PHRASES and PHRASES[again] in allowed:
        return PHRASES[again], again
    if again in RIVALS or normalise(text) in CONFIRMED:
        return None, text
    return command, text


def normalise(hypothesis: str) -> str:
    """Lower-case words only: the engine's fillers (<s>, [NOISE]) dropped."""
    words = [
        w.split("(")[0].replace("_", " ")
        for w in hypothesis.lower().split()
        if not (w.startswith("<") or w.startswith("[") or w.startswith("++"))
    ]
    return " ".join(words)


def normalise_tokens(hypothesis: str) -> str:
    """The model's words as spelt (``fr:cent``), fillers and variant marks dropped."""
    return " ".join(
        w.split("(")[0]
        for w in hypothesis.split()
        if not (w.startswith("<") or w.startswith("[") or w.startswith("++"))
    )


def accept(hypothesis: str) -> Command | None:
    """The command the whole utterance is, or None.

    Only a whole utterance counts: a command word inside a longer utterance is
    part of something else the person said. The same command said twice in
    one breath ("stop stop") is still that command.
    """
    text = normalise(hypothesis)
    if not text:
        return None
    if text in PHRASES:
        return PHRASES[text]
    words = text.split()
    head = " ".join(words[:-1])
    if head in TAILS and words[-1] in TAILS[head]:
        return PHRASES[head]
    for size in (1, 2):
        if len(words) % size == 0 and len(words) > size:
            first = " ".join(words[:size])
            chunks = {" ".join(words[i : i + size]) for i in range(0, len(words), size)}
            if chunks == {first} and first in PHRASES:
                return PHRASES[first]
    return None


def corpus(extra: tuple[str, ...] = ()) -> list[str]:
    """Sentences the command model is built from: commands, then the rest.

    Each command is repeated so that a short utterance leans towards a command
    only as far as its sounds allow; the sentences keep the rest honest.
    """
    lines: list[str] = []
    for phrase in PHRASES:
        lines.extend([COMPOUNDS.get(phrase, phrase)] * COMMAND_WEIGHT)
    for line in OWN_LINES:
        lines.extend([line] * OWN_WEIGHT)
    lines.extend(SENTENCES)
    lines.extend(extra)
    return lines


def app_corpus(app: tuple[str, ...] | None = None) -> list[str]:
    """Sentences the own-speech model is built from: the commands, every line
    the app says (``app`` instead of the shipped ones: the generator's), and
    the ordinary sentences."""
    lines: list[str] = []
    for phrase in PHRASES:
        lines.extend([COMPOUNDS.get(phrase, phrase)] * APP_COMMAND_WEIGHT)
    for line in app_lines() if app is None else app:
        lines.extend([line] * APP_LINE_WEIGHT)
    lines.extend(SENTENCES)
    return lines
