"""Hours and money at a glance, beside the decisions that set them.

Shown on the resources and platforms steps and redrawn with the checklist:
hours each platform needs against the roster's hours, each person's hours,
and the year's costs against the budget, as bars with the totals and what
is short, and, when short, what to cut first. The figures come from
capacity.py and cuts.py, as the checklist's do.
"""

from __future__ import annotations

import re
import textwrap

from textual.content import Content

from smgov_tui.core import cut_order as cuts
from smgov_tui.core import hours as capacity
from smgov_tui.core.hours import hours
from smgov_tui.core.plan import Plan
from smgov_tui.tui.widgets.view_panel import FittedPanel

BAR = 16
SHOWN = 12  # lines of one kind before "… and N more": a view, not a listing of every row


def bar(value: float, scale: float) -> Content:
    filled = 0 if scale <= 0 else min(BAR, round(BAR * value / scale))
    return Content.assemble(("█" * filled, "bold"), ("░" * (BAR - filled), "dim"))


def _name(label: str, width: int = 14) -> str:
    return (label if len(label) <= width else label[:width - 1] + "…").ljust(width)


def _line(label: str, value: float, scale: float, shown: str) -> Content:
    return Content.assemble(f"  {_name(label)} ", bar(value, scale), f" {shown}\n")


def _note(text: str) -> Content:
    return Content.styled(f"  {text}\n", "dim")


def _heading(text: str) -> Content:
    return Content.styled(f" {text}\n", "dim")


def _more(items: list, noun: str) -> list[Content]:
    extra = len(items) - SHOWN
    return [_note(f"… and {extra:,} more {noun}")] if extra > 0 else []


def _balance(gap: float, show, short: str, spare: str) -> Content:
    """What is left over, or in bold what is missing."""
    return (Content.styled(f"  {show(-gap)} {short}\n", "bold") if gap < 0
            else Content(f"  {show(gap)} {spare}\n"))


def _after(left: float, show) -> str:
    return f"still {show(left)} short" if left > 1e-9 else f"fits, {show(-left)} to spare"


def _wrapped(text: str, width: int, first: str = "  ", rest: str = "     ") -> Content:
    """Wrapped with a hanging indent, never between a figure and its unit ("3 h")."""
    glued = re.sub(r"(\d) h\b", "\\1\u00a0h", text)
    lines = textwrap.wrap(glued, max(20, width), initial_indent=first, subsequent_indent=rest)
    return Content("\n".join(lines).replace("\u00a0", " ") + "\n")


def _proposal(title: str, proposal: cuts.Proposal, show, width: int) -> list[Content]:
    parts = [Content.styled(f" {title}\n", "bold")]
    for number, cut in enumerate(proposal.cuts[:SHOWN], start=1):
        parts.append(_wrapped(f"{number}. {cut.what}: {cut.why}; saves {show(cut.saves)}, "
                              f"{_after(cut.left, show)}", width))
    if len(proposal.cuts) > SHOWN:
        parts.append(_wrapped(f"… and {len(proposal.cuts) - SHOWN:,} more, "
                              f"{_after(proposal.cuts[-1].left, show)}", width))
    if proposal.deferred_goals:
        goals = "; ".join(proposal.deferred_goals[:SHOWN]) + (
            f" and {len(proposal.deferred_goals) - SHOWN:,} more" if len(proposal.deferred_goals) > SHOWN else "")
        parts.append(_wrapped(f"Defer the goals only these reach: {goals}", width, rest="  "))
    if proposal.still_short > 1e-9:
        parts.append(_wrapped(f"Still {show(proposal.still_short)} short with nothing optional "
                              "left: add resources or do less on the main platform", width, rest="  "))
    return parts


def hours_content(plan: Plan, width: int) -> list[Content]:
    loads = capacity.platform_loads(plan)
    people = capacity.person_loads(plan)
    needed, available = capacity.hours_needed(plan), capacity.hours_available(plan)
    scale = max([needed, available, 1] + [p.needed for p in people])
    parts: list[Content] = [Content.styled("Hours a week\n", "bold")]
    if loads:
        parts.append(_heading("needed, per platform"))
    for load in loads[:SHOWN]:
        parts.append(_line(load.platform, load.hours, scale, hours(load.hours)))
        parts.append(_note(f"  post {hours(load.posting)} · moderate {hours(load.moderation)}"
                           f" · reply {hours(load.replies)}"))
    parts += _more(loads, "platforms")
    unestimated = capacity.replies_unestimated(plan)
    if unestimated:
        names = ", ".join(unestimated[:SHOWN]) + (f" and {len(unestimated) - SHOWN:,} more"
                                                 if len(unestimated) > SHOWN else "")
        parts.append(_note(f"replies not estimated for {names}"))
    if people:
        parts.append(_heading("owned against rostered, per person"))
    for person in people[:SHOWN]:
        shown = (f"{hours(person.needed).removesuffix(' h')} of {hours(person.available)}"
                 if person.rostered else hours(person.needed))
        parts.append(_line(person.name, person.needed, scale, shown))
        if not person.rostered:
            parts.append(_note("  owns accounts but is not on the roster"))
        elif person.short > 0.05:
            parts.append(_note(f"  {hours(person.short)} more than rostered"))
    parts += _more(people, "people")
    parts.append(_heading("in all"))
    parts.append(_line("needed", needed, scale, hours(needed)))
    parts.append(_line("rostered", available, scale, hours(available)))
    if loads and plan.rows("resources.roster"):
        parts.append(_balance(available - needed, hours, "a week short", "a week to spare"))
    proposal = cuts.hour_cuts(plan)
    if proposal:
        parts += _proposal("Short of hours? Cut first", proposal, hours, width)
    return parts


def money_content(plan: Plan, width: int) -> list[Content]:
    budget = plan.get("resources.budget")
    spent = capacity.money_needed(plan)
    scale = max(spent, budget or 0, 1)
    money = plan.money  # with the plan's currency
    parts = [Content.styled("Money a year\n", "bold")]
    costs = capacity.costs(plan)
    for cost in costs[:SHOWN]:
        parts.append(_line(cost.what.removeprefix("tool: "), cost.amount, scale, money(cost.amount)))
    parts += _more(costs, "costs")
    parts.append(_line("needed", spent, scale, money(spent)))
    if budget is None:
        parts.append(Content("  no budget decided yet"))
        return parts
    parts.append(_line("budget", budget, scale, money(budget)))
    parts.append(_balance(budget - spent, money, "over budget", "left in the budget"))
    proposal = cuts.money_cuts(plan)
    if proposal:
        parts += _proposal("Over budget? Cut first", proposal, money, width)
    return parts


def capacity_content(plan: Plan, width: int = 46) -> Content:
    return Content.assemble(*hours_content(plan, width), *money_content(plan, width)).rstrip()


class CapacityPanel(FittedPanel):
    """The arithmetic of the plan, redrawn as the plan changes."""

    def __init__(self) -> None:
        super().__init__("capacity")

    def content(self, plan: Plan, width: int) -> Content:
        return capacity_content(plan, width)
