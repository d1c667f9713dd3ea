"""Suggestions for step 3: the roster's own people answer, inside the hours they are on duty.

Reply targets are in business time, which counts only while the accounts are
watched, so a suggested target always fits the monitoring hours.
"""

from smgov_tui.core.suggestions.base import suggestion
from smgov_tui.core.suggestions.facts import PlanFacts
from smgov_tui.core.suggestions.law import emergency_number

REPLY_TARGET = "1 business day"  # next business day (NSW; Victorian councils)


@suggestion("response.tiers", "who is on the roster")
def tiers(facts: PlanFacts):
    lead, backup = facts.lead, facts.backup
    if lead is None:
        return None
    first, second = (lead.name, backup.name) if backup else (lead.name, None)

    def tier(name, responder, other, target, how):
        row = {"tier": name, "responder": responder, "target": target, "how": how}
        return {**row, "backup": other} if other else row

    number = emergency_number(facts)
    emergency = (f"Reply with {number} and share the emergency service's post" if number
                 else "Reply with the emergency number and share the emergency service's post")
    return [
        tier("enquiry", first, second, REPLY_TARGET, "Public reply with a link to the right page"),
        tier("complaint", first, second, "2 business days", "Private message, then pass to the department"),
        tier("escalating issue", second or first, first if second else None, "4 business hours",
             "Tell the escalation contact, then reply once with the facts"),
        tier("emergency", second or first, first if second else None, "1 business hour", emergency),
        tier("off-limits", first, second, REPLY_TARGET, "Post the standard redirect"),
    ]


@suggestion("response.how")
def how(facts: PlanFacts):
    return ("We answer general questions in public, briefly, with a link to the page on "
            f"{facts.site}, so everyone with the same question sees the answer. Anything about a "
            "person's own case, account, address or complaint moves to a private message, phone or "
            "email within the same reply time, and we say so in the thread. Service requests go "
            "to the service's own form or phone line. We never argue: we post the facts once, "
            "then take it offline.")


@suggestion("response.reply_target")
def reply_target(facts: PlanFacts):
    return REPLY_TARGET


@suggestion("response.posting_time_frame")
def posting_time_frame(facts: PlanFacts):
    return ("Next week's routine posts drafted by Thursday noon, approved by Friday and scheduled "
            "for weekday mornings; urgent notices live within 2 h of the facts being confirmed, "
            "during monitoring hours")


def _topics(owner, tier):
    """Topic rows answered by one tier, spoken to by `owner` when the roster names one."""
    def topic(name, approach):
        row = {"topic": name, "approach": approach, "tier": tier}
        return {**row, "owner": owner} if owner else row
    return topic


@suggestion("response.welcomed_topics")
def welcomed_topics(facts: PlanFacts):
    topic = _topics(facts.lead.name if facts.lead else None, "enquiry")
    return [
        topic("Events and parks", "Answer and link the events calendar"),
        topic("Road works and closures", "Answer with the closures page or map"),
        topic("Bins, recycling and street services", "Answer publicly with the collection page"),
        topic("Council meetings and consultations", "Link the agenda and invite comment"),
    ]


@suggestion("response.off_limits_topics")
def off_limits_topics(facts: PlanFacts):
    topic = _topics(facts.escalation or (facts.lead.name if facts.lead else None), "off-limits")
    return [
        topic("Pending legal matters", "We can't comment on legal matters that are under way"),
        topic("Staff and personnel matters", "No comment; point to Human Resources"),
        topic("A resident's own case or account", "Move to a private message or the service's phone line"),
        topic("Elections and candidates", "No comment; link the elections office"),
    ]


@suggestion("response.tone")
def tone(facts: PlanFacts):
    return "friendly but formal"


@suggestion("response.escalation_contact",
            "a decision maker on the roster or a sponsor who is not the only responder")
def escalation_contact(facts: PlanFacts):
    return facts.escalation or None


@suggestion("response.moderation_mode")
def moderation_mode(facts: PlanFacts):
    return "active" if facts.comments_open or not facts.platforms else "hands-off"


@suggestion("response.monitoring_hours")
def monitoring_hours(facts: PlanFacts):
    return facts.monitoring_hours()


@suggestion("response.approval")
def approval(facts: PlanFacts):
    return "approval for sensitive posts only"


@suggestion("response.emergency_notice", "the organisation's country (its emergency number)")
def emergency_notice(facts: PlanFacts):
    number = emergency_number(facts)
    if not number:
        return None
    return (f"This account is watched {facts.monitoring_hours()} and is not for emergencies. "
            f"In an emergency call {number}; for everything else contact {facts.org}"
            + (f" at {facts.website}." if facts.website else "."))


@suggestion("response.reply_mode")
def reply_mode(facts: PlanFacts):
    """Public answers with private messages for personal cases (the tiers' own default);
    a page nobody moderates promises no answer."""
    if facts.platforms and not facts.comments_open:
        return "not acknowledged"
    return "answer publicly or by private message"


@suggestion("response.notice_places")
def notice_places(facts: PlanFacts):
    """Every profile carries a line and a link; the website the full text, when there is one."""
    places = ["every profile's bio or about section", "a pinned post on each account"]
    return [*places, "our website"] if facts.website else places


SUGGESTIONS = (tiers, how, reply_target, posting_time_frame, welcomed_topics, off_limits_topics,
               tone, escalation_contact, moderation_mode, monitoring_hours, approval, emergency_notice,
               reply_mode, notice_places)
