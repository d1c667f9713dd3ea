"""Suggestions for step 2: what the roster's own people do when the usual ones are away."""

from smgov_tui.core.suggestions.base import suggestion
from smgov_tui.core.suggestions.facts import PlanFacts


@suggestion("resources.promotion")
def promotion(facts: PlanFacts):
    return 0  # the guidance's start: build an audience with useful content first


@suggestion("resources.training_cost")
def training_cost(facts: PlanFacts):
    return 300  # the guidance's figure until there are real quotes


@suggestion("resources.ranked_goals")
def ranked_goals(facts: PlanFacts):
    reach = ", ".join(facts.platforms) or None
    rows = [
        {"goal": "Answer residents' questions quickly",
         "why": "Most contact with us is questions, and a quick answer saves a phone call"},
        {"goal": "Promote council meetings and consultations",
         "why": "We must inform residents about decisions that affect them"},
        {"goal": "Celebrate local events and services",
         "why": "Good to have; the first to drop when we are short-staffed"},
    ]
    return [{**row, "platforms": reach} if reach else row for row in rows]


@suggestion("resources.sponsor", "who on the roster is the decision maker")
def sponsor(facts: PlanFacts):
    found = facts.in_roles(("decision maker",))
    return found[0].name if found else None


@suggestion("resources.cover", "two people on the roster")
def cover(facts: PlanFacts):
    lead, backup = facts.lead, facts.backup
    if not lead or not backup:
        return None
    return (f"{lead.name} and {backup.name} cover each other's leave and sickness, and each is "
            "trained on every account. In a storm, an election or a big consultation, the "
            "department concerned lends a second responder for the duration. If neither is "
            "available, we post a holding message, pause scheduled posts and switch to "
            "alert-only moderation until one of them is back.")


@suggestion("resources.training")
def training(facts: PlanFacts):
    lead = facts.lead
    who = f"with {lead.name}" if lead else "with the team lead"
    return (f"Before anyone gets access to an account of {facts.org}, they spend two hours {who} "
            "on this plan, the public comment policy, records and retention, accessibility (alt "
            "text and captions), two-factor sign-in and spotting phishing, and what to do if an "
            "account is hacked, then sign the policy. Backups take the same training. Everyone "
            "takes a short refresher each year, and access is reviewed at least every 6 months "
            "(NSW Government guidelines).")


@suggestion("resources.wellbeing")
def wellbeing(facts: PlanFacts):
    lead = facts.lead
    who = lead.name if lead else "the team lead"
    return ("No one moderates for more than two hours at a stretch. Abusive threads go to "
            f"{who}; threats are reported to security or the police. Staff can use the employee "
            "assistance program, and we check in with each other after any hostile incident.")


SUGGESTIONS = (promotion, training_cost, ranked_goals, sponsor, cover, training, wellbeing)
