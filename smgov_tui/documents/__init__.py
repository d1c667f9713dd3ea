"""The documents a council adopts, made from a plan: the plan itself, the
Social Media Engagement and Code of Conduct, the public comment policy and the
launch checklist, each as Markdown, a standalone HTML page, JSON, Word or PDF.

Pure Python (no textual): `smgov export` and the workbench's Export both call
`render` / `write_document`. Word (python-docx) and PDF (WeasyPrint) import
only when such a document is written: they cost `smgov check` and the
workbench's start nothing. A decision not yet made is never a blank: it is a
marked gap in the text and `null` plus an entry in "gaps" in the JSON.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the builders load on first use: `smgov check` need not pay for them
    from smgov_tui.core.plan import Plan
    from smgov_tui.documents.model import Document, Para, Section

DOCUMENTS = {  # name -> what it is, in a phrase (the CLI's help and the workbench's dialog)
    "plan": "The plan, every decision in it",
    "conduct": "Engagement and Code of Conduct",
    "comments": "Public comment policy",
    "checklist": "Launch checklist",
}
FORMATS = {"md": "Markdown (.md)", "html": "HTML page (.html)", "json": "JSON (.json)",
           "docx": "Word (.docx)", "pdf": "PDF (.pdf)"}
ADOPTED_DOCUMENTS = ("plan", "conduct", "comments")  # what a council adopts as it stands
BINARY_FORMATS = ("docx", "pdf")  # written as bytes: never to a terminal
TEXT_FORMATS = tuple(fmt for fmt in FORMATS if fmt not in BINARY_FORMATS)
# The dated obligations are not prose but events: one document, one format of its own.
CALENDAR = {"calendar": "Review dates, as a calendar"}
CALENDAR_FORMATS = {"ics": "iCalendar (.ics)"}


def formats_for(doc: str) -> dict[str, str]:
    """The formats a document or the calendar is written in."""
    return CALENDAR_FORMATS if doc in CALENDAR else FORMATS


def build(plan: Plan, doc: str, today: _dt.date | None = None, revision: int | None = None) -> Document:
    from smgov_tui.core import readiness
    from smgov_tui.documents import checklist as checklist_doc
    from smgov_tui.documents import comments, conduct, plan_doc
    from smgov_tui.documents.model import Imprint

    today = today or _dt.date.today()
    result = readiness.checklist(plan)
    if doc == "plan":
        document = plan_doc.build(plan, result, today)
    elif doc == "conduct":
        document = conduct.build(plan, today)
    elif doc == "comments":
        document = comments.build(plan, today)
    elif doc == "checklist":
        document = checklist_doc.build(plan, result, today)
    else:
        raise ValueError(f"unknown document {doc!r}; documents: {', '.join(DOCUMENTS)}")
    if doc in ADOPTED_DOCUMENTS:  # identity first, revision history and adoption record last
        from smgov_tui.core.adoption import ADOPTED
        from smgov_tui.documents import governance

        adopted = next((a for a in ADOPTED if a.key == doc), None)  # the plan: every part shown
        document.sections[:0] = governance.front(plan, adopted)
        document.sections += governance.back(plan, adopted, enforcement=doc != "comments",
                                             called={"plan": "plan", "conduct": "code"}.get(doc, "policy"))
    from smgov_tui.core.catalogue import CATALOGUE
    from smgov_tui.core.catalogue.decision import for_reader

    for section in document.sections:  # the JSON's values: what its reader may read, no more
        section.values = {i: (plan.get(i) if document.reader is None
                              else for_reader(CATALOGUE.get(i), plan.get(i), document.reader))
                          if plan.decided(i) else None for i in section.decisions}
    if document.gaps and document.kind != "checklist":
        document.sections.append(_team_appendix(document))
    document.intro.insert(0, _status(document, today))
    document.imprint = Imprint(plan.organisation, plan.get("organisation.country") or "", revision)
    return document


TEAM_APPENDIX = "For the team: decision ids"



def _team_appendix(document: Document) -> Section:
    """A draft's gaps by their ids, for `smgov set`: ids stay out of the body,
    which people read and adopt, and out of a document with no gap."""
    from smgov_tui.core.catalogue import CATALOGUE
    from smgov_tui.documents.model import Code, Para, Section, Table

    rows = tuple((CATALOGUE.get(gap).label, Code(gap)) for gap in document.gaps)
    return Section(TEAM_APPENDIX, [
        Para(("Each decision this draft still needs, by the id ", Code("smgov set"), " and ",
              Code("smgov get"), " take:")),
        Table(("Not yet decided", "Decision id"), rows)])


def _status(document: Document, today: _dt.date) -> Para:
    from smgov_tui.documents.model import Para

    if document.kind == "plan":
        source = "Social media plan"
    else:
        source = f"From {document.plan_name}" if document.plan_name else "From the plan"
    if document.kind == "checklist":
        return Para((f"{source}, {today.isoformat()}.",))
    gaps = len(document.gaps)
    if not gaps:
        state = "every decision it draws on is made."
    else:
        state = (f"a draft: {gaps} decision{'s' if gaps != 1 else ''} it draws on "
                 f"{'are' if gaps != 1 else 'is'} not yet made, each marked “Not yet decided” "
                 "where it belongs.")
    return Para((f"{source}, {today.isoformat()}; ", state))


def render(plan: Plan, doc: str, fmt: str, today: _dt.date | None = None,
           revision: int | None = None) -> str | bytes:
    """The document as text, or as bytes for Word and PDF (BINARY_FORMATS); `revision`,
    the plan file's, goes in their page header. The calendar raises
    dates.NoObligations for a plan with no date."""
    if doc in CALENDAR or fmt in CALENDAR_FORMATS:
        if doc not in CALENDAR or fmt not in CALENDAR_FORMATS:
            raise ValueError(f"the calendar is written only as .ics, and documents as {', '.join(FORMATS)}")
        from smgov_tui.documents.ical import calendar_ics

        # Stamped with the day's start, so two exports on one day are the same file.
        return calendar_ics(plan, _dt.datetime.combine(today, _dt.time(), _dt.UTC) if today else None)
    from smgov_tui.documents.formats import document_html, document_json
    from smgov_tui.documents.markdown import document_markdown

    document = build(plan, doc, today, revision)
    if fmt == "docx":
        from smgov_tui.documents.word import document_docx

        return document_docx(document)
    if fmt == "pdf":
        from smgov_tui.documents.pdf import document_pdf

        return document_pdf(document)
    if fmt == "md":
        return document_markdown(document)
    if fmt == "html":
        return document_html(document)
    if fmt == "json":
        return document_json(document)
    raise ValueError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")


def document_path(plan_path: Path, doc: str, fmt: str) -> Path:
    """Beside the plan: county.json -> county.conduct.html."""
    return plan_path.with_name(f"{plan_path.stem}.{doc}.{fmt}")


def write_document(plan_path: Path, plan: Plan, doc: str, fmt: str,
                   today: _dt.date | None = None, revision: int | None = None) -> Path:
    from smgov_tui.storage.files import write_atomically

    target = document_path(plan_path, doc, fmt)
    write_atomically(target, render(plan, doc, fmt, today, revision), 0o600)
    return target


__all__ = ["BINARY_FORMATS", "CALENDAR", "CALENDAR_FORMATS", "DOCUMENTS", "FORMATS", "TEXT_FORMATS", "build", "formats_for", "document_path", "render", "write_document"]
