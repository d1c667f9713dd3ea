"""Which changes a history filter keeps, as a TinyDB query on the history table:
`smgov history --decision --since` and the workbench's history view filter with
the same one, so they agree on what a filter keeps.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from functools import lru_cache, reduce
from operator import and_

from tinydb import Query
from tinydb.queries import QueryInstance

from smgov_tui.core.catalogue import CATALOGUE, STEPS
from smgov_tui.core.errors import SmgovError
from smgov_tui.core.history import is_undo

_STEP_TITLES = {step.key: step.title for step in STEPS}


def changes(history: Iterable[Mapping], decision: str | None = None, since: str | None = None,
            text: str | None = None) -> list[dict]:
    """The entries of `history` (PlanStore.history(), a history table) the filters keep, in
    the order given, each as its when, who, decision, old and new value, and for an
    undo the number of the change it reverted (`undoes`).

    `decision` is a decision id or a step's key; `since` a date as YYYY-MM-DD;
    `text` keeps entries whose decision id, label, step or person contains every
    word typed (any case): the workbench filters as you type with it.
    """
    query = _query(decision, since, text)
    return [{"when": str(entry.get("when", "")), "who": entry.get("who", ""),
             "decision": str(entry.get("decision", "")), "old": entry.get("old"), "new": entry.get("new"),
             **({"undoes": entry["undoes"]} if is_undo(entry) else {})}
            for entry in history if query is None or query(entry)]


def _query(decision: str | None, since: str | None, text: str | None) -> QueryInstance | None:
    """The filters given, as one TinyDB query (None: no filter)."""
    entry = Query()
    conditions = []
    if decision in _STEP_TITLES:
        conditions.append(entry.decision.map(_step_key) == decision)
    elif decision:
        CATALOGUE.get(decision)  # an unknown id is an error that names the nearest ones
        conditions.append(entry.decision == decision)
    if since:
        try:
            start = _dt.date.fromisoformat(since).isoformat()
        except ValueError:
            raise SmgovError(f"--since {since!r} is not a date as YYYY-MM-DD") from None
        conditions.append(entry.when.map(_day) >= start)
    words = tuple((text or "").lower().split())
    if words:
        conditions.append(entry.map(_found_by).test(_has_every, words))
    return reduce(and_, conditions) if conditions else None


def _day(when: object) -> str:
    return str(when)[:10]


def _has_every(found: str, words: tuple[str, ...]) -> bool:
    return all(word in found for word in words)


def _step_key(decision_id: object) -> str:
    return str(decision_id).partition(".")[0]


def _found_by(entry: Mapping) -> str:
    return _words(str(entry.get("decision", "")), str(entry.get("who") or ""), is_undo(entry))


@lru_cache(maxsize=1024)  # a history holds a few decisions and people many times: typing stays fast
def _words(decision_id: str, who: str, undo: bool = False) -> str:
    """What a change is found by: its decision's id, label and step, who made it, and "undo"."""
    step_key = _step_key(decision_id)
    words = [decision_id, step_key, who, *(["undo"] if undo else [])]
    if decision_id in CATALOGUE:
        words.append(CATALOGUE.get(decision_id).label)
    if step_key in _STEP_TITLES:
        words.append(_STEP_TITLES[step_key])
    return " ".join(words).lower()
