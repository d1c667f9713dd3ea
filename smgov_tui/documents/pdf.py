"""A document as PDF: WeasyPrint lays out the print HTML (formats.document_html),
so the PDF says exactly what the HTML page says, gaps highlighted the same way.

The page rules added here put the title (from the page's own <h1>, through
CSS `string-set`, so no plan text is ever written into a stylesheet), the
plan's revision and "Page X of Y" in the margins, on Letter paper for the
United States and Canada and A4 elsewhere. Nothing is fetched: the page has no
external resource, and the URL fetcher refuses any URL anyway, so a PDF never
waits on, or leaks to, the network. WeasyPrint loads only when a .pdf is written.
"""

from __future__ import annotations

import logging

from smgov_tui.core import law
from smgov_tui.documents.formats import document_html
from smgov_tui.documents.model import Document


class NothingFetched(ValueError):
    """A document refers to nothing outside itself: any URL WeasyPrint asks for is refused."""


def fetch_nothing(url: str, *args, **kwargs):
    raise NothingFetched(f"smgov fetches nothing for a PDF: {url[:80]}")


def page_css(document: Document) -> str:
    revision = document.imprint.revision
    corner = f'content: "Revision {int(revision)}";' if revision is not None else ""
    # A user stylesheet: `!important` outranks the page's own print rule (A4, other margins).
    return f"""
@page {{ size: {law.paper(document.imprint.country)} !important; margin: 22mm 18mm 20mm !important;
  @top-left {{ content: string(title); font: 9pt "Helvetica Neue", Arial, sans-serif; color: #57606a; }}
  @top-right {{ {corner} font: 9pt "Helvetica Neue", Arial, sans-serif; color: #57606a; }}
  @bottom-center {{ content: "Page " counter(page) " of " counter(pages);
                    font: 9pt "Helvetica Neue", Arial, sans-serif; color: #57606a; }} }}
@page :first {{ @top-left {{ content: none; }} }}
h1 {{ string-set: title content(); }}
thead {{ display: table-header-group; }}
"""


def document_pdf(document: Document) -> bytes:
    from weasyprint import CSS, HTML

    # WeasyPrint logs CSS it does not support (the screen-only rules); with no
    # handler Python would print those warnings on the command line's stderr.
    logging.getLogger("weasyprint").addHandler(logging.NullHandler())
    logging.getLogger("weasyprint").propagate = False
    page = HTML(string=document_html(document), url_fetcher=fetch_nothing)
    return page.write_pdf(stylesheets=[CSS(string=page_css(document), url_fetcher=fetch_nothing)])
