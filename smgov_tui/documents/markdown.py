"""A document as Markdown, with every piece of plan text escaped.

Plan text is data: `<script>`, `[a](javascript:...)`, `# heading` or `| pipe`
typed into a decision must come out as those characters, not as markup, and
control characters as visible `\\x1b`-style escapes. Every string that
reaches the output goes through `escape`, which escapes a character only where
it would otherwise mean something (an `&` before an entity, a `]` before `(`),
so a reader of the .md file sees "Communications & Public Information Office",
not "\\&". Line starts are guarded too, since `1.`, `-`, `+`, `=`, `>` or `#`
there would start a list, a quote, a rule or a heading. The long text's own
emphasis and links (documents/longtext.py) are written as Markdown.
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
    Link,
    Para,
    Part,
    Strong,
    Table,
    cell_parts,
)
from smgov_tui.documents.prose import GAP_WORDS

# Where each character would be markup, and only there:
_MEANING = re.compile(
    r"[`*|]"                        # code, emphasis, a table's cell
    r"|\\(?=[!-/:-@\[-`{-~]|$)"     # a backslash that would escape the next character
    r"|&(?=#?\w+;)"                 # an entity
    r"|<(?=[A-Za-z/!?])"            # a tag or an autolink
    r"|\](?=[(\[:])"                 # the end of a link's text, or of a reference
    r"|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])"  # emphasis (inside a word, _ is a letter)
    r"|~(?=~)|(?<=~)~")             # strikethrough


def escape(text: str) -> str:
    """Plan (or our) text as Markdown that renders as exactly these characters."""
    return _MEANING.sub(lambda m: "\\" + m[0], visible(text))


_LINE_START = re.compile(r"^(\d{1,9})([.)])|^([-+=#>])")


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
    if isinstance(part, Link):
        return link_markdown(part)
    if isinstance(part, Filled):
        text = escape(re.sub(r"\s+", " ", part.text))
        if part.style and text.strip():
            mark = "**" if part.style == "strong" else "*"
            lead, core, trail = re.match(r"^(\s*)(.*?)(\s*)$", text).groups()
            return f"{lead}{mark}{core}{mark}{trail}"
        return text
    if isinstance(part, Gap):
        return gap_markdown(part)
    if isinstance(part, Strong):
        return f"**{escape(part.text)}**"
    if isinstance(part, Code):
        return f"`{part.text.replace('`', chr(39))}`"
    if isinstance(part, Break):
        return "\\\n"
    raise TypeError(part)


def link_markdown(link: Link) -> str:
    """`<https://x.gov>` when the text is the address, else `[text](address)`."""
    url = re.sub(r"[\s()<>\\]", lambda m: f"%{ord(m[0]):02X}", visible(link.url))
    text = " ".join(link.text.split())
    if text == url:
        return f"<{url}>"
    if url == f"mailto:{text}" and _EMAIL.fullmatch(text):
        return f"<{text}>"
    label = re.sub(r"(?<!\\)([][])", r"\\\1", escape(text))
    return f"[{label}]({url})"


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


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
