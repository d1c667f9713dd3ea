"""A pick list whose last option, "Other: in our own words…", asks for the words.

Real policies word some choices their own way (a tone "professional", a role
"Public Information Officer"); the kind keeps such words as they are. Picking
Other opens a one-line prompt, prefilled with the words already chosen, that
checks them with the kind itself before they reach the field: a typo of a
choice is refused in the prompt, where it can be fixed, not after it closed.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static

from smgov_tui.core.catalogue.kinds import Choice, InvalidValue
from smgov_tui.core.textsafe import one_line, visible
from smgov_tui.tui.compat import PICK_PROMPT, PickList
from smgov_tui.tui.stylesheets import sheet
from smgov_tui.tui.widgets.bindings import bindings, first_key
from smgov_tui.tui.workbench import Workbench

OTHER_LABEL = "Other: in our own words…"


class _Other:
    """The value of the Other option: never a value the plan holds."""

    def __repr__(self) -> str:
        return "OTHER"


OTHER = _Other()


class OwnWordsPrompt(ModalScreen[str | None]):
    """Ask for the words; enter keeps them once the kind accepts them, escape cancels."""

    DEFAULT_CSS = sheet("own_words")  # read when first shown (stylesheets.py)
    SCOPED_CSS = False

    BINDINGS = bindings("own words")

    app = getters.app(Workbench)

    def __init__(self, kind: Choice, label: str, words: str) -> None:
        super().__init__()
        self.kind, self.label, self.words = kind, label, words

    def compose(self) -> ComposeResult:
        with Vertical(id="own-words"):
            yield Static(Content(f"{self.label}, in our own words" if self.label else "In our own words"),
                         id="own-words-title")
            yield Static(Content("Instead of: " + " · ".join(self.kind.choices)), id="own-words-choices")
            yield Input(visible(self.words), placeholder="Type the words your policy uses", id="own-words-input",
                        select_on_focus=False)
            yield Static("", id="own-words-error", markup=False)
            yield Static(Content(f"enter keeps them · {first_key(self.app, 'words.cancel')} cancels"),
                         id="own-words-hint")

    @on(Input.Submitted)
    def _done(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            value = self.kind.check(event.value)
        except InvalidValue as error:
            value, said = None, str(error)
        else:
            said = "" if value is not None else "Type the words, or cancel to keep the choice as it was"
        if value is None:
            self.query_one("#own-words-error", Static).update(Content(visible(said)))
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class OwnWordsSelect(PickList):
    """The choices, the words chosen before (if any), then Other. Closed, it shows long
    words on one line, cut with "…": a 200-character approval rule made the field five
    lines tall; the open list and the prompt show them whole."""

    DEFAULT_CSS = """
    OwnWordsSelect > SelectCurrent Static#label {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, kind: Choice, value: Any, label: str, id: str) -> None:
        self.kind, self.label = kind, label
        self._kept = value
        super().__init__(self._offered(value), prompt=PICK_PROMPT, value=Select.NULL if value is None else value,
                         id=id)

    def _offered(self, value: Any) -> list[tuple[Any, Any]]:
        options: list[tuple[Any, Any]] = [(choice, choice) for choice in self.kind.choices]
        if self.kind.own_words(value):
            # Rich Text: the open list's type-to-search reads it; plan text, never markup.
            shown = Text(f"{one_line(value)} ")
            shown.append("(our own words)", style="dim")
            options.append((shown, value))
        options.append((OTHER_LABEL, OTHER))
        return options

    def show(self, value: Any) -> None:
        """Show a value (own words too) without proposing it."""
        self._kept = value
        with self.prevent(Select.Changed):
            self.set_options(self._offered(value))
            self.value = Select.NULL if value is None else value

    @on(Select.Changed)
    def _chosen(self, event: Select.Changed) -> None:
        if event.value is not OTHER:
            self._kept = None if event.value is Select.NULL else event.value
            return  # on to the field, as any pick
        event.stop()
        with self.prevent(Select.Changed):
            self.value = Select.NULL if self._kept is None else self._kept
        words = self._kept if self.kind.own_words(self._kept) else ""
        self.app.push_screen(OwnWordsPrompt(self.kind, self.label, words), self._typed)

    def _typed(self, value: str | None) -> None:
        if value is None:
            return
        with self.prevent(Select.Changed):
            self.set_options(self._offered(value))
        self.value = value  # proposed like any pick
