"""The window says the system's reason in the person's language (core/os_reasons.py).

Before: the data folder's notice was a whole English sentence with
strerror in it, and a save's reason outside the few worded in save_file
was the system's English.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from pathlib import Path

import pytest

from stretchguide.core import i18n
from stretchguide.paths import AppPaths
from stretchguide.qt import app as qt_app
from stretchguide.qt.save_file import reason


@pytest.fixture(autouse=True)
def german() -> Iterator[None]:
    i18n.set_language("de")
    yield
    i18n.set_language("en")


def test_the_data_folder_notice_is_in_german(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "data")
    denied = PermissionError(errno.EACCES, "Permission denied", str(paths.data_dir))
    text = qt_app.data_folder_error_text(denied, paths)
    assert str(paths.data_dir) in text
    assert "Sie haben keine Berechtigung" in text
    assert "Permission denied" not in text and "cannot use" not in text


def test_a_save_failed_for_a_reason_not_worded_in_save_file_is_in_german(qapp) -> None:
    err = OSError(errno.EIO, "Input/output error", "/media/stick/a.pdf")
    assert reason(err) == "der Datenträger konnte nicht gelesen oder beschrieben werden"


def test_a_report_saved_over_a_pdf_open_in_another_program_says_close_it(qapp) -> None:
    # Windows' sharing violation arrives as EACCES, which save_file words as
    # "choose another folder"; the Windows code says what to do instead.
    # (Off Windows, Python drops the constructor's fourth argument: set it.)
    err = PermissionError(errno.EACCES, "Access is denied", "C:/Berichte/bericht.pdf")
    err.winerror = 32  # type: ignore[attr-defined]
    said = reason(err)
    assert said.startswith("ein anderes Programm hat die Datei geöffnet; schließen Sie sie dort")
    # Without it the errno's advice stands.
    assert reason(PermissionError(errno.EACCES, "Access is denied", "x.pdf")) != said
