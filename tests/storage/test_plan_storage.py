"""PlanStorage, the TinyDB storage that keeps smgov's guarantees, and PlanDB on it:
what a tool writing a plan through TinyDB can and cannot do."""

from __future__ import annotations

import pytest
from tinydb import Query, TinyDB

from smgov_tui.core.errors import PlanFileError
from smgov_tui.storage.history import History
from smgov_tui.storage.plan_storage import PlanDB, PlanStorage, PlanTable
from smgov_tui.storage.store import PlanStore


@pytest.fixture
def store(tmp_path) -> PlanStore:
    store = PlanStore.create(tmp_path / "plan.json", "Harbor Falls plan")
    store.set("objectives.frequency", "daily", who="dana")
    return store


def test_a_write_is_refused_if_another_session_saved_since_the_read(store):
    db = TinyDB(store.path, storage=PlanStorage)
    tables = db.storage.read()
    PlanStore(store.path).set("resources.budget", 10, who="lee")
    before = store.path.read_bytes()
    tables["notes"] = {"1": {"by": "a script"}}
    with pytest.raises(PlanFileError, match="another session saved it since it was read; the file on disk is"):
        db.storage.write(tables)
    assert store.path.read_bytes() == before


def test_a_write_that_would_not_leave_a_plan_is_refused(store):
    before = store.path.read_bytes()
    db = PlanDB(store.path)
    with pytest.raises(PlanFileError, match="not a plan smgov can read .*no smgov metadata.*unchanged"):
        db.drop_tables()
    with pytest.raises(PlanFileError, match="tables are damaged"):
        db.table("plan").update({"values": ["not", "a", "table"]}, doc_ids=[1])
    assert store.path.read_bytes() == before


def test_every_search_sees_the_file_as_it_is_now(store):
    history = PlanDB(store.path).table("history")
    assert isinstance(history, PlanTable)
    assert len(history.search(Query().who == "lee")) == 0
    PlanStore(store.path).set("resources.budget", 10, who="lee")  # another session
    assert len(history.search(Query().who == "lee")) == 1


def test_a_read_leaves_the_history_unparsed_and_an_insert_appends_to_its_bytes(store):
    storage = PlanStorage(store.path)
    history = storage.read()["history"]
    assert isinstance(history, History) and history._entries is None  # the plan read without it
    section = bytes(history.section()[0])
    with PlanDB(store.path) as db:
        assert db.table("history").insert({"decision": "resources.budget", "new": 1, "old": None,
                                           "when": "2027-01-01T00:00:00Z", "who": "script"}) == 2
    assert store.path.read_bytes().find(section.removesuffix(b"\n  }\n}\n")) > 0
    assert [entry["who"] for entry in PlanStore(store.path).history()] == ["dana", "script"]


def test_a_value_and_its_history_entry_are_saved_together_or_not_at_all(store, monkeypatch):
    before = store.path.read_bytes()

    def fails(self, document):
        raise OSError("killed between the two")

    monkeypatch.setattr(PlanTable, "insert", fails)
    with pytest.raises(OSError):
        store.set("resources.budget", 10, who="dana")  # the value was updated in TinyDB, not saved
    assert store.path.read_bytes() == before


def test_a_change_is_one_save(store):
    revision = store.meta()["revision"]
    store.set("resources.budget", 10)
    assert store.meta()["revision"] == revision + 1
    assert len(store.history()) == 2
