"""The register of official accounts: every platform row of several plans, and
what only shows when the plans are read together.

A county runs a plan per department; the people who review the register (the
US Digital Registry, NSW and Victorian registers: a yearly review of every
account) are not the people who wrote each plan. One plan's checklist cannot see
a handle claimed by two departments, a person rostered in four plans, or an
account closed in one plan and live in another: these flags can.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, NamedTuple

from smgov_tui.core import dates
from smgov_tui.core.catalogue.rows import DEFAULT_ACCOUNT_STATUS
from smgov_tui.core.names import name_key, name_part, person_key
from smgov_tui.core.plan import Plan

WORKING_WEEK = 37.5  # hours: a full-time week in many public services (UK, Australian and US state awards)


class Account(NamedTuple):
    """One official account as the register lists it."""

    plan: str  # the plan it comes from, as the user named or found the file
    organisation: str
    department: str
    platform: str
    handle: str
    address: str
    owner: str
    backup: str
    two_factor: bool | None
    last_review: str
    next_review: str
    retention: str
    status: str
    verified: str

    def as_json(self) -> dict[str, Any]:
        return self._asdict()


# The columns each output shows: (field, header). The public page names no person and
# no security detail: it is the list residents use to tell real accounts from impostors.
COLUMNS = (("plan", "Plan"), ("department", "Department"), ("platform", "Platform"), ("handle", "Handle"),
           ("owner", "Owner"), ("backup", "Backup"), ("two_factor", "Two-factor"),
           ("last_review", "Last review"), ("next_review", "Next review"),
           ("status", "Status"), ("retention", "Retention"))  # last: the long one wraps to fit
PUBLIC_COLUMNS = (("organisation", "Organisation"), ("department", "Department"), ("platform", "Platform"),
                  ("handle", "Handle"), ("address", "Address"), ("status", "Status"),
                  ("verified", "Verified"))


class Flag(NamedTuple):
    kind: str  # duplicate_handle, review_overdue, overworked, sole_escalation, closed_but_live
    why: str

    def as_json(self) -> dict[str, str]:
        return self._asdict()


def accounts(label: str, plan: Plan) -> list[Account]:
    """The plan's platform rows, with their access and records facts matched by platform name
    (two-factor and the next review from `safeguards.access`, retention from `safeguards.records`)."""
    access = {name_key(row["account"]): row for row in plan.rows("safeguards.access")}
    records = {name_key(row["platform"]): row for row in plan.rows("safeguards.records")}
    found = []
    for row in plan.rows("platforms.chosen"):
        key = name_key(row["platform"])
        locks, rule = access.get(key, {}), records.get(key, {})
        found.append(Account(
            plan=label, organisation=plan.title, department=row.get("department", ""),
            platform=row["platform"], handle=row.get("handle", ""), address=row.get("address", ""),
            owner=row.get("owner", ""), backup=row.get("backup", ""), two_factor=locks.get("two_factor"),
            last_review=row.get("last_review", ""), next_review=locks.get("next_review", ""),
            retention=rule.get("retention", ""), status=row.get("status", DEFAULT_ACCOUNT_STATUS),
            verified=row.get("verified", "")))
    return found


def _handle_key(account: Account) -> tuple[str, str] | None:
    handle = name_key(account.handle).lstrip("@")
    return (name_key(account.platform), handle) if handle else None


def _plans(labels: list[str]) -> str:
    unique = list(dict.fromkeys(labels))
    return ", ".join(unique[:-1]) + " and " + unique[-1] if len(unique) > 1 else unique[0]


def _named(account: Account) -> str:
    return f"{account.handle} on {account.platform}"


def _same_handles(listed: list[Account]) -> list[Flag]:
    groups: dict[tuple[str, str], list[Account]] = {}
    for account in listed:
        key = _handle_key(account)
        if key:
            groups.setdefault(key, []).append(account)
    found = []
    for group in groups.values():
        plans = list(dict.fromkeys(a.plan for a in group))
        if len(plans) > 1:
            found.append(Flag("duplicate_handle", f"{_named(group[0])} is listed in {len(plans)} plans: "
                                                  f"{_plans(plans)}; one account needs one owner"))
        closed = [a for a in group if a.status == "closed"]
        live = [a for a in group if a.status == "live" and a.plan not in {c.plan for c in closed}]
        if closed and live:
            found.append(Flag("closed_but_live", f"{_named(group[0])} is closed in {_plans([a.plan for a in closed])} "
                                                 f"but live in {_plans([a.plan for a in live])}"))
    return found


def _overdue_reviews(listed: list[Account], today: _dt.date) -> list[Flag]:
    found = []
    for account in listed:
        due = dates.read_date(account.next_review)
        if due and due < today and account.status != "closed":
            found.append(Flag("review_overdue", f"{_named(account)} in {account.plan}: access review "
                                                f"was due {due}, {dates.distance(due, today)}"))
    return found


def _overworked(entries: list[PlanEntry]) -> list[Flag]:
    hours: dict[str, dict[str, float]] = {}
    names: dict[str, str] = {}
    for entry in entries:
        for key, name, rostered in entry.roster:
            names.setdefault(key, name)
            hours.setdefault(key, {})
            hours[key][entry.label] = hours[key].get(entry.label, 0) + rostered
    found = []
    for key, by_plan in hours.items():
        total = sum(by_plan.values())
        if total > WORKING_WEEK:
            each = ", ".join(f"{label} ({_figure(h)} h)" for label, h in by_plan.items())
            found.append(Flag("overworked", f"{names[key]} is rostered {_figure(total)} h a week across "
                                            f"{each}: more than a {_figure(WORKING_WEEK)}-hour working week"))
    return found


def _figure(hours: float) -> str:
    return f"{hours:g}"


def _sole_escalation(plan: Plan) -> tuple[str, str] | None:
    """The one person a plan escalates to (its escalation contact and each tier's own
    are that person), by key and name; None when there are several or none."""
    people = [plan.get("response.escalation_contact")] + [row.get("escalation") for row in plan.rows("response.tiers")]
    keys = {person_key(person) for person in people if person_key(person)}
    if len(keys) != 1:
        return None
    key = keys.pop()
    return key, name_part(plan.get("response.escalation_contact") or key)


def _sole_escalations(entries: list[PlanEntry]) -> list[Flag]:
    sole: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for entry in entries:
        if entry.sole_escalation:
            key, name = entry.sole_escalation
            sole.setdefault(key, []).append(entry.label)
            names.setdefault(key, name)
    return [Flag("sole_escalation", f"{names[key]} is the only escalation contact for {len(set(labels))} plans: "
                                    f"{_plans(labels)}; one absence leaves them all without one")
            for key, labels in sole.items() if len(set(labels)) > 1]


class PlanEntry(NamedTuple):
    """What the register needs of one plan, worked out once: its accounts, and the
    people the flags count across plans (a person's rostered hours, the one person
    it escalates to). Its JSON is what `smgov register` keeps between runs (kept.py)."""

    label: str
    accounts: list[Account]
    roster: list[tuple[str, str, float]]  # (person's key, name, hours), a row each
    sole_escalation: tuple[str, str] | None  # (key, name)

    def as_json(self) -> dict[str, Any]:
        """Without the label: the same file may be named otherwise next time."""
        return {"accounts": [list(account[1:]) for account in self.accounts], "roster": self.roster,
                "sole_escalation": self.sole_escalation}

    @classmethod
    def from_json(cls, label: str, data: dict[str, Any]) -> PlanEntry:
        sole = data["sole_escalation"]
        return cls(label, [Account(label, *fields) for fields in data["accounts"]],
                   [tuple(row) for row in data["roster"]], tuple(sole) if sole else None)


def entry(label: str, plan: Plan) -> PlanEntry:
    roster = [(key, name_part(row["name"]), row["hours"]) for row in plan.rows("resources.roster")
              if (key := person_key(row.get("name"))) and row.get("hours")]
    return PlanEntry(label, accounts(label, plan), roster, _sole_escalation(plan))


def flags(entries: list[PlanEntry], today: _dt.date) -> list[Flag]:
    """Every flag of the register, each with its why, in a fixed order."""
    listed = [account for entry in entries for account in entry.accounts]
    return [*_same_handles(listed), *_overdue_reviews(listed, today), *_overworked(entries),
            *_sole_escalations(entries)]
