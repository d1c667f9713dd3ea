"""One row of a list decision, in a form: every field with its own editor.

At 80x24 most rows have more fields than the dialog shows: a line under them
names the fields still below, the field with the focus is scrolled into view
with its label, and a pick list opens within the dialog's border.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual import events, getters, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from smgov_tui.core.catalogue.kinds import InvalidValue, Rows
from smgov_tui.core.textsafe import visible
from smgov_tui.tui.stylesheets import sheet
from smgov_tui.tui.widgets.bindings import bindings, first_key, keys_shown
from smgov_tui.tui.widgets.inputs import make_editor, read_editor, untouched
from smgov_tui.tui.workbench import Workbench


class Room(Static):
    """Rows below a dialog's last field, so that its pick list, open, can be scrolled
    into the dialog: scrolled once it is laid out, as only then can the fields
    scroll that far (a callback after the next refresh could come before the
    layout that placed it)."""

    DEFAULT_CLASSES = "row-form-room"

    def __init__(self, rows: int, scroll: Callable[[], object]) -> None:
        super().__init__("")
        self.styles.height = rows
        self._scroll: Callable[[], object] | None = scroll

    def on_resize(self) -> None:
        if self._scroll is not None:
            scroll, self._scroll = self._scroll, None
            scroll()


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
            yield Static(Content.assemble(self.title_text, (f"  {first_key(self.app, 'guidance')} explains a field",
                                                            "dim")), id="row-form-title")
            with VerticalScroll(id="row-fields"):
                for field in self.kind.fields:
                    with Vertical(classes="row-field", name=field.label):
                        # "needed", as a step's fields say it: a star would need a legend.
                        yield Label(Content.assemble((field.label, "bold"),
                                                     ("  needed", "dim") if field.required else "",
                                                     ("  " + field.help, "dim") if field.help else ""))
                        yield make_editor(field.kind, self.row.get(field.key), f"row-{field.key}",
                                          label=field.label)
            yield Static("", id="row-form-more", markup=False)
            yield Static("", id="row-form-error", markup=False)
            with Horizontal(id="row-form-buttons"):
                yield Button(f"Save ({keys_shown(self.app, 'row.save')})", variant="primary", id="row-save")
                yield Button(f"Cancel ({keys_shown(self.app, 'row.cancel')})", id="row-cancel")

    def on_mount(self) -> None:
        fields = self.query_one("#row-fields", VerticalScroll)
        fields.query("Input, Select, SelectionList, TextArea").first().focus()
        self.watch(fields, "scroll_y", self._say_what_is_below, init=False)
        for select in self.query(Select):
            self.watch(select, "expanded", self._opened(select), init=False)

    def on_resize(self) -> None:
        self.call_after_refresh(self._say_what_is_below)

    def _say_what_is_below(self) -> None:
        """ "↓ More below: Review date": the fields not yet in view, named."""
        fields = self.query_one("#row-fields", VerticalScroll)
        bottom = fields.scroll_y + fields.scrollable_content_region.height
        below = [field.name for field in fields.query(".row-field") if field.virtual_region.bottom > bottom]
        more = self.query_one("#row-form-more", Static)
        more.update(Content("↓ More below: " + ", ".join(below)) if below else "")
        more.display = bool(below)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The focused field in view with its label, once Textual has scrolled to the editor."""
        for field in event.widget.ancestors_with_self:
            if field.has_class("row-field"):
                self.call_after_refresh(field.scroll_visible, animate=False)
                return

    def _opened(self, select: Select):
        def opened(expanded: bool) -> None:
            if expanded:
                self.call_after_refresh(self._open_within, select)
            else:
                self.query(".row-form-room").remove()
        return opened

    def _open_within(self, select: Select) -> None:
        """An open pick list is drawn over the screen, below its field: the field is
        scrolled up (with room made below the last field if need be), or failing
        that the list made shorter, so that it ends inside the dialog."""
        overlay = select.query_one("SelectOverlay")
        fields = self.query_one("#row-fields", VerticalScroll)
        over = overlay.region.bottom - self.query_one("#row-form").content_region.bottom
        if over <= 0:
            return
        lift = min(over, select.region.y - fields.region.y)
        if over > lift:
            overlay.styles.max_height = max(3, overlay.outer_size.height - (over - lift))
        target = fields.scroll_y + lift
        missing = lift - int(fields.max_scroll_y - fields.scroll_y)
        if missing > 0:
            fields.mount(Room(missing, partial(fields.scroll_to, y=target, animate=False, immediate=True)))
        else:
            self.call_after_refresh(fields.scroll_to, y=target, animate=False, immediate=True)

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
