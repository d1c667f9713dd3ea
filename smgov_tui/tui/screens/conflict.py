"""Two sessions changed one decision: the person chooses, nothing is lost silently.

Opened when the editing session's save finds that another session (a second
workbench, `smgov set`) changed the decision since this one read it. It only
asks: the app hands the choice to the session, which takes theirs, writes mine
over it (the history holds both), or keeps mine pending for later.
"""

from __future__ import annotations

from typing import Any

from textual import getters, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from smgov_tui.core.errors import ConflictError
from smgov_tui.core.history import full_text, local_time
from smgov_tui.tui.stylesheets import sheet
from smgov_tui.tui.widgets.bindings import bindings, keys_shown
from smgov_tui.tui.workbench import Workbench

SHOWN_CHARACTERS = 2000  # of each version: enough to tell them apart, cheap for a 1 MB paste


def version_text(decision_id: str, value: Any) -> str:
    """A version in full, control characters visible; a very long one cut with a note."""
    text = full_text(decision_id, value)
    if len(text) > SHOWN_CHARACTERS:
        text = text[:SHOWN_CHARACTERS] + f"… ({len(text) - SHOWN_CHARACTERS:,} more characters)"
    return text


class ConflictScreen(ModalScreen[str | None]):
    """Theirs against mine; r reloads theirs, k keeps mine, escape decides later."""

    DEFAULT_CSS = sheet("conflict")  # read when first shown (sheets.py)
    SCOPED_CSS = False

    BINDINGS = bindings("conflict")

    app = getters.app(Workbench)

    def __init__(self, conflict: ConflictError) -> None:
        super().__init__(id="conflict")
        self.conflict = conflict

    def compose(self) -> ComposeResult:
        c = self.conflict
        who = c.who or "someone"
        when = f" at {local_time(c.when)[1]}" if c.when else ""
        with Vertical(id="conflict-box"):
            yield Static(Content.assemble((" Changed in another session ", "reverse bold")),
                         id="conflict-title")
            yield Static(Content.assemble((c.label, "bold"), f" was changed by {who}{when} "
                                          "while you were editing it."),
                         id="conflict-what")
            yield Static(Content.styled("Theirs (in the file now)", "bold"), classes="conflict-heading")
            with VerticalScroll(classes="conflict-version", id="conflict-theirs"):
                yield Static(Content(version_text(c.decision_id, c.theirs)), markup=False)
            yield Static(Content.styled("Mine (not saved)", "bold"), classes="conflict-heading")
            with VerticalScroll(classes="conflict-version", id="conflict-mine"):
                yield Static(Content(version_text(c.decision_id, c.mine)), markup=False)
            with Horizontal(id="conflict-buttons"):
                yield Button(f"Reload theirs ({keys_shown(self.app, 'conflict.theirs')})", id="conflict-reload")
                yield Button(f"Keep mine ({keys_shown(self.app, 'conflict.mine')})", variant="primary",
                             id="conflict-keep")
                yield Button(f"Later ({keys_shown(self.app, 'conflict.later')})", id="conflict-later")

    def on_mount(self) -> None:
        self.query_one("#conflict-keep", Button).focus()

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        choice = {"conflict-reload": "theirs", "conflict-keep": "mine"}.get(event.button.id or "")
        self.dismiss(choice)
