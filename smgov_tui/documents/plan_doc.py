"""The plan itself: every step, every decision of the catalogue in order, the
hours and money it adds up to, and whether it is ready for launch."""

from __future__ import annotations

import datetime as _dt

from smgov_tui.core import hours as capacity
from smgov_tui.core import signoff
from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.plan import Plan
from smgov_tui.core.readiness import Checklist
from smgov_tui.documents import support
from smgov_tui.documents.model import (
    Block,
    Bullets,
    Document,
    Filled,
    Para,
    Section,
    Strong,
    Table,
)
from smgov_tui.documents.prose import Prose, spoken_list

# What the workbench shows beside a step's decisions, written after them.
AFTER_STEP = {"response": ("Response matrix", support.response_matrix),
              "peers": ("Our plan beside our peers", support.peers_beside_us)}


def build(plan: Plan, result: Checklist, today: _dt.date) -> Document:
    prose = Prose(plan)
    sections: list[Section] = []
    for step in CATALOGUE.steps:
        sections.append(Section(f"Step {step.number}: {step.title}", [Para((step.question,))]))
        for decision in CATALOGUE.in_step(step.key):
            blocks = prose.blocks(decision.id)
            approval = signoff.approval(plan) if decision.id == signoff.SIGNOFF else None
            sections.append(Section(decision.label, [*blocks, *([Para((approval,))] if approval else [])],
                                    level=3))
        if step.key in AFTER_STEP:
            title, blocks = AFTER_STEP[step.key]
            sections.append(Section(title, blocks(plan), level=3))
    sections.append(Section("Hours and money", hours_and_money(plan, prose)))
    sections.append(Section("Launch readiness", readiness(result)))
    return Document("plan", plan.headed("Social Media Plan") if plan.organisation
                    else plan.name or "Social media plan", plan.title, today, [], sections)


def hours_and_money(plan: Plan, prose: Prose) -> list[Block]:
    hours = capacity.hours
    loads = capacity.platform_loads(plan)
    blocks: list[Block] = [prose.para(
        "Staff time: the platforms need {platforms.chosen|needed} a week, and the roster gives "
        "{resources.roster|available}.",
        needed=lambda _: hours(capacity.hours_needed(plan)),
        available=lambda _: hours(capacity.hours_available(plan)))]
    if loads:
        blocks.append(Table(
            ("Platform", "Posting", "Moderation", "Replies", "Total a week"),
            tuple((Filled("platforms.chosen", load.platform), hours(load.posting),
                   hours(load.moderation), hours(load.replies), hours(load.hours))
                  for load in loads),
            "platforms.chosen"))
    costs = capacity.costs(plan)
    blocks.append(prose.para(
        f"Money a year: the costs the plan names come to {plan.money(capacity.money_needed(plan))}, "
        "against a yearly budget of {resources.budget}."))
    if costs:
        blocks.append(Table(("Cost", "A year"),
                            tuple((Filled("platforms.tools", cost.what), plan.money(cost.amount))
                                  if cost.what.startswith("tool:") else (cost.what, plan.money(cost.amount))
                                  for cost in costs)))
    return blocks + support.people_and_cuts(plan)


def readiness(result: Checklist) -> list[Block]:
    blockers = result.blockers
    if result.ready:
        verdict = Para((Strong("Ready for launch."), (" Every blocking decision is made and no "
                        f"blocking check fails; {result.decided} of {result.total} decisions made.")))
    else:
        missing = sum(1 for i in blockers if i.kind == "missing")
        failing = len(blockers) - missing
        counts = [f"{missing} blocking decision{'s' if missing != 1 else ''} not yet made"] if missing else []
        counts += [f"{failing} blocking check{'s' if failing != 1 else ''} failing"] if failing else []
        verdict = Para((Strong("Not ready for launch."), (f" {spoken_list(counts).capitalize()}; "
                        f"{result.decided} of {result.total} decisions made. The launch "
                        "checklist lists every open item.")))
    checks = [i for i in result.items if i.kind == "check"]
    blocks: list[Block] = [verdict]
    if checks:
        blocks.append(Para(("Cross-checks that combine decisions and do not pass yet:",)))
        blocks.append(Bullets(tuple(Para((Strong(i.label + ("" if i.blocking else " (advice)")),
                                          f": {i.why}")) for i in checks)))
    return blocks
