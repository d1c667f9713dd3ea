"""The widget each value kind is edited with, and how to read it back."""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input, Select, SelectionList, TextArea
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist

from ..catalogue.kinds import Choice, Kind, LongText, Matrix, Multi, RowRef, YesNo
from ..textsafe import one_line, unsafe, visible
from .matrix import MatrixEditor


def shown_text(kind: Kind, value: Any) -> str:
    """What a text editor shows: the value's edit text with control characters
    made visible (a text widget would send them to the terminal as they are)."""
    return visible(kind.edit_text(value))


def untouched(kind: Kind, value: Any, text: str) -> bool:
    """The editor still holds a value with escapes as it was shown: the person did
    not edit it, so the value stays as stored rather than as its visible form."""
    return value is not None and text == shown_text(kind, value) and unsafe(kind.edit_text(value))


class TickList(SelectionList):
    """A SelectionList whose ticked items show ✓ and unticked a blank, so the
    state reads without colour (NO_COLOR, monochrome terminals)."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        if len(segments) > 1 and segments[1].text == ToggleButton.BUTTON_INNER:
            mark = "✓" if option.value in self.selected else " "
            segments[1] = Segment(mark, segments[1].style)
        return Strip(segments, strip.cell_length)


def make_editor(kind: Kind, value: Any, ident: str, placeholder: str = "",
                names: tuple[str, ...] = ()) -> Widget:
    """The editor for one value; `names` are the choices of a RowRef."""
    # An example must never pass for an answer, in any theme or with no colour.
    placeholder = f"e.g. {placeholder}" if placeholder else kind.allowed()
    if isinstance(kind, LongText):
        return TextArea(shown_text(kind, value), id=ident, soft_wrap=True, tab_behavior="focus",
                        placeholder=placeholder)
    if isinstance(kind, RowRef):
        return Select([(Content(one_line(name)), name) for name in names], prompt="Choose…",
                      value=value if value in names else Select.NULL, id=ident)
    if isinstance(kind, Choice):
        return Select([(c, c) for c in kind.choices], prompt="Choose…",
                      value=value or Select.NULL, id=ident)
    if isinstance(kind, YesNo):
        return Select([("yes", True), ("no", False)], prompt="Choose…",
                      value=Select.NULL if value is None else value, id=ident)
    if isinstance(kind, Multi):
        picked = set(value or ())
        return TickList(*[(c, c, c in picked) for c in kind.choices], id=ident)
    if isinstance(kind, Matrix):
        return MatrixEditor(value, id=ident)
    return Input(shown_text(kind, value), placeholder=placeholder, id=ident)


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
    if isinstance(widget, MatrixEditor):
        return widget.value, False
    raise TypeError(widget)
