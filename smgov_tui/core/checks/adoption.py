"""A gap in a document the public or the council adopts is a blocker: READY
must mean the comment policy and the code of conduct can be adopted as they
stand, with no "Not yet decided" in them (what they draw on: core/adoption.py)."""

from __future__ import annotations

from smgov_tui.core.adoption import ADOPTED, Adopted
from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.checks.base import Check, listing
from smgov_tui.core.plan import Plan


def _gaps(document: Adopted):
    def run(plan: Plan) -> str | None:
        missing = document.missing(plan)
        if not missing:
            return None
        return (f"{document.name} is not adoptable: "
                f"{listing([CATALOGUE.get(decision_id).label for decision_id in missing])} not decided")
    return run


def _first_missing(document: Adopted):
    return lambda plan: next(iter(document.missing(plan)), document.target)


CHECKS = tuple(
    Check(f"check.adoptable_{document.key}", document.step,
          f"{document.name} has gaps", True, document.target,
          _gaps(document), _first_missing(document))
    for document in ADOPTED
)
