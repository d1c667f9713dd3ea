"""A choice in the planner's own words, keyboard only at 80x24: pick "Other: in our own
words…", type the words, and they land in the plan file as typed; a typo of a choice is
refused in the prompt; the words are offered again when the field is reopened."""

from __future__ import annotations

from textual.widgets import Input, Static

from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp
from smgov_tui.tui.screens.row_form import RowForm
from smgov_tui.tui.widgets.own_words import OTHER_LABEL, OwnWordsPrompt, OwnWordsSelect


def millbrook(tmp_path, values=None):
    path = tmp_path / "plan.json"
    store = PlanStore.create(path, "Millbrook plan", {"organisation.name": "Town of Millbrook", **(values or {})})
    return path, store


async def until(pilot, condition, pauses: int = 400) -> None:
    """Pause until the condition holds (the poll for other sessions' changes takes a second)."""
    for _ in range(pauses):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition()


def shown(widget: Static) -> str:
    return str(widget.render())


async def test_other_takes_own_words_for_the_tone_and_shows_them_when_reopened(tmp_path):
    path, store = millbrook(tmp_path)
    app = SmgovApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.goto("response.tone")
        await until(pilot, lambda: isinstance(app.focused, OwnWordsSelect))
        await pilot.press("enter", "end", "enter")  # open the list, the last option: Other
        await until(pilot, lambda: isinstance(app.screen, OwnWordsPrompt))
        assert "Tone of voice, in our own words" in shown(app.screen.query_one("#own-words-title", Static))
        await pilot.press(*"casual and frendly", "enter")
        await pilot.pause()
        error = shown(app.screen.query_one("#own-words-error", Static))
        assert error == "'casual and frendly' is not a choice here: did you mean casual and friendly?"
        assert isinstance(app.screen, OwnWordsPrompt)  # still asking: nothing saved
        await pilot.press("ctrl+u", *"professional", "enter")
        await until(pilot, lambda: not isinstance(app.screen, OwnWordsPrompt))
        app.flush()
        assert PlanStore(path).load().get("response.tone") == "professional"
        select = app.screen.query_one("#edit-response--tone", OwnWordsSelect)
        assert app.focused is select and select.value == "professional"
        await pilot.press("enter", "end", "enter")  # Other again: the words are there to edit
        await until(pilot, lambda: isinstance(app.screen, OwnWordsPrompt))
        assert app.screen.query_one(Input).value == "professional"
        await pilot.press("escape")  # keeps the words as they were
        await until(pilot, lambda: not isinstance(app.screen, OwnWordsPrompt))
        await pilot.press("enter", "home", "down", "enter")  # back to a choice of the list
        await pilot.pause()
        app.flush()
        assert PlanStore(path).load().get("response.tone") == "casual and friendly"


async def test_words_saved_elsewhere_are_offered_in_the_list(tmp_path):
    path, store = millbrook(tmp_path, {"safeguards.forum": "a forum under our standing orders"})
    app = SmgovApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.goto("safeguards.forum")
        await until(pilot, lambda: isinstance(app.focused, OwnWordsSelect))
        select = app.focused
        prompts = [str(prompt) for prompt, _ in select._options]
        assert prompts[-2:] == ["a forum under our standing orders (our own words)", OTHER_LABEL]
        assert "moderated, not a public forum" in prompts and "no public-forum doctrine applies" in prompts
        assert select.value == "a forum under our standing orders"
        PlanStore(path).set("safeguards.forum", "a space run under our own rules", who="lee")
        await until(pilot, lambda: select.value == "a space run under our own rules")  # another session's words
        prompts = [str(prompt) for prompt, _ in select._options]
        assert prompts[-2:] == ["a space run under our own rules (our own words)", OTHER_LABEL]
        assert "a forum under our standing orders (our own words)" not in prompts


async def test_a_roster_role_in_own_words_from_the_row_form(tmp_path):
    path, store = millbrook(tmp_path)
    app = SmgovApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.goto("resources.roster")
        await pilot.pause()
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, RowForm))
        await pilot.press(*"Pat Lee", "tab", "enter", "end", "enter")
        await until(pilot, lambda: isinstance(app.screen, OwnWordsPrompt))
        assert "Role, in our own words" in shown(app.screen.query_one("#own-words-title", Static))
        await pilot.press(*"Public Information Officer", "enter")
        await until(pilot, lambda: isinstance(app.screen, RowForm))
        assert app.screen.query_one("#row-role", OwnWordsSelect).value == "Public Information Officer"
        await pilot.press("tab", "6", "ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, RowForm))
        app.flush()
        assert PlanStore(path).load().get("resources.roster") == [
            {"name": "Pat Lee", "role": "Public Information Officer", "hours": 6}]
