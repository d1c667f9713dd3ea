"""Plain mode: a suggestion is said before the prompt, and the word `use` takes it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from smgov_tui.core.readiness import checklist
from smgov_tui.plain import run_plain
from smgov_tui.storage.store import PlanStore

TOWN = {"organisation.name": "Town of Millbrook", "organisation.country": "United States",
        "resources.roster": [{"name": "Alex Moreno", "role": "team lead", "hours": 20},
                             {"name": "Jamie Lee", "role": "responder", "hours": 10}],
        "platforms.chosen": [{"platform": "Facebook", "owner": "Alex Moreno", "comments": "open"}]}


@pytest.fixture
def town(tmp_path) -> Path:
    path = tmp_path / "town.json"
    PlanStore.create(path, "Millbrook plan", TOWN)
    return path


def plain(path: Path, *lines: str) -> str:
    out = io.StringIO()
    assert run_plain(path, io.StringIO("".join(line + "\n" for line in lines)), out) == 0
    return out.getvalue()


def test_use_takes_the_suggestion_shown_before_the_prompt(town, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    out = plain(town, "go response.tone", "use", "go safeguards.records", "use", "done",
                "go safeguards.hacked_response", "use", "quit")
    assert "Suggested (type use to take it): friendly but formal." in out
    assert "Suggested (type use to add them):" in out
    saved = PlanStore(town).load()
    assert saved.get("response.tone") == "friendly but formal"
    assert [row["platform"] for row in saved.get("safeguards.records")] == ["Facebook"]
    assert saved.get("safeguards.hacked_response").startswith("Whoever notices tells Alex Moreno and Jamie Lee")
    assert [e["decision"] for e in PlanStore(town).history()][-3:] == [
        "response.tone", "safeguards.records", "safeguards.hacked_response"]


def test_shown_is_not_taken_and_use_without_a_suggestion_says_why(town, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    before = checklist(PlanStore(town).load()).decided
    out = plain(town, "go response.tone", "", "go organisation.website", "use", "quit")
    assert "Suggested (type use to take it): friendly but formal." in out
    assert "Nothing to use: no suggestion for organisation.website: only you can say this." in out
    assert checklist(PlanStore(town).load()).decided == before


def test_help_lists_use(town):
    assert "  use          take the suggested answer" in plain(town, "help", "quit")
