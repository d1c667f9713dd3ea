"""An objective is measurable only with a metric and a review date (check 7)."""

from __future__ import annotations

from ..plan import Plan
from .base import Check, listing


def _unmeasured(plan: Plan) -> str | None:
    no_metric = [row["objective"] for row in plan.rows("objectives.measurable") if not row.get("metric")]
    no_review = [row["objective"] for row in plan.rows("objectives.measurable") if not row.get("review")]
    problems = []
    if no_metric:
        problems.append(f"no metric for {listing([repr(o) for o in no_metric], 2)}")
    if no_review:
        problems.append(f"no review date for {listing([repr(o) for o in no_review], 2)}")
    return "; ".join(problems) or None


CHECKS = (
    Check("check.objective_measures", "objectives", "Objective without metric or review date", True,
          "objectives.measurable", _unmeasured),
)
