"""Sentences read twice: in English in a log, in the person's language on screen.

The store's and the voice layer's errors keep ``str()`` English (for logs and
bug reports) and give the person ``user_message`` in their language. A
sentence that names a field, a line or a file is built where the problem is
found, often deep inside a check; building it twice, once per language, would
word every problem twice and let the two drift. A :class:`Message` keeps the
English template and its fields instead, and is said in either language when
asked: ``str(message)`` in English, ``message.translated()`` in the active
language. A field that is itself a Message is said in the same language, so a
sentence can hold a translated phrase ("{field}: expected {expected}").

``said()`` and ``said_n()`` are also markers for ``tools/i18n_extract.py``
(``core.i18n.MARKERS``): their literal templates go into the ``.po`` files.
Standard library only.
"""

from __future__ import annotations

import gettext
from typing import Final

_ENGLISH: Final = gettext.NullTranslations()


class Message:
    """An English template with named fields, said in a language when asked."""

    __slots__ = ("fields", "many", "n", "one")

    def __init__(self, one: str, many: str | None, n: int, fields: dict[str, object]) -> None:
        self.one = one
        self.many = many
        self.n = n
        self.fields = fields

    def say(self, tr: gettext.NullTranslations) -> str:
        text = (
            tr.gettext(self.one) if self.many is None else tr.ngettext(self.one, self.many, self.n)
        )
        values = {k: v.say(tr) if isinstance(v, Message) else v for k, v in self.fields.items()}
        return text.format(**values)

    def translated(self, lang: str | None = None) -> str:
        """In ``lang``, by default the active language (the CLI's, the app's)."""
        from stretchguide.core.i18n import current_language, translations

        return self.say(translations(lang or current_language()))

    def __str__(self) -> str:
        return self.say(_ENGLISH)

    def __repr__(self) -> str:
        return f"Message({str(self)!r})"


def said(template: str, /, **fields: object) -> Message:
    """A sentence to say later; ``template`` is English with ``{named}`` fields."""
    return Message(template, None, 0, fields)


def said_n(one: str, many: str, n: int, /, **fields: object) -> Message:
    """:func:`said` with the language's plural form for ``n``."""
    return Message(one, many, n, fields)


def in_language(text: object) -> str:
    """``text`` for the person: a Message translated, anything else as ``str()``
    (an OS's or a parser's own words, which come in English)."""
    return text.translated() if isinstance(text, Message) else str(text)


def reason_of(exc: BaseException) -> object:
    """What an exception says: its Message when it was raised with one, else its text."""
    if exc.args and isinstance(exc.args[0], Message):
        return exc.args[0]
    return str(exc)
