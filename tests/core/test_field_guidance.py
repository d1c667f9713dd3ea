"""Guidance everywhere a value is typed: every field of every list's row has its
own, and what may be entered is said in the workbench's words (the JSON wording
is the command line's)."""

from __future__ import annotations

import re

import pytest

from smgov_tui.core.catalogue import CATALOGUE, InvalidValue
from smgov_tui.core.catalogue.decision import field_guidance_markdown, guidance_markdown
from smgov_tui.core.catalogue.kinds import Rows

LISTS = [d for d in CATALOGUE if isinstance(d.kind, Rows)]
FIELDS = [(d.id, f) for d in LISTS for f in d.kind.fields]
DECISION_IDS = {d.id for d in CATALOGUE}
# Field ids that are not also words a sentence would use ("posts_per_week", "two_factor").
FIELD_IDS = {f.key for _, f in FIELDS if "_" in f.key}
# The inputs of the hours arithmetic (core/hours.py) and the hours the roster gives.
HOURS_INPUTS = [("platforms.chosen", key) for key in ("posts_per_week", "minutes_per_post", "checks_per_day",
                                                      "minutes_per_check", "replies_per_week", "minutes_per_reply")]
HOURS_INPUTS.append(("resources.roster", "hours"))


def test_the_catalogue_has_its_lists_and_their_fields():
    assert len(LISTS) >= 12 and "launch.signoff" in {d.id for d in LISTS}
    assert len(FIELDS) >= 58


@pytest.mark.parametrize("decision_id, field", FIELDS, ids=[f"{d}:{f.key}" for d, f in FIELDS])
def test_every_field_of_every_list_has_guidance_of_its_own(decision_id, field):
    words = field.guidance.split()
    assert len(words) >= 8, f"{decision_id} {field.label}: guidance too short to explain it"
    assert field.guidance.rstrip().endswith((".", ")")), "guidance is written as sentences"
    assert field.help == "" or field.guidance != field.help


@pytest.mark.parametrize("decision_id, key", HOURS_INPUTS)
def test_the_hours_inputs_give_a_figure(decision_id, key):
    field = CATALOGUE.get(decision_id).kind.field(key)
    assert re.search(r"\b\d+\b", field.guidance), f"{field.label}: no figure"
    assert re.search(r"\b\d+\b", field.help), f"{field.label}: no figure beside the label"


def test_a_referenced_figure_names_its_source():
    platforms = CATALOGUE.get("platforms.chosen").kind
    assert "at least once a day (Queensland checklist)" in platforms.field("checks_per_day").guidance
    assert "a university's guidance" in platforms.field("minutes_per_check").guidance
    assert "every 6 months (NSW" in CATALOGUE.get("safeguards.access").kind.field("next_review").guidance
    assert "General Records Schedule 6.4" in CATALOGUE.get("safeguards.records").kind.field("retention").guidance
    assert "next business day to 3 business days" in CATALOGUE.get("response.tiers").kind.field("target").guidance


def unworded(text: str) -> list[str]:
    """What a workbench user should never read: JSON, asterisk markers, ids."""
    found = ["JSON"] if "JSON" in text else []
    emphasis = re.sub(r"\*\*[^*]+?\*\*|(?<![\w*])\*[^*\n]+?\*(?![\w*])", "", text)
    found += ["*"] if "*" in emphasis else []
    found += [i for i in DECISION_IDS | FIELD_IDS if re.search(rf"(?<![\w.]){re.escape(i)}(?![\w])", text)]
    return found


@pytest.mark.parametrize("decision", list(CATALOGUE), ids=lambda d: d.id)
def test_every_decisions_workbench_guidance_is_in_the_users_words(decision):
    assert unworded(guidance_markdown(decision)) == []


@pytest.mark.parametrize("decision_id, field", FIELDS, ids=[f"{d}:{f.key}" for d, f in FIELDS])
def test_every_fields_guidance_is_in_the_users_words(decision_id, field):
    assert unworded(field_guidance_markdown(field)) == []


def test_a_list_is_described_by_its_labels():
    text = guidance_markdown(CATALOGUE.get("resources.ranked_goals"))
    assert ("**What you can enter:** a list of goals, one row each: Goal (required), "
            "Why it ranks here, Reached through.") in text
    assert "a list of people, one row each: Name (required), Role (required)" in guidance_markdown(
        CATALOGUE.get("resources.roster"))
    assert "one of the platforms we will run" in guidance_markdown(CATALOGUE.get("platforms.main"))


def test_the_command_line_keeps_its_json_wording():
    """`smgov decisions` and `smgov set` errors: a command line user types JSON."""
    kind = CATALOGUE.get("resources.ranked_goals").kind
    assert kind.allowed() == "a JSON list of goal rows with fields goal*, why, platforms (* required)"
    with pytest.raises(InvalidValue, match="a JSON list of goal rows"):
        CATALOGUE.parse("resources.ranked_goals", "not json")
    assert CATALOGUE.get("platforms.main").kind.allowed() == "the name of one of the rows in platforms.chosen"
