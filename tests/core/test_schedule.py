"""Weekly hours and reply targets as people write them."""

import pytest

from smgov_tui.core.schedule import ScheduleError, parse_duration, parse_schedule


@pytest.mark.parametrize("text, normal, hours, days", [
    ("Mon-Fri 09:00-17:00", "Mon-Fri 09:00-17:00", 40, 5),
    ("weekdays 8:30am-5pm; Sat 10-12", "Mon-Fri 08:30-17:00; Sat 10:00-12:00", 44.5, 6),
    ("24/7", "24/7", 168, 7),
    ("Mon 9-12, 13-17", "Mon 09:00-12:00,13:00-17:00", 7, 1),
    ("Sat-Sun 10:00-14:00", "Sat,Sun 10:00-14:00", 8, 2),
])
def test_schedules_normalise(text, normal, hours, days):
    schedule = parse_schedule(text)
    assert str(schedule) == normal
    assert schedule.minutes == hours * 60
    assert schedule.days == days
    assert parse_schedule(str(schedule)) == schedule


def test_overnight_windows_round_trip():
    schedule = parse_schedule("Fri-Mon 22:00-06:00")
    assert schedule.minutes == 4 * 8 * 60
    assert parse_schedule(str(schedule)) == schedule


@pytest.mark.parametrize("text, message", [
    ("Mon", "needs days then times"),
    ("Funday 9-5", "is not a day"),
    ("Mon 9-9", "starts and ends at the same time"),
    ("Mon 25:00-26:00", "is not a time"),
    ("", "needs days and times"),
])
def test_bad_schedules_say_why(text, message):
    with pytest.raises(ScheduleError, match=message):
        parse_schedule(text)


def test_gaps_and_cover():
    office = parse_schedule("Mon-Fri 09:00-17:00")
    assert office.longest_gap() == 64 * 60  # Friday 17:00 to Monday 09:00
    mornings = parse_schedule("Mon-Fri 09:00-13:00")
    assert str(office.uncovered_by(mornings)) == "Mon-Fri 13:00-17:00"
    assert not office.uncovered_by(parse_schedule("Mon-Fri 08:00-18:00")).windows
    assert str(mornings | parse_schedule("Mon-Fri 13:00-17:00")) == "Mon-Fri 09:00-17:00"


@pytest.mark.parametrize("text, normal, business, minutes", [
    ("4h", "4 h", False, 240),
    ("30 min", "30 min", False, 30),
    ("1 day", "24 h", False, 1440),
    ("next business day", "1 business day", True, 480),
    ("3 working days", "3 business days", True, 1440),
    ("4 business hours", "4 business hours", True, 240),
])
def test_durations(text, normal, business, minutes):
    duration = parse_duration(text)
    assert str(duration) == normal
    assert duration.business is business
    assert duration.minutes == minutes


@pytest.mark.parametrize("text", ["soon", "0 h", "-2 h", "4 weeks"])
def test_bad_durations(text):
    with pytest.raises(ScheduleError):
        parse_duration(text)
