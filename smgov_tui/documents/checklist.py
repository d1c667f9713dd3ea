"""The launch checklist as a document: the verdict, then every open item,
blockers before advice, each decision not yet made shown by its gap marker."""

from __future__ import annotations

import datetime as _dt

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.plan import Plan
from smgov_tui.core.readiness import Checklist, Item
from smgov_tui.documents.model import (
    Block,
    Cell,
    Code,
    Document,
    Para,
    Section,
    Strong,
    Table,
)
from smgov_tui.documents.prose import gap

HEADERS = ("Step", "Item", "Why")


def _row(item: Item) -> tuple[Cell, ...]:
    step = f"{CATALOGUE.step(item.step).number}. {CATALOGUE.step(item.step).title}"
    if item.kind == "missing":
        return (step, gap(item.id), item.why.removeprefix("Not decided. "))
    return (step, (f"{item.label} ", Code(item.id)), item.why)


def _table(items: tuple[Item, ...], none: str) -> list[Block]:
    if not items:
        return [Para((none,))]
    return [Table(HEADERS, tuple(_row(item) for item in items))]


def build(plan: Plan, result: Checklist, today: _dt.date) -> Document:
    blockers = result.blockers
    advice = tuple(i for i in result.items if not i.blocking)
    if result.ready:
        verdict = Para((Strong("Ready for launch."), (" Nothing blocks launch; "
                        f"{result.decided} of {result.total} decisions made.")))
    else:
        verdict = Para((Strong(f"Not ready: {len(blockers)} blocking."),
                        (f" {result.decided} of {result.total} decisions made; every item below "
                        "marked as a blocker must be settled before launch.")))
    sections = [
        Section("Verdict", [verdict]),
        Section(f"Blocking items ({len(blockers)})", _table(blockers, "Nothing blocks launch.")),
        Section(f"Advice ({len(advice)})", _table(advice, "No advice is outstanding.")),
    ]
    extra = {"ready": result.ready, "decided": result.decided, "total": result.total,
             "items": [item.as_json() for item in result.items]}
    return Document("checklist", f"Launch checklist: {plan.title}", plan.title, today, [], sections, extra)
