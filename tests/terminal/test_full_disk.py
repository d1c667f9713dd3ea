"""Quitting never hides a failed save: a real full filesystem, a real terminal.

The plan lives on a small tmpfs filled to the last byte, so the workbench's
save fails as it would on a full disk. ctrl+q keeps it open on a dialog that
says why; pressed again it quits without saving, and the terminal is left
with what was lost and exit status 2. With room made, "retry" saves and quits.
Mounting needs root (CI runs as root); elsewhere these tests are skipped.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from drive import Tmux, require, smgov_argv, terminal_env

from smgov_tui.cli import main
from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.tui.screens.asking import READING_TIME

FIRST_FRAME = "1/8 Objectives"
FIELD = "objectives.conversations_now"  # a blank plan opens here, cursor in it
TYPED = "Typed on a full disk"


@pytest.fixture
def full_disk(tmp_path) -> Iterator[Path]:
    """A 256 kB tmpfs holding a new plan, then filled: the folder, unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (CI runs as root)")
    folder = tmp_path / "disk"
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", str(folder)], check=True)
    try:
        assert main(["new", str(folder / "plan.json"), "--name", "Full plan"]) == 0
        with open(folder / "filler", "wb", buffering=0) as filler:
            try:
                while True:
                    filler.write(b"\0" * 4096)
            except OSError as error:
                assert error.errno == errno.ENOSPC
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def value(plan: Path) -> object:
    return json.loads(plan.read_text(encoding="utf-8"))["plan"]["1"]["values"].get(FIELD)


def typed_then_quit(tmux: Tmux, plan: Path) -> None:
    tmux.start(smgov_argv(plan), cwd=plan.parent)
    tmux.wait_for(lambda: FIRST_FRAME in tmux.screen() or tmux.exit_status() is not None, "the first frame")
    tmux.type(TYPED)
    tmux.wait_for_text("NOT SAVED", timeout=15)  # the pause's save met the full disk
    tmux.send("C-q")
    tmux.wait_for_text("Not saved", "No space left on device", "Quit without saving: 1 change lost")
    assert tmux.exit_status() is None  # still open, the text still held


def press_until_it_ends(tmux: Tmux, key: str) -> str:
    """The dialog takes no key typed before a person could have read it (READING_TIME after
    it is drawn, a moment a loaded machine may stretch): the key again until it is taken."""
    for _ in range(20):
        tmux.send(key)
        with contextlib.suppress(AssertionError):
            return tmux.wait_for_exit(timeout=READING_TIME * 4)
    return tmux.wait_for_exit()


def test_quit_on_a_full_disk_asks_and_a_forced_quit_says_what_is_lost(full_disk, tmp_path):
    require("tmux")
    plan = full_disk / "plan.json"
    before = plan.read_bytes()
    with Tmux(tmp_path, terminal_env(tmp_path)) as tmux:
        typed_then_quit(tmux, plan)
        assert press_until_it_ends(tmux, "C-q") == "2"  # again: quit without saving
        shown = tmux.screen(joined=True)
    label = CATALOGUE.get(FIELD).label
    assert f"smgov: error: 1 change NOT saved to {plan}: {label}\n" in shown
    assert f"{label}: {TYPED}" in shown  # the text itself, still on the screen to copy
    assert plan.read_bytes() == before


def test_retry_once_there_is_room_saves_and_quits(full_disk, tmp_path):
    require("tmux")
    plan = full_disk / "plan.json"
    with Tmux(tmp_path, terminal_env(tmp_path)) as tmux:
        typed_then_quit(tmux, plan)
        (full_disk / "filler").unlink()
        assert press_until_it_ends(tmux, "r") == "0", tmux.screen()
    assert value(plan) == TYPED
