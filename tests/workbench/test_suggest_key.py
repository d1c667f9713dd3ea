"""The workbench's suggest key: a suggestion is shown under its field, and f5 puts it in
the field, saved as typing is; nothing is filled in without it."""

from __future__ import annotations

from conftest import on_screen
from textual.widgets import Input, TextArea

from smgov_tui.core.readiness import checklist
from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp
from smgov_tui.tui.widgets.rows import RowsEditor

TOWN = {"organisation.name": "Town of Millbrook", "organisation.country": "United States",
        "resources.roster": [{"name": "Alex Moreno", "role": "team lead", "hours": 20,
                              "when": "Mon-Fri 08:30-17:00"},
                             {"name": "Jamie Lee", "role": "responder", "hours": 10}],
        "platforms.chosen": [{"platform": "Facebook", "owner": "Alex Moreno", "comments": "open"}]}


def town(tmp_path):
    path = tmp_path / "town.json"
    return path, PlanStore.create(path, "Millbrook plan", TOWN)


async def test_f5_puts_the_suggestion_in_the_field_then_it_is_edited_and_saved(tmp_path):
    path, store = town(tmp_path)
    app = SmgovApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.goto("response.emergency_notice")
        await pilot.pause()
        field = app.screen.query_one("#field-response--emergency_notice")
        line = field.query_one(".decision-suggested")
        assert line.display and str(line.render()).startswith("Suggested (f5 to use): This account is watched")
        assert PlanStore(path).load().get("response.emergency_notice") is None  # shown, not decided
        await pilot.press("f5")
        await pilot.pause()
        editor = field.query_one(Input)
        assert editor.value.startswith("This account is watched Mon-Fri 09:00-17:00 and is not for emergencies.")
        # Decided now: the line has said its piece; its row stays, blank, while the field is typed in.
        assert line.display and "Suggested" not in on_screen(app)[line.region.y]
        await pilot.press("end", *" Thank you.")
        await pilot.press("tab")
        await pilot.pause()
        assert not line.display  # the field left: the row is given back
        saved = PlanStore(path).load().get("response.emergency_notice")
        assert saved.endswith("contact the Town of Millbrook. Thank you.")
        assert editor.value == saved
        assert [e["decision"] for e in PlanStore(path).history()][-1] == "response.emergency_notice"


async def test_f5_on_long_text_and_on_a_list(tmp_path):
    path, store = town(tmp_path)
    app = SmgovApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.goto("safeguards.hacked_response")
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        area = app.screen.query_one("#field-safeguards--hacked_response").query_one(TextArea)
        assert area.text.startswith("Whoever notices tells Alex Moreno and Jamie Lee at once.")
        app.goto("safeguards.records")
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        rows = app.screen.query_one("#field-safeguards--records").query_one(RowsEditor)
        assert [row["platform"] for row in rows.rows] == ["Facebook"]
        app.flush()
        saved = PlanStore(path).load()
        assert saved.get("safeguards.hacked_response") == area.text
        assert [row["platform"] for row in saved.get("safeguards.records")] == ["Facebook"]


async def test_no_suggestion_says_so_in_one_line_and_nothing_is_filled_in(tmp_path):
    path, store = town(tmp_path)
    values = PlanStore(path).load().values
    before = checklist(PlanStore(path).load())
    app = SmgovApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.goto("organisation.website")
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert messages == ["no suggestion for organisation.website: only you can say this"]
        app.goto("response.tone")  # a suggestion is on screen: still nothing decided
        await pilot.pause()
        app.flush()
    after = checklist(PlanStore(path).load())
    assert after.decided == before.decided and PlanStore(path).load().values == values


async def test_alt_y_as_a_terminal_sends_it_suggests_without_typing_y(tmp_path):
    """A terminal sends alt+y with its character "y": the field must not type it."""
    from textual import events

    path, store = town(tmp_path)
    app = SmgovApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.goto("response.emergency_notice")
        await pilot.pause()
        app.post_message(events.Key("alt+y", "y"))
        await pilot.pause()
        editor = app.screen.query_one("#field-response--emergency_notice").query_one(Input)
        assert editor.value.startswith("This account is watched")
        assert "y" not in editor.value[-1:]


async def test_typing_in_the_open_main_platform_list_picks_it(tmp_path):
    """The drop-down of a decision that picks a row (the main platform) finds what is typed."""
    from textual.widgets import Select

    path, store = town(tmp_path)
    app = SmgovApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.goto("platforms.main")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f", "a", "enter")
        await pilot.pause()
        assert app.screen.query_one("#field-platforms--main").query_one(Select).value == "Facebook"
        app.flush()
    assert PlanStore(path).load().get("platforms.main") == "Facebook"


async def test_the_main_platform_list_finds_a_platform_added_while_the_step_is_open(tmp_path):
    """Its options are made again when the platforms change: typing still finds them."""
    from textual.widgets import Select

    path, store = town(tmp_path)
    app = SmgovApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.goto("platforms.main")
        await pilot.pause()
        from smgov_tui.tui.widgets.editors import DecisionField

        rows = [*app.plan.rows("platforms.chosen"), {"platform": "Nextdoor"}]
        app.screen.take_proposal(DecisionField.Proposed("platforms.chosen", rows, True))
        await pilot.pause()
        app.goto("platforms.main")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n", "e", "enter")
        await pilot.pause()
        assert app.screen.query_one("#field-platforms--main").query_one(Select).value == "Nextdoor"


async def test_f1_shows_the_whole_suggestion_the_line_under_the_field_cuts(tmp_path):
    path, store = town(tmp_path)
    app = SmgovApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.goto("resources.training")
        await pilot.pause()
        line = str(app.screen.query_one("#field-resources--training .decision-suggested").render())
        await pilot.press("f1")
        await pilot.pause()
        shown = str(app.screen.query_one("#guidance-suggested").render())
        assert shown.startswith("Suggested for this plan (f5 puts it in the field):\n")
        assert "Alex Moreno" in shown and shown.rstrip().endswith("(NSW Government guidelines).")
        assert len(shown) > len(line)
        await pilot.press("escape")
        app.goto("safeguards.records")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert "• Platform: Facebook; Retention rule:" in str(app.screen.query_one("#guidance-suggested").render())
    assert PlanStore(path).load().get("resources.training") is None  # shown, not decided


async def test_sums_show_the_plans_currency_under_the_field_and_in_tables(tmp_path):
    path = tmp_path / "gbp.json"
    store = PlanStore.create(path, "x", {"organisation.name": "Borough of Ashby", "organisation.currency": "GBP",
                                         "resources.budget": 1500,
                                         "platforms.tools": [{"tool": "Hootsuite", "cost": 1200}]})
    app = SmgovApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.goto("resources.budget")
        await pilot.pause()
        note = app.screen.query_one("#field-resources--budget .decision-note")
        assert str(note.render()) == "£1,500 a year (GBP)"
        app.goto("resources.promotion")
        await pilot.pause()
        assert str(app.screen.query_one("#field-resources--promotion .decision-note").render()) == "In GBP (£)"
        app.goto("platforms.tools")
        await pilot.pause()
        table = app.screen.query_one("#edit-platforms--tools-table")
        assert "£1,200" in [str(cell) for cell in table.get_row_at(0)]
