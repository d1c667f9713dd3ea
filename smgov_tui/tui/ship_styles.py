"""`python -m smgov_tui.tui.ship_styles`: the parses smgov ships for a very first
start (stylecache.py), made again after a stylesheet changed (a test says when).
Apart from stylecache, which the app imports, as this starts the app."""

from __future__ import annotations

import asyncio
import os
import pickle
import shutil
import tempfile
from pathlib import Path

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.storage.samples import sample_path
from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp
from smgov_tui.tui.compat import stylesheet_variables
from smgov_tui.tui.stylecache import SHIPPED, shipped_entries, shipped_stamp
from smgov_tui.tui.stylesheets import styles_dir


async def make_shipped() -> bytes:
    """The shipped file's contents: what the workbench parses started headless at
    80x24 on no plan (the welcome) and on the county sample, through every step,
    in Textual's default theme (the one a start picks its parses for)."""
    theme = os.environ.get("SMGOV_THEME")
    os.environ["SMGOV_THEME"] = "textual-dark"  # whatever this terminal is: the default theme's colours
    try:
        entries, stamp = await _parsed_at_start()
    finally:
        if theme is None:
            del os.environ["SMGOV_THEME"]
        else:
            os.environ["SMGOV_THEME"] = theme
    return pickle.dumps({"stamp": stamp, "entries": entries}, protocol=pickle.HIGHEST_PROTOCOL)


async def _parsed_at_start() -> tuple[dict, str]:
    entries: dict = {}
    stamps = set()
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "county.json"
        shutil.copy(sample_path("county"), plan)
        for app, steps in ((SmgovApp(None, welcome_path=Path(folder) / "new.json"), ()),
                           (SmgovApp(PlanStore(plan)), CATALOGUE.steps)):
            stamps.add(shipped_stamp(stylesheet_variables(app.stylesheet)))  # what a start compares
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                for step in steps:
                    app.show_step(step.key)
                    while not (app.screen.id == f"step-{step.key}" and app.screen.is_mounted
                               and not app.screen.incomplete):  # every field mounted, however busy the machine
                        await pilot.pause(0.05)
                    await pilot.pause()
                entries.update(shipped_entries(app.stylesheet))
                stamps.add(shipped_stamp(stylesheet_variables(app.stylesheet)))
    (stamp,) = stamps  # one theme's colours throughout, or the parses would not go together
    return entries, stamp


if __name__ == "__main__":
    data = asyncio.run(make_shipped())
    (styles_dir() / SHIPPED).write_bytes(data)
    print(f"styles/{SHIPPED}: {len(pickle.loads(data)['entries'])} parses, {len(data):,} bytes")
