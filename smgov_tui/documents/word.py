"""A document as a Word file (python-docx), from the same Document model as
Markdown, HTML and JSON, so the formats cannot disagree.

A clerk edits it in Word: headings are Word's Heading 1-3 styles (the
navigation pane and a table of contents find them), tables are real tables in
Word's "Table Grid" style with the header row repeated on every page, lists
use "List Bullet" and "List Number" (each numbered list restarting at its own
first number), the page header carries the title and the plan's revision, the
footer "Page X of Y" from Word's own PAGE and NUMPAGES fields. Gaps are bold on
a yellow highlight, as the HTML marks them.

Plan text is data: every string goes in as a run's text through
`textsafe.visible` (XML cannot hold control characters, and lxml refuses
them), never as markup. python-docx loads only when a .docx is written.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from docx import Document as new_word_document
from docx.enum.text import WD_COLOR_INDEX, WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from smgov_tui.core import law
from smgov_tui.core.textsafe import visible
from smgov_tui.documents.formats import page_title
from smgov_tui.documents.model import (
    Block,
    Break,
    Bullets,
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
from smgov_tui.documents.prose import gap_text

PAPER = {"A4": (Mm(210), Mm(297)), "Letter": (Mm(215.9), Mm(279.4))}
HEADER_FILL = "EEF1F4"  # the HTML's table header grey
LINK_COLOUR = RGBColor(0x1A, 0x4D, 0x8F)  # a link blue, underlined as links are
_NOT_XML = str.maketrans({"\ufffe": "\\ufffe", "\uffff": "\\uffff"})  # valid Unicode, not XML


def text(value: str) -> str:
    """Plan or our text as a run can hold it: control characters as visible escapes."""
    return visible(value).translate(_NOT_XML)


def shortened(value: str, limit: int) -> str:
    """On one line and at most `limit` characters: a core property (python-docx takes
    255 at most) or the page header (a 500-character plan name filled eight lines of
    every page in LibreOffice)."""
    value = text(" ".join(value.split()))
    return value if len(value) <= limit else value[:limit - 1] + "…"


def _plain(paragraph: Paragraph, part: str) -> None:
    paragraph.add_run(text(part))


def _filled(paragraph: Paragraph, part: Filled) -> None:
    lines = part.text.split("\n")
    for n, line in enumerate(lines):
        run = paragraph.add_run(text(line))
        run.bold = part.style == "strong" or None
        run.italic = part.style == "em" or None
        if n < len(lines) - 1:
            run.add_break()


def _link(paragraph: Paragraph, part: Link) -> None:
    """A w:hyperlink around the run (python-docx has no API for one): the address
    is an external relationship of the part, never text Word would interpret."""
    address = paragraph.part.relate_to(text(part.url), RT.HYPERLINK, is_external=True)
    hyperlink = _element("w:hyperlink")
    hyperlink.set(qn("r:id"), address)
    run = paragraph.add_run(text(part.text))
    run.underline = True
    run.font.color.rgb = LINK_COLOUR
    hyperlink.append(run._r)  # moved from the paragraph into the link
    paragraph._p.append(hyperlink)


def _gap(paragraph: Paragraph, part: Gap) -> None:
    run = paragraph.add_run(text(gap_text(part)))
    run.bold = True
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _strong(paragraph: Paragraph, part: Strong) -> None:
    paragraph.add_run(text(part.text)).bold = True


def _code(paragraph: Paragraph, part: Code) -> None:
    paragraph.add_run(text(part.text)).font.name = "Courier New"


def _break(paragraph: Paragraph, part: Break) -> None:
    paragraph.add_run().add_break()


# One line per kind of part: a new Part type is one entry here, and a part
# without one fails loudly (TypeError) rather than vanishing from the page.
RUNS: dict[type, Callable[[Paragraph, object], None]] = {
    str: _plain, Filled: _filled, Link: _link, Gap: _gap, Strong: _strong, Code: _code, Break: _break,
}


def add_part(paragraph: Paragraph, part: Part) -> None:
    try:
        write = RUNS[type(part)]
    except KeyError:
        raise TypeError(f"no Word rendering for a {type(part).__name__} part") from None
    write(paragraph, part)


def _fill(paragraph: Paragraph, parts) -> Paragraph:
    for part in parts:
        add_part(paragraph, part)
    return paragraph


def _row_flag(row, name: str) -> None:
    """A row property with no python-docx API: w:tblHeader (repeat on each page), w:cantSplit."""
    row._tr.get_or_add_trPr().append(_element(name, val="true"))


def _element(name: str, **attributes: str):
    element = OxmlElement(name)
    for key, value in attributes.items():
        element.set(qn(f"w:{key}"), value)
    return element


def _breathing_room(grid) -> None:
    """Cell margins: "Table Grid" sets none, and text ran into the borders (seen in LibreOffice)."""
    margins = _element("w:tblCellMar")
    for side, width in (("top", "40"), ("left", "100"), ("bottom", "40"), ("right", "100")):
        margins.append(_element(f"w:{side}", w=width, type="dxa"))
    grid._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")  # schema order


def _table(word, table: Table) -> None:
    grid = word.add_table(rows=1, cols=len(table.headers))
    grid.style = word.styles["Table Grid"]
    _breathing_room(grid)
    header = grid.rows[0]
    _row_flag(header, "w:tblHeader")
    for cell, title in zip(header.cells, table.headers, strict=True):
        cell.paragraphs[0].add_run(text(title)).bold = True
        cell.paragraphs[0].paragraph_format.space_after = Pt(0)  # Normal's space made each row a line taller
        cell._tc.get_or_add_tcPr().append(_element("w:shd", val="clear", color="auto", fill=HEADER_FILL))
    for row in table.rows:
        cells = grid.add_row()
        _row_flag(cells, "w:cantSplit")
        for cell, value in zip(cells.cells, row, strict=False):
            _fill(cell.paragraphs[0], cell_parts(value)).paragraph_format.space_after = Pt(0)
    word.add_paragraph()  # Word runs two tables together without a paragraph between


def _numbering_from(word, paragraph: Paragraph, start: int) -> None:
    """This list's own numbering, from `start`: "List Number" alone would
    carry on counting from the document's previous numbered list."""
    numbering = word.part.numbering_part.element
    style_num = word.styles["List Number"].element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(start)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num.numId


def _bullets(word, bullets: Bullets) -> None:
    numbered = bullets.start is not None
    for n, item in enumerate(bullets.items):
        paragraph = _fill(word.add_paragraph(style="List Number" if numbered else "List Bullet"), item.parts)
        if numbered:
            if n == 0:
                _numbering_from(word, paragraph, bullets.start)
                num_id = paragraph._p.pPr.numPr.numId.val
            else:
                paragraph._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = num_id


def add_block(word, block: Block) -> None:
    if isinstance(block, Para):
        _fill(word.add_paragraph(), block.parts)
    elif isinstance(block, Bullets):
        _bullets(word, block)
    elif isinstance(block, Table):
        _table(word, block)
    else:
        raise TypeError(f"no Word rendering for a {type(block).__name__} block")


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in as it lays the pages out."""
    run = paragraph.add_run()
    for kind, instr in (("begin", None), (None, instruction), ("separate", None), ("end", None)):
        if kind:
            run._r.append(_element("w:fldChar", fldCharType=kind))
        else:
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = f" {instr} "
            run._r.append(code)
        if kind == "separate":
            run._r.append(OxmlElement("w:t"))
            run._r[-1].text = "1"


def _page_furniture(word, document: Document) -> None:
    section = word.sections[0]
    section.page_width, section.page_height = PAPER[law.paper(document.imprint.country)]
    section.left_margin = section.right_margin = Mm(20)
    head = section.header.paragraphs[0]
    revision = document.imprint.revision
    head.add_run(shortened(page_title(document), 100))
    if revision is not None:
        head.add_run(f" · Revision {revision}")
    head.style = word.styles["Header"]
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run("Page ")
    _field(foot, "PAGE")
    foot.add_run(" of ")
    _field(foot, "NUMPAGES")


def document_docx(document: Document) -> bytes:
    from smgov_tui.documents import DOCUMENTS

    word = new_word_document()
    word.styles["Normal"].font.size = Pt(11)
    properties = word.core_properties
    properties.title = shortened(page_title(document), 255)
    properties.subject = DOCUMENTS.get(document.kind, document.kind)
    properties.author = shortened(document.imprint.organisation or document.plan_name, 255)
    properties.comments = "Marked gaps are decisions not yet made."
    _page_furniture(word, document)
    word.add_heading(text(document.title), level=0)
    for block in document.intro:
        add_block(word, block)
    for section in document.sections:
        word.add_heading(text(section.title), level=min(max(section.level - 1, 1), 3))
        for block in section.blocks:
            add_block(word, block)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
