"""Escalation must reach someone other than the person who answers (check 4)."""

from __future__ import annotations

from smgov_tui.core.checks.base import Check, listing
from smgov_tui.core.names import person_key
from smgov_tui.core.plan import Plan
from smgov_tui.core.response_matrix import tier_lines


def responders(plan: Plan) -> set[str]:
    return {person_key(row[field]) for row in plan.rows("response.tiers")
            for field in ("responder", "backup") if row.get(field)}


def _escalation_is_responder(plan: Plan) -> str | None:
    contact = plan.get("response.escalation_contact")
    if contact and responders(plan) == {person_key(contact)}:
        return f"{contact} is both the only responder and the escalation contact: nobody to escalate to"
    alone = [line for line in tier_lines(plan) if line.listed and line.escalates_to_itself]
    if not alone:
        return None
    names = sorted({line.responder for line in alone})
    tiers = [line.tier for line in alone]
    return (f"{listing(names)} would escalate to {'themselves' if len(names) > 1 else 'themself'}: "
            f"the only responder on the {listing(tiers)} {'tier' if len(tiers) == 1 else 'tiers'} "
            "is also the escalation contact there")


CHECKS = (
    Check("check.escalation", "response", "Escalation contact is the only responder", True,
          "response.escalation_contact", _escalation_is_responder),
)
