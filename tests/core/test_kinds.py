"""Every value kind accepts what a person would type and explains what it refuses."""

import pytest

from smgov_tui.core.catalogue import CATALOGUE, InvalidValue


@pytest.mark.parametrize("decision_id, typed, stored", [
    ("objectives.languages", "  English and Spanish ", "English and Spanish"),
    ("objectives.frequency", "DAILY", "daily"),
    ("objectives.engagement_goals", "recruit, inform", ["inform", "recruit"]),
    ("objectives.engagement_goals", '["inform", "inform"]', ["inform"]),
    ("resources.budget", "$1,200.50", 1200.5),
    ("resources.budget", "2400", 2400),
    ("conduct.time_allotted", "5.5h", 5.5),
    ("launch.date", "2027-02-01", "2027-02-01"),
    ("resources.sponsor", "Maria Chen, City Manager", "Maria Chen, City Manager"),
    ("response.monitoring_hours", "weekdays 9am-5pm", "Mon-Fri 09:00-17:00"),
    ("response.reply_target", "next business day", "1 business day"),
    ("safeguards.review_interval", "6", 6),
    ("conduct.security", "Line one\r\nLine two  \n", "Line one\nLine two"),
    ("objectives.frequency", "", None),
    ("objectives.engagement_goals", " ", None),
])
def test_typed_values_are_normalised(decision_id, typed, stored):
    assert CATALOGUE.parse(decision_id, typed) == stored


@pytest.mark.parametrize("decision_id, typed, allowed", [
    ("objectives.frequency", "hourly", "one of: several times a day, daily"),
    ("objectives.engagement_goals", "inform, dance", "any of: inform"),
    ("resources.budget", "lots", "an amount of money"),
    ("resources.budget", "-5", "out of range"),
    ("conduct.time_allotted", "100", "from 0 to 60"),
    ("launch.date", "01/02/2027", "a date as YYYY-MM-DD"),
    ("launch.date", "2027-02-30", "a date as YYYY-MM-DD"),
    ("objectives.languages", "two\nlines", "one line"),
    ("objectives.languages", "x" * 301, "at most 300 characters"),
    ("resources.sponsor", "1234", "a person's name"),
    ("response.monitoring_hours", "all day", "needs days then times"),
    ("response.reply_target", "soon", "a time frame"),
    ("resources.roster", "not json", "not valid JSON"),
    ("resources.roster", '[{"name": "Dana"}]', "role is required"),
    ("resources.roster", '[{"name": "Dana", "role": "team leed", "hours": 4}]', "person 1, role: 'team leed' is not a choice here: did you mean team lead?"),
    ("resources.roster", '[{"name": "Dana", "role": "team lead", "hours": 4, "pay": 1}]', "unknown field 'pay'"),
    ("resources.roster", '"Dana"', "a JSON list of person rows"),
])
def test_wrong_values_name_what_is_allowed(decision_id, typed, allowed):
    with pytest.raises(InvalidValue, match=allowed.replace("(", r"\(")):
        CATALOGUE.parse(decision_id, typed)


def test_rows_are_checked_field_by_field_and_kept_in_schema_order():
    rows = CATALOGUE.parse("platforms.chosen",
                           '[{"comments": "OPEN", "platform": "Facebook", "posts_per_week": "5",'
                           ' "minutes_per_post": "20 min", "content": "video, images"}]')
    assert rows == [{"platform": "Facebook", "posts_per_week": 5, "minutes_per_post": 20,
                     "comments": "open", "content": ["images", "video"]}]
    assert list(rows[0]) == ["platform", "posts_per_week", "minutes_per_post", "comments", "content"]


def test_a_row_choice_must_name_an_existing_row():
    values = {"platforms.chosen": [{"platform": "Facebook"}, {"platform": "Nextdoor"}]}
    assert CATALOGUE.parse("platforms.main", "nextdoor", values) == "Nextdoor"
    with pytest.raises(InvalidValue, match="not in platforms.chosen; use one of: Facebook, Nextdoor"):
        CATALOGUE.parse("platforms.main", "TikTok", values)
    with pytest.raises(InvalidValue, match="add rows to platforms.chosen first"):
        CATALOGUE.parse("platforms.main", "Facebook", {})


TYPED = [d for d in CATALOGUE if d.kind.name not in ("choice", "multi-choice", "list")]


@pytest.mark.parametrize("decision", TYPED, ids=lambda d: d.id)
def test_edit_text_parses_back_to_the_same_value(decision):
    """What an editor shows for a stored value must parse back to that value."""
    samples = {
        "text": "Plain words", "long text": "Two\nlines", "person": "Dana Ruiz",
        "date": "2027-01-15", "money": 1500.25, "hours": 7.5, "number": 6,
        "schedule": "Mon-Fri 09:00-17:00", "time frame": "2 business days", "yes/no": True,
        "web address": "www.millbrook.gov", "contact": "socialmedia@millbrook.gov", "interval": "every 18 months",
        "matrix": {"candidates": [{"platform": "Facebook", "scores": {"Cost": 5}}],
                   "chosen": {"platform": "Facebook", "score": 0.77, "on": "2027-01-15"}},
    }
    kind = decision.kind
    value = kind.check(samples[kind.name])
    assert kind.parse(kind.edit_text(value)) == value


def test_wrong_json_types_in_a_saved_plan_are_set_aside_not_crashing():
    """Hand-edited values of any JSON type either fit or are refused with a reason."""
    import random

    from smgov_tui.core.plan import Plan
    from smgov_tui.core.readiness import checklist

    junk = [None, True, 0, -1, 10**400, 1e308, float("nan"), float("inf"), "", "x", "\x1b[2J", [],
            {}, [1], [{}], [{"platform": 5}], {"a": 1}, "2027-13-01", "Mon-Fri 9-5", "4 h"]
    rnd = random.Random(3)
    for decision in CATALOGUE:
        for value in junk + [[{f.key: rnd.choice(junk) for f in getattr(decision.kind, "fields", ())}]]:
            plan = Plan.from_values("x", {decision.id: value})
            assert decision.id in plan.values or decision.id in plan.invalid or value in (None, "", [], {})
            checklist(plan)
            if plan.decided(decision.id):
                decision.kind.show(plan.get(decision.id))
                decision.kind.edit_text(plan.get(decision.id))


def test_huge_numbers_are_refused_plainly():
    with pytest.raises(InvalidValue, match="too large"):
        CATALOGUE.check("resources.budget", 10**400)
    with pytest.raises(InvalidValue, match="out of range"):
        CATALOGUE.parse("resources.budget", "5000000000")


@pytest.mark.parametrize("decision_id, value, shown", [
    ("resources.budget", 1250000, "1250000"),
    ("resources.budget", 1234567.89, "1234567.89"),
    ("conduct.time_allotted", 7.5, "7.5"),
    ("safeguards.review_interval", 6, "6"),
])
def test_large_and_fractional_numbers_edit_back_exactly(decision_id, value, shown):
    kind = CATALOGUE.get(decision_id).kind
    assert kind.edit_text(value) == shown
    assert kind.parse(kind.edit_text(value)) == value
    assert "e+" not in kind.show(value)


def test_a_web_address_is_one_a_browser_opens():
    kind = CATALOGUE.get("organisation.website").kind
    assert kind.parse("millbrook.gov") == "https://millbrook.gov"
    assert kind.parse(" http://www.millbrook.gov/social?x=1 ") == "http://www.millbrook.gov/social?x=1"
    for wrong in ("millbrook", "https://", "ftp://millbrook.gov", "https://mill brook.gov", "javascript:alert(1)"):
        with pytest.raises(InvalidValue, match="is not a web address"):
            kind.parse(wrong)
