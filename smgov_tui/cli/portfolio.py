"""`smgov check PATH...` over several plans or folders of them: a summary row per
plan and the worst exit code, or with `--format json` every plan's checklist.

Apart from commands.py so that `smgov check PLAN`, which a reviewer waits for,
loads none of it (bench/cli.py). A folder is searched below for `.json` files
(hidden files and folders, such as .git and smgov's lock files, passed over);
one that storage does not recognise as a plan (no smgov metadata: an exported
checklist, a package.json) is a warning line and skipped, while a plan that
cannot be read is a row with its reason and makes the exit code 2.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from smgov_tui.core.checks import checks_on
from smgov_tui.core.errors import PlanFileError
from smgov_tui.core.portfolio import Summary, summarise
from smgov_tui.core.readiness import checklist, judged_today
from smgov_tui.core.textsafe import json_text
from smgov_tui.storage.files import file_warnings
from smgov_tui.storage.reading import NotAPlan
from smgov_tui.storage.store import read_plan
from smgov_tui.terminal.output import fail, warn
from smgov_tui.terminal.portfolio import summary_table, tally, worst
from smgov_tui.terminal.verdict import checklist_json

PLAN_SUFFIX = ".json"


def _hidden(name: str) -> bool:
    return name.startswith(".")


def plan_files(paths: list[str]) -> Iterator[tuple[str, bool]]:
    """Each file to read as a plan, once, with whether it was found in a folder
    (else named: read as a plan whatever it holds), in the order given, a
    folder's files sorted by path."""
    seen: set[str] = set()
    for given in paths:
        if not os.path.isdir(given):
            found = [(given, False)]
        else:
            found = []
            for folder, folders, files in os.walk(given, onerror=_unreadable):
                folders[:] = [name for name in folders if not _hidden(name)]
                found += [(os.path.join(folder, name), True) for name in files
                          if name.endswith(PLAN_SUFFIX) and not _hidden(name)]
            found.sort(key=lambda pair: Path(pair[0]).parts)
        for path, searched in found:
            real = os.path.realpath(path)
            if real not in seen:
                seen.add(real)
                yield path, searched


def _unreadable(error: OSError) -> None:
    warn(f"cannot search {error.filename}: {error.strerror or error}; plans in it are not checked")


def check_plans(args: Any) -> int:
    paths = [args.plan, *args.more]
    if "" in paths:
        fail("check: a PLAN is empty; give a plan file's or a folder's path")
    today = args.as_of or judged_today()
    checks = checks_on(today)  # once, not for each plan
    summaries: list[Summary] = []
    checklists: dict[str, dict] = {}  # only for --format json: a summary needs none of it
    for path, searched in plan_files(paths):
        try:
            plan = read_plan(path)
        except PlanFileError as error:
            if searched and isinstance(error, NotAPlan):
                warn(f"skipped: {error}")
                continue
            summaries.append(Summary(path, problem=str(error)))
            checklists[path] = {"error": str(error)}
            continue
        for message in file_warnings(Path(path)):
            warn(message)
        result = checklist(plan, checks=checks)
        summaries.append(summarise(path, plan, result, today))
        if args.format == "json":
            checklists[path] = checklist_json(plan, result)
    if not summaries:
        fail(_nothing_found(paths))
    code = args.verdict = worst(summaries)
    if args.format == "json":
        print(json_text({"ready": code == 0, "plans": checklists}))
        return code
    print(tally(summaries))
    print()
    print(summary_table(summaries, args.format))
    return code


def _nothing_found(paths: list[str]) -> str:
    if len(paths) == 1:
        return (f"{paths[0]} is a folder, not a plan file, and no smgov plan ({PLAN_SUFFIX} file) "
                f"is in it or below it")
    return f"check: no smgov plan ({PLAN_SUFFIX} file) in {', '.join(paths)}"
