"""Snapshot tests: what the workbench looks like, screen by screen.

Each test renders the app headless at a fixed terminal size and compares the
SVG screenshot with the one accepted in tests/workbench/__snapshots__/. Regenerate
after an intended change with `pytest tests/workbench/test_snapshots.py --snapshot-update`
and look at every changed SVG before committing it.

Everything that could change from run to run is frozen: plans are copies in
a temporary folder (only the plan's name is shown, never its path), the
sign-off date and the theme are pinned, text cursors do not blink, nothing is
typed (so the save indicator reads "all saved"), and the welcome screen is given
a relative path. Nor does a screenshot race the app: each step of a test, and
the screenshot, waits until the app has settled (conftest.settle), as a step's
scroll to its field comes two refreshes after it shows.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import settle

from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import STEP_KEYS, SmgovApp
from smgov_tui.tui.screens import launch as launch_screen
from smgov_tui.core import readiness

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"

NARROW = (80, 24)
WIDE = (120, 40)


@pytest.fixture(autouse=True)
def frozen(monkeypatch, tmp_path, steady_cursor):
    """A fixed sign-off date and theme, a steady cursor, and a working folder outside the repository."""
    monkeypatch.setattr(launch_screen, "today", lambda: "2027-01-15")
    monkeypatch.setattr(readiness, "judged_today", lambda: date(2027, 1, 15))
    monkeypatch.setenv("SMGOV_THEME", "textual-dark")  # not picked from TERM/COLORTERM
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def snap_compare(snap_compare):
    """The plugin's snap_compare, each key and the screenshot taken once the app has
    settled: the plugin's own pauses wait for a quiet CPU, which a loaded machine
    gives before the app is done."""

    def compare(app, press=(), run_before=None, **kwargs) -> bool:
        async def settled(pilot) -> None:
            await settle(pilot)
            if run_before is not None:
                await run_before(pilot)
                await settle(pilot)
            for key in press:
                await pilot.press(key)
                await settle(pilot)

        return snap_compare(app, run_before=settled, **kwargs)

    return compare


def sample_copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / f"{name}.json"
    shutil.copyfile(SAMPLES / f"{name}.json", target)
    return target


def county_app(tmp_path: Path) -> SmgovApp:
    return SmgovApp(PlanStore(sample_copy(tmp_path, "county")))


def on_step(key: str, decision_id: str | None = None):
    """A run_before that shows a step (and optionally focuses one decision)."""

    async def run_before(pilot) -> None:
        pilot.app.show_step(key)
        await settle(pilot)
        if decision_id is not None:
            assert pilot.app.screen.focus_decision(decision_id)
            await settle(pilot)

    return run_before


# the welcome screen


def test_welcome(snap_compare, tmp_path):
    """First run: blank plan, the three samples, or open a file; the plan path is shown."""
    app = SmgovApp(None, welcome_path=Path("plan.json"))
    assert snap_compare(app, terminal_size=NARROW)
    assert not (tmp_path / "plan.json").exists()


# every step of the county sample (half-way through) at 80x24


@pytest.mark.parametrize("key", STEP_KEYS)
def test_county_step(snap_compare, tmp_path, key):
    """One step of Kettle County's draft plan on a small terminal."""
    assert snap_compare(county_app(tmp_path), terminal_size=NARROW, run_before=on_step(key))


def test_county_steps_by_ctrl_n(snap_compare, tmp_path):
    """ctrl+n from the first step three times lands on step 4 (platforms)."""
    assert snap_compare(county_app(tmp_path), terminal_size=NARROW,
                        run_before=on_step("objectives"), press=["ctrl+n"] * 3)


def test_launch_ready(snap_compare, tmp_path):
    """A launch-ready plan not yet signed off, at the top of the step: the READY verdict."""
    path = sample_copy(tmp_path, "small-city")
    PlanStore(path).set("launch.signoff", None)
    app = SmgovApp(PlanStore(path))

    async def run_before(pilot) -> None:
        await on_step("launch")(pilot)
        await pilot.pause()  # the sign-off form takes focus and scrolls into view first
        pilot.app.screen.query_one("#form").scroll_home(animate=False)
        await pilot.pause()

    assert snap_compare(app, terminal_size=NARROW, run_before=run_before)


def test_launch_ready_signoff(snap_compare, tmp_path):
    """The same plan scrolled to the end: the sign-off form with its button enabled."""
    path = sample_copy(tmp_path, "small-city")
    PlanStore(path).set("launch.signoff", None)
    app = SmgovApp(PlanStore(path))

    async def run_before(pilot) -> None:
        await on_step("launch")(pilot)
        pilot.app.screen.query_one("#form").scroll_end(animate=False)
        await pilot.pause()

    assert snap_compare(app, terminal_size=NARROW, run_before=run_before)


def test_county_launch_readiness(snap_compare, tmp_path):
    """County's launch step scrolled to the verdict, readiness per step and open items."""

    async def run_before(pilot) -> None:
        await on_step("launch")(pilot)
        pilot.app.screen.query_one("#verdict").scroll_visible(top=True, animate=False)
        await pilot.pause()

    assert snap_compare(county_app(tmp_path), terminal_size=NARROW, run_before=run_before)


def test_blank_plan(snap_compare, tmp_path):
    """A new plan opens on the Organisation screen (before the eight steps), its name field focused."""
    store = PlanStore.create(tmp_path / "plan.json", "Test plan")
    assert snap_compare(SmgovApp(store), terminal_size=NARROW)


# dialogs


def test_row_form(snap_compare, tmp_path):
    """enter on a chosen platform opens its row in a form."""
    assert snap_compare(county_app(tmp_path), terminal_size=NARROW,
                        run_before=on_step("platforms", "platforms.chosen"), press=["enter"])


def test_own_words_prompt(snap_compare, tmp_path):
    """Other on the county's tone: the prompt for its own words, the choices it replaces above."""
    assert snap_compare(county_app(tmp_path), terminal_size=NARROW,
                        run_before=on_step("response", "response.tone"), press=["enter", "end", "enter"])


def test_row_field_guidance(snap_compare, tmp_path):
    """f1 in a platform's form, on Posts a week: that field's guidance, with its figure."""
    assert snap_compare(county_app(tmp_path), terminal_size=NARROW,
                        run_before=on_step("platforms", "platforms.chosen"),
                        press=["enter", *["tab"] * 5, "f1"])


def test_remove_row_dialog(snap_compare, tmp_path):
    """d on a chosen platform asks before it goes."""
    assert snap_compare(county_app(tmp_path), terminal_size=NARROW,
                        run_before=on_step("platforms", "platforms.chosen"), press=["d"])


def test_guidance_dialog(snap_compare, tmp_path):
    """F1 explains the focused decision."""
    assert snap_compare(county_app(tmp_path), terminal_size=NARROW,
                        run_before=on_step("objectives"), press=["f1"])


def test_command_palette(snap_compare, tmp_path):
    """ctrl+p opens the command palette with the steps and decisions."""
    assert snap_compare(county_app(tmp_path), terminal_size=NARROW,
                        run_before=on_step("objectives"), press=["ctrl+p"])


# wide terminals: the step list and a wider checklist


@pytest.mark.parametrize("key", ["objectives", "platforms", "launch"])
def test_county_step_wide(snap_compare, tmp_path, key):
    """A step on a wide terminal, with the step list beside the form."""
    assert snap_compare(county_app(tmp_path), terminal_size=WIDE, run_before=on_step(key))


def test_guide_panel_wide(snap_compare, tmp_path):
    """ctrl+g shows the guidance panel beside the form on a wide terminal."""
    assert snap_compare(county_app(tmp_path), terminal_size=WIDE,
                        run_before=on_step("objectives"), press=["ctrl+g"])


def test_capacity_view(snap_compare, tmp_path):
    """The platforms step scrolled to its hours-and-money view (county: 2.2 h short)."""

    async def run_before(pilot) -> None:
        await on_step("platforms")(pilot)
        await pilot.pause()
        pilot.app.screen.query_one("#form").scroll_home(animate=False)
        await pilot.pause()

    assert snap_compare(county_app(tmp_path), terminal_size=NARROW, run_before=run_before)


# the views of the plan above a step's decisions, reached by keyboard


def focus_view(key: str, view_id: str):
    async def run_before(pilot) -> None:
        await on_step(key)(pilot)
        pilot.app.screen.query_one(f"#{view_id}").focus()
        pilot.app.screen.query_one("#form").scroll_home(animate=False)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("key, view_id", [("resources", "capacity"), ("response", "response-matrix"),
                                          ("peers", "peers-comparison")])
def test_view_above_the_step(snap_compare, tmp_path, key, view_id):
    """Resources: hours per person and what to cut first; response: the matrix with the
    county's missing tiers; peers: our plan beside Ashford County's."""
    assert snap_compare(county_app(tmp_path), terminal_size=NARROW, run_before=focus_view(key, view_id))


def test_platform_matrix(snap_compare, tmp_path):
    """Small city's evaluation: four platforms ranked, Facebook the main one at 4.3."""
    app = SmgovApp(PlanStore(sample_copy(tmp_path, "small-city")))
    assert snap_compare(app, terminal_size=NARROW, run_before=on_step("platforms", "platforms.matrix"))


def test_history_view(snap_compare, tmp_path, monkeypatch):
    """ctrl+r: the county's changes, newest first, in UTC with a fixed 'now'."""
    import datetime as dt
    import time

    from smgov_tui.core import history
    from smgov_tui.tui.screens import history_view as history_screen

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    now = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    monkeypatch.setattr(history_screen, "local_time", lambda when, now=now: history.local_time(when, now))
    try:
        assert snap_compare(county_app(tmp_path), terminal_size=NARROW,
                            run_before=on_step("objectives"), press=["ctrl+r"])
    finally:
        monkeypatch.undo()
        time.tzset()


def test_export_dialog(snap_compare, tmp_path):
    """f2 (ctrl+e outside a text field): which document, which format; written beside the plan."""
    assert snap_compare(county_app(tmp_path), terminal_size=NARROW,
                        run_before=on_step("objectives"), press=["f2"])


# screens shown now and then, each with a stylesheet of its own (sheets.py)


def test_problem_screen(snap_compare, tmp_path, monkeypatch):
    """A plan file cut short: why it cannot be opened, and the ways on."""
    from smgov_tui.core.errors import SmgovError

    monkeypatch.chdir(tmp_path)
    path = Path("plan.json")
    path.write_text((SAMPLES / "county.json").read_text()[:900])  # cut short, as by a full disk
    with pytest.raises(SmgovError) as raised:
        PlanStore(path).load()
    assert snap_compare(SmgovApp(None, welcome_path=path, problem=str(raised.value)), terminal_size=NARROW)


def clash_over_tone(app: SmgovApp) -> None:
    """The tone edited here and changed by dana meanwhile, as a save finds it."""
    from smgov_tui.core.errors import ConflictError

    app.session.propose("response.tone", "casual and friendly")
    app.show_taken({"response.tone"})  # the field shows mine, as typed
    app.save_state = "NOT SAVED: conflict"
    app.conflicts = (ConflictError("response.tone", mine="casual and friendly", theirs="formal and informative",
                                   who="dana", when="2026-11-20T10:04:00Z", label="Tone of voice"),)


@pytest.fixture
def december(monkeypatch):
    """Times said as on 2026-12-01: this year's are shown without the year (core/history.py)."""
    import datetime as _dt

    from smgov_tui.core import history

    real = history.local_time
    now = _dt.datetime(2026, 12, 1, tzinfo=_dt.UTC)
    monkeypatch.setattr(history, "local_time", lambda when, _now=None: real(when, now))


def test_conflict_bar(snap_compare, tmp_path, december):
    """The clash said above the footer, asking nothing: theirs as the file holds it, the keys."""

    async def run_before(pilot) -> None:
        await on_step("response", "response.tone")(pilot)
        clash_over_tone(pilot.app)

    assert snap_compare(county_app(tmp_path), terminal_size=NARROW, run_before=run_before)


def test_conflict_dialog(snap_compare, tmp_path, december):
    """Both versions of the clash in full (f12 from the bar), the same keys to choose."""

    async def run_before(pilot) -> None:
        await on_step("response", "response.tone")(pilot)
        clash_over_tone(pilot.app)
        await pilot.press("f12")

    assert snap_compare(county_app(tmp_path), terminal_size=NARROW, run_before=run_before)


def test_unsaved_dialog(snap_compare, tmp_path, monkeypatch, december):
    """ctrl+q on a full disk: what is not saved and why, and the ways on."""
    import errno

    from smgov_tui.storage import plan_storage

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    sample_copy(tmp_path, "county")
    app = SmgovApp(PlanStore(Path("county.json")))  # relative: the dialog names the plan

    async def run_before(pilot) -> None:
        await on_step("response", "response.tone")(pilot)
        monkeypatch.setattr(plan_storage, "write_atomically", full)
        pilot.app.session.propose("response.escalation_contact", "Dana Ruiz")
        clash_over_tone(pilot.app)
        pilot.app.flush()
        await pilot.press("ctrl+q")

    assert snap_compare(app, terminal_size=NARROW, run_before=run_before)
