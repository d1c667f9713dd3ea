"""Bad input, case by case (issue 13, points 3, 7 and 10): each is one line on stderr,
`smgov: error: ...`, exit 2, no traceback and every file left as it was; what is only
unusual (a path that is not UTF-8, bidi marks in plan text) works and prints safely.
test_any_input.py throws anything at every command; these pin what a user sees."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path
from unittest import mock

import pytest
from conftest import checksum_right

from smgov_tui.core.textsafe import json_text, visible
from smgov_tui.storage import reading
from smgov_tui.storage.layout import split
from smgov_tui.storage.reading import MAX_DEPTH, unsound
from smgov_tui.storage.store import PlanStore

READERS = [("check",), ("get", "objectives.frequency"), ("history",), ("export",),
           ("export", "--format", "html"), ("export", "--format", "json"), ("calendar",),
           ("set", "objectives.frequency", "weekly")]


@pytest.fixture
def plan(tmp_path, smgov) -> Path:
    """A plan smgov wrote, with a history and a backup."""
    path = tmp_path / "plan.json"
    assert smgov("new", path, "--name", "Harbor Falls").code == 0
    assert smgov("set", path, "objectives.frequency", "daily").code == 0
    assert smgov("set", path, "resources.sponsor", "Dana Ruiz").code == 0
    return path


def files(folder: Path) -> dict:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def one_error(result, *shown: str) -> str:
    assert result.code == 2 and result.out == "", result
    lines = result.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("smgov: error: "), result.err
    for text in shown:
        assert text in lines[0], lines[0]
    return lines[0]


def refused_by_every_reader(smgov, plan: Path, *shown: str) -> None:
    """Every command that reads the plan says the same line, with the restore hint; nothing is written."""
    before = files(plan.parent)
    said = {one_error(smgov(args[0], plan, *args[1:]), *shown, f"smgov restore {plan}") for args in READERS}
    assert len(said) == 1, said
    assert files(plan.parent) == before


# A lone surrogate (valid JSON, not Unicode): anywhere in the plan


SURROGATE_AT = {
    "the plan's name": ('"name": "Harbor Falls social media plan"', '"name": "Harbor \\ud800Falls"'),
    "a value": ('"resources.sponsor": "Dana Ruiz"', '"resources.sponsor": "Dana \\udfff"'),
    "a history entry": ('"who": "', '"who": "\\udc00'),
    "an unknown table": ('  "history": {', '  "notes": {"1": {"\\ud83d": 1}},\n  "history": {'),
}


@pytest.mark.parametrize("where", SURROGATE_AT)
def test_a_lone_surrogate_anywhere_is_damage_every_command_refuses(plan, smgov, where):
    old, new = SURROGATE_AT[where]
    raw = plan.read_bytes()
    assert old.encode() in raw
    damaged = raw.replace(old.encode(), new.encode(), 1)
    plan.write_bytes(checksum_right(damaged))
    refused_by_every_reader(smgov, plan, "is not a smgov plan: it holds text that is not Unicode (\\u",
                            "a lone surrogate")


def test_restore_refuses_a_backup_holding_a_lone_surrogate(plan, smgov):
    backup = plan.with_name(plan.name + ".bak")
    backup.write_bytes(backup.read_bytes().replace(b"Dana Ruiz", b"Dana \\ud800"))
    plan.write_bytes(b"{ cut short")
    before = files(plan.parent)
    one_error(smgov("restore", plan), "the backup cannot be restored", "not Unicode (\\ud800")
    assert files(plan.parent) == before


# Numbers json reads that no JSON writer writes back, and nesting


@pytest.mark.parametrize("number, shown", [
    ("NaN", "it holds NaN, which is not a number JSON allows"),
    ("Infinity", "it holds Infinity"),
    ("-Infinity", "it holds -Infinity"),
    ("1e999", "it holds the number 1e999, too large to use"),
    ("9" * 5000, "it holds a number of more than 4300 digits"),
])
def test_numbers_json_cannot_write_back_are_damage(plan, smgov, number, shown):
    raw = plan.read_bytes().replace(b'"Dana Ruiz"', number.encode())
    plan.write_bytes(raw)
    refused_by_every_reader(smgov, plan, shown)


def nested(levels: int) -> object:
    value: object = "deep"
    for _ in range(levels):
        value = [value]
    return value


def plan_with_future_value(plan: Path, levels: int) -> None:
    """A value for an id from a newer catalogue (kept as it is), nested `levels` lists deep."""
    data = json.loads(plan.read_text())
    data["plan"]["1"]["values"]["future.decision"] = nested(levels)
    plan.write_text(json.dumps(data))


@pytest.mark.parametrize("levels", [MAX_DEPTH - 3, 100_000])
def test_nesting_past_the_limit_is_damage(plan, smgov, levels):
    # the file's object, plan, its document, values: 4 levels above the value
    text = plan.read_text().replace('"Dana Ruiz"', '"Dana Ruiz", "future.decision": ' + "[" * levels + "]" * levels)
    plan.write_text(text)
    refused_by_every_reader(smgov, plan, f"it is nested more than {MAX_DEPTH} levels deep")


def test_nesting_at_the_limit_works_everywhere(plan, smgov, tmp_path):
    plan_with_future_value(plan, MAX_DEPTH - 4)
    assert unsound(json.loads(plan.read_text())) is None
    assert unsound(json.loads(plan.read_text().replace('"deep"', '["deep"]'))) is not None
    for args in READERS:
        result = smgov(args[0], plan, *args[1:])
        no_date = args == ("calendar",) and result.err.startswith("smgov: calendar: the plan has no dated")
        assert result.code in (0, 1) and (result.err == "" or no_date), (args, result)
    assert smgov("history", plan, "--format", "json").code == 0
    assert PlanStore(plan).load().unknown["future.decision"] == nested(MAX_DEPTH - 4)


@pytest.mark.parametrize("value, shown", [
    ("[" * 3000 + "]" * 3000, "not JSON smgov can use"),
    ('[{"name": "Dana", "hours": ' + "9" * 5000 + "}]", "not JSON smgov can use"),
    ('[{"name": "Dana \\ud800", "role": "team lead", "hours": 6}]',
     "cannot save the plan: a text holds \\ud800, which is not Unicode"),
])
def test_a_json_value_smgov_cannot_hold_is_refused_before_anything_is_written(plan, smgov, value, shown):
    before = files(plan.parent)
    one_error(smgov("set", plan, "resources.roster", value), shown)
    assert files(plan.parent) == before


# Arguments that are not UTF-8: text is refused, a path works


@pytest.mark.parametrize("args, shown", [
    (("set", "{plan}", "objectives.languages", "abc\udcff"), "set: VALUE is not UTF-8 text: abc\\xff"),
    (("set", "{plan}", "objectives.languages", "one\nt\udcffo"), "VALUE is not UTF-8 text: one\\nt\\xffo"),
    (("new", "{folder}/other.json", "--name", "Caf\udce9"), "new: --name is not UTF-8 text: Caf\\xe9"),
    (("get", "{plan}", "objectives.\udcff"), "get: DECISION_ID is not UTF-8 text: objectives.\\xff"),
    (("history", "{plan}", "--decision", "\udcff"), "history: --decision is not UTF-8 text: \\xff"),
    (("history", "{plan}", "--since", "2026\udcff"), "history: --since is not UTF-8 text: 2026\\xff"),
    (("check", ""), "check: PLAN is empty"),
    (("restore", ""), "restore: PLAN is empty"),
])
def test_an_argument_that_is_not_utf8_text_is_one_line_showing_the_byte(plan, smgov, args, shown):
    before = files(plan.parent)
    args = [arg.replace("{plan}", str(plan)).replace("{folder}", str(plan.parent)) for arg in args]
    one_error(smgov(*args), shown)
    assert files(plan.parent) == before


def test_standard_input_that_is_not_utf8_is_one_line(plan, smgov):
    before = files(plan.parent)
    with mock.patch("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Residents ask \xff"), encoding="utf-8")):
        result = smgov("set", plan, "objectives.conversations_now", "-")
    one_error(result, "set: standard input is not UTF-8 text: byte 15 is \\xff")
    assert files(plan.parent) == before
    with mock.patch("sys.stdin", io.TextIOWrapper(io.BytesIO("Résidents".encode()), encoding="utf-8")):
        assert smgov("set", plan, "objectives.conversations_now", "-").code == 0
    assert smgov("get", plan, "objectives.conversations_now").out == "Résidents\n"


def test_a_path_that_is_not_utf8_works_and_every_message_shows_its_bytes(tmp_path, smgov):
    plan = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.json"))
    created = smgov("new", plan)
    assert created.code == 0 and created.out == f"created {tmp_path}/caf\\xe9.json: caf\\xe9\n"
    assert smgov("set", plan, "objectives.frequency", "daily").out == "objectives.frequency: daily\n"
    assert smgov("get", plan, "objectives.frequency").out == "daily\n"
    assert smgov("check", plan).out.startswith("caf\\xe9\nNOT READY")
    assert "objectives.frequency" in smgov("history", plan).out
    assert smgov("export", plan, "--format", "json").code == 0
    assert os.path.exists(bytes(tmp_path) + b"/caf\xe9.json.bak")
    plan.write_bytes(b"{")
    one_error(smgov("check", plan), f"{tmp_path}/caf\\xe9.json is not a smgov plan",
              f"smgov restore {tmp_path}/caf\\xe9.json brings back")
    restored = smgov("restore", plan)
    assert restored.code == 0 and "restored " + str(tmp_path) + "/caf\\xe9.json from" in restored.out
    one_error(smgov("check", Path(os.fsdecode(bytes(tmp_path) + b"/\xff.json"))), "no plan at ", "/\\xff.json")


# The history: its checksum says how it is laid out, parsing says it is sound


# In the first entry: the last one's line is read for its id, and an unreadable one
# would send the read the slow way, which parses everything anyway.
HISTORY_DAMAGE = {
    "not JSON": (b'"who": "', b'"who":  '),
    "an entry that is not a document": (b'    "1": {', b'    "1": 5, "0": {'),
    "an id that is not a number": (b'    "1": {', b'    "one": {'),
    "an empty id": (b'    "1": {', b'    "": {'),
    "an id of a digit that is not ASCII": (b'    "1": {', '    "\u00b2": {'.encode()),
    "an id of more digits than an id has": (b'    "1": {', b'    "1234567890123456": {'),
}


@pytest.mark.parametrize("damage", HISTORY_DAMAGE)
def test_a_damaged_history_is_refused_whatever_its_checksum(plan, smgov, damage):
    old, new = HISTORY_DAMAGE[damage]
    raw = plan.read_bytes()
    at = split(raw)[1]
    plan.write_bytes(checksum_right(raw[:at] + raw[at:].replace(old, new, 1)))
    refused_by_every_reader(smgov, plan, "is not a smgov plan")


def test_bytes_proven_once_are_compared_exactly_not_trusted_by_checksum(plan, smgov):
    assert smgov("history", plan).code == 0  # this process has now proven the history
    raw = plan.read_bytes()
    first = raw.index(b'"who": "', split(raw)[1])  # inside the first entry, which was proven
    plan.write_bytes(checksum_right(raw[:first] + b'"who":  ' + raw[first + 8:]))  # as long as before
    refused_by_every_reader(smgov, plan, "not valid JSON")


def test_an_entry_appended_after_the_proven_ones_is_parsed(plan, smgov):
    assert smgov("check", plan).code == 1
    raw = plan.read_bytes()
    end = raw.rindex(b"}\n  }\n}\n") + 1
    appended = b',\n    "9": [1],\n    "10": {"decision": "resources.budget", "new": 1, "old": null}'
    plan.write_bytes(checksum_right(raw[:end] + appended + raw[end:]))
    refused_by_every_reader(smgov, plan, "history entry '9' is not a document")


def test_a_table_after_the_history_is_kept_and_never_taken_for_history(plan, smgov):
    raw = plan.read_bytes()
    assert raw.endswith(b"\n  }\n}\n")
    plan.write_bytes(checksum_right(raw[:-3] + b',\n  "notes": {\n    "1": {"by": "a script"}\n  }\n}\n'))
    assert smgov("set", plan, "objectives.frequency", "weekly").code == 0
    data = json.loads(plan.read_text())
    assert data["notes"] == {"1": {"by": "a script"}}
    assert [entry["new"] for entry in data["history"].values()] == ["daily", "Dana Ruiz", "weekly"]


def test_a_save_parses_only_what_was_appended_since_the_history_was_proven(tmp_path, monkeypatch):
    store = PlanStore.create(tmp_path / "plan.json", "Harbor Falls")
    for n in range(200):
        store.set("resources.budget", n, who="dana")
    monkeypatch.setattr(reading, "_PROVEN", {})  # a process that has read nothing yet
    parsed: list[int] = []
    loads = reading.loads
    monkeypatch.setattr(reading, "loads", lambda raw: parsed.append(len(raw)) or loads(raw))
    size = store.path.stat().st_size
    store.set("resources.budget", 1000, who="dana")
    assert max(parsed) > size * 0.9  # the first read proves the whole history
    parsed.clear()
    store.set("resources.budget", 1001, who="dana")
    assert parsed and max(parsed) < 2000  # then only the head and the entry the last save appended
    assert [e["new"] for e in store.history()][-3:] == [199, 1000, 1001]


# Bidi marks and line separators: visible like every other control


MARKS = "Dana\u200eRuiz\u200f \u061cand\u2028Lee\u2029Park"
SHOWN = "Dana\\u200eRuiz\\u200f \\u061cand\\u2028Lee\\u2029Park"


def test_bidi_marks_and_separators_are_made_visible_on_the_command_line(plan, smgov):
    said = smgov("set", plan, "objectives.languages", MARKS).out
    assert said == f"objectives.languages: {SHOWN}\n"
    assert smgov("get", plan, "objectives.languages").out == SHOWN + "\n"
    assert smgov("get", plan, "objectives.languages", "--format", "json").out == f'"{SHOWN}"\n'
    history = smgov("history", plan).out
    assert "Dana\\u200eRuiz\\u200f" in history and "\\u061cand\\u2028Lee\\u2029Park" in history
    for args in (("check", "--format", "json"), ("history", "--format", "json"), ("history",)):
        assert not re.search("[\u200e\u200f\u061c\u2028\u2029]", smgov(args[0], plan, *args[1:]).out)
    assert PlanStore(plan).load().get("objectives.languages") == MARKS  # the data kept as typed


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_bidi_marks_and_separators_are_made_visible_in_the_exports(plan, smgov, fmt):
    smgov("set", plan, "objectives.languages", MARKS)
    out = smgov("export", plan, "--format", fmt).out
    assert not re.search("[\u200e\u200f\u061c\u2028\u2029]", out)
    if fmt == "json":
        values = [s["values"] for s in json.loads(out)["sections"] if "objectives.languages" in s["values"]]
        assert values and values[0]["objectives.languages"] == MARKS  # lossless: JSON escapes
    else:  # a backslash before a letter needs no escape in Markdown; a separator breaks a sentence
        # no more than a newline: a space
        assert "Dana\\u200eRuiz\\u200f \\u061cand Lee Park" in out


def test_a_lone_surrogate_shows_as_the_byte_it_stands_for_or_as_itself():
    assert visible("caf\udce9 \ud800 \udfff") == "caf\\xe9 \\ud800 \\udfff"
    assert json.loads(json_text("caf\udce9 \ud800\u200e")) == "caf\udce9 \ud800\u200e"
