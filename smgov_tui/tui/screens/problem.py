"""A plan file smgov cannot open: say why in one line and offer a way on.

Shown instead of a crash (or a bare error line) when `smgov PLAN` names an
empty, truncated, foreign, newer or unreadable file, a folder, or a path whose
folder is missing. Nothing here writes to that file unless the person asks to
restore the last good version (offered only for a backup `smgov restore` would
bring back: backup.usable_backup), and even then the file is kept beside it.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from textual import getters, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from smgov_tui.core.errors import SmgovError
from smgov_tui.core.textsafe import one_line
from smgov_tui.storage.backup import restore, usable_backup
from smgov_tui.storage.store import PlanStore
from smgov_tui.terminal.paths import free_name
from smgov_tui.tui.stylesheets import sheet
from smgov_tui.tui.widgets.bindings import bindings
from smgov_tui.tui.workbench import Workbench


def sibling(path: Path) -> Path:
    """A free name beside the plan for a new one: plan-new.json, plan-new-2.json..."""
    folder = path.parent if path.parent.is_dir() else Path.cwd()
    return free_name(folder, f"{path.stem or 'plan'}-new", path.suffix or ".json")


class ProblemScreen(Screen):
    """What is wrong with the plan file, then: restore, open another, start anew, or quit."""

    DEFAULT_CSS = sheet("problem")  # read when first shown (sheets.py)
    SCOPED_CSS = False

    BINDINGS = bindings("problem")

    app = getters.app(Workbench)

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(id="problem")
        self.path, self.problem = path, problem
        self.backup = usable_backup(path)
        self._asking: str | None = None  # "open" or "new" while the path field shows

    def compose(self) -> ComposeResult:
        with Vertical(id="problem-box"):
            yield Static(Content.styled(" smgov cannot open this plan ", "reverse bold"), id="problem-title")
            yield Static(Content(one_line(self.problem)), id="problem-reason", markup=False)
            yield Static("The file is left exactly as it is.", id="problem-note", markup=False)
            options = []
            if self.backup is not None:
                saved = _dt.datetime.fromtimestamp(self.backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
                options.append(Option(Content(f"Restore the last good version (saved {saved}); "
                                              "this file is kept beside it"), id="restore"))
            options += [Option("Open another plan file…", id="open"),
                        Option("Start a new plan at another path…", id="new"),
                        Option("Quit", id="quit")]
            yield OptionList(*options, id="problem-choices")
            yield Input(id="problem-path")
            yield Static("", id="problem-error", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#problem-path").display = False
        choices = self.query_one(OptionList)
        choices.highlighted = 0
        choices.focus()

    @on(OptionList.OptionSelected, "#problem-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id or ""
        self._error("")
        if choice == "quit":
            self.app.leave_with(self.problem)
        elif choice == "restore":
            self._restore()
        else:
            self._asking = choice
            field = self.query_one("#problem-path", Input)
            if choice == "new":
                field.placeholder = "Path of the new plan, then enter"
                field.value = str(sibling(self.path))
            else:
                field.placeholder = "Path of a plan file, then enter"
                field.value = ""
            field.display = True
            field.focus()
            field.cursor_position = len(field.value)

    def _restore(self) -> None:
        try:
            done = restore(self.path)
            store = PlanStore(self.path)
        except SmgovError as error:
            self._error(str(error))
            return
        kept = f"; the file it replaced is kept as {done.replaced.name}" if done.replaced else ""
        self.app.open_plan(store)
        self.app.notify(f"Restored the last good version from {done.backup.name}{kept}",
                        title="Restored", markup=False, timeout=10)

    @on(Input.Submitted, "#problem-path")
    def _path(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            return
        path = Path(text).expanduser()
        if self._asking == "new":
            from smgov_tui.tui.screens.welcome import WelcomeScreen

            if path.exists() or path.is_symlink():
                self._error(f"{path} already exists; pick a new name, or open it instead")
                return
            if not path.parent.is_dir():
                self._error(f"cannot create {path}: folder {path.parent} does not exist")
                return
            self.app.welcome_path = path
            self.app.switch_screen(WelcomeScreen(path))
            return
        try:
            store = PlanStore(path)
        except SmgovError as error:
            self._error(str(error))
            return
        self.app.open_plan(store)

    def _error(self, text: str) -> None:
        self.query_one("#problem-error", Static).update(Content(one_line(text)))

    def action_back(self) -> None:
        self.query_one("#problem-path").display = False
        self.query_one(OptionList).focus()
