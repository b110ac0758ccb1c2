"""One StretchGuide per data folder (issue 14)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from stretchguide.paths import AppPaths
from stretchguide.qt import app as qt_app


def test_a_second_instance_on_the_same_folder_is_refused(tmp_path, qapp) -> None:
    paths = AppPaths(tmp_path / "data")
    first = qt_app.instance_lock(paths)
    assert first is not None
    assert (paths.data_dir / qt_app.LOCK_NAME).stat().st_mode & 0o777 == 0o600
    assert qt_app.instance_lock(paths) is None
    other = qt_app.instance_lock(AppPaths(tmp_path / "elsewhere"))
    assert other is not None, "another data folder is independent"
    first.unlock()
    again = qt_app.instance_lock(paths)
    assert again is not None
    again.unlock()
    other.unlock()
    assert str(paths.data_dir) in qt_app.second_instance_text(paths)


def test_a_lock_left_by_a_killed_process_is_taken_over(tmp_path, qapp) -> None:
    paths = AppPaths(tmp_path / "data")
    code = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication
        from stretchguide.paths import AppPaths
        from stretchguide.qt.app import instance_lock
        app = QCoreApplication([])
        held = instance_lock(AppPaths(Path({str(paths.data_dir)!r})))
        assert held is not None
        os._exit(0)  # dies holding the lock
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ})
    assert (paths.data_dir / qt_app.LOCK_NAME).exists()
    lock = qt_app.instance_lock(paths)
    assert lock is not None
    lock.unlock()


def test_a_file_where_a_folder_belongs_gives_a_message_not_a_traceback(
    tmp_path, qapp, monkeypatch, capsys
) -> None:
    from stretchguide.qt import dialogs

    paths = AppPaths(tmp_path / "data")
    paths.data_dir.mkdir()
    paths.backups_dir.write_text("not a folder")
    shown = []
    monkeypatch.setattr(dialogs, "tell", lambda *a, **k: shown.append(a[2]))
    assert qt_app.run_app(paths, ["stretchguide"]) == 2
    assert shown and str(paths.backups_dir) in shown[0]
    assert str(paths.backups_dir) in capsys.readouterr().err


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={**os.environ},
    )
    return done.stdout.strip()


def test_the_lock_and_qt_s_own_lock_file_refuse_each_other(tmp_path, qapp) -> None:
    """An older StretchGuide held the folder with a QLockFile: each version
    still refuses the other while it runs, even when the lock looks old
    (QLockFile calls a lock stale after 30 s unless its holder still holds
    the file)."""
    paths = AppPaths(tmp_path / "data")
    held = qt_app.instance_lock(paths)
    assert held is not None
    lock_file = paths.data_dir / qt_app.LOCK_NAME
    pid, name, _host = lock_file.read_text().splitlines()
    assert (int(pid), name) == (os.getpid(), "StretchGuide")
    os.utime(lock_file, (1, 1))  # very old, as after a long day of use
    answer = _run(
        f"""
        from PySide6.QtCore import QCoreApplication, QLockFile
        app = QCoreApplication([])
        other = QLockFile({str(lock_file)!r})
        other.setStaleLockTime(1)
        print(other.tryLock(50))
        """
    )
    assert answer == "False"
    held.unlock()
    # The other way round: Qt's lock held by a running process.
    code = f"""
        import sys, time
        from PySide6.QtCore import QCoreApplication, QLockFile
        app = QCoreApplication([])
        lock = QLockFile({str(lock_file)!r})
        lock.setStaleLockTime(0)
        assert lock.tryLock(1000)
        print("held", flush=True)
        sys.stdin.readline()
        """
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert qt_app.instance_lock(paths) is None
    finally:
        holder.communicate("\n", timeout=30)
    again = qt_app.instance_lock(paths)
    assert again is not None
    again.unlock()


def test_the_lock_is_never_taken_through_a_link(tmp_path, qapp) -> None:
    paths = AppPaths(tmp_path / "data").ensure()
    target = tmp_path / "elsewhere.txt"
    target.write_text("not ours")
    (paths.data_dir / qt_app.LOCK_NAME).symlink_to(target)
    with pytest.raises(OSError):
        qt_app.instance_lock(paths)
    assert target.read_text() == "not ours"


def test_a_file_given_as_the_data_folder_is_called_a_file(tmp_path, qapp, monkeypatch) -> None:
    # s38: the window said "cannot use …/afile: File exists" (mkdir's word).
    from stretchguide.qt import dialogs

    afile = tmp_path / "afile"
    afile.write_text("x")
    shown = []
    monkeypatch.setattr(dialogs, "tell", lambda *a, **k: shown.append(a[2]))
    assert qt_app.run_app(AppPaths(afile), ["stretchguide"]) == 2
    assert str(afile) in shown[0] and "should be a folder but is a file" in shown[0]
    assert "File exists" not in shown[0]
