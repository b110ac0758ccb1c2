"""The store's errors: each carries a plain sentence to show the person.

``str()`` keeps the technical detail for logs; ``user_message`` is for a
dialog. Nothing that raises one of these has changed the history.
"""

from __future__ import annotations

from pathlib import Path

# The sentence a person reads is in their language; str() stays English for logs.
from stretchguide.core.i18n import _


class StoreError(Exception):
    """Base for problems the UI should show to the person.

    ``user_message`` is a plain sentence meant for a dialog; ``str()`` keeps
    the technical detail for logs.
    """

    def __init__(self, message: str, user_message: str) -> None:
        super().__init__(message)
        self.user_message = user_message


class NewerSchemaError(StoreError):
    """The file was written by a newer stretchguide; it was not touched."""

    def __init__(self, path: Path, found: int, known: int) -> None:
        self.path = path
        self.found = found
        self.known = known
        super().__init__(
            f"{path}: schema version {found} is newer than {known}, the newest this "
            "version understands; the file was left untouched",
            _(
                "Your history at {path} was saved by a newer version of stretchguide. "
                "Please update stretchguide to open it. The file has not been changed."
            ).format(path=path),
        )


class UnusableFileError(StoreError):
    """Something at one of our paths cannot be used; it was left as it is."""

    def __init__(self, path: Path, problem: str, advice: str = "") -> None:
        self.path = path
        super().__init__(
            f"{path}: {problem}",
            _("StretchGuide cannot use {path}: {problem}.").format(path=path, problem=problem)
            + " "
            + (advice or _("Nothing was changed; please move it out of the way or fix it.")),
        )


class ForeignDatabaseError(UnusableFileError):
    """history.db is another program's SQLite database; it was not touched."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            path,
            f"it is a database of another program ({detail})",
            _("StretchGuide did not change it. Move it elsewhere to start a new history here."),
        )
