"""Staff time against the platforms it must run (checks 1 and 12), person by
person, and the reply load those hours must include."""

from __future__ import annotations

from smgov_tui.core import hours as capacity
from smgov_tui.core.checks.base import Check, listing, plural, report
from smgov_tui.core.hours import hours
from smgov_tui.core.plan import Plan


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


def _people_overloaded(plan: Plan) -> str | None:
    over = [f"{person.name} owns {hours(person.needed)}/week of account work with "
            f"{hours(person.available)}/week rostered"
            for person in capacity.person_loads(plan) if person.rostered and person.short > 0.05]
    absent = [f"{person.name} ({hours(person.needed)})" for person in capacity.person_loads(plan)
              if not person.rostered]
    reason = report(("", over), ("accounts owned by people not on the roster:", absent))
    return reason.lstrip() if reason else None


def _reply_load_missing(plan: Plan) -> str | None:
    missing = capacity.replies_unestimated(plan)
    if not missing:
        return None
    return (f"comments are open on {listing(missing)} but no reply load is estimated "
            "(replies a week x minutes a reply), so the hours needed are too low")


CHECKS = (
    Check("check.hours", "resources", "Hours needed exceed staff hours", True,
          "resources.roster", _hours_short),
    Check("check.platform_count", "platforms", "More platforms than the staff can run", False,
          "platforms.chosen", _too_many_platforms),
    Check("check.person_hours", "resources", "Someone owns more hours than they have", False,
          "resources.roster", _people_overloaded),
    Check("check.reply_load", "platforms", "Reply load not estimated", False,
          "platforms.chosen", _reply_load_missing),
)
