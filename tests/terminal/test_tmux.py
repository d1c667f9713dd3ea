"""The workbench in a real terminal: tmux runs `smgov PLAN` at 80x24, keys go in
through `tmux send-keys`, and the plan file is checked after ctrl+q.

tmux is required (CI installs it): without it this test fails, it does not skip.
The tmux helper (a private server per test) is in tests/terminal/drive.py; the first-time
walk, 16 colours, NO_COLOR and SSH are in tests/terminal/test_terminals.py.
"""

from __future__ import annotations

import json
import time

from drive import WHO, Tmux, require, smgov_argv, terminal_env

from smgov_tui.cli import main

FIRST_FRAME = "1/8 Objectives"


def test_typed_decision_is_saved_from_a_real_terminal(tmp_path):
    require("tmux")
    plan = tmp_path / "plan.json"
    assert main(["new", str(plan), "--name", "Terminal plan"]) == 0
    text = "Residents ask about bin days in the Harbor Falls forum"
    with Tmux(tmp_path, terminal_env(tmp_path)) as tmux:
        tmux.start(smgov_argv(plan), cwd=tmp_path)
        tmux.wait_for(lambda: FIRST_FRAME in tmux.screen() or tmux.exit_status() is not None,
                      "the first frame", timeout=15)
        assert FIRST_FRAME in tmux.screen(), f"smgov ended before its first frame:\n{tmux.screen()}"

        # On a blank plan the cursor is in the first decision: type straight into it.
        tmux.type(text)
        tmux.wait_for_text("bin days", timeout=10)
        time.sleep(1)  # longer than the 0.6 s pause after which typing is saved
        tmux.send("C-q")
        status = tmux.wait_for_exit()
        assert status == "0", f"smgov exited with {status}; the terminal shows:\n{tmux.screen()}"

    data = json.loads(plan.read_text(encoding="utf-8"))
    assert data["plan"]["1"]["values"] == {"organisation.name": "Terminal plan",  # from `new --name`
                                           "objectives.conversations_now": text}
    entries = [e for e in data["history"].values() if e["decision"] == "objectives.conversations_now"]
    assert entries and entries[-1]["new"] == text and entries[0]["old"] is None
    assert {e["who"] for e in entries} == {WHO}


def test_a_toast_pushed_up_by_the_next_is_drawn_where_it_went(tmp_path):
    """ctrl+f says what is missing in a toast and scrolls to it; a letter typed into
    the list there says "Not typed" in a second toast, below the first, which moves
    up. Textual drew nothing of the first where it went (its map had taken the new
    places without marking them), only pieces of it where something else was drawn:
    "ti" inside the Audiences text area, above."""
    require("tmux")
    from conftest import SAMPLES

    plan = tmp_path / "county.json"
    plan.write_bytes((SAMPLES / "county.json").read_bytes())
    with Tmux(tmp_path, terminal_env(tmp_path)) as tmux:
        tmux.start(smgov_argv(plan), cwd=tmp_path)
        tmux.wait_for_text(FIRST_FRAME, "^p palette")
        tmux.send("C-f")
        tmux.wait_for_text("Measurable objectives  needed", "Objective without metric")
        tmux.type("x")
        screen = tmux.wait_for_text("Not typed")
        time.sleep(0.5)  # anything still to come of that key
        rows = tmux.screen().splitlines()
        first = [n for n, row in enumerate(rows) if "Objective without metric" in row and "▌" in row]
        second = [n for n, row in enumerate(rows) if "Not typed" in row]
        assert first and second and first[0] < second[0], screen
        assert not any(row.rstrip().endswith("ti ▎") or " ti " in row for row in rows), screen
        tmux.send("C-q")
        tmux.wait_for_exit()
