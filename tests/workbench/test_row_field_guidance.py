"""f1 in a row's form explains the focused field; escape returns to the form as it was."""

from __future__ import annotations

import shutil

from conftest import SAMPLES, settle
from textual.widgets import Input, Markdown, Static

from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp
from smgov_tui.tui.screens.guidance import FieldGuidanceScreen
from smgov_tui.tui.screens.row_form import RowForm

SIZE = (80, 24)


def county(tmp_path) -> SmgovApp:
    path = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county.json", path)
    return SmgovApp(PlanStore(path))


async def open_row_form(pilot, decision_id: str) -> RowForm:
    """The decision's table focused, then `a`: a new row's form at its first field."""
    app = pilot.app
    app.goto(decision_id)
    await settle(pilot)
    await pilot.press("a")
    await settle(pilot)
    assert isinstance(app.screen, RowForm)
    return app.screen


async def tab_to(pilot, ident: str) -> None:
    for _ in range(20):
        if pilot.app.focused is not None and pilot.app.focused.id == ident:
            return
        await pilot.press("tab")
        await settle(pilot)
    raise AssertionError(f"tab never reached #{ident}")


def shown(app: SmgovApp) -> tuple[str, str]:
    """The guidance dialog's title and its body, as the user reads them."""
    screen = app.screen
    title = str(screen.query_one("#guidance-title", Static).render())
    body = " ".join(" ".join(str(block.render()) for block in screen.query_one(Markdown).query("*")).split())
    return title, body


async def guidance_then_back(pilot, form: RowForm, key: str = "f1") -> tuple[str, str]:
    """`key` opens the focused field's guidance; escape goes back to the form, the focus
    where it was. The guidance's title and body, as read."""
    app, focused = pilot.app, pilot.app.focused.id
    await pilot.press(key)
    await settle(pilot)
    assert isinstance(app.screen, FieldGuidanceScreen)
    title, body = shown(app)
    await pilot.press("escape")
    await settle(pilot)
    assert app.screen is form and app.focused.id == focused
    return title, body


async def test_f1_on_posts_a_week_explains_it_with_a_figure_and_escape_returns(tmp_path):
    app = county(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_row_form(pilot, "platforms.chosen")
        await pilot.press(*"Nextdoor")
        await tab_to(pilot, "row-posts_per_week")
        await pilot.press("4")
        title, body = await guidance_then_back(pilot, form)
        assert title.startswith("Posts a week")
        assert "3 to 5 a week is a sustainable start" in body
        assert "What you can enter: a number from 0 to 500 (posts/week)." in body
        assert "posts_per_week" not in title + body and "JSON" not in body
        assert form.query_one("#row-posts_per_week", Input).value == "4"
        assert form.query_one("#row-platform", Input).value == "Nextdoor"


async def test_question_mark_in_a_text_field_is_typed_not_guidance(tmp_path):
    app = county(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_row_form(pilot, "platforms.chosen")
        await pilot.press(*"Who?")
        await settle(pilot)
        assert app.screen is form
        assert form.query_one("#row-platform", Input).value == "Who?"


async def test_f1_in_a_roster_row_explains_the_hours_a_week(tmp_path):
    app = county(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_row_form(pilot, "resources.roster")
        await pilot.press(*"Sam Lee")
        await tab_to(pilot, "row-hours")
        title, body = await guidance_then_back(pilot, form)
        assert title.startswith("Hours a week") and "required" in title
        assert "about 1 hour a month plus 5 minutes two or three times a day" in body
        assert "It is required" in body
        assert form.query_one("#row-name", Input).value == "Sam Lee"


async def test_question_mark_on_a_drop_down_explains_it(tmp_path):
    app = county(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_row_form(pilot, "resources.roster")
        await tab_to(pilot, "row-role")
        title, body = await guidance_then_back(pilot, form, "question_mark")
        assert title.startswith("Role") and "DHS Social Media Plan Guide" in body


async def test_a_keymap_that_moves_the_guidance_key_moves_it_in_the_row_form_too(tmp_path, monkeypatch):
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('[keys]\nguidance = "f8"\n')
    monkeypatch.setenv("SMGOV_KEYMAP", str(keymap))
    app = county(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_row_form(pilot, "platforms.chosen")
        await pilot.press("f1")
        await settle(pilot)
        assert app.screen is form  # f1 is no longer the key
        assert (await guidance_then_back(pilot, form, "f8"))[0].startswith("Platform")


def test_a_guidance_key_that_the_row_form_uses_is_not_rebound(tmp_path):
    from smgov_tui.keys.keymap import load_keymap

    keymap = tmp_path / "keymap.toml"
    keymap.write_text('[keys]\nguidance = "ctrl+s"\n')
    loaded = load_keymap(keymap)
    assert loaded.overrides == {}
    assert loaded.problems == [f"{keymap}: guidance: ctrl+s is already row.save's key (row form); not rebound"]
