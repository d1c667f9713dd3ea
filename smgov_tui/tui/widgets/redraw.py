"""Lines around a field redrawn only when what they say changes, and hidden
while it is typed in without moving anything below them.

The step hands every view of the plan the plan again on each keystroke (the
suggested answer, notes, the save state): Static.update repaints its widget
and, by default, lays out the whole screen again, which redraws every scroll
bar in view. Over SSH that was 700 bytes per key for nothing new.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip
from textual.visual import VisualType
from textual.widgets import Static


def same(shown: VisualType, content: VisualType) -> bool:
    """Whether two contents draw alike: Content's own == compares the text only."""
    if isinstance(shown, Content) and isinstance(content, Content):
        return shown.plain == content.plain and shown.spans == content.spans
    return type(shown) is type(content) and shown == content


def redraw(static: Static, content: VisualType, *, layout: bool = True) -> bool:
    """Show `content` in `static` unless it shows it already; `layout=False`
    where the widget's size cannot change with it. Whether it was redrawn."""
    # Static's own: a view of the plan names its method that makes the content `content`.
    if same(Static.content.fget(static), content):
        return False
    static.update(content, layout=layout)
    return True


class KeptRows(Static):
    """A line under a field that can go blank in place (`hide_line`): its rows
    kept, nothing drawn on them, and no layout for it. Made invisible instead, it
    had Textual lay the whole screen out (a visibility change does): the first
    key typed into an empty field, and each one that emptied it, paid a layout
    of the step (bench/tui.py's keystroke, 17-21 ms -> 14-16 ms)."""

    blanked = reactive(False, layout=False)

    def render_lines(self, crop: Region) -> list[Strip]:
        if self.blanked:  # as Textual draws a BLANK widget
            return [Strip.blank(crop.width, self.visual_style.rich_style)] * crop.height
        return super().render_lines(crop)


def hide_line(line: KeptRows, keep_space: bool) -> None:
    """Out of sight. With `keep_space` (a line under the field being typed in)
    its rows stay, blank: the first key typed moves nothing below it, where the
    form, scrolled to its end, shifted and was sent again whole (two frames, 13 kB);
    `collapse_line` gives the rows back once the person leaves the field."""
    if keep_space and line.display:
        line.blanked = True
    else:
        line.display = False


def show_line(line: KeptRows) -> None:
    line.blanked = False
    line.display = True


def collapse_line(line: KeptRows) -> None:
    """A line kept blank by `hide_line` gives its rows back."""
    if line.display and line.blanked:
        line.display = False
