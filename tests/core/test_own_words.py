"""Closed choices that real policies word differently take the planner's own words,
stored as the words themselves; what is meaningless is still refused, one message each."""

from __future__ import annotations

import os
import tempfile

import pytest
from conftest import why
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smgov_tui.core.catalogue import CATALOGUE, InvalidValue
from smgov_tui.core.catalogue.kinds import OWN_WORDS_LIMIT, Choice
from smgov_tui.core.catalogue.rows import ROSTER
from smgov_tui.core.plan import Plan
from smgov_tui.core.suggestions import suggest
from smgov_tui.storage.store import PlanStore

OWN_WORDS = ("response.tone", "safeguards.forum", "response.approval", "response.moderation_mode")
MODES = Choice(choices=("active", "alert-only", "hands-off"), other=True)
SCRATCH = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None


@pytest.mark.parametrize("decision_id, typed", [
    ("response.tone", "professional"),
    ("safeguards.forum", "designated public forum under the council's standing orders"),
    ("response.approval", "The Public Information Officer approves every post"),
    ("response.moderation_mode", "checked twice each working day"),
])
def test_each_decision_takes_own_words_as_they_are(decision_id, typed):
    assert CATALOGUE.parse(decision_id, typed) == typed
    assert CATALOGUE.get(decision_id).kind.own_words(typed)


def test_the_roster_role_takes_a_title_of_our_own():
    row = ROSTER.check_row({"name": "Dana Ruiz", "role": "Public Information Officer", "hours": 6})
    assert row["role"] == "Public Information Officer"


def test_a_value_equal_to_a_choice_stays_that_choice():
    assert MODES.parse("ACTIVE") == "active"
    assert MODES.parse("other: Alert-Only") == "alert-only"  # as the option is labelled
    assert not MODES.own_words("active")
    assert MODES.parse("other:  our   own  way ") == "our own way"
    assert CATALOGUE.parse("safeguards.forum", "Moderated, not a public forum") == "moderated, not a public forum"
    assert CATALOGUE.parse("safeguards.forum", "no public-forum doctrine applies") == "no public-forum doctrine applies"


def test_the_choices_say_own_words_are_welcome():
    assert MODES.allowed() == "one of: active, alert-only, hands-off, or your own words"
    assert MODES.described() == MODES.allowed()
    assert "or your own words" not in CATALOGUE.get("objectives.frequency").kind.allowed()


@pytest.mark.parametrize("typed, said", [
    ("activ", "'activ' is not a choice here: did you mean active?"),
    ("hands off", "'hands off' is not a choice here: did you mean hands-off?"),
    ("alret-only", "'alret-only' is not a choice here: did you mean alert-only?"),
    ("other", 'write your own words in place of "other" (e.g. other: our words)'),
    ("Other:", 'write your own words in place of "other" (e.g. other: our words)'),
    ("our\x1b[2Jwords", "your own words contain a control character; type them without it"),
    ("our\u202ewords", "your own words contain a control character; type them without it"),
    ("two\nlines", "your own words are one line"),
    ("x" * (OWN_WORDS_LIMIT + 1), f"your own words are at most {OWN_WORDS_LIMIT} characters (these are 201)"),
    ("42", "'42' is not a choice here; use one of: active, alert-only, hands-off, or your own words"),
    ("-- ?", "'-- ?' is not a choice here; use one of: active, alert-only, hands-off, or your own words"),
])
def test_meaningless_words_are_refused_with_one_message(typed, said):
    with pytest.raises(InvalidValue) as refused:
        MODES.check(typed)
    assert str(refused.value) == said


def test_empty_or_blank_is_undecided_and_not_words():
    assert MODES.parse("") is None and MODES.check("   \t ") is None


def test_words_near_a_choice_but_meaning_something_else_are_kept():
    assert MODES.parse("inactive") == "inactive"  # two slips from "active": words of its own
    assert CATALOGUE.parse("response.tone", "formal") == "formal"


def test_a_choice_without_other_still_refuses_own_words():
    with pytest.raises(InvalidValue, match="'hourly' is not a choice here; use one of: several times a day"):
        CATALOGUE.parse("objectives.frequency", "hourly")


WORDS = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=60)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(decision_id=st.sampled_from(OWN_WORDS), typed=WORDS)
def test_any_accepted_value_round_trips_through_the_plan_file(decision_id, typed):
    kind = CATALOGUE.get(decision_id).kind
    try:
        value = CATALOGUE.parse(decision_id, typed)
    except InvalidValue:
        return
    if value is None:
        return
    assert kind.check(value) == value and kind.parse(kind.edit_text(value)) == value
    with tempfile.TemporaryDirectory(dir=SCRATCH) as folder:
        path = os.path.join(folder, "plan.json")
        PlanStore.create(path, "Round trip").set(decision_id, value)
        plan = PlanStore(path).load()
        assert plan.get(decision_id) == value and not plan.invalid


COMMENTS_OPEN = {"platforms.chosen": [{"platform": "Facebook", "comments": "open"}],
                 "conduct.citizen_conduct": "Be civil.", "safeguards.removal_rules": "Spam goes."}


def test_no_doctrine_in_the_united_states_is_flagged_and_elsewhere_it_is_not():
    us = Plan.from_values("x", {**COMMENTS_OPEN, "organisation.country": "United States",
                                "safeguards.forum": "no public-forum doctrine applies"})
    assert "no public-forum doctrine applies, but in the United States it does" in why(us, "check.comment_policy")
    uk = Plan.from_values("x", {**us.values, "organisation.country": "United Kingdom"})
    assert why(uk, "check.comment_policy") is None
    moderated = Plan.from_values("x", {**us.values, "safeguards.forum": "moderated, not a public forum"})
    assert why(moderated, "check.comment_policy") is None
    words = Plan.from_values("x", {**us.values, "safeguards.forum": "a forum under our standing orders"})
    assert why(words, "check.comment_policy") is None


def test_the_forum_suggested_outside_the_united_states_is_no_doctrine():
    uk = Plan.from_values("x", {**COMMENTS_OPEN, "organisation.country": "Australia"})
    assert suggest("safeguards.forum", uk) == "no public-forum doctrine applies"


def test_a_moderation_mode_in_own_words_is_watched_like_active():
    values = {"response.monitoring_hours": "Mon-Sun 08:00-20:00",
              "resources.roster": [{"name": "Dana Ruiz", "role": "team lead", "hours": 10,
                                    "when": "Mon-Fri 09:00-17:00"}]}
    own = Plan.from_values("x", {**values, "response.moderation_mode": "checked twice a day"})
    hands_off = Plan.from_values("x", {**values, "response.moderation_mode": "hands-off"})
    assert why(own, "check.coverage") is not None
    assert why(hands_off, "check.coverage") is None


def test_a_role_in_own_words_is_no_decision_maker():
    people = [{"name": "Pat Lee", "role": "Public Information Officer", "hours": 4},
              {"name": "Sam Okafor", "role": "City Manager", "hours": 1}]
    plan = Plan.from_values("x", {"resources.roster": people})
    assert suggest("resources.sponsor", plan) is None  # no roster decision maker to name
    named = Plan.from_values("x", {"resources.roster": [*people, {"name": "Ana Cruz", "role": "decision maker",
                                                                 "hours": 1}]})
    assert suggest("resources.sponsor", named) == "Ana Cruz"


@settings(max_examples=80, deadline=None)
@given(typed=WORDS)
def test_any_accepted_role_round_trips_through_the_plan_file(typed):
    try:
        row = ROSTER.check_row({"name": "Pat Lee", "role": typed, "hours": 6})
    except InvalidValue:
        return
    with tempfile.TemporaryDirectory(dir=SCRATCH) as folder:
        path = os.path.join(folder, "plan.json")
        PlanStore.create(path, "Round trip").set("resources.roster", [row])
        plan = PlanStore(path).load()
        assert plan.get("resources.roster") == [row] and not plan.invalid
