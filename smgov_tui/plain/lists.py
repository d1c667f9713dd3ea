"""Lists (roster, platforms...) and the evaluation matrix, as numbered lines and word commands.

A row is asked field by field from its schema (catalogue/rows.py) and kept only
when the row form would keep it (Rows.check_row); the matrix is changed by
evaluation's own edits. Every change is saved at once, whole, as the workbench's
editors save it.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from smgov_tui.core import platform_matrix as evaluation
from smgov_tui.core import signoff
from smgov_tui.core.catalogue import CATALOGUE, Decision, InvalidValue
from smgov_tui.core.catalogue.decision import field_guidance_markdown
from smgov_tui.core.catalogue.kinds import Rows
from smgov_tui.core.names import name_key
from smgov_tui.core.readiness import checklist
from smgov_tui.core.textsafe import one_line, visible
from smgov_tui.plain import words
from smgov_tui.plain.console import CANCEL, CLEAR
from smgov_tui.plain.prompts import Prompts

SIGNOFF = "launch.signoff"


def plural(kind: Rows, count: int) -> str:
    return f"{count} {kind.row}{'s' if count != 1 else ''}"


def list_rows(prompts: Prompts, decision: Decision, every: bool = False) -> None:
    kind = decision.kind
    rows = prompts.plan.rows(decision.id)
    if not rows:
        prompts.say(f"No {kind.row}s yet.")
        return
    prompts.say(plural(kind, len(rows)) + ":")
    shown = rows if every else rows[:words.LIST_SHOWN]
    for number, row in enumerate(shown, 1):
        prompts.say(words.row_line(kind, number, row))
    if len(shown) < len(rows):
        prompts.say(f"  and {len(rows) - len(shown)} more: list shows them all.")


def ask_rows(prompts: Prompts, decision: Decision) -> None:
    kind = decision.kind
    list_rows(prompts, decision)
    prompts.say(words.how(kind, True))
    while True:
        text = prompts.answer(decision, f"{decision.label}: ")
        rows = list(prompts.plan.rows(decision.id))
        if text is CLEAR:
            if rows and prompts.confirm(f"Remove all {plural(kind, len(rows))}?"):
                prompts.save(decision, None)
            continue
        stripped = text.strip()
        word, _, rest = stripped.partition(" ")
        word, rest = word.lower(), rest.strip()
        if not stripped or (word == "done" and not rest):
            return
        if stripped.startswith("["):  # JSON rows, as `smgov set` takes them
            try:
                prompts.save(decision, CATALOGUE.parse(decision.id, stripped, prompts.plan.values))
            except InvalidValue as error:
                prompts.say(f"Not saved: {visible(str(error))}")
        elif word == words.USE and not rest:
            prompts.use_suggestion(decision)
        elif word == "list" and not rest:
            list_rows(prompts, decision, every=True)
        elif word == "add" and not rest:
            add_row(prompts, decision, rows)
        elif word in ("edit", "remove", "move") and rest:
            change_row(prompts, decision, rows, word, rest)
        else:
            prompts.say(words.how(kind, True))


def add_row(prompts: Prompts, decision: Decision, rows: list[dict]) -> None:
    kind = decision.kind
    defaults = {}
    if decision.id == SIGNOFF:  # as the launch screen: signed only when nothing blocks, dated today
        if not signoff.may_sign(checklist(prompts.plan).blockers):
            prompts.say("Sign-off is recorded only when nothing blocks launch: check lists what does.")
            return
        defaults = {"date": _dt.date.today().isoformat()}
    row = row_form(prompts, decision, {}, f"Adding {kind.row} {len(rows) + 1}.", defaults)
    if row is not None and decision.id == SIGNOFF:  # bound to the plan as it stands (core/signoff.py)
        row = signoff.signing(prompts.plan, row["name"], row["role"], row["date"],
                              prompts.session.store.meta().get("revision", 0))
    if row is not None and prompts.save(decision, [*rows, row]):
        prompts.say(f"Added {kind.row} {len(rows) + 1}: {one_line(str(row.get(kind.key_field, '')))}.")


def change_row(prompts: Prompts, decision: Decision, rows: list[dict], word: str, rest: str) -> None:
    kind = decision.kind
    numbers = [int(n) for n in re.findall(r"\d+", rest)]
    wanted = 2 if word == "move" else 1
    if len(numbers) != wanted or not re.fullmatch(r"\d+(\s+(to\s+)?\d+)?", rest):
        prompts.say("Type move N to M, e.g. move 3 to 1." if word == "move"
                    else f"Type {word} N, e.g. {word} 2.")
        return
    if not all(1 <= n <= len(rows) for n in numbers):
        prompts.say(f"There is no {kind.row} {max(numbers)}: the list has {plural(kind, len(rows))}.")
        return
    index = numbers[0] - 1
    name = one_line(str(rows[index].get(kind.key_field, "")))
    if word == "edit":
        row = row_form(prompts, decision, rows[index], f"Editing {kind.row} {numbers[0]}, {name}.")
        if row is not None and prompts.save(decision, [*rows[:index], row, *rows[index + 1:]]):
            prompts.say(f"Changed {kind.row} {numbers[0]}.")
    elif word == "remove":
        if prompts.confirm(f"Remove {kind.row} {numbers[0]}, {name}?") and prompts.save(
                decision, [*rows[:index], *rows[index + 1:]] or None):
            prompts.say(f"Removed {name}.")
    else:
        moved = rows[:index] + rows[index + 1:]
        moved.insert(numbers[1] - 1, rows[index])
        if prompts.save(decision, moved):
            prompts.say(f"{name} is now {kind.row} {numbers[1]}.")


def row_form(prompts: Prompts, decision: Decision, row: dict, title: str,
             defaults: dict[str, Any] | None = None) -> dict | None:
    """One row, field by field; None when cancelled or when the row is refused."""
    kind: Rows = decision.kind
    adding = not row
    prompts.say(f"{title} Enter {'leaves a field blank' if adding else 'keeps a field as it is'}; "
                f"clear empties it; ? explains it; cancel drops the {kind.row}.")
    new = dict(row)
    prompts.unsaved = f"The {kind.row} you were {'adding' if adding else 'editing'} was not saved."
    for field in kind.fields:
        default = (defaults or {}).get(field.key)
        prompts.say(words.field_line(field, new.get(field.key))
                    + (f" Enter takes {default}." if default and field.key not in new else ""))
        for line in words.option_lines(field.kind):
            prompts.say(line)
        guide = words.plain_markdown(f"{field.label} ({kind.row})\n\n" + field_guidance_markdown(field))
        while True:
            text = prompts.answer(decision, f"{field.label}: ", nested=True, guide=guide)
            if text is CANCEL:
                prompts.unsaved = ""
                prompts.say(f"The {kind.row} was not saved.")
                return None
            if text is CLEAR or not text.strip():
                if text is CLEAR:
                    new.pop(field.key, None)
                elif field.key not in new and default:
                    new[field.key] = default
                if field.required and field.key not in new:
                    prompts.say(f"{field.label} is required.")
                    continue
                break
            try:
                value = field.kind.parse(words.numbered(field.kind, (), text))
            except InvalidValue as error:
                prompts.say(f"Not accepted: {visible(str(error))}")
                continue
            if value is None and field.required:
                prompts.say(f"{field.label} is required.")
                continue
            if value is None:
                new.pop(field.key, None)
            else:
                new[field.key] = value
            break
    prompts.unsaved = ""
    try:
        return kind.check_row(new)
    except InvalidValue as error:  # as the row form words it: without "person 1: "
        message = str(error).removeprefix(f"{kind.row} 1: ").removeprefix(f"{kind.row} 1, ")
        prompts.say(f"Not saved: {visible(message)}")
        return None


# the evaluation matrix


def show_matrix(prompts: Prompts, matrix: dict | None) -> None:
    if not matrix or not matrix["candidates"]:
        prompts.say("No platforms in the matrix yet.")
    else:
        prompts.say("Platforms, best first, scored 0 to 5 against each criterion (higher is better):")
        by_name = {row["platform"]: row["scores"] for row in matrix["candidates"]}
        for ranked in evaluation.ranking(matrix):
            scores = by_name[ranked.platform]
            cells = ", ".join(f"{c['name']} {scores.get(c['name'], 'not scored')}"
                              for c in matrix["criteria"])
            prompts.say("  " + one_line(f"{ranked.rank}. {ranked.platform}: {ranked.shown} of 5; {cells}"))
        chosen = matrix.get("chosen")
        if chosen:
            on = f" on {chosen['on']}" if chosen.get("on") else ""
            prompts.say(one_line(f"Chosen as the main platform{on}: {chosen['platform']} "
                                 f"at {chosen['score']:.1f}."))
    current = matrix or evaluation.new_matrix()
    prompts.say(one_line("Criteria and weights: "
                         + ", ".join(f"{c['name']} {c['weight']}" for c in current["criteria"]) + "."))


def ask_matrix(prompts: Prompts, decision: Decision) -> None:
    show_matrix(prompts, prompts.plan.get(decision.id))
    prompts.say(words.how(decision.kind, True))
    while True:
        text = prompts.answer(decision, f"{decision.label}: ")
        matrix = prompts.plan.get(decision.id) or evaluation.new_matrix()
        if text is CLEAR:
            if prompts.plan.get(decision.id) and prompts.confirm("Remove the whole matrix?"):
                prompts.save(decision, None)
            continue
        stripped = " ".join(text.split())
        word, _, rest = stripped.partition(" ")
        word = word.lower()
        if not stripped or (word == "done" and not rest):
            return
        try:
            if stripped.startswith("{"):
                changed = CATALOGUE.parse(decision.id, stripped)
            elif word == "list" and not rest:
                show_matrix(prompts, prompts.plan.get(decision.id))
                continue
            elif word in ("add", "remove") and rest.lower().startswith("criterion "):
                name = rest[len("criterion "):]
                changed = (evaluation.with_criterion(matrix, name) if word == "add"
                           else evaluation.without_criterion(matrix, criterion_named(matrix, name)))
            elif word == "add" and rest:
                changed = evaluation.with_candidate(matrix, rest)
            elif word == "remove" and rest:
                changed = evaluation.without_candidate(matrix, rest)
            elif word == "weight" and rest:
                changed = weighed(matrix, rest)
            elif word == "score" and rest:
                changed = scored(prompts, decision, matrix, rest)
            elif word == "main" and rest:
                made_main(prompts, decision, matrix, rest)
                continue
            else:
                prompts.say(words.how(decision.kind, True))
                continue
        except (InvalidValue, evaluation.MatrixError) as error:
            prompts.say(f"Not saved: {visible(str(error))}")
            continue
        if changed is not None:
            prompts.save(decision, CATALOGUE.check(decision.id, changed))


def criterion_named(matrix: dict, text: str) -> str:
    """A criterion by its name, its short header, or the start of its name."""
    wanted = text.lower().strip().rstrip(".")
    found = [c.name for c in evaluation.criteria(matrix)
             if wanted in (c.name.lower(), c.short.lower().rstrip("."))]
    found = found or [c["name"] for c in matrix["criteria"] if c["name"].lower().startswith(wanted)]
    if len(found) != 1:
        raise evaluation.MatrixError(f"there is no criterion {text!r}; criteria are "
                                     + ", ".join(c["name"] for c in matrix["criteria"]))
    return found[0]


def weighed(matrix: dict, rest: str) -> dict:
    name, _, number = rest.rpartition(" ")
    if not name or not number.isdigit() or int(number) > evaluation.MAX_WEIGHT:
        raise evaluation.MatrixError(f"type weight CRITERION N, N a whole number from 0 to "
                                     f"{evaluation.MAX_WEIGHT}, e.g. weight Cost 3")
    return evaluation.with_weight(matrix, criterion_named(matrix, name), int(number))


def scored(prompts: Prompts, decision: Decision, matrix: dict, platform: str) -> dict | None:
    """Each criterion's score for one platform, asked in turn; saved once, at the end."""
    # Refuses a platform not in the matrix before asking anything.
    evaluation.with_score(matrix, platform, matrix["criteria"][0]["name"], None)
    prompts.say(f"Scoring {one_line(platform)}: 0 to 5, higher is better. Enter keeps a score; "
                "clear removes it; cancel keeps none of these.")
    prompts.unsaved = f"The scores you were giving {one_line(platform)} were not saved."
    for criterion in evaluation.criteria(matrix):
        row = next(r for r in matrix["candidates"] if name_key(r["platform"]) == name_key(platform))
        now = row["scores"].get(criterion.name)
        prompts.say(f"{criterion.name}, weight {criterion.weight}: {criterion.help}."
                    + (f" Now: {now}." if now is not None else " Not scored."))
        while True:
            text = prompts.answer(decision, f"{criterion.name}: ", nested=True)
            if text is CANCEL:
                prompts.unsaved = ""
                prompts.say("No scores changed.")
                return None
            if not text.strip():
                break
            if text is not CLEAR and not (text.strip().isdigit() and int(text) <= evaluation.MAX_SCORE):
                prompts.say(f"Not accepted: a score is a whole number from 0 to {evaluation.MAX_SCORE}.")
                continue
            matrix = evaluation.with_score(matrix, platform, criterion.name,
                                           None if text is CLEAR else int(text))
            break
    prompts.unsaved = ""
    return matrix


def made_main(prompts: Prompts, decision: Decision, matrix: dict, platform: str) -> None:
    """The main platform, as the matrix's m: one of those we will run, its score recorded."""
    running = [name for name in CATALOGUE.row_names("platforms.chosen", prompts.plan.values)
               if name_key(name) == name_key(platform)]
    if not running:
        prompts.say(f'Add {one_line(platform)} to "Platforms we will run" first: '
                    "the main platform is one of them.")
        return
    changed = evaluation.chose(matrix, platform)
    if prompts.save(decision, CATALOGUE.check(decision.id, changed)):
        prompts.save(CATALOGUE.get("platforms.main"), running[0])
