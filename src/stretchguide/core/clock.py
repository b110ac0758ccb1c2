"""The clock a session runs on.

The engine (``core/session.py``) needs a clock that never steps with the
wall clock and that *does* count the time the computer was suspended, so a
laptop closed mid-hold shows up as a gap between two ticks and the session
pauses itself (``Session.stall_threshold_s``) instead of counting on.

``time.monotonic`` is ``CLOCK_MONOTONIC`` on Linux, which stops while the
computer is suspended (clock_gettime(2)): after an hour asleep the hold just
carried on, with no pause and no word. ``CLOCK_BOOTTIME`` is the same clock
plus the time suspended. Elsewhere ``time.monotonic`` is kept; whether it
counts sleep there was not checked on those systems here.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable


def session_clock() -> Callable[[], float]:
    """Seconds on a clock that counts time suspended, where there is one."""
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    if boottime is not None:
        try:
            time.clock_gettime(boottime)
        except OSError:  # a kernel or sandbox without it
            pass
        else:
            return functools.partial(time.clock_gettime, boottime)
    return time.monotonic
