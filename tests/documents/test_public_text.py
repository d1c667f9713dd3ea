"""The comment policy is written to the public and only from what the public may
read (issue 16 points 2, 3, 4 and 6): staff instructions stay out of it in every
format, each sentence that promises or states a fact stands on a decision, the
country words its law, and a figure or a column resting on undecided values is
a gap, never a 0 or a column dropped."""

from __future__ import annotations

import datetime as _dt
import json

import pytest
from conftest import SAMPLES
from documents.readback import plain, squeezed

from smgov_tui.core import law
from smgov_tui.core.catalogue import CATALOGUE, InvalidValue
from smgov_tui.core.catalogue.decision import PUBLIC, NotForReader, guidance_markdown
from smgov_tui.core.catalogue.kinds import Rows
from smgov_tui.core.catalogue.organisation import COUNTRIES
from smgov_tui.documents import FORMATS, build, render
from smgov_tui.documents.prose import Prose
from smgov_tui.storage.store import PlanStore

TODAY = _dt.date(2027, 1, 4)
STAFF = "Zqx staff only"  # distinctive: no document says it of its own


def small_city():
    return PlanStore(SAMPLES / "small-city.json").load()


def staff_marked():
    """The launch-ready sample with distinctive staff-only text in every decision and every
    row field the public may not read, wherever the kind takes text; and the count of them."""
    plan, marked = small_city(), 0
    for decision in CATALOGUE:
        value = plan.get(decision.id)
        if isinstance(decision.kind, Rows):
            if decision.id == "launch.signoff":
                continue  # rows the program signs: a change is a stale sign-off, not new text
            rows = [dict(row) for row in value or [{}]]
            for field in decision.kind.fields:
                if decision.field_reader(field) == PUBLIC:
                    continue
                text = f"{STAFF} {decision.id}.{field.key}"
                try:
                    field.kind.check(text)
                except (InvalidValue, AttributeError, TypeError):
                    continue
                for row in rows:
                    row[field.key] = text
                marked += 1
            if any(decision.field_reader(f) == PUBLIC for f in decision.kind.fields):
                for row in rows:  # the public fields kept valid (a row's name is required)
                    for field in decision.kind.fields:
                        if field.required and field.key not in row:
                            row[field.key] = field.kind.check("Town Hall") if field.key != "tier" else "enquiry"
            plan = plan.with_value(decision.id, rows)
        elif decision.reader != PUBLIC:
            try:
                plan = plan.with_value(decision.id, CATALOGUE.check(decision.id, f"{STAFF} {decision.id}"))
                marked += 1
            except InvalidValue:
                continue
    return plan, marked


def test_no_staff_text_reaches_the_comment_policy_in_any_format():
    plan, marked = staff_marked()
    assert marked > 60  # every team text decision and field: how, tiers, topics' approach...
    conduct = render(plan, "conduct", "html", TODAY)  # the code of conduct has them
    assert f"{STAFF} response.how" in conduct and f"{STAFF} response.off_limits_topics.approach" in conduct
    for fmt in FORMATS:  # Word and PDF read back as their readers' programs read them
        text = plain(fmt, render(plan, "comments", fmt, TODAY))
        assert squeezed(STAFF) not in text, (fmt, text[text.find(squeezed(STAFF)) - 200:text.find(squeezed(STAFF)) + 80])
    data = json.loads(render(plan, "comments", "json", TODAY))
    chosen = next(s["values"]["platforms.chosen"] for s in data["sections"] if "platforms.chosen" in s["values"])
    assert chosen and all(set(row) <= {"platform", "handle", "comments"} for row in chosen)


def test_the_comment_policy_refuses_a_decision_the_public_may_not_read():
    p = Prose(small_city(), reader=PUBLIC)
    with pytest.raises(NotForReader, match="response.how is for the team, not the public"):
        p.blocks("response.how")
    with pytest.raises(NotForReader):
        p.para("Tiers: {response.tiers}.")
    assert p.value("response.off_limits_topics")[0] == {"topic": "Pending litigation"}
    undecided = Prose(small_city().with_value("response.how", None), reader=PUBLIC)
    with pytest.raises(NotForReader):  # decided or not: no later edit slips one in
        undecided.value("response.how")


def framed(country: str):
    plan = small_city().with_value("organisation.country", None if country == "other" else country)
    if country != "United States":
        plan = plan.with_value("safeguards.forum", "no public-forum doctrine applies")
    return plan, render(plan, "comments", "md", TODAY), render(plan, "conduct", "md", TODAY)


@pytest.mark.parametrize("country", COUNTRIES)
def test_the_same_plan_is_framed_by_its_country_in_both_documents(country):
    plan, comments, conduct = framed(country)
    found = law.records_law(None if country == "other" else country)
    for text in (comments, conduct):
        assert " ".join(found.held.split()) in " ".join(text.split())
        assert " ".join(found.request.split()) in " ".join(text.split())
    named = {"United States": "public records law", "United Kingdom": "Freedom of Information Act 2000",
             "Australia": "State Records Act", "Canada": "access-to-information",
             "New Zealand": "Official Information Act 1982", "Ireland": "Freedom of Information Act 2014",
             "other": "the law that applies to us"}[country]
    assert named in comments and named in conduct
    if country == "United States":
        assert "Our comment spaces are a limited public forum" in comments
        assert "the same way whatever view a comment expresses" in comments
    else:
        assert "public records request" not in comments + conduct
        assert "whatever view" not in comments
        forum = ("Our comment spaces are moderated by us under our published comment rules; no "
                 "public-forum doctrine applies to them.")
        assert forum in comments and forum in conduct
        assert "We hide or remove comments under these rules:" in comments


def test_moderated_not_a_public_forum_is_worded_and_own_words_stand_as_written():
    plan = small_city().with_value("organisation.country", "United Kingdom")
    md = render(plan.with_value("safeguards.forum", "moderated, not a public forum"), "comments", "md", TODAY)
    assert "Our comment spaces are moderated, not a public forum: we invite comment" in md
    assert "whatever view" not in md
    own = render(plan.with_value("safeguards.forum", "a council page moderated under our standing orders"),
                 "comments", "json", TODAY)
    about = next(s["text"] for s in json.loads(own)["sections"] if s["title"] == "About this policy")
    assert "Our comment spaces are a council page moderated under our standing orders." in about


def test_the_guidance_says_where_you_are():
    forum = CATALOGUE.get("safeguards.forum")
    uk = guidance_markdown(forum, country="United Kingdom")
    assert "**Where you are (United Kingdom):** There is no public-forum doctrine" in uk
    assert "Where you are" not in guidance_markdown(forum)
    assert "Where you are" not in guidance_markdown(forum, country="other")
    notice = guidance_markdown(CATALOGUE.get("response.emergency_notice"), country="Australia")
    assert "The emergency number to give is 000." in notice


def test_a_reply_time_is_promised_only_where_the_reply_mode_answers():
    plan = small_city()
    md = render(plan, "comments", "md", TODAY)
    assert "We aim to answer ordinary questions within 1 business day of those hours." in md
    silent = render(plan.with_value("response.reply_mode", "not acknowledged"), "comments", "md", TODAY)
    assert "We aim to answer" not in silent
    assert "they are not acknowledged and we do not answer them here" in silent
    undecided = render(plan.with_value("response.reply_mode", None), "comments", "md", TODAY)
    assert "We aim to answer" not in undecided
    assert "How we answer: **[Not yet decided: How the public is answered]**." in undecided


def test_every_reply_mode_is_worded_and_own_words_promise_no_time():
    from smgov_tui.core.catalogue.response import REPLY_MODES
    from smgov_tui.documents.comments import REPLY

    assert set(REPLY_MODES) <= set(REPLY)
    own = render(small_city().with_value("response.reply_mode", "we answer at the next council meeting"),
                 "comments", "md", TODAY)
    assert "How we answer: we answer at the next council meeting." in own and "We aim to answer" not in own


def test_not_watched_around_the_clock_only_where_the_hours_say_so():
    plan = small_city()
    assert "not watched around the clock" in render(plan, "comments", "md", TODAY)
    always = render(plan.with_value("response.monitoring_hours", "Mon-Sun 00:00-24:00"), "comments", "md", TODAY)
    assert "around the clock" not in always
    assert "**Do not use our social media accounts to report an emergency.**" in always


def test_notices_are_said_to_be_where_the_plan_posts_them():
    md = render(small_city().with_value("response.notice_places", ["our website"]), "comments", "md", TODAY)
    assert "This policy and its terms of use are posted on our website." in md
    assert "Our notice, posted on our website, reads: “This account is monitored" in md
    assert "Every profile carries" not in md


def test_the_terms_of_use_have_their_own_section():
    md = render(small_city(), "comments", "md", TODAY)
    terms = md.split("## Terms of use and disclaimer\n")[1].split("\n## ")[0]
    assert "- We do not endorse the advertisements, links or suggested content a platform places" in terms
    assert "- A comment, message or post on our accounts is not formal notice to us" in terms
    assert "Repeated breaches of these rules may be reported to the platform" in terms
    one = render(small_city().with_value("conduct.terms_of_use", ["we may change these terms at any time"])
                 .with_value("conduct.terms_own_words", None), "comments", "md", TODAY)
    terms = one.split("## Terms of use and disclaimer\n")[1].split("\n## ")[0]
    assert "We may change these terms at any time" in terms and "endorse" not in terms and "Also:" not in terms


def test_hours_needed_with_no_estimate_is_a_gap_not_zero():
    plan = small_city()
    rows = [{k: v for k, v in row.items() if k not in ("posts_per_week", "minutes_per_post")}
            for row in plan.rows("platforms.chosen")]
    md = render(plan.with_value("platforms.chosen", rows), "conduct", "md", TODAY)
    assert "0 hours a week" not in md
    assert ("the platforms in this plan need **[Not yet decided: posting estimate for Facebook and "
            "Instagram]**.") in md
    assert "the platforms in this plan need about " in render(plan, "conduct", "md", TODAY)


def test_the_access_table_keeps_its_undecided_columns_as_gaps():
    plan = small_city().with_value("safeguards.access", [{"account": "Facebook", "two_factor": True}])
    document = build(plan, "conduct", TODAY)
    md = render(plan, "conduct", "md", TODAY)
    header = next(line for line in md.splitlines() if line.startswith("| Platform or tool"))
    assert "Administrators" in header and "Next access review" in header
    row = next(line for line in md.splitlines() if line.startswith("| Facebook") and "yes" in line)
    assert "[Not yet decided: Administrators]" in row and "[Not yet decided: Next access review]" in row
    assert "safeguards.access" in document.gaps
