"""The undo key at 80x24: the last change reverted wherever it is, the cursor on
it and a line saying what came back; after a restart too; a removed row back."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SAMPLES, settle, until_asking

from textual import events
from textual.widgets import DataTable, Input

from smgov_tui.core.history import clock
from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp
from smgov_tui.tui.widgets.editors import DecisionField

SIZE = (80, 24)
LANGUAGES, AUDIENCES, ROSTER = "objectives.languages", "objectives.audiences", "resources.roster"


def sample_plan(tmp_path: Path) -> Path:
    values = PlanStore(SAMPLES / "small-city.json").load().to_values()
    return PlanStore.create(tmp_path / "plan.json", "Harbor Falls", values).path


def file_values(path: Path) -> dict:
    return json.loads(path.read_text())["plan"]["1"]["values"]


def notices(app: SmgovApp) -> list[str]:
    return [n.message for n in app._notifications]


def focused_decision(app: SmgovApp) -> str | None:
    node = app.focused
    while node is not None and not isinstance(node, DecisionField):
        node = node.parent
    return node.decision.id if node is not None else None


async def typed_into(pilot, app: SmgovApp, decision_id: str, text: str) -> None:
    app.goto(decision_id)
    await settle(pilot)
    await pilot.press(*text)
    await settle(pilot)
    app.flush()


async def undo(pilot, key: str = "f9") -> str:
    """Press the undo key, as a terminal sends it (alt+u comes with the character u); the line it shows."""
    pilot.app.post_message(events.Key(key, key[-1] if key.startswith("alt+") else None))
    await settle(pilot)
    # The file watcher may say "Updated from another session" at any moment on a busy
    # machine, before or after the undo's line: the undo's is the newest of the others.
    return [line for line in notices(pilot.app) if not line.startswith("Updated from another session")][-1]


async def test_two_changes_undone_twice_then_nothing_left_says_so(tmp_path):
    path = sample_plan(tmp_path)
    before = file_values(path)
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=SIZE) as pilot:
        await typed_into(pilot, app, LANGUAGES, "xy")
        await typed_into(pilot, app, AUDIENCES, "zw")
        assert file_values(path) != before
        app.show_step("launch")  # undo goes to the decision wherever it is
        await settle(pilot)
        said = await undo(pilot)
        assert app.screen.name == "objectives" and focused_decision(app) == AUDIENCES
        assert app.plan.get(AUDIENCES) == before[AUDIENCES]
        when = clock(app.store.history()[1]["when"])
        assert said == f"Undid: Audiences we must reach back to {before[AUDIENCES][:39]}… (changed {when})"
        said = await undo(pilot, "alt+u")  # the second key: in a text field too, typing no u
        assert focused_decision(app) == LANGUAGES and isinstance(app.focused, Input)
        assert said.startswith("Undid: Language access back to English and Spanish")
        assert file_values(path) == before
        assert [entry.get("undoes") for entry in app.store.history()] == [None, None, 2, 1]
        await pilot.press("ctrl+r")  # the history view, newest first, marks the two
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        to = [str(table.get_row_at(row)[4]) for row in range(table.row_count)]
        assert [text.startswith("(undo) ") for text in to] == [True, True, False, False]
        await pilot.press("escape")
        await settle(pilot)
        assert await undo(pilot) == "Nothing to undo: none of your changes is still in the plan."
        assert file_values(path) == before
        await pilot.press("ctrl+q")


async def test_a_row_removed_after_answering_yes_comes_back(tmp_path):
    path = sample_plan(tmp_path)
    names = [row["name"] for row in file_values(path)[ROSTER]]
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=SIZE) as pilot:
        app.goto(ROSTER)
        await settle(pilot)
        await pilot.press("down", "d")
        await until_asking(pilot)
        await pilot.press("y")
        await settle(pilot)
        app.flush()
        assert [row["name"] for row in file_values(path)[ROSTER]] == [names[0], *names[2:]]
        said = await undo(pilot)
        assert [row["name"] for row in file_values(path)[ROSTER]] == names
        assert [row["name"] for row in app.plan.rows(ROSTER)] == names
        assert focused_decision(app) == ROSTER
        assert said.startswith("Undid: Roster: who, which role, how many hours back to ")
        await pilot.press("ctrl+q")


async def test_undo_after_quitting_and_reopening_reverts_the_last_change(tmp_path):
    path = sample_plan(tmp_path)
    before = file_values(path)
    first = SmgovApp(PlanStore(path))
    async with first.run_test(size=SIZE) as pilot:
        await typed_into(pilot, first, LANGUAGES, "xy")
        await pilot.press("ctrl+q")
    assert file_values(path)[LANGUAGES] != before[LANGUAGES]
    again = SmgovApp(PlanStore(path))
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        said = await undo(pilot)
        assert focused_decision(again) == LANGUAGES
        assert said.startswith("Undid: Language access back to English and Spanish")
        await pilot.press("ctrl+q")
    assert file_values(path) == before


async def test_another_persons_change_is_never_undone_and_one_over_mine_is_said(tmp_path):
    path = sample_plan(tmp_path)
    before = file_values(path)
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=SIZE) as pilot:
        await typed_into(pilot, app, AUDIENCES, "zw")
        await typed_into(pilot, app, LANGUAGES, "xy")
        other = PlanStore(path)
        other.set(LANGUAGES, "English and Tagalog", who="someone-else")  # over my change
        other.set("objectives.key_messages", "Bins on Tuesdays", who="someone-else")  # newest, theirs
        said = await undo(pilot)
        assert focused_decision(app) == AUDIENCES
        assert said.endswith("; left alone, changed by someone else since: Language access")
        assert await undo(pilot) == "Nothing to undo: none of your changes is still in the plan."
        await pilot.press("ctrl+q")
    values = file_values(path)
    assert values[AUDIENCES] == before[AUDIENCES]
    assert values[LANGUAGES] == "English and Tagalog" and values["objectives.key_messages"] == "Bins on Tuesdays"
