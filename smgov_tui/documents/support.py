"""The weighing and arithmetic the workbench shows beside the forms, written
into the plan document: the platform evaluation, each person's hours and what
to cut first, the response matrix, and our plan beside our peers'.

The figures come from the same modules as the views and the checklist, so a
council reads what the team saw.
"""

from __future__ import annotations

from typing import Any

from smgov_tui.core import cut_order as cuts
from smgov_tui.core import hours as capacity
from smgov_tui.core import peer_comparison as comparison
from smgov_tui.core import response_matrix as triage
from smgov_tui.core.plan import Plan
from smgov_tui.documents.model import Block, Bullets, Filled, Gap, Para, Strong, Table
from smgov_tui.documents.prose import hours_words, in_words, spoken_list

NOBODY = Strong("No one named")


def people_and_cuts(plan: Plan) -> list[Block]:
    hours = hours_words
    blocks: list[Block] = []
    people = capacity.person_loads(plan)
    # Hours not entered are gaps, not "0 hours": on the platforms, or on a person's roster row.
    entered = {row["name"] for row in plan.rows("resources.roster") if row.get("hours")}
    posting = capacity.hours_needed(plan) > 0
    if people:
        blocks.append(Para(("Each platform's hours fall on its owner, who answers for the account:",)))
        blocks.append(Table(("Person", "Owns a week", "Rostered a week", "Over"), tuple(
            (Filled("resources.roster", person.name),
             hours(person.needed) if posting else Gap("platforms.chosen", "Hours each platform needs", whole=False),
             (hours(person.available) if person.name in entered else
              Gap("resources.roster", "Hours a week", whole=False)) if person.rostered
             else Strong("not on the roster"),
             hours(person.short) if person.short > 0.05 and posting and person.name in entered else "")
            for person in people)))
    unestimated = capacity.replies_unestimated(plan)
    if unestimated:
        blocks.append(Para(("The reply load is not estimated yet for ",
                            Filled("platforms.chosen", spoken_list(unestimated)),
                            ", so the hours needed are too low.")))
    for proposal, title, show in ((cuts.hour_cuts(plan), "short of staff time", hours),
                                  (cuts.money_cuts(plan), "over budget", plan.money)):
        if proposal is None:
            continue
        blocks.append(Para((Strong(f"The plan is {title} by {show(proposal.short)}."),
                            " Following our ranked goals, we would cut first:")))
        if proposal.cuts:
            blocks.append(Bullets(tuple(Para((Filled("platforms.chosen", cut.what),
                                              f": {cut.why}; saves {show(cut.saves)}, "
                                              + (f"still {show(cut.left)} short." if cut.left > 1e-9
                                                 else f"and then it fits with {show(-cut.left)} to spare.")))
                                        for cut in proposal.cuts), start=1))
        if proposal.deferred_goals:
            blocks.append(Para(("We would defer the goals only those platforms reach: ",
                                Filled("resources.ranked_goals", "; ".join(proposal.deferred_goals)), ".")))
        if proposal.still_short > 1e-9:
            blocks.append(Para((f"Even then we are {show(proposal.still_short)} short, so we must add "
                                "resources or do less on the main platform.",)))
    return blocks


def _person(text: str, decision_id: str) -> Any:
    return Filled(decision_id, text) if text else NOBODY


def response_matrix(plan: Plan) -> list[Block]:
    lines = triage.tier_lines(plan)
    if not plan.rows("response.tiers"):
        return [Para(("The response matrix follows once the reply tiers are decided.",))]
    rows = []
    for line in lines:
        if not line.listed:
            rows.append((line.tier, Strong("No tier row yet"), "", "", "", ""))
            continue
        rows.append((line.tier, _person(line.responder, "response.tiers"),
                     _person(line.backup, "response.tiers"),
                     _person(line.escalation, "response.escalation_contact" if line.escalation_inherited
                             else "response.tiers"),
                     Filled("response.tiers", in_words(line.target)) if line.target else Strong("No target"),
                     Filled("response.tiers", line.how) if line.how else ""))
    blocks: list[Block] = [
        Para(("Who answers each kind of message, who covers for them, who takes over, and how fast:",)),
        Table(("Tier", "First responder", "Backup", "Escalate to", "Reply within", "How"), tuple(rows))]
    topics = triage.topic_lines(plan)
    if topics:
        blocks.append(Para(("Each topic is answered by the people of its tier:",)))
        blocks.append(Table(("Topic", "Tier", "Answered by", "Speaks to it"), tuple(
            (Filled("response.off_limits_topics" if t.off_limits else "response.welcomed_topics", t.topic),
             t.tier, _person(t.line.responder if t.line else "", "response.tiers"),
             Filled("response.welcomed_topics", t.speaker) if t.speaker else "")
            for t in topics)))
    return blocks


def peers_beside_us(plan: Plan) -> list[Block]:
    aspects = comparison.aspects(plan)
    peers = [peer for peer, _ in aspects[0].theirs]
    if not peers:
        return [Para(("The comparison follows once peers are recorded.",))]
    rows = tuple((aspect.title, Filled("platforms.chosen", aspect.ours) if aspect.ours else "",
                  *(Filled("peers.peers", text) if text else "" for _, text in aspect.theirs))
                 for aspect in aspects)
    blocks: list[Block] = [Table(("", "Us", *peers), rows)]
    skipped = comparison.platforms_we_skip(plan)
    if skipped:
        used = ", ".join(f"{name} ({count} of {len(peers)})" for name, count in skipped)
        blocks.append(Para(("Platforms our peers use and we do not: ", Filled("peers.peers", used), ".")))
    return blocks
