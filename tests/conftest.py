"""Shared helpers: run the command line in-process (fast) or as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from smgov_tui.cli import main

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "sample_plans"


@pytest.fixture(autouse=True)
def same_terminal_everywhere(monkeypatch):
    """Snapshots and screens must not depend on the TERM, COLORTERM or NO_COLOR of
    whoever runs the tests: pin the theme (tests of theme choice set their own)."""
    monkeypatch.setenv("SMGOV_THEME", "textual-dark")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("SMGOV_KEYMAP", str(REPO / "tests" / "no-such-keymap.toml"))  # nor their keymap file


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def smgov(capsys, monkeypatch):
    """Call `smgov ARGS...` in-process; returns exit code, stdout and stderr."""
    monkeypatch.setenv("COLUMNS", "100")

    def run(*args: str, stdin: str | None = None) -> Result:
        if stdin is not None:
            import io
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        try:
            code = main([str(a) for a in args])
        except SystemExit as exit_:
            code = exit_.code
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def smgov_process(*args: str, cwd: Path | None = None, env: dict | None = None) -> Result:
    """Run the installed `smgov` console script as a separate process."""
    script = Path(sys.executable).with_name("smgov")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "smgov_tui"]
    done = subprocess.run([*command, *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, **(env or {})}, timeout=60)
    return Result(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def plan_path(tmp_path, smgov) -> Path:
    """A blank plan made by `smgov new`."""
    path = tmp_path / "plan.json"
    assert smgov("new", path, "--name", "Test plan").code == 0
    return path


def why(plan, check_id: str) -> str | None:
    """The reason a cross-check gives for this plan, or None when it does not fire."""
    from smgov_tui.core.readiness import checklist

    for item in checklist(plan).items:
        if item.id == check_id:
            assert item.kind == "check"
            return item.why
    return None
