"""Errors a person can act on. The command line prints str(error) after
"smgov: error:"; the workbench shows it in a dialog."""

from __future__ import annotations

from typing import Any


class SmgovError(Exception):
    """Anything smgov refuses to do, with a one-line reason."""


class PlanFileError(SmgovError):
    """A plan file that cannot be read, written or trusted.

    `damaged`: the file is there but its content is not a usable plan, the
    case where bringing back the backup (`smgov restore`) helps.
    """

    def __init__(self, message: str, damaged: bool = False) -> None:
        super().__init__(message)
        self.damaged = damaged


class ConflictError(SmgovError):
    """Another session changed this decision since this one read it.

    Carries both versions so the person can choose (reload theirs, keep mine)
    instead of one silently overwriting the other.
    """

    def __init__(self, decision_id: str, mine: Any, theirs: Any, who: str | None = None,
                 when: str | None = None, label: str | None = None, merged: bool = False) -> None:
        self.decision_id, self.mine, self.theirs = decision_id, mine, theirs
        self.who, self.when = who, when
        self.merged = merged  # a git merge's two branches, not another session (storage/merge.py)
        self.label = label or decision_id
        by = f" by {who}" if who else ""
        at = f" at {when.replace('T', ' ').removesuffix('Z')} UTC" if when else ""
        super().__init__(f"{self.label} was changed{by}{at} in another session")
