"""Kill a writer with SIGKILL at random moments: no committed step may be lost.

The writer is a forked child process (fork rather than a fresh interpreter so
that more than a hundred kills fit in a few seconds). It opens the history
itself, records a session step by step and reports each step on a pipe only
after ``record_step`` has returned, i.e. after the commit. The parent kills it
at a random moment -- during open, mid-step, mid-backup -- then checks that
every reported step from every round is still there and that
``PRAGMA integrity_check`` says ``ok``.
"""

from __future__ import annotations

import os
import random
import select
import signal
import sqlite3
import sys
import time

import pytest

from stretchguide.core.trends import RoutineSnapshot, SnapshotItem
from stretchguide.paths import AppPaths
from stretchguide.store.history import History

KILLS = 120
SNAPSHOT = RoutineSnapshot("Crash test", (SnapshotItem("bridge", 30.0),))


def _writer(paths: AppPaths, report_fd: int, seed: int) -> None:
    rng = random.Random(seed)
    history = History.open(paths, backups=False)
    for left in history.unfinished_sessions():
        history.close_as_partial(left.id)
    session = history.start_session(routine_id="crash", snapshot=SNAPSHOT)
    os.write(report_fd, f"S{session.id}\n".encode())
    for i in range(10_000):
        history.record_step(session.id, i, "bridge", "hold", planned_s=30, done_s=30)
        os.write(report_fd, f"{i}\n".encode())
        if rng.random() < 0.02:
            history.backup_now("crash")
        if rng.random() < 0.05:
            history.add_checkin("any", rng.randint(0, 10), rng.randint(0, 10), "none")


def _read_all(fd: int) -> str:
    chunks = []
    while True:
        ready, _, _ = select.select([fd], [], [], 0)
        if not ready:
            break
        data = os.read(fd, 65536)
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks).decode()


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_sigkill_at_random_moments_never_loses_a_committed_step(paths: AppPaths) -> None:
    History.open(paths, backups=False).close()  # the file exists before the first kill
    rng = random.Random(20260101)
    committed: dict[int, int] = {}  # session id -> highest reported step index
    started = time.monotonic()
    for round_no in range(KILLS):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the writer
            os.close(read_fd)
            code = 0
            try:
                _writer(paths, write_fd, round_no)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        os.close(write_fd)
        received = ""
        if rng.random() < 0.15:
            # During open: recovery, the integrity check, closing old sessions.
            time.sleep(rng.uniform(0, 0.01))
        else:
            # Mid-session: wait until the session is recorded, then a few steps in.
            ready, _, _ = select.select([read_fd], [], [], 10)
            assert ready, "the writer never started a session"
            received = os.read(read_fd, 65536).decode()
            time.sleep(rng.uniform(0, 0.03))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status), "the writer stopped on its own (it should never)"
        session_id = None
        for line in (received + _read_all(read_fd)).splitlines():
            if line.startswith("S"):
                session_id = int(line[1:])
            elif session_id is not None:
                committed[session_id] = int(line)
        os.close(read_fd)

        conn = sqlite3.connect(paths.database)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            for sid, last in committed.items():
                rows = conn.execute(
                    "SELECT step_index FROM steps WHERE session_id = ? ORDER BY step_index",
                    (sid,),
                ).fetchall()
                indexes = [r[0] for r in rows]
                assert indexes[: last + 1] == list(range(last + 1)), (round_no, sid)
        finally:
            conn.close()
    elapsed = time.monotonic() - started
    print(
        f"{KILLS} kills, {sum(v + 1 for v in committed.values())} steps checked, {elapsed:.1f} s",
        file=sys.stderr,
    )
    assert len(committed) > KILLS // 2, "too few rounds got as far as recording a step"
    # And the app-level view agrees: every session is either still unfinished
    # (the last one) or was closed as partial by the next start.
    with History.open(paths, backups=False) as h:
        unfinished = h.unfinished_sessions()
        assert len(unfinished) <= 1
        assert h.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
