"""The workbench driven by keyboard alone, as a person at an 80x24 terminal would.

Every value here goes in through key presses: characters typed into text
fields, enter/arrows in choice menus, space in multi-choice lists, `a` and a
row form for list decisions. Nothing assigns a widget's value or calls the
app's own methods to make a decision. The tests then look at what is on the
screen and at what landed in the plan file.

Keys: `pilot.press` waits for the app to go idle after *every* key (at least
40 ms a key in Textual's pilot), which would make typing the ~13,000
characters of a whole plan take over ten minutes. `send` therefore posts the
very `events.Key` events that `pilot.press` posts, through the same driver,
without the idle wait, and each step then waits (`until`) for what a person
would see the keys do: the text in the field, the menu open, the cursor in
the next field. A key that moves the cursor is always followed by such a
wait before the next key is sent, so no key reaches the wrong widget.
"""

from __future__ import annotations

import asyncio
import functools
import json
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import asked_plan
from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.pilot import Pilot
from textual.widgets import (
    DataTable,
    Input,
    OptionList,
    Select,
    SelectionList,
    Static,
    TextArea,
)

from smgov_tui.cli import main
from smgov_tui.core.adoption import ADOPTED
from smgov_tui.core.catalogue import CATALOGUE, Decision
from smgov_tui.core.catalogue.kinds import (
    Choice,
    Kind,
    LongText,
    Multi,
    RowRef,
    Rows,
    YesNo,
)
from smgov_tui.core.signoff import digest
from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp
from smgov_tui.tui.screens.row_form import RowForm
from smgov_tui.tui.widgets.editors import DecisionField
from smgov_tui.tui.workbench import SAVE_PAUSE

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "small-city.json"
SIZE = (80, 24)


# --- keys and waiting -----------------------------------------------------------


def _key_event(key: str) -> events.Key:
    """The Key event `pilot.press(key)` sends for a key name or one character ("\\n" is enter)."""
    key = "enter" if key == "\n" else key
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    original = REPLACED_KEYS.get(key, key)
    try:
        character = unicodedata.lookup(_get_unicode_name_from_key(original))
    except KeyError:
        character = key if len(key) == 1 else None
    return events.Key(key, character)


def send(pilot: Pilot, *keys: str) -> None:
    """Press keys (names such as "tab", or single characters) without waiting.

    The events go through the driver exactly as `pilot.press` sends them; the
    caller then waits, with `until`, for what the keys should have done.
    """
    app = pilot.app
    for key in keys:
        event = _key_event(key)
        event.set_sender(app)
        app._driver.send_message(event)


async def until(pilot: Pilot, condition: Callable[[], Any], what: str, timeout: float = 10.0) -> None:
    """Let the app run until `condition()` holds; fail saying what did not happen."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for: {what}")
        await asyncio.sleep(0.002)


async def press(pilot: Pilot, *keys: str, then: Callable[[], Any], what: str) -> None:
    send(pilot, *keys)
    await until(pilot, then, what)


def focused_id(app: SmgovApp) -> str | None:
    return app.focused.id if app.focused is not None else None


def text_of(widget: Static) -> str:
    """The plain text a Static shows."""
    return str(widget.render())


def focused_decision(app: SmgovApp) -> str | None:
    """The decision whose editor has the cursor (None if the cursor is elsewhere)."""
    node = app.focused
    while node is not None and not isinstance(node, DecisionField):
        node = node.parent
    return node.decision.id if isinstance(node, DecisionField) else None


def editor_selector(decision_id: str) -> str:
    return "#edit-" + decision_id.replace(".", "--")


def summary(app: SmgovApp) -> str:
    return text_of(app.screen.query_one("#checklist-summary", Static))


def checklist_prompts(app: SmgovApp) -> list[str]:
    options = app.screen.query_one("#checklist-items", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def message_of(app: SmgovApp, decision_id: str) -> str:
    field = app.screen.query_one("#field-" + decision_id.replace(".", "--"))
    lines = field.query(".decision-message")  # made when there is first something to say
    return text_of(lines.first(Static)) if lines else ""


# --- driving one editor by keyboard --------------------------------------------


async def choose(pilot: Pilot, choices: list[Any], value: Any) -> None:
    """In the focused Select: enter opens the menu, home/down move, enter picks."""
    app = pilot.app
    select = app.focused
    assert isinstance(select, Select), f"expected a choice menu to have focus, not {select!r}"
    await press(pilot, "enter", then=lambda: select.expanded and app.focused is not select,
                what="the choice menu to open")
    # The menu's first line is the "Choose…" prompt, then the choices in order.
    await press(pilot, "home", *["down"] * (choices.index(value) + 1), "enter",
                then=lambda: not select.expanded and app.focused is select and select.value == value,
                what=f"{value!r} to be picked")


async def tick(pilot: Pilot, choices: tuple[str, ...], wanted: list[str]) -> None:
    """In the focused SelectionList: down moves, space ticks.

    Space toggles whatever is highlighted when the list gets round to it, so
    each key waits for its tick or move to show before the next is sent.
    """
    selection = pilot.app.focused
    assert isinstance(selection, SelectionList), f"expected a multi-choice list, not {selection!r}"
    await press(pilot, "home", then=lambda: selection.highlighted == 0, what="the first choice highlighted")
    for index, choice in enumerate(choices):
        if choice in wanted:
            await press(pilot, "space", then=lambda choice=choice: choice in selection.selected,
                        what=f"{choice!r} ticked")
        if index + 1 < len(choices):
            await press(pilot, "down", then=lambda index=index: selection.highlighted == index + 1,
                        what=f"the highlight on {choices[index + 1]!r}")
    assert list(selection.selected) == [c for c in choices if c in wanted]


TYPED_AT_MOST = 24  # characters typed key by key; the rest of a longer answer is pasted


async def type_into(pilot: Pilot, text: str, shows: str | None = None) -> None:
    """Type `text` into the focused Input or TextArea; wait until it shows `shows`.
    A long answer's first characters are typed and the rest pasted, as a planner
    pastes a paragraph from a draft: key by key, the walk's 11,000 characters
    were a seventh of the whole suite's time (typing is the keystroke tests' own)."""
    widget = pilot.app.focused
    assert isinstance(widget, (Input, TextArea)), f"expected a text field, not {widget!r}"
    expected = text if shows is None else shows
    current = (lambda: widget.value) if isinstance(widget, Input) else (lambda: widget.text)
    typed, pasted = text[:TYPED_AT_MOST], text[TYPED_AT_MOST:]
    send(pilot, *typed)
    if pasted:
        await until(pilot, lambda: current().endswith(typed), f"the field to show {typed!r}")
        paste = events.Paste(pasted)
        paste.set_sender(pilot.app)
        pilot.app._driver.send_message(paste)
    await until(pilot, lambda: current() == expected, f"the field to show {expected!r}")


async def enter_value(pilot: Pilot, kind: Kind, value: Any) -> None:
    """Put `value` into the focused editor of `kind`, by keyboard."""
    app = pilot.app
    if isinstance(kind, Rows):
        for row in value:
            await add_row(pilot, kind, row)
    elif isinstance(kind, RowRef):
        names = [option[1] for option in app.focused._options[1:]]
        await choose(pilot, names, value)
    elif isinstance(kind, Choice):
        await choose(pilot, list(kind.choices), value)
    elif isinstance(kind, YesNo):
        await choose(pilot, [True, False], value)
    elif isinstance(kind, Multi):
        await tick(pilot, kind.choices, value)
    elif isinstance(kind, LongText):
        await type_into(pilot, value)
    else:
        await type_into(pilot, kind.edit_text(value))


async def add_row(pilot: Pilot, kind: Rows, row: dict) -> None:
    """`a` opens the row form; each field in turn, tab between them; ctrl+s keeps the row."""
    app = pilot.app
    table = app.focused
    assert isinstance(table, DataTable), f"expected a rows table to have focus, not {table!r}"
    editor = table.parent
    before = len(editor.rows)
    first = f"row-{kind.fields[0].key}"
    await press(pilot, "a", then=lambda: isinstance(app.screen, RowForm) and focused_id(app) == first,
                what="the row form to open at its first field")
    for field, after in zip(kind.fields, [*kind.fields[1:], None]):
        if row.get(field.key) is not None:
            await enter_value(pilot, field.kind, row[field.key])
        target = f"row-{after.key}" if after else "row-save"
        await press(pilot, "tab", then=lambda target=target: focused_id(app) == target, what=f"tab to {target}")
    await press(pilot, "ctrl+s", then=lambda: not isinstance(app.screen, RowForm) and len(editor.rows) == before + 1,
                what="the row form to close with its row in the table")
    assert editor.rows[-1] == row
    assert app.focused is table


async def settle_after_jump(pilot: Pilot, screen_before) -> None:
    """After ctrl+f or a checklist jump to another step, let the app finish the jump.

    The app focuses the decision in a callback after the next refresh; the new
    step's screen may already show the cursor there (it focuses its first
    missing decision on mount). Keys sent before that callback runs can open
    a dialog it then trips over (see the report: ctrl+f then `a` at once).
    """
    if pilot.app.screen is not screen_before:
        await pilot.pause()


async def next_missing(pilot: Pilot) -> str:
    """ctrl+f; returns the decision the cursor lands in."""
    app = pilot.app
    here, screen = focused_decision(app), app.screen
    await press(pilot, "ctrl+f", then=lambda: focused_decision(app) not in (None, here),
                what=f"ctrl+f to move on from {here}")
    await settle_after_jump(pilot, screen)
    return focused_decision(app)


def within(seconds: float):
    """Fail a test that hangs (a wait with no deadline of its own) instead of stalling CI."""
    def decorate(test):
        @functools.wraps(test)
        async def run(*args, **kwargs):
            try:
                return await asyncio.wait_for(test(*args, **kwargs), seconds)
            except TimeoutError:
                raise AssertionError(f"{test.__name__} did not finish within {seconds} s") from None
        return run
    return decorate


def new_plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.json"
    asked_plan(path, "Walk plan")
    return path


def saved(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


# --- the tests ------------------------------------------------------------------

# The cross-check that the sample's blockers alone leave failing: its
# platforms take comments, so the advice decisions it names become necessary.
COMMENT_CHECK = "Open comments without a comment policy"
# Advice decisions a cross-check sends ctrl+f to: the comment rules, and the
# adopted documents' needs (core/adoption.py: a gap there blocks READY).
COMMENT_FIXES = ("conduct.citizen_conduct", "safeguards.removal_rules", "safeguards.complaints")
ADOPTION_CHECKS = len(ADOPTED)  # both adopted documents have gaps in a blank plan


def blocking_prompts(app: SmgovApp) -> list[str]:
    return [p for p in checklist_prompts(app) if p.startswith("!")]


@within(240)
async def test_blank_plan_to_signed_off_launch_by_keyboard(tmp_path, capsys):
    path = tmp_path / "walk.json"
    PlanStore.create(path, "Walk plan")  # never opened: it starts on the organisation's name
    sample = PlanStore(SAMPLE).load().values
    blockers = [d.id for d in CATALOGUE if d.blocker]
    made: list[str] = []
    signoff = {"name": "Angela Moreno", "role": "City Manager", "date": "2026-11-20"}

    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: focused_decision(app) == blockers[0], "the first decision to have the cursor")
        assert summary(app).startswith(f"0/{len(CATALOGUE)} decided")
        assert len(blocking_prompts(app)) == len(blockers) + ADOPTION_CHECKS

        # Every blocker, in the order ctrl+f offers them: a failed cross-check among them
        # (the sample's platforms take comments) lands on the advice decision that fixes it.
        while True:
            decision_id = focused_decision(app)
            assert decision_id is not None, f"the cursor is not in a decision: {app.focused!r}"
            decision: Decision = CATALOGUE.get(decision_id)
            assert (decision.blocker or decision_id in COMMENT_FIXES) and decision_id not in made, \
                f"ctrl+f went to {decision_id}"
            await enter_value(pilot, decision.kind, sample[decision_id])
            await until(pilot, lambda d=decision_id: app.plan.get(d) == sample[d],
                        f"{decision_id} to be accepted")
            assert message_of(app, decision_id) == ""
            made.append(decision_id)
            missing_shown = [p for p in blocking_prompts(app) if "\n" not in p]  # checks have a reason line
            assert len(missing_shown) == len([b for b in blockers if b not in made])
            assert not any(p.endswith(" " + decision.label) for p in missing_shown)
            if not blocking_prompts(app):
                break
            await next_missing(pilot)
        assert sorted(made) == sorted([*blockers, *COMMENT_FIXES])  # each once, nothing else
        await until(pilot, lambda: summary(app).startswith(f"{len(made)}/{len(CATALOGUE)} decided"),
                    "the count of decisions made")
        await until(pilot, lambda: "Ready for launch" in summary(app), "the checklist to say ready")

        # The launch screen: the verdict, then the sign-off form by tab.
        await press(pilot, "ctrl+n", then=lambda: app.screen.id == "step-launch" and app.focused is not None,
                    what="the launch screen")
        assert text_of(app.screen.query_one("#verdict", Static)).startswith("READY for launch")
        for _ in range(30):
            if focused_id(app) == "signoff-name":
                break
            before = app.focused
            await press(pilot, "tab", then=lambda before=before: app.focused is not before, what="tab to move")
        assert focused_id(app) == "signoff-name"
        await type_into(pilot, signoff["name"])
        await press(pilot, "tab", then=lambda: focused_id(app) == "signoff-role", what="tab to the role")
        await type_into(pilot, signoff["role"])
        await press(pilot, "tab", then=lambda: focused_id(app) == "signoff-date", what="tab to the date")
        await press(pilot, "end", "ctrl+u", then=lambda: app.focused.value == "",
                    what="the date, filled with today's, to be cleared")
        await type_into(pilot, signoff["date"])
        await press(pilot, "tab", then=lambda: focused_id(app) == "signoff-button",
                    what="tab to the sign-off button (enabled only when ready)")
        message = app.screen.query_one("#signoff-message", Static)
        await press(pilot, "enter", then=lambda: "Sign-off recorded" in text_of(message),
                    what="the sign-off to be recorded")
        assert text_of(app.screen.query_one("#signoffs", Static)) == \
            "Signed off by Angela Moreno (City Manager) on 2026-11-20"
        await pilot.press("ctrl+q")
    assert app.return_code == 0

    # The plan file: launch-ready by the command line, every value as typed.
    capsys.readouterr()
    assert main(["check", str(path)]) == 0, capsys.readouterr().out
    store = PlanStore(path)
    values = store.load().values
    signed = values["launch.signoff"]
    assert {k: v for k, v in values.items() if k != "launch.signoff"} == {d: sample[d] for d in made}
    assert [{k: row[k] for k in signoff} for row in signed] == [signoff]  # and what was signed:
    assert signed[0]["digest"] == digest(store.load())
    history = store.history()
    for decision_id, value in values.items():
        entries = [e for e in history if e["decision"] == decision_id]
        assert entries, f"no history entry for {decision_id}"
        assert entries[-1]["new"] == value, decision_id
    assert {e["decision"] for e in history} == set(values)


@within(90)
async def test_checklist_count_and_items_follow_each_keystroke(tmp_path):
    path = new_plan(tmp_path)
    total = len(CATALOGUE)
    decision_id = "objectives.conversations_now"
    label = CATALOGUE.get(decision_id).label
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: focused_decision(app) == decision_id, "the cursor in the first decision")
        assert summary(app).startswith(f"0/{total} decided")
        count = len(checklist_prompts(app))
        assert count == total + len(ADOPTED) and any(label in p for p in checklist_prompts(app))

        # One key makes the decision: the count rises and the item leaves.
        await type_into(pilot, "R")
        await until(pilot, lambda: summary(app).startswith(f"1/{total} decided"), "the count to rise")
        assert len(checklist_prompts(app)) == count - 1
        assert not any(label in p for p in checklist_prompts(app))
        text = "Residents ask about trash pickup on Nextdoor."
        await type_into(pilot, text[1:], shows=text)
        await until(pilot, lambda: app.plan.get(decision_id) == text, "the whole text to be kept")
        assert summary(app).startswith(f"1/{total} decided")
        app.flush()
        assert saved(path)["plan"]["1"]["values"][decision_id] == text

        # Deleting it all undoes the decision: the count falls, the item returns.
        await press(pilot, *["backspace"] * (len(text) - 1), then=lambda: app.focused.text == "R",
                    what="all but one character deleted")
        assert summary(app).startswith(f"1/{total} decided")
        await press(pilot, "backspace", then=lambda: app.focused.text == "", what="the field emptied")
        await until(pilot, lambda: summary(app).startswith(f"0/{total} decided"), "the count to fall")
        assert len(checklist_prompts(app)) == count
        assert any(label in p for p in checklist_prompts(app))
        app.flush()
        assert decision_id not in saved(path)["plan"]["1"]["values"]

        # A cross-check: a platform with open comments needs a comment policy.
        for step in ("resources", "response", "platforms"):
            await press(pilot, "ctrl+n", then=lambda step=step: app.screen.id == f"step-{step}",
                        what=f"the {step} step")
        await until(pilot, lambda: focused_decision(app) == "platforms.chosen", "the cursor in the platforms")
        assert not any(COMMENT_CHECK in p for p in checklist_prompts(app))
        kind = CATALOGUE.get("platforms.chosen").kind
        await add_row(pilot, kind, {"platform": "Facebook", "comments": "open"})
        await until(pilot, lambda: any(COMMENT_CHECK in p and "people can comment on Facebook" in p
                                       for p in checklist_prompts(app)),
                    "the comment-policy check in the checklist")
        assert any(COMMENT_CHECK in p for p in blocking_prompts(app))

        # enter edits the row: tab down to Comments, pick "off", ctrl+s.
        await press(pilot, "enter", then=lambda: isinstance(app.screen, RowForm) and focused_id(app) == "row-platform",
                    what="the row form to open")
        for _ in range(len(kind.fields)):
            if focused_id(app) == "row-comments":
                break
            before = app.focused
            await press(pilot, "tab", then=lambda before=before: app.focused is not before, what="tab to move")
        await choose(pilot, ["open", "limited", "off"], "off")
        await press(pilot, "ctrl+s", then=lambda: not isinstance(app.screen, RowForm), what="the row form to close")
        await until(pilot, lambda: not any(COMMENT_CHECK in p for p in checklist_prompts(app)),
                    "the comment-policy check to leave the checklist")
        await pilot.press("ctrl+q")
    values = saved(path)["plan"]["1"]["values"]
    assert values == {"platforms.chosen": [{"platform": "Facebook", "comments": "off"}]}


@within(90)
async def test_invalid_money_is_explained_and_never_saved(tmp_path):
    path = new_plan(tmp_path)
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "ctrl+n", then=lambda: app.screen.id == "step-resources", what="the resources step")
        await until(pilot, lambda: focused_decision(app) == "resources.roster", "the cursor in the roster")
        assert await next_missing(pilot) == "resources.budget"
        await type_into(pilot, "lots")
        await until(pilot, lambda: "amount of money" in message_of(app, "resources.budget"),
                    "the reason under the field")
        assert "'lots'" in message_of(app, "resources.budget")
        assert app.screen.query_one("#field-resources--budget").has_class("-invalid")
        assert summary(app).startswith("0/")
        await pilot.press("enter")  # submitting does not sneak it in
        await pilot.pause(SAVE_PAUSE + 0.2)  # nor does the pause that saves typing
        assert "amount of money" in message_of(app, "resources.budget")
        assert "resources.budget" not in saved(path)["plan"]["1"]["values"]
        await pilot.press("ctrl+q")
    data = saved(path)
    assert "resources.budget" not in data["plan"]["1"]["values"]
    assert not [e for e in data.get("history", {}).values() if e["decision"] == "resources.budget"]


@within(90)
async def test_reopening_shows_every_value_as_it_was(tmp_path):
    path = new_plan(tmp_path)
    sample = PlanStore(SAMPLE).load().values
    chosen = ("objectives.conversations_now", "objectives.conversations_wanted",
              "objectives.key_messages", "objectives.engagement_goals", "objectives.frequency",
              "objectives.measurable", "resources.roster")
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=SIZE) as pilot:
        for decision_id in chosen:
            await until(pilot, lambda d=decision_id: focused_decision(app) == d, f"the cursor in {decision_id}")
            await enter_value(pilot, CATALOGUE.get(decision_id).kind, sample[decision_id])
            await next_missing(pilot)
        assert focused_decision(app) == "resources.budget"
        await type_into(pilot, "$6,000.50")
        await pilot.press("ctrl+q")

    expected = {**{d: sample[d] for d in chosen}, "resources.budget": 6000.5}
    assert PlanStore(path).load().values == expected

    again = SmgovApp(PlanStore(path))
    async with again.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: again.screen.id == "step-resources" and focused_decision(again),
                    "the first step with a blocker missing")
        await press(pilot, "ctrl+o", then=lambda: again.screen.id == "step-objectives" and focused_decision(again),
                    what="the objectives step")
        screen = again.screen
        for decision_id in chosen[:3]:
            assert screen.query_one(editor_selector(decision_id), TextArea).text == sample[decision_id]
        goals = screen.query_one(editor_selector("objectives.engagement_goals"), SelectionList)
        assert list(goals.selected) == sample["objectives.engagement_goals"]
        frequency = screen.query_one(editor_selector("objectives.frequency"), Select)
        assert frequency.value == "daily"
        assert str(frequency.query_one("SelectCurrent Static").render()) == "daily"

        def table_shows(decision_id: str, rows: list[dict], shown_as: dict) -> None:
            """The rows table shows each row's first fields (as many columns as it has)."""
            table = again.screen.query_one(editor_selector(decision_id) + "-table", DataTable)
            keys = [column.key.value for column in table.ordered_columns]
            fields = [f.key for f in CATALOGUE.get(decision_id).kind.fields]
            assert keys and keys == fields[:len(keys)]
            cells = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
            assert cells == [[shown_as.get(k, str)(row[k]) for k in keys] for row in rows]

        table_shows("objectives.measurable", sample["objectives.measurable"], {})
        await press(pilot, "ctrl+n", then=lambda: again.screen.id == "step-resources" and focused_decision(again),
                    what="the resources step")
        table_shows("resources.roster", sample["resources.roster"], {"hours": lambda h: f"{h} h/week"})
        budget = again.screen.query_one(editor_selector("resources.budget"), Input).value
        assert budget in ("6000.5", "6,000.50") and CATALOGUE.parse("resources.budget", budget) == 6000.5
        assert summary(again).startswith(f"{len(expected)}/{len(CATALOGUE)} decided")
        await pilot.press("ctrl+q")


@within(90)
async def test_reopened_large_budget_shows_an_amount_the_field_accepts(tmp_path):
    """A budget of 1,250,000 must not come back as "1.25e+06", which the field refuses."""
    path = new_plan(tmp_path)
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "ctrl+n", then=lambda: app.screen.id == "step-resources" and focused_decision(app),
                    what="the resources step")
        assert await next_missing(pilot) == "resources.budget"
        await type_into(pilot, "$1,250,000")
        await pilot.press("ctrl+q")
    assert PlanStore(path).load().values == {"resources.budget": 1250000}

    again = SmgovApp(PlanStore(path))
    async with again.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: focused_decision(again) is not None, "the plan to open")
        await press(pilot, "ctrl+n", then=lambda: again.screen.id == "step-resources"
                    and focused_decision(again) == "resources.roster", what="the resources step")
        # Passing through the budget field: tab in from the roster, tab out.
        await press(pilot, "tab", then=lambda: focused_decision(again) == "resources.budget", what="tab to the budget")
        shown = again.focused.value
        await press(pilot, "tab", then=lambda: focused_decision(again) != "resources.budget", what="tab out")
        await pilot.pause()
        assert message_of(again, "resources.budget") == ""
        assert CATALOGUE.parse("resources.budget", shown) == 1250000
        await pilot.press("ctrl+q")
    assert PlanStore(path).load().values == {"resources.budget": 1250000}
