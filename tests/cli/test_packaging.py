"""The installed package carries what it needs and works from any folder."""

from __future__ import annotations

import json
import sysconfig
from importlib import metadata

from conftest import smgov_process


def installed() -> metadata.Distribution:
    """The installed wheel's metadata, not a build's egg-info in the source tree."""
    found = list(metadata.distributions(name="smgov", path=[sysconfig.get_paths()["purelib"]]))
    assert found, "smgov is not installed in this environment: run the README's test command"
    return found[0]


def test_the_wheel_ships_styles_and_sample_plans():
    dist = installed()
    files = {str(f) for f in dist.files or ()}
    assert "smgov_tui/styles/smgov.tcss" in files
    for name in ("small-city", "county", "agency"):
        assert f"smgov_tui/sample_plans/{name}.json" in files
    entry_points = {ep.name: ep.value for ep in dist.entry_points if ep.group == "console_scripts"}
    assert entry_points["smgov"] == "smgov_tui.cli:main"


def test_installed_smgov_runs_from_another_folder(tmp_path):
    made = smgov_process("new", "mine.json", "--sample", "county", cwd=tmp_path)
    assert made.code == 0, made.err
    checked = smgov_process("check", "mine.json", "--format", "json", cwd=tmp_path)
    assert checked.code == 1 and json.loads(checked.out)["decided"] > 20
    assert smgov_process("--version", cwd=tmp_path).out.startswith("smgov ")


def test_the_wheel_ships_every_package_of_the_source():
    """A package missing from pyproject's list installs nothing, and the installed
    command fails where it imports it (smgov_tui.core.suggestions did, in plain mode)."""
    from pathlib import Path

    source = Path(__file__).resolve().parents[2] / "smgov_tui"
    packages = {str(init.relative_to(source.parent)) for init in source.rglob("__init__.py")}
    files = {str(f) for f in installed().files or ()}
    assert packages <= files, sorted(packages - files)
