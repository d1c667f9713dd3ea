"""What a suggested answer is: built from the plan's facts, or not offered."""

from __future__ import annotations

from typing import Any, Callable, NamedTuple

from smgov_tui.core.suggestions.facts import PlanFacts


class Suggestion(NamedTuple):
    id: str  # the decision it answers
    needs: str  # what the plan must say first: "no suggestion ...: the plan does not say {needs}"
    build: Callable[[PlanFacts], Any]  # the value in its stored form, or None when the facts lack
    fills: bool = False  # a list's suggestion that fills the blanks of its own rows, not adds rows


def suggestion(id: str, needs: str = "", fills: bool = False):
    """Declare a builder as the suggestion for one decision."""
    return lambda build: Suggestion(id, needs, build, fills)


def lines(*items: str) -> str:
    """A list a council keeps as it stands: one item a line, each a sentence."""
    return "\n".join(f"- {item}" for item in items if item)
