"""A plan a git merge left with a decision changed on both branches (storage/merge.py):
the workbench opens on its conflict dialog with both values, and either choice saves the
decision and clears the mark, so `smgov check` no longer lists it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import asked_plan, until_asking

from smgov_tui.cli import main
from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp
from smgov_tui.tui.screens.conflict import ConflictScreen

NOW = "objectives.conversations_now"


@pytest.fixture
def merged(tmp_path) -> Path:
    """Ours says "Residents ask about parks", theirs "Residents ask about libraries"; merged
    as git's driver merges them (into ours, exit 1: a conflict)."""
    base = asked_plan(tmp_path / "base.json", "Shared plan")
    ours, theirs = tmp_path / "plan.json", tmp_path / "theirs.json"
    shutil.copy(base, ours)
    shutil.copy(base, theirs)
    PlanStore(ours).set(NOW, "Residents ask about parks", who="parks")
    PlanStore(theirs).set(NOW, "Residents ask about libraries", who="library")
    assert main(["merge-driver", str(base), str(ours), str(theirs), "plan.json"]) == 1
    return ours


def values_and_marks(plan: Path) -> tuple[dict, object]:
    data = json.loads(plan.read_text(encoding="utf-8"))
    return data["plan"]["1"]["values"], data["meta"]["1"].get("unresolved")


def dialog_text(app) -> tuple[str, str]:
    return (str(app.screen.query_one("#conflict-theirs Static").render()),
            str(app.screen.query_one("#conflict-mine Static").render()))


@pytest.mark.parametrize(("key", "chosen"), [("f3", "Residents ask about libraries"),
                                             ("f4", "Residents ask about parks")])
async def test_a_merged_plan_opens_on_both_values_and_a_choice_clears_the_mark(merged, key, chosen, capsys):
    assert values_and_marks(merged)[1] == [{"decision": NOW, "ours": "Residents ask about parks",
                                           "theirs": "Residents ask about libraries"}]
    app = SmgovApp(PlanStore(merged))
    async with app.run_test(size=(80, 24)) as pilot:
        await until_asking(pilot)
        assert isinstance(app.screen, ConflictScreen)
        assert dialog_text(app) == ("Residents ask about parks", "Residents ask about libraries")
        said = " ".join(str(app.screen.query_one(f"#{part}").render()) for part in ("conflict-title", "conflict-what"))
        assert said.startswith(" Changed on both branches of a merge  Conversations already happening was changed "
                               "differently on the two branches a git merge joined")
        assert "another session" not in said and "while you were editing" not in said
        assert any(item.id == f"merge.{NOW}" for item in app.checklist.blockers)
        await pilot.press(key)
        await pilot.pause()
        assert not app.screen.is_modal
        assert not any(item.id.startswith("merge.") for item in app.checklist.items)
        await pilot.press("ctrl+q")
    values, marks = values_and_marks(merged)
    assert (values[NOW], marks) == (chosen, None)
    capsys.readouterr()
    main(["check", str(merged), "--format", "json"])
    assert "merge." not in capsys.readouterr().out
