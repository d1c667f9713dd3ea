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
    """The small city's finished plan with ten times the posts (its roster as it was:
    cutting the hours would make the duty windows too long, a blocker of its own), its
    sign-off dropped (any change makes it out of date) and two pieces of advice
    undecided: the one blocker is the hours cross-check, whose decision (the roster)
    is itself made."""
    values = PlanStore(SAMPLES / "small-city.json").load().to_values()
    values["platforms.chosen"] = [dict(row, posts_per_week=10 * (row.get("posts_per_week") or 1))
                                  for row in values["platforms.chosen"]]
    del values["launch.signoff"]
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


# the step's top view


def view_in_sight(app: SmgovApp) -> bool:
    return app.screen.query_one("#form").scroll_y == 0 and app.screen.query_one(".plan-view").region.height > 0


async def test_pageup_ctrl_home_and_up_from_the_first_field_reach_the_hours_view(tmp_path):
    app = SmgovApp(PlanStore(hours_short_plan(tmp_path)))
    async with app.run_test(size=SIZE) as pilot:
        for key in ("pageup", "ctrl+home", "up"):
            app.goto("resources.roster")  # its field at the top of the form: the hours view above, out of sight
            await settle(pilot)
            assert focused_decision(app) == "resources.roster" and not view_in_sight(app), key
            await pilot.press(key)
            await settle(pilot)
            assert view_in_sight(app), key
            assert focused_decision(app) == "resources.roster", key  # the cursor stays in the field
        await pilot.press("ctrl+q")


def new_plan_app(tmp_path: Path) -> SmgovApp:
    """A new plan past the organisation step, so that the planning steps open as they would."""
    return SmgovApp(PlanStore.create(tmp_path / "p.json", "x", {"organisation.name": "Town of Millbrook"}))


async def on_step(pilot, key: str) -> None:
    pilot.app.show_step(key)
    await settle(pilot)


async def test_up_inside_a_multi_line_text_moves_a_line_first(tmp_path):
    app = new_plan_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await on_step(pilot, "objectives")
        assert focused_decision(app) == "objectives.conversations_now"
        await pilot.press(*"one", "enter", *"two")
        await settle(pilot)
        area = app.focused
        assert area.cursor_location == (1, 3)
        await pilot.press("up")
        await settle(pilot)
        assert app.focused is area and area.cursor_location[0] == 0  # a line up, still in the text
        await pilot.press("ctrl+home")
        await settle(pilot)
        assert app.focused is area and area.cursor_location == (0, 0)  # the start of the text first
        await pilot.press("ctrl+q")


async def test_tab_stops_at_the_last_field_of_a_step_and_says_so(tmp_path):
    app = new_plan_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await on_step(pilot, "objectives")
        last = CATALOGUE.in_step("objectives")[-1].id
        app.screen.focus_decision(last)
        await settle(pilot)
        field = app.focused
        await pilot.press("tab", *"Spanish")
        await settle(pilot)
        assert app.focused is field and focused_decision(app) == last  # not round to the first field
        shown = [n.message for n in app._notifications]
        assert any(m.startswith("That was the last field of") and "ctrl+n" in m for m in shown), shown
        assert app.plan.get(last) is not None and "Spanish" in str(app.plan.get(last))
        await pilot.press("ctrl+q")


# removing a row, and typing that falls into a table


def roster_names(path: Path) -> list[str]:
    return [row["name"] for row in json.loads(path.read_text())["plan"]["1"]["values"]["resources.roster"]]


async def on_the_roster(pilot, app: SmgovApp, decision_id: str = "resources.roster") -> DataTable:
    app.goto(decision_id)
    await settle(pilot)
    table = app.focused
    assert isinstance(table, DataTable)
    return table


async def test_d_asks_n_keeps_y_removes_and_only_then_the_file_changes(tmp_path):
    path = hours_short_plan(tmp_path)
    names = roster_names(path)
    before = path.read_bytes()
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=SIZE) as pilot:
        table = await on_the_roster(pilot, app)
        await pilot.press("down", "d")
        await until_asking(pilot)
        assert app.screen.id == "remove-row"
        question = str(app.screen.query_one("#remove-question").render())
        assert question == f"Remove {names[1]} from Roster?"
        assert "y/enter remove" in str(app.screen.query_one("#remove-keys").render())
        await pilot.press("n")
        await settle(pilot)
        app.flush()
        assert app.screen.name == "resources" and path.read_bytes() == before
        await pilot.press("d")
        await until_asking(pilot)
        await pilot.press("y")
        await settle(pilot)
        app.flush()
        assert roster_names(path) == [names[0], *names[2:]]
        assert app.focused is table
        await pilot.press("ctrl+q")


async def test_a_typed_burst_dad_in_a_table_removes_nothing(tmp_path):
    path = hours_short_plan(tmp_path)
    before = path.read_bytes()
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=SIZE) as pilot:
        await on_the_roster(pilot, app)
        # One burst: every key typed (stamped) before the first could open anything.
        for key in "dad":
            app.post_message(events.Key(key, key))
        await settle(pilot)
        assert app.screen.id == "remove-row"  # the first d asks; the a and the d behind it act on nothing
        await until_asking(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.name == "resources"
        await pilot.press("ctrl+q")
    assert path.read_bytes() == before


async def test_typing_into_a_table_is_said_not_lost_unseen(tmp_path):
    app = SmgovApp(PlanStore(hours_short_plan(tmp_path)))
    async with app.run_test(size=SIZE) as pilot:
        table = await on_the_roster(pilot, app)
        rows = app.plan.rows("resources.roster")
        await pilot.press(*"typo")
        await settle(pilot)
        shown = [n.message for n in app._notifications]
        notices = [m for m in shown if m.startswith("This is the Roster list")]
        assert notices == ["This is the Roster list: a adds a row, enter edits; your typing was not saved."]
        assert app.focused is table and app.plan.rows("resources.roster") == rows
        await pilot.press("ctrl+q")


async def test_after_an_add_the_cursor_is_on_the_new_row_and_edit_names_its_row(tmp_path):
    app = SmgovApp(PlanStore(hours_short_plan(tmp_path)))
    async with app.run_test(size=SIZE) as pilot:
        table = await on_the_roster(pilot, app, "resources.ranked_goals")
        count = table.row_count
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"Fewer calls", "ctrl+s")
        await settle(pilot)
        assert app.focused is table and table.row_count == count + 1
        assert table.cursor_row == count  # on the row just added, highlighted
        await pilot.press("up", "e")
        await settle(pilot)
        name = app.plan.rows("resources.ranked_goals")[count - 1]["goal"]
        assert str(app.screen.query_one("#row-form-title").render()).startswith(f"Edit goal {count}: {name}  ")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+q")


async def test_typing_on_after_a_tab_adds_to_the_next_answer_never_replaces_it(tmp_path):
    """Tab into a one-line field that holds an answer: it is not selected, so the words
    typed on land after it (undo or backspace takes them out) instead of replacing it."""
    from textual.widgets import Input

    path = tmp_path / "plan.json"
    PlanStore.create(path, "x", {"organisation.name": "Town of Millbrook",
                                 "response.posting_time_frame": "Drafts by Thursday"})
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=(80, 24)) as pilot:
        app.goto("response.reply_target")
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        field = app.screen.query_one("#field-response--posting_time_frame").query_one(Input)
        assert app.focused is field
        await pilot.press(*" ok")
        await pilot.pause()
        assert field.value == "Drafts by Thursday ok"
