"""The plan file: round trip, history, readable stable layout, refusals."""

from __future__ import annotations

import json
import os

import pytest

from smgov_tui.errors import PlanFileError
from smgov_tui.store import SCHEMA_VERSION, PlanStore

ROSTER = [{"name": "Dana Ruiz", "role": "team lead", "hours": 6}]


@pytest.fixture
def store(tmp_path) -> PlanStore:
    return PlanStore.create(tmp_path / "plan.json", "Harbor Falls plan")


def test_new_plan_has_metadata_and_no_values(store):
    meta = store.meta()
    assert meta["format"] == "smgov-plan" and meta["schema"] == SCHEMA_VERSION
    assert meta["app_version"] and meta["created"].endswith("Z")
    plan = store.load()
    assert plan.name == "Harbor Falls plan" and plan.values == {}
    assert store.history() == []


def test_new_files_are_private(store):
    assert oct(store.path.stat().st_mode & 0o777) == "0o600"


def test_create_never_overwrites(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text("precious")
    with pytest.raises(PlanFileError, match="already exists"):
        PlanStore.create(path, "x")
    assert path.read_text() == "precious"


def test_values_round_trip_and_each_change_leaves_one_history_entry(store, monkeypatch):
    monkeypatch.setenv("USER", "dana")
    monkeypatch.setenv("LOGNAME", "dana")
    store.set("objectives.frequency", "daily")
    store.set("resources.roster", ROSTER)
    store.set("objectives.frequency", "weekly")
    reopened = PlanStore(store.path)
    assert reopened.load().values == {"objectives.frequency": "weekly", "resources.roster": ROSTER}
    history = reopened.history()
    assert [(h["decision"], h["old"], h["new"]) for h in history] == [
        ("objectives.frequency", None, "daily"),
        ("resources.roster", None, ROSTER),
        ("objectives.frequency", "daily", "weekly"),
    ]
    assert {h["who"] for h in history} == {"dana"}
    assert all(h["when"].endswith("Z") and "T" in h["when"] for h in history)


def test_setting_the_same_value_writes_nothing(store):
    store.set("objectives.frequency", "daily")
    before = store.path.read_bytes()
    assert store.set("objectives.frequency", "daily") is None
    assert store.path.read_bytes() == before


def test_clearing_removes_the_value_and_records_it(store):
    store.set("objectives.frequency", "daily")
    store.set("objectives.frequency", None)
    assert "objectives.frequency" not in store.load().values
    assert store.history()[-1]["old"] == "daily" and store.history()[-1]["new"] is None


def test_file_is_pretty_printed_in_a_stable_readable_order(store):
    store.set("safeguards.forum", "limited public forum")
    store.set("objectives.frequency", "daily")
    for n in range(11):
        store.set("resources.budget", n)
    text = store.path.read_text()
    data = json.loads(text)
    assert list(data) == ["meta", "plan", "history"]
    assert list(data["plan"]["1"]["values"]) == ["objectives.frequency", "resources.budget",
                                                 "safeguards.forum"]  # catalogue order
    assert list(data["history"]) == [str(n) for n in range(1, 14)]  # numeric, not "1", "10", "2"
    assert text.startswith('{\n  "meta": {\n') and text.endswith("}\n")
    # Loading and saving the same content again gives the same bytes.
    from smgov_tui.store import serialise
    assert serialise(json.loads(text)) == text


def test_a_change_is_a_small_diff(store):
    """Adding a decision adds its line and its history entry, and removes nothing."""
    import difflib

    store.set("objectives.frequency", "daily")
    before = store.path.read_text().splitlines()
    store.set("objectives.languages", "English")
    diff = [line for line in difflib.unified_diff(before, store.path.read_text().splitlines(), n=0)
            if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert [line for line in diff if line.startswith("-")] == ['-        "objectives.frequency": "daily"']
    assert '+        "objectives.frequency": "daily",' in diff
    assert '+        "objectives.languages": "English"' in diff
    assert len(diff) <= 12


def test_unknown_decisions_are_kept(store):
    data = json.loads(store.path.read_text())
    data["plan"]["1"]["values"]["future.idea"] = {"kept": True}
    data["plan"]["1"]["notes"] = "kept too"
    store.path.write_text(json.dumps(data))
    store.set("objectives.frequency", "daily")
    data = json.loads(store.path.read_text())
    assert data["plan"]["1"]["values"]["future.idea"] == {"kept": True}
    assert data["plan"]["1"]["notes"] == "kept too"
    assert store.load().unknown == {"future.idea": {"kept": True}}


BAD_FILES = {
    "empty": (b"", "is empty: not a smgov plan"),
    "blank": (b"  \n", "is empty: not a smgov plan"),
    "not json": (b'{"meta": ', "not valid JSON"),
    "binary": (b"\x00\xff\xfe", "not UTF-8 text"),
    "json list": (b"[1, 2]", "JSON but not a smgov plan"),
    "other json": (b'{"_default": {"1": {"a": 1}}}', "JSON but not a smgov plan"),
    "newer": (json.dumps({"meta": {"1": {"format": "smgov-plan", "schema": SCHEMA_VERSION + 1}}}).encode(),
              "written by a newer smgov"),
    "damaged": (json.dumps({"meta": {"1": {"format": "smgov-plan", "schema": 1}},
                            "plan": {"1": {"values": [1]}}}).encode(), "tables are damaged"),
    "plan not a document": (json.dumps({"meta": {"1": {"format": "smgov-plan", "schema": 1}},
                                        "plan": {"1": 5}}).encode(), "plan entry '1' is not a document"),
    "history key": (json.dumps({"meta": {"1": {"format": "smgov-plan", "schema": 1}},
                                "history": {"x": {}}}).encode(), "history entry 'x' is not a document"),
    "history entry": (json.dumps({"meta": {"1": {"format": "smgov-plan", "schema": 1}},
                                  "history": {"1": "x"}}).encode(), "history entry '1'"),
    "name": (json.dumps({"meta": {"1": {"format": "smgov-plan", "schema": 1}},
                         "plan": {"1": {"name": 7}}}).encode(), "name or values"),
    "schema text": (json.dumps({"meta": {"1": {"format": "smgov-plan", "schema": "1"}}}).encode(),
                    "no valid schema version"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_files_are_refused_with_a_reason_and_left_alone(tmp_path, case):
    content, message = BAD_FILES[case]
    path = tmp_path / "plan.json"
    path.write_bytes(content)
    with pytest.raises(PlanFileError, match=message):
        PlanStore(path)
    assert path.read_bytes() == content


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(PlanFileError, match="no plan at .*smgov new"):
        PlanStore(tmp_path / "nope.json")
    assert not (tmp_path / "nope.json").exists()
    with pytest.raises(PlanFileError, match="is a folder"):
        PlanStore(tmp_path)
    with pytest.raises(PlanFileError, match="does not exist"):
        PlanStore.create(tmp_path / "no" / "plan.json", "x")


def test_a_failed_save_leaves_the_file_as_it_was(store, monkeypatch):
    store.set("objectives.frequency", "daily")
    before = store.path.read_bytes()

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(PlanFileError, match="cannot save .*No space left on device.*unchanged"):
        store.set("objectives.frequency", "weekly")
    assert store.path.read_bytes() == before
    assert [p.name for p in store.path.parent.iterdir()] == ["plan.json"]  # no temp file left
