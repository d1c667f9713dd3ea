"""The export dialog offers the review-dates calendar (issue 15, point 4): chosen
with the keys, written only as .ics, and the documents' formats come back after."""

from __future__ import annotations

import shutil

import icalendar
from conftest import SAMPLES

from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp


async def until(pilot, holds) -> None:
    """Until the dialog shows it: a radio set updates by messages, a few refreshes on."""
    for _ in range(50):
        if holds():
            return
        await pilot.pause()
    assert holds()


def formats(screen) -> dict[str, tuple[bool, bool]]:
    """Each format: (chosen, can be chosen)."""
    return {b.name: (b.value, not b.disabled) for b in screen.query_one("#export-format").query("ChoiceButton")}


async def test_the_calendar_is_exported_from_the_dialog(tmp_path):
    path = tmp_path / "town.json"
    shutil.copy(SAMPLES / "small-city.json", path)
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        dialog = app.screen
        assert formats(dialog)["html"] == (True, True) and formats(dialog)["ics"] == (False, False)
        for _ in range(4):  # plan, conduct, comments, checklist, calendar
            await pilot.press("down")
        await until(pilot, lambda: formats(dialog) == {
            "md": (False, False), "html": (False, False), "json": (False, False), "docx": (False, False),
            "pdf": (False, False), "ics": (True, True)})
        assert "Writes town.calendar.ics beside the plan" in str(dialog.query_one("#export-target").render())
        await pilot.press("up")  # back to a document: its format comes back
        await until(pilot, lambda: formats(dialog)["html"] == (True, True) and formats(dialog)["ics"] == (False, False))
        await pilot.press("down", "enter")  # enter straight after the arrow: the calendar, as .ics
        await pilot.pause()
        assert app.screen is not dialog
    written = tmp_path / "town.calendar.ics"
    calendar = icalendar.Calendar.from_ical(written.read_bytes())
    assert len(list(calendar.walk("VEVENT"))) == 11  # with the recurring plan review


async def test_a_plan_with_no_date_says_why_in_the_dialog(tmp_path):
    from conftest import asked_plan

    path = asked_plan(tmp_path / "blank.json")
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        for _ in range(4):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        error = str(app.screen.query_one("#export-error").render())
        assert error.startswith("No calendar: the plan has no dated obligation yet")
    assert not (tmp_path / "blank.calendar.ics").exists()
