"""Staff time against the platforms it must run (checks 1 and 12)."""

from __future__ import annotations

from .. import capacity
from ..capacity import hours
from ..plan import Plan
from .base import Check, plural


def _hours_short(plan: Plan) -> str | None:
    if not plan.rows("platforms.chosen") or not plan.rows("resources.roster"):
        return None
    needed, available = capacity.hours_needed(plan), capacity.hours_available(plan)
    if needed <= available:
        return None
    count = len(plan.rows("platforms.chosen"))
    verb = "needs" if count == 1 else "need"
    return (f"{plural(count, 'platform')} {verb} {hours(needed)}/week; "
            f"the roster gives {hours(available)}/week")


def _too_many_platforms(plan: Plan) -> str | None:
    chosen = plan.rows("platforms.chosen")
    if len(chosen) < 2 or not plan.rows("resources.roster"):
        return None
    runnable = capacity.platforms_runnable(plan)
    if len(chosen) <= runnable:
        return None
    return (f"{len(chosen)} platforms chosen; {hours(capacity.hours_available(plan))}/week "
            f"of staff keeps about {runnable} going (about "
            f"{hours(capacity.BASELINE_HOURS_PER_PLATFORM)} upkeep each): focus on a main one")


CHECKS = (
    Check("check.hours", "resources", "Hours needed exceed staff hours", True,
          "resources.roster", _hours_short),
    Check("check.platform_count", "platforms", "More platforms than the staff can run", False,
          "platforms.chosen", _too_many_platforms),
)
