"""The history filters: TinyDB queries on the history table, shared by `smgov history` and the history view."""

from __future__ import annotations

import pytest

from smgov_tui.core.catalogue import UnknownDecision
from smgov_tui.core.errors import SmgovError
from smgov_tui.storage.changes import changes
from smgov_tui.storage.plan_storage import PlanDB
from smgov_tui.storage.store import PlanStore

ENTRIES = [{"when": "2027-01-01T00:00:00Z", "who": "dana", "decision": "response.tone",
            "old": None, "new": "casual and friendly"},
           {"when": "2027-01-02T00:00:00Z", "who": "lee", "decision": "resources.sponsor",
            "old": None, "new": "Ruth"}]


def test_changes_text_filter_matches_every_word_in_id_label_step_and_person():
    assert [e["who"] for e in changes(ENTRIES, text="Voice")] == ["dana"]  # the label
    assert [e["who"] for e in changes(ENTRIES, text="LEE sponsor")] == ["lee"]
    assert [e["who"] for e in changes(ENTRIES, text="response")] == ["dana"]  # the step
    assert changes(ENTRIES, text="dana sponsor") == []
    assert len(changes(ENTRIES, text="  ")) == 2


def test_changes_by_decision_step_and_date():
    assert [e["who"] for e in changes(ENTRIES, decision="resources.sponsor")] == ["lee"]
    assert [e["who"] for e in changes(ENTRIES, decision="response")] == ["dana"]  # a step's key
    assert [e["who"] for e in changes(ENTRIES, since="2027-01-02")] == ["lee"]
    assert changes(ENTRIES, decision="response", since="2027-01-02") == []
    with pytest.raises(SmgovError, match="is not a date as YYYY-MM-DD"):
        changes(ENTRIES, since="01/02/2027")
    with pytest.raises(UnknownDecision, match="response.tone"):  # an unknown id names the nearest
        changes(ENTRIES, decision="response.tones")


def test_changes_of_odd_entries_keep_their_shape():
    """Entries edited by hand may lack fields or hold other types: they are kept or
    dropped as a filter says, never an error, and always come out with every field."""
    odd = [{"decision": 7}, {"who": None, "when": 20270101}, {}]
    assert changes(odd) == [{"when": "", "who": "", "decision": "7", "old": None, "new": None},
                            {"when": "20270101", "who": None, "decision": "", "old": None, "new": None},
                            {"when": "", "who": "", "decision": "", "old": None, "new": None}]
    assert changes(odd, decision="response") == [] and changes(odd[2:], since="2027-01-01") == []


def test_changes_run_on_the_history_table_as_tinydb_reads_it(tmp_path):
    store = PlanStore.create(tmp_path / "plan.json", "x")
    store.set("response.tone", "casual", who="dana")
    store.set("resources.sponsor", "Ruth", who="lee")
    table = PlanDB(store.path).table("history")
    assert [e["who"] for e in changes(table, text="voice")] == ["dana"]
    assert changes(table, decision="resources") == changes(store.history(), decision="resources")
