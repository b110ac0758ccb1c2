"""Windows' own error codes are said with what to do (core/os_reasons.py).

Python turns a Windows error into an errno and loses the useful part: a
diary export onto a file open in Excel is ERROR_SHARING_VIOLATION (32),
which arrives as EACCES and was said as "you do not have permission", so
the person looked at the folder's permissions instead of closing Excel.

On Linux, ``OSError(errno, strerror, filename, winerror)`` keeps the first
three and drops the fourth (it sets ``.winerror`` on Windows only), so these
tests set the attribute as Windows would, and raise the error where the
system would: in the export's rename, the import's first look at the file,
the plan's write. The messages are read where a person reads them.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from stretchguide.__main__ import main
from stretchguide.commands import history as history_command
from stretchguide.commands import sheet as sheet_command
from stretchguide.core import i18n
from stretchguide.core.errors import message_for
from stretchguide.core.messages import Message
from stretchguide.core.os_reasons import REASONS, WINDOWS_REASONS, os_reason, os_reason_text
from stretchguide.store.exchange import importing

ERROR_ACCESS_DENIED = 5
ERROR_NOT_READY = 21
ERROR_SHARING_VIOLATION = 32
ERROR_LOCK_VIOLATION = 33
ERROR_DISK_FULL = 112
ERROR_FILENAME_EXCED_RANGE = 206
ERROR_USER_MAPPED_FILE = 1224

# What Windows sends for each, as (errno Python gives it, the system's words).
AS_WINDOWS_SAYS = {
    ERROR_SHARING_VIOLATION: (
        errno.EACCES,
        "The process cannot access the file because it is being used by another process",
    ),
    ERROR_LOCK_VIOLATION: (
        errno.EACCES,
        "The process cannot access the file because another process has locked "
        "a portion of the file",
    ),
    ERROR_NOT_READY: (errno.ENOENT, "The device is not ready"),
    ERROR_FILENAME_EXCED_RANGE: (errno.ENOENT, "The filename or extension is too long"),
    ERROR_DISK_FULL: (errno.ENOSPC, "There is not enough space on the disk"),
}


def windows_error(winerror: int, filename: str | Path | None = None) -> OSError:
    """The OSError Windows raises for ``winerror``, on any system."""
    code, words = AS_WINDOWS_SAYS.get(winerror, (errno.EACCES, "Access is denied"))
    err = OSError(code, words, None if filename is None else str(filename), winerror)
    if sys.platform != "win32":
        err.winerror = winerror  # type: ignore[attr-defined]  # Windows sets it in the constructor
    return err


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


def test_python_drops_the_windows_code_off_windows_so_the_tests_set_it() -> None:
    made = OSError(errno.EACCES, "Access is denied", "diary.csv", ERROR_SHARING_VIOLATION)
    # The subclass for EACCES on every system; the code only on Windows.
    assert isinstance(made, PermissionError)
    assert (made.errno, made.filename) == (errno.EACCES, "diary.csv")
    assert (getattr(made, "winerror", None) == ERROR_SHARING_VIOLATION) == (sys.platform == "win32")
    assert windows_error(ERROR_SHARING_VIOLATION).winerror == ERROR_SHARING_VIOLATION  # type: ignore[attr-defined]


@pytest.mark.parametrize("code", sorted(WINDOWS_REASONS))
def test_each_windows_code_has_its_own_words_in_every_language(code: int) -> None:
    english = str(os_reason(windows_error(code)))
    assert english
    for lang in ("de", "es", "fr"):
        reason = os_reason(windows_error(code))
        assert isinstance(reason, Message)
        assert reason.translated(lang) not in ("", english), (lang, english)


@pytest.mark.parametrize(
    ("code", "advice"),
    [
        (ERROR_SHARING_VIOLATION, "close it there"),
        (ERROR_USER_MAPPED_FILE, "close it there"),
        (ERROR_LOCK_VIOLATION, "close it there"),
        (ERROR_ACCESS_DENIED, "another program may have the file open"),
        (ERROR_NOT_READY, "USB stick"),
        (ERROR_DISK_FULL, "free some space"),
        (ERROR_FILENAME_EXCED_RANGE, "shorter name"),
    ],
)
def test_the_windows_code_is_asked_before_the_errno_python_made_of_it(
    code: int, advice: str
) -> None:
    err = windows_error(code, "diary.csv")
    said = os_reason_text(err)
    assert advice in said
    assert said != str(REASONS[err.errno])  # not the errno's words
    # The same error without the Windows code keeps the errno's words.
    assert os_reason_text(OSError(err.errno, err.strerror, "diary.csv")) == str(REASONS[err.errno])


def test_an_unknown_windows_code_falls_back_to_the_errno() -> None:
    err = windows_error(1)  # ERROR_INVALID_FUNCTION: nothing a person's file causes
    assert os_reason_text(err) == str(REASONS[errno.EACCES])


def test_the_command_lines_last_line_of_defence_names_the_file_and_what_to_do() -> None:
    i18n.set_language("de")
    said = message_for(windows_error(ERROR_SHARING_VIOLATION, "C:/Tagebuch/export.json"))
    assert said.startswith("C:/Tagebuch/export.json: ein anderes Programm hat die Datei geöffnet")
    assert "schließen Sie sie dort" in said


def test_export_onto_a_file_open_in_another_program_says_close_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "data").mkdir()
    target = tmp_path / "tagebuch.json"
    real_replace = os.replace

    def replace(src: object, dst: object) -> None:
        # As Windows refuses to rename onto a file Excel has open.
        if Path(str(dst)) == target:
            raise windows_error(ERROR_SHARING_VIOLATION, dst)  # type: ignore[arg-type]
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace)
    code = main(
        ["--language", "de", "--data-dir", str(tmp_path / "data"), "export", "--json", str(target)]
    )

    err = capsys.readouterr().err
    assert code == 1
    assert "ein anderes Programm hat die Datei geöffnet" in err, err
    assert "schließen Sie sie dort und versuchen Sie es noch einmal" in err
    assert "Berechtigung" not in err  # not sent to the folder's permissions
    assert "Traceback" not in err and "being used by another process" not in err
    assert list(tmp_path.glob("*.partial")) == [] and list(tmp_path.glob(".*.partial")) == []


def test_import_from_a_removed_usb_stick_says_put_it_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "data").mkdir()
    source = tmp_path / "E" / "tagebuch.json"

    def identity(path: Path) -> tuple[int, ...]:
        raise windows_error(ERROR_NOT_READY, path)

    monkeypatch.setattr(importing, "identity", identity)
    code = main(["--language", "es", "--data-dir", str(tmp_path / "data"), "import", str(source)])

    err = capsys.readouterr().err
    assert code == 1
    assert "la unidad no está lista" in err and "vuelve a insertarla" in err, err
    assert REASONS[errno.ENOENT].translated("es") not in err  # what Python made of it
    assert "Traceback" not in err and "The device is not ready" not in err


def test_a_locked_import_file_is_not_called_a_busy_history() -> None:
    # Windows' sentence for 33 has "locked" in it, which `why` read as the
    # history being in use by another command.
    i18n.set_language("fr")
    said = history_command.why(windows_error(ERROR_LOCK_VIOLATION, "tagebuch.json"))
    assert said.startswith("un autre programme a verrouillé une partie du fichier")


def test_a_calendar_path_too_long_for_windows_says_choose_a_shorter_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.ics"

    def write(path: Path, text: str, **_: object) -> None:
        raise windows_error(ERROR_FILENAME_EXCED_RANGE, path)

    monkeypatch.setattr(sheet_command, "write_text_atomically", write)
    code = main(
        [
            "--language",
            "fr",
            "--data-dir",
            str(tmp_path / "data"),
            "plan",
            "article_003_piriformis",
            "--ics",
            str(target),
        ]
    )

    err = capsys.readouterr().err
    assert code == 1
    assert "le chemin est trop long pour Windows" in err and "nom plus court" in err, err
    assert "The filename or extension is too long" not in err
