"""Many plans at a glance (`smgov check PATH...`): one summary per plan and the
worst verdict. A county runs a plan per department, and whoever reviews them all
wants a line per plan, not forty checklists. Pure: no I/O.
"""

from __future__ import annotations

import datetime as _dt
from typing import NamedTuple

from smgov_tui.core import dates, signoff
from smgov_tui.core.plan import Plan
from smgov_tui.core.readiness import Checklist

class Summary(NamedTuple):
    """One plan's row. `problem`: why the file could not be read (then nothing else is known)."""

    path: str
    organisation: str = ""
    ready: bool = False
    blockers: int = 0
    advice: int = 0
    overdue: int = 0
    signoff: str = ""  # "current", "out of date" or "none"
    problem: str = ""


def signoff_state(plan: Plan) -> str:
    state = signoff.newest(plan)
    return "none" if state is None else "current" if state.current else "out of date"


def summarise(path: str, plan: Plan, result: Checklist, today: _dt.date) -> Summary:
    """`today`: the day the checklist judged the dates by, so both counts agree."""
    blockers = len(result.blockers)
    overdue = sum(1 for item in dates.obligations(plan) if item.due < today)
    return Summary(path, plan.title, result.ready, blockers, len(result.items) - blockers, overdue,
                   signoff_state(plan))
