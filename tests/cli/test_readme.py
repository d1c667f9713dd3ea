"""The README's promises: its commands are the ones CI runs, its JSON is the real shape."""

import json
import re

from conftest import REPO


def readme() -> str:
    return (REPO / "README.md").read_text()


def fenced(text: str) -> list[str]:
    return re.findall(r"```\w*\n(.*?)```", text, re.S)


def test_first_commands_install_and_open_then_install_and_test():
    blocks = fenced(readme())
    assert blocks[0].strip() == "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/smgov"
    ci = (REPO / ".ci" / "run").read_text()
    test_command = re.search(r'^TEST_COMMAND="(.*)"$', ci, re.M)[1]
    assert blocks[1].strip() == test_command
    assert 'bash -c "$TEST_COMMAND"' in ci


def test_documented_check_json_matches_the_real_keys(smgov, tmp_path):
    documented = json.loads(next(b for b in fenced(readme()) if b.lstrip().startswith('{\n  "plan"')))
    path = tmp_path / "p.json"
    smgov("new", path)
    smgov("set", path, "platforms.chosen", '[{"platform": "Facebook"}]')
    real = json.loads(smgov("check", path, "--format", "json").out)
    assert set(documented) == set(real)
    assert set(documented["items"][0]) == set(real["items"][0])


def test_readme_states_the_real_catalogue_size():
    from smgov_tui.core.catalogue import CATALOGUE

    assert f"({len(CATALOGUE)} decisions" in readme()
