"""Issue 15's scene: sign off, add Instagram, and the sign-off no longer counts
until it is signed again (the check, the launch step, the code of conduct)."""

from __future__ import annotations

import json
import re
import shutil

from conftest import SAMPLES, settle

from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp

TOM = ("Tom Reyes", "Communications Director")


async def sign_off_in_the_workbench(path, date: str) -> str:
    """Tom signs on the launch step at 80x24; returns what the step said before he signed."""
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_step("launch")
        await settle(pilot)
        screen = app.screen
        shown = str(screen.query_one("#signoffs").render())
        for field, value in zip(("name", "role", "date"), (*TOM, date)):
            screen.query_one(f"#signoff-{field}").value = value
        button = screen.query_one("#signoff-button")
        assert not button.disabled
        button.press()
        await settle(pilot)
        assert "Sign-off recorded" in str(screen.query_one("#signoff-message").render())
        await pilot.press("ctrl+q")
    return shown


async def test_a_sign_off_then_a_new_platform_is_out_of_date_until_signed_again(tmp_path, smgov):
    path = tmp_path / "small-city.json"
    shutil.copy(SAMPLES / "small-city.json", path)
    store = PlanStore(path)
    platforms = store.load().rows("platforms.chosen")
    instagram = next(row for row in platforms if row["platform"] == "Instagram")
    store.set("platforms.chosen", [row for row in platforms if row is not instagram])
    goals = [{**goal, "platforms": ", ".join(name for name in goal.get("platforms", "").split(", ")
                                             if name != "Instagram")}
             for goal in store.load().rows("resources.ranked_goals")]
    store.set("resources.ranked_goals", goals)  # no goal reached through a platform we dropped
    store.set("launch.signoff", None)
    assert smgov("check", path).code == 0

    await sign_off_in_the_workbench(path, "2026-12-04")
    assert smgov("check", path).code == 0
    assert "Approved by Tom Reyes" in smgov("export", path, "--doc", "conduct", "--format", "md").out

    added = smgov("set", path, "platforms.chosen", json.dumps([*store.load().rows("platforms.chosen"), instagram]))
    assert added.code == 0, added.err
    checked = smgov("check", path)
    assert checked.code == 1
    assert "Sign-off out of date: 1 decision changed since (Platforms we will run)" in " ".join(checked.out.split())

    conduct = smgov("export", path, "--doc", "conduct", "--format", "md").out
    history = re.search(r"## Revision history\n(.*?)\n## ", conduct, re.S)[1]  # what each version was
    assert re.search(r"\| 1 +\| 2026-12-04 \| First approved version +\| Tom Reyes", history)
    assert re.search(r"\| Draft +\| +\| Changed: Platforms we will run +\| Not yet approved", history)
    assert "approved by" not in conduct.replace(history, "").lower().replace(
        "approved by tom reyes (communications director) on 2026-12-04; changed since", "")
    assert ("Approved by Tom Reyes (Communications Director) on 2026-12-04; changed since (1 decision): "
            "not approved as it stands.") in " ".join(conduct.split())

    before = await sign_off_in_the_workbench(path, "2026-12-05")
    assert before == ("Signed off by Tom Reyes (Communications Director) on 2026-12-04 — out of date: "
                      "1 decision changed since (Platforms we will run)")
    assert smgov("check", path).code == 0
    rows = PlanStore(path).load().rows("launch.signoff")
    assert [(row["name"], row["date"]) for row in rows] == [("Tom Reyes", "2026-12-04"), ("Tom Reyes", "2026-12-05")]
    assert rows[1]["revision"] > rows[0]["revision"]
    assert [entry["decision"] for entry in PlanStore(path).history()].count("launch.signoff") >= 3
    conduct = smgov("export", path, "--doc", "conduct", "--format", "md").out
    assert "Approved by Tom Reyes (Communications Director) on 2026-12-05." in " ".join(conduct.split())
