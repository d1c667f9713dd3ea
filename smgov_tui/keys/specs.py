"""Every key binding of the workbench, declared once by id.

The screens and widgets build their Textual bindings from SPECS (through
tui/widgets/bindings.py), `smgov keys` prints them, and a keymap file rebinds
any of them by id (keys/keymap.py). No textual here: `smgov keys` must stay a
quick command.

Keys terminals swallow or mangle are avoided, or come with a second key:
ctrl+i arrives as tab, ctrl+s/ctrl+q can be flow control, F-keys are taken by
some terminals and browsers, shift+arrows are not sent by the Linux console.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KeySpec:
    id: str
    keys: str  # Textual key names, comma-separated; the first is the one the footer shows
    action: str
    description: str  # the footer's label
    scope: str
    tooltip: str = ""
    show: bool = True
    priority: bool = False
    key_display: str | None = None
    also: tuple[str, ...] = ()  # other scopes it works in, by the same id (a keymap moves it everywhere)

    @property
    def scopes(self) -> tuple[str, ...]:
        return (self.scope, *self.also)

    @property
    def does(self) -> str:
        return self.tooltip or self.description


# Where a binding applies: one scope per screen or widget class (a Textual
# namespace), in the order `smgov keys` lists them.
SCOPES = {
    "workbench": "every step of the plan (the footer)",
    "rows": "a list of rows: roster, platforms, tiers...",
    "matrix": "the platform evaluation matrix",
    "row form": "the form for one row of a list",
    "remove row": "the question before a row is removed",
    "name prompt": "the matrix's prompt for a platform or criterion",
    "own words": "the prompt for a choice in your own words",
    "guidance": "the guidance dialog",
    "history": "the history of changes",
    "export": "the export dialog",
    "export options": "the export dialog's lists of documents and formats",
    "conflict": "the dialog comparing a decision changed here and in another session",
    "unsaved": "the dialog when changes cannot be saved as you quit",
    "welcome": "the welcome screen",
    "problem": "the screen for a plan file smgov cannot open",
}
# Scopes where a text field usually has the focus: a key it takes never reaches the binding.
TYPING_SCOPES = {"workbench", "row form", "name prompt", "own words", "history", "welcome", "problem"}


def _spec(scope: str):
    return lambda id, keys, action, description, **kw: KeySpec(id, keys, action, description, scope, **kw)


_app, _rows, _matrix = _spec("workbench"), _spec("rows"), _spec("matrix")
_form, _prompt, _guide, _history = _spec("row form"), _spec("name prompt"), _spec("guidance"), _spec("history")
_export, _options, _conflict = _spec("export"), _spec("export options"), _spec("conflict")
_unsaved, _remove = _spec("unsaved"), _spec("remove row")
_words = _spec("own words")

SPECS: tuple[KeySpec, ...] = (
    _app("next_step", "ctrl+n", "next_step", "Next", tooltip="Go to the next step"),
    _app("previous_step", "ctrl+o", "previous_step", "Back", tooltip="Go to the previous step"),
    # "Missing", not "Next missing": with the suggest key, the footer's eight keys fit 80 columns.
    _app("next_missing", "ctrl+f", "next_missing", "Missing",
         tooltip="Go to the most urgent item still open: blockers first, then advice"),
    _app("guidance", "f1,question_mark", "guidance", "Guide", also=("row form",),
         tooltip="Explain the focused decision, or in a row's form the focused field (? outside a text field)"),
    # f5: no text field takes it (TextArea's ctrl+y is redo); alt+y where F-keys are kept
    # (a browser reloads on f5). Priority: a terminal sends alt+y with its "y", which a
    # text field would type before the binding saw it.
    _app("suggest", "f5,alt+y", "suggest", "Suggest", priority=True,
         tooltip="Put the focused decision's suggested answer in its field, to edit or keep "
                 "(a list: add the suggested rows)"),
    # f9: no text field takes it (TextArea keeps f6/f7 and ctrl+z, which suspends in
    # some terminals); alt+u where a terminal keeps F-keys. Priority: a terminal sends
    # alt+u with the character u, which a text field would type (over a dialog the
    # app's check_action turns it off, and the key goes on to the dialog).
    _app("undo", "f9,alt+u", "undo", "Undo", show=False, priority=True,
         tooltip="Undo your last change still in the plan, whatever step it is on "
                 "(from the history: after a restart too; never someone else's)"),
    _app("focus_checklist", "ctrl+l", "focus_checklist", "Checklist",
         tooltip="Move to the checklist; enter on an item goes to it"),
    _app("focus_steps", "ctrl+t", "focus_steps", "Steps", show=False, tooltip="Move to the list of steps"),
    _app("toggle_guidance_panel", "ctrl+g", "toggle_guidance_panel", "Guide panel", show=False,
         tooltip="Show or hide the guidance panel (wide terminals; the guidance dialog on narrow ones)"),
    _app("history", "ctrl+r", "history", "History", show=False, tooltip="Who changed what, when, from what to what"),
    # Not priority: in a text field ctrl+e stays "go to the end"; f2 exports from anywhere.
    _app("export", "ctrl+e,f2", "export", "Export", show=False,
         tooltip="Write the plan, code of conduct, comment policy or checklist as a document "
                 "(ctrl+e outside a text field)"),
    _app("command_palette", "ctrl+p", "command_palette", "palette", show=False, priority=True,
         tooltip="Open the command palette: steps, decisions, check, export, theme"),
    _app("quit", "ctrl+q,f10", "quit", "Quit", priority=True, tooltip="Save and quit"),
    _app("step.top", "ctrl+home", "step_top", "Top", show=False,
         tooltip="To the top of the step: its views and first field (pageup or up from the first field too)"),

    _rows("rows.add", "a,insert", "add", "Add row", tooltip="Add a row"),
    _rows("rows.edit", "e", "edit", "Edit row", tooltip="Edit the highlighted row (or enter)"),
    _rows("rows.remove", "d,delete", "remove", "Remove row",
          tooltip="Remove the highlighted row, once you say yes"),
    _rows("rows.up", "shift+up,K", "move(-1)", "Move up", tooltip="Move the row up"),
    _rows("rows.down", "shift+down,J", "move(1)", "Move down", tooltip="Move the row down"),

    _matrix("matrix.score", "0", "score(0)", "Score", key_display="0-5",
            tooltip="Score the highlighted cell 0-5; higher is better (cost: 5 = cheap)"),
    *(_matrix(f"matrix.score_{n}", str(n), f"score({n})", f"Score {n}", show=False,
              tooltip=f"Score the highlighted cell {n}") for n in range(1, 6)),
    _matrix("matrix.clear", "backspace", "score(None)", "Clear score", show=False,
            tooltip="Clear the highlighted score (counts as 0)"),
    _matrix("matrix.weight_up", "plus", "weight(1)", "Weight", key_display="+/-",
            tooltip="Weigh the highlighted criterion more"),
    _matrix("matrix.weight_down", "minus", "weight(-1)", "Weight -", show=False,
            tooltip="Weigh the highlighted criterion less (0 ignores it)"),
    _matrix("matrix.main", "m", "main", "Main",
            tooltip="Make the highlighted platform the main platform, recording its score"),
    _matrix("matrix.add", "a", "add", "Add platform", tooltip="Add a candidate platform"),
    _matrix("matrix.add_criterion", "c", "add_criterion", "Add criterion", tooltip="Add a criterion of your own"),
    _matrix("matrix.remove", "d,delete", "remove", "Remove platform",
            tooltip="Remove the highlighted platform and its scores"),
    _matrix("matrix.remove_criterion", "x", "remove_criterion", "Remove criterion", show=False,
            tooltip="Remove the highlighted criterion and its scores"),

    _form("row.cancel", "escape", "cancel", "Cancel", tooltip="Close the form; the row stays as it was"),
    _form("row.save", "ctrl+s,f2", "save", "Save row", priority=True, tooltip="Keep the row"),
    _remove("remove.yes", "y,enter", "remove", "Remove", tooltip="Remove the row"),
    _remove("remove.no", "n,escape", "keep", "Keep", tooltip="Keep the row; nothing changes"),
    _prompt("prompt.cancel", "escape", "cancel", "Cancel", tooltip="Close without adding"),
    _words("words.cancel", "escape", "cancel", "Cancel", tooltip="Close; the choice stays as it was"),
    _guide("guidance.close", "escape,f1,q,question_mark", "close", "Close", tooltip="Back to the step"),

    _history("history.close", "escape", "close", "Close", tooltip="Back to the step"),
    _history("history.goto", "g", "goto", "Go to decision",
             tooltip="Close the history and put the cursor on this row's decision"),
    _history("history.filter", "slash", "focus_filter", "Filter", tooltip="Type to narrow the changes"),
    _history("history.only", "o", "toggle_only", "This decision only",
             tooltip="Only the changes to the decision you were on"),
    _history("history.table", "down", "focus_table", "Changes", show=False, tooltip="Move to the list of changes"),

    _export("export.write", "enter", "write", "Write", priority=True, tooltip="Write the document beside the plan"),
    _export("export.cancel", "escape", "cancel", "Cancel", tooltip="Close without writing"),
    _options("export.next_option", "down,right", "choose(1)", "Next option", show=False),
    _options("export.previous_option", "up,left", "choose(-1)", "Previous option", show=False),

    # A decision changed here and in another session: keys prose cannot type (the bar
    # that says so appears while the person may be typing), in every step and in the
    # dialogs about the clash (priority: a modal dialog cuts the app's other keys off).
    _app("conflict.mine", "f3,alt+k", "keep_mine", "Keep mine", show=False, priority=True,
         tooltip="Save your value over the other session's (the history keeps both)"),
    _app("conflict.theirs", "f4,alt+r", "take_theirs", "Take theirs", show=False, priority=True,
         tooltip="Take the other session's value; yours is dropped"),
    _app("conflict.compare", "f12,alt+c", "compare", "Compare", show=False, priority=True,
         tooltip="Show both versions in full"),
    _conflict("conflict.later", "escape", "close", "Back",
              tooltip="Back to the plan; yours stays unsaved until you choose"),
    _unsaved("unsaved.retry", "r", "retry", "Retry", tooltip="Try to save again"),
    _unsaved("unsaved.elsewhere", "s", "elsewhere", "Save elsewhere",
             tooltip="Write the whole plan, your changes included, to another file"),
    _unsaved("unsaved.back", "escape", "back", "Back", tooltip="Back to the plan; nothing is lost"),
    KeySpec("welcome.back", "escape", "back", "Back", "welcome", show=False, tooltip="Back to the three choices"),
    KeySpec("problem.back", "escape", "back", "Back", "problem", show=False, tooltip="Back to the choices"),
)
BY_ID = {spec.id: spec for spec in SPECS}


def specs(scope: str) -> list[KeySpec]:
    return [spec for spec in SPECS if scope in spec.scopes]
