"""Hours and money: what the plan asks for against what it has.

The arithmetic lives here so the checklist, the workbench's capacity view
and the exported plan all show the same figures.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from smgov_tui.core.names import person_key
from smgov_tui.core.plan import Plan
from smgov_tui.core.schedule import ScheduleError, parse_schedule

# A channel's upkeep even with few posts: about an hour a month plus five
# minutes three times a day (a university's guidance, in domain.md).
BASELINE_HOURS_PER_PLATFORM = 12 / 52 + 3 * 5 * 7 / 60


class PlatformLoad(NamedTuple):
    platform: str
    posting: float  # hours a week
    moderation: float  # hours a week
    replies: float = 0.0  # hours a week: the response-load estimate
    owner: str = ""

    @property
    def hours(self) -> float:
        return self.posting + self.moderation + self.replies


def moderation_days(plan: Plan) -> int:
    """Days a week moderation happens: the monitored days, else every day."""
    text = plan.get("response.monitoring_hours")
    if text:
        try:
            return parse_schedule(text).days or 7
        except ScheduleError:
            pass
    return 7


_last_loads: tuple = (None, 0, [])  # (rows, days, loads): the views ask several times per keystroke


def platform_loads(plan: Plan) -> list[PlatformLoad]:
    """Each chosen platform's hours. Remembered for the last rows seen: a change
    to the rows always arrives as a new list, so identity says they are the same."""
    global _last_loads
    days = moderation_days(plan)
    rows = plan.rows("platforms.chosen")
    if _last_loads[0] is rows and _last_loads[1] == days:
        return list(_last_loads[2])
    loads = []
    for row in plan.rows("platforms.chosen"):
        posting = row.get("posts_per_week", 0) * row.get("minutes_per_post", 0) / 60
        moderation = row.get("checks_per_day", 0) * row.get("minutes_per_check", 0) * days / 60
        replies = row.get("replies_per_week", 0) * row.get("minutes_per_reply", 0) / 60
        loads.append(PlatformLoad(row["platform"], posting, moderation, replies,
                                  row.get("owner", "")))
    _last_loads = (rows, days, loads)
    return list(loads)


def replies_unestimated(plan: Plan) -> list[str]:
    """Platforms taking comments with no reply load counted: the hours needed are too low."""
    return [row["platform"] for row in plan.rows("platforms.chosen")
            if row.get("comments") in ("open", "limited")
            and not (row.get("replies_per_week") and row.get("minutes_per_reply"))]


class PersonLoad(NamedTuple):
    """A person's rostered hours against the hours of the accounts they own."""
    name: str
    needed: float
    available: float
    rostered: bool

    @property
    def short(self) -> float:
        return max(0.0, self.needed - self.available)


def person_loads(plan: Plan) -> list[PersonLoad]:
    """Roster order, then owners missing from the roster; a platform's hours
    fall on its owner, who answers for the account."""
    needed: dict[str, float] = {}
    names: dict[str, str] = {}
    for load in platform_loads(plan):
        key = person_key(load.owner)
        if key:
            needed[key] = needed.get(key, 0.0) + load.hours
            names.setdefault(key, load.owner)
    people = []
    seen = set()
    for row in plan.rows("resources.roster"):
        key = person_key(row["name"])
        if key in seen:
            continue
        seen.add(key)
        people.append(PersonLoad(row["name"], needed.get(key, 0.0), row.get("hours", 0), True))
    people += [PersonLoad(names[key], hours_, 0.0, False)
               for key, hours_ in needed.items() if key not in seen]
    return people


def hours_needed(plan: Plan) -> float:
    return sum(load.hours for load in platform_loads(plan))


def hours_available(plan: Plan) -> float:
    return sum(row.get("hours", 0) for row in plan.rows("resources.roster"))


def platforms_runnable(plan: Plan) -> int:
    """How many channels the rostered hours keep alive at baseline upkeep."""
    return max(1, math.floor(hours_available(plan) / BASELINE_HOURS_PER_PLATFORM))


class Cost(NamedTuple):
    what: str
    amount: float


def costs(plan: Plan) -> list[Cost]:
    """Every yearly cost the plan names, tool by tool then the fixed lines."""
    lines = [Cost(f"tool: {row['tool']}", row["cost"])
             for row in plan.rows("platforms.tools") if row.get("cost")]
    for decision_id, what in (("resources.promotion", "paid promotion"),
                              ("resources.training_cost", "training"),
                              ("safeguards.archiving_cost", "archiving")):
        if plan.get(decision_id):
            lines.append(Cost(what, plan.get(decision_id)))
    return lines


def money_needed(plan: Plan) -> float:
    return sum(cost.amount for cost in costs(plan))


def hours(value: float) -> str:
    """6 -> "6 h", 11.5 -> "11.5 h", 1.98 -> "2 h"."""
    return f"{round(value, 1):g} h"
