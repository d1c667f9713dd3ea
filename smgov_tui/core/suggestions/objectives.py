"""Suggestions for step 1: the engagement a small team can keep, and how it is measured."""

import datetime as _dt

from smgov_tui.core.suggestions.base import suggestion
from smgov_tui.core.suggestions.facts import PlanFacts

_ENGLISH = ("United States", "United Kingdom", "Australia", "Canada", "New Zealand", "Ireland")


@suggestion("objectives.key_messages")
def key_messages(facts: PlanFacts):
    where = f": {facts.website}" if facts.website else ""
    return (f"1. How to reach {facts.org} and report a problem{where}.\n"
            "2. Council meetings and consultations, and how to take part in them.\n"
            "3. The services and events residents use most, "
            "and changes to them.")


@suggestion("objectives.engagement_goals")
def engagement_goals(facts: PlanFacts):
    # The guidance's default for a small team: inform, answer, promote; feedback once settled.
    return ["inform", "answer questions", "promote services and events"]


@suggestion("objectives.frequency")
def frequency(facts: PlanFacts):
    return "a few times a week"  # a team of one or two (ArchiveSocial survey, 2020)


@suggestion("objectives.measurable")
def measurable(facts: PlanFacts):
    launch = facts.get("launch.date")
    start = _dt.date.fromisoformat(launch) if launch else facts.today
    review = facts.in_months(6, start)
    return [
        {"objective": "Answer residents' questions faster",
         "metric": "Questions answered within our reply target", "target": "80%", "review": review},
        {"objective": f"More residents hear from {facts.org} first",
         "metric": f"People reached on {facts.platforms[0] if facts.platforms else 'our main platform'} a month",
         "target": "Up a quarter on the first month", "review": review},
    ]


@suggestion("objectives.languages", "the organisation's country (an English-speaking one)")
def languages(facts: PlanFacts):
    if facts.country not in _ENGLISH:
        return None
    return ("Post and reply in English; key notices in the other languages residents use most, "
            "and replies in other languages on request")


SUGGESTIONS = (key_messages, engagement_goals, frequency, measurable, languages)
