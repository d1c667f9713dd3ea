"""The plan's dated obligations as iCalendar (issue 15, point 4), read back with
icalendar as a calendar program would read the file."""

from __future__ import annotations

import datetime as _dt
import json

import icalendar
import pytest
from conftest import SAMPLES

from smgov_tui.core.dates import NoObligations, obligations
from smgov_tui.core.plan import Plan
from smgov_tui.documents import render
from smgov_tui.documents.ical import calendar_ics

DAY = _dt.date(2026, 12, 7)


def sample(name: str = "small-city") -> Plan:
    data = json.loads((SAMPLES / f"{name}.json").read_text())["plan"]["1"]
    return Plan.from_values(data["name"], data["values"])


def events(text: str) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    found = {}
    for event in calendar.walk("VEVENT"):
        summary = str(event["summary"])
        assert summary not in found, f"two events called {summary}"
        found[summary] = event
    return found


def test_every_obligation_is_one_all_day_event_on_its_due_day():
    plan = sample()
    found = events(render(plan, "calendar", "ics", DAY))
    expected = {f"{item.what} (City of Harbor Falls)": item for item in obligations(plan)}
    assert set(found) == set(expected)
    assert len(found) == 11  # 3 objective reviews, 5 access reviews, terms of service, first plan review,
    # and the plan review every review cycle after it
    for summary, item in expected.items():
        event = found[summary]
        assert event.decoded("dtstart") == item.due
        assert event.decoded("dtend") == item.due + _dt.timedelta(days=1)
        assert str(event["transp"]) == "TRANSPARENT"
        alarm = event.subcomponents[0]
        assert alarm.decoded("trigger") == -_dt.timedelta(days=7)
    first = found["First plan review (City of Harbor Falls)"]
    assert first.decoded("dtstart") == _dt.date(2027, 7, 12) and "rrule" not in first


def test_recurring_obligations_repeat_at_their_interval():
    plan = sample()
    found = events(render(plan, "calendar", "ics", DAY))
    facebook = found["Access review: Facebook (City of Harbor Falls)"]
    assert facebook.decoded("dtstart") == _dt.date(2027, 5, 14)
    assert dict(facebook["rrule"]) == {"FREQ": ["MONTHLY"], "INTERVAL": [6]}
    terms = found["Terms of service review (City of Harbor Falls)"]
    assert terms.decoded("dtstart") == _dt.date(2027, 10, 2)  # reviewed on 2026-10-02, due a year on
    assert dict(terms["rrule"]) == {"FREQ": ["YEARLY"], "INTERVAL": [1]}
    objective = found["Objective review: Answer residents' questions promptly (City of Harbor Falls)"]
    assert "rrule" not in objective
    # The access interval is the plan's decision, read where it is set.
    quarterly = events(render(plan.with_value("safeguards.review_interval", 3), "calendar", "ics", DAY))
    assert dict(quarterly["Access review: Facebook (City of Harbor Falls)"]["rrule"]) == {
        "FREQ": ["MONTHLY"], "INTERVAL": [3]}


def test_owners_with_an_email_on_the_roster_are_attendees():
    found = events(render(sample(), "calendar", "ics", DAY))
    canva = found["Access review: Canva (City of Harbor Falls)"]
    assert str(canva["attendee"]) == "mailto:lchen@harborfalls.example.gov"
    assert canva["attendee"].params["CN"] == "Lee Chen"
    # The archive's owner is not on the roster: named in the description, not invited.
    archive = found["Access review: ArchiveSocial (City of Harbor Falls)"]
    assert "attendee" not in archive
    assert "Owner: Helen Ostrowski, City Clerk." in str(archive["description"])
    assert "Set in the plan at “Two-factor and access review per account”" in str(archive["description"])


def test_a_later_export_moves_an_event_instead_of_adding_one():
    plan = sample()
    before = events(render(plan, "calendar", "ics", DAY))
    moved = [{**row, "next_review": "2027-02-01"} if row["account"] == "Facebook" else row
             for row in plan.rows("safeguards.access")]
    after = events(render(plan.with_value("safeguards.access", moved), "calendar", "ics", DAY))
    summary = "Access review: Facebook (City of Harbor Falls)"
    assert after[summary].decoded("dtstart") == _dt.date(2027, 2, 1)
    assert str(after[summary]["uid"]) == str(before[summary]["uid"])
    assert len({str(event["uid"]) for event in before.values()}) == len(before)


def test_one_day_one_file_and_the_calendar_is_named_for_the_organisation():
    plan = sample()
    text = render(plan, "calendar", "ics", DAY)
    assert text == render(plan, "calendar", "ics", DAY)
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["x-wr-calname"]) == "City of Harbor Falls: Social media review dates"
    assert "\r\n" in text and all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_a_plan_with_no_date_has_no_calendar():
    with pytest.raises(NoObligations, match="no dated obligation yet"):
        calendar_ics(Plan("Blank"))


@pytest.mark.parametrize("doc, fmt", [("calendar", "md"), ("plan", "ics")])
def test_the_calendar_is_only_ics_and_the_documents_never_are(doc, fmt):
    with pytest.raises(ValueError, match="only as .ics"):
        render(sample(), doc, fmt, DAY)
