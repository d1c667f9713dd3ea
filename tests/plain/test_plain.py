"""Plain mode (`smgov --plain`, TERM=dumb, SMGOV_ACCESSIBLE=1): line-by-line prompts.

What a person reads and what lands in the plan file: prompts answered from a
StringIO in-process (fast), then the real program through a pipe and through a
pseudo-terminal, where not a single escape byte may reach the screen.
"""

from __future__ import annotations

import io
import json
import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import JUDGED_ON, REPO, SAMPLES

from smgov_tui.cli import main
from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.catalogue.decision import guidance_markdown
from smgov_tui.core.readiness import checklist, next_missing
from smgov_tui.plain import run_plain
from smgov_tui.storage.store import PlanStore


class Script(io.StringIO):
    """Answers typed one line at a time; `meanwhile[n]` runs just before line n is read
    (another session saving while this one waits at a prompt)."""

    def __init__(self, *lines: str, meanwhile: dict | None = None) -> None:
        super().__init__("".join(line + "\n" for line in lines))
        self.read_lines = 0
        self.meanwhile = meanwhile or {}

    def readline(self, *args) -> str:
        if self.read_lines in self.meanwhile:
            self.meanwhile[self.read_lines]()
        self.read_lines += 1
        return super().readline(*args)


def plain(path: Path, *lines: str, meanwhile: dict | None = None) -> str:
    out = io.StringIO()
    assert run_plain(path, Script(*lines, meanwhile=meanwhile), out) == 0
    return out.getvalue()


@pytest.fixture
def county(tmp_path, smgov) -> Path:
    path = tmp_path / "county.json"
    assert smgov("new", path, "--sample", "county").code == 0
    return path


@pytest.fixture(autouse=True)
def eighty_columns(smgov, monkeypatch):
    """After the smgov fixture's own COLUMNS: plain mode at 80 columns."""
    monkeypatch.setenv("COLUMNS", "80")


def named(path: Path) -> Path:
    """A plan that says whom it is for: the walk opens on the first planning step."""
    PlanStore.create(path, "My social media plan", {"organisation.name": "Town of Millbrook"})
    return path


def values(path: Path) -> dict:
    return PlanStore(path).load().values


def plain_guidance(decision_id: str) -> str:
    """A sentence of the f1 guidance, as plain mode prints it (emphasis marks gone)."""
    text = " ".join(guidance_markdown(CATALOGUE.get(decision_id)).split()).replace("**", "")
    return text.split("Why it matters. ")[1][:40]


def squeezed(text: str) -> str:
    return " ".join(text.split())


def has(out: str, text: str) -> bool:
    """`text` was said, however the lines were wrapped to the terminal."""
    return squeezed(text) in squeezed(out)


# opening


def test_a_missing_plan_offers_blank_or_a_sample_then_asks_the_organisation_first(tmp_path):
    path = tmp_path / "new.json"
    out = plain(path, "", "Town of Millbrook", "town", "", "millbrook.gov", "GBP", "")
    assert has(out, f"There is no plan at {path} yet. Start it: 1. blank: you make every decision, "
                    "starting with your organisation 2. agency: from a sample, a new agency, barely started")
    assert has(out, f"Started a blank plan at {path}.")
    assert "My social media plan" in out and "0 of 96 decisions made" in out
    assert has(out, "Before the 8 steps: Organisation. Who is this plan for? 0 of 5 decided.")
    assert has(out, "Decision 1 of 5: Organisation's name (organisation.name), blocker. Not decided.")
    assert has(out, "Saved: Organisation's name: Town of Millbrook. 1 of 96 decisions made.")
    assert has(out, "Step 1 of 8: Objectives.")
    assert has(out, "Decision 1 of 9: Conversations already happening (objectives.conversations_now), "
                    "blocker. Not decided.")
    assert values(path) == {"organisation.name": "Town of Millbrook", "organisation.kind": "town",
                            "organisation.website": "https://millbrook.gov", "organisation.currency": "GBP"}
    assert has(out, f"Left smgov: every answer you gave is saved in {path}.")


def test_a_new_plan_can_start_from_a_sample_or_not_at_all(tmp_path):
    path = tmp_path / "new.json"
    out = plain(path, "kettle", "county", "quit")
    assert has(out, "Type a number from the list, blank or a sample's name; quit leaves.")
    assert has(out, f"Started from the sample county at {path}.")
    assert PlanStore(path).load().get("organisation.name") == "Kettle County"
    other = tmp_path / "other.json"
    out = plain(other)  # input ends at the offer
    assert has(out, "Left smgov: no plan was started.") and not other.exists()


def test_an_older_plan_without_its_organisation_is_asked_once(tmp_path):
    path = tmp_path / "old.json"
    PlanStore.create(path, "Old plan", {"objectives.frequency": "daily"})
    out = plain(path, "quit")
    assert has(out, "This plan does not yet say whom it is for") and "Organisation's name: " in out
    again = plain(path, "quit")
    assert "whom it is for" not in again and "Organisation's name: " not in again
    assert has(again, "Conversations already happening (objectives.conversations_now)")
    assert "organisation.name" in {i.id for i in checklist(PlanStore(path).load()).blockers}  # still missing


def test_it_starts_at_the_first_missing_blocker(county):
    out = plain(county)
    first = next_missing(checklist(PlanStore(county).load()))
    assert first.blocking and has(out, f"({first.id}), blocker. Not decided.")
    assert "Kettle County\nNOT READY:" in out


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"hello": 1}'])
def test_a_bad_plan_file_is_one_error_line_and_left_as_it_was(tmp_path, smgov, content):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    checked = smgov("check", path)
    opened = smgov("--plain", path)
    assert opened.code == checked.code == 2
    assert opened.err == checked.err and opened.err.startswith("smgov: error: ")
    assert len(opened.err.splitlines()) == 1 and opened.out == ""
    assert path.read_bytes() == content


def test_a_plan_in_a_missing_folder_is_an_error(tmp_path, smgov):
    result = smgov("--plain", tmp_path / "nowhere" / "p.json")
    assert result.code == 2 and result.err.startswith("smgov: error: cannot create")
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("env", [{"TERM": "dumb"}, {"TERM": "xterm-256color", "SMGOV_ACCESSIBLE": "1"}])
def test_dumb_terminals_and_screen_reader_users_get_plain_mode(tmp_path, smgov, monkeypatch, env):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = smgov(named(tmp_path / "p.json"), stdin="quit\n")
    assert result.code == 0 and "smgov, plain mode" in result.out


# answering


def test_answers_are_validated_saved_with_history_and_guided(tmp_path):
    path = named(tmp_path / "p.json")
    out = plain(path, "Questions about bins on Nextdoor", "and potholes on Facebook", ".",
                "next", "?", "", "",
                "1, 9", "1, loud", "inform, 3",
                "hourly", "2")
    # ? prints the decision's guidance, then asks again
    assert plain_guidance("objectives.key_messages") in squeezed(out)
    assert "What you can enter: text, written as in an e-mail: a blank line starts a new paragraph" in squeezed(out)
    # a wrong value is explained, not saved, and asked again
    assert has(out, "Not saved: '9' is not a choice here; use any of: inform,")
    assert has(out, "Not saved: 'loud' is not a choice here")
    assert has(out, "Not saved: 'hourly' is not a choice here; use one of: several times a day, daily")
    assert "How often we communicate: hourly\n" in out and "How often we communicate: 2\n" in out
    saved = values(path)
    assert saved["objectives.conversations_now"] == "Questions about bins on Nextdoor\nand potholes on Facebook"
    assert saved["objectives.engagement_goals"] == ["inform", "gather feedback"]
    assert saved["objectives.frequency"] == "daily"
    history = PlanStore(path).history()
    assert [e["decision"] for e in history] == ["objectives.conversations_now", "objectives.engagement_goals",
                                                "objectives.frequency"]
    assert all(e["old"] is None and e["who"] for e in history)
    assert has(out, "Saved: How often we communicate: daily. 4 of 96 decisions made.")


def test_enter_keeps_a_value_and_clear_removes_it(county):
    before = values(county)
    out = plain(county, "go objectives.engagement_goals", "clear", "", "go objectives.key_messages", "")
    assert f"Now: {before['objectives.frequency']}." in out
    assert has(out, "Now: 1. Road and weather closures across the county.")
    after = values(county)
    assert "objectives.engagement_goals" not in after
    assert after["objectives.frequency"] == before["objectives.frequency"]
    assert after["objectives.key_messages"] == before["objectives.key_messages"]
    assert "Saved: Kinds of engagement wanted: cleared." in out
    assert [e["decision"] for e in PlanStore(county).history()[-1:]] == ["objectives.engagement_goals"]


def test_a_command_word_in_quotes_is_an_answer(tmp_path):
    path = named(tmp_path / "p.json")
    plain(path, "go objectives.languages", '"next"')
    assert values(path)["objectives.languages"] == "next"


def test_moving_about_by_step_name_id_and_missing(county):
    out = plain(county, "step response", "steps", "go Escalation contact", "step 9", "go nonsense.id",
                "missing", "check")
    assert has(out, "Step 3 of 8: Response. Who answers what, how, how fast, and in which voice?")
    assert "  3. Response: 9 of 14 decided (you are here)" in out
    assert has(out, "Decision 8 of 14: Escalation contact (response.escalation_contact), blocker.")
    assert has(out, "No step '9'; steps are 0 Organisation, 1 Objectives, 2 Resources")
    assert "unknown decision 'nonsense.id'" in out
    # the next missing blocker after the escalation contact
    assert has(out, "Decision 12 of 14: Not-for-emergencies notice (response.emergency_notice), blocker. "
                    "Not decided.")
    # check prints what `smgov check` prints
    # (as of the day the tests judge by: the process reads the real clock; conftest.JUDGED_ON)
    checked = subprocess.run(smgov_command("check", str(county), "--as-of", JUDGED_ON.isoformat()),
                             capture_output=True, text=True,
                             env=environment(COLUMNS="80"), check=False)
    assert checked.stdout.strip() in out


def test_the_end_of_the_walk_gives_the_verdict(tmp_path, smgov):
    path = tmp_path / "city.json"
    smgov("new", path, "--sample", "small-city")
    out = plain(path, "", "back", "", "")
    assert out.count("End of the plan.\nCity of Harbor Falls\nREADY for launch") == 2
    assert "Left smgov" in out


# lists


def test_rows_are_added_edited_moved_and_removed_field_by_field(tmp_path):
    path = named(tmp_path / "p.json")
    out = plain(path, "go resources.roster",
                "add", "", "Dana Ruiz", "9", "2", "lots", "6", "every day", "Mon-Fri 09:00-17:00", "",
                "add", "Lee Park", "backup", "next", "cancel",
                "add", "Sam Lee", "7", "2.5", "", "",
                "move 2 to 1", "edit 2", "", "", "clear", "6", "", "dana@example.gov",
                "remove 1", "yes", "list", "done")
    assert "Name (required)." in out and "Name is required." in out
    assert has(out, "Not accepted: '9' is not a choice here; use one of: decision maker")
    assert has(out, "Not accepted: 'lots' is not a number from 0 to 168 (h/week)")
    assert "Finish this first (Enter goes on), or type cancel." in out
    assert "The person was not saved." in out
    assert "Hours a week is required." in out
    assert "Lee Park" not in json.dumps(values(path)["resources.roster"])
    assert values(path)["resources.roster"] == [
        {"name": "Dana Ruiz", "role": "team lead", "hours": 6, "when": "Mon-Fri 09:00-17:00",
         "contact": "dana@example.gov"}]
    changes = [e for e in PlanStore(path).history() if e["decision"] == "resources.roster"]
    assert len(changes) == 5  # add, add, move, edit, remove: each saved at once
    assert has(out, "1. Name: Dana Ruiz; Role: team lead; Hours a week: 6 h/week; When on duty: Mon-Fri 09:00-17:00;")


def test_question_mark_at_a_rows_field_explains_that_field(tmp_path):
    path = named(tmp_path / "p.json")
    out = plain(path, "go platforms.chosen", "add", "Facebook", "", "", "", "",
                "?", "4", "", "", "", "", "", "", "", "", "", "", "", "", "", "done")  # then the 6 account facts
    assert has(out, "? explains it")
    field = CATALOGUE.get("platforms.chosen").kind.field("posts_per_week")
    assert has(out, "Posts a week (platform) " + field.guidance)
    assert has(out, "What you can enter: a number from 0 to 500 (posts/week).")
    assert not has(out, plain_guidance("platforms.chosen"))  # the field's own, not the list's
    assert values(path)["platforms.chosen"] == [{"platform": "Facebook", "posts_per_week": 4}]


def test_rows_take_json_as_smgov_set_does(tmp_path):
    path = named(tmp_path / "p.json")
    out = plain(path, "go platforms.chosen", '[{"platform": "Facebook", "comments": "sometimes"}]',
                '[{"platform": "Facebook", "comments": "open"}]', "", "1")
    assert has(out, "Not saved: platform 1, comments: 'sometimes' is not a choice here")
    assert values(path)["platforms.chosen"] == [{"platform": "Facebook", "comments": "open"}]
    assert values(path)["platforms.main"] == "Facebook"  # the main platform offered by number


def test_the_matrix_is_scored_and_its_main_platform_chosen(county):
    out = plain(county, "go platforms.matrix", "add Mastodon", "score Mastodon", "5", "4", "", "", "9", "3", "", "",
                "weight cost 3", "main Mastodon", "main X", "done")
    matrix = values(county)["platforms.matrix"]
    mastodon = next(c for c in matrix["candidates"] if c["platform"] == "Mastodon")
    assert mastodon["scores"] == {"Reach among our residents": 5, "Two-way engagement": 4,
                                  "Accessibility features": 3}
    assert has(out, "Not accepted: a score is a whole number from 0 to 5.")
    assert {"name": "Cost", "weight": 3} in matrix["criteria"]
    assert has(out, 'Add Mastodon to "Platforms we will run" first')
    assert matrix["chosen"]["platform"] == "X" and values(county)["platforms.main"] == "X"


def test_sign_off_waits_until_nothing_blocks(county, tmp_path, smgov):
    out = plain(county, "go launch.signoff", "add")
    assert has(out, "Sign-off is recorded only when nothing blocks launch")
    city = tmp_path / "city.json"
    smgov("new", city, "--sample", "small-city")
    plain(city, "add", "Ana Ortiz", "City Manager", "")
    [row] = values(city)["launch.signoff"]
    assert row["name"] == "Ana Ortiz" and row["date"]  # Enter takes today


# two sessions, leaving, plan text


def test_another_sessions_change_is_taken_in_or_chosen_between(county):
    def other(decision_id, value):
        return lambda: PlanStore(county).set(decision_id, value, who="lee")

    # Changed elsewhere before the prompt: taken in and said.
    out = plain(county, "go response.tone", "", meanwhile={1: other("response.moderation_mode", "hands-off")})
    assert "Updated from another session: Moderation mode." in out
    # Changed elsewhere while this one was answering the same decision: asked, theirs taken.
    out = plain(county, "go response.tone", "1", "both?", "theirs",
                meanwhile={1: other("response.tone", "friendly but formal")})
    assert has(out, "Tone of voice was changed by lee at ") and has(out, "in another session.")
    assert "Theirs, in the file now:\n  friendly but formal\nYours, not saved:\n  casual and friendly" in out
    assert out.count("Keep yours or take theirs? Type mine or theirs: ") == 2
    assert values(county)["response.tone"] == "friendly but formal"
    # ... or mine kept, and the history holds both.
    plain(county, "go response.tone", "1", "mine", meanwhile={1: other("response.tone", "formal and informative")})
    assert values(county)["response.tone"] == "casual and friendly"
    tones = [(e["who"], e["new"]) for e in PlanStore(county).history() if e["decision"] == "response.tone"]
    assert tones[-3:] == [("lee", "friendly but formal"), ("lee", "formal and informative"),
                          (tones[-1][0], "casual and friendly")] and tones[-1][0] != "lee"


def test_end_of_input_and_ctrl_c_leave_cleanly(tmp_path):
    path = named(tmp_path / "p.json")
    out = plain(path, "first line of text", "second line")  # input ends before the "."
    assert has(out, "The text you were typing for Conversations already happening was not saved.")
    assert values(path) == {"organisation.name": "Town of Millbrook"}

    class Interrupted(io.StringIO):
        def readline(self, *args):
            raise KeyboardInterrupt

    out = io.StringIO()
    assert run_plain(path, Interrupted(), out) == 0
    assert squeezed(out.getvalue()).endswith(f"Left smgov: every answer you gave is saved in {path}.")


def test_plan_text_never_sends_escapes_to_the_terminal(tmp_path, smgov):
    path = tmp_path / "p.json"
    smgov("new", path, "--name", "Evil \x1b]0;owned\x07 plan")
    smgov("set", path, "response.tone", "formal and informative")
    smgov("set", path, "objectives.key_messages", "Line one \x1b[2J\nline two \x9b31m")
    smgov("set", path, "resources.roster", json.dumps([{"name": "Dana \x1b[31mRuiz", "role": "backup",
                                                       "hours": 2}]))
    out = plain(path, "go objectives.key_messages", "", "go resources.roster", "list", "done", "typed \x1b[1m",
                "go objectives.languages", "typed \x1b[1mtext")
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out
    assert "Evil \\x1b]0;owned\\x07 plan" in out
    assert "  Line one \\x1b[2J\n  line two \\x9b31m" in out
    assert has(out, "Name: Dana \\x1b[31mRuiz")
    assert values(path)["objectives.languages"] == "typed \\x1b[1mtext"  # as a paste is kept: visible


# the real program: a pipe, and a terminal


def smgov_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "smgov_tui", *args]


def environment(**names: str) -> dict[str, str]:
    """The program from the source the tests import, on a terminal of its own size."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "SMGOV_ACCESSIBLE", "TERM")}
    return {**env, "PYTHONPATH": str(REPO), **names}


def test_end_to_end_through_a_pipe(tmp_path):
    path = named(tmp_path / "plan.json")
    answers = ["?", "We hear about bins on Nextdoor.", ".", "", "", "", "always, 2", "1, 2", "weekly", "quit"]
    done = subprocess.run(smgov_command("--plain", str(path)), input="\n".join(answers) + "\n",
                          capture_output=True, text=True, timeout=30, cwd=tmp_path, check=False,
                          env=environment(TERM="xterm-256color", COLUMNS="80"))
    assert done.returncode == 0 and done.stderr == ""
    out = done.stdout
    assert "\x1b" not in out
    assert plain_guidance("objectives.conversations_now") in squeezed(out)
    assert has(out, "Not saved: 'always' is not a choice here; use any of: inform, answer questions")
    assert "Kinds of engagement wanted: always, 2\n" in out and "Kinds of engagement wanted: 1, 2\n" in out
    assert has(out, "Saved: How often we communicate: weekly. 4 of 96 decisions made.")
    saved = values(path)
    assert saved["objectives.conversations_now"] == "We hear about bins on Nextdoor."
    assert saved["objectives.engagement_goals"] == ["inform", "answer questions"]
    assert [e["decision"] for e in PlanStore(path).history()] == [
        "objectives.conversations_now", "objectives.engagement_goals", "objectives.frequency"]
    checked = subprocess.run(smgov_command("check", str(path), "--format", "json"), capture_output=True,
                             text=True, timeout=30, env=environment(), check=False)
    report = json.loads(checked.stdout)
    assert checked.returncode == 1 and report["decided"] == 4
    assert "objectives.frequency" not in {item["id"] for item in report["items"]}


class Terminal:
    """The program on a pseudo-terminal of 80x24, as a person at a dumb terminal has it."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        import fcntl
        import struct
        import termios

        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: the terminal is its controlling terminal, so ctrl+c is SIGINT
            # ... unless ignored, as a runner started in the background without job control
            # (`nohup pytest &` in a script) has it, and an ignored signal stays ignored
            # across exec: a person's terminal delivers it.
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.execve(args[0], args, env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.seen = b""
        self.read_to = 0  # what the test has read so far: waits look only beyond it, in order

    def wait_for(self, text: str, timeout: float = 15) -> None:
        end = time.monotonic() + timeout
        while text.encode() not in self.seen[self.read_to:]:
            assert time.monotonic() < end, f"never saw {text!r}; screen:\n{self.seen.decode(errors='replace')}"
            if select.select([self.fd], [], [], 0.1)[0]:
                try:
                    self.seen += os.read(self.fd, 65536)
                except OSError:  # the program left and the terminal closed
                    continue
        self.read_to = self.seen.index(text.encode(), self.read_to) + len(text.encode())

    def type(self, text: str) -> None:
        os.write(self.fd, text.encode())

    def finish(self, timeout: float = 15) -> int:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if select.select([self.fd], [], [], 0.05)[0]:
                try:
                    self.seen += os.read(self.fd, 65536)
                except OSError:
                    pass
            if pid:
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
        os.kill(self.pid, signal.SIGKILL)
        raise AssertionError("the program did not leave")


@pytest.mark.terminal
@pytest.mark.parametrize("env", [{"TERM": "dumb"}, {"TERM": "xterm-256color", "SMGOV_ACCESSIBLE": "1"}],
                         ids=["TERM=dumb", "SMGOV_ACCESSIBLE=1"])
def test_end_to_end_on_a_terminal(tmp_path, env):
    path = tmp_path / "county.json"
    path.write_bytes((SAMPLES / "county.json").read_bytes())
    term = Terminal(smgov_command(str(path)), environment(**env))  # no --plain: the terminal chooses it
    term.wait_for("Type ? at any prompt")
    # type at the prompt, as a person does: the terminal echoes keys typed earlier into the output
    term.wait_for("Training before access: ")  # the county's first missing decision
    term.type("go response.tone\n")
    term.wait_for("Tone of voice: ")
    term.type("?\n")
    term.wait_for("What you can enter: one of: casual and friendly")
    term.wait_for("Tone of voice: ")  # asked again
    term.type("casual and frendly\n")
    term.wait_for("Not saved: 'casual and frendly' is not a choice here: did you mean")
    term.wait_for("Tone of voice: ")
    term.type("1\n")
    term.wait_for("Saved: Tone of voice: casual and friendly.")
    term.wait_for("Escalation contact: ")
    term.type("Marcus Hale\n")
    term.wait_for("Saved: Escalation contact: Marcus Hale.")
    term.wait_for("Moderation mode: ")
    term.type("\x03")  # ctrl+c
    assert term.finish() == 0
    screen = term.seen.decode()
    assert "\x1b" not in screen and "Traceback" not in screen
    assert squeezed(screen).endswith(f"Left smgov: every answer you gave is saved in {path}.")
    # an 80-column terminal: every line the program wrote fits
    assert max(len(line) for line in screen.replace("\r", "").split("\n")) <= 80, max(
        screen.replace("\r", "").split("\n"), key=len)
    saved = values(path)
    assert saved["response.tone"] == "casual and friendly" and saved["response.escalation_contact"] == "Marcus Hale"
    assert [e["decision"] for e in PlanStore(path).history()][-2:] == ["response.tone", "response.escalation_contact"]
    checked = main(["get", str(path), "response.escalation_contact"])
    assert checked == 0


@pytest.mark.terminal
def test_ctrl_d_on_a_terminal_leaves_with_everything_saved(tmp_path):
    path = named(tmp_path / "new.json")
    term = Terminal(smgov_command(str(path)), environment(TERM="dumb"))
    term.wait_for("Conversations already happening: ")
    term.type("Bins on Nextdoor\n.\n")
    term.wait_for("Conversations we want: ")
    term.type("\x04")  # ctrl+d
    assert term.finish() == 0
    assert "\x1b" not in term.seen.decode()
    assert values(path) == {"organisation.name": "Town of Millbrook", "objectives.conversations_now": "Bins on Nextdoor"}


def test_a_plan_it_cannot_write_is_said_at_once_each_refusal_too_and_leaving_exits_2(tmp_path, capsys):
    """A read-only plan: a warning as it opens, "Not saved" with the reason for the
    answer, and leaving names what was not saved, with exit 2 (never "every answer
    you gave is saved")."""
    path = tmp_path / "plan.json"
    assert main(["new", str(path), "--name", "Town of Millbrook"]) == 0
    path.chmod(0o444)
    before = path.read_bytes()
    out = io.StringIO()
    with pytest.raises(SystemExit) as leaving:
        run_plain(path, Script("Residents ask about bin days", ".", "quit"), out)
    assert leaving.value.code == 2
    err = capsys.readouterr().err
    label = CATALOGUE.get("objectives.conversations_now").label
    assert f"smgov: warning: {path}: it is read-only (mode 0444)" in err
    assert err.strip().splitlines()[-1] == f"smgov: error: 1 answer NOT saved to {path}: {label}"
    said = squeezed(out.getvalue())
    assert f"Not saved: cannot save {path}: it is read-only (mode 0444)" in said
    assert "every other answer you gave is saved" in said and "every answer you gave" not in said
    assert path.read_bytes() == before


def test_a_sum_is_said_in_the_plans_currency(tmp_path):
    path = tmp_path / "p.json"
    PlanStore.create(path, "x", {"organisation.name": "Borough of Ashby", "organisation.currency": "GBP"})
    out = plain(path, "go resources.budget", "2400", "go resources.budget", "")
    assert has(out, "Saved: Yearly budget: £2,400.")
    assert has(out, "Now: £2,400.")


def test_question_mark_says_what_applies_in_the_plans_country(tmp_path):
    path = tmp_path / "uk.json"
    PlanStore.create(path, "My social media plan", {"organisation.name": "Borough of Kettle",
                                                    "organisation.country": "United Kingdom"})
    out = squeezed(plain(path, "go safeguards.forum", "?", "quit"))
    assert "Where you are (United Kingdom): There is no public-forum doctrine" in out
    us = tmp_path / "us.json"
    PlanStore.create(us, "My social media plan", {"organisation.name": "Town of Millbrook",
                                                  "organisation.country": "United States"})
    assert "Where you are (United States): A government page that allows comments" in \
        squeezed(plain(us, "go safeguards.forum", "?", "quit"))


# own words


def test_a_choice_takes_a_number_a_name_or_own_words(tmp_path):
    path = named(tmp_path / "p.json")
    out = plain(path, "go response.moderation_mode", "activ", "checked twice each working day",
                "go response.tone", "professional",
                "go response.approval", "2",
                "go resources.roster", "add", "Pat Lee", "Public Information Officer", "6", "", "", "done")
    assert has(out, "Type a number, a name, or your own words.")
    assert has(out, "Not saved: 'activ' is not a choice here: did you mean active?")
    assert has(out, "Role (required). Type a number, a name, or your own words.")
    saved = values(path)
    assert saved["response.moderation_mode"] == "checked twice each working day"
    assert saved["response.tone"] == "professional"
    assert saved["response.approval"] == "approval for sensitive posts only"
    assert saved["resources.roster"] == [{"name": "Pat Lee", "role": "Public Information Officer", "hours": 6}]
