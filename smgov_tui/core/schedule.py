"""Weekly hours and reply targets, as people write them.

Plans say "Mon-Fri 09:00-17:00" and "2 business days"; the checks need minutes
of the week to ask whether monitoring hours are rostered and whether a promised
reply can be kept. Values are stored in their normalised text form, so a plan
file stays readable, and parsed here when a check needs the numbers.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAY_LOOKUP = {name.lower(): i for i, name in enumerate(DAY_NAMES)}
_DAY_LOOKUP.update({full: i for i, full in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))})
_DAY_LOOKUP.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
_DAY_GROUPS = {
    "daily": tuple(range(7)), "everyday": tuple(range(7)), "every day": tuple(range(7)),
    "weekdays": tuple(range(5)), "weekday": tuple(range(5)),
    "weekends": (5, 6), "weekend": (5, 6),
}
DAY = 24 * 60
WEEK = 7 * DAY

SCHEDULE_EXAMPLE = "Mon-Fri 09:00-17:00; Sat 10:00-12:00"
DURATION_EXAMPLE = "4 h, 30 min, 1 business day"


class ScheduleError(ValueError):
    """A schedule or duration that cannot be read; the message says why."""


class Schedule(NamedTuple):
    """Weekly windows as sorted, merged (start, end) minutes from Monday 00:00."""

    windows: tuple[tuple[int, int], ...]

    @property
    def minutes(self) -> int:
        return sum(end - start for start, end in self.windows)

    @property
    def days(self) -> int:
        """How many weekdays the schedule touches (a daily check happens on these)."""
        touched = set()
        for start, end in self.windows:
            touched.update(range(start // DAY, (end - 1) // DAY + 1))
        return len(touched)

    def uncovered_by(self, other: Schedule) -> Schedule:
        """The parts of this schedule that `other` leaves open."""
        left: list[tuple[int, int]] = []
        for start, end in self.windows:
            cursor = start
            for o_start, o_end in other.windows:
                if o_end <= cursor or o_start >= end:
                    continue
                if o_start > cursor:
                    left.append((cursor, o_start))
                cursor = max(cursor, o_end)
                if cursor >= end:
                    break
            if cursor < end:
                left.append((cursor, end))
        return Schedule(tuple(left))

    def longest_gap(self) -> int:
        """Longest stretch in minutes with no window, wrapping Sunday into Monday."""
        if not self.windows:
            return WEEK
        gaps = [b[0] - a[1] for a, b in zip(self.windows, self.windows[1:])]
        gaps.append(self.windows[0][0] + WEEK - self.windows[-1][1])
        return max(gaps)

    def __or__(self, other: Schedule) -> Schedule:
        return Schedule(_merge(self.windows + other.windows))

    def __str__(self) -> str:
        return format_schedule(self)


def _merge(windows) -> tuple[tuple[int, int], ...]:
    merged: list[list[int]] = []
    for start, end in sorted(w for w in windows if w[1] > w[0]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((a, b) for a, b in merged)


_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$")


def _parse_time(text: str) -> int:
    match = _TIME.match(text.strip().lower())
    if not match:
        raise ScheduleError(f"{text.strip()!r} is not a time (use 09:00 or 9am)")
    hour, minute, half = int(match[1]), int(match[2] or 0), match[3]
    if half:
        if not 1 <= hour <= 12:
            raise ScheduleError(f"{text.strip()!r} is not a time")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if minute > 59 or hour > 24 or (hour == 24 and minute):
        raise ScheduleError(f"{text.strip()!r} is not a time")
    return hour * 60 + minute


def _parse_days(text: str) -> list[int]:
    text = text.strip().lower()
    if text in _DAY_GROUPS:
        return list(_DAY_GROUPS[text])
    days: list[int] = []
    for part in re.split(r"\s*[,/&]\s*|\s+and\s+", text):
        ends = re.split(r"\s*(?:-|–|to)\s*", part)
        try:
            if len(ends) == 1:
                days.append(_DAY_LOOKUP[ends[0]])
            elif len(ends) == 2:
                first, last = _DAY_LOOKUP[ends[0]], _DAY_LOOKUP[ends[1]]
                days.extend((first + i) % 7 for i in range((last - first) % 7 + 1))
            else:
                raise KeyError(part)
        except KeyError:
            raise ScheduleError(f"{part!r} is not a day or range of days (use Mon-Fri)") from None
    return days


_SEGMENT = re.compile(r"^(?P<days>[A-Za-z][A-Za-z ,/&\-–]*?)\s+(?P<times>\d.*)$")
_RANGE = re.compile(r"^(?P<start>[\d:.apm ]+?)\s*(?:-|–|to)\s*(?P<end>[\d:.apm ]+)$")


@lru_cache(maxsize=256)
def parse_schedule(text: str) -> Schedule:
    """Read "Mon-Fri 09:00-17:00; Sat 10:00-12:00" (also "24/7", "weekdays 9am-5pm")."""
    text = text.strip()
    if not text:
        raise ScheduleError("a schedule needs days and times, e.g. " + SCHEDULE_EXAMPLE)
    if text.lower() in {"24/7", "always", "all week"}:
        return Schedule(((0, WEEK),))
    windows: list[tuple[int, int]] = []
    for segment in re.split(r"\s*[;\n]\s*", text):
        if not segment:
            continue
        match = _SEGMENT.match(segment)
        if not match:
            raise ScheduleError(f"{segment!r} needs days then times, e.g. Mon-Fri 09:00-17:00")
        days = _parse_days(match["days"])
        for span in re.split(r"\s*,\s*", match["times"].lower()):
            times = _RANGE.match(span)
            if not times:
                raise ScheduleError(f"{span!r} is not a time range (use 09:00-17:00)")
            start, end = _parse_time(times["start"]), _parse_time(times["end"])
            if end == start:
                raise ScheduleError(f"{segment!r} starts and ends at the same time")
            for day in days:
                base = day * DAY
                if end > start:
                    windows.append((base + start, base + end))
                else:  # past midnight: runs into the next day, wrapping Sunday into Monday
                    windows.append((base + start, base + DAY))
                    nxt = (base + DAY) % WEEK
                    windows.append((nxt, nxt + end))
    return Schedule(_merge(windows))


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _day_span(days: list[int]) -> str:
    runs: list[list[int]] = []
    for day in days:
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{DAY_NAMES[run[0]]}-{DAY_NAMES[run[-1]]}")
        else:
            parts.extend(DAY_NAMES[d] for d in run)
    return ",".join(parts)


def format_schedule(schedule: Schedule) -> str:
    """The normalised text: days with the same hours grouped, in week order."""
    if schedule.windows == ((0, WEEK),):
        return "24/7"
    per_day: dict[int, list[tuple[int, int]]] = {}
    for start, end in schedule.windows:
        while start < end:
            day = start // DAY
            stop = min(end, (day + 1) * DAY)
            per_day.setdefault(day, []).append((start - day * DAY, stop - day * DAY))
            start = stop
    groups: dict[tuple, list[int]] = {}
    for day in sorted(per_day):
        groups.setdefault(tuple(per_day[day]), []).append(day)
    parts = []
    for hours, days in sorted(groups.items(), key=lambda item: item[1][0]):
        times = ",".join(f"{_clock(a)}-{_clock(b)}" for a, b in hours)
        parts.append(f"{_day_span(days)} {times}")
    return "; ".join(parts)


class Duration(NamedTuple):
    """A reply target: clock minutes, or business time counted only while monitored."""

    amount: float
    unit: str  # "min", "h", "business hours", "business days"

    @property
    def business(self) -> bool:
        return self.unit.startswith("business")

    @property
    def minutes(self) -> float:
        """Clock minutes for clock units; monitored minutes for business hours."""
        scale = {"min": 1, "h": 60, "business hours": 60, "business days": 8 * 60}[self.unit]
        return self.amount * scale

    def __str__(self) -> str:
        amount = f"{self.amount:g}"
        if self.unit in ("min", "h"):
            return f"{amount} {self.unit}"
        singular = self.unit[:-1] if self.amount == 1 else self.unit
        return f"{amount} {singular}"


_DURATION = re.compile(
    r"^(?P<amount>\d+(?:\.\d+)?)\s*(?P<business>business\s+|working\s+)?"
    r"(?P<unit>m|mins?|minutes?|h|hrs?|hours?|d|days?)$")


@lru_cache(maxsize=256)
def parse_duration(text: str) -> Duration:
    """Read "30 min", "4 h", "4 business hours", "2 business days", "next business day"."""
    cleaned = " ".join(text.strip().lower().split())
    if cleaned in {"next business day", "next working day"}:
        return Duration(1, "business days")
    match = _DURATION.match(cleaned)
    if not match:
        raise ScheduleError(f"{text.strip()!r} is not a time frame (use {DURATION_EXAMPLE})")
    amount, unit = float(match["amount"]), match["unit"][0]
    if amount <= 0:
        raise ScheduleError("a time frame must be more than zero")
    if match["business"]:
        return Duration(amount, "business days" if unit == "d" else "business hours")
    if unit == "d":
        return Duration(amount * 24, "h")
    return Duration(amount, "min" if unit == "m" else "h")


def describe_minutes(minutes: float) -> str:
    """Short human form for gaps: "64 h", "45 min"."""
    if minutes < 60:
        return f"{minutes:g} min"
    return f"{minutes / 60:g} h"
