"""The workbench in a real terminal: tmux runs `smgov PLAN` at 80x24, keys go in
through `tmux send-keys`, and the plan file is checked after ctrl+q.

tmux is required (CI installs it): without it this test fails, it does not skip.
Each run uses its own tmux server (`tmux -L <unique socket>`, no config file),
so it cannot touch anyone's sessions, and the server is killed afterwards.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from smgov_tui.cli import main

FIRST_FRAME = "1/8 Objectives"


def smgov_command(plan: Path) -> list[str]:
    script = Path(sys.executable).with_name("smgov")
    if script.exists():
        return [str(script), str(plan)]
    return [sys.executable, "-m", "smgov_tui", str(plan)]


class Tmux:
    """One private tmux server with one session."""

    def __init__(self, tmp_path: Path, env: dict[str, str]) -> None:
        self.name = f"smgov-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.config = tmp_path / "tmux.conf"
        # Keep the pane after the program ends, to read its exit status and last screen.
        self.config.write_text("set -g remain-on-exit on\n", encoding="utf-8")
        # The shell in the pane writes the program's exit status here (tmux's own
        # #{pane_dead_status} is sometimes never filled in when the machine is busy).
        self.status_file = tmp_path / "exit-status"
        self.env = env

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(["tmux", "-L", self.name, "-f", str(self.config), *args],
                              capture_output=True, text=True, env=self.env, timeout=20, check=check)

    def start(self, command: list[str], cwd: Path) -> None:
        status = shlex.quote(str(self.status_file))
        shell = (f"cd {shlex.quote(str(cwd))} && env TERM=xterm-256color {shlex.join(command)}; "
                 f"echo $? > {status}.tmp && mv {status}.tmp {status}")
        self.run("new-session", "-d", "-x", "80", "-y", "24", "-s", self.name, shell)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.name).stdout

    def pane(self, fmt: str) -> str:
        return self.run("display-message", "-p", "-t", self.name, fmt).stdout.strip()

    def exit_status(self) -> str | None:
        """The program's exit status once it has ended, else None."""
        return self.status_file.read_text().strip() if self.status_file.exists() else None

    def wait_for(self, condition, what: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout} s waiting for {what}; "
                                     f"exit status {self.exit_status()}; the terminal shows:\n{self.screen()}")
            time.sleep(0.1)

    def kill(self) -> None:
        self.run("kill-session", "-t", self.name, check=False)
        self.run("kill-server", check=False)


def test_typed_decision_is_saved_from_a_real_terminal(tmp_path):
    if shutil.which("tmux") is None:
        pytest.fail("tmux is not installed: this test needs it to run smgov in a real terminal "
                    "(CI installs it; locally: apt-get install tmux)")
    plan = tmp_path / "plan.json"
    assert main(["new", str(plan), "--name", "Terminal plan"]) == 0
    home = tmp_path / "home"
    home.mkdir()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home),
           "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
           "USER": "tmux-tester", "LOGNAME": "tmux-tester",
           "TMUX_TMPDIR": str(tmp_path)}
    text = "Residents ask about bin days in the Harbor Falls forum"
    tmux = Tmux(tmp_path, env)
    try:
        tmux.start(smgov_command(plan), cwd=tmp_path)
        tmux.wait_for(lambda: FIRST_FRAME in tmux.screen() or tmux.exit_status() is not None,
                      "the first frame", timeout=15)
        assert FIRST_FRAME in tmux.screen(), f"smgov ended before its first frame:\n{tmux.screen()}"

        # On a blank plan the cursor is in the first decision: type straight into it.
        tmux.run("send-keys", "-t", tmux.name, "-l", text)
        tmux.wait_for(lambda: "bin days" in tmux.screen(), "the typed text on screen", timeout=10)
        time.sleep(1)  # longer than the 0.6 s pause after which typing is saved
        tmux.run("send-keys", "-t", tmux.name, "C-q")
        tmux.wait_for(lambda: tmux.exit_status() is not None, "smgov to quit after ctrl+q", timeout=15)
        status = tmux.exit_status()
        assert status == "0", f"smgov exited with {status}; the terminal shows:\n{tmux.screen()}"
    finally:
        tmux.kill()

    data = json.loads(plan.read_text(encoding="utf-8"))
    assert data["plan"]["1"]["values"] == {"objectives.conversations_now": text}
    entries = [e for e in data["history"].values() if e["decision"] == "objectives.conversations_now"]
    assert entries and entries[-1]["new"] == text and entries[0]["old"] is None
    assert {e["who"] for e in entries} == {"tmux-tester"}
