"""The store's errors: each carries a plain sentence to show the person.

``str()`` keeps the technical detail for logs; ``user_message`` is for a
dialog. Nothing that raises one of these has changed the history.
"""

from __future__ import annotations

from pathlib import Path

# The sentence a person reads is in their language; str() stays English for logs.
from stretchguide.core.i18n import _
from stretchguide.core.messages import Message, in_language, said


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

    def __init__(self, path: Path, problem: Message | str, advice: str = "") -> None:
        self.path = path
        self.problem = str(problem)  # English; a str is the system's own words
        self.user_problem = in_language(problem)
        super().__init__(
            f"{path}: {problem}",
            _("StretchGuide cannot use {path}: {problem}.").format(
                path=path, problem=self.user_problem
            )
            + " "
            + (advice or _("Nothing was changed; please move it out of the way or fix it.")),
        )


class ForeignDatabaseError(UnusableFileError):
    """history.db is another program's SQLite database; it was not touched."""

    def __init__(self, path: Path, detail: Message) -> None:
        super().__init__(
            path,
            said("it is a database of another program ({detail})", detail=detail),
            _("StretchGuide did not change it. Move it elsewhere to start a new history here."),
        )


class ReadOnlyError(UnusableFileError):
    """One of our paths can be read but not written (a read-only file system,
    or permissions); nothing was changed. Reading may still work
    (:func:`stretchguide.store.db.open_read_only`)."""

    def __init__(self, path: Path, read_only_fs: bool) -> None:
        self.read_only_fs = read_only_fs
        if read_only_fs:
            problem = said("it is on a read-only file system, so nothing can be saved there")
        else:
            problem = said("you may read it but not change it (its permissions)")
        super().__init__(
            path,
            problem,
            _(
                "Nothing was changed. You can still read and export your history with the "
                "commands stretchguide stats and stretchguide export. To record again, make "
                "the folder writable or copy it to a place that is."
            ),
        )


class PathTooLongError(UnusableFileError):
    """A path is longer than SQLite can open; nothing was changed."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit
        super().__init__(
            path,
            said(
                "its path is too long for the database ({size} bytes with the names of the "
                "files kept there; SQLite can open at most {limit})",
                size=size,
                limit=limit,
            ),
            _(
                "Nothing was changed. Move the data folder higher up, or give it or the "
                "folders above it shorter names."
            ),
        )
