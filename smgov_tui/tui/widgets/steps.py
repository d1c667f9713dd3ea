"""The organisation, then the eight steps, each with how far along it is; enter jumps to one."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.readiness import Checklist


def step_progress(checklist: Checklist) -> dict[str, tuple[int, int]]:
    """Per step: (open blocking items, decisions in the step)."""
    return {s.key: (sum(1 for i in checklist.for_step(s.key) if i.blocking), len(CATALOGUE.in_step(s.key)))
            for s in CATALOGUE.steps}


class StepList(OptionList):
    """Jump to any step; each shows how many items still block in it, or ✓."""

    def __init__(self, current: str) -> None:
        super().__init__(id="step-list")
        self.current = current
        self._progress: dict[str, tuple[int, int]] | None = None

    def show(self, checklist: Checklist) -> None:
        progress = step_progress(checklist)
        if progress == self._progress:
            return  # shown on every keystroke: the list is rebuilt only when a count moves
        self._progress = progress
        options = []
        for step in CATALOGUE.steps:
            blocking, _ = progress[step.key]
            here = step.key == self.current
            number = f"{step.number} " if step.number else ""  # the organisation, above the numbered steps
            title = (f"{'▶' if here else ' '}{number}{step.title}", "bold" if here else "")
            state = (" ✓", "green") if not blocking else (f" · {blocking}", "bold")
            options.append(Option(Content.assemble(title, state), id=step.key))
        highlighted = self.highlighted
        self.set_options(options)
        keys = [s.key for s in CATALOGUE.steps]
        self.highlighted = highlighted if highlighted is not None else keys.index(self.current)
