"""Suggestions for step 8: what to report, when to look again, how to announce."""

import datetime as _dt

from smgov_tui.core.suggestions.base import lines, suggestion
from smgov_tui.core.suggestions.facts import PlanFacts


@suggestion("launch.kpis")
def kpis(facts: PlanFacts):
    return "Reported every month, against the month before and our objectives:\n" + lines(
        f"followers and reach on {facts.main};",
        "comments, shares and replies per post;",
        "the share of questions answered within our reply target;",
        f"clicks through to {facts.site};",
        "comments removed, with the rule that applied.",
    )


@suggestion("launch.first_review", "the launch date")
def first_review(facts: PlanFacts):
    launch = facts.get("launch.date")
    # About 6 months after launch, with the access review (NSW Government guidelines).
    return facts.in_months(6, _dt.date.fromisoformat(launch)) if launch else None


@suggestion("launch.announcement")
def announcement(facts: PlanFacts):
    return (f"We list the new accounts on {facts.site}, in its footer and on its page of official "
            "accounts, send a press release and mention them at the next council meeting. We ask "
            "departments and partners (library, schools, local businesses) to share the first "
            "post, and tell all staff by email with a link to the code of conduct. The first post "
            "carries the comment policy and our monitoring hours.")


SUGGESTIONS = (kpis, first_review, announcement)


# The identity every adopted document opens with, and its adoption block.

# The body that adopts a policy, by kind of organisation (United States names; elsewhere "Council").
_US_BODY = {"city": "City Council", "town": "Town Council", "county": "Board of Supervisors"}


def _body(facts: PlanFacts) -> str:
    if facts.kind == "agency":
        sponsor = facts.get("resources.sponsor") or ""
        return sponsor.partition(",")[2].strip() or ""  # "Gregory Lam, General Manager": the office
    if facts.kind not in ("city", "town", "county"):
        return ""
    if facts.us:
        return _US_BODY[facts.kind]
    return {"United Kingdom": "Cabinet", "Ireland": "Chief Executive"}.get(facts.country, "Council") \
        if facts.country else ""


@suggestion("launch.adopting_body", "the kind of organisation, and its country or sponsor")
def adopting_body(facts: PlanFacts):
    return _body(facts) or None


@suggestion("launch.authority", "the country and the kind of organisation")
def authority(facts: PlanFacts):
    body = _body(facts)
    if not body:
        return None
    if facts.kind == "agency":
        return f"A decision of the {body} under the enabling statute and delegations of {facts.org}"
    instrument = {"city": "charter and municipal code", "town": "charter and municipal code",
                  "county": "county code"}[facts.kind]
    law = {
        "United States": f"A resolution of the {body} under the {instrument} of {facts.org}",
        "United Kingdom": f"A Cabinet decision under the Local Government Act 2000 and the constitution of {facts.org}",
        "Australia": "A resolution of the Council under the state's Local Government Act",
        "New Zealand": "A resolution of the Council under the Local Government Act 2002",
        "Canada": "A resolution of Council under the provincial Municipal Act and the procedure by-law",
        "Ireland": "A decision of the Chief Executive under the Local Government Act 2001",
    }
    return law.get(facts.country)


@suggestion("launch.scope", "the kind of organisation")
def scope(facts: PlanFacts):
    if not facts.kind:
        return None
    from smgov_tui.core.catalogue.launch import SCOPES

    elected = facts.kind in ("city", "town", "county")  # a council whose members hold official accounts
    return list(SCOPES if elected else SCOPES[:3])


@suggestion("launch.owner", "a roster or a sponsor")
def owner(facts: PlanFacts):
    lead = facts.lead
    if lead:
        return f"{lead.name}, {lead.role}" if lead.role else lead.name
    return facts.get("resources.sponsor")


@suggestion("launch.contact", "a work email or phone on the roster")
def contact(facts: PlanFacts):
    for person in (facts.lead, *facts.people):
        said = person and next((row.get("contact") for row in facts.plan.rows("resources.roster")
                                if row.get("name") == person.name and row.get("contact")), "")
        if said:
            return said
    return None


@suggestion("launch.effective_date", "the launch date")
def effective_date(facts: PlanFacts):
    return facts.get("launch.date")


@suggestion("launch.review_cycle")
def review_cycle(facts: PlanFacts):
    return 12  # annually: what adopted policies most often say (domain.md)


@suggestion("launch.enforcement")
def enforcement(facts: PlanFacts):
    scopes = facts.get("launch.scope") or ["staff", "contractors and consultants", "volunteers and interns"]
    return lines(
        "Access to our accounts is suspended at once while the breach is looked into.",
        "Staff: dealt with under our disciplinary procedure, which can lead to dismissal." if "staff" in scopes else "",
        "Contractors and consultants: dealt with under their contract, up to ending it."
        if "contractors and consultants" in scopes else "",
        "Volunteers and interns: stood down from our accounts." if "volunteers and interns" in scopes else "",
        "Elected officials: referred to the council's own code of conduct process."
        if "elected officials' official accounts" in scopes else "",
        "A breach of the law can also bring civil or criminal penalties.",
    )


@suggestion("launch.policy_number", "the organisation's name")
def policy_number(facts: PlanFacts):
    initials = "".join(word[0] for word in facts.name.split() if word[:1].isupper())
    return f"{initials}-SM-01" if initials else None


@suggestion("launch.related_documents")
def related_documents(facts: PlanFacts):
    where = f"on {facts.website}" if facts.website else "from the clerk"
    rows = [{"title": "Acceptable Use of IT Policy", "where": f"{where}"},
            {"title": "Records Retention Schedule", "where": f"{where}"},
            {"title": "Employee Code of Conduct", "where": f"{where}"}]
    if facts.comments_open:
        rows.append({"title": "Public Comment Policy", "where": "adopted with this code"})
    return rows


SUGGESTIONS += (adopting_body, authority, scope, owner, contact, effective_date, review_cycle,
                enforcement, policy_number, related_documents)
