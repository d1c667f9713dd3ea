"""The documents a council adopts: their sections, their gaps, their formats,
hostile plan text, `smgov export` and the workbench's Export dialog."""

from __future__ import annotations

import datetime as _dt
import json
import re
import shutil
import stat
from html.parser import HTMLParser

import pytest
from conftest import SAMPLES

from smgov_tui.core.adoption import CODE_OF_CONDUCT
from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.catalogue.decision import PUBLIC, Decision, for_reader
from smgov_tui.core.catalogue.kinds import Kind
from smgov_tui.core.readiness import checklist
from smgov_tui.documents import DOCUMENTS, TEXT_FORMATS, TEAM_APPENDIX, build, governance, render
from smgov_tui.documents.conduct import SUBJECTS
from smgov_tui.documents.prose import value_blocks
from smgov_tui.storage.store import PlanStore

TODAY = _dt.date(2027, 1, 4)
GAP = re.compile(r"\*\*\[Not yet decided: (.+?)\]\*\*")
BY_LABEL = {decision.label: decision.id for decision in CATALOGUE.decisions}
HEADING = re.compile(r"^(#{1,6}) (.+)$", re.MULTILINE)
ARTICLE_ITEMS = ("Security and confidentiality", "Do's and don'ts", "Reputation management",
                 "Quality and quantity of messaging", "Time allotted to social media",
                 "Privacy issues and settings")
CTG_ELEMENTS = ("Employee access", "Account management", "Acceptable use", "Employee conduct",
                "Content", "Security", "Legal issues", "Citizen conduct")
# each conduct section and a decision it must be traceable to
CONDUCT_SOURCES = {
    "Security and confidentiality": "conduct.security", "Do's and don'ts": "conduct.dos_donts",
    "Reputation management": "conduct.reputation", "Quality and quantity of messaging": "conduct.quality",
    "Time allotted to social media": "conduct.time_allotted", "Privacy issues and settings": "conduct.privacy",
    "Employee access": "conduct.employee_access", "Account management": "conduct.account_management",
    "Acceptable use": "conduct.acceptable_use", "Employee conduct": "conduct.employee_conduct",
    "Content": "conduct.content", "Security": "safeguards.access", "Legal issues": "conduct.legal",
    "Citizen conduct": "conduct.citizen_conduct",
}


def sample(name: str):
    return PlanStore(SAMPLES / f"{name}.json").load()


def headings(md: str, least: int = 2) -> list[str]:
    return [re.sub(r"\\(.)", r"\1", text) for marks, text in HEADING.findall(md) if len(marks) >= least]


def markers(text: str) -> list[str]:
    """The decisions a text marks as gaps, found by the readable label the marker shows
    (a made decision's missing part, "Administrators", names no decision: not counted)."""
    labels = [re.sub(r"\\(.)", r"\1", label) for label in GAP.findall(text)]
    return [BY_LABEL[label] for label in labels if label in BY_LABEL]


def missing(plan) -> set[str]:
    return {item.id for item in checklist(plan).items if item.kind == "missing"}


# sections


@pytest.mark.parametrize("name", ["county", "small-city"])
def test_the_plan_reads_in_the_sections_a_council_knows_and_draws_on_every_decision(name):
    md = render(sample(name), "plan", "md", TODAY)
    expected = ["Policy details", "Purpose", "Objectives", "Resources", "Response", "Platforms and tools",
                "What our peers taught us", "Rules of engagement", "Safeguards", "Launch and review",
                "Related documents", "Enforcement", "Revision history", "Adoption record"]
    expected += [TEAM_APPENDIX] if name == "county" else []  # a draft's ids, for the team, last
    assert headings(md) == expected  # no "Step 1" heading, no field label as a heading
    assert "Step 1" not in md and "Roster: who, which role" not in md
    data = json.loads(render(sample(name), "plan", "json", TODAY))
    drawn_on = [d for s in data["sections"] for d in s["decisions"] if d in CATALOGUE.position]
    by_hand = {d for d in governance.BY_HAND if not sample(name).decided(d)}  # blank lines to fill in
    assert set(drawn_on) == set(CATALOGUE.position) - by_hand
    assert "| Platform " in md and "Total a week" in md  # the capacity figures
    assert "Money a year: the costs the plan names come to" in md
    assert "| Rank   | Platform   | Score   | Reach" in md  # the platform evaluation, ranked


def test_the_plan_writes_down_the_weighing_the_workbench_shows():
    county = render(sample("county"), "plan", "md", TODAY)
    assert "| Tom Becker | 9.4 hours     | 6 hours           | 3.4 hours |" in county
    assert "**The plan is short of staff time by 2.2 hours.**" in county
    assert "1. YouTube: serves no ranked goal" in county and "and then it fits with 3 hours to spare" in county
    assert "| escalating issue | **No tier row yet** |" in county
    assert "| Road and weather closures    | enquiry | Tom Becker" in county
    assert "The reply load is not estimated yet for Facebook and X" in county
    small = render(sample("small-city"), "plan", "md", TODAY)
    assert "short of staff time" not in small and "No tier row yet" not in small
    assert "We chose Facebook as our main platform on 2026-10-14, when it scored 4.3 out of 5." in small
    assert "Platforms our peers use and we do not: Nextdoor (1 of 2)." in small
    assert "| Platforms  | Facebook (main), Instagram" in small


@pytest.mark.parametrize("name", ["county", "small-city"])
def test_conduct_has_the_articles_six_items_and_ctgs_eight_elements(name):
    document = build(sample(name), "conduct", TODAY)
    titles = [s.title for s in document.sections]
    part1, part2 = titles.index("Part 1: How we engage"), titles.index("Part 2: The eight elements of our policy")
    assert titles[part1 + 1:part2] == list(ARTICLE_ITEMS)
    assert titles[part2 + 1:part2 + 9] == list(CTG_ELEMENTS)
    assert [title for _, title, _ in SUBJECTS] == [*ARTICLE_ITEMS, *CTG_ELEMENTS]
    for section in document.sections:
        if section.title in CONDUCT_SOURCES:
            source = CONDUCT_SOURCES[section.title]  # or, undecided, a part the code leaves out
            assert source in section.decisions or source in CODE_OF_CONDUCT.left_out(sample(name)), source
    md = render(sample(name), "conduct", "md", TODAY)
    organisation = sample(name).get("organisation.name")
    assert md.startswith(f"# {organisation}: Social Media Engagement and Code of Conduct\n\nFrom {organisation}, ")
    for title in (*ARTICLE_ITEMS, *CTG_ELEMENTS):
        assert f"\n### {title}\n" in md


@pytest.mark.parametrize("name", ["county", "small-city"])
def test_comment_policy_covers_conduct_removal_records_and_emergencies(name):
    md = render(sample(name), "comments", "md", TODAY)
    assert headings(md) == ["Policy details", "About this policy", "Citizen conduct", "Topics", "Removal rules",
                            "When we read and reply", "Terms of use and disclaimer", "Public records notice",
                            "Not for emergencies", "Complaints and appeals",
                            *(["Related documents"] if name == "small-city" else []),
                            "Revision history", "Adoption record",
                            *([TEAM_APPENDIX] if name == "county" else [])]
    assert "**Our social media accounts are not watched around the clock. Do not use them to report " \
           "an emergency.**" in md
    assert "may be public records" in md


def test_comment_policy_words_the_plans_decisions_into_sentences():
    md = render(sample("small-city"), "comments", "md", TODAY)
    assert "Our accounts are watched during our published hours, Mon-Fri 09:00-13:00." in md
    assert ("We answer questions in public, or by private message where the question is about you.\n\n"
            "We aim to answer ordinary questions within 1 business day of those hours.") in md
    assert ("Our notice, posted in every profile's bio or about section, in a pinned post on each "
            "account and on our website, reads: “This account is monitored Mon-Fri 9am-1pm") in md
    assert "Our comment spaces are a limited public forum: we invite comment" in md


def test_checklist_lists_blockers_then_advice():
    plan = sample("county")
    result = checklist(plan)
    md = render(plan, "checklist", "md", TODAY)
    blocking = len(result.blockers)
    assert headings(md, least=1) == [f"Launch checklist: {plan.title}", "Verdict",
                                     f"Blocking items ({blocking})",
                                     f"Advice ({len(result.items) - blocking})"]
    assert f"**Not ready: {blocking} blocking.**" in md
    assert "`check.hours`" in md


# gaps


@pytest.mark.parametrize("doc", list(DOCUMENTS))
def test_a_launch_ready_plan_has_no_gaps(doc):
    plan = sample("small-city")
    assert not missing(plan)
    for fmt in TEXT_FORMATS:  # Word and PDF: tests/documents/test_print_formats.py
        text = render(plan, doc, fmt, TODAY)
        assert "Not yet decided" not in text
    data = json.loads(render(plan, doc, "json", TODAY))
    assert data["gaps"] == [] and all(s["gaps"] == [] for s in data["sections"])


@pytest.mark.parametrize("doc", list(DOCUMENTS))
def test_a_half_done_plan_shows_a_gap_for_each_missing_decision_it_draws_on(doc):
    plan = sample("county")
    undecided = missing(plan)
    md = render(plan, doc, "md", TODAY)
    data = json.loads(render(plan, doc, "json", TODAY))
    drawn_on = {d for s in data["sections"] for d in s["decisions"]}
    if doc in ("plan", "checklist"):
        drawn_on = set(CATALOGUE.position)  # every decision
    if doc != "checklist":  # the adoption record's blank lines to fill in by hand are not gaps
        drawn_on -= set(governance.BY_HAND)
    shown = markers(md)
    assert set(shown) == undecided & drawn_on
    assert shown  # the county is half done: every document has some gaps
    assert [g["id"] for g in data["gaps"]] == list(dict.fromkeys(shown))
    for section in data["sections"]:
        for decision_id, value in section["values"].items():
            assert (value is None) == (decision_id in section["gaps"])
    html = render(plan, doc, "html", TODAY)
    assert html.count('<strong class="gap"') == len(GAP.findall(md))


def test_a_gap_stands_where_the_value_would_in_a_sentence():
    plan = sample("county").with_value("response.reply_target", None).with_value(
        "response.reply_mode", "answer publicly")
    md = render(plan, "comments", "md", TODAY)
    assert ("We aim to answer ordinary questions within **[Not yet decided: Standard reply time frame]** "
            "of those hours.") in md


@pytest.mark.parametrize("doc", list(DOCUMENTS))
def test_a_new_plan_is_all_gaps_and_still_reads(doc):
    from smgov_tui.core.plan import Plan

    for plan in (Plan(name="Blank"), sample("agency")):
        md = render(plan, doc, "md", TODAY)
        assert set(markers(md)) <= missing(plan) and markers(md)
        for fmt in ("html", "json"):
            assert render(plan, doc, fmt, TODAY)


def test_documents_are_written_beside_the_plan_as_stem_doc_format(tmp_path):
    from smgov_tui.documents import document_path, write_document

    plan_path = tmp_path / "kettle.v2.json"
    assert document_path(plan_path, "conduct", "html") == tmp_path / "kettle.v2.conduct.html"
    written = write_document(plan_path, sample("county"), "comments", "md", TODAY)
    assert written == tmp_path / "kettle.v2.comments.md"
    assert written.read_text().startswith("# Kettle County: Public Comment Policy")
    assert stat.S_IMODE(written.stat().st_mode) == 0o600


# formats


@pytest.mark.parametrize("doc", list(DOCUMENTS))
def test_markdown_tables_are_github_pipe_tables(doc):
    md = render(sample("county"), doc, "md", TODAY)
    tables = re.findall(r"((?:^\|.*\|\n)+)", md, re.MULTILINE)
    assert tables
    for table in tables:
        lines = table.splitlines()
        assert re.fullmatch(r"\|(-+\|)+", lines[1]), lines[1]  # tabulate's github delimiter row
        pipes = {len(re.findall(r"(?<!\\)\|", line)) for line in lines}
        assert len(pipes) == 1  # no cell's text adds a column


class Balanced(HTMLParser):
    VOID = frozenset({"meta", "br", "hr", "img", "input", "link"})

    def __init__(self):
        super().__init__()
        self.open: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open.pop() == tag, f"</{tag}> does not close <{self.open[-1:]}>"


@pytest.mark.parametrize("doc", list(DOCUMENTS))
def test_html_is_a_standalone_page_that_prints(doc):
    html = render(sample("county"), doc, "html", TODAY)
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    assert '<meta charset="utf-8">' in html
    style = html[html.index("<style>"):html.index("</style>")]
    assert "@media print" in style and "strong.gap" in style
    parser = Balanced()
    parser.feed(html)
    parser.close()
    assert parser.open == []
    assert parser.tags.count("h1") == 1 and "title" in parser.tags
    assert "<table>" in html and "2027-01-04" in html


@pytest.mark.parametrize("doc", list(DOCUMENTS))
def test_json_has_the_markdowns_sections_and_gaps(doc):
    plan = sample("county")
    md = render(plan, doc, "md", TODAY)
    data = json.loads(render(plan, doc, "json", TODAY))
    assert data["document"] == doc and data["schema"] == 1
    assert data["plan"] == plan.title == "Kettle County" and data["generated"] == "2027-01-04"
    assert [s["title"] for s in data["sections"]] == headings(md)
    assert [s["level"] for s in data["sections"]] == [len(m) for m, _ in HEADING.findall(md)][1:]
    assert [g for s in data["sections"] for g in s["gaps"]] == markers(md)
    for gap in data["gaps"]:
        decision = CATALOGUE.get(gap["id"])
        assert gap == {"id": decision.id, "label": decision.label, "step": decision.step,
                       "severity": decision.severity}


def test_json_values_are_the_plans_own():
    plan = sample("small-city")
    data = json.loads(render(plan, "plan", "json", TODAY))
    values = {k: v for s in data["sections"] for k, v in s["values"].items()}
    assert values == {d.id: plan.get(d.id) for d in CATALOGUE}
    roster = next(s for s in data["sections"] if s["title"] == "Resources")
    assert roster["tables"][0]["headers"][:3] == ["Name", "Role", "Hours a week"]
    assert roster["tables"][0]["rows"][0][0] == plan.rows("resources.roster")[0]["name"]


def test_checklist_json_carries_the_verdict_and_items():
    plan = sample("county")
    data = json.loads(render(plan, "checklist", "json", TODAY))
    result = checklist(plan)
    assert data["ready"] is False and data["decided"] == result.decided and data["total"] == result.total
    assert data["items"] == [item.as_json() for item in result.items]


# one generic rendering for every kind, including kinds added later


class Unknown(Kind):
    """A kind documents/ has never heard of."""

    name = "unknown"

    def show(self, value):
        return f"{len(value['candidates'])} candidates, {value['chosen']} chosen"


class Broken(Kind):
    def show(self, value):
        raise TypeError("not my shape")


def test_a_kind_added_later_prints_as_it_shows_itself():
    value = {"candidates": ["Facebook", "X"], "chosen": "Facebook"}
    decision = Decision("platforms.new_thing", "New thing", Unknown(), False, "")
    [para] = value_blocks(decision, value)
    assert para.parts[0].text == "2 candidates, Facebook chosen"
    [para] = value_blocks(Decision("platforms.new_thing", "New thing", Broken(), False, ""), value)
    assert json.loads(para.parts[0].text) == value


def test_every_decision_of_the_catalogue_renders():
    plan = sample("small-city")
    md = render(plan, "plan", "md", TODAY)
    for decision in CATALOGUE:
        for block in value_blocks(decision, plan.get(decision.id)):
            assert block  # rendered without raising, whatever its kind
    assert "Hootsuite" in md and "Angela Moreno" in md and "Mon-Fri 09:00-13:00" in md


# hostile plan text

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
LINK = "[link](javascript:alert(1))"
MARKUP = "[bold red]x[/]"
CLEAR = "\x1b[2J"


AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^\s<>]+>|<[\w.+-]+@[\w.-]+>")


def hostile_plan():
    plan = sample("small-city")
    values = {
        "conduct.security": f"{SCRIPT}\n# heading\n**bold** | pipe\n1. not a list\n- {MARKUP}",
        "response.escalation_contact": f"Dana {IMG}",
        "response.emergency_notice": f"{LINK} | pipe {CLEAR}",
        "safeguards.removal_rules": f"{IMG}\n\n{LINK}\n\n= == ---\n{CLEAR}done",
        "conduct.citizen_conduct": f"&lt;script&gt; {MARKUP} `code` <b>bold</b>",
        "organisation.name": f"Harbor {CLEAR}{MARKUP} <b>Falls</b>",
    }
    rows = [dict(row) for row in plan.rows("platforms.chosen")]
    rows[0]["audience"] = f"| pipe {SCRIPT} {LINK} **bold** {CLEAR}"
    values["platforms.chosen"] = rows
    for decision_id, value in values.items():
        assert CATALOGUE.check(decision_id, value, plan.values) == value  # each is a valid value
        plan = plan.with_value(decision_id, value)
    plan.name = f"Harbor {CLEAR}{MARKUP} <b>Falls</b>"
    return plan, values


def test_hostile_text_comes_out_literal_in_every_format():
    plan, values = hostile_plan()
    for doc in ("plan", "conduct", "comments"):
        md = render(plan, doc, "md", TODAY)
        html = render(plan, doc, "html", TODAY)
        data = json.loads(render(plan, doc, "json", TODAY))
        # JSON: the exact strings, escape character and all
        found = {k: v for s in data["sections"] for k, v in s["values"].items() if k in values}
        reader = PUBLIC if doc == "comments" else None  # the public's JSON: only what they may read
        assert len(found) >= 3 and all(
            found[k] == (values[k] if reader is None else for_reader(CATALOGUE.get(k), values[k], reader))
            for k in found)
        assert data["plan"] == plan.title

        texts = [value for value in found.values() if isinstance(value, str)]

        def drawn_on(needle: str, texts=texts) -> bool:  # shown whole: text (a row may show one field)
            return any(needle in text for text in texts)

        assert "\x1b" not in md + html
        assert "\\x1b[2J" in md and "\\x1b[2J" in html  # shown as the four characters \x1b
        # Markdown: every < of plan text that could open a tag is escaped (autolinks are ours);
        # no heading but ours
        assert not re.search(r"(?<!\\)<[A-Za-z/!?]", AUTOLINK.sub("", md))
        assert not re.search(r"^# heading", md, re.MULTILINE)
        # HTML: no tag, attribute or link from the plan but an http(s) or mailto one, just its characters
        assert "<script" not in html and "<img" not in html and "<b>" not in html
        assert not re.search(r"<[^>]*onerror=", html) and not re.search(r'href="(?!https?://|mailto:)', html)
        assert html.count("<h1>") == 1
        if drawn_on(SCRIPT):
            assert "\\<script>alert(1)\\</script>" in md and "**bold** \\| pipe" in md  # long text's emphasis
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<strong>bold</strong> | pipe" in html
        if drawn_on(LINK):
            assert "[link\\](javascript:alert(1))" in md and LINK in html
        if drawn_on(IMG):
            assert "&lt;img src=x onerror=alert(1)&gt;" in html
    conduct_html = render(plan, "conduct", "html", TODAY)
    # "1. " and "- " lines after a sentence are a list, as in Markdown; "# " stays text
    assert "# heading" in conduct_html and "<li>not a list</li>" in conduct_html and MARKUP in conduct_html
    assert "&amp;lt;script&amp;gt;" in conduct_html and "`code`" in conduct_html
    plan_md = render(plan, "plan", "md", TODAY)
    assert "\\| pipe \\<script>alert(1)\\</script> [link\\](javascript:alert(1)) \\*\\*bold\\*\\*" in plan_md  # the row field, in its table cell
    comments_md = render(plan, "comments", "md", TODAY)
    assert "[link\\](javascript:alert(1))" in comments_md  # the notice and the removal rules


def test_hostile_text_in_the_title_stays_text():
    plan, _ = hostile_plan()
    html = render(plan, "checklist", "html", TODAY)
    title = html[html.index("<title>"):html.index("</title>")]
    assert "&lt;b&gt;Falls&lt;/b&gt;" in title and "\x1b" not in title and MARKUP in title


# the command line


def test_export_prints_markdown_by_default(tmp_path, smgov):
    result = smgov("export", SAMPLES / "county.json", "--doc", "conduct")
    assert result.code == 0 and result.err == ""
    assert result.out.startswith("# Kettle County: Social Media Engagement and Code of Conduct\n")
    body, appendix = result.out.split(f"\n## {TEAM_APPENDIX}\n")
    assert "**[Not yet decided: Do's and don'ts]**" in body and "conduct.dos_donts" not in body
    assert "| Do's and don'ts                        | `conduct.dos_donts`             |" in appendix


def test_export_plan_is_the_default_document_and_json_goes_to_stdout(smgov):
    result = smgov("export", SAMPLES / "small-city.json", "--format", "json")
    assert result.code == 0 and json.loads(result.out)["document"] == "plan"


@pytest.mark.parametrize("name, fmt, first", [("c.html", None, "<!DOCTYPE html>"),
                                               ("c.json", None, "{"),
                                               ("c.txt", "md", "# Kettle County: Public Comment Policy")])
def test_export_to_a_file_readable_by_its_owner_only(tmp_path, smgov, monkeypatch, name, fmt, first):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1799107200")  # 2027-01-05
    out = tmp_path / name
    args = ["export", SAMPLES / "county.json", "--doc", "comments", "-o", out]
    result = smgov(*args, *(["--format", fmt] if fmt else []))
    assert result.code == 0 and result.out == f"wrote {out}\n"
    assert out.read_text().startswith(first) and "2027-01-05" in out.read_text()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.parametrize("args, message", [
    (("--doc", "minutes"), "invalid choice: 'minutes'"),
    (("--format", "odt"), "invalid choice: 'odt'"),
    (("-o", "{plan}"), "is the plan itself"),
    (("-o", "{tmp}"), "is a folder"),
    (("-o", "{tmp}/no/such/x.md"), "does not exist"),
])
def test_export_errors_are_one_line_and_leave_files_alone(tmp_path, smgov, args, message):
    plan = tmp_path / "plan.json"
    shutil.copy(SAMPLES / "county.json", plan)
    before = {p: p.read_bytes() for p in tmp_path.iterdir()}
    result = smgov("export", plan, *(a.format(plan=plan, tmp=tmp_path) for a in args))
    assert result.code == 2 and result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("smgov: error: ") and message in lines[0]
    assert {p: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_export_of_a_missing_plan_is_one_line(tmp_path, smgov):
    result = smgov("export", tmp_path / "nope.json")
    assert result.code == 2 and result.err.startswith("smgov: error: no plan at")
    assert len(result.err.strip().splitlines()) == 1


# the workbench


def county_app(tmp_path):
    from smgov_tui.tui.app import SmgovApp

    path = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county.json", path)
    return SmgovApp(PlanStore(path)), path


async def test_export_dialog_writes_conduct_html_beside_the_plan(tmp_path):
    app, _ = county_app(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("f2")  # ctrl+e too, outside a text field (in one it goes to the end)
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "ExportScreen"
        assert "Writes county.plan.html beside the plan" in str(screen.query_one("#export-target").render())
        await pilot.press("down", "tab")  # document: the code of conduct; format stays HTML
        await pilot.pause()
        assert "county.conduct.html" in str(screen.query_one("#export-target").render())
        await pilot.press("enter")
        await pilot.pause()
        assert not app.screen.is_modal
        target = tmp_path / "county.conduct.html"
        await pilot.pause()
        toasts = [str(toast.render()) for toast in app.screen.query("Toast")]
        # The path is broken only after a separator (tui/notices.py): read without the breaks.
        assert any("".join(f"Written to {target}".split()) in "".join(text.split()) for text in toasts), toasts
    text = target.read_text()
    assert text.startswith("<!DOCTYPE html>") and "Social Media Engagement and Code of Conduct" in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


async def test_export_dialog_escape_writes_nothing_and_the_palette_offers_it(tmp_path):
    app, _ = county_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        command = next(c for c in app.get_system_commands(app.screen)
                       if c.title == "Export: a document (ctrl+e or f2)")
        command.callback()
        await pilot.pause()
        assert type(app.screen).__name__ == "ExportScreen"
        await pilot.press("up", "tab", "up")  # checklist, Markdown
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.is_modal
        await pilot.press("f1", "ctrl+e", "f2")  # over another dialog, the export keys are that dialog's
        await pilot.pause()
        assert type(app.screen).__name__ == "GuidanceScreen"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["county.json"]


def test_the_readme_documents_the_real_json_shape():
    from conftest import REPO

    readme = (REPO / "README.md").read_text()
    block = re.search(r"```json\n(\{\n  \"document\".*?)```", readme, re.DOTALL)[1]
    documented = json.loads(block)
    real = json.loads(render(sample("county"), "comments", "json", TODAY))
    assert set(documented) == set(real)
    assert documented["document"] == "comments" and documented["title"] == real["title"]
    section = documented["sections"][0]
    real_section = next(s for s in real["sections"] if s["title"] == section["title"])
    assert {k: real_section[k] for k in ("decisions", "gaps", "values")} == \
        {k: section[k] for k in ("decisions", "gaps", "values")}
    assert all(set(s) <= set(section) | {"tables"} for s in real["sections"])
    assert documented["gaps"][0] in real["gaps"]
    for field in ("tables", *section, *documented):
        assert any(f"`{name}`" in readme for name in (field, f"{field}[]", f"sections[].{field}")), field
