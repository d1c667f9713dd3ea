"""The widget each value kind is edited with, and how to read it back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.content import Content
from textual.geometry import Region, Size
from textual.reactive import Reactive, var
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input, Select, SelectionList, TextArea
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.text_area import Edit, EditResult

from smgov_tui.core.catalogue.kinds import (
    Choice,
    Kind,
    LongText,
    Matrix,
    Multi,
    RowRef,
    YesNo,
)
from smgov_tui.core.textsafe import one_line, unsafe, visible
from smgov_tui.tui.compat import (
    PICK_PROMPT,
    SELECTION_BUTTON_INNER,
    CountsLinesAsLaidOut,
    PickList,
    ScrollBarsAsSized,
    update_scrolling,
)
from smgov_tui.tui.widgets.redraw import KeptRows, collapse_line, hide_line, show_line


def shown_text(kind: Kind, value: Any) -> str:
    """What a text editor shows: the value's edit text with control characters
    made visible (a text widget would send them to the terminal as they are)."""
    return visible(kind.edit_text(value))


def untouched(kind: Kind, value: Any, text: str) -> bool:
    """The editor still holds a value with escapes as it was shown: the person did
    not edit it, so the value stays as stored rather than as its visible form."""
    return value is not None and text == shown_text(kind, value) and unsafe(kind.edit_text(value))


class TickList(CountsLinesAsLaidOut, SelectionList):
    """A SelectionList whose ticked items show ✓ and unticked a blank, so the
    state reads without colour (NO_COLOR, monochrome terminals). Its lines are
    counted as it is laid out (CountsLinesAsLaidOut): counted as it was first drawn,
    they changed its size and the step was laid out and sent again after its
    first frame."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        if len(segments) > 1 and segments[1].text == SELECTION_BUTTON_INNER:
            mark = "✓" if option.value in self.selected else " "
            segments[1] = Segment(mark, segments[1].style)
        return Strip(segments, strip.cell_length)


def wraps_within(text: str, room: Size) -> bool:
    """The text, wrapped at the room's width, takes no more rows than it has (a text area's example)."""
    return len(Content(text).wrap(room.width)) <= room.height


def fits_one_line(text: str, room: Size) -> bool:
    """The text fits a one-line field's room, with a cell to spare for the cursor."""
    return cell_len(text) < room.width


class ExampleBelow:
    """An example (the placeholder) too big for its field is cut off inside it:
    it goes on its own dim line below the field instead, while the field is
    empty, and back inside once the field is wide enough again. The line is made
    only when needed: most fields never have one (a widget per field is memory
    and start-up time on every step)."""

    _example_line: KeptRows | None = None
    example = ""  # the placeholder as given

    def fits(self, example: str, room: Size) -> bool:
        """Whether the example fits a content area of this size."""
        raise NotImplementedError

    @property
    def typed(self) -> str:
        raise NotImplementedError

    def on_mount(self) -> None:
        """In a field mounted once the form's width is known (`DecisionField.width_given`),
        the example line is made now, for the width the field will be laid out at: made as
        the field's size came, it had the step laid out once more, for that line alone."""
        width = getattr(self.parent, "width_given", None)
        height = self.styles.height
        if width is not None and height is not None and height.is_cells:
            gutter = self.styles.gutter
            self._place_example(Size(width - gutter.width, int(height.value) - gutter.height))

    def on_resize(self) -> None:
        self._place_example(self.content_size)

    def _place_example(self, room: Size) -> None:
        self.example = self.example or self.placeholder
        if not self.example:
            return
        fits = self.fits(self.example, room)
        if fits and self._example_line is not None:
            self._example_line.remove()
            self._example_line, self.placeholder = None, self.example
            self._mark_example_below(False)
        elif not fits and self._example_line is None and self.parent is not None:
            self._example_line = KeptRows(Content(self.example), classes="example-line", markup=False)
            self._example_line.display = not self.typed
            self.parent.mount(self._example_line, after=self)
            self.placeholder = ""
            self._mark_example_below(True)

    def _mark_example_below(self, below: bool) -> None:
        """-with-example: styled only by a sheet that names it (the row form's). Where
        none does, the field is not styled again for it (a text area's styling, its
        eight component classes each styled too, is among the costliest of a step's
        first frame). A sheet that comes later restyles every widget, this one with
        its class."""
        restyle = ".-with-example" in self.app.stylesheet.rules_map
        self.set_class(below, "-with-example", update=restyle)

    def show_example(self, empty: bool) -> None:
        line = self._example_line
        if line is None:
            return
        if empty:
            show_line(line)
        else:  # blank while typed in: the first key moves nothing below (see `hide_line`)
            hide_line(line, keep_space=self.has_focus)

    def on_blur(self) -> None:
        if self._example_line is not None:
            collapse_line(self._example_line)


class EditedInPlace:
    """A text field whose edits redraw its rows of text, not the frame around them.

    Textual repaints the whole widget for each character typed: its top and
    bottom borders too, two of a one-line field's three rows sent to the terminal
    again unchanged. While an edit is applied, a whole-widget repaint is narrowed
    to the rows of text, unless the edit changed the field's style (an invalid
    value's border): then it is all drawn.
    """

    _editing = False  # an edit is being applied
    _restyled = False  # and it changed the field's style

    @contextmanager
    def editing(self) -> Iterator[None]:
        self._editing, self._restyled = True, False
        try:
            yield
        finally:
            self._editing = False

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> Any:
        if self._editing and not (regions or layout or recompose or self._restyled):
            # Regions are relative to the content: from the widget's left edge, every row of text.
            regions = (Region(-self.content_offset.x, 0, self.outer_size.width, self.content_size.height),)
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self._editing and not self._restyled:
            self._restyled = True
            self.refresh()


class OwnScrolling:
    """A field whose text, as it grows or wraps anew, does not lay the screen out.

    A text widget's virtual size follows its text, and Textual answers a new
    virtual size by laying out the whole screen again, which redraws every
    scroll bar in view. Where the field's size is set (not auto), only its own
    scrolling depends on that size: it is updated here. An Input widens with
    each character typed (on a step, 800 bytes and a second frame per keystroke);
    a text area wraps its text once it learns its width, which asked the new
    step for one more layout before it could be drawn.
    """

    virtual_size = Reactive(Size(0, 0))  # Widget's lays the screen out (layout=True)

    def watch_virtual_size(self, size: Size) -> None:
        if not self.is_mounted:
            return
        if self.styles.is_auto_width or self.styles.is_auto_height:
            self.refresh(layout=True)  # its own size follows the text
        else:
            update_scrolling(self, size)  # what a layout would do for this widget


class PlanInput(EditedInPlace, ExampleBelow, OwnScrolling, Input):
    """An Input whose text, growing as it is typed, does not lay the screen out (OwnScrolling)."""

    def fits(self, example: str, room: Size) -> bool:
        return fits_one_line(example, room)

    @property
    def typed(self) -> str:
        return self.value

    def watch_value(self, value: str) -> None:
        self.show_example(not value)

    def replace(self, text: str, start: int, end: int) -> None:
        """Every edit typed, deleted or pasted comes through here."""
        with self.editing():
            super().replace(text, start, end)


class PlanTextArea(EditedInPlace, ExampleBelow, OwnScrolling, ScrollBarsAsSized, TextArea):
    """A text area that stops wrapping while it holds a very long line.

    Textual re-splits a whole line for every row it wraps into: a 1 MB pasted
    line took over a second to draw and most of one per keystroke. Unwrapped,
    it scrolls sideways and stays quick; wrapping returns once the line is gone.
    """

    LONG_LINE = 5_000
    # Counts edits typed or pasted (not undone, not loaded): its watchers hear of
    # each at once, from within the key's handling (see `DecisionField._typed_now`).
    edits: var[int] = var(0, init=False)

    def edit(self, edit: Edit) -> EditResult:
        with self.editing():
            result = super().edit(edit)
        self.edits += 1
        return result

    def _on_paste(self, event: events.Paste) -> None:
        # Textual then runs TextArea's own handler, which inserts the text.
        if self.soft_wrap and any(len(line) > self.LONG_LINE for line in event.text.splitlines()):
            self.soft_wrap = False  # before the text goes in, so it is never wrapped at all

    @property
    def typed(self) -> str:
        return self.text

    def fits(self, example: str, room: Size) -> bool:
        return wraps_within(example, room)

    def _on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.show_example(not self.text)
        row = self.cursor_location[0]
        if self.soft_wrap and len(self.document.get_line(row)) > self.LONG_LINE:
            self.soft_wrap = False
            self.app.notify("A very long line: wrapping is off until it is shorter (← → scroll).",
                            timeout=4)
        elif not self.soft_wrap and not any(len(line) > self.LONG_LINE for line in self.document.lines):
            self.soft_wrap = True


def text_area(text: str, ident: str, placeholder: str) -> PlanTextArea:
    """A long text's editor, unwrapped while it holds a very long line (PlanTextArea)."""
    return PlanTextArea(text, id=ident, tab_behavior="focus", placeholder=placeholder,
                        soft_wrap=not any(len(line) > PlanTextArea.LONG_LINE for line in text.splitlines()))


def rows_down(container: Widget) -> dict[Widget, int]:
    """How far down its content each child of a vertical container is, from the sizes
    they were laid out at (their margins collapsed, as Textual's vertical layout does):
    asked as a scroll goes on, a widget's virtual_region made the compositor map the
    whole screen again, and the scroll's next step then redrew all of it."""
    rows, y, below = {}, 0, 0
    for child in container.children:
        if not child.display:
            continue
        margin = child.styles.margin
        y += max(below, margin.top)
        rows[child] = y
        y += child.outer_size.height
        below = margin.bottom
    return rows


def children_between(container: Widget, top: int, bottom: int) -> list[Widget]:
    """The children of `container` (laid out) that reach into its content's rows from `top` to `bottom`."""
    return [child for child, y in rows_down(container).items()
            if child.outer_size.height and top < y + child.outer_size.height and y < bottom]


def unopened_between(container: Widget, top: int, bottom: int) -> list[UnopenedTextArea]:
    """The text areas not yet made whose fields (children of `container`, laid out)
    reach into its content's rows from `top` to `bottom`."""
    fields = set(children_between(container, top, bottom))
    return [area for area in container.query(UnopenedTextArea) if area.parent in fields]


class UnopenedTextArea(ExampleBelow, Widget, can_focus=True):
    """A text area's place in a step, the size of one, while it is out of view:
    its PlanTextArea is made as it comes into view or is focused (`open`). A
    TextArea is the costliest editor to make (its document, its eight component
    classes styled, its wrapping): the county's first step has five, four of
    them out of view as it opens; made at once they were 6% of the calls to its
    first frame (666,000 -> 626,000). Never seen as it is (opened first), it
    draws the text plainly. `opened` hears of the text area made, as it is made
    (its field watches it)."""

    def __init__(self, text: str, ident: str, placeholder: str,
                 opened: Callable[[PlanTextArea], None]) -> None:
        super().__init__(id=f"unopened-{ident.removeprefix('edit-')}")
        self.ident, self.placeholder, self._opened_to = ident, placeholder, opened
        self._text = text
        self.area: PlanTextArea | None = None  # once opened

    @property
    def text(self) -> str:
        return self._text

    @text.setter
    def text(self, text: str) -> None:
        self._text = text
        self.show_example(not text)
        self.refresh()

    @property
    def typed(self) -> str:
        return self._text

    def fits(self, example: str, room: Size) -> bool:  # as PlanTextArea's, the same size
        return wraps_within(example, room)

    def render(self) -> Content:
        if self.area is None:  # in view all the same (the form widened, say): opened after this frame
            self.call_later(self.open)
        return Content(self._text) if self._text else Content.styled(self.placeholder, "dim")

    def open(self, nearby: bool = True) -> PlanTextArea:
        """Its text area, in its place (this widget goes), with the example line below
        as it was; the frames are held until it is laid out and wrapped, then what
        changed is drawn (a text area shows its text unwrapped until it knows its width).
        With it, those a screenful away at most (`nearby`): all in one layout, which a
        scroll to it then moves past. Made one by one as a scroll brought each in, each
        layout made the next step of the scroll redraw the whole screen."""
        if self.area is not None:
            return self.area
        if nearby:
            for other in self._nearby():
                other.open(nearby=False)
        area = self.area = text_area(self._text, self.ident, self.placeholder)
        area.example, area._example_line = self.example, self._example_line
        area.set_class(self.has_class("-with-example"), "-with-example")
        screen, frames = self.screen, self.app.frames
        frames.hold(screen, drawn=(self.parent.parent,))  # its form
        mounted = self.parent.mount(area, before=self)
        self._opened_to(area)
        if self.has_focus:
            screen.set_focus(area, scroll_visible=False)
        removed = self.remove()

        async def settle() -> None:
            await mounted
            await removed
            if area.size:
                # Given its place before it mounted (a scroll asked where the form's widgets
                # are), the layout after finds it in place and tells it nothing: it never
                # learnt its width, and showed its text unwrapped.
                area.post_message(events.Resize(area.size, area.virtual_size, area.container_size))
            frames.settle(screen)

        self.app.call_later(settle)
        return area

    def _nearby(self) -> list[UnopenedTextArea]:
        field = self.parent
        view = field.parent if field is not None else None
        rows = rows_down(view) if view is not None else {}
        if field not in rows:
            return []
        reach = view.outer_size.height
        top, bottom = rows[field] - reach, rows[field] + field.outer_size.height + reach
        return [other for other in unopened_between(view, top, bottom) if other is not self]

    def _on_focus(self, event: events.Focus) -> None:
        self.open()


def row_choices(names: tuple[str, ...]) -> list[tuple[Text, str]]:
    """A drop-down's options naming rows (the main platform). Rich Text, not Content:
    the open list's type-to-search reads only Text and str prompts (with Content,
    typing "F" found no Facebook). Text is never read as markup."""
    return [(Text(one_line(name)), name) for name in names]


def in_own_words(kind: Kind) -> bool:
    """A choice that also takes the planner's own words: its editor is an OwnWordsSelect."""
    return isinstance(kind, Choice) and kind.other


def example_shown(kind: Kind, example: str) -> str:
    """What an empty field shows. An example must never pass for an answer, in any
    theme or with no colour."""
    return f"e.g. {example}" if example else kind.allowed()


def make_editor(kind: Kind, value: Any, ident: str, placeholder: str = "",
                names: tuple[str, ...] = (), label: str = "") -> Widget:
    """The editor for one value; `names` are the choices of a RowRef; `label` names
    the field in the prompt for own words."""
    placeholder = example_shown(kind, placeholder)
    if isinstance(kind, LongText):
        return text_area(shown_text(kind, value), ident, placeholder)
    if isinstance(kind, RowRef):
        return PickList(row_choices(names), prompt=PICK_PROMPT,
                        value=value if value in names else Select.NULL, id=ident)
    if in_own_words(kind):
        from smgov_tui.tui.widgets.own_words import OwnWordsSelect  # with the field that has one: few steps do

        return OwnWordsSelect(kind, value, label, id=ident)
    if isinstance(kind, Choice):
        return PickList([(c, c) for c in kind.choices], prompt=PICK_PROMPT,
                        value=value or Select.NULL, id=ident)
    if isinstance(kind, YesNo):
        return PickList([("yes", True), ("no", False)], prompt=PICK_PROMPT,
                        value=Select.NULL if value is None else value, id=ident)
    if isinstance(kind, Multi):
        picked = set(value or ())
        return TickList(*[(c, c, c in picked) for c in kind.choices], id=ident)
    if isinstance(kind, Matrix):
        from smgov_tui.tui.widgets.matrix import MatrixEditor  # with the step that has one

        return MatrixEditor(value, id=ident)
    # Not selected on focus (Textual's default): after one tab too many, typing on would
    # have replaced the next field's whole answer; it now adds to it, where it shows.
    return PlanInput(shown_text(kind, value), placeholder=placeholder, id=ident, select_on_focus=False)


# The rows an editor takes and the room inside it, as Textual's sheets and
# styles/smgov.tcss lay them out: a step keeps room for the fields it makes
# after its first frame (DecisionField.rows_at); tests/workbench/test_kept_room.py
# holds these to the layout.
FRAMED_ROWS = 3  # a one-line field or a closed pick list: a tall border above and below
PICK_GUTTER = 12  # a closed pick list's columns not for what it shows (border, padding, ▼), and some to spare
INPUT_GUTTER = 6  # an Input's columns not for text: its border and padding (0 2)
AREA_ROWS, AREA_GUTTER = 4, Size(4, 2)  # a text area (opened or not): its height, border and padding (0 1)
TICKS_SHOWN = 8  # a tick list's rows at most (max-height 10, with its border); one row per choice
EXAMPLE_LINE_GUTTER = 2  # the example line's padding (0 1)


def editor_rows(kind: Kind, value: Any, example: str, width: int) -> int | None:
    """The rows `make_editor`'s editor (or an UnopenedTextArea) takes in a field `width`
    wide, with the example line it puts below itself; None where only a layout can
    tell (the matrix, a choice taking own words)."""
    if isinstance(kind, Matrix) or in_own_words(kind):
        return None
    if isinstance(kind, (RowRef, Choice, YesNo)):
        shown = PICK_PROMPT if value is None else one_line(kind.show(value))
        return FRAMED_ROWS if cell_len(shown) <= width - PICK_GUTTER else None  # else it wraps
    if isinstance(kind, Multi):
        return 2 + min(len(kind.choices), TICKS_SHOWN)
    example, empty = example_shown(kind, example), not shown_text(kind, value)
    if isinstance(kind, LongText):
        room = Size(max(0, width - AREA_GUTTER.width), AREA_ROWS - AREA_GUTTER.height)
        rows, fits = AREA_ROWS, wraps_within(example, room)
    else:
        rows, fits = FRAMED_ROWS, fits_one_line(example, Size(max(0, width - INPUT_GUTTER), 1))
    if fits or not empty:  # the line below is made for a typed field too, hidden
        return rows
    return rows + len(Content(example).wrap(max(1, width - EXAMPLE_LINE_GUTTER)))


def read_editor(widget: Widget) -> tuple[Any, bool]:
    """(what the editor holds, whether it is typed text to parse)."""
    if isinstance(widget, Input):
        return widget.value, True
    if isinstance(widget, TextArea):
        return widget.text, True
    if isinstance(widget, Select):
        return (None if widget.value is Select.NULL else widget.value), False
    if isinstance(widget, SelectionList):
        return list(widget.selected), False
    from smgov_tui.tui.widgets.matrix import MatrixEditor  # only a matrix is left

    if isinstance(widget, MatrixEditor):
        return widget.value, False
    raise TypeError(widget)
