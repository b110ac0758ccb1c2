"""Why the system refused a file, in the person's language.

An ``OSError``'s ``strerror`` is the C library's English ("No such file or
directory"), so a German sentence about an import ended in English. Every
place that tells a person why a file or folder could not be used asks here:
:func:`os_reason` gives a :class:`~stretchguide.core.messages.Message` for
the errors people meet (``str()`` of it stays English for errors.log and
bug reports), and the system's own text only for an errno this table does
not know, so something is always named. Standard library only.
"""

from __future__ import annotations

import errno
from typing import Final

from stretchguide.core.atomic import NotAFileError
from stretchguide.core.messages import Message, in_language, said
from stretchguide.plain_files import NotPlainFileError


def _code(name: str) -> int | None:
    # Windows' errno lacks some of these (EDQUOT, ELOOP on old versions).
    value = getattr(errno, name, None)
    return value if isinstance(value, int) else None


_WORDS: Final[dict[str, Message]] = {
    "ENOENT": said("the file or folder does not exist"),
    "EACCES": said("you do not have permission to use it"),
    "EPERM": said("the system does not allow this"),
    "EROFS": said("the disk is read-only"),
    "ENOSPC": said("the disk is full"),
    "EDQUOT": said("your share of the disk is used up"),
    "EFBIG": said("the file is too large for this disk"),
    "EISDIR": said("it is a folder, not a file"),
    "ENOTDIR": said("part of the path is a file, not a folder"),
    "ELOOP": said("too many links lead to it (perhaps a link that points to itself)"),
    "ENAMETOOLONG": said("the name is too long"),
    "EEXIST": said("something with that name is already there"),
    "ENOTEMPTY": said("the folder is not empty"),
    "EBUSY": said("the disk or file is busy"),
    "ETXTBSY": said("the file is in use by a program"),
    "EIO": said("the disk could not be read or written"),
    "ENXIO": said("the device is not there"),
    "ENODEV": said("the device is not there"),
    "EXDEV": said("it cannot be moved to another disk in one step"),
    "EMFILE": said("too many files are open"),
    "ENFILE": said("too many files are open"),
    "ENOMEM": said("there is not enough memory"),
    "ESTALE": said("the network folder is no longer available"),
    "ETIMEDOUT": said("the disk or network did not answer in time"),
}

#: errno → what it means for a person; only the codes this platform has.
REASONS: Final[dict[int, Message]] = {
    code: words for name, words in _WORDS.items() if (code := _code(name)) is not None
}

_NOT_A_FILE: Final = said("it is not a plain file (perhaps a device or a pipe)")

_OPEN_ELSEWHERE: Final = said("another program has the file open; close it there and try again")
_DISK_FULL: Final = said("the disk is full; free some space and try again")
_NETWORK: Final = said("the network folder cannot be reached; check the connection and try again")

#: Windows system error code (``OSError.winerror``) → what it means and what
#: to do. Python turns each into an errno and loses the useful part: a file
#: open in another program (32) arrives as EACCES, "permission denied", which
#: sends a person to the folder's permissions instead of to the other
#: program. So these are asked before the errno. Only the codes a person
#: meets with their own files (export, import, routines, settings, the
#: database); any other falls through to the errno.
WINDOWS_REASONS: Final[dict[int, Message]] = {
    3: said("a folder on the way to it does not exist; check the path"),
    # Also what replacing a file another program holds open gives (the
    # atomic save's rename), so that program is named first.
    5: said(
        "Windows refused access: another program may have the file open, the file may be "
        "read-only, or the folder may not be yours to write in"
    ),
    15: said("the drive is not there; if it is a USB stick or a network drive, connect it again"),
    19: said("the disk is write-protected; remove the protection or choose another disk"),
    21: said("the drive is not ready; if it is a USB stick or a memory card, put it back in"),
    32: _OPEN_ELSEWHERE,  # ERROR_SHARING_VIOLATION
    33: said("another program has locked part of the file; close it there and try again"),
    39: _DISK_FULL,  # ERROR_HANDLE_DISK_FULL
    53: _NETWORK,  # ERROR_BAD_NETPATH
    67: _NETWORK,  # ERROR_BAD_NET_NAME
    112: _DISK_FULL,  # ERROR_DISK_FULL
    206: said(
        "the path is too long for Windows; choose a shorter name or a folder nearer "
        "the top of the drive"
    ),
    225: said("your antivirus program blocked the file"),  # ERROR_VIRUS_INFECTED
    1224: _OPEN_ELSEWHERE,  # ERROR_USER_MAPPED_FILE: mapped into another program's memory
}


def windows_reason(err: BaseException) -> Message | None:
    """What Windows' own code for ``err`` means, if it is one of
    :data:`WINDOWS_REASONS`: asked before the errno, which loses it."""
    # Set only on Windows (Python ignores the constructor's fourth argument
    # elsewhere), so a test sets the attribute itself.
    winerror = getattr(err, "winerror", None)
    return WINDOWS_REASONS.get(winerror) if isinstance(winerror, int) else None


def os_reason(err: OSError) -> Message | str:
    """Why ``err`` happened: a Message for a known errno, else the system's text.

    The fallback names the error even when the system gave no words (an
    ``OSError()`` raised by hand), so a person never reads an empty reason.
    """
    if isinstance(err, NotAFileError):
        return _NOT_A_FILE
    if isinstance(err, NotPlainFileError):  # no errno: its text is English with the path
        return REASONS[errno.EISDIR] if err.folder else _NOT_A_FILE
    windows = windows_reason(err)
    if windows is not None:
        return windows
    if err.errno is not None and err.errno in REASONS:
        return REASONS[err.errno]
    if err.strerror:
        return err.strerror
    return str(err).strip() or type(err).__name__


def os_reason_text(err: OSError) -> str:
    """:func:`os_reason` said in the active language."""
    return in_language(os_reason(err))
