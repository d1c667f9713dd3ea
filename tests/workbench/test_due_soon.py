"""The launch step's list of what falls due in the next 90 days."""

from __future__ import annotations

import datetime as _dt
import shutil

from conftest import SAMPLES

from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp
from smgov_tui.core import readiness


def _access(plan, dates: dict[str, str]) -> list[dict]:
    return [{**row, "next_review": dates.get(row["account"], row["next_review"])}
            for row in plan.rows("safeguards.access")]


async def test_the_launch_step_lists_what_falls_due_in_90_days_at_80x24(tmp_path, monkeypatch):
    monkeypatch.setattr(readiness, "judged_today", lambda: _dt.date(2026, 12, 6))
    path = tmp_path / "town.json"
    shutil.copy(SAMPLES / "small-city.json", path)
    store = PlanStore(path)
    plan = store.load()
    app = SmgovApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_step("launch")
        await pilot.pause()
        panel = app.screen.query_one("#due-soon")
        # The sample's reviews all lie beyond 2027-03-06.
        assert panel.render().plain.splitlines() == [" Falls due in the next 90 days", "  Nothing falls due."]
        app.propose("safeguards.access", _access(plan, {"Facebook": "2027-03-01", "Instagram": "2027-02-15",
                                                        "Canva": "2027-03-07"}), final=True)
        await pilot.pause()
        assert panel.render().plain.splitlines() == [
            " Falls due in the next 90 days",
            "  2027-02-15  Access review: Instagram",
            "  2027-03-01  Access review: Facebook",
        ]
        assert panel.region.bottom <= 24 and panel.region.y > 0  # in view on opening the step
