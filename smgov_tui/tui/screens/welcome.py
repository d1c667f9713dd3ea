"""First run: start a blank plan, start from a sample, or open a file."""

from __future__ import annotations

from pathlib import Path

from textual import getters, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from smgov_tui.core.errors import SmgovError
from smgov_tui.core.textsafe import one_line, visible
from smgov_tui.storage.samples import SAMPLE_TEXT, sample_names, start_plan
from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.stylesheets import sheet
from smgov_tui.tui.widgets.bindings import bindings
from smgov_tui.tui.workbench import Workbench

class WelcomeScreen(Screen):

    DEFAULT_CSS = sheet("welcome")  # read when first shown (sheets.py)
    SCOPED_CSS = False
    BINDINGS = bindings("welcome")

    app = getters.app(Workbench)

    def __init__(self, path: Path) -> None:
        super().__init__(id="welcome")
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(id="welcome-box"):
            yield Static(Content.styled("smgov", "bold"), id="welcome-title")
            yield Static(
                "Plan your social media program before you open a single account. Each step "
                "explains its decisions, and a checklist beside it shows what is still missing "
                "before launch.", id="welcome-intro", markup=False)
            yield Static(Content.assemble("Your plan will be saved as ", (one_line(str(self.path)), "bold")),
                         id="welcome-path")
            options = [Option("Start a blank plan", id="blank")]
            options += [Option(f"Start from a sample: {SAMPLE_TEXT.get(n, n)}", id=f"sample:{n}")
                        for n in sample_names()]
            options.append(Option("Open a plan file…", id="open"))
            yield OptionList(*options, id="welcome-choices")
            yield Input(placeholder="Path of a plan file, then enter", id="welcome-open")
            yield Static("", id="welcome-error", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#welcome-open").display = False
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id or ""
        if choice == "open":
            field = self.query_one("#welcome-open", Input)
            field.display = True
            field.focus()
            return
        try:
            store = start_plan(self.path, None if choice == "blank" else choice.removeprefix("sample:"))
        except SmgovError as error:
            self._error(str(error))
            return
        self.app.open_plan(store)

    @on(Input.Submitted, "#welcome-open")
    def _open(self, event: Input.Submitted) -> None:
        try:
            store = PlanStore(Path(event.value).expanduser())
        except SmgovError as error:
            self._error(str(error))
            return
        self.app.open_plan(store)

    def _error(self, text: str) -> None:
        self.query_one("#welcome-error", Static).update(Content(visible(text)))  # it may quote a path

    def action_back(self) -> None:
        self.query_one(OptionList).focus()
