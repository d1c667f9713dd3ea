"""The cross-checks: rules that combine decisions, each declared once in the
module of the domain it guards."""

from smgov_tui.core.checks import (
    accessibility,
    adoption,
    budget,
    comments,
    coverage,
    crisis,
    escalation,
    objective,
    platform,
    staff_hours,
    tiers,
)
from smgov_tui.core.checks.base import Check

CHECKS: tuple[Check, ...] = (
    *objective.CHECKS, *staff_hours.CHECKS, *budget.CHECKS, *coverage.CHECKS,
    *tiers.CHECKS, *escalation.CHECKS, *platform.CHECKS, *comments.CHECKS, *crisis.CHECKS,
    *accessibility.CHECKS,
    *adoption.CHECKS,  # the adopted documents' gaps: last, after the rules they restate
)

__all__ = ["CHECKS", "Check"]
