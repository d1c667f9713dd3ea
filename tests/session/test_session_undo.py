"""Undo in the editing session: this person's last change still in the plan,
found in the file's history (so after a restart too), reverted with a history
entry of its own that says what it undoes; never another person's change."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SAMPLES

from smgov_tui.session.editing import EditingSession
from smgov_tui.storage.changes import changes
from smgov_tui.storage.store import PlanStore, login_name

LANGUAGES, AUDIENCES = "objectives.languages", "objectives.audiences"


def sample_plan(tmp_path: Path) -> PlanStore:
    values = PlanStore(SAMPLES / "small-city.json").load().to_values()
    return PlanStore.create(tmp_path / "plan.json", "Harbor Falls", values)


def edited(session: EditingSession, decision_id: str, value) -> None:
    session.propose(decision_id, value)
    assert not session.save().conflicts


def file_values(store: PlanStore) -> dict:
    return json.loads(store.path.read_text())["plan"]["1"]["values"]


def test_two_changes_undone_twice_put_the_file_back_with_two_undo_entries(tmp_path):
    store = sample_plan(tmp_path)
    before = file_values(store)
    session = EditingSession(store)
    edited(session, LANGUAGES, "English only")
    edited(session, AUDIENCES, "Everyone")
    first, second = session.undo(), session.undo()
    assert (first.decision_id, first.old) == (AUDIENCES, before[AUDIENCES])
    assert (second.decision_id, second.old) == (LANGUAGES, before[LANGUAGES])
    assert first.passed == second.passed == ()  # a change undone is not "changed by someone else"
    assert file_values(store) == before and session.plan.to_values() == before
    history = store.history()
    assert [entry.get("undoes") for entry in history] == [None, None, 2, 1]
    assert all(entry["who"] == login_name() for entry in history)
    assert session.undo() is None  # the undos themselves are not undone, nor is anything twice
    assert len(store.history()) == 4


def test_undo_after_a_restart_reverts_the_last_change_of_the_session_before(tmp_path):
    store = sample_plan(tmp_path)
    edited(EditingSession(store), LANGUAGES, "English only")
    undone = EditingSession(PlanStore(store.path)).undo()  # a new session: nothing in memory
    assert undone.decision_id == LANGUAGES
    assert file_values(store)[LANGUAGES].startswith("English and Spanish")


def test_another_persons_change_is_never_undone(tmp_path):
    store = sample_plan(tmp_path)
    session = EditingSession(store)
    edited(session, LANGUAGES, "English only")
    store.set(AUDIENCES, "Everyone", who="someone-else")  # newer, and theirs
    undone = session.undo()
    assert undone.decision_id == LANGUAGES and undone.passed == ()
    assert file_values(store)[AUDIENCES] == "Everyone"
    assert session.undo() is None


def test_a_change_of_mine_someone_changed_since_is_left_alone_and_said(tmp_path):
    store = sample_plan(tmp_path)
    before = file_values(store)
    session = EditingSession(store)
    edited(session, AUDIENCES, "Everyone")
    edited(session, LANGUAGES, "English only")
    store.set(LANGUAGES, "English and Tagalog", who="someone-else")  # over mine
    undone = session.undo()
    assert undone.decision_id == AUDIENCES and undone.old == before[AUDIENCES]
    assert [entry["decision"] for entry in undone.passed] == [LANGUAGES]
    assert file_values(store)[LANGUAGES] == "English and Tagalog"
    assert session.undo() is None


def test_a_decision_changed_and_changed_back_is_undone_step_by_step_and_no_further(tmp_path):
    store = sample_plan(tmp_path)
    first = file_values(store)[LANGUAGES]
    session = EditingSession(store)
    edited(session, LANGUAGES, "English only")
    edited(session, LANGUAGES, first)  # back by hand: a change like any other
    assert session.undo().old == "English only"
    assert session.undo().old == first
    assert session.undo() is None  # the change back by hand was undone once, not again
    assert file_values(store)[LANGUAGES] == first


def test_smgov_history_and_its_filter_mark_the_undo(tmp_path, smgov):
    store = sample_plan(tmp_path)
    session = EditingSession(store)
    edited(session, LANGUAGES, "English only")
    session.undo()
    lines = smgov("history", store.path).out.splitlines()
    assert lines[2].endswith(" English only") and "(undo)" not in lines[2]
    assert lines[3].split()[-2:] == ["(undo)", "English"]  # the table wraps the rest below it
    entries = json.loads(smgov("history", store.path, "--format", "json").out)
    assert [entry.get("undoes") for entry in entries] == [None, 1]
    assert [entry["new"] for entry in changes(store.history(), text="undo")] == [entries[1]["new"]]
