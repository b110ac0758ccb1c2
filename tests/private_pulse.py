"""A PulseAudio server of our own on a private socket, for tests and benches.

Shared by tests/conftest.py (the ``audio`` tests) and bench/bench_audio.py,
so neither ever talks to the machine's sound server. Standard library only:
it is imported before Qt loads, since libpulse reads ``PULSE_SERVER`` once,
when Qt first opens audio.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path


def point_clients_at(folder: Path) -> None:
    """Send this process's sound clients (and its children's) to ``folder``'s socket.

    Call before Qt opens audio. A client that finds no server there must not
    start the machine's own instead, hence ``autospawn = no``.
    """
    os.environ["PULSE_SERVER"] = f"unix:{folder / 'native'}"
    (folder / "client.conf").write_text("autospawn = no\n")
    os.environ["PULSE_CLIENTCONFIG"] = str(folder / "client.conf")


class PrivatePulse:
    """A PulseAudio server of the test run's own: one null sink, one socket.

    ``-n`` loads no system configuration, so it never opens a real sound
    card, and its socket, state and runtime folders are all in ``folder``.
    """

    SINK = "cue"

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.server = f"unix:{folder / 'native'}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.why_not = "not started"

    def start(self) -> None:
        binary = shutil.which("pulseaudio")
        if binary is None:
            self.why_not = "no pulseaudio binary (Debian: pulseaudio pulseaudio-utils)"
            return
        if not shutil.which("pactl"):
            self.why_not = "no pactl (Debian: pulseaudio-utils)"
            return
        script = self.folder / "private.pa"
        script.write_text(
            f"load-module module-native-protocol-unix auth-anonymous=1 "
            f"socket={self.folder / 'native'}\n"
            f"load-module module-null-sink sink_name={self.SINK} rate=44100\n"
            f"set-default-sink {self.SINK}\n"
        )
        home = str(self.folder)
        env = {
            **os.environ,
            "HOME": home,
            "XDG_RUNTIME_DIR": home,
            "XDG_CONFIG_HOME": home,
            "XDG_STATE_HOME": home,
            "PULSE_RUNTIME_PATH": home,
            "PULSE_STATE_PATH": home,
        }
        log = (self.folder / "server.log").open("wb")
        self.proc = subprocess.Popen(
            [
                binary,
                "-n",
                "-F",
                str(script),
                "--daemonize=no",
                "--exit-idle-time=-1",
                "--use-pid-file=no",
                "--realtime=no",
                "--high-priority=no",
                "--log-target=stderr",
            ],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            preexec_fn=_die_with_parent,
        )
        log.close()
        deadline = time.monotonic() + 15.0
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                tail = (self.folder / "server.log").read_text(errors="replace")[-400:]
                self.why_not = f"private pulseaudio exited ({self.proc.returncode}): {tail}"
                self.proc = None
                return
            if self.default_sink() == self.SINK:
                self.why_not = ""
                return
            time.sleep(0.1)
        self.why_not = "private pulseaudio did not answer within 15 s"
        self.stop()

    def default_sink(self) -> str:
        try:
            out = subprocess.run(
                ["pactl", "get-default-sink"], capture_output=True, text=True, timeout=5
            )
        except (OSError, subprocess.TimeoutExpired):
            return ""
        return out.stdout.strip() if out.returncode == 0 else ""

    def add_microphone(self, name: str, rate: int = 0) -> str:
        """A microphone that hears what is played into the sink; returns its module.

        A source remapped from the sink's monitor: Qt lists no monitor as an
        input. Speech played into the sink with ``paplay`` comes out of it.
        ``rate``: the rate it records at (8000 is a Bluetooth headset while
        its microphone is on); else the server's.
        """
        loaded = subprocess.run(
            [
                "pactl",
                "load-module",
                "module-remap-source",
                f"master={self.SINK}.monitor",
                f"source_name={name}",
                f"source_properties=device.description={name}",
                *([f"rate={rate}", "channels=1"] if rate else []),
            ],
            capture_output=True,
            text=True,
            timeout=10,
        )
        if loaded.returncode != 0:
            raise RuntimeError(f"pactl could not add a microphone: {loaded.stderr.strip()}")
        return loaded.stdout.strip()

    def set_default_microphone(self, name: str) -> None:
        subprocess.run(["pactl", "set-default-source", name], capture_output=True, timeout=10)

    def mute_microphone(self, name: str, muted: bool) -> None:
        """The system's mute, as a person sets it in the sound settings."""
        subprocess.run(
            ["pactl", "set-source-mute", name, "1" if muted else "0"],
            capture_output=True,
            timeout=10,
            check=True,
        )

    def remove_module(self, module: str) -> None:
        subprocess.run(["pactl", "unload-module", module], capture_output=True, timeout=10)

    def stop(self) -> None:
        if self.proc is None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=5)
        self.proc = None


def _die_with_parent() -> None:
    """In the server's process: end it when pytest ends, even if pytest is killed."""
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGTERM)
