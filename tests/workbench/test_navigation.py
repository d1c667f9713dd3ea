"""Jumps between steps land on the decision, even with keys typed ahead."""

from __future__ import annotations

import shutil

from conftest import SAMPLES, until_asking

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp
from smgov_tui.tui.screens.guidance import GuidanceScreen


def county(tmp_path) -> tuple[SmgovApp, object]:
    """The workbench on a copy of the county sample, and the copy's path."""
    path = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county.json", path)
    return SmgovApp(PlanStore(path)), path


async def test_a_dialog_opened_before_the_jump_settles_does_not_crash(tmp_path):
    app, path = county(tmp_path)
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
        assert app.screen.name == "organisation"  # a blank plan starts with whom it is for
        assert app.check_action("previous_step", ()) is None  # dimmed before step 1
        assert app.check_action("next_step", ()) is True
        await pilot.press("ctrl+o")
        assert app.screen.name == "organisation"
        await pilot.press("ctrl+n")
        assert app.screen.name == "objectives"
        await pilot.press("ctrl+o")  # back from step 1: the organisation
        assert app.screen.name == "organisation"
        for _ in range(8):
            await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.name == "launch"
        assert app.check_action("next_step", ()) is None
        await pilot.press("ctrl+n")
        assert app.screen.name == "launch"


async def test_first_run_welcome_starts_a_blank_plan(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = SmgovApp(None, welcome_path=tmp_path / "plan.json")
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.screen.id == "welcome"
        assert app.check_action("next_step", ()) is False  # no plan yet: plan keys hidden
        await pilot.press("enter")  # "Start a blank plan" is first
        await pilot.pause()
        assert app.screen.name == "organisation"
        assert app.focused.id == "edit-organisation--name"
    data = PlanStore(tmp_path / "plan.json")
    assert data.load().values == {} and data.meta()["format"] == "smgov-plan"


async def test_welcome_starts_from_a_sample_without_its_sign_off(tmp_path):
    app = SmgovApp(None, welcome_path=tmp_path / "plan.json")
    async with app.run_test(size=(80, 24)) as pilot:
        options = app.screen.query_one("#welcome-choices")
        index = next(i for i in range(options.option_count)
                     if options.get_option_at_index(i).id == "sample:small-city")
        await pilot.press(*["down"] * index, "enter")
        await pilot.pause()
        assert app.screen.name == "launch"  # ready: it opens where the sign-off waits
    plan = PlanStore(tmp_path / "plan.json").load()
    assert "launch.signoff" not in plan.values and len(plan.values) == len(CATALOGUE) - 1


async def test_welcome_opens_a_file_and_explains_a_bad_one(tmp_path):
    existing = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county.json", existing)
    (tmp_path / "bad.json").write_text("nope")
    app = SmgovApp(None, welcome_path=tmp_path / "new.json")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("up", "enter")  # "Open a plan file…" is last
        await pilot.press(*str(tmp_path / "bad.json"), "enter")
        await pilot.pause()
        error = app.screen.query_one("#welcome-error")
        assert "not valid JSON" in str(error.render())
        field = app.screen.query_one("#welcome-open")
        field.action_select_all()
        await pilot.press("backspace", *str(existing), "enter")
        await pilot.pause()
        assert app.plan.name.startswith("Kettle County")
    assert not (tmp_path / "new.json").exists()
    assert (tmp_path / "bad.json").read_text() == "nope"


async def test_rows_move_and_remove_by_keyboard(tmp_path):
    app, path = county(tmp_path)
    before = [r["platform"] for r in PlanStore(path).load().rows("platforms.chosen")]
    entries = len([h for h in PlanStore(path).history() if h["decision"] == "platforms.chosen"])
    async with app.run_test(size=(80, 24)) as pilot:
        app.goto("platforms.chosen")
        await pilot.pause()
        await pilot.pause()
        assert app.focused.id == "edit-platforms--chosen-table"
        await pilot.press("shift+down")  # first row moves below the second
        await pilot.pause()
        assert [r["platform"] for r in app.plan.rows("platforms.chosen")] == [before[1], before[0], *before[2:]]
        await pilot.press("d")  # asks, then removes the highlighted (moved) row
        await until_asking(pilot)
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("ctrl+q")
    rows = [r["platform"] for r in PlanStore(path).load().rows("platforms.chosen")]
    assert rows == [before[1], *before[2:]]
    history = [h for h in PlanStore(path).history() if h["decision"] == "platforms.chosen"]
    assert len(history) == entries + 2  # the move and the removal, one entry each


async def test_palette_offers_steps_decisions_check_export_and_theme(tmp_path):
    app, path = county(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Step 3: Response" in titles
        assert "Go to decision: Escalation contact" in titles
        assert any(t.startswith("Check:") for t in titles)
        assert any(t.startswith("Export:") for t in titles)
        assert any("theme" in t.lower() for t in titles)
        export = next(c for c in app.get_system_commands(app.screen) if c.title.startswith("Export:"))
        export.callback()
        await pilot.pause()
    text = path.with_suffix(".checklist.md").read_text()
    assert text.startswith("# Launch checklist: Kettle County")
    assert "`check.hours`" in text and "3 platforms need 16.2 h/week" in text


async def test_sign_off_is_refused_while_anything_blocks(tmp_path):
    app, path = county(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_step("launch")
        await pilot.pause()
        button = app.screen.query_one("#signoff-button")
        assert button.disabled and "opens when nothing blocks" in str(button.label)
        app.screen._sign_off()  # even if pressed, nothing is recorded
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert "launch.signoff" not in PlanStore(path).load().values


async def test_the_list_of_steps_comes_when_the_terminal_widens(tmp_path):
    """At 80 columns the steps are in the palette (ctrl+t) and no list is made;
    widened, the step shows its list beside the form, current step marked."""
    app, path = county(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        assert not app.screen.query("#step-list")
        await pilot.resize_terminal(130, 40)
        await pilot.pause()
        steps = app.screen.query_one("#step-list")
        assert steps.display and steps.region.width > 0
        assert str(steps.get_option_at_index(0).prompt).startswith(" Organisation")  # above, unnumbered
        assert "▶1 Objectives" in str(steps.get_option_at_index(1).prompt)
        await pilot.press("ctrl+t")
        assert app.focused is steps
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not app.screen.query_one("#step-list").display  # hidden again, not remade
