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

import sys
from pathlib import Path
from typing import Any

from smgov_tui.core.checks import checks_on
from smgov_tui.core.errors import PlanFileError
from smgov_tui.core.portfolio import Summary, summarise
from smgov_tui.core.readiness import checklist, judged_today
from smgov_tui.core.textsafe import json_text
from smgov_tui.storage.files import file_warnings
from smgov_tui.storage.folders import PLAN_SUFFIX, plan_files
from smgov_tui.storage.reading import NotAPlan
from smgov_tui.storage.store import read_plan
from smgov_tui.terminal.output import fail, warn
from smgov_tui.terminal.portfolio import summary_table, tally, worst
from smgov_tui.terminal.verdict import checklist_json

def check_plans(args: Any) -> int:
    paths = [args.plan, *args.more]
    if "" in paths:
        fail("check: a PLAN is empty; give a plan file's or a folder's path")
    today = args.as_of or judged_today()
    checks = checks_on(today)  # once, not for each plan
    summaries: list[Summary] = []
    checklists: dict[str, dict] = {}  # only for --format json: a summary needs none of it
    notes: list[str] = []  # what the search passed over: warnings, or with no plan found, the error's end
    for path, searched in plan_files(paths, notes):
        try:
            plan = read_plan(path)
        except PlanFileError as error:
            if searched and isinstance(error, NotAPlan):
                notes.append(f"{error}; skipped")
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
        fail(_nothing_found(paths) + _passed_over(notes))
    code = args.verdict = worst(summaries)
    failed = [summary for summary in summaries if summary.problem]
    if not failed:
        for note in notes:
            warn(note)
    if args.format == "json":
        print(json_text({"ready": code == 0, "plans": checklists}))
    else:
        print(tally(summaries))
        print()
        print(summary_table(summaries, args.format))
    if failed:  # exit 2 says so in one line on stderr, as every error does; its rows say the rest
        sys.stdout.flush()
        more = f" (and {len(failed) - 1} more)" if len(failed) > 1 else ""
        fail(f"{len(failed)} of {len(summaries)} plans could not be read: {failed[0].problem}{more}"
             + _passed_over(notes))
    return code


def _passed_over(notes: list[str]) -> str:
    """The end of the one error line: what the search passed over (else each is a warning)."""
    more = f" (and {len(notes) - 1} more)" if len(notes) > 1 else ""
    return f"; passed over: {notes[0]}{more}" if notes else ""


def _nothing_found(paths: list[str]) -> str:
    if len(paths) == 1:
        return (f"{paths[0]} is a folder, not a plan file, and no smgov plan ({PLAN_SUFFIX} file) "
                f"is in it or below it")
    return f"check: no smgov plan ({PLAN_SUFFIX} file) in {', '.join(paths)}"
