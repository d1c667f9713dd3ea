"""The catalogue: every decision declared once, placed in a step, explained."""

import re
from collections import Counter

from smgov_tui.core.catalogue import CATALOGUE, STEPS
from smgov_tui.core.checks import CHECKS
from smgov_tui.core.readiness import missing_reason

KINDS_NEEDED = {"text", "long text", "choice", "multi-choice", "number", "hours", "money",
                "date", "person", "list"}


def test_at_least_45_decisions_over_the_eight_steps_after_the_organisation():
    assert len(CATALOGUE) >= 45
    assert [s.key for s in STEPS] == ["organisation", "objectives", "resources", "response", "platforms",
                                      "peers", "conduct", "safeguards", "launch"]
    per_step = Counter(d.step for d in CATALOGUE)
    assert all(per_step[s.key] >= 3 for s in STEPS), per_step
    assert [s.number for s in STEPS] == list(range(9))  # the organisation is 0: not a planning step


def test_ids_are_unique_stable_step_dot_name():
    ids = [d.id for d in CATALOGUE]
    assert len(ids) == len(set(ids))
    steps = {s.key for s in STEPS}
    for decision_id in ids:
        step, _, name = decision_id.partition(".")
        assert step in steps and re.fullmatch(r"[a-z][a-z_]*", name), decision_id


def test_decisions_are_grouped_in_step_order():
    order = [s.key for s in STEPS]
    positions = [order.index(d.step) for d in CATALOGUE]
    assert positions == sorted(positions)


def test_every_type_the_plan_needs_is_used():
    assert KINDS_NEEDED <= {d.kind.name for d in CATALOGUE}


def test_the_structured_lists_exist():
    rows = {d.kind.row for d in CATALOGUE if d.kind.name == "list"}
    assert {"platform", "person", "tier", "topic", "tool", "peer", "objective"} <= rows


def test_blockers_and_advice_both_present_in_most_steps():
    assert sum(d.blocker for d in CATALOGUE) >= 30
    assert sum(not d.blocker for d in CATALOGUE) >= 10


def test_every_decision_has_guidance_explaining_meaning_reason_and_default():
    for decision in CATALOGUE:
        text = decision.guidance
        assert len(text.split()) >= 50, decision.id
        assert "**Why it matters.**" in text, decision.id
        assert "**A sensible default.**" in text or "**Example.**" in text, decision.id
        assert "<" not in text, f"{decision.id}: guidance must not carry raw HTML"
        assert missing_reason(decision).startswith("Not decided. ") and len(missing_reason(decision)) > 25


def test_figures_name_their_reference():
    """A guidance quoting a percentage or ratio names where it comes from."""
    references = ("Queensland", "NSW", "DHS", "CTG", "Sprout", "GRS", "NARA", "DigitalGov",
                  "Victorian", "ArchiveSocial", "GDS", "Lindke", "IMLA", "university", "NYC")
    for decision in CATALOGUE:
        if re.search(r"\d+(\.\d+)?%|\d:1\b", decision.guidance):
            assert any(ref in decision.guidance for ref in references), decision.id


def test_source_article_items_are_all_decisions():
    """The article's own items each have a decision (labels, in our words)."""
    ids = {d.id for d in CATALOGUE}
    for decision_id in ("objectives.conversations_now", "objectives.conversations_wanted",
                        "objectives.key_messages", "objectives.engagement_goals",
                        "objectives.frequency", "resources.roster", "resources.budget",
                        "resources.ranked_goals", "response.tiers", "response.how",
                        "response.welcomed_topics", "response.off_limits_topics", "response.tone",
                        "response.escalation_contact", "response.posting_time_frame",
                        "response.reply_target", "platforms.evaluation", "platforms.main",
                        "platforms.tools", "peers.peers", "conduct.security", "conduct.dos_donts",
                        "conduct.reputation", "conduct.quality", "conduct.time_allotted",
                        "conduct.privacy"):
        assert decision_id in ids


def test_ctg_eight_elements_are_covered():
    ids = {d.id for d in CATALOGUE}
    assert {"conduct.employee_access", "conduct.account_management", "conduct.acceptable_use",
            "conduct.employee_conduct", "conduct.content", "conduct.security", "conduct.legal",
            "conduct.citizen_conduct"} <= ids


def test_checks_are_unique_and_point_at_real_decisions():
    ids = [c.id for c in CHECKS]
    assert len(ids) == len(set(ids)) and len(ids) >= 12
    for check in CHECKS:
        assert check.target in CATALOGUE, check.id
        assert CATALOGUE.step(check.step)
