"""The live checklist beside every step: what still stands between the plan and launch."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.readiness import Checklist, Item
from smgov_tui.core.textsafe import one_line
from smgov_tui.tui.compat import LinesAsLaidOut


def item_prompt(item: Item) -> Content:
    """Blockers marked "!", advice "·"; a failed check shows its reason below."""
    number = CATALOGUE.step(item.step).number
    mark = ("! ", "bold") if item.blocking else ("· ", "dim")
    parts: list = [mark, (f"{number} ", "dim"), item.label]
    if item.kind == "check":
        parts += ["\n  ", (one_line(item.why), "italic")]  # it quotes plan text
    return Content.assemble(*parts)


class ChecklistItems(LinesAsLaidOut):
    """The open items, in a column of fixed size: as items come and go only the
    list's scrolling changes, so its new virtual size does not lay the screen out
    again (as Widget's does: every scroll bar on screen redrawn, a frame's work,
    whenever a keystroke decides or undecides something). See `PlanInput`. Its
    lines, and so its scroll bar, are counted as it is laid out (LinesAsLaidOut)."""

    virtual_size = Reactive(Size(0, 0))  # OptionList updates its own scrolling with it


class ChecklistPanel(Vertical):
    """decided / total, then every open item, blockers first. Enter goes to the item."""

    class Picked(Message):
        def __init__(self, item: Item) -> None:
            super().__init__()
            self.item = item

    def __init__(self) -> None:
        super().__init__(id="checklist")
        self._shown: tuple[Item, ...] | None = None
        self._summary: tuple[int, int, str] | None = None
        self._options: dict[Item, Option] = {}

    def compose(self) -> ComposeResult:
        yield Static("", id="checklist-summary", markup=False)
        yield ChecklistItems(id="checklist-items")

    def show(self, checklist: Checklist, step: str, chosen: str | None = None) -> None:
        """This step's items first, then the rest; blockers first within each.
        The highlight stays on its item as the list reorders (on `chosen`, the
        item picked on another step, when given): the item under the cursor
        never changes under the person's eyes."""
        blockers = len(checklist.blockers)
        verdict = "Ready for launch" if checklist.ready else f"{blockers} blocking"
        summary = (checklist.decided, checklist.total, verdict)
        if summary != self._summary:  # shown on every keystroke: drawn only when it changes
            self._summary = summary
            # Two lines of a fixed-width column: nothing around it moves, so no new layout.
            self.query_one("#checklist-summary", Static).update(Content.assemble(
                (f"{checklist.decided}/{checklist.total} decided", "bold"), "\n", verdict), layout=False)
        items = tuple(sorted(checklist.items, key=lambda i: (i.step != step, not i.blocking)))
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        if items != self._shown:
            if chosen is None and highlighted is not None and self._shown:
                chosen = self._shown[highlighted].id
            self._shown = items
            # Items still open keep their options (their text is made once); the list
            # is set in one go: cleared first, it lost and regained its scroll bar.
            self._options = {item: self._options.get(item) or Option(item_prompt(item), id=item.id)
                             for item in items}
            options.set_options(self._options.values())
            if items and highlighted is not None:
                options.highlighted = min(highlighted, len(items) - 1)  # its item gone: the one in its place
        index = next((i for i, item in enumerate(items) if item.id == chosen), None)
        if index is not None:
            options.highlighted = index  # and scrolled into view

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        assert self._shown is not None
        self.post_message(self.Picked(self._shown[event.option_index]))
