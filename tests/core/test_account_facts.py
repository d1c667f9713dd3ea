"""The account facts on a platform row: validated as the workbench and `smgov set` take
them, optional so plans written before them load unchanged."""

from __future__ import annotations

import pytest

from smgov_tui.core.catalogue import CATALOGUE, InvalidValue
from smgov_tui.core.plan import Plan
from smgov_tui.core.register import accounts


def chosen(**fields):
    return CATALOGUE.check("platforms.chosen", [{"platform": "Facebook", **fields}], {})[0]


def test_each_account_fact_is_kept_in_its_stored_form():
    row = chosen(handle="@Millbrook", address="www.facebook.com/Millbrook", department="Parks",
                 opened="2024-03-01", last_review="2026-06-01", verified="Verified", status="LIVE")
    assert row == {"platform": "Facebook", "handle": "@Millbrook", "address": "https://www.facebook.com/Millbrook",
                   "department": "Parks", "opened": "2024-03-01", "last_review": "2026-06-01", "verified": "verified",
                   "status": "live"}


@pytest.mark.parametrize(("field", "value", "message"), [
    ("address", "javascript:alert(1)", "platform 1, address: 'https://javascript:alert(1)' is not a web address"),
    ("address", "not an address", "platform 1, address: 'https://not an address' is not a web address"),
    ("opened", "2024-13-01", "platform 1, opened: '2024-13-01' is not a date as YYYY-MM-DD"),
    ("opened", "last spring", "platform 1, opened: 'last spring' is not a date as YYYY-MM-DD"),
    ("last_review", "2026-02-30", "platform 1, last_review: '2026-02-30' is not a date as YYYY-MM-DD"),
    ("verified", "maybe", "platform 1, verified: 'maybe' is not a choice here; use one of: verified, "
                          "requested, not verified, not offered"),
    ("status", "open", "platform 1, status: 'open' is not a choice here; use one of: planned, live, "
                       "paused, closing, closed"),
    ("department", "Parks\nLibrary", "platform 1, department: this is one line"),
])
def test_a_wrong_account_fact_is_refused_naming_the_field(field, value, message):
    with pytest.raises(InvalidValue) as refused:
        chosen(**{field: value})
    assert str(refused.value).startswith(message)


def test_every_account_fact_has_guidance_naming_its_reference():
    kind = CATALOGUE.get("platforms.chosen").kind
    for key, source in (("address", "US Digital Registry"), ("department", "registers of official accounts"),
                        ("opened", "registers"), ("verified", "audit"), ("status", "registers of official accounts"),
                        ("last_review", "NSW")):
        assert source in kind.field(key).guidance, key


def test_a_row_written_before_the_account_facts_loads_unchanged_and_counts_as_planned():
    old = [{"platform": "Facebook", "handle": "@Oldham", "owner": "Ann Lee", "backup": "Bo Kim"}]
    plan = Plan.from_values("Old", {"platforms.chosen": old})
    assert plan.invalid == {} and plan.rows("platforms.chosen") == old
    assert [a.status for a in accounts("old.json", plan)] == ["planned"]


def test_accepting_the_suggestion_fills_the_blank_address_and_department_and_keeps_what_is_typed():
    from smgov_tui.core.suggestions import accepted

    plan = Plan.from_values("p", {"organisation.name": "Town of Millbrook", "platforms.chosen": [
        {"platform": "Facebook", "handle": "@Millbrook", "owner": "Ann Lee"},
        {"platform": "x", "handle": "MillbrookTown", "department": "Library"},
        {"platform": "Nextdoor", "handle": "@Millbrook", "address": "https://nextdoor.com/agency/millbrook"}]})
    assert accepted("platforms.chosen", plan) == [
        {"platform": "Facebook", "handle": "@Millbrook", "owner": "Ann Lee",
         "address": "https://www.facebook.com/Millbrook", "department": "Town of Millbrook"},
        {"platform": "x", "handle": "MillbrookTown", "department": "Library", "address": "https://x.com/MillbrookTown"},
        {"platform": "Nextdoor", "handle": "@Millbrook", "address": "https://nextdoor.com/agency/millbrook",
         "department": "Town of Millbrook"}]
    filled = plan.with_value("platforms.chosen", accepted("platforms.chosen", plan))
    assert accepted("platforms.chosen", filled) is None  # nothing left to fill


def test_an_address_is_built_only_for_a_platform_with_a_pattern_and_a_handle_that_is_one():
    from smgov_tui.core.suggestions.platforms import account_address

    assert account_address("YouTube", "@KettleCounty") == "https://www.youtube.com/@KettleCounty"
    assert account_address(" facebook ", "KettleCounty") == "https://www.facebook.com/KettleCounty"
    assert account_address("Nextdoor", "@KettleCounty") is None  # pages by numeric id
    assert account_address("Facebook", "Kettle County") is None  # a name, not a handle
    assert account_address("Facebook", "") is None
