"""The evaluation matrix in the workbench, by keyboard at 80x24: scores, weights,
the live ranking, the main platform, and what lands in the plan file."""

from __future__ import annotations

import datetime as dt
import json
import shutil

from conftest import SAMPLES, until_asking
from textual.widgets import DataTable, Select, Static

from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp
from smgov_tui.tui.widgets.matrix import MatrixEditor, NamePrompt


def county(tmp_path, **changes) -> tuple[SmgovApp, object]:
    path = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county.json", path)
    store = PlanStore(path)
    for decision_id, value in changes.items():
        store.set(decision_id.replace("__", "."), value, who="test")
    return SmgovApp(PlanStore(path)), path


def table_lines(app) -> list[str]:
    """The matrix as it is drawn: two header lines, then a line per platform."""
    table = app.screen.query_one("#edit-platforms--matrix-table", DataTable)
    return [table.render_line(y).text.rstrip() for y in range(table.size.height)]


def shown(app, selector: str) -> str:
    widget = app.screen.query_one(selector, Static)
    return str(widget.render()) if widget.display else ""


def saved(path) -> dict:
    return json.loads(path.read_text())


async def open_matrix(app, pilot) -> MatrixEditor:
    app.goto("platforms.matrix")
    await pilot.pause()
    await pilot.pause()
    editor = app.screen.query_one(MatrixEditor)
    assert app.focused is editor.table
    return editor


async def test_score_weigh_rank_and_choose_the_main_platform(tmp_path):
    app, path = county(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_matrix(app, pilot)
        lines = table_lines(app)
        assert lines[0].split() == ["#", "Platform", "Score", "Rch", "2way", "Mod", "Anl", "Acc", "Cost", "Fam"]
        assert lines[1].split() == ["×3", "×2", "×2", "×1", "×2", "×2", "×1"]
        assert [line.split()[:3] for line in lines[2:6]] == [
            ["1*", "Facebook", "4.2"], ["2", "X", "2.3"], ["3", "YouTube", "2.2"], ["4", "Nextdoor", "0.0"]]
        table = editor.table  # the whole matrix fits the form column: nothing scrolls sideways
        assert table.virtual_size.width <= table.size.width <= 50 and table.scroll_x == 0
        assert shown(app, ".matrix-focus").startswith("Reach among our residents, weight 3: 5 = most")

        # Nextdoor scored 5 5 5 4 5 5 5 rises to the top as it is typed, the cursor with it
        await pilot.press("down", "down", "down", "5", "right", "5", "right", "5")
        assert [line.split()[:3] for line in table_lines(app)[2:4]] == [["1*", "Facebook", "4.2"],
                                                                       ["2", "Nextdoor", "2.7"]]
        await pilot.press("right", "4", "right", "5", "right", "5", "right", "5")
        await pilot.pause()
        assert [line.split()[1:3] for line in table_lines(app)[2:6]] == [
            ["Nextdoor", "4.9"], ["Facebook", "4.2"], ["X", "2.3"], ["YouTube", "2.2"]]
        assert "* main: Facebook, 4.2/5, ranked 2 of 4" in shown(app, ".matrix-status")

        # + weighs the highlighted criterion (staff familiarity) more: X passes YouTube by more
        await pilot.press("plus", "plus")
        lines = table_lines(app)
        assert lines[1].split()[-1] == "×3"
        assert [line.split()[1:3] for line in lines[2:6]] == [
            ["Nextdoor", "4.9"], ["Facebook", "4.1"], ["X", "2.4"], ["YouTube", "1.9"]]
        assert shown(app, ".matrix-focus").startswith("Staff familiarity, weight 3:")

        # Nextdoor is not among the platforms we will run: m refuses and says why
        await pilot.press("up", "up", "up", "m")
        assert 'Add Nextdoor to "Platforms we will run" first' in shown(app, ".matrix-message")
        assert app.plan.get("platforms.main") == "Facebook"

        await pilot.press("down", "down", "m")  # X
        await pilot.pause()
        assert table_lines(app)[4].split()[:2] == ["3*", "X"]
        main_field = app.screen.query_one("#field-platforms--main")
        assert main_field.query_one(Select).value == "X"
        assert shown(app, "#field-platforms--main .decision-note").startswith(
            f"X: 2.4/5, ranked 3 of 4 (chosen {dt.date.today().isoformat()} at 2.4)")

    data = saved(path)
    values, history = data["plan"]["1"]["values"], list(data["history"].values())
    matrix = values["platforms.matrix"]
    assert values["platforms.main"] == "X"
    assert matrix["chosen"] == {"platform": "X", "score": 2.4, "on": dt.date.today().isoformat()}
    assert matrix["candidates"][3] == {"platform": "Nextdoor", "scores": {
        "Reach among our residents": 5, "Two-way engagement": 5, "Moderation tools": 5, "Analytics": 4,
        "Accessibility features": 5, "Cost": 5, "Staff familiarity": 5}}
    assert [c["weight"] for c in matrix["criteria"]] == [3, 2, 2, 1, 2, 2, 3]
    # 11 keystrokes changed the matrix, but typing is saved when the person pauses, not once a
    # keystroke; m saves at once, the matrix with its choice, then the main platform
    new = history[len(saved(SAMPLES / "county.json")["history"]):]
    assert [h["decision"] for h in new] == ["platforms.matrix"] * (len(new) - 1) + ["platforms.main"]
    assert 2 <= len(new) <= 5
    assert (history[-1]["old"], history[-1]["new"]) == ("Facebook", "X")
    assert history[-2]["new"] == matrix and history[-2]["old"].get("chosen") is None


async def test_the_staff_check_shows_under_the_ranking_and_clears(tmp_path):
    app, _ = county(tmp_path, resources__roster=[{"name": "Priya Nair", "role": "team lead", "hours": 3}])
    async with app.run_test(size=(80, 24)) as pilot:
        await open_matrix(app, pilot)
        status = shown(app, ".matrix-status")
        assert "· More platforms than the staff can run: 3 platforms chosen; 3 h/week" in status
        assert "keeps about 1 going" in status
        app.screen.query_one("#edit-platforms--chosen").focus()
        await pilot.press("down")
        for _ in range(2):  # X and YouTube go, each asked about; Facebook stays
            await pilot.press("d")
            await until_asking(pilot)
            await pilot.press("y")
            await pilot.pause()
        assert [row["platform"] for row in app.plan.rows("platforms.chosen")] == ["Facebook"]
        assert "More platforms" not in shown(app, ".matrix-status")
        assert "* main: Facebook" in shown(app, ".matrix-status")


async def test_add_and_remove_platforms_and_criteria_with_names_kept_as_plain_text(tmp_path):
    app, path = county(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_matrix(app, pilot)
        await pilot.press("down", "down", "d")  # YouTube, third
        assert [line.split()[1] for line in table_lines(app)[2:]] == ["Facebook", "X", "Nextdoor"]
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NamePrompt)
        assert "Not in the matrix yet: YouTube" in shown(app, ".name-prompt-offers")
        await pilot.press("enter")  # the offer, prefilled
        await pilot.pause()
        assert [line.split()[1] for line in table_lines(app)[2:]] == ["Facebook", "X", "Nextdoor", "YouTube"]
        await pilot.press("a", *"[b]Hi", "enter")  # typing replaces the offer; markup stays text
        await pilot.pause()
        assert [line.split()[1] for line in table_lines(app)[2:]] == ["Facebook", "X", "[b]Hi", "Nextdoor",
                                                                   "YouTube"]  # ties in name order
        await pilot.press("c", *"Records", "enter")
        await pilot.pause()
        assert table_lines(app)[0].split()[-1] == "Rec"
        assert shown(app, ".matrix-focus").startswith("Records, weight 1: our own criterion")
        await pilot.press("up", "4")  # from [b]Hi, just added, to X
        await pilot.pause()
        assert app.plan.get("platforms.matrix")["candidates"][1]["scores"]["Records"] == 4
        await pilot.press("x")
        assert table_lines(app)[0].split()[-1] == "Fam"
    matrix = saved(path)["plan"]["1"]["values"]["platforms.matrix"]
    assert [c["platform"] for c in matrix["candidates"]] == ["Facebook", "X", "Nextdoor", "YouTube", "[b]Hi"]
    assert matrix["candidates"][3]["scores"] == {} and len(matrix["criteria"]) == 7
