"""The plan's dated obligations as an iCalendar file, for the team's calendars.

A review date in a plan file is seen only by whoever opens the plan; in the
calendar the team already reads, it falls due in front of the people who owe
it. Built with icalendar (a well-kept library: RFC 5545's folding, escaping
and recurrence rules are easy to get subtly wrong by hand).

Each obligation from core.dates becomes an all-day event on its due day; one
that recurs carries a recurrence rule; its owner is an attendee where the
roster gives them an email address. An event's UID is derived from the plan
and the obligation, not the date, so importing a later export moves the event
instead of adding a second one.
"""

from __future__ import annotations

import datetime as _dt
import hashlib

import icalendar

from smgov_tui import __version__
from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.catalogue.kinds import EMAIL
from smgov_tui.core.dates import NoObligations, Obligation, obligations
from smgov_tui.core.names import person_key
from smgov_tui.core.plan import Plan
from smgov_tui.core.textsafe import one_line

PRODID = f"-//smgov//smgov {__version__}//EN"
REMIND_DAYS = 7  # a reminder a week ahead: time to book the review, not just to notice it

# What to do when each kind of date falls due, in the words of its decision's guidance.
_TODO = {
    "objectives.measurable": "Check this objective against its measure and decide whether to keep, "
                             "change or drop it.",
    "safeguards.access": "Check who can sign in to this account, remove anyone who no longer needs "
                         "access, confirm two-factor is on, then record the next review date.",
    "platforms.terms_review": "Re-read each platform's terms of service and note any change that "
                              "affects the program; record the date of this review in the plan.",
    "resources.training": "Run the refresher training for everyone with access; record the date "
                          "in the plan.",
    "platforms.register": "Audit the register of official accounts: each account's owner, access "
                          "and whether it is still needed; record the date in the plan.",
    "launch.first_review": "Review the whole plan against what the first months showed: the "
                           "objectives, the hours, the response targets and the rules.",
    "launch.review_cycle": "Review the whole plan and its adopted policies, as they promise every "
                           "review cycle; record any revision and have it signed off.",
}


def emails(plan: Plan) -> dict[str, str]:
    """Each rostered person's work email, where their contact holds one."""
    found = {}
    for row in plan.rows("resources.roster"):
        match = EMAIL.search(str(row.get("contact") or ""))
        if match and row.get("name"):
            found.setdefault(person_key(row["name"]), match.group(0))
    return found


def _uid(plan: Plan, item: Obligation) -> str:
    key = "\x1f".join((plan.title, item.decision, item.what))
    return f"{hashlib.sha256(key.encode()).hexdigest()[:32]}@smgov"


def _rule(months: int) -> dict:
    if months % 12 == 0:
        return {"freq": "yearly", "interval": months // 12}
    return {"freq": "monthly", "interval": months}


def _event(plan: Plan, item: Obligation, addresses: dict[str, str], stamp: _dt.datetime) -> icalendar.Event:
    """Plan text goes in as one visible line: a calendar shows it, and `smgov calendar`
    without -o prints it on a terminal."""
    what, owner, title = one_line(item.what), one_line(item.owner), one_line(plan.title)
    event = icalendar.Event()
    event.add("uid", _uid(plan, item))
    event.add("dtstamp", stamp)
    event.add("summary", f"{what} ({title})" if title else what)
    event.add("dtstart", item.due)
    event.add("dtend", item.due + _dt.timedelta(days=1))
    event.add("transp", "TRANSPARENT")  # a deadline, not a meeting: it books no one's time
    if item.every:
        event.add("rrule", _rule(item.every))
    lines = [_TODO.get(item.decision, ""),
             f"Set in the plan at “{CATALOGUE.get(item.decision).label}”."]
    if item.every:
        lines.append(f"Falls due every {item.every} months.")
    if owner:
        lines.append(f"Owner: {owner}.")
        address = addresses.get(person_key(item.owner))
        if address:
            attendee = icalendar.vCalAddress(f"mailto:{address}")
            attendee.params["cn"] = icalendar.vText(owner)
            attendee.params["role"] = icalendar.vText("REQ-PARTICIPANT")
            event.add("attendee", attendee, encode=False)
    event.add("description", "\n".join(line for line in lines if line))
    event.add("categories", ["smgov"])
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"{what} falls due in {REMIND_DAYS} days")
    alarm.add("trigger", -_dt.timedelta(days=REMIND_DAYS))
    event.add_component(alarm)
    return event


def calendar_ics(plan: Plan, stamp: _dt.datetime | None = None) -> str:
    """The calendar as text (CRLF lines, as RFC 5545 has them). `stamp` is when it
    was made (DTSTAMP); it defaults to now."""
    found = sorted(obligations(plan), key=lambda item: (item.due, item.what))
    if not found:
        raise NoObligations(
            "the plan has no dated obligation yet: set the first plan review (launch.first_review), "
            "an access review date (safeguards.access) or an objective's review date")
    stamp = stamp or _dt.datetime.now(_dt.UTC)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", one_line(plan.headed("Social media review dates")))
    addresses = emails(plan)
    for item in found:
        cal.add_component(_event(plan, item, addresses, stamp))
    return cal.to_ical().decode()
