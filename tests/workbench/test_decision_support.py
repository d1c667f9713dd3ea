"""The arithmetic and weighing beside the forms: what to cut first, each
person's hours, the reply load, the response matrix, our plan beside our peers."""

from __future__ import annotations

import shutil

import pytest
from conftest import SAMPLES

from smgov_tui.core import cut_order as cuts
from smgov_tui.core import hours as capacity
from smgov_tui.core import peer_comparison as comparison
from smgov_tui.core import response_matrix
from smgov_tui.core.plan import Plan
from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp
from smgov_tui.tui.widgets.hours_view import capacity_content
from smgov_tui.tui.widgets.peers_view import peers_content
from smgov_tui.tui.widgets.response_matrix_view import response_content


def plan(**values) -> Plan:
    return Plan.from_values("Test", {key.replace("__", "."): value for key, value in values.items()})


def platform(name, owner="Dana Ruiz", posts=5, minutes=30, **more):
    # 5 x 30 min = 2.5 h a week of posting; no moderation unless asked
    return {"platform": name, "owner": owner, "posts_per_week": posts, "minutes_per_post": minutes, **more}


GOALS = [{"goal": "Answer questions", "platforms": "Facebook"},
         {"goal": "Neighbourhood notices", "platforms": "Nextdoor and Facebook"},
         {"goal": "Show staff at work", "platforms": "YouTube, Instagram"}]


def short_plan(hours_available: float) -> Plan:
    return plan(resources__roster=[{"name": "Dana Ruiz", "role": "team lead", "hours": hours_available}],
                resources__ranked_goals=GOALS, platforms__main="Facebook",
                platforms__chosen=[platform("Facebook"), platform("Instagram", posts=2),
                                   platform("Nextdoor"), platform("YouTube", posts=1, minutes=180),
                                   platform("X", posts=4)])


# the response-load estimate and per-person hours

def test_reply_load_adds_to_a_platforms_hours():
    p = plan(platforms__chosen=[platform("Facebook", checks_per_day=2, minutes_per_check=15,
                                         replies_per_week=30, minutes_per_reply=6)],
             response__monitoring_hours="Mon-Fri 09:00-17:00")
    [load] = capacity.platform_loads(p)
    assert (load.posting, load.moderation, load.replies) == (2.5, 2.5, 3.0)  # 2x15 min x 5 days; 30x6 min
    assert capacity.hours_needed(p) == 8.0
    assert capacity.replies_unestimated(p) == []
    assert capacity.replies_unestimated(p.with_value("platforms.chosen", [platform("Facebook", comments="open")])) \
        == ["Facebook"]


def test_each_person_carries_the_accounts_they_own():
    p = plan(resources__roster=[{"name": "Dana Ruiz", "role": "team lead", "hours": 4},
                                {"name": "Lee Park", "role": "responder", "hours": 3}],
             platforms__chosen=[platform("Facebook"), platform("Nextdoor", owner="dana ruiz, lead"),
                                platform("X", owner="Kim Wu")])
    people = {person.name: person for person in capacity.person_loads(p)}
    assert (people["Dana Ruiz"].needed, people["Dana Ruiz"].available, people["Dana Ruiz"].short) == (5, 4, 1)
    assert (people["Lee Park"].needed, people["Lee Park"].short) == (0, 0)
    assert not people["Kim Wu"].rostered and people["Kim Wu"].needed == 2.5
    text = capacity_content(p).plain
    assert "5 of 4 h\n" in text and "1 h more than rostered" in text and "0 of 3 h" in text
    assert "2.5 h\n" in text and "owns accounts but is not on the roster" in text


# what to cut first

def test_platforms_serving_the_least_important_goals_are_cut_first():
    # needs 2.5 + 1 + 2.5 + 3 + 2 = 11 h
    proposal = cuts.hour_cuts(short_plan(6))
    assert proposal.short == 5
    assert [(c.what, c.why) for c in proposal.cuts] == [
        ("X", "serves no ranked goal"), ("YouTube", "serves goal 3 at best")]
    assert [round(c.left, 2) for c in proposal.cuts] == [3, 0]
    assert proposal.still_short == 0
    assert proposal.deferred_goals == ()  # Instagram still reaches goal 3


def test_goals_whose_platforms_are_all_cut_are_deferred():
    proposal = cuts.hour_cuts(short_plan(3))  # 8 h short: X, YouTube, Instagram, then Nextdoor
    assert [c.what for c in proposal.cuts] == ["X", "YouTube", "Instagram", "Nextdoor"]
    assert proposal.deferred_goals == ("Show staff at work",)
    assert "Facebook" not in [c.what for c in proposal.cuts]  # the main platform is kept


def test_when_even_the_main_platform_is_too_much_it_says_so():
    proposal = cuts.hour_cuts(short_plan(1))
    assert round(proposal.still_short, 2) == 1.5
    assert "Still 1.5 h short with nothing optional left" in capacity_content(short_plan(1), 200).plain


def test_no_proposal_when_the_hours_suffice():
    assert cuts.hour_cuts(short_plan(11)) is None
    assert "Cut first" not in capacity_content(short_plan(11)).plain


def test_money_cuts_promotion_then_the_dearest_optional_tool():
    p = plan(resources__budget=1000, resources__promotion=300, resources__training_cost=200,
             platforms__tools=[{"tool": "Canva", "cost": 120}, {"tool": "Sprout Social", "cost": 900},
                               {"tool": "ArchiveSocial", "purpose": ["archiving"], "cost": 400}])
    proposal = cuts.money_cuts(p)  # 1,920 against 1,000
    assert proposal.short == 920
    assert [c.what for c in proposal.cuts] == ["paid promotion", "Sprout Social"]
    assert "ArchiveSocial" not in capacity_content(p).plain.split("Cut first")[1]
    assert "2. Sprout Social" in capacity_content(p).plain
    assert cuts.money_cuts(p.with_value("resources.budget", 2000)) is None


# the response matrix

def test_every_tier_has_a_line_and_blank_escalation_falls_back():
    p = plan(response__escalation_contact="Sam Okafor, Deputy City Manager",
             response__tiers=[{"tier": "complaint", "responder": "Dana Ruiz", "backup": "Lee Park",
                               "escalation": "Ana Ortiz", "target": "2 business days"},
                              {"tier": "enquiry", "responder": "Lee Park", "target": "1 business day"}])
    lines = {line.tier: line for line in response_matrix.tier_lines(p)}
    assert [line.tier for line in response_matrix.tier_lines(p)] == ["enquiry", "complaint", "escalating issue",
                                                             "emergency", "off-limits"]
    assert lines["complaint"].escalation == "Ana Ortiz" and not lines["complaint"].escalation_inherited
    assert lines["enquiry"].escalation.startswith("Sam Okafor") and lines["enquiry"].escalation_inherited
    assert not lines["emergency"].listed
    wide = response_content(p, 90).plain
    assert "complaint        Dana Ruiz Lee Park Ana Ortiz   2 bus. days" in wide
    assert "emergency        ✗ no row" in wide


def test_topics_are_answered_by_their_tiers_people():
    p = plan(response__tiers=[{"tier": "enquiry", "responder": "Lee Park"},
                              {"tier": "off-limits", "responder": "Dana Ruiz"}],
             response__welcomed_topics=[{"topic": "Road works", "owner": "Public Works"},
                                        {"topic": "Permits", "tier": "complaint"}],
             response__off_limits_topics=[{"topic": "Lawsuits", "owner": "City Attorney"}])
    topics = {t.topic: t for t in response_matrix.topic_lines(p)}
    assert topics["Road works"].tier == "enquiry" and topics["Road works"].line.responder == "Lee Park"
    assert topics["Lawsuits"].tier == "off-limits" and topics["Lawsuits"].line.responder == "Dana Ruiz"
    assert topics["Permits"].line is None
    text = response_content(p, 90).plain
    assert "  Road works enquiry: Lee P.; speaks: Public Works" in text
    assert "  Permits    complaint: ✗ nobody" in text
    narrow = response_content(p, 40).plain  # too narrow beside the name: under it
    assert "  Road works\n    → enquiry: Lee P.; speaks: Public\n" in narrow


def test_a_tier_escalating_to_its_only_responder_is_marked_and_checked():
    p = plan(response__escalation_contact="Sam Okafor",
             response__tiers=[{"tier": "enquiry", "responder": "Lee Park", "backup": "Dana Ruiz"},
                              {"tier": "complaint", "responder": "Dana Ruiz", "escalation": "dana ruiz"}])
    [line] = [line for line in response_matrix.tier_lines(p) if line.escalates_to_itself]
    assert line.tier == "complaint"
    assert "! dana ruiz" in response_content(p, 90).plain
    from conftest import why
    assert why(p, "check.escalation") == ("Dana Ruiz would escalate to themself: the only responder "
                                           "on the complaint tier is also the escalation contact there")
    fixed = p.with_value("response.tiers", [{"tier": "complaint", "responder": "Dana Ruiz",
                                             "backup": "Lee Park", "escalation": "Sam Okafor"}])
    assert why(fixed, "check.escalation") is None


def test_narrow_matrix_folds_a_shared_escalation_contact_into_a_line():
    county = PlanStore(SAMPLES / "county.json").load()
    text = response_content(county, 46).plain
    assert "Escalate" not in text.splitlines()[1]
    assert "Every tier escalates to Marcus Hale." in text
    assert max(len(line) for line in text.splitlines()[:8]) <= 46


# peers beside our plan

def test_peers_are_compared_with_our_own_choices():
    p = plan(platforms__chosen=[platform("Facebook"), platform("Instagram", posts=3)],
             platforms__main="Facebook", response__approval="approval for sensitive posts only",
             peers__adopt="Copy the Monday roundup",
             peers__peers=[{"peer": "Millbrook", "platforms": "Facebook, Nextdoor and X",
                            "cadence": "Daily", "works": "Road videos"},
                           {"peer": "Cedar Bend", "platforms": "facebook / nextdoor"}])
    aspects = {a.title: a for a in comparison.aspects(p)}
    assert aspects["Platforms"].ours == "Facebook (main), Instagram"
    assert aspects["Cadence"].ours == "5 posts a week on Facebook, 3 posts a week on Instagram"
    assert aspects["Process"].ours == "approval for sensitive posts only"
    assert aspects["Tips"].ours == "Copy the Monday roundup"
    assert aspects["What works"].theirs == (("Millbrook", "Road videos"), ("Cedar Bend", "")) 
    assert comparison.platforms_we_skip(p) == [("Nextdoor", 2), ("X", 1)]
    text = peers_content(p, 46).plain
    assert "Peers use, we do not: Nextdoor (2 of 2), X (1 of 2)" in text
    assert "  Us         Facebook (main), Instagram" in text


def test_peers_view_without_peers_invites_some():
    assert "Add peers below" in peers_content(plan(), 46).plain


# the views in the workbench

@pytest.fixture
def county_app(tmp_path):
    path = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county.json", path)
    return SmgovApp(PlanStore(path)), path


async def test_views_sit_on_their_steps_and_follow_the_plan(county_app):
    app, _ = county_app
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_step("response")
        await pilot.pause()
        matrix = app.screen.query_one("#response-matrix")
        assert "escalating ✗ no row" in matrix.render().plain
        rows = app.plan.rows("response.tiers") + [
            {"tier": "escalating issue", "responder": "Tom Becker", "target": "4 business hours"}]
        app.propose("response.tiers", rows, final=True)
        await pilot.pause()
        assert "escalating ✗ no row" not in matrix.render().plain
        assert "escalating Tom B." in matrix.render().plain
        app.show_step("peers")
        await pilot.pause()
        assert "Ashford County" in app.screen.query_one("#peers-comparison").render().plain


async def test_keyboard_reaches_the_view_above_the_fields(county_app):
    app, _ = county_app
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_step("resources")
        await pilot.pause()
        for _ in range(12):
            if app.focused.id == "capacity":
                break
            await pilot.press("shift+tab")
        assert app.focused.id == "capacity"
        await pilot.pause()
        assert app.screen.query_one("#form").scroll_y == 0


def test_among_platforms_serving_the_same_goal_the_lower_scored_goes_first():
    from smgov_tui.core import platform_matrix

    def matrix(scores):
        value = platform_matrix.new_matrix()
        for name, score in scores.items():
            value = platform_matrix.with_candidate(value, name)
            for criterion in platform_matrix.criteria(value):
                value = platform_matrix.with_score(value, name, criterion.name, score)
        return value

    base = short_plan(6)
    # YouTube (3 h) and Instagram (1 h) both serve goal 3 only; unscored, the dearer goes first
    assert [c.what for c in cuts.hour_cuts(base).cuts][:2] == ["X", "YouTube"]
    low_instagram = base.with_value("platforms.matrix", matrix({"Instagram": 1, "YouTube": 4}))
    proposal = cuts.hour_cuts(low_instagram)
    assert [c.what for c in proposal.cuts][:2] == ["X", "Instagram"]
    assert proposal.cuts[1].why == "serves goal 3 at best, scored 1.0/5"


def test_a_long_list_shows_the_first_rows_and_counts_the_rest():
    many = plan(resources__roster=[{"name": "Dana Ruiz", "role": "team lead", "hours": 1}],
                platforms__chosen=[platform(f"Site {n:02}") for n in range(30)])
    text = capacity_content(many, 200).plain
    assert "Site 11" in text and "Site 12 " not in text.split("Cut first")[0]
    assert "… and 18 more platforms" in text
    assert "… and 18 more, fits, 1 h to spare" in text  # 30 cuts proposed, 12 listed, where the rest lead
    assert capacity.hours_needed(many) == 75  # every row still counts
