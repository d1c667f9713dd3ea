"""The words a reader sees in an exported document, in any format: Word and PDF
read back as a clerk's program would (python-docx, pypdf)."""

from __future__ import annotations

import html
import io
import re

import docx
import pypdf


def plain(fmt: str, data: str | bytes) -> str:
    """The words a reader sees in a format, with no spaces at all: PDF text extraction and
    Word's paragraphs break lines where the page does, so spaces cannot be compared."""
    if fmt == "html":
        text = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"(?s)<style.*?</style>", "", data)))
    elif fmt == "docx":
        book = docx.Document(io.BytesIO(data))
        cells = [cell.text for table in book.tables for row in table.rows for cell in row.cells]
        text = "\n".join([p.text for p in book.paragraphs] + cells)
    elif fmt == "pdf":
        text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    else:
        text = data
    return squeezed(text)


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\u2019", "'"))
