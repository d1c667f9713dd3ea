"""Planned content types need their accessibility rule (check 11)."""

from __future__ import annotations

from smgov_tui.core.checks.base import Check, listing
from smgov_tui.core.plan import Plan

RULE_FOR = {
    "images": "alt text on images",
    "video": "captions on video",
    "live video": "captions on video",
    "audio": "transcripts for audio",
}


def _missing_rules(plan: Plan) -> str | None:
    rules = set(plan.get("safeguards.accessibility") or ())
    gaps: dict[str, dict[str, list[str]]] = {}  # rule -> content type -> platforms
    for row in plan.rows("platforms.chosen"):
        for content in row.get("content", ()):
            rule = RULE_FOR.get(content)
            if rule and rule not in rules:
                gaps.setdefault(rule, {}).setdefault(content, []).append(row["platform"])
    if not gaps:
        return None
    return "; ".join(
        " and ".join(f"{content} on {listing(platforms, 3)}" for content, platforms in where.items())
        + f" but no rule for {rule}" for rule, where in gaps.items())


CHECKS = (
    Check("check.accessibility", "safeguards", "Content without its accessibility rule", True,
          "safeguards.accessibility", _missing_rules),
)
