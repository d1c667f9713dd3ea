"""F1: the focused decision's guidance, or the focused field's in a row's form,
as Markdown (it is our text, not plan data)."""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Markdown, Static

from smgov_tui.core.catalogue import Decision
from smgov_tui.core.catalogue.decision import field_guidance_markdown, guidance_markdown
from smgov_tui.core.catalogue.kinds import Field, Rows
from smgov_tui.core.history import full_text
from smgov_tui.tui.stylesheets import sheet
from smgov_tui.tui.widgets.bindings import bindings, first_key, keys_shown
from smgov_tui.tui.workbench import Workbench

__all__ = ["FieldGuidanceScreen", "GuidanceScreen", "guidance_markdown"]


class GuidanceScreen(ModalScreen[None]):

    DEFAULT_CSS = sheet("guidance")  # read when first shown (sheets.py)
    SCOPED_CSS = False
    BINDINGS = bindings("guidance")

    app = getters.app(Workbench)

    def __init__(self, decision: Decision) -> None:
        super().__init__()
        self.decision = decision

    def heading(self) -> Content:
        d = self.decision
        return Content.assemble((d.label, "bold"), "  ", (f"{d.id} · {d.severity}", "dim"))

    def text(self) -> str:
        how = ""
        if isinstance(self.decision.kind, Rows):  # the keys in use, a keymap file's included
            how = f"Add a row with {first_key(self.app, 'rows.add')}, edit the highlighted one with enter."
        return guidance_markdown(self.decision, how, self.app.plan.get("organisation.country"))

    def suggested(self) -> Content | None:
        """This plan's suggested answer, whole (the line under the field is cut at its
        edge): plan data, so plain Content, never Markdown."""
        from smgov_tui.core.suggestions import suggest

        d = self.decision
        plan = self.app.plan
        value = None if plan.decided(d.id) else suggest(d.id, plan)
        if value is None:
            return None
        text = full_text(d.id, value)  # every row, every line, as the history shows a change
        key = first_key(self.app, "suggest")
        return Content.assemble((f"Suggested for this plan ({key} puts it in the field):", "bold"),
                                "\n", Content(text))

    def compose(self) -> ComposeResult:
        with Vertical(id="guidance-dialog"):
            yield Static(self.heading(), id="guidance-title")
            with VerticalScroll(id="guidance-body"):
                yield Markdown(self.text())
                suggested = self.suggested()
                if suggested is not None:
                    yield Static(suggested, id="guidance-suggested", markup=False)
            yield Static(Content.styled(f"{keys_shown(self.app, 'guidance.close')} to close", "dim"),
                         id="guidance-hint")

    def on_mount(self) -> None:
        self.query_one("#guidance-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)


class FieldGuidanceScreen(GuidanceScreen):
    """One field of a row's form: closing returns to the form as it was (focus, typed text)."""

    def __init__(self, kind: Rows, field: Field) -> None:
        ModalScreen.__init__(self)
        self.kind, self.field = kind, field

    def heading(self) -> Content:
        need = " · required" if self.field.required else ""
        return Content.assemble((self.field.label, "bold"), "  ",
                                (f"a field of each {self.kind.row}{need}", "dim"))

    def text(self) -> str:
        return field_guidance_markdown(self.field)

    def suggested(self) -> None:
        return None  # suggestions are for whole decisions
