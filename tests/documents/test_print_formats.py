"""Word and PDF, read back as a clerk's software reads them: python-docx for the
.docx (styles, tables, lists, header, footer fields, highlights), pypdf for
the PDF's text and pages. Both come from the same Document as the Markdown, so
the checks here are about what each format adds: real structure and a page."""

from __future__ import annotations

import datetime as _dt
import io
import os
import shutil
import socket
import stat
import subprocess
import sys
from pathlib import Path

import docx
import pypdf
import pytest
from conftest import REPO
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn

from smgov_tui.documents import render
from smgov_tui.documents.model import Bullets, Document, Filled, Imprint, Link, Para, Section, Table
from smgov_tui.documents.pdf import NothingFetched, document_pdf, fetch_nothing
from smgov_tui.documents.word import document_docx
from smgov_tui.storage.store import PlanStore

SAMPLES = REPO / "sample_plans"
TODAY = _dt.date(2027, 1, 5)


def sample(name: str):
    return PlanStore(SAMPLES / f"{name}.json").load()


def word(data: bytes) -> docx.document.Document:
    assert data.startswith(b"PK")  # a zip, as every .docx is
    return docx.Document(io.BytesIO(data))


def pdf(data: bytes) -> pypdf.PdfReader:
    assert data.startswith(b"%PDF-")
    return pypdf.PdfReader(io.BytesIO(data))


def pdf_text(reader: pypdf.PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def made_up(*blocks, imprint: Imprint = Imprint("Town of Testing", "United Kingdom", 9)) -> Document:
    return Document("plan", "Town of Testing: Social Media Plan", "Test plan", TODAY, [],
                    [Section("Lists", list(blocks)), Section("A subsection", [Para(("words",))], level=3)],
                    imprint=imprint)


# --- Word -------------------------------------------------------------------------


def test_word_has_real_headings_tables_and_the_page_furniture():
    data = render(sample("small-city"), "plan", "docx", TODAY, revision=42)
    book = word(data)
    styles = [(p.style.name, p.text) for p in book.paragraphs]
    assert styles[0] == ("Title", "City of Harbor Falls: Social Media Plan")
    assert ("Heading 1", "Resources") in styles
    conduct = word(render(sample("small-city"), "conduct", "docx", TODAY))  # its parts hold subsections
    assert {("Heading 1", "Part 1: How we engage"), ("Heading 2", "Security and confidentiality")} <= {
        (p.style.name, p.text) for p in conduct.paragraphs}
    # a real table in a bordered style, its header row repeated on every page
    table = book.tables[0]
    assert table.style.name == "Table Grid"
    header = table.rows[0]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(run.bold for cell in header.cells for run in cell.paragraphs[0].runs)
    assert len(table.rows) > 1 and any(cell.text for cell in table.rows[1].cells)
    # the header: title and revision; the footer: Word's own page fields
    section = book.sections[0]
    assert section.header.paragraphs[0].text == "City of Harbor Falls: Social Media Plan · Revision 42"
    footer = section.footer._element.xml
    assert "Page " in section.footer.paragraphs[0].text and " of " in section.footer.paragraphs[0].text
    assert "> PAGE <" in footer and "> NUMPAGES <" in footer and 'w:fldCharType="begin"' in footer
    # Letter for a US city; the core properties a file browser shows
    assert round(section.page_width.mm) == 216 and round(section.page_height.mm) == 279
    props = book.core_properties
    assert (props.title, props.author) == ("City of Harbor Falls: Social Media Plan", "City of Harbor Falls")
    assert props.subject == "The plan, every decision in it"


def test_word_lists_use_words_list_styles_and_each_numbered_list_starts_afresh():
    numbered = Bullets((Para(("one",)), Para(("two",))), start=1)
    later = Bullets((Para(("three",)), Para(("four",))), start=3)
    bullets = Bullets((Para(("a point",)),))
    book = word(document_docx(made_up(numbered, bullets, later)))
    items = {p.text: p for p in book.paragraphs if p.style.name.startswith("List")}
    assert {text: p.style.name for text, p in items.items()} == {
        "one": "List Number", "two": "List Number", "a point": "List Bullet",
        "three": "List Number", "four": "List Number"}

    def num_id(text: str) -> int:
        return items[text]._p.pPr.numPr.numId.val

    assert num_id("one") == num_id("two") != num_id("three") == num_id("four")
    numbering = book.part.numbering_part.element
    starts = {text: numbering.num_having_numId(num_id(text)).find(qn("w:lvlOverride"))
              .find(qn("w:startOverride")).get(qn("w:val")) for text in ("one", "three")}
    assert starts == {"one": "1", "three": "3"}
    headings = [(p.style.name, p.text) for p in book.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [("Heading 1", "Lists"), ("Heading 2", "A subsection")]
    assert round(book.sections[0].page_width.mm) == 210  # A4 outside North America


def test_word_highlights_each_gap_as_the_html_does():
    book = word(render(sample("county"), "conduct", "docx", TODAY))
    gaps = [run for p in book.paragraphs for run in p.runs if run.text.startswith("[Not yet decided: ")]
    assert gaps, "the county's conduct has gaps"
    assert all(run.bold and run.font.highlight_color == WD_COLOR_INDEX.YELLOW for run in gaps)
    others = [run for p in book.paragraphs for run in p.runs if "Not yet decided" not in run.text]
    assert not any(run.font.highlight_color for run in others)


def test_word_keeps_the_long_texts_links_and_emphasis():
    book = word(document_docx(made_up(Para((
        Filled("x", "See "), Link("x", "our page", url="https://millbrook.gov/social"),
        Filled("x", " and "), Filled("x", "read it", style="strong"), Filled("x", " now", style="em"))))))
    paragraph = next(p for p in book.paragraphs if p.text.startswith("See "))
    assert paragraph.text == "See our page and read it now"
    links = paragraph._p.findall(qn("w:hyperlink"))
    assert len(links) == 1 and "".join(t.text for t in links[0].iter(qn("w:t"))) == "our page"
    assert book.part.rels[links[0].get(qn("r:id"))].target_ref == "https://millbrook.gov/social"
    runs = {run.text: run for run in paragraph.runs}
    assert runs["read it"].bold and not runs["read it"].italic
    assert runs[" now"].italic and not runs[" now"].bold


def test_hostile_plan_text_is_visible_text_in_word_and_never_crashes(tmp_path):
    from workbench.test_hostile import CLICK, hostile_plan

    plan = PlanStore(hostile_plan(tmp_path / "hostile.json")).load()
    for doc in ("plan", "conduct", "comments", "checklist"):
        book = word(render(plan, doc, "docx", TODAY, revision=3))
        text = "\n".join([p.text for p in book.paragraphs]
                         + [c.text for t in book.tables for r in t.rows for c in r.cells]
                         + [book.sections[0].header.paragraphs[0].text])
        assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text
        assert "\\x1b[2J" in text and "\\u202e" in text
        header = book.sections[0].header.paragraphs[0].text
        assert header.endswith("… · Revision 3") and len(header) == 100 + len(" · Revision 3")  # cut short
        assert len(book.core_properties.title) <= 255 and book.core_properties.title.endswith("L…")
        if doc == "conduct":
            assert "<script>alert(1)</script>" in text and CLICK in text and "# heading" in text


def test_hostile_plan_text_is_visible_text_in_the_pdf(tmp_path):
    from workbench.test_hostile import CLICK, hostile_plan

    plan = PlanStore(hostile_plan(tmp_path / "hostile.json")).load()
    text = pdf_text(pdf(render(plan, "conduct", "pdf", TODAY)))
    assert "\x1b" not in text and "\u202e" not in text
    assert "\\x1b[2J" in text and "<script>alert(1)</script>" in text and CLICK in text


class Odd:
    """A part no renderer knows: a new Part type must be wired into every renderer."""


def test_a_part_no_renderer_knows_fails_loudly():
    odd = made_up(Para(("before ", Odd())))
    with pytest.raises(TypeError, match="Odd"):
        document_docx(odd)
    with pytest.raises(TypeError):
        document_pdf(odd)
    with pytest.raises(TypeError, match="Odd"):
        document_docx(made_up(Table(("h",), ((Odd(),),))))


# --- PDF ----------------------------------------------------------------------------


def test_pdf_of_the_plan_has_its_title_headings_pages_and_letter_paper_in_the_us():
    reader = pdf(render(sample("small-city"), "plan", "pdf", TODAY, revision=42))
    assert len(reader.pages) > 1
    text = pdf_text(reader)
    assert "City of Harbor Falls: Social Media Plan" in text and "Objectives" in text
    assert f"Page 1 of {len(reader.pages)}" in text and f"Page 2 of {len(reader.pages)}" in text
    assert "Revision 42" in text
    second = reader.pages[1].extract_text()
    assert "City of Harbor Falls: Social Media Plan" in second  # the title in the page margin
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # Letter


def test_pdf_marks_gaps_and_is_a4_outside_north_america():
    plan = sample("county").with_value("organisation.country", "United Kingdom")
    reader = pdf(render(plan, "conduct", "pdf", TODAY))
    assert "[Not yet decided: " in pdf_text(reader)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4


def test_the_pdf_fetches_nothing(monkeypatch):
    """Were the page ever to name an image, stylesheet or font URL (plan text cannot make
    one), it is refused unfetched: no connection is opened."""
    from smgov_tui.documents import pdf as pdf_module

    with pytest.raises(NothingFetched):
        fetch_nothing("https://example.com/font.woff")
    connections = []
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: connections.append(a))
    monkeypatch.setattr(socket.socket, "connect", lambda self, *a: connections.append(a))
    monkeypatch.setattr(pdf_module, "document_html", lambda document: (
        '<link rel=stylesheet href="http://example.com/a.css"><h1>Title</h1>'
        '<img src="http://example.com/x.png"><p style="background: url(https://example.com/b.png)">x</p>'))
    assert document_pdf(made_up(Para(("words",)))).startswith(b"%PDF-")
    assert connections == []


# --- the command line -----------------------------------------------------------------


@pytest.mark.parametrize("name, magic", [("out.docx", b"PK"), ("out.pdf", b"%PDF-")])
def test_export_picks_word_or_pdf_by_the_extension(tmp_path, smgov, name, magic):
    out = tmp_path / name
    result = smgov("export", SAMPLES / "county.json", "--doc", "comments", "-o", out)
    assert (result.code, result.out, result.err) == (0, f"wrote {out}\n", "")
    assert out.read_bytes().startswith(magic)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_binary_document_is_refused_to_a_terminal(tmp_path, smgov, monkeypatch, fmt):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    result = smgov("export", SAMPLES / "county.json", "--format", fmt)
    assert result.code == 2 and result.out == ""
    assert result.err.splitlines() == [
        f"smgov: error: export: {'Word (.docx)' if fmt == 'docx' else 'PDF (.pdf)'} is not for a terminal; "
        f"give -o FILE.{fmt} (or redirect: > FILE.{fmt})"]
    assert list(tmp_path.iterdir()) == []


def test_a_binary_document_goes_to_a_pipe_as_bytes(tmp_path):
    done = subprocess.run([sys.executable, "-m", "smgov_tui", "export", str(SAMPLES / "county.json"),
                           "--format", "docx"], capture_output=True, cwd=tmp_path, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0 and done.stderr == b""
    assert word(done.stdout).paragraphs[0].text.startswith("Kettle County: Social Media Plan")


@pytest.mark.parametrize("target, message", [
    ("{tmp}", "{tmp} is a folder; give a file name, e.g. {tmp}/plan.pdf"),
    ("{tmp}/none/x.pdf", "cannot write {tmp}/none/x.pdf: folder {tmp}/none does not exist"),
])
def test_export_pdf_errors_are_one_line_and_write_nothing(tmp_path, smgov, target, message):
    plan = tmp_path / "plan.json"
    shutil.copy(SAMPLES / "county.json", plan)
    before = {p: p.read_bytes() for p in tmp_path.iterdir()}
    result = smgov("export", plan, "--format", "pdf", "-o", target.format(tmp=tmp_path))
    assert result.code == 2 and result.out == ""
    assert result.err.splitlines() == [f"smgov: error: export: {message.format(tmp=tmp_path)}"]
    assert {p: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_export_to_an_unwritable_target_is_one_line(tmp_path, smgov, monkeypatch):
    """As root a read-only folder is writable, so the refusal is the file system's, stood in for."""
    from smgov_tui.storage import files

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files, "write_atomically", refuse)
    out = tmp_path / "x.docx"
    result = smgov("export", SAMPLES / "county.json", "-o", out)
    assert result.code == 2 and result.out == ""
    assert result.err == f"smgov: error: export: cannot write {out}: Permission denied\n"
    assert not out.exists()


IMPORTS = """
import sys
from smgov_tui.cli import main
for args in {commands!r}:
    try:
        main(args)
    except SystemExit:
        pass
import smgov_tui.tui.app, smgov_tui.tui.screens.export
print("LOADED:", sorted(m for m in sys.modules if m.split(".")[0] in ("docx", "weasyprint", "pypdf")))
"""


def test_word_and_pdf_libraries_load_only_when_such_a_file_is_written(tmp_path):
    plan = SAMPLES / "county.json"
    commands = [["check", str(plan)], ["export", str(plan), "--format", "html", "-o", str(tmp_path / "a.html")]]
    done = subprocess.run([sys.executable, "-c", IMPORTS.format(commands=commands)], capture_output=True,
                          text=True, cwd=tmp_path, timeout=120, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "LOADED: []"
    commands.append(["export", str(plan), "-o", str(tmp_path / "a.docx")])
    done = subprocess.run([sys.executable, "-c", IMPORTS.format(commands=commands)], capture_output=True,
                          text=True, cwd=tmp_path, timeout=120, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert "'docx'" in done.stdout.strip().splitlines()[-1]  # the probe sees the library when it loads


# --- the workbench -------------------------------------------------------------------


async def test_export_dialog_writes_a_word_file_at_80x24(tmp_path):
    from conftest import settle

    from smgov_tui.tui.app import SmgovApp

    path = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county.json", path)
    app = SmgovApp(PlanStore(path))
    target = tmp_path / "county.conduct.docx"
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        screen = app.screen
        assert type(screen).__name__ == "ExportScreen"
        formats = [str(b.label) for b in screen.query("#export-format ChoiceButton")]
        assert "Word (.docx)" in formats and "PDF (.pdf)" in formats
        assert all(b.region.bottom <= 24 for b in screen.query("ChoiceButton"))  # every choice on screen
        await pilot.press("down", "tab", "down", "down")  # the code of conduct; html -> json -> docx
        await settle(pilot)
        assert "county.conduct.docx" in str(screen.query_one("#export-target").render())
        await pilot.press("enter")
        for _ in range(600):  # written in a worker thread: wait for the dialog to close
            if not app.screen.is_modal:
                break
            await pilot.pause(0.05)
        assert not app.screen.is_modal
        await settle(pilot)
        toasts = "".join("".join(str(toast.render()).split()) for toast in app.screen.query("Toast"))
        assert "".join(f"Written to {target}".split()) in toasts
    book = word(target.read_bytes())
    assert book.paragraphs[0].text == "Kettle County: Social Media Engagement and Code of Conduct"
    header = book.sections[0].header.paragraphs[0].text
    assert header == f"Kettle County: Social Media Engagement and Code of Conduct · Revision {PlanStore(path).meta()['revision']}"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


async def test_export_dialog_says_why_a_pdf_could_not_be_written(tmp_path, monkeypatch):
    from conftest import settle

    from smgov_tui.documents import pdf as pdf_module
    from smgov_tui.tui.app import SmgovApp

    def broken(document):
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(pdf_module, "document_pdf", broken)
    path = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county.json", path)
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("tab", "down", "down", "down")  # html -> json -> docx -> pdf
        await settle(pilot)
        await pilot.press("enter")
        error = app.screen.query_one("#export-error")
        for _ in range(600):
            if str(error.render()):
                break
            await pilot.pause(0.05)
        assert app.screen.is_modal
        assert str(error.render()) == (f"Could not write {tmp_path / 'county.plan.pdf'}: "
                                       "cannot load library 'libpango-1.0-0'")
        assert "Writes county.plan.pdf beside the plan" in str(app.screen.query_one("#export-target").render())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["county.json"]


async def test_the_workbench_stays_live_while_a_pdf_is_written(tmp_path, monkeypatch):
    """The PDF is made in a worker thread: the dialog shows "Writing ..." while it is made."""
    import threading

    from conftest import settle

    from smgov_tui.documents import pdf as pdf_module
    from smgov_tui.tui.app import SmgovApp

    release, started = threading.Event(), threading.Event()
    real = pdf_module.document_pdf

    def slow(document):
        started.set()
        release.wait(30)  # held until the test has seen the screen; on the event loop it would freeze it
        return real(document)

    monkeypatch.setattr(pdf_module, "document_pdf", slow)
    path = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county.json", path)
    app = SmgovApp(PlanStore(path))
    try:
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await pilot.press("f2")
            await settle(pilot)
            await pilot.press("tab", "down", "down", "down", "enter")  # html -> json -> docx -> pdf
            for _ in range(600):  # the worker thread has the PDF in hand
                if started.is_set():
                    break
                await pilot.pause(0.05)
            await pilot.pause()
            target = app.screen.query_one("#export-target")
            assert started.is_set() and str(target.render()) == "Writing county.plan.pdf..."
            await pilot.press("escape")  # the file is on its way: the dialog waits for it
            await pilot.pause()
            assert app.screen.is_modal
            release.set()
            for _ in range(600):
                if not app.screen.is_modal:
                    break
                await pilot.pause(0.05)
            assert not app.screen.is_modal
    finally:
        release.set()
    assert (tmp_path / "county.plan.pdf").read_bytes().startswith(b"%PDF-")
