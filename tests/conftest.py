"""Shared helpers: run the command line in-process (fast) or as a real process;
every test on a machine of its own (home, folders, terminal, keymap); real
terminals marked, so `pytest -m "not terminal"` is the quick loop."""

from __future__ import annotations

import datetime as _dt

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from smgov_tui.cli import main

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "sample_plans"
TESTS = Path(__file__).resolve().parent

# The folders smgov finds through platformdirs (XDG on Linux), below each test's own home.
XDG_FOLDERS = {"XDG_DATA_HOME": ".local/share", "XDG_CONFIG_HOME": ".config", "XDG_CACHE_HOME": ".cache",
               "XDG_STATE_HOME": ".local/state", "XDG_RUNTIME_DIR": "run"}
# What the runner's shell may set that would change what smgov, Textual or Rich do.
NOT_INHERITED = ("COLORTERM", "NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "TTY_COMPATIBLE", "TTY_INTERACTIVE",
                 "COLUMNS", "LINES", "SMGOV_ACCESSIBLE", "SMGOV_THEME", "SMGOV_KEYMAP")


def pytest_collection_modifyitems(config, items):
    """Everything under tests/terminal drives a real terminal (tmux, SSH, a pty, a
    server): marked `terminal` here; real-terminal tests elsewhere carry the mark."""
    folder = TESTS / "terminal"
    for item in items:
        if folder in Path(item.fspath).parents:
            item.add_marker(pytest.mark.terminal)


JUDGED_ON = _dt.date(2026, 12, 6)  # the day the samples' dates were set against


@pytest.fixture(autouse=True)
def judged_on_a_fixed_day(monkeypatch):
    """The checklist judges the dates that fall due as of a fixed day, not the real one:
    the samples' review dates would otherwise fall due as the months pass, and a test of
    a launch-ready plan would fail on a date. Tests of the day itself pass `--as-of`."""
    from smgov_tui.core import readiness

    monkeypatch.setattr(readiness, "judged_today", lambda: JUDGED_ON)


@pytest.fixture(autouse=True)
def a_machine_of_its_own(tmp_path_factory, monkeypatch):
    """Each test as a first-time user on a machine of its own, whatever the user
    running the tests has: its own empty home and XDG folders (so nothing is read
    from, or written to, the real ~/.cache/smgov, ~/.config/smgov or
    ~/.local/share/smgov), no keymap file, and a standard terminal: TERM,
    COLORTERM and NO_COLOR of whoever runs the tests never reach a screen (tests of
    the choice set their own). Children started with os.environ inherit all of it;
    tests that build an environment from scratch take `isolated_environment()`.
    Whatever a test leaves in os.environ (smgov serve sets TERM for its tabs) is
    undone after it."""
    before = dict(os.environ)
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name, below in XDG_FOLDERS.items():
        folder = home / below
        folder.mkdir(parents=True, mode=0o700)
        monkeypatch.setenv(name, str(folder))
    for name in NOT_INHERITED:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("SMGOV_THEME", "textual-dark")  # snapshots and screens: one theme
    monkeypatch.setenv("SMGOV_KEYMAP", str(home / ".config" / "smgov" / "no-such-keymap.toml"))
    yield home
    os.environ.clear()
    os.environ.update(before)


def isolated_environment() -> dict[str, str]:
    """The test's home, folders, terminal and keymap, for a child given an environment
    of its own instead of os.environ's."""
    names = ("HOME", "TERM", *XDG_FOLDERS, "SMGOV_THEME", "SMGOV_KEYMAP")
    return {name: os.environ[name] for name in names if name in os.environ}


# Pilot tests: wait for the screen to settle, not for a time


def still_busy(app) -> str:
    """What the app is still doing, or "" once nothing is on its way: no message
    queued anywhere in its screens, no callback waiting for a refresh (a deferred
    scroll, a field's focus), nothing to lay out or paint, no step with fields yet
    to mount, no widget holding its lock (Markdown parses in a thread under it)."""
    screen = app.screen
    if app._batch_count:
        return "a batch of updates is open"
    for current in app.screen_stack:
        for node in (app, *current.walk_children(with_self=True)):
            if node.message_queue_size or node._next_callbacks:
                return f"messages for {node!r}"
            if getattr(node, "lock", None) is not None and node.lock.is_locked:
                return f"{node!r} is updating"
        if current._callbacks:
            return f"callbacks after {current!r} refreshes"
    if (screen._layout_required or screen._scroll_required or screen._repaint_required
            or screen._recompose_required or screen._dirty_widgets):
        return f"{screen!r} is to be laid out or painted"
    if getattr(screen, "incomplete", False):
        return f"{screen!r} has fields to mount"
    return ""


async def settle(pilot, timeout: float = 30.0) -> None:
    """Pause until the app is still (`still_busy`): Pilot's own pause waits for the
    messages queued when it starts, and then for a quiet CPU, which on a loaded
    machine comes before the work is done. `timeout` only turns a hang into a failure."""
    deadline = time.monotonic() + timeout
    while True:
        await pilot.pause()
        busy = still_busy(pilot.app)
        if not busy:
            return
        assert time.monotonic() < deadline, f"the app never settled: {busy}"


async def until_asking(pilot, timeout: float = 30.0) -> None:
    """Pause until the dialog in front takes keys: a dialog that asks ignores the keys
    typed before it was drawn and a reading time after (tui/screens/asking.py)."""
    deadline = time.monotonic() + timeout
    while True:
        await settle(pilot)
        if time.monotonic() >= getattr(pilot.app.screen, "keys_from", 0.0):
            return
        assert time.monotonic() < deadline, f"{pilot.app.screen!r} never took keys"
        await pilot.pause(0.05)


@pytest.fixture
def steady_cursor(monkeypatch):
    """Text cursors drawn, not blinking: a screenshot taken half a second after a
    field took focus (a loaded machine) would catch the cursor off."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


@pytest.fixture
def sent(monkeypatch, steady_cursor) -> list[str]:
    """What each frame would write to a terminal (a headless app writes nothing)."""
    import io

    from rich.console import Console
    from textual._compositor import CompositorUpdate
    from textual.app import App

    frames: list[str] = []
    console = Console(file=io.StringIO(), force_terminal=True, color_system="truecolor",
                      width=80, height=24, legacy_windows=False)
    display = App._display

    def as_terminal(self, screen, renderable):
        if isinstance(renderable, CompositorUpdate):
            frames.append(renderable.render_segments(console))
        display(self, screen, renderable)

    monkeypatch.setattr(App, "_display", as_terminal)
    return frames


def on_screen(app) -> list[str]:
    """The screen's rows of text, as drawn now."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def rows_drawn(frames: list[str]) -> set[int]:
    """The screen rows (from 0) the frames draw on: each run of cells starts with a cursor move."""
    import re

    return {int(row) - 1 for frame in frames for row, _ in re.findall(r"\x1b\[(\d+);(\d+)H", frame)}


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


def asked_plan(path: Path, name: str = "My social media plan") -> Path:
    """A blank plan whose person was asked the organisation once (and left it):
    the workbench and plain mode open it on the first planning step."""
    from smgov_tui.storage.store import ASKED_ORGANISATION, PlanStore

    PlanStore.create(path, name).note_asked(ASKED_ORGANISATION)
    return path


@pytest.fixture
def plan_path(tmp_path, smgov) -> Path:
    """A blank plan named "Test plan", its organisation undecided (`smgov new --name` would decide it)."""
    from smgov_tui.storage.store import PlanStore

    path = tmp_path / "plan.json"
    PlanStore.create(path, "Test plan")
    return path


def why(plan, check_id: str) -> str | None:
    """The reason a cross-check gives for this plan, or None when it does not fire."""
    from smgov_tui.core.readiness import checklist

    for item in checklist(plan).items:
        if item.id == check_id:
            assert item.kind == "check"
            return item.why
    return None


def checksum_right(raw: bytes) -> bytes:
    """A plan file's bytes with meta.history_crc32 matching its history, as if smgov had
    written them (unchanged if they are not in smgov's layout): the fast read is taken."""
    import re
    import zlib

    from smgov_tui.storage.layout import split

    found = split(raw)
    if not found:
        return raw
    return re.sub(rb'"history_crc32": -?\d+', b'"history_crc32": %d' % zlib.crc32(raw[found[1]:]), raw, count=1)
