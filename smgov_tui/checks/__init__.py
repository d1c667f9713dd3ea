"""The cross-checks: rules that combine decisions, each declared once in the
module of the domain it guards."""

from . import (
               accessibility,
               budget,
               capacity,
               comments,
               coverage,
               crisis,
               escalation,
               objective,
               platform,
               tiers,
)
from .base import Check

CHECKS: tuple[Check, ...] = (
    *objective.CHECKS, *capacity.CHECKS, *budget.CHECKS, *coverage.CHECKS,
    *tiers.CHECKS, *escalation.CHECKS, *platform.CHECKS, *comments.CHECKS, *crisis.CHECKS,
    *accessibility.CHECKS,
)

__all__ = ["CHECKS", "Check"]
