"""Nothing essential cut off at 80x24 (issue 14, point 5): each test reads what
the person sees, from the screen's own lines (the compositor), in the region of
the widget it is about: the step's question, table headers and values, the
examples of fields, the fields of a tall row dialog, a notification naming a
path, a pick list opened in a dialog."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import SAMPLES, settle
from textual.geometry import Region
from textual.widgets import DataTable, Static

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.catalogue.kinds import Rows
from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import STEP_KEYS, SmgovApp
from smgov_tui.tui.notices import notice_text
from smgov_tui.tui.palette import export_checklist
from smgov_tui.tui.screens.launch import LaunchScreen

SIZE = (80, 24)


def seen(app: SmgovApp, region: Region | None = None) -> list[str]:
    """The screen's lines as drawn, cut to a region (the whole screen by default)."""
    lines = [strip.text for strip in app.screen._compositor.render_strips()]
    if region is None:
        return lines
    return [line[region.x:region.right] for line in lines[region.y:region.bottom]]


def words(lines: list[str]) -> str:
    """Lines as one run of words: text wrapped at spaces reads as it was written."""
    return " ".join(" ".join(lines).split())


@pytest.fixture
def county(tmp_path) -> Path:
    path = tmp_path / "county.json"
    shutil.copyfile(SAMPLES / "county.json", path)
    return path


@pytest.fixture
def blank(tmp_path) -> Path:
    path = tmp_path / "blank.json"
    PlanStore.create(path, "x", {"organisation.name": "Town of Millbrook"})
    return path


async def on_step(pilot, key: str, decision_id: str | None = None) -> None:
    pilot.app.show_step(key)
    await settle(pilot)
    if decision_id:
        pilot.app.screen.focus_decision(decision_id)
        await settle(pilot)


def field_id(decision_id: str) -> str:
    return decision_id.replace(".", "--")


# --- the step's question ---------------------------------------------------------


async def test_every_step_question_is_shown_whole_at_80x24(county):
    app = SmgovApp(PlanStore(county))
    async with app.run_test(size=SIZE) as pilot:
        for key in STEP_KEYS:
            await on_step(pilot, key)
            title = app.screen.query_one("#step-title", Static)
            step = app.screen.step
            assert words(seen(app, title.region)).endswith(step.question), key
            assert "…" not in "".join(seen(app, title.region))
            assert "all saved" in seen(app)[0]  # the save state keeps its place


# --- tables ----------------------------------------------------------------------

LIST_STEPS = [(d.step, d.id) for d in CATALOGUE if isinstance(d.kind, Rows) and d.step in STEP_KEYS
              and d.id not in LaunchScreen.EDITABLE_EXCLUDED]  # the sign-off: a form of its own


def header_and_rows(app: SmgovApp, decision_id: str) -> tuple[DataTable, list[str]]:
    table = app.screen.query_one(f"#edit-{field_id(decision_id)}-table", DataTable)
    return table, seen(app, table.region)


@pytest.mark.parametrize(("step", "decision_id"), LIST_STEPS)
async def test_table_headers_are_whole_at_80x24(county, step, decision_id):
    app = SmgovApp(PlanStore(county))
    async with app.run_test(size=SIZE) as pilot:
        await on_step(pilot, step, decision_id)
        table, lines = header_and_rows(app, decision_id)
        labels = [str(column.label) for column in table.ordered_columns]
        assert labels and "…" not in lines[0], lines[0]
        assert lines[0].split() == " ".join(labels).split(), lines[0]
        assert table.virtual_size.width <= table.scrollable_content_region.width  # nothing off to the side


@pytest.mark.parametrize(("step", "decision_id", "header"), [
    ("resources", "resources.roster", "Hours a week"),
    ("response", "response.tiers", "First responder"),
    ("response", "response.welcomed_topics", "How we handle it"),
    ("platforms", "platforms.tools", "Cost a year"),
])
async def test_the_headers_seen_cut_are_shown_whole(county, step, decision_id, header):
    app = SmgovApp(PlanStore(county))
    async with app.run_test(size=SIZE) as pilot:
        await on_step(pilot, step, decision_id)
        assert header in header_and_rows(app, decision_id)[1][0]


async def test_a_table_at_100_columns_uses_its_width_for_whole_headers_and_values(county):
    app = SmgovApp(PlanStore(county))
    async with app.run_test(size=(100, 30)) as pilot:
        await on_step(pilot, "resources", "resources.ranked_goals")
        table, lines = header_and_rows(app, "resources.ranked_goals")
        assert lines[0].split() == "Goal Why it ranks here Reached through".split()
        reached = [row["platforms"] for row in app.plan.values["resources.ranked_goals"]]
        assert [line.rstrip().endswith(value) for line, value in zip(lines[1:], reached)] == [True] * len(reached)
        assert "Public health notices" in lines[2]  # the first column's values: whole where they fit
        assert table.virtual_size.width == table.scrollable_content_region.width  # spans the form


# --- examples --------------------------------------------------------------------


@pytest.mark.parametrize(("step", "decision_id"), [
    ("objectives", "objectives.conversations_now"),  # a text area two lines high
    ("platforms", "platforms.naming"),  # a one-line field
])
async def test_an_example_too_big_for_its_field_is_shown_whole_below_it(blank, step, decision_id):
    example = "e.g. " + CATALOGUE.get(decision_id).example
    app = SmgovApp(PlanStore(blank))
    async with app.run_test(size=SIZE) as pilot:
        await on_step(pilot, step, decision_id)
        field = app.screen.query_one(f"#field-{field_id(decision_id)}")
        assert example in words(seen(app, field.region))
        await pilot.press(*"Our own")  # typed over: the example makes way
        await settle(pilot)
        assert example not in words(seen(app, field.region))
        assert "Our own" in words(seen(app, field.region))


async def test_an_example_that_fits_stays_inside_its_field(blank):
    app = SmgovApp(PlanStore(blank))
    async with app.run_test(size=SIZE) as pilot:
        await on_step(pilot, "resources", "resources.budget")
        field = app.screen.query_one(f"#field-{field_id('resources.budget')}")
        assert not field.query(".example-line")
        assert "e.g. 2400" in words(seen(app, field.region))


async def new_person(pilot) -> None:
    """The roster's dialog for a new person: five fields, more than 80x24 shows."""
    await on_step(pilot, "resources", "resources.roster")
    await pilot.press("a")
    await settle(pilot)


async def test_a_row_dialog_example_too_wide_for_its_field_is_shown_whole(county):
    app = SmgovApp(PlanStore(county))
    async with app.run_test(size=SIZE) as pilot:
        await new_person(pilot)
        name = app.screen.query(".row-field").first()  # the dialog's first field, framed
        allowed = CATALOGUE.get("resources.roster").kind.field("name").kind.allowed()
        assert allowed in words(seen(app, name.region))


async def test_a_row_dialog_example_sits_right_under_its_field(county):
    """The row form's sheet styles a field with its example below (-with-example),
    as the example goes below it again after a wider terminal had room for it
    inside. (A step's sheet does not style the class: there it restyles nothing.)"""
    app = SmgovApp(PlanStore(county))
    async with app.run_test(size=SIZE) as pilot:
        await new_person(pilot)
        for size in ((200, 24), SIZE):
            await pilot.resize_terminal(*size)
            await settle(pilot)
        field = app.screen.query(".row-field Input").first()
        line = app.screen.query_one("#row-fields .example-line")
        assert line.region.y == field.region.bottom


# --- tall row dialogs ------------------------------------------------------------


async def test_a_tall_row_dialog_names_the_fields_below_and_shows_the_focused_one(county):
    app = SmgovApp(PlanStore(county))
    async with app.run_test(size=SIZE) as pilot:
        await new_person(pilot)
        form = app.screen.query_one("#row-form")
        assert "↓ More below: Hours a week, When on duty, Contact" in words(seen(app, form.region))
        fields = app.screen.query_one("#row-fields")
        for label in ("Role", "Hours a week", "When on duty", "Contact"):
            await pilot.press("tab")
            await settle(pilot)
            focused = app.screen.focused
            assert fields.region.contains_region(focused.region), label
            shown = words(seen(app, fields.region))
            assert label in shown, label  # its label in view with it
        assert "More below" not in words(seen(app, form.region))  # the last field: nothing below


# --- notifications ---------------------------------------------------------------


def test_a_path_is_broken_only_after_its_separators_and_home_is_shown_as_tilde():
    home = os.path.expanduser("~")
    text = notice_text(f"Checklist written to {home}/council-communications/social-media/"
                       "millbrook-social-media-plan.checklist.md", 36)
    assert text.splitlines() == ["Checklist written to",
                                 "~/council-communications/",
                                 "social-media/",
                                 "millbrook-social-media-plan.",
                                 "checklist.md"]
    words = "Updated from another session: Kinds of engagement wanted, How often we communicate"
    assert notice_text(words, 36) == words  # no path: Textual wraps it, as ever


async def test_the_exported_notification_shows_each_part_of_the_path_whole(tmp_path):
    folder = Path.home() / "council-communications" / "social-media-planning"
    folder.mkdir(parents=True)
    plan = folder / "millbrook-social-media-plan.json"
    PlanStore.create(plan, "x", {"organisation.name": "Town of Millbrook"})
    app = SmgovApp(PlanStore(plan))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        export_checklist(app)
        await settle(pilot)
        toast = app.screen.query_one("Toast")
        lines = [line.strip() for line in seen(app, toast.content_region)]
        assert "Exported" in lines[0]
        path = "".join(lines[lines.index("Checklist written to") + 1:])
        assert path == "~/council-communications/social-media-planning/millbrook-social-media-plan.checklist.md"
        assert all(line.endswith(("/", ".")) for line in lines[lines.index("Checklist written to") + 1:-1])
        assert str(Path.home()) not in " ".join(lines)


# --- drop-downs in dialogs -------------------------------------------------------


async def test_a_pick_list_opened_in_a_row_dialog_stays_inside_it_with_every_choice(county):
    app = SmgovApp(PlanStore(county))
    async with app.run_test(size=SIZE) as pilot:
        await on_step(pilot, "safeguards", "safeguards.records")
        await pilot.press("enter")  # the first record rule's dialog
        await settle(pilot)
        select = app.screen.query_one("#row-capture")
        select.focus()
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        overlay = select.query_one("SelectOverlay")
        inside = app.screen.query_one("#row-form").content_region
        assert inside.contains_region(overlay.region)
        shown = words(seen(app, overlay.region))
        for choice in CATALOGUE.get("safeguards.records").kind.field("capture").kind.choices:
            assert choice in shown


@pytest.mark.parametrize("step", ["organisation", "resources", "launch"])
async def test_every_key_the_footer_shows_is_whole_at_80x24(county, step):
    """The footer's keys, the suggest key among them, each with its whole label."""
    from smgov_tui.keys.specs import specs

    app = SmgovApp(PlanStore(county))
    async with app.run_test(size=SIZE) as pilot:
        await on_step(pilot, step)
        footer = seen(app)[-1]
        for spec in specs("workbench"):
            if spec.show and spec.id != "command_palette" and app.check_action(spec.action, ()) is not False:
                assert spec.description in footer, (spec.description, footer)
        assert footer.rstrip().endswith("palette")


# --- labels ----------------------------------------------------------------------


def labels_above_editors(app: SmgovApp) -> list[tuple[str, str, str]]:
    """Each field in view: (its decision, what it should say above its editor, what is seen there)."""
    from smgov_tui.tui.widgets.editors import DecisionField

    form = app.screen.query_one("#form").region
    lines = seen(app)  # drawn once: the screen is tall
    shown = []
    for field in app.screen.query(DecisionField):
        editor = field.children[0]
        above = Region(field.content_region.x, field.region.y, field.content_region.width,
                       editor.region.y - field.region.y)
        if above.height and form.contains_region(above):
            need = "needed" if field.decision.blocker else "advice"
            rows = [line[above.x:above.right] for line in lines[above.y:above.bottom]]
            shown.append((field.decision.id, f"{field.decision.label} {need}", words(rows)))
    return shown


async def test_every_label_is_shown_whole_above_its_editor(county):
    """The label is drawn by its field, the editor laid out below the rows it wraps
    into: at 60 columns the longer labels take two. The width is what wraps a label;
    a tall screen shows a step in few scrolls."""
    app = SmgovApp(PlanStore(county))
    wrapped = {}
    async with app.run_test(size=(60, 100)) as pilot:
        for width in (60, SIZE[0]):
            await pilot.resize_terminal(width, 100)
            wrapped[width] = 0
            for key in STEP_KEYS:
                await on_step(pilot, key)
                form = app.screen.query_one("#form")
                checked = set()
                for y in range(0, form.max_scroll_y + form.size.height, form.size.height // 2):
                    form.scroll_to(y=y, animate=False, immediate=True)
                    await settle(pilot)
                    for decision_id, expected, above in labels_above_editors(app):
                        assert above == expected, (width, key)
                        if decision_id not in checked:
                            checked.add(decision_id)
                            wrapped[width] += len(expected) > form.content_size.width
                assert checked == {d.id for d in app.screen.decisions}, (width, key)  # every field seen
    assert wrapped[60] and not wrapped[SIZE[0]]  # at 80 columns every label fits one row


async def test_the_keys_under_a_table_are_on_the_row_below_it_whole_or_cut_with_an_ellipsis(county):
    """A list's editor draws its line of keys itself, on the row under its table."""
    app = SmgovApp(PlanStore(county))
    async with app.run_test(size=(80, 30)) as pilot:
        for width, shown in ((80, "a add · enter edit · d remove · shift+↑↓ move"), (50, "a add · enter edit…")):
            await pilot.resize_terminal(width, 30)
            await on_step(pilot, "objectives", "objectives.measurable")
            editor = app.screen.query_one("#edit-objectives--measurable")
            table = editor.query_one(DataTable)
            assert editor.region.bottom == table.region.bottom + 1  # one row more than its table
            below = seen(app, Region(editor.region.x, table.region.bottom, editor.region.width, 1))[0]
            assert below.rstrip() == shown, width
        editor.set_rows([*editor.rows, dict(editor.rows[0])])  # a row more: the keys move down with the table
        await settle(pilot)
        assert editor.region.bottom == table.region.bottom + 1
        below = seen(app, Region(editor.region.x, table.region.bottom, editor.region.width, 1))[0]
        assert below.rstrip() == "a add · enter edit…"
