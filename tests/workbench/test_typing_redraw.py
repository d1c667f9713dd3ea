"""A key typed into a field sends the terminal what it changed, not the frame
around it again; the lines under the field keep their rows while it is typed
in, so nothing below moves under the person's eyes (issue 18: bytes per key
over SSH)."""

from __future__ import annotations

from conftest import on_screen, rows_drawn, settle
from textual.widgets import Input

from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp

TOWN = {"organisation.name": "Town of Millbrook", "organisation.country": "United States",
        "resources.roster": [{"name": "Alex Moreno", "role": "team lead", "hours": 20,
                              "when": "Mon-Fri 08:30-17:00"}],
        "platforms.chosen": [{"platform": "Facebook", "owner": "Alex Moreno", "comments": "open"}]}


async def typed(pilot, frames: list[str], *keys: str) -> set[int]:
    """The rows the keys redraw."""
    await settle(pilot)
    frames.clear()
    await pilot.press(*keys)
    await settle(pilot)
    return rows_drawn(frames)


async def test_a_key_in_a_one_line_field_redraws_its_line_of_text_only(tmp_path, sent):
    app = SmgovApp(PlanStore.create(tmp_path / "town.json", "Millbrook plan", TOWN))
    async with app.run_test(size=(80, 24)) as pilot:
        app.goto("response.emergency_notice")
        await settle(pilot)
        await pilot.press("W")  # the first key decides it: the checklist changes too
        field = app.screen.query_one("#field-response--emergency_notice").query_one(Input)
        assert await typed(pilot, sent, "e") == {field.content_region.y}  # not its borders
        assert field.value == "We"
        assert "We" in on_screen(app)[field.content_region.y]


async def test_a_key_that_makes_a_value_invalid_redraws_the_field_in_the_error_colour(tmp_path, sent):
    app = SmgovApp(PlanStore.create(tmp_path / "town.json", "Millbrook plan", TOWN))
    async with app.run_test(size=(80, 24)) as pilot:
        app.goto("resources.budget")
        await pilot.press("5")
        budget = app.screen.query_one("#field-resources--budget")
        field = budget.query_one(Input)
        top, bottom = field.region.y, field.region.bottom - 1
        rows = await typed(pilot, sent, "x")  # "5x" is no amount
        assert budget.has_class("-invalid")
        assert {top, bottom} <= rows  # the border, now red, is sent as well as the text


async def test_the_suggestion_keeps_its_row_while_the_field_is_typed_in(tmp_path, steady_cursor):
    app = SmgovApp(PlanStore.create(tmp_path / "town.json", "Millbrook plan", TOWN))
    async with app.run_test(size=(80, 24)) as pilot:
        app.goto("response.emergency_notice")
        await settle(pilot)
        field = app.screen.query_one("#field-response--emergency_notice")
        line = field.query_one(".decision-suggested")
        row, height = line.region.y, field.outer_size.height
        assert on_screen(app)[row].strip().startswith("▎ Suggested (f5 to use)")
        await pilot.press("W")
        await pilot.pause()
        # Decided: the suggestion is gone from sight, and nothing below it moved.
        assert "Suggested" not in on_screen(app)[row]
        assert field.outer_size.height == height
        await pilot.press("tab")
        await pilot.pause()
        assert not line.display and field.outer_size.height < height  # the field left: rows given back
        assert app.store.load().get("response.emergency_notice") == "W"


async def test_the_first_key_and_the_one_that_empties_the_field_lay_nothing_out(tmp_path, steady_cursor,
                                                                              monkeypatch):
    """The suggestion under the field goes blank as the first key decides it and
    comes back as the field is emptied: in place, drawn anew, without a layout of
    the step (made invisible, it had Textual lay the whole screen out each time)."""
    from textual.screen import Screen

    app = SmgovApp(PlanStore.create(tmp_path / "town.json", "Millbrook plan", TOWN))
    async with app.run_test(size=(80, 24)) as pilot:
        app.goto("response.emergency_notice")
        await settle(pilot)
        region = app.screen.query_one("#field-response--emergency_notice .decision-suggested").region

        def line() -> str:
            return on_screen(app)[region.y][region.x:region.right].strip()

        layouts = []
        lay_out = Screen._refresh_layout
        monkeypatch.setattr(Screen, "_refresh_layout", lambda screen, *a, **k: (
            layouts.append(screen), lay_out(screen, *a, **k))[1])
        await pilot.press("W")
        await settle(pilot)
        assert line() == "" and layouts == []
        await pilot.press("backspace")
        await settle(pilot)
        assert "Suggested (f5 to use)" in line() and layouts == []
