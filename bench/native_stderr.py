"""What native code (Qt, libpulse) writes to stderr, kept for the bench to count.

Qt's PulseAudio path can warn millions of times a run (ARCHITECTURE.md,
"Never let two cue sounds sound together"); a bench shows a count instead.
Not a bench itself: `make bench` runs ``bench_*.py`` only.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator


@contextlib.contextmanager
def native_stderr() -> Iterator[list[str]]:
    """File descriptor 2 goes to a temporary file inside the block; the list
    it yields holds that file's text once the block has ended."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(2)
    said: list[str] = []
    with tempfile.TemporaryFile() as kept:
        os.dup2(kept.fileno(), 2)
        try:
            yield said
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            kept.seek(0)
            said.append(kept.read().decode(errors="replace"))
