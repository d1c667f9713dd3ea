"""Every dated obligation in a plan, judged against a given day.

A plan keeps living after launch: access reviews, objective reviews, the
first plan review and each plan review after it (every review cycle) fall due, and terms of service, training and the register
go stale. This module lists them and says, for a day it is handed, what is
overdue, due today or set too far ahead. It never reads a clock: the day
comes from the caller (the command line's --as-of, the workbench's today).

A date falls due ON its day ("due today", advice) and is overdue from the
day after; overdue blocks launch once the launch date has come, and is advice
before it.
"""

from __future__ import annotations

import datetime as _dt
import re
import weakref
from typing import NamedTuple

from smgov_tui.core.names import name_key
from smgov_tui.core.plan import Plan

DEFAULT_INTERVAL = 6  # months between access reviews while safeguards.review_interval is undecided
YEARLY = 12

# Decisions kept as text whose date, written YYYY-MM-DD, says when the thing was
# last done; it is due again `every` months later (None: the access review interval).
_LAST_DONE = (
    ("platforms.terms_review", "Terms of service review", YEARLY),
    ("resources.training", "Training refresher", YEARLY),
    ("platforms.register", "Register audit", None),
)
_ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


class Obligation(NamedTuple):
    what: str  # "Access review: Facebook", as a list shows it
    due: _dt.date
    decision: str  # where the date is set
    every: int | None  # months between recurrences; None: once
    owner: str = ""  # who answers for it, where the plan says


class NoObligations(ValueError):
    """The plan holds no date yet: nothing to put in a calendar (which RFC 5545 wants non-empty)."""


def add_months(day: _dt.date, months: int) -> _dt.date:
    """The same day `months` later, on the month's last day where it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, _days_in(year, month)))


def _days_in(year: int, month: int) -> int:
    """calendar.monthrange(year, month)[1], without loading calendar (and its locale
    machinery) on the workbench's start, where each review date is counted."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def read_date(value: object) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def review_interval(plan: Plan) -> int:
    return int(plan.get("safeguards.review_interval") or DEFAULT_INTERVAL)


def launch_date(plan: Plan) -> _dt.date | None:
    return read_date(plan.get("launch.date"))


def launched(plan: Plan, today: _dt.date) -> bool:
    """Live from the launch day on: from then an overdue date blocks."""
    launch = launch_date(plan)
    return launch is not None and today >= launch


def _owners(plan: Plan) -> dict[str, str]:
    return {name_key(row.get("platform") or row.get("tool")): row.get("owner") or ""
            for decision in ("platforms.chosen", "platforms.tools") for row in plan.rows(decision)}


# The last plan asked about and its obligations: the checklist's fourteen date checks
# each ask for the same plan's, and building them fourteen times was a sixth of the
# checklist's time (bench/portfolio.py). A plan changes by copy (Plan.with_value), so
# the same object holds the same values.
_remembered: tuple[weakref.ref, tuple[Obligation, ...]] | None = None


def obligations(plan: Plan) -> tuple[Obligation, ...]:
    """Every dated obligation the plan holds, in catalogue order."""
    global _remembered
    if _remembered is not None and _remembered[0]() is plan:
        return _remembered[1]
    found = _obligations(plan)
    _remembered = (weakref.ref(plan), found)
    return found


def _obligations(plan: Plan) -> tuple[Obligation, ...]:
    interval = review_interval(plan)
    found = [Obligation(f"Objective review: {row['objective']}", due, "objectives.measurable", None)
             for row in plan.rows("objectives.measurable") if (due := read_date(row.get("review")))]
    owners = _owners(plan)
    found += [Obligation(f"Access review: {row['account']}", due, "safeguards.access", interval,
                         owners.get(name_key(row["account"]), ""))
              for row in plan.rows("safeguards.access") if (due := read_date(row.get("next_review")))]
    for decision, what, every in _LAST_DONE:
        dates = [read_date(text) for text in _ISO_DATE.findall(str(plan.get(decision) or ""))]
        dates = [day for day in dates if day]
        if dates:
            months = every or interval
            found.append(Obligation(what, add_months(max(dates), months), decision, months))
    first = read_date(plan.get("launch.first_review"))
    if first:
        found.append(Obligation("First plan review", first, "launch.first_review", None))
        cycle = plan.get("launch.review_cycle")
        if cycle:  # then every cycle after the first, where the policies say they are reviewed
            found.append(Obligation("Plan review", add_months(first, cycle), "launch.review_cycle", cycle))
    return tuple(found)


def due_within(plan: Plan, today: _dt.date, days: int = 90) -> list[Obligation]:
    """What falls due from today to `days` ahead, soonest first: the launch step's list."""
    end = today + _dt.timedelta(days=days)
    return sorted((item for item in obligations(plan) if today <= item.due <= end),
                  key=lambda item: (item.due, item.what))


def distance(day: _dt.date, today: _dt.date) -> str:
    """How far a date lies from today, in the words a person uses: "6 years ago", "in 3 days"."""
    days = (day - today).days
    if days == 0:
        return "today"
    count, unit = abs(days), "day"
    if count >= 730:
        count, unit = count // 365, "year"
    elif count >= 60:
        count, unit = count // 30, "month"
    words = f"{count} {unit}{'' if count == 1 else 's'}"
    if count == 1 and unit == "day":
        return "yesterday" if days < 0 else "tomorrow"
    return f"{words} ago" if days < 0 else f"in {words}"
