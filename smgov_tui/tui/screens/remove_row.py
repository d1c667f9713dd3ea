"""Removing a row asks first: a single `d` in a table removed it at once, so
prose typed into the table after one tab too many deleted rows. The question
is an AskingScreen: keys typed before it was on screen answer nothing."""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from smgov_tui.core.textsafe import one_line
from smgov_tui.tui.screens.asking import AskingScreen
from smgov_tui.tui.stylesheets import sheet
from smgov_tui.tui.widgets.bindings import bindings, keys_shown
from smgov_tui.tui.workbench import Workbench


class RemoveRowScreen(AskingScreen[bool]):
    """"Remove <row> from <list>?": True to remove, False to keep."""

    DEFAULT_CSS = sheet("remove_row")  # read when first shown (stylesheets.py)
    SCOPED_CSS = False

    BINDINGS = bindings("remove row")

    app = getters.app(Workbench)

    def __init__(self, row: str, listing: str) -> None:
        super().__init__(id="remove-row")
        self.row, self.listing = one_line(row), one_line(listing)  # plan text: one safe line each

    def compose(self) -> ComposeResult:
        with Vertical(id="remove-box"):
            yield Static(Content.styled(" Remove a row ", "reverse bold"), id="remove-title")
            yield Static(Content(f"Remove {self.row} from {self.listing}?"), id="remove-question")
            yield Static(Content(f"{keys_shown(self.app, 'remove.yes')} remove · "
                                 f"{keys_shown(self.app, 'remove.no')} keep"), id="remove-keys")

    def action_remove(self) -> None:
        self.dismiss(True)

    def action_keep(self) -> None:
        self.dismiss(False)
