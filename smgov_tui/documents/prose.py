"""How a decision's value, or its absence, is written into a document.

`value_blocks` is the one place a decision's value becomes document blocks,
chosen by its kind, so a decision added to the catalogue prints without any
change here; a kind this module does not know prints as the kind shows it.
`Prose` weaves values into our sentences; a decision not yet made becomes a
gap marker in the sentence instead of a blank.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from smgov_tui.core import platform_matrix as evaluation
from smgov_tui.core.adoption import Adopted
from smgov_tui.core.catalogue import CATALOGUE, Decision
from smgov_tui.core.catalogue.decision import for_reader
from smgov_tui.core.catalogue.kinds import (
    Choice,
    Kind,
    LongText,
    Matrix,
    Multi,
    Rows,
    is_empty,
)
from smgov_tui.core.plan import Plan
from smgov_tui.documents.longtext import text_blocks
from smgov_tui.documents.model import (
    Block,
    Bullets,
    Filled,
    Gap,
    Para,
    Part,
    Table,
    parts_of,
)

GAP_WORDS = "Not yet decided"
WIDE_TABLE = 6  # more columns than this read better as one small table per row


def gap_text(gap: Gap) -> str:
    """Readable words only: a decision's id is for the team's appendix, never the body."""
    return f"[{GAP_WORDS}: {gap.label}]"


def gap(decision_id: str) -> Gap:
    return Gap(decision_id, CATALOGUE.get(decision_id).label)


def spoken_list(items: list[str]) -> str:
    """["a", "b", "c"] -> "a, b and c"."""
    items = [str(item) for item in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def count_words(count: int, one: str, many: str = "") -> str:
    """3, "person", "people" -> "three people"; words up to ten, as prose writes them."""
    number = NUMBERS[count] if 0 <= count < len(NUMBERS) else str(count)
    return f"{number} {one if count == 1 else many or one + 's'}"


def hours_words(value: float) -> str:
    """6 -> "6 hours", 1 -> "1 hour", 1.98 -> "2 hours"."""
    shown = f"{round(value, 1):g}"
    return f"{shown} hour{'' if shown == '1' else 's'}"


# A kind's compact units, as a sentence or a table cell says them: "3 posts/week" -> "3 posts a week".
_UNITS = ((re.compile(r"\b(\d+(?:\.\d+)?) h gap\b"), r"\1-hour gap"),
          (re.compile(r"\b(\d+(?:\.\d+)?) h/week\b"), r"\1 hours a week"),
          (re.compile(r"\b(\d+(?:\.\d+)?) h\b(?!/)"), r"\1 hours"),
          (re.compile(r"\b(\d+(?:\.\d+)?) min\b"), r"\1 minutes"),
          (re.compile(r"(?<=\w)/(week|day|month|year)\b"), r" a \1"),
          (re.compile(r"\b1 (hour|minute|post|check|person)s\b"), r"1 \1"))


def in_words(text: str) -> str:
    for pattern, words in _UNITS:
        text = pattern.sub(words, text)
    return text


def named(template: str) -> list[str]:
    """The decisions a Prose template names."""
    return [match[1] for match in _SLOT.finditer(template)]


def inline(kind: Kind, value: Any, plan: Plan | None = None) -> str:
    """A value as words inside a sentence or a table cell; a sum in the plan's currency."""
    if isinstance(kind, Multi) and isinstance(value, list) and value:
        return spoken_list(value)
    if isinstance(kind, LongText) and isinstance(value, str):
        return " ".join(value.split())
    try:
        return in_words(plan.show(kind, value) if plan is not None else kind.show(value))
    except (AttributeError, KeyError, TypeError, ValueError):  # a kind shaped otherwise: the data itself
        return json.dumps(value, ensure_ascii=False)


def rows_tables(decision_id: str, kind: Rows, rows: list[dict], plan: Plan | None = None,
                every_column: bool = False) -> list[Block]:
    """Rows as a table; a wide one as a small table per row. A column no row
    fills is undecided, and shows its gap rather than vanishing (the security
    table once showed only its two-factor column); a field whose blank has a
    meaning ("blank means the escalation contact") is left out instead.
    `every_column`: a table whose sentence promises its columns keeps them all,
    and an empty cell is a gap too."""
    undecided = {f.key for f in kind.fields if all(is_empty(row.get(f.key)) for row in rows)}
    fields = [f for f in kind.fields
              if every_column or f.key not in undecided or "blank means" not in f.help.lower()]

    def cell(row: dict, f) -> Part:
        if every_column and is_empty(row.get(f.key)):
            return Gap(decision_id, f.label)  # the sentence promised it: the document is a draft
        if f.key in undecided:
            return Gap(decision_id, f.label, whole=False)
        return Filled(decision_id, "" if is_empty(row.get(f.key)) else inline(f.kind, row[f.key], plan))

    if len(fields) <= WIDE_TABLE:
        return [Table(tuple(f.label for f in fields),
                      tuple(tuple(cell(row, f) for f in fields) for row in rows),
                      decision_id)]
    blocks: list[Block] = []
    key = kind.field(kind.key_field)
    for row in rows:
        shown = [f for f in fields if f is not key
                 and (every_column or f.key in undecided or not is_empty(row.get(f.key)))]
        blocks.append(Table((key.label, inline(key.kind, row[key.key], plan)),
                            tuple((f.label, cell(row, f)) for f in shown),
                            decision_id))
    return blocks


def value_blocks(decision: Decision, value: Any, plan: Plan | None = None,
                 every_column: bool = False) -> list[Block]:
    """A decision's whole value as blocks, or its gap marker while undecided."""
    if is_empty(value):
        return [Para((gap(decision.id),))]
    kind = decision.kind
    try:
        if isinstance(kind, Rows):
            return rows_tables(decision.id, kind, value, plan, every_column)
        if isinstance(kind, LongText):
            return text_blocks(decision.id, value)
        if isinstance(kind, Matrix):
            return matrix_blocks(decision.id, value)
    except (AttributeError, KeyError, TypeError, ValueError):
        pass  # a value of another shape than its kind's base: print it plainly
    text = inline(kind, value, plan)
    if isinstance(kind, (Choice, Multi)):  # our own words, standing as a sentence
        text = text[:1].upper() + text[1:]
    return [Para((Filled(decision.id, text),))]


def matrix_blocks(decision_id: str, matrix: dict[str, Any]) -> list[Block]:
    """The evaluation as a ranked table, the criteria with their weights, and the choice."""
    crit = evaluation.criteria(matrix)
    by_name = {row["platform"]: row for row in matrix["candidates"]}
    rows = tuple((str(r.rank), Filled(decision_id, r.platform), f"{r.shown}/5",
                  *(str(by_name[r.platform]["scores"].get(c.name, "-")) for c in crit))
                 for r in evaluation.ranking(matrix))
    blocks: list[Block] = [Table(("Rank", "Platform", "Score", *(c.short for c in crit)), rows, decision_id)]
    weights = "; ".join(f"{c.name} (weight {c.weight})" for c in crit)
    blocks.append(Para(("Each platform is scored from 0 to 5 against each criterion, higher being better "
                        "(for cost, 5 means cheap for us); the score is the weighted mean. Criteria: ",
                        Filled(decision_id, weights), ".")))
    chosen = matrix.get("chosen")
    if chosen:
        when = f" on {chosen['on']}" if chosen.get("on") else ""
        blocks.append(Para(("We chose ", Filled(decision_id, chosen["platform"]),
                            f" as our main platform{when}, when it scored {chosen['score']:.1f} out of 5.")))
    return blocks



Wording = Callable[[Any], str]
_SLOT = re.compile(r"\{([a-z_]+\.[a-z_]+)(?:\|([a-z_]+))?\}")


class Prose:
    """Sentences with the plan's values in them, for one plan.

    A template names decisions in braces, `{response.reply_target}`, or with
    a wording for this sentence, `{conduct.time_allotted|weekly}`, looked up
    in the keyword arguments. A decision not yet made leaves its gap marker,
    unless the adopted document being written reads complete without it
    (core/adoption.py): then its part is left out (`lead_in`, `kept`).

    With a `reader` (the public), every value passes `for_reader`: a list's
    rows arrive cut to the fields that reader may read, and a decision meant
    for others raises NotForReader, decided or not.
    """

    def __init__(self, plan: Plan, adopted: Adopted | None = None, reader: str | None = None) -> None:
        self.plan = plan
        self.left_out = adopted.left_out(plan) if adopted else frozenset()
        self.reader = reader

    def kept(self, blocks: list[Block]) -> list[Block]:
        """The blocks without those that stand on a part this document leaves out."""
        return [block for block in blocks
                if not any(isinstance(part, Gap) and part.id in self.left_out for part in parts_of(block))]

    def value(self, decision_id: str) -> Any:
        value = self.plan.get(decision_id)
        if self.reader is not None:
            value = for_reader(CATALOGUE.get(decision_id), value, self.reader)
        return None if is_empty(value) else value

    def slot(self, decision_id: str, wording: Wording | None = None) -> Part:
        value = self.value(decision_id)
        if value is None:
            return gap(decision_id)
        decision = CATALOGUE.get(decision_id)
        return Filled(decision_id, wording(value) if wording else inline(decision.kind, value, self.plan))

    def parts(self, template: str, **wordings: Wording) -> tuple[Part, ...]:
        parts: list[Part] = []
        at = 0
        for match in _SLOT.finditer(template):
            if match.start() > at:
                parts.append(template[at:match.start()])
            parts.append(self.slot(match[1], wordings[match[2]] if match[2] else None))
            at = match.end()
        if at < len(template):
            parts.append(template[at:])
        return _no_double_stops(parts)

    def para(self, template: str, **wordings: Wording) -> Para:
        return Para(self.parts(template, **wordings))

    def blocks(self, decision_id: str, every_column: bool = False) -> list[Block]:
        return value_blocks(CATALOGUE.get(decision_id), self.value(decision_id), self.plan, every_column)

    def each(self, decision_id: str, wording: Callable[[dict], str]) -> list[Block]:
        """A list decision as bullets, one worded row each."""
        rows = self.value(decision_id)
        if rows is None:
            return [Para((gap(decision_id),))]
        return [Bullets(tuple(Para((Filled(decision_id, wording(row)),)) for row in rows))]

    def lead_in(self, template: str, decision_id: str, **wordings: Wording) -> list[Block]:
        """A sentence introducing a decision's own text, then that text (or neither, left out)."""
        if decision_id in self.left_out:
            return []
        return [self.para(template, **wordings), *self.blocks(decision_id)]


def _no_double_stops(parts: list[Part]) -> tuple[Part, ...]:
    """A value ending in a full stop, then our own: keep one."""
    out: list[Part] = []
    for part in parts:
        if (isinstance(part, str) and part.startswith(".") and out and isinstance(out[-1], Filled)
                and out[-1].text.rstrip().endswith((".", "!", "?"))):
            part = part[1:]
            if not part:
                continue
        out.append(part)
    return tuple(out)
