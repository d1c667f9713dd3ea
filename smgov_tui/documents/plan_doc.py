"""The plan itself, as a council reads a plan: sections it knows (purpose,
objectives, resources, response, platforms, peers, rules of engagement,
safeguards, launch and review), sentences that say what each table holds, and
every decision of the catalogue in them.

Each step's decisions are written by the sentences below; a decision no
sentence names (one added to the catalogue later) still prints, in its step's
section after them, as "Its label: its value." So adding a decision touches
the catalogue only. A figure that rests on values not yet entered is a gap,
never a zero.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from smgov_tui.core import hours as capacity
from smgov_tui.core import signoff
from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.catalogue.kinds import LongText, Rows
from smgov_tui.core.plan import Plan
from smgov_tui.core.readiness import Checklist
from smgov_tui.documents import support
from smgov_tui.documents.model import (
    Block,
    Bullets,
    Document,
    Filled,
    Gap,
    Para,
    Section,
    Strong,
    Table,
)
from smgov_tui.documents import governance
from smgov_tui.documents.prose import Prose, count_words, gap, hours_words, in_words, named, spoken_list

SECTIONS = {  # a step -> the section a council knows it as
    "organisation": "Purpose", "objectives": "Objectives", "resources": "Resources",
    "response": "Response", "platforms": "Platforms and tools", "peers": "What our peers taught us",
    "conduct": "Rules of engagement", "safeguards": "Safeguards", "launch": "Launch and review",
}

Writer = Callable[[Plan, Prose], list[Block]]
# A step's sentences, in order: a template of ours with {decision} slots; ("lead", template, id)
# for a sentence that introduces a long text or list, printed whole after it; or a writer with
# the decisions it prints.
Line = str | tuple[str, str, str] | tuple[Writer, tuple[str, ...]]


def _roster(plan: Plan, prose: Prose) -> list[Block]:
    rows = plan.rows("resources.roster")
    if not rows:
        return [prose.para("The people who run the accounts: {resources.roster}.")]
    people = [f"{row['name']} ({', '.join(filter(None, (row.get('role'), hours_words(row['hours']) if row.get('hours') else '')))})"
              if row.get("role") or row.get("hours") else row["name"] for row in rows]
    total = capacity.hours_available(plan)
    who = (f"{count_words(len(rows), 'person', 'people').capitalize()} share "
           if len(rows) > 1 else "One person gives ")
    share: tuple = ((who, hours_words(total), " a week: ") if total
                    else (who, Gap("resources.roster", "Hours a week each person gives", whole=False), ": "))
    return [Para((*share, Filled("resources.roster", spoken_list(people)), ".")),
            *prose.blocks("resources.roster")]


def _platforms(plan: Plan, prose: Prose) -> list[Block]:
    rows = plan.rows("platforms.chosen")
    if not rows:
        return [prose.para("The platforms we will run: {platforms.chosen}. Our main platform: {platforms.main}.")]
    names = [row["platform"] for row in rows]
    return [Para((f"We will run {count_words(len(rows), 'platform')}, ",
                  Filled("platforms.chosen", spoken_list(names)),
                  *prose.parts(", with {platforms.main} as our main platform. Each is set up as follows:"))),
            *prose.blocks("platforms.chosen")]


def _counted(decision_id: str, one: str, many: str, intro: str, undecided: str = "") -> Writer:
    """A list decision introduced by how many rows it has: "We measure two objectives:";
    while undecided, its gap in the `undecided` sentence (else the intro's)."""
    def write(plan: Plan, prose: Prose) -> list[Block]:
        rows = plan.rows(decision_id)
        if not rows:
            return [Para(((undecided or intro.format(what=many)) + ": ", *prose.parts(f"{{{decision_id}}}"), "."))]
        return [Para((intro.format(what=count_words(len(rows), one, many)) + ":",)), *prose.blocks(decision_id)]
    return write


def _response_matrix(plan: Plan, prose: Prose) -> list[Block]:
    if not plan.rows("response.tiers"):
        return [prose.para("Messages are sorted into reply tiers, each with its own people and "
                           "reply time: {response.tiers}.")]
    return support.response_matrix(plan)


def _peers(plan: Plan, prose: Prose) -> list[Block]:
    blocks = _counted("peers.peers", "peer", "peers", "We learned from {what}")(plan, prose)
    if plan.rows("peers.peers"):
        blocks += [Para(("Our plan beside theirs:",)), *support.peers_beside_us(plan)]
    return blocks


def _signoff(plan: Plan, prose: Prose) -> list[Block]:
    approval = signoff.approval(plan)
    return [*_write(("lead", "Signed off by:", "launch.signoff"), plan, prose),
            *([Para((approval,))] if approval else [])]


STEPS: dict[str, tuple[Line, ...]] = {
    "organisation": (
        "This plan is for {organisation.name}, a {organisation.kind} in {organisation.country|country}. "
        "Its website is {organisation.website}; the sums in it are in {organisation.currency}.",
    ),
    "objectives": (
        ("lead", "What people already discuss about us, without us:", "objectives.conversations_now"),
        ("lead", "The conversations we want to have:", "objectives.conversations_wanted"),
        ("lead", "Our most important messages:", "objectives.key_messages"),
        ("lead", "How we approach each topic:", "objectives.approach"),
        "The engagement we want: {objectives.engagement_goals}. We communicate {objectives.frequency}.",
        (_counted("objectives.measurable", "measurable objective", "measurable objectives",
                  "We will know it works by {what}, each with a metric, a target and a review date"),
         ("objectives.measurable",)),
        ("lead", "The audiences we must reach:", "objectives.audiences"),
        "Language access: {objectives.languages}.",
    ),
    "resources": (
        (_roster, ("resources.roster",)),
        "Our sponsor in the leadership is {resources.sponsor}.",
        ("lead", "When someone is on leave, sick, or a peak comes:", "resources.cover"),
        ("lead", "Training before anyone gets access:", "resources.training"),
        ("lead", "Looking after the people who moderate:", "resources.wellbeing"),
        "The yearly budget is {resources.budget}; paid promotion takes {resources.promotion} "
        "a year and training {resources.training_cost}.",
        (_counted("resources.ranked_goals", "goal", "goals",
                  "If time or money runs short, we keep {what} in this order"),
         ("resources.ranked_goals",)),
    ),
    "response": (
        (_response_matrix, ("response.tiers",)),
        ("lead", "How we respond:", "response.how"),
        "We aim to reply within {response.reply_target}. When we post: {response.posting_time_frame}.",
        (_counted("response.welcomed_topics", "topic", "topics", "We welcome questions on {what}"),
         ("response.welcomed_topics",)),
        (_counted("response.off_limits_topics", "topic", "topics", "We do not discuss {what} on our accounts",
                  "The topics we do not discuss on our accounts"),
         ("response.off_limits_topics",)),
        "Our tone is {response.tone}. What goes beyond the first responder goes to "
        "{response.escalation_contact}.",
        "Moderation is {response.moderation_mode}; the accounts are watched {response.monitoring_hours}. "
        "Approval before posting: {response.approval}.",
        "Every account says it is not watched for emergencies: “{response.emergency_notice}”",
    ),
    "platforms": (
        ("lead", "How we chose our platforms:", "platforms.evaluation"),
        ("lead", "Each platform scored against the criteria we set:", "platforms.matrix"),
        (_platforms, ("platforms.chosen", "platforms.main")),
        (_counted("platforms.tools", "tool", "tools", "We use {what} beside the platforms"),
         ("platforms.tools",)),
        "Before opening an account we review its terms of service: {platforms.terms_review}. "
        "Naming, verification and the link from our website: {platforms.naming}. "
        "Our register of official accounts: {platforms.register}.",
        ("lead", "When we close an account:", "platforms.closure"),
    ),
    "peers": (
        (_peers, ("peers.peers",)),
        ("lead", "How our peers draw people in:", "peers.attraction"),
        ("lead", "The tips and technology we will copy:", "peers.adopt"),
        "We keep learning through {peers.community}.",
    ),
    "conduct": (
        ("lead", "Security and confidentiality:", "conduct.security"),
        ("lead", "What we do and do not do:", "conduct.dos_donts"),
        ("lead", "Looking after our reputation:", "conduct.reputation"),
        ("lead", "The quality and quantity of what we post:", "conduct.quality"),
        "Each person on the roster gives social media up to {conduct.time_allotted|weekly}.",
        ("lead", "Privacy, and the settings we use:", "conduct.privacy"),
        ("lead", "Who may have access:", "conduct.employee_access"),
        ("lead", "How accounts are managed:", "conduct.account_management"),
        ("lead", "Acceptable use:", "conduct.acceptable_use"),
        ("lead", "How staff conduct themselves:", "conduct.employee_conduct"),
        ("lead", "What we post:", "conduct.content"),
        ("lead", "The law we keep to:", "conduct.legal"),
        ("lead", "What we ask of the public (our comment policy):", "conduct.citizen_conduct"),
    ),
    "safeguards": (
        (_counted("safeguards.access", "account or tool", "accounts and tools",
                  "Who can get into our {what}, and how it is protected"),
         ("safeguards.access",)),
        "We review who has access every {safeguards.review_interval|months}.",
        ("lead", "When someone leaves:", "safeguards.offboarding"),
        "Our records follow {safeguards.retention_schedule}, platform by platform:",
        ("lead", "", "safeguards.records"),
        "Archiving costs {safeguards.archiving_cost} a year.",
        "Accessibility: {safeguards.accessibility}.",
        "Our comment spaces are a {safeguards.forum}.",
        ("lead", "We remove comments only under these rules:", "safeguards.removal_rules"),
        ("lead", "Officials' own accounts:", "safeguards.officials_accounts"),
        "For a crisis we keep {safeguards.crisis_kit}.",
        ("lead", "If an account is hacked:", "safeguards.hacked_response"),
        "In an emergency, people are sent to {safeguards.emergency_link}.",
        ("lead", "Complaints:", "safeguards.complaints"),
    ),
    "launch": (
        "We launch on {launch.date} and first review this plan on {launch.first_review}.",
        ("lead", "How we will measure the program:", "launch.kpis"),
        ("lead", "How we announce the launch:", "launch.announcement"),
        (_signoff, ("launch.signoff",)),
    ),
}

WORDINGS = {
    "weekly": lambda value: hours_words(value) + " a week",
    "months": lambda value: "month" if value == 1 else f"{value:g} months",
    "country": lambda value: f"the {value}" if value.startswith("United") else value,
}


def _named(line: Line) -> tuple[str, ...]:
    """The decisions a line prints."""
    if isinstance(line, str):
        return tuple(named(line))
    if line[0] == "lead":
        return (line[2],)
    return line[1]


def _write(line: Line, plan: Plan, prose: Prose) -> list[Block]:
    if isinstance(line, str):
        return [prose.para(line, **WORDINGS)]
    if line[0] == "lead":
        _, template, decision_id = line
        if prose.value(decision_id) is None:  # the gap stands in the sentence, not under it
            return [Para(((template.rstrip(":") + ": ") if template else "", *prose.blocks(decision_id)[0].parts))]
        return [*([Para((template,))] if template else []), *prose.blocks(decision_id)]
    return line[0](plan, prose)


def _unwritten(decision_id: str, prose: Prose) -> list[Block]:
    """A decision no sentence names: its label, then its value."""
    decision = CATALOGUE.get(decision_id)
    if isinstance(decision.kind, (LongText, Rows)) and prose.value(decision_id) is not None:
        return [Para((f"{decision.label}:",)), *prose.blocks(decision_id)]
    return [Para((f"{decision.label}: ", *prose.parts(f"{{{decision_id}}}"), "."))]


def build(plan: Plan, result: Checklist, today: _dt.date) -> Document:
    prose = Prose(plan)
    sections: list[Section] = []
    for step in CATALOGUE.steps:
        lines = STEPS.get(step.key, ())
        blocks: list[Block] = [block for line in lines for block in _write(line, plan, prose)]
        written = {decision_id for line in lines for decision_id in _named(line)}
        for decision in CATALOGUE.in_step(step.key):
            if decision.id not in written and decision.id not in governance.PRINTED:
                blocks += _unwritten(decision.id, prose)
        if step.key == "organisation":
            blocks.insert(0, Para(("This plan sets out what we want from social media, the time, people and "
                                   "money we give it, how we answer the public, where we post and with which "
                                   "tools, what we learned from our peers, the rules our staff keep, the "
                                   "safeguards for our accounts and records, and how we launch and review "
                                   "the program.",)))
        if step.key == "resources":
            blocks += hours_and_money(plan, prose)
        if step.key == "launch":
            blocks += readiness(result)
        sections.append(Section(SECTIONS.get(step.key, step.title), blocks))
    return Document("plan", plan.headed("Social Media Plan") if plan.organisation
                    else plan.name or "Social media plan", plan.title, today, [], sections)


def hours_and_money(plan: Plan, prose: Prose) -> list[Block]:
    """The time and money the plan adds up to; a total that rests on hours not
    yet entered is a gap, never "0 hours"."""
    loads = capacity.platform_loads(plan)
    unestimated = capacity.replies_unestimated(plan)
    needed = capacity.hours_needed(plan)
    available = capacity.hours_available(plan)
    need = (Filled("platforms.chosen", hours_words(needed)) if needed > 0 else
            Gap("platforms.chosen", "Posts, checks and minutes for each platform", whole=False)
            if plan.rows("platforms.chosen") else gap("platforms.chosen"))
    give = (Filled("resources.roster", hours_words(available)) if available > 0 else
            Gap("resources.roster", "Hours a week each person gives", whole=False)
            if plan.rows("resources.roster") else gap("resources.roster"))
    blocks: list[Block] = [Para(("Staff time: the platforms in this plan need about ", need,
                                 " a week, and the roster gives ", give, "."))]
    if loads and needed > 0:
        blocks.append(Table(
            ("Platform", "Posting", "Moderation", "Replies", "Total a week"),
            tuple((Filled("platforms.chosen", load.platform), hours_words(load.posting),
                   hours_words(load.moderation),
                   Gap("platforms.chosen", "Reply load", whole=False)
                   if load.platform in unestimated else hours_words(load.replies),
                   hours_words(load.hours))
                  for load in loads),
            "platforms.chosen"))
    costs = capacity.costs(plan)
    blocks.append(prose.para(
        f"Money a year: the costs the plan names come to {plan.money(capacity.money_needed(plan))}, "
        "against a yearly budget of {resources.budget}."))
    if costs:
        blocks.append(Table(("Cost", "A year"),
                            tuple((Filled("platforms.tools", cost.what), plan.money(cost.amount))
                                  if cost.what.startswith("tool:") else (cost.what, plan.money(cost.amount))
                                  for cost in costs)))
    return blocks + support.people_and_cuts(plan)


def readiness(result: Checklist) -> list[Block]:
    blockers = result.blockers
    if result.ready:
        verdict = Para((Strong("Ready for launch."), (" Every blocking decision is made and no "
                        f"blocking check fails; {result.decided} of {result.total} decisions made.")))
    else:
        missing = sum(1 for i in blockers if i.kind == "missing")
        failing = len(blockers) - missing
        counts = [f"{missing} blocking decision{'s' if missing != 1 else ''} not yet made"] if missing else []
        counts += [f"{failing} blocking check{'s' if failing != 1 else ''} failing"] if failing else []
        verdict = Para((Strong("Not ready for launch."), (f" {spoken_list(counts).capitalize()}; "
                        f"{result.decided} of {result.total} decisions made. The launch "
                        "checklist lists every open item.")))
    checks = [i for i in result.items if i.kind == "check"]
    blocks: list[Block] = [verdict]
    if checks:
        blocks.append(Para(("Cross-checks that combine decisions and do not pass yet:",)))
        blocks.append(Bullets(tuple(Para((Strong(i.label + ("" if i.blocking else " (advice)")),
                                          f": {in_words(i.why)}")) for i in checks)))
    return blocks
