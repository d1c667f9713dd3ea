"""Suggested answers: built from the plan's own organisation, people, platforms and
country, in sentences a council keeps; offered, never decided until accepted."""

from __future__ import annotations

import datetime as _dt
import json
import re

import pytest
from conftest import SAMPLES

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.plan import Plan
from smgov_tui.core.readiness import checklist
from smgov_tui.core.suggestions import SUGGESTIONS, accepted, suggest
from smgov_tui.storage.store import PlanStore

TODAY = _dt.date(2026, 12, 1)
TOWN = Plan.from_values("Millbrook plan", {
    "organisation.name": "Town of Millbrook", "organisation.kind": "town",
    "organisation.country": "United States", "organisation.website": "https://www.millbrook.gov",
    "resources.roster": [
        {"name": "Alex Moreno", "role": "team lead", "hours": 20, "when": "Mon-Fri 08:30-17:00"},
        {"name": "Jamie Lee", "role": "responder", "hours": 10, "when": "Mon-Wed 09:00-17:00"}],
    "platforms.chosen": [{"platform": "Facebook", "owner": "Alex Moreno", "backup": "Jamie Lee",
                          "comments": "open"}],
})


def county() -> Plan:
    return PlanStore(SAMPLES / "county.json").load()  # Kettle County: Priya Nair, Tom Becker; Facebook, X, YouTube


PLANS = {"town": (TOWN, "Town of Millbrook", ("Alex Moreno", "Jamie Lee"), ("Facebook",)),
         "county": (county(), "Kettle County", ("Priya Nair", "Tom Becker"), ("Facebook", "X", "YouTube"))}

# Where a suggestion must name the organisation, its lead (and backup), its platforms.
NAMES_ORGANISATION = ("objectives.key_messages", "resources.training", "response.emergency_notice",
                      "platforms.naming", "conduct.security", "conduct.dos_donts",
                      "conduct.employee_access", "conduct.acceptable_use", "conduct.employee_conduct",
                      "conduct.citizen_conduct", "safeguards.officials_accounts", "safeguards.complaints")
NAMES_LEAD = ("resources.cover", "resources.training", "resources.wellbeing", "response.tiers",
              "response.welcomed_topics", "platforms.register", "conduct.security",
              "conduct.employee_access", "conduct.account_management", "conduct.employee_conduct",
              "conduct.content", "safeguards.offboarding", "safeguards.hacked_response",
              "safeguards.emergency_link")
NAMES_BOTH_PEOPLE = ("resources.cover", "response.tiers", "conduct.employee_access", "safeguards.hacked_response")
NAMES_EVERY_PLATFORM = ("safeguards.records", "safeguards.access", "resources.ranked_goals")
PLACEHOLDER = re.compile(r"\[|\]|\be\.g\.|\bi\.e\.|\bXXX\b|\bTBD\b|<[^>]*>|\{[a-z_]+\}|\bNone\b", re.I)


def offered(plan: Plan) -> dict:
    return {d.id: v for d in CATALOGUE if (v := suggest(d.id, plan, TODAY)) is not None}


def words(decision_id: str, value) -> str:
    """What a person reads: for rows, each cell's text (the JSON brackets are not the suggestion's)."""
    kind = CATALOGUE.get(decision_id).kind
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return "\n".join(", ".join(cell) if isinstance(cell, list) else str(cell)  # a multi-choice cell
                         for row in value for cell in row.values())
    return kind.show(value) if not isinstance(value, str) else value


@pytest.mark.parametrize("which", sorted(PLANS))
@pytest.mark.parametrize("decision_id", sorted(SUGGESTIONS))
def test_each_suggestion_names_the_plans_own_facts_and_fits_its_kind(which, decision_id):
    plan, org, people, platforms = PLANS[which]
    value = suggest(decision_id, plan, TODAY)
    if value is None:  # a suggestion that fills blanks has none to offer a plan with none left
        assert decision_id not in offered(TOWN) or SUGGESTIONS[decision_id].fills, \
            f"{decision_id} is offered for the town, not the {which}"
        return
    assert CATALOGUE.check(decision_id, value, plan.values) == value  # accepting is never refused
    text = words(decision_id, value)
    assert not PLACEHOLDER.search(text), f"{decision_id}: a placeholder in {text!r}"
    if decision_id in NAMES_ORGANISATION:
        assert org in text
    if decision_id in NAMES_LEAD:
        assert people[0] in text
    if decision_id in NAMES_BOTH_PEOPLE:
        assert people[1] in text
    if decision_id in NAMES_EVERY_PLATFORM:
        assert all(name in text for name in platforms)
    other_org = "Kettle County" if which == "town" else "Millbrook"
    assert other_org not in text and "Harbor Falls" not in text and "Dana Ruiz" not in text


def test_the_country_chooses_the_records_law_and_the_legal_footing():
    uk = Plan.from_values("x", {**TOWN.values, "organisation.country": "United Kingdom",
                                "organisation.name": "Millbrook Town Council"})
    assert "Freedom of Information Act 2000" in suggest("safeguards.retention_schedule", uk)
    assert "public records act" in suggest("safeguards.retention_schedule", TOWN)
    assert suggest("safeguards.forum", TOWN) == "limited public forum"
    assert suggest("safeguards.forum", uk) == "no public-forum doctrine applies"  # a US doctrine
    unknown = Plan.from_values("x", {k: v for k, v in TOWN.values.items() if k != "organisation.country"})
    assert suggest("safeguards.forum", unknown) is None  # the footing waits for the country
    assert "999" in suggest("response.emergency_notice", uk)
    assert suggest("organisation.currency", uk) == "GBP"


def test_reply_targets_and_monitoring_hours_fit_the_roster():
    assert suggest("response.monitoring_hours", TOWN) == "Mon-Fri 09:00-17:00"  # inside 08:30-17:00
    late = Plan.from_values("x", {**TOWN.values, "resources.roster": [
        {"name": "Alex Moreno", "role": "team lead", "hours": 20, "when": "Tue-Sat 12:00-20:00"}]})
    assert suggest("response.monitoring_hours", late) == "Tue-Fri 12:00-17:00"
    for row in suggest("response.tiers", TOWN):
        assert "business" in row["target"]  # counted only while the accounts are watched
    # Duty hours within each person's hours a week (check.duty_hours), so they count as watched.
    honest = TOWN.with_value("resources.roster", [
        {"name": "Alex Moreno", "role": "team lead", "hours": 20, "when": "Mon-Fri 09:00-13:00"},
        {"name": "Jamie Lee", "role": "responder", "hours": 10, "when": "Mon-Fri 13:00-15:00"}])
    accepted_plan = honest.with_value("response.tiers", suggest("response.tiers", honest)) \
        .with_value("response.escalation_contact", suggest("response.escalation_contact", honest)) \
        .with_value("response.monitoring_hours", suggest("response.monitoring_hours", honest))
    assert accepted_plan.get("response.monitoring_hours") == "Mon-Fri 09:00-15:00"
    failing = {item.id for item in checklist(accepted_plan).items if item.kind == "check"}
    assert not failing & {"check.escalation", "check.tiers", "check.coverage", "check.duty_hours",
                          "check.tier_targets"}


def test_coverage_at_least_60_percent_and_every_conduct_and_safeguards_blocker():
    for which, (plan, *_rest) in PLANS.items():
        ids = offered(plan)
        assert len(ids) >= 0.6 * len(CATALOGUE), f"{which}: {len(ids)} of {len(CATALOGUE)}"
        blockers = [d.id for d in CATALOGUE if d.blocker and d.step in ("conduct", "safeguards")]
        assert blockers and [b for b in blockers if b not in ids] == []


def test_a_suggestion_is_not_a_decision_until_accepted():
    before = checklist(TOWN)
    for decision_id in offered(TOWN):
        suggest(decision_id, TOWN, TODAY)
    after = checklist(TOWN)
    assert (after.decided, [i.id for i in after.items]) == (before.decided, [i.id for i in before.items])
    assert "response.tone" in {i.id for i in after.items}


def test_accepting_a_list_adds_the_rows_it_lacks_and_keeps_its_own():
    mine = {"platform": "Facebook", "retention": "GS-12.4: 3 years", "capture": "platform export"}
    plan = county().with_value("safeguards.records", [mine])
    rows = accepted("safeguards.records", plan)
    assert rows[0] == mine and [r["platform"] for r in rows] == ["Facebook", "X", "YouTube"]
    full = plan.with_value("safeguards.records", rows)
    assert accepted("safeguards.records", full) is None  # nothing left to add


def test_without_a_roster_a_suggestion_needs_nothing_or_is_not_offered():
    bare = Plan.from_values("x", {"organisation.name": "Town of Millbrook"})
    assert suggest("safeguards.hacked_response", bare) is None
    assert suggest("response.tiers", bare) is None
    assert "Town of Millbrook" in suggest("conduct.security", bare)
    assert "the communications lead" in suggest("conduct.account_management", bare)
