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
from stretchguide.core.i18n import _, ngettext
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
    check.add_argument("files", metavar="FILE", nargs="+")
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
        print(f"stretchguide: {exc}", file=sys.stderr)
        return 2
    status = 0
    for name in args.files:
        path = Path(name)
        try:
            recording = read_recording(path)
        except AudioFileError as exc:
            print(f"stretchguide: {shown(str(exc))}", file=sys.stderr)
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
        for h in heard:
            print(
                f"  {h.start_s:7.2f}-{h.end_s:.2f} s  {h.command.value:<7} "
                f'"{h.text}"  ' + _("(known at {seconds} s)").format(seconds=f"{h.decided_s:.2f}")
            )
        if args.all:
            for u in recognizer.utterances:
                if u.command is None:
                    print(
                        f"  {u.start_s:7.2f}-{u.end_s:.2f} s  "
                        + _("(not a command)")
                        + f' "{u.text}"'
                    )
    return status
