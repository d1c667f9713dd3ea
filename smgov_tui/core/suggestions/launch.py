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
