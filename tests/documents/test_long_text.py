"""Long plan text as its writers expect Markdown to read, in every format.

The code of conduct prints `conduct.security` whole: the text below goes in
there, and comes out of Markdown, HTML and JSON with the same structure.
"""

from __future__ import annotations

import datetime as _dt
import json
import re

from conftest import SAMPLES

from smgov_tui.documents import render
from smgov_tui.storage.store import PlanStore

TODAY = _dt.date(2027, 1, 4)
WRITTEN = (
    "Passwords live in the Communications & Public Information Office's manager,\n"
    "never in a spreadsheet. Ask [agency] IT first.\n"
    "We check that:\n"
    "- two-factor is on\n"
    "- **every** account has two admins\n"
    "\n"
    "Report a compromise at https://it.kettle.example.gov/report or www.kettle.example.gov,\n"
    "or write to security@kettle.example.gov. Never click [this](javascript:alert(1)).\n"
    "\n"
    "# Not a heading\n"
    "| not | a table |\n"
    "|-----|---------|\n"
)


def exported(fmt: str, text: str = WRITTEN) -> str:
    plan = PlanStore(SAMPLES / "county.json").load().with_value("conduct.security", text)
    return render(plan, "conduct", fmt, TODAY)


def section_html(html: str) -> str:
    start = html.index("Passwords live")
    return html[html.rindex("<p>", 0, start):html.index("</p>", html.index("Not a heading"))]


def test_a_single_line_break_stays_inside_its_paragraph():
    md, html = exported("md"), exported("html")
    assert "Public Information Office's manager, never in a spreadsheet." in md
    assert "manager, never in a spreadsheet." in html and "<br" not in section_html(html)


def test_a_list_straight_after_a_sentence_is_a_list_and_a_blank_line_a_new_paragraph():
    md, html = exported("md"), exported("html")
    assert "We check that:\n\n- two-factor is on\n- **every** account has two admins\n" in md
    assert "<li>two-factor is on</li>\n<li><strong>every</strong> account has two admins</li>" in html
    assert "\\-" not in md
    text = next(s["text"] for s in json.loads(exported("json"))["sections"] if "Passwords" in s["text"])
    assert "We check that:\n\n- two-factor is on\n- every account has two admins\n\nReport a" in text


def test_no_visible_escapes_in_the_markdown():
    md = exported("md")
    assert "Communications & Public Information Office" in md and "Ask [agency] IT" in md
    assert "\\&" not in md and "\\[agency" not in md


def test_web_and_mail_addresses_are_links_in_html_and_javascript_stays_inert():
    html, md = exported("html"), exported("md")
    assert '<a href="https://it.kettle.example.gov/report">https://it.kettle.example.gov/report</a>' in html
    assert '<a href="http://www.kettle.example.gov">www.kettle.example.gov</a>' in html
    assert '<a href="mailto:security@kettle.example.gov">security@kettle.example.gov</a>' in html
    assert "javascript:" not in re.findall(r"href=\"([^\"]*)\"", html.lower())
    assert not re.search(r"href=\"(?!https?://|mailto:)", html)
    assert "Never click [this](javascript:alert(1))." in html  # the characters typed
    assert "<https://it.kettle.example.gov/report>" in md and "[this\\](javascript:alert(1))" in md
    text = next(s["text"] for s in json.loads(exported("json"))["sections"] if "Passwords" in s["text"])
    assert "https://it.kettle.example.gov/report" in text and "javascript:alert(1)" in text


def test_text_that_looks_like_a_heading_or_a_table_stays_text():
    md, html = exported("md"), exported("html")
    assert "<h1>Not a heading" not in html and "<table" not in section_html(html)
    assert "# Not a heading \\| not \\| a table \\| \\|-----\\|---------\\|" in md
    assert not re.search(r"^#+ Not a heading", md, re.MULTILINE)


# the plan document reads as a document, with gaps where figures are missing


def county():
    return PlanStore(SAMPLES / "county.json").load()


def test_the_plan_carries_its_tables_in_sentences_and_words():
    md = render(county(), "plan", "md", TODAY)
    assert "Two people share 14 hours a week: Priya Nair (team lead, 8 hours) and Tom Becker " \
           "(content lead, 6 hours)." in md
    assert "We will run three platforms, Facebook, X and YouTube, with Facebook as our main platform." in md
    assert "| Posts a week            | 7 posts a week " in md and "posts/week" not in md
    assert "\n## Purpose\n" in md and "\n## Launch and review\n" in md


def test_hours_not_entered_are_a_gap_not_zero_hours():
    plan = county()
    rows = [{k: v for k, v in row.items() if k not in ("posts_per_week", "checks_per_day")}
            for row in plan.rows("platforms.chosen")]
    plan = plan.with_value("platforms.chosen", rows)
    roster = [{k: v for k, v in row.items() if k != "hours"} for row in plan.rows("resources.roster")]
    plan = plan.with_value("resources.roster", roster)
    md = render(plan, "plan", "md", TODAY)
    assert ("Staff time: the platforms in this plan need about **[Not yet decided: Posts, checks and "
            "minutes for each platform]** a week, and the roster gives **[Not yet decided: Hours a week "
            "each person gives]**.") in md
    resources = md[md.index("\n## Resources\n"):md.index("\n## Response\n")]
    assert "0 hours" not in resources and "about 0" not in resources  # the launch verdict quotes the checks
    assert "Two people share **[Not yet decided: Hours a week each person gives]**: Priya Nair" in md


def test_a_column_no_row_fills_shows_its_gap_instead_of_vanishing():
    plan = county()
    rows = [{"account": row["account"], "two_factor": row["two_factor"]} for row in plan.rows("safeguards.access")]
    plan = plan.with_value("safeguards.access", rows)
    md = render(plan, "plan", "md", TODAY)
    assert "| Administrators " in md and "| Next access review " in md
    line = next(line for line in md.splitlines() if line.startswith("| Facebook ") and "yes" in line)
    assert "**[Not yet decided: Administrators]**" in line and "**[Not yet decided: Next access review]**" in line
    data = json.loads(render(plan, "plan", "json", TODAY))
    assert "safeguards.access" not in [g["id"] for g in data["gaps"]]  # made, though incomplete
