"""What the workbench keeps in memory: no module its first screen does not need,
and no widget it no longer shows."""

from __future__ import annotations

import gc
import shutil
import subprocess
import sys
import weakref

from conftest import REPO, SAMPLES
from textual.widgets import Footer

from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp


OPENED = """
import sys
from smgov_tui.core.readiness import checklist
from smgov_tui.storage.store import PlanStore
import smgov_tui.tui.app, smgov_tui.tui.screens.step
blockers = [item.id for item in checklist(PlanStore(sys.argv[1]).load()).blockers]
print("check.signoff" in blockers, "hashlib" in sys.modules)
"""


def opened(plan) -> str:
    return subprocess.run([sys.executable, "-c", OPENED, str(plan)], capture_output=True, text=True,
                          check=True, timeout=60, cwd=REPO).stdout.strip()


def test_a_plan_nobody_signed_opens_without_hashlib(tmp_path, smgov):
    """hashlib loads OpenSSL (0.65 MB): only a sign-off to check needs it."""
    county, signed = tmp_path / "county.json", tmp_path / "small-city.json"
    shutil.copy(SAMPLES / "county.json", county)
    shutil.copy(SAMPLES / "small-city.json", signed)
    assert opened(county) == "False False"
    assert opened(signed) == "False True"  # its sign-off checked, and current
    smgov("set", signed, "objectives.frequency", "a few times a week")
    assert opened(signed) == "True True"  # changed since it was signed


# The footer composes its keys again each time the keys bound change (the focus
# moving into the checklist and back): the keys it composed before are let go,
# not kept for the rest of the session (widgets/footer.py).
async def test_keys_the_footer_no_longer_shows_are_let_go(tmp_path):
    path = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county.json", path)
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = app.screen.query(Footer).first()
        shown = [weakref.ref(key) for key in footer.children]
        assert shown
        await pilot.press("ctrl+l")  # into the checklist, and back to the form
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert not any(key() in footer.children for key in shown)  # composed again since
        assert "Quit" in footer.query("FooterKey").first().render().plain  # and still shown
        gc.collect()
        assert [key() for key in shown if key() is not None] == []
