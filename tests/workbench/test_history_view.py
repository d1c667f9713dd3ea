"""The history view (ctrl+r): who changed what, when, from what to what, in the workbench."""

from __future__ import annotations

import datetime as _dt
import json
import os
import shutil
import time

import pytest
from conftest import SAMPLES
from textual.geometry import Region

from smgov_tui.core.history import local_time, row_change
from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp
from smgov_tui.tui.screens.history_view import HistoryScreen
from smgov_tui.tui.widgets.editors import editor_id

HOSTILE = "[@click=app.quit]x[/] \x1b[2J"


@pytest.fixture
def new_york():
    """Local time is the reader's: pin it so the times shown are known."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture
def county(tmp_path):
    """A copy of the county sample after three people's changes, at known times."""
    path = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county.json", path)
    store = PlanStore(path)
    store.set("response.tone", "casual and friendly", who="dana")
    store.set("resources.sponsor", HOSTILE, who="[b]lee[/b]")
    platforms = [dict(row) for row in store.load().values["platforms.chosen"]]
    platforms[0]["owner"] = "Lee Park"
    store.set("platforms.chosen", platforms, who="dana")
    data = json.loads(path.read_text())
    mine = sorted(data["history"], key=int)[-3:]
    for doc, when in zip(mine, ("2027-02-01T09:00:00Z", "2027-03-01T10:00:00Z", "2027-03-02T11:30:00Z")):
        data["history"][doc]["when"] = when
    path.write_text(json.dumps(data))
    return path


def table_rows(app) -> list[list[str]]:
    table = app.screen.query_one("#history-table")
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def drawn(app, selector: str) -> str:
    """What the widget draws on the terminal, line by line."""
    widget = app.screen.query_one(selector)
    return "\n".join(strip.text for strip in widget.render_lines(Region(0, 0, *widget.size)))


def detail(app) -> str:
    return str(app.screen.query_one("#history-detail-text").render())


async def open_history(pilot, app, step: str) -> None:
    app.show_step(step)
    await pilot.pause()
    await pilot.press("ctrl+r")
    await pilot.pause()
    assert isinstance(app.screen, HistoryScreen)


async def test_history_lists_changes_newest_first_and_shows_plan_text_literally(county, new_york):
    app = SmgovApp(PlanStore(county))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot, app, "objectives")
        rows = table_rows(app)
        total = len(PlanStore(county).history())
        assert len(rows) == total > 3
        assert f"{total} changes, newest first" in str(app.screen.query_one("#history-title").render())
        assert rows[0] == ["2027-03-02", "dana", "4 Platforms we will…", "3 platforms", "Facebook: owner"]
        assert rows[1][:3] == ["2027-03-01", "[b]lee[…", "2 Leadership sponsor"]  # clipped, not bold
        assert rows[1][3].startswith("Ruth Delgado") and rows[1][4].startswith("[@click=app.qu")
        assert rows[2][1:] == ["dana", "3 Tone of voice", "formal and in…", "casual and fri…"]
        screen = drawn(app, "#history-table")
        assert " 2027-03-01   [b]lee[…  2 Leadership sponsor  Ruth Delgado,…  [@click=app.qu…" in screen

        await pilot.press("down", "enter")  # the hostile change, in full
        text = detail(app)
        assert "2 Leadership sponsor  resources.sponsor" in text
        assert "2027-03-01 05:00:00 EST  by [b]lee[/b]" in text
        assert "From: Ruth Delgado, County Administrator" in text
        assert "To:   [@click=app.quit]x[/] \\x1b[2J" in text and "\x1b" not in text
        assert "To:   [@click=app.quit]x[/] \\x1b[2J" in drawn(app, "#history-detail-text")
        await pilot.press("up")  # the pane follows the cursor: a list decision's rows in full
        text = detail(app)
        assert "Rows: Facebook: owner" in text and "Owner: Lee Park" in text and "Owner: Priya Nair" in text
        assert app.is_running and isinstance(app.screen, HistoryScreen)

        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.name == "objectives"


async def test_filter_as_you_type_and_since_narrow_the_rows(county, new_york):
    app = SmgovApp(PlanStore(county))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot, app, "objectives")
        await pilot.press("slash", *"dana")
        assert [row[2] for row in table_rows(app)] == ["4 Platforms we will…", "3 Tone of voice"]
        await pilot.press(*" ton")  # every word must match: person and decision
        assert [row[2] for row in table_rows(app)] == ["3 Tone of voice"]
        await pilot.press("ctrl+u", *"safeg")  # a step's key narrows to its changes
        assert {row[2][0] for row in table_rows(app)} == {"7"}

        await pilot.press("ctrl+u", "tab", *"2027-03-01")
        assert [row[0] for row in table_rows(app)] == ["2027-03-02", "2027-03-01"]
        await pilot.press("backspace")  # half a date: not applied, and said so
        assert len(table_rows(app)) > 3
        assert "since: type a date as YYYY-MM-DD" in str(app.screen.query_one("#history-title").render())
        await pilot.press(*"9")  # 2027-03-09: nothing since
        assert table_rows(app) == [["", "", "No changes match.", "", ""]]


async def test_this_decision_only_follows_other_sessions_and_goes_to_the_decision(county, new_york,
                                                                                 monkeypatch):
    monkeypatch.setattr(HistoryScreen, "POLL", 0.05)
    app = SmgovApp(PlanStore(county))
    async with app.run_test(size=(80, 24)) as pilot:
        app.goto("response.tone")
        await pilot.pause()
        await open_history(pilot, app, "response")
        await pilot.press("o")
        assert [row[4] for row in table_rows(app)] == ["casual and fri…", "formal and inf…"]
        assert "only Tone of voice" in str(app.screen.query_one("#history-title").render())

        PlanStore(county).set("response.tone", "formal and informative", who="sam")  # another session
        await pilot.pause(0.2)
        assert [row[1] for row in table_rows(app)] == ["sam", "dana", "pnair"]

        await pilot.press("o", "down", "down")  # all again: sam, dana, then the hostile sponsor change
        await pilot.press("g")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.name == "resources"
        assert app.focused is not None and app.focused.id == editor_id("resources.sponsor")
        assert app.is_running


def test_row_change_and_local_time(new_york):
    old = [{"platform": "Facebook", "owner": "Dana"}, {"platform": "X", "owner": "Lee"}]
    assert row_change("platforms.chosen", old, old[::-1]) == "reordered"
    assert row_change("platforms.chosen", old, [old[0], {"platform": "Nextdoor"}]) == "+ Nextdoor; - X"
    assert row_change("response.tone", "a", "b") == ""
    now = _dt.datetime(2027, 6, 1, tzinfo=_dt.UTC)
    assert local_time("2027-03-02T11:30:00Z", now) == ("03-02 06:30", "2027-03-02 06:30:00 EST")
    assert local_time("2026-12-31T23:30:00Z", now)[0] == "2026-12-31"
