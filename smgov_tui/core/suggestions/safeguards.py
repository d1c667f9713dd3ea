"""Suggestions for step 7: a row for every account, the country's records law, and a
hacked-account response that names the roster's own people."""

from smgov_tui.core.catalogue.safeguards import ACCESSIBILITY, CRISIS_KIT
from smgov_tui.core.names import name_part
from smgov_tui.core.suggestions.base import lines, suggestion
from smgov_tui.core.suggestions.facts import PlanFacts
from smgov_tui.core.suggestions.law import emergency_number, limited_forum, retention_rule, retention_schedule

REVIEW_MONTHS = 6  # access reviewed at least every 6 months (NSW Government guidelines)


@suggestion("safeguards.access", "which platforms or tools we will run")
def access(facts: PlanFacts):
    accounts = facts.platforms + tuple(t for t in facts.tools if t not in facts.platforms)
    review = facts.in_months(REVIEW_MONTHS)
    return [{"account": name, "two_factor": True, "org_address": True, "admins": 2,
             "next_review": review} for name in accounts] or None


@suggestion("safeguards.review_interval")
def review_interval(facts: PlanFacts):
    return REVIEW_MONTHS


@suggestion("safeguards.offboarding")
def offboarding(facts: PlanFacts):
    who = facts.lead.name if facts.lead else "the account manager"
    return ("Social media is on the HR leaving checklist. On or before someone's last day, or when "
            f"they go on long leave or change role, {who} removes them from every platform and "
            "tool, changes any shared passwords, moves two-factor devices and recovery numbers to "
            "a team phone, confirms that at least two administrators remain, and updates the "
            "access list.")


@suggestion("safeguards.retention_schedule", "the organisation's country")
def retention(facts: PlanFacts):
    return retention_schedule(facts)


@suggestion("safeguards.records", "which platforms we will run")
def records(facts: PlanFacts):
    rule = retention_rule(facts)
    return [{"platform": name, "retention": rule, "capture": "archiving service"}
            for name in facts.platforms] or None


@suggestion("safeguards.accessibility")
def accessibility(facts: PlanFacts):
    return list(ACCESSIBILITY)  # all six; contrast at least 4.5:1 (NSW Government guidelines)


@suggestion("safeguards.forum", "whether comments are open, or the organisation's country")
def forum(facts: PlanFacts):
    if facts.platforms and not facts.comments_open:
        return "government speech (comments off)"
    if limited_forum(facts):
        return "limited public forum"
    return "no public-forum doctrine applies" if facts.country else None


@suggestion("safeguards.removal_rules")
def removal_rules(facts: PlanFacts):
    basis = ("We remove comments only for what they contain, never for the view they express. "
             if facts.us else "")
    return (f"{basis}We hide or remove spam, threats, obscenity, personal information, illegal "
            "activity, advertising and clearly off-topic posts. We keep a copy of every removed "
            "comment as a record, log who removed it and which rule applied, and do not block "
            "anyone for their views. The rules are published on every profile.")


@suggestion("safeguards.officials_accounts")
def officials_accounts(facts: PlanFacts):
    case = (" An official's own account can count as the government's (Lindke v. Freed, US Supreme "
            "Court, 2024), so" if facts.us else " So")
    return (f"Official business of {facts.org} goes only on its official accounts. Personal and "
            "campaign accounts of officials and staff say \"Personal views, not official\", do not "
            "use the logo and do not announce decisions first."
            f"{case} officials who post about {facts.org}'s business follow the same removal rules "
            "and do not block people.")


@suggestion("safeguards.crisis_kit")
def crisis_kit(facts: PlanFacts):
    return list(CRISIS_KIT)


@suggestion("safeguards.hacked_response", "who is on the roster")
def hacked_response(facts: PlanFacts):
    lead, backup = facts.lead, facts.backup
    if lead is None:
        return None
    second = backup.name if backup else "IT security"
    senior = name_part(facts.decider) or "the senior manager on duty"
    return (f"Whoever notices tells {lead.name} and {second} at once. The response team has "
            f"DigitalGov's six roles: {lead.name} and {second} for social media, {senior} as "
            "senior leader, public affairs, counsel and IT security.\n" + lines(
                f"{lead.name} locks the account: resets passwords, revokes tool access and contacts "
                "platform support.",
                f"{second} pauses every scheduled post.",
                f"Within minutes of regaining control, {lead.name} posts a first public statement "
                f"approved by {senior}.",
                "We capture what was posted as a record, then delete it.",
                "Within a week we review what failed, such as two-factor or access, and fix it.",
            ))


@suggestion("safeguards.emergency_link", "the organisation's country (its emergency number)")
def emergency_link(facts: PlanFacts):
    number = emergency_number(facts)
    if not number:
        return None
    who = facts.lead.name if facts.lead else "Our team lead"
    return (f"{who} agrees with the emergency management office who sends official messages; we "
            f"share their posts and point people to {number}")


@suggestion("safeguards.complaints")
def complaints(facts: PlanFacts):
    reviewer = facts.escalation or "a manager"
    return (f"Complaints about our accounts go into {facts.org}'s usual complaints process, through "
            f"{facts.site}, which is on every profile. We acknowledge each one within one business "
            f"day; {reviewer}, not the original moderator, reviews the decision, and we keep the "
            "complaint and its outcome as a record.")


SUGGESTIONS = (access, review_interval, offboarding, retention, records, accessibility, forum,
               removal_rules, officials_accounts, crisis_kit, hacked_response, emergency_link, complaints)
