"""Suggestions for step 5: a community of practice to keep learning in."""

from smgov_tui.core.suggestions.base import suggestion
from smgov_tui.core.suggestions.facts import PlanFacts


@suggestion("peers.community")
def community(facts: PlanFacts):
    group = "state municipal league's" if facts.us else "regional local government"
    return f"The {group} communications group, met at least quarterly, and a contact at a nearby council"


SUGGESTIONS = (community,)
