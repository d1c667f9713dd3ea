"""`smgov check PATH...`: a county's department plans at once, a summary row per
plan and the worst exit code (issue 17, point 3)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import SAMPLES


def _copy(sample: str, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(SAMPLES / f"{sample}.json", path)
    return path


def _rows(out: str) -> dict[str, list[str]]:
    """A github table's rows by plan path (github tables never wrap a cell)."""
    lines = [line for line in out.splitlines() if line.startswith("| ")][1:]
    cells = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]
    return {row[0]: row[1:] for row in cells}


def check(smgov, *args):
    return smgov("check", *args, "--format", "github")


@pytest.fixture
def county(tmp_path) -> Path:
    """A county's folder: parks (launch-ready and signed off) and library (a draft)."""
    folder = tmp_path / "county"
    _copy("small-city", folder / "parks" / "parks.json")
    _copy("county", folder / "library" / "library.json")
    return folder


def test_all_ready_is_exit_0_with_a_row_each(tmp_path, smgov, monkeypatch):
    """The text table fits 80 columns: the path and the organisation share its last column."""
    monkeypatch.setenv("COLUMNS", "80")
    folder = tmp_path / "plans"
    a = _copy("small-city", folder / "a.json")
    b = _copy("small-city", folder / "b.json")
    result = smgov("check", folder)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[:3] == ["2 plans: 2 READY for launch, 0 NOT READY", "",
                         "Verdict      Blocking    Advice    Overdue  Sign-off    Plan"]
    assert max(map(len, lines)) <= 80
    assert lines[4].split()[:5] == ["READY", "0", "0", "0", "current"]
    assert "".join(line[56:] for line in lines[4:]) == f"{a}City of Harbor Falls{b}City of Harbor Falls"
    assert _rows(check(smgov, folder).out) == {str(path): ["READY", "0", "0", "0", "current", "City of Harbor Falls"]
                                 for path in (a, b)}
    assert result.err == ""


def test_one_not_ready_is_exit_1(county, smgov):
    result = check(smgov, county)
    assert result.code == 1
    assert result.out.startswith("2 plans: 1 READY for launch, 1 NOT READY\n")
    rows = _rows(result.out)
    assert rows[str(county / "library" / "library.json")] == ["NOT READY", "38", "25", "0", "none", "Kettle County"]
    assert rows[str(county / "parks" / "parks.json")][0] == "READY"


def test_one_corrupt_plan_is_exit_2_and_its_row_says_why(county, smgov):
    broken = county / "elections.json"
    broken.write_text('{"meta": [')
    before = broken.read_bytes()
    result = smgov("check", county, "--format", "github")
    assert result.code == 2
    assert result.out.startswith("3 plans: 1 READY for launch, 1 NOT READY, 1 could not be read\n")
    assert _rows(result.out)[str(broken)] == [
        "ERROR", "", "", "", "", "is not a smgov plan: not valid JSON (Expecting value, line 1 column 11)"]
    assert "Kettle County" in result.out and "City of Harbor Falls" in result.out  # the others still checked
    assert result.err == (f"smgov: error: 1 of 3 plans could not be read: {broken} is not a smgov plan: "
                          f"not valid JSON (Expecting value, line 1 column 11)\n")  # exit 2: one line, always
    assert broken.read_bytes() == before


def test_an_empty_folder_is_one_line_exit_2(tmp_path, smgov):
    empty = tmp_path / "plans"
    (empty / "sub").mkdir(parents=True)
    result = smgov("check", empty)
    assert result.code == 2 and result.out == ""
    assert result.err == (f"smgov: error: {empty} is a folder, not a plan file, and no smgov plan "
                          f"(.json file) is in it or below it\n")


def test_folders_are_searched_below_but_not_hidden_ones(tmp_path, smgov):
    deep = _copy("county", tmp_path / "state" / "health" / "clinics" / "north" / "plan.json")
    _copy("county", tmp_path / "state" / ".git" / "plan.json")  # git's own folder: not a plan of the state's
    _copy("county", tmp_path / "state" / "health" / "plan.json.bak")  # smgov's backup: not a .json
    result = check(smgov, tmp_path / "state")
    assert result.code == 1
    assert list(_rows(result.out)) == [str(deep)]


def test_files_passed_over_join_the_error_line_when_a_plan_cannot_be_read(county, smgov):
    (county / "checklist.json").write_text("{}")
    (county / "broken.json").write_text("{")
    result = check(smgov, county)
    assert result.code == 2 and "| ERROR " in result.out
    lines = result.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("smgov: error: 1 of 3 plans could not be read: ")
    assert lines[0].endswith(f"; passed over: {county / 'checklist.json'} is JSON but not a smgov plan "
                             f"(no smgov metadata); skipped")


def test_json_that_is_not_a_plan_is_skipped_with_a_warning(county, smgov):
    exported = county / "parks" / "checklist.json"
    exported.write_text('{"plan": "Parks", "ready": true}')
    result = check(smgov, county / "parks")
    assert result.code == 0
    assert result.out.startswith("1 plan: 1 READY for launch, 0 NOT READY\n")
    assert result.err == f"smgov: warning: {exported} is JSON but not a smgov plan (no smgov metadata); skipped\n"


def test_a_file_named_that_is_not_a_plan_is_an_error_row(county, smgov):
    """Named on the command line, a file is read as a plan, as `smgov check FILE` reads it."""
    other = county / "notes.json"
    other.write_text("[1, 2]")
    result = check(smgov, county / "parks" / "parks.json", other)
    assert result.code == 2
    assert _rows(result.out)[str(other)] == ["ERROR", "", "", "", "", "is JSON but not a smgov plan (no smgov metadata)"]


def test_json_lists_each_plans_full_checklist_under_its_path(county, smgov):
    broken = county / "broken.json"
    broken.write_text("")
    result = smgov("check", county, "--format", "json")
    assert result.code == 2
    data = json.loads(result.out)
    assert result.err == f"smgov: error: 1 of 3 plans could not be read: {broken} is empty: not a smgov plan\n"
    assert list(data) == ["ready", "plans"] and data["ready"] is False
    paths = [str(broken), str(county / "library" / "library.json"), str(county / "parks" / "parks.json")]
    assert list(data["plans"]) == paths
    assert data["plans"][str(broken)] == {"error": f"{broken} is empty: not a smgov plan"}
    for path in paths[1:]:
        assert data["plans"][path] == json.loads(smgov("check", path, "--format", "json").out)


def test_as_of_judges_every_plan_on_that_day(tmp_path, smgov):
    """The parks sample is ready on 2026-12-06; its access reviews fall due 2027-05-14
    (after its launch): the day after, every copy is NOT READY with them overdue, as
    `smgov check PLAN --as-of` says."""
    folder = tmp_path / "plans"
    plans = [_copy("small-city", folder / f"{name}.json") for name in ("parks", "pools")]
    before = check(smgov, folder, "--as-of", "2026-12-06")
    assert before.code == 0 and {row[3] for row in _rows(before.out).values()} == {"0"}
    after = check(smgov, folder, "--as-of", "2027-05-15")
    assert after.code == 1
    rows = _rows(after.out)
    for plan in plans:
        alone = json.loads(smgov("check", plan, "--as-of", "2027-05-15", "--format", "json").out)
        blocking = [item for item in alone["items"] if item["severity"] == "blocker"]
        assert "check.access_review_overdue" in {item["id"] for item in blocking}
        assert rows[str(plan)][:2] == ["NOT READY", str(len(blocking))]
        assert int(rows[str(plan)][3]) >= 1  # the overdue dates counted


def test_sign_off_out_of_date_and_hostile_text_inert(county, smgov):
    parks = county / "parks" / "parks.json"
    assert smgov("set", parks, "organisation.name", "Parks \x1b]52;c;aGk=\x07\x1b[2J").code == 0
    result = check(smgov, county)
    row = _rows(result.out)[str(parks)]
    assert row[:2] == ["NOT READY", "1"] and row[4] == "out of date"  # the changed name: sign again
    assert "\x1b" not in result.out and "\x07" not in result.out
    assert row[5] == "Parks \\x1b]52;c;aGk=\\x07\\x1b[2J"


def test_a_plan_named_twice_is_one_row(county, smgov):
    parks = county / "parks" / "parks.json"
    result = check(smgov, county / "parks", parks)
    assert result.code == 0 and result.out.startswith("1 plan: 1 READY for launch, 0 NOT READY\n")
    assert result.out.count(str(parks)) == 1


def test_one_plan_file_is_checked_as_before(county, smgov):
    """`smgov check PLAN` keeps its verdict and checklist: no summary table."""
    result = smgov("check", county / "library" / "library.json")
    assert result.code == 1
    assert result.out.startswith("Kettle County\nNOT READY: 38 blocking, 25 advice; 46 of 96 decisions made\n\n")
    assert "Verdict" not in result.out and "plans:" not in result.out
    data = json.loads(smgov("check", county / "library" / "library.json", "--format", "json").out)
    assert list(data) == ["plan", "organisation", "ready", "decided", "total", "items"]


def test_a_folder_of_files_that_are_not_plans_is_one_line_exit_2(tmp_path, smgov):
    """No warning for each file passed over and then an error: one line, naming the first."""
    folder = tmp_path / "exports"
    folder.mkdir()
    for name in ("a.json", "b.json"):
        (folder / name).write_text("{}")
    result = smgov("check", folder)
    assert result.code == 2 and result.out == ""
    assert result.err == (f"smgov: error: {folder} is a folder, not a plan file, and no smgov plan (.json file) "
                          f"is in it or below it; passed over: {folder / 'a.json'} is JSON but not a smgov plan "
                          f"(no smgov metadata); skipped (and 1 more)\n")
