"""Two sessions, one plan: never a silent lost update.

A workbench edits a plan while another session (a second workbench, or
`smgov set`) changes it. Changes to different decisions both survive and
show in the workbench; a change to the same decision is said in a bar that
takes no key (typing goes on into the field) until the person takes theirs
or keeps mine with a key prose cannot type; the history keeps both.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import asked_plan, isolated_environment, until_asking
from textual.widgets import Input, Static, TextArea

from smgov_tui.cli import main
from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.storage.store import PlanStore
from smgov_tui.tui import workbench as workbench_module
from smgov_tui.tui.app import SmgovApp
from smgov_tui.tui.screens.conflict import ConflictScreen
from smgov_tui.tui.screens.unsaved import UnsavedScreen

REPO = Path(__file__).resolve().parents[2]
SIZE = (80, 24)
NOW = "objectives.conversations_now"  # where a blank plan opens, cursor in it
WANTED = "objectives.conversations_wanted"
LANGUAGES = "objectives.languages"


@pytest.fixture
def plan(tmp_path) -> Path:
    path = tmp_path / "plan.json"
    return asked_plan(path, "Shared plan")


def on_disk(plan: Path) -> tuple[dict, list[dict]]:
    data = json.loads(plan.read_text(encoding="utf-8"))
    return data["plan"]["1"]["values"], list(data["history"].values())


def workbench(plan: Path) -> tuple[SmgovApp, list[str]]:
    app = SmgovApp(PlanStore(plan))
    notes: list[str] = []
    notify = app.notify
    app.notify = lambda message, *a, **k: (notes.append(str(message)), notify(message, *a, **k))[1]
    return app, notes


def label(decision_id: str) -> str:
    return CATALOGUE.get(decision_id).label


def editor(app: SmgovApp, decision_id: str):
    return app.get_screen(CATALOGUE.get(decision_id).step).query_one(f"#edit-{decision_id.replace('.', '--')}")


def shown_text(app: SmgovApp) -> str:
    return "\n".join(str(s.render()) for s in app.screen.query(Static))


async def type_text(pilot, text: str) -> None:
    """Typed as a person types it; it stays pending until the test moves on (tab,
    ctrl+q, a flush): on a loaded machine the keys, or another process run
    meanwhile, outlast the save pause (0.6 s), and a value saved half-typed ("M")
    is not the conflict, nor the history, these tests are about."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(workbench_module, "SAVE_PAUSE", 3600.0)  # the pause's timer is set as each key lands
        await pilot.press(*[{" ": "space"}.get(c, c) for c in text])


async def test_two_workbenches_change_different_decisions_and_both_survive(plan):
    mine, _ = workbench(plan)
    theirs, their_notes = workbench(plan)
    async with mine.run_test(size=SIZE) as me, theirs.run_test(size=SIZE) as them:
        await type_text(me, "Mine")
        await me.press("tab")  # moving on saves now
        await them.pause()
        editor(theirs, WANTED).focus()
        await them.pause()
        await type_text(them, "Theirs")
        await them.press("tab")
        assert on_disk(plan)[0] == {NOW: "Mine", WANTED: "Theirs"}

        theirs.notice_other_sessions()  # what the one-second poll does
        await them.pause()
        assert editor(theirs, NOW).text == "Mine"
        assert any(note == f"Updated from another session: {label(NOW)}" for note in their_notes), their_notes
        mine.notice_other_sessions()
        await me.pause()
        assert editor(mine, WANTED).text == "Theirs"
        assert mine.plan.values == {NOW: "Mine", WANTED: "Theirs"}
        await me.press("ctrl+q")
        await them.press("ctrl+q")
    values, history = on_disk(plan)
    assert values == {NOW: "Mine", WANTED: "Theirs"}
    assert [(e["decision"], e["new"]) for e in history] == [(NOW, "Mine"), (WANTED, "Theirs")]


async def test_the_poll_shows_another_sessions_change_without_touching_the_keyboard(plan):
    app, notes = workbench(plan)
    async with app.run_test(size=SIZE) as pilot:
        decided_before = app.checklist.decided
        PlanStore(plan).set(LANGUAGES, "English, Spanish", who="lee")
        await pilot.pause(1.3)  # one poll
        assert editor(app, LANGUAGES).value == "English, Spanish"
        assert app.checklist.decided == decided_before + 1
        assert f"Updated from another session: {label(LANGUAGES)}" == notes[-1]
        assert app.pending == {}
        await pilot.press("ctrl+q")
    assert on_disk(plan)[0] == {LANGUAGES: "English, Spanish"}


def bar_text(app: SmgovApp) -> str:
    """The conflict bar as the person sees it, or "" while it is hidden."""
    bar = app.screen.query_one("#conflict-bar", Static)
    return str(bar.render()) if bar.display else ""


async def conflict_over_one_decision(plan: Path, pilot, app: SmgovApp) -> None:
    """I type a value; before it is saved another session saves its own; I move on.
    The clash is said in the bar; no dialog opens and the focus stays where it went."""
    await type_text(pilot, "Mine")
    PlanStore(plan).set(NOW, "Theirs", who="lee")
    await pilot.press("tab")
    await pilot.pause()
    assert not app.screen.is_modal
    assert f"{label(NOW)} was changed by lee at" in bar_text(app)
    assert "In the file now: Theirs" in bar_text(app)
    assert "f3 keep mine  f4 take theirs  f12 compare" in bar_text(app)
    assert app.save_state == "NOT SAVED: conflict"


async def test_same_decision_keep_mine_saves_mine_with_theirs_in_the_history(plan):
    app, _ = workbench(plan)
    async with app.run_test(size=SIZE) as pilot:
        await conflict_over_one_decision(plan, pilot, app)
        assert on_disk(plan)[0] == {NOW: "Theirs"}  # nothing written until I choose
        await pilot.press("f3")
        await pilot.pause()
        assert bar_text(app) == ""
        assert editor(app, NOW).text == "Mine"
        await pilot.press("ctrl+q")
    assert app.return_code == 0
    values, history = on_disk(plan)
    assert values == {NOW: "Mine"}
    assert [(e["who"], e["old"], e["new"]) for e in history if e["decision"] == NOW][-2:] == [
        ("lee", None, "Theirs"), (history[-1]["who"], "Theirs", "Mine")]


async def test_same_decision_take_theirs_into_the_plan_and_the_editor(plan):
    app, _ = workbench(plan)
    async with app.run_test(size=SIZE) as pilot:
        await conflict_over_one_decision(plan, pilot, app)
        await pilot.press("f4")
        await pilot.pause()
        assert bar_text(app) == ""
        assert editor(app, NOW).text == "Theirs"
        assert app.plan.get(NOW) == "Theirs" and app.pending == {}
        await pilot.pause(0.8)  # past the save pause: taking theirs proposes nothing back
        await pilot.press("ctrl+q")
    values, history = on_disk(plan)
    assert values == {NOW: "Theirs"}
    assert [(e["old"], e["new"]) for e in history] == [(None, "Theirs")]


async def test_typing_goes_on_under_the_bar_and_letters_choose_nothing(plan):
    """The bar asks nothing: "k" and "r" (the old dialog's keys) are text in the field,
    and the file keeps theirs until I choose with a key prose cannot type."""
    app, _ = workbench(plan)
    async with app.run_test(size=SIZE) as pilot:
        await conflict_over_one_decision(plan, pilot, app)
        await pilot.press("shift+tab")  # back into my field
        await type_text(pilot, " keep reading")
        app.flush()  # a pause: the save meets the clash again
        await pilot.pause()
        assert editor(app, NOW).text == "Mine keep reading"
        assert app.pending == {NOW: "Mine keep reading"}
        assert on_disk(plan)[0] == {NOW: "Theirs"}
        assert "In the file now: Theirs" in bar_text(app)
        await pilot.press("alt+k")  # the second key for keep mine
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert app.return_code == 0
    assert on_disk(plan)[0] == {NOW: "Mine keep reading"}


async def test_the_bar_shows_the_value_in_the_file_now_and_keep_mine_never_overwrites_unseen(plan):
    """They change it again after the bar came up: the bar follows the file, and a
    keep-mine pressed on the older theirs writes nothing; the next one does."""
    app, notes = workbench(plan)
    async with app.run_test(size=SIZE) as pilot:
        await conflict_over_one_decision(plan, pilot, app)
        PlanStore(plan).set(NOW, "Theirs, second go", who="kim")
        await pilot.press("f3")  # before any poll has seen their second change
        await pilot.pause()
        assert on_disk(plan)[0] == {NOW: "Theirs, second go"}  # not overwritten unseen
        assert "In the file now: Theirs, second go" in bar_text(app)
        assert f"{label(NOW)} was changed by kim at" in bar_text(app)
        assert any("changed again" in note for note in notes), notes
        await pilot.press("f3")
        await pilot.pause()
        assert bar_text(app) == ""
        await pilot.press("ctrl+q")
    values, history = on_disk(plan)
    assert values == {NOW: "Mine"}
    assert [e["new"] for e in history] == ["Theirs", "Theirs, second go", "Mine"]


async def test_the_poll_follows_their_next_change_into_the_bar(plan):
    app, _ = workbench(plan)
    async with app.run_test(size=SIZE) as pilot:
        await conflict_over_one_decision(plan, pilot, app)
        PlanStore(plan).set(NOW, "Theirs again", who="kim")
        app.notice_other_sessions()  # what the one-second poll does
        await pilot.pause()
        assert "In the file now: Theirs again" in bar_text(app)
        assert app.pending == {NOW: "Mine"}
        await pilot.press("f4")
        await pilot.pause()
        assert editor(app, NOW).text == "Theirs again"
        await pilot.press("ctrl+q")
    assert on_disk(plan)[0] == {NOW: "Theirs again"}


async def test_compare_shows_both_versions_in_full_and_chooses_with_the_same_keys(plan):
    app, _ = workbench(plan)
    async with app.run_test(size=SIZE) as pilot:
        await conflict_over_one_decision(plan, pilot, app)
        await pilot.press("f12")
        await until_asking(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConflictScreen)
        assert f"{label(NOW)} was changed by lee at" in shown_text(app)
        assert "Theirs" in str(dialog.query_one("#conflict-theirs Static").render())
        assert "Mine" in str(dialog.query_one("#conflict-mine Static").render())
        await pilot.press("enter")  # the focus is on Back: enter chooses no version
        await pilot.pause()
        assert not app.screen.is_modal and app.pending == {NOW: "Mine"}
        await pilot.press("f12")
        await until_asking(pilot)
        await pilot.press("f3")
        await pilot.pause()
        assert not app.screen.is_modal  # resolved: the dialog goes with the clash
        await pilot.press("ctrl+q")
    assert on_disk(plan)[0] == {NOW: "Mine"}


async def test_quitting_with_a_clash_asks_and_quits_once_it_is_settled(plan):
    app, _ = workbench(plan)
    async with app.run_test(size=SIZE) as pilot:
        await conflict_over_one_decision(plan, pilot, app)
        await pilot.press("ctrl+q")
        await until_asking(pilot)
        assert isinstance(app.screen, UnsavedScreen)
        assert f"{label(NOW)}: changed by lee at" in shown_text(app)
        await pilot.press("f3")
        await pilot.pause()
    assert app.return_code == 0
    assert on_disk(plan)[0] == {NOW: "Mine"}


async def test_a_workbench_and_smgov_set_on_one_file(plan):
    """`smgov set` in a separate process: its change to another decision appears
    here; its change to the decision being edited here is a conflict, not lost."""
    app, notes = workbench(plan)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "Mine")
        for decision_id, value in ((LANGUAGES, "English"), (NOW, "From the script")):
            done = await asyncio.to_thread(  # the workbench keeps running meanwhile
                subprocess.run, [sys.executable, "-m", "smgov_tui", "set", str(plan), decision_id, value],
                capture_output=True, text=True, timeout=60, check=False,
                env={**isolated_environment(), "PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "USER": "script"})
            assert done.returncode == 0, done.stderr
        app.notice_other_sessions()  # sees both (if the poll has not yet); mine is pending: the bar says so
        await pilot.pause()
        assert editor(app, LANGUAGES).value == "English"
        assert f"Updated from another session: {label(LANGUAGES)}" in notes
        assert "In the file now: From the script" in bar_text(app)
        await pilot.press("f3")
        await pilot.press("ctrl+q")
    values, history = on_disk(plan)
    assert values == {LANGUAGES: "English", NOW: "Mine"}
    assert [e["new"] for e in history if e["decision"] == NOW] == ["From the script", "Mine"]


async def test_an_input_field_updated_from_another_session_proposes_nothing_back(plan):
    """The editor shows the other session's value; no edit is made here, nothing pending."""
    app, _ = workbench(plan)
    async with app.run_test(size=SIZE) as pilot:
        PlanStore(plan).set(LANGUAGES, "French", who="lee")
        app.notice_other_sessions()
        await pilot.pause(0.8)
        field = editor(app, LANGUAGES)
        assert isinstance(field, Input) and field.value == "French"
        assert isinstance(editor(app, NOW), TextArea)
        assert app.pending == {} and app.save_state == "all saved"
        await pilot.press("ctrl+q")
    assert [e["who"] for e in on_disk(plan)[1]] == ["lee"]
