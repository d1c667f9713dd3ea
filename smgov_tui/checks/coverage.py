"""Monitoring hours and reply targets against the rostered week (check 2)."""

from __future__ import annotations

from ..plan import Plan
from ..schedule import Schedule, ScheduleError, describe_minutes, parse_duration, parse_schedule
from .base import Check, listing


def _rostered(plan: Plan) -> Schedule:
    union = Schedule(())
    for row in plan.rows("resources.roster"):
        if row.get("when"):
            union = union | parse_schedule(row["when"])
    return union


def _targets(plan: Plan) -> list[tuple[str, str]]:
    targets = [(f"{row['tier']} tier", row["target"])
               for row in plan.rows("response.tiers") if row.get("target")]
    if plan.get("response.reply_target"):
        targets.insert(0, ("standard reply", plan.get("response.reply_target")))
    return targets


def _outside_hours(plan: Plan) -> str | None:
    text = plan.get("response.monitoring_hours")
    if not text or plan.get("response.moderation_mode") == "hands-off":
        return None
    try:
        monitoring = parse_schedule(text)
    except ScheduleError:
        return None
    problems = []
    if plan.rows("resources.roster"):
        rostered = _rostered(plan)
        if not rostered.windows:
            problems.append(f"nobody on the roster has duty hours to cover {monitoring}")
        else:
            open_hours = monitoring.uncovered_by(rostered)
            if open_hours.windows:
                problems.append(f"monitoring hours {open_hours} are not rostered")
    gap = monitoring.longest_gap()
    late = [f"{what} {target}" for what, target in _targets(plan)
            if not parse_duration(target).business and parse_duration(target).minutes < gap]
    if late:
        hint = "use business time, e.g. 1 business day"
        if any(what == "emergency tier" for what, _ in _targets(plan)):
            hint += ", and point emergencies to 911"
        problems.append(f"{listing(late)} cannot be met across a {describe_minutes(gap)} "
                        f"gap in monitoring ({hint})")
    return "; ".join(problems) or None


CHECKS = (
    Check("check.coverage", "response", "Monitoring hours or targets outside rostered hours", True,
          "response.monitoring_hours", _outside_hours),
)
