"""The live checklist beside every step: what still stands between the plan and launch."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..catalogue import CATALOGUE
from ..readiness import Checklist, Item
from ..textsafe import one_line


def item_prompt(item: Item) -> Content:
    """Blockers marked "!", advice "·"; a failed check shows its reason below."""
    number = CATALOGUE.step(item.step).number
    mark = ("! ", "bold") if item.blocking else ("· ", "dim")
    parts: list = [mark, (f"{number} ", "dim"), item.label]
    if item.kind == "check":
        parts += ["\n  ", (one_line(item.why), "italic")]  # it quotes plan text
    return Content.assemble(*parts)


class ChecklistPanel(Vertical):
    """decided / total, then every open item, blockers first. Enter goes to the item."""

    class Picked(Message):
        def __init__(self, item: Item) -> None:
            super().__init__()
            self.item = item

    def __init__(self) -> None:
        super().__init__(id="checklist")
        self._shown: tuple[Item, ...] | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="checklist-summary", markup=False)
        yield OptionList(id="checklist-items")

    def show(self, checklist: Checklist, step: str) -> None:
        """This step's items first, then the rest; blockers first within each."""
        blockers = len(checklist.blockers)
        verdict = "Ready for launch" if checklist.ready else f"{blockers} blocking"
        self.query_one("#checklist-summary", Static).update(Content.assemble(
            (f"{checklist.decided}/{checklist.total} decided", "bold"), "\n", verdict))
        items = tuple(sorted(checklist.items, key=lambda i: (i.step != step, not i.blocking)))
        if items == self._shown:
            return  # nothing new: keep the highlight where the person left it
        self._shown = items
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options([Option(item_prompt(item), id=item.id) for item in items])
        if items and highlighted is not None:
            options.highlighted = min(highlighted, len(items) - 1)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        assert self._shown is not None
        self.post_message(self.Picked(self._shown[event.option_index]))
