"""A dropped SSH link (SIGHUP) or a shutdown (SIGTERM) saves what is pending.

The workbench runs as a real process on a real pseudo-terminal (80x24,
TERM=xterm-256color). A value is typed into the focused field and the signal
arrives before the save pause (SAVE_PAUSE) has run out, so only the signal
handler can have saved it. The last case closes the terminal itself, as a
dropped link does: the kernel sends the hang-up and the terminal is gone.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from conftest import asked_plan

from smgov_tui.tui.workbench import SAVE_PAUSE

REPO = Path(__file__).resolve().parents[2]
TYPED = "Hang-up proof"
FIRST_FIELD = "objectives.conversations_now"  # a blank plan opens here, cursor in this field
COMMAND = [sys.executable, "-m", "smgov_tui"]
FIRST_FRAME = b"1/8 Objectives"
CONTROLLING = ("import fcntl, os, sys, termios; fcntl.ioctl(0, termios.TIOCSCTTY, 0); "
               "os.execv(sys.argv[1], sys.argv[1:])")


class Terminal:
    """`python -m smgov_tui PLAN` on a pseudo-terminal; the test holds the master side."""

    def __init__(self, plan: Path, controlling: bool = False) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(REPO),
               "SMGOV_THEME": "textual-dark"}
        env.pop("TEXTUAL_ALLOW_SIGNALS", None)

        # With the terminal as its controlling one (as sshd sets up a login), closing
        # the master side hangs up the session: the kernel sends SIGHUP.
        prefix = [sys.executable, "-c", CONTROLLING] if controlling else []
        self.process = subprocess.Popen(
            [*prefix, *COMMAND, str(plan)], stdin=slave, stdout=slave, stderr=slave,
            env=env, cwd=plan.parent, start_new_session=True)
        os.close(slave)
        self.output = bytearray()

    def drain(self, seconds: float) -> None:
        """Read whatever the app writes for `seconds` (a full pty would block it)."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            if self.master < 0:
                time.sleep(min(left, 0.05))
                continue
            ready, _, _ = select.select([self.master], [], [], min(left, 0.05))
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:  # EIO: the app closed its side
                    chunk = b""
                if not chunk:
                    time.sleep(0.01)
                self.output += chunk

    def wait_for(self, text: bytes, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.output:
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(f"no {text!r} on the terminal; exit {self.process.poll()}; "
                                     f"last output: {bytes(self.output[-800:])!r}")
            self.drain(0.1)

    def settle(self, quiet: float = 0.3, timeout: float = 10) -> None:
        """Until only the cursor blinks (a few bytes each half second): the first frame is done."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            size = len(self.output)
            self.drain(quiet)
            if len(self.output) - size < 200:
                return

    def type(self, text: str) -> None:
        os.write(self.master, text.encode())

    def wait_exit(self, timeout: float = 20) -> int:
        deadline = time.monotonic() + timeout
        while self.process.poll() is None:
            if time.monotonic() > deadline:
                self.process.kill()
                raise AssertionError(f"still running {timeout} s after the signal; "
                                     f"last output: {bytes(self.output[-800:])!r}")
            self.drain(0.05)
        self.drain(0.2)
        return self.process.returncode

    def hang_up(self) -> None:
        os.close(self.master)
        self.master = -1

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(5)
        if self.master >= 0:
            os.close(self.master)
            self.master = -1


@pytest.fixture
def plan(tmp_path) -> Path:
    path = tmp_path / "plan.json"
    return asked_plan(path)  # blank, its organisation asked once: opens on the first decision


def saved(plan: Path) -> tuple[object, list[dict]]:
    data = json.loads(plan.read_text(encoding="utf-8"))
    value = data["plan"]["1"]["values"].get(FIRST_FIELD)
    return value, [e for e in data["history"].values() if e["decision"] == FIRST_FIELD]


def type_then(plan: Path, send) -> tuple[Terminal, int]:
    """Open the workbench, type into the focused field, then call `send` before the pause ends."""
    assert saved(plan)[0] is None
    terminal = Terminal(plan, controlling=send == "close")
    try:
        terminal.wait_for(FIRST_FRAME)
        terminal.settle()
        typed_at = time.monotonic()
        terminal.type(TYPED)
        terminal.wait_for(TYPED.encode()[-6:], timeout=5)  # the field shows it: the app has it
        assert time.monotonic() - typed_at < SAVE_PAUSE, "too slow to beat the save pause"
        assert saved(plan)[0] is None, "saved before the signal: the test proves nothing"
        if send == "close":
            terminal.hang_up()
        else:
            terminal.process.send_signal(send)
        code = terminal.wait_exit()
    finally:
        terminal.close()
    return terminal, code


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_signal_saves_what_is_pending_and_exits_cleanly(plan, signum):
    terminal, code = type_then(plan, signum)
    value, history = saved(plan)
    assert value == TYPED
    assert history and history[-1]["new"] == TYPED
    assert code == 0
    output = bytes(terminal.output)
    assert b"Traceback" not in output
    # The terminal is given back: mouse reporting off, alternate screen left.
    tail = output[output.rfind(TYPED.encode()[-6:]):]
    assert b"\x1b[?1049l" in tail
    assert b"\x1b[?1000l" in tail


def test_closing_the_terminal_saves_what_is_pending(plan):
    """The link drops: the terminal goes away and the kernel sends the hang-up."""
    _terminal, code = type_then(plan, "close")
    value, history = saved(plan)
    assert value == TYPED
    assert history and history[-1]["new"] == TYPED
    assert code == 0
