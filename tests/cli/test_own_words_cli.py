"""`smgov set` takes a policy's own words for the choices real policies word differently,
and refuses a typo of a choice the way it refuses any bad value."""

from __future__ import annotations

import json

import pytest

from smgov_tui.storage.store import PlanStore


@pytest.mark.parametrize("decision_id, typed, stored", [
    ("response.tone", "professional", "professional"),
    ("response.tone", "Friendly but formal", "friendly but formal"),
    ("safeguards.forum", "moderated, not a public forum", "moderated, not a public forum"),
    ("safeguards.forum", "no public-forum doctrine applies", "no public-forum doctrine applies"),
    ("safeguards.forum", "a space for comment under our standing orders",
     "a space for comment under our standing orders"),
    ("response.approval", "The Public Information Officer approves every post before it goes out",
     "The Public Information Officer approves every post before it goes out"),
    ("response.moderation_mode", "other: checked twice each working day", "checked twice each working day"),
])
def test_set_takes_own_words_and_get_gives_them_back(plan_path, smgov, decision_id, typed, stored):
    done = smgov("set", plan_path, decision_id, typed)
    assert done.code == 0 and done.err == ""
    assert PlanStore(plan_path).load().get(decision_id) == stored
    got = smgov("get", plan_path, decision_id)
    assert got.code == 0 and got.out == stored + "\n"


def test_a_roster_role_of_our_own(plan_path, smgov):
    rows = [{"name": "Pat Lee", "role": "Public Information Officer", "hours": 6}]
    done = smgov("set", plan_path, "resources.roster", json.dumps(rows))
    assert done.code == 0
    assert PlanStore(plan_path).load().get("resources.roster") == rows


@pytest.mark.parametrize("decision_id, typed, said", [
    ("response.moderation_mode", "activ", "response.moderation_mode: 'activ' is not a choice here: did you mean active?"),
    ("response.tone", "our\x1b[2Jtone", "response.tone: your own words contain a control character; type them without it"),
    ("response.approval", "other", 'response.approval: write your own words in place of "other" (e.g. other: our words)'),
    ("resources.roster", '[{"name": "Pat", "role": "decison maker", "hours": 2}]',
     "resources.roster: person 1, role: 'decison maker' is not a choice here: did you mean decision maker?"),
])
def test_meaningless_words_are_one_error_and_the_file_is_untouched(plan_path, smgov, decision_id, typed, said):
    before = plan_path.read_bytes()
    refused = smgov("set", plan_path, decision_id, typed)
    assert refused.code == 2 and refused.out == ""
    assert refused.err == f"smgov: error: {said}\n"
    assert plan_path.read_bytes() == before


def test_decisions_say_which_choices_take_own_words(smgov):
    data = {d["id"]: d for d in json.loads(smgov("decisions", "--format", "json").out)}
    for decision_id in ("response.tone", "safeguards.forum", "response.approval", "response.moderation_mode"):
        assert data[decision_id]["allowed"].endswith(", or your own words")
    assert "own words" not in data["objectives.frequency"]["allowed"]
    assert "moderated, not a public forum, no public-forum doctrine applies" in data["safeguards.forum"]["allowed"]
    assert "Other" in data["response.tone"]["guidance"]
