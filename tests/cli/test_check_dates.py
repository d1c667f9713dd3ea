"""`smgov check --as-of`: review dates fall due on the command line, as a cron job sees them."""

from __future__ import annotations

import datetime as _dt
import json
import shutil

import pytest
from conftest import SAMPLES


@pytest.fixture
def sample(tmp_path, smgov):
    """The launch-ready sample without its sign-off: these tests change dates, and any
    change makes a sign-off out of date (a blocker of its own, tested elsewhere)."""
    path = tmp_path / "town.json"
    shutil.copy(SAMPLES / "small-city.json", path)
    assert smgov("set", path, "launch.signoff", "").code == 0
    return path


def test_the_launch_ready_sample_is_ready_today(smgov, sample):
    result = smgov("check", sample)
    assert result.code == 0 and "READY for launch" in result.out, result.out


def test_the_scene_past_review_dates_on_the_launch_ready_sample(smgov, sample):
    """Every access review date and the first review set to 2020-01-01: NOT READY, naming them."""
    rows = json.loads(smgov("get", sample, "safeguards.access", "--format", "json").out)
    for row in rows:
        row["next_review"] = "2020-01-01"
    assert smgov("set", sample, "safeguards.access", json.dumps(rows)).code == 0
    assert smgov("set", sample, "launch.first_review", "2020-01-01").code == 0
    result = smgov("check", sample, "--as-of", "2026-12-06", "--format", "json")
    assert result.code == 1
    found = {item["id"]: (item["severity"], item["why"]) for item in json.loads(result.out)["items"]
             if item["id"] != "launch.signoff"}  # cleared by the fixture: advice
    assert found == {
        "check.access_review_due": ("advice", "access review for Facebook, Instagram, Hootsuite, Canva and "
                                    "ArchiveSocial was due 2020-01-01, 6 years ago: set a date ahead of launch"),
        "check.first_review_order": ("blocker", "the first plan review (2020-01-01) does not come after the "
                                     "launch (2027-01-11): set it after launch, about 6 months later"),
    }
    after_launch = smgov("check", sample, "--as-of", "2027-01-11")
    assert after_launch.code == 1
    assert "check.access_review_overdue" in after_launch.out and "NOT READY: 2 blocking" in after_launch.out


@pytest.mark.parametrize("day, code, words", [
    ("2027-05-13", 0, "READY for launch"),
    ("2027-05-14", 0, "is due today (2027-05-14); overdue from tomorrow"),
    ("2027-05-15", 1, "was due 2027-05-14, yesterday"),
])
def test_as_of_the_day_before_of_and_after_an_access_review(smgov, sample, day, code, words):
    """The sample's access reviews are due 2027-05-14 (its objective reviews, moved
    out of the way, later): due on the day, overdue (exit 1) from the day after."""
    rows = json.loads(smgov("get", sample, "objectives.measurable", "--format", "json").out)
    for row in rows:
        row["review"] = "2027-07-12"
    assert smgov("set", sample, "objectives.measurable", json.dumps(rows)).code == 0
    result = smgov("check", sample, "--as-of", day, "--format", "json")
    assert result.code == code
    whys = " ".join(item["why"] for item in json.loads(result.out)["items"] if item["id"] != "launch.signoff")
    if code == 0 and words == "READY for launch":
        assert whys == ""
    else:
        assert words in whys


def test_as_of_defaults_to_today(smgov, sample):
    today = smgov("check", sample, "--format", "json").out
    from smgov_tui.core.readiness import judged_today  # today; the tests fix it (conftest)

    assert today == smgov("check", sample, "--format", "json", "--as-of", judged_today().isoformat()).out


@pytest.mark.parametrize("bad", ["2027-02-30", "tomorrow", "", "2027-5-1"])
def test_a_bad_as_of_is_one_line_exit_2(smgov, sample, bad):
    before = sample.read_bytes()
    result = smgov("check", sample, "--as-of", bad)
    assert result.code == 2 and result.out == ""
    assert result.err == f"smgov: error: check: argument --as-of: {bad!r} is not a date as YYYY-MM-DD " \
                         f"(see smgov check --help)\n"
    assert sample.read_bytes() == before
