"""A document as Markdown, with every piece of plan text escaped.

Plan text is data: `<script>`, `**bold**`, `[a](javascript:...)`, `# heading`
or `| pipe` typed into a decision must come out as those characters, not as
markup, and control characters as visible `\\x1b`-style escapes. Every string
that reaches the output goes through `escape`; line starts are guarded too,
since `1.`, `-`, `+`, `=` or `#` there would start a list, a rule or a heading.
"""

from __future__ import annotations

import re

from tabulate import tabulate

from smgov_tui.core.textsafe import visible
from smgov_tui.documents.model import (
    Block,
    Break,
    Bullets,
    Cell,
    Code,
    Document,
    Filled,
    Gap,
    Para,
    Part,
    Strong,
    Table,
    cell_parts,
)
from smgov_tui.documents.prose import GAP_WORDS

_SPECIAL = set("\\`*_[]<>&|~")
_LINE_START = re.compile(r"^(\d{1,9})([.)])|^([-+=#])")


def escape(text: str) -> str:
    """Plan (or our) text as Markdown that renders as exactly these characters."""
    return "".join("\\" + ch if ch in _SPECIAL else ch for ch in visible(text))


def guard_start(line: str) -> str:
    """A line's first characters as text, never as a list, heading or rule."""
    line = line.lstrip()
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", line, count=1)


def gap_markdown(gap: Gap) -> str:
    """`**[Not yet decided: Label]**`: bold, and greppable in the file."""
    return f"**[{GAP_WORDS}: {escape(gap.label)}]**"


def part_markdown(part: Part) -> str:
    if isinstance(part, str):
        return escape(part)
    if isinstance(part, Filled):
        return escape(" ".join(part.text.split()))
    if isinstance(part, Gap):
        return gap_markdown(part)
    if isinstance(part, Strong):
        return f"**{escape(part.text)}**"
    if isinstance(part, Code):
        return f"`{part.text.replace('`', chr(39))}`"
    if isinstance(part, Break):
        return "\\\n"
    raise TypeError(part)


def para_markdown(para: Para) -> str:
    text = "".join(part_markdown(part) for part in para.parts)
    return "\n".join(guard_start(line) for line in text.split("\n"))


def cell_markdown(cell: Cell) -> str:
    text = "".join(" " if isinstance(p, Break) else part_markdown(p) for p in cell_parts(cell))
    return " ".join(text.split())


def table_markdown(table: Table) -> str:
    rows = [[cell_markdown(cell) for cell in row] for row in table.rows]
    return tabulate(rows, headers=[escape(h) for h in table.headers], tablefmt="github",
                    disable_numparse=True)


def block_markdown(block: Block) -> str:
    if isinstance(block, Para):
        return para_markdown(block)
    if isinstance(block, Bullets):
        lines = []
        for number, item in enumerate(block.items, block.start or 1):
            marker = f"{number}." if block.start is not None else "-"
            body = para_markdown(item).replace("\n", "\n" + " " * (len(marker) + 1))
            lines.append(f"{marker} {body}")
        return "\n".join(lines)
    if isinstance(block, Table):
        return table_markdown(block)
    raise TypeError(block)


def document_markdown(document: Document) -> str:
    out = [f"# {guard_start(escape(document.title))}"]
    out += [block_markdown(block) for block in document.intro]
    for section in document.sections:
        out.append(f"{'#' * section.level} {guard_start(escape(section.title))}")
        out += [block_markdown(block) for block in section.blocks]
    return "\n\n".join(out) + "\n"
