"""The person's routine files: save, delete, and never lose another's version.

A routine file can change while the app runs: a physiotherapist's new
version copied over it, a sync tool, a second editor. The app keeps the
version it loaded; writing the editor's result over the file, or deleting
it, would silently destroy a version the person never saw. So every change
names the version it replaces (``known``), and a file that no longer holds
that version is left alone: an edit is saved as a new routine beside it, a
delete is refused, and the caller shows the file's version. No Qt here.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from stretchguide.core.atomic import write_text_atomically
from stretchguide.core.catalog import (
    CatalogError,
    Exercise,
    Routine,
    dump_routine_json,
    dump_routine_toml,
    load_routine_file,
    parse_routine_text,
    routine_paths,
)


class RoutineChangedError(Exception):
    """The file holding a routine is no longer the version the app loaded.

    ``on_disk`` is what the file holds now."""

    def __init__(self, path: Path, on_disk: Routine) -> None:
        super().__init__(f"{path} was changed by another program")
        self.path = path
        self.on_disk = on_disk


class RoutineLinkError(OSError):
    """A routine's file is a symbolic link the app will not write through.

    ``target`` is where the link leads (None when it leads nowhere: dangling
    or a loop); ``missing`` says which of the two refusals it is."""

    def __init__(self, path: Path, target: Path | None) -> None:
        super().__init__(f"{path}: a link to {target or 'nothing'}, not written through")
        self.path = path
        self.target = target
        self.missing = target is None


def write_target(path: Path) -> Path:
    """Where saving the routine file ``path`` writes: ``path`` itself, or,
    when it is a symbolic link (a routine kept in a synced folder and linked
    here), the file the link leads to, so the link stays a link.

    The link is followed only to a regular file the person owns: the person
    made the link and asked for the save, but the app does not write into a
    file another account owns, nor make one where a dangling link points.
    ``RoutineLinkError`` otherwise; nothing is written.
    """
    if not path.is_symlink():
        return path
    try:
        real = Path(os.path.realpath(path, strict=True))
        info = os.stat(real)
    except (OSError, RuntimeError):  # nothing there, or a loop of links
        raise RoutineLinkError(path, None) from None
    getuid = getattr(os, "getuid", None)  # no owners to compare on Windows
    if not stat.S_ISREG(info.st_mode) or (getuid is not None and info.st_uid != getuid()):
        raise RoutineLinkError(path, real)
    return real


def slugify(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    return slug[:48] or "my_routine"


def free_id(base: str, taken: Iterable[str]) -> str:
    taken = set(taken)
    if base not in taken:
        return base
    n = 2
    while f"{base}_{n}" in taken:
        n += 1
    return f"{base}_{n}"


# What joins or styles emoji without a picture of its own: a font without a
# joined emoji shows its parts side by side, so "🧘‍♀️" and "🧘♀" can look the
# same, and are the same name here.
_EMOJI_GLUE = dict.fromkeys(map(ord, "\u200d\ufe0f\ufe0e"))


def _name_key(name: str) -> str:
    return " ".join(name.translate(_EMOJI_GLUE).split()).casefold()


def name_taken(name: str, others: Iterable[str]) -> bool:
    """True if another routine already has this name (case, spacing and the
    joiners inside emoji ignored)."""
    key = _name_key(name)
    return any(_name_key(o) == key for o in others)


def validate(routine: Routine, exercises: Mapping[str, Exercise]) -> CatalogError | None:
    """The first problem the loader would find in ``routine``, or None."""
    if not routine.name.strip():
        return CatalogError(None, "name", "a name for the routine")
    try:
        parse_routine_text(dump_routine_toml(routine), f"{routine.id}.toml", exercises)
    except CatalogError as err:
        return err
    return None


def _on_disk(folder: Path, exercises: Mapping[str, Exercise]) -> dict[str, tuple[Path, Routine]]:
    """Routine id -> the file holding it and what it holds, read once, for
    every file in ``folder`` that loads."""
    found: dict[str, tuple[Path, Routine]] = {}
    try:
        # The files the app lists, not only *.toml: a routine kept as .json
        # or .TOML was not found, so its edit went to a new file that the
        # next start refused (its id was taken) and delete did nothing.
        paths = routine_paths(folder)
    except OSError:
        return found
    for path in paths:
        if path.is_dir():
            continue
        try:
            routine = load_routine_file(path, exercises)
        except CatalogError:
            continue
        found.setdefault(routine.id, (path, routine))
    return found


def routine_file(routine_id: str, folder: Path, exercises: Mapping[str, Exercise]) -> Path | None:
    """The file in ``folder`` that holds the routine ``routine_id``, if any."""
    held = _on_disk(folder, exercises).get(routine_id)
    return held[0] if held is not None else None


def _free_name(name: str, held: Mapping[str, tuple[Path, Routine]]) -> str:
    """``name``, or "name (2)", "(3)"... if a routine file already has it."""
    names = [routine.name for _path, routine in held.values()]
    n, free = 2, name
    while name_taken(free, names):
        free = f"{name} ({n})"
        n += 1
    return free


def delete_routine(known: Routine, folder: Path, exercises: Mapping[str, Exercise]) -> bool:
    """Remove the file holding ``known``; False if no file holds its id.

    RoutineChangedError if the file holds another version of it now."""
    held = _on_disk(folder, exercises).get(known.id)
    if held is None:
        return False
    path, on_disk = held
    if on_disk != known:
        raise RoutineChangedError(path, on_disk)
    # A link goes, never the file it leads to: that file lives where the
    # person keeps it (a synced folder), and the app only lists it.
    path.unlink()
    return True


def save_routine(
    routine: Routine,
    folder: Path,
    exercises: Mapping[str, Exercise],
    known: Routine | None = None,
) -> Path:
    """Write ``routine`` atomically and read it back; the file written.

    ``known`` is the version the edit started from: the file holding its id
    is replaced only while it still holds that version. Otherwise (a new
    routine, or a file changed by another program) nothing is replaced: the
    routine is written to a new file under an id no file holds (so the
    returned file's routine may have another id than ``routine``).
    CatalogError if ``routine`` is invalid.
    """
    err = validate(routine, exercises)
    if err is not None:
        raise err
    folder.mkdir(parents=True, exist_ok=True)
    held = _on_disk(folder, exercises)
    holder = held.get(routine.id)
    if holder is not None and known is not None and holder[1] == known:
        target = holder[0]
    else:
        if holder is not None:  # new, or its file changed: leave that file as it is
            routine = replace(routine, id=free_id(routine.id, held))
            routine = replace(routine, name=_free_name(routine.name, held))
        target = folder / f"{routine.id}.toml"
        n = 2
        # lexists: a link of that name that leads nowhere is left alone too
        # (its file may be on a synced drive not mounted now).
        while os.path.lexists(target):  # a file of that name holding something else
            target = folder / f"{routine.id}_{n}.toml"
            n += 1
    json_file = target.suffix.lower() == ".json"
    text = dump_routine_json(routine) if json_file else dump_routine_toml(routine)
    real = write_target(target)
    mode = stat.S_IMODE(os.stat(real).st_mode) if real != target else None
    # The default temporary name (".<name>.XXXX.partial") is no routine file.
    # Beside the real file, so the rename stays on its file system and the
    # link in the routines folder is left as the person made it.
    write_text_atomically(real, text, prefix=None)
    if mode is not None:
        with contextlib.suppress(OSError):  # the file's own mode, not mkstemp's 0600
            os.chmod(real, mode)
    load_routine_file(target, exercises)
    return target
