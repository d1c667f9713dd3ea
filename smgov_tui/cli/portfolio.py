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

from smgov_tui.cli.answers import answers, cache
from smgov_tui.core.portfolio import Summary
from smgov_tui.core.textsafe import json_text
from smgov_tui.storage.folders import PLAN_SUFFIX
from smgov_tui.storage.reading import NotAPlan
from smgov_tui.terminal.output import fail, warn
from smgov_tui.terminal.portfolio import summary_table, tally, worst


def _judge(today, with_checklist: bool):
    """A plan's answer: its summary's facts, and with --format json its whole checklist."""
    from smgov_tui.core.checks import checks_on
    from smgov_tui.core.portfolio import summarise
    from smgov_tui.core.readiness import checklist
    from smgov_tui.terminal.verdict import checklist_json

    checks = checks_on(today)  # once, not for each plan

    def judge(plan) -> dict:
        result = checklist(plan, checks=checks)
        answer = {"summary": list(summarise("", plan, result, today)[1:-1])}
        if with_checklist:  # kept as the text it prints as: dumping 200 checklists afresh took longer
            answer["checklist"] = json_text(checklist_json(plan, result))
        return answer

    return judge


def check_plans(args: Any) -> int:
    paths = [args.plan, *args.more]
    if "" in paths:
        fail("check: a PLAN is empty; give a plan file's or a folder's path")
    if args.as_of:
        today = args.as_of
    else:
        from smgov_tui.core.readiness import judged_today

        today = judged_today()
    wanted = args.format == "json"
    kept = cache(args, "check-json" if wanted else "check", day=today.isoformat())
    judge = None
    summaries: list[Summary] = []
    checklists: dict[str, str] = {}  # only for --format json, as JSON text: a summary needs none of it
    notes: list[str] = []  # what the search passed over: warnings, or with no plan found, the error's end

    def work_out(plan) -> dict:
        nonlocal judge
        judge = judge or _judge(today, wanted)
        return judge(plan)

    for path, searched, answer in answers(paths, notes, kept, work_out):
        if isinstance(answer, Exception):
            if searched and isinstance(answer, NotAPlan):
                notes.append(f"{answer}; skipped")
                continue
            summaries.append(Summary(path, problem=str(answer)))
            checklists[path] = json_text({"error": str(answer)})
            continue
        summaries.append(Summary(path, *answer["summary"]))
        if wanted:
            checklists[path] = answer["checklist"]
    if not summaries:
        fail(_nothing_found(paths) + _passed_over(notes))
    code = args.verdict = worst(summaries)
    failed = [summary for summary in summaries if summary.problem]
    if not failed:
        for note in notes:
            warn(note)
    if args.format == "json":
        print(plans_json(code == 0, checklists))
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


def plans_json(ready: bool, checklists: dict[str, str]) -> str:
    """json_text({"ready": ready, "plans": {path: checklist}}) made from each checklist's
    own JSON text: a text nested two levels down is the same text with each of its
    lines but the first indented by four more spaces."""
    if not checklists:
        return json_text({"ready": ready, "plans": {}})
    nested = "\n    "
    members = ",\n".join(f"    {json_text(path)}: {text.replace(chr(10), nested)}"
                          for path, text in checklists.items())
    return f'{{\n  "ready": {json_text(ready)},\n  "plans": {{\n{members}\n  }}\n}}'


def _passed_over(notes: list[str]) -> str:
    """The end of the one error line: what the search passed over (else each is a warning)."""
    more = f" (and {len(notes) - 1} more)" if len(notes) > 1 else ""
    return f"; passed over: {notes[0]}{more}" if notes else ""


def _nothing_found(paths: list[str]) -> str:
    if len(paths) == 1:
        return (f"{paths[0]} is a folder, not a plan file, and no smgov plan ({PLAN_SUFFIX} file) "
                f"is in it or below it")
    return f"check: no smgov plan ({PLAN_SUFFIX} file) in {', '.join(paths)}"
