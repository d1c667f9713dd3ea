"""Monitoring hours against the rostered week, reply targets against the
monitoring hours (check 2, as two checks: each is fixed in a different place),
and each person's duty hours against their hours a week.

"When on duty" is when someone is at work on the accounts, so it cannot be
longer than the hours they are rostered for: a 6 h person "on duty" Mon-Fri
09:00-17:00 does not watch 40 h. Such a window is flagged on its own (the fix is
in the roster) and does not count towards the monitoring hours."""

from __future__ import annotations

from smgov_tui.core.checks.base import Check, listing
from smgov_tui.core.hours import hours
from smgov_tui.core.plan import Plan
from smgov_tui.core.schedule import (
    Schedule,
    ScheduleError,
    describe_minutes,
    parse_duration,
    parse_schedule,
)


def _duty(plan: Plan) -> list[tuple[dict, Schedule, bool]]:
    """Each roster row with duty hours: (row, its window, whether it fits its hours a week)."""
    duty = []
    for row in plan.rows("resources.roster"):
        if row.get("when"):
            window = parse_schedule(row["when"])
            fits = window.minutes <= round(row.get("hours", 0) * 60) + 3  # the hours' rounding
            duty.append((row, window, fits))
    return duty


def _rostered(plan: Plan) -> Schedule:
    """The duty windows a person's hours can truly fill."""
    union = Schedule(())
    for _row, window, fits in _duty(plan):
        if fits:
            union = union | window
    return union


def _overlong(plan: Plan) -> str | None:
    over = [f"{row['name']} is on duty {hours(window.minutes / 60)} a week ({window}) "
            f"but rostered for {hours(row.get('hours', 0))}"
            for row, window, fits in _duty(plan) if not fits]
    return "; ".join(over) + ": name the hours they truly watch" if over else None


def _targets(plan: Plan) -> list[tuple[str, str]]:
    targets = [(f"{row['tier']} tier", row["target"])
               for row in plan.rows("response.tiers") if row.get("target")]
    if plan.get("response.reply_target"):
        targets.insert(0, ("standard reply", plan.get("response.reply_target")))
    return targets


def _monitoring(plan: Plan) -> Schedule | None:
    """The published hours, unless nobody needs to watch (hands-off) or they do not parse."""
    text = plan.get("response.monitoring_hours")
    if not text or plan.get("response.moderation_mode") == "hands-off":
        return None
    try:
        return parse_schedule(text)
    except ScheduleError:
        return None


def _unrostered(plan: Plan) -> str | None:
    monitoring = _monitoring(plan)
    if monitoring is None or not plan.rows("resources.roster"):
        return None
    if not _duty(plan):
        return f"nobody on the roster has duty hours to cover {monitoring}"
    rostered = _rostered(plan)
    open_hours = monitoring.uncovered_by(rostered)
    return f"monitoring hours {open_hours} are not rostered" if open_hours.windows else None


def _late_targets(plan: Plan) -> str | None:
    monitoring = _monitoring(plan)
    if monitoring is None:
        return None
    gap = monitoring.longest_gap()
    late = [f"{what} {target}" for what, target in _targets(plan)
            if not parse_duration(target).business and parse_duration(target).minutes < gap]
    if not late:
        return None
    hint = "use business time, e.g. 1 business day"
    if any(what == "emergency tier" for what, _ in _targets(plan)):
        hint += ", and point emergencies to 911"
    return (f"{listing(late)} cannot be met across a {describe_minutes(gap)} "
            f"gap in monitoring ({hint})")


CHECKS = (
    Check("check.coverage", "response", "Monitoring hours outside rostered hours", True,
          "response.monitoring_hours", _unrostered),
    Check("check.targets", "response", "Reply targets outside monitoring hours", True,
          "response.tiers", _late_targets),
    Check("check.duty_hours", "resources", "Duty hours longer than the hours a week", True,
          "resources.roster", _overlong),
)
