"""The checklist as a Markdown file beside the plan (the full documents come later)."""

from __future__ import annotations

from pathlib import Path

from tabulate import tabulate

from .catalogue import CATALOGUE
from .plan import Plan
from .readiness import Checklist
from .store import write_atomically


def _cell(text: str) -> str:
    """Plan text in a Markdown table cell: no markup, no row breaks."""
    escaped = "".join("\\" + ch if ch in "\\`*_{}[]<>()#+!|~" else ch for ch in text)
    return " ".join(escaped.split())


def checklist_markdown(plan: Plan, result: Checklist) -> str:
    verdict = "Ready for launch" if result.ready else f"Not ready: {len(result.blockers)} blocking"
    rows = [(CATALOGUE.step(i.step).number, i.severity, f"`{i.id}`", _cell(i.label), _cell(i.why))
            for i in result.items]
    table = tabulate(rows, headers=("Step", "Need", "Id", "Item", "Why"), tablefmt="github") if rows else ""
    return (f"# Launch checklist: {_cell(plan.name)}\n\n**{verdict}.** {result.decided} of "
            f"{result.total} decisions made.\n\n{table}\n")


def write_checklist(plan_path: Path, plan: Plan, result: Checklist) -> Path:
    target = plan_path.with_suffix(".checklist.md")
    write_atomically(target, checklist_markdown(plan, result), 0o600)
    return target
