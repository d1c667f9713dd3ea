"""Export (ctrl+e): pick a document and a format; enter writes it beside the plan.

The review-dates calendar is one of the choices, written only as .ics: choosing
it leaves iCalendar the one format to choose, and choosing a document again
brings back the format it had.

Word and PDF are written in a worker thread (a PDF takes a second or two to
lay out), with "Writing ..." shown meanwhile, so the screen never freezes; the
dialog closes with the path, or stays open with the reason it could not."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, RadioButton, RadioSet, Static

from smgov_tui.core.dates import NoObligations
from smgov_tui.core.plan import Plan
from smgov_tui.core.textsafe import one_line
from smgov_tui.documents import (
    BINARY_FORMATS,
    CALENDAR,
    CALENDAR_FORMATS,
    DOCUMENTS,
    FORMATS,
    document_path,
    formats_for,
    write_document,
)
from smgov_tui.storage.store import read_revision
from smgov_tui.tui.compat import highlight_radio, note_pressed
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
    that enter is free to mean "write it".

    What is chosen is known the moment a key chooses it: RadioSet learns it
    from a message handled later, and an enter typed straight after an arrow
    would write the choice before."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("export options")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._chosen = ""

    def on_mount(self) -> None:
        self.call_after_refresh(self._highlight_chosen)  # after RadioSet's own, on the first row

    def _highlight_chosen(self) -> None:
        chosen = self._button(self.chosen)
        if chosen is not None:
            highlight_radio(self, chosen)

    def _button(self, name: str) -> ChoiceButton | None:
        return next((button for button in self.query(ChoiceButton) if button.name == name), None)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self._chosen = event.pressed.name or ""  # a click

    def action_choose(self, step: int) -> None:
        """The next button that can be chosen, round the list, as RadioSet's arrows go."""
        buttons = list(self.query(ChoiceButton))
        here = next((i for i, button in enumerate(buttons) if button.name == self.chosen), -1)
        for distance in range(1, len(buttons) + 1):
            button = buttons[(here + step * distance) % len(buttons)]
            if not button.disabled:
                self.choose(button.name or "")
                return

    def choose(self, name: str) -> None:
        """Press the button called `name` and release the others, at once.

        RadioSet does the releasing in a handler of its buttons' messages, and
        those are not sent at all while a radio set's own change is being handled
        (Textual's prevent() travels with it): the document list's change would
        otherwise leave two formats pressed."""
        pressed = self._button(name)
        if pressed is None:
            return
        with self.prevent(RadioButton.Changed):
            for button in self.query(ChoiceButton):
                button.value = button is pressed
        note_pressed(self, pressed)
        highlight_radio(self, pressed)
        self._chosen = name
        self.post_message(self.Changed(self, pressed))

    @property
    def chosen(self) -> str:
        """The name of the button chosen; before any choice, the one composed pressed."""
        return self._chosen or next((button.name or "" for button in self.query(ChoiceButton) if button.value), "")


class ExportScreen(ModalScreen[Path | None]):
    """Dismisses with the path written, or None when cancelled."""

    DEFAULT_CSS = sheet("export")  # read when first shown (sheets.py)
    SCOPED_CSS = False

    BINDINGS: ClassVar[list[BindingType]] = bindings("export")

    app = getters.app(Workbench)

    def __init__(self, plan_path: Path, plan: Plan, doc: str = "plan", fmt: str = "html") -> None:
        super().__init__()
        self.plan_path, self.plan, self.doc, self.fmt = plan_path, plan, doc, fmt
        self.document_format = fmt if fmt in FORMATS else "html"  # brought back when a document is chosen
        self.writing = False  # a Word or PDF file is being written in a worker thread

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Static(Content.styled("Export a document", "bold"), id="export-title")
            with Horizontal(id="export-choices"):
                with Vertical(id="export-docs-box"):
                    yield Label("Document")
                    with Choices(id="export-doc"):
                        for name, what in (DOCUMENTS | CALENDAR).items():
                            yield ChoiceButton(Content(what), value=name == self.doc, name=name)
                with Vertical(id="export-formats-box"):
                    yield Label("Format")
                    with Choices(id="export-format"):
                        for name, what in (FORMATS | CALENDAR_FORMATS).items():
                            yield ChoiceButton(Content(what), value=name == self.fmt, name=name,
                                               disabled=name not in formats_for(self.doc))
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

    @on(RadioSet.Changed, "#export-doc")
    def _offer_formats(self) -> None:
        """Only the formats the chosen document is written in can be chosen."""
        allowed = formats_for(self.query_one("#export-doc", Choices).chosen)
        formats = self.query_one("#export-format", Choices)
        for button in formats.query(ChoiceButton):
            button.disabled = button.name not in allowed
        if formats.chosen in FORMATS:
            self.document_format = formats.chosen
        if formats.chosen not in allowed:
            wanted = self.document_format if self.document_format in allowed else next(iter(allowed))
            formats.choose(wanted)

    @on(RadioSet.Changed)
    def _show_target(self) -> None:
        self.query_one("#export-target", Static).update(
            Content.assemble("Writes ", (one_line(self.target.name), "bold"), " beside the plan"))

    @on(Button.Pressed, "#export-write")
    def action_write(self) -> None:
        if self.writing:
            return
        self._offer_formats()  # the format follows a document chosen a moment ago
        doc = self.query_one("#export-doc", Choices).chosen
        fmt = self.query_one("#export-format", Choices).chosen
        if fmt in BINARY_FORMATS:
            self.writing = True
            self.query_one("#export-error", Static).update("")
            self.query_one("#export-target", Static).update(
                Content.assemble("Writing ", (one_line(self.target.name), "bold"), "..."))
            self._write_in_background(doc, fmt)
            return
        self._written(self._write(doc, fmt))

    def _write(self, doc: str, fmt: str) -> Path | str:
        """The path written, or why not, in a line."""
        try:
            return write_document(self.plan_path, self.plan, doc, fmt,
                                  revision=read_revision(self.plan_path) if fmt in BINARY_FORMATS else None)
        except OSError as error:
            return f"Could not write {document_path(self.plan_path, doc, fmt)}: {error.strerror or error}"
        except NoObligations as reason:
            return f"No calendar: {reason}"

    @work(thread=True, exit_on_error=False)
    def _write_in_background(self, doc: str, fmt: str) -> None:
        try:
            outcome = self._write(doc, fmt)
        except Exception as error:  # a worker's exception would end the workbench; say it instead
            outcome = f"Could not write {document_path(self.plan_path, doc, fmt)}: {error}"
        self.app.call_from_thread(self._written, outcome)

    def _written(self, outcome: Path | str) -> None:
        self.writing = False
        if isinstance(outcome, Path):
            self.dismiss(outcome)
            return
        self._show_target()
        self.query_one("#export-error", Static).update(Content(one_line(outcome)))

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        if not self.writing:  # the file is on its way; the dialog closes when it is written
            self.dismiss(None)
