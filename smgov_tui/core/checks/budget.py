"""What the plan spends against the yearly budget (check 9)."""

from __future__ import annotations

from smgov_tui.core import hours as capacity
from smgov_tui.core.checks.base import Check, listing
from smgov_tui.core.plan import Plan


def _over_budget(plan: Plan) -> str | None:
    budget = plan.get("resources.budget")
    if budget is None:
        return None
    lines = capacity.costs(plan)
    too_dear = [f"{line.what} ({plan.money(line.amount)})" for line in lines if line.amount > budget]
    total = capacity.money_needed(plan)
    if too_dear:
        return f"{listing(too_dear)} alone costs more than the budget of {plan.money(budget)} a year"
    if total > budget:
        return f"costs add up to {plan.money(total)} a year; the budget is {plan.money(budget)}"
    return None


CHECKS = (
    Check("check.budget", "resources", "Costs exceed the budget", True,
          "resources.budget", _over_budget),
)
