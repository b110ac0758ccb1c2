"""An import reads its file twice: once to check every record, once to
write them. The second pass trusts the first, so it must read the same
file: a sync tool or an editor that saves it in between (or while it is
read) gets the import refused, with nothing written.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from stretchguide.core.messages import said
from stretchguide.store.exchange.formats import ImportValidationError


def identity(path: Path) -> tuple[int, ...]:
    st = os.stat(path)
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def unchanged(path: Path, seen: tuple[int, ...]) -> None:
    """Refuse unless ``path`` is still the file the first pass checked: the
    second pass writes what it reads, trusting that check (a file a sync
    tool saved in between put a NULL into the history and raised)."""
    try:
        same = identity(path) == seen
    except OSError:
        same = False
    if not same:
        problem = said("the file changed while it was being imported: try again once it is saved")
        raise ImportValidationError(path, [problem])


@contextlib.contextmanager
def checked_again(path: Path, seen: tuple[int, ...]) -> Iterator[None]:
    """Any failure of the second pass is said as the file having changed,
    when it has; the transaction around it rolls back either way."""
    try:
        yield
    except (ImportValidationError, KeyError, TypeError, sqlite3.IntegrityError):
        unchanged(path, seen)
        raise
