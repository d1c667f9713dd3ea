"""Hours and money at a glance, beside the decisions that set them.

Shown on the resources and platforms steps and redrawn with the checklist:
hours each platform needs against the roster's hours, each person's hours,
and the year's costs against the budget, as bars with the totals and what
is short. The figures come from capacity.py, as the checklist's do.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from .. import capacity
from ..capacity import hours, money
from ..plan import Plan

BAR = 16


def bar(value: float, scale: float) -> Content:
    filled = 0 if scale <= 0 else min(BAR, round(BAR * value / scale))
    return Content.assemble(("█" * filled, "bold"), ("░" * (BAR - filled), "dim"))


def _line(label: str, value: float, scale: float, shown: str) -> Content:
    name = (label if len(label) <= 14 else label[:13] + "…").ljust(14)
    return Content.assemble(f"  {name} ", bar(value, scale), f" {shown}\n")


def capacity_content(plan: Plan) -> Content:
    loads = capacity.platform_loads(plan)
    needed, available = capacity.hours_needed(plan), capacity.hours_available(plan)
    scale = max(needed, available, 1)
    parts: list = [Content.styled("Hours a week\n", "bold")]
    if loads:
        parts.append(Content.styled(" needed, per platform\n", "dim"))
    for load in loads:
        parts.append(_line(load.platform, load.hours, scale, hours(load.hours)))
    if plan.rows("resources.roster"):
        parts.append(Content.styled(" rostered, per person\n", "dim"))
    for row in plan.rows("resources.roster"):
        parts.append(_line(row["name"], row.get("hours", 0), scale, hours(row.get("hours", 0))))
    parts.append(Content.styled(" in all\n", "dim"))
    parts.append(_line("needed", needed, scale, hours(needed)))
    parts.append(_line("rostered", available, scale, hours(available)))
    if loads and plan.rows("resources.roster"):
        gap = available - needed
        parts.append(Content.styled(f"  {hours(-gap)} a week short\n", "bold") if gap < 0
                     else Content(f"  {hours(gap)} a week to spare\n"))
    budget = plan.get("resources.budget")
    costs = capacity.costs(plan)
    spent = capacity.money_needed(plan)
    mscale = max(spent, budget or 0, 1)
    parts.append(Content.styled("Money a year\n", "bold"))
    for cost in costs:
        parts.append(_line(cost.what.removeprefix("tool: "), cost.amount, mscale, money(cost.amount)))
    parts.append(_line("needed", spent, mscale, money(spent)))
    if budget is not None:
        parts.append(_line("budget", budget, mscale, money(budget)))
        gap = budget - spent
        parts.append(Content.styled(f"  {money(-gap)} over budget", "bold") if gap < 0
                     else Content(f"  {money(gap)} left in the budget"))
    else:
        parts.append(Content("  no budget decided yet"))
    return Content.assemble(*parts)


class CapacityPanel(Static):
    """The arithmetic of the plan, redrawn as the plan changes."""

    def __init__(self) -> None:
        super().__init__("", id="capacity", markup=False)

    def show(self, plan: Plan) -> None:
        self.update(capacity_content(plan))
