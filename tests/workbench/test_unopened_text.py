"""A text area out of view as a step opens is made as it comes into view or is
focused (UnopenedTextArea): what the person sees, types and saves is what a
text area made at once gave.

Pilot runs mount every field at once (`window_fields` None, headless), so
these tests ask for the terminal's way, as test_first_screen does."""

from __future__ import annotations

import shutil

from conftest import SAMPLES, on_screen, rows_drawn, settle
from textual.widgets import TextArea

from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp
from smgov_tui.tui.widgets.editors import DecisionField
from smgov_tui.tui.widgets.inputs import UnopenedTextArea

ABOVE = ("objectives.conversations_now", "objectives.conversations_wanted", "objectives.key_messages")


def county(tmp_path, windowed: bool | None = True) -> SmgovApp:
    path = tmp_path / f"county-{windowed}.json"
    shutil.copy(SAMPLES / "county.json", path)
    app = SmgovApp(PlanStore(path))
    app.window_fields = windowed
    return app


def field(app, decision_id: str) -> DecisionField:
    return app.screen.query_one(f"#field-{decision_id.replace('.', '--')}", DecisionField)


def in_view(app) -> list[DecisionField]:
    form = app.screen.query_one("#form")
    top, bottom = form.scroll_y, form.scroll_y + form.scrollable_content_region.height
    return [f for f in app.screen.query(DecisionField)
            if f.virtual_region.y < bottom and f.virtual_region.bottom > top]


async def test_only_the_text_area_in_view_is_made_as_the_step_opens(tmp_path):
    app = county(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        areas = app.screen.query(TextArea)
        assert [a.id for a in areas] == ["edit-objectives--approach"] and areas.first().has_focus
        unopened = {u.parent.decision.id for u in app.screen.query(UnopenedTextArea)}
        assert unopened == {*ABOVE, "objectives.audiences"}
        # every field in view has its editor made
        assert not any(f.query(UnopenedTextArea) for f in in_view(app))


async def test_a_text_area_focused_from_the_keyboard_is_made_and_typed_into(tmp_path):
    app = county(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        before = app.plan.get("objectives.key_messages")
        await pilot.press("shift+tab", "H", "i", " ")  # typed at once, as the field is made
        area = app.focused
        assert isinstance(area, TextArea) and area.id == "edit-objectives--key_messages"
        await settle(pilot)
        assert area.text == "Hi " + before
        # each key proposed from within its own handling, as a text area made at once
        # (DecisionField._typed_now: the field watches the text area it was given)
        assert field(app, "objectives.key_messages")._typed == area.text
        await pilot.press("shift+tab")  # leaving it saves
        await settle(pilot)
        assert not field(app, "objectives.key_messages").query(UnopenedTextArea)
        assert "Hi 1. Road and weather closures" in "\n".join(on_screen(app))
    assert PlanStore(app.store.path).load().values["objectives.key_messages"] == "Hi " + before


async def test_a_text_area_scrolled_into_view_is_made_before_it_is_seen(tmp_path):
    app = county(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        drawn: list[set[str]] = []  # the unopened fields in view at each frame drawn
        display = app._display

        def drawing(screen, update) -> None:
            drawn.append({f.decision.id for f in in_view(app) if f.query(UnopenedTextArea)})
            display(screen, update)

        app._display = drawing
        app.screen.query_one("#form").scroll_home(animate=False)
        await settle(pilot)
        assert drawn and not any(drawn), drawn
        now = field(app, "objectives.conversations_now")
        area = now.query_one(TextArea)
        assert area.text.startswith("Residents discuss road conditions")
        # Its example, too wide for it, stays on its own line below (hidden while there
        # is text): the line the place made, not a second one, nor the example inside.
        lines = now.query(".example-line")
        assert len(lines) == 1 and area.placeholder == "" and not lines.first().display
        assert "Residents discuss road conditions, burn" in "\n".join(on_screen(app))


async def test_a_value_shown_before_its_text_area_is_made_is_the_one_it_shows(tmp_path):
    """Another session saved it (or an undo): shown in the place, then in the text area."""
    app = county(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        audiences = field(app, "objectives.audiences")
        assert audiences.query(UnopenedTextArea)
        audiences.show_value("Residents of the county")
        assert app.screen.focus_decision("objectives.audiences")
        await settle(pilot)
        area = audiences.query_one(TextArea)
        assert area.text == "Residents of the county" and area.has_focus


async def test_a_step_shown_in_a_pilot_makes_every_text_area_at_once(tmp_path):
    app = county(tmp_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert len(app.screen.query(TextArea)) == 5 and not app.screen.query(UnopenedTextArea)


async def test_a_scroll_that_makes_text_areas_redraws_the_form_only(tmp_path, sent):
    """Over SSH each frame is bytes: the scroll over the fields whose text areas it
    makes draws the form's rows, not the top bar and the checklist again (asked the
    fields' places on screen as it scrolled, the compositor mapped the whole screen
    again, and each step of the scroll after redrew all of it: 12 KB more per tab)."""
    app = county(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        sent.clear()
        app.screen.query_one("#form").scroll_home(animate=True, duration=0.3)
        await pilot.pause(0.4)
        await settle(pilot)
        rows = [rows_drawn([frame]) for frame in sent]
        # the layout that places the text areas made may draw it all, once; no step of the scroll does
        assert len(rows) > 1 and sum(0 in drawn for drawn in rows) <= 1, rows
        assert {f.decision.id for f in in_view(app)} >= {"objectives.conversations_now"}
        assert not any(f.query(UnopenedTextArea) for f in in_view(app))


async def test_a_text_area_tabbed_past_shows_its_text_wrapped(tmp_path):
    """Tab on from the field the step opens on, through a text area made on the way
    (audiences) to the field after it: its text is wrapped at its width, a scroll
    bar beside it, as a text area made at once shows it (it had been given its
    place before it mounted, and was never told its width)."""
    shown = []
    for windowed in (True, None):
        app = county(tmp_path, windowed)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            for _ in range(5):
                await pilot.press("tab")
                await settle(pilot)
            assert app.focused.id == "edit-objectives--languages"
            shown.append("\n".join(on_screen(app)))
    assert "Rural residents outside the two towns who\u0020" in shown[0]
    assert "do not get local news, commuters on Route" in shown[0]
    assert shown[0] == shown[1]
