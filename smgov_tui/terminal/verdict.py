"""The verdict and the checklist as a terminal shows them (`smgov check`, plain mode)."""

from __future__ import annotations

from pathlib import Path

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.textsafe import one_line
from smgov_tui.terminal.output import fit_table

CHECK_FORMATS = ("text", "github", "grid", "json")


def verdict_line(name: str, result) -> str:
    blockers = len(result.blockers)
    advice = len(result.items) - blockers
    state = "READY for launch" if result.ready else "NOT READY"
    parts = [f"{blockers} blocking" if blockers else "nothing blocking"]
    if advice:
        parts.append(f"{advice} advice")
    return (f"{one_line(name) or 'Unnamed plan'}\n{state}: {', '.join(parts)}; "
            f"{result.decided} of {result.total} decisions made")


def checklist_json(plan, result) -> dict:
    """`smgov check --format json` for one plan (README: `smgov check --format json`)."""
    return {"plan": plan.name, "organisation": plan.organisation or None, "ready": result.ready,
            "decided": result.decided, "total": result.total, "items": [item.as_json() for item in result.items]}


def checklist_table(result, fmt: str, invalid: dict) -> str:
    """text: compact for a terminal (a missing decision by its label); github
    and grid: every item's full reason, for pasting into a review."""
    from tabulate import tabulate

    steps = {s.key: s.number for s in CATALOGUE.steps}

    def why(item) -> str:
        if fmt == "text" and item.kind == "missing" and item.id not in invalid:
            return f"Not decided: {item.label}"
        return one_line(item.why)

    rows = [(steps[i.step], i.severity, i.id, why(i)) for i in result.items]
    headers = ("Step", "Need", "Id", "Why")
    if fmt == "github":
        return tabulate(rows, headers=headers, tablefmt="github")
    return fit_table(rows, headers, "grid" if fmt == "grid" else "simple")


def restore_hint(error: Exception, plan: str | None, command: str | None) -> str:
    """A damaged plan with a backup beside it that `smgov restore` would bring back (smgov's
    own, a plan): say how to get the last saved version back."""
    from smgov_tui.storage.backup import usable_backup

    if not getattr(error, "damaged", False) or not plan or command == "restore":
        return ""
    if usable_backup(Path(plan)) is None:
        return ""
    return f"; smgov restore {plan} brings back the last version smgov saved"
