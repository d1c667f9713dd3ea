"""Quitting with changes that cannot be saved: say why, and let the person choose.

A quit used to save what it could and leave: on a full disk the typed text
went with the process and the terminal said nothing. Now the workbench stays
open on this dialog while anything is unsaved: each change with its reason (a
clash with another session, or the save's own error), then retry, save the
whole plan elsewhere, settle a clash, or quit without saving, which says how
many changes are lost, and the command line prints them and exits 2.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from textual import getters, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.checks.base import plural
from smgov_tui.core.errors import SmgovError
from smgov_tui.core.history import changed_by
from smgov_tui.core.textsafe import one_line
from smgov_tui.terminal.paths import free_name
from smgov_tui.tui.screens.asking import AskingScreen
from smgov_tui.tui.stylesheets import sheet
from smgov_tui.tui.widgets.bindings import bindings, keys_shown
from smgov_tui.tui.workbench import Workbench


def elsewhere_path(plan: Path) -> Path:
    """A free name in the home folder (the plan's own disk may be the full one):
    ~/plan-unsaved-20261206-1403.json."""
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M")
    return free_name(Path.home(), f"{plan.stem}-unsaved-{stamp}", plan.suffix or ".json")


class UnsavedScreen(AskingScreen[None]):
    """Not saved: why, per change; retry, save elsewhere, settle a clash, or quit and lose them."""

    DEFAULT_CSS = sheet("unsaved")  # read when first shown (sheets.py)
    SCOPED_CSS = False
    SHOWS_CLASH = True  # the conflict keys act here (SmgovApp.check_action)
    QUIT_DISCARDS = True  # the quit key pressed here quits without saving (Workbench.action_quit)

    BINDINGS = bindings("unsaved")

    app = getters.app(Workbench)

    def __init__(self) -> None:
        super().__init__(id="unsaved")

    def compose(self) -> ComposeResult:
        with Vertical(id="unsaved-box"):
            yield Static(Content.styled(" Not saved ", "reverse bold"), id="unsaved-title")
            yield Static("", id="unsaved-what", markup=False)
            yield OptionList(id="unsaved-choices")
            yield Input(id="unsaved-path", placeholder="Path of the new plan file, then enter")
            yield Static("", id="unsaved-error", markup=False)

    def on_mount(self) -> None:
        self.query_one("#unsaved-path").display = False
        self.watch(self.app, "conflicts", self.show, init=False)
        self.watch(self.app, "save_state", self.show, init=False)
        self.show()
        self.query_one(OptionList).focus()

    def show(self, _changed: object = None) -> None:
        """Each change not saved, with its reason, and the choices that fit them."""
        app = self.app
        clashes = {c.decision_id: c for c in app.conflicts}
        lines = [f"{plural(len(app.pending), 'change')} not saved to {app.store.path}:"]
        for decision_id in app.pending:
            label = CATALOGUE.label(decision_id)
            clash = clashes.get(decision_id)
            why = f"{changed_by(clash.who, clash.when)} in another session" if clash else app.save_problem or "not saved yet"
            lines.append(f"• {label}: {why}")
        self.query_one("#unsaved-what", Static).update(Content("\n".join(one_line(line) for line in lines)))
        choices = self.query_one(OptionList)
        highlighted = choices.highlighted_option.id if choices.highlighted_option else None
        options = []
        if app.clash() is not None:
            options += [Option(f"Keep mine over theirs ({keys_shown(app, 'conflict.mine')})", id="mine"),
                        Option(f"Take theirs ({keys_shown(app, 'conflict.theirs')})", id="theirs")]
        if app.save_problem:
            options.append(Option(f"Retry saving ({keys_shown(app, 'unsaved.retry')})", id="retry"))
        options += [
            Option(f"Save the plan with my changes to another file… ({keys_shown(app, 'unsaved.elsewhere')})",
                   id="elsewhere"),
            Option(f"Quit without saving: {plural(len(app.pending), 'change')} lost ({keys_shown(app, 'quit')})",
                   id="quit"),
            Option(f"Back to the plan ({keys_shown(app, 'unsaved.back')})", id="back")]
        choices.clear_options()
        choices.add_options(options)
        ids = [option.id for option in options]
        choices.highlighted = ids.index(highlighted) if highlighted in ids else ids.index("back")

    @on(OptionList.OptionSelected, "#unsaved-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        {"mine": self.app.action_keep_mine, "theirs": self.app.action_take_theirs,
         "retry": self.action_retry, "elsewhere": self.action_elsewhere,
         "quit": self.app.quit_without_saving, "back": self.action_back}[event.option.id or "back"]()

    def action_retry(self) -> None:
        self.app.flush()  # saved, the quit it waits for goes on (Workbench.flush)

    def action_elsewhere(self) -> None:
        field = self.query_one("#unsaved-path", Input)
        field.value = str(elsewhere_path(self.app.store.path))
        field.display = True
        field.focus()
        field.cursor_position = len(field.value)

    @on(Input.Submitted, "#unsaved-path")
    def _path(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            return
        try:
            self.app.save_elsewhere(Path(text).expanduser())
        except SmgovError as error:
            self.query_one("#unsaved-error", Static).update(Content(one_line(str(error))))

    def action_back(self) -> None:
        field = self.query_one("#unsaved-path", Input)
        if field.display:  # out of the path, back to the choices
            field.display = False
            self.query_one("#unsaved-error", Static).update("")
            self.query_one(OptionList).focus()
            return
        self.dismiss()
