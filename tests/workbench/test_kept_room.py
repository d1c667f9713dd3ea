"""A step makes the fields outside its first screenful after its first frame,
in room kept for them (StepScreen._mount_rest, DecisionField.rows_at): the
room must be theirs to the row, or the frame the person works from changes
under them (the form's scroll bar, everything below a field above). These
open every step of every sample plan, and of a blank one (every example
shown), as a terminal does (`window_fields`), and hold each field to the room
kept for it, and the screen to what it showed before they came."""

from __future__ import annotations

import shutil

import pytest
from conftest import SAMPLES, asked_plan, on_screen, settle

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp
from smgov_tui.tui.screens.step import KeptRoom, StepScreen
from smgov_tui.tui.widgets.editors import DecisionField

WINDOWED_STEPS = [step.key for step in CATALOGUE.steps if step.key != "launch"]  # launch shows all


@pytest.fixture
def arrivals(monkeypatch) -> list[tuple[str, str, int, int]]:
    """Each field made in kept room: (step, decision, the room's rows, the field's
    rows with its margin, once laid out), and the screen as it came."""
    came: list = []
    come = StepScreen._come

    def coming(screen):
        form, arrived = screen.query_one("#form"), screen._arriving
        if not arrived:
            return come(screen)
        before = (on_screen(screen.app), form.virtual_size, form.scroll_y)
        rooms = [(room.decision.id, room.outer_size.height) for room, _ in arrived]
        come(screen)

        def laid_out() -> None:
            for (decision, rows), (_, field) in zip(rooms, arrived, strict=True):
                came.append((screen.name, decision, rows, field.outer_size.height + field.styles.margin.bottom))
            came.append((screen.name, "the screen", before, (on_screen(screen.app), form.virtual_size,
                                                              form.scroll_y)))

        screen.app.frames.when_drawn(laid_out)

    monkeypatch.setattr(StepScreen, "_come", coming)
    return came


def windowed_county(tmp_path) -> SmgovApp:
    """The county's plan, its steps made as in a terminal (`window_fields`)."""
    path = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county.json", path)
    app = SmgovApp(PlanStore(path))
    app.window_fields = True
    return app


async def every_step(app: SmgovApp, size: tuple[int, int]) -> None:
    app.window_fields = True
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for key in WINDOWED_STEPS:
            app.show_step(key)
            await settle(pilot)
            assert not app.screen.query(KeptRoom), key  # every room given to its field


def held_to_their_room(arrivals) -> None:
    assert arrivals, "no field was made after its step's first frame"
    wrong = [(step, d, room, field) for step, d, room, field in arrivals if room != field]
    assert wrong == []
    assert {step for step, *_ in arrivals} >= {"objectives", "conduct", "safeguards"}


@pytest.mark.parametrize("sample", ["county", "agency", "small-city"])
async def test_each_field_of_a_sample_fills_the_room_kept_for_it(tmp_path, arrivals, sample):
    path = tmp_path / f"{sample}.json"
    shutil.copy(SAMPLES / f"{sample}.json", path)
    await every_step(SmgovApp(PlanStore(path)), (80, 24))
    held_to_their_room(arrivals)


@pytest.mark.parametrize("size", [(80, 24), (60, 24), (120, 40), (40, 20)])
async def test_each_field_of_a_blank_plan_fills_its_room_at_any_width(tmp_path, arrivals, size):
    """Blank, every field shows its example, below it where too wide: the rows that
    wrap into. At 40 columns the form is 9 wide and a pick list's "Choose…" wraps
    in its box: such a pick list is made before the frame."""
    path = asked_plan(tmp_path / "blank.json", "Blank")
    await every_step(SmgovApp(PlanStore(path)), size)
    held_to_their_room(arrivals)
    kinds = {type(CATALOGUE.get(d).kind).__name__ for _, d, *_ in arrivals if d != "the screen"}
    assert {"LongText", "Text", "Multi"} <= kinds
    assert ("Choice" in kinds) == (size[0] >= 60)


async def test_a_field_asked_of_a_layout_is_made_before_the_frame(tmp_path, monkeypatch):
    """Only a layout can tell the rows of a list's table or the matrix: those are
    made before the step's first frame, as before, and nothing keeps room for them."""
    roomed: list[str] = []
    kept = KeptRoom.__init__

    def keeping(room, decision, rows):
        roomed.append(decision.id)
        kept(room, decision, rows)

    monkeypatch.setattr(KeptRoom, "__init__", keeping)
    app = windowed_county(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert "objectives.languages" in roomed  # a one-line field, below the first screenful
        assert "objectives.measurable" not in roomed  # a list of rows
        assert [f.decision.id for f in screen.query(DecisionField)] == [d.id for d in screen.decisions]


async def test_a_step_left_as_its_fields_come_shows_them_all_when_back(tmp_path, monkeypatch):
    """ctrl+n just after the first frame: the fields being made for the step left
    are shown in their rooms all the same, and when it is shown again its keys
    move the focus."""
    make = StepScreen._make_to_come

    def left_at_once(screen):
        make(screen)
        if screen.name == "objectives":
            screen.app.show_step("resources")

    monkeypatch.setattr(StepScreen, "_make_to_come", left_at_once)
    app = windowed_county(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.name == "resources"
        left = app._step_screen("objectives")
        assert not left.query(KeptRoom) and not left.incomplete
        app.show_step("objectives")
        await settle(pilot)
        screen = app.screen
        assert screen is left and not screen.query(KeptRoom) and not screen.incomplete
        assert [f.decision.id for f in screen.query(DecisionField) if f.display] == [d.id for d in screen.decisions]
        assert not screen.query_one("#form").arriving

