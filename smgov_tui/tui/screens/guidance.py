"""F1: the focused decision's guidance, as Markdown (it is our text, not plan data)."""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Markdown, Static

from smgov_tui.core.catalogue import Decision
from smgov_tui.core.catalogue.decision import guidance_markdown
from smgov_tui.tui.stylesheets import sheet
from smgov_tui.tui.widgets.bindings import bindings, keys_shown
from smgov_tui.tui.workbench import Workbench

__all__ = ["GuidanceScreen", "guidance_markdown"]


class GuidanceScreen(ModalScreen[None]):

    DEFAULT_CSS = sheet("guidance")  # read when first shown (sheets.py)
    SCOPED_CSS = False
    BINDINGS = bindings("guidance")

    app = getters.app(Workbench)

    def __init__(self, decision: Decision) -> None:
        super().__init__()
        self.decision = decision

    def compose(self) -> ComposeResult:
        d = self.decision
        with Vertical(id="guidance-dialog"):
            yield Static(Content.assemble((d.label, "bold"), "  ", (f"{d.id} · {d.severity}", "dim")),
                         id="guidance-title")
            with VerticalScroll(id="guidance-body"):
                yield Markdown(guidance_markdown(d))
            yield Static(Content.styled(f"{keys_shown(self.app, 'guidance.close')} to close", "dim"),
                         id="guidance-hint")

    def on_mount(self) -> None:
        self.query_one("#guidance-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
