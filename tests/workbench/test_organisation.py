"""The organisation first: a blank plan opens on it, its name is the title, and
an older plan without it is asked once."""

from __future__ import annotations

from smgov_tui.core.readiness import checklist
from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp


def _header(app) -> str:
    return str(app.screen.query_one("#step-title").render())


def _toasts(app) -> str:
    return " ".join(str(toast.render()) for toast in app.screen.query("Toast"))


async def test_a_blank_plan_opens_on_the_organisation_and_its_name_is_the_title(tmp_path):
    path = tmp_path / "plan.json"
    PlanStore.create(path, "My social media plan")
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.screen.name == "organisation"
        assert _header(app).startswith(" Organisation  Who is this plan for?") and "0/8" not in _header(app)
        assert app.focused.id == "edit-organisation--name"
        assert app.sub_title == "My social media plan"  # not decided: the plan's name
        await pilot.press(*"Town of Millbrook")
        assert app.sub_title == "Town of Millbrook"
        await pilot.pause()
        assert str(app.screen.query_one("#plan-name").render()) == "│ Town of Millbrook"  # seen in the top bar
        await pilot.press("ctrl+n")  # moving on saves
        assert app.screen.name == "objectives"
        assert _header(app).startswith(" 1/8 Objectives")
        assert str(app.screen.query_one("#plan-name").render()) == "│ Town of Millbrook"
    assert PlanStore(path).load().get("organisation.name") == "Town of Millbrook"


async def test_the_palette_reaches_the_organisation(tmp_path):
    path = tmp_path / "plan.json"
    PlanStore.create(path, "x", {"organisation.name": "Town of Millbrook"})
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.screen.name == "objectives"  # named: it opens where the work is
        assert app.sub_title == "Town of Millbrook"
        await pilot.press("ctrl+p")
        await pilot.press(*"Organisation: name")
        await pilot.pause(0.3)
        found = str(app.screen.query_one("CommandList").get_option_at_index(0).prompt)
        assert "Organisation: name, kind, country, website, currency" in found
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.name == "organisation"


async def test_an_older_plan_without_its_organisation_is_asked_once(tmp_path):
    path = tmp_path / "old.json"
    PlanStore.create(path, "Old plan", {"objectives.frequency": "daily"})
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert app.screen.name == "organisation"
        assert "does not yet say whom it is for" in _toasts(app)
    assert PlanStore(path).meta()["asked"] == ["organisation"]
    again = SmgovApp(PlanStore(path))
    async with again.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert again.screen.name == "objectives"  # not asked twice
        assert "whom it is for" not in _toasts(again)
    plan = PlanStore(path).load()
    assert plan.values == {"objectives.frequency": "daily"}  # asking decided nothing
    assert "organisation.name" in {item.id for item in checklist(plan).blockers}
