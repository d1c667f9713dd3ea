"""The suggested answers that differ by country: the retention schedule, the
legal paragraph. The country facts themselves (laws, doctrine, emergency
number) live in core/law.py, which the documents read too; only the countries
the references cover get wording of their own; elsewhere the suggestion names
no law and asks counsel.
"""

from __future__ import annotations

from smgov_tui.core import law
from smgov_tui.core.suggestions.facts import PlanFacts


def emergency_number(facts: PlanFacts) -> str:
    return law.emergency_number(facts.country)


def retention_schedule(facts: PlanFacts) -> str | None:
    """The schedule the records fall under (domain.md: records wording differs by country)."""
    if facts.country == "United States":
        if facts.kind == "agency" and "federal" in facts.name.casefold():
            return "NARA General Records Schedule 6.4 (public affairs records), under NARA Bulletin 2014-02"
        return ("The state's local government records retention schedule under the state public "
                "records act, as our records officer applies it to public communications")
    if facts.country == "United Kingdom":
        return (f"{facts.Org}'s retention schedule for corporate communications; requests under "
                "the Freedom of Information Act 2000")
    if facts.country == "Australia":
        return ("The state records act's general retention and disposal authority for local "
                "government, as our records officer applies it to public communications")
    if facts.country in ("Canada", "New Zealand", "Ireland"):
        return (f"{facts.Org}'s records retention schedule for public communications, as our "
                "records officer applies it")
    return None


def retention_rule(facts: PlanFacts) -> str:
    """One platform's rule, in a records row (limit: one line)."""
    if facts.country == "United States" and facts.kind == "agency" and "federal" in facts.name.casefold():
        return "GRS 6.4: routine posts 3 years; replies needing no action 90 days"
    return "Posts, comments and messages kept 3 years under our retention schedule"


def limited_forum(facts: PlanFacts) -> bool:
    """A limited public forum is a United States doctrine (Lindke v. Freed, 2024)."""
    return law.public_forum_doctrine(facts.country)


def legal_paragraph(facts: PlanFacts) -> str | None:
    """The legal points of the code of conduct, for the country."""
    records = (f"Posts, comments and messages {law.records_law(facts.country).held}. We keep "
               "them under our retention schedule.")
    speech = {
        "United States": "Comment spaces are a limited public forum: we remove comments only under "
                         "the published, viewpoint-neutral comment policy, and we never block "
                         "people for their views.",
        "Australia": "We can be held responsible as publisher of comments on our pages (Fairfax v "
                     "Voller, 2021), so we moderate daily and hide defamatory comments.",
    }.get(facts.country, "We remove comments only under the published comment policy, the same "
                         "way whoever wrote them.")
    return " ".join((
        records, speech,
        "We use only images we own, have a licence for or have permission to use, and credit them.",
        "Every post meets our accessibility rules.",
        "Counsel reviews this code before launch and once a year.",
    ))
