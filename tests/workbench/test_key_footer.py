"""The footer of key hints (KeyFooter), one widget drawing every key: what the
mouse does on it, as on Textual's footer of one widget per key. (That it draws
each key as Textual's did: the snapshots; its keys in the first frame:
test_held_frames and tests/terminal/test_first_frame.py.)"""

from __future__ import annotations

import asyncio
import shutil

from conftest import SAMPLES, settle
from textual import events

from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import STEP_KEYS, SmgovApp
from smgov_tui.tui.widgets.key_footer import KeyFooter


def county(tmp_path) -> SmgovApp:
    path = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county.json", path)
    return SmgovApp(PlanStore(path))


def column(app: SmgovApp, description: str) -> int:
    """The column of a key's description on the footer as drawn."""
    return app.screen.query_one(KeyFooter).render_line(0).text.index(description)


def cell_style(app: SmgovApp, x: int):
    """The style of one cell of the footer as drawn."""
    [cell] = app.screen.query_one(KeyFooter).render_line(0).crop(x, x + 1)
    return cell.style


async def test_a_click_on_a_key_runs_it(tmp_path):
    app = county(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        start = app.screen.name
        await pilot.click(KeyFooter, offset=(column(app, "Next"), 0))
        await settle(pilot)
        assert app.screen.name == STEP_KEYS[STEP_KEYS.index(start) + 1]


async def test_a_click_on_a_key_that_does_not_act_now_rings_the_bell_and_runs_nothing(tmp_path):
    app = county(tmp_path)
    rung: list[None] = []
    app.bell = lambda: rung.append(None)
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_step(STEP_KEYS[-1])  # no step after the last: Next is shown dimmed
        await settle(pilot)
        await pilot.click(KeyFooter, offset=(column(app, "Next"), 0))
        await settle(pilot)
        assert rung == [None] and app.screen.name == STEP_KEYS[-1]


async def test_the_key_under_the_mouse_is_highlighted_and_says_what_it_does(tmp_path):
    app = county(tmp_path)
    async with app.run_test(size=(80, 24), tooltips=True) as pilot:
        await settle(pilot)
        palette, quit_ = column(app, "palette"), column(app, "Quit")
        before = cell_style(app, palette), cell_style(app, quit_)
        await pilot.hover(KeyFooter, offset=(palette, 0))
        await settle(pilot)
        assert cell_style(app, palette).bgcolor != before[0].bgcolor  # the key under the mouse
        assert cell_style(app, quit_) == before[1]  # and no other
        await asyncio.sleep(app.TOOLTIP_DELAY + 0.2)
        await settle(pilot)
        tooltip = app.screen.query_one("Tooltip")
        assert tooltip.display and "Open the command palette" in str(tooltip.render())
        await pilot.hover(KeyFooter, offset=(quit_, 0))  # onto another key: it alone is highlighted
        await settle(pilot)
        assert cell_style(app, palette) == before[0] and cell_style(app, quit_).bgcolor != before[1].bgcolor


async def test_keys_past_the_width_scroll_into_sight_with_the_mouse_wheel(tmp_path):
    app = county(tmp_path)
    async with app.run_test(size=(50, 24)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)
        assert "Checklist" not in footer.render_line(0).text  # cut off, under the palette's key
        for _ in range(10):
            footer.post_message(events.MouseScrollDown(footer, 0, 0, 0, 1, 0, False, False, False))
        await settle(pilot)
        shown = footer.render_line(0).text
        assert "^l Checklist" in shown and shown.rstrip().endswith("^p palette")


async def test_keys_past_the_width_end_under_the_palettes_key_not_beside_it(tmp_path):
    """An open pick list adds "esc Dismiss menu": the keys no longer fit, and are cut
    where the palette's key begins; the column after it stays blank (a letter of
    the keys beneath showed there, "^p palettek")."""
    app = county(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.focus_decision("objectives.frequency")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        line = app.screen.query_one(KeyFooter).render_line(0).text
        assert line.startswith("esc Dismiss menu ") and len(line) == 80
        assert line.endswith("▏^p palette ")
