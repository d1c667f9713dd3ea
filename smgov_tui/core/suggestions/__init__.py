"""Suggested answers: for a decision, a value built from what the plan already says
(the organisation, its people, its platforms, its country) and the references' figures.

A suggestion is never a decision: nothing here writes to a plan. Front ends show
it and put it in place only when the person accepts it, through the same path
as typing. A suggestion is in the decision kind's stored form and passes
CATALOGUE.check, so accepting it can never be refused.
"""

from __future__ import annotations

import datetime as _dt
from importlib import import_module
from typing import Any

from smgov_tui.core.catalogue import CATALOGUE, InvalidValue, is_empty
from smgov_tui.core.catalogue.kinds import Rows
from smgov_tui.core.names import name_key
from smgov_tui.core.plan import Plan
from smgov_tui.core.suggestions.base import Suggestion
from smgov_tui.core.suggestions.facts import PlanFacts

_BY_STEP: dict[str, dict[str, Suggestion]] = {}


def _of_step(step: str) -> dict[str, Suggestion]:
    """A step's suggestions, from the module named for it (organisation.py, ...),
    imported when one of them is first asked for: the workbench opens on one
    step, and the other eight modules, with the law's tables, were a third of a
    MB of its memory before anyone went to their steps."""
    if step not in _BY_STEP:
        _BY_STEP[step] = {s.id: s for s in import_module(f"smgov_tui.core.suggestions.{step}").SUGGESTIONS}
    return _BY_STEP[step]


def _found(decision_id: str) -> Suggestion | None:
    return _of_step(CATALOGUE.get(decision_id).step).get(decision_id) if decision_id in CATALOGUE else None


def __getattr__(name: str) -> Any:
    """SUGGESTIONS: every step's, by decision id, in step order (for tools and tests)."""
    if name == "SUGGESTIONS":
        return {key: found for step in CATALOGUE.steps for key, found in _of_step(step.key).items()}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def suggest(decision_id: str, plan: Plan, today: _dt.date | None = None) -> Any:
    """The suggested value for a decision, or None when there is none for this plan.
    Raises UnknownDecision for an id the catalogue does not know."""
    CATALOGUE.get(decision_id)
    found = _found(decision_id)
    if found is None:
        return None
    value = found.build(PlanFacts(plan, today))
    if is_empty(value):
        return None
    try:
        return CATALOGUE.check(decision_id, value, plan.values)
    except InvalidValue:  # a fact the plan holds that the kind refuses (a name too long): none
        return None


def accepted(decision_id: str, plan: Plan) -> Any:
    """What accepting puts in place: the suggestion, or for a list its own rows and the
    suggested ones it lacks (by name), so accepting never drops a row; None if none."""
    value = suggest(decision_id, plan)
    kind = CATALOGUE.get(decision_id).kind
    if value is None or not isinstance(kind, Rows):
        return value
    rows = plan.rows(decision_id)
    if _found(decision_id).fills:  # the same rows, their blanks filled: own values always win
        return value if value != rows else None
    have = {name_key(row.get(kind.key_field)) for row in rows}
    added = [row for row in value if name_key(row.get(kind.key_field)) not in have]
    return [*rows, *added] if added else None


def why_none(decision_id: str) -> str:
    """Why a decision has no suggestion, in a line: what the plan must say first."""
    found = _found(decision_id)
    if found is None:
        return f"no suggestion for {decision_id}: only you can say this"
    if found.needs:
        return f"no suggestion for {decision_id}: the plan does not say {found.needs}"
    return f"no suggestion for {decision_id}"


__all__ = ["SUGGESTIONS", "Suggestion", "accepted", "suggest", "why_none"]
