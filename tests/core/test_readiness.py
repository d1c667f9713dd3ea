"""The checklist: missing decisions and each cross-check, firing and clearing."""

from __future__ import annotations

import pytest
from conftest import why

from smgov_tui.core import signoff
from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.checks import CHECKS
from smgov_tui.core.plan import Plan
from smgov_tui.core.readiness import checklist

ROSTER = [  # duty hours within each person's hours a week (check.duty_hours)
    {"name": "Dana Ruiz", "role": "team lead", "hours": 6, "when": "Mon-Fri 09:00-10:00"},
    {"name": "Lee Park", "role": "responder", "hours": 4, "when": "Mon-Fri 10:00-10:45"},
]
FACEBOOK = {"platform": "Facebook", "owner": "Dana Ruiz", "backup": "Lee Park",
            "posts_per_week": 5, "minutes_per_post": 20, "checks_per_day": 1,
            "minutes_per_check": 10, "comments": "off", "content": ["text"]}


def plan(**values) -> Plan:
    return Plan.from_values("Test", {key.replace("__", "."): value for key, value in values.items()})


# Each case: the check, a plan that trips it with the words the reason must
# contain, and the same plan with one decision changed so that it clears.
CASES = {
    # A gap the checklist did not block on, in a document the public or the council adopts.
    "check.adoptable_comments": (
        dict(conduct__citizen_conduct="Stay on topic.", safeguards__removal_rules="Threats are removed."),
        ["The comment policy is not adoptable: Complaints process not decided"],
        {"safeguards.complaints": "Write to the clerk; we answer within 10 working days."},
    ),
    "check.adoptable_conduct": (
        dict(),
        ["The code of conduct is not adoptable: Citizen conduct: public comment policy not decided"],
        {"conduct.citizen_conduct": "Stay on topic."},
    ),
    "check.hours": (
        dict(resources__roster=[{"name": "Dana Ruiz", "role": "team lead", "hours": 6}],
             platforms__chosen=[{**FACEBOOK, "platform": p, "posts_per_week": 7,
                                 "minutes_per_post": 30} for p in ("Facebook", "Instagram", "X")]),
        ["3 platforms need 14 h/week", "the roster gives 6 h/week"],  # (7x30 + 7x1x10 min) x 3
        {"resources.roster": [{"name": "Dana Ruiz", "role": "team lead", "hours": 14}]},
    ),
    "check.platform_count": (
        dict(resources__roster=[{"name": "Dana Ruiz", "role": "team lead", "hours": 4}],
             platforms__chosen=[{"platform": p} for p in ("Facebook", "Instagram", "X", "Nextdoor")]),
        ["4 platforms chosen", "keeps about 2 going", "main one"],
        {"platforms.chosen": [{"platform": "Facebook"}, {"platform": "Nextdoor"}]},
    ),
    "check.coverage": (
        dict(resources__roster=[{**ROSTER[0], "when": "Mon-Fri 09:00-10:00"}],
             response__monitoring_hours="Mon-Fri 09:00-11:00", response__moderation_mode="active"),
        ["monitoring hours Mon-Fri 10:00-11:00 are not rostered"],
        {"response.moderation_mode": "hands-off"},
    ),
    "check.duty_hours": (
        dict(resources__roster=[{**ROSTER[0], "name": "Priya Shah", "when": "Mon-Fri 09:00-17:00"},
                                ROSTER[1]]),
        ["Priya Shah is on duty 40 h a week (Mon-Fri 09:00-17:00) but rostered for 6 h: "
         "name the hours they truly watch"],
        {"resources.roster": [{**ROSTER[0], "name": "Priya Shah", "when": "Mon-Fri 09:00-10:12"},
                              ROSTER[1]]},
    ),
    "check.targets": (
        dict(response__monitoring_hours="Mon-Fri 09:00-17:00", response__moderation_mode="active",
             response__tiers=[{"tier": "emergency", "responder": "Dana Ruiz", "target": "1 h"}]),
        ["emergency tier 1 h", "64 h gap", "point emergencies to 911"],
        {"response.tiers": [{"tier": "emergency", "responder": "Dana Ruiz", "target": "1 business hour"}]},
    ),
    "check.tiers": (
        dict(response__tiers=[{"tier": "enquiry", "responder": "Dana Ruiz"},
                              {"tier": "complaint", "backup": "Lee Park"},
                              {"tier": "emergency", "responder": "Lee Park"}]),
        ["no row for the escalating issue and off-limits tiers",
         "no first responder for the complaint tier"],
        {"response.tiers": [{"tier": tier, "responder": "Dana Ruiz", "backup": "Lee Park"}
                            for tier in ("enquiry", "complaint", "escalating issue", "emergency",
                                         "off-limits")]},
    ),
    "check.tier_targets": (
        dict(response__tiers=[{"tier": "enquiry", "responder": "Dana Ruiz"},
                              {"tier": "complaint", "responder": "Dana Ruiz", "target": "2 business days"}]),
        ["the enquiry tier has no reply target"],
        {"response.tiers": [{"tier": "enquiry", "responder": "Dana Ruiz", "target": "1 business day"},
                            {"tier": "complaint", "responder": "Dana Ruiz", "target": "2 business days"}]},
    ),
    "check.goal_platforms": (
        dict(platforms__chosen=[FACEBOOK],
             resources__ranked_goals=[{"goal": "Warn of closures", "platforms": "facebook"},
                                      {"goal": "Answer questions", "platforms": "Facebook, Instagram"}]),
        ["goal 'Answer questions' is reached through Instagram, which is not among the platforms "
         "we will run"],
        {"platforms.chosen": [FACEBOOK, {**FACEBOOK, "platform": "instagram"}]},
    ),
    "check.escalation": (
        dict(response__escalation_contact="Dana Ruiz, Communications Manager",
             response__tiers=[{"tier": "enquiry", "responder": "dana ruiz"},
                              {"tier": "complaint", "responder": "Dana Ruiz", "backup": "Dana Ruiz"}]),
        ["Dana Ruiz, Communications Manager is both the only responder and the escalation contact"],
        {"response.escalation_contact": "Sam Okafor, Deputy City Manager"},
    ),
    "check.person_hours": (
        dict(resources__roster=ROSTER,
             platforms__chosen=[{**FACEBOOK, "posts_per_week": 10, "minutes_per_post": 30},
                                {**FACEBOOK, "platform": "Nextdoor", "owner": "Kim Wu"}]),
        ["Dana Ruiz owns 6.2 h/week of account work with 6 h/week rostered",
         "accounts owned by people not on the roster: Kim Wu (2.8 h)"],
        {"platforms.chosen": [FACEBOOK, {**FACEBOOK, "platform": "Nextdoor", "owner": "Lee Park"}]},
    ),
    "check.reply_load": (
        dict(platforms__chosen=[{**FACEBOOK, "comments": "open", "replies_per_week": 20},
                                {**FACEBOOK, "platform": "Nextdoor", "comments": "limited"}]),
        ["comments are open on Facebook and Nextdoor but no reply load is estimated"],
        {"platforms.chosen": [{**FACEBOOK, "comments": "open", "replies_per_week": 20,
                               "minutes_per_reply": 5}, {**FACEBOOK, "platform": "Nextdoor"}]},
    ),
    "check.platform_owner": (
        dict(platforms__chosen=[{"platform": "Facebook", "owner": "Dana Ruiz"},
                                {"platform": "Nextdoor"},
                                {"platform": "Instagram", "owner": "Lee Park", "backup": "Lee Park"}]),
        ["no owner for Nextdoor", "no backup administrator for Facebook",
         "the owner is also the backup on Instagram"],
        {"platforms.chosen": [FACEBOOK]},
    ),
    "check.main_platform": (
        dict(platforms__chosen=[FACEBOOK], platforms__main="Facebook"),
        None,  # trips once the main platform is dropped from the chosen list: see below
        None,
    ),
    "check.records": (
        dict(platforms__chosen=[FACEBOOK, {**FACEBOOK, "platform": "Nextdoor"}],
             safeguards__records=[{"platform": "facebook", "retention": "3 years"}]),
        ["no retention rule or capture method for Nextdoor",
         "incomplete records rule for Facebook (no capture method)"],
        {"safeguards.records": [
            {"platform": "Facebook", "retention": "3 years", "capture": "archiving service"},
            {"platform": "Nextdoor", "retention": "3 years", "capture": "platform export"}]},
    ),
    "check.security": (
        dict(platforms__chosen=[FACEBOOK], platforms__tools=[{"tool": "Hootsuite"}],
             safeguards__access=[{"account": "Facebook", "two_factor": True, "admins": 1}]),
        ["two-factor not confirmed for Hootsuite", "no access-review date for Facebook and Hootsuite",
         "fewer than 2 administrators on Facebook"],
        {"safeguards.access": [
            {"account": "Facebook", "two_factor": True, "admins": 2, "next_review": "2027-05-01"},
            {"account": "Hootsuite", "two_factor": True, "next_review": "2027-05-01"}]},
    ),
    "check.comment_policy": (
        dict(platforms__chosen=[{**FACEBOOK, "comments": "open"}],
             safeguards__forum="government speech (comments off)"),
        ["people can comment on Facebook but there is no public comment policy and no removal rules",
         "the legal footing says comments off"],
        {"platforms.chosen": [FACEBOOK]},
    ),
    "check.objective_measures": (
        dict(objectives__measurable=[{"objective": "Answer questions faster", "metric": "median reply"},
                                     {"objective": "Grow reach", "review": "2027-06-01"}]),
        ["no metric for 'Grow reach'", "no review date for 'Answer questions faster'"],
        {"objectives.measurable": [{"objective": "Grow reach", "metric": "followers",
                                    "review": "2027-06-01"}]},
    ),
    "check.budget": (
        dict(resources__budget=1000, platforms__tools=[{"tool": "Sprout Social", "cost": 1200}],
             resources__promotion=300),
        ["tool: Sprout Social (1,200) alone costs more than the budget of 1,000"],
        {"platforms.tools": [{"tool": "Buffer", "cost": 600}]},
    ),
    "check.crisis": (
        dict(safeguards__crisis_kit=["platform support contacts"]),
        ["lacks pre-approved holding messages and a way to pause scheduled posts"],
        {"safeguards.crisis_kit": ["pre-approved holding messages", "platform support contacts",
                                   "a way to pause scheduled posts"]},
    ),
    "check.accessibility": (
        dict(platforms__chosen=[{**FACEBOOK, "content": ["images", "video"]},
                                {**FACEBOOK, "platform": "YouTube", "content": ["video"]}],
             safeguards__accessibility=["plain language"]),
        ["images on Facebook but no rule for alt text on images",
         "video on Facebook and YouTube but no rule for captions on video"],
        {"safeguards.accessibility": ["alt text on images", "captions on video"]},
    ),
    "check.signoff": (  # signed with the launch on the 11th, then moved to the 12th
        dict(launch__date="2027-01-12", launch__signoff=[signoff.signing(
            Plan.from_values("", {"launch.date": "2027-01-11"}), "Lee Okafor", "City Manager", "2026-12-01", 3)]),
        ["Sign-off out of date: 1 decision changed since (Launch date)"],
        {"launch.date": "2027-01-11"},
    ),
}


def test_every_check_has_a_case():
    assert set(CASES) == {check.id for check in CHECKS}


@pytest.mark.parametrize("check_id", [c for c, case in CASES.items() if case[1]])
def test_check_fires_then_clears(check_id):
    values, words, fix = CASES[check_id]
    tripped = plan(**values)
    reason = why(tripped, check_id)
    assert reason is not None, f"{check_id} should fire"
    for word in words:
        assert word in reason
    assert "\n" not in reason
    fixed = tripped
    for decision_id, value in fix.items():
        fixed = fixed.with_value(decision_id, CATALOGUE.check(decision_id, value, fixed.values))
    assert why(fixed, check_id) is None, f"{check_id} should clear"


def test_main_platform_must_stay_among_the_chosen():
    chosen = plan(platforms__chosen=[FACEBOOK], platforms__main="Facebook")
    assert chosen.get("platforms.main") == "Facebook"
    assert why(chosen, "check.main_platform") is None
    dropped = chosen.with_value("platforms.chosen", [{**FACEBOOK, "platform": "Nextdoor"}])
    assert why(dropped, "check.main_platform") == "the main platform Facebook is not among the platforms chosen"


def test_check_with_nothing_to_compare_stays_quiet():
    # The adopted documents' gaps are no comparison: a blank plan has them (tests/core/test_adoption.py).
    assert [i.id for i in checklist(plan()).items
            if i.kind == "check"] == ["check.adoptable_comments", "check.adoptable_conduct"]


def test_business_time_targets_are_kept_inside_monitoring_hours():
    p = plan(resources__roster=ROSTER, response__monitoring_hours="Mon-Fri 09:00-10:45",
             response__moderation_mode="active", response__reply_target="1 business day",
             response__tiers=[{"tier": "complaint", "responder": "Lee Park", "target": "2 business days"}])
    assert why(p, "check.coverage") is None and why(p, "check.targets") is None
    assert "standard reply 4 h" in why(p.with_value("response.reply_target", "4 h"), "check.targets")


def test_roster_without_duty_hours_cannot_cover_monitoring():
    p = plan(resources__roster=[{"name": "Dana Ruiz", "role": "team lead", "hours": 6}],
             response__monitoring_hours="Mon-Fri 09:00-17:00", response__moderation_mode="alert-only")
    assert "nobody on the roster has duty hours to cover Mon-Fri 09:00-17:00" in why(p, "check.coverage")


def test_missing_items_count_decided_and_total():
    empty = checklist(plan())
    assert empty.decided == 0 and empty.total == len(CATALOGUE)
    assert [i.id for i in empty.items if i.kind == "missing"] == [d.id for d in sorted(
        CATALOGUE, key=lambda d: (CATALOGUE.step(d.step).number, not d.blocker, CATALOGUE.position[d.id]))]
    assert not empty.ready
    one = checklist(plan(objectives__frequency="daily"))
    assert one.decided == 1 and len(one.items) == len(empty.items) - 1


def test_order_is_by_step_then_blockers_first():
    items = checklist(plan(platforms__chosen=[{"platform": "Facebook"}])).items
    steps = [CATALOGUE.step(i.step).number for i in items]
    assert steps == sorted(steps)
    for number in set(steps):
        severities = [i.severity for i in items if CATALOGUE.step(i.step).number == number]
        assert severities == sorted(severities, key=lambda s: s != "blocker")
    assert checklist(plan(platforms__chosen=[{"platform": "Facebook"}])).items == items


def test_a_saved_value_that_no_longer_fits_is_asked_for_again():
    p = Plan.from_values("x", {"objectives.frequency": "hourly", "future.decision": 3})
    assert p.invalid == {"objectives.frequency": "'hourly' is not a choice here; use one of: "
                         "several times a day, daily, a few times a week, weekly, as news arises"}
    assert p.unknown == {"future.decision": 3}
    item = next(i for i in checklist(p).items if i.id == "objectives.frequency")
    assert item.why.startswith("The saved value is not valid: 'hourly' is not a choice")


def test_a_check_lands_on_the_decision_still_missing_that_fixes_it():
    """Comments open with a comment policy but no removal rules: ctrl+f goes to the removal
    rules (safeguards), not to the comment policy already written."""
    from smgov_tui.core.readiness import checklist

    tripped = plan(platforms__chosen=[{**FACEBOOK, "comments": "open"}],
                   conduct__citizen_conduct="Be civil; stay on topic.")
    item = next(i for i in checklist(tripped).items if i.id == "check.comment_policy")
    assert (item.target, item.step) == ("safeguards.removal_rules", "safeguards")
    policy_missing = tripped.with_value("conduct.citizen_conduct", None)
    item = next(i for i in checklist(policy_missing).items if i.id == "check.comment_policy")
    assert (item.target, item.step) == ("conduct.citizen_conduct", "conduct")


# Issue 15, point 5: contradictions the cross-checks let through.

def test_duty_window_longer_than_the_hours_a_week_does_not_cover_monitoring():
    """6 h a week 'on duty' Mon-Fri 09:00-17:00 watches 6 h, not 40: the window is
    flagged in the roster and the monitoring hours count as unrostered."""
    priya = {"name": "Priya Shah", "role": "team lead", "hours": 6, "when": "Mon-Fri 09:00-17:00"}
    p = plan(resources__roster=[priya], response__monitoring_hours="Mon-Fri 09:00-17:00",
             response__moderation_mode="active")
    assert why(p, "check.duty_hours") == ("Priya Shah is on duty 40 h a week (Mon-Fri 09:00-17:00) "
                                          "but rostered for 6 h: name the hours they truly watch")
    assert why(p, "check.coverage") == "monitoring hours Mon-Fri 09:00-17:00 are not rostered"
    item = next(i for i in checklist(p).items if i.id == "check.duty_hours")
    assert (item.severity, item.step, item.target) == ("blocker", "resources", "resources.roster")
    honest = p.with_value("resources.roster", [{**priya, "when": "Mon-Fri 09:00-10:00"}])
    assert why(honest, "check.duty_hours") is None
    assert why(honest, "check.coverage") == "monitoring hours Mon-Fri 10:00-17:00 are not rostered"
    watched = honest.with_value("response.monitoring_hours", "Mon-Fri 09:00-10:00")
    assert why(watched, "check.duty_hours") is None and why(watched, "check.coverage") is None


def test_duty_window_of_exactly_the_hours_a_week_fits():
    p = plan(resources__roster=[{"name": "Lee Park", "role": "responder", "hours": 7.5,
                                 "when": "Mon-Fri 09:00-10:30"}])
    assert why(p, "check.duty_hours") is None
    longer = p.with_value("resources.roster", [{"name": "Lee Park", "role": "responder", "hours": 7.5,
                                                "when": "Mon-Fri 09:00-10:45"}])
    assert why(longer, "check.duty_hours") == ("Lee Park is on duty 8.8 h a week (Mon-Fri 09:00-10:45) "
                                               "but rostered for 7.5 h: name the hours they truly watch")


def test_goal_platforms_match_names_case_insensitively_and_split_lists():
    p = plan(platforms__chosen=[FACEBOOK, {**FACEBOOK, "platform": "Nextdoor"}],
             resources__ranked_goals=[{"goal": "Warn of closures", "platforms": "FACEBOOK and nextdoor"},
                                      {"goal": "Answer questions", "platforms": "Facebook, Instagram and X"},
                                      {"goal": "Celebrate events"}])
    assert why(p, "check.goal_platforms") == (
        "goal 'Answer questions' is reached through Instagram and X, which are not among the "
        "platforms we will run")
    item = next(i for i in checklist(p).items if i.id == "check.goal_platforms")
    assert (item.severity, item.step, item.target) == ("blocker", "resources", "resources.ranked_goals")
    served = p.with_value("resources.ranked_goals", [
        {"goal": "Answer questions", "platforms": "Facebook"}])
    assert why(served, "check.goal_platforms") is None
    assert why(p.with_value("platforms.chosen", None), "check.goal_platforms") is None


def test_every_tier_without_a_reply_target_is_named():
    p = plan(response__tiers=[{"tier": "enquiry", "responder": "Dana Ruiz"},
                              {"tier": "emergency", "responder": "Lee Park"},
                              {"tier": "complaint", "responder": "Lee Park", "target": "2 business days"}])
    assert why(p, "check.tier_targets") == "the enquiry and emergency tiers have no reply target"
    item = next(i for i in checklist(p).items if i.id == "check.tier_targets")
    assert (item.severity, item.step, item.target) == ("blocker", "response", "response.tiers")


def test_the_launch_ready_sample_stays_ready_and_county_shows_its_duty_hours():
    from pathlib import Path

    from smgov_tui.storage.store import read_plan

    samples = Path(__file__).resolve().parents[2] / "sample_plans"
    assert checklist(read_plan(samples / "small-city.json")).ready
    county = read_plan(samples / "county.json")
    assert why(county, "check.duty_hours").startswith(
        "Priya Nair is on duty 45 h a week (Mon-Fri 08:00-17:00) but rostered for 8 h; ")
    assert why(county, "check.goal_platforms") is None and why(county, "check.tier_targets") is None
