"""Dates that fall due (check of the living plan): built for a given day, since
what is overdue depends on it. Each kind of date is judged where it is set,
twice: overdue blocks once the program is live; before launch, and for a date
due today or set too far ahead, it is advice."""

from __future__ import annotations

import datetime as _dt
from typing import Callable

from smgov_tui.core import dates
from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.checks.base import Check, listing
from smgov_tui.core.plan import Plan

# (id, step, decision, what): one pair of checks for the dates each decision sets.
_KINDS = (
    ("objective_review", "objectives", "objectives.measurable", "Objective review"),
    ("access_review", "safeguards", "safeguards.access", "Access review"),
    ("terms_review", "platforms", "platforms.terms_review", "Terms of service review"),
    ("training_refresher", "resources", "resources.training", "Training refresher"),
    ("register_audit", "platforms", "platforms.register", "Register audit"),
    ("first_review", "launch", "launch.first_review", "First plan review"),
    ("plan_review", "launch", "launch.review_cycle", "Plan review"),
)


def _grouped(items: list[dates.Obligation]) -> list[tuple[str, _dt.date]]:
    """One subject per kind and date, so five accounts due the same day make one
    phrase: ("access review for Facebook and Instagram", 2020-01-01)."""
    names: dict[tuple[str, _dt.date], list[str]] = {}
    for item in items:
        kind, _, name = item.what.partition(": ")
        name = repr(name) if name and item.decision == "objectives.measurable" else name
        names.setdefault((kind[0].lower() + kind[1:], item.due), []).extend([name] if name else [])
    return [(f"{kind} for {listing(found, 6)}" if found else kind, due) for (kind, due), found in names.items()]


def overdue(items: list[dates.Obligation], today: _dt.date) -> list[str]:
    return [f"{subject} was due {due}, {dates.distance(due, today)}"
            for subject, due in _grouped([item for item in items if item.due < today])]


def due_today(items: list[dates.Obligation], today: _dt.date) -> list[str]:
    return [f"{subject} is due today ({due}); overdue from tomorrow"
            for subject, due in _grouped([item for item in items if item.due == today])]


def too_far(plan: Plan, items: list[dates.Obligation], today: _dt.date) -> list[str]:
    """Access reviews further ahead than the interval allows, counted from today,
    or from the launch while the accounts are not live yet."""
    interval = dates.review_interval(plan)
    start = max(today, dates.launch_date(plan) or today)
    limit = dates.add_months(start, interval)
    months = f"{interval} month{'' if interval == 1 else 's'}"
    since = "away" if start == today else f"after the launch on {start}"
    far = [item for item in items if item.decision == "safeguards.access" and item.due > limit]
    return [f"{subject} on {due} is more than {months} {since}: the interval says every {months}"
            for subject, due in _grouped(far)]


def first_review_before_launch(plan: Plan) -> str | None:
    first, launch = dates.read_date(plan.get("launch.first_review")), dates.launch_date(plan)
    if first and launch and first <= launch:
        return (f"the first plan review ({first}) does not come after the launch ({launch}): "
                f"set it after launch, about 6 months later")
    return None


def first_review_far(plan: Plan) -> str | None:
    """A first review further from launch than the review cycle: the policies promise
    a review every cycle, so the first one should come within one. A week's grace: the
    suggested date moves off a weekend (a review is held at work)."""
    first, launch, cycle = (dates.read_date(plan.get("launch.first_review")), dates.launch_date(plan),
                            plan.get("launch.review_cycle"))
    if not (first and launch and cycle) or first <= dates.add_months(launch, cycle) + _dt.timedelta(days=7):
        return None
    every = CATALOGUE.get("launch.review_cycle").kind.show(cycle)
    return (f"the first plan review ({first}) is more than one review cycle after the launch "
            f"({launch}): the policies say they are reviewed {every}")


def _of(plan: Plan, decision: str) -> list[dates.Obligation]:
    return [item for item in dates.obligations(plan) if item.decision == decision]


def _overdue(plan: Plan, decision: str, today: _dt.date) -> list[str]:
    if decision in ("launch.first_review", "launch.review_cycle") and first_review_before_launch(plan):
        return []  # the order check says what is wrong with it
    return overdue(_of(plan, decision), today)


def _blocking(decision: str, today: _dt.date) -> Callable[[Plan], str | None]:
    def run(plan: Plan) -> str | None:
        if not dates.launched(plan, today):
            return None
        return "; ".join(_overdue(plan, decision, today)) or None
    return run


def _advice(decision: str, today: _dt.date) -> Callable[[Plan], str | None]:
    def run(plan: Plan) -> str | None:
        items = _of(plan, decision)
        early = [] if dates.launched(plan, today) else _overdue(plan, decision, today)
        found = [f"{text}: set a date ahead of launch" for text in early]
        found += due_today(items, today) + too_far(plan, items, today)
        return "; ".join(found) or None
    return run


def checks_on(today: _dt.date) -> tuple[Check, ...]:
    """The date checks as of `today`: the command line's --as-of, or the day the workbench runs."""
    built: list[Check] = []
    for key, step, decision, what in _KINDS:
        built.append(Check(f"check.{key}_overdue", step, f"{what} overdue", True, decision,
                           _blocking(decision, today)))
        built.append(Check(f"check.{key}_due", step, f"{what} due or too far ahead", False, decision,
                           _advice(decision, today)))
    built.append(Check("check.first_review_order", "launch", "First plan review before launch", True,
                       "launch.first_review", first_review_before_launch))
    built.append(Check("check.first_review_far", "launch", "First plan review within one cycle", False,
                       "launch.first_review", first_review_far))
    return tuple(built)
