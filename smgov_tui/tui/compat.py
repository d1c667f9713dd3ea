"""Every private Textual name smgov reaches, in one place, each behind a name of ours.

Textual changes its private API between releases without notice; smgov pins
textual 8.2.8, and each function here is what that release has. When an
upgrade moves one, the call fails with a CompatError that names the access,
not with an AttributeError deep inside a screen, and
tests/workbench/test_compat.py fails first, one test per access. Nothing else
in smgov_tui reaches a private Textual, Rich or textual-serve name: the same
test scans the source for it. (textual-serve needs no module of its own: the
server builds its own web application, web/server.py, and uses only its
public API.)
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Iterator, MutableMapping
from contextlib import contextmanager
from functools import partial
from types import FunctionType, MethodType
from typing import TYPE_CHECKING

from textual.await_complete import AwaitComplete
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.events import Resize
from textual.geometry import Size
from textual.message import Message
from textual.message_pump import MessagePump
from textual.messages import Layout, UpdateScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, OptionList, Select

from smgov_tui.core.errors import SmgovError

if TYPE_CHECKING:  # the export dialog's: not loaded before it opens
    from textual.widgets import RadioButton, RadioSet

WRITTEN_FOR = "textual 8.2.8"


class CompatError(SmgovError):
    """A private Textual name smgov relies on is not what textual 8.2.8 had."""

    def __init__(self, access: str) -> None:
        from importlib.metadata import version  # only when it fails: slow to load

        super().__init__(f"{WRITTEN_FOR} private API {access} is gone (textual {version('textual')} "
                         "is installed; smgov needs textual==8.2.8)")
        self.access = access


@contextmanager
def private(access: str) -> Iterator[None]:
    """Around the lookup of one private name (never the call: its own errors stay its own)."""
    try:
        yield
    except (AttributeError, ImportError) as error:
        raise CompatError(access) from error


def queued_messages(node: MessagePump) -> Iterable[Message | None]:
    """The messages waiting in a node's queue, oldest first, left in it. Keys typed
    ahead wait while a message that moves the focus or a screen is on its way
    (typeahead.py); Textual's public API says only how many are queued."""
    with private("MessagePump._message_queue.values"):
        return node._message_queue.values


def as_switched_to(screen: Screen) -> Screen:
    """The screen, holding the (empty) result callback App.switch_screen gives the
    screen it shows and takes back when it switches away: a step shown as the
    app's default screen (SmgovApp.get_default_screen) has none otherwise, and
    the first switch away from it fails."""
    with private("Screen._push_result_callback"):
        push_result_callback = screen._push_result_callback
    push_result_callback(screen, None)
    return screen


def breakpoint_classes(screen: Screen, width: int, breakpoints: list[tuple[int, str]]) -> set[str]:
    """The width class ("-narrow", "-wide") the screen takes on its first resize,
    so that a screen given it before it mounts has each widget styled once."""
    with private("Screen._get_breakpoint_classes"):
        classes_for = screen._get_breakpoint_classes
    return classes_for(width, breakpoints)


def lay_out_now(screen: Screen) -> None:
    """Give every widget of the screen its place now, without drawing: inside a
    batch_update, fields just mounted are laid out within the same frame. The
    layouts asked for until now are done (`layout_pending`), as after Textual's own.
    The sizes it gives ask for no layout after it (`sizes_given_as_laid_out`)."""
    with private("Screen._refresh_layout, Screen._layout_required, Screen._scroll_required "
                 "and Widget._scroll_required"):
        refresh_layout = screen._refresh_layout
        queued = list(queued_messages(screen))
        asked = _take_layouts_asked(screen) or screen._layout_required or any(
            isinstance(message, Layout) for message in queued)
        # Only scrolled (the form to the field the step opens on): the widgets moved in
        # their places, as Textual does for a scroll, not every place worked out again.
        scroll = not asked and (screen._scroll_required or any(isinstance(message, UpdateScroll) for message in queued)
                                or any(widget._scroll_required for widget in screen.walk_children(Widget)))
    with sizes_given_as_laid_out():
        refresh_layout(scroll=scroll)
    screen._layout_required = screen._scroll_required = False


def _take_layouts_asked(screen: Screen) -> bool:
    """The layouts the screen's widgets have asked for and not yet sent (each sends
    its ask once idle, Widget._check_refresh), taken as Textual takes them: their
    containers arranged afresh, in the layout about to be done. Left to be sent,
    they had the screen laid out again after it (a step's third layout, issue 18)."""
    asked = False
    with private("Widget._layout_required, Widget._clear_arrangement_cache and Widget._layout_updates"):
        for widget in screen.walk_children(Widget):
            if not widget._layout_required:
                continue
            asked, widget._layout_required = True, False
            for ancestor in widget.ancestors:  # as textual 8.2.8's Widget._check_refresh
                if not isinstance(ancestor, Widget):
                    break
                ancestor._clear_arrangement_cache()
                ancestor._layout_updates += 1
                if not ancestor.styles.auto_dimensions:
                    break
    return asked


@contextmanager
def sizes_given_as_laid_out() -> Iterator[None]:
    """A layout gives each widget its size and virtual size, and Textual has each
    widget whose virtual size changed ask for another layout of the whole screen:
    one that gives every widget the sizes it has just been given (a settling step
    was laid out twice over for it). A change a size does make (a scroll bar that
    comes or goes) still asks, as it is set."""
    with private("Widget._size_updated(size, virtual_size, container_size, layout)"):
        given = Widget._size_updated

    def quietly(widget: Widget, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        return given(widget, size, virtual_size, container_size, layout=False)

    Widget._size_updated = quietly
    try:
        yield
    finally:
        Widget._size_updated = given


def layout_pending(screen: Screen) -> bool:
    """A widget of the screen has asked for a layout the screen has not done yet:
    the screen's flags, set as it handles its widgets' Layout messages; those
    messages still on their way to it; and the widgets' own flags, set as they ask
    and sent to the screen only once they are idle (a layout's new sizes ask for
    another as they are given, and their messages came after the screen's look)."""
    with private("Screen._layout_required, Screen._scroll_required and Widget._layout_required"):
        if screen._layout_required or screen._scroll_required:
            return True
        if any(isinstance(message, (Layout, UpdateScroll)) for message in queued_messages(screen)):
            return True
        return any(widget._layout_required for widget in screen.walk_children(Widget))


@contextmanager
def frames_unmade(screen: Screen) -> Iterator[None]:
    """The screen makes no frame: while the app's frames are held (App.batch_update)
    Textual still renders a whole or partial frame after each layout, and throws
    it away (a fifth of a step's start). What they would have drawn stays to be
    drawn (the compositor's dirty regions, its widgets' repaints): `draw_whole`
    draws all of it after."""
    with private("Screen._compositor_refresh"):
        screen._compositor_refresh  # noqa: B018  (the lookup that fails if it is gone)
    screen._compositor_refresh = _no_frame  # the instance's, over the class's method
    try:
        yield
    finally:
        del screen._compositor_refresh


def _no_frame() -> None:
    pass


def draw_whole(screen: Screen, only: Iterable[Widget] | None = None) -> None:
    """Draw all of the screen in one frame, soon, laid out first only if a layout is
    pending; or (`only`) these widgets' regions and what the layout moved. After a
    hold (App.batch_update) its compositor counts what the held frames drew as
    drawn, or (`frames_unmade`) has it still to draw: the whole is drawn either
    way, once. A screen already laid out is not laid out again: that
    layout told every scrollable widget its size again, and their scroll bars were
    drawn again in a frame of their own."""
    with private("Screen._compositor._dirty_regions, Screen._repaint_required and Screen._on_timer_update"):
        dirty_regions = screen._compositor._dirty_regions
        screen._repaint_required  # noqa: B018  (the lookup that fails if it is gone)
        update = screen._on_timer_update
    if only is None:
        dirty_regions.add(screen.size.region)

    def draw() -> None:
        if only is None:
            screen._repaint_required = not layout_pending(screen)  # else the whole is drawn with the layout
            update()
            return
        # Their repaints are held as widgets to draw, which a pending layout forgets:
        # as regions, they are drawn with whatever that layout moved.
        dirty_regions.update(widget.region for widget in only if widget.is_mounted)
        update()

    # Once the screen has taken the repaints its widgets asked for (in this frame,
    # not one after it); not at its update timer's next tick, up to 1/60 s later.
    screen.call_later(draw)


def highlight_radio(radio_set: RadioSet, button: RadioButton) -> None:
    """Put a radio set's highlight on a button: its public API moves the highlight
    only a row at a time, and on mounting puts it on the first row, not the pressed."""
    with private("RadioSet._selected"):
        radio_set._selected  # noqa: B018  (the lookup that fails if it is gone)
    radio_set._selected = radio_set.children.index(button)


def note_pressed(radio_set: RadioSet, button: RadioButton) -> None:
    """Tell a radio set which button is pressed when the buttons' values were set
    directly: RadioSet learns it from a message of its buttons, handled later."""
    with private("RadioSet._pressed_button"):
        radio_set._pressed_button  # noqa: B018
    radio_set._pressed_button = button


def update_scrolling(widget: Widget, virtual_size: Size) -> None:
    """What a layout does for a scrollable widget whose virtual size changed: its
    scroll bars and offsets follow the new size (PlanInput, which grows as it is
    typed, without laying the screen out)."""
    with private("Widget._scroll_update"):
        scroll_update = widget._scroll_update
    scroll_update(virtual_size)


with private("DataTable._update_dimensions"):
    _measured_dimensions = DataTable._update_dimensions


class FixedCellsTable(DataTable):
    """A DataTable whose columns all have fixed widths and whose rows are one line.

    DataTable measures every cell of every new row to size auto-width columns
    and auto-height rows; with neither here that is wasted, and for a list of
    10,000 rows it took over a second each time the list was shown.
    """

    def _update_dimensions(self, new_rows) -> None:  # textual 8.2.8's own, minus the measuring
        with private("DataTable._labelled_row_exists"):
            labelled = self._labelled_row_exists
        if labelled or any(column.auto_width for column in self.columns.values()) or any(
                self.rows[key].auto_height for key in new_rows if key in self.rows):
            _measured_dimensions(self, new_rows)
            return
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header = self.header_height if self.show_header else 0
        with private("DataTable._row_label_column_width and DataTable._total_row_height"):
            label_width, height = self._row_label_column_width, self._total_row_height
        size = Size(width + label_width, height + header)
        if self.is_mounted and size.height == self.virtual_size.height:
            # Only wider or narrower (its columns fitted to its room, RowsEditor): its height,
            # all the layout reads of it (width 1fr), is the same, so the screen is not laid
            # out again for it; its scroll bars follow below.
            self.set_reactive(DataTable.virtual_size, size)
        else:
            self.virtual_size = size
        if self.is_mounted:
            # Its scroll bars follow the new size now: a ScrollView takes a new virtual size
            # from a layout only when the layout's figures for it differ, and for a table
            # whose scroll bar took the row that its new widths free they agree (4 rows, 4 rows).
            update_scrolling(self, self.virtual_size)

    def set_widths(self, widths: Iterable[int]) -> None:
        """New widths for the columns, left to right, drawn at once: a table
        fitted to the room it is given (RowsEditor) as that room changes. Column
        widths are public; what is drawn is cached under DataTable's count of
        updates, which only its own changes move."""
        for column, width in zip(self.ordered_columns, widths):
            column.width = width
        with private("DataTable._update_count"):
            self._update_count += 1
        self._update_dimensions(())
        self.refresh()


with private("OptionList._on_resize, OptionList._clear_caches and OptionList._update_lines"):
    OptionList._on_resize, OptionList._clear_caches, OptionList._update_lines  # noqa: B018


with private("ScrollView._size_updated(size, virtual_size, container_size, layout)"):
    from textual.scroll_view import ScrollView

    ScrollView._size_updated  # noqa: B018  (the lookup that fails if it is gone)


class ScrollBarsAsSized:
    """For a widget that works out its own virtual size (its lines, its wrapped text):
    at every layout Textual compares that with the virtual size the layout gives it
    (its own region's: it has no children to measure), finds them different, and
    draws its scroll bars again. Here they are updated only when its size, its own
    virtual size or its room changed since they last were: fields made after a
    step's first frame, out of view, no longer have every text area and list in
    view drawn again (issue 18)."""

    _sized_as: tuple[Size, Size, Size] | None = None

    def _size_updated(self: ScrollView, size: Size, virtual_size: Size, container_size: Size,
                      layout: bool = True) -> bool:
        sizes = (size, self.virtual_size, container_size)
        if sizes == self._sized_as:
            return False  # as Textual's answers for a size it has already: no Resize
        self._sized_as = sizes
        return super()._size_updated(size, virtual_size, container_size, layout)


class CountsLinesAsLaidOut(ScrollBarsAsSized):
    """For an OptionList (or a SelectionList): it counts its options' lines as it is
    laid out, and keeps them (and each option as drawn) while its width stays.

    Textual's forgets both at every resize, even one of height alone, and counts
    the lines again only as it draws: while a step's frames are held
    (settling.py) its scroll bar was found only in the frame drawn at the end,
    which laid the screen out again and sent a second frame, and each layout
    meanwhile measured every option anew.
    """

    _lines_width: int | None = None

    def _on_resize(self: OptionList, event: Resize) -> None:
        event.prevent_default()  # not OptionList's own (textual 8.2.8's forgets everything)
        if (not self.show_vertical_scrollbar and self.styles.overflow_y == "auto"
                and self.option_count > self.scrollable_content_region.height):
            # More options than rows: its scroll bar will come. Counted at the width it
            # leaves at once, not at the whole width first and then again.
            self.show_vertical_scrollbar = True
        for _ in range(2):  # again when the count brought its scroll bar (or took it), a column less (or more)
            width = self.scrollable_content_region.width
            if width == self._lines_width:
                return
            self._lines_width = width
            self._clear_caches()
            self._update_lines()  # its height, so its scroll bar, known in this layout


class LinesAsLaidOut(CountsLinesAsLaidOut, OptionList):
    """An OptionList that counts its lines as it is laid out."""


with private("textual.widgets._select.SelectCurrent and SelectOverlay"):
    from textual.widgets._select import SelectCurrent, SelectOverlay

with private("Select._setup_options_renderables, Select._watch_value, Select._watch_prompt and Select._watch_expanded"):
    Select._setup_options_renderables, Select._watch_value, Select._watch_prompt, Select._watch_expanded  # noqa: B018


PICK_PROMPT = "Choose…"  # what a pick list shows with nothing chosen


class PickList(Select):
    """A Select whose open list is made the first time it opens.

    Textual's Select mounts its open list (an OptionList, styled, its options
    counted) with the field, closed and hidden: on a step's way to its first
    frame, that list was half the work of each pick list (25,000 of its 49,000
    calls, counted mounting five), for a list most fields never show. Here the key or click
    that first opens it waits for it to be made (keys typed behind wait in turn,
    typeahead.py); from then on it is Textual's Select (textual 8.2.8's own,
    which every override below falls back to once the list is there).
    """

    _made: AwaitComplete | None = None  # the open list being made, or made

    def compose(self) -> Iterator[Widget]:
        current = SelectCurrent(self.prompt)
        # Styled as showing a value from the start: Select shows it once mounted,
        # and the class it then gave restyled the field's four widgets (2-3 ms a field).
        value = self._value if self._value != self.NULL or self._allow_blank else self._options[0][1]
        if value != self.NULL and any(option == value for _prompt, option in self._options):
            current.set_reactive(SelectCurrent.has_value, True)  # its watcher, the restyle, not called
            current.add_class("-has-value", update=False)  # styled with it as it mounts
        yield current

    @property
    def listed(self) -> bool:
        """The open list is there, holding the options."""
        return self._made is not None and self._made.is_done

    def make_list(self) -> AwaitComplete:
        """The open list, made once; awaited, it holds the options, the chosen one highlighted."""
        if self._made is None:
            self._made = AwaitComplete(self._make_list()).call_next(self)
        return self._made

    async def _make_list(self) -> None:
        await self.mount(SelectOverlay(type_to_search=self._type_to_search))
        Select._setup_options_renderables(self)
        for index, (_prompt, option) in enumerate(self._options):
            if option == self.value and self.value != self.NULL:
                self.query_one(SelectOverlay).highlighted = index
                break

    def _setup_options_renderables(self) -> None:
        if self.listed:  # else the list takes the options as it is made
            super()._setup_options_renderables()

    def _watch_value(self, value: object) -> None:
        if self.listed:
            super()._watch_value(value)
            return
        self._value = value  # Select's own, less the list's highlight (given as it is made)
        currents = self.query_children(SelectCurrent)
        if currents:
            prompts = [prompt for prompt, option in self._options if option == value and value != self.NULL]
            currents.first().update(prompts[0] if prompts else self.NULL)
            self.post_message(self.Changed(self, value))

    def _watch_prompt(self, prompt: str) -> None:
        if self.listed or not self.is_mounted:
            super()._watch_prompt(prompt)
            return
        current = self.query_one(SelectCurrent)
        current.placeholder = prompt
        if self._allow_blank and self.value == self.NULL:
            current.update(self.NULL)

    def _watch_expanded(self, expanded: bool) -> Awaitable[None] | None:
        if expanded and not self.listed:  # opened some other way than below: once the list is made
            return self._expand_when_listed()
        super()._watch_expanded(expanded)  # at once, as Textual's (a watcher that awaits runs later)
        return None

    async def _expand_when_listed(self) -> None:
        await self.make_list()
        if self.expanded:
            super()._watch_expanded(True)

    async def action_show_overlay(self) -> None:
        await self.make_list()
        super().action_show_overlay()

    async def on_select_current_toggle(self, event: SelectCurrent.Toggle) -> None:
        """A click: the list made before Select's own handler opens it, so that what
        watches it open finds the list there (a row dialog places it)."""
        await self.make_list()


with private("textual.widgets._toggle_button.ToggleButton.BUTTON_INNER"):
    from textual.widgets._toggle_button import ToggleButton

    # What a SelectionList draws inside a ticked option's button (TickList draws ✓ instead).
    SELECTION_BUTTON_INNER: str = ToggleButton.BUTTON_INNER


with private("textual._compositor.Compositor.full_map, _full_map, _full_map_invalidated, _visible_map and "
             "_dirty_regions"):
    from textual._compositor import Compositor

    _built_lazily = Compositor.full_map.fget
    _probe = Compositor()
    _probe._full_map, _probe._full_map_invalidated, _probe._visible_map, _probe._dirty_regions  # noqa: B018
    del _probe


def _full_map_drawn(compositor: Compositor) -> dict:
    """Textual 8.2.8's full map, made again when a scroll or a new widget left it
    out of date, with what moved meanwhile marked to be drawn, as a layout marks
    it. Made again lazily (a region asked for, of a widget out of view or new),
    the map took the new places without marking them; the layout that followed
    compared against it, found nothing moved, and drew nothing there: a toast
    pushed up by the next one stayed undrawn, and pieces of it showed wherever
    something else under it was drawn ("ti" inside a text area's scroll bar)."""
    if compositor.root is None or not compositor._full_map_invalidated:
        return _built_lazily(compositor)
    drawn = compositor._visible_map if compositor._visible_map is not None else compositor._full_map
    made = _built_lazily(compositor)
    if compositor.size.region not in compositor._dirty_regions:
        compositor._dirty_regions.update(
            region for region in (geometry.clip.intersection(geometry.region)
                                  for _, geometry in _places(made) ^ _places(drawn)) if region)
    return made


def _places(geometries: dict) -> set:
    """Each widget with where it is drawn: its geometry but its order, a count
    Textual keeps as it maps (of the widgets it placed before this one) that
    differs from one map to the next as widgets are shown, hidden or left out,
    and draws nothing different where widgets do not overlap: compared with it,
    fields shown in room kept for them out of view had the form drawn again."""
    return {(widget, geometry._replace(order=())) for widget, geometry in geometries.items()}


def map_as_drawn(screen: Screen) -> None:
    """The screen's map of every widget's place brought up to the frame drawn. A
    scroll pass maps only what is in view and leaves the whole map as it was: the
    next layout compared its places with that and drew again every widget the
    scroll had moved, though the frame already showed each where it is."""
    with private("Screen._compositor"):
        compositor = screen._compositor
    compositor.full_map  # noqa: B018  (made again where out of date: `_full_map_drawn`)


def draw_what_moves() -> None:
    """Every screen's compositor marks what its lazily made map moved (`_full_map_drawn`):
    Textual's class, patched in place, as each screen makes its own compositor."""
    Compositor.full_map = property(_full_map_drawn)


def rules_hashed_by_identity() -> None:
    """A rule set hashed by Python's own identity hash, not by Textual's `__hash__`
    returning `id(self)`: the same identity, one Python call fewer each time a
    stylesheet sorts out the rules that may apply to a widget (every rule of every
    sheet, for each widget and component class styled: 17,000 calls, twice that
    with `id`, to a step's first frame)."""
    RuleSet.__hash__ = object.__hash__


TEXTUAL_RULE_HASH = RuleSet.__hash__  # Textual's own (id), which the one above must equal in effect


def _count_through_partials(count: Callable[[Callable], int]) -> Callable[[Callable], int]:
    def count_parameters(func: Callable) -> int:
        if type(func) is partial and isinstance(func.func, FunctionType | MethodType):
            # counted once for its function and kept on it, as Textual keeps a handler's
            return count(func.func) - len(func.args) - len(func.keywords)
        return count(func)
    count_parameters.counted = count  # type: ignore[attr-defined]
    return count_parameters


def callbacks_counted_once() -> None:
    """Textual counts a callback's parameters (inspect.signature) each time it calls
    one given to call_later, call_after_refresh or call_next: it wraps each in a new
    functools.partial, and keeps the count on the partial, thrown away after the call.
    Counted through the partial, the count is kept on the function itself, as Textual
    keeps a handler's: 286 signatures to a step's first frame (9 ms timed; the settle
    rounds' one callback per widget per round, 162 of them) -> the callbacks' own."""
    with private("textual._callback.count_parameters"):
        from textual import _callback

        if not hasattr(_callback.count_parameters, "counted"):
            _callback.count_parameters = _count_through_partials(_callback.count_parameters)


def stylesheet_variables(stylesheet: Stylesheet) -> dict[str, str]:
    """The theme's variables a stylesheet parses with: its colours (stylecache)."""
    with private("Stylesheet._variables"):
        return stylesheet._variables


def parse_cache(stylesheet: Stylesheet) -> MutableMapping[tuple, list[RuleSet]]:
    """A stylesheet's parsed rules, keyed by (css, read_from, is_default_rules,
    tie_breaker, scope): what stylecache keeps between runs and puts back."""
    with private("Stylesheet._parse_cache"):
        return stylesheet._parse_cache
