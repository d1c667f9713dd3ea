"""What a person at a terminal sees of an app's start: every frame the app
writes to a pty at 80x24, replayed through a screen emulator (pyte), and the
first frame after which the screen no longer changes on its own, the one a
person can work from. bench/tui.py and bench/slowlink.py time it.

Why an emulator and not the app's first text: a Textual app may draw a
first frame and then lay the whole screen out again (the footer, the scroll
bars, a column narrower); a person works from the last of those, and a slow
link carries them all. Why every frame and not the last byte: the cursor
blinks (a frame every half second, for ever), so the output is never quiet.

The settled frame: the screen after each frame is kept (its text and every
cell's colours and attributes; times of day such as a header clock masked,
so a ticking clock is no change). Once the app has run for `quiet` seconds
with only screens already seen in that time (the blinking cursor's two
states), the settled frame is the one just after the last screen not among
them. The cursor's own position and visibility are not part of a screen.

A slow link is modelled as a FIFO at a given rate in front of the measuring
side, with a buffer as large as an SSH channel's window (the app is never
held up writing): each burst arrives when the link has carried every byte
before it and itself. The app's question whether the terminal draws frames
whole is answered when the question arrives, as a remote terminal would.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from dataclasses import dataclass
from pathlib import Path

try:
    import pyte
except ImportError:  # pragma: no cover - told once, plainly
    raise SystemExit("bench: the settled frame needs pyte, a terminal emulator: .venv/bin/pip install pyte")

COLUMNS, LINES = 80, 24
# Textual asks whether the terminal draws frames whole (synchronized output);
# most terminals say yes, and then every frame is bracketed, so frames can be told apart.
SYNC_QUERY, SYNC_SUPPORTED = b"\x1b[?2026$p", b"\x1b[?2026;2$y"
SYNC_START, SYNC_END = b"\x1b[?2026h", b"\x1b[?2026l"
QUIET = 0.1  # output that follows a key is over when the pty has been silent this long
BLINK = 0.5  # Textual's cursor blink: a key restarts it, so none lands within this of a key
SETTLED_QUIET = 1.5  # seconds of no new screen before the screen counts as settled
CLOCK = re.compile(r"\d?\d:\d\d(:\d\d)?")  # a time of day on screen (a header clock) is no change


class Pty:
    """An app in a pseudo-terminal of 80x24; what it writes is kept with the
    time it reached the measuring side (through a link of `rate` bytes a second,
    if given)."""

    def __init__(self, command: list[str], env: dict[str, str], cwd: Path, rate: float | None = None) -> None:
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: the size is set before the app can ask for it
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
                os.chdir(cwd)
                os.execvpe(command[0], command, env)
            finally:
                os._exit(127)
        self.rate = rate
        self.output = bytearray()
        self.bursts: list[tuple[float, bytes]] = []  # (seconds from the start to its arrival, bytes)
        self.link_free = 0.0  # when the link has carried everything read so far (seconds from the start)
        self.answer_at: float | None = None  # when the synchronized-output question arrives
        self.answered = False
        self.exited = False
        self.typed = 0.0  # when the last key was sent

    def now(self) -> float:
        return time.perf_counter() - self.started

    def read(self, until: float, quiet: float | None = None) -> int:
        """Bytes written until the time `until` (perf_counter), or until `quiet`
        seconds pass without any once some came."""
        count = 0
        last = time.perf_counter()
        while True:
            self._answer()
            now = time.perf_counter()
            wait = until - now
            if quiet is not None and count:
                wait = min(wait, last + quiet - now)
            if wait <= 0:
                return count
            if self.answer_at is not None and not self.answered:
                wait = min(wait, max(0.001, self.started + self.answer_at - now))
            ready, _, _ = select.select([self.fd], [], [], wait)
            if not ready:
                continue
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:  # the app is gone
                return count
            if not chunk:
                return count
            arrival = self.now()
            if self.rate:
                self.link_free = max(arrival, self.link_free) + len(chunk) / self.rate
                arrival = self.link_free
            self.bursts.append((arrival, chunk))
            self.output += chunk
            count += len(chunk)
            if self.answer_at is None and SYNC_QUERY in self.output:
                self.answer_at = arrival
            last = time.perf_counter()

    def _answer(self) -> None:
        if self.answer_at is not None and not self.answered and self.now() >= self.answer_at:
            os.write(self.fd, SYNC_SUPPORTED)
            self.answered = True

    def type(self, key: bytes) -> int:
        """Bytes the app writes in answer to one key (well before the cursor blinks)."""
        os.write(self.fd, key)
        self.typed = time.perf_counter()
        return self.read(self.typed + BLINK - 0.05, quiet=QUIET)

    def memory(self, field: str = "VmHWM") -> int:
        """The app's memory in kB: peak resident (VmHWM) or resident now (VmRSS)."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
        raise RuntimeError(f"no {field}")

    def alive(self) -> bool:
        if self.exited:
            return False
        self.exited = os.waitpid(self.pid, os.WNOHANG) != (0, 0)
        return not self.exited

    def quit(self) -> None:
        """ctrl+q, then SIGKILL if the app is still there after 10 s; the pty closed."""
        try:
            os.write(self.fd, b"\x11")
        except OSError:
            pass
        end = time.perf_counter() + 10
        while self.alive() and time.perf_counter() < end:
            self.read(time.perf_counter() + 0.1)
        if self.alive():
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.exited = True
        os.close(self.fd)


def frames(output: bytes) -> list[bytes]:
    """The frames in some output, each from its start of synchronized update to its end."""
    return [SYNC_START + part.split(SYNC_END)[0] + SYNC_END for part in output.split(SYNC_START)[1:]]


@dataclass
class Screen:
    """The screen as shown once a burst has arrived (not inside a frame)."""

    time: float  # seconds from the start
    sent: int  # bytes arrived until then
    text: str
    state: tuple  # text with times of day masked, and every cell's colours and attributes


class Replay:
    """The app's output fed to a terminal emulator, a screen kept whenever the
    output stands outside a synchronized update (as a terminal shows it)."""

    def __init__(self) -> None:
        self.emulator = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.emulator)
        self.screens: list[Screen] = []
        self.fed = 0  # bursts fed so far
        self.sent = 0
        self.tail = b""  # the last bytes fed: a bracket may be split between two bursts
        self.open = False  # inside a synchronized update

    def feed(self, bursts: list[tuple[float, bytes]]) -> list[Screen]:
        for arrival, chunk in bursts[self.fed:]:
            self.stream.feed(chunk)
            self.sent += len(chunk)
            window = self.tail + chunk
            begun, ended = window.rfind(SYNC_START), window.rfind(SYNC_END)
            if begun != ended:  # one of them is there: the later says where the output stands
                self.open = begun > ended
            self.tail = window[-(len(SYNC_START) - 1):]
            if not self.open:
                self.screens.append(self.screen(arrival))
        self.fed = len(bursts)
        return self.screens

    def screen(self, arrival: float) -> Screen:
        buffer = self.emulator.buffer
        rows = [[buffer[y][x] for x in range(COLUMNS)] for y in range(LINES)]
        text = "\n".join("".join(char.data for char in row) for row in rows)
        cells = tuple(tuple(char[1:] for char in row) for row in rows)
        return Screen(arrival, self.sent, text, (CLOCK.sub("##:##", text), cells))


def settled(screens: list[Screen], now: float, quiet: float = SETTLED_QUIET) -> Screen | None:
    """The first screen after which only screens seen in the last `quiet` seconds
    follow, if the app has been that still for `quiet` seconds by `now`."""
    if not screens:
        return None
    recent = {screen.state for screen in screens if screen.time >= now - quiet}
    recent.add(screens[-1].state)  # the screen on show, however old
    first = len(screens)
    while first > 0 and screens[first - 1].state in recent:
        first -= 1
    if first == len(screens):
        return None
    found = screens[first]
    if now - found.time < quiet:
        return None
    # Blinks before it: the settled screen is where the last new state began.
    return found


def first_showing(screens: list[Screen], text: str) -> Screen | None:
    """The first screen with `text` on it (the old "first content" figure)."""
    return next((screen for screen in screens if text in screen.text), None)


@dataclass
class Start:
    content: Screen  # the first screen with the app's first text
    settled: Screen  # the first screen the person can work from
    pid: int


def wait_settled(app: Pty, text: str, quiet: float = SETTLED_QUIET, timeout: float = 60) -> Start:
    """Read an app's start until its screen has settled (with `text` on it)."""
    replay = Replay()
    found = content = None
    # Read on without looking for a while: replaying the screens takes the CPU the app may still need.
    app.read(app.started + quiet + 1.0)
    while found is None:
        app.read(time.perf_counter() + 0.5)
        now = app.now()
        if now > timeout or not app.alive():
            tail = replay.screens[-1].text if replay.screens else bytes(app.output[-300:])
            raise RuntimeError(f"no settled frame within {timeout} s:\n{tail}")
        if app.bursts and app.bursts[-1][0] > now:
            continue  # still on the link
        screens = replay.feed(app.bursts)
        content = content or first_showing(screens, text)
        if content:
            found = settled(screens, now, quiet)
    return Start(content, found, app.pid)


def start(command: list[str], env: dict[str, str], cwd: Path, text: str, rate: float | None = None,
          linger: float = 0) -> Start:
    """Start an app in a pty, wait for its settled frame, close it (after
    `linger` seconds more, if given)."""
    app = Pty(command, env, cwd, rate)
    try:
        figures = wait_settled(app, text)
        if linger:
            app.read(time.perf_counter() + linger)
        return figures
    finally:
        app.quit()


def trace(command: list[str], seconds: float = 3.0, rate: float | None = None) -> None:
    """Print each change of screen an app's start makes: when, bytes so far, the
    rows whose text or colours changed, and the text of those rows."""
    app = Pty(command, dict(os.environ, TERM="xterm-256color"), Path.cwd(), rate)
    try:
        app.read(app.started + seconds)
        while app.bursts and app.bursts[-1][0] > app.now():
            app.read(time.perf_counter() + 0.1)
        bursts, now = list(app.bursts), app.now()  # not what quitting writes
    finally:
        app.quit()
    before = None
    for screen in Replay().feed(bursts):
        if before is not None and screen.state == before.state:
            continue
        old_rows = before.text.split("\n") if before else [""] * LINES
        old_cells = before.state[1] if before else (None,) * LINES
        rows = [y for y in range(LINES) if screen.state[1][y] != old_cells[y]
                or screen.text.split("\n")[y] != old_rows[y]]
        print(f"{screen.time * 1000:7.0f} ms {screen.sent:7,d} B  rows changed: {len(rows)}")
        for y in rows:
            if screen.text.split("\n")[y] != old_rows[y]:
                print(f"    {y:2d} {screen.text.split(chr(10))[y].rstrip()}")
        before = screen
    found = settled(Replay().feed(bursts), now, min(SETTLED_QUIET, seconds / 2))
    print(f"settled: {found.time * 1000:.0f} ms, {found.sent:,d} B" if found else "not settled")


if __name__ == "__main__":
    # python bench/settled.py [--rate BYTES_PER_S] [--seconds 3] COMMAND...: the screens an app's start shows.
    import argparse

    parser = argparse.ArgumentParser(description="Print each change of screen an app's start makes, at 80x24.")
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--rate", type=float, help="bytes a second through a slow link")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    arguments = parser.parse_args()
    trace(arguments.command, arguments.seconds, arguments.rate)
