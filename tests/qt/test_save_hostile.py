"""The window's saves against a hostile disk (s38): a full disk, a folder
where a file goes, a device, a name too long. Each save either writes the
whole file or says why and leaves the old one; none says "Saved" over
nothing, or over half a file."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from tests.qt.test_history_view import _fill, _view, history, wall
from tests.qt.test_tray import setup

from stretchguide.core import atomic

__all__ = ["history", "setup", "wall"]  # fixtures, used by name

OLD = b"yesterday's file"
TOO_LONG = "a" * 300


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills as the new file is flushed to it: what a full disk
    reports once the writer's buffers reach it."""

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full)


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.fixture
def view(qtbot, history):
    _fill(history, days=4)
    view = _view(qtbot, history)
    view.said = []
    view.announce_saved = lambda path: view.said.append(("saved", Path(path)))
    view.report_error = lambda text: view.said.append(("error", text))
    view.confirm_overwrite = lambda paths: True
    return view


@pytest.mark.parametrize("kind", ["png", "pdf"])
def test_a_full_disk_keeps_the_old_chart_or_report_and_says_so(view, tmp_path, monkeypatch, kind):
    # Before: QImage.save's answer was not read and QPdfWriter reports no
    # write error, so the page said "Saved" over a cut file (8 KB of a PNG,
    # 8 KB of a PDF on a real full tmpfs) and the old file was gone.
    target = tmp_path / f"out.{kind}"
    target.write_bytes(OLD)
    _disk_full(monkeypatch)
    assert getattr(view, f"export_{kind}")(str(target)) is None
    assert target.read_bytes() == OLD
    assert view.said == [("error", view.said[0][1])]
    assert str(target) in view.said[0][1] and "disk is full" in view.said[0][1]
    assert _hidden(tmp_path) == []


def test_a_chart_saved_onto_a_folder_is_not_announced_as_saved(view, tmp_path):
    folder = tmp_path / "chart.png"
    folder.mkdir()
    assert view.export_png(str(folder)) is None
    assert view.said and view.said[0][0] == "error" and "folder" in view.said[0][1]
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("kind", ["png", "pdf", "csv"])
def test_a_name_too_long_for_the_disk_is_said_not_raised(view, tmp_path, kind):
    # Path.exists raised ENAMETOOLONG before any message (the last resort's
    # "Something went wrong").
    target = tmp_path / f"{TOO_LONG}.{kind}"
    assert not getattr(view, f"export_{kind}")(str(target))
    assert view.said and view.said[0][0] == "error"
    assert "too long" in view.said[0][1].lower()


def test_a_long_name_the_disk_takes_is_written(view, tmp_path):
    # 250 bytes is a name ext4 takes; the hidden temporary name beside it
    # (".<name>.XXXXXXXX.partial") must not push it over.
    target = tmp_path / ("é" * 123 + ".pdf")
    assert len(os.fsencode(target.name)) == 250
    assert view.export_pdf(str(target)) == target
    assert target.read_bytes().startswith(b"%PDF")
    assert _hidden(tmp_path) == []


def test_the_sheet_and_the_calendar_on_a_full_disk_keep_the_old_file(setup, tmp_path, monkeypatch):
    # Before: the sheet said "Saved" over a cut PDF (4 KB on a real full
    # tmpfs); the calendar was written in place, so a full disk left half of
    # it under the name.
    window, _, _, asked, answers = setup
    window.ensure_routines()
    pdf, ics = tmp_path / "s.pdf", tmp_path / "p.ics"
    pdf.write_bytes(OLD)
    ics.write_bytes(OLD)
    _disk_full(monkeypatch)
    assert window.save_sheet(str(pdf)) is None
    assert window.export_plan(str(ics)) is None
    assert pdf.read_bytes() == OLD and ics.read_bytes() == OLD
    titles = [title for title, _ in asked]
    assert titles == ["The PDF could not be saved", "The calendar could not be saved"]
    assert all("disk is full" in text for _, text in asked)
    assert _hidden(tmp_path) == []


def test_the_sheet_and_the_calendar_never_replace_a_pipe(setup, tmp_path):
    # A named pipe (or, as root, /dev/null) at the chosen name: the sheet
    # renamed its file over it, and the calendar's write waited forever
    # for a reader.
    window, _, _, asked, _ = setup
    window.ensure_routines()
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert window.save_sheet(str(pipe)) is None
    assert window.export_plan(str(pipe)) is None
    assert pipe.is_fifo()
    assert all("not a plain file" in text for _, text in asked), asked


# ------------------------------------------------------------ the command line


def _sheet(tmp_path: Path, target: Path, *extra: str) -> int:
    from stretchguide.__main__ import main

    data = ["--data-dir", str(tmp_path / "d")]
    return main([*data, "sheet", "flare_up_gentle", "--pdf", str(target), *extra])


def test_sheet_on_a_full_disk_says_so_and_keeps_the_old_pdf(qapp, tmp_path, monkeypatch, capsys):
    # Before: "Wrote s.pdf (2 pages)." over a PDF cut at the disk's end.
    target = tmp_path / "s.pdf"
    target.write_bytes(OLD)
    _disk_full(monkeypatch)
    assert _sheet(tmp_path, target, "--force") == 1
    err = capsys.readouterr().err
    assert str(target) in err and "the disk is full" in err and "Wrote" not in err
    assert target.read_bytes() == OLD
    assert _hidden(tmp_path) == []


def test_sheet_never_replaces_a_pipe_even_with_force(qapp, tmp_path, capsys):
    # Before: renamed over it (as root, `--pdf /dev/full --force` replaced
    # the device with a PDF).
    pipe = tmp_path / "pipe.pdf"
    os.mkfifo(pipe)
    assert _sheet(tmp_path, pipe, "--force") == 1
    assert "not a plain file" in capsys.readouterr().err
    assert pipe.is_fifo()


def test_sheet_with_a_name_too_long_is_one_sentence(qapp, tmp_path, capsys):
    # Before: "stretchguide sheet: OSError: [Errno 36] File name too long: ..."
    # from the last line of defence.
    assert _sheet(tmp_path, tmp_path / f"{TOO_LONG}.pdf") == 1
    err = capsys.readouterr().err
    assert "OSError" not in err and "the name is too long" in err


@pytest.fixture
def tiny_disk(tmp_path):
    """A real 64 KB tmpfs (needs root and mount), filled to its last pages."""
    import subprocess

    if os.geteuid() != 0:
        pytest.skip("needs root to mount a tmpfs")
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)]).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


def test_sheet_on_a_real_full_tmpfs_leaves_the_old_pdf(qapp, tiny_disk, tmp_path, capsys):
    target = tiny_disk / "s.pdf"
    target.write_bytes(OLD)
    assert _sheet(tmp_path, target, "--force") == 1
    assert "the disk is full" in capsys.readouterr().err
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["s.pdf"]
    assert target.read_bytes() == OLD


def test_a_login_item_under_a_file_is_said_in_words(setup, tmp_path):
    # XDG_CONFIG_HOME naming a file: the box showed Python's
    # "[Errno 20] Not a directory: '…'".
    window, _, _, asked, _ = setup
    afile = tmp_path / "config-is-a-file"
    afile.write_text("x")
    window.companion.autostart_path = afile / "autostart" / "sg.desktop"
    window.ctx.prefs.reminder_enabled = False
    window.open_settings()
    window._settings_dialog.reminder.setChecked(True)
    window._settings_dialog.accept()
    (title, text) = asked[-1]
    assert title == "Start at login"
    assert str(afile) in text and "is a file, not a folder" in text and "Errno" not in text
