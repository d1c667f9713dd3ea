"""The layers hold: the import-linter contracts in pyproject.toml pass on the
tree, and they catch an arrow drawn the wrong way (so this test can fail)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

LINT = [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports; "
        "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True))"]


def lint(root: Path) -> subprocess.CompletedProcess:
    """lint-imports on the smgov_tui under `root`, in a process of its own: the
    graph is built from whichever smgov_tui that process imports."""
    return subprocess.run(LINT, cwd=root, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin", "HOME": str(root), "COLUMNS": "200"})


def test_the_contracts_hold():
    done = lint(REPO)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


@pytest.mark.parametrize(("module", "line", "broken"), [
    ("core/plan.py", "import textual", "The core is pure"),
    ("storage/samples.py", "from smgov_tui.tui import app", "Layers"),
    ("tui/widgets/steps.py", "from smgov_tui.tui.screens import step", "Widgets never reach"),
    ("core/names.py", "from smgov_tui.core import hours", "No import circle"),
    ("plain/console.py", "from smgov_tui.cli import main", "Nothing imports the command line"),
])
def test_a_wrong_arrow_breaks_a_contract(tmp_path, module, line, broken):
    shutil.copytree(REPO / "smgov_tui", tmp_path / "smgov_tui", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    target = tmp_path / "smgov_tui" / module
    target.write_text(target.read_text() + f"\n\ndef _late():\n    {line}\n")  # deferred imports count
    done = lint(tmp_path)
    assert done.returncode == 1, done.stdout
    kept_or_broken = {row.rsplit(" ", 1)[0]: row.rsplit(" ", 1)[1] for row in done.stdout.splitlines()
                      if row.endswith((" KEPT", " BROKEN"))}
    assert [name for name, state in kept_or_broken.items() if state == "BROKEN" and name.startswith(broken)]
