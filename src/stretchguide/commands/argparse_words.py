"""argparse's own words ("usage:", "options", "error: ... is required") in the CLI's language.

argparse translates through ``gettext`` bound at its import (``argparse._``
and ``argparse.ngettext``, looked up on each call), in the "messages" domain,
from ``.mo`` files on disk. Core compiles its catalogues in memory and has no
``.mo`` to point at, so ``argparse_in_language`` points those two names at
core's catalogue for the time the parser is built and used, and puts them
back afterwards (tests run ``main()`` in one process; pytest uses argparse).

The entries live in core's ``.po`` files under the context ``argparse``, so
translators see where they come from and an entry never collides with one of
ours. Only the words a person can meet are listed: argparse's messages for a
programmer's mistake (a bad ``add_argument``) stay English, as they should.
A word argparse adds later, or one not listed here, shows in English.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

from stretchguide.core.i18n import NP_, pgettext

CONTEXT: Final = "argparse"

# Exactly as argparse writes them (Python 3.11-3.13), placeholders included.
WORDS: Final = (
    NP_("argparse", "usage: "),
    NP_("argparse", "positional arguments"),
    NP_("argparse", "options"),
    NP_("argparse", "show this help message and exit"),
    NP_("argparse", "%(prog)s: error: %(message)s\n"),
    NP_("argparse", "argument %(argument_name)s: %(message)s"),
    NP_("argparse", "the following arguments are required: %s"),
    NP_("argparse", "one of the arguments %s is required"),
    NP_("argparse", "not allowed with argument %s"),
    NP_("argparse", "unrecognized arguments: %s"),
    NP_("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    NP_("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    NP_("argparse", "invalid %(type)s value: %(value)r"),
    NP_("argparse", "expected one argument"),
    NP_("argparse", "expected at most one argument"),
    NP_("argparse", "expected at least one argument"),
    NP_("argparse", "ignored explicit argument %r"),
    NP_("argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
    NP_("argparse", "unexpected option string: %s"),
    NP_("argparse", "can't open '%(filename)s': %(error)s"),
)
# argparse's one plural ("expected 2 arguments"): as a singular/plural pair in
# context, so each language gives both forms without a second plural entry.
_EXPECTED_N: Final = (
    NP_("argparse", "expected %s argument"),
    NP_("argparse", "expected %s arguments"),
)
_KNOWN: Final = frozenset(WORDS) | frozenset(_EXPECTED_N)


def argparse_gettext(message: str) -> str:
    # argparse also passes None (an absent description) and programmer-error
    # texts: those come back unchanged.
    if not isinstance(message, str) or message not in _KNOWN:
        return message
    return pgettext(CONTEXT, message)


def argparse_ngettext(singular: str, plural: str, n: int) -> str:
    if singular == _EXPECTED_N[0]:
        return pgettext(CONTEXT, singular if n == 1 else plural)
    return singular if n == 1 else plural


@contextmanager
def argparse_in_language() -> Iterator[None]:
    """argparse speaks core's chosen language inside the block."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = argparse_gettext  # type: ignore[attr-defined]
    argparse.ngettext = argparse_ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
