"""Suggestions for step 4: the main platform, its name, the register and closing."""

from smgov_tui.core import platform_matrix
from smgov_tui.core.suggestions.base import suggestion
from smgov_tui.core.suggestions.facts import PlanFacts


@suggestion("platforms.main", "which platforms we will run")
def main(facts: PlanFacts):
    if not facts.platforms:
        return None
    matrix = facts.get("platforms.matrix")
    if matrix:
        chosen = {name.casefold(): name for name in facts.platforms}
        for row in platform_matrix.ranking(matrix):
            if row.platform.casefold() in chosen:
                return chosen[row.platform.casefold()]
    return facts.platforms[0]


@suggestion("platforms.naming", "the organisation's name")
def naming(facts: PlanFacts):
    if not facts.name:
        return None
    where = f"linked from a page on {facts.website} that lists every official account" if facts.website \
        else "linked from a page on our website that lists every official account"
    return f"{facts.name} on every platform, with the closest handle; verified where offered; {where}"


@suggestion("platforms.register")
def register(facts: PlanFacts):
    keeper = facts.lead.name if facts.lead else "the communications office"
    return f"Kept by {keeper}: every account, handle, owner, backup and date opened; checked every 6 months"


@suggestion("platforms.closure")
def closure(facts: PlanFacts):
    return ("We review each account once a year against its objective, and close it when it has "
            "had no posts for 3 months, serves a project that has ended, or cannot be staffed. "
            f"Before closing it we post a notice pointing to {facts.main}, capture its records under our "
            "retention rule, remove every administrator, update the register of official accounts "
            f"and {facts.site}, and keep the handle reserved where the platform allows.")


SUGGESTIONS = (main, naming, register, closure)
