"""READY means adoptable: a plan the checklist calls READY exports a comment
policy and a code of conduct with no "Not yet decided" in them; what each
draws on is declared once (core/adoption.py) and is what it renders."""

from __future__ import annotations

import datetime as _dt
import json
import re
import shutil

import pytest
from conftest import SAMPLES

from smgov_tui.core.adoption import ADOPTED, CODE_OF_CONDUCT, COMMENT_POLICY, LEAVES_OUT, NEEDS
from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.readiness import checklist
from smgov_tui.documents import TEXT_FORMATS, TEAM_APPENDIX, build, render
from smgov_tui.storage.store import PlanStore

TODAY = _dt.date(2027, 1, 4)
STEPS = "|".join(step.key for step in CATALOGUE.steps)
DECISION_ID = re.compile(rf"\b(?:{STEPS})\.[a-z_]+\b")


def small_city():
    return PlanStore(SAMPLES / "small-city.json").load()


def assert_adoptable(plan) -> None:
    """Both adopted documents, in every format: no gap marker, no decision id."""
    for document in ADOPTED:
        for fmt in TEXT_FORMATS:  # Word and PDF: tests/documents/test_print_formats.py
            text = render(plan, document.key, fmt, TODAY)
            assert "Not yet decided" not in text, (document.key, fmt)
            assert TEAM_APPENDIX not in text
            if fmt != "json":  # the JSON names its decisions by design, for programs
                assert not DECISION_ID.search(text), (document.key, fmt, DECISION_ID.search(text)[0])
        assert json.loads(render(plan, document.key, "json", TODAY))["gaps"] == []


@pytest.mark.parametrize("document", ADOPTED, ids=lambda d: d.key)
def test_each_document_draws_on_exactly_the_decisions_it_declares(document):
    drawn = {i for section in build(small_city(), document.key, TODAY).sections for i in section.decisions}
    assert drawn == {decision_id for decision_id, _ in document.draws}
    assert len(document.draws) == len(drawn)  # each declared once


def test_the_launch_ready_sample_is_ready_and_its_adopted_documents_have_no_gaps():
    plan = small_city()
    assert checklist(plan).ready
    assert_adoptable(plan)


@pytest.mark.parametrize("decision_id", sorted({i for d in ADOPTED for i, _ in d.draws}))
def test_ready_never_meets_a_gap_in_an_adopted_document(decision_id):
    """Each decision the documents draw on, cleared from the launch-ready sample (its
    sign-off cleared first: any change makes a sign-off out of date, a blocker of its own)."""
    plan = small_city().with_value("launch.signoff", None).with_value(decision_id, None)
    result = checklist(plan)
    needed_by = [d for d in ADOPTED if (decision_id, NEEDS) in d.draws]
    assert result.ready == (not needed_by and not CATALOGUE.get(decision_id).blocker)
    if result.ready:  # a part both documents read complete without: left out, unmarked
        assert_adoptable(plan)
    elif not CATALOGUE.get(decision_id).blocker:  # an advice decision a document needs
        label = CATALOGUE.get(decision_id).label
        for document in needed_by:
            item = next(i for i in result.items if i.id == f"check.adoptable_{document.key}")
            assert item.why == f"{document.name} is not adoptable: {label} not decided"
            assert item.target == decision_id and item.blocking


def test_a_part_left_out_leaves_no_lead_in_behind():
    plan = small_city().with_value("conduct.quality", None).with_value("launch.signoff", None)
    assert (("conduct.quality", LEAVES_OUT) in CODE_OF_CONDUCT.draws
            and ("launch.signoff", LEAVES_OUT) in CODE_OF_CONDUCT.draws)
    md = render(plan, "conduct", "md", TODAY)
    assert "Every post meets this standard" not in md and "approved by" not in md
    assert "Across our accounts we communicate daily." in md  # the rest of the section stays
    assert "This code takes effect on 2027-01-11. It is reviewed with the plan on 2027-07-12, then annually." in md
    website = render(small_city().with_value("organisation.website", None), "comments", "md", TODAY)
    assert "Our website is" not in website and "It applies wherever" in website


def test_a_draft_names_its_gaps_in_words_and_its_ids_only_in_the_team_appendix():
    plan = small_city().with_value("safeguards.complaints", None)
    md = render(plan, "comments", "md", TODAY)
    body, appendix = md.split(f"\n## {TEAM_APPENDIX}\n")
    assert "**[Not yet decided: Complaints process]**" in body
    assert not DECISION_ID.search(body)
    assert "| Complaints process | `safeguards.complaints` |" in appendix
    plan_md = render(PlanStore(SAMPLES / "county.json").load(), "plan", "md", TODAY)
    plan_body, plan_appendix = plan_md.split(f"\n## {TEAM_APPENDIX}\n")
    assert "**[Not yet decided: " in plan_body and not DECISION_ID.search(plan_body)
    assert DECISION_ID.search(plan_appendix)


def test_the_scene_ready_with_a_gap_in_the_comment_policy(tmp_path, smgov):
    """The issue's scene replayed: the launch-ready sample, its complaints process cleared."""
    path = tmp_path / "small-city.json"
    shutil.copyfile(SAMPLES / "small-city.json", path)
    assert smgov("set", path, "launch.signoff", "").code == 0  # else out of date: a blocker of its own
    assert smgov("set", path, "safeguards.complaints", "").code == 0
    result = smgov("check", path)
    assert result.code == 1 and result.err == ""
    assert "NOT READY: 1 blocking, 2 advice; 94 of 96 decisions made" in result.out
    assert "check.adoptable_comments" in result.out
    assert "The comment policy is not adoptable: Complaints process" in " ".join(result.out.split())
    exported = smgov("export", path, "--doc", "comments")
    assert "**[Not yet decided: Complaints process]**" in exported.out
    assert "safeguards.complaints" not in exported.out.split(TEAM_APPENDIX)[0]
    assert smgov("set", path, "safeguards.complaints",
                 "Write to the City Clerk; we answer within 10 working days.").code == 0
    again = smgov("check", path)
    assert again.code == 0 and "READY for launch" in again.out
    assert_adoptable(PlanStore(path).load())
    assert COMMENT_POLICY.missing(PlanStore(path).load()) == []
