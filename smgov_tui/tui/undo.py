"""The undo key in the workbench: this person's last change still in the plan,
reverted wherever it is, and shown there.

The session finds it in the file's history and saves the revert as a change of
its own (session/editing.py); here it is said in one line and the cursor goes
to the decision, so the person sees what came back.
"""

from __future__ import annotations

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.errors import ConflictError, SmgovError
from smgov_tui.core.history import clock, short
from smgov_tui.core.readiness import checklist
from smgov_tui.tui.workbench import Workbench


def undo(app: Workbench) -> None:
    app.flush()  # what was typed last is a change too: saved, it is the one undone
    if app.pending:
        app.notify("Nothing undone: a change here is not saved yet (see the bar or the top line).",
                   severity="warning", timeout=6)
        return
    try:
        undone = app.session.undo()
    except ConflictError as conflict:
        app.notify(f"Nothing undone: {conflict.label} was changed in another session just now.",
                   severity="warning", timeout=6)
        return
    except SmgovError as error:
        app.notify(str(error), title="Not undone", severity="error", timeout=10)
        return
    if undone is None:
        app.notify("Nothing to undo: none of your changes is still in the plan.", timeout=4)
        return
    passed = ""
    if undone.passed:
        labels = dict.fromkeys(CATALOGUE.label(str(entry.get("decision"))) for entry in undone.passed)
        passed = f"; left alone, changed by someone else since: {', '.join(labels)}"
    decision_id = undone.decision_id
    app.checklist = checklist(app.plan)
    app.show_taken({decision_id})
    app.goto(decision_id)
    app.notify(f"Undid: {CATALOGUE.label(decision_id)} back to {short(decision_id, undone.old)} "
               f"(changed {clock(undone.when)}){passed}", timeout=6)
    app._saved_now()
