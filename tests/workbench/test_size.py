"""Size: a 1 MB paste and a plan with 10,000 list rows are shown and saved correctly.

These tests assert what lands on screen and in the plan file, never a time:
bench/size.py measures how long each takes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import asked_plan, until_asking
from textual import events
from textual.widgets import DataTable, Input, Static, TextArea

from smgov_tui.cli import main
from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp

SIZE = (80, 24)
PASTE = ("Residents ask about bin days, road works and the library's hours.\n" * 16000)[:1_000_000].strip()
PEERS = "peers.peers"
ROWS = 10_000


def values(plan: Path) -> dict:
    return json.loads(plan.read_text(encoding="utf-8"))["plan"]["1"]["values"]


@pytest.fixture
def plan(tmp_path) -> Path:
    return asked_plan(tmp_path / "plan.json")


def field(app: SmgovApp, decision_id: str):
    return app.screen.query_one(f"#edit-{decision_id.replace('.', '--')}")


async def test_a_1_mb_paste_into_a_text_area_is_saved_whole(plan):
    app = SmgovApp(PlanStore(plan))
    async with app.run_test(size=SIZE) as pilot:
        area = field(app, "objectives.conversations_now")
        assert isinstance(area, TextArea) and area.has_focus
        app.post_message(events.Paste(PASTE))  # as the terminal delivers a bracketed paste
        await pilot.pause()
        assert area.text == PASTE
        await pilot.press("tab")  # moving on saves
        assert values(plan)["objectives.conversations_now"] == PASTE
        await pilot.press("ctrl+q")
    assert values(plan)["objectives.conversations_now"] == PASTE


async def test_a_1_mb_single_line_is_saved_whole_and_shown_unwrapped_while_it_lasts(plan):
    one_line = PASTE.replace("\n", " ")
    app = SmgovApp(PlanStore(plan))
    async with app.run_test(size=SIZE) as pilot:
        area = field(app, "objectives.conversations_now")
        assert area.soft_wrap
        app.post_message(events.Paste(one_line))
        await pilot.pause()
        assert area.text == one_line and not area.soft_wrap  # wrapping a 1 MB line freezes Textual
        await pilot.press("tab")
        assert values(plan)["objectives.conversations_now"] == one_line
        area.focus()
        area.select_all()  # then type over it: the long line is gone
        await pilot.press("x")
        await pilot.pause()
        assert area.text == "x" and area.soft_wrap
        await pilot.press("ctrl+q")
    assert values(plan)["objectives.conversations_now"] == "x"


async def test_a_1_mb_paste_into_a_one_line_field_is_refused_with_the_reason(plan):
    app = SmgovApp(PlanStore(plan))
    async with app.run_test(size=SIZE) as pilot:
        line = field(app, "objectives.languages")
        assert isinstance(line, Input)
        line.focus()
        await pilot.pause()
        app.post_message(events.Paste(PASTE.replace("\n", " ")))
        await pilot.pause()
        message = app.screen.query_one("#field-objectives--languages .decision-message", Static)
        assert "at most 300 characters" in str(message.render())
        await pilot.press("tab")
        assert "objectives.languages" not in values(plan)
        line.focus()
        await pilot.press("ctrl+u", *"English", "tab")  # the field still answers
        assert values(plan)["objectives.languages"] == "English"
        await pilot.press("ctrl+q")


@pytest.fixture
def big_plan(tmp_path) -> Path:
    path = tmp_path / "big.json"
    assert main(["new", str(path), "--sample", "county"]) == 0
    rows = [{"peer": f"Peer {n:05}", "platforms": "Facebook, Nextdoor", "tips": f"tip {n}"} for n in range(ROWS)]
    PlanStore(path).set(PEERS, CATALOGUE.check(PEERS, rows, {}))
    return path


async def test_10000_rows_load_show_and_a_change_saves(big_plan):
    app = SmgovApp(PlanStore(big_plan))
    async with app.run_test(size=SIZE) as pilot:
        app.show_step("peers")
        await pilot.pause()
        table = app.screen.query_one(f"#edit-{PEERS.replace('.', '--')}-table", DataTable)
        assert table.row_count == ROWS
        assert str(table.get_row_at(ROWS - 1)[0]) == f"Peer {ROWS - 1:05}"
        view = str(app.screen.query_one("#peers-comparison", Static).render())
        assert f"… and {ROWS - 12:,} more peers" in view
        table.focus()
        table.move_cursor(row=ROWS - 1)  # the last row
        await pilot.pause()
        await pilot.press("shift+up")  # moved above the one before it: saved at once
        assert [r["peer"] for r in values(big_plan)[PEERS][-2:]] == [f"Peer {ROWS - 1:05}", f"Peer {ROWS - 2:05}"]
        assert str(table.get_row_at(ROWS - 2)[0]) == f"Peer {ROWS - 1:05}"
        table.move_cursor(row=0)
        await pilot.press("d")  # remove the first, once asked
        await until_asking(pilot)
        await pilot.press("y")
        await pilot.pause()
        saved = values(big_plan)[PEERS]
        assert len(saved) == ROWS - 1 and saved[0]["peer"] == "Peer 00001"
        assert table.row_count == ROWS - 1 and str(table.get_row_at(0)[0]) == "Peer 00001"
        await pilot.press("ctrl+q")
    assert len(values(big_plan)[PEERS]) == ROWS - 1
