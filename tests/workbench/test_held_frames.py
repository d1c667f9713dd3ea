"""A step is drawn once, when it has settled, and nothing of it is made before
that only to be thrown away; the frame drawn then is complete, so nothing in it
is drawn again after it (issue 18: the time to the settled frame).

The frames are what the app hands its terminal (App._display), taken in a
headless run: a frame made while the app's frames are held is made for nothing."""

from __future__ import annotations

import io
import re
import shutil

import pytest
from conftest import SAMPLES, settle
from rich.console import Console
from textual._compositor import CompositorUpdate
from textual.app import App

from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp
from smgov_tui.tui.widgets.checklist import ChecklistItems


@pytest.fixture
def made(monkeypatch, steady_cursor) -> list[tuple[bool, str]]:
    """Each frame the app makes: whether its frames were held then, and what it would write."""
    frames: list[tuple[bool, str]] = []
    console = Console(file=io.StringIO(), force_terminal=True, color_system="truecolor",
                      width=80, height=24, legacy_windows=False)
    display = App._display

    def as_terminal(self, screen, renderable):
        if isinstance(renderable, CompositorUpdate):
            frames.append((bool(self._batch_count), renderable.render_segments(console)))
        display(self, screen, renderable)

    monkeypatch.setattr(App, "_display", as_terminal)
    return frames


def county(tmp_path) -> SmgovApp:
    plan = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county.json", plan)
    return SmgovApp(PlanStore(plan))


def cells_drawn(frame: str) -> set[tuple[int, int]]:
    """Where each run of cells a frame draws starts (row, column, from 0): each starts with a cursor move."""
    return {(int(row) - 1, int(column) - 1) for row, column in re.findall(r"\x1b\[(\d+);(\d+)H", frame)}


async def test_no_frame_is_made_while_the_step_settles_and_the_one_drawn_is_whole(tmp_path, made):
    app = county(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert [held for held, _ in made if held] == []  # none made for nothing
        drawn = [frame for _, frame in made]
        assert drawn and len(cells_drawn(drawn[0])) == 24  # the first drawn is the whole screen
        assert "1/8 Objectives" in drawn[0] and "46/96 decided" in drawn[0]
        assert " Quit" in drawn[0] and " palette" in drawn[0]  # its footer of key hints too


async def test_the_checklist_is_not_drawn_again_after_the_steps_first_frame(tmp_path, made):
    app = county(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        checklist = app.screen.query_one(ChecklistItems)
        # Its lines counted at the width it is drawn in: a column less for its scroll bar.
        assert checklist.show_vertical_scrollbar
        assert checklist.virtual_size.width == checklist.scrollable_content_region.width
        after = [cell for _, frame in made[1:] for cell in cells_drawn(frame)]
        assert [(row, column) for row, column in after if checklist.region.contains(column, row)] == []


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_step_shown_as_in_a_terminal_is_drawn_once(tmp_path, made, size):
    """The first screenful first and the rest after (window_fields, as in a terminal),
    with a list of ticks in it: each list counts its lines as it is laid out. A list
    that counted them as it was first drawn changed its size then, and the step was
    laid out and sent again after its first frame."""
    app = county(tmp_path)
    app.window_fields = True
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert app.screen.query("TickList")  # "Kinds of engagement wanted", in the first screenful
        assert len(made) == 1 and len(cells_drawn(made[0][1])) == size[1]


async def test_a_step_shown_while_the_first_settles_opens_settled_at_its_field(tmp_path, made):
    """ctrl+n as the workbench opens: the step shown opens with its first missing
    decision at the top of the form, as if it were the first; the first step's
    settling did not draw it before it had settled (and then never scrolled it)."""
    app = county(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_step("response")  # before the first step has settled
        await settle(pilot)
        screen = app.screen
        target, scrolled = screen._opening
        field = screen.query_one(f"#field-{target.replace('.', '--')}")
        assert scrolled and screen.query_one("#form").scroll_y == field.virtual_region.y
        assert [held for held, _ in made if held] == []  # neither step made a frame for nothing
        shown = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", made[0][1])
        assert len(made) == 1 and "3/8 Response" in shown and f" {field.decision.label}  needed" in shown


async def test_a_layout_that_moves_nothing_draws_nothing(tmp_path, made):
    """A widget that works out its own virtual size (the checklist's list, a text
    area) had its scroll bars drawn again at every layout of the screen: Textual
    compared its size with the one the layout gives it, its region's. The fields a
    step makes after its first frame are laid out into their room; that layout,
    moving nothing, sent the list's scroll bar and every text area's corner again."""
    app = county(tmp_path)
    app.window_fields = True
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.query("PlanTextArea") and screen.query_one(ChecklistItems).show_vertical_scrollbar
        drawn = len(made)
        screen.refresh(layout=True, repaint=False)
        await settle(pilot)
        assert len(made) == drawn, made[drawn:]
