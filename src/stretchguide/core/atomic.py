"""Write a file so that a crash, a full disk or a kill leaves the old file or
the new one, never half of either (a temporary file beside it, flushed to
the disk, then renamed over it). Standard library only.

Every file StretchGuide writes for a person (the sheet and report PDFs, the
chart, the calendar, the exports) and every file of its own (plan.json, a
routine) goes this way, so the rules live here once:

* the whole content is written and ``fsync``-ed before the rename, so an
  error of the disk (full, over quota) is raised, not lost in a buffer that
  a library closed quietly, and the old file stays as it was;
* a target that is a folder, a device or a pipe is refused: renaming over
  ``/dev/null`` as root replaced the device with our file;
* the temporary name stays within the file system's limit on a name, so a
  long (but allowed) name can still be written, and a name over that limit
  is said to be too long rather than the folder being blamed.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

PARTIAL_SUFFIX = ".partial"
_RANDOM_CHARS = 8  # what mkstemp puts between prefix and suffix


class NotAFileError(OSError):
    """The target exists and is a device, a pipe or a socket."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, "not a regular file (a device or a pipe)", str(path))


def name_max(folder: Path) -> int:
    """The longest file name, in bytes, ``folder``'s file system takes."""
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):  # no pathconf on Windows
        return 255


def _shorten(name: str, limit: int) -> str:
    """``name`` cut to at most ``limit`` bytes of UTF-8 (or of the file
    system's encoding), never inside a character."""
    encoded = os.fsencode(name)
    if len(encoded) <= limit:
        return name
    return os.fsdecode(encoded[:limit]).encode("utf-8", "ignore").decode("utf-8", "ignore")


def hidden_prefix(path: Path) -> str:
    """``.<name>.`` for a temporary file beside ``path``, cut so that prefix,
    mkstemp's random part and ``.partial`` fit in one name."""
    room = name_max(path.parent) - 2 - _RANDOM_CHARS - len(PARTIAL_SUFFIX)
    return f".{_shorten(path.name, max(1, room))}."


def check_target(path: Path) -> None:
    """Raise unless ``path`` may be replaced by a new file: it is missing, a
    plain file or a symlink (the link itself is replaced, never followed).

    A name longer than the file system takes raises ``ENAMETOOLONG`` naming
    ``path``; a folder ``IsADirectoryError``; anything else
    :class:`NotAFileError`.
    """
    if len(os.fsencode(path.name)) > name_max(path.parent):
        raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG), str(path))
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode)):
        raise NotAFileError(path)


def write_bytes_atomically(path: Path, data: bytes, prefix: str | None = None) -> None:
    """Replace ``path`` with ``data`` in one step; its folder must exist.

    The temporary file is made by ``mkstemp`` (O_EXCL, mode 0600): nothing
    planted at its name is written through. By default it is hidden and
    named after ``path`` (``.<name>.XXXXXXXX.partial``), so a copy left by a
    power cut says what it was. Raises ``OSError`` naming ``path`` (see
    :func:`check_target`) or the error of the disk; the old file is then
    as it was and no temporary file is left.
    """
    path = Path(path)
    check_target(path)
    if prefix is None:
        fd, tmp = tempfile.mkstemp(
            prefix=hidden_prefix(path), suffix=PARTIAL_SUFFIX, dir=path.parent
        )
    else:
        fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomically(path: Path, text: str, prefix: str | None = ".tmp-") -> None:
    """Replace ``path`` with ``text`` (UTF-8) in one step; its folder must exist.
    See :func:`write_bytes_atomically`."""
    write_bytes_atomically(path, text.encode("utf-8"), prefix)
