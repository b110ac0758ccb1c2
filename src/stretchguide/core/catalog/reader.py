"""Reading files: parse TOML or JSON, validate all or nothing, load the built-in content."""

from __future__ import annotations

import errno
import functools
import json
import os
import re
import stat
import tomllib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Final, TypeVar

from stretchguide.core.catalog.errors import CatalogError, _InvalidError
from stretchguide.core.catalog.fields import (
    _ID_RE,
    EXERCISE_KEYS,
    MAX_ID_LENGTH,
    ROUTINE_KEYS,
    _read_exercise,
    _read_guidance,
    _read_routine,
    _Table,
)
from stretchguide.core.catalog.locate import _find_line
from stretchguide.core.catalog.model import Catalog, Exercise, Routine
from stretchguide.core.i18n import _
from stretchguide.core.os_reasons import os_reason_text
from stretchguide.core.text_encoding import NotUtf8Error, decode_utf8
from stretchguide.plain_files import nested_deeper_than

# ---------------------------------------------------------------------------
# Files: parse, validate, and on error find the line of the offending field
# ---------------------------------------------------------------------------

_TOML_LINE_RE: Final = re.compile(r"at line (\d+)")


MAX_FILE_BYTES: Final = 1024 * 1024  # a routine is a few KB; 1 MB is plenty
MAX_DEPTH: Final = 16  # the deepest real shape (items -> dose) is 3 levels


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKeyError(key)
        out[key] = value
    return out


class _DuplicateKeyError(ValueError):
    pass


def _parse(name: Path, text: str) -> object:
    suffix = name.suffix.lower()
    if suffix in (".toml", ".json") and nested_deeper_than(text, MAX_DEPTH):
        raise CatalogError(
            name, "(file)", _("at most {count} levels of nesting").format(count=MAX_DEPTH)
        )
    try:
        return _parse_text(name, suffix, text)
    except CatalogError:
        raise
    except (RecursionError, OverflowError) as err:
        raise CatalogError(name, "(file)", _("a routine file"), got=str(err)) from None
    except _DuplicateKeyError as err:
        raise CatalogError(
            name,
            "(syntax)",
            _("valid JSON with each key once"),
            got=_("{key} appears twice").format(key=err),
        ) from None
    except ValueError as err:  # e.g. an integer of more than 4300 digits
        if isinstance(err, (json.JSONDecodeError, tomllib.TOMLDecodeError)):
            raise
        # Python's own words name a setting no person can use: said plainly.
        raise CatalogError(
            name,
            "(file)",
            _("numbers of sensible size"),
            got=_("a number thousands of digits long"),
        ) from None


def _parse_text(name: Path, suffix: str, text: str) -> object:
    if suffix == ".toml":
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            found = _TOML_LINE_RE.search(str(err))
            detail = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(err))
            raise CatalogError(
                name,
                "(syntax)",
                _("valid TOML"),
                line=int(found.group(1)) if found else None,
                got=detail,
            ) from None
    if suffix == ".json":
        try:
            return json.loads(text, object_pairs_hook=_unique_keys)
        except json.JSONDecodeError as err:
            raise CatalogError(
                name, "(syntax)", _("valid JSON"), line=err.lineno, got=err.msg
            ) from None
    raise CatalogError(
        name, "(file name)", _("a .toml or .json file"), got=name.suffix or _("no suffix")
    )


_T = TypeVar("_T")


def _validated(name: Path, text: str, read: Callable[[object], _T]) -> _T:
    data = _parse(name, text)
    try:
        return read(data)
    except _InvalidError as err:
        line = _find_line(text, name.suffix.lower(), err.field)
        raise CatalogError(name, err.field, err.expected, line=line, got=err.got) from None
    except CatalogError:
        raise
    except (RecursionError, OverflowError, ValueError, TypeError) as err:
        raise CatalogError(name, "(file)", _("a routine file"), got=str(err)) from None


def _read_text(path: Path) -> str:
    """The file's text, refusing before reading anything that is not a regular
    file (a FIFO would hang, /dev/zero never ends) or is over MAX_FILE_BYTES."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as err:
        raise CatalogError(path, "(file)", _("a readable file"), got=os_reason_text(err)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise CatalogError(
                path, "(file)", _("a regular file"), got=_("a pipe, device or folder")
            )
        if info.st_size > MAX_FILE_BYTES:
            raise CatalogError(
                path,
                "(file)",
                _("a file of at most 1 MB"),
                got=_("{count} bytes").format(count=f"{info.st_size:,}"),
            )
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        raise CatalogError(path, "(file)", _("a readable file"), got=os_reason_text(err)) from None
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise CatalogError(path, "(file)", _("a file of at most 1 MB"), got=_("more"))
    try:
        return decode_utf8(data)
    except NotUtf8Error as err:
        # The line goes in the error's own field, so the notice says it once.
        raise CatalogError(
            path, "(file)", _("UTF-8 text"), line=err.line, got=err.message.translated()
        ) from None


def _routine_reader(
    exercises: Mapping[str, Exercise], *, builtin: bool, default_id: str | None
) -> Callable[[object], Routine]:
    def read(data: object) -> Routine:
        return _read_routine(
            _Table(data, "", ROUTINE_KEYS), exercises, builtin=builtin, default_id=default_id
        )

    return read


def _default_id(path: Path) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", path.stem.lower()).strip("_")
    return slug if _ID_RE.fullmatch(slug) else f"routine_{slug}".rstrip("_")[:MAX_ID_LENGTH]


def parse_routine_text(text: str, name: str | Path, exercises: Mapping[str, Exercise]) -> Routine:
    """Validate routine ``text``; ``name``'s suffix (.toml / .json) picks the format.

    For the routine editor, which validates before it saves.
    """
    path = Path(name)
    reader = _routine_reader(exercises, builtin=False, default_id=_default_id(path))
    return _validated(path, text, reader)


def load_routine_file(
    path: str | Path,
    exercises: Mapping[str, Exercise],
    taken_ids: Iterable[str] = (),
) -> Routine:
    """Load one person's routine file (TOML or JSON); raise CatalogError on any error.

    ``taken_ids`` are ids the file may not use (check-routine passes the
    built-in routines' ids: the app would skip such a file).
    """
    path = Path(path)
    text = _read_text(path)
    routine = parse_routine_text(text, path, exercises)
    if routine.id in set(taken_ids):
        line = _find_line(text, path.suffix.lower(), "id") if "id" in text else None
        raise CatalogError(
            path, "id", _("an id not already used by a built-in routine"), line=line, got=routine.id
        )
    return routine


def routine_paths(folder: Path) -> list[Path]:
    """The files in ``folder`` read as routines, in the order they are read
    (the first file holding an id keeps it). ``OSError`` if it cannot be listed.

    Hidden files are not routines: a save cut short by a power cut left
    ``.edit-XXXX.toml``, which sorted first and took its routine's id from
    the real file, and a Mac leaves ``._name.toml`` beside each file it copies."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in (".toml", ".json") and not p.name.startswith(".")
    )


def load_user_routines(
    folder: str | Path,
    exercises: Mapping[str, Exercise],
    taken_ids: Iterable[str] = (),
) -> tuple[list[Routine], list[CatalogError]]:
    """Every ``*.toml`` / ``*.json`` routine in ``folder``, and one error per bad file.

    A bad file is skipped whole; the good ones still load. ``taken_ids`` (the
    built-in routine ids) and earlier files' ids cannot be reused, because the
    history records sessions by routine id.
    """
    folder = Path(folder)
    try:
        if not folder.is_dir():
            if not os.path.lexists(folder):
                return [], []  # no folder yet: nothing of their own saved
            # A file, or a link to nothing (a removed USB stick), where the
            # folder should be: said, not taken for "no routines of your own".
            missing = folder.is_symlink() and not folder.exists()
            raise OSError(errno.ENOENT if missing else errno.ENOTDIR, "", str(folder))
        files = routine_paths(folder)
    except OSError as exc:
        # A folder that cannot be read (mode 000, another user's) is one
        # notice naming it; the built-in routines still load (it was a
        # PermissionError out of `stretchguide routines` and `sheet`).
        got = os_reason_text(exc)
        return [], [CatalogError(folder, "(folder)", _("a folder StretchGuide may read"), got=got)]
    used = dict.fromkeys(taken_ids, "a built-in routine")
    routines: list[Routine] = []
    errors: list[CatalogError] = []
    for path in files:
        if path.is_dir():
            continue
        try:
            # A FIFO or device is refused by _read_text with a notice, not read.
            routine = load_routine_file(path, exercises)
        except CatalogError as err:
            errors.append(err)
            continue
        except Exception as err:  # noqa: BLE001 - one bad file must never hide the rest
            errors.append(CatalogError(path, "(file)", _("a routine file"), got=type(err).__name__))
            continue
        if routine.id in used:
            try:
                text = _read_text(path)
            except CatalogError:
                text = ""
            line = _find_line(text, path.suffix.lower(), "id")
            errors.append(
                CatalogError(
                    path,
                    "id",
                    _("an id not already used by {file}").format(file=used[routine.id]),
                    line=line if "id" in text else None,
                    got=routine.id,
                )
            )
            continue
        used[routine.id] = path.name
        routines.append(routine)
    return routines, errors


# ---------------------------------------------------------------------------
# Built-in content
# ---------------------------------------------------------------------------

CONTENT_PACKAGE: Final = "stretchguide.content"


def _content_dir() -> Path:
    # The content ships as plain files inside the package (wheel and bundle alike).
    from importlib import resources

    return Path(str(resources.files(CONTENT_PACKAGE)))


def load_catalog_dir(folder: Path) -> Catalog:
    """Load exercises.toml, guidance.toml and routines/*.toml from ``folder``."""
    exercises_file = folder / "exercises.toml"
    exercises = _validated(exercises_file, _read_text(exercises_file), _read_exercises)
    guidance_file = folder / "guidance.toml"
    guidance = _validated(
        guidance_file,
        _read_text(guidance_file),
        lambda data: _read_guidance(
            _Table(data, "", frozenset({"ice", "advice", "seek_help_after_days"}))
        ),
    )
    routines: dict[str, Routine] = {}
    for path in sorted((folder / "routines").glob("*.toml")):
        reader = _routine_reader(exercises, builtin=True, default_id=None)
        routine = _validated(path, _read_text(path), reader)
        if routine.id in routines:
            raise CatalogError(path, "id", _("an id used by one routine only"), got=routine.id)
        routines[routine.id] = routine
    return Catalog(exercises=exercises, routines=routines, guidance=guidance)


def _read_exercises(data: object) -> dict[str, Exercise]:
    top = _Table(data, "", frozenset({"exercise"}))
    result: dict[str, Exercise] = {}
    for table in top.tables("exercise", EXERCISE_KEYS, max_items=200):
        exercise = _read_exercise(table)
        if exercise.id in result:
            raise _InvalidError(table.path("id"), _("an id used by one exercise only"), exercise.id)
        result[exercise.id] = exercise
    return result


@functools.cache
def load_builtin() -> Catalog:
    """The exercises, routines and guidance that ship with the app (parsed once)."""
    return load_catalog_dir(_content_dir())
