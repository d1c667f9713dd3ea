"""What makes the code of conduct and the comment policy adoptable as they stand:
the identity they open with, the revision history and the adoption record they
close with, in every format; gaps and blank lines where the plan says nothing,
never invented text."""

from __future__ import annotations

import datetime as _dt
import json

import pytest
from conftest import SAMPLES

from smgov_tui.core import signoff
from smgov_tui.core.plan import Plan
from smgov_tui.documents import build, render
from smgov_tui.documents.governance import BLANK, revisions
from smgov_tui.storage.store import PlanStore

TODAY = _dt.date(2027, 1, 4)
ADOPTED = ("conduct", "comments")
IDENTITY = ("Policy number", "Authority", "Applies to", "Policy owner", "Contact", "Effective date",
            "Review cycle")


def small_city() -> Plan:
    return PlanStore(SAMPLES / "small-city.json").load()


def blank() -> Plan:
    return Plan.from_values("My social media plan", {})


@pytest.mark.parametrize("doc", ADOPTED)
def test_a_decided_plan_opens_with_its_identity_in_every_format(doc):
    md = render(small_city(), doc, "md", TODAY)
    title, status, details = md.split("\n\n")[:3]
    assert title.startswith("# City of Harbor Falls: ") and details == "## Policy details"
    for row in ("| Policy number  | CHF-SM-01 ",
                "| Authority      | A resolution of the City Council under the charter and municipal code of the City of Harbor Falls |",
                "| Applies to     | Staff; contractors and consultants; volunteers and interns; elected officials' official accounts  |",
                "| Policy owner   | Dana Ruiz, Communications Manager ",
                "| Contact        | socialmedia@harborfalls.example.gov, 555-0140 ",
                "| Effective date | 2027-01-11 ", "| Review cycle   | Annually "):
        assert row in md, row
    html = render(small_city(), doc, "html", TODAY)
    assert "<h2>Policy details</h2>" in html and "<td>Review cycle</td>\n<td>Annually</td>" in html
    data = json.loads(render(small_city(), doc, "json", TODAY))
    details = data["sections"][0]
    assert details["title"] == "Policy details" and details["values"]["launch.review_cycle"] == 12
    assert [row[0] for row in details["tables"][0]["rows"]] == list(IDENTITY)


@pytest.mark.parametrize("doc", ADOPTED)
def test_a_blank_plan_shows_gaps_and_blank_lines_never_invented_text(doc):
    md = render(blank(), doc, "md", TODAY)
    assert md.startswith("# ") and "City of" not in md
    for label, gap in (("Authority", "Authority"), ("Applies to", "Who it applies to"),
                       ("Policy owner", "Policy owner"), ("Contact", "Public contact"),
                       ("Effective date", "Effective date"), ("Review cycle", "Review cycle")):
        assert f"| {label}" in md and f"**[Not yet decided: {gap}]**" in md, label
    assert "Policy number" not in md and "## Related documents" not in md  # left out, not marked
    record = md.split("## Adoption record\n")[1].split("\n## ")[0]
    for label in ("Adopted by", "Resolution or minute number", "Date adopted"):
        assert f"| {label}" in record and BLANK in record.split(label)[1].split("\n")[0]
    assert record.count(BLANK) == 3 + 4  # the record's three lines, one blank row of signature lines
    assert "No version of this policy has been signed off yet" in md
    data = json.loads(render(blank(), doc, "json", TODAY))
    assert {"launch.authority", "launch.scope", "launch.owner", "launch.contact",
            "launch.effective_date", "launch.review_cycle"} <= {gap["id"] for gap in data["gaps"]}
    assert not {"launch.policy_number", "launch.related_documents", "launch.adopting_body",
                "launch.resolution", "launch.adopted_on", "launch.signoff"} & {gap["id"] for gap in data["gaps"]}
    html = render(blank(), doc, "html", TODAY)
    assert '<strong class="gap">[Not yet decided: Authority]</strong>' in html and BLANK in html


def test_the_code_alone_says_what_follows_a_breach():
    conduct = render(small_city(), "conduct", "md", TODAY)
    assert "## Enforcement\n\nWhat follows a breach of this code:\n\n- Access to our accounts is suspended" in conduct
    assert "## Enforcement" not in render(small_city(), "comments", "md", TODAY)
    assert "**[Not yet decided: Enforcement]**" in render(blank(), "conduct", "md", TODAY)


def test_the_code_binds_whom_the_scope_names_from_the_effective_date():
    plan = small_city().with_value("launch.scope", ["staff", "volunteers and interns"]) \
        .with_value("launch.effective_date", "2027-03-01").with_value("launch.review_cycle", 24)
    md = render(plan, "conduct", "md", TODAY)
    assert "with Facebook as our main platform, and binds our staff; and our volunteers and interns." in md
    assert "everyone on our social media roster" not in md
    assert ("This code takes effect on 2027-03-01. It is reviewed with the plan on 2027-07-12, "
            "then every 2 years.") in md
    assert "with the launch of our accounts" not in md


def signed(plan: Plan, name: str, role: str, date: str, revision: int) -> Plan:
    row = signoff.signing(plan, name, role, date, revision)
    return plan.with_value(signoff.SIGNOFF, [*plan.rows(signoff.SIGNOFF), row])


def test_the_revision_history_follows_the_sign_offs_and_what_changed_between_them():
    first = small_city()  # signed by two people at one revision: one version
    second = first.with_value("launch.kpis", "Reach and replies on target") \
        .with_value("launch.review_cycle", 24)
    second = signed(second, "Lee Chen", "City Clerk", "2027-02-03", 120)
    assert revisions(second) == [
        ("1", "2026-11-20", "First approved version", "Sam Okafor (Deputy City Manager); Angela Moreno (City Manager)"),
        ("2", "2027-02-03", "Changed: Key performance indicators, Review cycle", "Lee Chen (City Clerk)"),
    ]
    md = render(second, "conduct", "md", TODAY)
    history = md.split("## Revision history\n")[1].split("\n## ")[0]
    assert "| 2          | 2027-02-03 | Changed: Key performance indicators, Review cycle | Lee Chen (City Clerk)" in history
    record = md.split("## Adoption record\n")[1].split("\n## ")[0]
    assert "| Lee Chen " in record and "Angela Moreno" not in record  # only who signed this version
    draft = second.with_value("launch.owner", "Lee Chen, City Clerk")
    assert revisions(draft)[-1] == ("Draft", "", "Changed: Policy owner", "Not yet approved")


def test_the_adoption_record_of_the_sample_names_body_resolution_date_and_signers():
    document = build(small_city(), "comments", TODAY)
    record = next(s for s in document.sections if s.title == "Adoption record")
    assert {"launch.adopting_body", "launch.resolution", "launch.adopted_on", "launch.signoff"} <= set(record.decisions)
    md = render(small_city(), "comments", "md", TODAY)
    for line in ("| Adopted by                  | City Council        |",
                 "| Resolution or minute number | Resolution 2026-118 |",
                 "| Date adopted                | 2026-12-01          |",
                 f"| Sam Okafor    | Deputy City Manager | {BLANK} | {BLANK} |",
                 f"| Angela Moreno | City Manager        | {BLANK} | {BLANK} |"):
        assert line in md, line
    assert "\\_" not in md  # a line to sign, not escaped underscores
