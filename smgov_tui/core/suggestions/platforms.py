"""Suggestions for step 4: the main platform, its name, the register and closing."""

import re

from smgov_tui.core import platform_matrix
from smgov_tui.core.names import name_key
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


# Where each platform puts an account by its handle ({} is the handle without its @).
# A platform not here (Nextdoor: pages by numeric id) gets no suggested address.
PROFILE_ADDRESSES = {
    "facebook": "https://www.facebook.com/{}", "instagram": "https://www.instagram.com/{}",
    "x": "https://x.com/{}", "twitter": "https://x.com/{}", "x (twitter)": "https://x.com/{}",
    "youtube": "https://www.youtube.com/@{}", "tiktok": "https://www.tiktok.com/@{}",
    "threads": "https://www.threads.net/@{}", "bluesky": "https://bsky.app/profile/{}",
    "linkedin": "https://www.linkedin.com/company/{}",
}
_HANDLE = re.compile(r"^@?([A-Za-z0-9._-]+)$")


def account_address(platform: str, handle: str) -> str | None:
    """The account's web address from its platform and handle, where the platform has one pattern."""
    pattern, found = PROFILE_ADDRESSES.get(name_key(platform), ""), _HANDLE.match(handle.strip())
    return pattern.format(found[1]) if pattern and found else None


@suggestion("platforms.chosen", "a platform with a handle, or the organisation's name", fills=True)
def account_facts(facts: PlanFacts):
    """The chosen platforms' blank account facts: the address from the platform and handle,
    the department from the organisation (a plan is one unit's until it says otherwise)."""
    rows = []
    for row in facts.plan.rows("platforms.chosen"):
        filled = dict(row)
        address = account_address(row["platform"], row.get("handle", ""))
        if address and not row.get("address"):
            filled["address"] = address
        if facts.name and not row.get("department"):
            filled["department"] = facts.name
        rows.append(filled)
    return rows if rows != facts.plan.rows("platforms.chosen") else None


SUGGESTIONS = (main, naming, register, closure, account_facts)
