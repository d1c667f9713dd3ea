"""A document as data: headed sections of paragraphs, lists and tables whose
words are either ours or the plan's.

Builders write documents in this form once; Markdown, HTML and JSON are
renderings of it, so the three formats cannot disagree about what a section
says or which decisions it is missing. Plan text stays tagged as such down to
the renderer, which is the one place that escapes it.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Filled:
    """A decided value as this sentence words it (plan text: escaped on output)."""

    id: str
    text: str
    style: str = ""  # "strong" or "em": the writer's own emphasis in long text


@dataclass(frozen=True)
class Link(Filled):
    """A link the plan's long text holds (http, https or mailto only, see
    documents/longtext.py); a renderer that does not know it shows its text."""

    url: str = ""


@dataclass(frozen=True)
class Gap:
    """A decision not yet made, shown where its value would stand; or, not
    `whole`, the part of a made decision a figure or column still lacks (the
    hours of a roster with none entered): a gap in the text, though the
    decision is not counted among those not yet made."""

    id: str
    label: str
    whole: bool = True


@dataclass(frozen=True)
class Strong:
    text: str


@dataclass(frozen=True)
class Code:
    """An identifier of ours (a decision or check id), shown as code."""

    text: str


@dataclass(frozen=True)
class Break:
    """A hard line break inside a paragraph (a single line break in long text is
    a soft one, a space, as in Markdown)."""


Part = str | Filled | Link | Gap | Strong | Code | Break


@dataclass(frozen=True)
class Para:
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class Bullets:
    items: tuple[Para, ...]
    start: int | None = None  # numbered from here; None for bullets


Cell = Part | tuple[Part, ...]  # a table cell: one part, or several in a row


def cell_parts(cell: Cell) -> tuple[Part, ...]:
    return cell if isinstance(cell, tuple) else (cell,)


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    decision: str | None = None  # the decision whose rows these are, if any


Block = Para | Bullets | Table


def parts_of(block: Block) -> list[Part]:
    if isinstance(block, Para):
        return list(block.parts)
    if isinstance(block, Bullets):
        return [part for item in block.items for part in item.parts]
    return [part for row in block.rows for cell in row for part in cell_parts(cell)]


@dataclass
class Section:
    title: str
    blocks: list[Block]
    level: int = 2
    values: dict[str, Any] = field(default_factory=dict)  # filled in by documents.build

    @property
    def decisions(self) -> list[str]:
        """Every decision the section draws on, in the order it draws on them."""
        ids: list[str] = []
        for block in self.blocks:
            if isinstance(block, Table) and block.decision:
                ids.append(block.decision)
            ids += [p.id for p in parts_of(block) if isinstance(p, (Filled, Gap))]
        return list(dict.fromkeys(ids))

    @property
    def gaps(self) -> list[str]:
        return list(dict.fromkeys(p.id for block in self.blocks for p in parts_of(block)
                                  if isinstance(p, Gap) and p.whole))


@dataclass(frozen=True)
class Imprint:
    """What a printed copy carries besides its text: Word's author and page
    header, the PDF's paper size. Not part of the JSON, which carries the plan."""

    organisation: str = ""
    country: str = ""
    revision: int | None = None  # the plan file's write count (storage meta), when known


@dataclass
class Document:
    kind: str  # "plan", "conduct", "comments", "checklist"
    title: str
    plan_name: str
    generated: _dt.date
    intro: list[Block]
    sections: list[Section]
    extra: dict[str, Any] = field(default_factory=dict)  # more top-level JSON (the checklist's verdict)
    reader: str | None = None  # the only reader it is written for (the public), if one
    imprint: Imprint = field(default_factory=Imprint)

    @property
    def gaps(self) -> list[str]:
        return list(dict.fromkeys(gap for section in self.sections for gap in section.gaps))
