"""Two sessions changed one decision: both versions in full, side by side in time.

The conflict bar (widgets/conflict_bar.py) says so without taking a key; this
dialog, opened from it, shows theirs as the file holds it now and mine as the
field holds it now, with the bar's own choices. It only asks: the app hands
the choice to the editing session, which writes mine over theirs (the history
keeps both) or takes theirs. It follows the clash: should the other session
change the decision again, theirs here changes with it.
"""

from __future__ import annotations

from typing import Any

from textual import getters, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from smgov_tui.core.errors import ConflictError
from smgov_tui.core.history import changed_by, full_text
from smgov_tui.tui.screens.asking import AskingScreen
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


class ConflictScreen(AskingScreen[None]):
    """Theirs against mine for the clash the bar shows; its keys choose, escape goes back."""

    DEFAULT_CSS = sheet("conflict")  # read when first shown (sheets.py)
    SCOPED_CSS = False
    SHOWS_CLASH = True  # the conflict keys act here (SmgovApp.check_action)

    BINDINGS = bindings("conflict")

    app = getters.app(Workbench)

    def __init__(self, conflict: ConflictError | None) -> None:
        super().__init__(id="conflict")
        self.conflict = conflict

    def compose(self) -> ComposeResult:
        c = self.conflict
        mine = self.app.pending.get(c.decision_id, c.mine) if c else None
        with Vertical(id="conflict-box"):
            merged = c is not None and c.merged
            title = " Changed on both branches of a merge " if merged else " Changed in another session "
            yield Static(Content.assemble((title, "reverse bold")), id="conflict-title")
            if c is None:
                return
            what = (" was changed differently on the two branches a git merge joined: choose the one that "
                    "stands." if merged else f" was {changed_by(c.who, c.when, full=True)} while you were editing it.")
            yield Static(Content.assemble((c.label, "bold"), what), id="conflict-what")
            yield Static(Content.styled("Theirs: this branch's (in the file now)" if merged
                                        else "Theirs (in the file now)", "bold"), classes="conflict-heading")
            with VerticalScroll(classes="conflict-version", id="conflict-theirs"):
                yield Static(Content(version_text(c.decision_id, c.theirs)), markup=False)
            yield Static(Content.styled("Mine: the merged branch's (not saved)" if merged else "Mine (not saved)",
                                        "bold"), classes="conflict-heading")
            with VerticalScroll(classes="conflict-version", id="conflict-mine"):
                yield Static(Content(version_text(c.decision_id, mine)), markup=False)
            with Horizontal(id="conflict-buttons"):
                yield Button(f"Take theirs ({keys_shown(self.app, 'conflict.theirs')})", id="conflict-reload")
                yield Button(f"Keep mine ({keys_shown(self.app, 'conflict.mine')})", id="conflict-keep")
                yield Button(f"Back ({keys_shown(self.app, 'conflict.later')})", id="conflict-later")

    def on_mount(self) -> None:
        self.watch(self.app, "conflicts", self._follow, init=False)
        self._focus_back()

    async def on_screen_resume(self) -> None:
        await self._follow()

    def _focus_back(self) -> None:
        for button in self.query("#conflict-later"):
            button.focus()  # enter on the focused button must not choose a version

    async def _follow(self, _conflicts: tuple = ()) -> None:
        """Resolved (from here or the bar): back to the plan; found again: shown as it is now."""
        if not self.is_current:
            return  # under the quit dialog: followed when it is back on top
        clash = self.app.clash()
        if clash is None:
            self.dismiss()
        elif clash is not self.conflict:
            self.conflict = clash
            await self.recompose()
            self._focus_back()

    def action_close(self) -> None:
        self.dismiss()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "conflict-reload":
            self.app.action_take_theirs()
        elif event.button.id == "conflict-keep":
            self.app.action_keep_mine()
        else:
            self.dismiss()
