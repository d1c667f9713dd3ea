"""What a plan already says that a suggested answer can build on.

Read once per suggestion from the plan's decided values: the organisation,
its people by role, its platforms and tools, its hours. Every suggestion reads
these names, never the raw values, so "who leads" is worked out in one place.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, NamedTuple

from smgov_tui.core.names import person_key
from smgov_tui.core.plan import Plan
from smgov_tui.core.schedule import Schedule, ScheduleError, parse_schedule

OFFICE_HOURS = "Mon-Fri 09:00-17:00"  # seen in practice (NSW; Victorian councils; NYC 311 social team)
# Roles in the order they lead the day-to-day work, and in which they answer.
LEAD_ROLES = ("team lead", "account manager", "content lead", "responder", "moderator", "backup")
_ARTICLE_BEFORE = ("city of", "town of", "county of", "village of", "borough of", "district of",
                   "city and county of", "state ", "department ", "office ", "shire of")


class Person(NamedTuple):
    name: str
    role: str
    when: str  # duty hours as the roster gives them; "" when not given


class PlanFacts:
    """The plan seen from a suggestion: names, people, platforms, hours."""

    def __init__(self, plan: Plan, today: _dt.date | None = None) -> None:
        self.plan = plan
        self.today = today or _dt.date.today()
        self.name: str = plan.get("organisation.name") or ""
        self.kind: str = plan.get("organisation.kind") or ""
        self.country: str = plan.get("organisation.country") or ""
        self.website: str = plan.get("organisation.website") or ""
        self.people = tuple(Person(row["name"], row.get("role", ""), row.get("when", ""))
                            for row in plan.rows("resources.roster") if row.get("name"))
        self.platforms = tuple(row["platform"] for row in plan.rows("platforms.chosen"))
        self.tools = tuple(row["tool"] for row in plan.rows("platforms.tools"))
        self.comments_open = any(row.get("comments", "open") != "off"
                                 for row in plan.rows("platforms.chosen"))

    def get(self, decision_id: str, default: Any = None) -> Any:
        return self.plan.get(decision_id, default)

    # The organisation, as a sentence names it.

    @property
    def org(self) -> str:
        """"the Town of Millbrook", "Kettle County"; "the town" before the name is known."""
        if not self.name:
            return f"the {self.kind}" if self.kind and self.kind != "other" else "the organisation"
        lowered = self.name.casefold()
        if lowered.startswith("the "):
            return self.name
        return ("the " if lowered.startswith(_ARTICLE_BEFORE) else "") + self.name

    @property
    def Org(self) -> str:  # noqa: N802  # the same at the start of a sentence
        return self.org[:1].upper() + self.org[1:]

    @property
    def site(self) -> str:
        """Where residents find the organisation: its website, or its name."""
        return self.website or f"{self.org}'s website"

    @property
    def us(self) -> bool:
        return self.country == "United States"

    @property
    def main(self) -> str:
        """The main platform, said or the first chosen."""
        return self.get("platforms.main") or (self.platforms[0] if self.platforms else "our main platform")

    # People, by what they do.

    def in_roles(self, roles: tuple[str, ...]) -> list[Person]:
        ranked = sorted((p for p in self.people if p.role in roles), key=lambda p: roles.index(p.role))
        return ranked

    @property
    def lead(self) -> Person | None:
        """Who runs the accounts day to day: the team lead first."""
        found = self.in_roles(LEAD_ROLES)
        return found[0] if found else (self.people[0] if self.people else None)

    @property
    def backup(self) -> Person | None:
        """A second person who can stand in for the lead."""
        lead = self.lead
        others = [p for p in self.in_roles(LEAD_ROLES) + list(self.people)
                  if lead is None or person_key(p.name) != person_key(lead.name)]
        return others[0] if others else None

    @property
    def decider(self) -> str:
        """Who decides what responders cannot: the roster's decision maker, else the sponsor."""
        found = self.in_roles(("decision maker",))
        return found[0].name if found else (self.get("resources.sponsor") or "")

    @property
    def escalation(self) -> str:
        """The escalation contact, said or suggested: the decision maker, the sponsor, or the
        lead when a second person answers too; never the only responder."""
        lead, backup = self.lead, self.backup
        contact = (self.get("response.escalation_contact") or self.decider
                   or (lead.name if lead and backup else ""))
        if contact and backup is None and lead and person_key(contact) == person_key(lead.name):
            return ""
        return contact

    @property
    def team(self) -> str:
        """The roster's names in a phrase: "Dana Ruiz and Lee Chen"."""
        names = [p.name for p in self.people]
        if len(names) <= 1:
            return "".join(names)
        return ", ".join(names[:-1]) + " and " + names[-1]

    # Hours.

    def duty_hours(self) -> Schedule | None:
        """When the roster is on duty, all of it together; None when no one says."""
        total = Schedule(())
        for person in self.people:
            try:
                total = total | parse_schedule(person.when) if person.when else total
            except ScheduleError:
                continue
        return total if total.windows else None

    def monitoring_hours(self) -> str:
        """The published hours, or the office hours the roster is on duty for."""
        said = self.get("response.monitoring_hours")
        if said:
            return said
        office = parse_schedule(OFFICE_HOURS)
        duty = self.duty_hours()
        if duty is None:
            return OFFICE_HOURS
        inside = office.uncovered_by(office.uncovered_by(duty))
        return str(inside if inside.windows else duty)

    def in_months(self, months: int, start: _dt.date | None = None) -> str:
        """A date some months on, kept on a weekday (a review is held at work)."""
        start = start or self.today
        month = start.month - 1 + months
        year, month = start.year + month // 12, month % 12 + 1
        day = min(start.day, 28)
        date = _dt.date(year, month, day)
        while date.weekday() >= 5:
            date += _dt.timedelta(days=1)
        return date.isoformat()
