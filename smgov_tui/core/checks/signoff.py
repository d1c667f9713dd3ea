"""The sign-off still stands: a change to any decision after it was signed blocks
launch until someone signs the plan as it now stands."""

from __future__ import annotations

from smgov_tui.core import signoff
from smgov_tui.core.checks.base import Check
from smgov_tui.core.plan import Plan


def _stale(plan: Plan) -> str | None:
    state = signoff.newest(plan)
    if state is None or state.current:  # no sign-off yet: the decision itself is asked for
        return None
    return f"Sign-off out of date: {signoff.changed_since(state)}"


CHECKS = (
    Check(signoff.CHECK, "launch", "Sign-off out of date", True, signoff.SIGNOFF, _stale),
)
