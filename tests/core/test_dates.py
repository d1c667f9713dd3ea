"""Dates that fall due, judged as of fixed days: each rule firing and clearing with its why."""

from __future__ import annotations

import datetime as _dt

import pytest

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.checks import checks_on
from smgov_tui.core.checks.dates import checks_on as date_checks
from smgov_tui.core.dates import add_months, distance, due_within, obligations
from smgov_tui.core.plan import Plan
from smgov_tui.core.readiness import checklist

D = _dt.date.fromisoformat
LAUNCH = "2027-01-11"
BEFORE, AFTER = D("2026-12-06"), D("2027-03-01")  # before launch, after it


def plan(**values) -> Plan:
    base = {"launch.date": LAUNCH}
    return Plan.from_values("Test", {**base, **{key.replace("__", "."): value for key, value in values.items()}})


def access(*dates: str) -> list[dict]:
    names = ["Facebook", "Instagram", "Hootsuite"]
    return [{"account": names[n], "two_factor": True, "next_review": day} for n, day in enumerate(dates)]


def items(plan: Plan, today: _dt.date) -> dict[str, tuple[str, str]]:
    """{check id: (severity, why)} for the date checks that fire."""
    ids = {check.id for check in date_checks(today)}
    return {item.id: (item.severity, item.why) for item in checklist(plan, today=today).items if item.id in ids}


def test_date_checks_are_unique_and_point_at_the_decision_of_their_step():
    ids = [check.id for check in checks_on(BEFORE)]
    assert len(ids) == len(set(ids))
    for check in date_checks(BEFORE):
        assert CATALOGUE.get(check.target).step == check.step, check.id


def test_an_access_review_past_after_launch_is_an_overdue_blocker_with_the_date():
    found = items(plan(safeguards__access=access("2020-01-01")), D("2027-02-06"))
    assert found == {"check.access_review_overdue":
                     ("blocker", "access review for Facebook was due 2020-01-01, 7 years ago")}


def test_before_launch_a_past_review_date_is_advice_asking_for_a_date_ahead():
    found = items(plan(safeguards__access=access("2020-01-01", "2020-01-01")), BEFORE)
    assert found == {"check.access_review_due": (
        "advice", "access review for Facebook and Instagram was due 2020-01-01, 6 years ago: "
                  "set a date ahead of launch")}


@pytest.mark.parametrize("today, expected", [
    ("2027-05-13", {}),
    ("2027-05-14", {"check.access_review_due": (
        "advice", "access review for Facebook is due today (2027-05-14); overdue from tomorrow")}),
    ("2027-05-15", {"check.access_review_overdue": (
        "blocker", "access review for Facebook was due 2027-05-14, yesterday")}),
])
def test_a_due_date_at_the_edges(today, expected):
    assert items(plan(safeguards__access=access("2027-05-14")), D(today)) == expected


def test_an_access_review_further_ahead_than_the_interval():
    tripped = plan(safeguards__access=access("2027-06-02"), safeguards__review_interval=3)
    assert items(tripped, AFTER) == {"check.access_review_due": (
        "advice", "access review for Facebook on 2027-06-02 is more than 3 months away: "
                  "the interval says every 3 months")}
    assert items(tripped.with_value("safeguards.review_interval", 6), AFTER) == {}


def test_the_interval_is_6_months_while_undecided_and_counts_from_launch_before_it():
    tripped = plan(safeguards__access=access("2027-07-12"))
    assert items(tripped, BEFORE) == {"check.access_review_due": (
        "advice", "access review for Facebook on 2027-07-12 is more than 6 months after the launch on "
                  "2027-01-11: the interval says every 6 months")}
    assert items(tripped.with_value("safeguards.access", access("2027-07-11")), BEFORE) == {}


def test_an_objective_review_date_five_months_past():
    rows = [{"objective": "Answer questions", "metric": "replies", "review": "2026-10-01"}]
    assert items(plan(objectives__measurable=rows), D("2027-03-01")) == {"check.objective_review_overdue": (
        "blocker", "objective review for 'Answer questions' was due 2026-10-01, 5 months ago")}
    rows[0]["review"] = "2027-09-01"
    assert items(plan(objectives__measurable=rows), D("2027-03-01")) == {}


def test_the_first_plan_review_must_come_after_launch_then_falls_due():
    before = plan(launch__first_review="2027-01-11")
    assert items(before, BEFORE) == {"check.first_review_order": (
        "blocker", "the first plan review (2027-01-11) does not come after the launch (2027-01-11): "
                   "set it after launch, about 6 months later")}
    after = before.with_value("launch.first_review", "2027-07-12")
    assert items(after, BEFORE) == {}
    assert items(after, D("2027-07-13")) == {"check.first_review_overdue": (
        "blocker", "first plan review was due 2027-07-12, yesterday")}


@pytest.mark.parametrize("decision, text, key, due", [
    ("platforms.terms_review", "Reviewed by the City Attorney on 2025-10-02 and {}", "terms_review",
     "2027-01-05"),
    ("resources.training", "Policy briefing before access; last refresher held {}.",
     "training_refresher", "2027-02-01"),
    ("platforms.register", "Intranet register, last audited {}", "register_audit", "2027-02-01"),
])
def test_a_date_in_text_is_when_it_was_last_done_and_falls_due_again(decision, text, key, due):
    """The latest date written is the last time; terms and training fall due a year later,
    the register after the access review interval (6 months while undecided)."""
    months = 6 if key == "register_audit" else 12
    last = add_months(D(due), -months)
    text, fresh = text.format(last), text.format(AFTER)
    tripped = plan(**{decision.replace(".", "__"): text})
    label = {"terms_review": "terms of service review", "training_refresher": "training refresher",
             "register_audit": "register audit"}[key]
    assert items(tripped, AFTER) == {f"check.{key}_overdue": (
        "blocker", f"{label} was due {due}, {distance(D(due), AFTER)}")}
    assert items(tripped.with_value(decision, fresh), AFTER) == {}
    assert items(tripped.with_value(decision, "Reviewed every year"), AFTER) == {}


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(D("2026-08-31"), 6) == D("2027-02-28")
    assert add_months(D("2026-11-15"), 2) == D("2027-01-15")


@pytest.mark.parametrize("day, words", [
    ("2026-12-06", "today"), ("2026-12-05", "yesterday"), ("2026-12-07", "tomorrow"),
    ("2026-11-26", "10 days ago"), ("2027-03-06", "in 3 months"), ("2020-01-01", "6 years ago"),
])
def test_distance_in_words(day, words):
    assert distance(D(day), BEFORE) == words


def test_what_falls_due_in_the_next_90_days_soonest_first():
    tripped = plan(safeguards__access=access("2027-03-01", "2027-02-01", "2027-06-01"),
                   launch__first_review="2027-07-12")
    listed = [(str(item.due), item.what) for item in due_within(tripped, BEFORE)]
    assert listed == [("2027-02-01", "Access review: Instagram"), ("2027-03-01", "Access review: Facebook")]
    assert [item.every for item in obligations(tripped)][:1] == [6]
