"""smgov_tui.tui.compat against the installed Textual: one test per private
access, each asserting what smgov relies on, so an upgrade that moves one
fails here, under the access's name, before a screen breaks. Then the scan
that keeps every other module off private Textual, Rich and textual-serve
names."""

from __future__ import annotations

import ast
import dataclasses
import importlib
from functools import cache
from pathlib import Path

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.css.stylesheet import Stylesheet
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, RadioButton, RadioSet, Select, SelectionList, Static

import smgov_tui
from smgov_tui.core.errors import SmgovError
from smgov_tui.tui import compat
from smgov_tui.tui.widgets.inputs import PlanInput, TickList

# --- each access ------------------------------------------------------------------


def test_a_lookup_that_fails_is_an_error_that_names_the_access():
    with pytest.raises(compat.CompatError) as raised:
        with compat.private("Screen._gone"):
            Screen._gone
    assert isinstance(raised.value, SmgovError) and raised.value.access == "Screen._gone"
    assert str(raised.value).startswith("textual 8.2.8 private API Screen._gone is gone (textual 8.2.8 is installed")


class Ping(Message):
    pass


async def test_queued_messages_are_those_a_node_has_yet_to_handle():
    app = App()
    async with app.run_test():
        ping = Ping()
        app.screen.post_message(ping)  # no await: the screen has not run since
        queued = list(compat.queued_messages(app.screen))
        assert ping in queued and len(queued) == app.screen.message_queue_size
        app.screen.post_message(Ping())
        assert list(compat.queued_messages(app.screen))[-2:][0] is ping  # oldest first, left in the queue


class StartsOnAStep(App):
    def get_default_screen(self) -> Screen:
        return compat.as_switched_to(Screen(name="first"))


async def test_a_default_screen_given_its_callback_can_be_switched_away_from():
    app = StartsOnAStep()
    async with app.run_test() as pilot:
        assert app.screen.name == "first"
        await app.switch_screen(Screen(name="second"))  # pops the first screen's callback
        await pilot.pause()
        assert app.screen.name == "second" and app.return_code is None


class Breakpoints(App):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]


async def test_breakpoint_classes_are_those_a_resize_gives():
    app = Breakpoints()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert compat.breakpoint_classes(screen, 80, app.HORIZONTAL_BREAKPOINTS) == {"-narrow"}
        assert screen.has_class("-narrow")
        await pilot.resize_terminal(120, 24)
        await pilot.pause()
        assert compat.breakpoint_classes(screen, 120, app.HORIZONTAL_BREAKPOINTS) == {"-wide"}
        assert screen.has_class("-wide") and not screen.has_class("-narrow")


async def test_lay_out_now_places_widgets_mounted_within_a_batch():
    app = App()
    async with app.run_test(size=(80, 24)):
        with app.batch_update():
            late = Static("late")
            await app.screen.mount(late)
            assert not late.region  # mounted, not laid out: no place yet
            compat.lay_out_now(app.screen)
            assert late.region.width == 80 and late.region.height >= 1


async def test_lay_out_now_takes_the_layouts_widgets_asked_for_and_had_not_yet_sent():
    """A widget tells the screen it needs a layout only once idle: asked before
    lay_out_now, the ask is done by it (the text laid out at its new height), not
    sent after it for a layout more (a step's third before its first frame)."""
    app = App()
    async with app.run_test(size=(80, 24)) as pilot:
        box = VerticalScroll()
        await app.screen.mount(box)
        text = Static("one line")
        await box.mount(text)
        await pilot.pause()
        layouts = []
        refresh_layout = app.screen._refresh_layout
        app.screen._refresh_layout = lambda *a, **kw: layouts.append(kw) or refresh_layout(*a, **kw)
        with app.batch_update():
            text.update("one\ntwo\nthree")  # asks for a layout, as it will once idle
            assert compat.layout_pending(app.screen)
            compat.lay_out_now(app.screen)
            assert text.region.height == 3 and not compat.layout_pending(app.screen)
        for _ in range(3):
            await pilot.pause()
        assert layouts == [{"scroll": False}]  # that one, and none after it


async def test_lay_out_now_after_a_scroll_alone_moves_the_widgets_where_they_were_placed():
    """Only scrolled (a step's form to the field it opens on), the screen's widgets
    are moved as Textual moves them for a scroll, not placed anew."""
    app = App()
    async with app.run_test(size=(80, 24)) as pilot:
        box = VerticalScroll()
        await app.screen.mount(box)
        await box.mount_all(Static(f"line {n}", id=f"line-{n}") for n in range(40))
        for _ in range(3):
            await pilot.pause()
        assert not compat.layout_pending(app.screen)
        layouts = []
        refresh_layout = app.screen._refresh_layout
        app.screen._refresh_layout = lambda *a, **kw: layouts.append(kw) or refresh_layout(*a, **kw)
        with app.batch_update():
            box.scroll_to(y=10, animate=False, immediate=True)
            compat.lay_out_now(app.screen)
            assert layouts == [{"scroll": True}] and not compat.layout_pending(app.screen)
            assert app.screen.query_one("#line-10").region.y == 0  # at the top, where the scroll put it
            box.refresh(layout=True)  # asked as well: placed anew
            box.scroll_to(y=12, animate=False, immediate=True)
            compat.lay_out_now(app.screen)
            assert layouts[-1] == {"scroll": False} and app.screen.query_one("#line-12").region.y == 0


async def test_a_layout_asked_for_is_pending_until_lay_out_now_does_it():
    app = App()
    async with app.run_test(size=(80, 24)) as pilot:
        with app.batch_update():
            await app.screen.mount(Static("late"))
            await pilot.pause()  # the screen handles the Layout message the mount sent
            assert compat.layout_pending(app.screen)
            compat.lay_out_now(app.screen)
            await pilot.pause()
            assert not compat.layout_pending(app.screen)


async def test_the_sizes_a_layout_gives_ask_for_no_layout_after_it():
    """Textual has a widget whose virtual size a layout changed ask for another
    layout, which gives it the same sizes again; lay_out_now's do not. A scroll
    bar that a size brings (a real change) still asks."""
    app = App()
    async with app.run_test(size=(80, 24)) as pilot:
        with app.batch_update():
            box = VerticalScroll()
            await app.screen.mount(box)
            await pilot.pause()
            compat.lay_out_now(app.screen)
            await pilot.pause()
            assert box.region.height == 24 and not compat.layout_pending(app.screen)
            await box.mount_all(Static(f"line {n}") for n in range(40))
            await pilot.pause()
            compat.lay_out_now(app.screen)
            assert box.virtual_size.height == 40 and box.show_vertical_scrollbar
            await pilot.pause()
            assert compat.layout_pending(app.screen)  # the bar narrows what its lines have
            compat.lay_out_now(app.screen)
            await pilot.pause()
            assert not compat.layout_pending(app.screen)


async def test_a_layout_asked_for_is_pending_before_the_screen_has_heard_of_it():
    """A widget asks as its size changes, and tells the screen only once idle: a
    step looking between the two was drawn, and laid out again a frame later."""
    app = App()
    async with app.run_test(size=(80, 24)) as pilot:
        late = Static("late")
        await app.screen.mount(late)
        await pilot.pause()
        assert not compat.layout_pending(app.screen)
        late.refresh(layout=True)
        assert compat.layout_pending(app.screen)  # asked, not yet sent
        await pilot.pause()
        assert not compat.layout_pending(app.screen)  # and laid out (no hold)
        with app.batch_update():
            late.refresh(layout=True)
            late._check_refresh()  # sent: on its way to the screen, in its queue
            assert compat.layout_pending(app.screen)


def regions_drawn(screen: Screen) -> list[set]:
    """The regions each of the screen's frames from now draws."""
    drawn: list[set] = []
    render_update = screen._compositor.render_update
    screen._compositor.render_update = lambda **kw: drawn.append(screen._compositor._dirty_regions.copy()) or render_update(**kw)
    return drawn


async def test_draw_whole_draws_all_of_the_screen_after_a_hold_laid_out_only_if_it_must_be():
    app = App()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.screen.mount(Static("shown"))
        await pilot.pause()
        app.screen._compositor.render_update()  # as if drawn: nothing left to draw
        with app.batch_update():
            pass
        layouts = []
        refresh_layout = app.screen._refresh_layout
        app.screen._refresh_layout = lambda *a, **kw: layouts.append(1) or refresh_layout(*a, **kw)
        drawn = regions_drawn(app.screen)
        app.screen._update_timer.pause()
        app.screen._update_timer.resume = lambda: None  # its next tick never comes: drawn without it
        compat.draw_whole(app.screen)
        await pilot._wait_for_screen()  # not pause(): it makes the timer's tick itself
        assert any(app.screen.size.region in regions for regions in drawn)
        assert layouts == []  # laid out already: a layout told each scroll bar its size again, drawn apart
        app.screen.refresh(layout=True)
        compat.draw_whole(app.screen)
        await pilot.pause()
        assert layouts == [1]


async def test_a_screen_whose_frames_are_unmade_makes_none_until_they_are_again():
    app = App()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        made = regions_drawn(app.screen)
        with compat.frames_unmade(app.screen):
            await app.screen.mount(Static("late"))
            await pilot.pause()
            assert made == []  # laid out, not drawn
        app.screen.refresh(layout=True)
        await pilot.pause()
        assert made and "late" in app.screen._compositor.render_strips()[0].text


async def test_an_option_list_counts_its_lines_as_it_is_laid_out_at_the_width_it_draws():
    app = App()
    async with app.run_test(size=(80, 40)) as pilot:
        items = compat.LinesAsLaidOut(*(f"option {n} " * 4 for n in range(30)))
        items.styles.width, items.styles.height = 70, 34
        await app.screen.mount(items)
        await pilot.pause()
        assert not items.show_vertical_scrollbar and items.virtual_size.height == 30  # a line each
        with compat.frames_unmade(app.screen):  # laid out, never drawn
            items.styles.width, items.styles.height = 20, 10
            await pilot.pause()
            await pilot.pause()
            # Its lines counted in the layout, its scroll bar come with them, and
            # counted again a column narrower: the width it is drawn at.
            assert items.show_vertical_scrollbar
            assert items.virtual_size.width == items.scrollable_content_region.width
            assert items.virtual_size.height > 30  # options longer than a line wrap


async def test_an_option_list_sure_of_its_scroll_bar_counts_its_lines_once_at_the_width_it_leaves():
    app = App()
    async with app.run_test(size=(80, 40)) as pilot:
        items = compat.LinesAsLaidOut(*(f"option {n} " * 4 for n in range(30)))
        items.styles.width, items.styles.height = 20, 10  # 30 options, 10 rows
        widths = []
        count = items._update_lines

        def counted():
            widths.append(items.scrollable_content_region.width)
            count()

        items._update_lines = counted
        with compat.frames_unmade(app.screen):
            await app.screen.mount(items)
            await pilot.pause()
            assert items.show_vertical_scrollbar
            drawn_at = items.scrollable_content_region.width  # beside its scroll bar
            # Counted only at that width, never first at the column wider it had without one.
            assert {width for width in widths if width} == {drawn_at}
            assert items.virtual_size.width == drawn_at


class Field(App):
    def compose(self) -> ComposeResult:
        yield PlanInput(id="field")


async def test_update_scrolling_follows_a_virtual_size_without_a_layout():
    app = Field()
    async with app.run_test(size=(30, 5)) as pilot:
        field = app.query_one(PlanInput)
        field.focus()
        await pilot.press(*"a" * 60)  # wider than the field: PlanInput scrolls it itself
        await pilot.pause()
        assert field.virtual_size.width > field.content_size.width
        assert field.scroll_x == field.max_scroll_x > 0
        compat.update_scrolling(field, field.virtual_size)
        assert field.scroll_x == field.max_scroll_x


class Tables(App):
    def compose(self) -> ComposeResult:
        for table in (DataTable(id="stock"), SpiedTable(id="fixed"), SpiedTable(id="auto")):
            for key, width in (("a", 18), ("b", 12)):
                table.add_column(Text(key), key=key, width=None if table.id == "auto" else width)
            yield table


class SpiedTable(compat.FixedCellsTable):
    calls = 0

    def _update_dimensions(self, new_rows) -> None:
        type(self).calls += 1
        super()._update_dimensions(new_rows)


async def test_a_fixed_cells_table_is_sized_as_datatable_sizes_it():
    app = Tables()
    async with app.run_test(size=(80, 40)) as pilot:
        stock, fixed, auto = (app.query_one(f"#{name}", DataTable) for name in ("stock", "fixed", "auto"))
        for table in (stock, fixed):
            table.add_rows([Text(f"row {n}"), Text("x" * (n % 30))] for n in range(200))
        auto.add_rows([Text("wide " * 4), Text("y")] for _ in range(3))
        await pilot.pause()
        assert SpiedTable.calls  # DataTable still sizes itself through _update_dimensions
        assert fixed.virtual_size == stock.virtual_size == (18 + 12 + 4, 200 + 1)
        assert auto.columns["a"].content_width == len("wide " * 4)  # auto width: measured, as ever


async def test_a_fixed_cells_table_given_new_widths_is_drawn_and_sized_at_them():
    app = Tables()
    async with app.run_test(size=(80, 40)) as pilot:
        fixed = app.query_one("#fixed", DataTable)
        fixed.add_rows([Text("a long first value"), Text("second")] for _ in range(3))
        await pilot.pause()
        assert fixed.render_line(1).text.startswith(" a long first value ")  # drawn once at 18
        fixed.set_widths([6, 20])
        await pilot.pause()
        assert fixed.virtual_size.width == 6 + 20 + 4
        assert fixed.render_line(1).text.startswith(" a long  second ")  # not the cached line


class Picks(App):
    def __init__(self) -> None:
        super().__init__()
        self.changes: list[tuple[str, object]] = []

    def on_select_changed(self, event: Select.Changed) -> None:
        self.changes.append((event.select.id, event.value))

    def compose(self) -> ComposeResult:
        yield compat.PickList([("daily", "daily"), ("weekly", "weekly"), ("monthly", "monthly")],
                              prompt="Choose…", value="weekly", id="stock-like")
        yield Select([("daily", "daily"), ("weekly", "weekly")], prompt="Choose…", value="weekly", id="stock")


async def test_a_pick_list_shows_its_choice_closed_without_its_open_list():
    app = Picks()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        picks, stock = app.query_one("#stock-like", Select), app.query_one("#stock", Select)
        assert [type(w).__name__ for w in stock.children] == ["SelectCurrent", "SelectOverlay"]  # Textual's
        assert [type(w).__name__ for w in picks.children] == ["SelectCurrent"] and not picks.listed
        assert "weekly" in app.screen._compositor.render_strips()[1].text  # its choice, drawn closed
        picks.value = "monthly"
        picks.set_options([("yearly", "yearly"), ("monthly", "monthly")])  # as a field's choices change
        picks.value = "monthly"
        await pilot.pause()
        assert "monthly" in app.screen._compositor.render_strips()[1].text and not picks.listed


async def test_a_pick_list_opened_by_a_key_lists_every_choice_with_its_own_highlighted():
    app = Picks()
    async with app.run_test(size=(40, 12)) as pilot:
        picks = app.query_one("#stock-like", Select)
        picks.focus()
        await pilot.press("enter", "down", "enter")  # typed at once: the keys wait for the list
        await pilot.pause()
        assert picks.listed and picks.value == "monthly" and not picks.expanded
        assert [value for ident, value in app.changes if ident == "stock-like"] == ["weekly", "monthly"]
        overlay = picks.query_one("SelectOverlay")
        assert [str(overlay.get_option_at_index(i).prompt) for i in range(1, overlay.option_count)] == [
            "daily", "weekly", "monthly"]
        await pilot.press("enter")
        await pilot.pause()
        assert picks.expanded and overlay.has_focus and overlay.highlighted == 3  # the choice it has


async def test_a_pick_list_opened_by_a_click_is_made_first():
    app = Picks()
    async with app.run_test(size=(40, 12)) as pilot:
        picks = app.query_one("#stock-like", Select)
        opened = []  # as a dialog that places the open list watches for it (row_form.py)
        app.screen.watch(picks, "expanded", lambda expanded: opened.append((expanded, picks.listed)), init=False)
        await pilot.click("#stock-like SelectCurrent")
        await pilot.pause()
        assert opened == [(True, True)]  # the list there as it opens
        assert picks.expanded and picks.query_one("SelectOverlay").highlighted == 2


async def test_a_fixed_cells_table_drops_its_scroll_bar_once_its_columns_fit():
    app = App()
    async with app.run_test(size=(80, 24)) as pilot:
        table = compat.FixedCellsTable()
        table.styles.width, table.styles.height = 49, "auto"
        await app.screen.mount(table)
        for key, width in (("a", 21), ("b", 25)):  # 50 columns drawn, in 49
            table.add_column(Text(key), key=key, width=width)
        table.add_rows([Text("x"), Text("y")] for _ in range(3))
        await pilot.pause()
        assert table.show_horizontal_scrollbar and table.outer_size.height == 4 + 1
        table.set_widths([20, 25])  # as a rows editor fits its columns to the room it has
        await pilot.pause()
        # Its scroll bar gone with the columns that needed it, and its row with it:
        # Textual's own layout gave it the same 4 rows, and kept the bar.
        assert not table.show_horizontal_scrollbar and table.outer_size.height == 4


async def test_a_fixed_cells_table_fitted_to_its_room_is_redrawn_not_laid_out_again():
    """Columns made wider or narrower leave the table's height as it was, the one
    figure of it a layout reads (its width is its room's): it is drawn anew at its
    new widths, and the screen is not laid out again for it (a step's third layout
    before its first frame, issue 18)."""
    app = App()
    async with app.run_test(size=(80, 24)) as pilot:
        table = compat.FixedCellsTable()
        table.styles.width, table.styles.height = 60, "auto"
        await app.screen.mount(table)
        for key, width in (("a", 10), ("b", 10)):
            table.add_column(Text(key), key=key, width=width)
        table.add_rows([Text("x"), Text("y")] for _ in range(3))
        await pilot.pause()
        assert not compat.layout_pending(app.screen) and table.outer_size.height == 4
        table.set_widths([20, 30])
        assert not compat.layout_pending(app.screen)
        await pilot.pause()
        assert table.virtual_size.width == sum(w + 2 * table.cell_padding for w in (20, 30))
        assert table.outer_size.height == 4
        header = table.render_line(0).text
        assert header.index("b") - header.index("a") == 20 + 2 * table.cell_padding  # drawn at its new widths
        table.add_row(Text("z"), Text("w"))  # a row more: taller, laid out again
        await pilot.pause()
        assert table.outer_size.height == 5


async def test_a_full_map_made_again_marks_what_it_moved_to_be_drawn():
    app = App()
    async with app.run_test(size=(40, 12)) as pilot:
        compat.draw_what_moves()
        moved = Static("moved")
        await app.screen.mount(moved)
        await pilot.pause()
        compositor = app.screen._compositor
        with app.batch_update():  # laid out only once the batch ends
            await app.screen.mount(Static("pushed it down"), before=moved)  # as a toast pushes another
            compositor._dirty_regions.clear()
            compositor._full_map_invalidated = True  # as a scroll leaves it
            now = compositor.full_map[moved].region  # made again, as a region asked for makes it
            assert now.y == 1
            assert any(region.contains_region(now) for region in compositor._dirty_regions)


def test_rules_hashed_by_identity_are_kept_apart_and_found_as_textual_hashed_them():
    """The patch assumes Textual hashes a rule set by its identity: an upgrade that
    hashes by content would fail here first."""
    sheet = Stylesheet()
    sheet.add_source("Static { color: red; }\nLabel { color: blue; }")
    sheet.parse()
    rule = sheet.rules[0]
    assert compat.TEXTUAL_RULE_HASH(rule) == id(rule)
    compat.rules_hashed_by_identity()
    twin = dataclasses.replace(rule)
    assert twin == rule and len({rule, twin}) == 2  # equal, and still two rules
    assert rule in set(sheet.rules) and twin not in set(sheet.rules)


async def test_a_callback_called_later_is_counted_once_and_given_what_it_takes(monkeypatch):
    from textual import _callback

    compat.callbacks_counted_once()
    counting = _callback._count_parameters
    counted = []
    monkeypatch.setattr(_callback, "_count_parameters", lambda func: counted.append(func) or counting(func))
    got = []

    def nothing() -> None:
        got.append("nothing")

    def one(value) -> None:
        got.append(value)

    app = App()
    async with app.run_test() as pilot:
        for turn in range(3):
            app.call_later(nothing)
            app.call_later(one, turn)
            app.call_after_refresh(app.screen.refresh)
        await pilot.pause()
    assert got == ["nothing", 0, "nothing", 1, "nothing", 2]
    assert counted.count(nothing) == 1 and counted.count(one) == 1  # not once a call
    assert sum(getattr(func, "__func__", None) is Screen.refresh for func in counted) <= 1


class Ticks(App):
    def compose(self) -> ComposeResult:
        yield SelectionList(("ticked", 1, True), ("not", 2), id="stock")
        yield TickList(("ticked", 1, True), ("not", 2), id="ticks")


async def test_a_selection_list_draws_the_toggle_buttons_inner_mark():
    app = Ticks()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        stock = list(app.query_one("#stock", SelectionList).render_line(0))
        assert stock[1].text == compat.SELECTION_BUTTON_INNER  # where TickList looks for it
        ticks = app.query_one("#ticks", TickList)
        assert [list(ticks.render_line(y))[1].text for y in (0, 1)] == ["✓", " "]


class Radios(App):
    def compose(self) -> ComposeResult:
        with RadioSet():
            yield RadioButton("one", value=True)
            yield RadioButton("two")
            yield RadioButton("three")


async def test_radio_sets_highlight_and_pressed_button_are_set():
    app = Radios()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        radios = app.query_one(RadioSet)
        compat.highlight_radio(radios, radios.children[2])
        await pilot.pause()
        assert [button.has_class("-selected") for button in radios.children] == [False, False, True]
        second = radios.children[1]
        with radios.prevent(RadioButton.Changed):
            for button in radios.children:
                button.value = button is second
        compat.note_pressed(radios, second)
        assert radios.pressed_button is second and radios.pressed_index == 1
        radios.children[2].value = True  # pressed as a click does: RadioSet releases the one it was told of
        await pilot.pause()
        assert [button.value for button in radios.children] == [False, False, True]


def test_stylesheet_variables_are_the_themes_colours():
    app = App()
    assert compat.stylesheet_variables(app.stylesheet) == app.get_css_variables()
    assert compat.stylesheet_variables(app.stylesheet)["primary"]


def test_the_parse_cache_is_keyed_by_source_and_read_before_parsing():
    css = "Static { color: red; }"
    parsed = Stylesheet()
    parsed.add_source(css, read_from=("test", "Static.CSS"))
    parsed.parse()
    [key] = compat.parse_cache(parsed).keys()
    assert key == (css, ("test", "Static.CSS"), False, 0, "")  # what stylecache keeps, and checks key[:2] of
    assert parsed.rules and compat.parse_cache(parsed).get(key) == parsed.rules
    kept = Stylesheet()
    kept.add_source(css, read_from=("test", "Static.CSS"))
    compat.parse_cache(kept)[key] = []  # put back from the styles file: taken as the parse
    kept.parse()
    assert kept.rules == []


# --- nothing else reaches a private upstream name ------------------------------------

UPSTREAM = ("textual", "rich", "textual_serve")
SOURCE = Path(smgov_tui.__file__).parent
COMPAT = {"tui/compat.py"}
ACCESSORS = {"getattr", "setattr", "hasattr", "delattr"}


def private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def assigned(body: list[ast.stmt]) -> set[str]:
    """The names a module or class body assigns (not a function's locals)."""
    names = set()
    for statement in body:
        if isinstance(statement, ast.Assign):
            targets = statement.targets
        elif isinstance(statement, (ast.AnnAssign, ast.AugAssign)):
            targets = [statement.target]
        else:
            continue
        names.update(node.id for target in targets for node in ast.walk(target) if isinstance(node, ast.Name))
    return names


def defined(tree: ast.Module) -> set[str]:
    """The private names a module defines: functions, classes, module and class
    level names, and attributes it assigns (self._x = ...)."""
    names = assigned(tree.body)
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        if isinstance(node, ast.ClassDef):
            names |= assigned(node.body)
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
    return {name for name in names if private(name)}


@cache
def upstream_private() -> frozenset[str]:
    """Every private name Textual, Rich and textual-serve define, read from their source."""
    names: set[str] = set()
    for library in UPSTREAM:
        for path in Path(importlib.import_module(library).__file__).parent.rglob("*.py"):
            names |= defined(ast.parse(path.read_bytes()))
    return frozenset(names)


def smgov_modules() -> dict[str, ast.Module]:
    return {path.relative_to(SOURCE).as_posix(): ast.parse(path.read_bytes()) for path in sorted(SOURCE.rglob("*.py"))}


def elsewhere(name: str) -> str:
    return name.split(".")[0] not in UPSTREAM


def other_modules(tree: ast.Module) -> set[str]:
    """Local names bound by imports from anywhere but upstream (os, tinydb, smgov's own)."""
    bound = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            bound.update((alias.asname or alias.name).split(".")[0] for alias in node.names if elsewhere(alias.name))
        elif isinstance(node, ast.ImportFrom) and elsewhere(node.module or ""):
            bound.update(alias.asname or alias.name for alias in node.names)
    return bound


def private_reaches(tree: ast.Module, own: set[str]) -> list[tuple[int, str, str]]:
    """(line, name, code) for each import of a private upstream module or name, and
    each attribute access of a private name upstream defines and smgov does not
    (on anything but a module from elsewhere: os._exit is not Textual's). A name
    both define (_rows, _error) counts as smgov's: the override check below
    catches a class that shadows an upstream base's."""
    found, upstream, local = [], upstream_private(), other_modules(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and not elsewhere(node.module or ""):
            for name in (*node.module.split("."), *(alias.name for alias in node.names)):
                if private(name):
                    found.append((node.lineno, name, f"from {node.module} import ..."))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, f"import {alias.name}") for alias in node.names
                      if not elsewhere(alias.name) and any(private(part) for part in alias.name.split("."))]
        elif isinstance(node, ast.Attribute) and node.attr in upstream and node.attr not in own:
            if not (isinstance(node.value, ast.Name) and node.value.id in local):
                found.append((node.lineno, node.attr, ast.unparse(node)))
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ACCESSORS
              and len(node.args) > 1 and isinstance(node.args[1], ast.Constant)):
            name = node.args[1].value
            if name in upstream and name not in own:
                found.append((node.lineno, name, ast.unparse(node)))
    return found


def class_bodies(body: list[ast.stmt], prefix: str = ""):
    """(qualified name, line, private names its body defines) for each class, nested ones too."""
    for node in body:
        if isinstance(node, ast.ClassDef):
            names = assigned(node.body) | {item.name for item in node.body if isinstance(
                item, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
            yield f"{prefix}{node.name}", node.lineno, {name for name in names if private(name)}
            yield from class_bodies(node.body, f"{prefix}{node.name}.")


def shadowed(cls: type, names: set[str]) -> list[tuple[str, str]]:
    """(name, base) for each of these private names of a class that an upstream
    base of it defines too (DataTable._update_dimensions, Server._make_app).
    `_on_<message>` handlers are Textual's dispatch: it calls each class's own,
    so defining one overrides nothing."""
    return [(name, base.__name__) for base in cls.__mro__[1:] if not elsewhere(base.__module__)
            for name in sorted(names & vars(base).keys()) if not name.startswith("_on_")]


def private_overrides(path: str, tree: ast.Module) -> list[tuple[int, str, str]]:
    """(line, name, what) for each class of the module that shadows an upstream base's private name."""
    module = importlib.import_module("smgov_tui." + path.removesuffix(".py").removesuffix("/__init__").replace("/", "."))
    found = []
    for qualname, line, names in class_bodies(tree.body):
        cls = module
        for part in qualname.split("."):
            cls = getattr(cls, part)
        found += [(line, name, f"{qualname} overrides {base}.{name}") for name, base in shadowed(cls, names)]
    return found


def test_only_compat_reaches_private_textual_rich_or_textual_serve_names():
    modules = smgov_modules()
    own = set().union(*(defined(tree) for path, tree in modules.items() if path not in COMPAT))
    found = []
    for path, tree in modules.items():
        if path in COMPAT:
            continue
        reaches = private_reaches(tree, own)
        if path != "__main__.py":  # importing it runs the command line
            reaches += private_overrides(path, tree)
        found += [f"smgov_tui/{path}:{line}: {code}" for line, name, code in reaches]
    assert not found, "private upstream API outside smgov_tui/tui/compat.py:\n" + "\n".join(sorted(found))


def test_the_scan_catches_each_kind_of_reach():
    source = ast.parse("""
from textual.widgets._toggle_button import ToggleButton
import textual._context
import os

class Table(DataTable):
    def _update_dimensions(self, new_rows):
        super()._update_dimensions(new_rows)
        return self._labelled_row_exists

def reach(node, screen):
    node._message_queue
    getattr(screen, "_push_result_callback")
    os._exit(0)
""")
    # As rows.py had it: its own _update_dimensions, so the override check names that one.
    names = {name for _line, name, _code in private_reaches(source, own={"_update_dimensions"})}
    assert names == {"_toggle_button", "textual._context", "_labelled_row_exists", "_message_queue",
                     "_push_result_callback"}
    assert [(qualname, names) for qualname, _line, names in class_bodies(source.body)] == [
        ("Table", {"_update_dimensions"})]

    class Table(DataTable):
        def _update_dimensions(self, new_rows) -> None: ...

        def _on_paste(self, event) -> None: ...

        def _fill(self) -> None: ...

    assert shadowed(Table, {"_update_dimensions", "_on_paste", "_fill"}) == [("_update_dimensions", "DataTable")]
    assert {"_make_app", "_refresh_layout", "_parse_cache", "_variables", "_get_breakpoint_classes",
            "_scroll_update", "_message_queue", "_push_result_callback"} <= upstream_private()
