"""Keys that cannot lose work: ctrl+f to the most urgent item, the checklist's
cursor on the item chosen, the step's top view, removing a row asks, typing
that falls into a table is said, the row cursor after an add."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SAMPLES, settle, until_asking
from textual import events
from textual.widgets import DataTable, OptionList

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp
from smgov_tui.tui.widgets.editors import DecisionField

SIZE = (80, 24)
ADVICE_LEFT = ("objectives.approach", "resources.wellbeing")


def hours_short_plan(tmp_path: Path) -> Path:
    """The small city's finished plan with its roster cut to an hour a person, and
    two pieces of advice undecided: the one blocker is the hours cross-check,
    whose decision (the roster) is itself made."""
    values = PlanStore(SAMPLES / "small-city.json").load().to_values()
    values["resources.roster"] = [dict(row, hours=1) for row in values["resources.roster"]]
    for decision_id in ADVICE_LEFT:
        del values[decision_id]
    return PlanStore.create(tmp_path / "short.json", "Harbor Falls", values).path


def focused_decision(app: SmgovApp) -> str | None:
    node = app.focused
    while node is not None and not isinstance(node, DecisionField):
        node = node.parent
    return node.decision.id if node is not None else None


def in_view(app: SmgovApp, decision_id: str) -> bool:
    """The decision's field is inside the visible part of the form."""
    field = app.screen.query_one(f"#field-{decision_id.replace('.', '--')}")
    form = app.screen.query_one("#form")
    return form.region.contains_region(field.region.intersection(form.region)) and \
        field.region.intersection(form.region).height > 0


async def test_ctrl_f_goes_to_the_blocking_cross_check_first_then_walks_on_to_advice(tmp_path):
    app = SmgovApp(PlanStore(hours_short_plan(tmp_path)))
    notes: list[str] = []
    notify = app.notify
    app.notify = lambda message, *a, **k: (notes.append(f"{k.get('title')}: {message}"), notify(message, *a, **k))[1]
    async with app.run_test(size=SIZE) as pilot:
        app.show_step("objectives")  # somewhere else than the roster: the walk starts from there
        await settle(pilot)
        landed = []
        for _ in range(3):
            await pilot.press("ctrl+f")
            await settle(pilot)
            landed.append(focused_decision(app))
            if len(landed) == 1:
                assert landed == ["resources.roster"]  # not the advice it walked through before
                assert app.screen.name == "resources" and in_view(app, "resources.roster")
                assert isinstance(app.focused, DataTable)
        assert landed == ["resources.roster", "objectives.approach", "resources.roster"]
        assert any(note.startswith("Hours needed exceed staff hours: 2 platforms need") for note in notes)
        # the third: the roster again, now for the advice "Someone owns more hours than they have"
        assert notes[-1].startswith("Someone owns more hours than they have:")
        await pilot.press("ctrl+q")


async def test_enter_on_a_checklist_item_keeps_the_cursor_on_that_item(tmp_path):
    app = SmgovApp(PlanStore(hours_short_plan(tmp_path)))
    async with app.run_test(size=SIZE) as pilot:
        app.show_step("objectives")
        await settle(pilot)
        await pilot.press("ctrl+l")
        await settle(pilot)
        items = app.screen.query_one("#checklist-items", OptionList)
        ids = [items.get_option_at_index(i).id for i in range(items.option_count)]
        chosen = "resources.wellbeing"  # on another step: its checklist puts that step's items first
        for _ in range(ids.index(chosen)):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.name == "resources" and focused_decision(app) == chosen
        there = app.screen.query_one("#checklist-items", OptionList)
        assert there.highlighted_option.id == chosen
        assert [there.get_option_at_index(i).id for i in range(there.option_count)] != ids  # it did reorder
        await pilot.press("ctrl+q")
