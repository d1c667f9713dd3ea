"""The command line: every command, its output, its exit codes and its errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, smgov_process

from smgov_tui import __version__
from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.storage.store import PlanStore

FACEBOOK_ROWS = '[{"platform": "Facebook", "owner": "Dana Ruiz", "posts_per_week": 5}]'


def test_version(smgov):
    result = smgov("--version")
    assert result.code == 0 and result.out.strip() == f"smgov {__version__}"


def test_help_lists_the_commands(smgov):
    result = smgov("--help")
    assert result.code == 0
    for command in ("new", "decisions", "check", "set", "get", "export"):
        assert command in result.out


def test_new_creates_a_blank_plan_and_never_overwrites(tmp_path, smgov):
    path = tmp_path / "harbor.json"
    result = smgov("new", path, "--name", "Harbor Falls plan")
    assert result.code == 0 and "created" in result.out and "Harbor Falls plan" in result.out
    before = path.read_bytes()
    again = smgov("new", path)
    assert again.code == 2
    assert again.err.startswith("smgov: error:") and "already exists" in again.err
    assert len(again.err.strip().splitlines()) == 1
    assert path.read_bytes() == before


def test_new_takes_the_organisations_facts_validated_as_set_validates_them(tmp_path, smgov):
    path = tmp_path / "millbrook.json"
    made = smgov("new", path, "--name", "Town of Millbrook", "--kind", "Town", "--country", "united kingdom",
                 "--website", "millbrook.gov", "--currency", "gbp")
    assert made.code == 0 and made.out == f"created {path}: Town of Millbrook social media plan\n"
    plan = PlanStore(path).load()
    assert plan.values == {"organisation.name": "Town of Millbrook", "organisation.kind": "town",
                           "organisation.country": "United Kingdom",
                           "organisation.website": "https://millbrook.gov", "organisation.currency": "GBP"}
    checked = smgov("check", path)
    assert checked.out.startswith("Town of Millbrook\nNOT READY: ")
    data = json.loads(smgov("check", path, "--format", "json").out)
    assert data["plan"] == "Town of Millbrook social media plan" and data["organisation"] == "Town of Millbrook"
    for option, value, said in (("--kind", "village", "--kind: 'village' is not a choice here"),
                                ("--website", "not a site", "--website: 'https://not a site' is not a web address"),
                                ("--currency", "XYZ", "--currency: 'XYZ' is not a choice here")):
        bad = smgov("new", tmp_path / "bad.json", "--name", "Town of Millbrook", option, value)
        assert bad.code == 2 and bad.out == "" and len(bad.err.splitlines()) == 1
        assert bad.err.startswith(f"smgov: error: new: {said}")
        assert not (tmp_path / "bad.json").exists()


def test_new_never_asks_from_a_script(tmp_path, smgov):
    made = smgov("new", tmp_path / "p.json", stdin="Town of Millbrook\n")  # not a terminal: not read
    assert made.code == 0 and "Whom is this plan for" not in made.out
    assert PlanStore(tmp_path / "p.json").load().values == {}


def test_new_names_a_plan_after_its_file_by_default(tmp_path, smgov):
    smgov("new", tmp_path / "tri-valley_plan.json")
    assert smgov("check", tmp_path / "tri-valley_plan.json", "--format", "json").out.count("tri valley plan") == 1


def test_decisions_text_and_json(smgov):
    text = smgov("decisions")
    assert text.code == 0
    listed = [line.split()[1] for line in text.out.splitlines()[2:] if line.split()[:1] != []
              and line.split()[0].isdigit()]
    assert listed == [d.id for d in CATALOGUE]  # one row a decision, in catalogue order
    assert "objectives.measurable" in text.out and "blocker" in text.out and "advice" in text.out
    data = json.loads(smgov("decisions", "--format", "json").out)
    assert [d["id"] for d in data] == [d.id for d in CATALOGUE]
    assert set(data[0]) == {"id", "step", "step_number", "label", "type", "severity", "allowed", "guidance"}
    only = json.loads(smgov("decisions", "--format", "json", "--step", "peers").out)
    assert {d["step"] for d in only} == {"peers"}


def test_set_then_get_each_kind_of_value(plan_path, smgov):
    cases = [
        ("objectives.frequency", "Daily", "daily"),
        ("objectives.engagement_goals", "recruit, inform", "inform, recruit"),
        ("resources.budget", "$2,400", "2,400"),  # no currency decided: no sign
        ("response.monitoring_hours", "weekdays 9am-5pm", "Mon-Fri 09:00-17:00"),
        ("launch.date", "2027-03-01", "2027-03-01"),
    ]
    for decision_id, typed, shown in cases:
        result = smgov("set", plan_path, decision_id, typed)
        assert result.code == 0, result.err
        assert result.out.startswith(f"{decision_id}: ")
        got = smgov("get", plan_path, decision_id)
        assert got.code == 0 and got.out.strip() == shown


def test_money_is_shown_in_the_plans_currency_and_typed_back_with_its_sign(plan_path, smgov):
    assert smgov("set", plan_path, "resources.budget", "1500").out == "resources.budget: 1,500\n"
    for currency, shown in (("GBP", "£1,500"), ("AUD", "A$1,500"), ("USD", "$1,500")):
        assert smgov("set", plan_path, "organisation.currency", currency).code == 0
        assert smgov("get", plan_path, "resources.budget").out == shown + "\n"
        typed = smgov("set", plan_path, "resources.budget", shown)  # what get prints, set takes back
        assert typed.code == 0 and typed.out == f"resources.budget: {shown} (unchanged)\n"
    assert smgov("set", plan_path, "platforms.tools", json.dumps(
        [{"tool": "Hootsuite", "purpose": "scheduling", "cost": 2400}])).code == 0
    assert smgov("set", plan_path, "resources.budget", "1000").code == 0
    checked = smgov("check", plan_path)
    assert "budget of $1,000 a year" in checked.out and "Hootsuite ($2,400)" in checked.out


def test_set_a_list_takes_json_rows_and_get_prints_json(plan_path, smgov):
    assert smgov("set", plan_path, "platforms.chosen", FACEBOOK_ROWS).code == 0
    got = smgov("get", plan_path, "platforms.chosen")
    assert json.loads(got.out) == [{"platform": "Facebook", "owner": "Dana Ruiz", "posts_per_week": 5}]
    assert smgov("set", plan_path, "platforms.main", "facebook").out.strip() == "platforms.main: Facebook"


def test_set_reads_long_text_from_standard_input(plan_path, smgov):
    text = "Staff never share passwords.\nDevices lock after 5 minutes."
    assert smgov("set", plan_path, "conduct.security", "-", stdin=text).code == 0
    assert smgov("get", plan_path, "conduct.security").out == text + "\n"


def test_set_empty_clears_and_get_exits_1_when_undecided(plan_path, smgov):
    smgov("set", plan_path, "objectives.frequency", "daily")
    cleared = smgov("set", plan_path, "objectives.frequency", "")
    assert cleared.code == 0 and "(cleared)" in cleared.out
    got = smgov("get", plan_path, "objectives.frequency")
    assert got.code == 1 and got.out == ""
    assert json.loads(smgov("get", plan_path, "objectives.frequency", "--format", "json").out) is None


def test_set_same_value_says_unchanged(plan_path, smgov):
    smgov("set", plan_path, "objectives.frequency", "daily")
    assert "(unchanged)" in smgov("set", plan_path, "objectives.frequency", "DAILY").out


def test_set_records_history(plan_path, smgov):
    smgov("set", plan_path, "objectives.frequency", "daily")
    smgov("set", plan_path, "objectives.frequency", "weekly")
    history = json.loads(plan_path.read_text())["history"]
    assert [(h["old"], h["new"]) for h in history.values()] == [(None, "daily"), ("daily", "weekly")]


def test_check_formats_and_exit_codes(plan_path, smgov):
    smgov("set", plan_path, "platforms.chosen", FACEBOOK_ROWS)
    text = smgov("check", plan_path)
    assert text.code == 1
    assert text.out.startswith("Test plan\nNOT READY: ")
    assert f"; 1 of {len(CATALOGUE)} decisions made" in text.out.splitlines()[1]
    assert "Not decided:" in text.out and "Not decided." not in text.out  # compact: labels, not reasons
    assert "Not decided. " in smgov("check", plan_path, "--format", "grid").out
    assert "check.platform_owner" in text.out and "no backup administrator for Facebook" in text.out
    github = smgov("check", plan_path, "--format", "github")
    assert github.code == 1 and "| Step |" in github.out.replace("  ", " ") or "|   Step |" in github.out
    assert "|--" in github.out or "|-" in github.out
    grid = smgov("check", plan_path, "--format", "grid")
    assert grid.code == 1 and "+====" in grid.out.replace("=+=", "====")


def test_check_text_fits_the_terminal_width(plan_path, smgov, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    out = smgov("check", plan_path).out
    table = out.split("\n\n", 1)[1]
    assert len(table.splitlines()) >= 70
    assert max(len(line) for line in table.splitlines()) <= 80


def test_check_json_is_the_documented_shape(plan_path, smgov):
    smgov("set", plan_path, "platforms.chosen", FACEBOOK_ROWS)
    result = smgov("check", plan_path, "--format", "json")
    assert result.code == 1
    data = json.loads(result.out)
    assert set(data) == {"plan", "organisation", "ready", "decided", "total", "items"}
    assert data["organisation"] is None  # not decided
    assert data["plan"] == "Test plan" and data["ready"] is False
    assert data["decided"] == 1 and data["total"] == len(CATALOGUE)
    assert all(set(item) == {"id", "step", "label", "severity", "kind", "why"} for item in data["items"])
    kinds = {item["kind"] for item in data["items"]}
    assert kinds == {"missing", "check"}


ERRORS = [
    (("check", "{missing}"), "no plan at"),
    (("check", "{notjson}"), "not valid JSON"),
    (("check", "{otherjson}"), "not a smgov plan"),
    (("get", "{plan}", "objectives.nope"), "unknown decision 'objectives.nope'"),
    (("set", "{plan}", "objectives.nope", "x"), "unknown decision 'objectives.nope'"),
    (("set", "{plan}", "objectives.frequency", "hourly"), "objectives.frequency: 'hourly' is not a choice here; use one of:"),
    (("set", "{plan}", "resources.budget", "lots"), "resources.budget: 'lots' is not an amount of money"),
    (("set", "{plan}", "platforms.chosen", "[{"), "platforms.chosen: not valid JSON"),
    (("set", "{plan}", "platforms.chosen", '[{"handle": "@x"}]'), "platform 1: platform is required"),
    (("set", "{plan}", "platforms.main", "Facebook"), "add rows to platforms.chosen first"),
    (("set", "{notjson}", "objectives.frequency", "daily"), "not valid JSON"),
    (("new", "{plan}"), "already exists"),
    (("new", "{tmp}/no/such/folder/p.json"), "does not exist"),
    (("new", "{tmp}/s.json", "--sample", "nope"), "no sample named 'nope'"),
    (("check", "{plan}", "--format", "xml"), "invalid choice: 'xml'"),
    (("set", "{plan}", "objectives.frequency"), "the following arguments are required: VALUE"),
    (("frobnicate", "x"), "unknown command 'frobnicate'"),
    (("--bogus",), "unrecognized arguments: --bogus"),
    (("export", "{plan}", "--doc", "minutes"), "invalid choice: 'minutes'"),
    (("export", "{plan}", "--format", "odt"), "invalid choice: 'odt'"),
    (("export", "{missing}"), "no plan at"),
    (("export", "{plan}", "-o", "{plan}"), "is the plan itself"),
]


def _fill(arg: str, names: dict) -> str:
    for key, value in names.items():
        arg = arg.replace("{" + key + "}", str(value))
    return arg


@pytest.mark.parametrize("args, message", ERRORS, ids=[" ".join(a) for a, _ in ERRORS])
def test_every_error_is_one_line_exit_2_and_leaves_files_alone(tmp_path, smgov, args, message):
    plan = tmp_path / "plan.json"
    smgov("new", plan, "--name", "Test plan")
    smgov("set", plan, "objectives.frequency", "daily")
    (tmp_path / "not.json").write_text('{"meta": [')
    (tmp_path / "other.json").write_text('{"_default": {}}')
    files = {p: p.read_bytes() for p in tmp_path.iterdir()}
    names = dict(plan=plan, missing=tmp_path / "missing.json", folder=tmp_path,
                 notjson=tmp_path / "not.json", otherjson=tmp_path / "other.json", tmp=tmp_path)
    result = smgov(*(_fill(a, names) for a in args))
    assert result.code == 2
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("smgov: error: "), result.err
    assert message in lines[0]
    assert "Traceback" not in result.err
    assert {p: p.read_bytes() for p in tmp_path.iterdir()} == files


def test_error_output_never_sends_escape_sequences(plan_path, smgov):
    result = smgov("set", plan_path, "objectives.frequency", "\x1b[2Jhourly\x07")
    assert result.code == 2 and "\x1b" not in result.err and "\x07" not in result.err
    assert "\\x1b[2Jhourly\\x07" in result.err


def test_plan_text_with_escapes_is_made_visible(plan_path, smgov):
    smgov("set", plan_path, "platforms.chosen", '[{"platform": "Face\\u001b]52;c;aGk=\\u0007book"}]')
    for args, shown in ((("check", plan_path), "\\x1b]52;c;aGk=\\x07"),
                        (("get", plan_path, "platforms.main"), ""),
                        (("get", plan_path, "platforms.chosen"), "\\u001b]52;c;aGk=\\u0007"),
                        (("check", plan_path, "--format", "json"), "\\u001b]52;c;aGk=\\u0007"),
                        (("set", plan_path, "resources.sponsor", "Dana\x9b2J Ruiz"), "Dana\\x9b2J Ruiz"),
                        (("get", plan_path, "resources.sponsor", "--format", "json"), "Dana\\u009b2J Ruiz")):
        out = smgov(*args).out
        assert not set(out) & {"\x1b", "\x07", "\x9b"}
        assert shown in out


def test_python_dash_m_and_the_console_script(tmp_path):
    plan = tmp_path / "p.json"
    done = subprocess.run([sys.executable, "-m", "smgov_tui", "new", str(plan)], capture_output=True,
                          text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    result = smgov_process("check", plan, "--format", "json", cwd=tmp_path)
    assert result.code == 1 and json.loads(result.out)["decided"] == 0


NO_TEXTUAL = """
import sys
from smgov_tui.cli import main
for args in {commands!r}:
    try:
        main(args)
    except SystemExit:
        pass
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print("TEXTUAL:", loaded)
"""


def test_non_ui_commands_never_import_textual(plan_path, tmp_path):
    commands = [["--version"], ["--help"], ["decisions"], ["decisions", "--format", "json"],
                ["new", str(tmp_path / "n.json")], ["check", str(plan_path)],
                ["check", str(plan_path), "--format", "json"], ["check", str(plan_path), "--format", "grid"],
                ["set", str(plan_path), "objectives.frequency", "daily"],
                ["get", str(plan_path), "objectives.frequency"], ["history", str(plan_path)],
                ["export", str(plan_path), "--doc", "conduct", "--format", "html"],
                ["export", str(plan_path), "-o", str(tmp_path / "plan.comments.json")],
                ["check", str(tmp_path / "nope.json")],
                ["--plain", str(plan_path)], [str(tmp_path / "plain.json"), "--plain"]]  # plain mode too
    done = subprocess.run([sys.executable, "-c", NO_TEXTUAL.format(commands=commands)], check=False,
                          capture_output=True, text=True, cwd=tmp_path, stdin=subprocess.DEVNULL,
                          env={**os.environ, "PYTHONPATH": str(REPO)})  # the source under test
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "TEXTUAL: []"
    assert "smgov, plain mode" in done.stdout and "Left smgov: no plan was started." in done.stdout
    # and the probe can see textual when it is imported
    seen = subprocess.run([sys.executable, "-c", "import textual.app, sys; print('textual' in sys.modules)"],
                          capture_output=True, text=True)
    assert seen.stdout.strip() == "True"


# `smgov BAD_PLAN` now opens the workbench on a screen that says what is wrong
# (and, on quitting, prints the same one line and exits 2): tests/workbench/test_problem.py.


@pytest.mark.parametrize("columns", ["80", "120"])
def test_tables_fit_the_terminal(plan_path, smgov, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", columns)
    smgov("set", plan_path, "platforms.chosen", FACEBOOK_ROWS)
    for args in (("decisions",), ("check", plan_path), ("check", plan_path, "--format", "grid"),
                 ("history", plan_path), ("--help",), ("check", "--help")):
        out = smgov(*args).out
        assert max(len(line) for line in out.splitlines() if not line.startswith("Test plan")) <= int(columns)


def test_a_reader_that_leaves_early_is_not_an_error(tmp_path):
    """`smgov check PLAN | head -1`: no traceback, and the verdict is still the exit code."""
    from conftest import SAMPLES

    plan = tmp_path / "county.json"
    data = json.loads((SAMPLES / "county.json").read_text())
    data["plan"]["1"]["name"] = "Kettle County " * 20_000  # far past a pipe's buffer
    plan.write_text(json.dumps(data))
    script = Path(sys.executable).with_name("smgov")
    command = f"'{script}'" if script.exists() else f"'{sys.executable}' -m smgov_tui"
    for fmt, verdict in (("grid", 1), ("json", 1)):
        done = subprocess.run(["bash", "-c", f"{command} check '{plan}' --format {fmt} | head -c 1 >/dev/null;"
                               " echo ${PIPESTATUS[0]}"], capture_output=True, text=True,
                              env={**os.environ, "COLUMNS": "40"})
        assert done.stdout.strip() == str(verdict) and "Traceback" not in done.stderr, done.stderr


@pytest.mark.parametrize("env, theme", [
    ({"TERM": "xterm"}, "ansi-dark"),
    ({"TERM": "linux"}, "ansi-dark"),
    ({"TERM": "xterm-256color"}, "textual-dark"),
    ({"TERM": "xterm", "COLORTERM": "truecolor"}, "textual-dark"),
    ({"TERM": "xterm", "SMGOV_THEME": "nord"}, "nord"),
])
def test_sixteen_colour_terminals_start_in_the_ansi_theme(env, theme):
    from smgov_tui.tui.app import starting_theme

    assert starting_theme(env) == theme


# Bad plan files: one line, exit 2, every file in the folder left as it was


def _sample_bytes() -> bytes:
    from conftest import SAMPLES

    return (SAMPLES / "county.json").read_bytes()


def _make_bad(kind: str, folder: Path, monkeypatch) -> Path:
    plan = folder / "plan.json"
    if kind == "empty":
        plan.write_bytes(b"")
    elif kind == "truncated":
        plan.write_bytes(_sample_bytes()[:5000])
    elif kind == "NUL bytes":
        good = _sample_bytes()
        plan.write_bytes(good[:3000] + b"\x00" * 64 + good[3000:])
    elif kind == "not JSON":
        plan.write_text("name: Kettle County\nvalues: []\n")
    elif kind == "JSON, not a plan":
        plan.write_text('{"_default": {"1": {"name": "x"}}}')
    elif kind == "newer schema":
        data = json.loads(_sample_bytes())
        data["meta"]["1"]["schema"] = 99
        plan.write_text(json.dumps(data))
    elif kind == "no read permission":
        plan.write_bytes(_sample_bytes())
        plan.chmod(0)
        real_open = os.open

        def refused(path, *args, **kwargs):  # root reads anything: refuse as the kernel would for others
            if Path(path) == plan:
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr(os, "open", refused)
    elif kind == "a folder":
        plan.mkdir()
    elif kind == "missing parent folder":
        plan = folder / "gone" / "plan.json"
    elif kind == "50 MB":
        with plan.open("wb") as handle:  # sparse: costs no disk; the size alone must refuse it
            handle.write(_sample_bytes()[:-3])
            handle.truncate(50_000_000)
    return plan


BAD_PLANS = {
    "empty": "is empty: not a smgov plan",
    "truncated": "not valid JSON",
    "NUL bytes": "not valid JSON",
    "not JSON": "not valid JSON",
    "JSON, not a plan": "JSON but not a smgov plan",
    "newer schema": "written by a newer smgov (plan schema 99",
    "no read permission": "permission denied",
    "a folder": "is a folder, not a plan file",
    "missing parent folder": "does not exist",
    "50 MB": "is too large to be a smgov plan (50.0 MB; plans are at most 32.0 MB)",
}


def _snapshot(folder: Path) -> dict:
    return {p: (p.read_bytes() if p.is_file() else "folder", p.stat().st_mode)
            for p in sorted(folder.rglob("*"))}


@pytest.mark.parametrize("command", ["check", "set"])
@pytest.mark.parametrize("kind", BAD_PLANS)
def test_a_bad_plan_file_is_one_line_exit_2_and_left_as_it_was(tmp_path, smgov, monkeypatch, kind, command):
    plan = _make_bad(kind, tmp_path, monkeypatch)
    before = _snapshot(tmp_path)
    args = ("check", plan) if command == "check" else ("set", plan, "objectives.frequency", "daily")
    result = smgov(*args)
    assert result.code == 2 and result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("smgov: error: "), result.err
    assert BAD_PLANS[kind] in lines[0]
    assert _snapshot(tmp_path) == before


def test_a_full_disk_on_save_is_one_line_and_leaves_the_plan_as_it_was(plan_path, smgov, monkeypatch):
    smgov("set", plan_path, "objectives.frequency", "weekly")
    before = _snapshot(plan_path.parent)
    real_write = os.write

    def full(fd, data):
        if fd > 2:
            raise OSError(28, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full)
    result = smgov("set", plan_path, "objectives.frequency", "daily")
    monkeypatch.setattr(os, "write", real_write)
    assert result.code == 2 and result.out == ""
    assert result.err.splitlines() == [(f"smgov: error: cannot save {plan_path}: No space left on device; "
                                        "the file on disk is unchanged")]
    assert _snapshot(plan_path.parent) == before  # no temp file left either
    assert smgov("get", plan_path, "objectives.frequency").out == "weekly\n"


def test_a_fifo_named_as_a_plan_does_not_hang(tmp_path, smgov):
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)
    result = smgov("check", fifo)
    assert result.code == 2 and "is not a regular file" in result.err


# Restore


def test_restore_after_a_bad_hand_edit_brings_back_the_last_good_version(plan_path, smgov):
    smgov("set", plan_path, "objectives.frequency", "daily")
    smgov("set", plan_path, "resources.budget", "$2,400")
    good = plan_path.read_bytes()
    plan_path.write_text(good.decode()[:-40])  # a hand edit that cut the end off
    broken = smgov("check", plan_path)
    assert broken.code == 2
    assert broken.err.strip().endswith(f"smgov restore {plan_path} brings back the last version smgov saved")
    result = smgov("restore", plan_path)
    assert result.code == 0 and result.err == ""
    assert result.out.startswith(f"restored {plan_path} from {plan_path}.bak; the file it replaced is kept as "
                                 f"{plan_path}.replaced-")
    assert plan_path.read_bytes() == good
    assert smgov("get", plan_path, "resources.budget").out == "2,400\n"
    kept = next(plan_path.parent.glob("plan.json.replaced-*"))
    assert kept.read_bytes() == good[:-40]
    again = smgov("restore", plan_path)
    assert again.code == 0 and "nothing to restore" in again.out


def test_restore_without_a_backup_is_one_line_and_changes_nothing(plan_path, smgov):
    before = _snapshot(plan_path.parent)
    result = smgov("restore", plan_path)
    assert result.code == 2 and result.out == ""
    assert result.err.splitlines() == [(f"smgov: error: no backup of {plan_path} to restore (plan.json.bak does "
                                        "not exist; smgov keeps one from the first change it saves)")]
    assert _snapshot(plan_path.parent) == before


# Warnings


def test_a_plan_others_can_write_warns_without_changing_the_exit_code(plan_path, smgov):
    plan_path.chmod(0o666)
    for args, code in ((("check", plan_path), 1), (("get", plan_path, "objectives.frequency"), 1),
                       (("set", plan_path, "objectives.frequency", "daily"), 0)):
        result = smgov(*args)
        assert result.code == code
        assert result.err.splitlines() == [(f"smgov: warning: {plan_path} is writable by other users "
                                            f"(mode 0666): chmod 600 {plan_path}")]
    plan_path.chmod(0o600)
    assert smgov("check", plan_path).err == ""


# Older schemas


def _v1(path: Path) -> bytes:
    """The plan at `path` rewritten as schema 1 was, with fields smgov does not know."""
    data = json.loads(path.read_text())
    del data["meta"]["1"]["revision"]
    data["meta"]["1"]["schema"] = 1
    data["meta"]["1"]["team"] = "comms"
    data["attachments"] = {"1": {"file": "logo.png"}}
    data["plan"]["1"]["values"]["future.idea"] = [1, 2]
    raw = json.dumps(data, indent=1).encode()
    path.write_bytes(raw)
    return raw


def test_reading_an_older_plan_migrates_in_memory_only(plan_path, smgov):
    smgov("set", plan_path, "objectives.frequency", "daily")
    raw = _v1(plan_path)
    assert smgov("check", plan_path).code == 1
    assert smgov("get", plan_path, "objectives.frequency").out == "daily\n"
    assert smgov("history", plan_path).code == 0
    assert plan_path.read_bytes() == raw
    assert not plan_path.with_name("plan.json.v1.bak").exists()


def test_a_change_saves_an_older_plan_migrated_and_keeps_the_original(plan_path, smgov):
    smgov("set", plan_path, "objectives.frequency", "daily")
    raw = _v1(plan_path)
    assert smgov("set", plan_path, "resources.budget", "100").code == 0
    original = plan_path.with_name("plan.json.v1.bak")
    assert original.read_bytes() == raw and original.stat().st_mode & 0o777 == 0o600
    data = json.loads(plan_path.read_text())
    assert data["meta"]["1"]["schema"] == 2
    assert data["meta"]["1"]["revision"] == 2  # one change before, one now
    assert data["meta"]["1"]["team"] == "comms"
    assert data["attachments"] == {"1": {"file": "logo.png"}}
    assert data["plan"]["1"]["values"]["future.idea"] == [1, 2]
    assert data["plan"]["1"]["values"]["resources.budget"] == 100
