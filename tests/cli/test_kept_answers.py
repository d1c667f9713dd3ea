"""The answers `smgov check FOLDER` and `smgov register FOLDER` keep in the user's
cache folder (storage/kept.py): the same output from them as worked out afresh,
never an answer about other content than the file holds, and nothing read from
a file smgov did not make for this user (issue 17, point 5)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import SAMPLES
from hypothesis import given
from hypothesis import strategies as st

from smgov_tui.cli.portfolio import plans_json
from smgov_tui.core.textsafe import json_text
from smgov_tui.storage import kept as kept_module
from smgov_tui.storage.kept import Kept, digest


def _answers(name: str) -> Path:
    return Path(os.environ["XDG_CACHE_HOME"]) / "smgov" / "answers" / f"{name}.json"


@pytest.fixture
def county(tmp_path) -> Path:
    """Parks is launch-ready and signed off; the library is a draft."""
    folder = tmp_path / "county"
    for sample, name in (("small-city", "parks"), ("county", "library")):
        (folder / name).mkdir(parents=True)
        shutil.copy(SAMPLES / f"{sample}.json", folder / name / f"{name}.json")
    return folder


def _tamper(name: str, plan: Path, change) -> None:
    """Rewrite the answer kept for `plan`'s bytes, as only this user could."""
    path = _answers(name)
    kept = json.loads(path.read_text(encoding="utf-8"))
    change(kept["answers"][digest(plan.read_bytes())])
    path.write_text(json.dumps(kept), encoding="utf-8")


def _ours(answer: dict) -> None:
    answer["summary"][0] = "Kept Answer Borough"


@pytest.mark.parametrize("args", [("check",), ("check", "--format", "json"), ("register",),
                                  ("register", "--format", "csv"), ("register", "--format", "json")])
def test_a_second_look_prints_what_the_first_worked_out(county, smgov, args):
    first = smgov(*args, county)
    path = _answers("check-json" if args == ("check", "--format", "json") else args[0])
    assert path.is_file()
    assert (path.stat().st_mode & 0o777, path.parent.stat().st_mode & 0o777) == (0o600, 0o700)
    assert smgov(*args, county) == first
    assert smgov(*args, "--no-cache", county) == first


def test_a_kept_answer_is_what_the_second_look_prints(county, smgov):
    """The test of the rest: an answer changed in the file is printed, so it was read."""
    smgov("check", county, "--format", "github")
    _tamper("check", county / "parks" / "parks.json", _ours)
    assert "Kept Answer Borough" in smgov("check", county, "--format", "github").out
    assert "Kept Answer Borough" not in smgov("check", "--no-cache", county, "--format", "github").out


def test_a_changed_plan_is_judged_afresh(county, smgov):
    parks = county / "parks" / "parks.json"
    assert smgov("check", county).code == 1
    smgov("check", county)
    _tamper("check", parks, _ours)
    assert smgov("set", parks, "organisation.name", "City of Parks Anew").code == 0
    out = smgov("check", county, "--format", "github").out
    assert "City of Parks Anew" in out and "Kept Answer Borough" not in out


def test_another_day_is_judged_afresh(county, smgov):
    smgov("check", county, "--as-of", "2026-12-07")
    _tamper("check", county / "parks" / "parks.json", _ours)
    assert "Kept Answer Borough" in smgov("check", county, "--as-of", "2026-12-07", "--format", "github").out
    assert "Kept Answer Borough" not in smgov("check", county, "--as-of", "2026-12-08", "--format", "github").out


def test_a_register_answer_is_kept_without_the_plans_name(county, smgov, tmp_path):
    """The same file named another way (moved, or by another path) keeps its accounts, each
    listed under the name it has now."""
    smgov("register", county)

    def handle(answer: dict) -> None:
        answer["accounts"][0][3] = "@KeptHandle"

    _tamper("register", county / "parks" / "parks.json", handle)
    moved = tmp_path / "moved"
    shutil.move(county, moved)
    result = smgov("register", moved, "--format", "json")
    listed = json.loads(result.out)["accounts"]
    assert [a["plan"] for a in listed if a["handle"] == "@KeptHandle"] == [str(moved / "parks" / "parks.json")]


@pytest.mark.parametrize("how", ["a link", "writable by others", "damaged", "another owner's stamp"])
def test_a_kept_file_in_doubt_is_never_read(county, smgov, tmp_path, how):
    smgov("check", county)
    _tamper("check", county / "parks" / "parks.json", _ours)
    path = _answers("check")
    if how == "a link":
        elsewhere = tmp_path / "planted.json"
        shutil.move(path, elsewhere)
        path.symlink_to(elsewhere)
    elif how == "writable by others":
        path.chmod(0o666)
    elif how == "damaged":
        path.write_bytes(path.read_bytes()[:-40])
    else:
        kept = json.loads(path.read_text(encoding="utf-8"))
        kept["stamp"][1] = "0" * 64
        path.write_text(json.dumps(kept), encoding="utf-8")
    result = smgov("check", county, "--format", "github")
    assert "Kept Answer Borough" not in result.out
    assert result.code == 1 and result.err == ""


def test_other_code_starts_afresh(tmp_path, monkeypatch):
    """An upgrade or an edit of the checks: the stamp (every module's size and time) differs."""
    kept = Kept(tmp_path, "check", day="2026-12-07")
    kept.put("abc", {"summary": ["x"]})
    kept.save()
    assert Kept(tmp_path, "check", day="2026-12-07").get("abc") == {"summary": ["x"]}
    assert Kept(tmp_path, "check", day="2026-12-08").get("abc") is None
    monkeypatch.setattr(kept_module, "code_stamp", lambda: ["another Python", "another smgov"])
    assert Kept(tmp_path, "check", day="2026-12-07").get("abc") is None


def test_a_full_disk_costs_only_time(county, smgov, monkeypatch):
    def full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kept_module, "write_atomically", full)
    result = smgov("check", county)
    assert result.code == 1 and result.err == ""
    assert not _answers("check").exists()


_text = st.text(st.characters(codec="utf-8"), max_size=12)
_json = st.recursive(st.none() | st.booleans() | st.integers() | _text,
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_text, inner, max_size=3),
                     max_leaves=8)


@given(st.booleans(), st.dictionaries(_text, _json, max_size=4))
def test_the_json_of_many_plans_is_json_text_of_them_all(ready, checklists):
    """Made from each checklist's kept text, byte for byte what dumping them all gives."""
    assert plans_json(ready, {path: json_text(value) for path, value in checklists.items()}) == \
        json_text({"ready": ready, "plans": checklists})
