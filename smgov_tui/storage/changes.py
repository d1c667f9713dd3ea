"""Which changes a history filter keeps, as a TinyDB query on the history table:
`smgov history --decision --since` and the workbench's history view filter with
the same one, so they agree on what a filter keeps.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping

from tinydb import Query
from tinydb.queries import QueryInstance

from smgov_tui.core.catalogue import CATALOGUE, STEPS
from smgov_tui.core.errors import SmgovError

_STEP_TITLES = {step.key: step.title for step in STEPS}


def changes(history: Iterable[Mapping], decision: str | None = None, since: str | None = None,
            text: str | None = None) -> list[dict]:
    """The entries of `history` (PlanStore.history(), a history table) the filters keep, in
    the order given, each as its when, who, decision, old and new value.

    `decision` is a decision id or a step's key; `since` a date as YYYY-MM-DD;
    `text` keeps entries whose decision id, label, step or person contains every
    word typed (any case): the workbench filters as you type with it.
    """
    query = _query(decision, since, text)
    return [{"when": str(entry.get("when", "")), "who": entry.get("who", ""),
             "decision": str(entry.get("decision", "")), "old": entry.get("old"), "new": entry.get("new")}
            for entry in history if query(entry)]


def _query(decision: str | None, since: str | None, text: str | None) -> QueryInstance:
    entry = Query()
    query = entry.noop()
    if decision:
        if decision not in _STEP_TITLES:
            CATALOGUE.get(decision)  # an unknown id is an error that names the nearest ones
        query &= (entry.decision == decision) | (entry.decision.map(_step_key) == decision)
    if since:
        try:
            start = _dt.date.fromisoformat(since).isoformat()
        except ValueError:
            raise SmgovError(f"--since {since!r} is not a date as YYYY-MM-DD") from None
        query &= entry.when.map(lambda when: str(when)[:10]) >= start
    words = (text or "").lower().split()
    if words:
        query &= entry.map(_found_by).test(lambda found: all(word in found for word in words))
    return query


def _step_key(decision_id: object) -> str:
    return str(decision_id).partition(".")[0]


def _found_by(entry: Mapping) -> str:
    """What a change is found by: its decision's id, label and step, and who made it."""
    decision_id = str(entry.get("decision", ""))
    step_key = _step_key(decision_id)
    words = [decision_id, step_key, str(entry.get("who") or "")]
    if decision_id in CATALOGUE:
        words.append(CATALOGUE.get(decision_id).label)
    if step_key in _STEP_TITLES:
        words.append(_STEP_TITLES[step_key])
    return " ".join(words).lower()
