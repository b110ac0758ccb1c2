"""Why the system refused a file is said in the person's language (core/os_reasons.py).

An OSError's ``strerror`` is the C library's English, so a German sentence
ended in "No such file or directory". Each errno a person meets has its own
words; an errno the table does not know still names something.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from stretchguide.core import i18n
from stretchguide.core.atomic import NotAFileError
from stretchguide.core.errors import message_for
from stretchguide.core.messages import Message
from stretchguide.core.os_reasons import REASONS, os_reason, os_reason_text
from stretchguide.plain_files import NotPlainFileError

# The errors a person meets with their own files; each must be in the table.
MET = [
    "ENOENT",
    "EACCES",
    "EPERM",
    "EROFS",
    "ENOSPC",
    "EDQUOT",
    "EFBIG",
    "EISDIR",
    "ENOTDIR",
    "ELOOP",
    "ENAMETOOLONG",
    "EEXIST",
    "ENOTEMPTY",
    "EBUSY",
    "ETXTBSY",
    "EIO",
    "ENXIO",
    "ENODEV",
    "EXDEV",
    "EMFILE",
    "ENFILE",
    "ESTALE",
]


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


@pytest.mark.parametrize("name", [n for n in MET if hasattr(errno, n)])
def test_every_error_a_person_meets_is_in_the_table(name: str) -> None:
    assert getattr(errno, name) in REASONS


@pytest.mark.parametrize("code", sorted(REASONS), ids=lambda c: errno.errorcode[c])
def test_every_mapped_errno_has_its_own_words_in_all_four_languages(code: int) -> None:
    err = OSError(code, os.strerror(code), "/some/file")
    english = os_reason_text(err)
    assert english and english != os.strerror(code)
    said = {lang: os_reason(err) for lang in ("de", "es", "fr")}
    for lang, reason in said.items():
        assert isinstance(reason, Message)
        text = reason.translated(lang)
        assert text and text != english, (lang, english)
        assert os.strerror(code) not in text


def test_a_real_missing_file_is_said_in_german(tmp_path: Path) -> None:
    i18n.set_language("de")
    with pytest.raises(OSError) as caught:
        (tmp_path / "absent.json").read_bytes()
    assert os_reason_text(caught.value) == "die Datei oder der Ordner existiert nicht"
    # The log keeps English.
    assert str(os_reason(caught.value)) == "the file or folder does not exist"


def test_a_device_or_pipe_is_not_said_as_invalid_argument() -> None:
    # NotAFileError carries EINVAL, whose system words say nothing useful.
    i18n.set_language("fr")
    text = os_reason_text(NotAFileError(Path("/dev/null")))
    assert "ordinaire" in text and "Invalid" not in text


def test_a_folder_or_pipe_refused_by_open_plain_is_said_in_words() -> None:
    # NotPlainFileError has no errno; its str() is English with the path.
    i18n.set_language("de")
    folder = NotPlainFileError(Path("/x"), folder=True)
    assert os_reason_text(folder) == "das ist ein Ordner, keine Datei"
    assert "gewöhnliche Datei" in os_reason_text(NotPlainFileError(Path("/p"), folder=False))


def test_an_errno_not_in_the_table_falls_back_to_the_systems_words() -> None:
    code = errno.EPROTO  # a protocol error: nothing a person meets with a file
    assert code not in REASONS
    i18n.set_language("es")
    assert os_reason_text(OSError(code, os.strerror(code))) == os.strerror(code)


@pytest.mark.parametrize(
    ("err", "named"),
    [
        (OSError("the share went away"), "the share went away"),
        (OSError(), "OSError"),
        (PermissionError(), "PermissionError"),
        (OSError(99999, ""), "[Errno 99999]"),
    ],
)
def test_the_fallback_always_names_something(err: OSError, named: str) -> None:
    assert os_reason_text(err) == named


def test_message_for_an_oserror_names_the_file_and_the_reason_translated() -> None:
    i18n.set_language("de")
    err = PermissionError(errno.EACCES, "Permission denied", "/backups/h.db")
    assert message_for(err) == "/backups/h.db: Sie haben keine Berechtigung dafür"
