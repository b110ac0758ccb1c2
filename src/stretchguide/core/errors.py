"""What the errors a person may see have in common: a sentence for them.

``StoreError`` (store.errors), ``PlanFileError`` (core.plan.state) and the
database's damage report carry ``user_message``, plain words for a dialog,
beside ``str()``, the detail for logs. ``HasUserMessage`` names that shape,
so the code that shows any of them asks for it by type, not by ``getattr``.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from stretchguide.core.os_reasons import os_reason_text


@runtime_checkable
class HasUserMessage(Protocol):
    """An error (or report) with a plain sentence for the person."""

    @property
    def user_message(self) -> str: ...


def message_for(err: BaseException) -> str:
    """The sentence to show for ``err``: its ``user_message``, an ``OSError``'s
    file and reason in the person's language, else ``str(err)``
    (a ``CatalogError``'s text already names the file, line and field)."""
    if isinstance(err, HasUserMessage) and err.user_message:
        return err.user_message
    if isinstance(err, OSError):
        # str() of it is "[Errno 13] Permission denied: '…'", in English.
        reason = os_reason_text(err)
        return f"{err.filename}: {reason}" if err.filename else reason
    return str(err)
