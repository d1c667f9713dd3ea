"""Plans kept in git, tested against real git repositories made in each test: `smgov
git-setup`, the readable diff git shows through the textconv, and the merge driver on
merges, conflicts, rebases and cherry-picks. git runs the installed `smgov` script (from
the venv this Python runs in), with the same environment as the test (its own HOME)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from smgov_tui.storage import layout, store
from smgov_tui.storage.store import PlanStore
from tests.conftest import SAMPLES

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture
def clock(monkeypatch):
    """History stamps the test sets, so an entry's place in time is the test's, not the race's."""
    now = {"when": "2027-01-04T09:00:00Z"}
    monkeypatch.setattr(store, "now_utc", lambda: now["when"])
    monkeypatch.setattr(store, "login_name", lambda: "druiz")
    return now


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A git repository with a sample plan committed on `main`, git-setup done, git finding
    the `smgov` of this venv first on PATH."""
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    folder = tmp_path / "plans"
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    git(folder, "config", "user.name", "Dana Ruiz")
    git(folder, "config", "user.email", "druiz@example.gov")
    shutil.copy(SAMPLES / "small-city.json", folder / "plan.json")
    return folder


def git(folder: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, timeout=120)
    if check and done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done


def set_up(repo: Path, smgov) -> None:
    assert smgov("git-setup", repo).code == 0
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "the plan")


def change(repo: Path, smgov, clock, when: str, decision: str, value: str, message: str) -> None:
    clock["when"] = when
    result = smgov("set", repo / "plan.json", decision, value)
    assert result.code == 0, result.err
    git(repo, "commit", "-q", "-am", message)


def history(path: Path) -> list[dict]:
    return [entry for _, entry in sorted(json.loads(path.read_text())["history"].items(), key=lambda p: int(p[0]))]


def assert_checksum_right(path: Path) -> None:
    """meta.history_crc32 is the crc32 of the history section's bytes, as smgov's save checks it."""
    raw = path.read_bytes()
    found = layout.split(raw)
    assert found is not None, "not laid out as smgov writes a plan"
    assert json.loads(raw)["meta"]["1"]["history_crc32"] == zlib.crc32(raw[found[1]:])


def merge_items(smgov, plan: Path) -> list[str]:
    """The checklist's unresolved merges (the sample's sign-off goes out of date with any change)."""
    return [i["id"] for i in json.loads(smgov("check", plan, "--format", "json").out)["items"]
            if i["id"].startswith("merge.")]


# git-setup


def test_git_setup_installs_once_and_a_second_run_changes_nothing(repo, smgov):
    first = smgov("git-setup", repo)
    assert first.code == 0, first.err
    assert ".gitattributes: added *.json diff=smgov merge=smgov" in first.out
    assert "git config merge.smgov.driver: set to smgov merge-driver %O %A %B %P" in first.out
    files = {name: (repo / name).read_bytes() for name in (".gitattributes", ".gitignore")}
    config = git(repo, "config", "--local", "--list").stdout
    assert "diff.smgov.textconv=smgov textconv" in config
    assert "merge.smgov.name=smgov plan merge" in config

    second = smgov("git-setup", repo)
    assert second.code == 0
    assert "added" not in second.out and "set to" not in second.out
    assert "already has *.json diff=smgov merge=smgov" in second.out
    assert {name: (repo / name).read_bytes() for name in files} == files
    assert git(repo, "config", "--local", "--list").stdout == config


def test_git_setup_keeps_what_the_files_had_and_takes_a_pattern(repo, smgov):
    (repo / ".gitignore").write_text("build/\n")
    result = smgov("git-setup", repo, "--pattern", "plans/*.plan")
    assert result.code == 0, result.err
    assert (repo / ".gitattributes").read_text() == "plans/*.plan diff=smgov merge=smgov\n"
    ignored = (repo / ".gitignore").read_text().splitlines()
    assert ignored[0] == "build/"
    assert {"plans/*.plan.bak", "plans/.*.plan.lock", "plans/.*.plan.*.tmp"} <= set(ignored)


def test_git_setup_outside_a_repository_is_one_line_and_exit_2(tmp_path, smgov, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))  # whatever holds the test's folder
    monkeypatch.chdir(tmp_path)  # and nothing of the project's own repository within reach
    result = smgov("git-setup", tmp_path)
    assert result.code == 2
    assert result.err == f"smgov: error: git-setup: {tmp_path} is not in a git repository (run git init first, or name one)\n"
    assert list(tmp_path.iterdir()) == []


def test_git_setup_never_writes_through_a_link(repo, tmp_path, smgov):
    outside = tmp_path / "elsewhere"
    outside.write_text("kept\n")
    (repo / ".gitignore").symlink_to(outside)
    result = smgov("git-setup", repo)
    assert result.code == 2
    assert "is a symbolic link; not changed" in result.err
    assert outside.read_text() == "kept\n"


def test_git_status_stays_clean_of_smgovs_own_files_beside_a_plan(repo, smgov, clock):
    set_up(repo, smgov)
    plan = repo / "plan.json"
    change(repo, smgov, clock, "2027-01-04T10:00:00Z", "response.tone", "formal and informative", "tone")
    for companion in ("plan.json.bak", ".plan.json.lock", "plan.json.v1.bak", "plan.json.replaced-20261201T100000Z",
                      ".plan.json.a1b2c3d4.tmp"):
        (repo / companion).touch()
    assert (repo / "plan.json.bak").exists() and (repo / ".plan.json.lock").exists()
    assert git(repo, "status", "--porcelain").stdout == ""
    assert plan.exists()


# the readable diff


def test_git_diff_and_log_show_a_change_as_readable_lines(repo, smgov, clock):
    set_up(repo, smgov)
    kept = len(history(repo / "plan.json"))  # the sample's own entries; a change adds the next
    clock["when"] = "2027-01-04T10:00:00Z"
    assert smgov("set", repo / "plan.json", "response.tone", "formal and informative").code == 0
    diff = git(repo, "diff").stdout
    assert "-response.tone: friendly but formal" in diff
    assert "+response.tone: formal and informative" in diff
    assert f"+history {kept + 1}, 2027-01-04T10:00:00Z, druiz: response.tone: friendly but formal → formal and informative" in diff
    assert '"history_crc32"' not in diff and "{" not in diff  # lines, not JSON
    git(repo, "commit", "-q", "-am", "tone")

    rows = json.loads((repo / "plan.json").read_text())["plan"]["1"]["values"]["platforms.chosen"]
    rows[0]["owner"], rows[0]["backup"] = "Lee Chen", "Dana Ruiz"
    rows.append({**rows[1], "platform": "Nextdoor", "handle": "@HarborFallsNextdoor"})
    del rows[1]
    change(repo, smgov, clock, "2027-01-04T11:00:00Z", "platforms.chosen", json.dumps(rows), "platforms")
    log = git(repo, "log", "-p", "-2").stdout
    assert "-platforms.chosen[Facebook].owner: Dana Ruiz" in log
    assert "+platforms.chosen[Facebook].owner: Lee Chen" in log
    assert "+platforms.chosen[Nextdoor]" in log and "-platforms.chosen[Instagram]" in log
    summary = next(line for line in log.splitlines() if line.startswith(f"+history {kept + 2},"))
    assert "platforms.chosen: + Nextdoor; platforms.chosen: - Instagram" in summary
    assert "platforms.chosen[Facebook].owner: Dana Ruiz → Lee Chen" in summary
    assert "+response.tone: formal and informative" in log  # the older commit too


def test_textconv_prints_a_file_that_is_not_a_plan_as_it_is(tmp_path, smgov):
    for name, data in (("package.json", b'{"name": "site"}\n'), ("broken.json", b'{"meta": \x00'),
                       ("empty.json", b"")):
        path = tmp_path / name
        path.write_bytes(data)
        done = subprocess.run([sys.executable, "-m", "smgov_tui", "textconv", str(path)], capture_output=True)
        assert (done.returncode, done.stdout, done.stderr) == (0, data, b"")


def test_textconv_shows_plan_text_inert(tmp_path, smgov):
    path = tmp_path / "plan.json"
    assert smgov("new", path, "--name", "Town").code == 0
    assert smgov("set", path, "response.tone", "calm\x1b[2J\x07 and clear").code in (0, 2)
    out = smgov("textconv", path).out
    assert "\x1b" not in out and "\x07" not in out


# the merge driver


def test_branches_changing_different_rows_of_one_list_merge_cleanly(repo, smgov, clock):
    """Parks adds Nextdoor while the library hands Facebook to Lee Chen: one list, two rows."""
    set_up(repo, smgov)
    rows = json.loads((repo / "plan.json").read_text())["plan"]["1"]["values"]["platforms.chosen"]
    git(repo, "checkout", "-q", "-b", "parks")
    nextdoor = {**rows[1], "platform": "Nextdoor", "handle": "@HarborFallsNextdoor"}
    change(repo, smgov, clock, "2027-01-04T10:05:00Z", "platforms.chosen", json.dumps([*rows, nextdoor]), "parks")
    git(repo, "checkout", "-q", "-b", "library", "main")
    handed = [{**rows[0], "owner": "Lee Chen", "backup": "Dana Ruiz"}, *rows[1:]]
    change(repo, smgov, clock, "2027-01-04T10:00:00Z", "platforms.chosen", json.dumps(handed), "library")
    git(repo, "checkout", "-q", "parks")

    merged = git(repo, "merge", "--no-edit", "library")
    assert "CONFLICT" not in merged.stdout and git(repo, "status", "--porcelain").stdout == ""
    chosen = PlanStore(repo / "plan.json").load().rows("platforms.chosen")
    assert [(row["platform"], row["owner"]) for row in chosen] == [
        ("Facebook", "Lee Chen"), ("Instagram", rows[1]["owner"]), ("Nextdoor", rows[1]["owner"])]
    assert merge_items(smgov, repo / "plan.json") == []


def test_branches_changing_different_decisions_merge_cleanly(repo, smgov, clock):
    set_up(repo, smgov)
    git(repo, "checkout", "-q", "-b", "parks")
    change(repo, smgov, clock, "2027-01-04T10:05:00Z", "response.tone", "formal and informative", "parks: tone")
    parks_revision = json.loads((repo / "plan.json").read_text())["meta"]["1"]["revision"]
    git(repo, "checkout", "-q", "-b", "library", "main")
    change(repo, smgov, clock, "2027-01-04T10:00:00Z", "objectives.frequency", "weekly", "library: frequency")
    change(repo, smgov, clock, "2027-01-04T10:10:00Z", "response.reply_target", "2 business days", "library: target")
    library_revision = json.loads((repo / "plan.json").read_text())["meta"]["1"]["revision"]
    git(repo, "checkout", "-q", "parks")

    merged = git(repo, "merge", "--no-edit", "library")
    assert "CONFLICT" not in merged.stdout
    plan = repo / "plan.json"
    assert git(repo, "status", "--porcelain").stdout == ""
    opened = PlanStore(plan).load()  # opens: a plan smgov reads
    assert opened.values["response.tone"] == "formal and informative"
    assert opened.values["objectives.frequency"] == "weekly"
    assert opened.values["response.reply_target"] == "2 business days"
    new = [(e["when"], e["decision"]) for e in history(plan)[-3:]]
    assert new == [("2027-01-04T10:00:00Z", "objectives.frequency"), ("2027-01-04T10:05:00Z", "response.tone"),
                   ("2027-01-04T10:10:00Z", "response.reply_target")]
    entries = [json.dumps(e, sort_keys=True) for e in history(plan)]
    sample = len(json.loads((SAMPLES / "small-city.json").read_text())["history"])
    assert len(entries) == len(set(entries)) == sample + 3  # the sample's own once, each branch's once
    assert_checksum_right(plan)
    assert json.loads(plan.read_text())["meta"]["1"]["revision"] > max(parks_revision, library_revision)
    assert merge_items(smgov, plan) == []


def conflicting_merge(repo: Path, smgov, clock) -> subprocess.CompletedProcess:
    """Branch `parks` and branch `library` set response.tone differently (library also sets
    objectives.frequency); library merged into parks."""
    set_up(repo, smgov)
    git(repo, "checkout", "-q", "-b", "parks")
    change(repo, smgov, clock, "2027-01-04T10:00:00Z", "response.tone", "formal and informative", "parks: tone")
    git(repo, "checkout", "-q", "-b", "library", "main")
    change(repo, smgov, clock, "2027-01-04T10:01:00Z", "response.tone", "casual and friendly", "library: tone")
    change(repo, smgov, clock, "2027-01-04T10:02:00Z", "objectives.frequency", "weekly", "library: frequency")
    git(repo, "checkout", "-q", "parks")
    return git(repo, "merge", "--no-edit", "library", check=False)


def test_the_same_decision_changed_on_both_sides_is_a_conflict_left_as_a_valid_plan(repo, smgov, clock):
    merged = conflicting_merge(repo, smgov, clock)
    assert merged.returncode != 0
    assert "CONFLICT (content): Merge conflict in plan.json" in merged.stdout
    assert ("response.tone changed on both sides (ours: formal and informative, theirs: casual and friendly)"
            in merged.stderr)
    assert git(repo, "status", "--porcelain").stdout == "UU plan.json\n"
    plan = repo / "plan.json"
    assert "<<<<<<<" not in plan.read_text()
    assert_checksum_right(plan)
    assert PlanStore(plan).load().values["objectives.frequency"] == "weekly"  # the other change merged

    check = smgov("check", plan)
    assert check.code == 1
    assert ("Unresolved merge: response.tone (ours: formal and informative, theirs: casual and friendly)"
            in " ".join(check.out.split()))
    as_json = json.loads(smgov("check", plan, "--format", "json").out)
    assert [i["id"] for i in as_json["items"] if i["id"].startswith("merge.")] == ["merge.response.tone"]

    chosen = smgov("set", plan, "response.tone", "casual and friendly")
    assert chosen.code == 0
    assert merge_items(smgov, plan) == []
    assert "unresolved" not in json.loads(plan.read_text())["meta"]["1"]
    git(repo, "add", "plan.json")
    git(repo, "commit", "-q", "--no-edit")
    assert git(repo, "status", "--porcelain").stdout == ""


def test_choosing_the_value_the_plan_already_holds_clears_the_mark(repo, smgov, clock):
    conflicting_merge(repo, smgov, clock)
    plan = repo / "plan.json"
    assert merge_items(smgov, plan) == ["merge.response.tone"]
    assert smgov("set", plan, "response.tone", "formal and informative").code == 0  # ours: kept
    assert merge_items(smgov, plan) == []


def test_rebase_and_cherry_pick_of_plan_changes_go_through_the_driver(repo, smgov, clock):
    set_up(repo, smgov)
    git(repo, "checkout", "-q", "-b", "parks")
    change(repo, smgov, clock, "2027-01-04T10:00:00Z", "response.tone", "formal and informative", "parks: tone")
    git(repo, "checkout", "-q", "main")
    change(repo, smgov, clock, "2027-01-04T10:01:00Z", "objectives.frequency", "weekly", "main: frequency")
    git(repo, "checkout", "-q", "-b", "library", "parks")
    change(repo, smgov, clock, "2027-01-04T10:02:00Z", "response.reply_target", "2 business days", "library")

    git(repo, "checkout", "-q", "parks")
    git(repo, "rebase", "-q", "main")
    plan = repo / "plan.json"
    values = PlanStore(plan).load().values
    assert (values["response.tone"], values["objectives.frequency"]) == ("formal and informative", "weekly")
    assert [e["when"] for e in history(plan)[-2:]] == ["2027-01-04T10:00:00Z", "2027-01-04T10:01:00Z"]
    assert_checksum_right(plan)

    git(repo, "cherry-pick", "library")
    values = PlanStore(plan).load().values
    assert values["response.reply_target"] == "2 business days"
    assert values["objectives.frequency"] == "weekly" and values["response.tone"] == "formal and informative"
    assert [e["decision"] for e in history(plan)[-3:]] == ["response.tone", "objectives.frequency",
                                                           "response.reply_target"]
    assert_checksum_right(plan)
    assert git(repo, "status", "--porcelain").stdout == ""


def test_a_json_file_that_is_not_a_plan_merges_as_git_merges_text(repo, smgov):
    set_up(repo, smgov)
    site = repo / "site.json"
    site.write_text('{\n  "a": 1,\n  "b": 2,\n  "c": 3\n}\n')
    git(repo, "add", "site.json")
    git(repo, "commit", "-q", "-m", "site")
    git(repo, "checkout", "-q", "-b", "one")
    site.write_text('{\n  "a": 10,\n  "b": 2,\n  "c": 3\n}\n')
    git(repo, "commit", "-q", "-am", "a")
    git(repo, "checkout", "-q", "-b", "two", "main")
    site.write_text('{\n  "a": 1,\n  "b": 2,\n  "c": 30\n}\n')
    git(repo, "commit", "-q", "-am", "c")
    git(repo, "merge", "--no-edit", "one")
    assert site.read_text() == '{\n  "a": 10,\n  "b": 2,\n  "c": 30\n}\n'

    git(repo, "checkout", "-q", "-b", "three", "main")
    site.write_text('{\n  "a": 99,\n  "b": 2,\n  "c": 3\n}\n')
    git(repo, "commit", "-q", "-am", "a again")
    clash = git(repo, "merge", "--no-edit", "one", check=False)
    assert clash.returncode != 0
    assert "<<<<<<< ours" in site.read_text() and ">>>>>>> theirs" in site.read_text()
