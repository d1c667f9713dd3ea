"""f1 adds what applies in the plan's country to a decision's guidance."""

from __future__ import annotations

from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp
from smgov_tui.tui.screens.guidance import GuidanceScreen


async def test_f1_says_where_you_are_for_the_plans_country(tmp_path):
    path = tmp_path / "uk.json"
    PlanStore.create(path, "x", {"organisation.name": "Borough of Kettle",
                                 "organisation.country": "United Kingdom"})
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=(80, 24)) as pilot:
        app.goto("safeguards.forum")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, GuidanceScreen)
        text = app.screen.text()
        assert "**Where you are (United Kingdom):** There is no public-forum doctrine" in text
