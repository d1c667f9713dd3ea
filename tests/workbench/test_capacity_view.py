"""The hours-and-money view on the resources and platforms steps."""

from __future__ import annotations

import shutil

from conftest import SAMPLES

from smgov_tui.core.plan import Plan
from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp
from smgov_tui.tui.widgets.hours_view import capacity_content


def test_figures_match_the_checklist_arithmetic():
    plan = PlanStore(SAMPLES / "county.json").load()
    text = capacity_content(plan).plain
    assert "16.2 h" in text and "14 h" in text and "2.2 h a week short" in text
    assert "Hootsuite" in text and "1,812 left in the budget" in text
    roomy = plan.with_value("resources.roster", [{**row, "hours": 10} for row in plan.rows("resources.roster")])
    assert "3.8 h a week to spare" in capacity_content(roomy).plain
    poor = plan.with_value("resources.budget", 1000)
    assert "188 over budget" in capacity_content(poor).plain


def test_an_empty_plan_says_what_is_missing():
    text = capacity_content(Plan()).plain
    assert "needed" in text and "no budget decided yet" in text and "short" not in text


async def test_view_is_on_resources_and_platforms_and_follows_changes(tmp_path):
    path = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county.json", path)
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=(80, 24)) as pilot:
        for step, has_view in (("objectives", False), ("resources", True), ("platforms", True)):
            app.show_step(step)
            await pilot.pause()
            assert bool(app.screen.query("#capacity")) is has_view, step
        panel = app.screen.query_one("#capacity")
        assert "2.2 h a week short" in panel.render().plain
        app.propose("resources.budget", 500, final=True)  # as a field would
        await pilot.pause()
        assert "688 over budget" in panel.render().plain
