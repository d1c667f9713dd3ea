"""The suggested answer under a field: seen without pressing anything, taken with one key.

A suggestion is shown, never filled in: the line says what it is and which key
puts it in the field; the field then proposes it as if typed, so it is saved
with its history entry like any edit, and until then the checklist still
counts the decision missing.
"""

from __future__ import annotations

from typing import Any

from textual import getters
from textual.content import Content

from smgov_tui.core.catalogue import Decision
from smgov_tui.core.plan import Plan
from smgov_tui.core.suggestions import suggest
from smgov_tui.core.textsafe import one_line
from smgov_tui.keys.key_names import shown_key
from smgov_tui.tui.widgets.redraw import KeptRows, hide_line, redraw, show_line
from smgov_tui.tui.workbench import Workbench


def suggested(decision: Decision, plan: Plan) -> Any:
    """What the line under the decision's field suggests for this plan: None once decided."""
    return None if plan.decided(decision.id) else suggest(decision.id, plan)


class SuggestedLine(KeptRows):
    """One dim line under an undecided field: "Suggested (f5 to use): …". A `plan-view`,
    so the step redraws it as the plan changes (a roster named, a platform chosen).
    Made only for a field with something to suggest (DecisionField.offer_suggestion):
    most of a step's fields are decided, and a widget each was start-up time."""

    DEFAULT_CSS = """
    SuggestedLine { color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis; height: 1; }
    """

    app = getters.app(Workbench)

    def __init__(self, decision: Decision) -> None:
        super().__init__("", classes="decision-suggested plan-view", markup=False)
        self.decision = decision

    def on_mount(self) -> None:
        self.show(self.app.plan)

    def show(self, plan: Plan) -> None:
        value = suggested(self.decision, plan)
        if value is None:  # decided: blank while its field is typed in (see `hide_line`)
            hide_line(self, keep_space=self.parent is not None and self.parent.has_focus_within)
        else:
            show_line(self)
            # The key first: a long suggestion is cut at the edge, never the key.
            key = shown_key(self.app.keymap.keys("suggest")[0])
            # One line high (DEFAULT_CSS): a new suggestion needs no new layout.
            redraw(self, Content.assemble(f"Suggested ({key} to use): ", one_line(self.decision.kind.show(value))),
                   layout=False)
