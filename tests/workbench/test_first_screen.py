"""A step first shows the fields that fill its screen, the rest a frame later
(StepScreen.compose_form): what the person then has is what mounting every
field at once gave, and nothing asked for meanwhile is lost.

Pilot runs mount every field at once (`window_fields` None, headless), so
these tests ask for the terminal's way."""

from __future__ import annotations

import shutil

import pytest
from conftest import SAMPLES, asked_plan, settle

from smgov_tui.core.suggestions import suggest
from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp
from smgov_tui.tui.settling import FrameHold
from smgov_tui.tui.screens.step import StepScreen
from smgov_tui.tui.widgets.editors import DecisionField


def county(tmp_path, windowed: bool | None) -> SmgovApp:
    path = tmp_path / f"county-{windowed}.json"
    shutil.copy(SAMPLES / "county.json", path)
    app = SmgovApp(PlanStore(path))
    app.window_fields = windowed
    return app


def fields(screen: StepScreen) -> list[str]:
    return [field.decision.id for field in screen.query(DecisionField)]


async def opened(tmp_path, windowed: bool | None, size=(80, 24)) -> tuple[list[str], float, str]:
    """What a step shows once settled: its fields, the form's scroll, the focus."""
    app = county(tmp_path, windowed)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StepScreen) and not any(screen._rest)
        return fields(screen), screen.query_one("#form").scroll_y, app.focused.id


async def test_the_first_screenful_comes_first_and_the_rest_after(tmp_path, monkeypatch):
    first: list[list[str]] = []  # the fields there, laid out, as the rest is made
    mount_rest = StepScreen._mount_rest

    async def mounting_rest(screen):
        first.append(fields(screen))
        await mount_rest(screen)

    monkeypatch.setattr(StepScreen, "_mount_rest", mounting_rest)
    app = county(tmp_path, True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await pilot.pause()
        # The county opens on "How each topic is approached", the first missing
        # decision of step 1, with three fields above it and five below.
        assert len(first) == 1 and first[0][0] == "objectives.approach" and len(first[0]) < 9
        await pilot.pause()
        await pilot.pause()
        assert fields(screen) == [d.id for d in screen.decisions]


async def test_the_rest_leaves_the_screen_as_mounting_all_at_once_did(tmp_path):
    for size in ((80, 24), (120, 40)):
        windowed = await opened(tmp_path, True, size)
        at_once = await opened(tmp_path, False, size)
        assert windowed == at_once
        assert windowed[1] > 0  # scrolled to the field the step opens on, three fields down
        assert windowed[2] == "edit-objectives--approach"


async def test_a_field_asked_for_before_the_rest_came_gets_the_focus(tmp_path):
    app = county(tmp_path, True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert any(screen._rest)  # "Language access" is not mounted yet
        assert screen.focus_decision("objectives.languages")
        await settle(pilot)
        assert app.focused.id == "edit-objectives--languages"
        form = screen.query_one("#form")
        field = screen.query_one("#field-objectives--languages")
        assert form.scroll_y <= field.virtual_region.y < form.scroll_y + form.size.height


async def test_a_step_shown_later_comes_the_same_way(tmp_path):
    app = county(tmp_path, True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.show_step("response")
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert screen.name == "response"
        assert fields(screen) == [d.id for d in screen.decisions]
        # The matrix above the fields came with the rest, and shows the plan.
        assert "Every tier" in str(screen.query_one("#response-matrix").render())


async def test_tab_goes_down_the_form_once_the_rest_has_come(tmp_path):
    """Textual orders the focus chain by place on screen; a field mounted and not
    yet laid out has none, and tab jumped to it (caught by the burst test in
    tests/terminal/test_terminals.py). The step says it is incomplete until the rest is
    laid out, and the chain then follows the form."""
    path = asked_plan(tmp_path / "blank.json", "Blank")
    app = SmgovApp(PlanStore(path))
    app.window_fields = True
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert screen.incomplete and app.type_ahead.still_moving()
        await pilot.pause()
        await pilot.pause()
        assert not screen.incomplete
        chain = [w.id for w in screen.focus_chain if (w.id or "").startswith("edit-")]
        assert chain[:4] == ["edit-objectives--conversations_now", "edit-objectives--conversations_wanted",
                             "edit-objectives--key_messages", "edit-objectives--approach"]
        assert chain[4] == "edit-objectives--engagement_goals"


async def test_the_step_is_laid_out_twice_and_scrolled_before_it_is_drawn(tmp_path, monkeypatch):
    """What makes a step's first frame costs layouts (issue 18): its first screenful,
    then the rest with it and the first screenful's answers to their sizes (each text
    area wrapping its text, the lists counting their lines), then a scroll to the
    field it opens on. Laying the step out again before those answers were handled
    gave one that none of them was in yet; a layout for each answer, more again. The
    rest answers nothing: made for the width it is laid out at (its example lines),
    under the form's scroll bar from the first layout (nothing narrows), a table's
    columns fitted without a layout, and Textual's second word on each mount taken
    in the layout (a third layout before, five before that). The focus goes straight to the field the step opens on:
    Textual gave it to the form first, and its focus and then its blur styled the
    whole form again, twice, before the first frame."""
    from textual.screen import Screen

    focused, layouts = [], []
    set_focus, refresh_layout = Screen.set_focus, Screen._refresh_layout

    def focusing(screen, widget, *args, **kwargs):
        focused.append(getattr(widget, "id", None))
        return set_focus(screen, widget, *args, **kwargs)

    def laying_out(screen, *args, **kwargs):
        if app.frames._held is not None and not drawn:  # before the step's first frame
            layouts.append((screen.name, "scroll" if kwargs.get("scroll") else "layout"))
        return refresh_layout(screen, *args, **kwargs)

    drawn = []
    release = FrameHold.release

    def releasing(frames):
        drawn.append(True)
        return release(frames)

    monkeypatch.setattr(FrameHold, "release", releasing)

    monkeypatch.setattr(Screen, "set_focus", focusing)
    monkeypatch.setattr(Screen, "_refresh_layout", laying_out)
    app = county(tmp_path, True)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(4):
            await pilot.pause()
        assert not any(app.screen._rest) and app.focused.id == "edit-objectives--approach"
    assert focused[0] == "edit-objectives--approach" and "form" not in focused
    assert layouts == [("objectives", "layout")] * 2 + [("objectives", "scroll")]


@pytest.fixture
def styled(monkeypatch) -> list:
    """Each node as Textual styles it (Stylesheet.apply), as often as it does."""
    from textual.css.stylesheet import Stylesheet

    nodes: list = []
    apply = Stylesheet.apply

    def applying(sheet, node, *args, **kwargs):
        nodes.append(node)
        return apply(sheet, node, *args, **kwargs)

    monkeypatch.setattr(Stylesheet, "apply", applying)
    return nodes


async def test_a_field_whose_example_goes_below_it_is_styled_once(tmp_path, styled):
    """The example too wide for its field goes on a line below it, and the field
    takes a class (-with-example) only the row dialog's sheet styles: on a step it
    was styled again for it, a text area's eight component classes with it."""
    app = county(tmp_path, True)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(4):
            await pilot.pause()
        below = [field.id for field in app.screen.query(".-with-example")]
    ids = [getattr(node, "id", None) for node in styled]
    # out of view as the step opens, its text area is yet to be made (UnopenedTextArea)
    assert "unopened-objectives--conversations_now" in below and "edit-objectives--languages" in below
    assert all(ids.count(field) == 1 for field in below), {field: ids.count(field) for field in below}


async def test_a_field_with_nothing_to_suggest_has_no_suggestion_line_until_it_has(tmp_path):
    """A line under every field, most of them decided and the line hidden, was a
    widget each to make on every step; it is made when there is something to say."""
    app = county(tmp_path, True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        lines = {line.parent.decision.id for line in screen.query(".decision-suggested")}
        plan = app.plan
        assert lines == {d.id for d in screen.decisions if not plan.decided(d.id)
                         and suggest(d.id, plan) is not None}
        assert len(lines) < len(screen.decisions)
        # A decided field whose suggestion shows once its answer is cleared.
        cleared = next(d.id for d in screen.decisions if plan.decided(d.id) and d.id not in lines
                       and suggest(d.id, plan.with_value(d.id, None)) is not None)
        field = screen.query_one(f"#field-{cleared.replace('.', '--')}", DecisionField)
        field.show_value(None)
        field.pick(None)
        await pilot.pause()
        line = field.query_one(".decision-suggested")
        assert line.display and str(line.render()).startswith("Suggested (f5 to use): ")
        assert field.children[-1] is line or "decision-message" in field.children[-1].classes


async def test_a_resize_to_the_size_the_step_has_lays_nothing_out(tmp_path, monkeypatch):
    """Textual resizes a new screen to the size it has, three times as the app
    starts: each laid the whole step out again before its first frame."""
    from textual import events
    from textual.geometry import Size
    from textual.screen import Screen

    layouts = []
    refresh_layout = Screen._refresh_layout

    def counted(screen, *args, **kwargs):
        layouts.append(screen.size)
        return refresh_layout(screen, *args, **kwargs)

    app = county(tmp_path, True)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(4):
            await pilot.pause()
        monkeypatch.setattr(Screen, "_refresh_layout", counted)
        app.screen.post_message(events.Resize(Size(80, 24), Size(80, 24)))
        await pilot.pause()
        assert layouts == []
        await pilot.resize_terminal(100, 30)  # another size is laid out, as before
        for _ in range(4):
            await pilot.pause(0.05)
        assert layouts and app.screen.outer_size == Size(100, 30)  # laid out at it


async def test_a_steps_pick_lists_come_closed_their_lists_made_as_they_open(tmp_path):
    """A pick list's open list (an OptionList, styled, its options counted) is made as it first opens."""
    from smgov_tui.core.catalogue import CATALOGUE

    app = county(tmp_path, True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert screen.query("#edit-objectives--frequency") and not screen.query("SelectOverlay")
        screen.focus_decision("objectives.frequency")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        overlay = screen.query_one("#edit-objectives--frequency SelectOverlay")
        choices = CATALOGUE.get("objectives.frequency").kind.choices
        assert overlay.has_focus and overlay.option_count == len(choices) + 1  # and the blank


async def test_a_pick_list_is_styled_once_for_the_value_it_shows(tmp_path, styled):
    """Select marks its current-value box (-has-value) once mounted, which styled the
    box and its three lines again; a pick list is made with the mark for the value
    it shows, and one with nothing chosen shows its prompt, unmarked, as before."""
    from smgov_tui.core.catalogue import CATALOGUE

    app = county(tmp_path, True)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(4):
            await pilot.pause()
        current = app.screen.query_one("#edit-objectives--frequency SelectCurrent")
        chosen = app.plan.values["objectives.frequency"]
        assert chosen in CATALOGUE.get("objectives.frequency").kind.choices
        assert current.has_class("-has-value") and str(current.query_one("#label").render()) == chosen
        counts = {node: sum(node is s for s in styled) for node in (current, *current.children)}
        assert set(counts.values()) == {1}, counts
        app.screen.query_one("#field-objectives--frequency", DecisionField).show_value(None)  # an undo, say
        await pilot.pause()
        await pilot.pause()
        assert not current.has_class("-has-value")
        assert str(current.query_one("#label").render()) == current.placeholder


async def test_example_lines_made_for_another_width_are_put_right_as_the_fields_are_laid_out(tmp_path, monkeypatch):
    """The fields made after the first screenful make their example lines for the
    width the form gave that screenful (DecisionField.width_given): made for another,
    a line is added or taken away as the field finds its size, as before."""

    async def with_examples() -> tuple[list[str], list[str]]:
        app = county(tmp_path, True)
        async with app.run_test(size=(80, 24)) as pilot:
            for _ in range(4):
                await pilot.pause()
            screen = app.screen
            below = sorted(editor.id for editor in screen.query(".-with-example"))
            lines = sorted(line.parent.id for line in screen.query(".example-line"))
            return below, lines

    as_made = await with_examples()
    assert "unopened-objectives--conversations_now" in as_made[0]  # out of view, made with its line
    made = DecisionField.__init__
    for width in (200, 20):  # every example fits / none does
        def made_for(field, *args, width=width, **kwargs):
            made(field, *args, **kwargs)
            if field.width_given is not None:
                field.width_given = width

        monkeypatch.setattr(DecisionField, "__init__", made_for)
        assert await with_examples() == as_made, width
