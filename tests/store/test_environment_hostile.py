"""The history against its environment (s38): other processes opening the
same folder while StretchGuide has it open."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from stretchguide.core.trends import CheckInKind, Extent
from stretchguide.paths import AppPaths
from stretchguide.store.history import History

OTHER_READER = (
    "import sqlite3, sys\n"
    "c = sqlite3.connect(sys.argv[1])\n"
    "print(c.execute('SELECT COUNT(*) FROM checkins').fetchone()[0])\n"
    "c.close()\n"
)


def _count_elsewhere(db: Path) -> int:
    """What a second process (``stretchguide stats`` while the window is open)
    reads: it opens the file, reads and closes it."""
    out = subprocess.run(
        [sys.executable, "-c", OTHER_READER, str(db)], capture_output=True, text=True, check=True
    )
    return int(out.stdout)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX advisory locks")
def test_another_process_opening_the_history_leaves_its_wal_to_the_open_app(
    paths: AppPaths, clock
) -> None:
    # The store made its files private by opening each one and closing it,
    # after SQLite had opened them. Closing any descriptor of a file drops
    # every POSIX lock the process holds on it: SQLite's own locks, the WAL's
    # "dead man switch" among them. The next program to open and close the
    # history (a `stats` while the window was open) then took itself for the
    # last user and deleted the -wal and -shm under the app, whose records
    # from then on went to a deleted file: lost at a crash, and unseen by
    # (or clashing with) every other process.
    history = History.open(paths, clock=clock)
    try:
        wal = paths.database.with_name("history.db-wal")
        assert _count_elsewhere(paths.database) == 0
        assert wal.exists(), "another reader deleted the app's WAL"
        history.add_checkin(CheckInKind.ANY, 2, 3, Extent.THIGH)
        assert _count_elsewhere(paths.database) == 1, "a saved check-in is not in the file"
        assert wal.exists()
    finally:
        history.close()
    assert _count_elsewhere(paths.database) == 1


def test_the_history_s_files_are_still_made_private(paths: AppPaths, clock) -> None:
    # The files are still 0600 under a umask that would make them readable
    # by everyone, although nothing opens them behind SQLite's back any more.
    old = os.umask(0)
    try:
        history = History.open(paths, clock=clock)
        history.add_checkin(CheckInKind.ANY, 2, 3, Extent.THIGH)
        for f in paths.data_dir.glob("history.db*"):
            assert f.stat().st_mode & 0o777 == 0o600, f
        history.close()
    finally:
        os.umask(old)
    conn = sqlite3.connect(paths.database)
    assert conn.execute("SELECT COUNT(*) FROM checkins").fetchone()[0] == 1
    conn.close()


# ------------------------------------------------------------ files written out


def test_an_export_to_a_long_name_the_disk_takes_is_written(
    paths: AppPaths, tmp_path: Path
) -> None:
    # Before: "Could not export to <folder>: File name too long", for a
    # 245-byte name ext4 takes: the hidden temporary name beside it was
    # the one too long.
    from stretchguide.store import exchange

    target = tmp_path / ("a" * 240 + ".json")
    with History.open(paths) as h:
        h.add_checkin(CheckInKind.ANY, 2, 3, Extent.THIGH)
        exchange.export_json(h, target)
        exchange.export_csv(h, tmp_path / ("c" * 250))
    assert target.read_text().startswith('{"format"')
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_plan_never_replaces_a_pipe_even_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from stretchguide.__main__ import main

    pipe = tmp_path / "cal.ics"
    os.mkfifo(pipe)
    data = ["--data-dir", str(tmp_path / "d")]
    assert main([*data, "plan", "--force", "--ics", str(pipe), "flare_up_gentle"]) == 1
    assert "not a plain file" in capsys.readouterr().err
    assert pipe.is_fifo()


def test_plan_and_export_with_a_name_too_long_are_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from stretchguide.__main__ import main

    data = ["--data-dir", str(tmp_path / "d")]
    long = tmp_path / ("a" * 300)
    assert main([*data, "plan", "--ics", f"{long}.ics", "flare_up_gentle"]) == 1
    assert main([*data, "export", "--csv", str(long)]) == 1
    err = capsys.readouterr().err
    assert "OSError" not in err and err.count("the name is too long") == 2


def test_a_routines_folder_that_cannot_be_read_is_named_and_the_built_ins_still_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # chmod 000 on the data folder (root reads it anyway, so the refusal is
    # made here as the kernel makes it for anyone else). Before: exit 1,
    # "stretchguide routines: PermissionError: [Errno 13] ...", nothing listed.
    from stretchguide.__main__ import main

    data = AppPaths(tmp_path / "d").ensure()
    locked = data.routines_dir
    real_stat = Path.stat

    def denied(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "stat", denied)
    assert main(["--data-dir", str(data.data_dir), "routines"]) == 0
    out, err = capsys.readouterr()
    assert "flare_up_gentle" in out
    assert str(locked) in err and "you do not have permission" in err
    assert "PermissionError" not in err


# A child that exports and is sent SIGTERM (or SIGHUP) by itself half-way
# through the check-ins, as a logout or `kill` would.
SIGNALLED_EXPORT = r"""
import os, signal, sys
from stretchguide.store.exchange import export
records = export._iter_checkins

def halfway(source):
    for n, record in enumerate(records(source)):
        if n == 2:
            os.kill(os.getpid(), int(sys.argv[3]))
        yield record

export._iter_checkins = halfway
from stretchguide.__main__ import main
sys.exit(main(["--data-dir", sys.argv[1], "export", *sys.argv[2].split("|")]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
@pytest.mark.parametrize("kind", ["--json", "--csv"])
def test_a_signal_during_an_export_leaves_no_file_and_no_hidden_copy(
    paths: AppPaths, clock, tmp_path: Path, signame: str, kind: str
) -> None:
    # Before: the process ended on the spot and the hidden
    # ".all.json.XXXXXXXX.partial" (health data) stayed beside the target.
    import signal

    with History.open(paths, clock=clock) as h:
        for _ in range(5):
            h.add_checkin(CheckInKind.ANY, 2, 3, Extent.THIGH)
    out = tmp_path / "out"
    out.mkdir()
    target = out / ("all.json" if kind == "--json" else "csv")
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            SIGNALLED_EXPORT,
            str(paths.data_dir),
            f"{kind}|{target}",
            str(int(getattr(signal, signame))),
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 128 + int(getattr(signal, signame)), run.stderr
    assert "stopped by a signal" in run.stderr and "Traceback" not in run.stderr
    left = sorted(str(p.relative_to(out)) for p in out.rglob("*"))
    assert left in ([], ["csv"])


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_during_an_export_is_a_sentence_not_a_traceback(
    paths: AppPaths, clock, tmp_path: Path
) -> None:
    # Ctrl+C is SIGINT, which Python raises as KeyboardInterrupt: the export
    # unwound and removed its hidden copy, then a traceback reached the person.
    import signal

    with History.open(paths, clock=clock) as h:
        for _ in range(5):
            h.add_checkin(CheckInKind.ANY, 2, 3, Extent.THIGH)
    out = tmp_path / "out"
    out.mkdir()
    # As in a terminal, Ctrl+C raises KeyboardInterrupt. A process started in
    # the background by a shell (as CI's suite is) inherits SIGINT ignored,
    # and Python keeps it so: the export then simply finished.
    script = "import signal\nsignal.signal(signal.SIGINT, signal.default_int_handler)\n"
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            script
            + SIGNALLED_EXPORT.replace(
                'main(["--data-dir"', 'main(["--language", "de", "--data-dir"'
            ),
            str(paths.data_dir),
            f"--json|{out / 'all.json'}",
            str(int(signal.SIGINT)),
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 130, run.stderr
    assert run.stderr == (
        "stretchguide export: mit Strg+C abgebrochen; "
        "keine Datei wurde halb geschrieben zurückgelassen.\n"
    )
    assert list(out.iterdir()) == []
