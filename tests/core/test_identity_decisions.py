"""The identity decisions of the launch step: the review cycle as people write it,
the suggestions built from the organisation, and the plan review that falls due
every cycle after the first, as `obligations()`, the checks and `smgov check` see it."""

from __future__ import annotations

import datetime as _dt
import json
import shutil

import pytest
from conftest import SAMPLES

from smgov_tui.core.catalogue import CATALOGUE, InvalidValue
from smgov_tui.core.catalogue.kinds import INTERVAL
from smgov_tui.core.dates import due_within, obligations
from smgov_tui.core.plan import Plan
from smgov_tui.core.readiness import checklist
from smgov_tui.core.suggestions import suggest, why_none

D = _dt.date.fromisoformat
GOVERNANCE = ("launch.authority", "launch.scope", "launch.owner", "launch.contact",
              "launch.effective_date", "launch.review_cycle", "launch.enforcement",
              "launch.policy_number", "launch.related_documents", "launch.adopting_body",
              "launch.resolution", "launch.adopted_on")


def org(country: str = "United States", kind: str = "city", **values) -> Plan:
    base = {"organisation.name": "City of Millbrook", "organisation.kind": kind,
            "organisation.country": country, "organisation.website": "https://www.millbrook.gov",
            "resources.sponsor": "Ann Lee, City Manager",
            "resources.roster": [{"name": "Alex Moreno", "role": "team lead", "hours": 20,
                                  "contact": "amoreno@millbrook.gov, 555-0100"}]}
    return Plan.from_values("x", {**base, **{k.replace("__", "."): v for k, v in values.items()}})


@pytest.mark.parametrize("typed, months, shown", [
    ("annually", 12, "annually"), ("Yearly", 12, "annually"), ("every 2 years", 24, "every 2 years"),
    ("every 18 months", 18, "every 18 months"), ("every 6 months", 6, "every 6 months"),
    ("quarterly", 3, "every 3 months"), ("every  1 year", 12, "annually")])
def test_a_review_cycle_is_read_as_people_write_it_and_kept_in_months(typed, months, shown):
    assert CATALOGUE.parse("launch.review_cycle", typed, {}) == months
    assert INTERVAL.show(months) == shown and INTERVAL.parse(INTERVAL.edit_text(months)) == months


@pytest.mark.parametrize("typed", ["biannually", "fortnightly", "every other year", "every 0 months",
                                   "every 6 years", "2027-01-01"])
def test_a_review_cycle_refuses_nonsense_in_one_sentence_naming_what_is_allowed(typed):
    with pytest.raises(InvalidValue) as refused:
        CATALOGUE.parse("launch.review_cycle", typed, {})
    message = str(refused.value)
    assert "\n" not in message and "e.g. annually, every 2 years or every 6 months" in message


def test_a_review_cycle_from_a_file_is_checked_too():
    assert CATALOGUE.check("launch.review_cycle", 24, {}) == 24
    for bad in (True, 0, 61, 1.5, ["annually"]):
        with pytest.raises(InvalidValue):
            CATALOGUE.check("launch.review_cycle", bad, {})


def test_set_refuses_a_bad_cycle_with_one_line_and_leaves_the_file(tmp_path, smgov):
    path = tmp_path / "city.json"
    shutil.copy(SAMPLES / "county.json", path)
    before = path.read_bytes()
    result = smgov("set", path, "launch.review_cycle", "biannually")
    assert result.code == 2 and result.out == ""
    assert result.err.startswith("smgov: error: ") and result.err.count("\n") == 1
    assert "'biannually' is not an interval" in result.err and path.read_bytes() == before
    assert smgov("set", path, "launch.review_cycle", "every 2 years").code == 0
    assert smgov("get", path, "launch.review_cycle").out == "every 2 years\n"


def test_the_contact_must_hold_an_email_or_a_phone_number():
    assert CATALOGUE.parse("launch.contact", "Call 555-0100", {}) == "Call 555-0100"
    assert CATALOGUE.parse("launch.contact", "social@millbrook.gov", {}) == "social@millbrook.gov"
    with pytest.raises(InvalidValue, match="has no email address or phone number"):
        CATALOGUE.parse("launch.contact", "ask Alex", {})


def test_each_governance_decision_is_declared_with_guidance_and_an_example():
    for decision_id in GOVERNANCE:
        decision = CATALOGUE.get(decision_id)
        assert decision.step == "launch" and decision.example and "**Why it matters.**" in decision.guidance
    blockers = {d for d in GOVERNANCE if CATALOGUE.get(d).blocker}
    assert blockers == {"launch.authority", "launch.scope", "launch.owner", "launch.contact",
                        "launch.effective_date", "launch.review_cycle", "launch.enforcement"}


@pytest.mark.parametrize("country, expected", [
    ("United States", "A resolution of the City Council under the charter and municipal code of the City of Millbrook"),
    ("United Kingdom", "A Cabinet decision under the Local Government Act 2000 and the constitution of the City of Millbrook"),
    ("Australia", "A resolution of the Council under the state's Local Government Act"),
    ("New Zealand", "A resolution of the Council under the Local Government Act 2002"),
])
def test_the_authority_is_suggested_by_country(country, expected):
    assert suggest("launch.authority", org(country)) == expected


def test_the_suggestions_come_from_what_the_plan_says():
    city = org(launch__date="2027-02-01")
    assert suggest("launch.adopting_body", city) == "City Council"
    assert suggest("launch.adopting_body", org(kind="county")) == "Board of Supervisors"
    assert suggest("launch.adopting_body", org(kind="agency")) == "City Manager"  # the sponsor's office
    assert suggest("launch.authority", org(kind="agency")) == (
        "A decision of the City Manager under the enabling statute and delegations of the City of Millbrook")
    assert suggest("launch.scope", city)[-1] == "elected officials' official accounts"
    assert "elected officials' official accounts" not in suggest("launch.scope", org(kind="agency"))
    assert suggest("launch.owner", city) == "Alex Moreno, team lead"
    assert suggest("launch.contact", city) == "amoreno@millbrook.gov, 555-0100"
    assert suggest("launch.effective_date", city) == "2027-02-01"
    assert suggest("launch.review_cycle", city) == 12
    assert suggest("launch.policy_number", city) == "CM-SM-01"
    assert [row["title"] for row in suggest("launch.related_documents", city)][:2] == [
        "Acceptable Use of IT Policy", "Records Retention Schedule"]
    assert suggest("launch.related_documents", city)[0]["where"] == "on https://www.millbrook.gov"
    enforcement = suggest("launch.enforcement", city.with_value("launch.scope", ["staff"]))
    assert "- Staff: dealt with under our disciplinary procedure" in enforcement
    assert "Contractors" not in enforcement and "civil or criminal penalties" in enforcement


def test_without_the_facts_no_suggestion_and_the_reason():
    bare = Plan.from_values("x", {})
    for decision_id in ("launch.authority", "launch.scope", "launch.owner", "launch.contact",
                        "launch.effective_date", "launch.adopting_body", "launch.policy_number"):
        assert suggest(decision_id, bare) is None, decision_id
    assert why_none("launch.effective_date") == ("no suggestion for launch.effective_date: the plan does "
                                                 "not say the launch date")
    assert why_none("launch.resolution") == "no suggestion for launch.resolution: only you can say this"
    assert suggest("launch.authority", org("other")) is None  # no law named for a country not covered


def review(**values) -> Plan:
    return Plan.from_values("x", {"launch.date": "2027-01-11", "launch.first_review": "2027-07-12",
                                  **{k.replace("__", "."): v for k, v in values.items()}})


def test_a_plan_review_recurs_every_cycle_after_the_first_review():
    assert [o.what for o in obligations(review())] == ["First plan review"]  # no cycle: once
    found = {o.what: o for o in obligations(review(launch__review_cycle=24))}
    plan_review = found["Plan review"]
    assert (plan_review.due, plan_review.every, plan_review.decision) == (D("2029-07-12"), 24, "launch.review_cycle")
    assert [o.what for o in due_within(review(launch__review_cycle=6), D("2027-12-01"), 90)] == ["Plan review"]


def date_items(plan: Plan, today: _dt.date) -> dict:
    return {i.id: (i.severity, i.why) for i in checklist(plan, today=today).items
            if i.id.startswith(("check.plan_review", "check.first_review_far"))}


def test_the_plan_review_falls_due_on_its_day_and_blocks_the_day_after():
    plan = review(launch__review_cycle=12)
    assert date_items(plan, D("2028-07-11")) == {}
    assert date_items(plan, D("2028-07-12")) == {"check.plan_review_due": (
        "advice", "plan review is due today (2028-07-12); overdue from tomorrow")}
    assert date_items(plan, D("2028-07-13")) == {"check.plan_review_overdue": (
        "blocker", "plan review was due 2028-07-12, yesterday")}


def test_a_first_review_further_than_one_cycle_after_launch_is_advice():
    assert date_items(review(launch__review_cycle=6), D("2026-12-06")) == {}  # 6 months on: within
    far = review(launch__review_cycle=3)
    assert date_items(far, D("2026-12-06")) == {"check.first_review_far": (
        "advice", "the first plan review (2027-07-12) is more than one review cycle after the launch "
                  "(2027-01-11): the policies say they are reviewed every 3 months")}


@pytest.mark.parametrize("day, expected", [
    ("2028-07-11", []),
    ("2028-07-12", [("check.plan_review_due", "advice",
                     "plan review is due today (2028-07-12); overdue from tomorrow")]),
    ("2028-07-13", [("check.plan_review_overdue", "blocker", "plan review was due 2028-07-12, yesterday")]),
])
def test_smgov_check_as_of_the_edges_of_the_plan_review(tmp_path, smgov, day, expected):
    """The launch-ready sample reviews annually after its first review on 2027-07-12."""
    path = tmp_path / "city.json"
    shutil.copy(SAMPLES / "small-city.json", path)
    result = smgov("check", path, "--as-of", day, "--format", "json")
    assert result.err == "" and result.code == 1  # other reviews are overdue by then too
    items = [(i["id"], i["severity"], i["why"]) for i in json.loads(result.out)["items"]
             if i["id"].startswith("check.plan_review")]
    assert items == expected
    text = smgov("check", path, "--as-of", day).out
    assert ("check.plan_review" in text) == bool(expected)
