"""The base of the views above a step (hours, response matrix, peers): text laid
out to the width the panel has, redrawn when that width changes.

The form column is about 48 cells at 80x24 and twice that on a wide screen:
tables and hanging indents are measured, not left to wrap mid-column.
"""

from __future__ import annotations

import textwrap

from textual.content import Content
from textual.widgets import Static

from smgov_tui.core.plan import Plan
from smgov_tui.core.textsafe import unsafe, visible, visible_data
from smgov_tui.tui.widgets.redraw import redraw


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[:max(0, width - 1)] + "…"


def fit_widths(rows: list[list[str]], width: int, gap: int = 1, floor: int = 3) -> list[int] | None:
    """Column widths that fit `width`, shrinking the widest first; None if even the floor is too wide."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    while sum(widths) + gap * (len(widths) - 1) > width:
        widest = max(range(len(widths)), key=lambda i: widths[i])
        if widths[widest] <= floor:
            return None
        widths[widest] -= 1
    return widths


def table_lines(rows: list[list[str]], widths: list[int], indent: str = " ") -> list[str]:
    return [indent + " ".join(clip(cell, w).ljust(w) for cell, w in zip(row, widths)).rstrip()
            for row in rows]


def hanging(label: str, text: str, width: int, label_width: int) -> list[str]:
    """"label  text that wraps" with the wrapped lines under the text, not the label."""
    body = max(10, width - label_width - 3)
    lines = textwrap.wrap(text, body) or [""]
    first = f"  {clip(label, label_width).ljust(label_width)} {lines[0]}"
    return [first.rstrip()] + [" " * (label_width + 3) + line for line in lines[1:]]


class FittedPanel(Static, can_focus=True):
    """A read-only view of the plan that lays itself out to its width.

    Focusable, so Tab brings it into view and the arrow keys scroll the form
    through it: keyboard users cannot otherwise reach what is above a field.
    """

    def __init__(self, ident: str) -> None:
        super().__init__("", id=ident, classes="plan-view", markup=False)
        self._plan: Plan | None = None
        self._drawn: tuple[int, int] | None = None  # (plan, width) last laid out

    def show(self, plan: Plan) -> None:
        self._plan = plan
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if self._plan is not None:
            width = self.content_region.width or 48
            if self._drawn == (id(self._plan), width):
                return  # a resize that left the width alone (height follows content)
            self._drawn = (id(self._plan), width)
            content = self.content(self._plan, width)
            if unsafe(content.plain):  # plan text with escapes: laid out as shown, made visible
                plan = self._plan
                content = self.content(Plan(visible(plan.name), visible_data(plan.values),
                                            plan.invalid, plan.unknown), width)
            # Its height said outright: as `auto`, Textual kept the height of an
            # earlier draw when two came between layouts (the last line cut off).
            self.styles.height = content.get_height(self.styles, width) + self.styles.gutter.height
            redraw(self, content)  # the plan changes with every key; the view seldom does

    def content(self, plan: Plan, width: int) -> Content:
        raise NotImplementedError
