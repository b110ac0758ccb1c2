"""Write a small text file so that a crash leaves the old file or the new
one, never half of either (a temporary file beside it, flushed to the disk,
then renamed over it). Standard library only."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_text_atomically(path: Path, text: str, prefix: str = ".tmp-") -> None:
    """Replace ``path`` with ``text`` (UTF-8) in one step; its folder must exist.

    The temporary file is made by ``mkstemp`` (O_EXCL, mode 0600): nothing
    planted at its name is written through."""
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
