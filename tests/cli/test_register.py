"""`smgov register PATH...`: every official account across plans, its formats, its flags
(each firing and clearing with its why) and its exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from smgov_tui.cli.register import _link

AS_OF = "2026-12-06"


def make_plan(smgov, path: Path, values: dict) -> Path:
    from smgov_tui.storage.store import PlanStore

    path.parent.mkdir(parents=True, exist_ok=True)
    PlanStore.create(path, path.stem)
    for decision, value in values.items():
        result = smgov("set", path, decision, value if isinstance(value, str) else json.dumps(value))
        assert result.code == 0, result.err
    return path


def department(name: str, handle: str, person: str, escalation: str, **account) -> dict:
    return {
        "organisation.name": "Kettle County",
        "platforms.chosen": [{"platform": "Facebook", "handle": handle, "department": name, "owner": "Ann Lee",
                              "backup": "Bo Kim", "status": "live", "verified": "verified",
                              "address": f"https://www.facebook.com/{handle[1:]}", "last_review": "2026-06-01",
                              **account}],
        "safeguards.access": [{"account": "Facebook", "two_factor": True, "next_review": "2027-06-01"}],
        "safeguards.records": [{"platform": "Facebook", "retention": "GS-12.4: 3 years"}],
        "resources.roster": [{"name": person, "role": "team lead", "hours": 20}],
        "response.escalation_contact": escalation,
    }


@pytest.fixture
def plans(tmp_path, smgov):
    """Two department plans in a folder tree, no flag between them."""
    parks = make_plan(smgov, tmp_path / "county" / "parks" / "parks.json",
                      department("Parks", "@KettleParks", "Ann Lee", "Cy Dunn"))
    library = make_plan(smgov, tmp_path / "county" / "library.json",
                        department("Library", "@KettleLibrary", "Eve Ng", "Di Fox"))
    return parks, library


def register(smgov, *args):
    result = smgov("register", *args, "--as-of", AS_OF, "--format", "json")
    return result, (json.loads(result.out) if result.out else None)


def flags_of(data) -> list[tuple[str, str]]:
    return [(flag["kind"], flag["why"]) for flag in data["flags"]]


def test_a_folder_is_searched_recursively_and_every_account_listed_with_its_facts(smgov, plans, tmp_path):
    parks, library = plans
    result, data = register(smgov, tmp_path / "county")
    assert result.code == 0 and result.err == ""
    assert data["plans"] == [str(library), str(parks)]
    assert data["flags"] == []
    assert data["accounts"][1] == {
        "plan": str(parks), "organisation": "Kettle County", "department": "Parks", "platform": "Facebook",
        "handle": "@KettleParks", "address": "https://www.facebook.com/KettleParks", "owner": "Ann Lee",
        "backup": "Bo Kim", "two_factor": True, "last_review": "2026-06-01", "next_review": "2027-06-01",
        "retention": "GS-12.4: 3 years", "status": "live", "verified": "verified"}


def test_the_text_table_lists_each_account_and_says_no_flag(smgov, plans, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")  # wide enough for the eleven columns
    result = smgov("register", tmp_path / "county", "--as-of", AS_OF)
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == "Register of official accounts: 2 accounts in 2 plans, as of 2026-12-06"
    assert lines[2].split()[:5] == ["Plan", "Department", "Platform", "Handle", "Owner"]
    assert sum("@KettleParks" in line for line in lines) == 1 and lines[-1] == "0 flags"


def test_at_80_columns_each_account_is_a_block_with_every_column(smgov, plans, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    result = smgov("register", tmp_path / "county", "--as-of", AS_OF)
    assert result.code == 0 and max(len(line) for line in result.out.splitlines()) <= 80
    blocks = result.out.split("\n\n")[1:-1]  # between the title line and the flags
    assert len(blocks) == 2
    parks = " ".join(next(block for block in blocks if "@KettleParks" in block).split())
    assert parks.startswith("Facebook @KettleParks (")
    for header in ("department", "owner", "two-factor", "next review", "retention"):
        assert f"; {header} " in parks or f" {header} " in parks, header


@pytest.mark.parametrize("fmt", ["github", "grid"])
def test_the_github_and_grid_tables_list_each_account(smgov, plans, tmp_path, fmt):
    result = smgov("register", tmp_path / "county", "--as-of", AS_OF, "--format", fmt)
    assert result.code == 0
    assert "@KettleParks" in result.out and "@KettleLibrary" in result.out
    assert ("|---" in result.out) if fmt == "github" else ("+===" in result.out)


def test_the_same_handle_in_two_plans_is_flagged_and_cleared(smgov, plans):
    parks, library = plans
    rows = [{**department("Library", "@kettleparks", "Eve Ng", "Di Fox")["platforms.chosen"][0],
             "platform": "facebook"}]
    assert smgov("set", library, "platforms.chosen", json.dumps(rows)).code == 0
    result, data = register(smgov, library, parks)
    assert result.code == 1
    assert flags_of(data) == [("duplicate_handle", f"@kettleparks on facebook is listed in 2 plans: {library} "
                                                   f"and {parks}; one account needs one owner")]
    rows[0]["handle"] = "@KettleBooks"
    assert smgov("set", library, "platforms.chosen", json.dumps(rows)).code == 0
    assert register(smgov, library, parks)[0].code == 0


def test_a_closed_account_still_live_elsewhere_is_flagged_and_cleared(smgov, plans):
    parks, library = plans
    closed = department("Parks", "@KettleLibrary", "Ann Lee", "Cy Dunn", status="closed")["platforms.chosen"]
    assert smgov("set", parks, "platforms.chosen", json.dumps(closed)).code == 0
    result, data = register(smgov, library, parks)
    assert result.code == 1
    assert ("closed_but_live", f"@KettleLibrary on Facebook is closed in {parks} but live in {library}") \
        in flags_of(data)
    closed[0]["status"] = "live"  # both live now: a duplicate, no longer closed-but-live
    assert smgov("set", parks, "platforms.chosen", json.dumps(closed)).code == 0
    assert [kind for kind, _ in flags_of(register(smgov, library, parks)[1])] == ["duplicate_handle"]


def test_an_account_past_its_access_review_is_flagged_as_of_the_day_given(smgov, plans):
    parks, _ = plans
    access = [{"account": "Facebook", "two_factor": True, "next_review": "2026-01-01"}]
    assert smgov("set", parks, "safeguards.access", json.dumps(access)).code == 0
    result, data = register(smgov, parks)
    assert result.code == 1
    assert flags_of(data) == [("review_overdue", f"@KettleParks on Facebook in {parks}: access review was due "
                                                 "2026-01-01, 11 months ago")]
    assert smgov("register", parks, "--as-of", "2026-01-01").code == 0  # due that day: not yet past


def test_a_person_rostered_over_a_working_week_across_plans_is_flagged_naming_the_plans(smgov, plans):
    parks, library = plans
    roster = [{"name": "Ann Lee, Parks Officer", "role": "responder", "hours": 18}]
    assert smgov("set", library, "resources.roster", json.dumps(roster)).code == 0
    result, data = register(smgov, library, parks)
    assert result.code == 1
    assert flags_of(data) == [("overworked", f"Ann Lee is rostered 38 h a week across {library} (18 h), "
                                             f"{parks} (20 h): more than a 37.5-hour working week")]
    roster[0]["hours"] = 17.5  # exactly a working week: not over
    assert smgov("set", library, "resources.roster", json.dumps(roster)).code == 0
    assert register(smgov, library, parks)[0].code == 0


def test_the_only_escalation_contact_of_several_plans_is_flagged_and_cleared_by_a_second(smgov, plans):
    parks, library = plans
    assert smgov("set", library, "response.escalation_contact", "Cy Dunn, Deputy Manager").code == 0
    result, data = register(smgov, library, parks)
    assert result.code == 1
    assert flags_of(data) == [("sole_escalation", f"Cy Dunn is the only escalation contact for 2 plans: "
                                                  f"{library} and {parks}; one absence leaves them all without one")]
    tiers = [{"tier": "complaint", "escalation": "Di Fox"}]
    assert smgov("set", library, "response.tiers", json.dumps(tiers)).code == 0
    assert register(smgov, library, parks)[0].code == 0


def test_every_flag_is_a_line_with_its_why_in_text(smgov, plans):
    parks, library = plans
    assert smgov("set", library, "response.escalation_contact", "Cy Dunn").code == 0
    result = smgov("register", library, parks, "--as-of", AS_OF)
    assert result.code == 1
    assert result.out.splitlines()[-2:] == [
        "1 flag:", f"- sole_escalation: Cy Dunn is the only escalation contact for 2 plans: {library} and "
                   f"{parks}; one absence leaves them all without one"]


def test_the_csv_reads_back_with_every_account_and_formulas_made_inert(smgov, plans):
    parks, library = plans
    row = department("Parks", "@KettleParks", "Ann Lee", "Cy Dunn", department='=HYPERLINK("http://x","y")')
    assert smgov("set", parks, "platforms.chosen", json.dumps(row["platforms.chosen"])).code == 0
    result = smgov("register", library, parks, "--as-of", AS_OF, "--format", "csv")
    assert result.code == 0 and result.err == ""
    read = list(csv.DictReader(io.StringIO(result.out)))
    assert [r["handle"] for r in read] == ["@KettleLibrary", "@KettleParks"]
    assert read[1]["department"] == "'=HYPERLINK(\"http://x\",\"y\")"
    assert read[1]["two_factor"] == "yes" and read[1]["next_review"] == "2027-06-01" and read[1]["plan"] == str(parks)


def test_csv_and_html_keep_the_flags_on_stderr(smgov, plans):
    parks, library = plans
    assert smgov("set", library, "response.escalation_contact", "Cy Dunn").code == 0
    for fmt in ("csv", "html"):
        result = smgov("register", library, parks, "--as-of", AS_OF, "--format", fmt)
        assert result.code == 1 and "sole_escalation" not in result.out
        assert result.err.startswith("smgov: flag: Cy Dunn is the only escalation contact for 2 plans")


def test_the_html_page_shows_public_columns_only_with_hostile_text_inert(smgov, plans):
    parks, library = plans
    hostile = '<script>alert(1)</script>'
    row = department("Parks", '@x"><img src=x onerror=alert(1)>', "Ann Lee", "Cy Dunn",
                     department=hostile, address="https://example.org/?q=<b>")
    assert smgov("set", parks, "platforms.chosen", json.dumps(row["platforms.chosen"])).code == 0
    for plan in plans:
        assert smgov("set", plan, "organisation.name", "Kettle <i>County</i>").code == 0
    page = smgov("register", library, parks, "--as-of", AS_OF, "--format", "html").out
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<script" not in page and "<img" not in page and "<i>" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<h1>Official social media accounts of Kettle &lt;i&gt;County&lt;/i&gt;</h1>" in page
    assert '<a href="https://example.org/?q=&lt;b&gt;" rel="noopener">' in page
    assert '<a href="https://www.facebook.com/KettleLibrary" rel="noopener">' in page
    headers = page.split("<thead>")[1].split("</thead>")[0]
    assert headers == ("<tr><th>Organisation</th><th>Department</th><th>Platform</th><th>Handle</th>"
                       "<th>Address</th><th>Status</th><th>Verified</th></tr>")
    for private in ("Ann Lee", "Bo Kim", "GS-12.4", "2027-06-01", str(parks)):
        assert private not in page


def test_a_planned_account_is_left_off_the_public_page(smgov, plans):
    parks, library = plans
    row = department("Parks", "@KettleParks", "Ann Lee", "Cy Dunn", status="planned")
    assert smgov("set", parks, "platforms.chosen", json.dumps(row["platforms.chosen"])).code == 0
    page = smgov("register", library, parks, "--as-of", AS_OF, "--format", "html").out
    assert "@KettleLibrary" in page and "@KettleParks" not in page


@pytest.mark.parametrize("address", ["javascript:alert(1)", "data:text/html,<b>x</b>", "JAVASCRIPT:x"])
def test_an_address_that_is_not_a_web_page_is_never_a_link(address):
    assert "<a" not in _link(address) and "<b>" not in _link(address)


def test_a_file_that_is_not_a_plan_is_skipped_with_one_warning(smgov, plans, tmp_path):
    parks, library = plans
    stray = tmp_path / "county" / "notes.json"
    stray.write_text('{"not": "a plan"}')
    result, data = register(smgov, tmp_path / "county")
    assert result.code == 0 and len(data["accounts"]) == 2
    assert result.err.splitlines() == [f"smgov: warning: skipped: {stray} is JSON but not a smgov plan "
                                       "(no smgov metadata)"]
    assert stray.read_text() == '{"not": "a plan"}'


@pytest.mark.parametrize(("setup", "message"), [
    ("missing", "smgov: error: {path}: no such file or folder"),
    ("empty", "smgov: error: no smgov plan found in {path}"),
])
def test_an_error_is_one_line_and_exit_2(smgov, tmp_path, setup, message):
    path = tmp_path / "nothing"
    if setup == "empty":
        path.mkdir()
    result = smgov("register", path, "--as-of", AS_OF)
    assert result.code == 2 and result.out == ""
    assert result.err.splitlines() == [message.format(path=path)]


def test_a_bad_as_of_date_is_an_error(smgov, plans):
    result = smgov("register", plans[0], "--as-of", "2026-13-40")
    assert result.code == 2 and "is not a date as YYYY-MM-DD" in result.err and "Traceback" not in result.err


def test_a_plan_file_written_before_the_account_facts_is_listed_as_planned(smgov, tmp_path):
    old = tmp_path / "old.json"
    raw = ('{"meta": {"1": {"format": "smgov-plan", "schema": 2, "revision": 3, "app_version": "0.1.0", '
           '"created": "2025-01-01T00:00:00Z"}}, "plan": {"1": {"name": "Old plan", "values": '
           '{"organisation.name": "Town of Oldham", "platforms.chosen": [{"platform": "Facebook", '
           '"handle": "@Oldham", "owner": "Ann Lee", "backup": "Bo Kim"}]}}}, "history": {}}')
    old.write_text(raw)
    result, data = register(smgov, old)
    assert result.code == 0 and result.err == ""
    assert [(a["handle"], a["status"], a["department"]) for a in data["accounts"]] == [("@Oldham", "planned", "")]
    assert smgov("check", old).code == 1  # opens as before: not ready, no error
    assert old.read_text() == raw
