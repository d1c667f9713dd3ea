"""Jumps between steps land on the decision, even with keys typed ahead."""

from __future__ import annotations

import shutil

from conftest import SAMPLES
from smgov_tui.app import SmgovApp
from smgov_tui.catalogue import CATALOGUE
from smgov_tui.screens.guidance import GuidanceScreen
from smgov_tui.store import PlanStore


async def test_a_dialog_opened_before_the_jump_settles_does_not_crash(tmp_path):
    path = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county.json", path)
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=(80, 24)) as pilot:
        app.goto("response.off_limits_topics")
        app.push_screen(GuidanceScreen(CATALOGUE.get("response.off_limits_topics")))  # typed ahead
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, GuidanceScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.name == "response"


async def test_next_and_back_are_dimmed_at_the_ends(tmp_path):
    path = tmp_path / "plan.json"
    PlanStore.create(path, "x")
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.check_action("previous_step", ()) is None  # dimmed on step 1
        assert app.check_action("next_step", ()) is True
        await pilot.press("ctrl+o")
        assert app.screen.name == "objectives"
        for _ in range(7):
            await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.name == "launch"
        assert app.check_action("next_step", ()) is None
        await pilot.press("ctrl+n")
        assert app.screen.name == "launch"
