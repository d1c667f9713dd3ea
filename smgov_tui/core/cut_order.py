"""What to cut first when the plan asks for more than it has.

The source article: with limited resources, choose the goals that matter
most and the platform, team and budget that reach them. So platforms are
kept in the order of the best-ranked goal each one serves (a goal names its
platforms under "Reached through"), then of their score in the platform
evaluation; the main platform is never proposed.
Money is cut where it is optional (promotion, then tools other than
archiving, dearest first); archiving and training are obligations.
"""

from __future__ import annotations

from dataclasses import dataclass

from smgov_tui.core import hours as capacity
from smgov_tui.core import platform_matrix as evaluation
from smgov_tui.core.names import name_key, name_list
from smgov_tui.core.plan import Plan


@dataclass(frozen=True)
class Cut:
    what: str
    saves: float  # hours a week, or money a year
    why: str  # why it goes before the others, in plain words
    left: float  # what is still short after this cut; 0 or less means it fits


@dataclass(frozen=True)
class Proposal:
    short: float
    cuts: tuple[Cut, ...]
    deferred_goals: tuple[str, ...] = ()
    still_short: float = 0.0  # what no cut on the list can close


def goal_platforms(goal: dict) -> set[str]:
    return {name_key(part) for part in name_list(goal.get("platforms"))}


def platform_ranks(plan: Plan) -> dict[str, int]:
    """Each chosen platform's best goal rank (1 = most important); absent if no goal names it."""
    ranks: dict[str, int] = {}
    for rank, goal in enumerate(plan.rows("resources.ranked_goals"), start=1):
        for key in goal_platforms(goal):
            ranks.setdefault(key, rank)
    return ranks


def _cut_order(plan: Plan) -> list[tuple[capacity.PlatformLoad, str]]:
    ranks = platform_ranks(plan)
    main = name_key(plan.get("platforms.main"))
    scores = {name_key(r.platform): r.score for r in evaluation.ranking(plan.get("platforms.matrix"))}
    unranked = len(plan.rows("resources.ranked_goals")) + 1
    unscored = evaluation.MAX_SCORE + 1  # among equals, unscored go last: we know less
    keyed = [(name_key(load.platform), index, load)
             for index, load in enumerate(capacity.platform_loads(plan))]
    # Worst goal first; among equals the lower evaluation score, then the dearer
    # in hours, then the later in the list.
    keyed = sorted(((key, index, load) for key, index, load in keyed if key != main),
                   key=lambda item: (-ranks.get(item[0], unranked), scores.get(item[0], unscored),
                                     -item[2].hours, -item[1]))
    reasons = []
    for key, _, load in keyed:
        rank = ranks.get(key)
        why = f"serves goal {rank} at best" if rank else "serves no ranked goal"
        if key in scores:
            why += f", scored {scores[key]:.1f}/5"
        reasons.append((load, why))
    return reasons


def hour_cuts(plan: Plan) -> Proposal | None:
    """Platforms to drop, least important first, until the roster's hours suffice."""
    if not plan.rows("resources.roster"):
        return None
    short = capacity.hours_needed(plan) - capacity.hours_available(plan)
    if short <= 1e-9:
        return None
    cuts, left, kept_goals = [], short, set()
    dropped: set[str] = set()
    for load, why in _cut_order(plan):
        if left <= 1e-9:
            break
        left -= load.hours
        dropped.add(name_key(load.platform))
        cuts.append(Cut(load.platform, load.hours, why, left))
    kept = {name_key(row["platform"]) for row in plan.rows("platforms.chosen")} - dropped
    for goal in plan.rows("resources.ranked_goals"):
        reached = goal_platforms(goal)
        if reached and not reached & kept:
            continue
        kept_goals.add(goal["goal"])
    deferred = tuple(goal["goal"] for goal in plan.rows("resources.ranked_goals")
                     if goal["goal"] not in kept_goals)
    return Proposal(short, tuple(cuts), deferred, max(0.0, left))


OPTIONAL_PURPOSES_EXCLUDED = ("archiving",)


def money_cuts(plan: Plan) -> Proposal | None:
    """Optional spending to drop, promotion first, until the budget suffices."""
    budget = plan.get("resources.budget")
    if budget is None:
        return None
    short = capacity.money_needed(plan) - budget
    if short <= 1e-9:
        return None
    options = []
    if plan.get("resources.promotion"):
        options.append(("paid promotion", plan.get("resources.promotion"), "optional reach"))
    tools = [row for row in plan.rows("platforms.tools")
             if row.get("cost") and not set(row.get("purpose") or ()) & set(OPTIONAL_PURPOSES_EXCLUDED)]
    for row in sorted(tools, key=lambda r: -r["cost"]):
        options.append((row["tool"], row["cost"], "a tool; the platforms' own features can stand in"))
    cuts, left = [], short
    for what, amount, why in options:
        if left <= 1e-9:
            break
        left -= amount
        cuts.append(Cut(what, amount, why, left))
    return Proposal(short, tuple(cuts), (), max(0.0, left))
