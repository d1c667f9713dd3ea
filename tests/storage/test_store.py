"""The plan file: round trip, history, readable stable layout, refusals."""

from __future__ import annotations

import json
import os

import pytest

from smgov_tui.core.errors import ConflictError, PlanFileError
from smgov_tui.storage.backup import restore
from smgov_tui.storage.migrations import SCHEMA_VERSION
from smgov_tui.storage.store import PlanStore

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
    from smgov_tui.storage.layout import serialise
    assert serialise(json.loads(text)) == text


def test_a_change_is_a_small_diff(store):
    """Adding a decision adds its line and its history entry, and removes nothing."""
    import difflib

    store.set("objectives.frequency", "daily")
    before = store.path.read_text().splitlines()
    store.set("objectives.languages", "English")
    diff = [line for line in difflib.unified_diff(before, store.path.read_text().splitlines(), n=0)
            if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    removed = [line for line in diff if line.startswith("-")]
    assert removed[1:3] == ['-      "revision": 1,', '-        "objectives.frequency": "daily"']
    assert removed[0].startswith('-      "history_crc32": ')
    assert removed[3].startswith('-    "1": {"decision": "objectives.frequency"') and len(removed) == 4
    assert '+      "revision": 2,' in diff
    assert '+        "objectives.frequency": "daily",' in diff
    assert '+        "objectives.languages": "English"' in diff
    assert diff[-1].startswith('+    "2": {"decision": "objectives.languages", "new": "English", "old": null, ')
    assert len(diff) == 10  # the history entry is one line; JSON's comma costs the line before it


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
    backup = store.path.with_name("plan.json.bak").read_bytes()
    assert backup == before  # the backup still holds the last saved version
    assert sorted(p.name for p in store.path.parent.iterdir()) == [
        ".plan.json.lock", "plan.json", "plan.json.bak"]  # no temp file left


# Two sessions on one plan


def test_a_change_made_elsewhere_to_another_decision_is_kept(store):
    mine, theirs = store, PlanStore(store.path)
    mine.load()
    theirs.set("objectives.frequency", "daily", who="lee")
    mine.set("resources.budget", 2400, who="dana", base=None)
    assert mine.load().values == {"objectives.frequency": "daily", "resources.budget": 2400}
    assert [(h["who"], h["decision"]) for h in mine.history()] == [
        ("lee", "objectives.frequency"), ("dana", "resources.budget")]


def test_a_stale_base_is_a_conflict_and_writes_nothing(store):
    mine, theirs = store, PlanStore(store.path)
    base = mine.load().get("objectives.frequency")  # None: undecided when this session loaded it
    theirs.set("objectives.frequency", "weekly", who="lee")
    before = store.path.read_bytes()
    with pytest.raises(ConflictError) as caught:
        mine.set("objectives.frequency", "daily", who="dana", base=base)
    error = caught.value
    assert (error.decision_id, error.mine, error.theirs, error.who) == ("objectives.frequency", "daily",
                                                                        "weekly", "lee")
    assert error.when.endswith("Z")
    when = error.when.replace("T", " ").removesuffix("Z")
    assert str(error) == f"How often we communicate was changed by lee at {when} UTC in another session"
    assert store.path.read_bytes() == before


def test_keep_mine_writes_with_both_versions_in_the_history(store):
    mine, theirs = store, PlanStore(store.path)
    theirs.set("objectives.frequency", "weekly", who="lee")
    entry = mine.set("objectives.frequency", "daily", who="dana", base=None, force=True)
    assert entry["old"] == "weekly" and entry["new"] == "daily"
    assert mine.load().get("objectives.frequency") == "daily"
    assert [(h["who"], h["old"], h["new"]) for h in mine.history()] == [
        ("lee", None, "weekly"), ("dana", "weekly", "daily")]


def test_no_conflict_when_the_file_still_holds_the_base_or_already_my_value(store):
    store.set("objectives.frequency", "weekly")
    assert store.set("objectives.frequency", "daily", base="weekly")["old"] == "weekly"
    PlanStore(store.path).set("resources.budget", 10)
    assert store.set("objectives.frequency", "daily", base="weekly") is None  # already mine: nothing to do
    assert store.set("objectives.frequency", None, base="daily")["new"] is None


def test_stamp_changes_whenever_the_file_is_replaced(store):
    first = store.stamp()
    assert first and store.stamp() == first
    PlanStore(store.path).set("objectives.frequency", "daily")
    assert store.stamp() != first
    assert store.meta()["revision"] == 1


def test_load_always_reads_the_file_as_it_is_now(store):
    PlanStore(store.path).set("objectives.frequency", "daily")
    assert store.load().get("objectives.frequency") == "daily"


def test_every_write_takes_the_lock_beside_the_plan(store):
    import fcntl

    store.set("objectives.frequency", "daily")
    lock = store.path.with_name(".plan.json.lock")
    assert lock.stat().st_mode & 0o777 == 0o600
    with open(lock) as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        from smgov_tui.storage.files import locked
        with pytest.raises(PlanFileError, match="another smgov session has held it locked"), \
                locked(store.path, wait=0.05):
            pass


# Backups and restore


def test_each_save_keeps_a_private_backup_of_what_was_saved(store):
    store.set("objectives.frequency", "daily")
    backup = store.path.with_name("plan.json.bak")
    assert backup.read_bytes() == store.path.read_bytes()
    assert backup.stat().st_mode & 0o777 == 0o600
    assert backup.stat().st_ino != store.path.stat().st_ino  # a copy: editing the plan in place spares it


def test_restore_after_a_bad_hand_edit_brings_back_the_last_good_version(store):
    store.set("objectives.frequency", "daily")
    store.set("resources.budget", 2400)
    good = store.path.read_bytes()
    store.path.write_text('{"meta": {"1": {"format": "smgov-plan", "schema": 2}}, "plan": ')  # broken in place
    done = restore(store.path)
    assert store.path.read_bytes() == good
    assert PlanStore(store.path).load().values == {"objectives.frequency": "daily", "resources.budget": 2400}
    assert done.replaced.name.startswith("plan.json.replaced-") and done.replaced.read_text().endswith('"plan": ')
    assert done.replaced.stat().st_mode & 0o777 == 0o600
    assert store.path.stat().st_mode & 0o777 == 0o600


def test_restore_without_a_backup_or_with_a_damaged_one_changes_nothing(tmp_path):
    store = PlanStore.create(tmp_path / "plan.json", "x")
    before = store.path.read_bytes()
    with pytest.raises(PlanFileError, match="no backup of .*plan.json to restore"):
        store.restore()
    store.path.with_name("plan.json.bak").write_text("{")
    with pytest.raises(PlanFileError, match="backup cannot be restored: .*not valid JSON"):
        store.restore()
    assert store.path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json", "plan.json.bak"]


def test_restore_when_nothing_is_wrong_changes_nothing(store):
    store.set("objectives.frequency", "daily")
    before = store.path.stat()
    assert store.restore().unchanged
    assert store.path.stat().st_ino == before.st_ino


# Privacy


@pytest.mark.parametrize("mode, says", [(0o666, "writable by other users (mode 0666)"),
                                        (0o620, "writable by its group (mode 0620)")])
def test_a_plan_others_can_write_warns(store, mode, says):
    assert store.warnings() == []
    os.chmod(store.path, mode)
    (warning,) = store.warnings()
    assert says in warning and warning.endswith(f"chmod 600 {store.path}")
    os.chmod(store.path, 0o644)  # readable by others: their choice, not a risk to the plan
    assert store.warnings() == []


# The history is appended without re-reading it, but only when it is provably smgov's own


def test_a_history_edited_by_hand_is_read_in_full_and_kept(store):
    store.set("objectives.frequency", "daily", who="dana")
    text = store.path.read_text().replace('"who": "dana"', '"who": "Dana Ruiz"')  # valid, but not what smgov wrote
    store.path.write_text(text)
    store.set("resources.budget", 10, who="lee")
    assert [h["who"] for h in store.history()] == ["Dana Ruiz", "lee"]
    assert json.loads(store.path.read_text())["history"]["1"]["who"] == "Dana Ruiz"


def test_a_damaged_history_line_is_refused_not_carried_into_the_next_save(store):
    store.set("objectives.frequency", "daily")
    store.set("resources.budget", 10)
    text = store.path.read_text()
    broken = text.replace('"decision": "objectives.frequency", ', '"decision": "objectives.frequency" ', 1)
    store.path.write_text(broken)
    with pytest.raises(PlanFileError, match="not valid JSON"):
        store.set("resources.budget", 20)
    assert store.path.read_text() == broken
    assert store.path.with_name("plan.json.bak").read_text() == text  # still the last good version


def test_appending_keeps_the_layout_a_full_write_gives(store):
    from smgov_tui.storage.layout import serialise
    from smgov_tui.storage.reading import read_plan_data

    for n in range(5):
        store.set("resources.budget", n, who="dana")
    assert serialise(read_plan_data(store.path)) == store.path.read_text()


# Schema versions


def _as_schema_1(path) -> bytes:
    """The plan rewritten the way schema 1 stored it, plus fields this smgov does not know."""
    data = json.loads(path.read_text())
    for key in ("revision", "history_crc32"):
        data["meta"]["1"].pop(key)
    data["meta"]["1"].update(schema=1, reviewed_by="counsel")
    data["plan"]["1"]["values"]["future.idea"] = {"kept": True}
    data["plan"]["1"]["notes"] = "kept too"
    data["attachments"] = {"1": {"file": "logo.png"}}
    raw = json.dumps(data, indent=2).encode()
    path.write_bytes(raw)
    return raw


def test_every_older_schema_has_a_migration():
    from smgov_tui.storage.migrations import MIGRATIONS

    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION))


def test_an_older_plan_is_migrated_in_memory_and_its_file_left_alone_until_a_save(store):
    store.set("objectives.frequency", "daily")
    store.set("resources.budget", 10)
    raw = _as_schema_1(store.path)
    reopened = PlanStore(store.path)
    assert reopened.meta()["schema"] == SCHEMA_VERSION and reopened.meta()["revision"] == 2
    assert reopened.meta()["reviewed_by"] == "counsel"
    assert reopened.load().values == {"objectives.frequency": "daily", "resources.budget": 10}
    assert reopened.needs_upgrade()
    assert store.path.read_bytes() == raw


@pytest.mark.parametrize("how", ["a change", "upgrade"])
def test_saving_an_older_plan_migrates_it_keeps_the_original_and_every_unknown_field(store, how):
    store.set("objectives.frequency", "daily")
    raw = _as_schema_1(store.path)
    if how == "upgrade":
        assert store.upgrade() is True and store.upgrade() is False
    else:
        store.set("resources.budget", 10)
    original = store.path.with_name("plan.json.v1.bak")
    assert original.read_bytes() == raw and original.stat().st_mode & 0o777 == 0o600
    data = json.loads(store.path.read_text())
    assert data["meta"]["1"]["schema"] == SCHEMA_VERSION and not store.needs_upgrade()
    assert data["meta"]["1"]["reviewed_by"] == "counsel"
    assert data["meta"]["1"]["revision"] == 2  # one write before (the migration counts it), one now
    assert data["plan"]["1"]["values"]["future.idea"] == {"kept": True}
    assert data["plan"]["1"]["notes"] == "kept too"
    assert data["attachments"] == {"1": {"file": "logo.png"}}
    assert store.load().unknown == {"future.idea": {"kept": True}}


def test_tinydb_opens_a_plan_through_plan_storage(tmp_path):
    """Tools may query a plan with TinyDB (smgov_tui.storage.plan_storage): they read what
    smgov reads, and a write goes through smgov's save, keeping the plan whole."""
    import shutil

    from conftest import SAMPLES
    from tinydb import Query, TinyDB

    from smgov_tui.storage.plan_storage import PlanStorage

    path = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county.json", path)
    before = PlanStore(path).load()
    db = TinyDB(path, storage=PlanStorage)
    (plan,) = db.table("plan").all()
    assert plan["name"] == before.name
    assert db.table("history").search(Query().decision == "response.tone")
    db.table("notes").insert({"by": "a script"})
    db.close()
    after = PlanStore(path).load()
    assert after.to_values() == before.to_values()
    assert json.loads(path.read_text())["notes"] == {"1": {"by": "a script"}}
