"""`smgov calendar PLAN [-o FILE.ics]` (issue 15, point 4)."""

from __future__ import annotations

import shutil
import stat

import icalendar
from conftest import SAMPLES, asked_plan


def test_it_writes_the_calendar_a_calendar_program_reads(tmp_path, smgov):
    plan = tmp_path / "town.json"
    shutil.copy(SAMPLES / "small-city.json", plan)
    target = tmp_path / "reviews.ics"
    result = smgov("calendar", plan, "-o", target)
    assert result.code == 0 and result.out == f"wrote {target}\n" and result.err == ""
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    summaries = sorted(str(event["summary"]) for event in calendar.walk("VEVENT"))
    assert len(summaries) == 11 and "First plan review (City of Harbor Falls)" in summaries
    # Without -o it goes to standard output, the same calendar.
    assert smgov("calendar", plan).out.encode() == target.read_bytes()


def test_a_plan_with_no_date_yet_says_what_to_set_and_writes_nothing(tmp_path, smgov):
    plan = asked_plan(tmp_path / "blank.json")
    result = smgov("calendar", plan, "-o", tmp_path / "reviews.ics")
    assert result.code == 1 and result.out == ""
    assert result.err == ("smgov: calendar: the plan has no dated obligation yet: set the first plan review "
                          "(launch.first_review), an access review date (safeguards.access) or an "
                          "objective's review date\n")
    assert not (tmp_path / "reviews.ics").exists()


def test_bad_targets_are_one_line_and_leave_the_plan_alone(tmp_path, smgov):
    plan = tmp_path / "town.json"
    shutil.copy(SAMPLES / "small-city.json", plan)
    before = plan.read_bytes()
    for target, said in ((tmp_path, "is a folder; give a file name"),
                         (plan, "choose another file"),
                         (tmp_path / "nowhere" / "x.ics", "does not exist")):
        result = smgov("calendar", plan, "-o", target)
        assert result.code == 2 and result.out == "", result
        assert result.err.startswith("smgov: error: calendar: ") and result.err.count("\n") == 1
        assert said in result.err
    assert plan.read_bytes() == before
    assert smgov("calendar", tmp_path / "missing.json").code == 2
