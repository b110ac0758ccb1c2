"""Rules that compare times read from the wall clock, written so that a
clock which was wrong, or was put right, cannot silence a safety rule.

A computer's clock can be ahead and then corrected (by hand, or by the
network time service), so a stored time can lie after "now", and a record
made later can carry an earlier time than one made before it. The rules
here are used wherever such a comparison is made:

* **Order of making.** The history gives each new record a row id one
  above the last, so between records StretchGuide wrote itself, the higher
  id was made later whatever the clock said. Comparisons that ask "the one
  before" use it (:func:`made_last`).
* **An answer "in the future" is due again.** A time since something was
  last done that comes out below zero means the clock went back: the
  question is asked again (:func:`elapsed_due`, :func:`red_flags_due`), and
  a plan dated after today starts today (``core/plan/state.py``).
* **The next morning is a morning after a rest**, not the first minutes
  after midnight (:func:`next_morning`).

Pure functions, no Qt; ``core/nerve_signs.py``, ``qt/session_flow.py``,
``qt/session_rules.py`` and ``qt/tray.py`` apply them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, time
from typing import Final, TypeVar

R = TypeVar("R")

# For a record being made now: every stored record was made before it.
LIVE: Final = 2**62

# StretchGuide's own numbers for "the next morning" (docs/CLINICAL.md,
# section 3): the articles give none. At least six hours after the session
# ended, so a night's rest can come between; and from five in the morning,
# local time, so a check-in just after midnight is not taken for the
# morning's. A session at 23:30 is followed up from 05:30 at the earliest.
MORNING_FROM: Final = time(5, 0)
MORNING_REST_S: Final = 6 * 3600


def made_last(
    records: Iterable[R],
    at: int,
    *,
    stamp: Callable[[R], int],
    ident: Callable[[R], int],
    made_before_id: int = 0,
) -> R | None:
    """The record made last before the one being judged, which happened at ``at``.

    The newest record stamped at or before ``at`` (by time, then id), unless
    a record stamped *after* ``at`` was made before the one being judged and
    after that newest one: then the clock has gone back since it was made,
    and it is the one made last. "Made before" means an id below
    ``made_before_id``: pass :data:`LIVE` for a record being made now (all
    stored ones came before it), the judged record's own id for a stored
    one, or 0 when that order is not known (the time alone decides).

    Records stamped at or before ``at`` count whatever their id, as before:
    an import adds old records with new ids, and they must still be found
    by their time.
    """
    items = list(records)
    by_time = max(
        (r for r in items if stamp(r) <= at), key=lambda r: (stamp(r), ident(r)), default=None
    )
    ahead = [r for r in items if stamp(r) > at and ident(r) < made_before_id]
    if by_time is not None:
        ahead.append(by_time)
    return max(ahead, key=ident, default=None)


def elapsed_due(last: float, now: float, interval_s: float) -> bool:
    """Whether something last done at ``last`` is due again at ``now``.

    Never done (``last`` 0 or less) is due; so is a ``last`` after ``now``:
    it was stamped while the clock was ahead, and waiting for the clock to
    catch up would skip the question for as long as the clock had been
    wrong.
    """
    if last <= 0:
        return True
    elapsed = now - last
    return elapsed < 0 or elapsed >= interval_s


def red_flags_due(last: float, now: float, interval_days: int) -> bool:
    """Whether the red-flag questions are due: never answered, ``interval_days``
    since the last answers, or last answered "in the future"."""
    return elapsed_due(last, now, interval_days * 86400)


def next_morning(session_end: float, now: float) -> bool:
    """Whether ``now`` may count as the morning after a session that ended
    at ``session_end`` (local time): from :data:`MORNING_FROM` on, and at least
    :data:`MORNING_REST_S` after the session. Which day is checked by the
    caller (the session of yesterday)."""
    local = datetime.fromtimestamp(now)
    return local.time() >= MORNING_FROM and now - session_end >= MORNING_REST_S
