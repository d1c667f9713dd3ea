"""An objective is measurable only with a metric and a review date (check 7)."""

from __future__ import annotations

from smgov_tui.core.checks.base import Check, report
from smgov_tui.core.plan import Plan


def _unmeasured(plan: Plan) -> str | None:
    rows = plan.rows("objectives.measurable")
    return report(("no metric for", [repr(row["objective"]) for row in rows if not row.get("metric")]),
                  ("no review date for", [repr(row["objective"]) for row in rows if not row.get("review")]))


CHECKS = (
    Check("check.objective_measures", "objectives", "Objective without metric or review date", True,
          "objectives.measurable", _unmeasured),
)
