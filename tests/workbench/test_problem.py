"""`smgov PLAN` on a file it cannot open: the workbench says why, not a crash.

Each bad file goes through the command line's own path (`main([PLAN])`), with
the app run headless at 80x24 and driven by Pilot. The screen names the
problem in one line and offers a way on; quitting prints that line and exits
2; the file (or folder) is left byte-for-byte as it was.
"""

from __future__ import annotations

import errno
import json
import os
import re
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from smgov_tui.cli import main
from smgov_tui.storage import store as store_module
from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp
from smgov_tui.tui.screens.problem import ProblemScreen

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "county.json"
SIZE = (80, 24)


def newer_schema(path: Path) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["meta"]["1"]["schema"] = 99
    path.write_text(json.dumps(data), encoding="utf-8")


def fifty_megabytes(path: Path) -> None:
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: as large as that to smgov, nothing on disk


BAD_FILES = {
    "empty": (lambda p: p.write_bytes(b""), "is empty"),
    "truncated": (lambda p: p.write_bytes(SAMPLE.read_bytes()[:700]), "not valid JSON"),
    "NUL bytes": (lambda p: p.write_bytes(b"\0" * 300), "not a smgov plan"),
    "not JSON": (lambda p: p.write_bytes(b"plan: yes\n[markup]x[/] \x1b[2J"), "not valid JSON"),
    "JSON, not a plan": (lambda p: p.write_text('{"tables": []}'), "not a smgov plan"),
    "newer schema": (newer_schema, "newer smgov"),
    "a folder": (lambda p: p.mkdir(), "is a folder"),
    "50 MB": (fifty_megabytes, "too large"),
}


def listing(folder: Path) -> dict[str, bytes | None]:
    return {p.name: (p.read_bytes() if p.is_file() else None) for p in sorted(folder.iterdir())}


def drive(monkeypatch, steps) -> list[str]:
    """Run the app the command line starts headless, with `steps(pilot, app)`; return what showed."""
    seen: list[str] = []
    run = SmgovApp.run

    def headless_run(app, **kwargs):
        async def autopilot(pilot):
            await pilot.pause()
            seen.append(screen_text(app))
            await steps(pilot, app)

        return run(app, headless=True, size=SIZE, auto_pilot=autopilot)

    monkeypatch.setattr(SmgovApp, "run", headless_run)
    # A driver named, as `smgov serve` names its web driver: the workbench draws on no terminal.
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.headless_driver:HeadlessDriver")
    return seen


def screen_text(app) -> str:
    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


def smgov_exit(*args) -> int:
    try:
        return main([str(a) for a in args])
    except SystemExit as exit_:
        return exit_.code


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_file_opens_on_a_screen_that_says_why_and_leaves_it_alone(case, tmp_path, monkeypatch, capsys):
    make, says = BAD_FILES[case]
    path = tmp_path / "plan.json"
    make(path)
    before = listing(tmp_path)

    async def quit_(pilot, app):
        assert isinstance(app.screen, ProblemScreen)
        choices = app.screen.query_one(OptionList)
        assert [choices.get_option_at_index(i).id for i in range(choices.option_count)] == ["open", "new", "quit"]
        await pilot.press("ctrl+q")

    seen = drive(monkeypatch, quit_)
    code = smgov_exit(path)
    assert code == 2
    reason = seen[0]
    assert "smgov cannot open this plan" in reason and says in reason
    err = capsys.readouterr().err
    assert err.startswith("smgov: error: ") and says in err and err.count("\n") == 1
    assert listing(tmp_path) == before


def test_no_read_permission(tmp_path, monkeypatch, capsys):
    """Simulated: the tests run as root, whom permissions do not stop."""
    path = tmp_path / "plan.json"
    assert main(["new", str(path)]) == 0
    before = listing(tmp_path)
    real_open = os.open

    def refusing_open(name, flags, *args, **kwargs):
        if Path(name) == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real_open(name, flags, *args, **kwargs)

    monkeypatch.setattr(store_module.os, "open", refusing_open)

    async def quit_by_option(pilot, app):
        await pilot.press("down", "down", "enter")  # Quit, by keyboard
        await pilot.pause()

    seen = drive(monkeypatch, quit_by_option)
    assert smgov_exit(path) == 2
    assert "permission denied" in seen[0]
    assert "permission denied" in capsys.readouterr().err
    assert listing(tmp_path) == before


def test_a_missing_folder(tmp_path, monkeypatch):
    path = tmp_path / "nowhere" / "plan.json"
    seen = drive(monkeypatch, lambda pilot, app: pilot.press("ctrl+q"))
    assert smgov_exit(path) == 2
    assert "does not exist" in seen[0]
    assert list(tmp_path.iterdir()) == []


def test_plan_text_in_the_reason_is_shown_literally(tmp_path, monkeypatch):
    path = tmp_path / "[bold red]x[@click=app.quit]y.json"
    path.write_bytes(b"")
    seen = drive(monkeypatch, lambda pilot, app: pilot.press("ctrl+q"))
    assert smgov_exit(path) == 2
    assert "[bold red]x[@click=app.quit]y.json is empty" in seen[0]


def test_restore_brings_back_the_last_good_version(tmp_path, monkeypatch):
    path = tmp_path / "plan.json"
    assert main(["new", str(path), "--sample", "county"]) == 0
    PlanStore(path).set("objectives.languages", "English, Tagalog", who="dana")  # leaves a backup
    good = path.read_bytes()
    damaged = good[: len(good) // 3]
    path.write_bytes(damaged)

    async def restore(pilot, app):
        choices = app.screen.query_one(OptionList)
        assert choices.get_option_at_index(0).id == "restore"
        assert "Restore the last good version" in str(choices.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert app.plan.get("objectives.languages") == "English, Tagalog"
        assert app.screen.id == "step-" + app.step_key
        await pilot.press("ctrl+q")

    drive(monkeypatch, restore)
    assert smgov_exit(path) == 0
    assert path.read_bytes() == good
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("plan.json.replaced-")]
    assert [p.read_bytes() for p in kept] == [damaged]


def test_open_another_file_instead(tmp_path, monkeypatch):
    bad, good = tmp_path / "bad.json", tmp_path / "good.json"
    bad.write_bytes(b"{")
    assert main(["new", str(good), "--name", "The good one"]) == 0

    async def open_other(pilot, app):
        await pilot.press("enter")  # Open another plan file
        await pilot.press(*str(good))
        await pilot.press("enter")
        await pilot.pause()
        assert app.plan.title == "The good one"
        await pilot.press("ctrl+q")

    drive(monkeypatch, open_other)
    assert smgov_exit(bad) == 0
    assert bad.read_bytes() == b"{"


def test_start_a_new_plan_at_another_path(tmp_path, monkeypatch):
    bad = tmp_path / "plan.json"
    bad.write_bytes(b"")

    async def start_new(pilot, app):
        await pilot.press("down", "enter")  # Start a new plan at another path
        field = app.screen.query_one("#problem-path")
        assert field.value == str(tmp_path / "plan-new.json")  # offered, free
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.id == "welcome"
        await pilot.press("enter")  # Start a blank plan
        await pilot.pause()
        await pilot.press("ctrl+q")

    drive(monkeypatch, start_new)
    assert smgov_exit(bad) == 0
    assert bad.read_bytes() == b""
    assert PlanStore(tmp_path / "plan-new.json").load().values == {}


async def test_a_plan_others_can_write_warns_on_open(tmp_path):
    path = tmp_path / "[bold]shared.json"
    assert main(["new", str(path)]) == 0
    path.chmod(0o666)
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # A toast breaks a long path only after a separator (tui/notices.py): read as one line.
        notes = [re.sub(r"(?<=[/._-])\n", "", str(n.message)).replace("\n", " ") for n in app._notifications]
        assert any(f"{path} is writable by other users (mode 0666)" in note for note in notes), notes
        await pilot.press("ctrl+q")
    path.chmod(0o600)
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not [n for n in app._notifications if "writable" in str(n.message)]
        await pilot.press("ctrl+q")
