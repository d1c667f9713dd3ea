"""Reading a plan's history: who changed which decision, when, from what to what."""

from __future__ import annotations

import datetime as _dt

from .catalogue import CATALOGUE, STEPS
from .errors import SmgovError


def changes(entries: list[dict], decision: str | None = None, since: str | None = None) -> list[dict]:
    """Entries in the order they were made, filtered by decision (or step) and date."""
    steps = {step.key for step in STEPS}
    if decision and decision not in steps:
        CATALOGUE.get(decision)  # an unknown id is an error that names the nearest ones
    start = None
    if since:
        try:
            start = _dt.date.fromisoformat(since).isoformat()
        except ValueError:
            raise SmgovError(f"--since {since!r} is not a date as YYYY-MM-DD") from None
    kept = []
    for entry in entries:
        name = str(entry.get("decision", ""))
        if decision and name != decision and name.partition(".")[0] != decision:
            continue
        if start and str(entry.get("when", ""))[:10] < start:
            continue
        kept.append({"when": str(entry.get("when", "")), "who": entry.get("who", ""),
                     "decision": name, "old": entry.get("old"), "new": entry.get("new")})
    return kept
