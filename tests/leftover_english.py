"""Finding English sentences of ours left in a translated command's output.

The idea of tests/core/test_cli_messages_translated.py and of the Qt
screens' test: a line of three or more words with an English function word
is English left over. What a person finds in their file or types (field
paths, quoted values, file names, the values a field may hold, the voice
commands) and the parser's or system's own words are taken out first.
English is each test's control: there every line of three or more words
must be found, so the word list covers our sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# The CLI test's words and, for the import's and voice-check's sentences,
# more that no German, Spanish or French sentence uses ("was" is German,
# "no" and "extra" Spanish, "large" and "file" French: left out or kept as
# the CLI test has them).
ENGLISH_WORDS = frozenset(
    {"the", "your", "and", "with", "for", "then", "you", "this", "is", "are", "of", "to", "it"}
    | {"show", "write", "list", "expected", "got", "required", "following", "usage"}
    | {"line", "field", "known", "unknown", "file", "exit", "help"}
    | {"not", "at", "must", "be", "appears", "twice", "found", "too", "such", "after", "only"}
    | {"has", "its", "does", "needs", "nothing", "imported", "missing", "more", "than"}
    | {"refers", "neither", "nor", "whole", "number", "key", "object", "valid", "values"}
    | {"characters", "samples", "channels", "recording", "folder", "readable", "supported"}
    | {"command", "commands", "heard", "sound", "cannot", "character", "column", "starting"}
    | {"nested", "deeply", "record", "end", "top", "level", "invalid", "answered", "or"}
)

# Not sentences: paths, JSON paths, quoted values, file names.
_ALWAYS_KEPT = (
    r"\S*[/\\]\S*",  # a path (and RIFF/WAVE)
    r"'[^']*'|\"[^\"]*\"",  # a quoted value, or what the recognizer heard
    r"[\w.]*\[\d+\][\w.\[\]]*",  # checkins[3].leg
    r"\b\w+(?:\.\w+)+\b",  # routine.items, file names
    # a record's uuid: its hex letters once read as English ("91be": "be")
    r"\b[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}\b",
    # json's own words, which may stay English (the system's are translated:
    # core/os_reasons.py)
    r"Expecting [^:()]*|Unterminated string starting at|Invalid control character at"
    r"|invalid (?:start|continuation) byte|unexpected end of data",
)


def kept_pattern(words: Iterable[str] = ()) -> re.Pattern[str]:
    """What is taken out before looking: ``words`` (the file's own words, the
    voice commands) as whole words, and what is always kept."""
    named = [re.escape(w) for w in sorted(words, key=len, reverse=True)]
    parts = [*_ALWAYS_KEPT, *(rf"\b{w}\b" for w in named)]
    return re.compile("|".join(parts))


def sentence_lines(text: str, kept: re.Pattern[str]) -> list[tuple[str, list[str]]]:
    """Each line with its words once the kept parts are out."""
    return [(line, re.findall(r"[A-Za-zÀ-ÿ']+", kept.sub(" ", line))) for line in text.splitlines()]


def english_lines(text: str, kept: re.Pattern[str]) -> list[str]:
    """Lines of three or more words that use an English function word."""
    return [
        line
        for line, words in sentence_lines(text, kept)
        if len(words) >= 3 and any(w.lower() in ENGLISH_WORDS for w in words)
    ]


def unfound_english(text: str, kept: re.Pattern[str]) -> list[str]:
    """For the English control: lines of three or more words the search misses."""
    return [
        line
        for line, words in sentence_lines(text, kept)
        if len(words) >= 3 and not any(w.lower() in ENGLISH_WORDS for w in words)
    ]
