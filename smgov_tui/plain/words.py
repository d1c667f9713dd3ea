"""What plain mode says: guidance as plain text, how to answer each kind, values as lines.

Guidance is the catalogue's Markdown with its emphasis marks taken out (a
screen reader would read "star star"), wrapped to the terminal. Plan values
pass through textsafe, so their escape sequences never reach the terminal.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

from smgov_tui.core.catalogue import Decision
from smgov_tui.core.catalogue.decision import guidance_markdown
from smgov_tui.core.catalogue.kinds import (
    Choice,
    Field,
    Kind,
    LongText,
    Matrix,
    Multi,
    RowRef,
    Rows,
    YesNo,
)
from smgov_tui.core.textsafe import one_line, visible

LIST_SHOWN = 30  # rows listed at once; `list` shows them all
SHOWN_CHARACTERS = 160  # of a value repeated back after saving

_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", re.DOTALL)


def width() -> int:
    """The terminal's columns, kept readable (a serial line may report 0)."""
    from smgov_tui.terminal.output import terminal_width

    return max(40, min(terminal_width(fallback=80) or 80, 100))


def plain_markdown(text: str) -> str:
    """Our guidance Markdown (bold, italics, "- " lists) as wrapped plain text."""
    text = _ITALIC.sub(r"\1", _BOLD.sub(r"\1", text))
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        items = re.split(r"\n(?=\s*[-*] )", paragraph)
        for item in items:
            words = " ".join(item.split())
            bullet = re.match(r"[-*] ", words)
            out.append(textwrap.fill(words, width(), subsequent_indent="  " if bullet else ""))
        out.append("")
    return "\n".join(out).rstrip()


def guidance(decision: Decision, country: str | None = None) -> str:
    """The text the workbench's f1 shows, for `?`, with what applies in the plan's country."""
    return plain_markdown(f"{decision.label} ({decision.id}, {decision.severity})\n\n"
                          + guidance_markdown(decision, country=country))


def choices(kind: Kind, names: tuple[str, ...] = ()) -> tuple[str, ...]:
    """What a number picks, for kinds that offer a fixed set (a RowRef: the rows' names)."""
    if isinstance(kind, (Choice, Multi)):
        return kind.choices
    if isinstance(kind, RowRef):
        return names
    return ()


def numbered(kind: Kind, names: tuple[str, ...], text: str) -> str:
    """"2" -> the second choice; "1, 3" for several. Anything else is left for the kind to judge."""
    options = choices(kind, names)

    def pick(part: str) -> str:
        part = part.strip()
        return options[int(part) - 1] if part.isdigit() and 1 <= int(part) <= len(options) else part

    if not options:
        return text
    if isinstance(kind, Multi) and not text.strip().startswith("["):
        return ", ".join(pick(part) for part in text.split(",") if part.strip())
    return pick(text)


def option_lines(kind: Kind, names: tuple[str, ...] = ()) -> list[str]:
    return [f"  {number}. {one_line(option)}" for number, option in enumerate(choices(kind, names), 1)]


def how_to_type(kind: Kind) -> str:
    """How to type a value of this kind, in a sentence."""
    if isinstance(kind, LongText):
        return "Type the text, as many lines as you need, then a line with only a full stop (.)."
    if isinstance(kind, Multi):
        return "Type the numbers or names of all that apply, separated by commas."
    if isinstance(kind, Choice) and kind.other:
        return "Type a number, a name, or your own words."
    if isinstance(kind, (Choice, RowRef)):
        return "Type a number or a name."
    if isinstance(kind, YesNo):
        return "Type yes or no."
    return f"Type {kind.allowed()}."


def how(kind: Kind, decided: bool) -> str:
    """One line: how to answer a decision, and what Enter does."""
    if isinstance(kind, Rows):
        return "Type add, edit N, remove N, move N to M, list, or done (Enter is done)."
    if isinstance(kind, Matrix):
        return ("Type add PLATFORM, score PLATFORM, weight CRITERION N, main PLATFORM, "
                "remove PLATFORM, add criterion NAME, remove criterion NAME, or done (Enter is done).")
    if isinstance(kind, LongText):
        return how_to_type(kind) + (" Enter on the first line keeps the current text." if decided else
                               " Enter on the first line leaves it undecided.")
    return how_to_type(kind) + (" Enter keeps the current value." if decided
                                else " Enter leaves it undecided.")


def row_line(kind: Rows, number: int, row: Any) -> str:
    if not isinstance(row, dict):
        return f"  {number}. {one_line(str(row))}"
    cells = [f"{f.label}: {f.kind.show(row[f.key])}" for f in kind.fields
             if row.get(f.key) not in (None, "", [])]
    return f"  {number}. " + one_line("; ".join(cells))


def field_line(field: Field, current: Any) -> str:
    """A row field's question: its label, whether it is needed, its help and what it takes."""
    need = " (required)" if field.required else ""
    helped = f" {one_line(field.help)}." if field.help else ""
    now = f" Now: {one_line(field.kind.show(current))}." if current not in (None, "", []) else ""
    return f"{field.label}{need}.{helped} {how_to_type(field.kind)}{now}"


def value_lines(decision: Decision, value: Any, plan) -> list[str]:
    """A decided value under its decision's heading (lists and the matrix have their own);
    a sum in the plan's currency."""
    if isinstance(decision.kind, LongText):
        return ["Now:"] + ["  " + line for line in visible(value).split("\n")]
    return [f"Now: {one_line(plan.show(decision.kind, value))}."]


def short(text: str) -> str:
    text = one_line(text)
    return text if len(text) <= SHOWN_CHARACTERS else text[:SHOWN_CHARACTERS - 1] + "…"


USE = "use"  # takes the suggested answer: a word no answer means, and not a command elsewhere


def suggested_lines(decision: Decision, value: Any) -> list[str]:
    """A suggested answer, said before the prompt, with the word that takes it."""
    if isinstance(decision.kind, LongText):
        return [f"Suggested (type {USE} to take it):"] + ["  " + line for line in visible(value).split("\n")]
    if isinstance(decision.kind, Rows):
        return [f"Suggested (type {USE} to add them):"] + [
            row_line(decision.kind, number, row) for number, row in enumerate(value, 1)]
    return [f"Suggested (type {USE} to take it): {one_line(decision.kind.show(value))}."]


HELP = """\
Commands, at any prompt:
  ?            explain this decision: what it means, why it matters, a default
  help         this list
  next, back   the next or the previous decision (the answer stays as it is)
  step N       go to step N (1 to 8), or a step by name: step response
  steps        the steps, with how many decisions each has made
  go ID        go to a decision by its id or name: go response.tone
  missing      the next decision still missing, blockers first
  check        the launch checklist, as smgov check prints it
  use          take the suggested answer shown before the prompt (in a list: add its rows)
  clear        make this decision undecided again
  quit         leave; every answer is already saved (ctrl+d leaves too)
Enter keeps the current value and goes on to the next decision.
In a list: add, edit N, remove N, move N to M, list, done. In a row, Enter
keeps a field and cancel drops the row.
To give a command word as an answer, put it in quotes: "next"."""
