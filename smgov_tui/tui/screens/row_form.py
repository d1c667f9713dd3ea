"""One row of a list decision, in a form: every field with its own editor."""

from __future__ import annotations

from textual import getters, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from smgov_tui.core.catalogue.kinds import InvalidValue, Rows
from smgov_tui.core.textsafe import visible
from smgov_tui.tui.stylesheets import sheet
from smgov_tui.tui.widgets.bindings import bindings, keys_shown
from smgov_tui.tui.widgets.inputs import make_editor, read_editor, untouched
from smgov_tui.tui.workbench import Workbench


class RowForm(ModalScreen[dict | None]):
    """Edit one row; ctrl+s or Save keeps it, escape cancels. Invalid rows are never kept."""

    DEFAULT_CSS = sheet("row_form")  # read when first shown (sheets.py)
    SCOPED_CSS = False

    BINDINGS = bindings("row form")  # f1 too: the workbench's "guidance", which works here as well

    app = getters.app(Workbench)

    def __init__(self, kind: Rows, row: dict, title: str) -> None:
        super().__init__()
        self.kind, self.row, self.title_text = kind, row, title

    def compose(self) -> ComposeResult:
        with Vertical(id="row-form"):
            yield Static(Content(self.title_text), id="row-form-title")
            with VerticalScroll(id="row-fields"):
                for field in self.kind.fields:
                    star = " *" if field.required else ""
                    yield Label(Content.assemble((field.label + star, "bold"),
                                                 ("  " + field.help, "dim") if field.help else ""))
                    yield make_editor(field.kind, self.row.get(field.key), f"row-{field.key}")
            yield Static("", id="row-form-error", markup=False)
            with Horizontal(id="row-form-buttons"):
                yield Button(f"Save ({keys_shown(self.app, 'row.save')})", variant="primary", id="row-save")
                yield Button(f"Cancel ({keys_shown(self.app, 'row.cancel')})", id="row-cancel")

    def on_mount(self) -> None:
        self.query_one("#row-fields").query("Input, Select, SelectionList, TextArea").first().focus()

    def _collect(self) -> dict:
        raw = {}
        for field in self.kind.fields:
            value, typed = read_editor(self.query_one(f"#row-{field.key}"))
            if typed and untouched(field.kind, self.row.get(field.key), value):
                value = self.row[field.key]
            if value not in (None, "", []):
                raw[field.key] = value
        return self.kind.check_row(raw)

    def action_save(self) -> None:
        try:
            row = self._collect()
        except InvalidValue as error:
            message = str(error).removeprefix(f"{self.kind.row} 1: ").removeprefix(f"{self.kind.row} 1, ")
            self.query_one("#row-form-error", Static).update(Content(visible(message)))
            return
        self.dismiss(row)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_guidance(self) -> None:
        """The focused field's guidance (the first field's when a button has the focus);
        closing it returns here with the focus and what was typed as they were."""
        from smgov_tui.tui.screens.guidance import FieldGuidanceScreen

        keys = {f"row-{field.key}": field for field in self.kind.fields}
        node = self.focused
        while node is not None and node.id not in keys:
            node = node.parent
        field = keys[node.id] if node is not None else self.kind.fields[0]
        self.app.push_screen(FieldGuidanceScreen(self.kind, field))

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Button.Pressed, "#row-save")
    def _save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#row-cancel")
    def _cancel(self) -> None:
        self.action_cancel()
