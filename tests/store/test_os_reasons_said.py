"""The system's reason reaches the command line in the person's language.

Before: "… konnte nicht gelesen werden: No such file or directory" — the
sentence was German, the reason the C library's English.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from stretchguide.__main__ import main
from stretchguide.core import i18n
from stretchguide.store.exchange import export

SYSTEM_WORDS = ("No such file", "Permission denied", "Read-only file system", "Errno")


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


def test_a_german_import_of_a_missing_file_has_no_english_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--language", "de", "--data-dir", str(tmp_path / "d")]
    assert main([*data, "import", str(tmp_path / "absent.json")]) == 1
    err = capsys.readouterr().err
    assert "die Datei oder der Ordner existiert nicht" in err, err
    assert not [w for w in SYSTEM_WORDS if w in err], err


@pytest.fixture
def read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder nobody may write in; as root (who writes anyway) the refusal
    is made where the export creates its file, as the kernel makes it."""
    folder = tmp_path / "locked"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o500)
        return folder
    real = tempfile.mkstemp

    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        if Path(str(kwargs.get("dir"))) == folder:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(folder))
        return real(*args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(export.tempfile, "mkstemp", refused)
    return folder


@pytest.mark.parametrize(
    ("lang", "reason"),
    [
        ("de", ("Datenträger ist schreibgeschützt", "Sie haben keine Berechtigung")),
        ("es", ("disco es de solo lectura", "no tienes permiso")),
        ("fr", ("disque est en lecture seule", "vous n'avez pas l'autorisation")),
    ],
)
def test_an_export_into_a_read_only_folder_has_no_english_reason(
    lang: str,
    reason: tuple[str, str],
    read_only_folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = ["--language", lang, "--data-dir", str(tmp_path / "d")]
    assert main([*data, "export", "--json", str(read_only_folder / "all.json")]) == 1
    err = capsys.readouterr().err
    assert any(r in err for r in reason), err
    assert not [w for w in SYSTEM_WORDS if w in err], err
    assert list(read_only_folder.iterdir()) == []


def test_an_unforeseen_oserror_out_of_a_command_is_said_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The last line of defence printed "PermissionError: [Errno 13] Permission denied: '…'".
    from stretchguide.commands import routines

    def denied(*_a: object, **_k: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied", "/srv/shared/routines")

    monkeypatch.setattr(routines, "run_routines", denied)
    assert main(["--language", "fr", "--data-dir", str(tmp_path), "routines"]) == 1
    err = capsys.readouterr().err
    assert "/srv/shared/routines: vous n'avez pas l'autorisation de l'utiliser" in err, err
    assert not [w for w in SYSTEM_WORDS if w in err] and "PermissionError" not in err
