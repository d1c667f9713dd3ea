"""Suggestions for step 6, the code of conduct: the rules a council adopts, naming its own people."""

from smgov_tui.core.catalogue.conduct import TERMS
from smgov_tui.core.suggestions.base import lines, suggestion
from smgov_tui.core.suggestions.facts import PlanFacts
from smgov_tui.core.suggestions.law import emergency_number, legal_paragraph


def _lead(facts: PlanFacts) -> str:
    return facts.lead.name if facts.lead else "the communications lead"


@suggestion("conduct.security")
def security(facts: PlanFacts):
    return (f"Passwords for {facts.org}'s accounts are kept in a password manager, never in a "
            "shared document or an email. Two-factor sign-in is on for every platform and tool. "
            "We post only from work devices or approved apps with a screen lock. Anything not "
            "already public is confidential until the department head says otherwise, and a "
            f"suspected break-in is reported to {_lead(facts)} and IT security the same day.")


@suggestion("conduct.dos_donts")
def dos_donts(facts: PlanFacts):
    return lines(
        "Do check facts, links and dates before posting, and credit photos.",
        "Do answer politely and point people to the right department.",
        "Do add alt text to images and captions to video.",
        "Don't argue, use sarcasm or post while angry.",
        "Don't endorse businesses, candidates or causes.",
        f"Don't share personal opinions from an account of {facts.org}.",
        "Don't delete critical comments unless they break the comment policy.",
    )


@suggestion("conduct.reputation")
def reputation(facts: PlanFacts):
    escalate = facts.escalation or "the escalation contact"
    return ("We answer fair criticism once, politely, and offer to take the details offline. We "
            "correct our own mistakes openly, with \"Correction:\" and what changed, rather than "
            "deleting them. We leave trolling alone unless it breaks the comment policy. Media "
            f"interest, legal threats and fast-growing threads go to {escalate} within an hour.")


@suggestion("conduct.quality")
def quality(facts: PlanFacts):
    return ("Every post is accurate, useful to residents, in plain language, checked by a second "
            "person where possible, and accessible: alt text on images, captions on video, "
            f"camel-case hashtags. We keep a steady rhythm of three to five posts a week on {facts.main}, "
            "and choose quality over volume every time.")


@suggestion("conduct.time_allotted")
def time_allotted(facts: PlanFacts):
    # The guidance's starting point for one main platform: 4 to 6 hours a week a person.
    hours = [row.get("hours") for row in facts.plan.rows("resources.roster") if row.get("hours")]
    return min(5, max(hours)) if hours else 5


@suggestion("conduct.privacy")
def privacy(facts: PlanFacts):
    return ("We never ask for personal details in public: we move them to a private message, phone "
            "or email. We hide comments that expose someone's personal information and tell the "
            "poster why. We get written consent before posting a photo in which someone can be "
            "recognised, and never post children without their parents' consent. We check each "
            "platform's privacy, tagging and location settings at launch and every 6 months.")


@suggestion("conduct.employee_access")
def employee_access(facts: PlanFacts):
    who = f"Only the people on the social media roster ({facts.team})" if facts.people \
        else "Only the people on the social media roster"
    return (f"{who} may post for {facts.org}, and only after their training. Other staff may view "
            "social media at work where their manager agrees it supports their job. IT keeps the "
            f"sites open on work devices, and {_lead(facts)} keeps the list of approved posters up "
            "to date.")


@suggestion("conduct.account_management")
def account_management(facts: PlanFacts):
    return (f"Only {_lead(facts)} approves a new account, after the department says its purpose, "
            "audience, owner, backup and posting plan. Every account signs in with an "
            "organisational email, has at least two administrators and is listed in the register "
            f"of official accounts linked from {facts.site}. An account with no posts for 6 months "
            "is reviewed for closure.")


@suggestion("conduct.acceptable_use")
def acceptable_use(facts: PlanFacts):
    return (f"Official accounts are used only for {facts.org}'s business. Staff may make light "
            "personal use of social media on work devices during breaks, as long as it does not "
            "get in the way of work, cost money or break another policy. Illegal, harassing, "
            "discriminatory or explicit content and political campaigning are never allowed on "
            "work systems. Our IT use policy applies as well.")


@suggestion("conduct.employee_conduct")
def employee_conduct(facts: PlanFacts):
    return (f"On official accounts, staff follow the do's and don'ts and {facts.org}'s code of "
            "ethics. On their own accounts, staff may say where they work but never speak for "
            f"{facts.org}, share confidential information or post as if it were official. When in "
            f"doubt, ask {_lead(facts)} first.")


@suggestion("conduct.content")
def content(facts: PlanFacts):
    approver = facts.decider or _lead(facts)
    return ("Trained roster members post routine information (events, closures, service reminders "
            "and shares from official partners) without prior approval. Posts on policy, budget, "
            f"legal matters, incidents or anything controversial are approved by {approver} first. "
            f"Emergency messages follow the emergency plan. {_lead(facts)[:1].upper()}{_lead(facts)[1:]} "
            "keeps the content calendar.")


@suggestion("conduct.legal")
def legal(facts: PlanFacts):
    return legal_paragraph(facts)


@suggestion("conduct.citizen_conduct")
def citizen_conduct(facts: PlanFacts):
    neutral = ", whatever view they express" if facts.us else ""
    number = emergency_number(facts)
    emergency = (f"These pages are not watched for emergencies: call {number}." if number
                 else "These pages are not watched for emergencies: call the emergency services.")
    return (f"We welcome comments on the subject of each post by {facts.org}. We remove comments "
            "that contain obscenity, threats, harassment, personal information, spam or "
            f"advertising, or illegal activity, or that are clearly off topic{neutral}. We keep a "
            f"record of each removal and the reason. {emergency}")


@suggestion("conduct.terms_of_use")
def terms_of_use(facts: PlanFacts):
    """All the usual clauses (published city policies carry each); without open comments the
    ones about comments still hold for messages and replies."""
    return list(TERMS)


SUGGESTIONS = (security, dos_donts, reputation, quality, time_allotted, privacy, employee_access,
               account_management, acceptable_use, employee_conduct, content, legal, citizen_conduct,
               terms_of_use)
