"""The settings file, checked before Qt reads it.

QSettings reads settings.ini when it is made, and again at a save if the
file changed on disk since it last read it (``sync()``, and the save Qt
posts itself after every ``setValue``). Two kinds of file written by
someone else must cost a person neither the app nor their settings:

* a ``@Variant(...)`` value, which Qt builds as a Qt object: one (a
  QPalette) crashed the app at every start, and, written while the app ran,
  at its next save (``set_aside_foreign_values``);
* a file Qt cannot parse (random bytes, a copy half written by a sync tool):
  Qt reads every setting as its default and its next save writes over the
  file (``set_aside_unreadable``).

Either way the file is renamed (``settings.ini.damaged-<stamp>``), never
overwritten, and ``Preferences`` says so in the status bar. This module
holds the file work; ``qt/preferences.py`` decides when it runs.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, QSettings

if TYPE_CHECKING:
    from stretchguide.core.messages import Message

# What was set aside and why: FOREIGN_VALUE (the lines with a Qt object
# went, the rest stayed), UNREADABLE (at start: what Qt could read of it
# stayed), RESTORED (while running: the settings from before the change were
# put back).
FOREIGN_VALUE = "value"
UNREADABLE = "unreadable"
RESTORED = "restored"
NOT_A_FILE = "not_a_file"  # a folder, pipe or device (or a link to one): moved aside
# Not set aside: the file (or its folder) is read-only and a save failed;
# ``SetAside.path`` is then the settings file itself.
NOT_SAVED = "not_saved"

# StretchGuide's own keys are ASCII names ("audio/volume"). Of a file Qt
# could not parse, only such keys are kept: random bytes parse into keys too.
_OWN_KEY = re.compile(r"[A-Za-z0-9_]+(/[A-Za-z0-9_]+)*")
_check_names = itertools.count()


class SetAside(NamedTuple):
    path: Path  # where the file, as it was, now is
    kind: str  # FOREIGN_VALUE, UNREADABLE, RESTORED, NOT_A_FILE or NOT_SAVED
    # For a file Qt could not parse that is not UTF-8: what it looks like
    # instead (core.text_encoding's sentence, as every reader says it).
    not_utf8: Message | None = None


def set_aside_odd_entry(path: Path, now: float, last_good: bytes | None = None) -> Path | None:
    """Move aside whatever stands at ``path`` if it is not a plain file (a
    folder, a named pipe, a device, or a link to one), and put an empty
    private file in its place (``last_good`` in it, when the app has read the
    file before). Returns where it went, or None.

    Reading a named pipe there waited for ever (the app never opened) and a
    link to /dev/zero read without end. A link to a plain file is left as
    it is (settings kept with one's other dotfiles), and so is a dangling
    one: Qt writes the file where it points. Renaming the entry touches
    neither a link's target nor a pipe's reader, so nothing is lost.
    """
    import stat

    try:
        st = os.stat(path)
    except OSError:
        return None
    if stat.S_ISREG(st.st_mode):
        return None
    from stretchguide.store.files import create_private_file, move_aside

    try:
        aside, _moved = move_aside(path, "unusable", now)
        create_private_file(path)
        if last_good:
            path.write_bytes(last_good)
    except OSError:
        return None
    return aside


def set_aside_foreign_values(path: Path, now: float) -> Path | None:
    """Move a settings file aside if it holds a value QSettings would have
    to build as a Qt object (``@Variant(...)``); keep the rest.

    StretchGuide writes only strings, numbers and the window's geometry
    (``@ByteArray``). A ``@Variant`` value comes from elsewhere. The file is
    renamed, never overwritten, and a copy without those lines takes its
    place. Returns the file set aside, or None when there was nothing to do.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if b"@Variant(" not in data:
        return None
    kept = b"\n".join(
        line for line in data.split(b"\n") if b"@Variant(" not in line.partition(b"=")[2]
    )
    return _replace(path, now, kept)


def set_aside_unreadable(path: Path, now: float, last_good: bytes | None) -> SetAside | None:
    """Move the file aside if QSettings cannot parse it (call it with no
    ``@Variant`` value left in the file: parsing one can crash).

    In its place goes ``last_good`` (the file as this process last read or
    wrote it: the settings from before the change), or, when there is none
    (at start), the settings Qt could read from it. None: nothing to do.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return None  # gone, or not ours to read: Qt reads nothing and writes nothing
    salvage = _unparsable(data, path)
    if salvage is None:
        return None
    kept, kind = (last_good, RESTORED) if last_good is not None else (salvage, UNREADABLE)
    aside = _replace(path, now, kept)
    # Here, not at the top: the guard is made before the first paint, and
    # only a file it sets aside needs the words for its encoding.
    from stretchguide.core.text_encoding import check_utf8, with_line

    why = check_utf8(data)
    return None if aside is None else SetAside(aside, kind, None if why is None else with_line(why))


def _unparsable(data: bytes, path: Path) -> bytes | None:
    """None if QSettings reads ``data`` without a format error; else the
    file Qt would make of what it could read (own keys only).

    Qt itself is the judge, on a private copy beside the file: a rule of our
    own would drift from its parser (which refuses a ``#`` comment, for one).
    """
    copy = path.with_name(f".{path.name}.check-{os.getpid()}-{next(_check_names)}")
    try:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(copy)  # left by a process that died mid-check
        # Private and new (never through a planted link), as the store makes
        # its files; the store itself loads only after the first paint.
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        with os.fdopen(os.open(copy, flags, 0o600), "wb") as out:
            out.write(data)
        parsed = QSettings(str(copy), QSettings.Format.IniFormat)
        keys = parsed.allKeys()  # parses every section: a bad line in any shows
        if parsed.status() != QSettings.Status.FormatError:
            return None
        for key in keys:
            if not _OWN_KEY.fullmatch(key):
                parsed.remove(key)
        parsed.sync()  # Qt writes what is left, in its own format
        del parsed
        return copy.read_bytes()
    except OSError:
        return None  # no room for the copy: leave the file to Qt, as before
    finally:
        with contextlib.suppress(OSError):
            os.unlink(copy)


def _replace(path: Path, now: float, kept: bytes) -> Path | None:
    from stretchguide.store.files import create_private_file, move_aside

    try:
        aside, _moved = move_aside(path, "damaged", now)
        create_private_file(path)
        path.write_bytes(kept)
    except OSError:
        return None
    return aside


def set_aside_message(aside: SetAside) -> str:
    """The status bar's sentence for a settings file set aside (or not saved)."""
    if aside.kind == NOT_SAVED:
        text = QCoreApplication.translate(
            "Preferences",
            "Your settings cannot be saved: StretchGuide is not allowed to write to %1. "
            "Changes you make now apply until you close StretchGuide, but are not kept.",
        )
    elif aside.kind == NOT_A_FILE:
        text = QCoreApplication.translate(
            "Preferences",
            "Your settings file was not a plain file (perhaps a folder or a pipe). It was "
            "moved aside as %1; your settings start again from their defaults.",
        )
    elif aside.kind == FOREIGN_VALUE:
        text = QCoreApplication.translate(
            "Preferences",
            "Your settings file had a value StretchGuide cannot read. The file was "
            "kept as %1; your other settings are kept.",
        )
    elif aside.kind == RESTORED:
        text = QCoreApplication.translate(
            "Preferences",
            "Another program changed your settings file, and StretchGuide cannot read "
            "it now. That file was kept as %1; your settings are as they were before.",
        )
    else:
        text = QCoreApplication.translate(
            "Preferences",
            "Your settings file could not be read. It was kept as %1; settings that "
            "could not be read from it are back to their defaults.",
        )
    text = text.replace("%1", str(aside.path))
    if aside.not_utf8 is not None:
        # Qt reads the file as UTF-8 only; "could not be read" alone left a
        # person who saved it as "Unicode" in Notepad guessing why.
        why = QCoreApplication.translate("Preferences", "What is wrong with it: %1.")
        text += " " + why.replace("%1", aside.not_utf8.translated())
    return text
