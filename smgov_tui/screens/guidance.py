"""F1: the focused decision's guidance, as Markdown (it is our text, not plan data)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Markdown, Static

from ..catalogue import Decision


def guidance_markdown(decision: Decision) -> str:
    allowed = decision.kind.allowed()
    example = f"\n\nExample answer: *{decision.example}*" if decision.example else ""
    return f"{decision.guidance}\n\n**What you can enter:** {allowed}.{example}"


class GuidanceScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "close", "Close", id="guidance.close")]

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
            yield Static(Content.styled("escape to close", "dim"), id="guidance-hint")

    def on_mount(self) -> None:
        self.query_one("#guidance-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
