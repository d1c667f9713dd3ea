"""Our choices beside our peers': where they post, how often, how they work,
what works for them and what we will copy.

Ours are derived from the plan's own decisions, so the comparison moves as
the plan does; peers' come from their rows as written.
"""

from __future__ import annotations

from dataclasses import dataclass

from smgov_tui.core.catalogue.response import MODERATION_MODES
from smgov_tui.core.hours import hours
from smgov_tui.core.names import name_key, name_list
from smgov_tui.core.plan import Plan

US = "Us"


@dataclass(frozen=True)
class Aspect:
    title: str
    ours: str  # "" when our plan says nothing here yet
    theirs: tuple[tuple[str, str], ...]  # (peer, what they wrote)


def our_platforms(plan: Plan) -> str:
    main = name_key(plan.get("platforms.main"))
    return ", ".join(row["platform"] + (" (main)" if name_key(row["platform"]) == main else "")
                     for row in plan.rows("platforms.chosen"))


def our_cadence(plan: Plan) -> str:
    parts = []
    for row in plan.rows("platforms.chosen"):
        if row.get("posts_per_week"):
            parts.append(f"{hours(row['posts_per_week']).removesuffix(' h')} posts a week on "
                         f"{row['platform']}")
    return ", ".join(parts)


def our_process(plan: Plan) -> str:
    mode = plan.get("response.moderation_mode")
    parts = [plan.get("response.approval"),
             f"{mode} moderation" if mode in MODERATION_MODES else mode,  # own words read as they are
             f"watched {plan.get('response.monitoring_hours')}" if plan.get("response.monitoring_hours") else None,
             f"replies within {plan.get('response.reply_target')}" if plan.get("response.reply_target") else None]
    return "; ".join(part for part in parts if part)


def aspects(plan: Plan) -> list[Aspect]:
    peers = plan.rows("peers.peers")

    def theirs(field: str) -> tuple[tuple[str, str], ...]:
        return tuple((row["peer"], row.get(field, "")) for row in peers)

    return [
        Aspect("Platforms", our_platforms(plan), theirs("platforms")),
        Aspect("Cadence", our_cadence(plan), theirs("cadence")),
        Aspect("Process", our_process(plan), theirs("process")),
        Aspect("What works", "", theirs("works")),
        Aspect("Tips", plan.get("peers.adopt") or "", theirs("tips")),
    ]


def platforms_we_skip(plan: Plan) -> list[tuple[str, int]]:
    """Platforms peers use that we do not, most used first: worth a second look, not a must."""
    ours = {name_key(row["platform"]) for row in plan.rows("platforms.chosen")}
    counts: dict[str, tuple[str, int]] = {}
    for row in plan.rows("peers.peers"):
        for name in {name_key(n): n for n in name_list(row.get("platforms"))}.values():
            key = name_key(name)
            if key not in ours:
                shown, count = counts.get(key, (name, 0))
                counts[key] = (shown, count + 1)
    return sorted(counts.values(), key=lambda item: (-item[1], item[0].casefold()))
