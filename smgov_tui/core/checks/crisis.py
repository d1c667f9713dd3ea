"""A crisis kit needs the three things that stop a bad day getting worse (check 10)."""

from __future__ import annotations

from smgov_tui.core.checks.base import Check, listing
from smgov_tui.core.plan import Plan

ESSENTIALS = ("pre-approved holding messages", "platform support contacts",
              "a way to pause scheduled posts")


def _incomplete_kit(plan: Plan) -> str | None:
    kit = plan.get("safeguards.crisis_kit")
    if not kit:
        return None
    missing = [item for item in ESSENTIALS if item not in kit]
    if not missing:
        return None
    return f"the crisis kit lacks {listing(missing)}"


CHECKS = (
    Check("check.crisis", "safeguards", "Crisis kit incomplete", True,
          "safeguards.crisis_kit", _incomplete_kit),
)
