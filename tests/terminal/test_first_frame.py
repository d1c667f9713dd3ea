"""The first frame the workbench sends is the whole step, once (issue 18).

smgov runs in a pseudo-terminal of 80x24 that says it draws frames whole
(synchronized output), so every frame it sends can be told apart. The first
frame that shows the step is the one a person works from: the top bar, the
form, the checklist and the footer of key hints all in it; and the step is not
drawn a second time, one column narrower, a moment later."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import shutil
import signal
import struct
import termios
import time

from conftest import SAMPLES
from drive import smgov_argv, terminal_env

SYNC_QUERY, SYNC_SUPPORTED = b"\x1b[?2026$p", b"\x1b[?2026;2$y"
SYNC_START, SYNC_END = b"\x1b[?2026h", b"\x1b[?2026l"
TITLE = "1/8 Objectives".encode()  # the step the county sample opens on, in its top bar


def frames(output: bytes) -> list[bytes]:
    """Each whole frame (synchronized update) in the output, in order."""
    return [part.split(SYNC_END)[0] for part in output.split(SYNC_START)[1:] if SYNC_END in part]


def run_until_quit(tmp_path) -> bytes:
    """All smgov wrote, opened on the county sample: ctrl+q once the step is on screen."""
    plan = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county.json", plan)
    env = {**terminal_env(tmp_path), "TERM": "xterm-256color"}
    argv = smgov_argv(plan)
    pid, fd = pty.fork()
    if pid == 0:  # the size is set before the app can ask for it
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.execvpe(argv[0], argv, env)
    output, answered, quit_sent = bytearray(), False, False
    deadline = time.monotonic() + 60  # only turns a hang into a failure
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the program has ended
                break
            if not chunk:
                break
            output += chunk
            if not answered and SYNC_QUERY in output:
                os.write(fd, SYNC_SUPPORTED)
                answered = True
            if not quit_sent and any(TITLE in frame for frame in frames(bytes(output))):
                os.write(fd, b"\x11")  # ctrl+q
                quit_sent = True
    finally:
        if os.waitpid(pid, os.WNOHANG) == (0, 0):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)
    return bytes(output)


def test_the_first_frame_of_the_step_is_all_of_it_and_it_is_sent_once(tmp_path):
    drawn = [frame for frame in frames(run_until_quit(tmp_path)) if TITLE in frame]
    assert drawn, "the step never came on screen"
    first = drawn[0]
    # The footer of key hints, the checklist's count and the plan's name, in the first frame.
    for shown in (b"Quit", b"Next", b"Checklist", b"palette", b"46/96 decided", b"Kettle County",
                  b"How each topic is approached"):
        assert shown in first, shown
    # Nothing drew the step again before the quit: no second layout of the whole screen.
    assert len(drawn) == 1
