"""A real published comment policy as a test case (issue 16, point 9): the City of
Edgerton, Kansas's social media policy, broken into its clauses
(policies/edgerton-ks.json: each a paraphrase, its place on the page, the decision
that holds it, the value entered, the words the document must show), entered
with `smgov set` over the launch-ready sample, and exported. Every clause must
reach the comment policy in every format; nothing the policy does not say may
be said for it (no viewpoint-neutral promise, no reply time), what it does not
decide is a gap, and none of the team's own text reaches the public."""

from __future__ import annotations

import datetime as _dt
import json
import re
from pathlib import Path

import pytest

from documents.readback import plain, squeezed

from smgov_tui.core.adoption import COMMENT_POLICY
from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.catalogue.decision import PUBLIC
from smgov_tui.core.catalogue.kinds import Rows
from smgov_tui.documents import FORMATS, render
from smgov_tui.storage.store import PlanStore

TODAY = _dt.date(2027, 1, 4)
POLICY = json.loads((Path(__file__).parent / "policies" / "edgerton-ks.json").read_text(encoding="utf-8"))
PRINTED = [fmt for fmt in FORMATS if fmt != "json"]  # json's text is checked by its sections


def entered_values() -> dict[str, str]:
    """Each decision's value as typed to `smgov set`: a long text joins its clauses' lines,
    a multi-choice its clauses' choices (one to a line, as `set` takes them)."""
    values: dict[str, list[str]] = {}
    for clause in POLICY["clauses"]:
        values.setdefault(clause["decision"], []).append(clause["value"])
    joined = {}
    for decision_id, parts in values.items():
        kind = CATALOGUE.get(decision_id).kind.name
        assert len(parts) == 1 or kind in ("long text", "multi-choice"), decision_id
        joined[decision_id] = "\n".join(parts) if kind == "long text" else ", ".join(parts)
    return joined


@pytest.fixture(scope="module")
def edgerton(tmp_path_factory):
    """The policy entered as a plan, through `smgov set` and its validation, in-process."""
    from smgov_tui.cli import main

    path = tmp_path_factory.mktemp("edgerton") / "edgerton.json"
    assert main(["new", str(path), "--sample", "small-city"]) == 0
    entries = [*POLICY["organisation"].items(), *entered_values().items(),
               *((decision_id, "") for decision_id in POLICY["not_in_policy"])]
    for decision_id, value in entries:
        assert main(["set", str(path), decision_id, value]) == 0, (decision_id, value)
    return PlanStore(path).load()


def test_the_fixture_holds_a_whole_policy_in_paraphrase():
    clauses = POLICY["clauses"]
    assert len(clauses) == 21 and len({c["id"] for c in clauses}) == 21
    assert all(c["section"] and c["paraphrase"] and c["shows"] for c in clauses)
    assert all(CATALOGUE.get(c["decision"]) for c in clauses)  # a decision holds every clause
    assert {CATALOGUE.get(c["decision"]).reader for c in clauses} == {PUBLIC}  # all of it is for the public


def test_the_policy_is_entered_as_typed_and_kept(edgerton):
    assert edgerton.get("organisation.country") == POLICY["country"]
    assert edgerton.get("safeguards.forum") == POLICY["clauses"][15]["value"]  # the policy's own words
    assert edgerton.get("response.reply_mode") == POLICY["clauses"][-1]["value"]
    assert edgerton.get("conduct.terms_of_use") == ["comments are the commenter's own views"]
    rules = edgerton.get("safeguards.removal_rules")
    assert rules.count("\n- ") == 13 and rules.endswith("barred from posting on our pages.")
    assert all(not edgerton.decided(decision_id) for decision_id in POLICY["not_in_policy"])


@pytest.mark.parametrize("fmt", PRINTED)
def test_every_clause_reaches_the_comment_policy(edgerton, fmt):
    words = plain(fmt, render(edgerton, "comments", fmt, TODAY))
    missing = [c["id"] for c in POLICY["clauses"] if squeezed(c["shows"]) not in words]
    assert not missing, missing


def test_every_clause_is_in_the_section_a_reader_looks_for(edgerton):
    data = json.loads(render(edgerton, "comments", "json", TODAY))
    assert data["title"] == "City of Edgerton: Public Comment Policy"
    sections = {s["title"]: " ".join(s["text"].split()) for s in data["sections"]}
    where = {"conduct.citizen_conduct": "Citizen conduct", "safeguards.removal_rules": "Removal rules",
             "safeguards.forum": "About this policy", "conduct.terms_of_use": "Terms of use and disclaimer",
             "response.monitoring_hours": "When we read and reply", "response.moderation_mode": "Removal rules",
             "response.reply_mode": "When we read and reply"}
    for clause in POLICY["clauses"]:
        assert clause["shows"] in sections[where[clause["decision"]]], clause["id"]


def test_nothing_is_said_for_the_policy_that_it_does_not_say(edgerton):
    md = render(edgerton, "comments", "md", TODAY)
    # it removes "inaccurate" posts at the City's discretion: no viewpoint-neutral promise
    assert "whatever view" not in md and "limited public forum" not in md
    # "as soon as possible" is no time frame: no reply time is promised
    assert "We aim to answer" not in md
    # weekday hours only: the policy's hours leave the weekend unwatched
    assert "not watched around the clock" in md
    # "do not necessarily reflect": never "not ours" outright; and no assent it never asks for
    assert "not ours" not in md and "you accept these terms" not in md
    assert "These terms of use apply to our accounts:" in md
    # what the policy does not decide is a gap, never another city's words
    gaps = {gap["id"] for gap in json.loads(render(edgerton, "comments", "json", TODAY))["gaps"]}
    needed = set(COMMENT_POLICY.needed()) - {"response.reply_target"}  # drawn only when answering
    assert set(POLICY["not_in_policy"]) & needed <= gaps
    assert "Harbor Falls" not in md and "harborfalls" not in md


def team_text(plan) -> list[str]:
    """Every text of the plan's team and council: whole values, and list fields the public
    may not read; long enough to be the team's own words, not a word any document uses."""
    found = []
    for decision in CATALOGUE:
        value = plan.get(decision.id)
        if isinstance(decision.kind, Rows):
            found += [row[field.key] for row in value or [] for field in decision.kind.fields
                      if decision.field_reader(field) != PUBLIC and isinstance(row.get(field.key), str)]
        elif decision.reader != PUBLIC and isinstance(value, str):
            found += [line.lstrip("-*0123456789. ") for line in value.splitlines()]
    return [squeezed(text)[:40] for text in found if len(squeezed(text)) >= 24]


@pytest.mark.parametrize("fmt", PRINTED)
def test_no_team_text_reaches_the_comment_policy(edgerton, fmt):
    snippets = team_text(edgerton)
    assert len(snippets) > 40  # the sample's staff rules: how we reply, the tiers, the code's parts
    how = squeezed(edgerton.get("response.how").splitlines()[0].lstrip("-* "))[:40]
    assert how in plain("md", render(edgerton, "conduct", "md", TODAY))  # the team's text is matchable
    words = plain(fmt, render(edgerton, "comments", fmt, TODAY))
    leaked = [snippet for snippet in snippets if snippet in words]
    assert not leaked, leaked
