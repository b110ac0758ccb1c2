"""`stretchguide voice-check FILE.wav...`: the app's recognizer on recordings.

The same endpointer, model and whole-utterance rule the session uses, fed
the file in 100 ms blocks as a microphone would. Prints, per file, every
command heard with its time. No Qt.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from stretchguide.core.catalog import printable
from stretchguide.core.i18n import _, format_number, ngettext
from stretchguide.paths import AppPaths


def shown(text: str) -> str:
    """``text`` (a file name in it) safe for one line of a terminal: a newline
    or an escape code in a file's name would start a line of its own or
    recolour the screen."""
    return printable(text.replace("\n", "\\n"))


def register(sub: Any) -> None:
    check = sub.add_parser(
        "voice-check",
        help=_("list the voice commands heard in WAV recordings"),
        description=_(
            "Run the voice-command recognizer on WAV recordings (PCM, floating point, "
            "mu-law or A-law, any rate, any number of channels) and print, per file, the "
            "commands heard with their times. "
            "Record your own room to see what the app would hear there."
        ),
    )
    check.add_argument("files", metavar="FILE", nargs="+", help=_("WAV recordings to listen to"))
    check.add_argument(
        "--all", action="store_true", help=_("also list what was heard that is not a command")
    )
    check.set_defaults(func=run_voice_check)


def run_voice_check(args: argparse.Namespace, paths: AppPaths) -> int:
    from stretchguide.voice.acoustics import all_zero
    from stretchguide.voice.recognizer import (
        AudioFileError,
        Recognizer,
        VoiceUnavailableError,
        read_recording,
        recognise,
    )

    try:
        recognizer = Recognizer()
    except VoiceUnavailableError as exc:
        print(f"stretchguide: {exc.user_message}", file=sys.stderr)
        return 2
    status = 0
    for name in args.files:
        path = Path(name)
        try:
            recording = read_recording(path)
        except AudioFileError as exc:
            print(f"stretchguide: {shown(exc.user_message)}", file=sys.stderr)
            status = 1
            continue
        recognizer.reset()
        heard = recognise(recognizer, recording.pcm)
        count = ngettext("{n} command", "{n} commands", len(heard)).format(n=len(heard))
        print(f"{shown(str(path))}: {count}")
        if all_zero(recording.pcm):
            # What a muted microphone records: say so rather than leave a
            # bare "0 commands" to puzzle over.
            print("  " + _("no sound at all in this recording: was the microphone muted?"))
        elif recording.telephone_band:
            # A telephone, a dictation recorder or a Bluetooth headset's
            # call mode: the misses are the recording's, not the room's.
            print(
                "  "
                + _(
                    "recorded at {rate} Hz, a telephone's sound: the recognizer is made for "
                    "16000 Hz and misses more commands in it"
                ).format(rate=recording.rate)
            )
        # The command words stay English: they are what the person says.
        for h in heard:
            known = _("(known at {seconds} s)").format(seconds=_seconds(h.decided_s))
            # The language model's words, and who found the command where it
            # heard none or another ("keep" as skip).
            by = f"  {_('(found by the second ear)')}" if h.second_ear else ""
            print(f'  {_span(h.start_s, h.end_s)}  {h.command.value:<7} "{h.text}"{by}  {known}')
        if args.all:
            for u in recognizer.utterances:
                if u.command is None:
                    # Words that are a command, yet none: say who thought otherwise.
                    why = _("(dropped by the second ear)") if u.dropped else _("(not a command)")
                    print(f'  {_span(u.start_s, u.end_s)}  {why} "{u.text}"')
    return status


def _seconds(value: float) -> str:
    """Seconds with two decimals and the language's decimal mark ("1,25" in de/es/fr)."""
    return format_number(value, 2)


def _span(start: float, end: float) -> str:
    """Where an utterance lies in the recording, right-aligned so the lines line up."""
    return f"{_seconds(start):>7}-{_seconds(end)} s"
