"""The plan file's bytes, pinned: the same plan is always the same file, whichever
way it was written (a save, an append to the history, a full rewrite, a TinyDB tool).

A change here changes every plan's file and every diff of one kept in git: if it
is meant, say so in the commit and keep `history_crc32` readable by older files.
"""

from __future__ import annotations

import json

from smgov_tui import __version__
from smgov_tui.storage import store as store_module
from smgov_tui.storage.layout import serialise
from smgov_tui.storage.plan_storage import PlanDB
from smgov_tui.storage.reading import read_plan_data
from smgov_tui.storage.store import PlanStore

ROSTER = [{"name": "Dana Ruiz", "role": "team lead", "hours": 6},
          {"name": "Lee Park", "role": "backup", "hours": 2}]

PINNED = r"""{
  "meta": {
    "1": {
      "app_version": "APP_VERSION",
      "created": "2027-01-04T09:00:00Z",
      "format": "smgov-plan",
      "history_crc32": 4218938730,
      "revision": 5,
      "schema": 2
    }
  },
  "plan": {
    "1": {
      "name": "Harbor Falls plan",
      "values": {
        "objectives.approach": "Answer questions;\nlink to the \"city\" page.",
        "resources.roster": [
          {"name": "Dana Ruiz", "role": "team lead", "hours": 6},
          {"name": "Lee Park", "role": "backup", "hours": 2}
        ],
        "safeguards.forum": "limited public forum",
        "future.idea": {
          "kept": true
        }
      }
    }
  },
  "attachments": {
    "1": {
      "file": "logo.png"
    }
  },
  "history": {
    "1": {"decision": "safeguards.forum", "new": "limited public forum", "old": null, "when": "2027-01-04T09:01:00Z", "who": "dana"},
    "2": {"decision": "resources.roster", "new": [{"name": "Dana Ruiz", "role": "team lead", "hours": 6}, {"name": "Lee Park", "role": "backup", "hours": 2}], "old": null, "when": "2027-01-04T09:02:00Z", "who": "lee"},
    "3": {"decision": "future.idea", "new": {"kept": true}, "old": null, "when": "2027-01-04T09:03:00Z", "who": "lee"},
    "4": {"decision": "objectives.approach", "new": "Answer questions;\nlink to the \"city\" page.", "old": null, "when": "2027-01-04T09:04:00Z", "who": "dana"}
  }
}
""".replace("APP_VERSION", __version__)


def test_the_layout_is_pinned(tmp_path, monkeypatch):
    """Tables in order (unknown ones before the history), values in catalogue order
    (unknown ids last), a list's rows and each history entry on one line."""
    times = iter(f"2027-01-04T09:0{n}:00Z" for n in range(10))
    monkeypatch.setattr(store_module, "now_utc", lambda: next(times))
    path = tmp_path / "plan.json"
    store = PlanStore.create(path, "Harbor Falls plan")
    store.set("safeguards.forum", "limited public forum", who="dana")
    PlanDB(path).table("attachments").insert({"file": "logo.png"})  # a table smgov does not know
    store.set("resources.roster", ROSTER, who="lee")
    store.set("future.idea", {"kept": True}, who="lee")  # a decision it does not know
    store.set("objectives.approach", 'Answer questions;\nlink to the "city" page.', who="dana")
    assert path.read_text() == PINNED
    assert path.with_name("plan.json.bak").read_text() == PINNED
    assert serialise(read_plan_data(path)) == PINNED  # written in full, the same bytes


def test_the_same_plan_is_the_same_bytes_however_it_was_saved(tmp_path):
    """A history appended to (its bytes copied) and one rewritten in full, after a hand
    edit that smgov's checksum catches, come out the same."""
    appended, rewritten = tmp_path / "appended.json", tmp_path / "rewritten.json"
    path = tmp_path / "plan.json"
    path.write_text(PINNED)
    data = json.loads(PINNED)
    data["history"]["5"] = {"decision": "resources.budget", "new": 10, "old": None,
                            "when": "2027-01-05T00:00:00Z", "who": "lee"}
    data["meta"]["1"]["revision"] = 6
    expected = serialise(data)
    with PlanDB(path) as db:
        db.table("history").insert(data["history"]["5"])  # appended
    appended.write_bytes(path.read_bytes())
    path.write_text(PINNED.replace('"history_crc32": 4218938730', '"history_crc32": 1'))
    with PlanDB(path) as db:
        db.table("history").insert(data["history"]["5"])  # the checksum fails: read and written in full
    rewritten.write_bytes(path.read_bytes())
    assert appended.read_text() == expected == rewritten.read_text()


def test_a_table_after_the_history_is_read_as_a_table(tmp_path):
    """A hand edit that adds a table after the history and fixes the checksum: the history's
    bytes are no longer only the history, so the plan is read whole and the table kept
    (a first read proves the history by parsing its section alone, as the last table)."""
    import re
    import zlib

    from smgov_tui.storage.reading import read_file

    plan = tmp_path / "plan.json"
    store = PlanStore.create(plan, "Notes after the history")
    store.set("objectives.frequency", "daily")
    raw = plan.read_bytes()
    assert raw.endswith(b"\n  }\n}\n")
    raw = raw[:-len(b"\n}\n")] + b',\n  "notes": {\n    "1": {"text": "x"}\n  }\n}\n'
    section = raw[raw.index(b'\n  "history": {') + 1:]
    raw = re.sub(rb'"history_crc32": \d+', b'"history_crc32": %d' % zlib.crc32(section), raw)
    plan.write_bytes(raw)
    tables = read_file(plan).tables
    assert tables["notes"] == {"1": {"text": "x"}} and list(tables["history"]) == ["1"]
