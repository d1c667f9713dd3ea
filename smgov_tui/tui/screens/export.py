"""Export (ctrl+e): pick a document and a format; enter writes it beside the plan."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, RadioButton, RadioSet, Static

from smgov_tui.core.plan import Plan
from smgov_tui.core.textsafe import one_line
from smgov_tui.documents import DOCUMENTS, FORMATS, document_path, write_document
from smgov_tui.tui.stylesheets import sheet
from smgov_tui.tui.widgets.bindings import bindings, first_key
from smgov_tui.tui.workbench import Workbench


class ChoiceButton(RadioButton):
    """A radio button that is ● when chosen and blank when not, so the choice
    reads without colour (NO_COLOR, 16-colour terminals)."""

    @property
    def BUTTON_INNER(self) -> str:
        return "●" if self.value else " "


class Choices(RadioSet):
    """A radio set whose arrow keys choose, as radio groups do elsewhere, so
    that enter is free to mean "write it"."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("export options")

    def on_mount(self) -> None:
        # RadioSet puts its cursor on the first row once mounted; put it on the choice.
        self.call_after_refresh(lambda: setattr(self, "_selected", self.pressed_index))

    def action_choose(self, step: int) -> None:
        if step > 0:
            self.action_next_button()
        else:
            self.action_previous_button()
        self.action_toggle_button()

    @property
    def chosen(self) -> str:
        return self.pressed_button.name if self.pressed_button else ""


class ExportScreen(ModalScreen[Path | None]):
    """Dismisses with the path written, or None when cancelled."""

    DEFAULT_CSS = sheet("export")  # read when first shown (sheets.py)
    SCOPED_CSS = False

    BINDINGS: ClassVar[list[BindingType]] = bindings("export")

    app = getters.app(Workbench)

    def __init__(self, plan_path: Path, plan: Plan, doc: str = "plan", fmt: str = "html") -> None:
        super().__init__()
        self.plan_path, self.plan, self.doc, self.fmt = plan_path, plan, doc, fmt

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Static(Content.styled("Export a document", "bold"), id="export-title")
            with Horizontal(id="export-choices"):
                with Vertical(id="export-docs-box"):
                    yield Label("Document")
                    with Choices(id="export-doc"):
                        for name, what in DOCUMENTS.items():
                            yield ChoiceButton(Content(what), value=name == self.doc, name=name)
                with Vertical(id="export-formats-box"):
                    yield Label("Format")
                    with Choices(id="export-format"):
                        for name, what in FORMATS.items():
                            yield ChoiceButton(Content(what), value=name == self.fmt, name=name)
            yield Static("", id="export-target")
            yield Static("", id="export-error")
            with Horizontal(id="export-buttons"):
                yield Button(f"Write ({first_key(self.app, 'export.write')})", variant="primary",
                             id="export-write")
                yield Button(f"Cancel ({first_key(self.app, 'export.cancel')})", id="export-cancel")
            choose = first_key(self.app, "export.previous_option") + first_key(self.app, "export.next_option")
            yield Static(Content.styled(f"{choose} choose · tab other list · {first_key(self.app, 'export.write')} "
                                        f"write · {first_key(self.app, 'export.cancel')} cancel", "dim"),
                         id="export-hint")

    def on_mount(self) -> None:
        for button in self.query(Button):
            button.can_focus = False  # enter always writes; the buttons are for the mouse
        self.query_one("#export-doc").focus()
        self._show_target()

    @property
    def target(self) -> Path:
        return document_path(self.plan_path, self.query_one("#export-doc", Choices).chosen,
                             self.query_one("#export-format", Choices).chosen)

    @on(RadioSet.Changed)
    def _show_target(self) -> None:
        self.query_one("#export-target", Static).update(
            Content.assemble("Writes ", (one_line(self.target.name), "bold"), " beside the plan"))

    @on(Button.Pressed, "#export-write")
    def action_write(self) -> None:
        doc = self.query_one("#export-doc", Choices).chosen
        fmt = self.query_one("#export-format", Choices).chosen
        try:
            path = write_document(self.plan_path, self.plan, doc, fmt)
        except OSError as error:
            self.query_one("#export-error", Static).update(
                Content(one_line(f"Could not write {self.target}: {error.strerror or error}")))
            return
        self.dismiss(path)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
