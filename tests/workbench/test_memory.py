"""What the workbench keeps in memory: no module its first screen does not need,
and no widget it no longer shows."""

from __future__ import annotations

import gc
import shutil
import subprocess
import sys

from conftest import REPO, SAMPLES

from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp
from smgov_tui.tui.settling import FrameHold
from smgov_tui.tui.widgets.key_footer import KeyFooter

# The first step of the county sample, drawn at 80x24 as in a terminal; then the
# modules that step needed no part of.
FIRST_SCREEN = """
import asyncio, sys
from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp

async def main():
    app = SmgovApp(PlanStore(sys.argv[1]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        print(app.screen.step.key, "Suggested" in str(app.screen.query("SuggestedLine")[-1].render()))
        print(*sorted(m for m in sys.modules if m in sys.argv[2:]))

asyncio.run(main())
"""

LATER = ["hashlib", "smgov_tui.tui.widgets.matrix", "textual.widgets._radio_set",
         *(f"smgov_tui.core.suggestions.{step}" for step in ("organisation", "objectives", "resources", "response",
                                                             "platforms", "peers", "conduct", "safeguards", "launch")),
         # Issue 18: each of these was imported by the start and used by none of it.
         "smgov_tui.tui.widgets.own_words", "smgov_tui.storage.backup", "smgov_tui.storage.merge", "calendar",
         "smgov_tui.core.history", "smgov_tui.tui.palette", "smgov_tui.tui.notices"]


def test_the_first_step_loads_what_it_shows_and_nothing_more(tmp_path):
    """Another step's suggestions, the platforms' matrix editor,
    the export dialog's radio buttons and OpenSSL (hashlib, for a sign-off to
    check) wait until they are needed: each module is memory for the whole session,
    and time before the first frame. So do the own-words pick list, the backup and
    the merge, calendar, the history's readers, the command palette's commands and
    a toast's wording."""
    county = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county.json", county)
    done = subprocess.run([sys.executable, "-c", FIRST_SCREEN, str(county), *LATER], capture_output=True,
                          text=True, check=True, timeout=120, cwd=REPO)
    step, loaded = done.stdout.splitlines()
    assert step == "objectives True"  # its fields' suggestions shown
    assert loaded == "smgov_tui.core.suggestions.objectives"


CHECKED = """
import sys
from smgov_tui.core.readiness import checklist
from smgov_tui.storage.store import PlanStore
blockers = [item.id for item in checklist(PlanStore(sys.argv[1]).load()).blockers]
print("check.signoff" in blockers, "hashlib" in sys.modules)
"""


def checked(plan) -> str:
    return subprocess.run([sys.executable, "-c", CHECKED, str(plan)], capture_output=True, text=True,
                          check=True, timeout=60, cwd=REPO).stdout.strip()


def test_a_sign_off_is_still_checked_with_hashlib_loaded_for_it(tmp_path, smgov):
    county, signed = tmp_path / "county.json", tmp_path / "small-city.json"
    shutil.copy(SAMPLES / "county.json", county)
    shutil.copy(SAMPLES / "small-city.json", signed)
    assert checked(county) == "False False"  # nobody signed: nothing to check
    assert checked(signed) == "False True"  # its sign-off checked, and current
    smgov("set", signed, "objectives.frequency", "a few times a week")
    assert checked(signed) == "True True"  # changed since it was signed


# The footer draws its keys itself (KeyFooter): moving into a list of rows and back
# changes the keys it shows, and no widget is made, and kept, for any of them.
async def test_the_footer_shows_the_keys_bound_now_and_keeps_no_widget_per_key(tmp_path):
    path = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county.json", path)
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        shown = footer.render_line(0).text
        assert "Quit" in shown and "Add row" not in shown
        # Into a list of rows, whose keys (Add row...) the footer shows, and back.
        app.screen.focus_decision("objectives.measurable")
        await pilot.pause()
        await pilot.pause()
        assert "Add row" in footer.render_line(0).text
        app.screen.focus_decision("objectives.approach")
        await pilot.pause()
        await pilot.pause()
        assert footer.render_line(0).text == shown  # Quit, and the rest, shown again
        assert not footer.children


async def test_the_collector_paused_for_the_start_runs_again_once_the_step_is_drawn(tmp_path, monkeypatch):
    """The command line pauses the garbage collector for the start (cli.main): the
    workbench lets it run again after its first frame, for a session of any length,
    and not before (it walked the step's widgets as they were made)."""
    path = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county.json", path)
    collecting_when_drawn = []
    release = FrameHold.release

    def drawn(self) -> None:
        collecting_when_drawn.append(gc.isenabled())
        release(self)

    monkeypatch.setattr(FrameHold, "release", drawn)
    gc.disable()
    try:
        app = SmgovApp(PlanStore(path))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert collecting_when_drawn[:1] == [False]  # the step's frame drawn with it paused
            assert gc.isenabled()
    finally:
        gc.enable()
