"""`smgov suggest PLAN ID`: the suggestion as `get` prints a value; exit 0, 1 or 2."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def county(tmp_path, smgov):
    path = tmp_path / "county.json"
    assert smgov("new", path, "--sample", "county").code == 0
    return path


def test_suggest_prints_what_set_takes_back_and_writes_nothing(county, smgov):
    before = county.read_bytes()
    result = smgov("suggest", county, "safeguards.hacked_response")
    assert result.code == 0 and result.err == ""
    assert "Priya Nair" in result.out and "Tom Becker" in result.out
    assert county.read_bytes() == before
    assert smgov("set", county, "safeguards.hacked_response", "-", stdin=result.out).code == 0
    assert smgov("get", county, "safeguards.hacked_response").out == result.out


def test_suggest_rows_and_json(county, smgov):
    rows = smgov("suggest", county, "safeguards.records")
    assert rows.code == 0
    assert [row["platform"] for row in json.loads(rows.out)] == ["Facebook", "X", "YouTube"]
    tone = smgov("suggest", county, "response.tone", "--format", "json")
    assert tone.code == 0 and json.loads(tone.out) == "friendly but formal"


def test_no_suggestion_is_exit_1_with_the_reason(county, smgov):
    result = smgov("suggest", county, "organisation.name")
    assert result.code == 1 and result.out == ""
    assert result.err == "smgov: no suggestion for organisation.name: only you can say this\n"
    blank = county.parent / "blank.json"
    assert smgov("new", blank).code == 0
    needs = smgov("suggest", blank, "safeguards.hacked_response", "--format", "json")
    assert needs.code == 1 and needs.out == "null\n"
    assert needs.err == ("smgov: no suggestion for safeguards.hacked_response: "
                         "the plan does not say who is on the roster\n")


def test_suggest_errors_are_exit_2_as_get_says_them(county, smgov):
    wrong = smgov("suggest", county, "safeguards.recods")
    assert wrong.code == 2 and wrong.err == smgov("get", county, "safeguards.recods").err
    assert wrong.err.startswith("smgov: error: unknown decision 'safeguards.recods'; did you mean")
    missing = smgov("suggest", county.parent / "nope.json", "response.tone")
    assert missing.code == 2 and missing.err.startswith("smgov: error:") and "Traceback" not in missing.err
