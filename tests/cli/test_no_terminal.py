"""No terminal, no workbench (issue 13, point 9): `smgov [PLAN]` from a script, a cron job
or with its output in a file says so in one line and exits 2 at once, touching no file;
a mistyped command is not taken as the name of a new plan. Real processes: the streams
are what is tested. A hang fails through the subprocess's timeout, never a timing."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from smgov_tui.cli.commands import missing_terminal

SCRIPT = Path(sys.executable).with_name("smgov")
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "smgov_tui"]
HANG = 30  # seconds: only a process that waits for keys takes this long


def run(*args: str, cwd: Path, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    return subprocess.run([*COMMAND, *args], cwd=cwd, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE,
                          timeout=HANG, env=os.environ)


def test_no_terminal_on_stdin_is_one_line_and_exit_2_at_once(tmp_path):
    with open(tmp_path / "out", "wb") as out:
        done = run("plan.json", cwd=tmp_path, stdout=out)
    assert done.returncode == 2
    assert done.stderr.decode() == ("smgov: error: the workbench needs a terminal (standard input is not one); "
                                    "for prompts use smgov --plain plan.json, for scripts the commands: "
                                    "smgov --help\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no plan started, nothing drawn
    assert (tmp_path / "out").read_bytes() == b""


@pytest.mark.terminal
def test_output_into_a_file_is_refused_too(tmp_path):
    controller, terminal = pty.openpty()
    try:
        with open(tmp_path / "out", "wb") as out:
            done = run("plan.json", cwd=tmp_path, stdin=terminal, stdout=out)
    finally:
        os.close(controller)
        os.close(terminal)
    assert done.returncode == 2
    assert done.stderr.decode().startswith("smgov: error: the workbench needs a terminal "
                                           "(standard output is not one); for prompts use smgov --plain")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_without_a_plan_no_data_folder_is_made(tmp_path):
    data = Path(os.environ["XDG_DATA_HOME"])
    before = sorted(data.rglob("*"))
    done = run(cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.decode().count("\n") == 1
    assert "smgov --plain, for scripts the commands: smgov --help" in done.stderr.decode()
    assert sorted(data.rglob("*")) == before


@pytest.mark.parametrize("word, guess", [("publish", None), ("chek", "check"), ("histroy", "history")])
def test_a_mistyped_command_is_an_unknown_command_not_a_new_plan(tmp_path, word, guess):
    done = run(word, cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == b""
    line = done.stderr.decode()
    assert line.count("\n") == 1 and line.startswith(f"smgov: error: unknown command '{word}'")
    assert (f"(did you mean {guess}?)" in line) if guess else "did you mean" not in line
    assert f"give a path: smgov ./{word} or smgov {word}.json" in line
    assert list(tmp_path.iterdir()) == []


def test_a_plan_named_like_a_word_opens_when_it_exists_or_is_given_as_a_path(tmp_path, smgov):
    assert smgov("new", tmp_path / "chek").code == 0
    done = run("chek", cwd=tmp_path)  # exists: opened (here refused for want of a terminal)
    assert done.returncode == 2 and "the workbench needs a terminal" in done.stderr.decode()
    done = run("./other", cwd=tmp_path)
    assert done.returncode == 2 and "the workbench needs a terminal" in done.stderr.decode()


def test_plain_mode_still_reads_a_pipe_and_ends_at_its_end(tmp_path):
    done = run("--plain", "plan.json", cwd=tmp_path, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    assert b"Left smgov: no plan was started." in done.stdout  # the pipe ended at the offer
    done = subprocess.run([*COMMAND, "--plain", "plan.json"], cwd=tmp_path, input=b"\n", timeout=HANG,
                          capture_output=True)  # Enter: a blank plan; then the pipe ends
    assert b"Left smgov: every answer you gave is saved in plan.json." in done.stdout
    done = subprocess.run([*COMMAND, "--plain", "plan.json"], cwd=tmp_path, input=b"weekly\n", timeout=HANG,
                          capture_output=True)
    assert done.returncode == 0 and b"Left smgov" in done.stdout


def test_a_served_tab_names_its_driver_and_is_not_asked_for_a_terminal(monkeypatch):
    monkeypatch.setattr(sys, "__stdin__", io.StringIO())  # no file descriptor: no terminal
    assert missing_terminal({"TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver"}) is None
    assert missing_terminal({}) == "standard input"
