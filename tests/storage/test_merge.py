"""The three-way merge of a plan's tables (storage/merge.py), without git: what the merge
driver writes for each case a real repository meets (tests/cli/test_git_plans.py)."""

from __future__ import annotations

from smgov_tui.storage.layout import serialise
from smgov_tui.storage.merge import UNRESOLVED, merge
from smgov_tui.storage.reading import check


def tables(values: dict, history: dict, **meta) -> dict:
    return {"meta": {"1": {"format": "smgov-plan", "schema": 2, "revision": 1, **meta}},
            "plan": {"1": {"name": "Plan", "values": values}}, "history": history}


def entry(when: str, decision: str, old, new, **more) -> dict:
    return {"decision": decision, "new": new, "old": old, "when": when, "who": "druiz", **more}


A = entry("2027-01-04T10:00:00Z", "response.tone", None, "formal")


def test_a_decision_cleared_on_one_side_stays_cleared_and_the_other_sides_change_is_kept():
    base = tables({"response.tone": "formal", "objectives.frequency": "daily"}, {"1": A})
    ours = tables({"objectives.frequency": "daily"}, {"1": A, "2": entry("2027-01-04T11:00:00Z", "response.tone",
                                                                         "formal", None)}, revision=4)
    theirs = tables({"response.tone": "formal", "objectives.frequency": "weekly"},
                    {"1": A, "2": entry("2027-01-04T10:30:00Z", "objectives.frequency", "daily", "weekly")},
                    revision=7)
    merged = merge(base, ours, theirs)
    assert merged.conflicts == ()
    assert merged.tables["plan"]["1"]["values"] == {"objectives.frequency": "weekly"}
    assert [e["when"] for e in merged.tables["history"].values()] == [
        "2027-01-04T10:00:00Z", "2027-01-04T10:30:00Z", "2027-01-04T11:00:00Z"]
    assert merged.tables["meta"]["1"]["revision"] == 8
    check(merged.tables, "plan.json")
    assert serialise(merged.tables)  # lays out, checksum stamped


def test_an_undo_still_names_the_entry_it_reverted_after_renumbering():
    base = tables({}, {"1": A})
    change = entry("2027-01-04T10:10:00Z", "response.tone", "formal", "casual")
    undo = entry("2027-01-04T10:20:00Z", "response.tone", "casual", "formal", undoes=2)
    ours = tables({"response.tone": "formal"}, {"1": A, "2": change, "3": undo})
    earlier = entry("2027-01-04T10:05:00Z", "objectives.frequency", None, "daily")
    theirs = tables({"response.tone": "formal", "objectives.frequency": "daily"}, {"1": A, "2": earlier})
    history = merge(base, ours, theirs).tables["history"]
    assert [e["decision"] for e in history.values()] == ["response.tone", "objectives.frequency",
                                                         "response.tone", "response.tone"]
    assert history["4"]["undoes"] == 3 and history["3"] == change


def test_two_identical_changes_on_one_side_are_two_entries():
    same = entry("2027-01-04T10:00:00Z", "response.tone", "formal", "casual")
    back = entry("2027-01-04T10:00:00Z", "response.tone", "casual", "formal")
    ours = tables({"response.tone": "casual"}, {"1": same, "2": back, "3": same})
    history = merge(tables({}, {}), ours, tables({}, {})).tables["history"]
    assert list(history.values()) == [same, back, same]


def test_a_conflict_keeps_ours_and_marks_it_and_a_mark_resolved_on_one_side_goes():
    mark = {"decision": "objectives.frequency", "ours": "daily", "theirs": "weekly"}
    base = tables({"response.tone": "formal", "objectives.frequency": "daily"}, {}, **{UNRESOLVED: [mark]})
    ours = tables({"response.tone": "casual", "objectives.frequency": "daily"}, {})  # resolved the old mark
    theirs = tables({"response.tone": "friendly", "objectives.frequency": "daily"}, {}, **{UNRESOLVED: [mark]})
    merged = merge(base, ours, theirs)
    assert merged.tables["plan"]["1"]["values"]["response.tone"] == "casual"
    assert merged.conflicts == ({"decision": "response.tone", "ours": "casual", "theirs": "friendly"},)
    assert merged.tables["meta"]["1"][UNRESOLVED] == list(merged.conflicts)


def platform(name: str, owner: str = "Dana Ruiz", **more) -> dict:
    return {"platform": name, "owner": owner, "backup": "Lee Chen", **more}


def three_lists(base_rows, our_rows, their_rows) -> tuple:
    values = lambda rows: {"platforms.chosen": rows}  # noqa: E731
    return tables(values(base_rows), {"1": A}), tables(values(our_rows), {"1": A}), tables(values(their_rows), {"1": A})


def test_a_list_both_branches_changed_merges_row_by_row():
    """Parks adds Nextdoor and library hands Facebook to another owner: both stand, no conflict."""
    base = [platform("Facebook"), platform("Instagram")]
    ours = [platform("Facebook"), platform("Instagram"), platform("Nextdoor")]
    theirs = [platform("Facebook", owner="Lee Chen"), platform("Instagram")]
    merged = merge(*three_lists(base, ours, theirs))
    assert merged.conflicts == ()
    rows = merged.tables["plan"]["1"]["values"]["platforms.chosen"]
    assert [(row["platform"], row["owner"]) for row in rows] == [
        ("Facebook", "Lee Chen"), ("Instagram", "Dana Ruiz"), ("Nextdoor", "Dana Ruiz")]


def test_a_row_removed_on_one_branch_and_another_row_changed_on_the_other_both_stand():
    base = [platform("Facebook"), platform("X")]
    ours = [platform("Facebook")]  # X closed
    theirs = [platform("Facebook"), platform("X", owner="Lee Chen")]  # X handed to Lee
    merged = merge(*three_lists(base, ours, theirs))
    assert merged.conflicts[0]["decision"] == "platforms.chosen"  # removed there, changed here: a person decides
    theirs = [platform("Facebook", owner="Lee Chen"), platform("X")]
    merged = merge(*three_lists(base, ours, theirs))
    assert merged.conflicts == ()
    assert merged.tables["plan"]["1"]["values"]["platforms.chosen"] == [platform("Facebook", owner="Lee Chen")]


def test_the_same_row_changed_differently_on_both_branches_is_a_conflict_keeping_ours():
    base = [platform("Facebook")]
    ours = [platform("Facebook", owner="Priya Nair")]
    theirs = [platform("Facebook", owner="Lee Chen")]
    merged = merge(*three_lists(base, ours, theirs))
    assert [c["decision"] for c in merged.conflicts] == ["platforms.chosen"]
    assert merged.tables["plan"]["1"]["values"]["platforms.chosen"] == ours
    assert merged.tables["meta"]["1"][UNRESOLVED][0]["theirs"] == theirs
