"""Real terminals for the tests: smgov in a private tmux server at 80x24.

Keys go in through `tmux send-keys` and the screen comes back through
`capture-pane`, so a test sees what a person at that terminal would. Each
Tmux is its own server (`tmux -L <unique socket>`, its own config), so it can
never touch anyone's sessions, and it is killed afterwards.

The program runs from the same source the tests import (PYTHONPATH), not
from whatever copy of smgov happens to be installed beside the interpreter.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Self

import pytest

import smgov_tui

SOURCE = Path(smgov_tui.__file__).resolve().parent.parent
WHO = "tmux-tester"  # the login name the history records for these sessions
WIDTH = 80  # of the terminal: columns


def require(*tools: str) -> None:
    """These tests fail, not skip, without their tools: CI installs them (.ci/run)."""
    missing = [tool for tool in tools if shutil.which(tool) is None and not Path(tool).exists()]
    if missing:
        pytest.fail(f"{', '.join(missing)} not installed: these tests drive smgov in a real terminal "
                    f"(CI installs them; locally: apt-get install tmux openssh-server openssh-client)")


def smgov_argv(*args: str) -> list[str]:
    """`smgov ARGS` as a command: the console script beside this Python, else `python -m`."""
    script = Path(sys.executable).with_name("smgov")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "smgov_tui"]
    return [*command, *map(str, args)]


def terminal_env(tmp_path: Path) -> dict[str, str]:
    """A first-time user: an empty home and data folders of its own, nothing from ours."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home),
            "XDG_DATA_HOME": str(home / ".local" / "share"), "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_CACHE_HOME": str(home / ".cache"), "XDG_STATE_HOME": str(home / ".local" / "state"),
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "USER": WHO, "LOGNAME": WHO,
            "PYTHONPATH": str(SOURCE), "TMUX_TMPDIR": str(tmp_path)}


class Tmux:
    """One private tmux server with one 80x24 session."""

    def __init__(self, tmp_path: Path, env: dict[str, str]) -> None:
        self.name = f"smgov-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.config = tmp_path / "tmux.conf"
        # Keep the pane after the program ends, to read its last screen.
        self.config.write_text("set -g remain-on-exit on\n", encoding="utf-8")
        # The shell in the pane writes the program's exit status here (tmux's own
        # #{pane_dead_status} is sometimes never filled in when the machine is busy).
        self.status_file = tmp_path / f"exit-status-{self.name}"
        self.env = env

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.kill()

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(["tmux", "-L", self.name, "-f", str(self.config), *args],
                              capture_output=True, text=True, env=self.env, timeout=20, check=check)

    def start(self, command: list[str], cwd: Path, term: str = "xterm-256color", **env: str) -> None:
        """Run `command` in the pane with TERM (tmux would set its own) and `env`."""
        status = shlex.quote(str(self.status_file))
        assignments = shlex.join(f"{k}={v}" for k, v in {"TERM": term, **env}.items())
        shell = (f"cd {shlex.quote(str(cwd))} && env {assignments} {shlex.join(command)}; "
                 f"echo $? > {status}.tmp && mv {status}.tmp {status}")
        self.run("new-session", "-d", "-x", str(WIDTH), "-y", "24", "-s", self.name, shell)

    def send(self, *keys: str) -> None:
        """Keys by tmux's names (C-n, Tab, Enter) or text, all in one `send-keys`:
        they reach the program in one burst, as from a fast typist or a paste."""
        self.run("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        """Text exactly as written (no key names), in one burst."""
        self.run("send-keys", "-t", self.name, "-l", text)

    def screen(self, colours: bool = False, joined: bool = False) -> str:
        """What the terminal shows; with `colours`, with its SGR escape sequences; `joined`,
        from the start of the scrollback, with the lines that filled the width (a long line
        the terminal wrapped) joined to the next (tmux's own -J loses the start of a line
        wrapped across the top of the screen)."""
        flags = [*(["-e"] if colours else []), *(["-S", "-"] if joined else [])]
        shown = self.run("capture-pane", "-p", *flags, "-t", self.name).stdout
        if joined:
            shown = re.sub(f"(?m)^(.{{{WIDTH}}})\n", r"\1", shown)
        return shown

    def exit_status(self) -> str | None:
        """The program's exit status once it has ended, else None."""
        return self.status_file.read_text().strip() if self.status_file.exists() else None

    def wait_for(self, condition: Callable[[], bool], what: str, timeout: float = 15) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout} s waiting for {what}; "
                                     f"exit status {self.exit_status()}; the terminal shows:\n{self.screen()}")
            time.sleep(0.05)

    def wait_for_text(self, *texts: str, timeout: float = 15) -> str:
        """Wait until the screen shows every one of `texts`; returns that screen."""
        shown = ""

        def showing() -> bool:
            nonlocal shown
            shown = self.screen()
            return all(text in shown for text in texts)

        self.wait_for(showing, " and ".join(repr(t) for t in texts), timeout)
        return shown

    def wait_for_exit(self, timeout: float = 15) -> str:
        self.wait_for(lambda: self.exit_status() is not None, "the program to end", timeout)
        return self.exit_status() or ""

    def kill(self) -> None:
        self.run("kill-session", "-t", self.name, check=False)
        self.run("kill-server", check=False)


SGR = re.compile(r"\x1b\[([0-9;:]*)m")


def _sgr_params(match: re.Match) -> list[int]:
    return [int(p or 0) for p in re.split(r"[;:]", match.group(1))] if match.group(1) else [0]


def sgr_colours(screen: str) -> set[str]:
    """Every colour a captured screen sets, as `fg 31`, `bg 100`, `fg 38;5;208`, `bg 48;2;...`."""
    colours: set[str] = set()
    for match in SGR.finditer(screen):
        params = _sgr_params(match)
        i = 0
        while i < len(params):
            p = params[i]
            if p in (38, 48) and i + 1 < len(params):
                width = 3 if params[i + 1] == 5 else 5
                colours.add(("fg " if p == 38 else "bg ") + ";".join(map(str, params[i:i + width])))
                i += width
                continue
            if 30 <= p <= 37 or 90 <= p <= 97:
                colours.add(f"fg {p}")
            elif 40 <= p <= 47 or 100 <= p <= 107:
                colours.add(f"bg {p}")
            i += 1
    return colours


def share_on_terminal_background(screen: str) -> float:
    """The share of a captured screen's characters drawn on the terminal's own
    background, with no background colour set: nearly all in the ANSI theme,
    none in a theme that paints its own."""
    on_own = total = 0
    painted = False
    for line in screen.split("\n"):
        position = 0
        for match in [*SGR.finditer(line), None]:
            text = line[position:match.start() if match else len(line)]
            total += len(text)
            on_own += 0 if painted else len(text)
            if match is None:
                break
            position = match.end()
            params, i = _sgr_params(match), 0
            while i < len(params):
                p = params[i]
                if p in (0, 49):
                    painted = False
                elif 40 <= p <= 47 or 100 <= p <= 107 or p == 48:
                    painted = True
                if p in (38, 48) and i + 1 < len(params):
                    i += 2 if params[i + 1] == 5 else 4
                i += 1
    return on_own / max(total, 1)
