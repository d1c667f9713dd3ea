"""The cross-checks: rules that combine decisions, each declared once in the
module of the domain it guards."""

import datetime as _dt

from smgov_tui.core.checks import (
    accessibility,
    adoption,
    budget,
    comments,
    coverage,
    crisis,
    dates,
    escalation,
    goals,
    objective,
    platform,
    signoff,
    staff_hours,
    tiers,
)
from smgov_tui.core.checks.base import Check

CHECKS: tuple[Check, ...] = (
    *objective.CHECKS, *staff_hours.CHECKS, *budget.CHECKS, *coverage.CHECKS,
    *tiers.CHECKS, *escalation.CHECKS, *platform.CHECKS, *comments.CHECKS, *crisis.CHECKS,
    *accessibility.CHECKS,
    *goals.CHECKS,
    *signoff.CHECKS,
    *adoption.CHECKS,  # the adopted documents' gaps: last, after the rules they restate
)



def checks_on(today: _dt.date) -> tuple[Check, ...]:
    """Every check as of a day: the ones above, then the dates that fall due by then."""
    return CHECKS + dates.checks_on(today)


__all__ = ["CHECKS", "Check", "checks_on"]
