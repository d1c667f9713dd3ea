"""Plans kept in git: `smgov git-setup`, and the two commands git runs, `textconv` and `merge-driver`.

A team that outgrows one plan keeps its plans in git rather than in a sync of
smgov's own. git-setup tells git, in the repository it was pointed at and only
there, that plan files diff as readable lines (core/readable.py) and merge
decision by decision (storage/merge.py), and that the files smgov keeps beside
a plan (lock, backups, temp files: storage/files.py and backup.py name them)
are not the team's to commit. Each step is done once: a second run changes
nothing and says so.

git runs the textconv on every file the pattern matches, so a file that is
not a plan is printed as it is, never refused; the merge driver hands such a
file to git's own line merge (`git merge-file`).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from smgov_tui.core.errors import PlanFileError
from smgov_tui.core.textsafe import one_line
from smgov_tui.terminal.output import fail, warn

DRIVER = "smgov"
PATTERN = "*.json"
# What git-setup writes into the repository's git config, in order.
CONFIG = (("diff.smgov.textconv", "smgov textconv"),
          ("merge.smgov.name", "smgov plan merge"),
          ("merge.smgov.driver", "smgov merge-driver %O %A %B %P"))
IGNORE_HEADER = "# smgov's own files beside each plan: lock, backups, temp files (smgov git-setup)"


def _git(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    except FileNotFoundError:
        fail("git-setup: git is not installed (no git on PATH)")


def attributes_line(pattern: str) -> str:
    return f"{pattern} diff={DRIVER} merge={DRIVER}"


def ignore_rules(pattern: str) -> list[str]:
    """The companion files of every plan the pattern names: `<plan>.bak`, `<plan>.v<n>.bak`
    (and its stamped form), `<plan>.replaced-<time>`, `.<plan>.lock`, `.<plan>.<8>.tmp`."""
    folder, _, name = pattern.rpartition("/")
    folder = folder + "/" if folder or pattern.startswith("/") else ""
    return [f"{pattern}.bak", f"{pattern}.v*.bak", f"{pattern}.replaced-*",
            f"{folder}.{name}.lock", f"{folder}.{name}.*.tmp"]


def _own_file(path: Path) -> list[str]:
    """The lines of a file git-setup adds to; refused if it is a link or not a file (nothing
    is written through a link, nor outside the repository)."""
    if path.is_symlink() or (path.exists() and not path.is_file()):
        fail(f"git-setup: {path} is {'a symbolic link' if path.is_symlink() else 'not a regular file'}; "
             "not changed (add its lines by hand: see README, Plans in git)")
    try:
        return path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    except (OSError, UnicodeDecodeError) as error:
        fail(f"git-setup: cannot read {path}: {getattr(error, 'strerror', None) or error}")


def _add_lines(path: Path, lines: list[str], header: str | None = None) -> list[str]:
    """Append the lines the file lacks; those added."""
    from smgov_tui.storage.files import write_atomically

    have = _own_file(path)
    missing = [line for line in lines if line not in {h.strip() for h in have}]
    if not missing:
        return []
    text = "\n".join(have)
    block = ([header] if header and header not in have else []) + missing
    text = (text + "\n" if text else "") + ("\n" if text and header else "") + "\n".join(block) + "\n"
    mode = (path.stat().st_mode & 0o777) if path.exists() else 0o644
    try:
        write_atomically(path, text, mode)
    except OSError as error:
        fail(f"git-setup: cannot write {path}: {error.strerror or error}")
    return missing


def cmd_git_setup(args) -> int:
    """`smgov git-setup [DIR] [--pattern PATTERN]`: textconv, merge driver and ignore rules."""
    where = Path(args.dir or ".")
    if not where.is_dir():
        fail(f"git-setup: {where} is not a folder")
    found = _git("rev-parse", "--show-toplevel", cwd=where)
    if found.returncode != 0:
        fail(f"git-setup: {where} is not in a git repository (run git init first, or name one)")
    top = Path(found.stdout.strip())
    pattern = args.pattern
    if not pattern or any(c in pattern for c in "\n\r\t ") or pattern.startswith(("#", "!")):
        fail(f"git-setup: --pattern {pattern!r} is not a pattern git-setup can write (one word, e.g. *.json)")
    said = []
    for name, lines, header in ((".gitattributes", [attributes_line(pattern)], None),
                                (".gitignore", ignore_rules(pattern), IGNORE_HEADER)):
        added = _add_lines(top / name, lines, header)
        said += [f"{name}: added {line}" for line in added]
        said += [f"{name}: already has {line}" for line in lines if line not in added]
    for key, value in CONFIG:
        current = _git("config", "--local", "--get", key, cwd=top)
        if current.returncode == 0 and current.stdout.rstrip("\n") == value:
            said.append(f"git config {key}: already {value}")
            continue
        done = _git("config", "--local", key, value, cwd=top)
        if done.returncode != 0:
            fail(f"git-setup: git config {key} failed: {one_line(done.stderr)}")
        said.append(f"git config {key}: set to {value}")
    print(f"smgov git-setup in {one_line(str(top))}:")
    print("\n".join(f"  {one_line(line)}" for line in said))
    return 0


def cmd_textconv(args) -> int:
    """`smgov textconv FILE`: a plan as readable lines; any other file as it is."""
    from smgov_tui.core.readable import plan_lines
    from smgov_tui.storage.layout import DOC
    from smgov_tui.storage.layout import unresolved
    from smgov_tui.storage.migrations import migrate
    from smgov_tui.storage.reading import parse_plan

    path = Path(args.file)
    try:
        with open(path, "rb") as file:
            raw = file.read()
    except OSError as error:
        fail(f"textconv: cannot read {path}: {error.strerror or error}")
    try:
        tables = migrate(parse_plan(raw, path))
    except (PlanFileError, ValueError, KeyError, TypeError):
        sys.stdout.flush()
        sys.stdout.buffer.write(raw)  # not a plan: git shows it as it is
        return 0
    doc = tables["plan"].get(DOC) or {}
    lines = plan_lines(doc.get("name", ""), doc.get("values") or {}, unresolved(tables["meta"].get(DOC) or {}),
                       tables.get("history"))
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def cmd_merge_driver(args) -> int:
    """`smgov merge-driver BASE OURS THEIRS [PATH]`, as git runs it: the merged plan written
    over OURS; exit 1 when a decision was changed differently on both sides."""
    from smgov_tui.core.history import short
    from smgov_tui.storage.files import write_atomically
    from smgov_tui.storage.merge import merged_text

    base, ours, theirs = Path(args.base), Path(args.ours), Path(args.theirs)
    shown = one_line(args.path or str(ours))
    try:
        merged = merged_text(base, ours, theirs)
    except PlanFileError as error:
        warn(f"merge-driver: {shown}: {error}; merged as text instead")
        merged = None
    if merged is None:  # not plans: git's own merge of lines, conflict markers and all
        done = subprocess.run(["git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs",
                               str(ours), str(base), str(theirs)])
        return 0 if done.returncode == 0 else 1
    text, conflicts = merged
    try:
        write_atomically(ours, text, os.stat(ours).st_mode & 0o777)
    except OSError as error:
        fail(f"merge-driver: cannot write the merged {shown}: {error.strerror or error}")
    for mark in conflicts:
        decision = mark["decision"]
        print(f"smgov: merge: {shown}: {one_line(decision)} changed on both sides (ours: "
              f"{short(decision, mark['ours'])}, theirs: {short(decision, mark['theirs'])}); the plan keeps "
              f"ours until one is chosen (smgov set, or the workbench)", file=sys.stderr)
    return 1 if conflicts else 0
