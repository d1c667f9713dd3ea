"""`smgov history`: who changed what, when, from what to what, with filters."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def changed(plan_path, smgov, monkeypatch):
    monkeypatch.setenv("USER", "dana")
    monkeypatch.setenv("LOGNAME", "dana")
    smgov("set", plan_path, "objectives.frequency", "daily")
    smgov("set", plan_path, "response.tone", "formal and informative")
    smgov("set", plan_path, "objectives.frequency", "weekly")
    data = json.loads(plan_path.read_text())
    data["history"]["1"]["when"] = "2026-01-05T10:00:00Z"  # an older change, for --since
    plan_path.write_text(json.dumps(data))
    return plan_path


def test_history_table_shows_who_what_when_from_and_to(changed, smgov):
    result = smgov("history", changed)
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].split() == ["When", "(UTC)", "Who", "Decision", "From", "To"]
    assert "2026-01-05 10:00:00  dana" in lines[2] and "(not decided)" in lines[2] and "daily" in lines[2]
    assert "objectives.frequency" in lines[4] and "daily" in lines[4] and "weekly" in lines[4]


def test_history_filters_by_decision_step_and_date(changed, smgov):
    one = json.loads(smgov("history", changed, "--decision", "objectives.frequency", "--format", "json").out)
    assert [(e["old"], e["new"]) for e in one] == [(None, "daily"), ("daily", "weekly")]
    step = json.loads(smgov("history", changed, "--decision", "response", "--format", "json").out)
    assert [e["decision"] for e in step] == ["response.tone"]
    recent = json.loads(smgov("history", changed, "--since", "2026-06-01", "--format", "json").out)
    assert [e["new"] for e in recent] == ["formal and informative", "weekly"]
    assert set(recent[0]) == {"when", "who", "decision", "old", "new"}
    assert smgov("history", changed, "--since", "2099-01-01").out.strip() == "No changes match."


@pytest.mark.parametrize("args, message", [
    (("--decision", "objectives.nope"), "unknown decision 'objectives.nope'"),
    (("--since", "last week"), "--since 'last week' is not a date as YYYY-MM-DD"),
])
def test_history_errors_are_one_line(changed, smgov, args, message):
    before = changed.read_bytes()
    result = smgov("history", changed, *args)
    assert result.code == 2 and result.err.startswith("smgov: error:") and message in result.err
    assert len(result.err.strip().splitlines()) == 1 and changed.read_bytes() == before


def test_history_of_hostile_text_is_made_visible(plan_path, smgov):
    smgov("set", plan_path, "resources.sponsor", "Dana \x1b[2J Ruiz")
    out = smgov("history", plan_path).out
    assert "\x1b" not in out and "\\x1b[2J" in out
