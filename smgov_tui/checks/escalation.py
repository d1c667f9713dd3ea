"""Escalation must reach someone other than the person who answers (check 4)."""

from __future__ import annotations

from ..people import person_key
from ..plan import Plan
from .base import Check


def responders(plan: Plan) -> set[str]:
    return {person_key(row[field]) for row in plan.rows("response.tiers")
            for field in ("responder", "backup") if row.get(field)}


def _escalation_is_responder(plan: Plan) -> str | None:
    contact = plan.get("response.escalation_contact")
    people = responders(plan)
    if not contact or people != {person_key(contact)}:
        return None
    return f"{contact} is both the only responder and the escalation contact: nobody to escalate to"


CHECKS = (
    Check("check.escalation", "response", "Escalation contact is the only responder", True,
          "response.escalation_contact", _escalation_is_responder),
)
