"""The sample plans: real-looking, valid, with the verdicts they promise."""

from __future__ import annotations

import json

import pytest
from conftest import SAMPLES

from smgov_tui.core.readiness import checklist
from smgov_tui.storage.store import PlanStore

NAMES = ("agency", "county", "small-city")


def test_the_three_samples_ship():
    assert tuple(sorted(p.stem for p in SAMPLES.glob("*.json"))) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_every_sample_value_is_valid_and_matches_its_history(name):
    store = PlanStore(SAMPLES / f"{name}.json")
    plan = store.load()
    assert plan.invalid == {} and plan.unknown == {}
    assert plan.name
    last = {}
    for entry in store.history():
        last[entry["decision"]] = entry["new"]
    assert {k: v for k, v in last.items() if v is not None} == plan.values


def test_small_city_is_launch_ready(smgov):
    result = smgov("check", SAMPLES / "small-city.json", "--format", "json")
    assert result.code == 0
    data = json.loads(result.out)
    assert data["ready"] is True and data["decided"] == data["total"] and data["items"] == []


def test_county_is_half_done_with_failing_cross_checks(smgov):
    result = smgov("check", SAMPLES / "county.json", "--format", "json")
    assert result.code == 1
    data = json.loads(result.out)
    checks = [item for item in data["items"] if item["kind"] == "check"]
    assert len(data["items"]) >= 8 and len(checks) >= 3
    assert {"check.hours", "check.platform_owner", "check.comment_policy"} <= {c["id"] for c in checks}
    assert data["total"] * 0.3 <= data["decided"] <= data["total"] * 0.7


def test_agency_has_barely_started(smgov):
    result = smgov("check", SAMPLES / "agency.json", "--format", "json")
    assert result.code == 1
    assert 1 <= json.loads(result.out)["decided"] <= 10


def test_new_from_a_sample_copies_it_and_leaves_the_sample_alone(tmp_path, smgov):
    before = {p: p.read_bytes() for p in SAMPLES.glob("*.json")}
    path = tmp_path / "mine.json"
    result = smgov("new", path, "--sample", "small-city")
    assert result.code == 0 and "from sample small-city" in result.out
    copy, sample = PlanStore(path), PlanStore(SAMPLES / "small-city.json")
    expected = {k: v for k, v in sample.load().values.items() if k != "launch.signoff"}
    assert copy.load().values == expected
    assert copy.load().name == sample.load().name
    assert copy.history() == [] and copy.meta()["source"] == "sample:small-city"
    # the copy is ours to change; the sample is not touched by that either
    assert smgov("set", path, "objectives.frequency", "weekly").code == 0
    assert smgov("check", SAMPLES / "county.json").code == 1
    assert {p: p.read_bytes() for p in SAMPLES.glob("*.json")} == before


def test_new_from_a_sample_can_be_renamed(tmp_path, smgov):
    path = tmp_path / "mine.json"
    smgov("new", path, "--sample", "county", "--name", "Birch County")  # the organisation, the sample's otherwise
    plan = PlanStore(path).load()
    assert plan.name == "Birch County social media plan" and plan.title == "Birch County"


def test_list_samples(smgov):
    result = smgov("new", "--list-samples")
    assert result.code == 0 and tuple(result.out.split()) == NAMES


def test_a_launch_ready_plan_stays_ready_without_its_advice():
    plan = PlanStore(SAMPLES / "small-city.json").load()
    for decision_id in ("objectives.languages", "peers.attraction", "launch.signoff"):
        plan = plan.with_value(decision_id, None)
    result = checklist(plan)
    assert result.ready and {i.severity for i in result.items} == {"advice"}
    assert checklist(plan.with_value("launch.date", None)).ready is False
