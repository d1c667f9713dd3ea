"""Hostile text through every surface: plan text is data, never markup, never a terminal command.

One corpus of payloads (Textual/Rich markup, terminal escapes, HTML, Markdown
structure, a right-to-left override, a very long line) is written into a
hand-made plan file: text fields, long texts, people, list rows, the platform
evaluation matrix, the plan name, an id from a newer catalogue and history
entries. The command line, the exports and the workbench then open it. The
workbench runs with a driver that keeps every byte Textual would send to the
terminal, so a payload's escape sequence reaching the terminal fails a test.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import until_asking
from textual.app import App
from textual.command import CommandPalette
from textual.drivers.headless_driver import HeadlessDriver
from textual.widgets import DataTable

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.app import SmgovApp
from smgov_tui.tui.hangup import HangUp
from smgov_tui.tui.screens.row_form import RowForm

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"

CLICK = "[@click=app.quit]x[/]"
CORPUS = [
    CLICK,
    "[bold red]red[/]",
    "[link=file:///etc/passwd]x[/link]",
    "\x1b[2J",                      # clear the screen
    "\x1b]52;c;aGVsbG8=\x07",       # OSC 52: write "hello" to the clipboard
    "\x07",                         # BEL
    "\x9b31m",                      # C1 CSI: red, to terminals that take 8-bit controls
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "| a | b |",
    "**bold**",
    "# heading",
    "\u202e",                       # right-to-left override
    "\u200e\u200f\u061c",           # bidi marks: left-to-right, right-to-left, Arabic letter
    "L" * 3000,                     # a very long line
]
# Short enough for a name (a platform name is at most 60 characters).
NAME = CLICK + "\x1b[2J\x1b]52;c;aGVsbG8=\x07\x9b31m\u202e"
MIX = f"{CLICK} [bold red]red[/] {NAME} <img src=x onerror=alert(1)> [x](javascript:alert(1))"
ALL = "\n".join(CORPUS)

# Raw bytes that must never reach a terminal from plan text.
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
RENAMED = {  # names in the county sample -> hostile names (in rows, references and the matrix)
    "Priya Nair": f"Priya {NAME}",
    "Facebook": f"Fb {NAME}",
    "Ashford County": f"Ashford {NAME}",
    "Hootsuite": f"Hoot {NAME}",
    "Road and weather closures": f"Roads {NAME}",
}


def hostile_plan(path: Path) -> Path:
    """The county sample, hand-edited by someone who pastes from anywhere."""
    text = (SAMPLES / "county.json").read_text()
    for old, new in RENAMED.items():
        text = text.replace(json.dumps(old)[1:-1], json.dumps(new)[1:-1])
    data = json.loads(text)
    data["plan"]["1"]["name"] = f"Plan {MIX} {'L' * 500}"
    data["meta"]["1"]["asked"] = ["organisation"]  # asked once, and left: the plan's name is the title
    values = data["plan"]["1"]["values"]
    del values["organisation.name"]
    values.update({
        "objectives.languages": MIX,
        "response.emergency_notice": MIX,
        "resources.sponsor": f"Sam {NAME}",
        "objectives.conversations_now": ALL,
        "conduct.security": ALL,
        "safeguards.removal_rules": ALL,
        "objectives.frequency": MIX,      # not a choice: set aside, its reason quotes it
        "future.decision": MIX,           # an id from a newer catalogue
    })
    history = data["history"]
    history[str(len(history) + 1)] = {"decision": "future.decision", "old": MIX, "new": ALL,
                                      "when": "2026-11-24T09:00:00Z", "who": f"mallory {NAME}"}
    history[str(len(history) + 1)] = {"decision": "objectives.languages", "old": ALL, "new": MIX,
                                      "when": "2026-11-24T09:01:00Z", "who": MIX}
    path.write_text(json.dumps(data, indent=1))
    return path


@pytest.fixture
def plan(tmp_path) -> Path:
    return hostile_plan(tmp_path / "hostile.json")


def assert_terminal_safe(text: str) -> None:
    found = RAW.search(text)
    assert found is None, f"raw {found[0]!r} at {found.start()}: {text[max(0, found.start() - 60):found.end() + 20]!r}"


# --- the command line ----------------------------------------------------------


def test_the_hostile_plan_loads_with_its_payloads_intact(plan):
    loaded = PlanStore(plan).load()
    assert loaded.get("conduct.security") == ALL
    assert loaded.get("objectives.languages") == MIX
    assert loaded.unknown["future.decision"] == MIX
    assert "objectives.frequency" in loaded.invalid


@pytest.mark.parametrize("args", [
    ("check",), ("check", "--format", "github"), ("check", "--format", "grid"),
    ("history",), ("get", "objectives.languages"), ("get", "conduct.security"),
    ("get", "resources.roster"), ("get", "platforms.matrix"), ("get", "objectives.frequency"),
])
def test_command_line_text_output_shows_escapes_as_visible_text(plan, smgov, args):
    result = smgov(args[0], plan, *args[1:])
    assert result.code in (0, 1, 2), result
    assert_terminal_safe(result.out)
    assert_terminal_safe(result.err)
    assert (result.out + result.err).strip()


def test_command_line_shows_markup_literally_and_escapes_visibly(plan, smgov):
    out = smgov("get", plan, "objectives.languages").out
    assert out.startswith(CLICK + " [bold red]red[/] ")
    assert "\\x1b[2J\\x1b]52;c;aGVsbG8=\\x07\\x9b31m\\u202e" in out
    history = smgov("history", plan).out
    assert "mallory [@click=app.quit]x[/]\\x1b[2J" in history
    check = smgov("check", plan).out
    assert check.startswith("Plan " + CLICK)
    assert "\\x1b]52;c;aGVsbG8=\\x07" in check  # a name quoted by a cross-check
    bad = smgov("get", plan, "objectives.frequency")  # set aside: the warning quotes it
    assert bad.code == 1 and bad.err.count("\n") == 1 and f"'{CLICK} [bold red]red[/]" in bad.err


@pytest.mark.parametrize("args", [("check", "--format", "json"), ("history", "--format", "json"),
                                  ("get", "conduct.security", "--format", "json"),
                                  ("get", "platforms.chosen", "--format", "json")])
def test_command_line_json_is_exact_valid_and_terminal_safe(plan, smgov, args):
    result = smgov(args[0], plan, *args[1:])
    assert_terminal_safe(result.out)
    data = json.loads(result.out)
    text = json.dumps(data)
    if args[0] == "history":
        assert {"who": MIX, "new": MIX, "old": ALL}.items() <= next(
            e for e in data if e["decision"] == "objectives.languages").items()
    elif args[1] == "conduct.security":
        assert data == ALL
    elif args[1] == "platforms.chosen":
        assert data[0]["platform"] == RENAMED["Facebook"]
    else:
        assert data["plan"].startswith("Plan " + MIX) and json.dumps(NAME)[1:-1] in text


def test_errors_quoting_input_never_send_its_escapes(plan, smgov):
    before = plan.read_bytes()
    for args in (("set", plan, "objectives.frequency", MIX), ("set", plan, "response.tone", ALL),
                 ("get", plan, NAME), ("set", plan, f"objectives.{NAME}", "x"),
                 ("set", plan, "resources.roster", f'[{{"name": {json.dumps(NAME)}}}]'),
                 ("export", plan, "--doc", NAME)):
        result = smgov(*args)
        assert result.code == 2, (args, result)
        assert result.err.startswith("smgov: error:") and result.err.count("\n") == 1
        assert_terminal_safe(result.err + result.out)
    assert plan.read_bytes() == before


def test_set_new_and_decisions_echo_safely(tmp_path, plan, smgov):
    result = smgov("set", plan, "objectives.audiences", ALL)
    assert result.code == 0
    assert_terminal_safe(result.out + result.err)
    assert PlanStore(plan).load().get("objectives.audiences") == ALL
    organisation = MIX[:110]  # an organisation's name is at most 120 characters
    made = smgov("new", tmp_path / "made.json", "--name", organisation)
    assert made.code == 0 and "[@click=app.quit]x[/]" in made.out
    assert_terminal_safe(made.out + made.err)
    assert PlanStore(tmp_path / "made.json").load().name == f"{organisation} social media plan"
    assert PlanStore(tmp_path / "made.json").load().title == organisation
    listed = smgov("decisions")
    assert_terminal_safe(listed.out)


# --- the exports ---------------------------------------------------------------


def test_the_calendar_carries_plan_text_as_visible_text(plan, smgov):
    result = smgov("calendar", plan)
    assert result.code == 0, result
    assert_terminal_safe(result.out.replace("\r\n", "\n"))  # CRLF ends every iCalendar line
    assert "Access review: Fb " in result.out and "\\x1b[2J" in result.out


@pytest.mark.parametrize("doc", ["plan", "conduct", "comments", "checklist"])
def test_exports_escape_every_payload(plan, smgov, doc):
    md = smgov("export", plan, "--doc", doc, "--format", "md").out
    html = smgov("export", plan, "--doc", doc, "--format", "html").out
    raw = smgov("export", plan, "--doc", doc, "--format", "json").out
    for text in (md, html, raw):
        assert_terminal_safe(text)
    data = json.loads(raw)
    assert data["plan"].startswith("Plan " + MIX)
    lowered = html.lower()
    assert "<script" not in lowered and "<img" not in lowered
    assert not re.search(r"<[^>]*\sonerror\s*=", lowered)
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", lowered)
    assert "\\x1b[2J" in html and "[@click=app.quit]x[/]" in html
    # Markdown: no heading, table, emphasis, link or HTML made from plan text.
    assert not re.search(r"^#+ heading", md, re.MULTILINE)
    assert "](javascript:" not in md.replace("\\](javascript:", "")
    assert "<img" not in md.replace("\\<img", "") and "<script" not in md.replace("\\<script", "")
    if doc in ("plan", "conduct"):  # the ones that print conduct.security whole
        # Long text is Markdown: its lines join one paragraph, "**bold**" is its writer's emphasis;
        # "# heading" and "| a | b |" stay text.
        assert "\\| a \\| b \\|" in md and "# heading" in md and "<strong>bold</strong>" in html


# --- the workbench -------------------------------------------------------------


@pytest.fixture
def terminal(monkeypatch) -> list[str]:
    """Everything the app writes to the terminal: Pilot's driver made to "draw"."""
    written: list[str] = []
    monkeypatch.setattr(HeadlessDriver, "is_headless", property(lambda self: False))
    monkeypatch.setattr(HeadlessDriver, "write", lambda self, data: written.append(data))
    monkeypatch.setattr(HangUp, "catch", lambda self: None)
    monkeypatch.setattr(HangUp, "release", lambda self: None)
    return written


OWN_SEQUENCES = re.compile(r"\x1b\]22;[a-z-]+\x07")  # Textual's pointer shape (OSC 22, ended by BEL)


def assert_no_payload_reached_the_terminal(written: list[str]) -> None:
    stream = OWN_SEQUENCES.sub("", "".join(written))
    assert stream, "nothing was drawn: the capture is broken"
    for needle in ("\x1b[2J", "\x1b]52", "\x07", "\x9b", "\u202e"):
        at = stream.find(needle)
        assert at < 0, f"{needle!r} reached the terminal: {stream[max(0, at - 80):at + 20]!r}"
    assert not re.search(r"\x1b\]8;[^\x07\x1b]*file:", stream), "a plan link became a hyperlink"


def screen_text(app) -> str:
    """The current screen as the person sees it (the compositor's lines)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def settle(pilot, pause: float = 0.05) -> None:
    await pilot.pause(pause)
    await pilot.wait_for_scheduled_animations()


SHOWN_AT = {  # a decision -> what of its hostile value must show, literally, when it is in view
    "objectives.languages": CLICK + " [bold red]red[/]",
    "objectives.conversations_now": "[bold red]red[/]",
    "resources.roster": "Priya [@click=ap",
    "resources.sponsor": "Sam " + CLICK + "\\x1b[2J\\x1b]52",
    "response.welcomed_topics": "Roads [@click=ap",
    "response.emergency_notice": CLICK + " [bold red]red[/]",
    "platforms.matrix": "Fb [@click=",
    "platforms.chosen": "Fb [@click=app.",
    "platforms.tools": "Hoot [@click=app",
    "peers.peers": "Ashford [@click=",
    "conduct.security": CLICK,
}


async def test_the_workbench_shows_hostile_text_literally_and_sends_none_of_it(plan, terminal, monkeypatch):
    quits: list[str] = []
    monkeypatch.setattr(SmgovApp, "action_quit", lambda self: quits.append("quit"))
    notes: list[str] = []
    notify = App.notify  # what reaches Textual
    monkeypatch.setattr(App, "notify", lambda self, message, *a, **k: (
        notes.append(str(message)), notify(self, message, *a, **k)))
    before = plan.read_bytes()
    app = SmgovApp(PlanStore(plan))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert CLICK in app.title and not RAW.search(app.title + app.sub_title)
        # Every step, as opened, and every hostile decision in view.
        for step in CATALOGUE.steps:
            app.show_step(step.key)
            await settle(pilot)
            assert_terminal_safe(screen_text(app))
        for decision_id, shown in SHOWN_AT.items():
            app.goto(decision_id)
            await settle(pilot, 0.1)
            await pilot.press("home")  # a field shows its start, as it would to a person
            await settle(pilot)
            text = screen_text(app)
            assert shown in text, (decision_id, text)
            assert_terminal_safe(text)
        # A long text, line by line: escapes made visible, HTML and Markdown as typed.
        app.goto("conduct.security")
        await settle(pilot, 0.1)
        seen = ""
        for _ in CORPUS[:-1]:
            await pilot.press("down")
            seen += screen_text(app)
        for shown in ("\\x1b[2J", "\\x1b]52;c;aGVsbG8=\\x07", "\\x9b31m", "\\u202e", "<script>alert(1)</script>",
                      "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "| a | b |", "# heading"):
            assert shown in seen, shown
        assert_terminal_safe(seen)
        # The views above the resources, response and peers steps.
        for step, needle in (("resources", "Fb [@click=ap"), ("response", "Roads [@click="),
                             ("peers", "Ashford [@click=")):
            app.show_step(step)
            await settle(pilot)
            view = app.screen.query_one(".plan-view")
            rendered = str(view.render())
            assert needle in rendered, (step, rendered)
            assert_terminal_safe(rendered)
        # The checklist's reasons quote names; the launch screen's table too.
        app.show_step("platforms")
        await settle(pilot)
        reasons = "\n".join(str(o.prompt) for o in app.screen.query_one("#checklist-items").options)
        assert "Fb [@click=app.quit]x[/]\\x1b[2J" in reasons
        assert_terminal_safe(reasons)
        app.show_step("launch")
        await settle(pilot)
        table = app.screen.query_one("#launch-table", DataTable)
        cells = "\n".join(str(c) for row in range(table.row_count) for c in table.get_row_at(row))
        assert "Fb [@click=app.quit]x[/]\\x1b[2J" in cells
        assert_terminal_safe(cells)
        # A row's form, over the roster.
        app.goto("resources.roster")
        await settle(pilot, 0.1)
        await pilot.press("enter")
        await settle(pilot, 0.2)
        assert isinstance(app.screen, RowForm)
        form = screen_text(app)
        assert "x[/]\\x1b[2J\\x1b]52;c;aGVsbG8=\\x07\\x9b31m\\u202e" in form  # the name's end, by the cursor
        assert_terminal_safe(form)
        await pilot.press("ctrl+s")  # saved untouched: the name stays as stored, not as shown
        await settle(pilot)
        assert not isinstance(app.screen, RowForm)
        assert app.plan.rows("resources.roster")[0]["name"] == RENAMED["Priya Nair"]
        # Guidance, history, export, the command palette.
        await pilot.press("f1")
        await settle(pilot)
        assert_terminal_safe(screen_text(app))
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot, 0.2)
        history = screen_text(app)
        assert "[@click=app.q" in history and "mallory" in history
        assert_terminal_safe(history)
        await pilot.press("enter")  # the newest change in full: who, and the value made visible
        await settle(pilot, 0.2)
        detail = screen_text(app)
        assert f"by {CLICK} [bold red]red[/]" in detail and f"{CLICK}\\x1b[2J\\x1b]52;c;aGVsbG8=\\x07" in detail
        assert_terminal_safe(detail)
        await pilot.press("escape")
        await settle(pilot)
        if app.screen.id != "resources":
            await pilot.press("escape")
            await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot, 0.1)
        assert "hostile.plan." in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot, 0.1)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"go to decision: roster")
        await settle(pilot, 0.3)
        assert "Roster" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        # A notification that names a removed row.
        app.goto("platforms.tools")
        await settle(pilot, 0.1)
        await pilot.press("d")
        await until_asking(pilot)
        await pilot.press("y")
        await settle(pilot, 0.2)
        assert f"Removed tool Hoot {CLICK}\\x1b[2J" in notes[-1]
        app.notify(f"Not saved: changed by {NAME} in another session", markup=False)  # errors quote names
        assert notes[-1].endswith(f"by {CLICK}\\x1b[2J\\x1b]52;c;aGVsbG8=\\x07\\x9b31m\\u202e in another session")
        assert all(not RAW.search(note) for note in notes)
        # Clicking where a link would be runs nothing.
        app.goto("objectives.languages")
        await settle(pilot, 0.1)
        await pilot.press("home")
        await pilot.click("#edit-objectives--languages", offset=(2 + CLICK.index("x"), 1))  # on "x"
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running and not quits
    assert_no_payload_reached_the_terminal(terminal)
    store = PlanStore(plan)
    assert store.load().get("conduct.security") == ALL  # shown made visible, stored as it was
    assert store.load().get("objectives.languages") == MIX
    assert store.load().rows("platforms.tools") == [] and plan.read_bytes() != before  # the removal saved


async def test_a_paste_with_escapes_is_shown_and_kept_as_visible_text(tmp_path, terminal):
    """A bracketed paste into an Input and a TextArea: the escapes arrive as visible
    text (what is shown is what is saved), line ends normalised, nothing raw drawn."""
    from textual import events

    path = tmp_path / "p.json"
    path.write_bytes((SAMPLES / "county.json").read_bytes())
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_step("platforms")
        await pilot.pause()
        for decision_id in ("platforms.naming", "platforms.closure"):
            editor = app.screen.query_one(f"#edit-{decision_id.replace('.', '--')}")
            editor.focus()
            if hasattr(editor, "load_text"):
                editor.load_text("")
            else:
                editor.value = ""
            await pilot.pause()
            app.post_message(events.Paste(ALL.replace("\n", "\r\n") if hasattr(editor, "load_text")
                                          else ALL.replace("\n", " ")))  # as the driver delivers it
            await pilot.pause()
        app.flush()
        await pilot.pause()
        assert app.is_running
    saved = PlanStore(path).load()
    assert "\\x1b[2J" in saved.get("platforms.closure") and "\x1b" not in saved.get("platforms.closure")
    assert "\r" not in saved.get("platforms.closure") and "\n" in saved.get("platforms.closure")
    assert_no_payload_reached_the_terminal(terminal)


async def test_notifications_show_plan_text_literally(tmp_path):
    """Notifications quote names; Pilot hides toasts unless asked, so ask."""
    path = tmp_path / "p.json"
    path.write_bytes((SAMPLES / "county.json").read_bytes())
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.notify("Removed [@click=app.quit]x[/] and [bold red]red[/] \x1b[2J")
        for _ in range(200):  # until the toast is drawn: on a busy machine, later than a fixed pause
            await pilot.pause(0.05)
            shown = screen_text(app)
            if "\\x1b[2J" in shown:
                break
        assert "[@click=app.quit]x[/]" in shown and "[bold red]red[/]" in shown and "\\x1b[2J" in shown
        assert app.is_running
