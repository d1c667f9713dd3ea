"""The workbench's commands in the command palette (ctrl+p): every step, every
decision, and each action with the key it has in the footer.

They are system commands (App.get_system_commands, Textual's hook for an
app's own commands), beside Textual's theme, keys and quit: a Provider of
their own would be a second list for the palette to merge, for the same hits.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.app import SystemCommand
from textual.screen import Screen

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.tui.workbench import Workbench


def workbench_commands(app: Workbench, screen: Screen) -> Iterator[SystemCommand]:
    if app.store is None or screen.is_modal:
        return  # from under a dialog, a jump would leave the dialog stranded on the stack
    keys = app.keymap.shown  # the keys in use, with the keymap file's
    for step in CATALOGUE.steps:
        if not step.number:  # the organisation: not one of the numbered steps
            facts = ", ".join(d.id.partition(".")[2] for d in CATALOGUE.in_step(step.key))  # name, kind...
            yield SystemCommand(f"{step.title}: {facts}", step.question, partial(app.show_step, step.key))
            continue
        yield SystemCommand(f"Step {step.number}: {step.title}", step.question,
                            partial(app.show_step, step.key))
    for decision in CATALOGUE:
        number = CATALOGUE.step(decision.step).number
        yield SystemCommand(f"Go to decision: {decision.label}",
                            f"{decision.id} (step {number})" if number else f"{decision.id} (organisation)",
                            partial(app.goto, decision.id))
    yield SystemCommand(f"Guidance: show or hide the side panel ({keys('toggle_guidance_panel')})",
                        "Guidance for the focused decision beside the form on wide terminals",
                        app.action_toggle_guidance_panel)
    yield SystemCommand(f"Steps: move to the list of steps ({keys('focus_steps')})", "Jump to any step",
                        app.action_focus_steps)
    yield SystemCommand(f"Next missing decision ({keys('next_missing')})", "Go to the next decision still missing",
                        app.action_next_missing)
    yield SystemCommand(f"Suggest: use the suggested answer ({keys('suggest')})",
                        "Put the focused decision's suggestion in its field, to edit or keep",
                        app.action_suggest)
    yield SystemCommand(f"Undo: your last change ({keys('undo')})", "Put back the value your last change to "
                        "the plan replaced, whatever step it is on", app.action_undo)
    yield SystemCommand(f"History: who changed what ({keys('history')})", "Every change to the plan: who, when, "
                        "from what to what", app.action_history)
    yield SystemCommand("Check: show the launch checklist", "The verdict, per-step readiness "
                        "and every open item", partial(app.show_step, "launch"))
    yield SystemCommand("Export: write the checklist as Markdown",
                        "Saves <plan>.checklist.md beside the plan file", partial(export_checklist, app))
    yield SystemCommand(f"Export: a document ({keys('export')})", "The plan, code of conduct, comment policy "
                        "or checklist, as Markdown, HTML, JSON, Word or PDF; the review dates as a calendar", app.action_export)


def export_checklist(app: Workbench) -> None:
    """The checklist as Markdown beside the plan, in one step: what is pending saved first."""
    from smgov_tui.documents import write_document

    app.flush()
    try:
        path = write_document(app.store.path, app.plan, "checklist", "md")
    except OSError as error:
        app.notify(f"Could not export: {error.strerror or error}", severity="error", markup=False)
        return
    app.notify(f"Checklist written to {path}", title="Exported", markup=False)
