"""Open comments need a comment policy and removal rules (check 6)."""

from __future__ import annotations

from smgov_tui.core.checks.base import Check, listing
from smgov_tui.core.plan import Plan


def commenting_platforms(plan: Plan) -> list[str]:
    return [row["platform"] for row in plan.rows("platforms.chosen")
            if row.get("comments") in ("open", "limited")]


_RULES = (("conduct.citizen_conduct", "public comment policy"), ("safeguards.removal_rules", "removal rules"))


def _comment_rules(plan: Plan) -> str | None:
    open_on = commenting_platforms(plan)
    if not open_on:
        return None
    missing = [what for decision_id, what in _RULES if not plan.decided(decision_id)]
    problems = []
    if missing:
        problems.append(f"people can comment on {listing(open_on)} but there is no "
                        + " and no ".join(missing))
    if plan.get("safeguards.forum") == "government speech (comments off)":
        problems.append(f"the legal footing says comments off, yet people can comment on {listing(open_on)}")
    if (plan.get("safeguards.forum") == "no public-forum doctrine applies"
            and plan.get("organisation.country") == "United States"):
        problems.append(f"people can comment on {listing(open_on)} and the legal footing says no "
                        "public-forum doctrine applies, but in the United States it does")
    return "; ".join(problems) or None


CHECKS = (
    Check("check.comment_policy", "conduct", "Open comments without a comment policy", True,
          "conduct.citizen_conduct", _comment_rules,
          lambda plan: next((decision_id for decision_id, _ in _RULES if not plan.decided(decision_id)),
                            "safeguards.forum")),
)
