"""A decision being edited here was changed in another session: said, not asked.

The clash is found by a save, and a save comes at a pause in typing, so a
dialog would open under the person's fingers and take their next keys as
answers. The bar takes no key and moves no focus: typing goes on into the
field, where mine stays unsaved, while the bar shows theirs as the file holds
it now and the keys (ones prose cannot type) that choose.
"""

from __future__ import annotations

from textual import getters
from textual.content import Content
from textual.widgets import Static

from smgov_tui.core.errors import ConflictError
from smgov_tui.core.history import changed_by, shown
from smgov_tui.core.textsafe import one_line
from smgov_tui.tui.widgets.bindings import first_key
from smgov_tui.tui.workbench import Workbench


class ConflictBar(Static):
    """Three lines above the footer while a clash waits; nothing otherwise."""

    app = getters.app(Workbench)

    def __init__(self) -> None:
        super().__init__("", id="conflict-bar", markup=False)
        self.display = False

    def show(self, conflicts: tuple[ConflictError, ...]) -> None:
        clash = self.app.clash()
        self.display = clash is not None
        if clash is None:
            return
        more = len([c for c in conflicts if c.decision_id in self.app.pending]) - 1
        keys = "  ".join(f"{first_key(self.app, binding)} {what}" for binding, what in (
            ("conflict.mine", "keep mine"), ("conflict.theirs", "take theirs"), ("conflict.compare", "compare")))
        self.update(Content.assemble(
            ("! ", "bold $text-warning"), (one_line(clash.label), "bold $text-warning"),
            f" was {changed_by(clash.who, clash.when)}",  # in another session: the bar says only that
            "\n  In the file now: ", one_line(shown(clash.decision_id, clash.theirs)),
            "\n  Yours is not saved: ", (keys, "bold"), f"   ({more} more)" if more > 0 else ""))
