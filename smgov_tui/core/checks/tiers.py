"""Every reply tier has someone who answers it, and says how soon (the response
matrix's first rules: a tier with no "Reply within" promises nothing)."""

from __future__ import annotations

from smgov_tui.core.checks.base import Check, listing
from smgov_tui.core.plan import Plan
from smgov_tui.core.response_matrix import tier_lines


def _unowned(plan: Plan) -> str | None:
    if not plan.rows("response.tiers"):
        return None  # the missing decision says it already
    lines = tier_lines(plan)
    no_row = [line.tier for line in lines if not line.listed]
    no_owner = [line.tier for line in lines if line.listed and not line.owned]
    problems = [f"{text} the {listing(tiers)} {'tier' if len(tiers) == 1 else 'tiers'}"
                for text, tiers in (("no row for", no_row), ("no first responder for", no_owner)) if tiers]
    return "; ".join(problems) or None


def _untimed(plan: Plan) -> str | None:
    tiers = list(dict.fromkeys(line.tier for line in tier_lines(plan) if line.listed and not line.target))
    if not tiers:
        return None
    many = len(tiers) > 1
    return f"the {listing(tiers)} {'tiers have' if many else 'tier has'} no reply target"


CHECKS = (
    Check("check.tiers", "response", "A reply tier has no owner", True,
          "response.tiers", _unowned),
    Check("check.tier_targets", "response", "A reply tier has no reply target", True,
          "response.tiers", _untimed),
)
