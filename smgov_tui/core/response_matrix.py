"""The response matrix: for every reply tier and every topic, who answers
first, who covers, who takes over, and how fast.

Tiers name their people; a topic is answered by the people of its tier, so
the matrix shows at a glance a tier nobody owns or a topic that lands on it.
A tier's blank "Escalate to" falls back to the plan's escalation contact.
"""

from __future__ import annotations

from typing import NamedTuple

from smgov_tui.core.catalogue.rows import TIERS
from smgov_tui.core.names import person_key
from smgov_tui.core.plan import Plan


class TierLine(NamedTuple):
    tier: str
    responder: str = ""
    backup: str = ""
    escalation: str = ""
    escalation_inherited: bool = False  # the plan's escalation contact stands in
    target: str = ""
    how: str = ""
    listed: bool = True  # False: no row for this tier at all

    @property
    def owned(self) -> bool:
        return bool(self.responder)

    @property
    def escalates_to_itself(self) -> bool:
        """The escalation contact is this tier's only responder: nobody to escalate to."""
        key = person_key(self.escalation)
        people = {person_key(name) for name in (self.responder, self.backup) if name}
        return bool(key) and people == {key}


class TopicLine(NamedTuple):
    topic: str
    tier: str
    speaker: str  # who speaks to the topic: the source of the answer
    off_limits: bool
    line: TierLine | None  # the tier's people; None if no row for that tier


def tier_lines(plan: Plan) -> list[TierLine]:
    """One line per row in tier order, and a line for each tier with no row."""
    contact = plan.get("response.escalation_contact") or ""
    rows = plan.rows("response.tiers")
    lines = []
    for tier in TIERS:
        matching = [row for row in rows if row.get("tier") == tier]
        if not matching:
            lines.append(TierLine(tier, listed=False, escalation=contact,
                                  escalation_inherited=bool(contact)))
        for row in matching:
            own = row.get("escalation") or ""
            lines.append(TierLine(tier, row.get("responder", ""), row.get("backup", ""),
                                  own or contact, not own and bool(contact),
                                  row.get("target", ""), row.get("how", "")))
    return lines


def topic_lines(plan: Plan) -> list[TopicLine]:
    by_tier: dict[str, TierLine] = {}
    for line in tier_lines(plan):
        if line.listed:
            by_tier.setdefault(line.tier, line)
    lines = []
    for decision_id, off_limits in (("response.welcomed_topics", False),
                                    ("response.off_limits_topics", True)):
        for row in plan.rows(decision_id):
            tier = row.get("tier") or ("off-limits" if off_limits else "enquiry")
            lines.append(TopicLine(row["topic"], tier, row.get("owner", ""), off_limits,
                                   by_tier.get(tier)))
    return lines
