"""Every ranked goal is reached through platforms the plan will run: the ranking
sets the cut order and the main platform, so a goal served by a platform nobody
runs is a promise the plan cannot keep."""

from __future__ import annotations

from smgov_tui.core.checks.base import Check, listing
from smgov_tui.core.names import name_key, name_list
from smgov_tui.core.plan import Plan


def _unserved(plan: Plan) -> str | None:
    chosen = {name_key(row["platform"]) for row in plan.rows("platforms.chosen")}
    if not chosen:
        return None  # the missing decision says it already
    problems = []
    for goal in plan.rows("resources.ranked_goals"):
        absent = list({name_key(name): name for name in name_list(goal.get("platforms"))
                       if name_key(name) not in chosen}.values())
        if absent:
            verb = "is" if len(absent) == 1 else "are"
            problems.append(f"goal {goal['goal']!r} is reached through {listing(absent)}, "
                            f"which {verb} not among the platforms we will run")
    return "; ".join(problems) or None


CHECKS = (
    Check("check.goal_platforms", "resources", "A goal is reached through a platform not chosen",
          True, "resources.ranked_goals", _unserved),
)
