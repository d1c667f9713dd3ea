"""The response matrix beside the response decisions: tiers and topics
against first responder, backup, escalation contact and reply target, with
the gaps the checklist will name marked where they sit."""

from __future__ import annotations

import re
import textwrap

from textual.content import Content

from smgov_tui.core import response_matrix
from smgov_tui.core.names import name_part, short_name
from smgov_tui.core.plan import Plan
from smgov_tui.tui.widgets.view_panel import (
    FittedPanel,
    fit_widths,
    hanging,
    table_lines,
)

HEADERS = ["Tier", "First", "Backup", "Escalate to", "Within"]
SHORT_TIERS = {"escalating issue": "escalating"}
SHOWN_TOPICS = 20  # a view, not a listing of every row


def short_target(text: str) -> str:
    """"2 business days" -> "2 bus. days", "4 business hours" -> "4 bus. h"."""
    text = re.sub(r"business\s+", "bus. ", text)
    return re.sub(r"\bhours?\b", "h", text)


def _cells(line: response_matrix.TierLine, person) -> list[str]:
    if not line.listed:
        return [line.tier, "✗ no row", "", "", ""]
    escalation = person(line.escalation) if line.escalation else "✗ nobody"
    if line.escalates_to_itself:
        escalation = "! " + escalation
    return [line.tier, person(line.responder) if line.owned else "✗ nobody",
            person(line.backup) if line.backup else "—", escalation,
            short_target(line.target) if line.target else "—"]


def one_escalation(lines: list[response_matrix.TierLine]) -> str | None:
    """The escalation contact every listed tier shares, so its column can give way when narrow."""
    names = {line.escalation for line in lines if line.listed}
    return names.pop() if len(names) == 1 and all(n for n in names) else None


def matrix_lines(plan: Plan, width: int) -> tuple[list[str], bool]:
    """The table, and whether the escalation column was folded into a note to fit."""
    lines = response_matrix.tier_lines(plan)
    shared = one_escalation(lines)
    attempts = [(name_part, {}, False), (short_name, {}, False), (short_name, SHORT_TIERS, False)]
    if shared and not any(line.escalates_to_itself for line in lines):
        attempts.insert(1, (name_part, {}, True))
        attempts.insert(3, (short_name, SHORT_TIERS, True))
    for person, tiers, folded in attempts:
        rows = [HEADERS] + [_cells(line, person) for line in lines]
        rows = [[tiers.get(row[0], row[0])] + row[1:] for row in rows]
        if folded:
            rows = [row[:3] + row[4:] for row in rows]
        natural = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        if sum(natural) + len(natural) <= width:
            return table_lines(rows, natural), folded
    return table_lines(rows, fit_widths(rows, width - 1) or [8] * len(rows[0])), folded


def response_content(plan: Plan, width: int) -> Content:
    parts: list = [Content.styled("Response matrix\n", "bold")]
    table, folded = matrix_lines(plan, width)
    parts.append(Content.styled(table[0] + "\n", "dim"))
    parts += [Content(line + "\n") for line in table[1:]]
    contact = plan.get("response.escalation_contact")
    if folded:
        parts.append(Content(f" Every tier escalates to "
                             f"{name_part(one_escalation(response_matrix.tier_lines(plan)))}.\n"))
    elif contact and any(line.escalation_inherited for line in response_matrix.tier_lines(plan)):
        parts.append(Content.styled(f" A blank \"Escalate to\" means the escalation contact, "
                                    f"{name_part(contact)}.\n", "dim"))
    if any(line.listed and line.escalates_to_itself for line in response_matrix.tier_lines(plan)):
        parts.append(Content(" ! escalates to its only responder\n"))
    topics = response_matrix.topic_lines(plan)
    if topics:
        parts.append(Content.styled("Topics and the tier that answers them\n", "bold"))
        label = max(len(t.topic) for t in topics[:SHOWN_TOPICS])
        if len(topics) > SHOWN_TOPICS:
            parts.append(Content.styled(f" first {SHOWN_TOPICS} of {len(topics):,}\n", "dim"))
        for topic in topics[:SHOWN_TOPICS]:
            owned = topic.line is not None and topic.line.owned
            text = f"{topic.tier}: {short_name(topic.line.responder) if owned else '✗ nobody'}"
            if topic.speaker:
                text += f"; speaks: {topic.speaker}"
            if width - label >= 34:
                parts += [Content(line + "\n") for line in hanging(topic.topic, text, width, label)]
            else:  # narrow: the topic whole on its line, who answers it under it
                parts += [Content(line + "\n") for line in textwrap.wrap(
                    topic.topic, width - 1, initial_indent="  ", subsequent_indent="  ")]
                parts += [Content(line + "\n") for line in textwrap.wrap(
                    text, width - 1, initial_indent="    → ", subsequent_indent="      ")]
    return Content.assemble(*parts).rstrip()


class ResponseMatrix(FittedPanel):
    """Who answers what, redrawn as the response decisions change."""

    def __init__(self) -> None:
        super().__init__("response-matrix")

    def content(self, plan: Plan, width: int) -> Content:
        return response_content(plan, width)
