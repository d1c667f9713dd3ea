"""Long plan text read as the Markdown its writers expect, into document blocks.

People type long answers as they would an e-mail or a README: a single line
break stays inside its paragraph, a blank line starts a new one, "- " or "1. "
lines are a list (even straight after a sentence), `**bold**` and `*italic*`
are emphasis, and https://..., www.... and mail addresses are links. That is
all: no headings, tables, code, quotes, images or raw HTML, so a "# " or "|"
typed in a plan stays text, and a link is kept only for http, https and
mailto (a `javascript:` one stays the characters typed). Every word stays
`Filled` (plan text, escaped by each renderer), so Markdown, HTML, JSON, Word
and PDF render one structure.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from smgov_tui.documents.model import Block, Break, Bullets, Filled, Link, Para, Part

LINK_SCHEMES = ("http://", "https://", "mailto:")


@cache
def _reader() -> MarkdownIt:
    md = MarkdownIt("zero", {"linkify": True, "html": False})
    md.enable(["list", "emphasis", "link", "autolink", "linkify", "newline", "escape"])
    return md


def _inline(decision_id: str, tokens: list[Token]) -> list[Part]:
    parts: list[Part] = []
    style: list[str] = []
    link: Token | None = None
    words = ""

    def add(text: str) -> None:
        if not text:
            return
        current = style[-1] if style else ""
        last = parts[-1] if parts else None
        if isinstance(last, Filled) and type(last) is Filled and last.style == current:
            parts[-1] = Filled(decision_id, last.text + text, current)
        else:
            parts.append(Filled(decision_id, text, current))

    for token in tokens:
        if link is not None:  # inside a link: gather its words
            if token.type == "link_close":
                href = str(link.attrGet("href") or "")
                # a bare "plan.md" or "county.gov" is text; "www.", a scheme or a mail address is a link
                bare = link.markup == "linkify" and not (
                    words.lower().startswith((*LINK_SCHEMES, "www.")) or href == f"mailto:{words}")
                if href.lower().startswith(LINK_SCHEMES) and not bare:
                    parts.append(Link(decision_id, words, url=href))
                elif link.markup in ("linkify", "autolink"):
                    add(words if link.markup == "linkify" else f"<{words}>")
                else:
                    add(f"[{words}]({href})")
                link, words = None, ""
            elif token.type in ("text", "softbreak", "hardbreak"):
                words += token.content if token.type == "text" else " "
            continue
        if token.type == "text":
            add(token.content)
        elif token.type == "softbreak":
            add(" ")
        elif token.type == "hardbreak":
            parts.append(Break())
        elif token.type in ("strong_open", "em_open"):
            style.append("strong" if token.type == "strong_open" else "em")
        elif token.type in ("strong_close", "em_close"):
            style.pop()
        elif token.type == "link_open":
            link = token
        else:  # nothing else is enabled; should a rule slip in, its text still shows
            add(token.content)
    return parts


def text_blocks(decision_id: str, text: str) -> list[Block]:
    """Long plan text as paragraphs and lists (a nested list joins its parent's)."""
    blocks: list[Block] = []
    lists: list[tuple[list[Para], int | None]] = []  # open lists; a nested one shares its parent's items
    current: int | None = None  # the item being read
    for token in _reader().parse(text):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            ordered = token.type == "ordered_list_open"
            lists.append(lists[-1] if lists else ([], int(token.attrGet("start") or 1) if ordered else None))
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            items, start = lists.pop()
            if not lists and any(item.parts for item in items):
                blocks.append(Bullets(tuple(item for item in items if item.parts), start))
        elif token.type == "list_item_open":
            lists[-1][0].append(Para(()))
            current = len(lists[-1][0]) - 1
        elif token.type == "list_item_close":
            current = None
        elif token.type == "inline":
            parts = tuple(_inline(decision_id, token.children or []))
            if lists:  # an item's text; a later paragraph of the same item after a break
                items = lists[-1][0]
                at = len(items) - 1 if current is None else current
                before = items[at].parts
                items[at] = Para(before + ((Break(),) if before and parts else ()) + parts)
            elif parts:
                blocks.append(Para(parts))
    return blocks
