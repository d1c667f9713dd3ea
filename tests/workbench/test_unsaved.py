"""Quitting never hides a failed save, and a dialog that asks takes no key typed before it.

The disk is made to refuse every write (the plan's atomic write raises ENOSPC,
as on a full filesystem: tests/terminal/test_full_disk.py does it for real on
a tmpfs). ctrl+q then keeps the workbench open on a dialog that says why, and
each way on is checked for what lands in the plan, in another file, and on
the command line's last line.
"""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest
from conftest import asked_plan, settle, until_asking
from textual import events
from textual.widgets import OptionList, Static

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.storage import plan_storage
from smgov_tui.storage.store import PlanStore
from smgov_tui.tui import workbench as workbench_module
from smgov_tui.tui.app import SmgovApp
from smgov_tui.tui.screens.unsaved import UnsavedScreen

SIZE = (80, 24)
NOW = "objectives.conversations_now"  # where a blank plan opens, cursor in it
TYPED = "Residents ask about bin days"


@pytest.fixture
def plan(tmp_path) -> Path:
    return asked_plan(tmp_path / "plan.json", "Test plan")  # opens on the objectives


class Disk:
    """The plan's disk: full (every atomic write fails with ENOSPC) until freed."""

    def __init__(self, monkeypatch) -> None:
        self.full = False
        real = plan_storage.write_atomically

        def write(*args, **kwargs):
            if self.full:
                raise OSError(errno.ENOSPC, "No space left on device")
            return real(*args, **kwargs)

        monkeypatch.setattr(plan_storage, "write_atomically", write)


@pytest.fixture
def disk(monkeypatch) -> Disk:
    return Disk(monkeypatch)


def values(plan: Path) -> dict:
    return json.loads(plan.read_text(encoding="utf-8"))["plan"]["1"]["values"]


def dialog_text(app: SmgovApp) -> str:
    return "\n".join(str(s.render()) for s in app.screen.query(Static)) + "\n" + "\n".join(
        str(option.prompt) for option in app.screen.query_one(OptionList).options)


async def typed_on_a_full_disk(pilot, disk: Disk, plan: Path) -> bytes:
    """Text typed and left to its save pause, which fails; then ctrl+q."""
    before = plan.read_bytes()
    disk.full = True
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(workbench_module, "SAVE_PAUSE", 3600.0)
        await pilot.press(*[{" ": "space"}.get(c, c) for c in TYPED])
    pilot.app.flush()  # the pause's save
    await settle(pilot)
    assert pilot.app.save_state == "NOT SAVED"
    await pilot.press("ctrl+q")
    await until_asking(pilot)
    assert isinstance(pilot.app.screen, UnsavedScreen)
    return before


async def test_quit_on_a_full_disk_stays_open_and_says_why(plan, disk):
    app = SmgovApp(PlanStore(plan))
    async with app.run_test(size=SIZE) as pilot:
        before = await typed_on_a_full_disk(pilot, disk, plan)
        text = dialog_text(app)
        label = CATALOGUE.get(NOW).label
        assert f"1 change not saved to {plan}:" in text
        assert f"• {label}: cannot save {plan}: No space left on device" in text
        for choice in ("Retry saving (r)", "Save the plan with my changes to another file… (s)",
                       "Quit without saving: 1 change lost (ctrl+q/f10)", "Back to the plan (esc)"):
            assert choice in text
        assert app.is_running and plan.read_bytes() == before
        await pilot.press("escape")  # back to the plan: nothing lost, still pending
        await settle(pilot)
        assert not app.screen.is_modal and app.pending == {NOW: TYPED}
        disk.full = False
        await pilot.press("ctrl+q")
    assert app.return_code == 0 and values(plan) == {NOW: TYPED}


async def test_a_forced_quit_says_what_is_lost_and_exits_2(plan, disk):
    app = SmgovApp(PlanStore(plan))
    async with app.run_test(size=SIZE) as pilot:
        before = await typed_on_a_full_disk(pilot, disk, plan)
        await pilot.press("ctrl+q")  # again, in the dialog: quit without saving
    assert app.return_code == 2
    assert app.leave_message == f"1 change NOT saved to {plan}: {CATALOGUE.get(NOW).label}"
    assert app.leave_details == [f"  {CATALOGUE.get(NOW).label}: {TYPED}"]  # the text, still on screen
    disk.full = False  # nothing more was written on the way out, even with room again
    assert plan.read_bytes() == before


async def test_retry_saves_once_there_is_room_and_quits(plan, disk):
    app = SmgovApp(PlanStore(plan))
    async with app.run_test(size=SIZE) as pilot:
        await typed_on_a_full_disk(pilot, disk, plan)
        await pilot.press("r")  # still full: the dialog stays and says so
        await settle(pilot)
        assert isinstance(app.screen, UnsavedScreen) and app.is_running
        disk.full = False
        await pilot.press("r")
    assert app.return_code == 0 and app.leave_message is None
    assert values(plan) == {NOW: TYPED}


async def test_save_elsewhere_writes_the_whole_plan_with_the_changes(plan, disk, tmp_path):
    PlanStore(plan).set("objectives.languages", "English, Spanish", who="lee")
    app = SmgovApp(PlanStore(plan))
    elsewhere = tmp_path / "kept" / "rescued.json"
    elsewhere.parent.mkdir()
    async with app.run_test(size=SIZE) as pilot:
        before = await typed_on_a_full_disk(pilot, disk, plan)
        await pilot.press("s")
        await settle(pilot)
        field = app.screen.query_one("#unsaved-path")
        assert field.has_focus and field.value.startswith(str(Path.home() / "plan-unsaved-"))
        field.value = str(plan)  # a file that exists is never overwritten: said, and stays open
        await pilot.press("enter")
        await settle(pilot)
        assert "already exists" in str(app.screen.query_one("#unsaved-error").render())
        field.value = str(elsewhere)
        disk.full = False  # the other disk has room
        await pilot.press("enter")
    assert app.return_code == 0
    assert app.leave_message == f"1 change not saved to {plan}; the whole plan with them is in {elsewhere}"
    assert values(elsewhere) == {NOW: TYPED, "objectives.languages": "English, Spanish"}
    assert plan.read_bytes() == before  # the plan itself is left as it was


async def test_a_dialog_that_asks_takes_no_key_typed_before_it_was_drawn(plan, disk):
    """ctrl+q pressed twice in a burst: the second came before the dialog could be
    read, so it is not the dialog's "quit without saving"; pressed again later, it is."""
    app = SmgovApp(PlanStore(plan))
    async with app.run_test(size=SIZE) as pilot:
        disk.full = True
        await pilot.press("M")
        app.flush()
        # One burst, as from a fast typist or a slow link: every key is typed (stamped)
        # before the first has even opened the dialog, however busy the machine.
        for key, character in (("ctrl+q", None), ("ctrl+q", None), ("r", "r"), ("escape", None)):
            app.post_message(events.Key(key, character))
        await settle(pilot)
        assert isinstance(app.screen, UnsavedScreen) and app.is_running
        await until_asking(pilot)
        await pilot.press("ctrl+q")
    assert app.return_code == 2


async def test_a_read_only_plan_says_so_when_it_opens_and_is_never_rewritten(plan):
    plan.chmod(0o444)
    before = plan.read_bytes()
    app = SmgovApp(PlanStore(plan))
    notes: list[str] = []
    notify = app.notify
    app.notify = lambda message, *a, **k: (notes.append(str(message)), notify(message, *a, **k))[1]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert f"{plan}: it is read-only (mode 0444); chmod u+w {plan} to edit it; until then nothing " \
               "you change can be saved" in notes
        await pilot.press("M")
        app.flush()
        await pilot.press("ctrl+q")
        await until_asking(pilot)
        assert f"cannot save {plan}: it is read-only (mode 0444)" in dialog_text(app)
        await pilot.press("ctrl+q")
    assert app.return_code == 2 and plan.read_bytes() == before
    assert plan.stat().st_mode & 0o777 == 0o444
