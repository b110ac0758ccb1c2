"""Files the window saves for a person: a PDF, the chart, the calendar.

Each is drawn in memory and written by ``core.atomic`` (a temporary file,
fsync, rename): ``QPdfWriter`` and ``QImage.save`` writing to a path said
nothing of a full disk and left a cut file under the final name, so the
window said "Saved" over a broken PDF, and a folder or an unwritable one
"saved" a chart that was never written. :func:`reason` puts what went
wrong in the person's language.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QImage, QPdfWriter

from stretchguide.core.atomic import NotAFileError, check_target, write_bytes_atomically
from stretchguide.core.os_reasons import os_reason_text, windows_reason

T = TypeVar("T")


def pdf_to(path: Path, draw: Callable[[QPdfWriter], T]) -> T:
    """Run ``draw`` on a PDF writer in memory, then write the PDF to ``path``
    in one step. Returns what ``draw`` returned.

    The target is checked first (a folder, a device, a name too long), so
    the person hears of it before the drawing, not after.
    """
    check_target(path)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    try:
        result = draw(writer)
    finally:
        del writer  # ends the PDF: its last bytes reach the buffer here
        buffer.close()
    write_bytes_atomically(path, bytes(data.data()))
    return result


def image_to(path: Path, image: QImage, kind: str = "PNG") -> None:
    """Encode ``image`` in memory and write it to ``path`` in one step."""
    check_target(path)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # A str format, whatever the stubs say: PySide refuses bytes at run time.
    ok = image.save(buffer, kind)  # type: ignore[call-overload]
    buffer.close()
    if not ok:
        raise OSError(errno.EIO, f"the {kind} image could not be made", str(path))
    write_bytes_atomically(path, bytes(data.data()))


def reason(err: OSError) -> str:
    """Why a file could not be saved, in a sentence the person can act on.
    (Each text is written out in its ``translate`` call: lupdate reads them there.)"""
    if isinstance(err, NotAFileError):
        return QCoreApplication.translate(
            "SaveFile", "That is not a plain file (perhaps a device). Choose another name."
        )
    if windows_reason(err) is not None:
        # Windows said more than the errno below keeps (a file open in
        # another program arrives as EACCES, "choose another folder").
        return os_reason_text(err)
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return QCoreApplication.translate(
            "SaveFile",
            "The disk is full. Free some space and try again; nothing was replaced.",
        )
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return QCoreApplication.translate(
            "SaveFile", "You may not write there. Choose another folder."
        )
    if err.errno == errno.EISDIR:
        return QCoreApplication.translate("SaveFile", "That is a folder. Give a file name.")
    if err.errno == errno.ENAMETOOLONG:
        return QCoreApplication.translate(
            "SaveFile", "The name is too long for this disk. Choose a shorter one."
        )
    if err.errno == errno.ENOENT:
        return QCoreApplication.translate("SaveFile", "That folder does not exist.")
    if err.errno == errno.ENOTDIR:
        return QCoreApplication.translate("SaveFile", "Part of that path is a file, not a folder.")
    return os_reason_text(err)


def failed_text(path: str | Path, err: OSError) -> str:
    """The path, then the reason: the text of the box that says a save failed."""
    return f"{path}\n\n{reason(err)}" if str(path) else reason(err)
