"""What a cross-check is: a rule over several decisions that can fail with a reason."""

from __future__ import annotations

from typing import Callable, NamedTuple

from smgov_tui.core.plan import Plan


class Check(NamedTuple):
    id: str  # "check.name": stable, used by the checklist and tests
    step: str  # the step where the fix is made
    label: str
    blocker: bool
    target: str  # the decision to jump to
    run: Callable[[Plan], str | None]  # the plain-words reason it fails, or None
    # The decision that fixes it in this plan, where that depends on what is missing
    # (ctrl+f must land where the fix is made, not on a decision already made).
    fix: Callable[[Plan], str] | None = None

    def target_in(self, plan: Plan) -> str:
        return self.fix(plan) if self.fix is not None else self.target

    @property
    def severity(self) -> str:
        return "blocker" if self.blocker else "advice"


def listing(items: list[str], limit: int = 4) -> str:
    """"a, b and c"; long lists end "and 3 more" so a reason stays one line."""
    shown = items[:limit]
    more = len(items) - len(shown)
    if more:
        return ", ".join(shown) + f" and {more} more"
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def plural(count: int, noun: str, many: str | None = None) -> str:
    return f"{count} {noun if count == 1 else (many or noun + 's')}"


def report(*problems: tuple[str, list[str]]) -> str | None:
    """("no owner for", ["X", "Y"]), ... -> "no owner for X and Y; ..." or None."""
    return "; ".join(f"{text} {listing(names)}" for text, names in problems if names) or None
